"""What the topic files state, across ALL topics: concepts, acronym expansions, bullets.

Generators ask this index before using a distractor ("is this stated true for the stem
anywhere?") and before asking a question ("is the key contested?"). Cross-topic
conflicts become warning Diagnostics naming both files and lines.
"""

from __future__ import annotations

import bisect
import math
import os
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from qbank.generate.similar import JaccardIndex
from qbank.generate.text import content_stems, jaccard, proper_nouns, stem, words
from qbank.model import Concept, Diagnostic, Severity, Source, Topic

SAME_TERM = 0.5  # Jaccard of term stems (generic words dropped) above which two terms are one concept
SAME_DEFINITION = 0.45  # Jaccard of definition stems above which two definitions say the same thing
SAME_BULLET = 0.6
NEAR_DUPLICATE = 0.6  # two bullets this alike would make two near-identical items
UMBRELLA_DEFINITION = 0.18
UNRELATED, RELATED = 0.10, 0.25  # vocabulary Jaccard between topics
NEIGHBOUR = 0.75  # facts.distance up to which another topic counts as the same course
NEAREST = 5  # related topics whose concepts and practice serve as distractors (a bank of NEAREST+1 uses all)
SHORTLIST = 4 * NEAREST  # topics sharing the rarest vocabulary, measured exactly for the nearest
RARE = 50  # a stem in more topics than this says too little to find related topics
SCOPE = 50  # topics a bank-wide check looks at for one topic (itself and those sharing the most rare words)


@dataclass(frozen=True)
class Expansion:
    """One statement of what an acronym stands for, e.g. HEAT -> (Hear, Empathise, Apologise, Take action)."""

    acronym: str
    parts: tuple[str, ...]
    source: Source
    topic: str
    text: str  # the sentence it was found in
    steps: bool = True  # a list of steps/criteria (HEAT, PDCA), not a name (NPS)
    phrase: str = ""  # a name as written, minor words included ("General Data Protection Regulation")

    @property
    def key(self) -> tuple[str, ...]:
        return tuple(_spelling(p) for p in self.parts)


