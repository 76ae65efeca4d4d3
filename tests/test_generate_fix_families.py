"""Fault classes two examiners found in the cloze, numeric, scenario and essay families, each planted
in a small topic file: every test fails if its fix is undone."""

from __future__ import annotations

import re
from pathlib import Path

from qbank.generate import build_bank
from qbank.generate.coverage import coverage
from qbank.model import Cloze, Essay, MultipleChoice
from qbank.reader import read_topics
from topicmaker import topic_file


def _bank(*paths: Path):
    topics, diags = read_topics(list(paths))
    return build_bank(topics, seed=0, diagnostics=diags)


FOOD = [
    ("Hot holding", "Keep cooked food hot for service at 63°C or above."),
    ("Fridge storage", "Chilled food must be kept at 8°C or below by law; 5°C is the recommended fridge setting."),
    ("Cooking", "Cook food to a core temperature of 75°C for at least 30 seconds."),
    ("Cooling", "Cool cooked food within 90 minutes before chilling it."),
    ("Probe thermometer", "Check the probe in iced water, where it should read between −1°C and +1°C."),
    ("Reheating", "Reheated food in Scotland must reach at least 82°C throughout."),
    ("Danger zone", "Bacteria multiply fastest in food held for more than 2 hours at room temperature."),
    ("Hand washing", "Wash hands in warm water at about 40°C for 20 seconds."),
    ("Dishwasher", "The final rinse of a commercial dishwasher runs at 88°C to sanitise."),
    ("Blast chiller", "A blast chiller brings cooked food down to 3°C within 90 minutes."),
    ("Freezer", "Frozen food is stored at −18°C."),
    ("Cool room", "A cool room for vegetables runs at 10°C."),
    ("Warm display", "A warm display case for pastries holds them at 50°C."),
    ("Delivery checks", "On delivery, check the packaging for damage, the use-by dates, the cleanliness of the "
                        "vehicle and the paperwork, then probe a sample and reject any chilled delivery whose "
                        "core reads 12°C."),
]
PLUMB = [
    ("Tundish", "The tundish discharge pipe must run at least 300 mm vertically, within 600 mm of the valve."),
    ("Expansion vessel", "A vessel that takes up the expanded water as the cylinder heats."),
    ("Line strainer", "A mesh filter that stops debris reaching the pressure reducing valve."),
]
ELEC = [
    ("GS38", "Test probes must have exposed metal tips of no more than 4 mm (ideally 2 mm or less), with finger guards."),
    ("Safe isolation", "Carried out in this order – identify, isolate, secure, test, prove, re-prove."),
    ("Voltage indicator", "An approved voltage indicator shows whether a circuit is live before work starts."),
    ("Lock-off", "A locking device and tag that stops a circuit being switched on during work."),
]


def _numeric(bank) -> list[MultipleChoice]:
    """The value items offered as multiple choice (a number to type has no options)."""
    return [i for i in bank.items if i.family == "numeric" and isinstance(i, MultipleChoice)]


def _number(value: str) -> float:
    return float(re.search(r"\d+(?:\.\d+)?", value).group())


COURSE = dict(  # two files of one building-services course: related, so the old pools mixed them
    synopsis="Building services installation work on domestic systems in dwellings, to the regulations.",
    tips=["Learn the installation figures in the regulations and state units in every answer.",
          "Read the installation instructions and the regulations before starting work in dwellings."],
    marking=["Award credit for explaining why installation work in dwellings must follow the regulations."],
)


