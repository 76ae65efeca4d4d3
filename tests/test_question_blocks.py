"""Tutors' sample questions laid out over several lines (h49): a label or heading, the question (maybe in
parts), then the marks. Read line by line, the labels became headings, the marks became marking points
(or observation points) and no essay was set from four of five files."""

from __future__ import annotations

from pathlib import Path

from qbank.generate import build_bank
from qbank.model import Essay
from qbank.questions import question_blocks
from qbank.reader import read_topics

_HEAD = ("Preparing and serving espresso-based coffee\n\nOverview\nMaking espresso drinks.\n\nKey terms\n- Crema: the foam on an espresso.\n"
         "- Tamp: pressing the coffee into the basket.\n\nExam tips\n- Learn the numbers.\n\n")


def _essays(tmp_path: Path, body: str) -> dict[str, Essay]:
    (tmp_path / "3a9d58c0.txt").write_text(_HEAD + body, encoding="utf-8")
    topics, diags = read_topics([tmp_path])
    bank = build_bank(topics, seed=0, diagnostics=diags)
    return {i.stem.split(": ", 1)[-1] if i.stem.startswith("In the context of") else i.stem: i
            for i in bank.items if isinstance(i, Essay)}, topics[0]


def test_a_question_under_its_heading_with_a_marking_guide_is_one_essay(tmp_path):
    essays, topic = _essays(tmp_path, (
        "## Sample exam question\nQ. Describe how to texture milk for a cappuccino. (6 marks)\n"
        "Marking guide (1 mark each, up to 6):\n - fresh cold milk in a clean jug\n - purge the wand before use\n"
        " - tip just below the surface to stretch the milk\n - stop at 60-65 °C\n\n"
        "## What the assessor looks for\n- Clean, safe working.\n"))
    assert "Describe how to texture milk for a cappuccino. (6 marks)" in essays, list(essays)
    guidance = essays["Describe how to texture milk for a cappuccino. (6 marks)"].grader_info
    assert "Fresh cold milk in a clean jug; purge the wand before use; tip just below" in guidance, guidance
    assert [m.text for m in topic.marking_points] == ["Clean, safe working."]  # the marks are the question's


def test_a_question_in_parts_gives_one_essay_per_part_each_with_its_case(tmp_path):
    essays, _ = _essays(tmp_path, (
        "Sample question (6 marks)\n"
        "A two-storey new-build house is to have minimum compliance.\n"
        "(a) State the minimum Grade and Category of system required. (2 marks)\n"
        "(b) Give FOUR requirements for where the smoke alarms are sited. (4 marks)\n\n"
        "Mark scheme:\n(a) Grade D2 (1 mark). Category LD3 (1 mark).\n"
        "(b) Any four, 1 mark each: an alarm on every storey; no door more than 7.5 m from an\n"
        "    alarm; ceiling alarms at least 300 mm from walls; not in kitchens.\n"))
    a = "A two-storey new-build house is to have minimum compliance. State the minimum Grade and Category of system " \
        "required. (2 marks)"
    b = "A two-storey new-build house is to have minimum compliance. Give FOUR requirements for where the smoke " \
        "alarms are sited. (4 marks)"
    assert a in essays and b in essays, list(essays)
    assert "Grade D2; Category LD3" in essays[a].grader_info
    assert "no door more than 7.5 m from an alarm" in essays[b].grader_info and "D2" not in essays[b].grader_info


def test_a_calculation_whose_case_gives_the_figures_is_set_with_its_worked_marks(tmp_path):
    essays, _ = _essays(tmp_path, (
        "Typical question - 8 marks\n\"Sam is paid £600 for week 1. Code 1257L, no pension. Calculate Sam's tax\n"
        "and net pay.\"\n   Taxable pay 600 - 241.90 = 358.10 ............ 1 mark\n"
        "   Tax 20% x 358 = £71.60 ...................... 2 marks\n"))
    prompt = "Sam is paid £600 for week 1. Code 1257L, no pension. Calculate Sam's tax and net pay. (8 marks)"
    assert prompt in essays, list(essays)
    assert "Taxable pay 600 - 241.90 = 358.10; Tax 20% x 358 = £71.60" in essays[prompt].grader_info


