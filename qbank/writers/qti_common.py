"""What the QTI writers share: stable identifiers and one scoring plan per item.

A plan says, independent of QTI version, how an item is asked (interaction), what the
key is (correct response), how it is scored and which feedback it shows. QTI 2.1 and
3.0 templates render the same plan, so both versions score every item the same way:

- single answer, true/false, ordering: the key scores 1, anything else 0;
- multi-answer and matching: the key scores exactly 1 (``match`` against the correct
  response); any other response gets partial credit, ``mapResponse / scale`` with a
  lower bound of 0 (multi: each key +w, each wrong option -k, scale k*w, which is
  Moodle's "each key 1/k, each wrong -1/w"; matching: each right pair 1, scale n);
- numerical: a text entry of baseType float; the key scores 1 when ``equal`` to the correct
  response (``toleranceMode`` exact, or absolute with the item's tolerance; ``match`` is not for
  floats, QTI 2.1 section 15.4), anything else 0;
- essays are not scored automatically (SCORE stays 0; a marker scores them).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path
from typing import Any

from qbank.errors import QbankError
from qbank.generate.common import rng_for
from qbank.model import Bank, Cloze, Essay, Item, Matching, MultipleChoice, Numerical, Ordering, TrueFalse
from qbank.templating import environment
from qbank.writers import Output, WriteOptions, count_kinds
from qbank.packaging import PackageStream, package_order

CORRECT_TEXT = "Your answer is correct."
INCORRECT_TEXT = "Your answer is incorrect."
PARTIAL_TEXT = "Your answer is not fully correct."
FIXED_OPTION = re.compile(r"\b(all|none|both|neither) of (the )?(above|these)\b", re.IGNORECASE)


def ncname(text: str) -> str:
    """``text`` as a QTI identifier (an XML NCName): unsafe characters become '_'."""
    name = re.sub(r"[^A-Za-z0-9_.-]", "_", text)
    return name if re.match(r"[A-Za-z_]", name) else f"I{name}"


def name_ident(prefix: str, text: str) -> str:
    """An identifier from a free-text name (e.g. the bank's): ASCII slug, plus a hash if anything was lost."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")
    if slug != text:
        slug = f"{slug}-{_hash(text)}".strip("-")
    return ncname(f"{prefix}-{slug}")


def _hash(text: str, size: int = 4) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=size).hexdigest()


def content_ids(prefix: str, texts: list[str]) -> list[str]:
    """One identifier per text, from a hash of the text (stable whatever the option order)."""
    ids: list[str] = []
    for text in texts:
        ident = f"{prefix}{_hash(text)}"
        n = 2
        while ident in ids:  # the same text twice in one item: still distinct identifiers
            ident = f"{prefix}{_hash(text)}_{n}"
            n += 1
        ids.append(ident)
    return ids


def scrambled(item: Item, seed: int, count: int) -> list[int]:
    """A seeded order of ``count`` positions that is never the identity (for ordering items)."""
    order = list(range(count))
    rng_for(seed, f"qti-order:{item.id}").shuffle(order)
    if count > 1 and order == sorted(order):
        order = order[1:] + order[:1]
    return order


def _feedback(ident: str, text: str) -> dict[str, str]:
    return {"id": ident, "text": text}


def _choice_plan(item: MultipleChoice) -> dict[str, Any]:
    ids = content_ids("C", [c.text for c in item.choices])
    choices = [
        {"id": i, "text": c.text, "fixed": bool(FIXED_OPTION.search(c.text)), "feedback": c.feedback, "correct": c.correct}
        for i, c in zip(ids, item.choices)
    ]
    keys = [c["id"] for c in choices if c["correct"]]
    plan: dict[str, Any] = {
        "interaction": "choice",
        "cardinality": "multiple" if item.multiple else "single",
        "base_type": "identifier",
        "choices": choices,
        "shuffle": not item.ordered,  # values in numerical order stay so
        "max_choices": 0 if item.multiple else 1,
        "correct": keys,
        "per_choice_feedback": any(c.feedback for c in item.choices),
    }
    if item.multiple:
        k, w = len(keys), len(choices) - len(keys)
        plan["mapping"] = [(c["id"], w if c["correct"] else -k) for c in choices] if w else [(i, 1) for i in keys]
        plan["scale"] = k * w if w else k
    return plan


def _truefalse_plan(item: TrueFalse) -> dict[str, Any]:
    choices = [
        {"id": "TRUE", "text": "True", "fixed": True, "feedback": item.feedback_true, "correct": item.answer},
        {"id": "FALSE", "text": "False", "fixed": True, "feedback": item.feedback_false, "correct": not item.answer},
    ]
    return {
        "interaction": "choice",
        "cardinality": "single",
        "base_type": "identifier",
        "choices": choices,
        "shuffle": False,
        "max_choices": 1,
        "correct": ["TRUE" if item.answer else "FALSE"],
        "per_choice_feedback": bool(item.feedback_true or item.feedback_false),
    }


