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
    "Weekends and bank holidays are included.",  # included in what?
    "Bank holidays are not counted.",
    "Either way the disinfectant cannot do its job.",
    "A dated marginal note or footnote is used instead.",
    "One is required where the terminal is less than 2 m above the ground.",
    "Any of these means the appliance is unsafe to use.",
    "Recoating within these times traps solvent under the new coat.",  # which times?
    "One correctly timed 45-minute break can satisfy both.",  # both what? (h20's examiner)
    "The lowest SWL in the combination is the limit.",  # which combination? (h20's examiner)
    "Proves the system does not leak at the test pressure.",  # no subject: the term it defined (h44's examiner)
    "Keeps the lamb warm until it can stand.",
])
def test_statements_that_lean_on_their_bullet_are_not_set(statement):
    assert not stands_alone(statement)


@pytest.mark.parametrize("statement", [
    "A microchip means a collar and tag are no longer needed.",
    "Dry skin lacks sebum, whereas dehydrated skin lacks water and can even be oily.",
    "Challenge 25 makes it illegal to sell alcohol to a 20-year-old.",
    "Weekends and bank holidays are included in the 72-hour deadline for reporting a breach.",
    "The combination of heat and moisture kills spores.",
    "Gloves protect the hands from the chemical.",  # a plural noun that is the verb's subject
    "Nails are driven at 45 degrees into the stud.",
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
    # a claim about a part of the term, not a description of it (its main verb is finite)
    ("The number before the point is the depth, from 1 (black) to 10 (lightest blonde).", False),
    ("Every transaction has two equal and opposite effects, recorded as a debit and a credit.", False),
    # a finite verb inside a relative clause, or a noun that looks like a verb, is no claim
    ("Conditions that either prevent treatment altogether or restrict it in some way.", True),
    ("Understanding customer needs, expectations and the importance of consistent service.", True),
    ("A buffer held to cover unexpected rises in demand or late deliveries.", True),
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
    # a distractor that echoes another word of the description leaves the cue ("acidic" -> "Acid")
    assert clangs("The slightly acidic film of sebum and sweat on the skin's surface.", "Acid mantle",
                  ["Patch test", "Sebum levels", "Skin types"])
    # one that echoes the same word start as the key: no cue
    assert not clangs("The slightly acidic film of sebum and sweat on the skin's surface.", "Acid mantle",
                      ["Patch test", "Acid peel", "Skin types"])
    choices = (Choice("Acid mantle", True), Choice("Patch test", False), Choice("Contraindications", False))
    item = MultipleChoice(id="m3", family="concept", topic="x", title="m", choices=choices,
                          stem="Which term is described here? “The slightly acidic film of sebum and sweat on the skin's surface.”")
    assert drop_unsound_statements([item]) == []


def test_a_concept_whose_definition_is_a_claim_is_in_no_concept_item(tmp_path):
    """The claim is neither a "which term" stem, nor a description option, nor a matching answer."""
    from qbank.generate import build_bank
    from qbank.reader import read_topics
    from topicmaker import topic_file

    claim = "The number before the point is the depth, from one for black to ten for the lightest blonde"
    topic_file(tmp_path, "colour", synopsis="Hair colour theory for salon colour services.", concepts=[
        ("Colour chart", claim),
        ("Natural pigment", "Melanin in the cortex of the hair, giving its natural depth and warmth."),
        ("Oxidation colour", "A permanent colour whose small precursors swell inside the cortex and are trapped."),
        ("Semi-permanent colour", "A colour used without developer that coats the cuticle and fades over weeks."),
        ("Porosity", "The ability of the hair to absorb moisture, judged by the state of the cuticle."),
        ("Elasticity", "The ability of a hair to stretch and return to its length without breaking."),
        ("Strength", "The ability of the hair to withstand chemical services, judged with a strand test."),
    ])
    topics, diags = read_topics([tmp_path])
    bank = build_bank(topics, seed=0, diagnostics=diags)
    concept_items = [i for i in bank.items if i.family in ("concept", "matching")]
    assert concept_items, "the other concepts still make items"
    for item in concept_items:
        texts = [item.stem] + [c.text for c in getattr(item, "choices", ())]
        texts += [p.answer for p in getattr(item, "pairs", ())] + list(getattr(item, "extra_answers", ()))
        assert not any("number before the point" in t for t in texts), item.id


def test_a_description_that_alone_echoes_its_term_is_not_set():
    key = "Knowledge of consumer rights and the legal duties that shape customer service"
    wrong = ["Formal commitments between providers and customers on response times",
             "Understanding the stages a customer goes through from first contact onwards",
             "Motivating staff, conducting appraisals and fostering a customer-focused culture"]
    choices = (Choice(key, True),) + tuple(Choice(w, False) for w in wrong)
    item = MultipleChoice(id="m4", family="concept", topic="x", title="m", choices=choices,
                          stem="Which description fits the term “Legal and regulatory requirements”?")
    assert drop_unsound_statements([item]) == []
    fair = MultipleChoice(id="m5", family="concept", topic="x", title="m", stem=item.stem,
                          choices=(Choice("Knowledge of consumer rights that shape customer service", True),)
                          + tuple(Choice(w, False) for w in wrong))
    assert drop_unsound_statements([fair]) == [fair]


def test_a_heading_is_not_a_term():
    from qbank.generate.concepts import is_heading

    assert is_heading("Who counts in ratios") and is_heading("Other kitchen knives")
    assert not is_heading("Safety stock") and not is_heading("Designated Safeguarding Lead")


def test_a_later_sentence_that_leans_on_the_one_before_is_not_set(tmp_path):
    """'Higher grades carry higher risk' (grades of what?), '… works the same way' (as what?), 'this
    was extended' (what was?): true only beside the sentence before, so never a statement alone."""
    from qbank.generate.facts import build_facts
    from qbank.generate.misconceptions import true_claims
    from qbank.generate.numeric import numeric_facts, skip_reason
    from qbank.reader import read_topics
    from topicmaker import topic_file

    assert not stands_alone("Clipper-over-comb works the same way with clippers.")
    assert not stands_alone("Under EU rules this was extended to the previous 56 days.")
    assert stands_alone("A GB driver must produce records for the previous 28 days.")
    from qbank.generate.statements import leans_back
    # not leaning back: an example list, "those who/with …", a quoted letter or feet and inches
    assert not leans_back("The reduced rate of 5% applies to items such as domestic fuel.")
    assert not leans_back("Cash accounting is open to those with turnover up to £1.35 million.")
    assert not leans_back("Most internal leaves are 1981 mm (6'6\") high, and an \"S\" suffix means smoke seals.")
    topic_file(tmp_path, "vets", concepts=[
        ("ASA physical status", "The grading of a patient's health before anaesthesia, from 1 (healthy) to 5 (moribund). "
                        "Higher grades carry higher risk and need more intensive monitoring."),
        ("Capnography", "The measurement of carbon dioxide in expired gas. Capnography shows a waveform "
                        "as well as a number."),
        ("Records to carry", "A GB driver must produce records for the previous 28 days. Under EU rules "
                             "this was extended to the previous 56 days."),
    ], tips=["For scenario questions, draw a simple 24-hour timeline before answering.",
             # fresh notes (scaffolding): asked as "at least ____ scores", it names nothing measured
             'Quote numbers with units: "suitable height" gets nothing, "at least 950 mm" scores.',
             "Keep the recovery area at 20 °C or warmer for small patients."])
    topics, _ = read_topics([tmp_path])
    claims = [t.text for t in true_claims(topics[0], build_facts(topics))]
    assert not any(c.startswith("Higher grades") for c in claims), claims
    assert any(c.startswith("Capnography shows a waveform") for c in claims), claims  # names its subject
    facts = numeric_facts(topics)
    assert not [f for f in facts if "timeline" in f.sentence]  # exam technique, not a fact
    assert not [f for f in facts if "950 mm" in f.sentence]  # how answers are scored, not a fact
    assert [f for f in facts if "recovery area" in f.sentence]  # a tip that states a fact still counts
    extended = [f for f in facts if "56 days" == f.value]
    assert extended and all("leans on the sentence before" in skip_reason(f) for f in extended)


def test_comparisons_bare_definite_subjects_and_orders_are_no_statements():
    """An examiner's 'makes no sense without the notes' class: longer than what, which test, and an
    order that is neither true nor false."""
    from qbank.generate.statements import leans_back

    assert leans_back("Longer runs need a larger pipe or a branch vent.")
    assert leans_back("The test is based on taxable turnover, not profit.")
    assert not stands_alone("Wait at least 6 months after the course has finished.")
    assert not leans_back("Keep the recovery area at 20 °C or warmer.")  # an order may still hold a value to ask
    # an amount with no noun (found reading a tiling bank: "… whereas too much squeezes into the joints")
    assert leans_back("Too much squeezes into the joints and leaves uneven tiles.")
    assert not leans_back("Too much adhesive squeezes into the joints.")
    assert not leans_back("Too many people overload a scaffold.")
    for fine in ("Water boils at 100°C.", "Check valves stop backflow.", "The seal depth is the depth of water.",
                 "The delivery note is proof of what arrived.", "If the door binds, then the hinge is packed.",
                 "The speed limit for forklifts on site is 10 mph."):
        assert stands_alone(fine), fine


@pytest.mark.parametrize("statement", [
    # found by an examiner reading a bank of unseen notes (beekeeping, chainsaws, cask ale)
    "As it cools it can overtighten and damage the bar, sprocket and crankshaft bearings.",  # what cools?
    "Once stillaged it is not moved again, because moving it stirs up the sediment.",  # what is stillaged?
    "When wet they slip on the roof.",
    "Fresh eggs standing upright in the cells are enough evidence.",  # of what?
    "A single clean reading is sufficient.",  # for what?
    "Often the bees simply build more, and the colony is made queenless.",  # more of what?
    "A fresh inspection is needed before anyone goes back up.",  # after what? up what?
    # found on a later round of unseen notes (refinishing, upholstery, food pests)
    "When two colours match under one light source but not under another.",  # a clause, no claim
    "DOT fluid also absorbs water from the air and strips paint.",  # as well as what?
    "Antique-style reproduction furniture is exempt.",  # from what?
    "The food business operator remains responsible.",  # for what?
    "Re-covering a customer's own sofa is exempt because it is not new furniture.",  # from what?
    "Damage here from heavy-handed filing can leave permanent ridges.",  # where?
    "Signs include itching, redness and swelling around the nail.",  # of what?
    "The reading is taken again after ten minutes.",
    "G98 systems still need notification within 28 days.",  # still, despite what?
    "Actually it is one of the five points, and works best alongside culling.",  # what is?
    # found on unseen controlled-drugs and door-hanging notes
    "The legal deadline is the day after the transaction.",  # the deadline for what?
    "The door then becomes hinge-bound and springs open.",  # after what?
    "The excess runs inside the pipe and the residue can cause pinhole corrosion.",  # excess of what?
])
def test_pronouns_with_no_noun_sufficiency_for_nothing_and_bare_more_lean_back(statement):
    assert not stands_alone(statement)


@pytest.mark.parametrize("statement", [
    "As it cools, the chain tightens on the bar.",  # 'it' is the chain, named in the sentence
    "When the chain is hot it stretches and must be re-tensioned once cool.",
    "If customers complain they must be offered the complaints procedure.",
    "Two weeks is enough time for the render to cure before painting.",
    "More than 30 mA of residual current trips the device.",
    "If the water looks clear, it is safe to use.",
    "Employers are responsible for providing PPE.",
    "Sheltered housing is exempt from the rule.",
    "A category 2 call has a mean response target of 18 minutes.",
])
def test_a_pronoun_with_its_noun_and_sufficiency_with_its_purpose_stand_alone(statement):
    assert stands_alone(statement)


def test_a_true_false_claim_with_words_in_quotes_is_not_set():
    """'… because "it reaches the same temperature"': quoted reasoning marks a belief (learners
    answered it False from the quotes alone), so no true/false statement carries quoted words."""
    quoted = TrueFalse(id="t1", family="misconception", topic="x", title="t", answer=False,
                       stem='A type N steriliser can be used for pouched instruments because "it reaches the same temperature".')
    label = TrueFalse(id="t2", family="misconception", topic="x", title="t", answer=True,
                      stem="The label must carry the words “Keep out of the sight and reach of children”.")
    plain = TrueFalse(id="t3", family="misconception", topic="x", title="t", answer=False,
                      stem="A type N steriliser can process pouched and hollow instruments.")
    # figures with no verb are a list, not a claim (a description may be verbless; a statement may not)
    figures = TrueFalse(id="t4", family="misconception", topic="x", title="t", answer=True,
                        stem="Category 3 (urgent) 120 minutes and Category 4 (less urgent) 180 minutes at the 90th centile.")
    assert [i.id for i in drop_unsound_statements([quoted, label, plain, figures])] == ["t3"]


def test_a_bare_negative_passive_leans_back():
    """'Business contact details aren't covered.': by what? (the contracted form, as 'are not covered')."""
    assert not stands_alone("Business contact details aren't covered.")
    assert not stands_alone("Business contact details are not covered.")
    assert stands_alone("Business contact details aren't covered by the UK GDPR.")


def test_an_order_after_a_fronted_phrase_or_a_verb_noun_is_no_true_claim(tmp_path):
    """'On diesel trucks, check fuel, engine oil and coolant' was set as a true statement: an order,
    neither true nor false ('trucks' and 'cables' read as verbs). Claims after such a phrase stay."""
    from qbank.generate.facts import build_facts
    from qbank.generate.misconceptions import is_claim, true_claims
    from qbank.reader import read_topics
    from topicmaker import topic_file

    assert not is_claim("On diesel trucks, check fuel, engine oil and coolant.")
    assert not is_claim("Check battery connectors, cables, electrolyte level and charge.")
    # the finite verb of a clause after "so", "that" … is not the order's: still an order
    assert not is_claim("Record wastage and line-cleaning losses so stock results are accurate.")
    assert is_claim("Test results are recorded on the certificate.")
    assert is_claim("For a new installation, no perceptible drop is allowed.")
    assert is_claim("When the RCD trips, it must be reset before use.")
    assert is_claim("Each operator checks the truck they are about to use.")
    topic_file(tmp_path, "forklifts", concepts=[
        ("Power source checks", "Checks that depend on how the truck is powered. On electric trucks, check "
                                "battery connectors and charge. On diesel trucks, check fuel, engine oil and "
                                "coolant."),
        ("Stability triangle", "The three points a counterbalance truck rests on. For a laden truck, the "
                               "stability triangle must contain the combined centre of gravity."),
    ])
    topics, _ = read_topics([tmp_path])
    claims = [t.text for t in true_claims(topics[0], build_facts(topics))]
    assert not any("check" in c.split(",")[-1] or c.startswith("Check") for c in claims), claims
    assert any(c.startswith("For a laden truck") for c in claims), claims


@pytest.mark.parametrize("text, order", [
    ("Once the installation is proved tight, purge the air out of the meter and pipework.", True),
    ("On electric trucks, check battery connectors, cables, electrolyte level and charge.", True),
    ("On site, staff wear helmets at all times.", False),  # "staff" is the subject: "wear" follows
    ("In winter, water freezes in exposed pipework.", False),
    ("For a new installation, no perceptible drop on the gauge is allowed.", False),
])
def test_an_order_after_a_fronted_phrase_describes_nothing(text, order):
    """'Purging: Once the installation is proved tight, purge the air …' was a usable description
    (a matching answer, a 'which term' stem): an order says what to do, not what a term is."""
    from qbank.generate.statements import is_instruction

    assert is_instruction(text) is order
    if order:
        assert not describes(text) and not stands_alone(text)


def test_a_conclusion_drawn_from_the_sentence_before_leans_back():
    """'A 3 kg R410A system therefore holds about 6.26 tCO2e' was asked as a numeric item: it is
    worked out from the GWP the sentence before gives (therefore, thus, hence, as a result)."""
    from qbank.generate.statements import leans_back

    assert leans_back("A 3 kg R410A system therefore holds about 6.26 tCO2e and must be leak checked.")
    assert leans_back("As a result, the system must be leak checked every 12 months.")
    assert not leans_back("A 3 kg R410A system holds about 6.26 tCO2e and must be leak checked.")


def test_a_definition_that_is_a_wh_clause_is_no_true_claim(tmp_path):
    """'Flow rate: How many people can pass through a given width of exit … in a set time' gave the
    true statement 'How many people can pass …': a noun clause that names a quantity, not a claim."""
    from qbank.generate.facts import build_facts
    from qbank.generate.misconceptions import is_claim, true_claims
    from qbank.reader import read_topics
    from topicmaker import topic_file

    assert not is_claim("How many people can pass through a given width of exit or route in a set time.")
    assert is_claim("Crowd crushes are caused by too many people in too little space.")
    topic_file(tmp_path, "crowds", concepts=[
        ("Flow rate", "How many people can pass through a given width of exit or route in a set time."),
        ("Crowd density", "The number of people per square metre; above five a crowd is at risk of a crush."),
    ])
    topics, _ = read_topics([tmp_path])
    claims = [t.text for t in true_claims(topics[0], build_facts(topics))]
    assert not any(c.startswith("How many") for c in claims), claims


def test_a_later_sentence_names_its_term_before_its_verb(tmp_path):
    """'Two-coat application: … Combined thickness is typically about 2 mm on plasterboard and up to
    3 mm over a backing coat' was set true/false: 'coat' after the verb is not what the sentence is
    about; the thickness of what? A later sentence whose subject names the term still counts."""
    from qbank.generate.facts import build_facts
    from qbank.generate.misconceptions import names_its_subject, true_claims
    from qbank.reader import read_topics
    from topicmaker import topic_file

    assert not names_its_subject("Combined thickness is typically about 2 mm over a backing coat.", "Two-coat application")
    assert names_its_subject("Capnography shows a waveform as well as a number.", "Capnography")
    topic_file(tmp_path, "plaster", concepts=[
        ("Two-coat application", "The first coat is laid on and flattened, and the second goes on while the first is "
                                 "still green. Combined thickness is typically about 2 mm over a backing coat."),
        ("Skim coat", "A thin finishing layer of plaster. The skim coat is trowelled smooth as it firms up.")])
    topics, _ = read_topics([tmp_path])
    claims = [t.text for t in true_claims(topics[0], build_facts(topics))]
    assert not any(c.startswith("Combined thickness") for c in claims), claims


def test_a_first_sentence_names_its_term_and_a_verbless_list_item_is_no_claim(tmp_path):
    """Unseen notes: 'FIFO (First In, First Out): The oldest stock is issued first.' was set true/false
    keyed True with no FIFO in it (the same notes' FEFO issues by expiry date), and 'Wire feed
    system: V-groove drive rolls for solid steel wire; U-groove for aluminium; …' was set as a claim
    ("rolls" read as its verb). A first sentence must name its term too; the first item of a list
    whose next item has no verb is a label."""
    from qbank.generate.facts import build_facts
    from qbank.generate.misconceptions import true_claims
    from qbank.reader import read_topics
    from topicmaker import topic_file

    topic_file(tmp_path, "stock", concepts=[
        ("FIFO (First In, First Out)", "The oldest stock is issued first. Suits non-perishable goods and packaging."),
        ("Wire feed system", "V-groove drive rolls for solid steel wire; U-groove for aluminium; knurled for flux-cored."),
        ("Tension balance", "Spokes on one side sit within about 20% of their average. Uneven tension leads to broken spokes."),
        ("Goods received note", "The goods received note is signed by the person who checked the delivery."),
        ("Topical and patch charts", "TMARs with body maps for creams; patch charts recording the site of the old patch.")])
    topics, _ = read_topics([tmp_path])
    claims = [t.text for t in true_claims(topics[0], build_facts(topics))]
    assert not any(c.startswith(("The oldest stock", "V-groove", "TMARs")) for c in claims), claims
    # a sentence whose subject names its term is still a claim, first or later
    assert "Uneven tension leads to broken spokes" in claims
    assert any(c.startswith("The goods received note is signed") for c in claims), claims


def test_a_definition_opening_with_a_code_is_no_description():
    """'Which term is described here? "BS EN 50291. In England … landlords must fit one in any room
    …"': a standard's number says nothing of what the term is, and "fit one" points at the key."""
    assert not describes("BS EN 50291. In England, since October 2022, landlords must fit one in any room "
                         "with a fixed combustion appliance.")
    assert describes("A device that sounds when carbon monoxide reaches a set level in the room.")


def test_a_statement_ending_on_a_word_that_needs_its_complement_does_not_stand_alone():
    """Unseen notes: 'Horn growing over the shoe at the heels is a sign the horse is overdue.' was
    set true/false: overdue for what? (the farrier, said only in the notes' heading)."""
    assert not stands_alone("Horn growing over the shoe at the heels is a sign the horse is overdue.")
    assert not stands_alone("A client who has had a reaction before is not eligible.")
    assert stands_alone("A horse with long toes is overdue for the farrier.")
    assert stands_alone("Payment is due within 30 days.")
    # "Ice can cause further tissue damage": further than what? (the burn, said only in the notes)
    assert not stands_alone("Ice can cause further tissue damage and cold injury.")
    assert stands_alone("The pump sits further away than the valve.")


def test_a_labelled_list_entry_is_no_statement_and_forever_is_an_absolute():
    """Unseen notes: "Stage 1 – cervix dilates, ewe restless, lasting several hours." was set
    true/false and "Class F – cooking oils and fats" offered as a true statement (entries of a list
    under a label); "An emergency code means overpaying tax forever" was false to anyone."""
    from qbank.generate.text import absolutes_in

    assert not stands_alone("Stage 1 – cervix dilates, ewe restless, lasting several hours.")
    assert not stands_alone("Class F – cooking oils and fats")
    assert stands_alone("Ewes – especially shearlings – need checking twice a day.")  # an aside in dashes
    assert stands_alone("The ewe – if restless – needs checking.")
    assert absolutes_in("An emergency code means overpaying tax forever") == {"forever"}


def test_a_belief_whose_only_verb_is_relative_and_a_sentence_naming_too_little_of_its_term(tmp_path):
    """Unseen notes: "Tube feeding a lamb that cannot hold its head up." was set true/false (a practice
    named, its only verb in a relative clause), and "Hot gas defrost: Discharge gas is diverted
    through the evaporator." keyed True (it shares only "gas" with its term; alone it describes a fault)."""
    from qbank.generate.facts import build_facts
    from qbank.generate.misconceptions import read, tf_statements, true_claims
    from qbank.model import Bullet, Source
    from qbank.reader import read_topics
    from topicmaker import topic_file

    reading = read(Bullet("Tube feeding a lamb that cannot hold its head up, risking fluid entering the lungs.", Source("x", 1)))
    assert not [s for s, _ in tf_statements(reading) if s.startswith("Tube feeding")]
    topic_file(tmp_path, "fridges", concepts=[
        ("Hot gas defrost", "Discharge gas is diverted through the evaporator. Faster, but pipework is more complex."),
        ("Electric defrost", "Electric defrost is ended by a probe once heaters have warmed the coil.")])
    topics, _ = read_topics([tmp_path])
    claims = [t.text for t in true_claims(topics[0], build_facts(topics))]
    assert not any(c.startswith("Discharge gas") for c in claims), claims
    assert any(c.startswith("Electric defrost is ended") for c in claims), claims


def test_an_unmarked_line_in_the_mistakes_list_that_reads_as_a_fact_is_no_belief():
    """Unseen notes: "Ice and water on the fridge floor usually mean a blocked defrost drain, not a
    refrigerant leak." (under Common Misconceptions) was keyed False: the tutor wrote the fact, not
    the mistake, and the key was wrong; so was "Varroa is no longer notifiable, but …". An unmarked
    line is a belief only when it is neither negated nor hedged."""
    from qbank.generate.misconceptions import read
    from qbank.model import Bullet, Source

    def claim(text):
        return read(Bullet(text, Source("x", 1))).claim

    assert claim("Ice and water on the fridge floor usually mean a blocked defrost drain, not a refrigerant leak.") is None
    assert claim("Varroa is no longer notifiable, but it should still be monitored.") is None
    assert claim("Water can be used on a fat fire.") == "Water can be used on a fat fire"
    assert claim("Thinking that rest days do not matter.") == "Rest days do not matter"  # marked: still a belief


def test_a_value_common_sense_gives_or_a_factor_in_a_product_is_not_asked(tmp_path):
    """Fresh notes (drivers' hours): "Daily rest: must be completed within ____" (24 hours to
    anyone), "Weekly rest must start within 6 x ____" (a product: 6 days) and "no more than ____'
    driving" (a stray apostrophe) were asked; an examiner rated the first two serious."""
    from qbank.generate.numeric import numeric_facts, skip_reason
    from qbank.reader import read_topics
    from topicmaker import topic_file

    topic_file(tmp_path, "hgv-drivers-hours", synopsis="Drivers' hours rules for goods vehicles.", concepts=[
        ("Daily rest", "Must be completed within 24 hours of the end of the previous rest."),
        ("Weekly rest", "Weekly rest must start within 6 x 24 hours of the end of the last one."),
        ("Breaks", "45 minutes after no more than 4.5 hours' driving."),
        ("Daily driving", "Normally no more than 9 hours between two daily rest periods.")])
    topics, _ = read_topics([tmp_path])
    reasons = {(f.value, f.sentence[:12]): skip_reason(f) for f in numeric_facts(topics)}
    assert "common sense" in reasons[("24 hours", "Daily rest: ")]
    assert "product" in reasons[("24 hours", "Weekly rest ")]  # the sentence names its term: no label
    assert "apostrophe" in reasons[("4.5 hours", "Breaks: 45 m")]
    assert reasons[("9 hours", "Daily drivin")] == ""  # a day's driving limit is no period's length


def test_a_24_hour_period_is_a_day_to_anyone(tmp_path):
    """h17's examiner: "no later than the end of six ____-hour periods" and "one chart per ____-hour
    period" (24) were typed: anyone writes 24; the fact worth asking (six) was printed."""
    from qbank.generate.numeric import numeric_facts, skip_reason
    from qbank.reader import read_topics
    from topicmaker import topic_file

    topic_file(tmp_path, "tachographs", synopsis="Drivers' hours and tachographs.", concepts=[
        ("Weekly rest", "A weekly rest must start no later than the end of six 24-hour periods from the last one."),
        ("Analogue tachograph", "Records on a wax-coated chart, one chart per 24-hour period at most."),
        ("Weekly rest length", "A reduced weekly rest lasts at least 24 hours.")])
    reasons = {f.sentence[:14]: skip_reason(f) for f in numeric_facts(read_topics([tmp_path])[0])}
    assert "common sense" in reasons["A weekly rest "] and "common sense" in reasons["Analogue tacho"]
    assert "common sense" not in reasons["Weekly rest le"]


def test_a_value_two_printed_numbers_multiply_to_is_not_asked(tmp_path):
    """h17's learner: "kept valid by ____ of periodic training every 5 years, in approved courses of at
    least 7 hours each" — 5 × 7 = 35, from the stem alone."""
    from qbank.generate.numeric import numeric_facts, skip_reason
    from qbank.reader import read_topics
    from topicmaker import topic_file

    topic_file(tmp_path, "driver-cpc", synopsis="Driver CPC for LGV drivers.", concepts=[
        ("Periodic training", "Kept valid by 35 hours of training every 5 years, in courses of at least 7 hours each."),
        ("Weekly driving", "No more than 56 hours of driving in a week and 90 hours in two weeks.")])
    reasons = {f.value: skip_reason(f) for f in numeric_facts(read_topics([tmp_path])[0])}
    assert "product" in reasons["35 hours"]
    assert "product" not in reasons["56 hours"] and "product" not in reasons["90 hours"]
    # a label's number is no factor: "Class 2 … 600 mm" does not give 1200 mm (an untuned read)
    topic_file(tmp_path, "driver-cpc", synopsis="Bus driving and wheelchair access.", concepts=[
        ("Mobility scooters", "Accepted for Class 2 scooters no more than 600 mm wide with a turning radius of 1200 mm.")])
    assert not any("product" in skip_reason(f) for f in numeric_facts(read_topics([tmp_path])[0]))


def test_an_everyday_constant_of_what_the_statement_names_is_not_asked(tmp_path):
    """An untuned read (cold rooms, fertigation): "frost forms on the coil below ____ °C" and "an ice
    bath at ____ °C" were asked; anyone knows water freezes at 0 °C, so the key tests nothing of
    the notes. The same for boiling at 100 °C; a value that is no such constant is still asked."""
    from qbank.generate.numeric import numeric_facts, skip_reason
    from qbank.reader import read_topics
    from topicmaker import topic_file

    topic_file(tmp_path, "cold-room-defrost", synopsis="Defrosting commercial cold rooms.", concepts=[
        ("Coil frosting", "Frost builds up on the evaporator coil when its surface is below 0 °C."),
        ("Probe check", "A thermometer probe is checked in iced water, where it should read 0 °C."),
        ("Kettle test", "A probe should read 100 °C in boiling water at sea level."),
        ("Chilled storage", "Chilled food is held at 5 °C or below."),
        ("Frozen storage", "A freezer must hold frozen food at −18 °C or below.")])
    topics, _ = read_topics([tmp_path])
    reasons = {f.sentence[:14]: skip_reason(f) for f in numeric_facts(topics)}
    assert "everyday constant" in reasons["Coil frosting:"]
    assert "everyday constant" in reasons["Probe check: A"]
    assert "everyday constant" in reasons["Kettle test: A"]
    assert reasons["Chilled storag"] == ""
    assert "everyday constant" not in reasons["Frozen storage"]


def test_a_bare_number_with_a_bound_word_beside_the_blank_bounds_the_key(tmp_path):
    """Fresh notes (beekeeping): "check every ____, 9 at most" offered 3, 7 and 21 days: the bare 9
    (its unit left for the blank's) rules out 21 days, and "every 3 days" is odd: 7 days unread."""
    from qbank.generate.numeric import numeric_facts, skip_reason
    from qbank.reader import read_topics
    from topicmaker import topic_file

    topic_file(tmp_path, "hive-inspection", synopsis="Hive inspection and swarm control for beekeepers.", concepts=[
        ("Inspection interval", "In the swarming season check every 7 days, 9 at most."),
        ("Drone comb removal", "Drone brood is cut out every 14 days in spring to reduce varroa.")])
    topics, _ = read_topics([tmp_path])
    reasons = {f.value: skip_reason(f) for f in numeric_facts(topics)}
    assert "bounds" in reasons["7 days"]
    assert reasons["14 days"] == ""


def test_an_opening_clause_ending_on_its_preposition_is_no_statement():
    """Fresh notes (payroll): "Qualifying days: the days SSP is paid for, normally the contracted
    working days." gave the true/false statement "The days SSP is paid for, normally the contracted
    working days.": a noun with a relative clause, which an examiner could not answer."""
    assert not stands_alone("The days SSP is paid for, normally the contracted working days.")
    assert not stands_alone("The person the report is sent to.")
    assert stands_alone("Records must be kept for 2 years.")
    assert stands_alone("A ladder is only for light work, of short duration.")
    assert stands_alone("The primer seals bare timber and stops later coats soaking in.")  # a phrasal verb


def test_a_near_copy_of_the_key_or_of_a_printed_value_is_no_distractor(tmp_path):
    """Fresh notes (autoclaves): "121.1°C" was offered beside a printed "121°C", and beside a key of
    121°C: a learner strikes a near copy (or is left with two right answers)."""
    from qbank.generate.numeric import distractors_for, numeric_facts
    from qbank.reader import read_topics
    from topicmaker import topic_file

    topic_file(tmp_path, "autoclave-sterilisation", synopsis="Autoclave sterilisation in the laboratory.", concepts=[
        ("Standard cycle", "Media are held at 121°C for at least 15 minutes."),
        ("Fast cycle", "Wrapped instruments are held at 134°C for 3 minutes."),
        ("Validation temperature", "The chamber is mapped at 121.1°C during qualification runs."),
        ("Dry heat", "160°C for two hours for glassware."),
        ("Drying stage", "The load cools to 80°C before the door opens.")])
    topics, _ = read_topics([tmp_path])
    facts = numeric_facts(topics)
    standard = next(f for f in facts if f.value == "121°C")
    values = {o.value for o in distractors_for(standard, facts)}
    assert values and "121.1°C" not in values, values


def test_a_prepositional_phrase_is_no_true_statement(tmp_path):
    """h7: "Fire blanket: For small pan fires and burning clothing." was set as the true statement
    "For small pan fires and burning clothing." ("fires" read as a verb): it says nothing on its own."""
    from qbank.generate.facts import build_facts
    from qbank.generate.misconceptions import true_claims
    from qbank.reader import read_topics
    from topicmaker import topic_file

    topic_file(tmp_path, "fire", concepts=[
        ("Fire blanket", "For small pan fires and burning clothing."),
        ("Foam extinguisher", "A foam extinguisher smothers burning liquids and cools the surface."),
    ])
    topics, _ = read_topics([tmp_path])
    said = [t.text for t in true_claims(topics[0], build_facts(topics))]
    assert "For small pan fires and burning clothing" not in said
    assert "A foam extinguisher smothers burning liquids and cools the surface" in said


def test_a_list_of_parts_is_no_true_statement():
    """h11: "Roller chain: Inner and outer plates, pins, bushes and rollers." was set as the true
    statement "Inner and outer plates, pins, bushes and rollers." ("bushes" read as a verb)."""
    from qbank.generate.misconceptions import is_claim

    assert not is_claim("Inner and outer plates, pins, bushes and rollers")
    assert is_claim("Guards, screens and rails prevent falls from the platform")


def test_a_quoted_belief_then_a_sentence_is_the_belief_and_its_correction_verdict_or_none():
    """'"Only the shop gets fined." The person who makes the sale can be personally prosecuted.' (h21)
    had no item: with no "Wrong." between them it was read as a practice with nothing to test. A
    correction that leans on the quote ("They are sugary …") is not a statement of its own, and a
    quote that is part of a sentence ("… is what clients think") is not a belief."""
    from qbank.generate.misconceptions import read
    from qbank.model import Bullet, Source

    def reading(text):
        return read(Bullet(text, Source("x", 1)))

    cot = reading('"A cot bumper stops babies banging their heads." A bumper adds a risk of suffocation and entrapment.')
    assert (cot.claim, cot.correction) == ("A cot bumper stops babies banging their heads",
                                           "A bumper adds a risk of suffocation and entrapment")
    carrots = reading('"Carrots are a rabbit\'s main food." They are sugary, an occasional treat only.')
    assert (carrots.claim, carrots.correction) == ("Carrots are a rabbit's main food", None)
    assert reading('"Tint will lift tint" is what many clients think, but it cannot.').claim is None


def test_a_quoted_belief_with_a_gerund_subject_is_a_claim(tmp_path):
    """h37: '"Scraping the nuts off the top makes it nut free." - Residue stays' and '"Spot-fixing with five
    dabs saves adhesive and is fine."' were read as practices named, so no belief was set."""
    from qbank.generate.misconceptions import read
    from qbank.model import Bullet, Section, Source

    bullet = Bullet('"Spot-fixing with five dabs saves adhesive and is fine." Dabs leave voids where water collects.',
                    Source("t.txt", 3, Section.MISCONCEPTIONS))
    assert read(bullet).claim == "Spot-fixing with five dabs saves adhesive and is fine"
