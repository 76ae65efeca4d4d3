"""The seven fault classes two examiners found in concept, matching, misconception and model items,
each planted in a small topic (tests/topicmaker.py) and shown to be kept out of the bank."""

from __future__ import annotations

import re

from topicmaker import topic_file

from qbank.audit.learner import narrow
from qbank.generate import build_bank
from qbank.generate.common import distractor_topics
from qbank.generate.facts import build_facts
from qbank.generate.text import content_stems
from qbank.model import Matching, MultipleChoice, TrueFalse
from qbank.reader import read_topics

OWN = ("concept", "matching", "misconception", "model")

COLOUR = dict(
    synopsis="Hair colouring: hydrogen peroxide, pigments and tests before colouring with hydrogen peroxide products.",
    concepts=[
        ("Natural pigment", "Melanin in the cortex gives hair its depth and warmth."),
        ("Developer", "Hydrogen peroxide cream that swells the cuticle and lets colour molecules in."),
        ("Skin test", "An allergy alert check carried out at least 48 hours before a permanent service."),
    ],
    mistakes=["Assuming that semi-permanent colour needs hydrogen peroxide; in fact it is deposited without developer."],
)
INFECTION = dict(
    synopsis="Infection control: hydrogen peroxide, chlorine and tests of cleaning in care settings with hydrogen peroxide products.",
    concepts=[
        ("Hand hygiene", "Washing with soap and water for at least 20 seconds before and after patient contact."),
        ("Blood spills", "Cleaned with a chlorine-releasing agent at the strength the policy sets."),
        ("Chain of infection", "The sequence by which a pathogen passes from a reservoir to a new host."),
        ("Sharps bin", "A rigid yellow container closed when three quarters full and never overfilled."),
        ("Linen bag", "A water-soluble bag inside a red outer bag that keeps soiled laundry contained."),
    ],
    mistakes=["Assuming that gloves replace hand hygiene; in fact hands are washed after gloves come off."],
)


def _bank(tmp_path, **topics):
    for name, spec in topics.items():
        topic_file(tmp_path, name, **spec)
    read, diags = read_topics([tmp_path])
    return read, build_bank(read, seed=0, diagnostics=diags)


def _texts(item) -> list[str]:
    if isinstance(item, MultipleChoice):
        return [c.text for c in item.choices]
    if isinstance(item, Matching):
        return [p.prompt for p in item.pairs] + [p.answer for p in item.pairs] + list(item.extra_answers)
    return [item.stem]


# 1. Distractors, spare answers and "true" options come from the item's own file only.
def test_distractor_pools_never_reach_another_subject(tmp_path):
    topics, bank = _bank(tmp_path, colour=COLOUR, infection=INFECTION)
    facts = build_facts(topics)
    colour = next(t for t in topics if t.slug == "colour")
    assert distractor_topics(colour, facts) == [colour]
    foreign = {c.term.casefold() for c in topics[1].concepts} | {c.definition.casefold().rstrip(".")
                                                                 for c in topics[1].concepts}
    colour_items = [i for i in bank.items if i.topic == "colour" and i.family in OWN]
    for item in colour_items:
        for text in _texts(item):
            assert text.casefold().rstrip(".") not in foreign, (item.id, text)
    # Three terms give no item with three distractors: the concept is skipped, not padded.
    assert not [i for i in colour_items if i.family == "concept"]


# 2. No "In the notes, X means: <other definition>" true/false; true/false stays 40-60% true.
def test_no_definition_swap_true_false_and_balance(tmp_path):
    beliefs = [f"Assuming that {x}." for x in (
        "drawings are a business expense", "records can be thrown away after filing",
        "a trial balance proves the ledgers correct", "cash and profit always match each month",
        "bank charges appear only at year end")]
    corrected = ["Believing that VAT is income of the business; in fact the business collects VAT for HMRC."]
    spec = dict(synopsis="Bookkeeping basics: drawings, records, the trial balance, cash and profit, bank charges and VAT.",
                concepts=[
        ("Ledger", "The book of accounts in which every transaction is posted."),
        ("Drawings", "Money or goods the owner takes out of the business for private use."),
        ("Accrual", "An expense incurred in the period but not yet paid at its end."),
        ("Prepayment", "An expense paid in advance of the period it belongs to.")],
        mistakes=beliefs + corrected)
    _, bank = _bank(tmp_path, books=spec)
    tf = [i for i in bank.items if isinstance(i, TrueFalse)]
    assert not [i for i in tf if i.family == "concept" or "means:" in i.stem or "In the notes" in i.stem]
    assert tf, "the correction still gives a true statement"
    share = sum(i.answer for i in tf) / len(tf)
    assert 0.4 <= share <= 0.6, [(i.answer, i.stem) for i in tf]


# 3. Terms whose description names them by a word, initials, a count of letters or an equation.
CUED = dict(
    synopsis="Mixed notes with terms their descriptions give away.",
    concepts=[
        ("The 4Cs", "The Food Standards Agency's four Cs of food hygiene that every kitchen follows."),
        ("NPK", "Nitrogen (N) for leaf growth, phosphorus (P) for roots and potassium (K) for flowers."),
        ("ABC analysis", "Ranking stock lines by value so that A items are counted more often than C items."),
        ("Accounting equation", "Assets = Capital + Liabilities, true after every transaction."),
        ("The 4 Rs", "Recognise, Respond, Record, Refer in that order when a concern is raised."),
        ("Safety stock", "A buffer held to cover unexpected rises in demand or late deliveries."),
        ("Lead time", "The number of days between placing an order and receiving the goods."),
        ("Stock rotation", "Issuing older goods before newer ones so nothing passes its date."),
        ("Cycle counting", "Counting a small part of the stock every day so the whole store is checked in a year."),
        ("Goods-in inspection", "Checking each delivery against the order and the delivery note before accepting it."),
    ],
)
GIVEAWAYS = {"The 4Cs", "NPK", "ABC analysis", "Accounting equation", "The 4 Rs"}


def test_cued_terms_give_no_item_and_kept_items_pass_the_testwise_learner(tmp_path):
    _, bank = _bank(tmp_path, cued=CUED)
    for item in bank.items:
        if item.family == "concept" and isinstance(item, MultipleChoice):
            key = next(c.text for c in item.choices if c.correct)
            assert key not in GIVEAWAYS, (item.stem, key)
            keep, cue = narrow(item.stem, [c.text for c in item.choices])
            assert len(keep) == len(item.choices), (item.stem, cue)
        if isinstance(item, Matching):
            assert not {p.prompt for p in item.pairs} & GIVEAWAYS


