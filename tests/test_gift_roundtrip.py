"""Issue 4: GIFT for the same bank, read back the way Moodle's qformat_gift reads it."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace

import pytest

from conftest import ROOT, TOPICS
from hostile_bank import hostile_bank
from qbank.model import Choice, Cloze, Essay, MultipleChoice, Ordering
from qbank.readback import gift as gift_reader
from qbank.readback.gift import escapedchar_post, escapedchar_pre
from qbank.writers import gift
from roundtrip_helpers import assert_moodle_grades, carried, expected_category, write


def as_gift_carries(item, bank=None):
    """What GIFT can say about an item: ordering becomes matching; essays lose grader info."""
    if isinstance(item, Ordering):
        item = gift.ordering_as_matching(item)
    if isinstance(item, Essay):
        item = replace(item, grader_info="", response_lines=gift.GIFT_ESSAY_LINES)
    if isinstance(item, Cloze):
        item = gift.cloze_as_choice(item)
    return carried(item, bank)


def _read(bank, tmp_path):
    output = write(bank, tmp_path, "gift")
    return output, gift_reader.read(tmp_path / output.path)


@pytest.mark.parametrize("text", [
    "plain", "a:b#c=d~e{f}g", "back\\slash", "\\n is not a newline", "ends\\", "\\\\double", "line\nbreak",
    "&&058; placeholder-like", "https://x.org/a?b=1&c=2#frag", "\u00b0C \u03a9 \u00d7 \u201cq\u201d \u2014",
])
def test_escape_is_undone_by_moodles_placeholders(text):
    assert escapedchar_post(escapedchar_pre(gift.escape(text))) == text.replace("&&058;", ":")


def test_hostile_bank_survives_as_moodle_reads_it(tmp_path):
    bank = hostile_bank()
    output, read = _read(bank, tmp_path)
    # the only item GIFT cannot carry: a cloze with two gaps (one gap is asked as multiple choice)
    assert read.errors == [] and [s["id"] for s in output.skipped] == ["cloze-2"]
    got = {q.item.id: q for q in read.questions}
    assert set(got) == {i.id for i in bank.items} - {"cloze-2"}
    for item in (i for i in bank.items if i.id in got):
        assert got[item.id].item == as_gift_carries(item), item.id
        assert got[item.id].category == expected_category(bank, item)
        assert got[item.id].extra["format"] == gift_reader.FORMAT_HTML
    assert got["order-4"].qtype == "match" and got["mc-multi-3"].fractions == pytest.approx(
        [0.3333333, 0.3333333, -0.5, 0.3333333, -0.5])
    assert_moodle_grades(read)


def test_what_gift_cannot_say_is_reported(tmp_path):
    output = write(hostile_bank(), tmp_path, "gift")
    converted = {c["id"]: c for c in output.converted}
    assert converted["order-4"]["to"] == "matching"
    assert "grader information" in converted["essay-grader"]["reason"] and "10 lines" in converted["essay-grader"]["reason"]
    assert "essay-plain" not in converted  # nothing lost: no grader info, 15 lines
    assert converted["cloze-1"]["to"] == "multichoice"
    assert "num-tolerance" not in converted  # a number with its tolerance: GIFT says it all ({#=%100%-12.25:0.5})
    assert output.counts == {"cloze": 1, "essay": 2, "matching": 1, "multichoice": 4, "numerical": 2, "ordering": 1,
                             "truefalse": 3}


def test_summary_line_names_conversions_and_losses(tmp_path):
    from qbank.cli import _changes_summary

    bank = hostile_bank()
    extra = Ordering(id="two-steps", family="ordering", topic="plain", title="o", stem="s", steps=("a", "b"))
    output = write(replace(bank, items=bank.items + (extra,)), tmp_path, "gift")
    assert _changes_summary(output) == (
        "6 items without tag-like text in the name, 1 ordering item converted to matching, "
        "1 essay item without grader information, 1 essay item without response box size, "
        "1 cloze item converted to multichoice, 1 cloze item skipped, 1 ordering item skipped")


def test_gift_syntax_details(tmp_path):
    output = write(hostile_bank(), tmp_path, "gift")
    raw = (tmp_path / output.path).read_text(encoding="utf-8")
    assert "// [id:mc-single] [tag:hostile] [tag:tag with space]\n::Single\\: R&D" in raw
    assert "\t~%33.33333%Key one" in raw and "\t~%100%Only key" in raw
    assert "{TRUE#Wrong\\: R&amp;D" in raw and "{FALSE##Only this feedback####General" in raw
    # extra answer: a blank prompt, as Moodle's own exporter writes it; a matching answer is plain
    # text in Moodle (no [html] format applies to it), so it is GIFT-escaped but never HTML-escaped
    assert "\t= -> Extra R&D <b>not bold</b> \"quoted\" 'single' \\~tilde" in raw
    assert "&#39;" not in raw
    assert "\t~&\\#91;plain] looks like a format#" in raw  # a leading [ is never read as a format
    assert "https\\://x.org/a?b\\=1&amp;c\\=2\\#frag" in raw
    # text starting with // must never begin a line: Moodle would drop that line as a comment
    for block in gift_reader.split_blocks(raw):
        leading = next((n for n, line in enumerate(block) if not line.startswith("//")), len(block))
        assert not any(line.startswith("//") for line in block[leading:]), block


def test_items_moodle_would_reject_are_skipped(tmp_path):
    one = MultipleChoice(id="one-choice", family="concept", topic="plain", title="t", stem="s",
                         choices=(Choice("only", True),))
    short = Ordering(id="two-steps", family="ordering", topic="plain", title="o", stem="s", steps=("a", "b"))
    bank = hostile_bank()
    output, read = _read(replace(bank, items=bank.items + (one, short)), tmp_path)
    assert {s["id"] for s in output.skipped} == {"one-choice", "two-steps", "cloze-2"}
    assert read.errors == [] and len(read.questions) == len(bank.items) - 1


def test_bundled_build_gift_matches_xml(built):
    outputs = {o.format: o for o in built.outputs}
    read = gift_reader.read(built.out_dir / outputs["gift"].path)
    assert read.errors == []
    skipped = {s["id"] for s in outputs["gift"].skipped}
    written = [i for i in built.bank.items if i.id not in skipped]
    got = {q.item.id: q for q in read.questions}
    assert len(read.questions) == len(written) > 0
    for item in written:
        assert got[item.id].item == as_gift_carries(item, built.bank), item.id
        assert got[item.id].category == expected_category(built.bank, item)
    assert_moodle_grades(read)
    # same questions as the XML, less exactly what GIFT reports it could not carry
    assert sum(outputs["gift"].counts.values()) == sum(outputs["moodle-xml"].counts.values()) - len(
        skipped - {s["id"] for s in outputs["moodle-xml"].skipped})


def test_manifest_and_summary_list_both_files(built):
    manifest = json.loads((built.out_dir / "manifest.json").read_text(encoding="utf-8"))
    by_format = {o["format"]: o for o in manifest["outputs"]}
    assert set(by_format) >= {"moodle-xml", "gift"}
    for o in (by_format["moodle-xml"], by_format["gift"]):  # the preview also has files without items
        assert sum(o["items"].values()) > 0 and "skipped" in o and "converted" in o


def test_cli_prints_what_gift_changed(tmp_path):
    topic = tmp_path / "t.txt"
    topic.write_text((TOPICS / "managing-team-performance.txt").read_text(encoding="utf-8"), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "qbank", "build", str(topic), "-o", str(tmp_path / "b"), "--gate", "off"],
                         cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "questions.gift.txt (gift)" in run.stdout


def test_gift_output_is_deterministic(built, tmp_path):
    from qbank.build import build

    again = build([TOPICS], tmp_path / "again")
    name = gift.FILENAME
    assert (again.out_dir / name).read_bytes() == (built.out_dir / name).read_bytes()
