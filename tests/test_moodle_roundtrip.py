"""Issue 4: Moodle XML for every item kind reads back exactly, hostile text included."""

from __future__ import annotations

from dataclasses import replace

from lxml import etree

from hostile_bank import NASTY, hostile_bank
from qbank.model import Choice, MultipleChoice
from qbank.readback import moodle_xml
from roundtrip_helpers import assert_moodle_grades, carried, expected_category, write


def _read(bank, tmp_path):
    output = write(bank, tmp_path, "moodle-xml")
    return output, moodle_xml.read(tmp_path / output.path)


def test_hostile_bank_survives_exactly(tmp_path):
    bank = hostile_bank()
    output, read = _read(bank, tmp_path)
    assert not output.skipped and not read.errors
    assert output.counts == {"cloze": 2, "essay": 2, "matching": 1, "multichoice": 4, "numerical": 2, "ordering": 1,
                             "truefalse": 3}
    got = {q.item.id: q for q in read.questions}
    assert list(got) == [i.id for i in bank.items if i.topic == "hostile"] + [
        i.id for i in bank.items if i.topic == "plain"
    ]
    for item in bank.items:
        assert got[item.id].item == carried(item), item.id
        assert got[item.id].category == expected_category(bank, item)
    assert_moodle_grades(read)


def test_hostile_file_is_wellformed_and_escaped(tmp_path):
    output = write(hostile_bank(), tmp_path, "moodle-xml")
    raw = (tmp_path / output.path).read_text(encoding="utf-8")
    tree = etree.fromstring(raw.encode("utf-8"))  # an unescaped & or ]]> would fail here
    stems = tree.xpath("//question[@type!='category']/questiontext/text/text()")
    assert any("R&amp;D &lt;b&gt;not bold&lt;/b&gt;" in s and "]]&gt;" in s for s in stems)
    assert "<b>" not in "".join(stems)


def test_every_kind_has_moodles_fields(tmp_path):
    output = write(hostile_bank(), tmp_path, "moodle-xml")
    tree = etree.parse(str(tmp_path / output.path))
    q = {e.findtext("idnumber"): e for e in tree.xpath("//question[@type!='category']")}
    assert q["mc-multi-3"].findtext("single") == "false" and q["mc-single"].findtext("single") == "true"
    assert [a.get("fraction") for a in q["mc-multi-3"].findall("answer")] == ["33.33333", "33.33333", "-50", "33.33333", "-50"]
    for mc in ("mc-single", "mc-multi-3"):
        assert q[mc].findtext("shuffleanswers") == "true" and q[mc].findtext("answernumbering") == "abc"
    for kind in ("mc-single", "match-extra", "order-4"):
        for fb in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
            assert q[kind].findtext(f"{fb}/text").strip(), (kind, fb)
    tf = q["tf-false"].findall("answer")
    assert [(a.findtext("text"), a.get("fraction")) for a in tf] == [("true", "0"), ("false", "100")]
    subs = q["match-extra"].findall("subquestion")
    assert [s.findtext("text") for s in subs][-2:] == ["", ""]  # extra answers: blank-question subquestions
    order = q["order-4"]
    assert (order.findtext("selecttype"), order.findtext("selectcount"), order.findtext("gradingtype")) == (
        "ALL", "0", "ABSOLUTE_POSITION")
    essay = q["essay-grader"]
    assert essay.findtext("responseformat") == "editor" and essay.findtext("responsefieldlines") == "10"
    assert NASTY.split()[0].replace("&", "&amp;") in essay.findtext("graderinfo/text")
    assert essay.find("responsetemplate") is not None
    assert {e.findtext("idnumber") for e in tree.xpath("//question[@type!='category']")} == set(q)