def test_matching_has_four_clean_pairs_and_a_spare_that_does_not_name_itself(tmp_path):
    spec = dict(synopsis="Work at height.", concepts=[
        ("Guardrails", "A main guardrail at least 950 mm above the edge of the platform."),  # names itself
        ("RIDDOR", "RIDDOR (the reporting regulations) covers injuries over seven days."),  # names itself
        ("Ladder", "Only for light work of short duration, set at 75 degrees."),
        ("Mobile tower", "A platform on castors that is never moved with a person on it."),
        ("Harness", "Fall arrest equipment clipped to an anchor rated for the load."),
        ("Hierarchy", "Avoid, prevent, then mitigate the consequences of a fall."),
        ("Toe board", "A barrier at the edge that stops tools and materials falling off."),
        ("Lanyard", "A short strap that links a worker's belt to an anchor point."),
        ("Podium step", "A low frame with a gated top for short tasks at a low height."),
    ])
    _, bank = _bank(tmp_path, height=spec)
    matching = [i for i in bank.items if isinstance(i, Matching)]
    assert matching
    for item in matching:
        assert len(item.pairs) >= 4
        for p in item.pairs:
            assert not content_stems(p.prompt) & content_stems(p.answer), p
        for spare in item.extra_answers:
            assert "RIDDOR" not in spare and "guardrail" not in spare.casefold()


def test_matching_with_fewer_than_four_clean_pairs_is_skipped(tmp_path):
    spec = dict(synopsis="Work at height.", concepts=[
        ("Guardrails", "A main guardrail at least 950 mm above the edge."),
        ("Scaffold inspection", "A scaffold is inspected before first use and every seven days."),
        ("Ladder", "Only for light work of short duration, set at 75 degrees."),
        ("Mobile tower", "A platform on castors that is never moved with a person on it."),
        ("Harness", "Fall arrest equipment clipped to an anchor rated for the load."),
    ])
    _, bank = _bank(tmp_path, height=spec)
    assert not [i for i in bank.items if isinstance(i, Matching)]


# 4. Feedback quotes the notes whole, in a grammatical frame.
def test_concept_feedback_quotes_whole_definitions(tmp_path):
    _, bank = _bank(tmp_path, cued=CUED)
    definitions = {c[0]: c[1] for c in CUED["concepts"]}
    items = [i for i in bank.items if i.family == "concept" and isinstance(i, MultipleChoice)]
    assert items
    for item in items:
        for c in item.choices:
            assert "\u2026" not in c.feedback and " means estimate" not in c.feedback
            if item.stem.startswith("Which term") and c.text in definitions:
                assert f"\u201c{definitions[c.text]}\u201d" in c.feedback, c.feedback


# 5. Stems test the trade, not "the notes".
def test_stems_do_not_lean_on_the_notes(tmp_path):
    _, bank = _bank(tmp_path, cued=CUED, colour=COLOUR, infection=INFECTION)
    for item in bank.items:
        if item.family in OWN:
            assert not re.search(r"\bthe notes\b", item.stem, re.IGNORECASE), item.stem


# 6. A belief and its own correction are never both true/false items; one fact, one group.
def test_no_mirror_true_false_pairs(tmp_path):
    spec = dict(synopsis="Fitness training: intensity, weight for a beginner, soreness, stretching, water intake and progress.",
                concepts=[
        ("Overload", "Gradually increasing the demand on the body beyond what it is used to."),
        ("Specificity", "Adaptations follow the training done, so running improves running."),
        ("Recovery", "The rest between sessions in which the body adapts to training.")],
        mistakes=["Assuming that intensity and duration are the same thing; in fact a longer session can be easier.",
                  "Believing that a heavy weight is better for a beginner; in fact a heavy weight raises the risk of injury.",
                  "Assuming that stretching before a sprint prevents injury; in fact a dynamic warm-up prepares the muscles for sprinting.",
                  "Thinking that soreness is needed for progress; in fact soreness is a sign of unfamiliar work.",
                  "Thinking that water intake does not matter during training; in fact water intake affects performance."])
    _, bank = _bank(tmp_path, fit=spec)
    tf = [i for i in bank.items if isinstance(i, TrueFalse)]
    assert tf
    sources = [s for i in tf for s in i.sources]
    assert len(sources) == len(set(sources)), "two true/false items on one bullet"
    assert not [i for i in tf if "same thing" in i.stem or "not necessarily" in i.stem]
    for i in tf:  # feedback never calls the true statement itself a mistake
        if i.answer:
            assert "this is true. The notes list" not in i.feedback_true


# 7. "Which is a misconception" / "what is wrong" options are about the same thing as the key.
def test_misconception_options_are_about_the_same_concept(tmp_path):
    spec = dict(synopsis="Stock control.", concepts=[
        ("FIFO", "The oldest stock is issued first, so goods do not age on the shelf."),
        ("Safety stock", "Safety stock is a buffer held to cover unexpected rises in demand."),
        ("Cycle counting", "Cycle counting checks a small section of the warehouse each day."),
        ("Stock accuracy", "Stock accuracy is the share of locations counted correctly.")],
        mistakes=["Believing that the lead time of a supplier stays fixed whatever the order size; "
                  "in fact lead time varies with the season.",
                  "Thinking that a supplier delivers on the promised day in every season; "
                  "in fact late deliveries are common in winter."])
    _, bank = _bank(tmp_path, stock=spec)
    # Definitions about FIFO or safety stock are true but beside the point of a belief about lead time.
    for item in bank.items:
        if item.family == "misconception" and isinstance(item, MultipleChoice) and not item.multiple:
            key = next(c for c in item.choices if c.correct)
            subject = content_stems(key.text, drop_generic=True)
            if "What is wrong" in item.stem:
                subject = content_stems(item.stem, drop_generic=True)
            for c in item.choices:
                assert subject & content_stems(c.text, drop_generic=True), (item.stem, c.text)


