"""A second, independent GIFT parser (npm gift-pegjs, from the project's package.json) reads
qbank's GIFT the same way as the port of Moodle's importer. Installed by ``npm install`` in
CI; skipped on a machine without it, but never in CI."""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess

import pytest

from conftest import ROOT
from hostile_bank import hostile_bank
from roundtrip_helpers import write
from test_gift_roundtrip import as_gift_carries

PARSER = ROOT / "tests" / "gift_pegjs_parse.js"
# gift-pegjs leaves Moodle's escape placeholders in matching answers; undo them as Moodle does.
PLACEHOLDERS = {"&&058;": ":", "&&035;": "#", "&&061;": "=", "&&123;": "{", "&&125;": "}", "&&126;": "~", "&&092;": "\\"}


def _pegjs(path):
    node = shutil.which("node")
    if not node or not (ROOT / "node_modules" / "gift-pegjs").is_dir():
        if os.environ.get("CI"):
            pytest.fail("gift-pegjs is not installed: run `npm install` in the checkout")
        pytest.skip("gift-pegjs not installed (npm install)")
    run = subprocess.run([node, str(PARSER), str(path)], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def _text(field) -> str:
    return html.unescape(field["text"]) if field else ""


def _answer(raw: str) -> str:
    for ph, ch in PLACEHOLDERS.items():
        raw = raw.replace(ph, ch)
    return html.unescape(raw)


def _check(questions, bank, skipped=()):
    items = {i.id: as_gift_carries(i) for i in bank.items if i.id not in skipped}
    parsed = [q for q in questions if q["type"] != "Category"]
    ids = [q["id"] for q in parsed]
    # every question, once (the file is written category by category, so the order is the categories')
    assert len(ids) == len(set(ids)) and sorted(ids) == sorted(items), "every question, once"
    for q in parsed:
        item = items[q["id"]]
        assert (q["title"], _text(q["stem"]), _text(q.get("globalFeedback"))) == (item.title, item.stem, item.general_feedback)
        assert tuple(q.get("tags") or ()) == item.tags
        if item.kind == "multichoice":
            assert q["type"] == "MC"
            got = [(_text(c["text"]), _text(c.get("feedback")), c["weight"] if c["weight"] is not None else (100 if c["isCorrect"] else 0))
                   for c in q["choices"]]
            assert [(t, f) for t, f, _ in got] == [(c.text, c.feedback) for c in item.choices]
            assert [w > 0 for _, _, w in got] == [c.correct for c in item.choices]
        elif item.kind == "truefalse":
            assert q["type"] == "TF" and q["isTrue"] == item.answer
            right, wrong = (item.feedback_true, item.feedback_false) if item.answer else (item.feedback_false, item.feedback_true)
            # positional in gift-pegjs: first feedback is for a wrong response, second for a right one
            assert (_text(q.get("trueFeedback")), _text(q.get("falseFeedback"))) == (wrong, right)
        elif item.kind == "matching":
            assert q["type"] == "Matching"
            pairs = [(_text(p["subquestion"]), _answer(p["subanswer"])) for p in q["matchPairs"]]
            assert pairs == [(p.prompt, p.answer) for p in item.pairs] + [("", a) for a in item.extra_answers]
        elif item.kind == "numerical":
            # {#=%100%key:tolerance#right ~#wrong}: the key and its range, then "any other number"
            assert q["type"] == "Numerical"
            right, *rest = q["choices"]
            assert right["isCorrect"] and right["weight"] == 100
            assert (right["text"]["number"], right["text"]["range"]) == (float(item.answer), float(item.tolerance))
            assert _text(right.get("feedback")) == item.feedback_correct
            assert [(_text(c["text"]), _text(c.get("feedback")), c["isCorrect"]) for c in rest] == (
                [("*", item.feedback_wrong, False)] if item.feedback_wrong else [])
        else:
            assert q["type"] == "Essay"


def test_gift_pegjs_reads_the_hostile_bank(tmp_path):
    bank = hostile_bank()
    output = write(bank, tmp_path, "gift")
    _check(_pegjs(tmp_path / output.path), bank, {s["id"] for s in output.skipped})


def test_gift_pegjs_reads_the_bundled_build(built):
    [output] = [o for o in built.outputs if o.format == "gift"]
    _check(_pegjs(built.out_dir / output.path), built.bank, {s["id"] for s in output.skipped})