def test_categories_per_topic_and_family(tmp_path):
    output = write(hostile_bank(), tmp_path, "moodle-xml")
    cats = etree.parse(str(tmp_path / output.path)).xpath("//question[@type='category']/category/text/text()")
    assert cats[0] == "$course$/top/Hostile & bank: {x}/Hostile: R&D {1} ~ = # \\ \u03a9 // slash"
    assert cats[1] == cats[0] + "/Concepts"
    assert "$course$/top/Hostile & bank: {x}/Plain topic/Essays" in cats


def test_items_moodle_would_reject_are_skipped_not_written(tmp_path):
    bad = MultipleChoice(id="one-choice", family="concept", topic="plain", title="t", stem="s",
                         choices=(Choice("only", True),))
    two_keys = replace(bad, id="two-keys", choices=(Choice("a", True), Choice("b", True), Choice("c", False)))
    blank = replace(bad, id="blank-choice", choices=(Choice("a", True), Choice(" ", False), Choice("c", False)))
    bank = hostile_bank()
    bank = replace(bank, items=bank.items + (bad, two_keys, blank))
    output, read = _read(bank, tmp_path)
    assert {s["id"] for s in output.skipped} == {"one-choice", "two-keys", "blank-choice"}
    assert {"one-choice", "two-keys", "blank-choice"}.isdisjoint(q.item.id for q in read.questions)


def test_bundled_build_reads_back_exactly(built):
    [output] = [o for o in built.outputs if o.format == "moodle-xml"]
    read = moodle_xml.read(built.out_dir / output.path)
    skipped = {s["id"] for s in output.skipped}
    written = [i for i in built.bank.items if i.id not in skipped]
    got = {q.item.id: q for q in read.questions}
    assert len(read.questions) == len(written) == sum(output.counts.values()) > 0
    for item in written:
        assert got[item.id].item == carried(item, built.bank), item.id
        assert got[item.id].category == expected_category(built.bank, item)
    assert_moodle_grades(read)


def test_names_moodle_will_change_are_reported(tmp_path):
    output = write(hostile_bank(), tmp_path, "moodle-xml")
    # clean_question_name() strips tags from names: the six titles holding <b>…</b> are listed
    assert sorted(c["id"] for c in output.converted) == ["cloze-1", "essay-grader", "match-extra", "mc-single", "num-nasty",
                                                          "order-4"]
    assert all(c["lost"] == "tag-like text in the name" for c in output.converted)


def test_cloze_is_a_gapselect_question_keyed_by_its_placeholders(tmp_path):
    """qtype_gapselect: [[n]] is choice n; each gap's list is its group; choices are plain text."""
    output = write(hostile_bank(), tmp_path, "moodle-xml")
    tree = etree.parse(str(tmp_path / output.path))
    q = {e.findtext("idnumber"): e for e in tree.xpath("//question[@type='gapselect']")}
    two = q["cloze-2"]
    assert two.findtext("questiontext/text") == "<p>[[1]] and [[2]].</p>"
    options = [(o.findtext("text"), o.findtext("group")) for o in two.findall("selectoption")]
    assert options == [("first & key", "1"), ("second", "2"), ("#one", "1"), ("two ~", "1"),
                       ("x", "2"), ("y", "2"), ("z", "2")]  # plain text: '&' is not escaped
    assert two.find("shownumcorrect") is not None and two.findtext("shuffleanswers") == "1"


def test_grader_information_is_an_html_list(tmp_path):
    """Essay grader information: '- ' lines become <ul><li>, not a run-on paragraph (Moodle shows HTML)."""
    from qbank.model import Essay

    essay = Essay(id="e", family="essay", topic="plain", title="E", stem="Explain X.",
                  grader_info="This prompt targets: X.\nMarking points:\n- first & one\n- second")
    bank = replace(hostile_bank(), items=(essay,))
    output, read = _read(bank, tmp_path)
    raw = etree.parse(str(tmp_path / output.path)).findtext(".//graderinfo/text")
    assert raw == "<p>This prompt targets: X.</p><p>Marking points:</p><ul><li>first &amp; one</li><li>second</li></ul>"
    assert read.questions[0].item.grader_info == essay.grader_info
