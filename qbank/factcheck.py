"""Fact checks: every key traceable to the notes; no distractor that some topic states as true.

Built only from ``bank.topics`` (never from a generator's internals): an index of what
each topic file states -- concept definitions, bullets, acronym expansions -- so an
option can be compared with *every* topic file, not just the one the item came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from qbank.model import Concept, Item, Matching, MultipleChoice, Ordering, Source, Topic, TrueFalse
from qbank.textcues import content_stems, contains, coverage, normalise, plain


@dataclass(frozen=True)
class Statement:
    """One thing a topic file states, and what kind of statement it is."""

    text: str
    kind: str  # term | definition | misconception | tip | marking | synopsis | expansion
    source: Source | None
    topic: str


@dataclass(frozen=True)
class Expansion:
    acronym: str
    words: tuple[str, ...]  # one per letter
    source: Source | None


@lru_cache(maxsize=65536)
def _stems(text: str) -> frozenset[str]:
    return frozenset(content_stems(text))


def _term_stems(term: str) -> frozenset[str]:
    return _stems(re.sub(r"\([^)]*\)", " ", term))


def same_concept(a: str, b: str) -> bool:
    """Two terms name the same concept: equal content stems, or one term's words all within the
    other's, adding at most one word or at most doubling it (Complaint handling / Handling
    complaints and difficult situations)."""
    sa, sb = _term_stems(a), _term_stems(b)
    if not sa or not sb:
        return normalise(a) == normalise(b) and bool(normalise(a))
    if sa == sb:
        return True
    small, large = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    return len(small) >= 2 and small <= large and (len(large) - len(small) <= 1 or 2 * len(small) >= len(large))


_NEGATORS = ("not", "no", "never", "without", "cannot", "nor", "fail", "ignor", "neglect", "overlook", "lack",
             "omit", "forget", "forgot", "misunderst", "disregard")


@lru_cache(maxsize=65536)
def polarity(text: str) -> int:
    """0 or 1: the parity of negating words ("failing to", "ignoring", "without" ...)."""
    return sum(1 for w in normalise(text).split() if w.startswith(_NEGATORS) and w not in ("note", "notes", "nominal")) % 2


@lru_cache(maxsize=65536)
def says_same(a: str, b: str) -> bool:
    """Two statements say (nearly) the same thing: same words, or high overlap of similar-sized texts.

    Statements of opposite polarity never match: generators turn "Ignoring X" (a misconception)
    into "Recognising X" (good practice), which shares almost every content word.
    """
    if normalise(a) == normalise(b):
        return bool(normalise(a))
    if polarity(a) != polarity(b):
        return False
    sa, sb = _stems(a), _stems(b)
    small, large = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    if len(small) < 3:
        return False
    if len(small & large) / len(small | large) >= 0.6:
        return True
    # a paraphrase or shortened copy: nearly all of the smaller text, at least half the size of the other
    return len(small) >= 4 and len(small) * 2 >= len(large) and len(small & large) / len(small) >= 0.85


_ACRONYM_FIRST = re.compile(r"['\u2018\u201c\"]?\b([A-Z]{2,8})s?\b['\u2019\u201d\"]?(?:\s+[a-z]+)?\s*\(([^()]+)\)")
_ACRONYM_AFTER = re.compile(r"((?:[A-Za-z]+[\s\-]+){1,9}[A-Za-z]+)\s*\(([A-Z]{2,8})s?\)")


def _split_expansion(acronym: str, inner: str) -> tuple[str, ...] | None:
    for parts in (re.split(r"\s*,\s*|\s+and\s+", inner), re.split(r"\s*[-\u2013/]\s*", inner)):
        parts = [p.strip(" .;'\"") for p in parts if p.strip(" .;'\"")]
        if len(parts) == len(acronym) and all(p[0].upper() == ch for p, ch in zip(parts, acronym)):
            return tuple(parts)
    return None


def find_expansions(text: str, source: Source | None) -> list[Expansion]:
    """Acronyms spelled out in a text, either ``HEAT (Hear, Empathise, ...)`` or ``Plan-Do-Check-Act (PDCA)``."""
    found: list[Expansion] = []
    for m in _ACRONYM_FIRST.finditer(text):
        words = _split_expansion(m.group(1), m.group(2))
        if words:
            found.append(Expansion(m.group(1), words, source))
    for m in _ACRONYM_AFTER.finditer(text):
        acronym = m.group(2)
        tokens = re.split(r"[\s\-]+", m.group(1).strip())[-len(acronym):]
        if len(tokens) == len(acronym) and all(t[0].upper() == ch for t, ch in zip(tokens, acronym)):
            found.append(Expansion(acronym, tuple(tokens), source))
    return found


@dataclass
class TopicIndex:
    """What every topic file states, for comparing options against all of them."""

    concepts: list[tuple[Concept, Topic]] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    expansions: list[Expansion] = field(default_factory=list)

    @classmethod
    def of(cls, topics: tuple[Topic, ...] | list[Topic]) -> "TopicIndex":
        index = cls()
        for t in topics:
            texts: list[tuple[str, Source | None]] = [(t.synopsis, t.synopsis_source)]
            if t.synopsis:
                index.statements.append(Statement(t.synopsis, "synopsis", t.synopsis_source, t.slug))
            for c in t.concepts:
                index.concepts.append((c, t))
                index.statements.append(Statement(c.term, "term", c.source, t.slug))
                index.statements.append(Statement(c.definition, "definition", c.source, t.slug))
                texts.append((f"{c.term}: {c.definition}", c.source))
            for kind, bullets in (("tip", t.tips), ("misconception", t.misconceptions), ("marking", t.marking_points)):
                for b in bullets:
                    index.statements.append(Statement(b.text, kind, b.source, t.slug))
                    texts.append((b.text, b.source))
            for text, src in texts:
                for e in find_expansions(text, src):
                    index.expansions.append(e)
                    for w in e.words:
                        index.statements.append(Statement(w, "expansion", src, t.slug))
        return index

    def definitions_of(self, term: str) -> list[tuple[Concept, Topic]]:
        return [(c, t) for c, t in self.concepts if same_concept(c.term, term)]

    def equivalents(self, concept: Concept) -> list[tuple[Concept, Topic]]:
        """Concepts any file states as the same: the same term, or (nearly) the same definition."""
        return [(c, t) for c, t in self.concepts
                if same_concept(c.term, concept.term) or says_same(c.definition, concept.definition)]

    def concepts_at(self, sources: tuple[Source, ...]) -> list[tuple[Concept, Topic]]:
        where = {(s.path, s.line) for s in sources}
        return [(c, t) for c, t in self.concepts if (c.source.path, c.source.line) in where]

    def letter_slots(self, text: str) -> set[tuple[str, int]]:
        """(acronym, letter position) pairs whose expansion word is this text."""
        n = normalise(text)
        return {(e.acronym, i) for e in self.expansions for i, w in enumerate(e.words) if normalise(w) == n}

    def full_expansions(self, text: str) -> set[str]:
        n = normalise(text)
        return {e.acronym for e in self.expansions if normalise(" ".join(e.words)) == n}

    def matching(self, text: str, kinds: tuple[str, ...]) -> list[Statement]:
        return [s for s in self.statements if s.kind in kinds and says_same(text, s.text)]


TRUE_KINDS = ("tip", "marking")
Flag = tuple[str, str, str]  # (name, severity, message)


def _short(text: str, n: int = 60) -> str:
    text = plain(text)
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def _where(src: Source | None) -> str:
    return str(src) if src else "a topic file"


def option_true_for(index: TopicIndex, concept: Concept, option: str) -> str | None:
    """Why ``option`` is true of ``concept`` somewhere (a message), or None."""
    same = index.equivalents(concept)
    for c, _t in same:
        if says_same(option, c.definition):
            return f"{_where(c.source)} defines {c.term} as \u201c{_short(c.definition)}\u201d"
    for c, _t in same:
        if same_concept(option, c.term):
            return f"\u201c{_short(option)}\u201d names the same concept as {concept.term} ({_where(c.source)})"
    return None


def _acronym_clash(index: TopicIndex, keys: list[str], option: str) -> str | None:
    slots = {s for k in keys for s in index.letter_slots(k)}
    clash = slots & index.letter_slots(option)
    if clash and not any(normalise(option) == normalise(k) for k in keys):
        acronym, pos = sorted(clash)[0]
        return f"\u201c{_short(option)}\u201d is also what {acronym}'s letter {acronym[pos]} stands for in a topic file"
    full = {a for k in keys for a in index.full_expansions(k)} & index.full_expansions(option)
    if full:
        return f"\u201c{_short(option)}\u201d is another topic file's expansion of {sorted(full)[0]}"
    return None


def _traceable(index: TopicIndex, item: Item, text: str) -> bool:
    if not content_stems(text):
        return True
    paths = {s.path for s in item.sources}
    pool = [s for s in index.statements if s.topic == item.topic or (s.source and s.source.path in paths)]
    return any(contains(s.text, text) or coverage(text, s.text) >= 0.8 for s in pool)


def fact_flags(index: TopicIndex, item: Item) -> list[Flag]:
    """Critical fact-check flags for one item."""
    flags: list[Flag] = []
    if isinstance(item, MultipleChoice):
        keys = [c.text for c in item.choices if c.correct]
        wrong = [c.text for c in item.choices if not c.correct]
        for k in keys:
            if not _traceable(index, item, k):
                flags.append(("key_not_in_sources", "critical", f"key \u201c{_short(k)}\u201d is not found in the item's topic file"))
        concepts = index.concepts_at(item.sources)
        for d in wrong:
            why = next((w for c, _ in concepts if (w := option_true_for(index, c, d))), None)
            why = why or _acronym_clash(index, keys, d)
            if why:
                flags.append(("distractor_true_elsewhere", "critical", f"distractor may be correct: {why}"))
        key_misc = keys and all(index.matching(k, ("misconception",)) for k in keys)
        key_true = keys and all(index.matching(k, TRUE_KINDS) for k in keys)
        for d in wrong:
            if key_misc and (hit := index.matching(d, ("misconception",))):
                flags.append(("distractor_true_elsewhere", "critical",
                              f"distractor \u201c{_short(d)}\u201d is also a misconception ({_where(hit[0].source)})"))
            elif key_true and not key_misc and (hit := index.matching(d, TRUE_KINDS)):
                flags.append(("distractor_true_elsewhere", "critical",
                              f"distractor \u201c{_short(d)}\u201d is stated as good practice in {_where(hit[0].source)}"))
    elif isinstance(item, TrueFalse):
        misc = index.matching(item.stem, ("misconception",))
        true = index.matching(item.stem, TRUE_KINDS + ("definition",))
        if item.answer and misc and not true:
            flags.append(("key_is_misconception", "critical", f"keyed True but listed as a misconception in {_where(misc[0].source)}"))
        elif not item.answer and true and not misc:
            flags.append(("misconception_stated_true", "critical", f"keyed False but stated as true in {_where(true[0].source)}"))
        if item.answer and not _traceable(index, item, item.stem):
            flags.append(("key_not_in_sources", "critical", "true statement is not found in the item's topic file"))
    elif isinstance(item, Matching):
        answers = [p.answer for p in item.pairs] + list(item.extra_answers)
        for p in item.pairs:
            if not _traceable(index, item, p.answer):
                flags.append(("key_not_in_sources", "critical", f"answer \u201c{_short(p.answer)}\u201d is not found in the item's topic file"))
            for other in answers:
                if normalise(other) == normalise(p.answer):
                    continue
                for c, _t in index.definitions_of(p.prompt):
                    if says_same(other, c.definition):
                        flags.append(("distractor_true_elsewhere", "critical",
                                      f"\u201c{_short(other)}\u201d also fits \u201c{_short(p.prompt, 30)}\u201d ({_where(c.source)})"))
                        break
                else:
                    if why := _acronym_clash(index, [p.answer], other):
                        flags.append(("distractor_true_elsewhere", "critical", why))
    elif isinstance(item, Ordering):
        for step in item.steps:
            if not _traceable(index, item, step):
                flags.append(("key_not_in_sources", "critical", f"step \u201c{_short(step)}\u201d is not found in the item's topic file"))
    return list(dict.fromkeys(flags))  # one report per distinct finding
