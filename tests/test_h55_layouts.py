"""Layouts of h55's notes (titration, levelling): a "Myth / Reality" or "DON'T / DO" heading over the mistakes, a
glossary as a markdown table whose rows are not aligned, and values the notes call common or a rule of thumb."""

from __future__ import annotations

from qbank.generate import build_bank
from qbank.model import Essay, Section
from qbank.reader import read_topics
from qbank.syntax import keyword_heading

_TOP = ("Levelling on site\n\nTopic Synopsis\nFinding heights with an automatic level.\n\n")


def test_myth_reality_and_dont_do_headings_head_the_mistakes():
    for heading in ("## Myth / Reality", "PART E – DON'T / DO", "Myth / Fact"):
        assert keyword_heading(heading) is Section.MISCONCEPTIONS, heading


def test_a_markdown_glossary_with_a_header_row_and_unaligned_rows_is_read_as_terms(tmp_path):
    (tmp_path / "e1f2a3b4.txt").write_text(_TOP + (
        "PART B – KEY TERMS\n\nTerm | Meaning\n-----|-----\nDatum | A reference surface to which heights are related.\n"
        "Backsight (BS) | The first reading after setting up.\nForesight (FS) | The last reading before the level is moved.\n\n"
        "Exam Tips & Revision Strategies\n- Book every reading.\n"), encoding="utf-8")
    topics, diags = read_topics([tmp_path])
    assert [c.term for c in topics[0].concepts] == ["Datum", "Backsight (BS)", "Foresight (FS)"], topics[0].concepts
    assert not any("Term | Meaning" in d.message for d in diags), [d.message for d in diags]


def test_a_value_the_notes_call_common_or_a_rule_of_thumb_is_not_asked(tmp_path):
    """h55's examiner: "(30 m is common; procedures vary)" keyed 30 m beside 50 m, itself common: serious."""
    (tmp_path / "a9b8c7d6.txt").write_text(_TOP + (
        "Key Concepts & Core Principles\n- Staff: a graduated pole held on the point being levelled.\n"
        "- Level: an instrument whose line of sight is horizontal.\n\n"
        "Figures\n-------\n- Drive two pegs a set distance apart (30 m is common; procedures vary).\n"
        "- Sight lengths: a rule of thumb is no more than about 50 m.\n"
        "- Read the staff to the nearest 1 mm; the E face is marked in 10 mm divisions.\n"), encoding="utf-8")
    topics, diags = read_topics([tmp_path])
    stems = "\n".join(i.stem for i in build_bank(topics, seed=0, diagnostics=diags).items if not isinstance(i, Essay))
    assert "pegs" not in stems and "Sight lengths" not in stems, stems
    assert "nearest ____ mm" in stems or "nearest 1 mm; the E face is marked in ____ mm" in stems, stems


def test_a_value_written_to_three_decimals_is_no_distractor_beside_whole_numbers(tmp_path):
    """h55's examiner: a reduced level, "25.000 m", offered beside sight lengths of 30 m and 50 m: not a length
    anyone would give, so one option fewer."""
    (tmp_path / "c0d1e2f3.txt").write_text(_TOP + (
        "Key Concepts & Core Principles\n- Staff: a graduated pole held on the point being levelled.\n"
        "- Level: an instrument whose line of sight is horizontal.\n\n"
        "Figures\n-------\n- The site TBM is at 25.000 m AOD.\n- The longest sight allowed on this contract is 60 m.\n"
        "- The staff extends to 5 m.\n- Change plates are set at least 40 m apart on long runs.\n"
        "- The boundary fence is 90 m from the site office.\n"), encoding="utf-8")
    topics, diags = read_topics([tmp_path])
    items = [i for i in build_bank(topics, seed=0, diagnostics=diags).items if "longest sight" in i.stem]
    assert items, "no item on the longest sight"
    for item in items:
        assert "25.000" not in " ".join(c.text for c in getattr(item, "choices", ())), item


def test_a_decorated_title_over_a_subtitle_line_is_the_title(tmp_path):
    """h57: "== CELLAR MANAGEMENT AND BEER QUALITY ==" over "Hospitality & Bar Operations - Unit 7 study notes (J.
    Adeyemi)" and a blank line, in notes whose headings are "== … ==": taken for the first heading over prose, so
    the topic was named by its file's hash. Prose runs on to a second line or ends its sentence; a subtitle does not."""
    (tmp_path / "1e35945d.txt").write_text(
        "== CELLAR MANAGEMENT AND BEER QUALITY ==\nHospitality & Bar Operations - Unit 7 study notes (J. Adeyemi)\n\n\n"
        "== What this topic is about ==\nKeeping cask beer in good condition.\n\n== Words you must be able to use ==\n"
        "- Spile: a peg that lets gas out of the cask.\n- Tutor: a second peg.\n\n== Exam tips ==\n- Learn the numbers.\n",
        encoding="utf-8")
    topics, _ = read_topics([tmp_path])
    assert topics[0].title == "Cellar management and beer quality", topics[0].title


def test_a_figure_restated_beside_its_gap_or_a_sum_the_notes_set_is_not_asked_and_a_bare_number_is_no_distractor(tmp_path):
    """h57's examiner: "Do the sum: ____ rpm is 9 turns every second; 1000 rpm is almost 17" (the sum gives 1020,
    marked wrong against 1000), and "Sound recordings: ____ from publication (50 from making …)" offering 50 years."""
    (tmp_path / "b0c1d2e3.txt").write_text(_TOP + (
        "Key Concepts & Core Principles\n- Staff: a graduated pole held on the point being levelled.\n"
        "- Level: an instrument whose line of sight is horizontal.\n\n"
        "Figures\n-------\n- Do the sum: 540 rpm is 9 turns every second; 1000 rpm is almost 17.\n"
        "- Records: 70 years from publication (50 from making if never published).\n"
        "- Broadcast logs: 50 years from first broadcast.\n- Typesetting: 25 years from publication.\n"
        "- Field books: 30 years from the survey.\n"), encoding="utf-8")
    topics, diags = read_topics([tmp_path])
    items = build_bank(topics, seed=0, diagnostics=diags).items
    assert not any("turns every second" in i.stem for i in items), [i.stem for i in items]
    records = [i for i in items if "Records:" in i.stem]
    assert records, [i.stem for i in items]
    for item in records:
        assert "50 years" not in [c.text for c in getattr(item, "choices", ())], item


def test_a_term_wrapped_onto_its_dot_leader_line_keeps_its_first_line(tmp_path):
    """h57's second examiner: "Literary, dramatic, musical, artistic works" over "(including photographs) ......
    life of author + 70 years" gave the stem "(including photographs): life of author + ____" (serious): the first
    line was taken for a label over the list and dropped."""
    (tmp_path / "f1e2d3c4.txt").write_text(
        "Copyright basics\n\nTopic Synopsis\nHow long copyright lasts.\n\nKey Concepts & Core Principles\n"
        "- Author: the person who creates the work.\n- Licence: permission to use a work.\n\n"
        "How long does it last?\n----------------------\n  Literary, dramatic, musical, artistic works\n"
        "  (including photographs) .............. life of author + 70 years\n"
        "  Broadcasts ........................... 50 years from first broadcast\n"
        "  Typographical arrangement ............ 25 years from publication\n", encoding="utf-8")
    topics, _ = read_topics([tmp_path])
    terms = [c.term for c in topics[0].concepts]
    assert "Literary, dramatic, musical, artistic works (including photographs)" in terms, terms
    assert "(including photographs)" not in terms, terms