def test_options_come_from_the_topics_own_file(tmp_path):
    """Class 1: 300/600 mm from the plumbing notes must not be offered in the electrical notes, nor
    a plumbing term in an electrical gap."""
    shared = [  # one course: the two files share much of their wording, so the old pools mixed them
        ("Building regulations", "Statutory rules for installation work in dwellings, checked by building control."),
        ("Competent person", "An installer registered to self-certify installation work in dwellings."),
        ("Notifiable work", "Installation work in dwellings that must be notified to building control."),
    ]
    topic_file(tmp_path, "elec", concepts=ELEC + shared + [
        ("Cable clips", "Clips on a horizontal cable run are spaced no more than 250 mm apart."),
        ("Zone 2", "Zone 2 extends beyond the edge of the bath by 500 mm."),
    ], **COURSE)
    topic_file(tmp_path, "plumb", concepts=PLUMB + shared + [
        ("Discharge pipe", "The D2 pipe falls at least 1 in 200 after its vertical drop from the tundish."),
        ("Pipe supports", "Copper pipe supports are spaced every 1200 mm on vertical runs."),
        ("Cylinder base", "The cylinder stands on a base rated for 450 kg when full."),
        ("Isolation valve", "Fit an isolation valve within 350 mm of each appliance."),
    ], **COURSE)
    bank = _bank(tmp_path)
    foreign = {"300 mm", "600 mm", "1200 mm", "350 mm", "Tundish", "Expansion vessel", "Line strainer"}
    for item in bank.items:
        options = [c.text for c in getattr(item, "choices", ())]
        options += [o for g in getattr(item, "gaps", ()) for o in (g.key, *g.distractors)]
        if item.topic == "elec" and item.family in ("numeric", "cloze", "scenario"):
            assert not foreign & set(options), item.stem
    # 250 mm has no fair distractor in its own file: it is asked as a number to type, never beside
    # a plumbing value
    typed = [i for i in bank.items if i.kind == "numerical" and i.topic == "elec"]
    assert [i.answer for i in typed if "Clips on a horizontal cable run" in i.stem] == ["250"]


def test_numeric_distractors_are_of_the_same_kind_and_never_a_second_key(tmp_path):
    """Class 2: hot values for a fridge, cold values for hot holding, 5°C for "8°C or below", range ends."""
    topic_file(tmp_path, "food", concepts=FOOD)
    bank = _bank(tmp_path)
    items = _numeric(bank)
    assert items, "the food topic has values of one kind to ask"
    for item in items:
        key = next(c.text for c in item.choices if c.correct)
        stem = item.stem
        assert "between ____" not in stem and "and ____" not in stem, stem  # a range end fixed by the other end
        for c in item.choices:
            if c.correct or "°C" not in key:
                continue
            assert abs(_number(c.text) - _number(key)) <= 30, (stem, c.text)  # no 37/63/75 for a fridge
            if re.search(r"____ or below|no more than ____", stem):
                assert _number(c.text) > _number(key), (stem, c.text)  # a lower value also satisfies it
            if re.search(r"____ or above|at least ____", stem):
                assert _number(c.text) < _number(key), (stem, c.text)
        # no mistake framing, and the topic named: "… about Food?" (not "from the notes on": a candidate has none)
        assert "common mistake" not in stem and "from the notes?" not in stem
        assert stem.startswith("Which value completes this statement about Food?\n"), stem


def test_a_value_bounded_by_another_in_the_stem_is_not_asked(tmp_path):
    """Class 2: "no more than 4 mm (ideally ____ or less)" gives the key away; coverage says why."""
    topic_file(tmp_path, "elec", concepts=ELEC + [("Cable depth", "Cables are buried at 450 mm; ducts at 600 mm; "
                                                                  "marker tape 150 mm above the cable.")])
    bank = _bank(tmp_path)
    assert not any("ideally ____" in i.stem or "no more than ____" in i.stem and "4 mm" not in i.stem
                   for i in bank.items)
    report = coverage(bank.topics, bank.items)
    reasons = [r["reason"] for r in report["numeric facts"]["uncovered"] if r["text"].startswith("2 mm")]
    # (2 mm is also half the printed 4 mm)
    assert reasons and ("bounds or fixes" in reasons[0] or "twice or half" in reasons[0])


def test_numeric_key_is_not_the_only_range(tmp_path):
    topic_file(tmp_path, "hw", concepts=[
        ("Cylinder thermostat", "The control thermostat is typically set at 60–65°C to control Legionella."),
        ("Bath outlet", "Hot water to a bath in a new dwelling is limited to 48°C."),
        ("Stored water", "Stored water must reach 60°C at least once a day."),
        ("Energy cut-out", "The energy cut-out operates at 80°C if the thermostat fails."),
    ])
    for item in _numeric(_bank(tmp_path)):
        shapes = {"–" in c.text for c in item.choices}
        assert len(shapes) == 1, item.stem


