"""The audit's indexed lookups give exactly what a scan of every statement gives (issue 8).

The index exists for speed only (a scan made auditing quadratic in the number of topics);
these tests hold it to the plain definitions, on the bundled topics, synthetic topics and
near-miss variants of every text in them.
"""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT, TOPICS
from qbank.build import load_bank
from qbank.factcheck import TopicIndex, fact_flags, says_same, same_concept
from qbank.reader import read_topics
from qbank.textcues import normalise

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