def test_oral_questions_and_a_question_with_no_marks_are_left_to_the_line_reader():
    lines = ["Oral questions often asked:", "Q Name four safety features of the saw.", "Marks: chain brake; stop switch.",
             "", "Sample question", "Describe how to tamp.", "", "", "Exam tips"]
    kept, tips = question_blocks(lines)
    assert tips == [] and kept == lines


def test_question_blocks_under_decorated_headings_with_marks_in_tables_and_bracketed_tariffs():
    """h51: "8. SAMPLE QUESTION" over a rule with "[1] …" mark lines; "~~ Sample question ~~" with "[5 marks]"
    and a boxed table of creditworthy points; "PART H - SAMPLE QUESTION" with "(8 marks: 1 for each check …)"
    and a marked model answer; "[SAMPLE WRITTEN QUESTION]": none was read, so no essay was set."""
    def tips(text: str) -> list[str]:
        return [t for _, t in question_blocks(text.split("\n"))[1]]

    assert tips("8. SAMPLE QUESTION\n------------------\nQ. A customer wants an outside tap. Explain why a double check\n"
                "   valve is needed.   (4 marks)\n\n   Mark scheme - one mark for each point, max 4:\n"
                "   [1] garden hose is a category 3 risk\n   [1] it prevents backflow into the supply\n"
                "   Do NOT credit \"to stop leaks\".\n") == [
        'Sample question (4 marks): "A customer wants an outside tap. Explain why a double check valve is needed." '
        'Marks (one mark for each point, max 4): garden hose is a category 3 risk; it prevents backflow into the supply; Do NOT credit "to stop leaks".']
    assert tips("~~ Sample question ~~\n Q4. Describe how to bake a flan case blind.         [5 marks]\n"
                " +----------------------+------+\n | Creditworthy point   | Mark |\n +----------------------+------+\n"
                " | Dock the base        |  1   |\n | Chill before baking  |  1   |\n +----------------------+------+\n") == [
        'Sample question (5 marks): "Describe how to bake a flan case blind." Marks: Dock the base; Chill before baking.']
    [hoist] = tips("PART H - SAMPLE QUESTION\n \"Describe FOUR checks you would make before using a hoist, and\n"
                   " explain why each is needed.\" (8 marks: 1 for each check, 1 for each reason)\n"
                   "Model answer (a learner's, marked):\n   I would check the sticker is in date (1), because it must be\n"
                   "   examined every 6 months (1).                          8/8\n")
    assert hoist.startswith('Sample question (8 marks): "Describe FOUR checks you would make before using a hoist, and '
                            'explain why each is needed." Marks: I would check the sticker') and "8/8" not in hoist
    assert tips("[SAMPLE WRITTEN QUESTION]\nQ3. Describe the checks you would carry out. (6 marks)\n"
                "Marking guide - any six, 1 mark each:\n  - drums removed\n  - linings checked\n")[0].endswith(
        "Marks (any six, 1 mark each): drums removed; linings checked.")  # the tutor's cap kept (h51's examiner)


def test_a_tutors_question_naming_a_thing_as_anyone_is_set(tmp_path):
    """h51: "Describe how to bake a shortcrust flan case blind" was refused as referring to a case the
    prompt would not give."""
    essays, _ = _essays(tmp_path, "Sample question (5 marks): \"Describe how to bake a shortcrust flan case blind.\"\n"
                                  "Marks: dock the base; chill before baking; line and fill with beans.\n")
    assert "Describe how to bake a shortcrust flan case blind. (5 marks)" in essays, list(essays)


def test_a_mark_line_saying_what_a_list_caps_at_keeps_its_figure():
    """h50's examiner: "A list of parts with no reasons caps at 3 marks." lost its "3 marks" (read as the
    line's own tariff) and the guidance ended "caps at."."""
    [tip] = [t for _, t in question_blocks(
        ["Sample question (6 marks)", "Describe how you would put it right.", "Marks:",
         "- isolate at the servicing valve (1 mark)", "- Tax 20% x 358 = £71.60 .......... 2 marks",
         "A list of parts with no reasons caps at 3 marks."])[1]]
    assert tip.endswith("Marks: isolate at the servicing valve; Tax 20% x 358 = £71.60; "
                        "A list of parts with no reasons caps at 3 marks."), tip


