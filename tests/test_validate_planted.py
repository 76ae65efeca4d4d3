"""Issue 13 item 5: `qbank validate` catches what a strict validator and a QTI player catch.

Each test takes a real package built from the bundled topics, plants one defect, and
asserts that validate exits 1 with a one-line error naming the package entry (and line);
the unmodified package passes."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from qbank.cli import main

QTI = ("qti21", "qti30", "qti12-canvas")


# The bundled notes give no matching item (each description repeats a word of its own term), so a
# small topic with clean pairs of one kind (equipment) joins them: every interaction kind is in the package.
HEIGHT = dict(synopsis="Work at height.", concepts=[
    ("Ladder", "Only for light work of short duration, set at 75 degrees."),
    ("Mobile tower", "A platform on castors that is never moved with a person on it."),
    ("Harness", "Fall arrest equipment clipped to an anchor rated for the load."),
    ("Hierarchy", "Avoid, prevent, then mitigate the consequences of a fall."),
    ("Toe board", "A barrier at the edge that stops tools and materials falling off."),
    ("Lanyard", "A short strap that links a worker's belt to an anchor point."),
    ("Podium step", "A low frame with a gated top for short tasks at a low height."),
])


@pytest.fixture(scope="module")
def packages(tmp_path_factory) -> dict[str, Path]:
    import shutil

    from conftest import TOPICS
    from topicmaker import topic_file

    from qbank.build import build

    src = tmp_path_factory.mktemp("planted-topics")
    for f in TOPICS.glob("*.txt"):
        shutil.copy(f, src / f.name)
    topic_file(src, "height", **HEIGHT)
    built = build([src], tmp_path_factory.mktemp("planted") / "build")
    assert any(i.kind == "matching" for i in built.bank.items)
    return {o.format: built.out_dir / o.path for o in built.outputs if o.format in QTI}


def _validate(path: Path):
    return CliRunner().invoke(main, ["validate", str(path)])


def _entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _write(path: Path, entries: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, data in entries.items():
            zf.writestr(n, data)
    return path


def _item(entries: dict[str, bytes], pattern: str) -> str:
    """The first item file (sorted) whose text matches ``pattern``."""
    for n in sorted(entries):
        if n.startswith("items/") and re.search(pattern, entries[n].decode("utf-8")):
            return n
    raise AssertionError(f"no item matches {pattern}")


def _planted(tmp_path: Path, package: Path, pattern: str, old: str, new: str, count: int = 1) -> tuple[str, Path]:
    """Copy ``package`` with ``old`` -> ``new`` in the first item matching ``pattern``."""
    entries = _entries(package)
    name = _item(entries, pattern)
    text = entries[name].decode("utf-8")
    assert old in text, old
    entries[name] = text.replace(old, new, count).encode("utf-8")
    return name, _write(tmp_path / package.name, entries)


def _error(result, entry: str, message: str) -> None:
    assert result.exit_code == 1, result.output
    line = rf"\.zip/{re.escape(entry)}(:\d+)?: error: {message}"
    assert re.search(line, result.output), result.output


def test_unmodified_bundled_packages_pass_without_warnings(packages):
    for fmt, path in packages.items():
        result = _validate(path)
        assert result.exit_code == 0, result.output
        assert "warning" not in result.output and "error" not in result.output, result.output


def test_duplicate_item_identifier_across_files(tmp_path, packages):
    entries = _entries(packages["qti21"])
    first, second = [n for n in sorted(entries) if n.startswith("items/") and n.endswith(".xml")][:2]
    ident = re.search(r'<assessmentItem[^>]*\bidentifier="([^"]+)"', entries[first].decode()).group(1)
    other = re.search(r'<assessmentItem[^>]*\bidentifier="([^"]+)"', entries[second].decode()).group(1)
    entries[second] = entries[second].replace(f'identifier="{other}"'.encode(), f'identifier="{ident}"'.encode(), 1)
    result = _validate(_write(tmp_path / "qti21.zip", entries))
    _error(result, second, rf"item identifier '{ident}' is not unique in the package \(also in {first}\)")


def test_duplicate_canvas_item_ident_across_assessments(tmp_path, packages):
    entries = _entries(packages["qti12-canvas"])
    quizzes = [n for n in sorted(entries) if n.endswith(".xml") and "/" in n and not n.endswith("assessment_meta.xml")]
    a, b = quizzes[:2]
    ident = re.search(r'<item ident="([^"]+)"', entries[a].decode()).group(1)
    other = re.search(r'<item ident="([^"]+)"', entries[b].decode()).group(1)
    entries[b] = entries[b].replace(f'<item ident="{other}"'.encode(), f'<item ident="{ident}"'.encode(), 1)
    _error(_validate(_write(tmp_path / "c.zip", entries)), b, f"item ident '{ident}' is not unique in the package")


@pytest.mark.parametrize("fmt, old, new", [
    ("qti21", '<baseValue baseType="float">1</baseValue>', '<baseValue baseType="float">0.5</baseValue>'),
    ("qti30", '<qti-base-value base-type="float">1</qti-base-value>', '<qti-base-value base-type="float">0.5</qti-base-value>'),
])
def test_key_that_does_not_score_the_maximum(tmp_path, packages, fmt, old, new):
    name, path = _planted(tmp_path, packages[fmt], "<qti-choice-interaction|<choiceInteraction", old, new)
    _error(_validate(path), name, r"the correct response scores 0\.5, not the maximum 1")


def test_wrong_response_that_scores_the_maximum(tmp_path, packages):
    # match RESPONSE against itself: every answer "matches the key"
    name, path = _planted(tmp_path, packages["qti30"], "<qti-choice-interaction",
                          '<qti-correct identifier="RESPONSE"/>', '<qti-variable identifier="RESPONSE"/>')
    _error(_validate(path), name, r"a wrong response \(RESPONSE = \w+\) scores the maximum 1")


def test_partial_credit_that_reaches_the_maximum(tmp_path, packages):
    # a matching item whose mapping gives a wrong pair as much as a right one
    name, path = _planted(tmp_path, packages["qti21"], "<matchInteraction", '<mapping lowerBound="0" defaultValue="0">',
                          '<mapping lowerBound="0" defaultValue="1">')
    _error(_validate(path), name, r"a wrong response \(RESPONSE = \[.*\]\) scores the maximum 1")


def test_map_response_without_a_mapping(tmp_path, packages):
    entries = _entries(packages["qti21"])
    name = _item(entries, "<matchInteraction")
    entries[name] = re.sub(r"<mapping .*?</mapping>", "", entries[name].decode(), flags=re.S).encode()
    _error(_validate(_write(tmp_path / "q.zip", entries)), name, "mapResponse of 'RESPONSE', which has no mapping")


def test_match_correct_template_without_a_correct_response(tmp_path, packages):
    entries = _entries(packages["qti21"])
    name = _item(entries, "<choiceInteraction")
    text = entries[name].decode()
    text = re.sub(r"<correctResponse>.*?</correctResponse>", "", text, flags=re.S)
    text = re.sub(r"<responseProcessing>.*?</responseProcessing>",
                  '<responseProcessing template="http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct"/>',
                  text, flags=re.S)
    entries[name] = text.encode()
    _error(_validate(_write(tmp_path / "q.zip", entries)), name,
           "template match_correct but response 'RESPONSE' has no correctResponse")


@pytest.mark.parametrize("pattern, old, new, message", [
    ("<orderInteraction", 'cardinality="ordered"', 'cardinality="multiple"',
     "orderInteraction needs a response of baseType identifier and cardinality ordered; 'RESPONSE' is multiple identifier"),
    ("<choiceInteraction", 'baseType="identifier"', 'baseType="string"',
     "choiceInteraction needs a response of baseType identifier"),
    ("<matchInteraction", 'baseType="directedPair"', 'baseType="pair"',
     "matchInteraction needs a response of baseType directedPair"),
])
def test_base_type_or_cardinality_that_does_not_fit(tmp_path, packages, pattern, old, new, message):
    name, path = _planted(tmp_path, packages["qti21"], pattern, old, new)
    _error(_validate(path), name, re.escape(message))


def test_missing_media_file(tmp_path, packages):
    entries = _entries(packages["qti21"])
    name = _item(entries, "<prompt>")
    entries[name] = entries[name].replace(b"<prompt>", b'<prompt><img src="../media/diagram.png" alt="d"/>', 1)
    result = _validate(_write(tmp_path / "q.zip", entries))
    _error(result, name, r"img src '\.\./media/diagram\.png' is not in the package")
    entries["media/diagram.png"] = b"\x89PNG\r\n\x1a\n"
    assert _validate(_write(tmp_path / "q.zip", entries)).exit_code == 0


def test_missing_canvas_media_file(tmp_path, packages):
    entries = _entries(packages["qti12-canvas"])
    quiz = next(n for n in sorted(entries) if n.count("/") == 1 and not n.endswith("assessment_meta.xml") and n.endswith(".xml"))
    entries[quiz] = entries[quiz].replace(b"&lt;p&gt;", b'&lt;p&gt;&lt;img src="$IMS-CC-FILEBASE$/pic.png"&gt;', 1)
    _error(_validate(_write(tmp_path / "c.zip", entries)), quiz, r"mattext src '\$IMS-CC-FILEBASE\$/pic\.png' is not in the package")


def test_unknown_canvas_question_type(tmp_path, packages):
    entries = _entries(packages["qti12-canvas"])
    quiz = next(n for n in sorted(entries) if b"multiple_choice_question" in entries[n])
    entries[quiz] = entries[quiz].replace(b"multiple_choice_question", b"multiple_choise_question", 1)
    _error(_validate(_write(tmp_path / "c.zip", entries)), quiz, "unknown Canvas question_type 'multiple_choise_question'")


def test_canvas_wrong_answer_that_scores_100(tmp_path, packages):
    entries = _entries(packages["qti12-canvas"])
    quiz = next(n for n in sorted(entries) if b"multiple_choice_question" in entries[n])
    root = etree.fromstring(entries[quiz])
    ns = {"q": root.nsmap[None]}
    item = root.xpath("//q:item[.//q:fieldentry='multiple_choice_question']", namespaces=ns)[0]
    key = item.xpath(".//q:respcondition[q:setvar='100']//q:varequal/text()", namespaces=ns)[0]
    wrong = next(lab for lab in item.xpath(".//q:response_label/@ident", namespaces=ns) if lab != key)
    # give a wrong label its own 100, ahead of the key's condition
    extra = etree.fromstring(
        f'<respcondition xmlns="{ns["q"]}" continue="No"><conditionvar><varequal respident="response1">{wrong}'
        '</varequal></conditionvar><setvar action="Set" varname="SCORE">100</setvar></respcondition>')
    item.xpath(".//q:outcomes", namespaces=ns)[0].addnext(extra)
    entries[quiz] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    _error(_validate(_write(tmp_path / "c.zip", entries)), quiz,
           rf"item '{item.get('ident')}': .* both score the maximum 100: a wrong answer gets full marks")


def test_canvas_key_that_does_not_score_100(tmp_path, packages):
    entries = _entries(packages["qti12-canvas"])
    quiz = next(n for n in sorted(entries) if b"true_false_question" in entries[n] or b"multiple_choice_question" in entries[n])
    entries[quiz] = entries[quiz].replace(b'<setvar action="Set" varname="SCORE">100</setvar>',
                                          b'<setvar action="Set" varname="SCORE">50</setvar>', 1)
    _error(_validate(_write(tmp_path / "c.zip", entries)), quiz, r"item '[^']+': no answer scores the maximum 100")


def test_canvas_matching_shares_that_miss_100(tmp_path, packages):
    entries = _entries(packages["qti12-canvas"])
    quiz = next(n for n in sorted(entries) if b"matching_question" in entries[n])
    text = entries[quiz].decode()
    share = re.search(r'<setvar action="Add" varname="SCORE">([0-9.]+)</setvar>', text)
    entries[quiz] = text.replace(share.group(0), '<setvar action="Add" varname="SCORE">0</setvar>', 1).encode()
    _error(_validate(_write(tmp_path / "c.zip", entries)), quiz,
           r"item '[^']+': the best answer to each prompt together score [0-9.]+, not the maximum 100")


def test_maximum_set_by_the_processing_itself(tmp_path):
    """MAXSCORE set in responseProcessing is the maximum the key must reach."""
    item = tmp_path / "max.xml"
    template = CLOZE.replace("SECOND", '<correct identifier="GAP2"/>').replace(
        ' normalMaximum="1"', "").replace(
        "<itemBody>", '<outcomeDeclaration identifier="MAXSCORE" cardinality="single" baseType="float"/><itemBody>').replace(
        "<responseProcessing>", '<responseProcessing><setOutcomeValue identifier="MAXSCORE"><baseValue baseType="float">'
                                '@MAX@</baseValue></setOutcomeValue>')
    item.write_text(template.replace("@MAX@", "1"), encoding="utf-8")
    assert _validate(item).exit_code == 0
    item.write_text(template.replace("@MAX@", "2"), encoding="utf-8")
    result = _validate(item)
    assert result.exit_code == 1 and "the correct response scores 1.0, not the maximum 2" in result.output, result.output


@pytest.mark.parametrize("bad, why", [
    ("../evil.xml", "contains '..'"),
    ("/etc/evil.txt", "is an absolute path"),
    ("items\\evil.xml", "contains a backslash"),
    ("C:/evil.txt", "is an absolute path"),
])
def test_zip_slip_entry_names(tmp_path, packages, bad, why):
    entries = _entries(packages["qti21"])
    entries[bad] = b"x"
    result = _validate(_write(tmp_path / "q.zip", entries))
    _error(result, bad, re.escape(f"unsafe entry name: {why}"))


def test_unsupported_construct_is_a_warning_not_a_guess(tmp_path, packages):
    name, path = _planted(tmp_path, packages["qti21"], "<choiceInteraction",
                          '<correct identifier="RESPONSE"/>', '<baseValue baseType="string">x</baseValue>')
    entries = _entries(path)
    entries[name] = entries[name].replace(b"<match>", b'<patternMatch pattern=".*">', 1).replace(
        b"</match>", b"</patternMatch>", 1).replace(b'<baseValue baseType="string">x</baseValue>', b"", 1)
    result = _validate(_write(tmp_path / "w.zip", entries))
    assert result.exit_code == 0, result.output
    assert re.search(rf"{re.escape(name)}:\d+: warning: scoring not checked: the evaluator does not know <patternMatch>",
                     result.output), result.output


CLOZE = """<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="cloze-1" title="Cloze"
    adaptive="false" timeDependent="false">
  <responseDeclaration identifier="GAP1" cardinality="single" baseType="identifier">
    <correctResponse><value>G1A</value></correctResponse>
  </responseDeclaration>
  <responseDeclaration identifier="GAP2" cardinality="single" baseType="identifier">
    <correctResponse><value>G2B</value></correctResponse>
  </responseDeclaration>
  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float" normalMaximum="1"/>
  <itemBody>
    <p>Water boils at <inlineChoiceInteraction responseIdentifier="GAP1" shuffle="false">
      <inlineChoice identifier="G1A">100</inlineChoice><inlineChoice identifier="G1B">90</inlineChoice>
    </inlineChoiceInteraction> degrees at <inlineChoiceInteraction responseIdentifier="GAP2" shuffle="false">
      <inlineChoice identifier="G2A">high</inlineChoice><inlineChoice identifier="G2B">sea-level</inlineChoice>
    </inlineChoiceInteraction> pressure.</p>
  </itemBody>
  <responseProcessing>
    <responseCondition>
      <responseIf><match><variable identifier="GAP1"/><correct identifier="GAP1"/></match>
        <setOutcomeValue identifier="SCORE"><sum><variable identifier="SCORE"/><baseValue baseType="float">0.5</baseValue></sum></setOutcomeValue>
      </responseIf>
    </responseCondition>
    <responseCondition>
      <responseIf><match><variable identifier="GAP2"/>SECOND</match>
        <setOutcomeValue identifier="SCORE"><sum><variable identifier="SCORE"/><baseValue baseType="float">0.5</baseValue></sum></setOutcomeValue>
      </responseIf>
    </responseCondition>
  </responseProcessing>
