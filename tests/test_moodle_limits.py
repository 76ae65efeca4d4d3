"""Issue 13: no value is written over a Moodle column limit, and plain-text fields are plain text.

A value over a ``varchar`` limit makes Moodle stop the whole import ("value too long") and lose
every later question; names and tags over their size are cut by Moodle. Each test here pushes a
limit with text that naturally exceeds it and shows what qbank did instead.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from hostile_bank import exactly, limits_bank
from qbank.build import build
from qbank.readback import gift as gift_reader
from qbank.readback import moodle_xml as xml_reader
from qbank.writers import shared
from qbank.writers.moodle_limits import LIMITS, over_limit, shorten
from roundtrip_helpers import write

READERS = {"moodle-xml": xml_reader, "gift": gift_reader}
LONG_DEFINITION = "A record of " + " ".join(["the stages a customer passes through with a supplier"] * 6)
LONG_TITLE = "Managing " + " ".join(["very long service partnership title words"] * 8)


def test_the_table_names_moodles_columns_and_sizes():
    assert {k: v.size for k, v in LIMITS.items() if k in ("question name", "ID number", "category name", "tag",
                                                            "matching answer")} == {
        "question name": 255, "ID number": 100, "category name": 255, "tag": 255, "matching answer": 255}
    assert LIMITS["matching answer"].column == "qtype_match_subquestions.answertext"
    assert LIMITS["matching answer"].install_xml == "question/type/match/db/install.xml"
    assert all(v.install_xml.endswith("db/install.xml") for v in LIMITS.values())
    # characters, not bytes: a 255-character text of 4-byte characters fits
    assert over_limit("matching answer", "😀" * 255) is None
    assert "256 characters" in over_limit("matching answer", "😀" * 256)
    assert len(shorten("word " * 100, 255)) <= 255 and shorten("word " * 100, 255).endswith("…")


@pytest.mark.parametrize("fmt", ["moodle-xml", "gift"])
def test_every_limit_pushed_is_met_or_the_item_withheld(tmp_path, fmt):
    bank = limits_bank()
    output = write(bank, tmp_path, fmt)
    read = READERS[fmt].read(tmp_path / output.path)
    assert read.errors == []  # the readers flag any value over a limit (readback.limit_errors)
    skipped = {s["id"]: s["reason"] for s in output.skipped}
    # over a limit that stops the import: withheld, with the reason naming Moodle's column
    assert "qtype_match_subquestions.answertext" in skipped["match-256"] and "256 characters" in skipped["match-256"]
    assert "question_bank_entries.idnumber" in skipped[exactly(101, "id-")]
    got = {q.item.id: q.item for q in read.questions}
    assert "match-256" not in got and exactly(101, "id-") not in got
    # at a limit: written exactly as it is
    match = got["match-255"]
    assert [p.answer for p in match.pairs][:2] == [exactly(255, "Answer one "), exactly(255, "Answer two ")]
    assert match.extra_answers == (exactly(255, "Extra "),)
    assert match.title == exactly(255, "Name at the limit ")
    assert exactly(255, "Tag at the limit ").replace("<", "(").replace(">", ")") in match.tags
    assert exactly(100, "id-") in got
    # past a limit Moodle cuts: qbank shortens the name itself, and leaves out the tags Moodle would alter
    tf = got["tf-long-name"]
    assert len(tf.title) <= 255 and tf.title.endswith("…") and tf.title.startswith("Name past the limit")
    assert tf.tags == ("ok",) and "a <b> tag" not in match.tags
    converted = {c["id"]: c for c in output.converted}
    assert "the end of the name" in converted["tf-long-name"]["lost"]
    assert "some tags" in converted["tf-long-name"]["lost"] and "some tags" in converted["match-255"]["lost"]
    # a topic title past the category-name limit: shortened, and said so for each of its items
    cats = [q.category for q in read.questions if q.item.id == "order-past"]
    assert cats and all(len(level) <= 255 for level in shared.split_category_path(cats[0]))
    assert "the end of the category name" in converted["order-past"]["lost"]


@pytest.mark.parametrize("fmt", ["moodle-xml", "gift"])
def test_the_readers_catch_a_value_over_a_limit(tmp_path, fmt, monkeypatch):
    """Plant the fault: without the writers' guard, the readers report what Moodle would fail on."""
    from qbank.writers import gift, moodle_xml

    def unguarded(item, names=()):
        return item, None, None

    for module in (shared, moodle_xml, gift):
        monkeypatch.setattr(module, "moodle_fit", unguarded)
    output = write(limits_bank(), tmp_path, fmt)
    errors = READERS[fmt].read(tmp_path / output.path).errors
    assert any(e.startswith("match-256: matching answer of 256 characters") for e in errors), errors
    assert any("ID number of 101 characters" in e for e in errors)
    assert any(e.startswith("tf-long-name: question name of 300 characters") for e in errors)


