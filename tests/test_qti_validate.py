"""`qbank validate` and the build-time check catch broken packages (and never skip the XSDs)."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import TOPICS
from qbank.build import build
from qbank.cli import main
from qbank.errors import QbankError
from qbank.writers import WriteOptions, writer_for
from qti_support import every_kind_bank


def _unpack(tmp_path: Path, fmt: str) -> Path:
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    (o,) = writer_for(fmt)(every_kind_bank(), out, WriteOptions())
    folder = tmp_path / fmt
    with zipfile.ZipFile(out / o.path) as zf:
        zf.extractall(folder)
    return folder


def _rezip(folder: Path) -> Path:
    path = folder.with_suffix(".zip")
    with zipfile.ZipFile(path, "w") as zf:
        for f in sorted(folder.rglob("*")):
            zf.write(f, f.relative_to(folder).as_posix())
    return path


def _validate(path: Path, *extra: str):
    return CliRunner().invoke(main, ["validate", str(path), *extra])


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_sound_packages_pass(tmp_path, shared):
    for fmt in ("qti21", "qti12-canvas", "qti30"):
        result = _validate(_rezip(_unpack(tmp_path, fmt)), "--schemas", str(shared / "xsd"))
        assert result.exit_code == 0, result.output


def test_missing_item_file_is_caught(tmp_path):
    folder = _unpack(tmp_path, "qti21")
    (folder / "items" / "essay-fff666.xml").unlink()
    result = _validate(_rezip(folder))
    assert result.exit_code == 1
    assert re.search(r"qti21\.zip/imsmanifest\.xml:\d+: error: href 'items/essay-fff666\.xml' is not in the package", result.output)
    assert re.search(r"qti21\.zip/assessment\.xml:\d+: error: href 'items/essay-fff666\.xml'", result.output)


def test_wrong_href_case_is_caught(tmp_path):
    folder = _unpack(tmp_path, "qti30")
    _edit(folder / "imsmanifest.xml", 'href="items/matching-ddd444.xml"', 'href="Items/Matching-ddd444.xml"')
    result = _validate(_rezip(folder))
    assert result.exit_code == 1
    assert "case differs from 'items/matching-ddd444.xml'" in result.output


def test_correct_response_naming_a_missing_choice_is_caught(tmp_path):
    folder = _unpack(tmp_path, "qti21")
    item = folder / "items" / "concept-ggg777.xml"
    text = item.read_text(encoding="utf-8")
    key = re.search(r"<value>(C\w+)</value>", text).group(1)
    item.write_text(text.replace(f"<value>{key}</value>", "<value>CMISSING</value>"), encoding="utf-8")
    result = _validate(item)  # a single file works too
    assert result.exit_code == 1
    assert re.search(r"concept-ggg777\.xml:\d+: error: correct response 'CMISSING' names no choice", result.output)


def test_response_processing_that_never_sets_score_is_caught(tmp_path):
    folder = _unpack(tmp_path, "qti30")
    item = folder / "items" / "truefalse-ccc334.xml"
    _edit(item, 'qti-set-outcome-value identifier="SCORE"', 'qti-set-outcome-value identifier="FEEDBACK"', count=2)
    result = _validate(folder)
    assert result.exit_code == 1
    assert "never sets SCORE" in result.output


def test_undeclared_response_and_duplicate_choice_are_caught(tmp_path):
    folder = _unpack(tmp_path, "qti21")
    item = folder / "items" / "concept-aaa111.xml"
    _edit(item, '<choiceInteraction responseIdentifier="RESPONSE"', '<choiceInteraction responseIdentifier="RESPONSE2"')
    result = _validate(item)
    assert "responseIdentifier 'RESPONSE2' is not declared" in result.output


def test_canvas_pitfalls_are_caught(tmp_path, shared):
    folder = _unpack(tmp_path, "qti12-canvas")
    quiz = folder / "qbank-second" / "qbank-second.xml"
    text = quiz.read_text(encoding="utf-8")
    # drop the only respcondition of the essay-free second topic's first item
    start = text.index("<respcondition")
    end = text.index("</resprocessing>")
    quiz.write_text(text[:start] + text[end:], encoding="utf-8")
    _edit(folder / "imsmanifest.xml", "imsmd:lifecycle>", "imsmd:lifeCycle>", count=2)
    result = _validate(_rezip(folder), "--schemas", str(shared / "xsd"))
    assert result.exit_code == 1
    assert re.search(r"qbank-second\.xml:\d+: error: resprocessing has no respcondition", result.output)
    assert "never sets SCORE" in result.output
    assert re.search(r"imsmanifest\.xml:\d+: error: IMS MD 1\.2 has no 'lifeCycle'", result.output)
    assert "schema imscp_v1p1.xsd" in result.output  # the XSD agrees


def test_build_fails_closed_when_a_package_is_invalid(tmp_path):
    """A user template that breaks the key never reaches build/: the old build stays."""
    out = tmp_path / "build"
    build([TOPICS], out, formats=["qti21"])
    before = (out / "qti21.zip").read_bytes()
    templates = tmp_path / "tpl"
    shutil.copytree(Path(__file__).resolve().parent.parent / "templates" / "qti21", templates / "qti21")
    _edit(templates / "qti21" / "item.xml.j2", "<value>{{ v }}</value>", "<value>{{ v }}x</value>")
    with pytest.raises(QbankError, match="failed validation: .*correct response"):
        build([TOPICS], out, formats=["qti21"], options=WriteOptions(templates=str(templates)))
    assert (out / "qti21.zip").read_bytes() == before


def test_cli_build_with_schemas(tmp_path, shared):
    result = CliRunner().invoke(main, ["build", str(TOPICS), "-o", str(tmp_path / "b"), "--gate", "off", "--schemas", str(shared / "xsd"), "-q"])
    assert result.exit_code == 0, result.output
    bad = CliRunner().invoke(main, ["build", str(TOPICS), "-o", str(tmp_path / "c"), "--schemas", str(tmp_path)])
    assert bad.exit_code == 1 and "not a QTI schema folder" in bad.output
    assert not (tmp_path / "c").exists()


def test_package_without_manifest_is_caught(tmp_path):
    folder = _unpack(tmp_path, "qti21")
    (folder / "imsmanifest.xml").unlink()
    result = _validate(folder)
    assert result.exit_code == 1 and "imsmanifest.xml: error: missing" in result.output


def test_items_without_a_usable_key_are_skipped_not_written(tmp_path):
    from dataclasses import replace

    from qbank.model import Choice, MultipleChoice

    bank = every_kind_bank()
    keyless = MultipleChoice(id="concept-nokey", family="concept", topic="second", title="No key", stem="Which?",
                             choices=(Choice("A", False), Choice("B", False)))
    two_keys = replace(keyless, id="concept-twokeys", choices=(Choice("A", True), Choice("B", True)))
    bank = replace(bank, items=bank.items + (keyless, two_keys))
    for fmt in ("qti21", "qti12-canvas", "qti30"):
        (o,) = writer_for(fmt)(bank, tmp_path, WriteOptions())
        assert {s["id"]: s["reason"] for s in o.skipped} == {
            "concept-nokey": "no correct choice", "concept-twokeys": "single-answer item with 2 correct choices"}
        assert sum(o.counts.values()) == len(bank.items) - 2
