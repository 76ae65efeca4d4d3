"""Statements cut from the notes must stand on their own (examiners' fault classes, planted)."""

from __future__ import annotations

import pytest

from qbank.generate.statements import describes, drop_unsound_statements, stands_alone
from qbank.model import Choice, MultipleChoice, TrueFalse


@pytest.mark.parametrize("statement", [
    "Many, such as controlled diabetes or epilepsy, need GP approval rather than a refusal.",
    "The terms are botanical — balsa is a hardwood and yew is a softwood.",
    "It must be repeated before each new colour service.",
    "\"legal tender\" has a narrow legal meaning about paying off debts.",
    "A tyre with 1.7 mm of tread is \"fine\".",
])
def test_statements_that_lean_on_their_bullet_are_not_set(statement):
    assert not stands_alone(statement)


@pytest.mark.parametrize("statement", [
    "A microchip means a collar and tag are no longer needed.",
    "Dry skin lacks sebum, whereas dehydrated skin lacks water and can even be oily.",
    "Challenge 25 makes it illegal to sell alcohol to a 20-year-old.",
])
def test_complete_claims_are_kept(statement):
    assert stands_alone(statement)


@pytest.mark.parametrize("description, ok", [
    ("A small amount of product.", False),  # a fragment: says nothing of its term
    ("18 for alcohol, tobacco, vapes and National Lottery products.", False),  # a list of values
    ("An MOT fails a brake pad or shoe lining less than 1.5 mm thick.", False),  # a rule, not a description
    ("Since 6 April 2016 dogs in England must be microchipped by 8 weeks of age.", False),
    ("A classification of skin into six phototypes according to how it responds to sunlight.", True),
    ("The fixed amount of cash put in the till at the start of a shift to give change.", True),
])
def test_which_term_stems_need_a_description(description, ok):
    assert describes(description) is ok


def test_the_filter_drops_only_the_unsound_items():
    good_tf = TrueFalse(id="t1", family="misconception", topic="x", title="t", stem="One patch test is valid forever.", answer=False)
    bad_tf = TrueFalse(id="t2", family="misconception", topic="x", title="t", stem="Many, such as diabetes, need approval.", answer=True)
    choices = (Choice("Patch test", True), Choice("Acid mantle", False), Choice("Skin type", False))
    bad_mc = MultipleChoice(id="m1", family="concept", topic="x", title="m", choices=choices,
                            stem="Which term is described here? “A small amount of product.”")
    good_mc = MultipleChoice(id="m2", family="concept", topic="x", title="m", choices=choices,
                             stem="Which term is described here? “Applying a small amount of product behind the ear 48 hours before a service to check for a reaction.”")
    kept = drop_unsound_statements([good_tf, bad_tf, bad_mc, good_mc])
    assert [i.id for i in kept] == ["t1", "m2"]


def test_a_key_that_alone_echoes_the_description_is_not_set():
    from qbank.generate.statements import clangs

    assert clangs("The slightly acidic film of sebum and sweat on the skin's surface.", "Acid mantle",
                  ["Patch test", "Contraindications", "Fitzpatrick scale"])
    # a distractor that echoes it as well: no cue
    assert not clangs("The slightly acidic film of sebum and sweat on the skin's surface.", "Acid mantle",
                      ["Patch test", "Sebum levels", "Skin types"])
    choices = (Choice("Acid mantle", True), Choice("Patch test", False), Choice("Contraindications", False))
    item = MultipleChoice(id="m3", family="concept", topic="x", title="m", choices=choices,
                          stem="Which term is described here? “The slightly acidic film of sebum and sweat on the skin's surface.”")
    assert drop_unsound_statements([item]) == []
