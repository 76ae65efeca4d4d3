"""Layouts of h67-h68's notes (gel polish, drivers' hours, cask ale; lambing, anti-money-laundering, TIG welding),
read blind: glossaries marked ">> term ...... definition" were read as dozens of headings, "§2 GLOSSARY (term |
meaning)" and '5. "BUT I THOUGHT..." -- MISTAKES I HEAR EVERY YEAR' were no headings, and a title was printed with
its "## subtitle". Each test plants one layout and fails without its rule."""

from __future__ import annotations

from qbank.model import Section
from qbank.reader import parse_topic
from qbank.syntax import keyword_heading


def _topic(text: str):
    result = parse_topic(text.encode("utf-8"), "x.txt", "x")
    assert result.topic is not None, [str(d) for d in result.diagnostics]
    return result.topic


def test_a_glossary_of_items_marked_with_chevrons():
    topic = _topic("Cellarmanship\n\nWHY THIS MATTERS (overview)\nCask ale is a living product.\n\n"
                   "*** GLOSSARY (alphabetical) ***\n"
                   "  >> beer engine ........ the handpump on the bar, a piston pump that draws\n"
                   "                          beer up from the cellar.\n"
                   "  >> shive .............. the wooden bung in the cask's belly, vented with a spile\n"
                   "  >> stillage ........... the frame that holds a cask still and tilted\n")
    assert [c.term for c in topic.concepts] == ["beer engine", "shive", "stillage"], topic.concepts


def test_headings_with_a_bar_in_their_aside_or_punctuation_among_their_words():
    assert keyword_heading("§2  GLOSSARY   (term | meaning)") is Section.CONCEPTS
    assert keyword_heading('5. "BUT I THOUGHT..." -- MISTAKES I HEAR EVERY YEAR') is Section.MISCONCEPTIONS
    assert keyword_heading("§4  WHAT DRIVERS SAY  vs  WHAT THE LAW SAYS") is Section.MISCONCEPTIONS


def test_a_title_with_a_doubled_hash_separator():
    topic = _topic("DRIVERS' HOURS + TACHOGRAPHS  ##  goods vehicles over 3.5 t\n\n§0  WHAT THIS IS ABOUT\n"
                   "The rules on driving time and rest for drivers of goods vehicles.\n")
    assert topic.title == "Drivers' hours + tachographs", topic.title


def test_numbered_questions_then_their_marks_numbered_under_one_label():
    """h67: "Q1 … [1]", "Q2 … [8]", "Q3 … [2]", then "MARKING" and "Q1 …", "Q2 …", "Q3 …": the last question was
    set with all three questions' marks (a grader could credit manual handling as a reason for cleaning lines)."""
    from qbank.questions import question_blocks
    lines = ["*** SAMPLE QUESTION ***",
             "  Q1  State the recommended cellar temperature for cask ale.                      [1]",
             "  Q2  Describe how a newly delivered firkin should be prepared.                   [3]",
             "  Q3  Give TWO reasons for cleaning beer lines at least every 7 days.              [2]", "",
             "  MARKING", "  Q1  11-13 C (1). Units needed.", "  Q2  1 mark per point, max 3:",
             "      - check date/condition on delivery", "      - safe manual handling", "      - stillage with the shive uppermost",
             "  Q3  1 mark each, max 2: stops yeast/bacteria building up / prevents off flavours."]
    _, tips = question_blocks(lines)
    assert len(tips) == 3, tips
    assert "manual handling" in tips[1][1] and "manual handling" not in tips[2][1] and "11-13" not in tips[2][1], tips
    assert "delivery; safe manual handling; stillage" in tips[1][1], tips[1]


def test_a_papers_total_under_parts_is_no_parts_tariff():
    """h68: "(c) … [3]" then "[10 marks]" alone under it: part (c) was set as a 10-mark question."""
    from qbank.questions import question_blocks
    lines = ["~~ sample question ~~", " Q. A welder is to TIG weld a 2 mm 304L stainless tube butt joint.",
             "    (a) State the polarity and shielding gas.                          [2]",
             "    (c) Give TWO reasons why stainless steel distorts more than carbon",
             "        steel.                                                        [2]",
             "                                                                  [4 marks]",
             " Mark scheme", "  (a) DCEN (1); pure argon (1)", "  (c) expansion about 1.5x carbon steel (1); conductivity about 1/3 (1)"]
    _, tips = question_blocks(lines)
    assert len(tips) == 2 and "(2 marks)" in tips[1][1] and "4 marks" not in tips[1][1], tips


def test_a_value_stem_stops_at_an_arrow_to_an_action():
    """h68: "When to help: ewe straining hard for ____ with no progress, … after the water bag shows -> examine (clean
    hands, gloves, lube)." quoted the action the arrow leads to in the stem."""
    from qbank.generate import build_bank
    topic = _topic("Lambing\n\nOVERVIEW\nCare of ewes and lambs at lambing.\n\nNUMBERS -- LEARN THESE COLD\n"
                   "  * When to help: ewe straining hard for 30 minutes with no progress -> examine (clean hands, gloves).\n"
                   "  * Navel: dip in strong (10%) iodine straight after birth.\n"
                   "  * Colostrum: 50 ml/kg by stomach tube for a weak lamb.\n"
                   "  * Check ewes every 2 hours at night.\n  * Move a ewe to a pen within 20 minutes of lambing.\n")
    stems = [i.stem for i in build_bank([topic], seed=0, diagnostics=[]).items if "straining" in i.stem]
    assert stems and not [s for s in stems if "->" in s or "examine" in s], stems
