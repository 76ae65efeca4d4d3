"""``qbank audit``: flag every item, compute the bank-level measures, and check them against a bar.

The measures and both bars ("default" gate and "release" bar) are the table in
ITEM-WRITING.md; docs/audit.md explains each one. Per-item rules live in
:mod:`qbank.itemflags` (structure and cues) and :mod:`qbank.factcheck` (facts).
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from qbank.audit.factcheck import TopicIndex, fact_flags
from qbank.audit.itemflags import cue_flags, option_length_cv, structure_flags
from qbank.audit.learner import LearnerReport, learn
from qbank.audit.textcues import normalise
from qbank.audit.textrules import Definitions, fragment_flags, internal_id_flags, qualifier_flags, source_texts
from qbank.model import Bank, Item, Matching, MultipleChoice, TrueFalse

SEVERITIES = ("critical", "major", "minor")
# An item starts at 100; a critical flag makes it worthless, a major costs 25, a minor 5 (floor 0).
WEIGHTS = {"critical": 100, "major": 25, "minor": 5}
BARS = ("default", "release")
FACT_FLAGS = ("key_not_in_sources", "distractor_true_elsewhere", "misconception_stated_true", "key_is_misconception",
              "dropped_qualifier")
CUE_FLAGS = ("stem_key_overlap", "specific_determiner_cue", "all_none_of_above", "combination_option", "grammatical_cue")
MIN_ITEMS_FOR_POSITION_TEST = 20
MIN_ITEMS_FOR_TF_BALANCE = 10


@dataclass(frozen=True)
class Flag:
    name: str
    severity: str  # critical | major | minor
    message: str


@dataclass
class ItemAudit:
    id: str
    title: str
    kind: str
    family: str
    topic: str
    source: str  # first source as file:line, or ""
    flags: list[Flag] = field(default_factory=list)

    @property
    def score(self) -> float:
        return max(0.0, 100.0 - sum(WEIGHTS[f.severity] for f in self.flags))

    def has(self, *severities: str) -> bool:
        return any(f.severity in severities for f in self.flags)


@dataclass(frozen=True)
class Bar:
    op: str  # "<=" or ">="
    threshold: float

    def met(self, value: float) -> bool:
        return value <= self.threshold + 1e-12 if self.op == "<=" else value >= self.threshold - 1e-12


@dataclass
class Measure:
    name: str
    label: str
    value: float | None  # None: not applicable to this bank (always passes)
    n: int  # how many items (or options) it was computed over
    bars: dict[str, Bar | None]
    percent: bool = False

    def passes(self, bar: str) -> bool:
        rule = self.bars.get(bar)
        return rule is None or self.value is None or rule.met(self.value)

    def show(self, value: float | None) -> str:
        if value is None:
            return "n/a"
        if self.percent:
            return f"{value * 100:.1f}%"
        return f"{value:.0f}" if float(value).is_integer() else f"{value:.4g}"

    def show_bar(self, bar: str) -> str:
        rule = self.bars.get(bar)
        return "\u2014" if rule is None else f"{rule.op}{self.show(rule.threshold)}"


@dataclass
class AuditReport:
    items: list[ItemAudit]
    measures: list[Measure]
    learner: LearnerReport | None = None

    def critical(self) -> list[ItemAudit]:
        """The items a build withholds: those with a critical flag."""
        return [a for a in self.items if a.has("critical")]

    def without(self, bank: Bank, ids: set[str]) -> tuple[Bank, "AuditReport"]:
        """The bank without the items ``ids`` and its report (the flags kept, the measures recomputed)."""
        kept = Bank(bank.name, bank.topics, tuple(i for i in bank.items if i.id not in ids), bank.seed,
                    bank.diagnostics, bank.meta)
        audits = [a for a in self.items if a.id not in ids]
        measures, learner = _measures(kept, audits)
        return kept, AuditReport(audits, measures, learner)

    def measure(self, name: str) -> Measure:
        return next(m for m in self.measures if m.name == name)

    def flag_counts(self) -> dict[str, int]:
        """Items carrying each flag (an item counts once per flag name)."""
        return dict(sorted(Counter(n for i in self.items for n in {f.name for f in i.flags}).items()))

    def to_dict(self) -> dict[str, Any]:
        return {
            "items": len(self.items),
            "measures": [
                {"name": m.name, "label": m.label, "value": m.value, "n": m.n,
                 "bars": {b: (None if r is None else {"op": r.op, "threshold": r.threshold}) for b, r in m.bars.items()},
                 "pass": {b: m.passes(b) for b in BARS}}
                for m in self.measures
            ],
            "passes": {b: not check_gate(self, b) for b in BARS},
            "flag_counts": self.flag_counts(),
            "learner": None if self.learner is None else self.learner.to_dict(),
            "flagged_items": [
                {"id": i.id, "title": i.title, "kind": i.kind, "family": i.family, "topic": i.topic,
                 "source": i.source, "score": i.score,
                 "flags": [{"name": f.name, "severity": f.severity, "message": f.message} for f in i.flags]}
                for i in self.items if i.flags
            ],
        }

    def summary(self) -> dict[str, Any]:
        """The short form recorded in manifest.json."""
        return {
            "measures": {m.name: (None if m.value is None else round(m.value, 6)) for m in self.measures},
            "passes": {b: not check_gate(self, b) for b in BARS},
            "flag_counts": self.flag_counts(),
            "learner": None if self.learner is None else
            {k: v for k, v in self.learner.to_dict().items() if k != "by_cue"},
        }


# --- statistics --------------------------------------------------------------


def gamma_q(a: float, x: float) -> float:
    """Regularised upper incomplete gamma Q(a, x) (series below a+1, Lentz continued fraction above)."""
    if a <= 0:
        raise ValueError("a must be positive")
    if x <= 0:
        return 1.0
    log_front = -x + a * math.log(x) - math.lgamma(a)
    if x < a + 1:
        term = total = 1.0 / a
        n = a
        for _ in range(1000):
            n += 1
            term *= x / n
            total += term
            if abs(term) < abs(total) * 1e-15:
                break
        return max(0.0, 1.0 - total * math.exp(log_front))
    tiny = 1e-300
    b = x + 1 - a
    c = 1 / tiny
    d = 1 / b
    h = d
    for i in range(1, 1000):
        an = -i * (i - a)
        b += 2
        d = an * d + b
        d = tiny if abs(d) < tiny else d
        c = b + an / c
        c = tiny if abs(c) < tiny else c
        d = 1 / d
        delta = d * c
        h *= delta
        if abs(delta - 1) < 1e-15:
            break
    return math.exp(log_front) * h


def chi2_sf(x: float, df: int) -> float:
    """P(X >= x) for a chi-square variable with ``df`` degrees of freedom."""
    return gamma_q(df / 2, x / 2)


def key_position_test(items: list[MultipleChoice]) -> tuple[float | None, list[int]]:
    """Chi-square p of keyed positions against uniform (each item spreads 1/k over its k positions)."""
    width = max((len(i.choices) for i in items), default=0)
    observed = [0] * width
    expected = [0.0] * width
    for item in items:
        k = len(item.choices)
        observed[next(n for n, c in enumerate(item.choices) if c.correct)] += 1
        for pos in range(k):
            expected[pos] += 1 / k
    if len(items) < MIN_ITEMS_FOR_POSITION_TEST:
        return None, observed
    cells = [(o, e) for o, e in zip(observed, expected) if e > 0]
    stat = sum((o - e) ** 2 / e for o, e in cells)
    return chi2_sf(stat, len(cells) - 1), observed


# --- the audit ---------------------------------------------------------------


def _duplicates(items: tuple[Item, ...]) -> dict[str, str]:
    """Item id -> id of an earlier item with the same stem and key."""
    seen: dict[tuple[str, str], str] = {}
    dupes: dict[str, str] = {}
    for item in items:
        if isinstance(item, MultipleChoice):
            key = "|".join(sorted(normalise(c.text) for c in item.keys))
        elif isinstance(item, TrueFalse):
            key = str(item.answer)
        elif isinstance(item, Matching):
            key = "|".join(sorted(f"{normalise(p.prompt)}={normalise(p.answer)}" for p in item.pairs))
        elif item.kind == "numerical":
            key = str(getattr(item, "answer", ""))
        else:
            key = item.kind
        sig = (normalise(item.stem), key)
        if sig in seen:
            dupes[item.id] = seen[sig]
        else:
            seen[sig] = item.id
    return dupes


def _answered_by_another(items: tuple[Item, ...]) -> dict[str, str]:
    """Item id -> id of another item (same topic, not a variant of it) whose stem prints this item's key.

    Independent of the generator's own leak pass: a plain word-bounded search for each key that
    is specific enough to tell the answer (a value with a digit, or a phrase of four words or more: a
    two-word term printed elsewhere says only that the term exists, as every distractor does).
    """
    stems: dict[str, list[tuple[str, str, str]]] = {}
    for item in items:
        if item.kind != "essay":
            stems.setdefault(item.topic, []).append((item.id, item.group, " " + normalise(item.stem) + " "))
    found: dict[str, str] = {}
    for item in items:
        keys: list[str] = []
        if isinstance(item, MultipleChoice) and not item.multiple:
            keys = [c.text for c in item.keys]
        elif isinstance(item, TrueFalse) and item.answer:
            keys = [item.stem]
        elif item.kind == "cloze":
            keys = [g.key for g in getattr(item, "gaps", ())]
        elif item.kind == "numerical":
            keys = [getattr(item, "value", "") or getattr(item, "answer", "")]
        for key in keys:
            k = normalise(key)
            if len(k.split()) < 4 and not any(ch.isdigit() for ch in k):
                continue
            for other_id, group, stem in stems.get(item.topic, ()):
                if other_id != item.id and not (item.group and group == item.group) and f" {k} " in stem:
                    found[item.id] = other_id
                    break
            if item.id in found:
                break
    return found


def audit_item(item: Item, index: TopicIndex, definitions: Definitions | None = None,
               sources: dict[tuple[str, int], str] | None = None) -> list[Flag]:
    raw = structure_flags(item) + cue_flags(item) + fact_flags(index, item) + internal_id_flags(item)
    if definitions is not None:
        raw += fragment_flags(item, definitions)
    if sources is not None:
        raw += qualifier_flags(item, sources)
    return [Flag(*f) for f in dict.fromkeys(raw)]


def audit_bank(bank: Bank) -> AuditReport:
    """Flag every item and compute the bank-level measures of ITEM-WRITING.md."""
    index = TopicIndex.of(bank.topics)
    definitions, sources = Definitions(bank.topics), source_texts(bank.topics)
    dupes = _duplicates(bank.items)
    leaks = _answered_by_another(bank.items)
    audits: list[ItemAudit] = []
    for item in bank.items:
        flags = audit_item(item, index, definitions, sources)
        if item.id in dupes:
            flags.append(Flag("duplicate_item", "major", f"same stem and key as {dupes[item.id]}"))
        if item.id in leaks:
            flags.append(Flag("answered_by_another", "minor", f"its key is printed in the stem of {leaks[item.id]}"))
        audits.append(ItemAudit(item.id, item.title, item.kind, item.family, item.topic,
                                str(item.sources[0]) if item.sources else "", flags))
    measures, learner = _measures(bank, audits)
    return AuditReport(audits, measures, learner)


def _rate(audits: list[ItemAudit], name: str, among: set[str] | None = None) -> tuple[float | None, int]:
    pool = [a for a in audits if among is None or a.id in among]
    if not pool:
        return None, 0
    return sum(1 for a in pool if any(f.name == name for f in a.flags)) / len(pool), len(pool)


def _measures(bank: Bank, audits: list[ItemAudit]) -> tuple[list[Measure], LearnerReport]:
    le, ge = (lambda t: Bar("<=", t)), (lambda t: Bar(">=", t))
    n = len(audits)
    mc = [i for i in bank.items if isinstance(i, MultipleChoice)]
    single = [i for i in mc if not i.multiple and len(i.keys) == 1 and len(i.choices) >= 2]
    mc_ids = {i.id for i in mc}
    by_id = {a.id: a for a in audits}
    out: list[Measure] = []

    def add(name: str, label: str, value: float | None, count: int, default: Bar | None, release: Bar | None,
            percent: bool = False) -> None:
        out.append(Measure(name, label, value, count, {"default": default, "release": release}, percent))

    add("critical_items", "items with a critical flag", float(sum(a.has("critical") for a in audits)), n, le(0), le(0))
    add("flawed_rate", "flawed rate (critical or major)",
        sum(a.has("critical", "major") for a in audits) / n if n else None, n, le(0.10), le(0.05), True)
    add("bank_score", "bank score (mean item score, 0-100)",
        statistics.fmean(a.score for a in audits) if n else None, n, ge(90), ge(95))
    p, _observed = key_position_test(single)
    add("key_position_p", f"key-position chi-square p (>={MIN_ITEMS_FOR_POSITION_TEST} single-answer items)",
        p, len(single), ge(0.01), ge(0.05))
    chance = statistics.fmean(1 / len(i.choices) for i in single) if single else 0.0
    for cue, label, default, release in (("longest", "key-is-unique-longest rate \u2212 chance", le(0.10), le(0.05)),
                                         ("shortest", "key-is-unique-shortest rate \u2212 chance", None, le(0.10))):
        hits = sum(any(f.name == f"key_unique_{cue}" for f in by_id[i.id].flags) for i in single)
        add(f"key_{cue}_excess", label, hits / len(single) - chance if single else None, len(single), default, release, True)
    cvs = [cv for i in mc if (cv := option_length_cv(i)) is not None]
    add("option_length_cv", "mean option-length CV", statistics.fmean(cvs) if cvs else None, len(cvs), None, le(0.25))
    for name in CUE_FLAGS:
        among = None if name == "specific_determiner_cue" else mc_ids
        rate, count = _rate(audits, name, among)
        add(f"rate_{name}", f"{name} rate", rate, count, None, le(0.05), True)
    rate, count = _rate(audits, "heterogeneous_options", mc_ids)
    add("rate_heterogeneous_options", "heterogeneous_options rate", rate, count, None, le(0.20), True)
    rate, count = _rate(audits, "negative_stem", mc_ids)
    add("rate_negative_stem", "negative stem not emphasised rate", rate, count, None, None, True)
    gf = [a for a in audits if a.kind != "essay"]
    add("feedback_coverage", "general feedback coverage",
        sum(not any(f.name == "no_general_feedback" for f in a.flags) for a in gf) / len(gf) if gf else None,
        len(gf), None, ge(1.0), True)
    distractors = [c for i in mc for c in i.choices if not c.correct]
    with_fb = sum(1 for c in distractors if c.feedback.strip())
    add("distractor_feedback_rate", "distractor feedback rate", with_fb / len(distractors) if distractors else None,
        len(distractors), None, ge(0.90), True)
    add("mc_under_3_options", "MC items with fewer than 3 options", float(sum(len(i.choices) < 3 for i in mc)),
        len(mc), le(0), le(0))
    add("mc_over_5_options", "MC items with more than 5 options", float(sum(len(i.choices) > 5 for i in mc)),
        len(mc), None, le(0))
    matching = [i for i in bank.items if isinstance(i, Matching)]
    add("matching_under_3_pairs", "matching items with fewer than 3 pairs",
        float(sum(len(i.pairs) < 3 for i in matching)), len(matching), le(0), le(0))
    add("matching_no_extra", "matching items without an extra answer",
        float(sum(not i.extra_answers for i in matching)), len(matching), None, le(0))
    add("fact_check_failures", "items failing a fact check",
        float(sum(any(f.name in FACT_FLAGS for f in a.flags) for a in audits)), n, le(0), le(0))
    add("duplicate_items", "duplicate items (same stem and key)",
        float(sum(any(f.name == "duplicate_item" for f in a.flags) for a in audits)), n, None, None)
    add("internal_id_items", "items showing a file name, path, line or hash id",
        float(sum(any(f.name == "internal_id_in_text" for f in a.flags) for a in audits)), n, None, le(0))
    rate, count = _rate(audits, "fragment")
    add("rate_fragment", "fragment rate (options or stems that are not complete phrases)", rate, count,
        None, le(0.05), True)
    tf = [i for i in bank.items if isinstance(i, TrueFalse)]
    share = sum(i.answer for i in tf) / len(tf) if len(tf) >= MIN_ITEMS_FOR_TF_BALANCE else None
    add("tf_true_share_offset", f"true/false keyed True: distance from 50% (>={MIN_ITEMS_FOR_TF_BALANCE} items)",
        None if share is None else abs(share - 0.5), len(tf), le(0.10), le(0.10), True)
    learner = learn(bank.items)
    add("learner_margin", f"testwise learner on {learner.quiz_size}-item quizzes: points above chance",
        learner.margin, len(learner.answers), le(10), le(5))
    return out, learner


def check_gate(report: AuditReport, bar: str = "release") -> list[str]:
    """The measures that miss ``bar`` ("release" or "default"), each as 'label: value (bar ...)'."""
    if bar not in BARS:
        raise ValueError(f"unknown bar {bar!r} (known: {', '.join(BARS)})")
    return [f"{m.label}: {m.show(m.value)} (bar {m.show_bar(bar)})" for m in report.measures if not m.passes(bar)]


def withheld_entry(a: ItemAudit) -> dict[str, Any]:
    """How a withheld item is named in manifest.json and the reports."""
    return {"id": a.id, "title": a.title, "topic": a.topic, "source": a.source,
            "flags": [f.name for f in a.flags if f.severity == "critical"]}


def render_report(report: AuditReport, bar: str = "release", flagged_limit: int | None = None,
                  withheld: list[dict[str, Any]] | None = None) -> str:
    """The readable report: measure table with both bars, the learner, flag counts, the items a
    build withholds (``withheld``: as recorded in a build's manifest; else this report's critical
    items), then every flagged item."""
    lines = [f"qbank audit: {len(report.items)} items, judged against the {bar} bar", ""]
    width = max(len(m.label) for m in report.measures)
    lines.append(f"{'measure':<{width}}  {'value':>8}  {'default':>8}  {'release':>8}  result")
    for m in report.measures:
        verdict = "PASS" if m.passes(bar) else "FAIL"
        if m.bars.get(bar) is None:
            verdict = "info"
        lines.append(f"{m.label:<{width}}  {m.show(m.value):>8}  {m.show_bar('default'):>8}  {m.show_bar('release'):>8}  {verdict}")
    failed = check_gate(report, bar)
    lines += ["", f"{bar} bar: " + ("MET" if not failed else f"NOT MET ({len(failed)} measure(s) fail)")]
    if report.learner is not None:
        lines += ["", *report.learner.render()]
    if withheld is None:
        withheld = [withheld_entry(a) for a in report.critical()]
        head = f"a build withholds {len(withheld)} item(s) with a critical flag"
    else:
        head = f"the build withheld {len(withheld)} item(s) with a critical flag"
    if withheld:
        lines += ["", head + ":"]
        lines += [f"  {w['source'] or w['topic']}: {w['id']} \u201c{w['title']}\u201d ({', '.join(w['flags'])})"
                  for w in withheld]
    counts = report.flag_counts()
    if counts:
        lines += ["", "flags (items carrying each):"]
        lines += [f"  {name}: {count}" for name, count in counts.items()]
    flagged = [a for a in report.items if a.flags]
    flagged.sort(key=lambda a: (min(SEVERITIES.index(f.severity) for f in a.flags), a.source, a.id))
    if flagged:
        lines += ["", f"flagged items ({len(flagged)}):"]
        for a in flagged[:flagged_limit]:
            lines.append(f"  {a.source or a.topic}: {a.id} \u201c{a.title}\u201d (score {a.score:.0f})")
            for f in a.flags:
                lines.append(f"      {f.severity:<8} {f.name}: {f.message}")
        if flagged_limit is not None and len(flagged) > flagged_limit:
            lines.append(f"  ... and {len(flagged) - flagged_limit} more (use --all)")
    return "\n".join(lines) + "\n"
