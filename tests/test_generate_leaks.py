"""No item answers another: the generator's leak pass and the audit's independent check."""

from __future__ import annotations

from dataclasses import replace

from qbank.audit import audit_bank
from qbank.generate.leaks import drop_leaking
from qbank.model import Bank, Choice, MultipleChoice, Topic, TrueFalse


def _mc(id_, family, stem, key, others, group=""):
    choices = (Choice(key, True, "why"),) + tuple(Choice(o, False, "why not") for o in others)
    return MultipleChoice(id=id_, family=family, topic="food", title=id_, stem=stem, choices=choices, group=group)


NUMERIC = _mc("numeric-1", "numeric", "In Scotland, reheated food must reach at least ____.", "82°C", ("63°C", "75°C", "70°C"))
TELLS = TrueFalse(id="misconception-1", family="misconception", topic="food", title="t",
                  stem="In Scotland reheated food must reach at least 82°C before it is served.", answer=True)
UNRELATED = _mc("concept-1", "concept", "Which term names the range where bacteria multiply?", "Danger zone",
                ("Hot holding", "Cold holding", "Probe check"))


def test_a_stem_that_prints_another_items_key_costs_one_of_them():
    kept, dropped = drop_leaking([TELLS, NUMERIC, UNRELATED])
    assert [i.id for i in kept] == ["numeric-1", "concept-1"]  # the item above recall is kept, order unchanged
    assert [(d.id, o.id) for d, o in dropped] == [("misconception-1", "numeric-1")]


def test_variants_of_one_fact_are_exempt_and_unrelated_items_untouched():
    a = _mc("numeric-1", "numeric", NUMERIC.stem, "82°C", ("63°C", "75°C", "70°C"), group="g1")
    b = TrueFalse(id="misconception-1", family="misconception", topic="food", title="t", stem=TELLS.stem,
                  answer=True, group="g1")
    kept, dropped = drop_leaking([a, b, UNRELATED])
    assert len(kept) == 3 and not dropped


def test_the_audit_flags_a_key_printed_in_another_stem():
    topic = Topic(slug="food", title="Food", path="food.txt", sha256="0")
    report = audit_bank(Bank(name="b", topics=(topic,), items=(NUMERIC, TELLS, UNRELATED)))
    flagged = {a.id for a in report.items if any(f.name == "answered_by_another" for f in a.flags)}
    assert flagged == {"numeric-1"}
    clean = audit_bank(Bank(name="b", topics=(topic,), items=(NUMERIC, UNRELATED)))
    assert not any(f.name == "answered_by_another" for a in clean.items for f in a.flags)


def test_items_printing_the_same_description_join_one_group():
    """A matching answer quoted again as a "which term is described?" stem: a learner carries the
    pairing from one to the other, so the two are variants of one question."""
    from qbank.generate.leaks import group_shared_options
    from qbank.model import Choice, Matching, MultipleChoice, Pair

    desc = "A buffer held to cover unexpected rises in demand or late deliveries"
    other = "The time between placing an order and receiving the goods at the store"
    which = MultipleChoice(id="c1", family="concept", topic="t", title="t",
                           stem=f"Which term is described here? \u201c{desc}.\u201d",
                           choices=(Choice("Safety stock", True), Choice("Lead time", False), Choice("FIFO", False)))
    match = Matching(id="m1", family="matching", topic="t", title="t", stem="Match each term.",
                     pairs=(Pair("Safety stock", desc), Pair("Lead time", other), Pair("FIFO", "First in, first out "
                            "issue of the oldest stock before newer deliveries")), extra_answers=())
    alone = MultipleChoice(id="c2", family="concept", topic="t", title="t", stem="Which term is described here? \u201cX.\u201d",
                           choices=(Choice("A", True), Choice("B", False), Choice("C", False)))
    grouped = {i.id: i.group for i in group_shared_options([which, match, alone])}
    assert grouped["c1"] and grouped["c1"] == grouped["m1"] and grouped["c2"] != grouped["c1"]


