"""Planted traps: small topic files that each set one trap, and the rule that must hold."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from qbank.build import build
from qbank.generate import build_bank
from qbank.generate.facts import build_facts
from qbank.generate.stats import bank_stats
from qbank.model import Matching, MultipleChoice, Ordering, TrueFalse
from qbank.reader import read_topics
from topicmaker import ACCOUNTING, BIOLOGY, HISTORY, topic_file

FILLER = [
    ("Active listening", "Giving full attention to the speaker and reflecting back what was heard."),
    ("Rapport", "A relationship of mutual trust that makes communication easier."),
    ("Escalation", "Passing an unresolved issue to someone with more authority to settle it."),
    ("Service recovery", "Actions taken to win back a customer after a service failure."),
]


def _bank(folder, seed=0):
    topics, diags = read_topics([folder])
    return build_bank(topics, seed=seed, diagnostics=diags)


def test_ordering_only_for_elements_with_an_order_of_their_own(tmp_path):
    """Steps carried out (verbs) or stages the notes call ordered: put in order. Criteria (SMART) or
    variables (FITT): no order beyond the mnemonic, whose initials would give it away."""
    topic_file(tmp_path, "a", concepts=FILLER + [
        ("Goal setting", "Writing SMART (Specific, Measurable, Achievable, Relevant, Time-bound) objectives."),
        ("Complaints", "Handled with LAST (Listen, Apologise, Solve, Thank) to calm the customer."),
        ("Mitosis", "Cell division whose stages, PMAT (Prophase, Metaphase, Anaphase, Telophase), run in order."),
    ])
    orders = {i.general_feedback.split(":", 1)[0] for i in _bank(tmp_path).items if isinstance(i, Ordering)}
    assert orders == {"LAST", "PMAT"}


def test_no_ordering_when_the_stem_cannot_say_which_model(tmp_path):
    """Untuned notes (retail refunds, a hash-named file with no title): LAST and HEAT, both named
    only in an exam tip, were each set as "These are the elements of a model. Put them in the
    model's order." A learner cannot tell which model is meant (Apologise before Empathise is as
    defensible); an examiner rated both serious. A model the notes say the use of keeps its item."""
    topic_file(tmp_path, "228b91bafdd87375", concepts=FILLER, tips=[
        "Learn LAST (Listen, Apologise, Solve, Thank) and HEAT (Hear, Empathise, Apologise, Take action) for complaints."])
    assert not [i for i in _bank(tmp_path).items if isinstance(i, Ordering)]
    topic_file(tmp_path, "228b91bafdd87375", concepts=FILLER + [
        ("Complaints", "Handled with LAST (Listen, Apologise, Solve, Thank) to calm the customer.")], tips=[
        "HEAT (Hear, Empathise, Apologise, Take action) is another model."])
    orders = [i for i in _bank(tmp_path).items if isinstance(i, Ordering)]
    assert [i.general_feedback.split(":", 1)[0] for i in orders] == ["LAST"]
    assert "the model for complaints" in orders[0].stem


def test_conflicting_acronym_is_reported_and_its_letter_never_keyed(tmp_path):
    topic_file(tmp_path, "a", concepts=FILLER[:2] + [
        ("Interview answers", "Structured with the STAR model (Situation, Task, Action, Result), in this order."),
        ("Goal setting", "Writing SMART (Specific, Measurable, Achievable, Relevant, Time-bound) objectives."),
        ("Service quality", "Judged on the RATER model (Reliability, Assurance, Tangibles, Empathy, Responsiveness)."),
    ])
    topic_file(tmp_path, "b", concepts=FILLER[2:] + [
        ("Competency answers", "Built on STAR (Situation, Task, Activity, Result) to show evidence in this order."),
        ("Improvement", "Using PDCA (Plan, Do, Check, Act) cycles to test changes."),
    ])
    bank = _bank(tmp_path)
    warnings = [d for d in bank.diagnostics if "STAR letter A" in d.message]
    assert len(warnings) == 1
    w = warnings[0]
    assert w.severity.value == "warning" and w.path.endswith("b.txt") and w.line > 0
    assert "a.txt:" in w.message and "Activity" in w.message and "Action" in w.message
    stems = [i.stem for i in bank.items]
    assert not any("In STAR, what does the letter A" in s for s in stems)
    for item in bank.items:
        if isinstance(item, MultipleChoice) and item.stem.startswith("In STAR"):
            wrong = {c.text for c in item.choices if not c.correct}
            assert not wrong & {"Action", "Activity", "Situation", "Task", "Result"}
    orders = [i for i in bank.items if isinstance(i, Ordering) and i.general_feedback.startswith("STAR:")]
    assert len(orders) == 1 and "\u201cActivity\u201d instead of \u201cAction\u201d" in orders[0].general_feedback  # named
    assert ".txt" not in orders[0].general_feedback  # ... but not by its file: learners read feedback
    # other letters of the acronym are still asked where distractors exist
    assert any(s.startswith("In RATER") or s.startswith("In SMART") for s in stems)


def test_identical_bullets_in_two_files_give_one_item(tmp_path):
    shared_concept = ("Recovery", "Actions taken to win back a customer after something has gone wrong.")
    shared_mistake = "Explaining the cause of a problem before apologising to the customer, leading to anger."
    topic_file(tmp_path, "a", concepts=FILLER[:3] + [shared_concept], mistakes=[shared_mistake, "Ignoring body language."],
               tips=["Use examples from your own workplace to show how problems were solved.",
                     "Practise complaint role-plays with a colleague before the observation.",
                     "Check that the customer understood the solution before they leave.",
                     "Record each complaint in the log with the date and the outcome."])
    topic_file(tmp_path, "b", concepts=[("Loyalty", "Repeat custom that comes from trust over time."),
                                        ("Churn", "The rate at which customers stop buying."),
                                        ("Upselling", "Offering a better version of what the customer already wants."),
                                        shared_concept],
               mistakes=[shared_mistake, "Over-promoting offers to unhappy customers."],
               tips=["Check that the customer understood the solution before they leave.",
                     "Record each complaint in the log with the date and the outcome."])
    bank = _bank(tmp_path)
    stems = Counter(i.stem for i in bank.items)
    shared_stem = next(s for s in stems if "win back a customer" in s)
    assert stems[shared_stem] == 1
    # the shared mistake is read once (its first file): never two items from the two copies
    assert len([i for i in bank.items if "Explaining the cause" in i.general_feedback]) <= 1
    assert len({i.id for i in bank.items}) == len(bank.items)


def test_synonym_concepts_in_two_files_are_never_each_others_distractor(tmp_path):
    topic_file(tmp_path, "a", concepts=FILLER + [
        ("Complaint handling", "Techniques for resolving customer complaints and restoring trust.")])
    topic_file(tmp_path, "b", concepts=[
        ("Handling complaints and difficult situations", "Using a structured model to resolve customer complaints."),
        ("Complaint handling procedures", "A documented process for logging and resolving complaints."),
        ("Stock control", "Keeping the right quantity of parts available at the right time."),
        ("Workshop loading", "Planning technician hours against the jobs booked in."),
        ("Customer follow-up", "Calling the customer after a complaint is resolved to check they are satisfied."),
    ] + FILLER)  # one course: distractors are drawn across both files
    bank = _bank(tmp_path)
    complaintish = {"complaint handling", "handling complaints and difficult situations", "complaint handling procedures"}
    checked = 0
    for item in bank.items:
        if isinstance(item, MultipleChoice) and item.family == "concept":
            texts = {c.text.lower() for c in item.choices}
            if len(texts & complaintish) > 1:
                pytest.fail(f"two complaint-handling concepts in one item: {item.stem} {texts}")
            checked += 1
        if isinstance(item, Matching):
            prompts = {p.prompt.lower() for p in item.pairs}
            assert len(prompts & complaintish) <= 1
    assert checked >= 5  # fewer than before: items a testwise learner answers by a cue are skipped


def test_long_misconceptions_are_trimmed_and_the_key_is_not_the_longest(tmp_path):
    tail = ", leading to confusion, duplicated work, unresolved queries and a long list of unhappy customers"
    mistakes = [
        "Confirming the booking details with the customer by text message alone" + tail,
        "Recording the vehicle's mileage at check-in from memory" + tail,
        "Assuming that a verbal quote is binding on the customer" + tail,
        "Quoting a final price before the technician has inspected the car" + tail,
        "Offering a courtesy car to the customer before checking its availability",
    ]
    topic_file(tmp_path, "service-desk", concepts=FILLER, mistakes=mistakes,
               tips=["Use the booking system notes to evidence follow-up.", "Always summarise the agreed work.",
                     "Check the customer's contact number at each visit to the workshop."],
               marking=["Award credit for explaining how the customer was kept informed.",
                        "Credit responses that identify risks at vehicle handover."])
    from qbank.generate.misconceptions import read
    from qbank.model import Bullet, Source

    # the belief is cut before its consequence; the claim is a complete sentence
    assert read(Bullet(mistakes[2], Source("s", 1))).claim == "A verbal quote is binding on the customer"
    bank = _bank(tmp_path)
    assert all("leading to" not in i.stem for i in bank.items)


def test_topic_with_too_few_concepts_gives_no_matching_and_no_crash(tmp_path):
    topic_file(tmp_path, "tiny", concepts=FILLER[:2], mistakes=["Failing to smile at the customer."])
    topic_file(tmp_path, "other", concepts=FILLER[2:] + [("Upselling", "Offering a better version of the product.")])
    bank = _bank(tmp_path)
    assert not [i for i in bank.items if isinstance(i, Matching) and i.topic == "tiny"]
    for item in bank.items:
        if isinstance(item, MultipleChoice):
            assert len(item.choices) >= 3


@pytest.mark.parametrize("subject", [BIOLOGY, ACCOUNTING, HISTORY], ids=["biology", "accounting", "history"])
def test_other_subjects_get_every_family_and_clean_options(tmp_path, subject):
    topic_file(tmp_path, "subject", **subject)
    bank = _bank(tmp_path)
    families = Counter(i.family for i in bank.items)
    # Concept, matching and misconception items are skipped where no sound form exists (a cue the
    # testwise learner uses, fewer than four clean pairs, no true statement to balance a false one).
    # A model is put in order only where its elements have an order (biology's PMAT stages; not
    # accounting's DEALER, a list of account types).
    assert {"essay"} | ({"model"} if "PMAT" in str(subject) else set()) <= set(families), families
    for item in bank.items:
        if isinstance(item, MultipleChoice):
            for c in item.choices:
                assert c.text[:1].isupper() or c.text[:1].isdigit(), c.text
                assert not c.text.endswith("."), c.text
                assert c.feedback
    stats = bank_stats(bank.items)
    assert stats["key_unique_longest_minus_chance"] <= 0.05
    assert stats["mean_option_length_cv"] <= 0.25


def test_both_subjects_together_keep_distractors_within_subject_where_possible(tmp_path):
    topic_file(tmp_path, "biology", **BIOLOGY)
    topic_file(tmp_path, "accounting", **ACCOUNTING)
    bank = _bank(tmp_path)
    bio_terms = {t.lower() for t, _ in BIOLOGY["concepts"]}
    for item in bank.items:
        if item.family == "concept" and item.topic == "accounting" and isinstance(item, MultipleChoice):
            assert not {c.text.lower() for c in item.choices} & bio_terms, item.stem


def test_cli_build_prints_the_conflict_warning(tmp_path):
    src = tmp_path / "topics"
    src.mkdir()
    topic_file(src, "a", concepts=FILLER + [("Model", "Uses HEAT (Hear, Empathise, Apologise, Take action).")])
    topic_file(src, "b", concepts=FILLER + [("Other model", "Uses HEAT (Hear, Empathise, Apologise, Take ownership).")])
    result = build([src], tmp_path / "out")
    assert any("HEAT letter T" in str(d) and str(d).startswith(str(d.path)) for d in result.diagnostics)
    assert build_facts(result.bank.topics).contested("HEAT", 3)


def test_adding_other_subjects_does_not_change_what_counts_as_a_synonym(tmp_path):
    import shutil

    from conftest import TOPICS

    for f in TOPICS.glob("*.txt"):
        shutil.copy(f, tmp_path / f.name)
    alone = _bank(tmp_path)
    topic_file(tmp_path, "biology", **BIOLOGY)
    topic_file(tmp_path, "accounting", **ACCOUNTING)
    together = _bank(tmp_path)
    # the customer-service items keep their keys: the same concept items, the same matching items
    concept_alone = {i.id for i in alone.items if i.family in ("concept", "matching")}
    assert concept_alone and concept_alone <= {i.id for i in together.items if i.family in ("concept", "matching")}
    stats = bank_stats(together.items)
    assert stats["key_position_p"] >= 0.05 and stats["mean_option_length_cv"] <= 0.25


def test_mistakes_written_in_other_habits_are_still_used(tmp_path):
    topic_file(tmp_path, "history", **HISTORY)
    bank = _bank(tmp_path)
    beliefs = {i.stem: i.answer for i in bank.items if isinstance(i, TrueFalse) and i.family == "misconception"}
    # "The belief that X" gives the false claim X (asked as true/false only beside a true partner)
    from qbank.generate.misconceptions import read
    from qbank.model import Bullet, Source

    belief = read(Bullet("The belief that the Treaty of Versailles was negotiated with Germany at the table.",
                         Source("h", 1))).claim
    assert belief == "The Treaty of Versailles was negotiated with Germany at the table"
    assert all(answer is False for stem, answer in beliefs.items() if "Versailles" in stem)
    # "Mixing up A and B" gives no "A and B are the same thing": that form is always false, a learner rejects it unread
    assert not any("same thing" in s for s in beliefs)
    # "... was the only cause": an absolute word decides it, so no true/false statement
    assert not any("only cause" in s for s in beliefs)
    keys = {c.text for i in bank.items if isinstance(i, MultipleChoice) and i.family == "misconception"
            for c in i.choices if c.correct}
    assert not any(k.startswith(("Believing", "Assuming", "Failing", "Mixing")) for k in keys)
    # (the prompt names no word of its title, "History": it is set in that context)
    essays = {re.sub(r"^In the context of [^:]+: ", "", i.stem) for i in bank.items if i.family == "essay"}
    assert "Explain how the alliance system turned a local crisis into a general war." in essays
    assert any(isinstance(i, Ordering) and i.general_feedback.startswith("PEEL:") for i in bank.items)


def test_a_mistake_that_another_file_recommends_is_reported_and_not_keyed(tmp_path):
    contested = "Using scripted responses for every routine customer call"
    topic_file(tmp_path, "a", concepts=FILLER, mistakes=[
        contested + ", leading to robotic service.",
        "Failing to log the outcome of each call in the customer record.",
        "Neglecting to confirm the customer's preferred contact method.",
        "Not involving the team leader when a complaint is escalated.",
    ], tips=["Keep a copy of every call summary you write for the portfolio."])
    topic_file(tmp_path, "b", concepts=FILLER, tips=["Use scripted responses for every routine customer call."])
    bank = _bank(tmp_path)
    warn = [d for d in bank.diagnostics if "recommended in" in d.message]
    assert len(warn) == 1 and warn[0].path.endswith("a.txt") and "b.txt:" in warn[0].message
    for item in bank.items:
        if isinstance(item, MultipleChoice) and item.family == "misconception":
            assert not any(c.correct and c.text.startswith("Using scripted") for c in item.choices)


def test_definitions_that_open_with_their_term_do_not_give_it_away(tmp_path):
    # Five separation and reaction processes: options of one kind (kinds.kind), so items can be set
    # ("the process of" each: "a reaction" is a kind of its own since h52, not a worker's activity).
    topic_file(tmp_path, "chemistry", concepts=[
        ("Electrolysis", "Electrolysis is the decomposition of a compound by an electric current."),
        ("Distillation", "Distillation is the separation of a liquid mixture by boiling and condensing."),
        ("Neutralisation", "Neutralisation is the process of reacting an acid with a base to give a salt and water."),
        ("Chromatography", "Chromatography is the separation of dissolved substances as a solvent carries them."),
        ("Combustion", "Combustion is the process of burning a fuel in oxygen, releasing heat and light."),
    ])
    bank = _bank(tmp_path)
    concept_items = [i for i in bank.items if i.family == "concept" and isinstance(i, MultipleChoice)]
    assert len(concept_items) >= 4  # the rest left a cue the testwise learner uses: skipped
    leads = ("electrolysis is", "distillation is", "neutralisation is", "chromatography is", "combustion is")
    for item in concept_items:
        for c in item.choices:
            assert not c.text.lower().startswith(leads)
        assert not any(lead in item.stem.lower() for lead in leads)


def test_a_long_concept_list_is_split_into_several_matching_items(tmp_path):
    concepts = [(f"Stage {w}", f"The step of the widget process in which {d}.") for w, d in [
        ("intake", "orders are logged"), ("sorting", "parts are graded"), ("cutting", "blanks are shaped"),
        ("welding", "joints are fused"), ("painting", "coats are applied"), ("curing", "paint hardens"),
        ("testing", "loads are checked"), ("packing", "goods are boxed"), ("shipping", "crates leave the site"),
        ("invoicing", "bills are raised"), ("support", "faults are fixed")]]
    topic_file(tmp_path, "widgets", concepts=concepts,
               mistakes=["Don't assume that painting can start before welding is inspected.",
                         "Avoid skipping the load test when the order is urgent."])
    bank = _bank(tmp_path)
    matching = [i for i in bank.items if isinstance(i, Matching)]
    assert len(matching) == 2 and all(4 <= len(m.pairs) <= 6 and m.extra_answers for m in matching)
    prompts = [p.prompt for m in matching for p in m.pairs]
    assert len(prompts) == len(set(prompts))
    from qbank.generate.misconceptions import read
    from qbank.model import Bullet, Source

    # "Don't assume that X" holds the belief X (whether a true/false item asks it depends on a partner)
    belief = read(Bullet("Don't assume that painting can start before welding is inspected.", Source("w", 1))).claim
    assert belief == "Painting can start before welding is inspected"


def test_near_identical_concepts_in_two_files_give_one_pair_of_items(tmp_path):
    topic_file(tmp_path, "a", concepts=FILLER + [
        ("Service excellence", "Delivering service that meets or exceeds customer expectations at every moment of truth.")])
    topic_file(tmp_path, "b", concepts=[("Loyalty", "Repeat custom that comes from trust over time."),
                                        ("Churn", "The rate at which customers stop buying from a business."),
                                        ("Upselling", "Offering a better version of what the customer already wants."),
                                        ("Service Excellence",
                                         "Delivering service that consistently meets or exceeds customer expectations.")])
    bank = _bank(tmp_path)
    keyed = [i for i in bank.items if isinstance(i, MultipleChoice) and i.family == "concept"
             and any(c.correct and c.text.lower() == "service excellence" for c in i.choices)]
    assert len(keyed) <= 1 and all(i.topic == "a" for i in keyed)


def test_word_family_synonyms_and_definitions_naming_another_term(tmp_path):
    topic_file(tmp_path, "plants-a", concepts=[
        ("Photosynthesis", "The process by which green plants make glucose from carbon dioxide and water using light."),
        ("Transpiration", "The loss of water vapour from leaves through the stomata."),
        ("Stomata", "Pores in the leaf surface that let gases in and out."),
        ("Xylem", "Vessels that carry water and minerals up from the roots."),
    ])
    topic_file(tmp_path, "plants-b", concepts=[
        ("Photosynthetic process", "How green plants convert light energy into chemical energy stored in glucose."),
        ("Water loss from leaves", "Evaporation of water from the leaf through stomata, known as transpiration."),
        ("Guard cells", "Cells that open and close the stomata."),
        ("Root hair cells", "Cells with a large surface area that absorb water and mineral ions from the soil."),
    ])
    bank = _bank(tmp_path)
    pairs = [{"photosynthesis", "photosynthetic process"}, {"transpiration", "water loss from leaves"}]
    photo_b = "how green plants convert light energy"
    for item in bank.items:
        if isinstance(item, MultipleChoice) and item.family == "concept":
            texts = {c.text.lower() for c in item.choices}
            assert all(len(texts & p) <= 1 for p in pairs), item.stem
            if "photosynthesis" in item.stem.lower():
                assert not any(photo_b in c.text.lower() and not c.correct for c in item.choices)


def test_names_spelled_out_either_way_become_abbreviation_items(tmp_path):
    topic_file(tmp_path, "compliance", concepts=FILLER + [
        ("Data law", "Handling personal data under GDPR (General Data Protection Regulation)."),
        ("Safety law", "Following guidance from the Health and Safety Executive (HSE) at work."),
        ("Protection", "Issuing Personal Protective Equipment (PPE) suited to each task."),
        ("Standards", "Meeting ISO (International Organization for Standardization) requirements."),
    ])
    bank = _bank(tmp_path)
    asked = {i.stem: i for i in bank.items if i.stem.startswith("What does the abbreviation")}
    found = build_facts(bank.topics).expansions
    # ISO is not the initials of its name: it is not taken for an abbreviation of that name
    assert {"GDPR", "HSE", "PPE"} <= set(found) and "ISO" not in found
    assert found["HSE"][0].phrase == "Health and Safety Executive"
    # ... but no "What does HSE stand for?": only the key's initials would spell HSE, so the
    # initials alone would answer it (an item is asked only when distractors share the initials)
    assert asked == {}


def test_sentence_casing_keeps_single_capital_letters_and_acronyms(tmp_path):
    # Five conditions: options of one kind (kinds.kind), so items can be set.
    concepts = [("Vitamin A Deficiency", "A condition caused by too little retinol, impairing night vision and immunity."),
                ("Type 2 Diabetes", "A long-term condition in which the body does not respond properly to insulin."),
                ("Scurvy", "A disease caused by a lack of vitamin C, giving bleeding gums and slow healing."),
                ("Rickets", "A disease of children in which the bones soften, from too little vitamin D or calcium."),
                ("COPD Flare-up", "A condition in which breathing suddenly worsens in a person with long-term lung disease.")]
    bank = build_bank(read_topics([topic_file(tmp_path, "nutrition", concepts=concepts)])[0])
    options = {c.text for item in bank.items if isinstance(item, MultipleChoice) for c in item.choices}
    assert "Vitamin A deficiency" in options and "COPD flare-up" in options
    assert not any("vitamin a " in o.casefold() and "Vitamin a" in o for o in options)


def test_good_practice_made_from_a_mistake_drops_its_consequence(tmp_path):
    """'Failing to patch …, leaving holes open' must not become the nonsense 'Patching …, leaving holes open'."""
    topic_file(tmp_path, "security", **{**BIOLOGY, "mistakes": [
        "Failing to patch software promptly, leaving known vulnerabilities open to attackers.",
        "Neglecting to back up data regularly, exposing the organisation to permanent data loss.",
        "Assuming that a firewall alone protects a network from all attacks.",
        "Confusing encryption with hashing.",
        "Sharing one administrator password among the whole support team, exposing every account to attackers.",
    ]})
    from qbank.generate.practice import corrective

    fixed = corrective("Failing to patch software promptly, leaving known vulnerabilities open to attackers.")
    assert fixed.startswith("Patching software promptly") and "leaving" not in fixed
    fixed = corrective("Neglecting to back up data regularly, exposing the organisation to permanent data loss.")
    assert fixed.startswith("Backing up data regularly") and "exposing" not in fixed


def test_distractors_come_from_the_same_subject_before_any_other(tmp_path):
    """Built beside the customer-service topics, a security topic's items keep to security."""
    import shutil
    from conftest import TOPICS
    shutil.copytree(TOPICS, tmp_path / "bank")
    topic_file(tmp_path / "bank", "network-security", concepts=[
        ("Firewall", "A device or program that filters network traffic according to a set of rules."),
        ("Phishing", "A social engineering attack in which fraudulent messages trick users into revealing passwords."),
        ("Encryption", "Transforming data with a key so that only authorised parties can read it."),
        ("Multi-factor authentication (MFA)", "Requiring two or more independent proofs of identity to sign in."),
        ("Principle of least privilege", "Giving each user and process only the access rights they need."),
        ("Patching", "Applying the updates a vendor releases to close known security holes."),
        ("Hashing", "Turning data into a fixed-length digest that cannot be turned back into the original."),
    ], tips=["Link each control you recommend to the specific threat it mitigates."],
        mistakes=["Failing to patch software promptly, leaving known vulnerabilities open to attackers.",
                  "Confusing encryption with hashing, which cannot be reversed."],
        marking=["Award credit for justifying at least two controls with reference to identified risks."])
    bank = _bank(tmp_path / "bank")
    security = [i for i in bank.items if i.topic == "network-security"]
    assert security
    customer_words = ("customer", "partner", "service level", "team", "complaint")
    for item in security:
        if isinstance(item, MultipleChoice) and item.family == "concept":
            assert not any(w in c.text.casefold() for c in item.choices for w in customer_words), item.title
    # MFA's only fellow abbreviations are customer-service ones: no plausible distractors, no item
    assert not any(i.title == "Abbreviation: MFA" for i in security)