@dataclass
class Facts:
    topics: tuple[Topic, ...]
    concepts: list[tuple[Topic, Concept]] = field(default_factory=list)
    expansions: dict[str, list[Expansion]] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    # --- concepts --------------------------------------------------------------
    common: dict[str, frozenset[str]] = field(default_factory=dict)  # topic slug -> its domain words
    proper: frozenset[str] = frozenset()  # words capitalised mid-sentence somewhere: keep their capital

    def same_concept(self, a: Concept, b: Concept) -> bool:
        """True when b could also be keyed for a stem about a: same or synonymous term, or same meaning."""
        common = self._common_pair(self._topic_of(a), self._topic_of(b))
        # Close over files that use the very same term: if b's term is defined in another file
        # in words that match a, b is a second key too.
        for x in self._namesakes(a):
            for y in self._namesakes(b):
                if _same_concept(x.term, x.definition, y.term, y.definition, common):
                    return True
        return False

    def _common_pair(self, a: str, b: str) -> frozenset[str]:
        """Both topics' domain words, one set per pair of topics (so its hash is computed once)."""
        cache = self.__dict__.setdefault("_common_pairs", {})
        found = cache.get((a, b))
        if found is None:
            found = cache[(a, b)] = self.common.get(a, frozenset()) | self.common.get(b, frozenset())
        return found

    def _topic_of(self, concept: Concept) -> str:
        # By value, not identity: a cached index may hold equal copies of the caller's topics.
        # The concepts of ``self.concepts`` (alive as long as self) are found by id first: hashing
        # a frozen dataclass walks every field each time.
        by_id = self.__dict__.get("_topic_by_id")
        if by_id is None or by_id[0] != len(self.concepts):
            first = self._lookups()[0]
            by_id = (len(self.concepts), {id(c): first[c] for _, c in self.concepts})
            self.__dict__["_topic_by_id"] = by_id
        found = by_id[1].get(id(concept))
        return found if found is not None else self._lookups()[0].get(concept, "")

    def _namesakes(self, concept: Concept) -> list[Concept]:
        same_name = self._lookups()[1].get(concept.term.casefold(), ())
        return [concept] + [c for c in same_name if c != concept]

    def _lookups(self) -> tuple[dict[Concept, str], dict[str, list[Concept]]]:
        """Concept -> first topic slug, and term -> concepts, rebuilt when ``concepts`` changes.

        Scanning every concept on each call made generation quadratic (cubic with the callers'
        own loops) in the number of topics; the answers are the scans' own (first match, order).
        """
        cached = self.__dict__.get("_lookup_cache")
        if cached is None or cached[0] != len(self.concepts):
            first: dict[Concept, str] = {}
            by_name: dict[str, list[Concept]] = {}
            for t, c in self.concepts:
                first.setdefault(c, t.slug)
                by_name.setdefault(c.term.casefold(), []).append(c)
            cached = (len(self.concepts), first, by_name)
            self.__dict__["_lookup_cache"] = cached
        return cached[1], cached[2]

    def concepts_of(self, topics: Sequence[Topic]) -> list[tuple[Topic, Concept]]:
        """``concepts`` of these topics only, in bank order."""
        return [(t, c) for t in sorted(topics, key=self._position) for c in t.concepts]

    def definitions_of(self, concept: Concept) -> list[tuple[Topic, Concept]]:
        """Every statement in any topic of what this concept (or a synonym) is."""
        return [(t, c) for t, c in self.concepts if self.same_concept(concept, c)]

    def distance(self, topic: Topic, other: Topic) -> float:
        """0 for the same topic, 0.3 for a closely related topic, up to 1.2 for another subject.

        Distractors from a related topic are plausible; from another subject they are not.
        """
        if other is topic or other.slug == topic.slug:
            return 0.0
        cache = self.__dict__.setdefault("_distance_cache", {})
        key = (topic.slug, other.slug)
        if key not in cache:
            # Notes in any subject share exam vocabulary ("answer", "credit"): about 0.06-0.09 Jaccard
            # between unrelated topics, 0.23-0.29 between topics of one course.
            shared = jaccard(self._vocab(topic), self._vocab(other))
            rel = min(1.0, max(0.0, (shared - UNRELATED) / (RELATED - UNRELATED)))
            cache[key] = 0.3 + 0.9 * (1.0 - rel)
        return cache[key]

    def _vocab(self, topic: Topic) -> frozenset[str]:
        # By slug: hashing a whole Topic for an lru_cache costs more than the lookup saves.
        cache = self.__dict__.setdefault("_vocab_cache", {})
        if topic.slug not in cache:
            cache[topic.slug] = _vocabulary(topic)
        return cache[topic.slug]

    # --- neighbourhoods ----------------------------------------------------------
    def neighbourhood(self, topic: Topic) -> list[Topic]:
        """The topic and its NEAREST most related topics, in bank order (the topic itself first).

        Distractor pools come from here, never from the whole bank, so generation stays near
        linear. With NEAREST + 1 topics or fewer this is every topic, the topic first.
        """
        cache = self.__dict__.setdefault("_neighbour_cache", {})
        if topic.slug not in cache:
            mine = self._slug_positions().get(topic.slug, ())
            if len(self.topics) - len(mine) > NEAREST:
                shortlist = self._shortlist(topic, SHORTLIST)
                shortlist.sort(key=lambda n: (self.distance(topic, self.topics[n]), n))
                others = [self.topics[n] for n in sorted(shortlist[:NEAREST])]
            else:
                others = [t for t in self.topics if t.slug != topic.slug]
            cache[topic.slug] = [topic] + others
        return cache[topic.slug]

    def scope(self, topic_slug: str) -> frozenset[str]:
        """Slugs of the topics a quiz may draw beside this one: the topic and the SCOPE - 1 topics
        sharing the most rare vocabulary with it (every topic in a bank of SCOPE or fewer).

        Bank-wide checks (a stem that prints another item's key, a mistake another file
        recommends) look only here, so they cost the same per item however large the bank is.
        """
        cache = self.__dict__.setdefault("_scope_cache", {})
        if topic_slug not in cache:
            slugs = self._slug_positions()
            if len(slugs) <= SCOPE:
                cache[topic_slug] = frozenset(slugs)
            else:
                at = self._slug_positions().get(topic_slug)
                topic = self.topics[at[0]] if at else None
                near = self._shortlist(topic, SCOPE - 1) if topic is not None else []
                cache[topic_slug] = frozenset([topic_slug, *(self.topics[n].slug for n in near)])
        return cache[topic_slug]

    def _slug_positions(self) -> dict[str, list[int]]:
        """slug -> bank positions of the topics with it."""
        cached = self.__dict__.get("_slug_positions_cache")
        if cached is None:
            cached = {}
            for n, t in enumerate(self.topics):
                cached.setdefault(t.slug, []).append(n)
            self.__dict__["_slug_positions_cache"] = cached
        return cached

    def _shortlist(self, topic: Topic, size: int) -> list[int]:
        """Bank positions of the ``size`` topics (other slugs) sharing the most rare vocabulary
        (idf-weighted); ties and topics sharing no rare stem in bank order, so the list is full
        whenever there are that many other topics."""
        index = self.__dict__.get("_vocab_index")
        if index is None:
            index = {}
            for n, t in enumerate(self.topics):
                for s in self._vocab(t):
                    index.setdefault(s, []).append(n)
            self.__dict__["_vocab_index"] = index
        mine = set(self._slug_positions().get(topic.slug, ()))
        weight: dict[int, float] = {}
        for s in sorted(self._vocab(topic)):  # sorted: float sums in one order whatever the hash seed
            holders = index.get(s, ())
            if len(holders) > RARE:
                continue
            idf = math.log(len(self.topics) / len(holders))
            for n in holders:
                if n not in mine:
                    weight[n] = weight.get(n, 0.0) + idf
        best = sorted(weight, key=lambda n: (-weight[n], n))[:size]
        if len(best) < size:
            for n in range(len(self.topics)):
                if len(best) >= size:
                    break
                if n not in weight and n not in mine:
                    best.append(n)
        return best

    def earlier_twin(self, topic: Topic, concept: Concept) -> Concept | None:
        """The same term defined in nearly the same words in an earlier topic (its items are enough)."""
        before = self._position(topic)
        stems = content_stems(concept.definition)
        for n, c in self._by_term().get(concept.term.casefold(), ()):
            if n >= before:
                return None
            if jaccard(content_stems(c.definition), stems) >= NEAR_DUPLICATE:
                return c
        return None

    def earlier_twin_bullet(self, topic: Topic, text: str, section: str) -> bool:
        """A bullet in nearly the same words in the same section of an earlier topic (of its scope,
        in a bank of more than SCOPE topics)."""
        stems = content_stems(text)
        owners, index = self._bullet_index(section)
        # Entries are in bank order: only those before the topic's first bullet can be earlier twins
        # (a long list of alike bullets in one file is then not compared with itself).
        below = bisect.bisect_left(owners, self._position(topic))
        if len(self._slug_positions()) <= SCOPE:
            return any(jaccard(stems, index.entries[n]) >= NEAR_DUPLICATE for n in index.alike(stems, below))
        # A large bank: only bullets of the topic's scope, so the cost per bullet does not grow with the bank
        index.group_by(lambda n: self.topics[owners[n]].slug)
        return any(jaccard(stems, index.entries[n]) >= NEAR_DUPLICATE
                   for n in index.alike_among(stems, self.scope(topic.slug), below))

    def _position(self, topic: Topic) -> int:
        """Where the first topic with this slug stands in the bank (len(topics) if absent)."""
        cache = self.__dict__.setdefault("_position_cache", {})
        if not cache:
            for n, t in enumerate(self.topics):
                cache.setdefault(t.slug, n)
        return cache.get(topic.slug, len(self.topics))

    def _by_term(self) -> dict[str, list[tuple[int, Concept]]]:
        """Term -> (topic position, concept) in bank order."""
        cached = self.__dict__.get("_by_term_cache")
        if cached is None:
            cached = {}
            for n, t in enumerate(self.topics):
                for c in t.concepts:
                    cached.setdefault(c.term.casefold(), []).append((n, c))
            self.__dict__["_by_term_cache"] = cached
        return cached

    def _bullet_index(self, section: str) -> tuple[list[int], JaccardIndex]:
        """Every bullet of a section, bank order: owner topic positions and a stem index."""
        cache = self.__dict__.setdefault("_bullet_indexes", {})
        if section not in cache:
            owners = [n for n, t in enumerate(self.topics) for _ in getattr(t, section)]
            cache[section] = (owners, JaccardIndex((content_stems(b.text) for t in self.topics
                                                    for b in getattr(t, section)), NEAR_DUPLICATE))
        return cache[section]

    # --- acronyms --------------------------------------------------------------
    def stated_parts(self, acronym: str, index: int) -> set[str]:
        """Every expansion any topic gives for letter ``index`` of ``acronym`` (spelling-normalised)."""
        return {e.key[index] for e in self.expansions.get(acronym, []) if index < len(e.key)}

    def contested(self, acronym: str, index: int) -> bool:
        return len(self.stated_parts(acronym, index)) > 1

    def canonical(self, acronym: str) -> Expansion:
        """The expansion most topics give (ties: the first file), used for bank-level items."""
        cache = self.__dict__.setdefault("_canonical_cache", {})
        if acronym not in cache:
            cache[acronym] = self._canonical(acronym)
        return cache[acronym]

    def canonical_parts(self, letter: str) -> list[tuple[str, Expansion, str, str]]:
        """(acronym, canonical expansion, part, spelling key) for every canonical part starting with
        ``letter``, in the order a loop over ``expansions`` meets them (a lookup, not a scan per item)."""
        cache = self.__dict__.get("_parts_cache")
        if cache is None:
            cache = {}
            for acr in self.expansions:
                e = self.canonical(acr)
                for part, key in zip(e.parts, e.key):
                    cache.setdefault(part[:1].upper(), []).append((acr, e, part, key))
            self.__dict__["_parts_cache"] = cache
        return cache.get(letter, [])

    def canonical_parts_in(self, letter: str, slugs: Collection[str]) -> list[tuple[str, Expansion, str, str]]:
        """``canonical_parts(letter)`` of acronyms whose canonical expansion is in one of these topics,
        in the same order, looked up per topic: a large bank is not scanned for every item."""
        cache = self.__dict__.get("_parts_by_topic")
        if cache is None:
            self.canonical_parts("")  # builds the per-letter lists
            cache = {}
            for first, parts in self.__dict__["_parts_cache"].items():
                for n, entry in enumerate(parts):
                    cache.setdefault((first, entry[1].topic), []).append((n, entry))
            self.__dict__["_parts_by_topic"] = cache
        found = [x for slug in slugs for x in cache.get((letter, slug), ())]
        return [entry for _, entry in sorted(found, key=lambda x: x[0])]

    def acronyms_in(self, slugs: Collection[str]) -> list[str]:
        """Acronyms whose canonical expansion is in one of these topics, in ``expansions`` order."""
        cache = self.__dict__.get("_acronyms_by_topic")
        if cache is None:
            cache = {}
            for n, acr in enumerate(self.expansions):
                cache.setdefault(self.canonical(acr).topic, []).append((n, acr))
            self.__dict__["_acronyms_by_topic"] = cache
        return [acr for _, acr in sorted(x for slug in slugs for x in cache.get(slug, ()))]

    def _canonical(self, acronym: str) -> Expansion:
        found = self.expansions[acronym]
        counts: dict[tuple[str, ...], int] = {}
        for e in found:
            counts[e.key] = counts.get(e.key, 0) + 1
        best = max(counts.values())
        return next(e for e in found if counts[e.key] == best)

    def all_parts(self) -> set[str]:
        return {k for found in self.expansions.values() for e in found for k in e.key}

    # --- statements ------------------------------------------------------------
    def stated_anywhere(self, text: str, sections: Sequence[str] = ("tips", "marking_points", "concepts")) -> bool:
        """A statement close to ``text`` is made by some topic in these sections (used for mistakes).

        Tips and marking points are compared both as written and as the practice they describe
        ("Use scripted responses …" ~ "Using scripted responses …"). Looked up in a stem index;
        the answer is the full scan's (``stated_anywhere_scan``, kept for the tests).
        """
        target = content_stems(text)
        index = self._statement_index(tuple(sections))
        return any(jaccard(target, index.entries[n]) >= SAME_BULLET
                   for n in index.alike(target))

    def _statement_index(self, sections: tuple[str, ...]) -> JaccardIndex:
        cache = self.__dict__.setdefault("_statement_indexes", {})
        if sections not in cache:
            cache[sections] = JaccardIndex((content_stems(body) for body in _statements(self.topics, sections)),
                                           SAME_BULLET)
        return cache[sections]

    def stated_anywhere_scan(self, text: str, sections: Sequence[str] = ("tips", "marking_points", "concepts")) -> bool:
        """``stated_anywhere`` by scanning every statement (the reference the index must equal)."""
        target = content_stems(text)
        return any(jaccard(target, content_stems(body)) >= SAME_BULLET for body in _statements(self.topics, sections))


