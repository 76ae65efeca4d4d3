"""A lossless JSON form of the model, so a built bank can be audited, previewed or re-read.

``dump_bank`` gives plain dicts (JSON-ready); ``load_bank_json`` rebuilds the frozen
dataclasses, so ``load_bank_json(dump_bank(b)) == b``. The writer ``bank-json`` puts it
in the build directory as ``bank.json``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from qbank.errors import QbankError
from qbank.model import (
    ITEM_KINDS,
    Bank,
    Bullet,
    Choice,
    Cloze,
    Concept,
    Diagnostic,
    Essay,
    Gap,
    Item,
    Matching,
    MultipleChoice,
    Numerical,
    Ordering,
    Pair,
    Section,
    Severity,
    Source,
    Topic,
    TrueFalse,
)

FORMAT_VERSION = 1
FILENAME = "bank.json"
_KINDS: dict[str, type[Item]] = {k.kind: k for k in ITEM_KINDS}


def _source(s: Source | None) -> dict[str, Any] | None:
    if s is None:
        return None
    return {"path": s.path, "line": s.line, "section": s.section.value if s.section else None}


def _load_source(d: dict[str, Any] | None) -> Source | None:
    if d is None:
        return None
    return Source(d["path"], d["line"], Section(d["section"]) if d.get("section") else None)


def _bullets(bs: tuple[Bullet, ...]) -> list[dict[str, Any]]:
    return [{"text": b.text, "source": _source(b.source)} for b in bs]


def _load_bullets(ds: list[dict[str, Any]]) -> tuple[Bullet, ...]:
    return tuple(Bullet(d["text"], _load_source(d["source"])) for d in ds)


def dump_topic(t: Topic) -> dict[str, Any]:
    return {
        "slug": t.slug,
        "title": t.title,
        "path": t.path,
        "sha256": t.sha256,
        "synopsis": t.synopsis,
        "synopsis_source": _source(t.synopsis_source),
        "concepts": [{"term": c.term, "definition": c.definition, "source": _source(c.source)} for c in t.concepts],
        "tips": _bullets(t.tips),
        "misconceptions": _bullets(t.misconceptions),
        "marking_points": _bullets(t.marking_points),
        "steps": _bullets(t.steps),
        "notes": _bullets(t.notes),
        "note_headings": [list(h) for h in t.note_headings],
        "question_headings": [list(h) for h in t.question_headings],
        "headings": [list(h) for h in t.headings],
        "tags": list(t.tags),
        "unit": t.unit,
        "named": t.named,
    }


def load_topic(d: dict[str, Any]) -> Topic:
    return Topic(
        slug=d["slug"],
        title=d["title"],
        path=d["path"],
        sha256=d["sha256"],
        synopsis=d.get("synopsis", ""),
        synopsis_source=_load_source(d.get("synopsis_source")),
        concepts=tuple(Concept(c["term"], c["definition"], _load_source(c["source"])) for c in d.get("concepts", [])),
        tips=_load_bullets(d.get("tips", [])),
        misconceptions=_load_bullets(d.get("misconceptions", [])),
        marking_points=_load_bullets(d.get("marking_points", [])),
        steps=_load_bullets(d.get("steps", [])),
        notes=_load_bullets(d.get("notes", [])),
        note_headings=tuple((int(a), str(b)) for a, b in d.get("note_headings", [])),
        question_headings=tuple((int(a), str(b)) for a, b in d.get("question_headings", [])),
        headings=tuple((str(a), str(b)) for a, b in d.get("headings", [])),
        tags=tuple(d.get("tags", [])),
        unit=d.get("unit"),
        named=d.get("named", True),
    )


def dump_item(item: Item) -> dict[str, Any]:
    d: dict[str, Any] = {
        "kind": item.kind,
        "id": item.id,
        "family": item.family,
        "topic": item.topic,
        "title": item.title,
        "stem": item.stem,
        "general_feedback": item.general_feedback,
        "sources": [_source(s) for s in item.sources],
        "tags": list(item.tags),
        "group": item.group,
    }
    if isinstance(item, MultipleChoice):
        d["choices"] = [{"text": c.text, "correct": c.correct, "feedback": c.feedback} for c in item.choices]
        d["multiple"] = item.multiple
        d["ordered"] = item.ordered
    elif isinstance(item, TrueFalse):
        d.update(answer=item.answer, feedback_true=item.feedback_true, feedback_false=item.feedback_false)
    elif isinstance(item, Matching):
        d["pairs"] = [{"prompt": p.prompt, "answer": p.answer} for p in item.pairs]
        d["extra_answers"] = list(item.extra_answers)
    elif isinstance(item, Ordering):
        d["steps"] = list(item.steps)
    elif isinstance(item, Essay):
        d.update(grader_info=item.grader_info, response_lines=item.response_lines)
    elif isinstance(item, Cloze):
        d["parts"] = list(item.parts)
        d["gaps"] = [{"key": g.key, "distractors": list(g.distractors), "feedback": g.feedback} for g in item.gaps]
    elif isinstance(item, Numerical):
        d.update(answer=item.answer, tolerance=item.tolerance, feedback_correct=item.feedback_correct,
                 feedback_wrong=item.feedback_wrong, value=item.value)
    return d


def load_item(d: dict[str, Any]) -> Item:
    kind = _KINDS.get(d.get("kind", ""))
    if kind is None:
        raise QbankError(f"bank.json: unknown item kind {d.get('kind')!r}")
    common: dict[str, Any] = {
        "id": d["id"],
        "family": d["family"],
        "topic": d["topic"],
        "title": d["title"],
        "stem": d["stem"],
        "general_feedback": d.get("general_feedback", ""),
        "sources": tuple(_load_source(s) for s in d.get("sources", [])),
        "tags": tuple(d.get("tags", [])),
        "group": d.get("group", ""),
    }
    if kind is MultipleChoice:
        choices = tuple(Choice(c["text"], c["correct"], c.get("feedback", "")) for c in d["choices"])
        return MultipleChoice(**common, choices=choices, multiple=d.get("multiple", False), ordered=d.get("ordered", False))
    if kind is TrueFalse:
        return TrueFalse(**common, answer=d["answer"], feedback_true=d.get("feedback_true", ""),
                         feedback_false=d.get("feedback_false", ""))
    if kind is Matching:
        pairs = tuple(Pair(p["prompt"], p["answer"]) for p in d["pairs"])
        return Matching(**common, pairs=pairs, extra_answers=tuple(d.get("extra_answers", [])))
    if kind is Ordering:
        return Ordering(**common, steps=tuple(d["steps"]))
    if kind is Cloze:
        gaps = tuple(Gap(g["key"], tuple(g["distractors"]), g.get("feedback", "")) for g in d["gaps"])
        return Cloze(**common, parts=tuple(d["parts"]), gaps=gaps)
    if kind is Numerical:
        return Numerical(**common, answer=str(d["answer"]), tolerance=str(d.get("tolerance", "0")),
                         feedback_correct=d.get("feedback_correct", ""), feedback_wrong=d.get("feedback_wrong", ""),
                         value=d.get("value", ""))
    return Essay(**common, grader_info=d["grader_info"], response_lines=d.get("response_lines", 15))


def dump_bank(bank: Bank) -> dict[str, Any]:
    """The whole bank as JSON-ready dicts (``meta`` included when it is JSON-serialisable)."""
    return {
        "qbank_bank_json": FORMAT_VERSION,
        "name": bank.name,
        "seed": bank.seed,
        "topics": [dump_topic(t) for t in bank.topics],
        "items": [dump_item(i) for i in bank.items],
        "diagnostics": [
            {"severity": d.severity.value, "message": d.message, "path": d.path, "line": d.line}
            for d in bank.diagnostics
        ],
        "meta": bank.meta,
    }


def load_bank_json(data: dict[str, Any]) -> Bank:
    """The Bank that ``dump_bank`` described; a malformed document raises QbankError."""
    try:
        return Bank(
            name=data["name"],
            topics=tuple(load_topic(t) for t in data["topics"]),
            items=tuple(load_item(i) for i in data["items"]),
            seed=data.get("seed", 0),
            diagnostics=tuple(
                Diagnostic(Severity(d["severity"]), d["message"], d["path"], d.get("line", 0))
                for d in data.get("diagnostics", [])
            ),
            meta=dict(data.get("meta") or {}),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise QbankError(f"bank.json is not a qbank bank ({type(exc).__name__}: {exc})") from None


def read_bank_file(path: Path) -> Bank:
    """Read a ``bank.json`` file, or the one inside a build directory."""
    path = Path(path)
    if path.is_dir():
        path = path / FILENAME
    if not path.is_file():
        raise QbankError("no bank.json here; build with the bank-json format first", str(path))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise QbankError(f"not valid JSON ({exc})", str(path)) from None
    except RecursionError:  # json nests deeper than Python's stack: no bank.json qbank wrote does
        raise QbankError("not a bank.json qbank wrote (JSON nested too deeply)", str(path)) from None
    try:
        return load_bank_json(data)
    except (KeyError, TypeError, ValueError, AttributeError, RecursionError) as exc:
        raise QbankError(f"not a bank.json qbank wrote ({type(exc).__name__}: {exc})", str(path)) from None


def write(bank: Bank, out_dir: Path, options: Any) -> list:
    """The ``bank-json`` writer: ``bank.json`` with every topic and item, sorted keys, stable bytes."""
    from qbank.writers import Output, count_kinds

    # Streamed: the same bytes as json.dumps, without the whole document as one string in memory.
    encoder = json.JSONEncoder(indent=1, ensure_ascii=False, sort_keys=True, default=str)
    with open(Path(out_dir) / FILENAME, "w", encoding="utf-8", newline="\n") as fh:
        fh.writelines(encoder.iterencode(dump_bank(bank)))
        fh.write("\n")
    return [Output(FILENAME, "bank-json", count_kinds(bank.items), [])]
