"""Issue 3: the bundled topics produce every item family, to the item-writing bar."""

from __future__ import annotations

from collections import Counter
import re

import pytest

from conftest import TOPICS
from qbank.generate import FAMILIES, build_bank
from qbank.generate.coverage import coverage
from qbank.generate.essays import is_practical
from qbank.generate.options import HARD_CUES, cues
from qbank.generate.stats import bank_stats
from qbank.model import Essay, Matching, MultipleChoice, Ordering, TrueFalse
from qbank.reader import read_topics


@pytest.fixture(scope="module")
def bank():
    topics, diags = read_topics([TOPICS])
    return build_bank(topics, seed=0, diagnostics=diags)


def test_every_family_is_produced_from_the_bundled_topics(bank):
    families = Counter(i.family for i in bank.items)
    # The bundled notes state no values with units (numeric) and no model or value a cloze gap could
    # hold; every description repeats a word of its own term in too many files for four clean
    # matching pairs; their mistakes all carry their own marker (Failing/Assuming/Over-reliance) and
    # state no correction, so no true statement balances a false one and no "which is the
    # misconception" has options about the same thing. Those items are skipped (coverage lists why);
    # tests/test_generate_core_classes.py shows matching and misconception items made.
    assert set(families) == set(FAMILIES) - {"numeric", "cloze", "matching", "misconception"}
    kinds = Counter(i.kind for i in bank.items)
    # essays: only where the notes give every demand of the prompt (most bundled marking points ask
    # for what these notes never say; coverage lists them)
    assert kinds["multichoice"] >= 15 and kinds["ordering"] >= 3 and kinds["essay"] >= 1
    tf = [i.answer for i in bank.items if isinstance(i, TrueFalse)]
    assert not tf or 0.4 <= sum(tf) / len(tf) <= 0.6  # keys balanced: "answer False to everything" scores chance
    per_topic = Counter(i.topic for i in bank.items)
    assert len(per_topic) >= len(bank.topics) - 1  # (nearly) every topic is asked about
    # a topic with no item is one whose every concept and written marking point coverage lists with a reason
    report = coverage(bank.topics, bank.items)
    listed = {r["where"] for part in ("key concepts", "written marking points") for r in report[part]["uncovered"]}
    for t in bank.topics:
        if t.slug not in per_topic:
            lines = [f"{c.source.path}:{c.source.line}" for c in t.concepts]
            lines += [f"{p.source.path}:{p.source.line}" for p in t.marking_points if not is_practical(p.text)]
            assert lines and set(lines) <= listed, t.slug


def test_single_answer_items_carry_no_hard_cue(bank):
    for item in bank.items:
        if isinstance(item, MultipleChoice) and not item.multiple:
            assert not set(cues(item.stem, item.choices)) & HARD_CUES, item
            assert 3 <= len(item.choices) <= 5
            assert len({c.text.casefold() for c in item.choices}) == len(item.choices)


def test_bank_meets_the_release_bar_on_measurable_numbers(bank):
    stats = bank_stats(bank.items)
    assert stats["key_position_p"] >= 0.05
    assert stats["key_unique_longest_minus_chance"] <= 0.05
    assert stats["key_unique_shortest_minus_chance"] <= 0.10
    assert stats["mean_option_length_cv"] <= 0.25
    assert stats["cue_rates"].get("heterogeneous", 0) <= 0.20
    if any(isinstance(i, Matching) for i in bank.items):  # the bundled notes give none (see above)
        assert stats["matching_min_pairs"] >= 4 and stats["matching_min_extras"] >= 1


def test_every_option_teaches_and_every_item_names_its_source(bank):
    for item in bank.items:
        assert item.general_feedback and "Source:" in item.general_feedback, item.id
        assert item.tags == (item.topic, item.family)
        assert item.title and len(item.title) <= 80
        if isinstance(item, MultipleChoice):
            assert all(c.feedback for c in item.choices)
        if isinstance(item, TrueFalse):
            assert item.feedback_true and item.feedback_false and item.feedback_true != item.feedback_false
            if item.family == "misconception":
                assert "mistake" in item.feedback_true  # it names the listed mistake it comes from


def test_multi_answer_items_use_fractions_moodle_accepts(bank):
    from qbank.writers.shared import multi_answer_fractions

    for item in bank.items:
        if isinstance(item, MultipleChoice) and item.multiple:
            multi_answer_fractions(len(item.keys), len(item.choices) - len(item.keys))  # raises if not


def test_matching_has_an_unused_answer_and_no_two_prompts_share_an_answer(bank):
    for item in (i for i in bank.items if isinstance(i, Matching)):
        assert 3 <= len(item.pairs) <= 6 and item.extra_answers
        answers = [p.answer for p in item.pairs] + list(item.extra_answers)
        assert len(set(answers)) == len(answers)


