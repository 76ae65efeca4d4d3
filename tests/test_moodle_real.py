"""Issue 13: a real Moodle 4.5 imports what qbank writes, and stores what was meant.

Runs only when ``QBANK_MOODLE_CHECK`` names the ``check`` script of the Moodle import oracle
(../shared/moodle-oracle; docs/moodle.md says how to set it up). ``check FILE xml|gift``
imports a file exactly as Moodle's Question bank -> Import page does (stop on error, grades
must match), prints what Moodle stored and how Moodle's question engine graded the keyed answer
and a wrong one, and undoes the import.

Four imports: the bundled topics as built, and the hostile bank with every Moodle column limit
pushed (tests/hostile_bank.py limits_bank()), each as Moodle XML and as GIFT.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from hostile_bank import limits_bank
from qbank.model import Essay, Item, Matching, MultipleChoice, Numerical, Ordering, TrueFalse
from qbank.writers import WriteOptions, writer_for
from qbank.writers.gift import ordering_as_matching
from qbank.writers.shared import GROUP_PREFIX, category_path, category_titles, family_label, group_homes, moodle_fit

CHECK = os.environ.get("QBANK_MOODLE_CHECK", "")
pytestmark = pytest.mark.skipif(
    not CHECK,
    reason="no real Moodle: set QBANK_MOODLE_CHECK to the 'check' script of ../shared/moodle-oracle "
           "(set up as its README says; see docs/moodle.md)",
)

FILES = {"moodle-xml": ("moodle.xml", "xml"), "gift": ("questions.gift.txt", "gift")}


def run_check(path: Path, fmt: str, *args: str) -> dict:
    proc = subprocess.run([CHECK, str(path), fmt, *args], capture_output=True, text=True, timeout=900)
    assert proc.returncode in (0, 1), f"the check itself failed (exit {proc.returncode}): {proc.stderr[-2000:]}"
    return json.loads(proc.stdout)


@pytest.fixture(scope="session")
def imports(built, tmp_path_factory) -> dict:
    """{(bank, format): (bank, Output, report)} for the four imports, run two at a time."""
    out = tmp_path_factory.mktemp("limits")
    bank = limits_bank()
    jobs = {}
    for fmt, (name, moodle_fmt) in FILES.items():
        [output] = writer_for(fmt)(bank, out, WriteOptions())
        jobs[("hostile", fmt)] = (bank, output, out / name, moodle_fmt)
        [bundled] = [o for o in built.outputs if o.format == fmt]
        jobs[("bundled", fmt)] = (built.bank, bundled, built.out_dir / name, moodle_fmt)
    with ThreadPoolExecutor(max_workers=2) as pool:
        reports = dict(zip(jobs, pool.map(lambda j: run_check(j[2], j[3]), jobs.values())))
    return {key: (bank, output, reports[key]) for key, (bank, output, _, _) in jobs.items()}


KEYS = [(b, f) for b in ("bundled", "hostile") for f in FILES]


@pytest.mark.parametrize("key", KEYS, ids=["-".join(k) for k in KEYS])
def test_moodle_saves_every_question_written_without_errors_or_warnings(imports, key):
    bank, output, report = imports[key]
    written = sum(output.counts.values())
    assert report["ok"] and report["exception"] in (None, ""), report.get("exception")
    assert report["errors"] == [] and report["warnings"] == [], (report["errors"], report["warnings"])
    assert report["counts"]["saved"] == written == len(report["questions"]) > 0
    if key[0] == "hostile":  # the bank pushes every limit: what is over one was withheld, not lost
        over = {s["id"][:9] for s in output.skipped if "over Moodle's limit" in s["reason"]}
        assert over == {"match-256", "id-& < > "}


@pytest.mark.parametrize("key", KEYS, ids=["-".join(k) for k in KEYS])
def test_moodles_engine_gives_the_key_full_marks_and_a_wrong_answer_less(imports, key):
    _bank, output, report = imports[key]
    engine = report["engine_summary"]
    auto = sum(n for kind, n in output.counts.items() if kind != "essay")
    assert engine["checked"] == auto > 0
    assert engine["right_full_marks"] == auto, engine["right_not_full_marks"]
    assert engine["wrong_scores_less"] == auto, engine["wrong_not_less"]
    assert not engine.get("engine_exceptions")
    assert [q["qtype"] for q in engine["not_auto_gradable"]] == ["essay"] * output.counts.get("essay", 0)


_WRAP = re.compile(r"^<p>(.*)</p>$", re.S)


def shows(stored: str) -> str:
    """What an HTML field shows: qbank writes plain text as escaped HTML in at most one <p>,
    so after that paragraph there must be no markup left (a raw '<b>' would be a tag)."""
    m = _WRAP.match(stored)
    body = m.group(1) if m else stored
    assert "<" not in body and ">" not in body, stored[:200]
    return html.unescape(body)


def words(stored: str) -> list[str]:
    """The words of a field that may hold markup of qbank's own (grader information as a list)."""
    return re.findall(r"\w+", html.unescape(re.sub(r"<[^>]+>", " ", stored)))


