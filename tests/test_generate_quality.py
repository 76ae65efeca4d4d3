"""Issue 11 (generator): items an examiner keeps and a testwise learner cannot game.

Each test plants one fault in a small topic file (or uses the other-subject notes in
tests/data/subjects, written by someone who had not read the generator) and checks the rule.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

from lxml import etree

from qbank.build import build
from qbank.generate import build_bank
from qbank.generate.concepts import clang
from qbank.generate.misconceptions import read
from qbank.generate.text import from_gerund, to_gerund, trim, words
from qbank.model import Bullet, Essay, Matching, MultipleChoice, Ordering, Source, TrueFalse
from qbank.reader import read_topics
from topicmaker import topic_file

SUBJECTS = Path(__file__).resolve().parent / "data" / "subjects"
FILLER = [
    ("Active listening", "Giving full attention to the speaker and reflecting back what was heard."),
    ("Rapport", "A relationship of mutual trust that makes communication easier."),
    ("Escalation", "Passing an unresolved issue to someone with more authority to settle it."),
    ("Service recovery", "Actions taken to win back a customer after a service failure."),
]


def _bank(folder):
    topics, diags = read_topics([folder])
    return build_bank(topics, seed=0, diagnostics=diags)


def learner_texts(item) -> list[str]:
    """Everything a learner may see: title, stem, options, feedback."""
    out = [item.title, item.stem, item.general_feedback]
    if isinstance(item, MultipleChoice):
        out += [t for c in item.choices for t in (c.text, c.feedback)]
    elif isinstance(item, TrueFalse):
        out += [item.feedback_true, item.feedback_false]
    elif isinstance(item, Matching):
        out += [t for p in item.pairs for t in (p.prompt, p.answer)] + list(item.extra_answers)
    elif isinstance(item, Ordering):
        out += list(item.steps)
    return out


def _bullet(text: str) -> Bullet:
    return Bullet(text, Source("t.txt", 1))


# --- 4. nothing internal in learner-visible text ------------------------------------------


def test_hash_file_names_never_reach_learners_and_word_names_do(tmp_path):
    mistakes = ["Quoting a final price before the technician has inspected the car.",
                "Booking a vehicle into a bay that has no free technician that day."]
    tips = ["Check the customer's contact number at each visit.", "Record each complaint in the log with the date."]
    topic_file(tmp_path, "000_dafe41cd17af29c6", concepts=FILLER, mistakes=mistakes, tips=tips)
    topic_file(tmp_path, "a91f03c2e7", concepts=FILLER[:3] + [("Churn", "The rate at which customers stop buying.")],
               mistakes=mistakes[:1], tips=tips)
    topic_file(tmp_path, "vehicle-handover-checks", concepts=FILLER[1:] + [("Loyalty", "Repeat custom built on trust.")])
    bank = _bank(tmp_path)
    named = {t.slug: (t.named, t.title) for t in bank.topics}
    assert named["000-dafe41cd17af29c6"][0] is False and named["a91f03c2e7"][0] is False
    assert named["vehicle-handover-checks"] == (True, "Vehicle handover checks")
    internal = re.compile(r"dafe41cd|a91f03c2e7|\.txt|line \d|[\\/]")
    for item in bank.items:
        for text in learner_texts(item):
            assert not internal.search(text), (item.id, text)
    # sources stay where tutors look (bank.json, preview answer key)
    assert all(s.path.endswith(".txt") and s.line > 0 for i in bank.items for s in i.sources)


def test_a_title_line_names_the_topic_whatever_the_file_is_called(tmp_path):
    path = topic_file(tmp_path, "7f3a9c2e41b8", concepts=FILLER)
    path.write_text("Title: Workshop reception\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    (topic,), _ = read_topics([tmp_path])
    assert topic.named and topic.title == "Workshop reception"


# --- 2. no rewrite that changes meaning or breaks English --------------------------------


def test_qualifiers_are_never_dropped(tmp_path):
    topic_file(tmp_path, "partnerships", concepts=FILLER, mistakes=[
        "Assuming that a service partnership automatically improves service quality.",
        "Focusing solely on task allocation without considering team members' development.",
        "Believing that customers always complain when something goes wrong.",
    ], tips=["Agree service standards with each partner in writing.", "Review partner performance each quarter."])
    bank = _bank(tmp_path)
    for item in bank.items:
        for text in learner_texts(item):
            assert "partnership improves service quality" not in text, text  # 'automatically' dropped
            assert not re.search(r"Focusing on task allocation", text), text  # 'solely' dropped
            assert not re.search(r"customers complain when", text), text  # 'always' dropped


def test_trimming_never_leaves_a_fragment_or_cuts_a_list():
    listed = "A control thermostat; a high-limit thermostat that cuts out; and a relief valve that opens at 90°C"
    assert trim(listed) == listed  # the first of three is not what the term means
    assert trim("Methods, such as surveys") == "Methods, such as surveys"  # two words would be a fragment
    assert trim("Failing to patch software promptly, leaving holes open to attackers") == \
        "Failing to patch software promptly"  # a consequence: what remains is complete
    assert len(words(trim("Reviewing the partner's service levels every quarter, which keeps standards high"))) >= 5


def test_verb_forms_come_from_the_lexicon_not_suffix_rules():
    assert [to_gerund(v) for v in ("clarify", "plan", "analyse", "refer", "use")] == \
        ["clarifying", "planning", "analysing", "referring", "using"]
    assert from_gerund("prioritising") == "prioritise" and from_gerund("setting") == "set"
    assert from_gerund("blorping") is None  # unknown: no guessed base form


def test_a_word_that_is_not_a_verb_never_becomes_a_gerund(tmp_path):
    topic_file(tmp_path, "valves", concepts=FILLER, tips=[
        "Never lump the two relief valves together as one safety valve.",
        "Label the pipework before the system is filled."],
        mistakes=["Fitting the discharge pipe with a fall towards the cylinder."])
    texts = " ".join(t for i in _bank(tmp_path).items for t in learner_texts(i))
    assert "Nevering" not in texts


# --- 1. misconceptions: belief and correction, balanced true/false, homogeneous options -----


def test_a_misconception_is_split_into_belief_and_correction():
    r = read(_bullet("Thinking that intensity is the same as time – a longer session is not necessarily a harder one."))
    assert r.claim == "Intensity is the same as time" and r.correction == "A longer session is not necessarily a harder one"
    r = read(_bullet("Assuming seamless service is primarily an individual responsibility rather than requiring "
                     "concerted team effort and coordination."))
    assert r.claim == "Seamless service is primarily an individual responsibility" and r.correction is None
    r = read(_bullet("Believing the high-limit thermostat resets itself; it is non-self-resetting so that the cause "
                     "is investigated."))
    assert r.claim == "The high-limit thermostat resets itself"  # 'it is …' leans on a pronoun: no correction
    r = read(_bullet("It is a common mistake to think semi-permanent colour needs peroxide – it is used without a "
                     "developer, whereas quasi-permanent colour is mixed with a weak developer."))
    assert r.claim == "Semi-permanent colour needs peroxide"
    r = read(_bullet("Many learners put a large pot of stew straight into the fridge to cool; this warms the fridge."))
    assert r.mistake == "Putting a large pot of stew straight into the fridge to cool"


def test_true_false_uses_beliefs_and_corrections_and_is_balanced(tmp_path):
    mistakes = [
        "Thinking that intensity is the same as time – a longer session is not necessarily a harder one.",
        "Many learners believe sit-ups will burn fat from the stomach; sit-ups do not remove fat from one area.",
        "Believing that stretching before a session prevents every injury.",
        "Assuming that a heavier weight is better for a beginner than good technique.",
        "Thinking that muscle turns into fat when training stops.",
        "Believing that sweating more means a person is less fit.",
        "Thinking that rest days do not matter.",
    ]
    # (a definition's claim names its term: "Fitness gains are gradually lost …" alone is true of what?)
    concepts = [("Reversibility", "Fitness gains are reversible and are gradually lost when training stops or is cut back."),
                ("Specificity", "Adaptations are specific to the training done, so running improves running."),
                ("Overload", "Gradually raising the demand on the body beyond what it is used to."),
                ("Recovery time", "The rest between sessions in which the body repairs and adapts."),
                ("FITT", "Frequency, intensity, time and type: the four variables of a training plan."),
                ("Heart rate zone", "A band of beats per minute used to set how hard a session is."),
                ("Warm-up", "Light activity that raises body temperature before harder work."),
                ("Cool-down", "Easy activity after exercise that lets the heart rate fall gradually.")]
    topic_file(tmp_path, "fitness", concepts=concepts, mistakes=mistakes,
               synopsis="Fitness training: sit-ups and fat, stretching, weight and technique, muscle, sweating, rest days.")
    tf = [i for i in _bank(tmp_path).items if isinstance(i, TrueFalse)]
    answers = {i.stem: i.answer for i in tf}
    # "X is the same as Y" is false on sight and "not necessarily" is true on sight: neither is asked.
    assert "Intensity is the same as time." not in answers
    assert "A longer session is not necessarily a harder one." not in answers
    assert answers["Sit-ups do not remove fat from one area."] is True
    assert not any("every injury" in s for s in answers)  # an absolute word would decide it
    sources = [src for i in tf for src in i.sources]
    assert len(sources) == len(set(sources))  # one statement per bullet: a belief never meets its correction
    assert len(tf) >= 2 and sum(answers.values()) * 2 == len(tf)  # (a belief's mark is set only beside a marked truth)


def test_true_and_false_statements_come_in_pairs_alike_on_the_surface(tmp_path):
    """Corrections explain ("…, whereas …") and run long; beliefs are short and bare. A learner who
    answers "long and explained = True" must gain nothing: each true statement kept has a false one
    of like length, every surface feature is as common on both sides, and what has no partner is
    not asked."""
    from qbank.generate.misconceptions import PAIR_LENGTH, tf_features

    mistakes = [
        "Thinking that dry skin and dehydrated skin are one condition; in fact dry skin lacks sebum, whereas "
        "dehydrated skin lacks water and can even be oily.",
        "Believing that a lighter permanent tint will lift previously tinted hair.",
        "Assuming that one patch test is valid for every later colour service.",
        "Thinking that semi-permanent colour needs hydrogen peroxide.",
        "Believing that a therapist may name a skin disease to the client; in fact a therapist refers the client "
        "to a doctor.",
        "Many learners believe a strand test is optional; a strand test shows how the colour will develop.",
    ]
    topic_file(tmp_path, "colour", concepts=FILLER, mistakes=mistakes)
    tf = [i for i in _bank(tmp_path).items if isinstance(i, TrueFalse)]
    trues = [i.stem for i in tf if i.answer]
    falses = [i.stem for i in tf if not i.answer]
    assert tf and len(trues) == len(falses)
    assert not any("whereas" in s for s in trues)  # the long explained correction has no bare partner
    from qbank.generate.misconceptions import tf_features as features
    # sweeping words mark beliefs, advice marks rules: each is a feature a pair must share
    assert features("Any coolant loss means a failed head gasket.") != features("A coolant leak shows as a white residue.")
    assert features("Plums should be pruned in summer.") != features("Plums are pruned in winter.")
    # a verdict a belief passes on itself is a feature too ("fine", "enough", "the best")
    assert features("Plain water is fine in summer.") != features("Plain water corrodes the pump.")
    assert features("A paper record is enough.") != features("A paper record is kept.")
    # every surface feature is as common among the true statements as among the false ones (±1)
    from qbank.generate.misconceptions import MAX_FEATURE_IMBALANCE
    for k in range(len(tf_features(trues[0]))):
        assert abs(sum(tf_features(t)[k] for t in trues) - sum(tf_features(f)[k] for f in falses)) <= MAX_FEATURE_IMBALANCE
    # and lengths come in like pairs
    for t in trues:
        assert any(max(len(t), len(f)) / min(len(t), len(f)) <= PAIR_LENGTH for f in falses), t


def test_no_spot_the_mistake_or_what_is_wrong_items_and_coverage_says_why(tmp_path):
    """Examiners rejected both forms on notes in other subjects: the distractors of "which is a
    mistake?" were exam tips or self-evidently good practice ("Distinguishing …"), and those of
    "what is wrong with this?" true statements about something else. Neither is set; a practice
    mistake with no belief is listed by coverage with the reason."""
    from qbank.generate.coverage import bank_coverage

    topic_file(tmp_path, "reception", concepts=FILLER, mistakes=[
        "Quoting a final price before the technician has inspected the car.",
        "Booking a vehicle into a bay that has no free technician that day.",
        "Handing the keys back before the customer has signed the job card.",
        "Thinking that intensity is the same as time – a longer session is not necessarily a harder one.",
        "Many learners believe a courtesy car is free to every customer; in fact it depends on the warranty.",
    ], tips=[
        "Check the customer's contact number at each visit to the workshop.",
        "Record each complaint in the log with the date and the outcome.",
    ])
    bank = _bank(tmp_path)
    stems = [i.stem for i in bank.items]
    assert not [s for s in stems if "common mistake" in s or "What is wrong" in s or "Select all" in s]
    uncovered = bank_coverage(bank)["misconceptions"]["uncovered"]
    quoting = [u for u in uncovered if u["text"].startswith("Quoting a final price")]
    assert quoting and "no neutral good practice" in quoting[0]["reason"]


# --- 3. cues removed ------------------------------------------------------------------------


def test_a_term_its_words_or_initials_never_describe_it():
    # an expansion whose minor words give a letter ("of" -> the O of COSHH)
    assert clang("COSHH", "The Control of Substances Hazardous to Health Regulations 2002 apply to fluxes")
    assert not clang("COSHH", "Regulations on storing hazardous chemicals and reading safety data sheets")
    assert clang("Complaint handling", "Resolving customer complaints quickly")
    assert clang("HACCP", "A preventive system: Hazard Analysis and Critical Control Point")
    assert clang("Service level agreements (SLAs)", "Targets written into SLAs with partners")
    assert not clang("Danger zone", "The range 5°C to 63°C, where bacteria can multiply")
    assert not clang("Customer journey mapping", "Charting the stages a customer goes through",
                     frozenset({"custom"}))  # a word every term of the course has is no cue
    # a formula named by its own symbols (learners matched "C1 and V1 … C2 and V2" to "C1V1 = C2V2")
    assert clang("C1V1 = C2V2", "The dilution equation, where C1 and V1 are the stock used and C2 and V2 the solution wanted")
    assert not clang("C1V1 = C2V2", "Working out how much stock solution to dilute to reach a wanted concentration")


def test_concept_stems_and_matching_pairs_are_not_solved_by_shared_words(tmp_path):
    topic_file(tmp_path, "kitchen", concepts=[
        ("Complaint handling", "Resolving complaints from diners in a calm, structured way."),
        ("HACCP", "A preventive system: Hazard Analysis and Critical Control Point."),
        ("Danger zone", "The range 5°C to 63°C, where most food poisoning bacteria multiply."),
        ("Hot holding", "Keeping cooked food at 63°C or above until it is served."),
        ("Cold holding", "Keeping chilled food at 8°C or below until it is used."),
        ("Core temperature", "The reading at the thickest part of the food, taken with a probe."),
        ("Probe thermometer", "A clean, calibrated instrument pushed into food to read its temperature."),
    ])
    bank = _bank(tmp_path)
    for item in bank.items:
        if item.family == "concept" and isinstance(item, MultipleChoice):
            key = next(c.text for c in item.choices if c.correct)
            assert key not in ("Complaint handling", "HACCP") or "described here" not in item.stem, item.stem
        if isinstance(item, Matching):
            for p in item.pairs:
                assert p.prompt not in ("Complaint handling", "HACCP"), p


def test_no_abbreviation_item_that_initials_answer(tmp_path):
    topic_file(tmp_path, "law", concepts=FILLER + [
        ("Data law", "Handling personal data under GDPR (General Data Protection Regulation)."),
        ("Safety law", "Following guidance from the Health and Safety Executive (HSE) at work."),
        ("Protection", "Issuing Personal Protective Equipment (PPE) suited to each task."),
    ])
    assert not [i for i in _bank(tmp_path).items if i.stem.startswith("What does the abbreviation")]


# --- 5. no item answers another ------------------------------------------------------------


def test_a_variant_group_is_one_moodle_category_even_across_families(built):
    """The bundled bank's HEAT group holds model, scenario and concept items: written under each
    family, it was three categories in one topic, and a quiz drawing one question from each showed
    every variant."""
    items = built.bank.items
    mixed = [g for g in {i.group for i in items if i.group} if len({i.family for i in items if i.group == g}) > 1]
    assert mixed, "the bundled bank has a group spanning two families"
    tree = etree.parse(str(built.out_dir / "moodle.xml"))
    where, category = {}, ""
    for q in tree.getroot().iter("question"):
        if q.get("type") == "category":
            category = q.findtext("category/text")
        else:
            where[q.findtext("idnumber")] = category
    for group in mixed:  # per topic: a Moodle category belongs to one topic (see docs/generation.md)
        for topic in {i.topic for i in items if i.group == group}:
            cats = {where[i.id] for i in items if i.group == group and i.topic == topic and i.id in where}
            assert len(cats) == 1 and next(iter(cats)).endswith("/Variants " + group), cats


def test_items_on_one_fact_share_a_group_and_a_moodle_category(tmp_path):
    src = tmp_path / "topics"
    src.mkdir()
    for f in SUBJECTS.glob("*.txt"):
        shutil.copy(f, src / f.name)
    result = build([src], tmp_path / "out", formats=["moodle-xml"])
    items = result.bank.items
    groups = Counter(i.group for i in items if i.group)
    assert all(n >= 2 for n in groups.values())  # a group of one is no group
    # the two directions of one concept (and its true/false statement) are variants of one question
    for item in items:
        if item.family == "concept" and isinstance(item, MultipleChoice):
            twins = [o for o in items if o.family == "concept" and o is not item and o.sources[0] == item.sources[0]]
            assert all(o.group == item.group != "" for o in twins), item.id
    tree = etree.parse(str(tmp_path / "out" / "moodle.xml"))
    where = {}
    category = ""
    for q in tree.getroot().iter("question"):
        if q.get("type") == "category":
            category = q.findtext("category/text")
        else:
            where[q.findtext("idnumber")] = category
    for group in groups:
        cats = {where[i.id] for i in items if i.group == group and i.id in where}
        assert len(cats) == 1 and next(iter(cats)).endswith("/Variants " + group)


# --- the other-subject notes: measured as a whole -----------------------------------------


def test_other_subject_notes_keep_the_rules(tmp_path):
    for f in SUBJECTS.glob("*.txt"):
        shutil.copy(f, tmp_path / f.name)
    bank = _bank(tmp_path)
    tf = [i.answer for i in bank.items if isinstance(i, TrueFalse)]
    assert len(tf) >= 2 and sum(tf) * 2 == len(tf)  # matched pairs: exactly half true
    shown = [i.stem.split(" means: ", 1)[1] for i in bank.items if isinstance(i, TrueFalse) and " means: " in i.stem]
    assert not shown  # no "X means: <another term's definition>" statements: false on sight
    internal = re.compile(r"\.txt|line \d|011_7e2a|024_c0d9|3f8c21d9|b52e7d10")
    for item in bank.items:
        assert all(not internal.search(t) for t in learner_texts(item)), item.id
        if isinstance(item, Essay):
            continue
        assert "common mistake" not in item.stem and "What is wrong" not in item.stem


def test_true_false_pairs_survive_the_later_filters():
    """A statement dropped after the family paired it (a leak, a statement that leans on its bullet)
    must not leave its partner alone: the bank is re-paired, unpaired items dropped."""
    from qbank.generate import keep_true_false_pairs

    def tf(n, stem, answer):
        return TrueFalse(id=f"tf{n}", family="misconception", topic="t", title="t", stem=stem, answer=answer)

    items = [tf(1, "Drawings are a business expense.", False),
             tf(2, "The business collects VAT for HMRC.", True),
             tf(3, "A trial balance lists every ledger balance, debits in one column and credits in the other.", True),
             tf(4, "Money paid into the bank is a debit in the cash book.", True)]
    kept = keep_true_false_pairs(items)
    assert [i.id for i in kept] == ["tf1", "tf2"]
    assert keep_true_false_pairs(items[2:]) == []  # true only: nothing to pair with


def test_a_letter_plural_keeps_its_capital():
    from qbank.generate.text import sentence_case

    assert sentence_case("The 4 Cs") == "The 4 Cs"
    assert sentence_case("Customer Service Excellence") == "Customer service excellence"


def test_a_straw_man_is_never_the_misconception_key(tmp_path):
    """'X and Y are the same thing' is the misconception on sight, beside true claims."""
    topic_file(tmp_path, "bricks", concepts=[
        ("English bond", "A bond of alternate courses of headers and stretchers in a one-brick wall."),
        ("Garden wall bond", "A bond of three courses of stretchers to one course of headers."),
        ("Mortar", "A mix of cement, lime and sand that binds the bricks; lime improves workability."),
        ("Gauge", "The height of courses is checked with a gauge rod marked every 75 mm."),
    ], mistakes=["Thinking that English bond and English garden wall bond are the same thing.",
                 "Believing that a stronger mortar is better for every wall."])
    keys = [c.text for i in _bank(tmp_path).items if isinstance(i, MultipleChoice) for c in i.choices if c.correct]
    assert not [k for k in keys if "same thing" in k]


def test_a_cut_never_leaves_a_one_word_sentence():
    from qbank.generate.text import trim

    text = ("A condition that prevents or restricts a treatment. Conditions that prevent a manicure include "
            "warts and broken skin. Restrictions, such as a small cut that can be covered, mean the treatment "
            "can go ahead with adaptation.")
    assert not trim(text).endswith("Restrictions")
    assert trim("Checking the seals before starting the pump, such as the shaft seal and the gaskets") == \
        "Checking the seals before starting the pump"


def test_a_belief_is_cut_before_its_rebuttal():
    """'…, but …' turns to the correction; '…, without first checking …' is the practice error:
    neither stays in the false statement (it would refute itself)."""
    from qbank.model import Bullet, Source

    r = read(Bullet("Thinking plain water is fine in summer, but without inhibitors the system corrodes.", Source("c", 1)))
    assert r.claim == "Plain water is fine in summer"
    r = read(Bullet("Assuming any coolant loss means a failed head gasket, without first checking for leaks.", Source("c", 2)))
    assert r.claim == "Any coolant loss means a failed head gasket" and r.correction is None
    r = read(Bullet("Believing white spots are caused by lack of calcium, but leuconychia is usually a knock to the "
                    "nail matrix.", Source("c", 3)))
    assert r.claim == "White spots are caused by lack of calcium" and r.correction.startswith("Leuconychia is usually")
    r = read(Bullet("Assuming that work can start without a permit.", Source("c", 4)))
    assert r.claim == "Work can start without a permit"  # no comma: the belief's own content


def test_a_definition_that_names_something_is_no_true_statement():
    from qbank.generate.misconceptions import noun_phrase_only

    assert noun_phrase_only("The ability to make a particular decision at the time it needs to be made")
    assert not noun_phrase_only("Solder flows towards the heat")
    assert not noun_phrase_only("Stone fruit such as plums should be pruned in summer")
    assert noun_phrase_only("The own record of exactly what was received and accepted")  # "what …": still a noun phrase
    assert not noun_phrase_only("Staff must know what to do in a fire")


def test_a_belief_about_any_case_is_no_true_false_statement():
    """'Any hinge, latch or closer can go on a fire door': a claim about every case reads as the false
    one to a learner who knows nothing (enciphered learners marked it False on sight, 3 of 3)."""
    from qbank.generate.misconceptions import read, tf_statements
    from qbank.model import Bullet, Section, Source

    src = Source("t.txt", 9, Section.MISCONCEPTIONS)
    assert not [s for s, answer in tf_statements(read(Bullet(
        "Thinking any hinge, latch or closer can go on a fire door; in fact each must be certified.", src))) if not answer]
    assert [s for s, answer in tf_statements(read(Bullet(
        "Thinking plain hinges can go on a fire door; in fact each must be certified.", src))) if not answer]


def test_a_when_clause_is_the_mistakes_circumstance_not_its_correction():
    """'Reading parasitic drain right after locking the car, when modules are still awake and the figure
    is misleadingly high': 'Modules are still awake …' alone is a fragment, not a true statement."""
    from qbank.generate.misconceptions import read
    from qbank.model import Bullet, Section, Source

    src = Source("t.txt", 9, Section.MISCONCEPTIONS)
    circumstance = read(Bullet("Reading parasitic drain immediately after locking the car, when modules are still "
                               "awake and the figure is misleadingly high.", src))
    assert circumstance.correction is None
    corrected = read(Bullet("Believing a fused spur needs no earth, when in fact the wiring regulations require "
                            "an earth on every spur.", src))
    assert corrected.correction == "The wiring regulations require an earth on every spur"