def test_a_definition_that_only_says_what_its_term_is_is_no_true_claim(tmp_path):
    """'Which is a misconception?' offered 'The British Standard for tyre repairs' and 'A number coding
    the maximum load one tyre can carry …' as true statements beside the belief (the first sentences
    of two definitions, with no subject): the one complete claim was the key. A first sentence that
    opens 'A …' / 'The …' and says what its term is claims nothing; one with its own verb does."""
    from qbank.generate.facts import build_facts
    from qbank.generate.misconceptions import true_claims

    topic_file(tmp_path, "tyres", concepts=[
        ("BS AU 159", "The British Standard for tyre repairs. It allows repairs only in the central three-quarters of the tread."),
        ("Load index", "A number coding the maximum load one tyre can carry at its correct pressure; 91 means 615 kg."),
        ("Tread depth", "The legal minimum for cars is 1.6 mm across the central three-quarters of the tread."),
        # (a first sentence names at least half its term's words: "… when a run-flat tyre is driven")
        ("Run-flat damage", "The inner liner is damaged when a run-flat tyre is driven while deflated.")],
        mistakes=["Believing a plug pushed in from outside is a permanent repair; it does not meet BS AU 159."])
    topics, _ = read_topics([tmp_path])
    claims = [t.text for t in true_claims(topics[0], build_facts(topics))]
    assert not [c for c in claims if c.startswith(("The British Standard", "A number coding"))], claims
    assert any(c.startswith("The legal minimum for cars is 1.6 mm") for c in claims), claims
    assert any(c.startswith("The inner liner is damaged") for c in claims), claims


def test_a_belief_is_offered_only_among_true_claims_of_its_register(tmp_path):
    """Learners picked 'National Insurance is worked out cumulatively …' as the misconception 5 times
    of 5: the true claims beside it gave figures and brackets ('W1, M1 or X … (an emergency basis)',
    'at least 3 years'), the belief none. Every option of a 'which is a misconception?' item gives
    figures if the key does, and carries a bracket if the key does."""
    def _register(text):
        return bool(re.search(r"\d", text)), "(" in text

    spec = dict(synopsis="Payroll basics.", concepts=[
        ("Tax code", "A tax code tells the employer how much tax-free pay to give each pay period."),
        ("Emergency code", "A code marked W1 or M1 is non-cumulative (an emergency basis) until HMRC sends a new one."),
        ("Records", "Payroll records are kept for at least 3 years from the end of the tax year."),
        ("Cumulative basis", "Cumulative tax uses the pay and tax to date in the tax year to work out this period's tax."),
        ("Payslip", "Every employee is entitled to an itemised payslip showing pay and deductions."),
        ("Starter checklist", "The starter checklist replaces a P45 when a new employee does not have one."),
        ("Employment Allowance", "Eligible employers can claim the Employment Allowance against their National Insurance bill."),
        ("Directors", "Directors' National Insurance is worked out on an annual earnings period."),
        ("Employee rate", "Employees pay National Insurance at 8% on weekly earnings above £242 (the primary threshold)."),
        ("Employer rate", "Employers pay National Insurance at 15% on earnings above £96 a week (the secondary threshold).")],
        mistakes=["Believing National Insurance is worked out cumulatively for the year like income tax; "
                  "it is worked out for each pay period on its own.",
                  "Thinking an employee without a P45 cannot be paid until one arrives; "
                  "the starter checklist is used instead."])
    _, bank = _bank(tmp_path, payroll=spec)
    spotted = [i for i in bank.items if i.family == "misconception" and isinstance(i, MultipleChoice)
               and i.stem.startswith("Which of these statements is a common misconception")]
    assert spotted
    for item in spotted:
        assert len({_register(c.text) for c in item.choices}) == 1, [c.text for c in item.choices]


def test_a_first_sentence_whose_verb_is_in_a_clause_of_its_own_is_no_true_claim(tmp_path):
    """'The area one litre will cover, quoted in m² per litre on the tin' names a thing (the verb
    belongs to 'one litre will cover'); set as a true statement it was a fragment. A first
    sentence, like a later one, must name its term ('Small stones packed tightly …' for hearting)."""
    from qbank.generate.facts import build_facts
    from qbank.generate.misconceptions import true_claims

    topic_file(tmp_path, "paint", concepts=[
        ("Spreading rate", "The area one litre will cover, quoted in m² per litre on the tin."),
        ("Drying time", "The time it takes for a coat to be touch dry at 20°C."),
        ("Primer", "The primer seals bare timber and stops later coats soaking in."),
        ("Undercoat", "An undercoat builds film thickness and obliterates the colour beneath."),
        # found reading a bank of unseen notes (dry stone walling, lifeguarding): set as true
        # statements, each was a description with no subject
        ("Hearting", "Small stones packed tightly into the middle of the wall between the two faces."),
        ("Zone of supervision", "The area of water a lifeguard is responsible for from a given position; "
                                "zones overlap so that no area is unwatched.")])
    topics, _ = read_topics([tmp_path])
    claims = [t.text for t in true_claims(topics[0], build_facts(topics))]
    assert not [c for c in claims if c.startswith(("The area one litre", "The time it takes", "Small stones",
                                                   "The area of water"))], claims
    assert any(c.startswith("The primer seals bare timber") for c in claims), claims


def test_a_formula_or_a_noun_phrase_ending_in_a_plural_of_is_no_true_claim(tmp_path):
    """Untuned notes (bricklaying, contact centres): "Standard bond for the half-brick leaves of a
    cavity wall." ("leaves" read as a verb) and "Abandoned calls / calls offered x 100." (a formula)
    were set as true/false statements keyed True; neither claims anything."""
    from qbank.generate.facts import build_facts
    from qbank.generate.misconceptions import true_claims

    topic_file(tmp_path, "walls", concepts=[
        ("Stretcher bond", "All stretchers, each brick lapping the one below by half its length. Standard bond "
                           "for the half-brick leaves of a cavity wall."),
        ("Abandonment rate", "Abandoned calls / calls offered x 100. Many centres aim for under 5%."),
        ("Flemish bond", "Flemish bond alternates headers and stretchers within each course."),
        ("Wall ties", "Wall ties hold the two leaves of a cavity wall together.")])
    topics, _ = read_topics([tmp_path])
    claims = [t.text for t in true_claims(topics[0], build_facts(topics))]
    assert not [c for c in claims if c.startswith(("Standard bond", "Abandoned calls"))], claims
    assert any(c.startswith("Flemish bond alternates headers") for c in claims), claims


