"""Issue 6: structure damage. Each case is a real file, checked through the CLI with its exact message."""

from __future__ import annotations

import pytest
from lxml import etree

from qbank.model import Section
from qbank.reader import scan_topic
from topicfiles import TERMS, TOPIC, lines_of, qbank, write


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(here, text: str | bytes, *extra: str):
    write(here, "t.txt", text)
    return qbank("check", *extra, "t.txt")


def messages(result) -> list[str]:
    return lines_of(result)[:-1]  # the last line is the summary


def topic_of(here, text):
    write(here, "t.txt", text)
    return scan_topic(here / "t.txt").topic


def test_clean_file_has_no_problems(here):
    result = check(here, TOPIC, "--strict")
    assert result.exit_code == 0
    assert lines_of(result) == ["1 file, 0 errors, 0 warnings"]


def test_file_starting_directly_with_a_heading(here):
    result = check(here, TOPIC.split("\n", 1)[1], "--strict")
    assert result.exit_code == 0, result.output
    assert topic_of(here, TOPIC.split("\n", 1)[1]).synopsis.startswith("This topic covers")


def test_first_line_that_is_not_a_synopsis_copy_is_ignored_with_a_warning(here):
    text = TOPIC.replace("This topic covers how service teams keep customers happy and how they me\n",
                         "These are my notes for the unit, written up after the lesson on service.\n", 1)
    result = check(here, text)
    assert messages(result) == [
        "t.txt:1: warning: first line ignored (a topic file's first line is a truncated copy of the synopsis "
        "or a title of 16 words or fewer; use 'Title:' for a title)"
    ]
    topic = topic_of(here, text)
    assert "These are my notes" not in topic.title + topic.synopsis


def test_first_line_that_reads_as_a_title_is_the_title(here):
    """Tutors head their notes with a title line ("Florist: conditioning cut flowers"): it names the
    topic in stems and prompts where the file name is a hash (h25's essays were refused for want of one)."""
    # a title in capitals is set in sentence case, its abbreviations spelt as the notes spell them
    # ("UK", "PPE", "BS"; a short word the notes never write, such as "UK", stays in capitals; not "LAW"
    # or "NEW", which the notes write in lower case and h29's titles kept in capitals)
    notes = TOPIC.replace("- Use examples from your own workplace.", "- Use examples from your own workplace; "
                          "name the PPE, BS 5534 and the law for a new customer. Check the gas AND THE flue FOR leaks.")
    for first, title in [("My Revision Notes", "My Revision Notes"),
                         ("## ROOFING – FIXING CONCRETE TILES (BS 5534) ##", "Roofing – fixing concrete tiles (BS 5534)"),
                         ("PPE AND THE RULES OF BS 5534", "PPE and the rules of BS 5534"),
                         ("HANDLING REFUNDS UNDER UK CONSUMER LAW", "Handling refunds under UK consumer law"),
                         ("TESTING A NEW SYSTEM", "Testing a new system"),
                         # h40: "MIXING MORTAR AND LAYING BRICKS TO LINE AND LEVEL" kept "AND" (the notes stress "AND")
                         ("CHECKING THE GAS AND THE FLUE FOR A NEW BOILER", "Checking the gas and the flue for a new boiler")]:
        text = notes.replace("This topic covers how service teams keep customers happy and how they me\n", first + "\n", 1)
        assert messages(check(here, text)) == []
        assert topic_of(here, text).title == title
    with_title = "Title: Service basics\n" + TOPIC.replace("This topic covers how service teams keep customers happy and how they me\n", "", 1)
    assert topic_of(here, with_title.replace("Title: Service basics\n", "Title: Service basics\nMy Notes\n", 1)).title == "Service basics"


def test_metadata_lines_before_the_first_heading(here):
    text = TOPIC.replace("Topic Synopsis\n", "Title: Service & Support <Level 3>\nTags: customer, service; quality\nUnit code: CS-301\nTopic Synopsis\n", 1)
    result = check(here, text, "--strict")
    assert result.exit_code == 0, result.output
    topic = topic_of(here, text)
    assert (topic.title, topic.tags, topic.unit) == ("Service & Support <Level 3>", ("customer", "service", "quality"), "CS-301")
    assert qbank("build", "t.txt", "-o", "out").exit_code == 0
    cats = etree.parse("out/moodle.xml").xpath("//category/text/text()")
    assert any(c.endswith("/Service & Support <Level 3>") for c in cats)


def test_text_before_the_first_heading_other_than_the_first_line(here):
    text = TOPIC.replace("Topic Synopsis\n", "Some note to self\nand another\nTopic Synopsis\n", 1)
    assert messages(check(here, text)) == [
        "t.txt:2: warning: text before the first heading is ignored (2 lines; only Title:, Tags: and Unit: lines are read there)"
    ]


@pytest.mark.parametrize(
    "synopsis, concepts",
    [
        ("TOPIC SYNOPSIS", "key concepts and core principles"),
        ("Topic Synopsis:", "Key Concepts & Core Principles:"),
        ("# Topic Synopsis", "## Key Concepts & Core Principles"),
        ("1. Topic Synopsis", "2) Key Concepts and Core Principles"),
        ("**Topic Synopsis**", "Section 2: Key Concepts + Core Principles"),
        ("  Topic\u00a0Synopsis  ", "Key Concepts"),
    ],
)
def test_heading_variants_are_recognised_silently(here, synopsis, concepts):
    text = TOPIC.replace("Topic Synopsis\n", synopsis + "\n", 1).replace("Key Concepts & Core Principles\n", concepts + "\n", 1)
    result = check(here, text, "--strict")
    assert result.exit_code == 0, result.output
    topic = topic_of(here, text)
    assert [c.term for c in topic.concepts] == TERMS
    assert topic.synopsis == "This topic covers how service teams keep customers happy and how they measure it."


def test_text_on_the_heading_line(here):
    text = TOPIC.replace("Topic Synopsis\nThis topic", "Topic Synopsis: This topic", 1)
    topic = topic_of(here, text)
    assert topic.synopsis == "This topic covers how service teams keep customers happy and how they measure it."


def test_misspelled_heading_is_read_as_the_nearest_with_a_warning(here):
    text = TOPIC.replace("Exam Tips & Revision Strategies", "Exam Tipz & Revison Strategies")
    assert messages(check(here, text)) == [
        "t.txt:10: warning: unknown heading 'Exam Tipz & Revison Strategies'; read as 'Exam Tips & Revision Strategies' (the nearest known heading)"
    ]
    assert len(topic_of(here, text).tips) == 2