def _statements(topics: Sequence[Topic], sections: Sequence[str]):
    """Every statement of these sections, as written and (tips, marking points) as practice."""
    from qbank.generate.practice import from_marking, from_tip

    for topic in topics:
        for name in sections:
            for b in getattr(topic, name):
                yield b.definition if name == "concepts" else b.text
                if name == "tips":
                    yield from_tip(b.text) or ""
                if name == "marking_points":
                    yield from_marking(b.text) or ""


def _unknown_capitals(terms) -> frozenset[str]:
    """The capitalised words of a term made only of words English does not know, two or three of
    them ("Encarsia formosa", "Neoseiulus (Amblyseius) cucumeris"): a scientific name keeps its
    capital mid-sentence ("the notes define Encarsia formosa as …", not "encarsia formosa"; an
    examiner's find). A single unknown word ("Specificity") may be a noun the lexicon lacks."""
    from lemminflect import getAllLemmas

    out: set[str] = set()
    for term in terms:
        ws = re.findall(r"[A-Za-z]+", term)
        if 2 <= len(ws) <= 3 and ws[0][0].isupper() and all(len(w) >= 4 and not getAllLemmas(w.lower()) for w in ws):
            out.update(w for w in ws if w[0].isupper())
    return frozenset(out)


def build_facts(topics: Sequence[Topic]) -> Facts:
    return _build(tuple(topics))