def test_cloze_has_no_term_gap_and_no_foreign_options(tmp_path):
    """Class 3: "____: definition" is the concept item again."""
    topic_file(tmp_path, "elec", concepts=ELEC)
    topic_file(tmp_path, "plumb", concepts=PLUMB)
    terms = {t for t, _ in ELEC + PLUMB}
    for item in _bank(tmp_path).items:
        if isinstance(item, Cloze):
            assert not item.parts[0].strip(), item.stem
            assert not any(g.key in terms for g in item.gaps), item.stem


def test_cloze_value_set_in_size_order_is_not_asked(tmp_path):
    """Class 3: 3%, 6%, 9%, 12% beside 10/20/30/40 vol: sorting the options fills the gaps."""
    topic_file(tmp_path, "hair", concepts=[
        ("Peroxide strengths", "3% (10 vol) for toning; 6% (20 vol) for grey coverage; 9% (30 vol) for two levels "
                               "of lift; 12% (40 vol) for three levels of lift."),
        ("Porosity", "How readily hair absorbs moisture and chemicals."),
        ("Elasticity", "How far hair stretches and returns when wet."),
    ])
    assert not [i for i in _bank(tmp_path).items if isinstance(i, Cloze) and len(i.gaps) >= 3]


def test_cloze_value_set_of_two_interleaved_series_in_order_is_not_asked(tmp_path):
    """Fresh notes (unvented cylinders): "22 mm up to 9 m, each elbow 0.8 m; 28 mm up to 18 m (1.0 m
    per bend); 35 mm up to 27 m (1.4 m)": lengths and bend allowances are two bands of size, each
    rising through the text, so sorting each band fills all six gaps (an examiner's find)."""
    topic_file(tmp_path, "discharge", concepts=[
        ("Equivalent length", "22 mm pipe up to 9 m, each elbow 0.8 m; 28 mm pipe up to 18 m (1.0 m per bend); "
                              "35 mm pipe up to 27 m (1.4 m per bend)."),
        ("Tundish", "A visible air break in the discharge pipe so that a discharge can be seen."),
        ("Expansion vessel", "A vessel that takes up the expansion of heated water."),
    ])
    assert not [i for i in _bank(tmp_path).items if isinstance(i, Cloze) and len(i.gaps) >= 3]


def test_scenario_framing_is_neutral_and_at_most_two_per_order(tmp_path):
    """Class 4: no "a colleague follows" for an exchange; two items per order, one variant group."""
    topic_file(tmp_path, "net", concepts=[
        ("DHCP lease process", "A client gets an address in four steps, DORA – Discover, Offer, Request, Acknowledge."),
        ("Subnet mask", "A mask that marks which bits of an address are the network part."),
    ])
    topic_file(tmp_path, "elec", concepts=ELEC)
    items = [i for i in _bank(tmp_path).items if i.family == "scenario"]
    assert items
    by_group: dict[str, list] = {}
    for item in items:
        assert "colleague" not in item.stem and "the notes" not in item.stem, item.stem
        assert item.group, item.stem
        by_group.setdefault(item.group, []).append(item)
    for group in by_group.values():
        assert len(group) <= 2
        answers = {next(c.text for c in i.choices if c.correct).casefold() for i in group}
        for i in group:
            printed = {m.casefold() for m in re.findall(r"“([^”]+)”", i.stem)}
            assert not printed & (answers - {next(c.text for c in i.choices if c.correct).casefold()})