def test_a_phrase_whose_verb_lost_its_object_or_that_counts_parts_of_something_unsaid_is_no_claim(tmp_path):
    """h17 (drivers' hours): "The qualification professional LGV and PCV drivers need on top of their
    licence." (a noun with a relative clause: "need" has no object after it) and "The first part is at
    least 15 and the second at least 30" (the first part of what?) were read as true claims."""
    from qbank.generate.facts import build_facts
    from qbank.generate.misconceptions import true_claims
    from qbank.generate.statements import leans_back

    topic_file(tmp_path, "driver-cpc", concepts=[
        ("Driver CPC", "The qualification professional LGV and PCV drivers need on top of their licence. New "
                       "drivers pass four modules."),
        ("Primer", "The primer seals bare timber and stops later coats soaking in.")])
    topics, _ = read_topics([tmp_path])
    claims = [t.text for t in true_claims(topics[0], build_facts(topics))]
    assert not [c for c in claims if c.startswith("The qualification")], claims
    assert any(c.startswith("The primer seals") for c in claims), claims
    assert leans_back("The first part is at least 15 and the second at least 30")
    assert not leans_back("The first aid kit is checked weekly")


def test_an_order_whose_verb_is_also_a_noun_is_no_claim():
    """h17 (VAT), after its fixes: "Register within 30 days of the end of the month the threshold was
    passed." was set true/false keyed True: an order has no truth value ("register" is also a noun,
    so the order test for verbs alone let it through)."""
    from qbank.generate.misconceptions import is_claim

    assert not is_claim("Register within 30 days of the end of the month the threshold was passed")
    assert not is_claim("Check within 24 hours of delivery that the seal is intact")
    assert is_claim("Records within the system are kept for 6 years")


def test_absolutes_and_limiters_are_as_common_among_true_statements_as_false_ones():
    """'Seamless service is primarily an individual responsibility': learners read 'primarily',
    'solely', 'always' as a belief's mark; pairing counts them with the other sweeping words, so
    two such beliefs are not both set beside two plain truths."""
    from qbank.generate.misconceptions import pair_up

    falses = [("f1", "Seamless service is primarily an individual responsibility.", "a", 1),
              ("f2", "Customer complaints are solely the manager's responsibility.", "b", 2)]
    trues = [("t1", "Seamless service depends on information shared between teams.", "c", 3),
             ("t2", "Customer complaints are logged and reviewed by the whole team.", "d", 4)]
    # no pair at all: a sweeping belief is set only beside a true statement that sweeps too (the ±1
    # allowance over the bank let a small bank's only pair carry the mark: fresh autoclave notes)
    assert pair_up(falses, trues) == []
    trues.append(("t3", "Complaint logs are always reviewed by the whole team.", "e", 5))
    assert len(pair_up(falses, trues)) == 2


def test_a_belief_with_its_reasoning_is_paired_only_with_a_true_statement_that_reasons_too():
    """h17's learner (no subject knowledge) took 7 of 8 true/false with "a belief with 'because' is
    false": "Homely remedies are harmless because they're bought over the counter" stood beside a
    plain truth (the ±1 allowance over the bank let one pair carry the turn)."""
    from qbank.generate.misconceptions import pair_up

    falses = [("f1", "Ewes need extra feed from tupping because the lambs grow steadily all through pregnancy.", "a", 1)]
    trues = [("t1", "Poa annua is treated as a weed grass in ornamental lawns and in bowling greens.", "b", 2)]
    assert pair_up(falses, trues) == []
    trues.append(("t2", "Soft solder melts at a lower temperature because it contains tin and a little copper.", "c", 3))
    assert len(pair_up(falses, trues)) == 2


def test_shortcuts_allowed_and_warnings_of_harm_are_as_common_among_true_statements_as_false_ones():
    """'The 7-day inspection can be skipped if …', 'A small drop on the gauge is acceptable …' keyed
    False beside 'Silicone DOT 5 … can damage seals and lead to brake failure' keyed True: whoever
    picks the safe-sounding answer scores (an examiner's class on unseen trade notes)."""
    from qbank.generate.misconceptions import pair_up, tf_features

    assert tf_features("The 7-day inspection can be skipped if nobody has touched it.")[6]
    assert tf_features("A client who had a skin test last year doesn't need one now.")[6]
    assert tf_features("Paper records are adequate for allergen checks.")[4]  # a verdict, like "enough"
    assert tf_features("DOT 5 mixed into a glycol system can damage seals and lead to brake failure.")[7]
    assert not any(tf_features("Peanuts and tree nuts count as two separate allergens.")[6:])
    falses = [("f1", "The weekly scaffold inspection can be skipped on quiet sites.", "a", 1),
              ("f2", "A small pressure drop on the gauge is acceptable on new work.", "b", 2),
              ("f3", "A negative skin test last year means no test is needed now.", "c", 3)]
    trues = [("t1", "Silicone fluid mixed into glycol systems can damage the seals.", "d", 4),
             ("t2", "Frayed lifting chains can cause a load to fall on the operator.", "e", 5),
             ("t3", "Peanuts and tree nuts count as two separate allergens on menus.", "f", 6)]
    kept = {k for k, _ in pair_up(falses, trues)}
    assert kept == set(), kept  # a shortcut allowed is a belief's mark: none of the true statements has one
    trues.append(("t4", "A cracked hook can be left in service until the next inspection only if tagged.", "g", 7))
    kept = {k for k, _ in pair_up(falses, trues)}
    assert len(kept) == 2, kept  # one pair only: a second leaves two shortcuts or two warnings on one side


def test_a_correction_is_a_true_statement_only_after_a_belief_about_the_same_thing_and_unhedged(tmp_path):
    """Tails of practice mistakes ('Forgetting to clean the razor handle … — contamination is not
    limited to the blade'), hedged tails ('…; a slow leak may take months to affect performance') and
    tails about something else than the belief names ('…; too thick a layer leads to rutting') left
    their subject behind: 7 of 8 such true statements were rated serious on unseen notes. A belief's
    unhedged correction of the thing it names ('… "credit" means …; a credit decreases …') is set."""
    from qbank.generate.misconceptions import read, tf_statements
    from qbank.model import Bullet, Section, Source

    def truths(bullet):
        return [s for s, answer in tf_statements(read(Bullet(bullet, Source("t.txt", 9, Section.MISCONCEPTIONS))))
                if answer]

    assert truths("Forgetting to clean and disinfect the razor handle and headrest between clients — "
                  "contamination is not limited to the blade.") == []
    assert truths("Keeping a half-finished bottle to reheat for the next feed rather than throwing it away — "
                  "saliva introduces bacteria that multiply quickly in warm milk.") == []
    assert truths("Believing a system is leak-free because it is still cooling; a slow leak may take months "
                  "to affect performance.") == []
    # a correction that does not name what the belief is about leaves it behind too
    assert truths("Many learners believe sit-ups will burn fat from the stomach; spot reduction does not work.") == []
    assert truths("Students often think \"credit\" means an increase in every account; a credit decreases an asset, "
                  "expense or drawings account.") == ["A credit decreases an asset, expense or drawings account"]


