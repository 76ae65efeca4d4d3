"""Banks built from the reviewed other-subject sets (tests/data/reviewed): what every item of them must
hold, whatever rules change. Each set is one course and is built alone, as a tutor would build it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from qbank.build import build
from qbank.model import Cloze, Essay, MultipleChoice, Numerical, Ordering, TrueFalse

REVIEWED = Path(__file__).resolve().parent / "data" / "reviewed"
SETS = sorted(p.name for p in REVIEWED.iterdir() if p.is_dir())
INTERNAL = re.compile(r"\.txt\b|[0-9a-f]{12,}|\b\d{3}_[0-9a-f]{6,}|topics/")


@pytest.fixture(scope="module", params=SETS)
def built(request, tmp_path_factory):
    return build([REVIEWED / request.param], tmp_path_factory.mktemp(request.param) / "build",
                 formats=["moodle-xml", "gift", "bank-json"])


def test_the_default_build_of_each_set_succeeds_and_writes_items(built):
    # h22 gives 3 items from 8 files (docs/audit.md, "Tenth session": yield is the open gap)
    # h26: 2 (its facts sit under sub-headings of its own); h66: 1 — built alone, its three files (crowd safety, fluid
    # therapy, backups) give one concept item once a wrapped term was read whole (its other terms' descriptions are
    # rules or lists, its beliefs have no partner of like form): the yield gap docs/audit.md records
    least = 1 if built.out_dir.parent.name.startswith("h66") else 2
    assert len(SETS) >= 4 and len(built.bank.items) >= least
    assert (built.out_dir / "moodle.xml").is_file() and (built.out_dir / "questions.gift.txt").is_file()


def test_no_learner_visible_text_names_a_file_or_hash(built):
    for item in built.bank.items:
        shown = [item.title, item.stem, item.general_feedback] + [c.text + " " + c.feedback for c in getattr(item, "choices", ())]
        if isinstance(item, Numerical):
            shown += [item.feedback_correct, item.feedback_wrong]
        assert not [t for t in shown if INTERNAL.search(t)], item.id


def test_every_number_to_type_prints_its_unit_and_hides_its_key(built):
    for item in built.bank.items:
        if not isinstance(item, Numerical):
            continue
        quoted = item.stem.split("\n", 1)[1]
        assert quoted.count("____") == 1
        # (not a unit's power glued to it: "m2" beside a key of 2 mm, h31)
        assert not re.search(rf"(?<![\d.,A-Za-z]){re.escape(item.answer.lstrip('-'))}(?![\d])", quoted.replace(",", "")), item.stem
        assert re.search(r"[£$€]____|____(?:\s?[^\s\d.,;:)]|-[a-z])", quoted), item.stem  # the unit beside the gap
        assert re.fullmatch(r"-?\d+(?:\.\d+)?", item.answer) and item.value


def test_essays_ask_the_task_and_their_feedback_hides_the_markers_wording(built):
    for item in built.bank.items:
        if isinstance(item, Essay):
            assert "Award credit" not in item.general_feedback and "Avoid:" not in item.grader_info, item.stem
            assert not re.match(r"(?:In the context of [^:]+: )?Name [A-Z]{2,}\s?\d", item.stem), item.stem


def test_true_false_statements_are_claims_in_pairs(built):
    tf = [i for i in built.bank.items if isinstance(i, TrueFalse)]
    assert sum(i.answer for i in tf) * 2 == len(tf)  # matched pairs: half true
    for item in tf:
        assert not re.match(r"(?:For|In|On|At|With|From|During)\s[^,;:]*$", item.stem.rstrip(".")), item.stem


def test_no_value_key_is_the_one_option_in_its_unit_and_every_order_names_its_model(built):
    """h14's examiner: "a clear trunk of about ____" offered 60–75 cm among two values in m (the odd
    one out was the key), and two ordering items said only "the elements of a model"."""
    for item in built.bank.items:
        options = []
        if isinstance(item, MultipleChoice) and item.family == "numeric":
            options = [(c.text, c.correct) for c in item.choices]
        if isinstance(item, Cloze):  # a value gap of a definition: the same rule
            options = [(o, o == g.key) for g in item.gaps for o in (g.key, *g.distractors)
                       if re.match(r"[−+-]?\d", g.key)]
        if options:
            units = [re.sub(r"^[−+-]?[\d.,–-]+\s?", "", text) for text, _ in options]
            key = units[[correct for _, correct in options].index(True)]
            assert units.count(key) >= 2 or len(set(units)) == len(units), (item.stem, units)
        if isinstance(item, Ordering):
            assert "elements of a model." not in item.stem, item.stem


def test_coverage_gives_a_reason_for_everything_left_out(built):
    cov = built.manifest["coverage"]
    for part in ("key concepts", "misconceptions", "numeric facts", "written marking points"):
        assert all(u["reason"] for u in cov[part]["uncovered"]), part


def test_above_recall_share_over_the_reviewed_sets(tmp_path):
    """Issue 12's measure over every reviewed set together (one set alone may fall short: h10's
    concept-heavy notes give 2 of 14; the figures per set are in docs/audit.md)."""
    auto = above = 0
    for name in SETS:
        cov = build([REVIEWED / name], tmp_path / name, formats=["bank-json"]).manifest["coverage"]["above recall"]
        auto, above = auto + cov["auto_marked"], above + cov["above_recall"]
    assert auto >= 40 and above / auto >= 0.3, (above, auto)