</assessmentItem>
"""


@pytest.mark.parametrize("second, message", [
    ('<correct identifier="GAP2"/>', None),
    ('<baseValue baseType="identifier">G2A</baseValue>', r"the correct response scores 0\.5, not the maximum 1"),
    ('<variable identifier="GAP2"/>', r"a wrong response \(GAP2 = G2A\) scores the maximum 1"),
])
def test_cloze_with_inline_choices_scores_every_gap(tmp_path, second, message):
    item = tmp_path / "cloze.xml"
    item.write_text(CLOZE.replace("SECOND", second), encoding="utf-8")
    result = _validate(item)
    if message is None:
        assert result.exit_code == 0, result.output
    else:
        assert result.exit_code == 1 and re.search(rf"cloze\.xml:\d+: error: {message}", result.output), result.output


def test_bundled_cloze_gap_whose_key_is_a_distractor(tmp_path):
    """A real cloze item (one inlineChoiceInteraction per gap): the first gap's correct response names a distractor.
    Built from a small topic: the bundled notes give no value or model a sound cloze gap can hold."""
    from qbank.build import build
    from topicmaker import topic_file

    notes = tmp_path / "notes"
    notes.mkdir()
    topic_file(notes, "store", concepts=[
        ("Storage life", "Raw mince keeps 2 days in the fridge; cooked rice keeps 1 day; hard cheese keeps 21 days "
                         "after opening."),
        ("Stock rotation", "Using older stock first so that nothing passes its date."),
        ("Use-by date", "The last date a perishable food is safe to eat."),
    ])
    result = build([notes], tmp_path / "out")
    entries = _entries(next(result.out_dir / o.path for o in result.outputs if o.format == "qti21"))
    name = _item(entries, "<inlineChoiceInteraction")
    text = entries[name].decode()
    key = re.search(r"<correctResponse>\s*<value>([^<]+)</value>", text).group(1)
    gap = re.search(r'<inlineChoiceInteraction responseIdentifier="([^"]+)".*?</inlineChoiceInteraction>', text, re.S)
    assert key in gap.group(0)
    other = next(i for i in re.findall(r'<inlineChoice identifier="([^"]+)"', gap.group(0)) if i != key)
    entries[name] = text.replace(f"<value>{key}</value>", f"<value>{other}</value>", 1).encode()
    _error(_validate(_write(tmp_path / "q.zip", entries)), name, r"the correct response scores [0-9.]+, not the maximum 1")


@pytest.fixture(scope="module")
def numeric_packages(tmp_path_factory) -> dict[str, Path]:
    """A value with no fair distractor in its file: a number to type in every QTI package."""
    from topicmaker import topic_file

    from qbank.build import build

    src = tmp_path_factory.mktemp("numeric-topics")
    topic_file(src, "kitchen", concepts=[
        ("Hot holding", "Keep cooked food hot for service at 63°C or above."),
        ("Probe wipes", "Clean the probe with an antibacterial wipe between foods."),
        ("Colour coding", "Use red boards for raw meat and blue boards for raw fish."),
    ])
    built = build([src], tmp_path_factory.mktemp("numeric") / "build")
    assert [i.kind for i in built.bank.items if i.family == "numeric"] == ["numerical"]
    return {o.format: built.out_dir / o.path for o in built.outputs if o.format in QTI}


def test_a_number_to_type_passes_and_a_tolerance_that_admits_a_wrong_number_fails(tmp_path, numeric_packages):
    for path in numeric_packages.values():
        result = _validate(path)
        assert result.exit_code == 0 and "warning" not in result.output, result.output
    # exact equality widened to +/- 5: 64 is as good as the key 63
    name, path = _planted(tmp_path, numeric_packages["qti21"], "<textEntryInteraction",
                          '<equal toleranceMode="exact">', '<equal toleranceMode="absolute" tolerance="5 5">')
    _error(_validate(path), name, r"a wrong response \(RESPONSE = 64\) scores the maximum 1")


def test_canvas_number_range_that_admits_a_wrong_number(tmp_path, numeric_packages):
    entries = _entries(numeric_packages["qti12-canvas"])
    quiz = next(n for n in sorted(entries) if b"numerical_question" in entries[n])
    text = entries[quiz].decode()
    upper = re.search(r"\s*<varlte respident=\"response1\">63</varlte>", text)
    assert upper
    entries[quiz] = text.replace(upper.group(0), "", 1).encode()  # "63 or more" scores: an open range
    _error(_validate(_write(tmp_path / "c.zip", entries)), quiz, r"item '[^']+': a wrong answer \(64\) scores the maximum 100")