def test_essays_skip_calculations_unsupplied_cases_and_answer_lists(tmp_path):
    """Class 5, with the reasons in coverage and indicative content in the grader information."""
    topic_file(tmp_path, "acc", synopsis="Trial balances, depreciation and how to cool food quickly.", concepts=[
        ("Trial balance", "A list of all ledger balances used to check that total debits equal total credits; "
                          "it still agrees when a transaction is left out, because both sides lose the same amount."),
        ("Depreciation", "Spreading the cost of a non-current asset over the periods that benefit from its use."),
        ("Rapid cooling", "Cooling food quickly in shallow trays or a blast chiller, so that it leaves the danger zone fast."),
    ], mistakes=["Thinking a trial balance that agrees proves the ledger balances are free of errors, because "
                 "an entry posted to the wrong account of the same kind leaves it agreeing."],
        marking=[
        "Award credit for correctly calculating depreciation using the straight-line method.",
        "Award credit for explaining how each transaction affects the accounting equation.",
        "Award credit for explaining how to cool food quickly (e.g. shallow trays, an ice bath, a blast chiller).",
        "Award credit for explaining what to do: listen calmly, do not promise confidentiality, record and refer.",
        "Award credit for explaining why a trial balance that agrees may still hide errors in the ledger balances.",
    ])
    bank = _bank(tmp_path)
    essays = [i for i in bank.items if isinstance(i, Essay)]
    stems = [re.sub(r"^In the context of [^:]+: ", "", e.stem) for e in essays]  # the prompts themselves
    assert not any(re.search(r"calculat|each transaction|own choosing|e\.g\.|listen calmly", s, re.I) for s in stems), stems
    assert "Explain how to cool food quickly." in stems
    balance = next(e for e in essays if "trial balance" in e.stem)
    assert "Trial balance: A list of all ledger balances" in balance.grader_info
    assert "Common mistake: Thinking a trial balance" in balance.grader_info
    reasons = [r["reason"] for r in coverage(bank.topics, bank.items)["written marking points"]["uncovered"]]
    assert any("calculation" in r for r in reasons) and any("client, case or data" in r for r in reasons)
    assert any("lists the creditworthy answers" in r for r in reasons)


def test_feedback_quotes_the_whole_statement(tmp_path):
    """Class 6: distractor feedback is never cut before the value it explains."""
    topic_file(tmp_path, "food", concepts=FOOD)
    for item in _numeric(_bank(tmp_path)):
        for c in item.choices:
            assert "…" not in c.feedback, c.feedback
            if not c.correct:
                assert c.text in c.feedback.split("something else:", 1)[1], c.feedback


def test_cloze_value_set_with_all_but_one_in_order_is_not_asked(tmp_path):
    """s33: "Plan 1 £24,990, Plan 2 £27,295, Plan 4 £31,395 a year and … above £21,000": the first three
    rise through the text, so a learner sorts them and the one left takes the last gap."""
    topic_file(tmp_path, "loans", concepts=[
        ("Student loan deductions", "9% of earnings above the plan threshold (Plan 1 £24,990, Plan 2 £27,295, "
                                    "Plan 4 £31,395 a year) and 6% above £21,000 for postgraduate loans."),
        ("Payroll giving", "A voluntary deduction the employee has agreed to for charity."),
        ("Attachment of earnings", "A court order the employer must apply to pay."),
    ])
    assert not [i for i in _bank(tmp_path).items if isinstance(i, Cloze) and len(i.gaps) >= 3]


def test_a_concept_refused_for_its_opening_is_reported_with_its_own_words(tmp_path):
    """The coverage reason quoted one fixed example ("flushed for 2 minutes …") for every concept it
    refused, whatever the concept said: a tutor reading it could not tell what to change."""
    path = topic_file(tmp_path, "concrete", synopsis="Placing and curing concrete on site.", concepts=[
        ("Workability", "How easily the fresh concrete can be placed and compacted."),
        ("Hydration", "The chemical reaction between cement and water that hardens concrete."),
        ("Curing", "Keeping the concrete moist and warm so that it gains strength."),
    ])
    bank = _bank(path)
    reasons = [r["reason"] for r in coverage(bank.topics, bank.items)["key concepts"]["uncovered"]]
    refused = [r for r in reasons if "does not open with what the term is" in r]
    assert refused and all("“How easily the fresh …”" in r for r in refused), reasons
    assert not any("flushed" in r for r in reasons)


def test_a_law_named_by_its_title_is_offered_only_beside_other_laws():
    """"Equality Act 2010" was the key among "Escalation" and "Service recovery" (h27's examiner: the
    one law among terms, picked unread); nor is a law a distractor among terms."""
    path = Path(__file__).parent / "data" / "reviewed" / "h27" / "Handling_Complaints.txt"
    bank = _bank(path)
    offered = [[c.text for c in i.choices] for i in bank.items if isinstance(i, MultipleChoice)]
    assert not any(any("Act 2010" in t or "act 2010" in t for t in texts) for texts in offered), offered
    uncovered = coverage(bank.topics, bank.items)["key concepts"]["uncovered"]
    law = next(r["reason"] for r in uncovered if "Equality Act 2010" in r["text"])
    assert "only 0 other terms of its kind" in law, law
