"""Generation's indexed lookups give exactly what a scan of every topic gives.

The indexes exist for speed only (scans made generation cubic in the number of topics);
these tests hold them to the plain scans on the bundled topics, synthetic topics, both
together, and near-miss variants of every text in them.
"""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT, TOPICS
from qbank.generate.facts import NEAR_DUPLICATE, NEAREST, SAME_BULLET, SCOPE, build_facts
from qbank.generate.practice import from_marking, from_tip
from qbank.generate.text import content_stems, jaccard
from qbank.reader import read_topics

sys.path.insert(0, str(ROOT / "benchmarks"))
import synth_topics  # noqa: E402

SECTIONS = (("tips", "marking_points", "concepts"), ("tips",), ("misconceptions", "concepts"))


def _variants(text: str) -> list[str]:
    words = text.split()
    out = [text, f"Not {text}", " ".join(words[:-1]), " ".join(words[1:]), " ".join(words[: len(words) // 2]),
           f"{text} and handling complaints"]
    if len(words) > 3:
        out.append(" ".join(words[:2] + words[3:]))
    return [v for v in out if v.strip()]


@pytest.fixture(scope="module", params=["bundled", "synthetic", "both"])
def topics(request, tmp_path_factory):
    folders = []
    if request.param in ("bundled", "both"):
        folders.append(TOPICS)
    if request.param in ("synthetic", "both"):
        folder = tmp_path_factory.mktemp("synth")
        synth_topics.write_topics(12, folder, seed=5)
        folders.append(folder)
    return tuple(read_topics(folders)[0])


def _texts(topics) -> list[str]:
    texts = [b.text for t in topics for b in (*t.tips, *t.misconceptions, *t.marking_points)]
    texts += [c.definition for t in topics for c in t.concepts]
    return sorted({v for text in texts for v in _variants(text)} | {"", "the"})


def test_stated_anywhere_equals_a_full_scan(topics):
    facts = build_facts(topics)
    for text in _texts(topics):
        for sections in SECTIONS:
            assert facts.stated_anywhere(text, sections) == facts.stated_anywhere_scan(text, sections), text


def test_earlier_twins_equal_a_full_scan(topics):
    facts = build_facts(topics)
    for topic in topics:
        for concept in topic.concepts:
            scan = None
            for t, c in facts.concepts:
                if t.slug == topic.slug:
                    break
                if c.term.casefold() == concept.term.casefold() and jaccard(
                        content_stems(c.definition), content_stems(concept.definition)) >= NEAR_DUPLICATE:
                    scan = c
                    break
            assert facts.earlier_twin(topic, concept) == scan
        for section in ("misconceptions", "tips"):
            for text in [v for b in getattr(topic, section) for v in _variants(b.text)]:
                stems, scan = content_stems(text), False
                for t in topics:
                    if t.slug == topic.slug:
                        break
                    if any(jaccard(stems, content_stems(b.text)) >= NEAR_DUPLICATE for b in getattr(t, section)):
                        scan = True
                        break
                assert facts.earlier_twin_bullet(topic, text, section) == scan, text


def _practice_scan(topics, facts):
    """Every mistake against every tip and marking point of the topics in its scope, in bank order."""
    advice = [(from_tip(b.text), b, t.slug) for t in topics for b in t.tips]
    advice += [(from_marking(b.text), b, t.slug) for t in topics for b in t.marking_points]
    scan = []
    for t in topics:
        near = facts.scope(t.slug)
        for m in t.misconceptions:
            for text, b, slug in advice:
                if slug in near and text and b.source.path != m.source.path and jaccard(
                        content_stems(m.text), content_stems(text)) >= SAME_BULLET:
                    scan.append((m.source.path, m.source.line, f"{b.source.path}:{b.source.line}"))
                    break
    return scan


def _practice_found(facts):
    return [(d.path, d.line, d.message.split("recommended in ")[1].split(";")[0])
            for d in facts.diagnostics if "recommended in" in d.message]


def test_practice_conflicts_equal_a_full_scan(topics):
    facts = build_facts(topics)
    assert all(facts.scope(t.slug) == {u.slug for u in topics} for t in topics)  # a small bank: one scope
    assert _practice_found(facts) == _practice_scan(topics, facts)


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    """More topics than SCOPE: bundled notes among synthetic ones, with planted contradictions."""
    folder = tmp_path_factory.mktemp("large")
    synth_topics.write_topics(SCOPE + 12, folder, seed=3)
    for name, tip, mistake in (("hive-a", "Check the brood frames for queen cells every nine days.",
                                "Smoking the hive entrance gently before lifting the crown board."),
                               ("hive-b", "Smoke the hive entrance gently before lifting the crown board.",
                                "Leaving the brood frames unchecked for queen cells for three weeks.")):
        (folder / f"{name}.txt").write_text(
            "Title: Hive inspection\nTopic Synopsis\nInspecting a honey bee colony safely and calmly.\n"
            "Key Concepts & Core Principles\n- Crown board: The flat board between the brood box and the roof.\n"
            f"Exam Tips & Revision Strategies\n- {tip}\nCommon Misconceptions & Mistakes to Avoid\n- {mistake}\n"
            "Examiner Marking Points\n- Candidates should explain why colonies are inspected in warm weather.\n",
            encoding="utf-8")
    return tuple(read_topics([TOPICS, folder])[0])


def test_a_large_bank_checks_each_topic_against_its_scope_only(large):
    facts = build_facts(large)
    slugs = {t.slug for t in large}
    for t in large:
        near = facts.scope(t.slug)
        assert t.slug in near and len(near) == SCOPE and near <= slugs
    # Notes of one course find each other: every bundled topic's scope holds the other bundled topics.
    bundled = {t.slug for t in read_topics([TOPICS])[0]}
    assert all(bundled <= facts.scope(s) for s in bundled)
    found = _practice_found(facts)
    assert found == _practice_scan(large, facts)
    assert [(path.rsplit("/", 1)[-1], line) for path, line, _ in found] == [("hive-a.txt", 9)]  # the planted one
    # Outside its scope a recommendation is not looked at: each topic alone finds nothing.
    import dataclasses

    from qbank.generate.facts import _practice_conflicts
    alone = dataclasses.replace(facts)
    alone.scope = lambda slug: frozenset([slug])
    assert not _practice_conflicts(alone)


def test_earlier_twins_in_a_large_bank_equal_a_scan_of_the_scope(large):
    """More topics than SCOPE: a bullet's earlier twins are looked for in its scope only, exactly."""
    facts = build_facts(large)
    twins = 0
    for topic in large:
        near = facts.scope(topic.slug)
        for section in ("misconceptions", "tips"):
            for text in [v for b in getattr(topic, section) for v in _variants(b.text)[:3]]:
                stems, scan = content_stems(text), False
                for t in large:
                    if t.slug == topic.slug:
                        break
                    if t.slug in near and any(jaccard(stems, content_stems(b.text)) >= NEAR_DUPLICATE
                                              for b in getattr(t, section)):
                        scan = True
                        break
                assert facts.earlier_twin_bullet(topic, text, section) == scan, text
                twins += scan
    assert twins  # synthetic notes repeat their template bullets: the test meets real twins


def test_neighbourhood_is_every_topic_in_a_small_bank_and_the_nearest_in_a_large_one(topics):
    facts = build_facts(topics)
    for topic in topics:
        near = facts.neighbourhood(topic)
        others = [t for t in topics if t.slug != topic.slug]
        if len(topics) <= NEAREST + 1:
            assert near == [topic] + others  # the bundled bank: pools exactly as a full scan
            continue
        assert near[0] is topic and len(near) == NEAREST + 1
        assert near[1:] == [t for t in others if t in near[1:]]  # bank order
        # Twelve or seventeen topics: every other topic is on the short list, so these are the nearest.
        ranked = sorted(range(len(others)), key=lambda n: (facts.distance(topic, others[n]), n))[:NEAREST]
        assert near[1:] == [others[n] for n in sorted(ranked)]


@pytest.mark.parametrize("threshold", [0.45, 0.5, 0.6])
def test_indexes_miss_no_set_a_brute_force_finds(threshold):
    import random

    from qbank.generate.similar import JaccardIndex, StemIndex

    rng = random.Random(threshold)
    alphabet = [f"s{n}" for n in range(12)]  # small: many borderline overlaps
    entries = [frozenset(rng.sample(alphabet, rng.randint(1, 8))) for _ in range(300)]
    plain, prefixed = StemIndex(entries), JaccardIndex(entries, threshold)
    for _ in range(300):
        q = frozenset(rng.sample(alphabet, rng.randint(1, 8)))
        alike = {n for n, e in enumerate(entries) if jaccard(q, e) >= threshold}
        assert alike <= set(prefixed.alike(q))
        contained = {n for n, e in enumerate(entries) if len(q & e) / len(q) >= threshold}
        assert contained <= set(plain.candidates(q, threshold))


@pytest.mark.parametrize("threshold", [0.5, 0.6, 0.8])
def test_jaccard_index_prunes_but_keeps_every_alike_set_below_any_bound(threshold):
    """The positional filter (the most stems two sets can share after the first one they share)
    drops candidates, never an entry a brute force finds, with or without ``below``."""
    import random

    from qbank.generate.similar import JaccardIndex

    rng = random.Random(int(threshold * 10))
    alphabet = [f"s{n}" for n in range(30)]
    entries = [frozenset(rng.sample(alphabet, rng.randint(1, 14))) for _ in range(400)]
    index = JaccardIndex(entries, threshold)
    returned = total = 0
    for _ in range(300):
        q = frozenset(rng.sample(alphabet, rng.randint(1, 14)))
        below = rng.choice([None, rng.randint(0, len(entries))])
        limit = len(entries) if below is None else below
        alike = [n for n, e in enumerate(entries[:limit]) if jaccard(q, e) >= threshold]
        got = index.alike(q, below, positional=True)
        assert got == sorted(set(got)) and all(n < limit for n in got)
        assert set(alike) <= set(got) <= set(index.alike(q, below))
        # what prefix and length filters alone would return
        prefix = set(n for s in index._prefix(q, index.count) for n in index.postings.get(s, ()) if n < limit)
        total += sum(1 for n in prefix if threshold * len(q) - 1e-6 <= len(entries[n]) <= len(q) / threshold + 1e-6)
        returned += len(got)
    assert returned < total  # the positional filter drops some


@pytest.mark.parametrize("threshold", [0.5, 0.6])
def test_alike_among_owners_misses_no_alike_entry_of_those_owners(threshold):
    """``alike_among``: the index's candidates restricted to entries of some owners (topics), with
    or without ``below``: every alike entry of those owners, none of another owner."""
    import random

    from qbank.generate.similar import JaccardIndex

    rng = random.Random(int(threshold * 10) + 1)
    alphabet = [f"s{n}" for n in range(30)]
    entries = [frozenset(rng.sample(alphabet, rng.randint(1, 14))) for _ in range(400)]
    owner = [f"t{rng.randint(0, 19)}" for _ in entries]
    index = JaccardIndex(entries, threshold).group_by(owner.__getitem__)
    for _ in range(300):
        q = frozenset(rng.sample(alphabet, rng.randint(1, 14)))
        owners = frozenset(rng.sample(sorted(set(owner)), rng.randint(1, 5)))
        below = rng.choice([None, rng.randint(0, len(entries))])
        limit = len(entries) if below is None else below
        alike = {n for n, e in enumerate(entries[:limit]) if owner[n] in owners and jaccard(q, e) >= threshold}
        got = index.alike_among(q, owners, below)
        assert got == sorted(set(got)) and all(n < limit and owner[n] in owners for n in got)
        assert alike <= set(got)


def test_acronym_parts_by_topic_equal_a_filtered_scan(large):
    """Model items look up other acronyms' parts in the topics they may draw from, not in the bank:
    the lookup gives exactly what filtering the bank-wide list gives, in the same order."""
    facts = build_facts(large)
    letters = {p[:1].upper() for a in facts.expansions for p in facts.canonical(a).parts}
    assert len(facts.expansions) > 5 and letters
    for topic in large[:20]:
        near = facts.scope(topic.slug) - {large[-1].slug}
        for letter in letters:
            assert facts.canonical_parts_in(letter, near) == [
                x for x in facts.canonical_parts(letter) if x[1].topic in near]
        assert facts.acronyms_in(near) == [a for a in facts.expansions if facts.canonical(a).topic in near]