def test_unknown_heading_warns_and_its_text_goes_to_no_section(here):
    text = TOPIC.replace("Examiner Marking Points", "Further Reading\n- Some book about service\nExaminer Marking Points")
    result = check(here, text)
    assert result.exit_code == 0
    assert messages(result) == [
        "t.txt:16: warning: unknown heading 'Further Reading'; the 1 line under it is read for the values it states "
        "only (known headings: "
        "'Topic Synopsis', 'Key Concepts & Core Principles', 'Exam Tips & Revision Strategies', "
        "'Common Misconceptions & Mistakes to Avoid', 'Examiner Marking Points')"
    ]
    topic = topic_of(here, text)
    assert all("book" not in b.text for b in topic.misconceptions + topic.marking_points)
    assert len(topic.misconceptions) == 2 and len(topic.marking_points) == 2
    assert [b.text for b in topic.notes] == ["Some book about service"] and topic.note_headings == ((16, "Further Reading"),)


def test_unknown_heading_suggests_the_nearest_known_one(here):
    text = TOPIC.replace("Examiner Marking Points", "Examiner Points To Mark")
    assert any(m.startswith("t.txt:16: warning: unknown heading 'Examiner Points To Mark'; did you mean 'Examiner Marking Points'?")
               for m in messages(check(here, text)))


def test_missing_section_warns_and_nothing_is_borrowed(here):
    text = TOPIC.replace("Topic Synopsis\nThis topic covers how service teams keep customers happy and how they measure it.\n", "")
    result = check(here, text)
    assert result.exit_code == 0
    assert messages(result) == ["t.txt: warning: missing section 'Topic Synopsis'; items that need it are not generated"]
    topic = topic_of(here, text)
    assert topic.synopsis == "" and topic.synopsis_source is None  # the truncated first line is never borrowed
    assert qbank("build", "t.txt", "-o", "out").exit_code == 0
    assert "how they me" not in (here / "out" / "moodle.xml").read_text(encoding="utf-8")


def test_missing_concepts_section(here):
    text = "\n".join(l for n, l in enumerate(TOPIC.split("\n"), 1) if not 4 <= n <= 9)
    result = check(here, text)
    assert "t.txt: warning: missing section 'Key Concepts & Core Principles'; items that need it are not generated" in messages(result)
    assert topic_of(here, text).concepts == ()


def test_empty_section_and_section_with_only_its_heading_at_the_end(here):
    text = TOPIC.replace("- Use examples from your own workplace.\n- Link every answer back to the customer.\n", "")
    text = text.split("Examiner Marking Points")[0] + "Examiner Marking Points\n"
    assert messages(check(here, text)) == [
        "t.txt:10: warning: section 'Exam Tips & Revision Strategies' is empty",
        "t.txt:14: warning: section 'Examiner Marking Points' is empty",
    ]


def test_same_heading_twice_merges_with_a_warning(here):
    text = TOPIC + "Exam Tips & Revision Strategies\n- A third tip.\n"
    assert messages(check(here, text)) == [
        "t.txt:19: warning: heading 'Exam Tips & Revision Strategies' appears again (first on line 10); its text is added to the first"
    ]
    assert [b.text for b in topic_of(here, text).tips][-1] == "A third tip."


@pytest.mark.parametrize("marks", [("-", "*", "•", "1.", "2)"), ("\u2013", "\u00b7", "o", "(4)", "-")])
def test_bullet_forms(here, marks):
    lines = TOPIC.split("\n")
    for n, mark in zip(range(4, 9), marks):  # lines 5..9 (0-based 4..8) hold the concepts
        lines[n] = f"{mark}\t{lines[n][2:]}" if mark != "-" else lines[n]
    result = check(here, "\n".join(lines), "--strict")
    assert result.exit_code == 0, result.output
    assert [c.term for c in topic_of(here, "\n".join(lines)).concepts] == TERMS


def test_bullet_without_a_space_after_the_dash(here):
    topic = topic_of(here, TOPIC.replace("- Active listening", "-Active listening"))
    assert topic.concepts[4].term == "Active listening"


def test_wrapped_lines_are_joined_onto_their_bullet(here):
    text = TOPIC.replace(
        "- Customer journey: The process a customer goes through from first contact to follow-up.",
        "- Customer journey: The process a customer goes through\n  from first contact\nto follow-up.",
    )
    result = check(here, text, "--strict")
    assert result.exit_code == 0
    topic = topic_of(here, text)
    assert topic.concepts[0].definition == "The process a customer goes through from first contact to follow-up."
    assert topic.concepts[1].source.line == 8


def test_empty_and_whitespace_only_bullets_are_skipped_and_never_joined(here):
    text = TOPIC.replace("- Active listening", "-\n- \u00a0\u200b\t\nwrapped orphan\n- Active listening")
    result = check(here, text)
    assert messages(result) == ["t.txt:9: warning: empty bullet; skipped", "t.txt:10: warning: empty bullet; skipped",
                                "t.txt:11: warning: key concept has no 'Term: definition' colon; skipped"]
    assert [c.term for c in topic_of(here, text).concepts] == TERMS


def test_key_concept_without_colon_warns_and_never_guesses(here):
    text = TOPIC.replace("- Net promoter score: A measure", "- Net promoter score \u2013 A measure")
    result = check(here, text)
    assert result.exit_code == 0
    assert messages(result) == ["t.txt:8: warning: key concept has no 'Term: definition' colon; skipped"]
    assert "Net promoter score" not in [c.term for c in topic_of(here, text).concepts]
    assert check(here, text, "--strict").exit_code == 1


def test_colon_rules_first_colon_but_not_urls_times_or_ratios(here):
    text = TOPIC.replace("- Customer journey: The process", "- Gearing: debt: equity, the process").replace(
        "- Complaint handling: A structured", "- Feedback site: see https://example.org/a?b=c: a structured").replace(
        "- Service level agreement: A written", "- https://example.org: the written").replace(
        "- Net promoter score: A measure", "- Opening 9:30 to 17:00 rule: A measure")
    concepts = topic_of(here, text).concepts
    assert [(c.term, c.definition[:20]) for c in concepts[:4]] == [
        ("Gearing", "debt: equity, the pr"),
        ("Feedback site", "see https://example."),
        ("https://example.org", "the written promise "),
        ("Opening 9:30 to 17:00 rule", "A measure of how lik"),
    ]


def test_bold_terms_lose_their_markdown_stars(here):
    text = TOPIC.replace("- Customer journey: The", "- **Customer journey**: The").replace("- Active listening: Giving", "- **Active listening:** Giving")
    concepts = topic_of(here, text).concepts
    assert (concepts[0].term, concepts[4].term, concepts[4].definition[:6]) == ("Customer journey", "Active listening", "Giving")