def test_a_first_line_cut_inside_its_bracket_or_about_these_notes_is_no_title(tmp_path):
    """h48's examiner: "These notes go with the practical on laying natural stone slabs (Indian" (a sentence
    wrapped at the end of the file's first line) named the topic in every stem: broken English."""
    from qbank.reader import title_line

    assert title_line("These notes go with the practical on laying natural stone slabs (Indian") == ""
    assert title_line("This handout goes with the patio practical") == ""
    assert title_line("Laying a patio (Level 2 landscaping)") == "Laying a patio (Level 2 landscaping)"
    assert title_line("These notes on wall tiling") == "These notes on wall tiling"
    (tmp_path / "96089ec4.txt").write_text(
        "These notes go with the practical on laying natural stone slabs (Indian\nsandstone, limestone) on a mortar bed.\n\n"
        "Synopsis\nA patio lasts only as long as what is underneath it.\n\n"
        "Key terms\n- Sub-grade: the natural ground left after digging out.\n- Fall: the slope given to the surface.\n",
        encoding="utf-8")
    topics, _ = read_topics([tmp_path])
    assert "Indian" not in topics[0].title, topics[0].title


def test_a_column_of_terms_set_out_with_spaces_is_read_as_terms_even_with_colons_in_them(tmp_path):
    """h49: "PAYE                  Pay As You Earn: the system …" was read as the term "PAYE Pay As You Earn"
    (split at the colon in its definition), and the lines with no colon were skipped."""
    (tmp_path / "58bc2fd9.txt").write_text(
        "Payroll basics\n\nOverview\nFrom gross to net pay.\n\nKey terms\n\n"
        "PAYE                  Pay As You Earn: the system for collecting tax through payroll\n"
        "FPS                   Full Payment Submission: sent on or before each payday\n"
        "Tax code              Tells payroll how much tax-free pay to give\n"
        "BR / D0 / D1 / 0T / NT   All pay taxed at 20% / 40% / 45% / no allowance / no tax\n",
        encoding="utf-8")
    topics, _ = read_topics([tmp_path])
    assert [(c.term, c.definition[:20]) for c in topics[0].concepts] == [
        ("PAYE", "Pay As You Earn: the"), ("FPS", "Full Payment Submiss"), ("Tax code", "Tells payroll how mu"),
        ("BR / D0 / D1 / 0T / NT", "All pay taxed at 20%")]


