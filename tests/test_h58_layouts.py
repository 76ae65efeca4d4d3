"""Layouts of h58's notes (games development, and h51's brake notes once bracketed headings were read): headings
set in brackets, "[ what this is about ]", and numbered steps with lettered sub-steps ("1. Prepare" then
"   a. Job card …")."""

from __future__ import annotations

from qbank.generate import build_bank
from qbank.generate.statements import leans_back
from qbank.model import Section
from qbank.reader import read_topics
from qbank.syntax import keyword_heading

_BRACKETED = ("Games Development L3 -- Performance Module\nTOPIC 6: FRAME RATE AND FRAME TIME\n\n[ what this is about ]\n\n"
              "Players judge smoothness first. This topic covers frame time and V-Sync.\n\n[ glossary, A-Z ]\n\n"
              "Delta time -- the time the previous frame took, used to scale movement.\n"
              "Frame pacing -- how evenly frames are delivered.\nV-Sync -- makes the game wait for the display's refresh.\n\n"
              "[ the one formula ]\n\n    frame time (ms) = 1000 / fps\n\n[ exam advice ]\n\n* Always report performance in ms.\n\n"
              "[ misconceptions -- marked down every year ]\n\n* \"More fps always means smoother.\" Frame pacing matters too.\n")


def test_headings_set_in_brackets_are_read(tmp_path):
    """h58: a file whose headings were all "[ … ]" in lower case failed the whole build ("no section headings
    found")."""
    for heading, section in (("[ what this is about ]", Section.SYNOPSIS), ("[ glossary, A-Z ]", Section.CONCEPTS),
                             ("[ exam advice ]", Section.TIPS), ("[ misconceptions -- marked down every year ]",
                                                                  Section.MISCONCEPTIONS)):
        assert keyword_heading(heading) is section, heading
    (tmp_path / "f54d3c09.txt").write_text(_BRACKETED, encoding="utf-8")
    topics, diags = read_topics([tmp_path])
    assert not [d for d in diags if d.severity.name == "ERROR"], [str(d) for d in diags]
    assert [c.term for c in topics[0].concepts] == ["Delta time", "Frame pacing", "V-Sync"], topics[0].concepts
    assert topics[0].synopsis.startswith("Players judge smoothness first."), topics[0].synopsis


def test_lettered_sub_steps_are_no_part_of_their_step_name(tmp_path):
    """h51, once "[PROCEDURE - CHECK AND ADJUST]" was read as a heading: "1. Prepare" then "   a. Job card and
    technical data to hand." gave ordering items on "Prepare a", "Remove the drum a" (garbled)."""
    (tmp_path / "9fb7bd78.txt").write_text(
        "Drum brakes\n\nTopic Synopsis\nChecking and adjusting rear drum brakes.\n\nKey Concepts & Core Principles\n"
        "- Self-adjuster: a mechanism that keeps shoe clearance as linings wear.\n\nPROCEDURE - CHECK AND ADJUST\n"
        "----------------------------\n"
        "1. Prepare\n   a. Job card and technical data to hand.\n   b. Chock the front wheels.\n2. Remove the drum\n"
        "   a. Remove the wheel.\n   b. Back off the adjuster.\n3. Clean\n   a. Use brake cleaner, never compressed air.\n"
        "4. Inspect\n   a. Check lining thickness.\n5. Adjust\n   a. Adjust the shoes first.\n6. Test\n   a. Wheels turn freely.\n",
        encoding="utf-8")
    topics, diags = read_topics([tmp_path])
    stems = " ".join(i.stem + " " + i.general_feedback for i in build_bank(topics, seed=0, diagnostics=diags).items)
    assert "Prepare a" not in stems and "Remove the drum a" not in stems, stems


def test_an_order_on_a_pronoun_leans_on_the_line_before():
    """h50, once its lettered steps were read: "Report it to your manager/DPO IMMEDIATELY - the ____ clock …": report
    what? The line before named the breach."""
    assert leans_back("Report it to your manager/DPO IMMEDIATELY - the 72-hour clock is for the organisation.")
    assert leans_back("Check them against the delivery note before signing.")
    assert not leans_back("Report every breach to your manager at once.")


