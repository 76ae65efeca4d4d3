"""Issue 8: the benchmark's inputs stay valid and the fast paths keep the same output.

No timings are asserted here (CI machines vary); the benchmark itself is
``python benchmarks/run.py`` (docs/performance.md).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from markupsafe import escape

from conftest import ROOT
from qbank.build import build, load_bank
from qbank.generate import FAMILIES
from qbank.reader import read_topics
from qbank.templating import html_text

sys.path.insert(0, str(ROOT / "benchmarks"))
import floor  # noqa: E402
import synth_topics  # noqa: E402
import text2qti_bench  # noqa: E402


def test_synthetic_topics_read_cleanly_and_build(tmp_path):
    paths = synth_topics.write_topics(12, tmp_path / "topics", seed=3)
    topics, diagnostics = read_topics([tmp_path / "topics"])
    assert diagnostics == []
    assert len(topics) == 12
    for t in topics:
        assert t.synopsis and t.tips and t.misconceptions and t.marking_points
        assert len(t.concepts) == synth_topics.CONCEPTS_PER_TOPIC
        assert all(m.text.startswith(("Failing to", "Assuming that", "Neglecting")) for m in t.misconceptions)
        assert all(m.text.startswith("Award credit for") for m in t.marking_points)
    terms = [c.term.casefold() for t in topics for c in t.concepts]
    assert len(terms) == len(set(terms)), "terms must be distinct across topics"
    first = paths[0].read_text(encoding="utf-8").splitlines()
    assert first[2].startswith(first[0]) and first[2] != first[0]  # truncated first line, as bundled

    result = build([tmp_path / "topics"], tmp_path / "out")
    questions = etree.parse(str(tmp_path / "out" / "moodle.xml")).xpath("/quiz/question[@type!='category']")
    assert len(questions) > 0 and len(result.bank.items) >= len(questions)


def test_synthetic_topics_are_deterministic_and_bank_grows_linearly(tmp_path):
    a = synth_topics.write_topics(6, tmp_path / "a", seed=1)
    b = synth_topics.write_topics(6, tmp_path / "b", seed=1)
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    small = load_bank(synth_topics.write_topics(5, tmp_path / "s"))
    large = load_bank(synth_topics.write_topics(20, tmp_path / "l"))
    assert 3.6 <= len(large.items) / len(small.items) <= 4.4  # linear in N (families skip some topics)


def test_timings_file_lists_every_stage(tmp_path):
    topics = tmp_path / "topics"
    synth_topics.write_topics(3, topics)
    env = dict(os.environ, QBANK_TIMINGS=str(tmp_path / "t.json"), PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-m", "qbank", "build", str(topics), "-o", str(tmp_path / "b"), "-q", "--gate", "off"],
                   cwd=ROOT, env=env, check=True)
    record = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
    assert {"read", "generate", "audit", "write", "package"} <= set(record["stages"])
    assert {f"write:{fmt}" for fmt in record["formats"]} <= set(record["tasks"]) == set(record["task_cpu"])
    assert {f"family:{name}" for name in FAMILIES} <= set(record["tasks"])
    assert record["items"] > 0 and record["peak_rss_bytes"] > 0


def test_help_does_not_import_the_heavy_modules():
    """`qbank --help` must stay fast: lxml, jinja2 and the pipeline load only when a command runs."""
    code = "import sys, qbank.cli; print(','.join(m for m in ('lxml', 'jinja2', 'qbank.build', 'qbank.generate') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


@given(st.text())
def test_fast_html_text_matches_markupsafe(text):
    assert html_text(text) == str(escape(text))


def test_bank_indexes_keep_topic_order_and_lookup(tmp_path):
    bank = load_bank(synth_topics.write_topics(4, tmp_path / "t"))
    for t in bank.topics:
        assert bank.items_for(t.slug) == tuple(i for i in bank.items if i.topic == t.slug)
        assert bank.topic(t.slug) is t
    assert bank.items_for("no-such-topic") == ()
    with pytest.raises(KeyError):
        bank.topic("no-such-topic")


def test_floor_writes_what_it_claims(tmp_path):
    times = floor.time_floors(7, tmp_path)
    assert set(times) == set(floor.FLOORS) >= {"moodle-xml", "gift", "qti21", "qti12-canvas", "qti30", "preview"}
    assert len(etree.parse(str(tmp_path / "floor-moodle-xml")).xpath("/quiz/question")) == 7
    assert (tmp_path / "floor-gift").read_text(encoding="utf-8").count("::[html]") == 7
    for fmt, root_tag in (("qti21", "{http://www.imsglobal.org/xsd/imsqti_v2p1}assessmentItem"),
                          ("qti30", "{http://www.imsglobal.org/xsd/imsqtiasi_v3p0}qti-assessment-item")):
        with zipfile.ZipFile(tmp_path / f"floor-{fmt}") as zf:
            names = zf.namelist()
            assert "imsmanifest.xml" in names and "assessment.xml" in names and len(names) == 9
            item = etree.fromstring(zf.read(names[0]))
            assert item.tag == root_tag
    with zipfile.ZipFile(tmp_path / "floor-qti12-canvas") as zf:
        quiz = etree.fromstring(zf.read("assessment-0/assessment-0.xml"))
        assert len(quiz.findall(".//{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}item")) == 7
    pages = list((tmp_path / "floor-preview").glob("page-*.html"))
    assert len(pages) == 1 and pages[0].read_text(encoding="utf-8").count("<section") == 7


def test_text2qti_converts_the_benchmark_quiz(tmp_path):
    pytest.importorskip("text2qti")
    text2qti_bench.time_text2qti(3, tmp_path)
    with zipfile.ZipFile(tmp_path / "quiz-3.zip") as zf:
        xml = next(n for n in zf.namelist() if n.endswith(".xml") and "imsmanifest" not in n and "meta" not in n)
        assert zf.read(xml).count(b"<item ") == 3