def _matching_plan(item: Matching) -> dict[str, Any]:
    source_ids = content_ids("P", [p.prompt for p in item.pairs])
    answers: list[str] = []
    for text in [p.answer for p in item.pairs] + list(item.extra_answers):
        if text not in answers:
            answers.append(text)
    target_ids = dict(zip(answers, content_ids("A", answers)))
    uses = {a: sum(1 for p in item.pairs if p.answer == a) for a in answers}
    correct = [f"{s} {target_ids[p.answer]}" for s, p in zip(source_ids, item.pairs)]
    return {
        "interaction": "match",
        "cardinality": "multiple",
        "base_type": "directedPair",
        "sources": [{"id": s, "text": p.prompt, "match_max": 1} for s, p in zip(source_ids, item.pairs)],
        "targets": [{"id": target_ids[a], "text": a, "match_max": max(uses[a], 1)} for a in answers],
        "shuffle": True,
        "max_choices": len(item.pairs),
        "correct": correct,
        "mapping": [(c, 1) for c in correct],
        "scale": len(correct),
        "per_choice_feedback": False,
    }


def _ordering_plan(item: Ordering, seed: int) -> dict[str, Any]:
    ids = content_ids("S", list(item.steps))
    steps = [{"id": i, "text": t, "fixed": False} for i, t in zip(ids, item.steps)]
    return {
        "interaction": "order",
        "cardinality": "ordered",
        "base_type": "identifier",
        # document order is scrambled too: a player that ignores shuffle must not show the key
        "choices": [steps[i] for i in scrambled(item, seed, len(steps))],
        "shuffle": True,
        "correct": ids,
        "per_choice_feedback": False,
    }


def _cloze_plan(item: Cloze) -> dict[str, Any]:
    """One inline choice interaction per gap (RESPONSE_1 ...), each key mapped to 1; SCORE is the
    sum over gaps divided by their number, so the key scores 1 and each wrong gap costs 1/n."""
    gaps = []
    for n, gap in enumerate(item.gaps, 1):
        options = [gap.key, *gap.distractors]
        ids = content_ids(f"G{n}_", options)
        gaps.append({"response": f"RESPONSE_{n}", "key": ids[0],
                     "choices": [{"id": i, "text": t} for i, t in zip(ids, options)]})
    return {"interaction": "inline", "cardinality": "single", "base_type": "identifier", "gaps": gaps,
            "parts": list(item.parts), "correct": [g["key"] for g in gaps], "per_choice_feedback": False,
            "partial": len(gaps) > 1}


def _numerical_plan(item: Numerical) -> dict[str, Any]:
    tolerance = "" if float(item.tolerance) == 0 else item.tolerance
    return {"interaction": "entry", "cardinality": "single", "base_type": "float", "correct": [item.answer],
            "tolerance": tolerance, "expected_length": max(len(item.answer) + 2, 6), "per_choice_feedback": False}


def unfit_reason(item: Item) -> str | None:
    """Why an item cannot be written as a scorable QTI item (None: it can). Skipped, not fatal."""
    if isinstance(item, MultipleChoice):
        if not item.keys:
            return "no correct choice"
        if not item.multiple and len(item.keys) != 1:
            return f"single-answer item with {len(item.keys)} correct choices"
    if isinstance(item, Matching) and not item.pairs:
        return "no pairs to match"
    if isinstance(item, Cloze):
        from qbank.writers.shared import cloze_problem

        return cloze_problem(item)
    if isinstance(item, Numerical):
        from qbank.writers.shared import numerical_problem

        return numerical_problem(item)
    if isinstance(item, Ordering):
        if len(item.steps) < 2:
            return "fewer than two steps to order"
        if len(set(item.steps)) != len(item.steps):
            return "the same step twice: no single order is correct"
    return None


def item_plan(item: Item, seed: int = 0) -> dict[str, Any] | None:
    """The version-independent QTI plan of one item, or None for a kind QTI writers cannot express."""
    if isinstance(item, MultipleChoice):
        plan = _choice_plan(item)
    elif isinstance(item, TrueFalse):
        plan = _truefalse_plan(item)
    elif isinstance(item, Matching):
        plan = _matching_plan(item)
    elif isinstance(item, Ordering):
        plan = _ordering_plan(item, seed)
    elif isinstance(item, Cloze):
        plan = _cloze_plan(item)
    elif isinstance(item, Numerical):
        if unfit_reason(item):
            return None
        plan = _numerical_plan(item)
    elif isinstance(item, Essay):
        plan = {"interaction": "text", "cardinality": "single", "base_type": "string", "correct": [],
                "expected_lines": item.response_lines, "grader_info": item.grader_info, "per_choice_feedback": False}
    else:
        return None
    plan.setdefault("mapping", None)
    plan.setdefault("scale", None)
    plan["item"] = item
    plan["ident"] = ncname(item.id)
    plan["scored"] = plan["interaction"] != "text"
    partial = plan["mapping"] is not None or plan.get("partial", False)
    feedback = []
    if plan["scored"]:
        right, wrong = (item.feedback_correct, item.feedback_wrong) if isinstance(item, Numerical) else ("", "")
        feedback.append(_feedback("CORRECT", right or CORRECT_TEXT))
        feedback.append(_feedback("INCORRECT", wrong or (PARTIAL_TEXT if partial else INCORRECT_TEXT)))
    for c in plan.get("choices", []):
        if c.get("feedback"):
            feedback.append(_feedback(c["id"], c["feedback"]))
    if item.general_feedback:
        feedback.append(_feedback("GENERAL", item.general_feedback))
    plan["feedback"] = feedback
    plan["general"] = bool(item.general_feedback)
    return plan


