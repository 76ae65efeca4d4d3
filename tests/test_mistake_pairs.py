"""Mistakes the notes pair with their fix: "Wrong:/Right:", "Mistake:/Why it is wrong:", "Error: … -> …",
and a cross over a tick or plus (h47, h48)."""

from __future__ import annotations

from qbank.generate.misconceptions import read, tf_statements
from qbank.model import Bullet, Section, Source
from qbank.reader import read_topics

_HEAD = "Cleaning a kitchen\n\nOverview\nCleaning and disinfecting surfaces.\n\nKey terms\n- Detergent: a chemical that removes grease.\n\n"


def _mistakes(tmp_path, body: str) -> list[str]:
    (tmp_path / "03c28ca0.txt").write_text(_HEAD + "Common mistakes\n" + body, encoding="utf-8")
    topics, _ = read_topics([tmp_path])
    return [b.text for b in topics[0].misconceptions]


def _bullet(text: str) -> Bullet:
    return Bullet(text, Source("x.txt", 1, Section.MISCONCEPTIONS))


def test_a_right_line_under_a_wrong_line_is_its_fix_not_another_mistake(tmp_path):
    assert _mistakes(tmp_path, "Wrong: Spraying and wiping straight away.\nRight: Leave disinfectant for the contact time.\n"
                               "WRONG: Mixing bleach with descaler\nRIGHT: Never mix them.\n"
                               "Mistake: Setting slack at a random point.\nWhy it is wrong: the chain is tight elsewhere.\n") == [
        "Wrong: Spraying and wiping straight away. Right: Leave disinfectant for the contact time.",
        "WRONG: Mixing bleach with descaler. RIGHT: Never mix them.",
        "Mistake: Setting slack at a random point. Why it is wrong: the chain is tight elsewhere."]


def test_a_cross_over_a_plus_is_a_mistake_and_its_fix(tmp_path):
    assert _mistakes(tmp_path, "  X Lifting the hair while cutting.\n  + Keep hair flat at 0 degrees.\n"
                               "  X Forgetting that curly hair shrinks.\n  + Assess the curl; allow extra length.\n") == [
        "Wrong: Lifting the hair while cutting. Right: Keep hair flat at 0 degrees.",
        "Wrong: Forgetting that curly hair shrinks. Right: Assess the curl; allow extra length."]


def test_a_labelled_belief_is_the_false_claim_and_never_the_correction():
    """h48: the quoted belief after "Wrong:" was read as the correction: a false statement offered as true."""
    r = read(_bullet('Wrong: "one bottle will do for both eyes and for the next resident." Right: each bottle is for '
                     'ONE named person only.'))
    assert r.claim == "One bottle will do for both eyes and for the next resident"
    assert r.correction is None or "bottle will do" not in r.correction
    assert ("One bottle will do for both eyes and for the next resident", True) not in tf_statements(r)
    r = read(_bullet("Error: thinking a deficit month means the business is failing. -> Timing often explains a "
                     "deficit month."))
    assert r.claim == "A deficit month means the business is failing"


def test_a_fix_that_is_an_instruction_a_place_or_leans_back_is_no_correction():
    for text in ("Wrong: dropping straight onto the eye. Right: into the lower sac - the cornea is sensitive.",
                 "Wrong: Cement adhesive onto gypsum plaster. Right: Prime as the manufacturer instructs.",
                 "Error: putting depreciation in payments. -> It is not cash."):
        assert read(_bullet(text)).correction is None, text


def test_a_correction_saying_a_fault_does_harm_is_no_true_statement():
    """h48's examiner: "Loose sub-base settles and the slabs sink" keyed True is true on sight."""
    r = read(_bullet("Thinking that the sub-base only needs a quick pass with the compactor - loose sub-base settles "
                     "and the slabs sink."))
    assert r.claim and r.correction
    assert all(answer is False for _, answer in tf_statements(r)), tf_statements(r)
    r = read(_bullet("Thinking that the sub-base needs no compaction - a sub-base is compacted in 50 mm layers."))
    assert ("A sub-base is compacted in 50 mm layers", True) in tf_statements(r), tf_statements(r)