def test_a_boxed_table_of_questions_with_wrapped_cells_gives_one_question_per_row(tmp_path):
    """h58's games notes: "[ practice paper extract ]" over a "| Q | Question | Mark | Mark scheme |" table whose
    cells wrap over several lines between "+----+" rules: no question was set, and the file gave no item."""
    table = ("[ practice paper extract ]\n\n+----+----------------------------------+------+------------------------------+\n"
             "| Q  | Question                         | Mark | Mark scheme                  |\n"
             "+----+----------------------------------+------+------------------------------+\n"
             "| 1  | Explain why movement code should | 2    | makes movement per second    |\n"
             "|    | be multiplied by delta time.     |      | (1); same speed at any frame |\n"
             "|    |                                  |      | rate (1)                     |\n"
             "+----+----------------------------------+------+------------------------------+\n"
             "| 2  | Describe a test to find out      | 3    | lower the resolution (1);    |\n"
             "|    | whether a game is GPU-bound.     |      | big gain = GPU-bound (1);    |\n"
             "|    |                                  |      | no change = CPU-bound (1)    |\n"
             "+----+----------------------------------+------+------------------------------+\n")
    (tmp_path / "f54d3c09.txt").write_text(_BRACKETED + "\n" + table, encoding="utf-8")
    topics, diags = read_topics([tmp_path])
    essays = {i.stem.split(": ", 1)[-1]: i for i in build_bank(topics, seed=0, diagnostics=diags).items
              if type(i).__name__ == "Essay"}
    assert "Explain why movement code should be multiplied by delta time. (2 marks)" in essays, list(essays)
    assert "Describe a test to find out whether a game is GPU-bound. (3 marks)" in essays, list(essays)
    assert "makes movement per second (1); same speed at any frame rate (1)" in \
        essays["Explain why movement code should be multiplied by delta time. (2 marks)"].grader_info


def test_h59_headings_a_labelled_levels_scheme_and_a_glossary_header(tmp_path):
    """h59 (read before stopping, untuned): "WHAT IS THIS TOPIC ABOUT?" was no heading (33 lines ignored); "MYTH vs
    FACT" did not head the mistakes; "Marking guidance - levels of response" was printed in an essay's stem; and
    "TERM | WHAT IT MEANS" was read as a term."""
    assert keyword_heading("MYTH vs FACT") is Section.MISCONCEPTIONS
    (tmp_path / "50ac755a.txt").write_text(
        "Chainsaw safety\nArboriculture - revision sheet\n\nWHAT IS THIS TOPIC ABOUT?\nUsing a chainsaw safely to fell small "
        "trees.\n\n== Vocabulary ==\n  TERM                 | WHAT IT MEANS\n  ---------------------+--------------------\n"
        "  Kickback             | violent up-and-back rotation of the bar\n  Hinge                | uncut strip that steers the "
        "tree\n  Back cut             | the cut from the rear towards the hinge\n\nSample question (12 marks)\n"
        "You are asked to fell a 300 mm sycamore beside a footpath. Describe your pre-felling checks.\n\n"
        "Marking guidance - levels of response\nLevel 2 (7-12): complete plan with reasons.\nLevel 1 (1-6): a list of "
        "checks.\n", encoding="utf-8")
    topics, diags = read_topics([tmp_path])
    assert topics[0].synopsis.startswith("Using a chainsaw safely"), topics[0].synopsis
    assert [c.term for c in topics[0].concepts] == ["Kickback", "Hinge", "Back cut"], topics[0].concepts
    stems = [i.stem for i in build_bank(topics, seed=0, diagnostics=diags).items if type(i).__name__ == "Essay"]
    assert any(s.endswith("Describe your pre-felling checks. (12 marks)") for s in stems), stems
    assert not any("Marking guidance" in s for s in stems), stems
