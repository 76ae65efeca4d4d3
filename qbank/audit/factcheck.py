"""Fact checks: every key traceable to the notes; no distractor that some topic states as true.

Built only from ``bank.topics`` (never from a generator's internals): an index of what
each topic file states -- concept definitions, bullets, acronym expansions -- so an
option can be compared with *every* topic file, not just the one the item came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations

from qbank.model import Concept, Item, Matching, MultipleChoice, Ordering, Source, Topic, TrueFalse
from qbank.audit.textcues import content_stems, contains, coverage, normalise, plain


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


@lru_cache(maxsize=16384)
def _stems(text: str) -> frozenset[str]:
    return frozenset(content_stems(text))


@lru_cache(maxsize=16384)
def _term_stems(term: str) -> frozenset[str]:
    return _stems(re.sub(r"\([^)]*\)", " ", term))


_FIGURES = re.compile(r"\d+(?:[.,/]\d+)*")


@lru_cache(maxsize=16384)
def _figures(text: str) -> frozenset[str]:
    return frozenset(_FIGURES.findall(text))


def figures_differ(a: str, b: str) -> bool:
    """Both texts give figures, and not the same ones: "#40 blade" is not "#10 blade", and a blade
    that "leaves about 0.25 mm" is not one that "leaves about 9.5 mm", though their words match
    (content stems leave figures out; fresh dog-grooming notes had every blade item flagged)."""
    fa, fb = _figures(a), _figures(b)
    return bool(fa and fb and fa != fb)


def same_concept(a: str, b: str) -> bool:
    """Two terms name the same concept: equal content stems, or one term's words all within the
    other's, adding at most one word or at most doubling it (Complaint handling / Handling
    complaints and difficult situations); never two terms with different figures."""
    if figures_differ(a, b):
        return False
    sa, sb = _term_stems(a), _term_stems(b)
    if not sa or not sb:
        return normalise(a) == normalise(b) and bool(normalise(a))
    if sa == sb:
        return True
    small, large = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    return len(small) >= 2 and small <= large and (len(large) - len(small) <= 1 or 2 * len(small) >= len(large))


_NEGATORS = ("not", "no", "never", "without", "cannot", "nor", "fail", "ignor", "neglect", "overlook", "lack",
             "omit", "forget", "forgot", "misunderst", "disregard",
             # mistaking one thing for another: "Confusing X with Y" is the opposite of
             # "Distinguishing X from Y", though the two share every content word
             "confus", "conflat", "mistaking", "misinterpret", "misjudg", "misappl", "misread", "mixing")


@lru_cache(maxsize=16384)
def polarity(text: str) -> int:
    """0 or 1: the parity of negating words ("failing to", "ignoring", "without" ...)."""
    return sum(1 for w in normalise(text).split() if w.startswith(_NEGATORS) and w not in ("note", "notes", "nominal")) % 2


def says_same(a: str, b: str) -> bool:
    """Two statements say (nearly) the same thing: same words, or high overlap of similar-sized texts.

    Statements of opposite polarity never match: generators turn "Ignoring X" (a misconception)
    into "Recognising X" (good practice), which shares almost every content word.
    """
    if normalise(a) == normalise(b):
        return bool(normalise(a))
    if polarity(a) != polarity(b) or figures_differ(a, b):
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
    if "(" not in text:  # both patterns need one; the second backtracks a lot on long texts
        return found
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


_MEMO_MAX = 65536  # entries per memo before it is emptied: bounds memory on huge banks


def _similar_stems(common: int, n: int, m: int) -> bool:
    """says_same's rule for two texts of n and m content stems sharing ``common`` of them."""
    small, large = (n, m) if n <= m else (m, n)
    if small < 3:
        return False
    return common / (n + m - common) >= 0.6 or (small >= 4 and small * 2 >= large and common / small >= 0.85)


@lru_cache(maxsize=4096)
def _needed(n: int, m: int) -> int | None:
    """The fewest shared stems with which texts of n and m stems can pass (None: they never do)."""
    return next((c for c in range(min(n, m) + 1) if _similar_stems(c, n, m)), None)