def test_items_of_topics_outside_each_others_scope_are_not_compared():
    """A quiz draws from one course: a stem of an unrelated topic (outside ``Facts.scope``) is not
    read as telling a key, so a large bank costs the same per item; inside the scope it is."""
    from dataclasses import replace as copy

    tells = copy(TELLS, topic="bakery")
    kept, dropped = drop_leaking([tells, NUMERIC, UNRELATED], scope=lambda slug: {slug})
    assert len(kept) == 3 and not dropped
    kept, dropped = drop_leaking([tells, NUMERIC, UNRELATED], scope=lambda slug: {"food", "bakery"})
    assert [(d.id, o.id) for d, o in dropped] == [("misconception-1", "numeric-1")]
    # the other way round: the kept key's topic is outside the stem's scope, the stem's is inside the key's
    kept, dropped = drop_leaking([tells, NUMERIC, UNRELATED], scope=lambda slug: {"food", "bakery"} if slug == "bakery" else {slug})
    assert [(d.id, o.id) for d, o in dropped] == [("misconception-1", "numeric-1")]


def test_an_item_printing_a_models_elements_joins_the_models_group():
    """'Which term is described here? “Applying tools like Plan-Do-Check-Act (PDCA) …”' beside 'In
    PDCA, what does the letter A stand for?': learners answered the model and step items from the
    quoted expansion (+23 to +48 points over chance on grouped quizzes). One group: a quiz draws one."""
    from qbank.generate.leaks import group_shared_options

    letter = MultipleChoice(id="m1", family="model", topic="t", title="t", stem="In PDCA, what does the letter A stand for?",
                            choices=(Choice("Act", True), Choice("Apologise", False), Choice("Agree", False)),
                            general_feedback="PDCA: Plan, Do, Check, Act. Source: Service.", group="model-PDCA")
    step = MultipleChoice(id="s1", family="scenario", topic="t", title="t",
                          stem="In “Continuous improvement”, which step comes straight after “Do”?",
                          choices=(Choice("Check", True), Choice("Plan", False), Choice("Act", False)),
                          general_feedback="The notes give PDCA in this order.", group="model-PDCA")
    quoted = MultipleChoice(id="c1", family="concept", topic="t", title="t",
                            stem="Which term is described here? “Applying tools like Plan-Do-Check-Act (PDCA) to "
                                 "improve service.”",
                            choices=(Choice("Continuous improvement", True), Choice("Complaint handling", False),
                                     Choice("Team leadership", False)), group="concept-x")
    option = MultipleChoice(id="c2", family="concept", topic="t", title="t",
                            stem="Which description fits the term “Continuous improvement”?",
                            choices=(Choice("Using plan, do, check, act to improve service", True),
                                     Choice("Listening to customers", False), Choice("Leading a team", False)))
    unrelated = MultipleChoice(id="c3", family="concept", topic="t", title="t",
                               stem="Which term is described here? “Planning who does what and checking it.”",
                               choices=(Choice("Delegation", True), Choice("Coaching", False), Choice("Appraisal", False)))
    grouped = {i.id: i.group for i in group_shared_options([letter, step, quoted, option, unrelated])}
    assert grouped["m1"] == grouped["s1"] == grouped["c1"] == grouped["c2"], grouped
    assert grouped["c3"] != grouped["m1"]


def test_items_offering_the_same_options_each_keyed_differently_join_one_group():
    """Unseen notes (unvented cylinders): three valves' items each offered "3 bar, 6 bar, 7 bar",
    each keyed on a different value; whoever knows two answers gets the third by elimination
    (an examiner's and a learner's find). Such items are variants of one question."""
    from qbank.generate.leaks import group_shared_options

    bars = ("3 bar", "6 bar", "7 bar")
    items = [_mc(f"numeric-{n}", "numeric", f"The {valve} opens at ____.", key, [b for b in bars if b != key])
             for n, (valve, key) in enumerate((("PRV", "3 bar"), ("ERV", "6 bar"), ("T&P valve", "7 bar")))]
    other = _mc("numeric-9", "numeric", "Water expands by about ____.", "4%", ("2%", "8%"))
    grouped = group_shared_options([*items, other])
    assert len({i.group for i in grouped[:3]}) == 1 and grouped[0].group
    assert grouped[3].group == ""