def strip_tags(name: str) -> str:
    """clean_question_name(): PARAM_TEXT drops <...> tags (shared.name_change() reports it)."""
    return re.sub(r"<[A-Za-z/!?][^>]*>", "", name).strip()


def meant(bank, item: Item, fmt: str) -> Item:
    """The item as qbank says it writes it: within Moodle's limits, and converted for GIFT."""
    topic = bank.topic(item.topic)
    if fmt == "gift" and isinstance(item, Ordering):
        item = ordering_as_matching(item)
    if fmt == "gift" and item.kind == "cloze":  # one gap, asked as multiple choice (the others are skipped)
        from qbank.writers.gift import cloze_as_choice

        item = cloze_as_choice(item)
    fitted, problem, _ = moodle_fit(item, (bank.name, topic.title))
    assert problem is None
    return fitted


@pytest.mark.parametrize("key", KEYS, ids=["-".join(k) for k in KEYS])
def test_moodle_stores_the_text_that_was_meant(imports, key):
    bank, output, report = imports[key]
    fmt = key[1]
    skipped = {s["id"] for s in output.skipped}
    items = {i.id: i for i in bank.items if i.id not in skipped}
    stored = {q["idnumber"]: q for q in report["questions"]}
    assert set(stored) == set(items)
    for ident, q in stored.items():
        original = items[ident]
        item = meant(bank, original, fmt)
        where = (key, ident)
        assert q["name"] == strip_tags(item.title), where
        home = group_homes(bank.items_for(original.topic)).get(original.group, original.family)
        family = category_path("$course$/top", bank.name, category_titles(bank)[original.topic], family_label(home))
        group = category_path(family, GROUP_PREFIX + original.group) if original.group else family
        assert q["category"] == group, where
        assert q["tags"] == list(item.tags), where
        if item.kind != "cloze":
            assert shows(q["questiontext"]) == item.stem, where
        assert shows(q["generalfeedback"]) == item.general_feedback, where
        if isinstance(item, MultipleChoice):
            assert [(shows(a["answer"]), a["fraction"] > 0, shows(a["feedback"])) for a in q["answers"]] == [
                (c.text, c.correct, c.feedback) for c in item.choices], where
        elif isinstance(item, TrueFalse):
            tf = q["truefalse"]
            assert tf["correct"] == item.answer, where
            assert (shows(tf["trueanswer_feedback"]), shows(tf["falseanswer_feedback"])) == (
                item.feedback_true, item.feedback_false), where
        elif isinstance(item, Matching):
            # the answer is plain text in Moodle: stored and shown exactly as written, no entities
            assert [(shows(s["questiontext"]), s["answertext"]) for s in q["subquestions"]] == [
                (p.prompt, p.answer) for p in item.pairs] + [("", e) for e in item.extra_answers], where
        elif isinstance(item, Ordering):
            steps = sorted(q["answers"], key=lambda a: a["fraction"])
            assert [shows(a["answer"]) for a in steps] == list(item.steps), where
        elif item.kind == "cloze":  # gapselect: [[n]] in the text; choices plain text, in groups per gap
            assert shows(q["questiontext"]) == item.text_with([f"[[{n}]]" for n in range(1, len(item.gaps) + 1)]), where
            assert [(a["answer"], int(a["feedback"])) for a in q["answers"]] == [
                (g.key, n) for n, g in enumerate(item.gaps, 1)] + [
                (d, n) for n, g in enumerate(item.gaps, 1) for d in g.distractors], where
        elif isinstance(item, Numerical):
            # the key with its tolerance, then "*" (any other number) carrying the wrong-answer feedback
            key, *rest = q["answers"]
            assert (key["answer"], key["fraction"], float(key["tolerance"])) == (item.answer, 1.0, float(item.tolerance)), where
            assert shows(key["feedback"]) == item.feedback_correct, where
            assert [(a["answer"], a["fraction"], shows(a["feedback"])) for a in rest] == (
                [("*", 0.0, item.feedback_wrong)] if item.feedback_wrong else []), where
            assert q["options"]["showunits"] == 3, where  # no unit box: the stem prints the unit
        elif isinstance(item, Essay):
            if fmt == "moodle-xml":
                assert words(q["options"]["graderinfo"]) == re.findall(r"\w+", item.grader_info), where
                assert q["options"]["responsefieldlines"] == item.response_lines, where
        else:
            pytest.fail(f"{where}: no comparison for {type(item).__name__} yet")