def test_more_layouts_of_sample_questions():
    """h52: "-- Sample exam question ----" with "1 mark: …" lines; "8. SAMPLE WRITTEN QUESTION" with a bare "(6)"
    tariff and a long aside on its marks label; "*** Sample question ***" over a table whose row wraps in its
    cell; "Part H - Practice question" with "What earns marks (1 each, max 8):" and marks run together with
    "...". None of the four was read."""
    def tips(text: str) -> list[str]:
        return [t for _, t in question_blocks(text.split("\n"))[1]]

    assert tips("-- Sample exam question ----------\n A shed base is 2.5 m x 2.0 m x 100 mm. Calculate the volume of\n"
                " concrete, allowing 10% for waste.       (3 marks)\n   1 mark: 2.5 x 2.0 x 0.1 = 0.5 m3\n"
                "   1 mark: 0.5 x 1.1\n") == [
        'Sample question (3 marks): "A shed base is 2.5 m x 2.0 m x 100 mm. Calculate the volume of concrete, allowing '
        '10% for waste." Marks: 2.5 x 2.0 x 0.1 = 0.5 m3; 0.5 x 1.1.']
    [fan] = tips("8. SAMPLE WRITTEN QUESTION\n--------------------------\nQ. A client wants a fan in a bathroom with no\n"
                 "   window. Describe the requirements for this installation. (6)\n"
                 "Mark scheme - 1 mark per point, max 6 (a bare \"waterproof fan\" scores 0):\n"
                 "   [1] extract rate of at least 15 l/s\n   [1] overrun of 15 minutes\n")
    assert fan.startswith('Sample question (6 marks): "A client wants a fan in a bathroom with no window. Describe') \
        and "Marks (1 mark per point, max 6 (a bare 'waterproof fan' scores 0)): extract rate" in fan, fan
    [kettle] = tips("*** Sample question ***\n\n Mrs Patel bought a kettle 7 weeks ago. Explain her rights. (6 marks)\n\n"
                    " | Answer point                          | Mark |\n |---------------------------------------|------|\n"
                    " | Over 30 days, so the short-term right |  1   |\n | If that fails, a full refund, no      |  1   |\n"
                    " | deduction within 6 months             |      |\n")
    assert kettle.endswith("Marks: Over 30 days, so the short-term right; If that fails, a full refund, no deduction "
                           "within 6 months."), kettle
    [mouth] = tips("Part H - Practice question\n~~~~~~~~~~~~~~~~~~~~~~~~~~\nMr Evans has dementia. Describe how you would\n"
                   "support his mouth care.        [8 marks]\n\nWhat earns marks (1 each, max 8):\n"
                   "  consent ... upright position ... remove and\n  check dentures ... record in care plan.\n")
    assert mouth.endswith("Marks (1 each, max 8): consent; upright position; remove and check dentures; record in "
                          "care plan."), mouth


def test_a_case_of_four_sentences_before_each_part_is_set(tmp_path):
    """h53: a flue-gas case in four short sentences before its parts (a)-(c): the quoted-question reader allowed
    three sentences of case, so no part was set."""
    essays, _ = _essays(tmp_path, (
        "SAMPLE WRITTEN QUESTION (5 marks)\n=================================\n"
        "Room-sealed combi at max rate. Air inlet: O2 20.3%, CO2 0.4%.\nFlue: CO 95 ppm, CO2 9.1%. No figures given in the MIs.\n"
        " (a) Calculate the CO/CO2 ratio and state if it is acceptable. (3)\n"
        " (b) Give two reasons for zeroing the analyser in fresh air. (2)\nMark scheme:\n"
        " (a) 95 / 91,000 = 0.0010 (1); below 0.008 so acceptable (1).\n (b) sets true zero (1); clears old gas (1).\n"))
    case = "Room-sealed combi at max rate. Air inlet: O2 20.3%, CO2 0.4%. Flue: CO 95 ppm, CO2 9.1%. No figures given in the MIs."
    assert f"{case} Give two reasons for zeroing the analyser in fresh air. (2 marks)" in essays, list(essays)
    assert f"{case} Calculate the CO/CO2 ratio and state if it is acceptable. (3 marks)" in essays, list(essays)