def item_href(plan: dict[str, Any]) -> str:
    return f"items/{plan['ident']}.xml"


def section_ident(slug: str) -> str:
    return ncname(f"section-{slug}")


Render = Callable[[], str]  # makes one document of a package when its turn comes


def _render_item(template: Any, item: Item, seed: int, href: str) -> str:
    plan = item_plan(item, seed)
    assert plan is not None  # only items with a plan are given an entry
    plan["href"] = href
    return template.render(p=plan)


def package_entries(bank: Bank, fmt: str, template_dir: str, options: WriteOptions) -> tuple[dict[str, Render], list[Item], list[dict[str, str]]]:
    """A QTI 2.1/3.0 content package as entries rendered on demand: manifest, one test (a section per topic), one file per item.

    Only references are kept per item (its identifier, href and Item); each item's plan and
    XML are made again when its entry is written, so the package is never in memory."""
    env = environment(template_dir, options.templates)
    item_tpl = env.get_template("item.xml.j2")
    entries: dict[str, Render] = {}
    written: list[Item] = []
    skipped: list[dict[str, str]] = []
    sections = []
    refs = []
    for topic in bank.topics:
        section_refs = []
        for item in bank.items_for(topic.slug):
            plan = item_plan(item, bank.seed)
            reason = f"{fmt} has no interaction for this kind" if plan is None else unfit_reason(item)
            if plan is None or reason:
                skipped.append({"id": item.id, "kind": item.kind, "reason": reason})
                continue
            ref = {"ident": plan["ident"], "href": item_href(plan), "item": item}
            entries[ref["href"]] = partial(_render_item, item_tpl, item, bank.seed, ref["href"])
            section_refs.append(ref)
            written.append(item)
        if section_refs:
            sections.append({"ident": section_ident(topic.slug), "title": topic.title, "plans": section_refs})
            refs.extend(section_refs)
    test_href = "assessment.xml"
    test_ident = name_ident("test", bank.name)
    entries[test_href] = partial(env.get_template("test.xml.j2").render, ident=test_ident, title=bank.name,
                                 sections=sections)
    entries["imsmanifest.xml"] = partial(
        env.get_template("imsmanifest.xml.j2").render,
        ident=name_ident(f"manifest-{fmt}", bank.name), test_href=test_href, test_ident=f"res-{test_ident}", items=refs,
        bank=bank,
    )
    return entries, written, skipped


def _failure(problems: list[Any], more: int = 0) -> str:
    shown = "; ".join(str(p) for p in problems[:5])
    extra = len(problems) - 5 + more
    return f"generated package failed validation: {shown}" + (f" (and {extra} more)" if extra > 0 else "")


def write_streamed(path: Path, entries: Mapping[str, Render], options: WriteOptions) -> None:
    """Render each document in the package's final order, check its tree at once and stream it into the zip.

    Structure is always checked, XSDs too with --schemas. Fail closed: the first document with a
    problem stops the writer and the partial zip is removed."""
    from qbank.validate import PackageCheck, check_schema_dir

    schema_dir = check_schema_dir(options.schemas) if options.schemas else None
    names = set(entries)
    check = PackageCheck(names, schema_dir)
    if "imsmanifest.xml" not in names:
        raise QbankError(_failure(["imsmanifest.xml: missing: a content package needs a manifest at its root"]), path.name)
    try:
        with PackageStream(path) as package:
            for name in package_order(names):
                data = entries[name]()
                if name.lower().endswith(".xml"):
                    problems = check.document(name, data)
                    if problems:
                        raise QbankError(_failure(problems), path.name)
                package.add(name, data)
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def write_checked(path: Path, files: Mapping[str, str], options: WriteOptions) -> None:
    """Validate an already rendered package (structure always, XSDs with --schemas) and write it only if it is sound."""
    write_streamed(path, {name: partial(str, data) for name, data in files.items()}, options)


def write_content_package(bank: Bank, out_dir: Path, options: WriteOptions, fmt: str, template_dir: str, filename: str) -> list[Output]:
    """The whole writer for QTI 2.1 and 3.0 (they differ only in templates)."""
    entries, written, skipped = package_entries(bank, fmt, template_dir, options)
    write_streamed(out_dir / filename, entries, options)
    return [Output(filename, fmt, count_kinds(written), skipped)]
