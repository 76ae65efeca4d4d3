"""Coverage: does every key concept, misconception, numeric fact and written marking point have an item?

Whatever has none is listed with its file:line and the reason, so a tutor sees exactly what
the bank does not test. Practical marking points are counted apart: they belong on the
observation checklist, not in an exam. Also measured: the share of auto-marked items that
ask more than recall (cloze, numeric, scenario, "what is wrong with this claim").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from qbank.model import Bank, Item, Source, Topic

ABOVE_RECALL_FAMILIES = frozenset({"cloze", "numeric", "scenario"})
_CLAIM = re.compile(r"\bwrong with (?:this|the) claim\b|\bwhat is wrong\b", re.IGNORECASE)
AUTO_MARKED_KINDS = frozenset({"multichoice", "truefalse", "matching", "ordering", "cloze", "numerical"})


def is_above_recall(item: Item) -> bool:
    return item.family in ABOVE_RECALL_FAMILIES or bool(_CLAIM.search(item.stem))


def _by_source(items: Sequence[Item]) -> dict[Source, list[Item]]:
    found: dict[Source, list[Item]] = {}
    for item in items:
        for s in item.sources:
            found.setdefault(Source(s.path, s.line), []).append(item)
    return found


def _where(s: Source) -> str:
    return f"{s.path}:{s.line}"


def _tally(rows: list[tuple[Source, str, str | None]]) -> dict[str, Any]:
    """rows: (source, text, reason or None when covered)."""
    missing = [{"where": _where(s), "text": text[:120], "reason": reason} for s, text, reason in rows if reason]
    return {"total": len(rows), "covered": len(rows) - len(missing), "uncovered": missing}


def coverage(topics: Sequence[Topic], items: Sequence[Item]) -> dict[str, Any]:
    """The coverage report (JSON-ready), as the manifest and ``qbank audit`` show it."""
    from qbank.generate.concepts import skip_reason as concept_reason
    from qbank.generate.essays import is_practical, plan, written_tasks
    from qbank.generate.facts import build_facts
    from qbank.generate.numeric import fact_index, item_for, numeric_facts

    facts = build_facts(topics)
    by_source = _by_source(items)

    def asked(source: Source, families: tuple[str, ...] = ()) -> list[Item]:
        found = by_source.get(Source(source.path, source.line), [])
        return [i for i in found if not families or i.family in families]

    concepts = []
    for t in topics:
        for c in t.concepts:
            reason = None
            if not asked(c.source):
                twin = facts.earlier_twin(t, c)
                reason = (f"the same definition as {_where(twin.source)}, asked there" if twin else
                          "no item: " + (concept_reason(c, t, facts) or "its statement is contested"))
            concepts.append((c.source, f"{c.term}: {c.definition}", reason))

    mistakes = []
    for t in topics:
        for b in t.misconceptions:
            reason = None
            if not asked(b.source):
                reason = ("said in nearly the same words in an earlier file, asked there"
                          if facts.earlier_twin_bullet(t, b.text, "misconceptions") else
                          "no item: " + _mistake_reason(b))
            mistakes.append((b.source, b.text, reason))

    numbers = []
    by_slug = {t.slug: t for t in topics}
    index = fact_index(tuple(topics))
    for f in numeric_facts(topics):
        hit = [i for i in asked(f.source, ("numeric", "cloze")) if _keys_value(i, f.value)]
        reason = None
        if not hit:
            _, why = item_for(f, by_slug[f.topic], topics, 0, index)
            reason = why or "asked in an earlier statement of the same words"
        numbers.append((f.source, f"{f.value} in: {f.sentence}", reason))

    written, practical = [], 0
    for t in topics:
        for p in written_tasks(t):
            if is_practical(p.text):
                practical += 1
                continue
            reason = None
            if not asked(p.source, ("essay",)):
                # no essay unless the notes give every demand of the prompt: plan() says what is missing
                reason = plan(t, p).reason or "the same prompt as an earlier marking point"
            written.append((p.source, p.text, reason))

    auto = [i for i in items if i.kind in AUTO_MARKED_KINDS]
    above = [i for i in auto if is_above_recall(i)]
    return {
        "key concepts": _tally(concepts),
        "misconceptions": _tally(mistakes),
        "numeric facts": _tally(numbers),
        "written marking points": _tally(written),
        "practical marking points (observation checklist)": practical,
        "above recall": {"auto_marked": len(auto), "above_recall": len(above),
                         "share": round(len(above) / len(auto), 4) if auto else 0.0},
    }


def _mistake_reason(bullet) -> str:
    from qbank.generate.misconceptions import read, tf_statements

    r = read(bullet)
    if not r.claim and not r.correction:
        return ("a practice mistake with no belief or correction to test; \"which of these is a mistake?\" is "
                "not set because the notes give no neutral good practice to offer beside it")
    if tf_statements(r):
        return ("its true/false statement had no partner of the other answer with like length and form "
                "(true and false statements are kept in matched pairs)")
    return "its belief could not be stated as a claim without an absolute or a hedge that gives the answer away"


def _keys_value(item: Item, value: str) -> bool:
    from qbank.generate.numeric import typed_number

    keys = [c.text for c in getattr(item, "choices", ()) if c.correct] + [g.key for g in getattr(item, "gaps", ())]
    return value in keys or (item.kind == "numerical" and getattr(item, "answer", None) == typed_number(value))


def bank_coverage(bank: Bank) -> dict[str, Any]:
    return coverage(bank.topics, bank.items)


def render_coverage(report: dict[str, Any], limit: int | None = 50) -> str:
    """The coverage section of ``qbank audit``: counts, then each uncovered line with its reason."""
    lines = ["", "coverage (every statement has an item, or is listed with the reason):"]
    shown = 0
    for name, part in report.items():
        if name == "above recall":
            lines.append(f"  auto-marked items above recall: {part['above_recall']} of {part['auto_marked']} "
                         f"({100 * part['share']:.1f}%)")
        elif isinstance(part, int):
            lines.append(f"  {name}: {part}")
        else:
            lines.append(f"  {name}: {part['covered']} of {part['total']} covered")
    for name, part in report.items():
        if not isinstance(part, dict) or "uncovered" not in part:
            continue
        for row in part["uncovered"]:
            if limit is not None and shown >= limit:
                lines.append("  … (more with --all)")
                return "\n".join(lines) + "\n"
            lines.append(f"  {row['where']}: {name}: {row['reason']}: “{row['text']}”")
            shown += 1
    return "\n".join(lines) + "\n"