def test_each_part_answered_after_its_tariff_on_its_own_line_is_set_with_those_answers(tmp_path):
    """h53: '(a) Name TWO … (4)  1 mark per item, 1 per reason: gloves - …': no marks label, each part's answer
    after its tariff. No part was set; and parts asked as questions ("Why must you …?") were never quoted
    questions at all."""
    essays, topic = _essays(tmp_path, (
        "SECTION 8 - Sample written question (7 marks)\n"
        " A customer's espresso tastes sour and the shot ran in 15 seconds.\n"
        " (a) Name TWO changes to the grind or dose and say why each helps. (4)  1 mark per change, 1 per reason:\n"
        "     finer grind - slows the shot; bigger dose - more resistance.\n"
        " (b) Why should the shot run for 25-30 seconds? (2)  Full extraction of the\n"
        "     flavours (1); avoids bitter over-extraction (1).\n"
        " (c) How should the portafilter be cleaned after service? (1)  Backflush with\n"
        "     detergent and a blind basket (1).\n\n"
        "SECTION 9 - What the assessor looks for\n - Clean, safe working.\n"))
    case = "A customer's espresso tastes sour and the shot ran in 15 seconds."
    a = f"{case} Name TWO changes to the grind or dose and say why each helps. (4 marks)"
    b = f"{case} Why should the shot run for 25-30 seconds? (2 marks)"
    c = f"{case} How should the portafilter be cleaned after service? (1 mark)"
    assert {a, b, c} <= set(essays), list(essays)
    assert "The marking point credits (1 mark per change, 1 per reason): Finer grind - slows the shot; bigger dose - more resistance." \
        in essays[a].grader_info, essays[a].grader_info
    assert "Full extraction of the flavours (1); avoids bitter over-extraction (1)" in essays[b].grader_info
    assert "(1) avoids" not in essays[b].stem and "Backflush" not in essays[c].stem
    # the learner is sent to the question's own heading, not to the exam tips
    assert essays[b].general_feedback.endswith(", SECTION 8 - Sample written question."), essays[b].general_feedback
    assert [m.text for m in topic.marking_points] == ["Clean, safe working."]


def test_a_part_without_its_answer_after_the_tariff_is_no_inline_answered_question():
    """Every part must carry its answer; a question with a separate mark scheme is read as before."""
    _, tips = question_blocks(["Sample question (4 marks)", "A sour espresso.",
                               " (a) Name TWO changes to the grind. (2)  finer grind (1); bigger dose (1).",
                               " (b) Why should the shot run for 25 seconds? (2)", ""])
    assert tips == []


def test_a_mark_scheme_label_without_a_colon_and_caps_leading_each_part(tmp_path):
    """h54 (welding): "Mark scheme" alone on its line, "Total: 7 marks" under the parts, and each part's marks led
    by its cap ("1 mark each, max 2:") or by "1 mark:" twice: no part was set."""
    essays, _ = _essays(tmp_path, (
        "SAMPLE EXAM QUESTION AND MARK SCHEME\n\nA customer says her flat white tastes burnt.\n\n"
        "(a) State TWO likely causes. (2 marks)\n(b) Explain why the milk was overheated. (2 marks)\nTotal: 4 marks\n\n"
        "Mark scheme\n(a) 1 mark each, max 2: milk above 70 °C; wand left in too long; old beans. Do NOT accept \"bad coffee\" alone.\n"
        "(b) 1 mark: no thermometer was used. 1 mark: the barista did not feel the jug.\n"))
    case = "A customer says her flat white tastes burnt."
    a, b = f"{case} State TWO likely causes. (2 marks)", f"{case} Explain why the milk was overheated. (2 marks)"
    assert {a, b} <= set(essays), list(essays)
    assert "The marking point credits (1 mark each, max 2): Milk above 70 °C; wand left in too long; old beans; Do NOT accept" \
        in essays[a].grader_info, essays[a].grader_info
    assert "The marking point credits: no thermometer was used; the barista did not feel the jug." in essays[b].grader_info, essays[b].grader_info
    assert "Total" not in essays[b].stem