def test_reimporting_duplicates_every_question_and_drops_the_copies_id_numbers(built):
    """What the README's "Importing into Moodle" says a second import of the same file does:
    the same categories are reused, every question is saved again, the copies have no ID number."""
    [output] = [o for o in built.outputs if o.format == "moodle-xml"]
    written = sum(output.counts.values())
    report = run_check(built.out_dir / "moodle.xml", "xml", "--times=2", "--engine=0")
    [first] = report["earlier_imports_same_course"]
    assert report["ok"] and first["saved"] == report["counts"]["saved"] == written
    assert all(q["idnumber"] for q in first["questions"])  # the first import keeps qbank's ID numbers
    assert [q["idnumber"] for q in report["questions"]] == [None] * written  # the second drops them
    filled = [c for c in report["categories_created"] if c["questions"]]
    assert sum(c["questions"] for c in filled) == 2 * written  # both copies, side by side


def test_moodle_keeps_values_in_numerical_order_from_xml_and_shuffles_the_rest(tmp_path):
    """Value options in numerical order (MultipleChoice.ordered) are stored unshuffled, in that order, from
    Moodle XML; every other multiple-choice question is shuffled. GIFT cannot say it (listed in converted)."""
    from conftest import ROOT

    from qbank.build import build

    result = build([ROOT / "tests" / "data" / "reviewed" / "h10"], tmp_path / "out", formats=["moodle-xml"])
    ordered = {i.id for i in result.bank.items if isinstance(i, MultipleChoice) and i.ordered}
    assert ordered, "h10 has value items"
    report = run_check(result.out_dir / "moodle.xml", "xml")
    assert report["ok"], report["errors"]
    seen = 0
    for q in report["questions"]:
        if q["qtype"] != "multichoice":
            continue
        fixed = q["idnumber"] in ordered
        assert int(q["options"]["shuffleanswers"]) == (0 if fixed else 1), q["idnumber"]
        if fixed:
            seen += 1
            values = [float(re.search(r"\d[\d,]*(?:\.\d+)?", a["answer"]).group(0).replace(",", "")) for a in q["answers"]]
            assert values == sorted(values), q["answers"]
    assert seen == len(ordered)