@pytest.mark.parametrize(
    "old, new, message",
    [
        ("- Net promoter score: A measure", "- : A measure", "t.txt:8: warning: key concept has no term before its colon; skipped"),
        ("- Net promoter score: A measure of how likely customers are to recommend the business.", "- Net promoter score:",
         "t.txt:8: warning: key concept 'Net promoter score' has no definition after its colon; skipped"),
        ("- Net promoter score: A measure", "- Customer Journey.: A measure",
         "t.txt:8: warning: concept 'Customer Journey.' already defined on line 5; skipped"),
        ("- Net promoter score: A measure of how likely customers are to recommend the business.",
         "- NPS: A structured approach to resolving issues and keeping loyalty.",
         "t.txt:8: warning: concept 'NPS' has the same definition as 'Complaint handling' (line 6); skipped"),
    ],
)
def test_bad_concepts_are_skipped_with_their_line(here, old, new, message):
    assert messages(check(here, TOPIC.replace(old, new))) == [message]
    assert len(topic_of(here, TOPIC.replace(old, new)).concepts) == 4


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "t.txt: error: file is empty"),
        (b"\xef\xbb\xbf\r\n  \r\n", "t.txt: error: file is empty"),
        ("\u00a0\u200b\n\t\n", "t.txt: error: file has no visible text"),
        ("just some notes\nwith no headings at all\n", "t.txt:1: error: no section headings found (expected 'Topic Synopsis', "
         "'Key Concepts & Core Principles', 'Exam Tips & Revision Strategies', 'Common Misconceptions & Mistakes to Avoid', "
         "'Examiner Marking Points')"),
    ],
)
def test_unusable_files_are_errors(here, text, message):
    result = check(here, text)
    assert result.exit_code == 1
    assert messages(result) == [message]
    built = qbank("build", "t.txt", "-o", "out")
    assert built.exit_code == 1 and message in built.output and not (here / "out").exists()


def test_a_huge_line_is_read(here):
    big = "word " * 40_000
    text = TOPIC.replace("- Use examples", f"- {big}Use examples")
    assert check(here, text, "--strict").exit_code == 0
    assert qbank("build", "t.txt", "-o", "out").exit_code == 0


def test_separator_lines_are_ignored(here):
    text = TOPIC.replace("Key Concepts & Core Principles", "-----\nKey Concepts & Core Principles\n=====")
    assert check(here, text, "--strict").exit_code == 0


def test_sections_in_another_order(here):
    parts = TOPIC.split("Exam Tips & Revision Strategies")
    text = parts[0].split("Topic Synopsis")[0] + "Exam Tips & Revision Strategies" + parts[1] + "Topic Synopsis" + parts[0].split("Topic Synopsis")[1]
    assert check(here, text, "--strict").exit_code == 0
    assert [c.term for c in topic_of(here, text).concepts] == TERMS
    assert topic_of(here, text).concepts[0].source.section is Section.CONCEPTS


def test_bulleted_heading_and_lone_hash_lines(here):
    text = TOPIC.replace("Exam Tips & Revision Strategies\n", "- Exam Tips & Revision Strategies\n#\n")
    assert check(here, text, "--strict").exit_code == 0
    assert len(topic_of(here, text).tips) == 2


def test_nested_bullets_are_bullets_of_their_own(here):
    text = TOPIC.replace("keeping loyalty.\n", "keeping loyalty.\n    - LASS: Listen, Apologise, Solve, Satisfy\n", 1)
    assert [c.term for c in topic_of(here, text).concepts][:3] == ["Customer journey", "Complaint handling", "LASS"]


@pytest.mark.parametrize(
    "heading, section",
    [
        ("Exam tip and revision strategy", "Exam Tips & Revision Strategies"),  # sentence case, singular
        ("Revision Tips & Exam Strategies", "Exam Tips & Revision Strategies"),  # same words, other order
        ("Key Concpets & Core Principals", "Key Concepts & Core Principles"),
    ],
)
def test_misspelled_or_reordered_headings(here, heading, section):
    text = TOPIC.replace(section, heading)
    result = check(here, text)
    assert result.exit_code == 0
    assert len(messages(result)) == 1 and f"unknown heading '{heading}'; read as '{section}'" in messages(result)[0]
    topic = topic_of(here, text)
    assert len(topic.concepts) == 5 and len(topic.tips) == 2


def test_headings_tutors_write_in_other_words_and_with_an_aside():
    """Untuned notes: "2. Key terms", "3. Exam technique", "MISCONCEPTIONS (the ones I keep crossing
    out)" and "5. Mark scheme notes (last year's paper)" were not read as headings, and a whole file
    gave nothing but "missing section" warnings."""
    from qbank.model import Section
    from qbank.syntax import heading_of

    assert heading_of("2. Key terms") == (Section.CONCEPTS, "")
    assert heading_of("3. Exam technique") == (Section.TIPS, "")
    assert heading_of("MISCONCEPTIONS (the ones I keep crossing out)") == (Section.MISCONCEPTIONS, "")
    assert heading_of("5. Mark scheme notes (last year's paper)") == (Section.MARKING, "")
    assert heading_of("Fluid category (see the table)") is None


def test_a_heading_in_a_tutors_own_words_is_read_by_the_word_that_names_its_section(here):
    """Untuned notes (contact centres): "Overview" was taken for a cut-off synopsis copy (no synopsis)
    and "Misconceptions to watch out for" was no heading at all, so ten mistakes were read as exam
    TIPS: advice that would be keyed as good practice. A short heading that names one kind of
    section by its word is read as that section, with a warning; one that names two is not."""
    from qbank.model import Section
    from qbank.syntax import keyword_heading

    text = (
        "Overview\nAdvisers handle calls and managers watch the numbers.\n\n"
        "Key concepts and definitions\n- AHT: Average handle time, talk plus hold plus wrap.\n\n"
        "Exam tips\n- Learn the formulas.\n\n"
        "Misconceptions to watch out for\n- Thinking a short AHT always means a good call.\n"
        "- Believing the customer cannot hear hold music.\n\n"
        "Examiner marking points\n- Explain why FCR matters.\n"
    )
    topic = topic_of(here, text)
    assert topic.synopsis.startswith("Advisers handle calls")
    assert [b.text for b in topic.tips] == ["Learn the formulas."]
    assert len(topic.misconceptions) == 2
    result = check(here, text)
    assert any("unknown heading 'Misconceptions to watch out for'; read as 'Common Misconceptions" in m
               for m in messages(result)), messages(result)
    assert keyword_heading("Glossary") is Section.CONCEPTS
    assert keyword_heading("My Revision Notes") is None  # a title, not the tips
    assert keyword_heading("Exam tips and common mistakes") is None  # two kinds: not guessed
    assert keyword_heading("Mistakes were made by the early adopters of this method in 1990") is None