def test_beliefs_each_marked_differently_are_balanced_as_a_whole():
    """'… primarily an individual responsibility', '… safer because …', '… needs no consultation',
    '… are sufficient without …': each mark alone was within the tolerance, so all four beliefs were
    set beside plain truths and three enciphered learners marked every one False. Any belief mark
    counts as one feature too; a positional 'just above the bud' is no mark."""
    from qbank.generate.misconceptions import pair_up, tf_features

    assert not tf_features("Cuts are made just above an outward-facing bud, sloping away from it.")[4]
    falses = [("f1", "Seamless service is primarily an individual responsibility.", "a", 1),
              ("f2", "A blunt knife is safer because it is less likely to cut you.", "b", 2),
              ("f3", "A client who had no reaction last time needs no consultation.", "c", 3),
              ("f4", "Informal chats with colleagues are sufficient for team briefings.", "d", 4)]
    trues = [("t1", "Thin steel expands as it heats and shrinks again as it cools.", "e", 5),
             ("t2", "Good formative pruning reduces the need for heavy cutting later.", "f", 6),
             ("t3", "Stone fruit trees are pruned in summer to limit silver leaf.", "g", 7),
             ("t4", "Dull blades slip more easily on the surface of the meat.", "h", 8)]
    kept = {k for k, _ in pair_up(falses, trues)}
    assert len(kept & {"f1", "f2", "f3", "f4"}) <= 1, kept


def test_only_the_key_allowing_a_shortcut_is_a_hard_cue():
    """'Which of these statements is a common misconception?' keyed 'A cage dryer can be left running
    while you start the next dog' among careful practice: three enciphered learners picked the one
    option allowing a shortcut. Such an item is not set; options that all allow one, or none, are fine."""
    from qbank.generate.options import HARD_CUES, cues
    from qbank.model import Choice

    stem = "Which of these statements is a common misconception?"
    marked = [Choice("A cage dryer can be left running while you start the next dog", True),
              Choice("Towel drying removes excess water before a high-velocity dryer is used", False),
              Choice("Over-concentrated shampoo is harder to rinse out of a dense coat", False),
              Choice("Ear cotton wool keeps water and noise out of the ear canal", False)]
    assert "safe_answer" in cues(stem, marked) and "safe_answer" in HARD_CUES
    even = [*marked[:3], Choice("A dense coat can be left damp underneath overnight", False)]
    assert "safe_answer" not in cues(stem, even)


def test_a_true_false_statement_names_what_it_is_about(tmp_path):
    """'Support should be installed without anyone entering an unsupported section' (trench safety)
    and 'Good formative work reduces the need for heavy cutting later' (pruning) were set true/false:
    in a mixed paper they say nothing of trenches or trees (serious for two examiners). A statement
    names a word of its title or of the synopsis's first sentence, a name, or a term of the notes."""
    from qbank.generate.common import names_its_topic
    from qbank.model import Topic

    trench = Topic(slug="trench-safety-l2", title="Trench safety", path="t.txt", sha256="0",
                   synopsis="Keeping excavations safe for the people working in them. More follows.")
    assert not names_its_topic("Support should be installed without anyone entering an unsupported section.",
                               trench, synopsis=True)
    assert names_its_topic("A trench deeper than 1.2 m needs support before anyone enters it.", trench, synopsis=True)
    assert names_its_topic("Daily inspections are required by the CDM Regulations.", trench)  # a name
    # a term's bracketed aside is no part of its name: "joining links" names "Joining (master) link"
    from qbank.model import Concept, Source
    chains = Topic(slug="0a1b2c3d4e5f6a7b", title="", path="c.txt", sha256="0", concepts=(
        Concept("Joining (master) link", "A clip-type or rivet-type link that joins a chain.", Source("c.txt", 3)),))
    assert names_its_topic("Compare clip-type and rivet-type joining links.", chains)
    topic_file(tmp_path, "trench-safety", synopsis="Keeping excavations safe for the people working in them.",
               concepts=[("Trench support", "Sheets, props or boxes that hold the sides of an excavation up."),
                         ("Spoil", "Excavated material, heaped at least 1 m back from the trench edge."),
                         ("Inspection", "An excavation is inspected at the start of every shift.")],
               mistakes=["Believing that support can go in after the digging is finished; in fact support should "
                         "be installed without anyone entering an unsupported section.",
                         "Assuming that an excavation in firm clay cannot collapse."])
    read, bank = _bank(tmp_path)
    assert not [i for i in bank.items if isinstance(i, TrueFalse) and "unsupported section" in i.stem]


def test_a_term_whose_head_names_another_class_is_no_distractor(tmp_path):
    """Unseen notes: a stem quoting "The Terrorism (Protection of Premises) Act 2025 …" offered
    "Martyn's Law" (the one law) beside "Crowd density" (a measure): the head nouns of the terms
    tell the key unread. Terms of two known classes do not stand together."""
    from qbank.generate.concepts import term_class
    from qbank.model import Concept

    assert term_class(Concept("Martyn's Law", "x", None)) == "rule"
    assert term_class(Concept("Crowd density", "x", None)) == "quantity"
    assert term_class(Concept("Green Guide", "x", None)) is None
    topic_file(tmp_path, "crowds", synopsis="Crowd safety at outdoor events.", concepts=[
        ("Martyn's Law", "The Terrorism (Protection of Premises) Act 2025 sets standard and enhanced tiers of duty for venues."),
        ("Crowd density", "The number of people per square metre; movement is restricted above four or five."),
        ("Ingress rate", "The number of people per minute admitted through the entry gates."),
        ("Evacuation time", "The number of minutes needed for everyone to leave by the exits in an emergency."),
        ("Green Guide", "The Guide to Safety at Sports Grounds, covering capacity and steward duties."),
        ("Purple Guide", "The Events Industry Forum guide to health, safety and welfare at music events.")])
    topics, _ = read_topics([tmp_path])
    items = build_bank(topics, seed=0).items
    law = [i for i in items if i.family == "concept" and i.stem.startswith("Which term")
           and any(c.correct and "Martyn" in c.text for c in i.choices)]
    # before the rule the law item offered both measures; now it offers neither, or is not set
    assert not any(c.text in ("Crowd density", "Ingress rate") for i in law for c in i.choices), law
    assert [i for i in items if i.family == "concept"]  # the measures' own items are still set


