"""Issue 6: a failed build leaves the previous build/ exactly as it was; no traceback for any failure."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from qbank import build as build_module
from qbank.build import build
from qbank.writers import moodle_xml
from qbank.errors import QbankError
from topicfiles import TOPIC, lines_of, qbank, write


@pytest.fixture
def previous(tmp_path, monkeypatch):
    """A good topic file and a previous build/ that qbank wrote, from another topic file."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "t.txt", TOPIC)
    write(tmp_path, "old.txt", TOPIC.replace("Use examples", "Use older examples"))
    out = tmp_path / "build"
    build([Path("old.txt")], out, formats=["moodle-xml", "gift"])
    return out


def _snapshot(out):
    return {p.name: p.read_bytes() for p in out.iterdir()}


def _assert_untouched(out, before):
    assert _snapshot(out) == before
    leftovers = [p.name for p in out.parent.iterdir() if p.name.startswith(".build.")]
    assert leftovers == []  # no staging or old-build folders beside build/


def _partial_then(exc):
    def write(bank, out_dir, options):
        (out_dir / "moodle.xml").write_text("<quiz><question", encoding="utf-8")  # half written
        raise exc

    return write


def test_successful_build_replaces_the_previous_one(previous):
    result = qbank("build", "t.txt", "-o", "build")
    assert result.exit_code == 0, result.output
    manifest = json.loads((previous / "manifest.json").read_text(encoding="utf-8"))
    assert [i["path"] for i in manifest["inputs"]] == ["t.txt"]  # the old build (of old.txt) is gone
    assert (previous / "bank.json").exists()
    assert [p.name for p in previous.parent.iterdir() if p.name.startswith(".build.")] == []


def test_input_error_leaves_previous_build(previous):
    before = _snapshot(previous)
    write(previous.parent, "bad.txt", b"\x00binary")
    result = qbank("build", "t.txt", "bad.txt", "-o", "build")
    assert result.exit_code == 1
    assert "bad.txt:1: error: looks like a binary file" in result.stderr
    _assert_untouched(previous, before)


def test_writer_crash_mid_write_leaves_previous_build(previous, monkeypatch):
    before = _snapshot(previous)
    monkeypatch.setattr(moodle_xml, "write", _partial_then(RuntimeError("boom")))
    result = qbank("build", "t.txt", "-o", "build")
    assert result.exit_code == 3
    assert lines_of(result) == [
        "qbank: internal error: RuntimeError: boom (rerun with --debug for the trace, and please report it)"
    ]
    assert "Traceback" not in result.output
    _assert_untouched(previous, before)


def test_debug_shows_the_trace(previous, monkeypatch):
    monkeypatch.setattr(moodle_xml, "write", _partial_then(RuntimeError("boom")))
    result = qbank("--debug", "build", "t.txt", "-o", "build")
    assert result.exit_code != 0
    assert isinstance(result.exception, RuntimeError)  # re-raised, so Python prints the trace


def test_disk_full_is_a_user_error_and_leaves_previous_build(previous, monkeypatch):
    before = _snapshot(previous)
    monkeypatch.setattr(moodle_xml, "write", _partial_then(OSError(28, "No space left on device")))
    result = qbank("build", "t.txt", "-o", "build")
    assert result.exit_code == 1
    assert lines_of(result) == ["build: error: cannot write the build: No space left on device"]
    _assert_untouched(previous, before)


def test_keyboard_interrupt_while_writing_leaves_previous_build(previous, monkeypatch):
    before = _snapshot(previous)
    monkeypatch.setattr(moodle_xml, "write", _partial_then(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        build([previous.parent / "t.txt"], previous)
    _assert_untouched(previous, before)
    result = qbank("build", "t.txt", "-o", "build")  # click turns ^C into "Aborted!", exit 1
    assert result.exit_code == 1 and "Traceback" not in result.output
    _assert_untouched(previous, before)


def test_interrupt_between_the_two_renames_restores_previous_build(previous, monkeypatch):
    before = _snapshot(previous)
    real = os.replace
    calls = []

    def flaky(src, dst):
        calls.append((src, dst))
        if len(calls) == 2:  # build/ moved aside, staging not yet in place
            raise KeyboardInterrupt
        return real(src, dst)

    monkeypatch.setattr(build_module.os, "replace", flaky)
    with pytest.raises(KeyboardInterrupt):
        build([previous.parent / "t.txt"], previous)
    _assert_untouched(previous, before)


def test_output_path_that_is_a_file(previous):
    target = previous.parent / "build.txt"
    target.write_bytes(b"not a folder")
    result = qbank("build", "t.txt", "-o", "build.txt")
    assert result.exit_code == 1
    assert lines_of(result) == ["build.txt: error: output path exists and is not a directory"]
    assert target.read_bytes() == b"not a folder"
    assert [p.name for p in previous.parent.iterdir() if p.name.startswith(".build")] == []


def test_output_inside_a_file_is_a_user_error(previous):
    (previous.parent / "afile").write_bytes(b"x")
    result = qbank("build", "t.txt", "-o", "afile/build")
    assert result.exit_code == 1
    assert lines_of(result)[0].startswith("afile/build: error: cannot create the output directory:")


def test_no_items_leaves_previous_build(previous):
    before = _snapshot(previous)
    write(previous.parent, "thin.txt", "x\nTopic Synopsis\nOnly a synopsis.\n")
    result = qbank("build", "thin.txt", "-o", "build")
    assert result.exit_code == 1 and "Traceback" not in result.output
    _assert_untouched(previous, before)


def test_library_raises_one_error_type(previous):
    write(previous.parent, "bad.txt", "")
    with pytest.raises(QbankError) as info:
        build([previous.parent / "bad.txt"], previous)
    assert str(info.value) == f"{previous.parent / 'bad.txt'}: error: file is empty"


def test_output_directory_that_holds_the_topics_or_cwd_is_refused(tmp_path, monkeypatch):
    """-o topics or -o . would be replaced as a whole: refuse before anything is touched."""
    import shutil

    from click.testing import CliRunner

    from conftest import TOPICS
    from qbank.cli import main

    shutil.copytree(TOPICS, tmp_path / "topics")
    monkeypatch.chdir(tmp_path)
    before = sorted(p.name for p in (tmp_path / "topics").iterdir())
    for out in ("topics", ".", str(tmp_path)):
        result = CliRunner().invoke(main, ["build", "topics", "-o", out])
        assert result.exit_code == 1 and "would replace" in result.output, result.output
    assert sorted(p.name for p in (tmp_path / "topics").iterdir()) == before