def test_sub_items_of_a_definition_join_it_and_a_blank_line_ends_a_bullet(here):
    """Untuned notes (door hanging, child development): a definition ending "Bottom gap depends on
    the floor finish:" lost its three indented sub-items (each warned as a concept with no colon),
    a heading of seven words ("Tips for the exam and the practical") was not read, so twenty tips
    were filed as key concepts, and a table under a plain line after a blank line was joined onto
    the last concept's definition. An indented item with no term of its own belongs to the
    definition above; a blank line ends a bullet; a heading's aside may name its section."""
    from qbank.model import Section
    from qbank.syntax import keyword_heading

    text = (
        "Topic Synopsis\nHanging internal doors.\n\n"
        "Key Concepts\n"
        "- Clearances: an even gap of 2-3 mm at the head and sides. Bottom gap depends on the floor:\n"
        "  - around 8-10 mm over a hard floor,\n"
        "  - enough to clear carpet and underlay.\n"
        "- Horns: extensions of the stiles, cut off before fitting.\n"
        "\n"
        "Milestone summary - learn this table roughly, ages are approximate\n"
        "  6 months     rolls over\n"
        "  2 years      runs\n\n"
        "Tips for the exam and the practical\n- Give numbers with units.\n\n"
        "Common misconceptions\n- Thinking any gap will do.\n\n"
        "Examiner marking points\n- Explain why a lead is planed on the closing edge.\n"
    )
    topic = topic_of(here, text)
    assert [c.term for c in topic.concepts] == ["Clearances", "Horns"]
    assert topic.concepts[0].definition.endswith("around 8-10 mm over a hard floor, enough to clear carpet and underlay.")
    assert "rolls over" not in topic.concepts[1].definition
    assert [b.text for b in topic.tips] == ["Give numbers with units."]
    assert keyword_heading("Where students go wrong (misconceptions)") is Section.MISCONCEPTIONS



def test_headings_in_a_tutors_words_from_a_third_untuned_set():
    """h16's notes: "What this topic is about", "Where learners go wrong", "Things learners get
    wrong", "What the examiner looks for", "What the examiner gives marks for", "Core ideas" and
    "Revision pointers" left files with no synopsis, misconceptions, marking points or concepts (a
    whole file's mistakes were read as key concepts)."""
    from qbank.model import Section
    from qbank.syntax import keyword_heading

    expected = {
        "What this topic is about": Section.SYNOPSIS,
        "Where learners go wrong": Section.MISCONCEPTIONS,
        "Things learners get wrong": Section.MISCONCEPTIONS,
        "What the examiner looks for": Section.MARKING,
        "What the examiner gives marks for": Section.MARKING,
        "Core ideas": Section.CONCEPTS,
        "Revision pointers": Section.TIPS,
    }
    assert {h: keyword_heading(h) for h in expected} == expected
    assert keyword_heading("Exam tips and where learners go wrong") is None  # two kinds: not guessed


def test_a_title_made_from_a_file_name_keeps_the_notes_abbreviations(here):
    """h16's examiner: "In the context of Otc medicines counter wwham:" — the title from the file
    name lower-cased the abbreviations the notes always write in capitals. A word the notes write
    only as an abbreviation is spelt as they spell it; other words are left alone."""
    text = ("Topic Synopsis\nSelling OTC medicines; WWHAM guides the questions.\n\nKey Concepts\n"
            "- WWHAM: Who, What, How long, Action, Medication.\n- Counter: the pharmacy counter where OTC sales happen.\n\n"
            "Exam tips\n- Learn WWHAM.\n\nCommon misconceptions\n- Thinking OTC means unregulated.\n\n"
            "Examiner marking points\n- Explain WWHAM.\n")
    write(here, "otc-medicines-counter-wwham.txt", text)
    assert scan_topic(here / "otc-medicines-counter-wwham.txt").topic.title == "OTC medicines counter WWHAM"


def test_an_indented_line_is_no_heading(here):
    """h17's notes: the SAFER steps, indented under their concept, ended with "    Respond", which was
    read as an unknown heading, and the 17 key concepts after it were ignored. An indented line
    is an item of a list; and "What examiners are looking for" names the marking points."""
    from qbank.model import Section
    from qbank.syntax import keyword_heading

    text = ("Topic Synopsis\nDoor supervision and conflict.\n\nKey Concepts\n"
            "- SAFER: a model for responding to conflict -\n    Step back\n    Assess threat\n    Respond\n"
            "- Reactionary gap: the distance kept between you and a hostile person, more than arm's length.\n"
            "- Triggers: things that push someone towards aggression, such as alcohol.\n\n"
            "Exam tips\n- Learn SAFER.\n\nCommon misconceptions\n- Thinking force is always allowed.\n\n"
            "What examiners are looking for\n- Explain the reactionary gap.\n")
    topic = topic_of(here, text)
    assert [c.term for c in topic.concepts] == ["SAFER", "Reactionary gap", "Triggers"]
    assert topic.concepts[0].definition.endswith("Step back Assess threat Respond")
    assert [b.text for b in topic.marking_points] == ["Explain the reactionary gap."]
    assert keyword_heading("What examiners are looking for") is Section.MARKING


def test_a_sentence_case_line_over_a_list_is_a_heading_and_examiners_or_assessors_name_the_marking(here):
    """Untuned notes (h19): "Things the examiner wants to see" and "Points examiners look for" were
    not read as headings (sentence case), so seven marking points were filed as common mistakes, and
    "Where learners slip up" left nine mistakes under the section above. A short line in sentence
    case after a blank line, with a list under it, is a heading: read by its word when it names a
    section ("examiner … wants", "assessors tick off", "slip up", "in brief", "key points"), else
    unknown and its list ignored. Under key concepts it heads more concepts and is read on."""
    from qbank.syntax import keyword_heading

    text = (
        "In brief\nRequests for emergency contraception are time-sensitive.\n\n"
        "Key points\n- LNG: levonorgestrel 1.5 mg, licensed to 72 hours.\n\n"
        "Display techniques worth knowing by name\n- UPA: ulipristal acetate 30 mg, licensed to 120 hours.\n\n"
        "Exam tips\n- Give the time limits in hours.\n\n"
        "Handling the request at the counter\n- Refer the client to the pharmacist.\n- Check the time since UPSI.\n\n"
        "Where learners slip up\n- Thinking EHC causes an abortion.\n\n"
        "Things the examiner wants to see\n- Correct products, doses and time limits.\n"
        "- Discreet, non-judgemental handling.\n"
    )
    topic = topic_of(here, text)
    assert topic.synopsis.startswith("Requests for emergency")
    assert [c.term for c in topic.concepts] == ["LNG", "UPA"]
    assert [b.text for b in topic.tips] == ["Give the time limits in hours."]
    assert [b.text for b in topic.misconceptions] == ["Thinking EHC causes an abortion."]
    assert [b.text for b in topic.marking_points] == ["Correct products, doses and time limits.",
                                                      "Discreet, non-judgemental handling."]
    assert any("unknown heading 'Handling the request at the counter'; the 2 lines under it are read for the values they state only" in m
               for m in messages(check(here, text))), messages(check(here, text))
    assert keyword_heading("Points examiners look for") is Section.MARKING
    assert keyword_heading("What assessors tick off") is Section.MARKING
    assert keyword_heading("Words you must know") is Section.CONCEPTS
    assert keyword_heading("Terms you need") is Section.CONCEPTS
    assert keyword_heading("What earns marks") is Section.MARKING
    # h26: two files' marking points were ignored under these
    assert keyword_heading("What the marker wants") is Section.MARKING
    assert keyword_heading("## What the assessor is looking for") is Section.MARKING
    assert keyword_heading("Markers and tools") is None