def test_a_figured_key_description_has_figured_distractors(tmp_path):
    """Unseen notes: "Which description fits “Mix ratio”?" offered "1:2.5 to 1:3 lime:sand by volume"
    as the one option with figures: the term asks for a ratio, the figures answer it unread."""
    topic_file(tmp_path, "lime", synopsis="Lime mortar repointing of stone walls.", concepts=[
        ("Mix ratio", "Typically 1:2.5 to 1:3 lime to aggregate by volume, using a sharp sand that matches the original."),
        ("Non-hydraulic lime", "Sets slowly by carbonation, taking in carbon dioxide from the air. Very breathable."),
        ("Protection and curing", "Damp hessian, mist spraying and shading from sun, wind and rain."),
        ("Finishing", "Beaten back with a stiff bristle brush when green hard, to compact it and expose the aggregate.")])
    topics, _ = read_topics([tmp_path])
    items = build_bank(topics, seed=0).items
    for item in items:
        if isinstance(item, MultipleChoice) and item.family == "concept" and item.stem.startswith("Which description"):
            key = item.keys[0].text
            if re.search(r"\d", key):
                assert all(re.search(r"\d", c.text) for c in item.choices), [c.text for c in item.choices]
    assert not [i for i in items if "“Mix ratio”" in i.stem]


def test_a_description_that_does_not_say_what_its_term_is_is_not_set(tmp_path):
    """Unseen notes (dental decontamination): "Dental unit waterlines: flushed for 2 minutes at the
    start and end of the day …" and "Storage times: wrapped or pouched and dated, up to 1 year …"
    say what is done, not what the term is; set as "which term is described?" beside "Manual
    cleaning", the stem's words fit one option by plain sense (an examiner rated them seriously
    flawed). A description opens with what the term is (a noun, or a gerund), or it is no option."""
    from qbank.generate.concepts import usable
    from qbank.model import Concept

    assert not usable(Concept("Dental unit waterlines", "Flushed for 2 minutes at the start and end of the day "
                                                        "and 20-30 seconds between patients.", None))
    assert not usable(Concept("Storage times", "Wrapped or pouched and dated, up to 1 year; unwrapped in the "
                                               "clinical area, 1 day.", None))
    # a figure joined to a word, an opening adverb or a possessor does not hide the genus
    assert usable(Concept("IPv4 address", "A 32-bit address written as four octets in dotted decimal notation.", None))
    assert usable(Concept("Progressive overload", "Gradually increasing the demand on the body beyond what it is used to.", None))
    assert usable(Concept("Cash book", "The business's own record of its bank account, with receipts as debits.", None))
    topic_file(tmp_path, "decontamination", synopsis="Decontamination of dental instruments.", concepts=[
        ("Dental unit waterlines", "Flushed for 2 minutes at the start and end of the day and 20-30 seconds between patients."),
        ("Storage times", "Wrapped or pouched and dated, up to 1 year; unwrapped in the clinical area, 1 day."),
        ("Manual cleaning", "Scrubbing instruments under water in detergent at 45 degrees or below."),
        ("Inspection", "Checking every instrument under an illuminated magnifier for debris and damage."),
        ("Ultrasonic cleaning", "Shaking debris loose in a bath of detergent with high-frequency sound."),
        ("Sterilisation", "Killing all microorganisms, spores included, with steam under pressure.")])
    topics, _ = read_topics([tmp_path])
    texts = [t for i in build_bank(topics, seed=0).items if i.family in ("concept", "matching") for t in _texts(i) + [i.stem]]
    assert not any("Flushed for 2 minutes" in t or "Wrapped or pouched" in t for t in texts), texts
    assert any("Scrubbing instruments" in t for t in texts)  # the descriptions that say what it is still make items


def test_a_matching_item_pairs_terms_of_one_kind(tmp_path):
    """Unseen notes (glasshouse pest control): one item matched "Monitoring" (yellow sticky traps),
    "Hygiene and exclusion" (weed-free margins), "Action threshold" (the pest level) and two
    predators: the one trap, the one level and the one practice were matched unread. Every pair
    (and the unused description) of a matching item is of one kind (kinds.kind)."""
    from qbank.generate.concepts import concept_kind

    topic_file(tmp_path, "glasshouse-ipm", synopsis="Integrated pest management in glasshouses.", concepts=[
        ("Monitoring", "Yellow sticky traps for whitefly, winged aphids and sciarid flies."),
        ("Action threshold", "The pest level at which control is justified."),
        ("Encarsia formosa", "A parasitic wasp for glasshouse whitefly that lays in the scales."),
        ("Phytoseiulus persimilis", "A predatory mite for two-spotted spider mite that eats all stages."),
        ("Aphidius colemani", "A parasitoid wasp for aphids such as Myzus persicae."),
        ("Neoseiulus cucumeris", "A predatory mite for thrips larvae, released in slow-release sachets."),
        ("Steinernema feltiae", "A nematode applied as a drench against sciarid larvae in compost.")])
    topics, _ = read_topics([tmp_path])
    items = build_bank(topics, seed=0).items
    matching = [i for i in items if isinstance(i, Matching)]
    assert matching, "the five organisms still make a matching item"
    concepts = {c.definition.rstrip("."): c for c in topics[0].concepts}
    for item in matching:
        answers = [p.answer for p in item.pairs] + list(item.extra_answers)
        assert len({concept_kind(concepts[a.rstrip(".")]) for a in answers}) == 1, answers