@lru_cache(maxsize=8)
def _build(topics: tuple[Topic, ...]) -> Facts:
    facts = Facts(topics)
    for t in topics:
        for c in t.concepts:
            facts.concepts.append((t, c))
        for source, text in _texts(t):
            for e in find_expansions(text, source, t.slug):
                facts.expansions.setdefault(e.acronym, []).append(e)
    # Words in 40% or more of the terms of a topic and its related topics ("customer service"
    # across a customer-service course) say nothing about which concept a term names. Counted
    # per neighbourhood, so adding another subject's notes does not change the answer.
    for t in topics:
        near = [o for o in facts.neighbourhood(t) if facts.distance(t, o) <= NEIGHBOUR]
        terms = [c.term for o in near for c in o.concepts]
        df: dict[str, int] = {}
        for term in terms:
            for s in content_stems(term, drop_generic=True):
                df[s] = df.get(s, 0) + 1
        limit = max(4, 0.4 * len(terms))
        facts.common[t.slug] = frozenset(s for s, n in df.items() if n >= limit)
    # Definitions and bullets only: a term's own capitals are what we are deciding about.
    facts.proper = proper_nouns([c.definition for _, c in facts.concepts]
                                + [b.text for t in topics for b in (*t.tips, *t.misconceptions, *t.marking_points)]
                                + [t.synopsis for t in topics]) | _unknown_capitals(c.term for _, c in facts.concepts)
    facts.diagnostics.extend(_acronym_conflicts(facts))
    facts.diagnostics.extend(_practice_conflicts(facts))
    return facts