def _topic_file(folder: Path) -> Path:
    folder.mkdir()
    (folder / "partnerships.txt").write_text(f"""Title: {LONG_TITLE}
Topic Synopsis
This topic covers service partnerships and how they are managed over time by teams.
Key Concepts & Core Principles
- Customer journey mapping: {LONG_DEFINITION}.
- Service level agreement: A written document between partners setting measurable standards for response and quality.
- Performance dashboard: A record of each agreed indicator, updated weekly and shared by both partners.
- Escalation procedure: A document setting out the route for passing an unresolved issue to a more senior person.
- Partnership charter: A document stating the shared aims, values and ground rules the partners sign up to.
- Joint action plan: A document listing the tasks, owners and dates that partners agree after a review.
- Credit note: A record of the refund or discount owed to the customer when agreed standards are missed.
Exam Tips & Revision Strategies
- Link every partnership review to a measurable improvement.
Common Misconceptions & Mistakes to Avoid
- Assuming a service level agreement never needs to be reviewed once it is signed.
Examiner Marking Points
- Award credit for linking partnership reviews to measurable service improvements.
""", encoding="utf-8")
    return folder


def test_a_definition_too_long_for_a_matching_answer_is_not_one(tmp_path):
    """Natural text over the matching-answer limit: the generator takes the shorter descriptions (all
    seven describe records: a matching item holds one kind of thing)."""
    assert len(LONG_DEFINITION) > 255
    result = build([_topic_file(tmp_path / "topics")], tmp_path / "build")
    matching = [i for i in result.bank.items if i.kind == "matching"]
    assert matching, "the other five concepts still make a matching item"
    for item in matching:
        answers = [p.answer for p in item.pairs] + list(item.extra_answers)
        assert all(len(a) <= 255 for a in answers) and not any(a.startswith("A record of the stages") for a in answers)
    # the concept is not lost silently: it is an option elsewhere, or coverage lists it with a reason
    from qbank.generate.coverage import coverage
    uncovered = coverage(result.bank.topics, result.bank.items)["key concepts"]["uncovered"]
    assert any(c.text == "Customer journey mapping" for i in result.bank.items if i.kind == "multichoice"
               for c in i.choices) or any(r["text"].startswith("Customer journey mapping") and r["reason"]
                                          for r in uncovered)
    for fmt, name in (("moodle-xml", "moodle.xml"), ("gift", "questions.gift.txt")):
        read = READERS[fmt].read(result.out_dir / name)
        assert read.errors == [] and len(read.questions) == len(result.bank.items)


def test_a_topic_title_too_long_for_a_category_is_shortened_and_said_so(tmp_path):
    result = build([_topic_file(tmp_path / "topics")], tmp_path / "build")
    manifest = json.loads((result.out_dir / "manifest.json").read_text(encoding="utf-8"))
    for fmt, name in (("moodle-xml", "moodle.xml"), ("gift", "questions.gift.txt")):
        read = READERS[fmt].read(result.out_dir / name)
        levels = {level for cat in read.categories for level in shared.split_category_path(cat)}
        assert LONG_TITLE not in levels and shorten(LONG_TITLE, 255) in levels
        assert all(len(level) <= 255 for level in levels)
        [out] = [o for o in manifest["outputs"] if o["format"] == fmt]
        assert sum("the end of the category name" in c["lost"] for c in out["converted"]) == len(result.bank.items)


def test_matching_answers_are_plain_text_in_moodle_xml(tmp_path):
    """qtype_match_subquestions.answertext is plain text: an entity would be stored and shown literally."""
    output = write(limits_bank(), tmp_path, "moodle-xml")
    tree = etree.parse(str(tmp_path / output.path))
    answers = tree.xpath("//question[@type='matching']/subquestion/answer/text/text()")
    assert "Answer R&D <b>not bold</b> \"quoted\" 'single' ~tilde =equals #hash {brace} colon: back\\slash " \
           "[square] ]]> //slashes" in answers
    raw = (tmp_path / output.path).read_text(encoding="utf-8")
    assert "&#39;" not in "".join(answers) and "<![CDATA[Answer R&D <b>not bold</b>" in raw


@pytest.mark.parametrize("fmt", ["moodle-xml", "gift"])
def test_tag_like_text_in_a_category_name_is_reported(tmp_path, fmt):
    """split_category_path() runs PARAM_TEXT on each level: Moodle drops '<b>' from a topic title."""
    from every_kind import every_kind_bank

    bank = every_kind_bank()
    assert "<b>" in bank.topics[0].title
    output = write(bank, tmp_path, fmt)
    lost = {c["id"]: c.get("lost", "") for c in output.converted}
    written = {i.id for i in bank.items} - {s["id"] for s in output.skipped}
    assert all("tag-like text in the category name" in lost.get(i, "") for i in written)
    plain = write(limits_bank(), tmp_path / "plain", fmt)
    assert not any("category name" in c.get("lost", "") and "tag-like" in c["lost"] for c in plain.converted)


def test_two_long_titles_alike_stay_apart_within_the_limit():
    """Two topics whose titles agree in their first 255 characters: two categories, both fit."""
    from dataclasses import replace as dc_replace

    base = limits_bank()
    first = dc_replace(base.topics[0], slug="alike-1", title=LONG_TITLE * 2 + " one")
    second = dc_replace(base.topics[0], slug="alike-2", title=LONG_TITLE * 2 + " two")
    titles = shared.category_titles(dc_replace(base, topics=(first, second)))
    assert titles["alike-1"] != titles["alike-2"] and titles["alike-2"].endswith("… (alike-2)")
    assert all(len(t) <= LIMITS["category name"].size for t in titles.values())