def test_a_list_under_a_sub_heading_of_its_own_is_kept_as_steps_for_essay_guidance(here):
    """h20's examiner: essays on a method ("Describe the correct method of pricking out seedlings",
    "the safe isolation procedure in the correct sequence") had a definition as their guidance, for
    the steps were under sub-headings of the notes' own and were skipped (no 'Term:' colon) or
    ignored (unknown heading). Such a list is kept as ``Topic.steps``, each "<sub-heading> — <item>";
    an item with a term of its own under key concepts stays a concept; a blank line, or a line with a
    label of its own, ends the last step; an underlined sub-heading is one too."""
    text = (
        "Topic Synopsis\nRaising plants from seed.\n\n"
        "Key Concepts\n- Pricking out: moving seedlings into more space.\n\n"
        "Sowing a seed tray\n------------------\n1. Fill a clean tray with seed compost.\n"
        "2. Sow thinly and evenly,\n   mixing fine seed with sand.\n3. Harden off: over two weeks in a cold frame.\n"
        "Compression: cut square and deburr.\n\n"
        "A paragraph after the list.\n\n"
        "Exam tips\n- Give temperatures in °C.\n\n"
        "Sharps injury - what to do\n- Encourage the wound to bleed.\n- Wash it with soap and water.\n\n"
        "Common misconceptions\n- Thinking seed needs light to germinate.\n"
    )
    topic = topic_of(here, text)
    assert [s.text for s in topic.steps] == [
        "Sowing a seed tray \u2014 Fill a clean tray with seed compost.",
        "Sowing a seed tray \u2014 Sow thinly and evenly, mixing fine seed with sand.",
        "Sharps injury - what to do \u2014 Encourage the wound to bleed.",
        "Sharps injury - what to do \u2014 Wash it with soap and water.",
    ]
    # "Compression: …" at the marker's column is a labelled line of its own, not "Harden off"'s wrapped text
    assert [c.term for c in topic.concepts] == ["Pricking out", "Harden off", "Compression"]
    assert [b.text for b in topic.tips] == ["Give temperatures in °C."]


def test_headings_marked_with_chevrons_and_key_words_are_read(here):
    """h21's notes: ">> Key concepts", ">> Common errors", "## Key words" were not read (">>" a mark
    like Markdown's "#"), so a file had no misconceptions and no marking points."""
    text = (">> Synopsis\nWaxing treatments in the salon.\n\n"
            "## Key words\n- Warm wax: a strip wax applied thinly with the growth.\n\n"
            ">> Exam tips\n- Give temperatures with units.\n\n"
            ">> Common errors\n- Thinking warm wax can be reused.\n\n"
            ">> What the examiner looks for\n- Explain why the skin is held taut.\n")
    topic = topic_of(here, text)
    assert topic.synopsis.startswith("Waxing treatments")
    assert [c.term for c in topic.concepts] == ["Warm wax"]
    assert [b.text for b in topic.misconceptions] == ["Thinking warm wax can be reused."]
    assert [b.text for b in topic.marking_points] == ["Explain why the skin is held taut."]


def test_learner_feedback_cites_the_section_as_the_notes_head_it(here):
    """h19's examiner: feedback cited "Key Concepts & Core Principles" where the notes say "Core
    ideas", so a learner could not find the passage. Each section's heading as written is kept
    (``Topic.headings``) and cited."""
    from qbank.generate.common import source_note

    text = ("Overview\nDog grooming.\n\nCore ideas\n- Smooth coat: short, close-lying hair.\n\n"
            "Exam tips\n- Name the coat type first.\n\nWhat learners get wrong\n- Thinking shaving cools a dog.\n")
    topic = topic_of(here, text)
    assert dict(topic.headings)["Key Concepts & Core Principles"] == "Core ideas"
    assert source_note(topic, topic.concepts[0].source).endswith(", Core ideas."), source_note(topic, topic.concepts[0].source)


def test_a_short_line_after_a_blank_line_heads_the_steps_under_it(here):
    """h24's examiner: the steps under "Refusing service – the order to do it in" (nine words: no
    heading by shape) were labelled with the quick reference above them, so an essay's guidance
    named the wrong list."""
    text = ("Topic Synopsis\nServing alcohol responsibly.\n\n"
            "Key Concepts\n- Refusals log: a written record of each refused sale.\n\n"
            "Quick reference – measures and units\n- Wine by the glass: 125 ml or 175 ml.\n- One unit is 10 ml of alcohol.\n\n"
            "Refusing service – the order to do it in\n1. Be polite and discreet.\n2. Record the refusal in the log.\n\n"
            "Exam tips\n- Learn the measures.\n")
    topic = topic_of(here, text)
    refusing = [s.text for s in topic.steps if "Record the refusal" in s.text]
    assert refusing == ["Refusing service – the order to do it in \u2014 Record the refusal in the log."], \
        [s.text for s in topic.steps]


def test_a_labelled_line_back_at_the_markers_column_is_not_the_bullets_wrapped_text(here):
    """"  - Pull to one side: … can be felt." then "  Legal minimum tread (cars): 1.6 mm …" at the
    marker's column was joined onto the bullet, and the value item quoted "Pull to one side: Legal
    minimum tread …" (h27's examiner). Wrapped text indented under the bullet still joins it."""
    text = TOPIC.replace("- Active listening: Giving full attention, questioning and reflecting back what was heard.\n",
                         "  - Pull to one side: the car pulls towards the side with more\n"
                         "    positive camber; differences of 0.5 deg can be felt.\n"
                         "  Legal minimum tread: 1.6 mm across the central three-quarters of the tread.\n", 1)
    concepts = {c.term: c.definition for c in topic_of(here, text).concepts}
    assert concepts["Pull to one side"] == "the car pulls towards the side with more positive camber; differences of 0.5 deg can be felt."
    assert concepts["Legal minimum tread"].startswith("1.6 mm across")


