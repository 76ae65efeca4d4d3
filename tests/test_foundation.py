"""Issue 2: the bundled topics become a Moodle XML bank a tutor can import."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from lxml import etree

from conftest import ROOT, TOPICS
from qbank.build import build, sha256_file
from qbank.reader import read_topics
from qbank.writers.shared import MOODLE_FRACTIONS

ALLOWED = {round(f * 100, 5) for f in MOODLE_FRACTIONS} | {-round(f * 100, 5) for f in MOODLE_FRACTIONS}


def _moodle(built):
    return etree.parse(str(built.out_dir / "moodle.xml"))


def test_every_bundled_topic_is_read_with_all_sections():
    topics, _ = read_topics([TOPICS])
    assert len(topics) == 5
    for t in topics:
        assert t.synopsis and t.concepts and t.tips and t.misconceptions and t.marking_points
        assert all(c.source.line > 1 for c in t.concepts)
        assert t.title and not t.title[0].islower()


def test_truncated_first_line_never_reaches_output(built):
    text = (built.out_dir / "moodle.xml").read_text(encoding="utf-8")
    for f in TOPICS.glob("*.txt"):
        first = f.read_text(encoding="utf-8").splitlines()[0]
        synopsis = f.read_text(encoding="utf-8").splitlines()[2]
        assert synopsis.startswith(first) and synopsis != first
        # wherever the truncated text appears, the real synopsis must go on after it
        continuation = synopsis[len(first) : len(first) + 12]
        for m in re.finditer(re.escape(first[-40:]), text):
            assert text[m.end() : m.end() + 12] == continuation, f"truncated first line of {f.name} leaked"


def test_moodle_questions_are_complete(built):
    tree = _moodle(built)
    questions = tree.xpath("/quiz/question[@type!='category']")
    assert len(questions) == len(built.bank.items) - sum(len(o.skipped) for o in built.outputs if o.format == "moodle-xml")
    assert questions
    for q in questions:
        assert q.findtext("name/text").strip()
        assert q.findtext("questiontext/text").strip()
        assert q.findtext("generalfeedback/text").strip()
        if q.get("type") == "multichoice":
            answers = q.findall("answer")
            assert len(answers) >= 3
            fractions = [float(a.get("fraction")) for a in answers]
            assert all(round(f, 5) in ALLOWED for f in fractions), fractions
            if q.findtext("single") == "true":
                assert fractions.count(100.0) == 1
            else:
                assert abs(sum(f for f in fractions if f > 0) - 100) < 0.001
            assert all(a.findtext("feedback/text").strip() for a in answers)


def test_categories_one_per_topic_under_the_bank(built):
    cats = _moodle(built).xpath("/quiz/question[@type='category']/category/text/text()")
    topic_cats = {c for c in cats if c.count("/") == 3}
    assert {c.rsplit("/", 1)[1] for c in topic_cats} >= {t.title for t in built.bank.topics}
    assert all(c.startswith("$course$/top/qbank") for c in cats)


def test_idnumbers_unique_and_stable_across_builds(built, tmp_path):
    ids = _moodle(built).xpath("//question/idnumber/text()")
    assert len(ids) == len(set(ids))
    again = build([TOPICS], tmp_path / "again")
    assert etree.parse(str(again.out_dir / "moodle.xml")).xpath("//question/idnumber/text()") == ids
    assert (again.out_dir / "moodle.xml").read_bytes() == (built.out_dir / "moodle.xml").read_bytes()


def test_manifest_lists_inputs_and_outputs_with_hashes(built):
    manifest = json.loads((built.out_dir / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["qbank_version"]
    assert {i["path"] for i in manifest["inputs"]} == {f"topics/{f.name}" for f in TOPICS.glob("*.txt")} or all(
        not i["path"].startswith("/") for i in manifest["inputs"]
    )
    per_format: dict[str, int] = {}
    for out in manifest["outputs"]:
        assert not out["path"].startswith("/")
        assert sha256_file(built.out_dir / out["path"]) == out["sha256"]
        per_format[out["format"]] = per_format.get(out["format"], 0) + sum(out["items"].values())
    # a format may have files without items (the preview's index and stylesheet), never a format without items
    assert per_format and all(n > 0 for n in per_format.values()), per_format


# Five descriptions that say what their terms are, each its own (near-identical ones are one concept).
_MEANINGS = ("A marker placed before each sample", "A marker found after every closing block",
             "A marker kept beside the page header", "A marker hidden inside the footer of a form",
             "A marker shown under the title of a chapter")


def test_ampersand_and_markup_survive_escaping(tmp_path):
    topic = tmp_path / "amp.txt"
    topic.write_text(
        "Trunc\nTopic Synopsis\nR&D <b>not bold</b> ]]> end.\nKey Concepts & Core Principles\n"
        + "".join(f"- Term {n} & <co>: {what} with a < b && c > d ]]> x\n" for n, what in enumerate(_MEANINGS)),
        encoding="utf-8",
    )
    result = build([topic], tmp_path / "out")
    tree = etree.parse(str(result.out_dir / "moodle.xml"))
    texts = tree.xpath("//answer/text/text()")
    assert "Term 0 &amp; &lt;co&gt;" in texts  # HTML-escaped inside CDATA: shown literally by Moodle
    assert any("]]&gt;" in t for t in tree.xpath("//questiontext/text/text()"))


def test_cli_build_version_and_errors(tmp_path):
    env_cmd = [sys.executable, "-m", "qbank"]
    ok = subprocess.run([*env_cmd, "build", str(TOPICS), "-o", str(tmp_path / "b")], cwd=ROOT, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert (tmp_path / "b" / "moodle.xml").exists()
    version = subprocess.run([*env_cmd, "--version"], capture_output=True, text=True, cwd=ROOT)
    assert version.returncode == 0 and "qbank" in version.stdout
    missing = subprocess.run([*env_cmd, "build", "no-such-dir"], capture_output=True, text=True, cwd=ROOT)
    assert missing.returncode == 1 and "no-such-dir" in missing.stderr and "Traceback" not in missing.stderr
    usage = subprocess.run([*env_cmd, "build", "--no-such-option"], capture_output=True, text=True, cwd=ROOT)
    assert usage.returncode == 2