def test_a_key_printed_in_another_value_items_stem_or_options_makes_them_variants():
    """h17's learner: a typed 16.5 whose key was a wrong option of another item, and a typed "valid
    ____ years" (5) beside another item's stem "… every 5 years …": each answered the other. Value
    items of one topic where one's key is printed in the other are variants of one question."""
    from qbank.generate.leaks import group_value_statements
    from qbank.model import Choice, MultipleChoice, Numerical

    def typed(ident, stem, answer, value):
        return Numerical(id=ident, family="numeric", topic="vat", title=ident, stem=stem, answer=answer, value=value)

    flat = typed("n-flat", "Type the number.\n“Limited cost traders must use ____%.”", "16.5", "16.5%")
    rate = MultipleChoice(id="m-rate", family="numeric", topic="vat", title="m", group="value-rate",
                          stem="Which value completes this statement?\n“Standard rate ____.”",
                          choices=(Choice("20%", True), Choice("16.5%", False), Choice("5%", False)))
    card = typed("n-card", "Type the number.\n“Driver card valid ____ years.”", "5", "5 years")
    cpc = typed("n-cpc", "Type the number.\n“Kept valid by ____ hours of training every 5 years.”", "35", "35 hours")
    other = typed("n-other", "Type the number.\n“Records kept for ____ years.”", "6", "6 years")
    out = {i.id: i.group for i in group_value_statements([flat, rate, card, cpc, other])}
    assert out["n-flat"] == out["m-rate"] == "value-rate"
    assert out["n-card"] and out["n-card"] == out["n-cpc"]
    assert out["n-other"] in ("", None) or out["n-other"] != out["n-card"]


def test_an_essay_and_the_value_item_it_gives_away_are_variants_of_one_question():
    """h20's examiner (serious, twice): the prompt "Explain the rules on breaks after 4.5 hours of
    driving" printed a value item's key (4.5 hours), and "State the height of the DPC above ground
    level", a short answer whose guidance is the note a value item quotes, sat in another group than
    that item. Each pair becomes one variant group; a long essay is not joined on its guidance."""
    from qbank.generate.leaks import group_value_statements
    from qbank.model import Essay

    def value(id_, stem, key, others, group):
        item = _mc(id_, "numeric", stem, key, others, group=group)
        return replace(item, topic="drivers")

    breaks = value("numeric-b", "Which value completes this statement?\n“Break: at least 45 minutes after no more "
                   "than ____ of driving.”", "4.5 hours", ("6 hours", "9 hours"), "value-b")
    dpc = value("numeric-d", "Which value completes this statement?\n“DPC: damp-proof course, at least ____ above "
                "ground level.”", "150 mm", ("65 mm", "75 mm"), "value-d")
    rules = Essay(id="essay-r", family="essay", topic="drivers", title="r", stem="Explain the rules on breaks after "
                  "4.5 hours of driving.", grader_info="This prompt targets: x\nIndicative content (from the notes):\n"
                  "- Daily driving: 9 hours, twice a week 10 hours.", response_lines=15)
    height = Essay(id="essay-h", family="essay", topic="drivers", title="h", stem="State the height of the DPC above "
                   "ground level.", grader_info="This prompt targets: x\nIndicative content (from the notes):\n- DPC: "
                   "damp-proof course, at least 150 mm above ground level.", response_lines=5)
    long_ = replace(height, id="essay-l", stem="Describe how the DPC is laid and why.", response_lines=15)
    groups = {i.id: i.group for i in group_value_statements([breaks, dpc, rules, height, long_])}
    assert groups["essay-r"] == groups["numeric-b"] != ""
    assert groups["essay-h"] == groups["numeric-d"] != ""
    assert groups["essay-l"] != groups["numeric-d"]