def test_bold_labels_award_leads_and_a_recommendation_task(tmp_path):
    """h54 (warehouse): "**Q.**", "**Mark scheme**", "(a) Award 1 mark for each of: …" and "Recommend …"."""
    essays, _ = _essays(tmp_path, (
        "## Sample question and mark scheme\n\n**Q.** A café runs out of milk every Saturday.\n"
        "(a) Explain why the order is too small. (2)\n(b) Recommend a reorder method. (2)\n"
        "(c) Describe TWO other controls. (4)\n\n**Mark scheme**\n"
        "(a) Award 1 mark for each of: orders are based on weekday sales; no safety stock.\n"
        "(b) Award 1 mark for each of: a reorder point; a par level for Saturday.\n"
        "(c) Award 1 mark for each control identified and 1 further mark for each explanation given, max 4. E.g. a stock count on Friday; "
        "a standing order with the dairy.\n"))
    case = "A café runs out of milk every Saturday."
    b, c = f"{case} Recommend a reorder method. (2 marks)", f"{case} Describe TWO other controls. (4 marks)"
    assert {b, c} <= set(essays), list(essays)
    assert "The marking point credits (Award 1 mark for each of): A reorder point; a par level for Saturday." in essays[b].grader_info
    # (the "E.g." stays: without it the list reads as closed, h54's second examiner)
    assert "max 4): E.g. a stock count on Friday; a standing order with the dairy." in essays[c].grader_info, essays[c].grader_info
    # the learner's feedback gives the marks without the tutor's long cap in front of them
    assert "The marks go to: E.g. a stock count on Friday; a standing order" in essays[c].general_feedback, essays[c].general_feedback


def test_numbered_questions_under_one_heading_each_with_its_marks_and_levels(tmp_path):
    """h54 (sport coaching): Q1, Q2 and Q3 under one "Sample question and mark scheme" heading, each with its own
    indented marks ("Award 1 mark each:", "1 mark: …", "Level 3 (6-8): …"): only the first was read, and none set."""
    essays, _ = _essays(tmp_path, (
        "Sample question and mark scheme\n-------------------------------\n"
        "Q1. State the three stages of espresso extraction. (3 marks)\n    Award 1 mark each: pre-infusion; extraction; blonding.\n\n"
        "Q2. A shot uses 18 g of coffee. Using a 1:2 brew ratio, calculate the yield. Show your working. (2 marks)\n"
        "    1 mark: 18 x 2\n    1 mark: = 36 g\n\n"
        "Q3. Evaluate how a café could keep its espresso consistent through a busy day. (8 marks)\n"
        "    Level 3 (6-8): dialling in, grinder purging and dosing by weight, with reasons.\n"
        "    Level 2 (3-5): some relevant controls with limited reasons.\n    0: nothing worthy of credit.\n"))
    q1 = "State the three stages of espresso extraction. (3 marks)"
    q2 = "A shot uses 18 g of coffee. Using a 1:2 brew ratio, calculate the yield. Show your working. (2 marks)"
    q3 = "Evaluate how a café could keep its espresso consistent through a busy day. (8 marks)"
    assert {q1, q2, q3} <= set(essays), list(essays)
    assert "The marking point credits (1 mark each): Pre-infusion; extraction; blonding." in essays[q1].grader_info
    assert "Level 3 (6-8): dialling in, grinder purging and dosing by weight, with reasons" in essays[q3].grader_info
    assert "Level 2 (3-5)" in essays[q3].grader_info and "18 x 2" in essays[q2].grader_info
    # each cites the heading it sits under, not its own first line (h56's examiner: "Source: …, 3. State TWO … [2.")
    assert essays[q3].general_feedback.endswith(", Sample question and mark scheme."), essays[q3].general_feedback


def test_a_grid_of_marks_by_part_with_a_blank_part_cell_for_each_further_mark(tmp_path):
    """h54 (bookkeeping): the marks in a "Part | Answer required | Marks" grid, a part's second mark in a row whose
    part cell is blank, a total row and "Do not award (c) marks if …" under it: no part was set."""
    essays, _ = _essays(tmp_path, (
        "Sample question and marking grid\n================================\n\n"
        "Q. A café sells a £3 latte and the till records £30.\n(a) Name the type of error made.\n"
        "(b) State the correction, giving a reason.\n\n"
        "    Part | Answer required                   | Marks\n    -----|-----------------------------------|------\n"
        "    (a)  | Error of original entry           | 1\n    (b)  | Reduce sales by £27               | 1\n"
        "         | The till was keyed wrongly        | 1\n    Total                                  3\n"
        "    Do not award (b) marks if the sum is wrong.\n"))
    case = "A café sells a £3 latte and the till records £30."
    a, b = f"{case} Name the type of error made. (1 mark)", f"{case} State the correction, giving a reason. (2 marks)"
    assert {a, b} <= set(essays), list(essays)
    assert "The marking point credits: Error of original entry (1)." in essays[a].grader_info, essays[a].grader_info
    # (part (b) is set alone: its own marks are "these marks", h54's second examiner)
    assert "The marking point credits: Reduce sales by £27 (1); The till was keyed wrongly (1); Do not award these marks if the sum is " \
        "wrong." in essays[b].grader_info, essays[b].grader_info