def test_a_glossary_with_dot_leaders_wiki_headings_and_a_label_over_its_lines_are_read(here):
    """h28's notes: "== Overview ==" headings were not read (the synopsis was lost); a glossary laid
    out "Coupler ........ connects gas in and beer out" was one run-on definition; "Beer line
    cleaning - step by step" over "  Frequency: at least every 7 days" was quoted as one sentence;
    and "3. Disconnect couplers …" under "2. PPE: goggles …" (the same column) was read as part of PPE."""
    text = (
        "Cellar notes\n\n== Overview ==\nLooking after beer in the cellar.\n\n"
        "== Key terms ==\n"
        "  Coupler .................. connects gas in and beer out on a keg.\n"
        "  FOB detector ............. stops foam filling the line when a keg empties.\n"
        "  Python ................... insulated bundle of beer lines and cooling\n"
        "                             lines to the bar.\n\n"
        "Beer line cleaning - step by step\n"
        "  Frequency: at least every 7 days. Record every clean.\n"
        "   1. Tell the bar team.\n"
        "   2. PPE: goggles, gloves and an apron.\n"
        "   3. Disconnect couplers from kegs.\n\n"
        "== Exam tips ==\n- Give the frequency in days.\n"
    )
    topic = topic_of(here, text)
    assert topic.synopsis == "Looking after beer in the cellar."
    concepts = {c.term: c.definition for c in topic.concepts}
    assert concepts["Coupler"] == "connects gas in and beer out on a keg."
    assert concepts["Python"] == "insulated bundle of beer lines and cooling lines to the bar."
    assert concepts["Frequency"] == "at least every 7 days. Record every clean."
    assert concepts["PPE"] == "goggles, gloves and an apron."
    assert [b.text for b in topic.tips] == ["Give the frequency in days."]


def test_a_term_too_long_for_its_dot_leader_is_still_a_term_of_the_column(here):
    """h39: "  Inhibition layer  sticky layer …" (no room for dots) in a dot-leader column was read as
    the wrapped end of the definition above, and an essay quoted "… under the lamp Inhibition layer
    sticky layer …". Text wrapped under a definition, and spaced text outside the column, stay as they were."""
    text = (
        "Gel polish\n\nOVERVIEW\nApplying gel polish safely.\n\nKEY TERMS\n"
        "  Cure ............ the chemical reaction that hardens gel\n"
        "                    under the lamp\n"
        "  Inhibition layer  sticky layer left on top after curing\n"
        "  Contraindication  a condition that stops or changes the treatment\n"
        "  Primer .......... bonding product for problem nails\n\n"
        "  Base coat   the first coat\n\n"
        "EXAM TIPS\n- Learn the cure times.\n"
    )
    concepts = {c.term: c.definition for c in topic_of(here, text).concepts}
    assert concepts["Cure"] == "the chemical reaction that hardens gel under the lamp"
    assert concepts["Inhibition layer"] == "sticky layer left on top after curing"
    assert concepts["Contraindication"] == "a condition that stops or changes the treatment"
    assert concepts["Primer"] == "bonding product for problem nails"
    assert "Base coat" not in concepts  # its text is not at the column's definition column


def test_sub_headings_of_the_subject_and_of_the_preamble_head_notes_and_marks_name_their_sections(here):
    """h30 (untuned notes): "Wall ties - the figures examiners look for" was read as the marking
    points and "Replacing front pads and discs - key points" as key concepts (a subject's own
    sub-heading over its facts); "#0.5 = 1.5mm" (a clipper guard, wrapped in a definition) was taken for
    a Markdown heading and the 28 lines after it lost; a brake topic whose first known heading is on
    line 63 lost its "Key figures" as preamble; "Where the marks are", "How answers are marked",
    "Traps in assessments" and "Where candidates lose marks" were unknown."""
    from qbank.syntax import keyword_heading

    assert keyword_heading("Wall ties - the figures examiners look for") is None
    assert keyword_heading("Replacing front pads and discs - key points") is None
    assert keyword_heading("Nail structure - key terms") is Section.CONCEPTS  # a glossary of the subject
    assert keyword_heading("Marking scheme \u2013 what gains credit") is Section.MARKING
    assert keyword_heading("Unit 3 - key points") is Section.CONCEPTS
    for marking in ("Where the marks are", "HOW ANSWERS ARE MARKED", "What the assessor marks"):
        assert keyword_heading(marking) is Section.MARKING, marking
    for mistakes in ("Traps in assessments", "Where candidates lose marks"):
        assert keyword_heading(mistakes) is Section.MISCONCEPTIONS, mistakes
    text = (
        "Brake systems\n\nKey figures\n- Pads: MOT major defect below 1.5 mm.\n\nFluid\n  Change it every 2 years.\n\n"
        "Topic Synopsis\nInspecting and servicing brakes.\n"
        "Key Concepts & Core Principles\n"
        "- Guard: clips over the blade. Standard sizes:\n  #0.5 = 1.5mm, #1 = 3mm, #2 = 6mm.\n"
        "- Taper: hair gets gradually shorter towards the hairline.\n\n"
        "Exam Tips & Revision Strategies\n- Quote the limit.\n\n"
        "Wall ties - the figures examiners look for\n- Spacing 900 mm by 450 mm.\n\n"
        "Common Misconceptions & Mistakes to Avoid\n- Changing pads on one side only.\n"
        "Examiner Marking Points\n- Explain the MOT limits.\n"
    )
    topic = topic_of(here, text)
    assert [c.term for c in topic.concepts] == ["Guard", "Taper"]
    assert topic.concepts[0].definition.endswith("#2 = 6mm.")
    assert [b.text for b in topic.marking_points] == ["Explain the MOT limits."]
    assert [h for _, h in topic.note_headings] == ["Key figures", "Fluid", "Wall ties - the figures examiners look for"]
    assert [b.text for b in topic.notes] == ["Pads: MOT major defect below 1.5 mm.", "Change it every 2 years.",
                                             "Spacing 900 mm by 450 mm."]
    assert [b.text for b in topic.tips] == ["Quote the limit."]


def test_numbered_sections_of_the_notes_are_headings_and_numbered_lists_are_not(here):
    """h31: an F-gas topic numbers its sections ("2. Key terms", "4. Leak-check frequency (operator's
    duty)", "12. Common misconceptions"); the unnumbered-known ones were read as items of a list, so
    everything from "Direct checks" on was one block. The next number of the notes' sections, after a
    blank line, is a heading; the next item of a numbered list ("4. Accuracy" after "3. Data
    minimisation", h24) is not, nor is a step that is a sentence."""
    from qbank.syntax import keyword_heading

    assert keyword_heading("THE BIG PICTURE") is Section.SYNOPSIS
    assert keyword_heading("Common slip-ups learners make") is Section.MISCONCEPTIONS
    assert keyword_heading("THINGS THAT CATCH PEOPLE OUT") is Section.MISCONCEPTIONS  # h32
    assert keyword_heading("THE BIG IDEA") is Section.SYNOPSIS
    # h33: a section on the subject going wrong is no list of learners' mistakes
    assert keyword_heading("SECTION 2 - WHY COMBUSTION GOES WRONG") is None
    assert keyword_heading("Where students go wrong") is Section.MISCONCEPTIONS
    assert keyword_heading("Mix-ups that cost marks") is Section.MISCONCEPTIONS
    assert keyword_heading("The assessor will be looking for") is Section.MARKING
    text = (
        "F-gas\n\n1. Why this matters\nLeaks of refrigerant harm the climate.\n\n"
        "2. Key terms\n- GWP: global warming potential, relative to CO2.\n- Operator: the person in control of the system.\n\n"
        "3. Leak-check frequency (operator's duty)\n   5 to 50 t CO2e: every 12 months.\n\n"
        "4. The seven principles\n1. Lawfulness\n2. Purpose limitation\n3. Data minimisation\n4. Accuracy\n"
        "5. Storage limitation\n\n"
        "5. How to check\n1. Look at the whole system.\n\n6. Record the result.\n\n"
        "7. Common misconceptions\n- Thinking R32 needs no leak checks.\n\n"
        "8. Exam Tips & Revision Strategies\n- Quote the thresholds.\n"
        "9. Examiner Marking Points\n- Explain the check intervals.\n"
    )
    topic = topic_of(here, text)
    assert [c.term for c in topic.concepts] == ["GWP", "Operator"]
    assert [b.text for b in topic.misconceptions] == ["Thinking R32 needs no leak checks."]
    assert [h for _, h in topic.note_headings] == ["3. Leak-check frequency (operator's duty)", "4. The seven principles",
                                                    "5. How to check"]
    assert "Accuracy" in [b.text for b in topic.notes] and "Record the result." in [b.text for b in topic.notes]