def _counters(bitsets: list[int]) -> list[int]:
    """A binary counter per bit position, in bit planes: how many of ``bitsets`` set that bit.

    Each bitset is one stem's texts (bit i = text i), so this counts, for every text at once,
    how many of a query's stems it holds, with a few whole-int operations per stem.
    """
    planes: list[int] = []
    for carry in bitsets:
        for k, plane in enumerate(planes):  # ripple-carry add of one bit to every counter
            planes[k], carry = plane ^ carry, plane & carry
            if not carry:
                break
        if carry:
            planes.append(carry)
    return planes


def _at_least(planes: list[int], m: int, everyone: int) -> int:
    """The bits whose counter (see _counters) is at least m."""
    planes = planes + [0] * (m.bit_length() - len(planes))
    above, equal = 0, everyone  # counters > m so far, counters == m so far (high bits first)
    for k in range(len(planes) - 1, -1, -1):
        if m >> k & 1:
            equal &= planes[k]
        else:
            above |= equal & planes[k]
            equal &= ~planes[k]
    return above | equal


class _SimilarTexts:
    """Which of many texts say the same as a query (exactly :func:`says_same`), without trying them all.

    says_same needs equal normalised text, or enough shared content stems for the two texts'
    sizes (:func:`_needed`). So how many of the query's stems each text holds is counted for
    all texts at once, on bitsets (one Python int per stem, bit i = text i; see
    :func:`_counters`); the texts of each size holding enough, and of the query's polarity, are
    the answer (the count is exact, and more shared stems never fail the rule: tested). A pass over N texts costs
    about N/64 machine words per query stem instead of a Python step per text (comparing
    every option with every statement through says_same took minutes on a 1,000-topic bank;
    prefix filtering on rare stems still tried thousands of texts per option when a bank's
    vocabulary is small).
    """

    def __init__(self, texts: list[str]):
        self.by_norm: dict[str, list[int]] = {}
        postings: dict[str, list[int]] = {}
        self.by_size: dict[int, int] = {}  # number of content stems -> bitset of texts
        self.negated = 0  # bitset of the texts of polarity 1
        self.everyone = (1 << len(texts)) - 1
        self._memo: dict[str, list[int]] = {}  # the same option text recurs across many items
        self.texts = list(texts)
        for i, text in enumerate(texts):
            self.by_norm.setdefault(normalise(text), []).append(i)
            bit, stems = 1 << i, _stems(text)
            self.by_size[len(stems)] = self.by_size.get(len(stems), 0) | bit
            if polarity(text):
                self.negated |= bit
            for s in stems:
                postings.setdefault(s, []).append(i)
        # a bitset costs len(texts) / 8 bytes however few its bits: kept only for stems in at least
        # 1/64 of the texts (memory linear in the postings); the others are built when asked for
        self.nbytes = len(texts) // 8 + 1
        common = max(1, len(texts) // 64)
        self.bits = {s: self._bitset(p) for s, p in postings.items() if len(p) >= common}
        self.rare = {s: p for s, p in postings.items() if len(p) < common}

    def _bitset(self, indexes: list[int]) -> int:
        if len(indexes) <= 8:  # a few shifts are cheaper than a whole buffer
            bits = 0
            for i in indexes:
                bits |= 1 << i
            return bits
        buf = bytearray(self.nbytes)
        for i in indexes:
            buf[i >> 3] |= 1 << (i & 7)
        return int.from_bytes(buf, "little")

    def _stem_bits(self, s: str) -> int:
        if s in self.bits:
            return self.bits[s]
        return self._bitset(self.rare[s]) if s in self.rare else 0

    def matches(self, query: str) -> list[int]:
        """Indexes of the texts ``t`` with ``says_same(query, t)``, in order."""
        if query not in self._memo:
            if len(self._memo) >= _MEMO_MAX:
                self._memo.clear()
            self._memo[query] = self._matches(query)
        return self._memo[query]

    def _matches(self, query: str) -> list[int]:
        nq, q = normalise(query), _stems(query)
        found = set(self.by_norm.get(nq, ())) if nq else set()
        if len(q) < 3:
            return sorted(found)
        pq, lq = polarity(query), len(q)
        planes = _counters([b for s in q if (b := self._stem_bits(s))])
        rest, enough = 0, {}
        for size, texts in self.by_size.items():
            need = _needed(lq, size)
            if need is not None:
                if need not in enough:
                    enough[need] = _at_least(planes, need, self.everyone)
                rest |= enough[need] & texts
        rest &= self.negated if pq else ~self.negated  # equal normalised texts are in found already
        while rest:
            low = rest & -rest
            rest ^= low
            found.add(low.bit_length() - 1)
        return sorted(i for i in found if not figures_differ(query, self.texts[i]) or nq == normalise(self.texts[i]))


class _SimilarTerms:
    """Which of many terms can name the same concept as a query (:func:`same_concept`).

    A match has the same normalised text, or term stems that equal, contain or lie within the
    query's: found by looking up every subset of the query's (few) stems, and by filtering the
    postings of its rarest stem. Checked with same_concept afterwards, so the result is exact.
    """

    def __init__(self, terms: list[str]):
        self.stems = [_term_stems(t) for t in terms]
        self.by_norm: dict[str, list[int]] = {}
        self.by_stems: dict[frozenset[str], list[int]] = {}
        self.postings: dict[str, list[int]] = {}
        for i, term in enumerate(terms):
            self.by_norm.setdefault(normalise(term), []).append(i)
            self.by_stems.setdefault(self.stems[i], []).append(i)
            for s in self.stems[i]:
                self.postings.setdefault(s, []).append(i)

    def candidates(self, term: str) -> list[int]:
        found = set(self.by_norm.get(normalise(term), ()))
        q = _term_stems(term)
        if q:
            if len(q) <= 10:
                ordered = sorted(q)
                for r in range(1, len(q) + 1):
                    for sub in combinations(ordered, r):
                        found.update(self.by_stems.get(frozenset(sub), ()))
            else:  # unusually long term: every term sharing a stem (still a superset)
                for s in q:
                    found.update(self.postings.get(s, ()))
            rarest = min(q, key=lambda s: (len(self.postings.get(s, ())), s))
            found.update(i for i in self.postings.get(rarest, ()) if q <= self.stems[i])
        return sorted(found)


@dataclass
class TopicIndex:
    """What every topic file states, for comparing options against all of them.

    Lookups go through indexes built on first use (see _SimilarTexts), so auditing a bank
    stays close to linear in its size; the answers are those of a scan of every statement.
    """

    concepts: list[tuple[Concept, Topic]] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    expansions: list[Expansion] = field(default_factory=list)
    _lookups: dict = field(default_factory=dict, repr=False, compare=False)

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
            for kind, bullets in (("tip", t.tips), ("misconception", t.misconceptions), ("marking", t.marking_points),
                                  ("note", (*t.notes, *t.steps))):
                for b in bullets:
                    index.statements.append(Statement(b.text, kind, b.source, t.slug))
                    texts.append((b.text, b.source))
            for text, src in texts:
                for e in find_expansions(text, src):
                    index.expansions.append(e)
                    for w in e.words:
                        index.statements.append(Statement(w, "expansion", src, t.slug))
        return index

    def _lookup(self, name: str):
        """The index ``name``, (re)built when the lists it covers have changed size."""
        size = (len(self.concepts), len(self.statements), len(self.expansions))
        if self._lookups.get("size") != size:
            self._lookups.clear()
            self._lookups["size"] = size
        if name not in self._lookups:
            self._lookups[name] = self._build(name)
        return self._lookups[name]

    def _build(self, name: str):
        if name == "terms":
            return _SimilarTerms([c.term for c, _ in self.concepts])
        if name == "definitions":
            return _SimilarTexts([c.definition for c, _ in self.concepts])
        if name == "statements":
            return _SimilarTexts([s.text for s in self.statements])
        if name == "equivalents":
            return {}
        if name == "at":
            at: dict[tuple[str, int], list[int]] = {}
            for i, (c, _) in enumerate(self.concepts):
                at.setdefault((c.source.path, c.source.line), []).append(i)
            return at
        if name == "pools":
            by_topic: dict[str, list[Statement]] = {}
            by_path: dict[str, list[Statement]] = {}
            for st in self.statements:
                by_topic.setdefault(st.topic, []).append(st)
                if st.source:
                    by_path.setdefault(st.source.path, []).append(st)
            return by_topic, by_path
        if name == "letters":
            slots: dict[str, set[tuple[str, int]]] = {}
            full: dict[str, set[str]] = {}
            for e in self.expansions:
                for i, w in enumerate(e.words):
                    slots.setdefault(normalise(w), set()).add((e.acronym, i))
                full.setdefault(normalise(" ".join(e.words)), set()).add(e.acronym)
            return slots, full
        raise KeyError(name)

    def definitions_of(self, term: str) -> list[tuple[Concept, Topic]]:
        return [self.concepts[i] for i in self._lookup("terms").candidates(term)
                if same_concept(self.concepts[i][0].term, term)]

    def equivalents(self, concept: Concept) -> list[tuple[Concept, Topic]]:
        """Concepts any file states as the same: the same term, or (nearly) the same definition."""
        memo = self._lookup("equivalents")
        key = (concept.term, concept.definition)
        if key not in memo:
            if len(memo) >= _MEMO_MAX:
                memo.clear()
            found = {i for i in self._lookup("terms").candidates(concept.term)
                     if same_concept(self.concepts[i][0].term, concept.term)}
            found.update(self._lookup("definitions").matches(concept.definition))
            memo[key] = [self.concepts[i] for i in sorted(found)]
        return list(memo[key])

    def concepts_at(self, sources: tuple[Source, ...]) -> list[tuple[Concept, Topic]]:
        at = self._lookup("at")
        found = sorted({i for s in sources for i in at.get((s.path, s.line), ())})
        return [self.concepts[i] for i in found]

    def statements_about(self, topic: str, paths: set[str]) -> list[Statement]:
        """Statements of one topic, or from any of the given files (each once, in index order)."""
        by_topic, by_path = self._lookup("pools")
        pool = {id(s): s for s in by_topic.get(topic, ())}
        for p in paths:
            pool.update((id(s), s) for s in by_path.get(p, ()))
        return list(pool.values())

    def letter_slots(self, text: str) -> set[tuple[str, int]]:
        """(acronym, letter position) pairs whose expansion word is this text."""
        return set(self._lookup("letters")[0].get(normalise(text), ()))

    def full_expansions(self, text: str) -> set[str]:
        return set(self._lookup("letters")[1].get(normalise(text), ()))

    def matching(self, text: str, kinds: tuple[str, ...]) -> list[Statement]:
        return [st for i in self._lookup("statements").matches(text) if (st := self.statements[i]).kind in kinds]


TRUE_KINDS = ("tip", "marking")
# Where a misconception bullet turns from the belief to what is true instead.
_TURN = re.compile(r"\s*(?:;|:|—|–|\s-\s|,?\s*whereas\b|,\s*when\b|\.\s+(?=[A-Z]))\s*(?:in fact|in reality|actually)?,?\s*",
                   re.IGNORECASE)


def is_correction(text: str, bullet: str) -> bool:
    """``text`` is what a misconception bullet states as true after its turn, not the belief itself."""
    turn = _TURN.search(bullet)
    return bool(turn) and turn.start() > 0 and normalise(text) in normalise(bullet[turn.end():])
# The concept family's true/false form (qbank.generate.concepts._statement).
DEFINITION_STATEMENT = re.compile(r"^In the notes, \u201c(.+?)\u201d means: (.+?)\.?$", re.DOTALL)
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
    pool = index.statements_about(item.topic, {s.path for s in item.sources})
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
            if key_misc and (hit := [h for h in index.matching(d, ("misconception",)) if not is_correction(d, h.text)]):
                flags.append(("distractor_true_elsewhere", "critical",
                              f"distractor \u201c{_short(d)}\u201d is also a misconception ({_where(hit[0].source)})"))
            elif key_true and not key_misc and (hit := index.matching(d, TRUE_KINDS)):
                flags.append(("distractor_true_elsewhere", "critical",
                              f"distractor \u201c{_short(d)}\u201d is stated as good practice in {_where(hit[0].source)}"))
    elif isinstance(item, TrueFalse) and (m := DEFINITION_STATEMENT.match(item.stem)):
        # "In the notes, “Term” means: description." is true exactly when a file gives that description for the term.
        fits = any(says_same(m.group(2), c.definition) or coverage(m.group(2), c.definition) >= 0.8
                   for c, _ in index.definitions_of(m.group(1)))
        if item.answer and not fits:
            flags.append(("key_not_in_sources", "critical", "keyed True but no file gives this description for the term"))
        elif not item.answer and fits:
            flags.append(("misconception_stated_true", "critical", "keyed False but a file gives this description for the term"))
    elif isinstance(item, TrueFalse):
        # A misconception bullet may state the truth after the belief ("…; in fact X", "… – X"): X is no misconception.
        misc = [h for h in index.matching(item.stem, ("misconception",)) if not is_correction(item.stem, h.text)]
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
