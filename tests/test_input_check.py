"""Issue 6: `qbank check` reports every problem in every file and writes nothing; paths and many files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from topicfiles import TOPIC, lines_of, qbank, write


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _tree(root) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_check_collects_every_file_and_writes_nothing(here):
    write(here, "notes/a-empty.txt", "")
    write(here, "notes/b-binary.txt", b"\x00\x01\x02\x03")
    write(here, "notes/c-ok.txt", TOPIC.replace("- Net promoter score: A", "- Net promoter score A"))
    write(here, "notes/d-broken.txt", TOPIC.encode().replace(b"Customer", b"Cust\xc3mer") + "é".encode())
    before = _tree(here)
    result = qbank("check", "notes")
    assert result.exit_code == 1
    assert lines_of(result) == [
        "notes/a-empty.txt: error: file is empty",
        "notes/b-binary.txt:1: error: looks like a binary file (NUL byte), not a text topic file; save it as plain text (UTF-8)",
        "notes/c-ok.txt:8: warning: key concept has no 'Term: definition' colon; skipped",
        "notes/d-broken.txt:5: error: not valid UTF-8 (byte 0xc3); save it as plain text (UTF-8)",
        "4 files, 3 errors, 1 warning",
    ]
    assert _tree(here) == before  # nothing written, not even build/


def test_build_reports_every_error_found_then_fails(here):
    write(here, "notes/a.txt", "")
    write(here, "notes/b.txt", "no headings here\n")
    write(here, "notes/c.txt", TOPIC.replace("- Net promoter score: A", "- Net promoter score A"))
    result = qbank("build", "notes", "-o", "out")
    assert result.exit_code == 1
    assert "notes/a.txt: error: file is empty" in result.stderr
    assert "notes/b.txt:1: error: no section headings found" in result.stderr
    assert "notes/c.txt:8: warning: key concept has no 'Term: definition' colon; skipped" in result.stderr
    assert result.stderr.splitlines()[-1] == "qbank: 2 errors in the input; nothing was written"
    assert not (here / "out").exists()


def test_strict_turns_warnings_into_a_failing_exit(here):
    write(here, "t.txt", TOPIC.replace("- Net promoter score: A", "- Net promoter score A"))
    loose, strict = qbank("check", "t.txt"), qbank("check", "--strict", "t.txt")
    assert (loose.exit_code, strict.exit_code) == (0, 1)
    assert lines_of(loose) == lines_of(strict)
    assert lines_of(strict)[-1] == "1 file, 0 errors, 1 warning"
    write(here, "t.txt", TOPIC)
    assert qbank("check", "--strict", "t.txt").exit_code == 0


def test_check_defaults_to_topics_folder(here):
    write(here, "topics/one.txt", TOPIC)
    result = qbank("check")
    assert (result.exit_code, lines_of(result)) == (0, ["1 file, 0 errors, 0 warnings"])


def test_path_that_does_not_exist(here):
    result = qbank("check", "nope.txt", "nodir")
    assert result.exit_code == 1
    assert lines_of(result) == ["nope.txt: error: no such file or directory", "nodir: error: no such file or directory",
                                "0 files, 2 errors, 0 warnings"]
    built = qbank("build", "nodir", "-o", "out")
    assert built.exit_code == 1 and "nodir: error: no such file or directory" in built.stderr


def test_directory_without_topic_files_and_non_topic_files(here):
    write(here, "empty/notes.docx", b"PK\x03\x04")
    write(here, "empty/.hidden.txt", TOPIC)
    write(here, "empty/~$lock.txt", b"\x00")
    (here / "empty" / "sub").mkdir()
    result = qbank("check", "empty")
    assert result.exit_code == 1
    assert lines_of(result) == [
        "empty/notes.docx: warning: skipped: not a topic file (topic files are .txt or .md, saved as plain text)",
        "empty: error: no topic files found here (looked for *.txt and *.md)",
        "0 files, 1 error, 1 warning",
    ]


def test_file_that_cannot_be_read(here, monkeypatch):
    write(here, "t.txt", TOPIC)
    write(here, "u.txt", TOPIC.replace("Use examples", "Use good examples"))
    real = os.open

    def denied(path, *args, **kwargs):  # root ignores chmod 0, so the OS refusal is simulated
        if os.path.basename(os.fspath(path)) == "t.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)
    result = qbank("check", "t.txt", "u.txt")
    assert result.exit_code == 1
    assert lines_of(result) == ["t.txt: error: cannot read: Permission denied", "2 files, 1 error, 0 warnings"]


def test_duplicate_names_across_directories_get_their_own_topics(here):
    write(here, "a/notes.txt", TOPIC)
    write(here, "b/notes.txt", TOPIC.replace("Use examples", "Use two examples"))
    result = qbank("check", "a", "b")
    assert lines_of(result) == [
        "b/notes.txt: warning: topic name 'notes' is already used by a/notes.txt; this topic is 'notes-2'",
        "2 files, 0 errors, 1 warning",
    ]
    assert qbank("build", "a", "b", "-o", "out").exit_code == 0
    manifest = json.loads((here / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert [i["path"] for i in manifest["inputs"]] == ["a/notes.txt", "b/notes.txt"]


def test_same_file_twice_and_same_content_twice(here):
    write(here, "t.txt", TOPIC)
    write(here, "copy.txt", TOPIC)
    result = qbank("check", "t.txt", "./t.txt", "copy.txt")
    assert lines_of(result) == [
        "t.txt: warning: given more than once; read once",
        "copy.txt: warning: same content as t.txt; skipped",
        "2 files, 0 errors, 2 warnings",
    ]


def test_md_files_with_markdown_headings(here):
    text = TOPIC.replace("Topic Synopsis", "# Topic Synopsis").replace("Key Concepts & Core", "## Key Concepts & Core")
    write(here, "notes/t.md", text)
    assert qbank("check", "--strict", "notes").exit_code == 0


HEAT_A = TOPIC.replace("- Complaint handling: A structured approach", "- Complaint handling: The HEAT model (Hear, Empathise, Apologise, Take action) is a structured approach")
HEAT_B = TOPIC.replace("Customer journey", "Customer pathway").replace(
    "- Complaint handling: A structured approach", "- Complaint handling: The HEAT model (Hear, Explain, Act, Thank) is a structured approach")


def test_acronym_expanded_differently_in_two_files_is_reported(here):
    write(here, "notes/a.txt", HEAT_A)
    write(here, "notes/b.txt", HEAT_B)
    result = qbank("check", "notes")
    assert result.exit_code == 0
    heat = [l for l in lines_of(result) if "HEAT" in l]
    assert heat and all(l.startswith("notes/b.txt:6: warning: ") and "notes/a.txt:6" in l for l in heat), result.output
    assert qbank("check", "--strict", "notes").exit_code == 1


def test_a_file_too_large_to_be_a_topic_file(here, monkeypatch):
    from qbank import reader

    monkeypatch.setattr(reader, "MAX_BYTES", 1000)
    write(here, "t.txt", TOPIC + "x" * 1000)
    result = qbank("check", "t.txt")
    assert result.exit_code == 1
    assert lines_of(result)[0].startswith("t.txt: error: file is too large for a topic file (")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_path_that_is_not_a_regular_file(here):
    os.mkfifo(here / "pipe.txt")  # reading it would block forever
    result = qbank("check", "pipe.txt")
    assert result.exit_code == 1
    assert lines_of(result)[0] == "pipe.txt: error: not a regular file"


def test_messages_name_the_path_as_given_outputs_never_absolute(tmp_path):
    path = write(tmp_path, "t.txt", TOPIC.replace("- Net promoter score: A", "- Net promoter score A"))
    result = qbank("check", str(path))
    assert lines_of(result)[0] == f"{path}:8: warning: key concept has no 'Term: definition' colon; skipped"
    assert qbank("build", str(path), "-o", str(tmp_path / "out")).exit_code == 0
    manifest = (tmp_path / "out" / "manifest.json").read_text(encoding="utf-8")
    assert str(tmp_path) not in manifest and str(tmp_path) not in (tmp_path / "out" / "moodle.xml").read_text(encoding="utf-8")


def test_check_reads_the_topics_build_would_read(here):
    write(here, "notes/one.txt", TOPIC)
    (here / "qbank.toml").write_text('topics = ["notes"]\n', encoding="utf-8")
    result = qbank("check")
    assert (result.exit_code, lines_of(result)) == (0, ["1 file, 0 errors, 0 warnings"])


def test_a_reader_that_leaves_early_is_not_an_internal_error(tmp_path):
    """`qbank check | head`: a broken pipe ends quietly, with no 'internal error' line."""
    import subprocess
    import sys

    for n in range(1500):
        (tmp_path / f"t{n}.txt").write_text("x\nTopic Synopsis\nS.\nKey Concepts & Core Principles\n- no colon\n",
                                            encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "qbank", "check", str(tmp_path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) in (0, 1) and "internal error" not in err, err