def test_questions_with_model_answers_extended_response_levels_and_case_studies(tmp_path):
    """h55: "Sample questions with model answers" (Q1 … / Model answer: …), "10. Sample extended-response question
    (12 marks)" over a quoted question, "Indicative content" with no colon and its levels after a blank line, and
    "SAMPLE CASE STUDY QUESTION (10 marks):" whose task is "Analyse …": none was set."""
    essays, _ = _essays(tmp_path, (
        "Sample questions with model answers\n-----------------------------------\n"
        "Q1. Name the three parts of an espresso shot. (3 marks)\nModel answer: crema; body; heart. One mark each.\n\n"
        "10. Sample extended-response question (12 marks)\n\n\"A café's espresso tastes sour at opening and bitter by "
        "noon. Evaluate how the barista should adjust the grinder through the day.\"\n\nIndicative content\n"
        "- Grind finer at opening when the shot runs fast.\n- Coarsen as the hopper warms and shots slow.\n\n"
        "Level 3 (9–12 marks): correct direction of each change with reasons.\nLevel 1 (1–4 marks): basic statements.\n\n"
        "SAMPLE CASE STUDY QUESTION (10 marks):\nA café's milk waste has doubled in a month. Analyse the likely causes and "
        "recommend actions.\n\nIndicative content – award 1 mark per valid, justified point up to 10:\n"
        "- Jugs overfilled for each drink.\n- Stock not rotated in the fridge.\n"))
    q1 = "Name the three parts of an espresso shot. (3 marks)"
    q10 = ("A café's espresso tastes sour at opening and bitter by noon. Evaluate how the barista should adjust the grinder "
           "through the day. (12 marks)")
    case = "A café's milk waste has doubled in a month. Analyse the likely causes and recommend actions. (10 marks)"
    assert {q1, q10, case} <= set(essays), list(essays)
    assert "crema; body; heart" in essays[q1].grader_info
    assert "Grind finer at opening" in essays[q10].grader_info and "Level 3 (9–12 marks): correct direction" \
        in essays[q10].grader_info, essays[q10].grader_info
    assert "Jugs overfilled for each drink" in essays[case].grader_info


def test_bracketed_part_tariffs_a_case_sentence_opening_with_a_figure_and_a_question_set_on_the_notes_table(tmp_path):
    """h55: "[2]" tariffs stayed in the prompt (and a summed tariff contradicted the tutor's); a case sentence opening
    "25.00 cm³ of this solution …" stopped the question being read; "The readings in Part C, rows 1–5, …" was set
    although the candidate never sees Part C."""
    essays, _ = _essays(tmp_path, (
        "## Sample exam question\n\nA barista weighs 18.0 g of coffee into the basket.\n"
        "36.0 g of espresso is pulled in 28 s.\n(a) Calculate the brew ratio. [2]\n(b) State whether the shot is in range. [1]\n\n"
        "MARK SCHEME\n(a) 36.0 ÷ 18.0 (1). = 1:2 (1).\n(b) Yes, 25-30 s is the target (1).\n\n"
        "PART G – SAMPLE QUESTION\n\nThe readings in Part C, rows 1–5, were taken on one grinder.\n"
        "(a) Calculate the mean dose. [2]\n(b) Explain why doses vary. [2]\n\nMARK SCHEME\n(a) 18.2 g (2).\n"
        "(b) Static (1); grind retention (1).\n"))
    case = "A barista weighs 18.0 g of coffee into the basket. 36.0 g of espresso is pulled in 28 s."
    assert f"{case} Calculate the brew ratio. (2 marks)" in essays, list(essays)
    assert f"{case} State whether the shot is in range. (1 mark)" in essays, list(essays)
    assert not any("Part C" in stem or "mean dose" in stem for stem in essays), list(essays)
    # a part that neither works on the table's data nor names a word of it stands alone (h55's second examiner)
    assert any(stem.startswith("Explain why doses vary. (2 marks)") for stem in essays), list(essays)