def test_heat_t_is_never_asked_and_the_conflict_is_reported(bank):
    assert any("HEAT letter T" in d.message and d.severity.value == "warning" for d in bank.diagnostics)
    warning = next(d for d in bank.diagnostics if "HEAT letter T" in d.message)
    assert warning.path.endswith(".txt") and warning.line > 0 and ".txt:" in warning.message
    for item in bank.items:
        assert "HEAT, what does the letter T" not in item.stem
        if isinstance(item, MultipleChoice) and "HEAT" in item.stem:
            # neither expansion of T may be offered as a wrong answer
            assert not any(not c.correct and c.text.lower() in ("take action", "take ownership") for c in item.choices)
    heat = [i for i in bank.items if isinstance(i, Ordering) and i.general_feedback.startswith("HEAT:")]
    assert len(heat) == 1 and "Take ownership" in heat[0].general_feedback


def test_essays_come_from_marking_points_with_grader_information(bank):
    essays = [i for i in bank.items if isinstance(i, Essay)]
    assert essays
    # the bundled notes never say how a partnership adds value: no essay, and coverage says what is missing
    assert not any(e.stem.startswith("Explain how a service partnership adds value") for e in essays)
    reasons = [r["reason"] for r in coverage(bank.topics, bank.items)["written marking points"]["uncovered"]
               if r["text"].startswith("Award credit for clearly explaining how a service partnership adds value")]
    assert reasons == ["no essay: the notes do not give what it asks for: "
                       "“how a service partnership adds value to customer service delivery”"]
    for e in essays:
        assert "\nIndicative content (from the notes):\n- " in e.grader_info
        assert e.stem.split()[0] not in ("Award", "Credit", "Expect", "Assess", "Look")
        assert e.grader_info.startswith("This prompt targets: ")


def test_same_seed_same_bank_other_seed_same_ids_other_order():
    topics, _ = read_topics([TOPICS])
    a, b, c = build_bank(topics, seed=7), build_bank(topics, seed=7), build_bank(topics, seed=8)
    assert a.items == b.items
    assert [i.id for i in a.items] == [i.id for i in c.items]
    orders_a = [tuple(x.text for x in i.choices) for i in a.items if isinstance(i, MultipleChoice)]
    orders_c = [tuple(x.text for x in i.choices) for i in c.items if isinstance(i, MultipleChoice)]
    assert orders_a != orders_c
    assert [sorted(o) for o in orders_a] == [sorted(o) for o in orders_c]


def test_key_positions_pass_the_chi_square_test_for_every_seed():
    from qbank.generate.stats import key_position_p

    topics, _ = read_topics([TOPICS])
    for seed in range(12):  # seed 6 lands in the tail before the redraw
        single = [i for i in build_bank(topics, seed=seed).items if isinstance(i, MultipleChoice) and not i.multiple]
        assert key_position_p(single) >= 0.05, seed


def test_docs_counts_table_is_current():
    from conftest import ROOT
    from qbank.generate.stats import counts_table

    topics, diags = read_topics([TOPICS])
    table = counts_table(build_bank(topics, seed=0, diagnostics=diags))
    assert table in (ROOT / "docs" / "generation.md").read_text(encoding="utf-8")


def test_model_items_carry_no_initials_or_convergence_cue(built):
    """Ordering stems never name the acronym; 'which list' items are a balanced 2x2 design."""
    models = [i for i in built.bank.items if i.family == "model"]
    acronyms = {i.title.split(": ", 1)[1] for i in models if i.title.startswith(("Order", "Elements of"))}
    assert acronyms
    for item in models:
        if isinstance(item, Ordering):
            assert not any(re.search(rf"\b{a}\b", item.stem) for a in acronyms), item.stem
        elif item.title.startswith("Elements of"):
            lists = [c.text.split(", ") for c in item.choices]
            assert len(lists) == 4 and len(item.keys) == 1
            for position in zip(*lists):  # each element at each position appears in 0, 2 or 4 options
                assert all(position.count(e) in (2, 4) for e in position), position


def test_titles_never_give_the_key_away(built):
    """QTI players and the preview may show an item's title to learners: it must not name the key."""
    for item in built.bank.items:
        title = item.title.casefold().rstrip("…")
        if isinstance(item, MultipleChoice):
            for key in item.keys:
                if key.text.casefold() not in item.stem.casefold():
                    assert key.text.casefold()[:25] not in title, (item.title, key.text)
        if isinstance(item, Ordering):
            acronym = item.general_feedback.split(":", 1)[0]
            assert acronym not in item.title and acronym not in item.stem  # its initials give the order
