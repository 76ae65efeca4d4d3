"""HTML preview and answer key for tutors: ``preview/index.html`` plus one page per topic.

Each item is shown as a learner sees it; a CSS-only "Show answer key" switch (no
JavaScript) reveals the key, per-option feedback, general feedback and the source
file:line, and print always includes the key. Links are relative, nothing is fetched,
so the folder works from a zip, a file share or a browser's file:// view.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qbank import __version__
from qbank.generate.common import rng_for
from qbank.generate.essays import observation_checklist
from qbank.model import Bank, Cloze, Essay, Item, Matching, MultipleChoice, Ordering, TrueFalse
from qbank.templating import environment
from qbank.writers import Output, WriteOptions, count_kinds

FORMAT = "preview"
FOLDER = "preview"
CSS = "preview.css"
OBSERVATION = "observation-checklist.html"  # practical marking points: observed, not examined
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def kind_label(item: Item) -> str:
    """The question type in a tutor's words."""
    if isinstance(item, MultipleChoice):
        return "Multiple choice, several answers" if item.multiple else "Multiple choice, one answer"
    return {
        "truefalse": "True/false",
        "matching": "Matching",
        "ordering": "Ordering",
        "essay": "Essay",
        "cloze": "Select missing words",
        "numerical": "Number to type",
    }.get(item.kind, item.kind)


def where_from(item: Item) -> str:
    """Sources as ``file:line``, lines of one file grouped: ``topics/a.txt:5, 6, 9``."""
    lines: dict[str, list[int]] = {}
    for s in item.sources:
        lines.setdefault(s.path, [])
        if s.line not in lines[s.path]:
            lines[s.path].append(s.line)
    return "; ".join(f"{path}:{', '.join(map(str, nums))}" for path, nums in lines.items())


def _view(item: Item, seed: int) -> dict[str, Any]:
    """What the learner sees beyond the stem, with letters a tutor can quote."""
    if isinstance(item, MultipleChoice):
        choices = [{"letter": LETTERS[n % 26], "choice": c} for n, c in enumerate(item.choices)]
        return {"choices": choices, "answer": ", ".join(c["letter"] for c in choices if c["choice"].correct)}
    if isinstance(item, TrueFalse):
        return {"answer": "True" if item.answer else "False"}
    if isinstance(item, Matching):
        # Alphabetical, so the list never gives the pairing away and never changes between builds.
        answers = sorted({p.answer for p in item.pairs} | set(item.extra_answers), key=str.casefold)
        return {"answers": answers}
    if isinstance(item, Ordering):
        order = list(range(len(item.steps)))
        rng_for(seed, f"preview\x1f{item.id}").shuffle(order)
        if len(order) > 1 and order == sorted(order):
            order = order[1:] + order[:1]  # a learner must never be shown the answer
        shown = [{"letter": LETTERS[n % 26].upper(), "step": item.steps[i], "index": i} for n, i in enumerate(order)]
        letter_of = {s["index"]: s["letter"] for s in shown}
        return {"shown": shown, "answer": ", ".join(letter_of[i] for i in range(len(item.steps)))}
    if isinstance(item, Essay):
        return {"lines": max(3, min(item.response_lines, 20))}
    if isinstance(item, Cloze):
        gaps = []
        for n, gap in enumerate(item.gaps, 1):
            options = [gap.key, *gap.distractors]
            rng_for(seed, f"preview\x1f{item.id}\x1f{n}").shuffle(options)  # the key is not always first
            gaps.append({"number": n, "options": options, "gap": gap})
        return {"gaps": gaps, "answer": "; ".join(f"gap {g['number']}: {g['gap'].key}" for g in gaps)}
    return {}


def write(bank: Bank, out_dir: Path, options: WriteOptions) -> list[Output]:
    env = environment(FORMAT, options.templates)
    folder = out_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    common = {"bank": bank, "qbank_version": __version__, "css": CSS, "kind_label": kind_label}

    pages = []
    for topic in bank.topics:
        items = bank.items_for(topic.slug)
        pages.append({"topic": topic, "href": f"{topic.slug}.html", "questions": items, "counts": count_kinds(items)})

    outputs: list[Output] = []
    for n, page in enumerate(pages):
        entries = [
            {"item": item, "number": k, "label": kind_label(item), "view": _view(item, bank.seed),
             "sources": where_from(item)}
            for k, item in enumerate(page["questions"], start=1)
        ]
        text = env.get_template("topic.html.j2").render(
            **common,
            key_switch=True,
            topic=page["topic"],
            entries=entries,
            prev=pages[n - 1] if n > 0 else None,
            next=pages[n + 1] if n + 1 < len(pages) else None,
        )
        _write(folder / page["href"], text)
        outputs.append(Output(f"{FOLDER}/{page['href']}", FORMAT, page["counts"]))

    checklist = observation_checklist(bank.topics)
    if checklist:
        text = env.get_template("observation.html.j2").render(**common, key_switch=False, points=checklist)
        _write(folder / OBSERVATION, text)
    index = env.get_template("index.html.j2").render(
        **common, key_switch=False, pages=pages, totals=count_kinds(bank.items), diagnostics=bank.diagnostics,
        observation=OBSERVATION if checklist else None, observed=len(checklist),
    )
    _write(folder / "index.html", index)
    _write(folder / CSS, env.get_template("preview.css.j2").render())
    # Index and stylesheet carry no item counts, so per-format totals stay true in the manifest.
    outputs.insert(0, Output(f"{FOLDER}/index.html", FORMAT))
    outputs.append(Output(f"{FOLDER}/{CSS}", FORMAT))
    if checklist:
        outputs.append(Output(f"{FOLDER}/{OBSERVATION}", FORMAT))
    return outputs


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="\n")
