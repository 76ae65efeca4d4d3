"""The audit's indexed lookups give exactly what a scan of every statement gives (issue 8).

The index exists for speed only (a scan made auditing quadratic in the number of topics);
these tests hold it to the plain definitions, on the bundled topics, synthetic topics and
near-miss variants of every text in them.
"""

from __future__ import annotations

import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import ROOT, TOPICS
from qbank.audit import factcheck
from qbank.build import load_bank
from qbank.audit.factcheck import TopicIndex, fact_flags, says_same, same_concept
from qbank.reader import read_topics
from qbank.audit.textcues import normalise

sys.path.insert(0, str(ROOT / "benchmarks"))
import synth_topics  # noqa: E402


def _variants(text: str) -> list[str]:
    words = text.split()
    out = [text, text.upper(), f"Not {text}", " ".join(words[:-1]), " ".join(words[1:]),
           " ".join(words[: len(words) // 2]), f"{text} and handling complaints"]
    if len(words) > 3:
        out.append(" ".join(words[:2] + words[3:]))
    return [v for v in out if v.strip()]


def _queries(index: TopicIndex) -> list[str]:
    texts = [s.text for s in index.statements] + [c.term for c, _ in index.concepts]
    texts += ["Complaint handling", "Handling complaints and difficult situations", "LASS", "the", ""]
    return sorted({v for t in texts for v in _variants(t)} | set(texts))


@pytest.fixture(scope="module", params=["bundled", "synthetic"])
def index(request, tmp_path_factory):
    if request.param == "bundled":
        topics, _ = read_topics([TOPICS])
    else:
        folder = tmp_path_factory.mktemp("synth")
        synth_topics.write_topics(12, folder, seed=5)
        topics, _ = read_topics([folder])
    return TopicIndex.of(topics)


def test_matching_equals_a_full_scan(index):
    for kinds in (("misconception",), ("tip", "marking"), ("tip", "marking", "definition")):
        for q in _queries(index):
            scan = [s for s in index.statements if s.kind in kinds and says_same(q, s.text)]
            assert index.matching(q, kinds) == scan, q


def test_definitions_and_equivalents_equal_a_full_scan(index):
    for q in _queries(index):
        assert index.definitions_of(q) == [(c, t) for c, t in index.concepts if same_concept(c.term, q)], q
    for concept, _ in index.concepts:
        for term in _variants(concept.term):
            for definition in _variants(concept.definition)[:3]:
                probe = type(concept)(term, definition, concept.source)
                scan = [(c, t) for c, t in index.concepts
                        if same_concept(c.term, term) or says_same(c.definition, definition)]
                assert index.equivalents(probe) == scan, (term, definition)


def test_letters_and_sources_equal_a_full_scan(index):
    for q in _queries(index):
        n = normalise(q)
        assert index.letter_slots(q) == {(e.acronym, i) for e in index.expansions
                                         for i, w in enumerate(e.words) if normalise(w) == n}
        assert index.full_expansions(q) == {e.acronym for e in index.expansions if normalise(" ".join(e.words)) == n}
    for concept, topic in index.concepts:
        assert index.concepts_at((concept.source,)) == [(c, t) for c, t in index.concepts
                                                        if (c.source.path, c.source.line) == (concept.source.path, concept.source.line)]
        pool = index.statements_about(topic.slug, {concept.source.path})
        scan = [s for s in index.statements if s.topic == topic.slug or (s.source and s.source.path == concept.source.path)]
        assert sorted(map(id, pool)) == sorted(map(id, scan))


def test_fact_flags_unchanged_for_a_whole_bank(tmp_path):
    """The same flags as with a fresh, unindexed scan for every item (the index is rebuilt when the lists change)."""
    synth_topics.write_topics(12, tmp_path, seed=2)
    bank = load_bank([tmp_path, TOPICS])
    index = TopicIndex.of(bank.topics)
    flags = [fact_flags(index, item) for item in bank.items]
    index.statements.append(index.statements[0])  # forces a rebuild: answers must not change
    assert [fact_flags(index, item) for item in bank.items] == flags


class _ScanIndex(TopicIndex):
    """The plain definitions: every lookup a scan of every statement or concept (the reference)."""

    def matching(self, text, kinds):
        return [s for s in self.statements if s.kind in kinds and says_same(text, s.text)]

    def definitions_of(self, term):
        return [(c, t) for c, t in self.concepts if same_concept(c.term, term)]

    def equivalents(self, concept):
        return [(c, t) for c, t in self.concepts
                if same_concept(c.term, concept.term) or says_same(c.definition, concept.definition)]


@pytest.mark.parametrize("topics", [12])
def test_fact_flags_equal_a_full_scan_on_a_whole_bank(tmp_path, topics):
    """Every item's fact flags (messages included) are those of scanning every statement."""
    synth_topics.write_topics(topics, tmp_path, seed=3)
    bank = load_bank([tmp_path, TOPICS])
    fast, scan = TopicIndex.of(bank.topics), _ScanIndex.of(bank.topics)
    assert [fact_flags(fast, item) for item in bank.items] == [fact_flags(scan, item) for item in bank.items]


def test_matching_equals_a_full_scan_on_a_larger_synthetic_set(tmp_path):
    """40 topics: most stems are common (bitsets kept), made-up terms rare (built on demand)."""
    synth_topics.write_topics(40, tmp_path, seed=7)
    topics, _ = read_topics([tmp_path])
    index = TopicIndex.of(topics)
    similar = index._lookup("statements")
    assert similar.bits and similar.rare  # both paths are exercised
    queries = sorted({v for s in index.statements[::3] for v in _variants(s.text)})
    for q in queries:
        assert index.matching(q, ("tip", "marking", "misconception", "definition", "term", "synopsis", "expansion")) == \
            [s for s in index.statements if says_same(q, s.text)], q


def test_memos_are_bounded_and_answers_unchanged(monkeypatch):
    topics, _ = read_topics([TOPICS])
    index = TopicIndex.of(topics)
    queries = [s.text for s in index.statements]
    before = [index.matching(q, ("tip", "marking")) for q in queries]
    monkeypatch.setattr(factcheck, "_MEMO_MAX", 3)
    small = TopicIndex.of(topics)
    assert [small.matching(q, ("tip", "marking")) for q in queries] == before
    assert len(small._lookup("statements")._memo) <= 3


@given(st.lists(st.integers(min_value=0, max_value=2 ** 70 - 1), max_size=12), st.integers(min_value=0, max_value=14))
def test_bit_plane_counting_equals_counting_each_bit(bitsets, m):
    everyone = 2 ** 70 - 1
    got = factcheck._at_least(factcheck._counters(bitsets), m, everyone)
    want = sum(1 << i for i in range(70) if sum(b >> i & 1 for b in bitsets) >= m)
    assert got == want


def test_fewest_shared_stems_is_the_rule_s_threshold():
    for n in range(0, 40):
        for m in range(0, 40):
            need = factcheck._needed(n, m)
            passing = [c for c in range(min(n, m) + 1) if factcheck._similar_stems(c, n, m)]
            assert need == (passing[0] if passing else None)
            # monotone: every larger overlap passes too, so "at least need" is exact
            assert passing == list(range(need, min(n, m) + 1)) if passing else True