def test_practice_question_layouts_of_h56(tmp_path):
    """h56: "Practice - short answer" with "1." questions, "Accept:"/"Reject:" lines and a yes/no question;
    "Past-style questions" with "Q1 (4 marks) …", "Mark points (1 each, max 4):" and "What is …? Show working.";
    practice questions with "MS:" marks: none was read."""
    essays, _ = _essays(tmp_path, (
        "Practice - short answer\n-----------------------\n"
        "1. Sam pulls a double shot in 12 seconds. Was this shot acceptable? [2]\n"
        "     Accept: No (1) - a double should run for 25-30 seconds (1).\n     Reject: \"Yes, it tasted fine\".\n\n"
        "2. State TWO reasons for purging the steam wand. [2]\n     Accept any two: clears milk residue; clears water.\n\n"
        "Past-style questions\n--------------------\nQ1 (4 marks) Compare a flat white and a latte for a customer who "
        "wants a strong coffee.\n   Mark points (1 each, max 4):\n     - flat white has less milk\n     - latte is milder\n\n"
        "Q2 (2 marks) A double uses 18 g of coffee. What is the yield at a 1:2 ratio? Show working.\n"
        "   Answer: 18 x 2 = 36 g (1 working, 1 answer).\n\n"
        "9. PRACTICE QUESTIONS WITH MARK SCHEME\n\nQ1. Explain why the grinder is purged each morning.      (2 marks)\n"
        "    MS: stale coffee is removed (1); the dose is consistent (1).\n"))
    lawful = "Sam pulls a double shot in 12 seconds. Was this shot acceptable? (2 marks)"
    compare = "Compare a flat white and a latte for a customer who wants a strong coffee. (4 marks)"
    ratio = "A double uses 18 g of coffee. What is the yield at a 1:2 ratio? Show working. (2 marks)"
    assert {lawful, compare, ratio} <= set(essays), list(essays)
    assert any(s.startswith("State TWO reasons for purging the steam wand.") for s in essays), list(essays)
    assert any("Explain why the grinder is purged each morning. (2 marks)" in s for s in essays), list(essays)
    assert 'The marking point credits: No (1) - a double should run for 25-30 seconds (1); Reject: "Yes, it tasted fine".' \
        in essays[lawful].grader_info, essays[lawful].grader_info
    assert "The marking point credits (1 each, max 4): Flat white has less milk; latte is milder." in essays[compare].grader_info, \
        essays[compare].grader_info


def test_a_self_test_of_multiple_choice_questions_answered_at_the_bottom_gives_only_its_written_question(tmp_path):
    """h56: a "SELF-TEST (answers at bottom)" of a)-d) questions and one written question with its mark scheme was read
    as one question of them all."""
    essays, _ = _essays(tmp_path, (
        "SELF-TEST (answers at bottom)\n 1. Which milk foams best?\n    a) skimmed   b) whole   c) oat   d) soya\n"
        " 2. At what temperature should milk be served?\n    a) 40 °C   b) 65 °C   c) 80 °C   d) 95 °C\n"
        " 3. (4 marks) A latte tastes burnt. Explain a likely cause and two corrective actions.\n"
        "    Mark scheme: milk overheated above 70 °C (1); wand held too deep (1); any two actions, 1 each: use a "
        "thermometer / stop at 65 °C.\n\nAnswers: 1 b, 2 b.\n"))
    assert list(essays) == ["A latte tastes burnt. Explain a likely cause and two corrective actions. (4 marks)"], list(essays)


def test_parts_answered_under_each_across_blank_lines_and_a_last_part_with_its_indicative_content(tmp_path):
    """h56: "(a) … [4]" with "One mark each: …" under it, a blank line, "(b) … [3]" with its marks under it, then
    "(c) Scenario [8]: …" whose marks are "Indicative content: …" and bands: only (a) was set."""
    essays, _ = _essays(tmp_path, (
        "PART F - EXAM PRACTICE\n\n(a) Name FOUR milk alternatives.                  [4]\n"
        "    One mark each: oat, soya, almond, coconut, rice. Do not credit \"cream\".\n\n"
        "(b) State the three checks made before opening.   [3]\n    Grinder purged (1); wand clean (1); milk in date (1).\n\n"
        "(c) Scenario [8]: A customer says she has a milk allergy and asks for a latte. Explain how you would respond.\n\n"
        "    Indicative content: ask about the allergy; use a clean jug; offer oat or soya; tell her of shared wands.\n\n"
        "    Band 2 (5-8): safe, clear response with reasons.\n    Band 1 (1-4): basic actions only.\n"))
    a, b = "Name FOUR milk alternatives. (4 marks)", "State the three checks made before opening. (3 marks)"
    c = "A customer says she has a milk allergy and asks for a latte. Explain how you would respond. (8 marks)"
    assert {a, b, c} <= set(essays), list(essays)
    assert "Grinder purged (1); wand clean (1); milk in date (1)" in essays[b].grader_info
    assert "ask about the allergy" in essays[c].grader_info and "Band 2 (5-8)" in essays[c].grader_info, essays[c].grader_info