def test_option_sets_never_hold_two_options_that_clash():
    """The learner-proof search returned its first cue-free set and the caller then dropped the
    whole item when two of its options were one concept (FITT's definition speaks of "overload",
    so "FITT principle" and "Progressive overload" clash): the search now skips such sets and
    finds another."""
    from qbank.generate.common import cue_free_choice

    stem = "Which term is described here? \u201cThe loss of fitness gains when training stops or is cut back.\u201d"
    options = ["FITT principle", "Progressive overload", "Specificity", "Individual differences"]
    clash = lambda a, b: {a, b} == {"FITT principle", "Progressive overload"}  # noqa: E731
    picked = cue_free_choice(stem, "Reversibility", options, need=3, least=2, clash=clash)
    assert len(picked) >= 2 and not {"FITT principle", "Progressive overload"} <= set(picked), picked


def test_a_scientific_name_keeps_its_capital_mid_sentence(tmp_path):
    """Fresh notes (glasshouse pests): feedback read "the notes define encarsia formosa as …" and a
    prompt "Neoseiulus (amblyseius) cucumeris". A term of two or three words English does not know
    is a name; a single unknown word ("Specificity") is not taken for one."""
    from qbank.generate.facts import build_facts

    topic_file(tmp_path, "glasshouse", synopsis="Biological control in glasshouses.", concepts=[
        ("Encarsia formosa", "A parasitic wasp for glasshouse whitefly that lays in the scales."),
        ("Neoseiulus (Amblyseius) cucumeris", "A predatory mite for thrips larvae, released in sachets."),
        ("Specificity", "Adaptations are specific to the training done."),
        ("Stock rotation", "Using older stock first so that nothing passes its date.")])
    topics, _ = read_topics([tmp_path])
    proper = build_facts(topics).proper
    assert {"Encarsia", "Neoseiulus", "Amblyseius"} <= proper
    assert not {"Specificity", "Stock"} & proper



def test_a_belief_ends_at_a_sentence_that_ends_on_an_acronym():
    """Fresh notes (MAR charts): "A family member can tell you a new dose and you update the MAR.
    Changes come from the prescriber, in writing." was set whole as one true/false statement (a
    false half and a true half; an examiner rated it serious): the stop after "MAR" ends the belief."""
    from qbank.generate.misconceptions import read, tf_statements
    from qbank.model import Bullet

    r = read(Bullet("A family member can tell you a new dose and you update the MAR. Changes come from the "
                    "prescriber, in writing.", None))
    assert r.claim == "A family member can tell you a new dose and you update the MAR"
    assert all("prescriber" not in s for s, _ in tf_statements(r))
    claim = read(Bullet("Thinking the U.K. rules match the EU ones in every detail.", None)).claim
    assert claim is None or "rules match" in claim  # "U.K." is no sentence end


def test_a_limit_of_time_marks_a_belief_as_an_absolute_does():
    """h7: "Wrapped instruments are sterile for ever." keyed False beside a plain true statement:
    "for ever" gives it away as "always" does, so it is set only beside a true statement that has one."""
    from qbank.generate.misconceptions import pair_up, tf_features

    for text in ("Wrapped instruments are sterile for ever.", "A dated label lasts indefinitely in storage.",
                 "The guard must be in place at all times during cutting."):
        assert tf_features(text)[4], text
    falses = [("f1", "Wrapped instruments are sterile for ever.", "a", 1)]
    trues = [("t1", "Torn or wet packs are reprocessed before use.", "b", 2)]
    assert pair_up(falses, trues) == []


def test_matching_pairs_name_one_kind_of_thing_even_outside_the_known_classes(tmp_path):
    """h7: a grip, a board scheme and two cuts in one matching item (nouns outside the known classes
    counted as one class): "fingertips" → claw grip, a list of colours → boards, matched by plain
    meaning (examiner: serious). Each noun outside the classes is now a kind of its own."""
    from qbank.generate import build_bank
    from qbank.reader import read_topics
    from topicmaker import topic_file

    topic_file(tmp_path, "knives", concepts=[
        ("Claw grip", "Fingertips tucked under, with the knuckles guiding the flat of the blade."),
        ("Colour-coded boards", "Red for raw meat, blue for raw fish, green for salad and fruit."),
        ("Julienne", "Fine strips about 2 mm square and 4 cm long, cut from peeled vegetables."),
        ("Jardinière", "Batons about 3 mm by 3 mm by 18 mm, cut from peeled root vegetables."),
        ("Mirepoix", "Roughly cut onion, carrot and celery for flavouring stocks and sauces."),
    ])
    topics, _ = read_topics([tmp_path])
    assert not [i for i in build_bank(topics, seed=0).items if i.kind == "matching"]


def test_a_quantity_is_offered_only_beside_quantities_of_its_dimension(tmp_path):
    """h8: "Which term is described here? “The mass of dry ground coffee in the basket …”" offered Shot
    time (a time) and TDS (a percentage) beside Dose and Yield (masses): two options out unread."""
    from qbank.generate.kinds import kind

    assert kind("The mass of dry ground coffee in the basket.") == "quantity:mass"
    assert kind("Time from starting the pump to stopping it.") == "quantity:time"
    assert kind("The number of people per square metre.") == "quantity"
    topic_file(tmp_path, "espresso", concepts=[
        ("Dose", "The mass of dry ground coffee in the basket, weighed to 0.1 g."),
        ("Yield", "The mass of liquid espresso in the cup, weighed on scales."),
        ("Waste", "The mass of spent coffee knocked out of the basket after each shot."),
        ("Shot time", "Time from starting the pump to stopping it, read on the machine's timer."),
        ("TDS", "The percentage of dissolved coffee solids in the drink, read with a refractometer."),
    ])
    topics, _ = read_topics([tmp_path])
    for item in build_bank(topics, seed=0).items:
        if item.family == "concept" and "mass" in item.stem:
            assert not {c.text for c in item.choices} & {"Shot time", "TDS"}, item.choices


def test_levels_of_a_numbered_scale_are_offered_beside_their_neighbours():
    """h10: "Which term is described here? “Water that is a significant health hazard …”" offered
    categories 1, 2 and 3 beside 4 and left out 5, the nearest confuser: levels next to the key are
    now preferred (the testwise learner's check may still refuse a set)."""
    from pathlib import Path

    from qbank.generate.concepts import _level_gap
    from qbank.model import Concept

    assert _level_gap(Concept("Fluid category 4", "x", None), Concept("Fluid category 5", "x", None)) == 1
    assert _level_gap(Concept("Fluid category 4", "x", None), Concept("Schedule 5", "x", None)) == 0
    notes = Path(__file__).resolve().parent / "data" / "reviewed" / "h10" / "cold-water-supply-regulations.txt"
    topics, _ = read_topics([notes])
    [four] = [i for i in build_bank(topics, seed=0).items if i.family == "concept" and i.stem.startswith("Which term")
              and any(c.correct and c.text == "Fluid category 4" for c in i.choices)]
    assert "Fluid category 5" in {c.text for c in four.choices}