def test_in_short_heads_the_synopsis():
    from qbank.syntax import keyword_heading

    assert keyword_heading("In short") is Section.SYNOPSIS  # h27


def test_key_terms_written_with_a_dash_in_a_column_are_concepts_and_a_sub_heading_is_not(tmp_path):
    """h35: five of eight files wrote key terms as "Term - definition" (a spaced hyphen, aligned
    columns, a "> " marker), and every one was skipped for want of a colon; "--- Figures you need ---"
    was no heading, so the figures and steps under it were read as key concepts; "Dilution ratio ..
    parts" (two dots) and a lower-case "pH ........ scale" in a column of terms were joined to the line
    above. A lone "Cashing up – step by step" over numbered steps heads a list; "CONTRA-INDICATIONS -
    DO NOT CUT" is a heading in capitals."""
    path = tmp_path / "a1b2c3.txt"
    path.write_text(
        "Dry lining\n\nOverview\nFixing plasterboard to walls and ceilings.\n\nKey terms\n"
        "* Warm wax - soft wax spread thinly, removed with a paper strip.\n"
        "  Good for large areas.\n"
        "* Hot wax - applied thicker, sets on the skin and is removed without a strip.\n\n"
        "  Use by        - SAFETY date. Must not be sold after it.\n"
        "  Best before   - QUALITY date. Still safe after it.\n\n"
        "   Pictograms ...... red-bordered diamonds under GB CLP\n"
        "   pH .............. scale 0-14 for how acidic or alkaline a product is\n"
        "   Dilution ratio .. parts of chemical to parts of water\n"
        "\nCashing up – step by step\n1. Count the float.\n2. Take the Z reading.\n"
        "\nCONTRA-INDICATIONS - DO NOT CUT\n"
        "\n--- Figures you need ---\n * Thickness: 12.5mm standard for walls.\n"
        "\nCommon mistakes\n- Thinking warm wax needs no strip.\n",
        encoding="utf-8")
    result = scan_topic(path)
    topic = result.topic
    terms = {c.term: c.definition for c in topic.concepts}
    assert terms.get("Warm wax") == "soft wax spread thinly, removed with a paper strip. Good for large areas.", terms
    assert terms.get("Use by") == "SAFETY date. Must not be sold after it.", terms
    assert terms.get("pH") == "scale 0-14 for how acidic or alkaline a product is", terms
    assert terms.get("Dilution ratio") == "parts of chemical to parts of water", terms
    assert terms.get("Pictograms") == "red-bordered diamonds under GB CLP", terms
    assert "Cashing up" not in terms and "CONTRA-INDICATIONS" not in terms and "Thickness" not in terms, terms
    assert "Figures you need" in [h for _, h in topic.note_headings]


def test_a_greater_than_sign_marks_a_bullet_and_two_mark_a_heading(tmp_path):
    """h35: "> Over-driving screws …" under common mistakes kept its "> " in the belief it quoted."""
    path = tmp_path / "d4e5f6.txt"
    path.write_text("Dry lining\n\nOverview\nFixing plasterboard.\n\n>> Key terms\n> Noggin: short horizontal timber between studs.\n"
                    "> Angle bead: metal bead for external corners.\n\nCommon mistakes\n"
                    "> \"Dabs are enough on thermal boards.\" Mechanical fixings are required.\n", encoding="utf-8")
    topic = scan_topic(path).topic
    assert [c.term for c in topic.concepts] == ["Noggin", "Angle bead"]
    assert topic.misconceptions[0].text.startswith("\"Dabs are enough")


def test_numbered_sub_sections_underlined_headings_and_a_topic_line(tmp_path):
    """h36: "1.1 Overview" was no synopsis heading; "3.3 30 mA RCD …" kept its paragraph number (quoted as
    "3.3 ____ mA"); "Section E - Worked example (price increase)" over "-----" and "Figures to remember"
    over "-----" among the key terms were read under the heading above, so a worked example's price was
    asked; "Topic: Milking hygiene" titled nothing. "2.5 Nm" at a line's start is a value, not a number."""
    path = tmp_path / "e06c4a71.txt"
    path.write_text(
        "Topic: Testing RCDs\n\n1.1 Overview\nLive tests come after the dead tests.\n\n"
        "Key terms\nZs    - total earth fault loop impedance.\nZe    - the external part of it.\n\n"
        "Figures to remember\n-------------------\n* RCD trip time at 1 x rating: within 300 ms.\n\n"
        "Exam tips\n3.3 30 mA RCD at 1 x IΔn: must trip within 300 ms.\n2.5 Nm is the terminal torque.\n\n"
        "Section E - Worked example (price increase)\n-------------------------------------------\n"
        "Package booked at £1,200. Organiser adds a fuel surcharge.\n", encoding="utf-8")
    topic = scan_topic(path).topic
    assert topic.title == "Testing RCDs"
    assert topic.synopsis == "Live tests come after the dead tests."
    assert [c.term for c in topic.concepts] == ["Zs", "Ze"]
    headings = [h for _, h in topic.note_headings]
    assert "Figures to remember" in headings and "Section E - Worked example (price increase)" in headings, headings
    tips = [b.text for b in topic.tips]
    assert tips == ["30 mA RCD at 1 x IΔn: must trip within 300 ms.", "2.5 Nm is the terminal torque."], tips


def test_a_heading_with_a_long_aside_is_still_a_heading(tmp_path):
    """h37: "Words you need (write these out yourself, it helps):" was nine words, too long for a heading,
    and a file whose only section it was had no section at all: the whole build was refused."""
    path = tmp_path / "48d9c2a7.txt"
    path.write_text("safe sleep + nappy changing -- revision\n\nWords you need (write these out yourself, it helps):\n"
                    "SIDS - sudden and unexplained death of an apparently healthy baby.\n"
                    "Tog - measure of how warm bedding and sleeping bags are.\n", encoding="utf-8")
    result = scan_topic(path)
    assert not result.errors, result.diagnostics
    assert [c.term for c in result.topic.concepts] == ["SIDS", "Tog"]