def test_lettered_questions_with_their_marks_under_the_tariff_and_a_sample_assessment(tmp_path):
    """h57: "A. List … [4 marks]" with its marks indented under it ("1 mark each: …"); "Sample assessment" with
    "1. … (1)" and "Answer: …", and a question that quotes a claim ('Evaluate the claim that "…"') under "Levels of
    response:". None was set, and the quoted claim lost its closing quotation mark."""
    essays, _ = _essays(tmp_path, (
        "SAMPLE QUESTIONS WITH MARKING\n\nA. List the four steps of cleaning a grinder.                [4 marks]\n"
        "   1 mark each: empty the hopper / brush the burrs / run cleaning tablets / purge. Accept \"vacuum\".\n\n"
        "B. Explain why the steam wand is purged after every drink.      [2 marks]\n"
        "   Clears milk from inside the tip (1) so it does not sour or block (1).\n\n"
        "Sample assessment\n-----------------\n1. Identify how long milk keeps once opened.                     (1)\n"
        "   Answer: 3 days in the fridge.\n\n2. Evaluate the claim that \"oat milk foams as well as whole milk\".   (6)\n"
        "   Levels of response:\n     Level 2 (4-6): balanced, with reasons.\n     Level 1 (1-3): basic points.\n"))
    a = "List the four steps of cleaning a grinder. (4 marks)"
    b = "Explain why the steam wand is purged after every drink. (2 marks)"
    claim = "Evaluate the claim that 'oat milk foams as well as whole milk'. (6 marks)"
    assert {a, b, claim} <= set(essays) and any(s.startswith("Identify how long milk keeps") for s in essays), list(essays)
    assert "The marking point credits (1 mark each): Empty the hopper / brush the burrs" in essays[a].grader_info, essays[a].grader_info
    assert "Clears milk from inside the tip (1) so it does not sour or block (1)" in essays[b].grader_info
    assert "Level 2 (4-6): balanced, with reasons" in essays[claim].grader_info


def test_practice_questions_with_their_answers_numbered_below(tmp_path):
    """h57: "Practice questions  (answers below)", four numbered questions, then "Answers / marking points" numbered as
    they were: none was set. A question of a)-d) options, or one with no answer, is not."""
    essays, _ = _essays(tmp_path, (
        "Practice questions  (answers below)\n\n  1. Define \"dialling in\".                             [1]\n"
        "  2. Give TWO reasons why milk is stretched before it is rolled.\n"
        "                                                        [2]\n  3. Which milk foams best?  a) skimmed  b) whole  c) oat\n"
        "  4. Describe how to dial in a grinder.                 [4]\n\nAnswers / marking points\n"
        "  1. Setting the grind so a shot runs in 25-30 s.        (1)\n  2. Adds air for volume (1); makes the foam fine (1).\n"
        "  3. b\n"))
    assert "Give TWO reasons why milk is stretched before it is rolled. (2 marks)" in essays, list(essays)
    assert not any("Which milk" in s or "dial in" in s for s in essays), list(essays)
    assert "Adds air for volume (1); makes the foam fine (1)" in \
        essays["Give TWO reasons why milk is stretched before it is rolled. (2 marks)"].grader_info


def test_a_sentence_closed_inside_its_quotation_mark_takes_no_second_stop_and_a_cap_after_a_comma_is_read():
    """h57's examiner: "… reuse existing works.'. (12 marks)" and "Marks (, any three): …"."""
    from qbank.generate.common import sentence
    assert sentence("Evaluate the claim that 'UK law gives enough room.'") == "Evaluate the claim that 'UK law gives enough room.'"
    assert sentence("Explain the claim") == "Explain the claim."
    _, tips = question_blocks(["Practice questions", "Q2  A pint is hazy. Give THREE possible causes. (3)",
                               "    Model answer, any three: served too soon; cask moved; cellar too cold.", ""])
    assert tips and "Marks (any three): served too soon; cask moved; cellar too cold." in tips[0][1], tips
