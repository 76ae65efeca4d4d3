"""Issue 7: `qbank build` options, project configuration, user templates and what it prints."""

from __future__ import annotations

import json
import re
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT, TOPICS
from qbank.cli import main
from qbank.config import load_config
from qbank.writers import WRITERS


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A topics repository as the current directory."""
    shutil.copytree(TOPICS, tmp_path / "topics")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _build(*args: str):
    # the audit gate is issue 4's; these tests are about building, whatever the bar says
    return CliRunner().invoke(main, ["build", "--gate", "off", *args])


def _manifest(folder: str = "build") -> dict:
    return json.loads(Path(folder, "manifest.json").read_text(encoding="utf-8"))


def test_format_option_chooses_formats(repo):
    res = _build("--format", "preview")
    assert res.exit_code == 0, res.output
    assert {o["format"] for o in _manifest()["outputs"]} == {"preview"}
    assert not Path("build/moodle.xml").exists()
    res = _build("-f", "moodle-xml,preview", "--format", "moodle-xml", "-o", "both")
    assert res.exit_code == 0, res.output
    assert {o["format"] for o in _manifest("both")["outputs"]} == {"moodle-xml", "preview"}
    res = _build()
    assert {o["format"] for o in _manifest()["outputs"]} == set(WRITERS)


def test_unknown_format_is_a_usage_error_listing_known_ones(repo):
    res = _build("--format", "moodle-xml,scorm")
    assert res.exit_code == 2
    assert "unknown format 'scorm'" in res.output and all(name in res.output for name in WRITERS)
    assert not Path("build").exists()


def test_config_files_and_precedence(repo):
    Path("pyproject.toml").write_text(
        '[project]\nname = "topics"\n\n[tool.qbank]\nname = "From pyproject"\nseed = 7\n'
        'formats = ["preview"]\ncategory-root = "$course$/top/Exams"\n[tool.qbank.thresholds]\nmin_items = 3\n',
        encoding="utf-8",
    )
    config = load_config()
    assert (config.name, config.seed, config.formats, config.thresholds) == ("From pyproject", 7, ["preview"], {"min_items": 3})
    assert _build().exit_code == 0
    m = _manifest()
    assert (m["bank"], m["seed"], {o["format"] for o in m["outputs"]}) == ("From pyproject", 7, {"preview"})

    Path("qbank.toml").write_text('name = "From qbank.toml"\noutput = "dist"\nformats = "moodle-xml"\n'
                                  'gate = "release"\n[thresholds]\nmax_warnings = 0\n', encoding="utf-8")
    assert load_config().thresholds == {"min_items": 3, "max_warnings": 0}
    assert load_config().gate == "release"
    assert _build().exit_code == 0
    m = _manifest("dist")
    assert (m["bank"], m["seed"]) == ("From qbank.toml", 7)
    assert "$course$/top/Exams/From qbank.toml/" in Path("dist/moodle.xml").read_text(encoding="utf-8")

    assert _build("--name", "From the option", "--seed", "0", "-o", "cli").exit_code == 0
    assert (_manifest("cli")["bank"], _manifest("cli")["seed"]) == ("From the option", 0)


@pytest.mark.parametrize(
    ("filename", "text", "expected"),
    [
        ("qbank.toml", 'nmae = "typo"\n', "qbank.toml: error: unknown key 'nmae'"),
        ("qbank.toml", "seed = 'three'\n", "qbank.toml: error: key 'seed' must be a whole number"),
        ("qbank.toml", "formats = ['gift2']\n", "unknown format 'gift2' in key 'formats'"),
        ("qbank.toml", "templates = 'nowhere'\n", "key 'templates': no such folder 'nowhere'"),
        ("qbank.toml", "gate = 'strict'\n", "qbank.toml: error: key 'gate' must be one of release, default, off"),
        ("pyproject.toml", "[tool.qbank]\nseed = \n", "pyproject.toml: error: invalid TOML"),
        ("pyproject.toml", "[tool.qbank]\nname = 3\n", "pyproject.toml [tool.qbank]: error: key 'name' must be"),
    ],
)
def test_bad_config_is_one_line_naming_file_and_key(repo, filename, text, expected):
    Path(filename).write_text(text, encoding="utf-8")
    res = _build()
    assert res.exit_code == 1, res.output
    assert expected in res.output and len(res.output.strip().splitlines()) == 1, res.output
    assert not Path("build").exists()


def test_user_template_overrides_one_template_only(repo):
    shipped = ROOT / "templates" / "preview" / "topic.html.j2"
    mine = Path("my-templates/preview")
    mine.mkdir(parents=True)
    (mine / "topic.html.j2").write_text(
        shipped.read_text(encoding="utf-8").replace("<h1>{{ topic.title }}</h1>", "<h1>Mock exam: {{ topic.title }}</h1>"),
        encoding="utf-8",
    )
    assert _build("-f", "preview", "-o", "plain").exit_code == 0
    res = _build("-f", "preview", "-o", "custom", "--templates", "my-templates")
    assert res.exit_code == 0, res.output
    page = next(Path("custom/preview").glob("managing-team-performance.html")).read_text(encoding="utf-8")
    assert "<h1>Mock exam: Managing team performance</h1>" in page
    assert 'class="key answer-key"' in page  # item.html.j2 still came from the shipped set
    for same in ("index.html", "preview.css"):
        assert Path("plain/preview", same).read_bytes() == Path("custom/preview", same).read_bytes()
    Path("qbank.toml").write_text('templates = "my-templates"\n', encoding="utf-8")
    assert _build("-f", "preview", "-o", "from-config").exit_code == 0
    assert "Mock exam:" in Path("from-config/preview/managing-team-performance.html").read_text(encoding="utf-8")


def test_summary_is_concise_quiet_is_silent_verbose_lists_files(repo):
    res = _build("--release")
    assert res.exit_code == 0
    lines = res.stdout.splitlines()
    assert 4 <= len(lines) <= len(WRITERS) + 6, res.stdout  # a line per format and a handful more
    assert re.match(r"Built \d+ items from 5 topics into build/ \(seed 0\)$", lines[0]), lines[0]
    assert re.search(r"families: .*concept \d+", res.stdout) and "release: build/qbank-0.0.0.zip" in res.stdout
    for fmt in WRITERS:
        assert any(f"({fmt}): " in line and " items" in line for line in lines), fmt
    assert re.search(r"^  \d+ warnings?; ", res.stdout, re.M) and "\r" not in res.output  # no bar when piped

    quiet = _build("--quiet")
    assert quiet.exit_code == 0 and quiet.output == ""

    verbose = _build("--verbose", "--release")
    sums = Path("build/SHA256SUMS").read_text(encoding="utf-8").splitlines()
    for line in sums:
        assert line in verbose.stdout


def test_warnings_go_to_stderr_and_are_counted(repo):
    Path("topics/odd.txt").write_text(
        "Title: Odd\nTopic Synopsis\nShort.\nKey Concepts & Core Principles\n- Alpha: the first letter of the Greek alphabet.\n"
        "- Beta: the second letter of the Greek alphabet.\n- Gamma: the third letter of the Greek alphabet.\n"
        "- Delta: the fourth letter of the Greek alphabet.\n", encoding="utf-8")
    res = _build()
    assert res.exit_code == 0, res.output
    n = len([line for line in res.stderr.splitlines() if ": warning:" in line])
    assert n > 0 and f"{n} warning" in res.stdout and ": warning:" not in res.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_progress_bar_only_on_a_terminal(tmp_path):
    import pty

    main_fd, child_fd = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-m", "qbank", "build", str(TOPICS), "-o", str(tmp_path / "b"), "--gate", "off"],
                         stderr=child_fd, stdout=subprocess.PIPE, env=env, cwd=ROOT, timeout=60)
    os.close(child_fd)
    chunks = []
    while True:
        try:
            data = os.read(main_fd, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(main_fd)
    terminal = b"".join(chunks).decode("utf-8", "replace")
    assert run.returncode == 0
    assert "Building" in terminal and "100%" in terminal
    assert "Building" not in run.stdout.decode()


def test_gate_comes_from_config_unless_given(repo):
    Path("qbank.toml").write_text('gate = "off"\n', encoding="utf-8")
    res = CliRunner().invoke(main, ["build", "-f", "moodle-xml"])
    assert res.exit_code == 0, res.output
    assert _manifest()["audit"]["gate"] == "off"


def test_documented_build_examples_use_real_options():
    """Every `qbank build …` line in the README and docs/ci.md parses with the real command."""
    import shlex

    lines = []
    for doc in (ROOT / "README.md", ROOT / "docs" / "ci.md"):
        fenced = False
        for line in doc.read_text(encoding="utf-8").splitlines():
            if line.startswith("```"):
                fenced = not fenced
                continue
            code = line.split(" #")[0].split("&&")[0].strip()
            if fenced and "qbank build" in code:
                lines.append(code[code.index("qbank build"):].replace('"$BANK_VERSION"', "1.0"))
    assert len(lines) >= 6
    for code in lines:
        args = shlex.split(code)[1:]
        res = CliRunner().invoke(main, [*args, "--help"])
        assert res.exit_code == 0, (code, res.output)
