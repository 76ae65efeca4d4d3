"""Layouts of h64-h66's notes (allergens, motorcycle chains, till reconciliation; fruit pruning, dispensing, cavity
walls; crowd safety, fluid therapy, backups), read blind: four of nine files gave no item, their sections labelled
"§3", "[0x05]", "S2" or "SECTION 2 ::", their mistakes headed "THEY SAY ... / ACTUALLY ...", "BUT CHEF SAID...",
"what learners say vs what's true". Each test plants one layout and fails without its rule."""

from __future__ import annotations

from qbank.generate.numeric import is_example
from qbank.questions import question_blocks
from qbank.reader import parse_topic
from qbank.model import Section
from qbank.syntax import keyword_heading


def _topic(text: str):
    result = parse_topic(text.encode("utf-8"), "x.txt", "x")
    assert result.topic is not None, [str(d) for d in result.diagnostics]
    return result.topic


def test_section_labels_and_mistake_headings():
    for line, section in (("§1  GLOSSARY  (A-Z, learn the wording)", Section.CONCEPTS),
                          ("[0x06] THEY SAY ... / ACTUALLY ...", Section.MISCONCEPTIONS),
                          ("S1  VOCAB - LEARN THESE", Section.CONCEPTS),
                          ("S6  THINGS LEARNERS SAY... AND WHAT'S TRUE", Section.MISCONCEPTIONS),
                          ("SECTION 5 :: \"BUT I THOUGHT...\" (common wrong ideas)", Section.MISCONCEPTIONS),
                          ("PART D - \"BUT CHEF SAID...\" (mistakes I hear, and the truth)", Section.MISCONCEPTIONS),
                          ("SECTION 6 :: EXAM TIPS (from marking last year's papers)  ------------", Section.TIPS)):
        assert keyword_heading(line, marked=True) is section, line
    assert keyword_heading("THE NUMBERS TABLE (these are where the marks are)", marked=True) is None


def test_sections_labelled_with_a_section_sign_are_headings_not_bullets():
    topic = _topic("Dispensing & labelling\n\n§0  IN ONE PARAGRAPH\nA dispensed medicine carries a label.\n\n"
                   "§1  GLOSSARY  (A-Z, learn the wording)\nACPT: accredited checking pharmacy technician.\n"
                   "CD: controlled drug.\nLASA: look-alike, sound-alike medicines.\n\n§2  NUMBERS THAT GET ASKED\n"
                   "A prescription for a POM is valid for 6 months.\n\n"
                   "§6  \"BUT I THOUGHT...\"  (beliefs learners bring to class)\n"
                   "THEY SAY: \"If it's on the box already, we don't need our own label.\"\n"
                   "ACTUALLY: every dispensed item needs a dispensing label.\n"
                   "THEY SAY: \"A prescription lasts a year.\"\nACTUALLY: 6 months for POMs.\n")
    assert [c.term for c in topic.concepts] == ["ACPT", "CD", "LASA"], topic.concepts
    texts = [b.text for b in topic.misconceptions]
    assert len(texts) == 2 and texts[0].startswith("Wrong: \"If it's on the box") and "Right: every dispensed" in texts[0], texts


def test_they_say_actually_with_spaces_and_marked_beliefs():
    topic = _topic("IT SUPPORT - BACKUP STRATEGIES\n  Level 3 study notes\n\n[0x00] OVERVIEW\nIT teams back up data.\n\n"
                   "[0x06] THEY SAY ... / ACTUALLY ...\n"
                   "  THEY SAY  \"We've got RAID 1, so we're backed up.\"\n"
                   "  ACTUALLY  RAID keeps you running when a DISK fails. RAID is not a backup.\n\n"
                   "  THEY SAY  \"The RPO is how long it takes to restore.\"\n  ACTUALLY  That's RTO.\n")
    assert topic.title == "IT support - backup strategies", topic.title
    assert len(topic.misconceptions) == 2 and "Right: RAID keeps" in topic.misconceptions[0].text, topic.misconceptions
    topic = _topic("Fluid therapy\n\n~~ the short version ~~\nFluids replace losses.\n\n"
                   "~~ \"I always thought...\" - misconceptions ~~\n"
                   " (!) \"Hartmann's and saline are basically the same.\"\n     -> No. Hartmann's is balanced.\n"
                   " (!) \"Dehydrated and hypovolaemic mean the same thing.\"\n     -> Dehydration is interstitial loss.\n")
    assert [b.text[:10] for b in topic.misconceptions] == ["\"Hartmann'", "\"Dehydrate"], topic.misconceptions


def test_numbered_beliefs_are_not_labels_of_the_line_below():
    """h65: '#3 "You must paint every cut with wound sealant."' over '   -> Current RHS advice: …' was taken for a
    sub-heading over a labelled line and dropped."""
    topic = _topic("Pruning\n\nMISTAKES I HEAR EVERY YEAR\n--------------------------\n"
                   "#2 \"Every side shoot should be cut back.\"\n   -> Not on a tip-bearer.\n"
                   "#3 \"You must paint every cut with wound sealant.\"\n   -> Current RHS advice: not usually needed.\n"
                   "#4 \"Winter is pruning time for all fruit trees.\"\n   -> Apples yes.\n")
    texts = [b.text for b in topic.misconceptions]
    assert len(texts) == 3 and texts[1].startswith("\"You must paint"), texts