def test_true_false_pairing_serves_the_belief_with_fewest_partners_first():
    """Taken in id order, a false statement with two possible partners took the only partner of
    another, and that belief went unasked: the one with fewest partners is paired first."""
    from qbank.generate.misconceptions import pair_up

    a = ("a", "Ladders are tied at the top rung.", "bullet-a", "A")           # 33 characters
    b = ("b", "Boards are laid on the ground.", "bullet-b", "B")              # 30
    t1 = ("t1", "Scaffolds are inspected weekly.", "bullet-t1", "T1")         # 31: partner of a and b
    t2 = ("t2", "Harnesses are checked by the wearer daily.", "bullet-t2", "T2")  # 42: of a only
    kept = dict(pair_up([a, b], [t1, t2]))
    assert set(kept) == {"a", "b", "t1", "t2"}, kept


def test_a_quoted_belief_with_a_verdict_gives_the_belief_and_its_correction():
    """Tutors write a belief as someone says it: '"Tint will lift tint." It won't: permanent colour
    cannot lighten …', '"The capacity on the plate applies whatever the load size." Wrong — capacity
    falls …'. The quote is the claim (keyed False) and what follows the verdict the correction; a
    quote in the first person or leaning on "it" is no claim, and "It is not one of …" is no verdict."""
    from qbank.generate.misconceptions import read
    from qbank.model import Bullet, Section, Source

    def reading(text):
        return read(Bullet(text, Source("t.txt", 1, Section.MISCONCEPTIONS)))

    r = reading('"Tint will lift tint." It won\'t: permanent colour cannot lighten previously applied artificial '
                'colour, so a colour remover is needed.')
    assert (r.claim, r.correction) == ("Tint will lift tint", "Permanent colour cannot lighten previously applied "
                                       "artificial colour, so a colour remover is needed")
    r = reading('"The capacity on the plate applies whatever the load size." Wrong — capacity falls when the load '
                'centre is longer than the rated distance.')
    assert r.claim == "The capacity on the plate applies whatever the load size"
    assert r.correction == "Capacity falls when the load centre is longer than the rated distance"
    assert reading('"It\'s fine to bath a matted dog and brush it out afterwards." Wrong: water sets the mats '
                   'tighter.').claim is None
    assert reading('"I can always sell it to a friend." Wrong: only the client can be supplied.').claim is None
    assert reading('"Coconut is a tree nut on the UK list." It is not one of the listed tree nuts, although some '
                   'people react to it.').correction is None
    # a belief's sentence ends before one that opens with a figure or after a closing quote
    assert reading("Believing 40 vol can be used for any lightening job. 12% is normally only for high-lift "
                   "tints.").claim == "40 vol can be used for any lightening job"
    assert reading('Thinking the client is safe if they say they have "never reacted before". Reactions can '
                   'develop after years of use.').correction == "Reactions can develop after years of use"


def test_a_practice_done_too_much_is_no_belief_and_a_sibling_model_is_no_context(tmp_path):
    """h22's examiner (serious, four items): "Too much adhesive spread at once, so it skins …" (a
    practice and its result, true as read) was keyed False; and "HEAT model: Hear, Empathise,
    Apologise, Take action. LAST (Listen, Apologise, Solve, Thank) is a common alternative." set
    LAST's steps in "the model for HEAT model" and "In “HEAT model”, which step comes first?"."""
    from qbank.generate import build_bank
    from qbank.generate.common import names_another_model
    from qbank.generate.misconceptions import read
    from qbank.model import Bullet, Section, Source
    from qbank.reader import read_topics
    from topicmaker import topic_file

    bullet = Bullet("Too much adhesive spread at once, so it skins before the tiles are laid.",
                    Source("t.txt", 1, Section.MISCONCEPTIONS))
    assert read(bullet).claim is None
    assert names_another_model("HEAT model", "LAST") and not names_another_model("DHCP lease process", "DORA")
    topic_file(tmp_path, "complaints", synopsis="Handling complaints in a contact centre.", concepts=[
        ("HEAT model", "Hear, Empathise, Apologise, Take action. LAST (Listen, Apologise, Solve, Thank) is a common "
                       "alternative."),
        ("Escalation", "Passing a complaint to a supervisor when it is outside your authority."),
        ("First contact resolution", "Resolving the complaint in the first call, with no follow-up needed.")])
    bank = build_bank(read_topics([tmp_path])[0], seed=0)
    assert not [i.stem for i in bank.items if "HEAT model" in i.stem and i.family in ("model", "scenario")
                and any(w in i.stem + str(getattr(i, "choices", "")) for w in ("Solve", "Listen", "Thank"))]


def test_a_model_of_orders_takes_orders_only_as_distractors(tmp_path):
    """h22's learner and examiner: "In LAST, what does the letter A stand for?" offered
    "Alternative" and "Agreement" (from ADR and SLA) beside "Apologise": every step of LAST is an
    order, so the nouns were struck out on form."""
    from qbank.generate import build_bank
    from qbank.reader import read_topics
    from topicmaker import topic_file

    topic_file(tmp_path, "complaints", synopsis="Handling complaints in a contact centre.", concepts=[
        ("LAST", "Listen, Apologise, Solve, Thank: the steps of handling a complaint."),
        ("SLA", "Service Level Agreement: the standard a provider commits to."),
        ("ADR", "Alternative Dispute Resolution: settling a complaint without going to court."),
        ("AHT", "Average Handle Time: talk, hold and wrap-up time per call.")])
    topic_file(tmp_path, "complaints2", synopsis="Complaint handling models.", concepts=[
        ("Complaint handling", "Staff use LAST (Listen, Apologise, Solve, Thank) on every call."),
        ("Service level agreement (SLA)", "A contract setting the standard of service."),
        ("Alternative dispute resolution (ADR)", "Settling a complaint without court.")])
    bank = build_bank(read_topics([tmp_path])[0], seed=0)
    offered = [c.text for i in bank.items if i.stem.startswith("In LAST, what does")
               for c in getattr(i, "choices", ()) if not c.correct]
    assert not {"Agreement", "Alternative", "Average"} & set(offered), offered