def test_a_first_line_that_is_the_first_of_the_notes_headings_is_no_title(tmp_path):
    """h50's examiner: ">> Why this matters to you on shift" (prose under it, and ">> Terms", ">> Numbers" …
    below) named the topic in a stem. A title line over a subtitle or a blank line stays a title."""
    body = ("{first}\nEvery care plan, MAR chart and handover sheet about a person you support involves personal data.\n\n"
            ">> Terms - short definitions\n- Personal data: information about a living person.\n"
            "- Breach: a loss of personal data.\n\n>> Numbers\n- Report a breach within 72 hours.\n")
    (tmp_path / "e6049f3f.txt").write_text(body.format(first=">> Why this matters to you on shift"), encoding="utf-8")
    topics, _ = read_topics([tmp_path])
    assert "matters" not in topics[0].title, topics[0].title
    (tmp_path / "e6049f3f.txt").write_text("# Data protection for care staff\n\n# Overview\nHandling data.\n\n"
                                           "# Key terms\n- Breach: a loss of personal data.\n", encoding="utf-8")
    topics, _ = read_topics([tmp_path])
    assert topics[0].title == "Data protection for care staff"


def test_a_dashed_heading_a_term_by_its_numbers_and_a_reaction_among_tasks(tmp_path):
    """h52: "-- Numbers to know -------" (two dashes, then a rule) was no heading, so it and the steps below
    were read as key concepts; "3-4-5 method" was asked from "sides in the ratio 3:4:5"; "Hydration" (a
    chemical reaction) was offered among tamping and floating, tasks a worker does."""
    from qbank.generate.concepts import clang
    from qbank.generate.kinds import kind

    (tmp_path / "35b7ef49.txt").write_text(
        "Shed bases\n\nOverview\nCasting a concrete slab.\n\nKey terms\n- Tamping: compacting concrete with a board.\n"
        "- Floating: working the surface with a float.\n\n-- Numbers to know -----------------\n"
        "Slab thickness .... 100 mm\n\nExam tips\n- Learn the mix.\n", encoding="utf-8")
    topics, _ = read_topics([tmp_path])
    assert [c.term for c in topics[0].concepts] == ["Tamping", "Floating"]
    assert [h for _, h in topics[0].note_headings] == ["Numbers to know"]
    assert clang("3-4-5 method", "setting out a right angle with sides in the ratio 3:4:5.")
    assert not clang("Class 1 ladder", "rated for 175 kg")
    assert kind("the chemical reaction between cement and water") != kind("the process of compacting concrete")