def test_a_table_of_quoted_beliefs_and_what_is_right_is_read_row_by_row(tmp_path):
    """h49: a two-column table under the mistakes heading was one bullet, pipes and all. Rows that quote a
    belief are Wrong/Right pairs; the header, the rule and a symptom with its fix are left out."""
    assert _mistakes(tmp_path, "| Wrong idea / symptom | What is actually right |\n|---|---|\n"
                               "| Shot runs in 15 s, sour and pale | Under-extracted: grind finer |\n"
                               '| "Leftover steamed milk can be re-steamed" | Never re-steam. Start with fresh milk |\n') == [
        'Wrong: "Leftover steamed milk can be re-steamed". Right: Never re-steam. Start with fresh milk']


def test_a_dont_before_a_compound_verb_is_not_made_a_gerund():
    """h49: "Don't insulation-test at 500 V …" became "Insulationing-test at 500 V …", no English word, and was
    keyed False as a belief."""
    r = read(_bullet("Don't insulation-test at 500 V with the heads connected, because you will damage them."))
    assert not any("Insulationing" in (x or "") for x in (r.claim, r.mistake, r.correction))
    assert tf_statements(r) == []


def test_a_correction_that_answers_yes_or_no_is_no_statement():
    """h52's examiner: "On a pedestrian mower yes - on a ride-on, across the slope is how it rolls." keyed True
    answers a question that is not there."""
    r = read(_bullet('People think across a slope is safer on a ride-on because "that\'s how you do it with a '
                     'pedestrian mower". On a pedestrian mower yes - on a ride-on, across the slope is how it rolls.'))
    assert not [s for s, answer in tf_statements(r) if answer], tf_statements(r)


def test_an_arrow_after_a_quoted_belief_leads_its_correction_and_is_not_part_of_it():
    """h54: '"Rest weeks are wasted weeks." -> Adaptation happens during recovery …' kept "-> " in the correction."""
    r = read(_bullet('"Rest weeks are wasted weeks." -> Adaptation happens during recovery; planned easy weeks reduce injury risk.'))
    assert r.claim == "Rest weeks are wasted weeks", r
    assert r.correction == "Adaptation happens during recovery; planned easy weeks reduce injury risk", r


def test_a_right_line_whose_claim_is_followed_by_an_order_keeps_the_claim():
    """h54: "RIGHT: <claim>. <order>." had no correction, the order making the whole no claim."""
    r = read(_bullet('WRONG: "A shiny surface means the board is clean." RIGHT: Bacteria can survive on a surface that looks '
                     'clean. Use a swab test to check.'))
    assert r.correction == "Bacteria can survive on a surface that looks clean", r


def test_a_negated_definition_of_a_defect_is_no_true_statement(tmp_path):
    """The welding notes' "Lack of fusion: Weld metal has not fused with the parent metal …" was offered as a true
    statement: it describes the defect, and read alone it is false of weld metal. A negated first sentence is a
    claim only when its subject names the term ("O2 left in the flue gas tells you how much air was not used")."""
    from qbank.generate.facts import build_facts
    from qbank.generate.misconceptions import true_claims
    (tmp_path / "b1c2d3e4.txt").write_text(
        "Welding defects\n\nTopic Synopsis\nDefects in MIG welds.\n\nKey Concepts & Core Principles\n"
        "- Lack of fusion: Weld metal has not fused with the parent metal or with a previous run.\n"
        "- O2 reading: O2 left in the flue gas tells you how much air was not used.\n", encoding="utf-8")
    topics, _ = read_topics([tmp_path])
    said = [t.text for t in true_claims(topics[0], build_facts(topics))]
    assert not any(s.startswith("Weld metal has not fused") for s in said), said
    assert any(s.startswith("O2 left in the flue gas") for s in said), said