def test_terms_over_indented_definitions():
    topic = _topic("Cavity walls\n\noverview\nSetting out a cavity wall.\n\n-- glossary ------------------\n"
                   " building line\n     legal line set by the local authority that the front face of the\n"
                   "     building must not go beyond.\n quoin\n     external corner of a wall; built first.\n"
                   " gauge\n     vertical spacing of courses: 1 brick + 1 bed joint = 75 mm.\n"
                   " lintel\n     beam over an opening carrying the masonry above.\n")
    assert [c.term for c in topic.concepts] == ["building line", "quoin", "gauge", "lintel"], topic.concepts
    assert topic.concepts[2].definition.startswith("vertical spacing of courses: 1 brick"), topic.concepts[2]


def test_totals_abbreviations_and_part_bullets_in_mark_schemes():
    lines = ["-- sample question ---------", " Q. (a) Describe how to check the corners are square.   [3]",
             "    (c) Explain why wall ties must not fall towards the inner leaf.  [2]",
             "                                                          total = 5", "", " mark scheme",
             "  (a) - use a 3:4:5 triangle on each corner            (1)",
             "      - measure both diagonals (approx. equal is not enough)   (1)",
             "      - diagonals equal = square                          (1)",
             "  (c) - water runs along the tie to the inner leaf      (1)",
             "      - causing damp inside                             (1)"]
    _, tips = question_blocks(lines)
    assert len(tips) == 2, tips
    assert "total" not in tips[1][1].split("Marks")[0] and "(2 marks)" in tips[1][1], tips[1]
    assert "Marks: water runs" in tips[1][1] and "(approx. equal" in tips[0][1], tips


def test_a_value_in_a_list_of_examples_is_not_asked():
    """h66: "crystalloid: … e.g. Hartmann's, ____% NaCl" keyed 0.9 alone; 0.45% and 7.2% NaCl are crystalloids too."""
    from qbank.generate.numeric import NumericFact  # noqa: F401 - the type is_example reads

    class Fact:
        blanked = "crystalloid: water + electrolytes; crosses capillary walls freely. e.g. Hartmann's, ____% NaCl."

        class source:  # noqa: N801 - a stand-in for Source
            section = None

    assert is_example(Fact())


def test_a_term_wrapped_before_its_dot_leader():
    """h66: "  dynamic risk" over "  assessment .......... spotting and acting …" keyed "Assessment"."""
    topic = _topic("Event management\n\nWHAT THIS IS ABOUT\nCrowd safety at events.\n\nWORDS YOU MUST BE ABLE TO DEFINE\n"
                   "  crowd density ....... people per square metre in a zone at a moment\n"
                   "  circulation ......... movement inside the site between stages, bars, toilets\n"
                   "  crowd collapse ...... people in a very dense crowd fall; those behind are\n"
                   "                        pushed over on top of them\n"
                   "  dynamic risk\n  assessment .......... spotting and acting on changing risk live, on the day\n")
    assert [c.term for c in topic.concepts] == ["crowd density", "circulation", "crowd collapse",
                                                "dynamic risk assessment"], topic.concepts
    assert topic.concepts[2].definition.endswith("pushed over on top of them"), topic.concepts[2]


def test_a_tutors_case_in_lower_case_sentences_and_section_signs_in_stems():
    lines = ["sample question", "  A till started the day with a £100.00 float. the Z-read shows cash sales of £842.75.",
             "  a cash lift of £400.00 was made (approx. at noon). Explain why the till is counted blind.   [2]",
             "  Mark scheme", "  - counting blind stops staff adjusting the count (1)", "  - it shows the real variance (1)"]
    _, tips = question_blocks(lines)
    assert len(tips) == 1 and "float. The Z-read" in tips[0][1] and "£842.75. A cash lift" in tips[0][1], tips
    assert "(approx. at noon)" in tips[0][1], tips
    from qbank.generate import build_bank
    topic = _topic("Dispensing\n\n§0  IN ONE PARAGRAPH\nA dispensed medicine carries a label.\n\n"
                   "§1  GLOSSARY\nPOM: prescription-only medicine.\nCD: controlled drug.\n\n§3  NUMBERS THAT GET ASKED\n"
                   "  * NHS prescription charge England: £9.90 per item.\n  * Sch 2 CD prescriptions are valid for 28 days.\n"
                   "  * Repeat dispensing batches run for up to 12 months.\n")
    stems = [i.stem for i in build_bank([topic], seed=0, diagnostics=[]).items]
    assert stems and not [s for s in stems if "§" in s or "GET ASKED" in s], stems


def test_grader_information_gives_the_tutors_marks_once():
    """h61-h64's examiners: a sample question's grader information printed its mark scheme twice, in the targeted
    question ("… Marks (1 mark each): a; b") and again in the credited line; the question is now given without
    its marks, and the credited line carries the cap."""
    from qbank.generate import build_bank
    from qbank.model import Essay
    topic = _topic("Espresso\n\nTopic Synopsis\nPulling espresso shots.\n\nExam Tips & Revision Strategies\n"
                   "- Sample question (3 marks): \"State the three stages of espresso extraction.\" Marks (1 mark each): "
                   "pre-infusion; extraction; blonding.\n")
    essays = [i for i in build_bank([topic], seed=0, diagnostics=[]).items if isinstance(i, Essay)]
    assert essays, "no essay"
    info = essays[0].grader_info
    assert info.count("blonding") == 1 and "The marking point credits (1 mark each): Pre-infusion" in info, info
    assert info.startswith('This prompt targets: Sample question (3 marks): "State the three stages'), info


def test_a_shortened_title_does_not_end_on_a_slash():
    """h63, built with h61-h66: "Which term: Small, deep movements with no glide. Transverse /…" was flagged by the
    audit as a path in learner-visible text (the release bar failed)."""
    from qbank.generate.common import short_title
    title = short_title("Which term", "Small, deep movements with no glide. Transverse / cross-fibre = across the fibre.")
    assert title.endswith("Transverse…"), title