def _practice_conflicts(facts: Facts) -> list[Diagnostic]:
    """A mistake in one file that another file in its scope (``Facts.scope``) recommends (tip or
    marking point) is contested."""
    from qbank.generate.practice import from_marking, from_tip

    diags: list[Diagnostic] = []
    advice = [(from_tip(b.text), b, t.slug) for t in facts.topics for b in t.tips]
    advice += [(from_marking(b.text), b, t.slug) for t in facts.topics for b in t.marking_points]
    # Advice with no practice form is never compared: an empty entry matches nothing.
    index = JaccardIndex((content_stems(text) if text else frozenset() for text, _, _ in advice), SAME_BULLET)
    # A mistake is looked up among the advice of its scope only, so the cost per mistake does not
    # grow with the bank.
    index.group_by(lambda n: advice[n][2])
    for t in facts.topics:
        near = facts.scope(t.slug)
        for m in t.misconceptions:
            stems = content_stems(m.text)
            for n in index.alike_among(stems, near):  # most misconceptions match no advice
                text, b, _ = advice[n]
                if text and b.source.path != m.source.path and jaccard(stems, index.entries[n]) >= SAME_BULLET:
                    diags.append(Diagnostic(
                        Severity.WARNING,
                        f"listed as a mistake here but recommended in {b.source.path}:{b.source.line}; "
                        "it is not used as a key",
                        m.source.path, m.source.line,
                    ))
                    break
    return diags