def test_written_and_practical_labels_under_exam_tips_stay_in_the_section(tmp_path):
    """h38: "Written/online questions:" and "Practical (observed):" under EXAM TIPS were read as
    headings of their own, so the tips section was left empty and its points were read for values only."""
    path = tmp_path / "3f9a2c71.txt"
    path.write_text("Conditioning cut flowers\n\nOVERVIEW\nGetting flowers ready for sale.\n\nEXAM TIPS\n"
                    "Written/online questions:\n- Give the REASON for each step - examiners mark why as well as what.\n"
                    "- Common tolerances to quote in a written answer:\n"
                    "Practical (observed):\n- Assessor watches hygiene: clean tools, clean buckets, tidy bench.\n"
                    "In the practical the assessor watches for:\n- Stems recut under water before they go in the bucket.\n",
                    encoding="utf-8")
    topic = scan_topic(path).topic
    # (h39: "In the practical the assessor watches for:" too; a bulleted line ending in a colon is a tip)
    assert [b.text for b in topic.tips] == ["Give the REASON for each step - examiners mark why as well as what.",
                                            "Common tolerances to quote in a written answer:",
                                            "Assessor watches hygiene: clean tools, clean buckets, tidy bench.",
                                            "Stems recut under water before they go in the bucket."], topic.tips


def test_a_heading_in_capitals_with_an_aside_heads_the_lines_under_it(here):
    """h41: "NORMAL VALUES FOR AN ADULT DOG (learn these)" after the key terms was read as a key concept
    with no colon, the values under it as concepts, and an item's feedback cited "KEY TERMS" for them."""
    text = ("Dog care\n\nOVERVIEW\nCaring for a dog after surgery.\n\nKEY TERMS\n"
            "  TPR ........ Temperature, pulse and respiration.\n"
            "  Analgesia .. Pain relief prescribed by the vet.\n\n"
            "NORMAL VALUES FOR AN ADULT DOG (learn these)\n"
            "  - Temperature: 38.3 to 39.2 °C.\n"
            "  - Pulse: 60 to 140 beats per minute.\n\n"
            "EXAM TIPS\n- Quote the normal values with units.\n")
    topic = topic_of(here, text)
    assert [c.term for c in topic.concepts] == ["TPR", "Analgesia"]
    assert [b.text for b in topic.notes] == ["Temperature: 38.3 to 39.2 °C.", "Pulse: 60 to 140 beats per minute."]
    assert [h for _, h in topic.note_headings] == ["NORMAL VALUES FOR AN ADULT DOG (learn these)"]


def test_a_dash_inside_an_open_bracket_at_a_wrapped_lines_start_is_no_bullet(here):
    """h45: "3. Evaluate the risks and decide on precautions (avoid - mechanical aids" then
    "   - reduce load - change layout - team handling - training)." was read as a step of its own, and a
    next-step item keyed "Reduce load" as a step of the HSE's five."""
    text = ("Manual handling\n\nOverview\nAssessing manual handling risks.\n\nKey terms\n"
            "- TILE: task, individual, load, environment.\n- MSD: musculoskeletal disorder.\n\n"
            ">> Carrying out the assessment - 5 steps (HSE approach)\n"
            " 1. Identify the hazards.\n"
            " 2. Decide who might be harmed and how.\n"
            " 3. Evaluate the risks and decide on precautions (avoid - mechanical aids\n"
            "    - reduce load - change layout - team handling - training).\n"
            " 4. Record the significant findings.\n"
            " 5. Review and update.\n\n"
            "Exam tips\n- Learn the five steps in order.\n")
    steps = [s.text for s in topic_of(here, text).steps]
    assert len(steps) == 5, steps
    assert steps[2].endswith("(avoid - mechanical aids - reduce load - change layout - team handling - training)."), steps


def test_a_rule_of_dots_under_a_heading_is_a_separator(here):
    """h45: "PART C - KEY NUMBERS" over "...................." - the dots were read as the start of the
    line below, and a value item quoted “.................... SIA front-line licence lasts ____.”"""
    text = ("Door supervision\n\nOverview\nSearching and the use of force.\n\nKey terms\n"
            "- SIA: Security Industry Authority, the licensing body.\n- Search: a check of a person with consent.\n\n"
            "PART C - KEY NUMBERS\n....................\n  SIA front-line licence lasts 3 years. Minimum age 18.\n\n"
            "Exam tips\n- Learn the numbers.\n")
    notes = [b.text for b in topic_of(here, text).notes]
    assert notes and notes[0].startswith("SIA front-line licence lasts 3 years."), notes


_LABELLED = ("SECTION 1 - What this topic is about\nKeeping a green on a bowling club fit for play.\n\n"
             "SECTION 2 - Words you need\n a) Thatch - the layer of dead stems above the soil.\n"
             " b) Scarifying - cutting into the turf to take the thatch out.\n\n"
             "SECTION 3 - Numbers to learn\n - Mowing height in season: 4-5 mm.\n - Top-dressing: about 2 kg per square metre.\n\n"
             "SECTION 4 - Exam tips\n * Learn the heights.\n")


def test_a_labelled_section_in_lower_case_among_the_key_terms_is_a_heading(here):
    """h53: "SECTION 3 - Numbers to learn" after the lettered terms of "SECTION 2 - Words you need" was read as
    key concepts (its figures cited "Words you need"): the notes label their sections so, and it is one."""
    topic = topic_of(here, _LABELLED)
    assert [c.term for c in topic.concepts] == ["Thatch", "Scarifying"], topic.concepts
    assert (8, "SECTION 3 - Numbers to learn") in topic.note_headings, topic.note_headings
    assert [b.text for b in topic.notes if "Mowing" in b.text], topic.notes


def test_one_line_led_by_a_section_label_is_no_heading_among_the_key_terms(here):
    """Only a label the notes use for their sections (twice at the margin) makes a heading of a line."""
    text = TOPIC.replace("Key Concepts & Core Principles\n", "Key Concepts & Core Principles\nPart A - the first section of the kit\n", 1)
    assert "Part A" in text
    topic = topic_of(here, text)
    assert all(not h.startswith("Part A") for _, h in topic.note_headings), topic.note_headings


def test_a_short_title_over_a_synopsis_that_opens_with_its_words_is_the_title(here):
    """h56: "Safeguarding Adults" over "Safeguarding adults means protecting …" was taken for a cut copy of the
    synopsis, and the topic was named by its file's hash. A copy is a long line cut off."""
    topic = topic_of(here, "Safeguarding Adults\n\nTopic Synopsis\nSafeguarding adults means protecting an adult's right "
                           "to live in safety.\n\nKey Concepts & Core Principles\n- Neglect: failing to meet a person's "
                           "basic needs.\n")
    assert topic.title == "Safeguarding Adults", topic.title
