"""Issue 15: safe by default. Each test plants one attack or fault from the issue and checks
what qbank does with it: never delete what it did not write, no code from templates, no
absolute paths in outputs, no control characters in outputs, nothing silently dropped, no
leftovers, one-line errors with the documented exit codes."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import ROOT, TOPICS
from qbank.build import build
from qbank.decoding import clean
from qbank.writers.shared import split_category_path
from topicfiles import TOPIC, lines_of, qbank, write


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "t.txt", TOPIC)
    return tmp_path


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith("."))


# --- 1. the output directory ------------------------------------------------------------


@pytest.mark.parametrize("content", [{"notes.txt": b"my notes"}, {"sub/photo.jpg": b"\xff\xd8"}, {".bashrc": b"x"}])
def test_a_folder_qbank_did_not_write_is_refused_and_untouched(here, content):
    home = here / "home"
    for rel, data in content.items():
        write(home, rel, data)
    result = qbank("build", "t.txt", "-o", "home")
    assert result.exit_code == 1
    assert lines_of(result) == ["home: error: the output directory is not empty and is not a build qbank wrote "
                                "(it has no qbank manifest.json); nothing was touched: choose a new or empty folder with -o"]
    assert _tree(home) == content
    assert _leftovers(here) == []


def test_the_templates_folder_is_not_an_output(here):
    write(here, "mytpl/preview/topic.html.j2", "{% extends 'page.html.j2' %}")
    result = qbank("build", "t.txt", "--templates", "mytpl", "-o", "mytpl")
    assert result.exit_code == 1 and "nothing was touched" in result.output
    assert (here / "mytpl/preview/topic.html.j2").is_file()


def test_a_build_with_a_file_added_by_hand_is_refused(here):
    assert qbank("build", "t.txt", "-o", "build").exit_code == 0
    write(here, "build/preview/my-notes.html", "<p>mine</p>")
    before = _tree(here / "build")
    result = qbank("build", "t.txt", "-o", "build", "--seed", "3")
    assert result.exit_code == 1
    assert lines_of(result) == ["build: error: the output directory holds 'preview/my-notes.html', which qbank did "
                                "not write; nothing was touched: move it away or choose another -o"]
    assert _tree(here / "build") == before
    (here / "build/preview/my-notes.html").unlink()
    assert qbank("build", "t.txt", "-o", "build", "--seed", "3").exit_code == 0  # its own build: replaced


def test_file_manager_metadata_does_not_block_a_rebuild(here):
    assert qbank("build", "t.txt").exit_code == 0
    write(here, "build/.DS_Store", b"\x00\x00\x00\x01Bud1")
    write(here, "build/preview/Thumbs.db", b"\xd0\xcf")
    assert qbank("build", "t.txt", "--seed", "4").exit_code == 0
    assert not (here / "build/.DS_Store").exists()


def test_a_forged_manifest_does_not_cover_unlisted_files(here):
    write(here, "docs/manifest.json", json.dumps({"qbank_version": "0.1.0", "outputs": [{"path": "moodle.xml"}]}))
    write(here, "docs/thesis.tex", "years of work")
    result = qbank("build", "t.txt", "-o", "docs")
    assert result.exit_code == 1 and "'thesis.tex', which qbank did not write" in result.output
    assert (here / "docs/thesis.tex").read_text() == "years of work"


def test_an_empty_folder_is_used(here):
    (here / "out").mkdir()
    assert qbank("build", "t.txt", "-o", "out").exit_code == 0
    assert (here / "out/manifest.json").is_file()


def test_config_output_outside_the_project_needs_an_explicit_option(tmp_path, monkeypatch):
    project = tmp_path / "clone"
    write(project, "topics/t.txt", TOPIC)
    write(project, "qbank.toml", 'output = "../Documents"\n')
    write(tmp_path, "Documents/cv.odt", b"precious")
    monkeypatch.chdir(project)
    result = qbank("build")
    assert result.exit_code == 1
    assert lines_of(result) == ["qbank.toml: error: key 'output' (../Documents) points outside the project folder; "
                                "pass -o to build there"]
    assert _tree(tmp_path / "Documents") == {"cv.odt": b"precious"}
    write(project, "qbank.toml", 'output = "/"\n')
    assert qbank("build").exit_code == 1
    write(project, "qbank.toml", 'output = "out/build"\n')  # inside the project: fine
    assert qbank("build").exit_code == 0 and (project / "out/build/manifest.json").is_file()
    assert qbank("build", "-o", "../Elsewhere").exit_code == 0  # an explicit -o may point anywhere
    assert (tmp_path / "Elsewhere/manifest.json").is_file()


# --- 2. templates -----------------------------------------------------------------------


def _template(here: Path, text: str, name: str = "quiz.xml.j2") -> None:
    write(here, f"tpl/moodle_xml/{name}", text)


@pytest.mark.parametrize("attack", [
    "{{ cycler.__init__.__globals__.os.popen('touch pwned').read() }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ bank.__class__.__init__.__globals__ }}",
    "{{ lipsum.__globals__['os'].system('touch pwned') }}",
])
def test_templates_cannot_reach_python(here, attack):
    _template(here, "<quiz>\n" + attack + "\n</quiz>\n")
    result = qbank("build", "t.txt", "--templates", "tpl", "-f", "moodle-xml")
    assert result.exit_code == 1, result.output
    [line] = lines_of(result)
    assert line.startswith("tpl/moodle_xml/quiz.xml.j2:2: error: template error: not allowed in a template:")
    assert not (here / "pwned").exists() and not (here / "build").exists()


@pytest.mark.parametrize("text, message", [
    ("<quiz>\n{% if %}\n", "tpl/moodle_xml/quiz.xml.j2:2: error: template syntax error:"),
    ("<quiz>\n\n{{ no_such_name }}\n", "tpl/moodle_xml/quiz.xml.j2:3: error: template error: 'no_such_name' is undefined"),
    ("<quiz>\n{% include 'quiz.xml.j2' %}\n", "tpl/moodle_xml/quiz.xml.j2:2: error: template error: endless recursion"),
    ("{% include '../../t.txt' %}", "qbank: error: template not found: ../../t.txt"),
])
def test_template_errors_are_one_line(here, text, message):
    _template(here, text)
    result = qbank("build", "t.txt", "--templates", "tpl", "-f", "moodle-xml")
    assert result.exit_code == 1, result.output
    [line] = lines_of(result)
    assert line.startswith(message)


def test_a_template_linked_to_a_file_outside_is_refused(here):
    secret = write(here, "secret.txt", "password=hunter2")
    (here / "tpl/moodle_xml").mkdir(parents=True)
    (here / "tpl/moodle_xml/quiz.xml.j2").symlink_to(secret)
    result = qbank("build", "t.txt", "--templates", "tpl", "-f", "moodle-xml")
    assert result.exit_code == 1 and "leads outside the templates folder" in result.output
    assert not (here / "build").exists()


def test_a_template_writing_broken_xml_replaces_nothing(here):
    assert qbank("build", "t.txt").exit_code == 0
    before = _tree(here / "build")
    _template(here, "<quiz><question></quiz>\n")
    result = qbank("build", "t.txt", "--templates", "tpl")
    assert result.exit_code == 1
    assert lines_of(result)[0].startswith("moodle.xml:1: error: a written file is not well-formed XML")
    assert _tree(here / "build") == before and _leftovers(here) == []


def test_shipped_templates_in_the_sandbox_write_the_same_bytes(here):
    (here / "tpl").mkdir()
    assert qbank("build", "t.txt", "-o", "plain").exit_code == 0
    assert qbank("build", "t.txt", "--templates", "tpl", "-o", "sandboxed").exit_code == 0
    assert _tree(here / "plain") == _tree(here / "sandboxed")


# --- 3. no absolute paths -----------------------------------------------------------------


def _checkout(root: Path) -> Path:
    shutil.copytree(TOPICS, root / "topics")
    write(root, "topics/notes.docx", b"PK\x03\x04")  # a warning that names a file
    write(root, "topics/zz-copy.txt", (TOPICS / "managing-team-performance.txt").read_bytes())  # names two files
    return root / "topics"


def test_two_checkouts_give_identical_builds(tmp_path, monkeypatch):
    a, b = _checkout(tmp_path / "home/ann/work"), _checkout(tmp_path / "srv/ci/build-7")
    monkeypatch.chdir(tmp_path)
    for topics, out in ((a, tmp_path / "out-a"), (b, tmp_path / "out-b")):
        result = qbank("build", str(topics), "-o", str(out), "--release", "-f", "moodle-xml,bank-json,preview,qti21")
        assert result.exit_code == 0, result.output
    monkeypatch.chdir(tmp_path / "home/ann/work")  # and from inside a checkout, as typed there
    assert qbank("build", "topics", "-o", str(tmp_path / "out-c"), "--release",
                 "-f", "moodle-xml,bank-json,preview,qti21").exit_code == 0
    sums = {(tmp_path / o / "SHA256SUMS").read_bytes() for o in ("out-a", "out-b", "out-c")}
    assert len(sums) == 1
    for path in (tmp_path / "out-a").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert str(tmp_path).encode() not in data and b"home/ann" not in data, path
    bank = json.loads((tmp_path / "out-a/bank.json").read_text(encoding="utf-8"))
    paths = {d["path"] for d in bank["diagnostics"]}
    assert "topics/notes.docx" in paths and "topics/zz-copy.txt" in paths
    assert any("same content as topics/managing-team-performance.txt" in d["message"] for d in bank["diagnostics"])
    manifest = json.loads((tmp_path / "out-a/manifest.json").read_text(encoding="utf-8"))
    assert all(i["path"].startswith("topics/") for i in manifest["inputs"])


# --- 6. control characters outside topic text -----------------------------------------------


def test_control_characters_in_names_and_file_names_never_reach_an_output(here):
    write(here, "topics/tab\tand\x1bescape\x01.txt", TOPIC)
    result = qbank("build", "topics", "--name", "Bank\x01\x0b\x1b[31m", "--category-root", "$course$/top\x0c/",
                   "--release")
    assert result.exit_code == 0, result.output
    for path in (here / "build").rglob("*"):
        data = path.read_bytes() if path.is_file() and path.suffix != ".zip" else b""
        for bad in (b"\x01", b"\x0b", b"\x0c", b"\x1b"):
            assert bad not in data, (path, bad)
        if path.suffix == ".xml":
            etree.parse(str(path))
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as zf:
                for name in zf.namelist():
                    assert not any(ch in name for ch in "\x01\x0b\x0c\x1b")
                    if name.endswith(".xml"):
                        etree.fromstring(zf.read(name))
                    assert name.endswith(".zip") or not any(ch in zf.read(name) for ch in (b"\x01", b"\x0b", b"\x0c", b"\x1b"))
    moodle = (here / "build/moodle.xml").read_text(encoding="utf-8")
    assert "$course$/top/Bank [31m/" in moodle


# --- 7. nothing silently dropped ---------------------------------------------------------


def test_dangling_and_looping_links_and_fifos_are_warnings(here):
    write(here, "notes/good.txt", TOPIC)
    (here / "notes/gone.txt").symlink_to(here / "nowhere.txt")
    (here / "notes/loop.txt").symlink_to(here / "notes/loop.txt")
    os.mkfifo(here / "notes/pipe.txt")
    # a subprocess with a deadline: if a FIFO were opened for reading, this would hang forever
    run = subprocess.run([sys.executable, "-m", "qbank", "check", "--strict", "notes"], cwd=here, timeout=300,
                         capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode == 1, run.stdout + run.stderr
    out = run.stdout.splitlines()
    assert "notes/gone.txt: warning: skipped: a symbolic link to nothing (dangling, or a loop)" in out
    assert "notes/loop.txt: warning: skipped: a symbolic link to nothing (dangling, or a loop)" in out
    assert "notes/pipe.txt: warning: skipped: not a regular file (a pipe, socket or device)" in out
    assert out[-1] == "1 file, 0 errors, 3 warnings"
    run = subprocess.run([sys.executable, "-m", "qbank", "check", "notes/pipe.txt"], cwd=here, timeout=300,
                         capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode == 1 and "notes/pipe.txt: error: not a regular file" in run.stdout


# --- 8. and 9. Moodle categories -----------------------------------------------------------


def _categories(moodle: Path) -> list[list[str]]:
    tree = etree.parse(str(moodle))
    return [split_category_path(t) for t in tree.xpath("//question[@type='category']/category/text/text()")]


def test_two_files_with_the_same_title_are_warned_about_and_kept_apart(here):
    write(here, "a.txt", "Title: Customer care\n" + TOPIC)
    write(here, "b.txt", "Title: Customer care\n" + TOPIC.replace("Use examples", "Use other examples"))
    check = qbank("check", "a.txt", "b.txt")
    assert ("b.txt: warning: title 'Customer care' is also the title of a.txt; this topic's Moodle category is "
            "'Customer care (b)'") in lines_of(check)
    assert qbank("build", "a.txt", "b.txt", "-f", "moodle-xml").exit_code == 0
    topics = {c[3] for c in _categories(here / "build/moodle.xml") if len(c) > 3}
    assert topics == {"Customer care", "Customer care (b)"}
    write(here, "c.txt", "Title: C++\n" + TOPIC.replace("Use examples", "Use C examples"))
    write(here, "d.txt", "Title: C#\n" + TOPIC.replace("Use examples", "Use D examples"))
    assert lines_of(qbank("check", "c.txt", "d.txt")) == ["2 files, 0 errors, 0 warnings"]  # different names


def test_titles_with_slashes_stay_one_category_level(here):
    write(here, "a.txt", "Title: /abs/path/\n" + TOPIC)
    write(here, "b.txt", "Title: Input/output\n" + TOPIC.replace("Use examples", "Use other examples"))
    write(here, "c.txt", "Title: ///\n" + TOPIC.replace("Use examples", "Use third examples"))
    assert qbank("build", "a.txt", "b.txt", "c.txt", "-f", "moodle-xml,gift").exit_code == 0
    levels = _categories(here / "build/moodle.xml")
    assert {tuple(c[:4]) for c in levels} == {("$course$", "top", "qbank", t) for t in ("abs/path", "Input/output", "c")}
    # $course$, top, bank, topic[, family[, variant group]]: none empty
    assert all(len(c) in (4, 5, 6) and all(c) for c in levels)
    assert all(c[5].startswith("Variants ") for c in levels if len(c) == 6)
    gift = (here / "build/questions.gift.txt").read_text(encoding="utf-8")
    assert "$CATEGORY: $course$/top/qbank/abs//path/" in gift


@pytest.mark.parametrize("name", ["", "   ", "/", "\x01"])
def test_a_bank_name_without_letters_is_refused(here, name):
    result = qbank("build", "t.txt", "--name", name)
    assert result.exit_code == 1
    assert len(lines_of(result)) == 1 and "has no letters or digits" in result.output
    assert not (here / "build").exists()


# --- 10. -o naming a symbolic link ---------------------------------------------------------


def test_output_symlink_is_followed_and_kept(here):
    (here / "real").mkdir()
    (here / "link").symlink_to(here / "real")
    for seed in ("1", "2"):
        result = qbank("build", "t.txt", "-o", "link", "--seed", seed)
        assert result.exit_code == 0, result.output
    assert (here / "link").is_symlink() and os.readlink(here / "link") == str(here / "real")
    assert json.loads((here / "real/manifest.json").read_text())["seed"] == 2
    assert _leftovers(here) == []
    (here / "dangling").symlink_to(here / "nowhere")
    result = qbank("build", "t.txt", "-o", "dangling")
    assert result.exit_code == 1 and "symbolic link to nothing" in result.output
    assert not (here / "nowhere").exists()


# --- 11. leftovers -----------------------------------------------------------------------


def test_stale_staging_of_dead_builds_is_cleaned_and_live_or_foreign_ones_kept(here):
    write(here, ".build.tmp-dead/moodle.xml", "<quiz/>")
    write(here, ".build.tmp-dead.lock", "")
    write(here, ".build.tmp-live/moodle.xml", "<quiz/>")
    live = write(here, ".build.tmp-live.lock", "")
    write(here, ".build.tmp-notours/keep.txt", "mine")  # no lock file: not qbank's
    with open(live, "rb") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)  # a build still running holds its lock
        assert qbank("build", "t.txt").exit_code == 0
    assert _leftovers(here) == [".build.tmp-live", ".build.tmp-live.lock", ".build.tmp-notours"]


def test_a_running_build_keeps_its_staging_from_another_build(here, monkeypatch):
    from qbank.writers import moodle_xml

    real = moodle_xml.write

    def write_and_tidy(bank, out_dir, options):
        from qbank import outdir

        outdir.tidy(here / "build")  # what a second build starting now would do first
        return real(bank, out_dir, options)

    monkeypatch.setattr(moodle_xml, "write", write_and_tidy)
    assert qbank("build", "t.txt").exit_code == 0 and (here / "build/moodle.xml").is_file()


def test_a_swap_cut_between_its_renames_is_restored(here):
    assert qbank("build", "t.txt", "--seed", "5").exit_code == 0
    before = _tree(here / "build")
    os.replace(here / "build", here / ".build.old-4242")  # killed after the first rename
    assert not (here / "build").exists()
    from qbank import outdir

    outdir.tidy(here / "build")
    assert _tree(here / "build") == before and _leftovers(here) == []
    os.replace(here / "build", here / ".build.old-4242")
    assert qbank("build", "t.txt", "--seed", "6").exit_code == 0
    assert json.loads((here / "build/manifest.json").read_text())["seed"] == 6 and _leftovers(here) == []


def test_a_reused_process_id_does_not_break_builds(here):
    assert qbank("build", "t.txt").exit_code == 0
    shutil.copytree(here / "build", here / f".build.old-{os.getpid()}")  # an old build left by a killed run
    assert qbank("build", "t.txt", "--seed", "2").exit_code == 0
    assert _leftovers(here) == []


def test_an_old_folder_that_is_not_qbanks_is_left_alone(here):
    write(here, ".build.old-77/diary.txt", "mine")
    assert qbank("build", "t.txt").exit_code == 0
    assert (here / ".build.old-77/diary.txt").read_text() == "mine"


# --- 12. contract breaks -----------------------------------------------------------------


def test_an_unreadable_file_given_directly_is_exit_1_cannot_read(here, monkeypatch):
    real_access, real_open = os.access, os.open

    def access(path, mode, *a, **k):  # root reads anything: the refusal is simulated
        return False if os.fspath(path).endswith("t.txt") else real_access(path, mode, *a, **k)

    def denied(path, *a, **k):
        if os.fspath(path).endswith("t.txt"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_open(path, *a, **k)

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(os, "open", denied)
    for command in ("check", "build"):
        result = qbank(command, "t.txt")
        assert result.exit_code == 1, result.output
        assert lines_of(result)[0] == "t.txt: error: cannot read: Permission denied"


@pytest.mark.parametrize("args", [["check", "LONG"], ["build", "LONG"], ["audit", "LONG"], ["validate", "LONG"],
                                  ["build", "t.txt", "-o", "LONG"], ["build", "t.txt", "-o", "LONG/build"],
                                  ["audit", "LONG/bank.json"], ["validate", "LONG.zip"]])
def test_a_name_over_the_system_limit_is_exit_1(here, args):
    long = "n" * 300
    result = qbank(*[a.replace("LONG", long) for a in args])
    assert result.exit_code == 1, result.output
    assert len(lines_of(result)) == 1 and "File name too long" in result.output
    assert "internal error" not in result.output


def test_audit_of_deeply_nested_json_is_exit_1(here):
    write(here, "bank.json", "[" * 100_000 + "]" * 100_000)
    result = qbank("audit", "bank.json")
    assert result.exit_code == 1 and lines_of(result) == ["bank.json: error: not a bank.json qbank wrote (JSON nested too deeply)"]


def test_audit_of_a_bank_without_items_does_not_meet_the_bar(here):
    write(here, "bank.json", json.dumps({"name": "empty", "seed": 0, "topics": [], "items": []}))
    result = qbank("audit", "bank.json")
    assert result.exit_code == 1 and "MET" not in result.output
    assert lines_of(result) == ["bank.json: error: the bank has no items; there is nothing to audit"]


def test_a_newline_in_a_file_name_stays_on_one_line(here):
    write(here, "bad\nname.txt", "")
    write(here, "right\u202eto-left.txt", "")
    result = qbank("check", "bad\nname.txt", "right\u202eto-left.txt")
    assert result.exit_code == 1
    assert lines_of(result) == ["bad\\nname.txt: error: file is empty", "right\\u202eto-left.txt: error: file is empty",
                                "2 files, 2 errors, 0 warnings"]


def test_a_newline_in_an_output_name_stays_on_one_line(here):
    write(here, "bad\nout/notes.txt", "mine")
    result = qbank("build", "t.txt", "-o", "bad\nout")
    assert result.exit_code == 1
    assert lines_of(result) == ["bad\\nout: error: the output directory is not empty and is not a build qbank wrote "
                                "(it has no qbank manifest.json); nothing was touched: choose a new or empty folder with -o"]


# --- 13. joiners and bidirectional controls --------------------------------------------------


def test_joiners_inside_words_are_kept_and_bidi_overrides_removed():
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"
    assert clean(f"{family} {persian}") == f"{family} {persian}"
    assert clean("\u200dedge\u200c word \u200d") == "edge word"
    assert clean("pay \u202eevil\u202c now \u2067x\u2069") == "pay evil now x"


def test_bidi_overrides_in_a_topic_are_warned_about_and_removed(here):
    write(here, "b.txt", TOPIC.replace("Use examples", "Use \u202eexamples\u202c").replace(
        "Customer journey", "Customer \U0001f468\u200d\U0001f469\u200d\U0001f467 journey"))
    result = qbank("build", "b.txt", "-f", "moodle-xml")
    assert result.exit_code == 0
    assert "b.txt:11: warning: bidirectional control character (U+202A-202E, U+2066-2069) removed" in result.output
    moodle = (here / "build/moodle.xml").read_text(encoding="utf-8")
    assert "\u202e" not in moodle and "\U0001f468\u200d\U0001f469\u200d\U0001f467" in moodle


# --- 14. repository files in a topics folder -------------------------------------------------


def test_readme_license_and_friends_are_skipped_not_refused(here):
    write(here, "topics/one.txt", TOPIC)
    write(here, "topics/two.md", TOPIC.replace("Use examples", "Use markdown examples"))
    write(here, "topics/README.md", "# My topics\n\nBuild with `qbank build`.\n")
    write(here, "topics/LICENSE", "CC BY 4.0\n")
    write(here, "topics/CHANGELOG.md", "## 1.0\n- first\n")
    write(here, "topics/CONTRIBUTING.md", "Send a pull request.\n")
    write(here, "topics/ideas.md", "# Ideas\n\n- more topics\n")
    write(here, "topics/SECURITY.md", "Report issues privately.\n")
    write(here, "topics/security.txt", TOPIC.replace("Use examples", "Use secure examples"))  # a topic
    check = qbank("check", "--strict", "topics")
    assert check.exit_code == 0, check.output
    assert lines_of(check) == ["3 files, 0 errors, 0 warnings"]
    verbose = lines_of(qbank("check", "--verbose", "topics"))
    assert "topics/README.md: skipped: a repository file, not a topic note" in verbose
    assert "topics/LICENSE: skipped: a repository file, not a topic note" in verbose
    assert "topics/ideas.md: skipped: a Markdown file without the topic headings, not a topic note" in verbose
    built = qbank("build", "topics", "--verbose")
    assert built.exit_code == 0 and "topics/CHANGELOG.md: skipped: a repository file" in built.output
    manifest = json.loads((here / "build/manifest.json").read_text())
    assert [i["path"] for i in manifest["inputs"]] == ["topics/one.txt", "topics/security.txt", "topics/two.md"]
    result = qbank("check", "topics/ideas.md")  # given directly, a .md file is read as a topic
    assert result.exit_code == 1