def _vocabulary(topic: Topic) -> frozenset[str]:
    return frozenset().union(*(content_stems(text, True) for _, text in _texts(topic)))


def _texts(topic: Topic):
    if topic.synopsis and topic.synopsis_source:
        yield topic.synopsis_source, topic.synopsis
    for c in topic.concepts:
        yield c.source, f"{c.term}: {c.definition}"
    for group in (topic.tips, topic.misconceptions, topic.marking_points):
        for b in group:
            yield b.source, b.text


# --- concept sameness ----------------------------------------------------------


@lru_cache(maxsize=1 << 16)
def _same_concept(term_a: str, def_a: str, term_b: str, def_b: str, common: frozenset[str]) -> bool:
    if term_a.casefold() == term_b.casefold():
        return True
    ta = content_stems(term_a, True, digits=True) - common
    tb = content_stems(term_b, True, digits=True) - common
    if ta and tb and (_within(ta, tb) or _within(tb, ta) or _fuzzy_jaccard(ta, tb) > SAME_TERM):
        return True
    da, db = content_stems(def_a, True, True) - common, content_stems(def_b, True, True) - common
    # One term names what the other's definition describes ("Performance management:
    # methods for monitoring, evaluating ..." vs "Monitoring and evaluating").
    if (ta and _within(ta, db)) or (tb and _within(tb, da)):
        return True
    # An umbrella term ("Principles of X") says little: trust a weaker likeness of meaning.
    threshold = SAME_DEFINITION if ta and tb else UMBRELLA_DEFINITION
    return jaccard(da, db) >= threshold


def _alike(a: str, b: str) -> bool:
    """Stems of one word family the stemmer left apart: 'photosynthesi' ~ 'photosynthetic'."""
    if a == b:
        return True
    if a[:6] != b[:6]:
        return False  # six shared letters at least (most pairs stop here, no cache needed)
    shared = len(os.path.commonprefix([a, b]))
    return shared >= max(6, 0.8 * min(len(a), len(b)))


def _within(part: set[str], whole: set[str]) -> bool:
    # ``x in whole`` first: the same answer (_alike(x, x) holds), without pairing every stem.
    missing = [x for x in part if x not in whole]
    if not missing:
        return True
    # A stem under six letters is _alike only itself, which is missing: no pairing needed.
    if any(len(x) < 6 for x in missing):
        return False
    if len(missing) * len(whole) <= _PAIRS:
        return all(any(_alike(x, y) for y in whole) for x in missing)
    heads = _heads(whole)
    return all(any(_alike(x, y) for y in heads.get(x[:6], ())) for x in missing)


def _fuzzy_jaccard(a: set[str], b: set[str]) -> float:
    if not (a and b):
        return 0.0
    if len(a) * len(b) <= _PAIRS:
        matched = sum(1 for x in a if x in b or any(_alike(x, y) for y in b))
    else:
        heads = _heads(b)
        matched = sum(1 for x in a if x in b or any(_alike(x, y) for y in heads.get(x[:6], ())))
    return matched / (len(a) + len(b) - matched)


_PAIRS = 256  # up to this many stem pairs, pairing them (cached) is cheaper than grouping by first letters


def _heads(stems: set[str]) -> dict[str, list[str]]:
    """Stems by their first six letters: two different stems are only _alike when those agree."""
    heads: dict[str, list[str]] = {}
    for y in stems:
        if len(y) >= 6:
            heads.setdefault(y[:6], []).append(y)
    return heads


# --- acronyms ------------------------------------------------------------------

_ACRONYM = r"[A-Z][A-Za-z]{0,2}[A-Z]{1,6}s?"
# HEAT model (Hear, Empathise, ...) / 'LASS' model (Listen, ...) / SMART (Specific, ...)
_FORWARD = re.compile(rf"['‘\"]?(?P<acr>{_ACRONYM})['’\"]?(?:\s+(?:model|framework|cycle|method|technique|approach|objectives?|criteria|goals?))?\s*\((?P<body>[^()]+)\)")
# Plan-Do-Check-Act (PDCA) / net promoter score (NPS) / Service Level Agreements (SLAs)
# Words of at most 64 characters, each starting after a non-letter: a long run of letters with no
# bracket after it is then passed over in one step, not tried from every one of its letters.
_BACKWARD = re.compile(rf"(?<![A-Za-z])(?P<body>(?:[A-Za-z][\w'’]{{0,63}}[\s-]+){{1,7}}?[A-Za-z][\w'’]{{0,63}})\s*\((?P<acr>{_ACRONYM})\)")
_BRACKETED = re.compile(rf"\((?:{_ACRONYM})\)|[()]")  # where a backward expansion can end, and brackets it cannot cross
_REACH = 8 * 64 + 64  # eight words of at most 64 characters and their spaces: how far back a body can start


def _backward(text: str):
    """_BACKWARD.finditer(text), searched only just before each bracketed acronym (linear in the text).

    A body holds no bracket, so each search starts after the previous bracket (and at most
    _REACH characters back): every character is looked at by a bounded number of searches.
    """
    start = 0  # where the next match may start: after the last match or bracket
    for m in _BRACKETED.finditer(text):
        if len(m.group()) > 1:
            found = _BACKWARD.search(text, max(start, m.start() - _REACH), m.end())
            if found is not None:
                yield found
        start = m.end()


_MINOR = frozenset("of and the for to in on a an &".split())


def find_expansions(text: str, source: Source, topic: str) -> list[Expansion]:
    """Acronyms whose expansion is spelled out in the text, checked letter by letter."""
    out: list[Expansion] = []
    for m in _FORWARD.finditer(text):
        acr = _letters(m.group("acr"))
        parts = tuple(p.strip() for p in re.split(r",\s*|\s+and\s+", m.group("body")) if p.strip())
        if len(parts) == len(acr) and all(p[:1].upper() == a for p, a in zip(parts, acr)):
            out.append(Expansion(acr, parts, source, topic, text))
            continue
        # GDPR (General Data Protection Regulation): a name, initials of its main words.
        words_ = m.group("body").split()
        main = [w for w in words_ if w.lower() not in _MINOR]
        if len(main) == len(acr) and all(w[:1].upper() == a for w, a in zip(main, acr)):
            out.append(Expansion(acr, tuple(main), source, topic, text, False, " ".join(words_)))
    named = {e.acronym for e in out}  # one lookup per match, not a scan of every expansion found
    for m in _backward(text) if "(" in text else ():
        acr = _letters(m.group("acr"))
        if acr in named:
            continue
        tokens = re.split(r"[\s-]+", m.group("body").strip())
        # Walk back over the words before the bracket, minor words allowed inside the name.
        main: list[str] = []
        start = len(tokens)
        while start > 0 and len(main) < len(acr):
            start -= 1
            if tokens[start].lower() in _MINOR and main:
                continue
            main.insert(0, tokens[start])
        if len(main) == len(acr) and all(w[:1].upper() == a for w, a in zip(main, acr)):
            hyphenated = "-".join(main) in m.group("body")
            steps = hyphenated and all(w[:1].isupper() for w in main)
            out.append(Expansion(acr, tuple(main), source, topic, text, steps, " ".join(tokens[start:])))
            named.add(acr)
    return out


def _letters(acr: str) -> str:
    acr = acr.strip("'‘’\"")
    return acr[:-1] if acr.endswith("s") and acr[:-1].isupper() else acr


@lru_cache(maxsize=1 << 16)  # Expansion.key spells every part on each call
def _spelling(part: str) -> str:
    """Empathise ~ Empathize, Take Action ~ take action."""
    return " ".join(stem(w) for w in words(part))


def _acronym_conflicts(facts: Facts) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    for acr, found in facts.expansions.items():
        for i, letter in enumerate(acr):
            seen: dict[str, Expansion] = {}
            for e in found:
                if i < len(e.key):
                    seen.setdefault(e.key[i], e)
            variants = list(seen.values())
            for other in variants[1:]:
                first = variants[0]
                diags.append(Diagnostic(
                    Severity.WARNING,
                    f"{acr} letter {letter} is '{other.parts[i]}' here but '{first.parts[i]}' in "
                    f"{first.source.path}:{first.source.line}; questions on that letter are not asked",
                    other.source.path, other.source.line,
                ))
    return diags
