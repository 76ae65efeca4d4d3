"""Issue 3 (measurement): every flag fires on a bad item and stays quiet on a good one; the bank
measures, the chi-square test, the build gate, bank.json and the `qbank audit` command."""

from __future__ import annotations

import json
import math
import subprocess
import sys

import pytest
from click.testing import CliRunner

from conftest import ROOT, TOPICS
from qbank.audit import audit_bank, check_gate, chi2_sf, gamma_q, key_position_test
from qbank.bankjson import dump_bank, load_bank_json, read_bank_file
from qbank.build import build, load_bank
from qbank.errors import QbankError
from qbank.model import (
    Bank, Bullet, Choice, Concept, Essay, Matching, MultipleChoice, Ordering, Pair, Section, Source, Topic, TrueFalse,
)


def _src(path: str, line: int, section: Section | None = Section.CONCEPTS) -> Source:
    return Source(path, line, section)


A, B = "topics/a.txt", "topics/b.txt"
TOPIC_A = Topic(
    slug="a", title="Handling complaints", path=A, sha256="0" * 64,
    synopsis="How a service team handles complaints.", synopsis_source=_src(A, 3, Section.SYNOPSIS),
    concepts=(
        Concept("Complaint Handling", "Using the HEAT model (Hear, Empathise, Apologise, Take action) to resolve issues.", _src(A, 5)),
        Concept("Service Level Agreements (SLAs)", "Formal commitments defining response times and resolution targets.", _src(A, 6)),
        Concept("Customer journey mapping", "Charting the stages a customer passes through from first contact to follow-up.", _src(A, 7)),
        Concept("Root cause analysis", "Finding the underlying reason a fault keeps recurring instead of treating symptoms.", _src(A, 8)),
    ),
    tips=(Bullet("Quote the HEAT model by name when answering about complaints.", _src(A, 10, Section.TIPS)),),
    misconceptions=(Bullet("Believing that an apology admits legal liability for the fault.", _src(A, 12, Section.MISCONCEPTIONS)),
                    Bullet("Promising a refund before investigating the complaint at all.", _src(A, 13, Section.MISCONCEPTIONS))),
    marking_points=(Bullet("Credit answers that log each complaint and its resolution date.", _src(A, 15, Section.MARKING)),),
    tags=("complaints",), unit="U1",
)
TOPIC_B = Topic(
    slug="b", title="Service partnerships", path=B, sha256="1" * 64,
    concepts=(
        Concept("Complaint handling", "Applying the HEAT model (Hear, Empathise, Apologise, Take ownership) so complaints close quickly.", _src(B, 5)),
        Concept("Continuous improvement", "Applying Plan-Do-Check-Act (PDCA) cycles to improve service delivery step by step.", _src(B, 6)),
    ),
    misconceptions=(Bullet("Assuming that quiet customers are always satisfied customers.", _src(B, 9, Section.MISCONCEPTIONS)),),
)
TOPICS_AB = (TOPIC_A, TOPIC_B)


def mc(choices, stem="Which term is described here? \u201cCharting the stages a client passes through.\u201d",
       multiple=False, sources=(_src(A, 7),), feedback="Customer journey mapping charts the stages.", **kw):
    cs = tuple(c if isinstance(c, Choice) else Choice(c[0], c[1], c[2] if len(c) > 2 else "Why this is or is not right.") for c in choices)
    return MultipleChoice(id=kw.pop("id", "mc-1"), family="concept", topic="a", title=kw.pop("title", "t"), stem=stem,
                          choices=cs, multiple=multiple, sources=sources, general_feedback=feedback, **kw)


GOOD_TERMS = [("Customer journey mapping", True), ("Root cause analysis", False),
              ("Service level agreements", False), ("Continuous improvement", False)]


def flags_of(item, topics=TOPICS_AB) -> dict[str, str]:
    report = audit_bank(Bank("t", topics, (item,)))
    return {f.name: f.severity for f in report.items[0].flags}


def test_good_items_raise_no_flags():
    assert flags_of(mc(GOOD_TERMS)) == {}
    tf = TrueFalse(id="tf", family="misconception", topic="a", title="t", sources=(_src(A, 12),),
                   stem="An apology admits legal liability for the fault.", answer=False,
                   general_feedback="It does not.", feedback_true="No: an apology is not an admission.")
    assert flags_of(tf) == {}
    match = Matching(id="m", family="matching", topic="a", title="t", stem="Match each term to its description.",
                     general_feedback="See the notes.", sources=(_src(A, 6), _src(A, 7), _src(A, 8)),
                     pairs=(Pair("Service Level Agreements (SLAs)", "Formal commitments defining response times and resolution targets."),
                            Pair("Customer journey mapping", "Charting the stages a customer passes through from first contact to follow-up."),
                            Pair("Root cause analysis", "Finding the underlying reason a fault keeps recurring instead of treating symptoms.")),
                     extra_answers=("Applying Plan-Do-Check-Act (PDCA) cycles to improve service delivery step by step.",))
    assert flags_of(match) == {}
    order = Ordering(id="o", family="model", topic="a", title="t", stem="Put the steps of the HEAT model in order.",
                     general_feedback="Hear, Empathise, Apologise, Take action.", sources=(_src(A, 5),),
                     steps=("Hear", "Empathise", "Apologise", "Take action"))
    assert flags_of(order) == {}
    essay = Essay(id="e", family="essay", topic="a", title="t", stem="Explain how you would handle a complaint.",
                  grader_info="Credit the HEAT model and logging each complaint.", sources=(_src(A, 15),))
    assert flags_of(essay) == {}


@pytest.mark.parametrize("choices, kw, flag, severity", [
    ([("Customer journey mapping", True)], {}, "too_few_options", "critical"),
    ([(t, False) for t, _ in GOOD_TERMS], {}, "no_key", "critical"),
    ([(t, True) for t, _ in GOOD_TERMS], {}, "multiple_keys", "critical"),
    ([*GOOD_TERMS[:3], ("customer journey mapping.", False)], {}, "duplicate_options", "critical"),
    ([*GOOD_TERMS[:3], ("", False)], {}, "empty_option", "critical"),
    ([("Customer journey mapping", True)] + [(f"Option number {n}", False) for n in range(11)], {"multiple": True},
     "invalid_fraction", "critical"),
    (GOOD_TERMS[:2], {}, "option_count", "major"),
    (GOOD_TERMS + [("Option five", False), ("Option six", False)], {}, "option_count", "major"),
    (GOOD_TERMS, {"feedback": ""}, "no_general_feedback", "major"),
    ([Choice(t, k, "") for t, k in GOOD_TERMS], {}, "no_distractor_feedback", "minor"),
    ([*GOOD_TERMS[:3], ("All of the above", False)], {}, "all_none_of_above", "major"),
    ([*GOOD_TERMS[:3], ("Both A and B", False)], {}, "combination_option", "major"),
    ([*GOOD_TERMS[:3], ("Always continuous improvement", False)], {}, "specific_determiner_cue", "major"),
    ([("Customer journey mapping", True), ("root cause analysis", False), ("Service level agreements", False),
      ("Continuous improvement", False)], {}, "heterogeneous_options", "major"),
    ([("Customer journey mapping", True), ("Finding root causes", False), ("Service level agreements", False),
      ("Continuous improvement", False)], {}, "heterogeneous_options", "minor"),
    (GOOD_TERMS, {"stem": "Which technique is <b>not</b> used? Which is not a term?"}, "negative_stem", "major"),
    (GOOD_TERMS, {"stem": "Which term names charting the stages a customer journey passes through?"}, "stem_key_overlap", "major"),
    ([("Customer journey mapping", True), ("Root cause analysis", False), ("Service level agreements", False),
      ("Continuous improvement", False)], {"stem": "The way to chart the stages a customer passes through is an"},
     "grammatical_cue", "major"),
    ([("Customer journey mapping across every stage of contact", True), ("Root cause analysis", False),
      ("Service level agreements", False), ("Continuous improvement", False)], {}, "key_unique_longest", "minor"),
    ([("Customer journey mapping", True), ("Root cause analysis of repeated faults", False),
      ("Service level agreements between partners", False), ("Continuous improvement of every process", False)],
     {}, "key_unique_shortest", "minor"),
])
def test_each_mc_flag_fires_on_a_bad_item(choices, kw, flag, severity):
    found = flags_of(mc(choices, **kw))
    assert found.get(flag) == severity, found


def test_negative_stem_is_quiet_when_emphasised_or_quoted():
    assert "negative_stem" not in flags_of(mc(GOOD_TERMS, stem="Which of these is NOT a term?"))
    assert "negative_stem" not in flags_of(mc(GOOD_TERMS, stem="Which of these is <em>not</em> a term?"))
    assert "negative_stem" not in flags_of(mc(GOOD_TERMS, stem="Which term is described? \u201cDo not treat symptoms.\u201d"))


def test_other_kinds_structure_flags():
    m = Matching(id="m", family="matching", topic="a", title="t", stem="Match.", general_feedback="x",
                 pairs=(Pair("Root cause analysis", "Finding the underlying reason a fault keeps recurring instead of treating symptoms."),
                        Pair("Customer journey mapping", "Charting the stages a customer passes through from first contact to follow-up.")),
                 sources=(_src(A, 7), _src(A, 8)))
    found = flags_of(m)
    assert found["too_few_pairs"] == "major" and found["no_extra_answer"] == "minor" and found["too_few_answers"] == "critical"
    o = Ordering(id="o", family="model", topic="a", title="t", stem="Order.", general_feedback="x",
                 steps=("Hear", "Empathise"), sources=(_src(A, 5),))
    assert flags_of(o)["too_few_steps"] == "major"
    e = Essay(id="e", family="essay", topic="a", title="t", stem="Discuss.", grader_info="")
    assert flags_of(e) == {"no_grader_info": "major"}
    tf = TrueFalse(id="tf", family="misconception", topic="b", title="t", stem="Quiet customers are always satisfied.",
                   answer=False, general_feedback="x", feedback_true="No.", sources=(_src(B, 9),))
    assert flags_of(tf) == {"specific_determiner_cue": "major"}


def test_duplicate_items_are_flagged_once():
    one, two = mc(GOOD_TERMS, id="one"), mc(list(reversed(GOOD_TERMS)), id="two")
    report = audit_bank(Bank("t", TOPICS_AB, (one, two)))
    assert [f.name for f in report.items[0].flags] == []
    assert [f.name for f in report.items[1].flags] == ["duplicate_item"]


# --- fact checks ---------------------------------------------------------------------


def test_key_not_in_sources():
    bad = [("Quantum flux harmonisation", True), *GOOD_TERMS[1:]]
    assert flags_of(mc(bad))["key_not_in_sources"] == "critical"
    # tolerant: case, punctuation and spelling variants still trace
    assert "key_not_in_sources" not in flags_of(mc([("customer-journey mapping.", True), *GOOD_TERMS[1:]]))


def test_another_files_definition_of_the_same_term_is_a_critical_distractor():
    stem = "Which statement best describes Complaint Handling?"
    key = ("Using the HEAT model (Hear, Empathise, Apologise, Take action) to resolve issues.", True)
    other = ("Applying the HEAT model (Hear, Empathise, Apologise, Take ownership) so complaints close quickly.", False)
    fine = [("Charting the stages a customer passes through from first contact to follow-up.", False),
            ("Finding the underlying reason a fault keeps recurring instead of treating symptoms.", False)]
    assert flags_of(mc([key, other, *fine], stem=stem, sources=(_src(A, 5),)))["distractor_true_elsewhere"] == "critical"
    clean = [key, *fine, ("Applying Plan-Do-Check-Act (PDCA) cycles to improve service delivery step by step.", False)]
    assert flags_of(mc(clean, stem=stem, sources=(_src(A, 5),))) == {}


def test_a_synonym_term_is_a_critical_distractor():
    stem = "Which term is described here? \u201cApplying the HEAT model so complaints close quickly.\u201d"
    choices = [("Complaint handling", True), ("Complaint Handling procedures", False), *GOOD_TERMS[1:3]]
    assert flags_of(mc(choices, stem=stem, sources=(_src(B, 5),)))["distractor_true_elsewhere"] == "critical"


def test_another_files_expansion_of_the_same_acronym_letter_is_critical():
    stem = "In the HEAT model, what does the T stand for?"
    choices = [("Take action", True), ("Take ownership", False), ("Tell the manager", False), ("Track the fault", False)]
    found = flags_of(mc(choices, stem=stem, sources=(_src(A, 5),)))
    assert found["distractor_true_elsewhere"] == "critical"
    choices[1] = ("Try again", False)
    assert "distractor_true_elsewhere" not in flags_of(mc(choices, stem=stem, sources=(_src(A, 5),)))


def test_misconception_checks():
    spot = mc([("Believing that an apology admits legal liability for the fault.", True),
               ("Promising a refund before investigating the complaint at all.", False),
               ("Quoting the HEAT model by name when answering about complaints.", False)],
              stem="Which of these is a misconception?", sources=(_src(A, 12),))
    assert flags_of(spot)["distractor_true_elsewhere"] == "critical"
    tf_true = TrueFalse(id="t1", family="misconception", topic="a", title="t", answer=True, general_feedback="x",
                        feedback_false="x", stem="Believing that an apology admits legal liability for the fault.",
                        sources=(_src(A, 12),))
    assert flags_of(tf_true)["key_is_misconception"] == "critical"
    tf_false = TrueFalse(id="t2", family="misconception", topic="a", title="t", answer=False, general_feedback="x",
                         feedback_true="x", stem="Credit answers that log each complaint and its resolution date.",
                         sources=(_src(A, 15),))
    assert flags_of(tf_false)["misconception_stated_true"] == "critical"


def test_matching_extra_answer_true_for_a_prompt_is_critical():
    m = Matching(id="m", family="matching", topic="a", title="t", stem="Match.", general_feedback="x",
                 sources=(_src(A, 5), _src(A, 7), _src(A, 8)),
                 pairs=(Pair("Complaint Handling", "Using the HEAT model (Hear, Empathise, Apologise, Take action) to resolve issues."),
                        Pair("Customer journey mapping", "Charting the stages a customer passes through from first contact to follow-up."),
                        Pair("Root cause analysis", "Finding the underlying reason a fault keeps recurring instead of treating symptoms.")),
                 extra_answers=("Applying the HEAT model (Hear, Empathise, Apologise, Take ownership) so complaints close quickly.",))
    assert flags_of(m)["distractor_true_elsewhere"] == "critical"


# --- statistics ----------------------------------------------------------------------


@pytest.mark.parametrize("x, df, p", [
    (3.841458820694124, 1, 0.05), (5.991464547107979, 2, 0.05), (7.814727903251178, 3, 0.05),
    (11.344866730144373, 3, 0.01), (2.0, 2, math.exp(-1)), (0.0, 3, 1.0), (20.0, 10, 0.029252688076961127),
])
def test_chi_square_survival_against_known_values(x, df, p):
    assert chi2_sf(x, df) == pytest.approx(p, rel=1e-9, abs=1e-15)


@pytest.mark.parametrize("x", [0.01, 0.5, 1.4, 2.5, 7.0, 30.0])
def test_incomplete_gamma_closed_forms_on_both_branches(x):
    assert gamma_q(1.0, x) == pytest.approx(math.exp(-x), rel=1e-10)
    assert gamma_q(0.5, x) == pytest.approx(math.erfc(math.sqrt(x)), rel=1e-9)


def _keyed_at(pos: int, n: int = 4) -> MultipleChoice:
    return mc([(f"Option {i}", i == pos) for i in range(n)], id=f"k{pos}")


def test_key_position_test():
    biased, _ = key_position_test([_keyed_at(1)] * 40)
    assert biased is not None and biased < 1e-10
    balanced, observed = key_position_test([_keyed_at(i % 4) for i in range(40)])
    assert observed == [10, 10, 10, 10] and balanced == pytest.approx(1.0)
    assert key_position_test([_keyed_at(0)] * 19)[0] is None  # below the minimum sample: not applicable


# --- gate and build --------------------------------------------------------------------


def _bad_bank() -> Bank:
    items = [mc([*GOOD_TERMS[:3], ("All of the above", False)], id=f"bad-{n}",
                stem=f"Which term is described here? \u201cCharting the stages a customer passes through ({n}).\u201d")
             for n in range(10)]
    return Bank("bad", TOPICS_AB, tuple(items))


def test_gate_fails_a_bank_that_misses_the_bar():
    report = audit_bank(_bad_bank())
    for bar in ("default", "release"):
        failed = check_gate(report, bar)
        assert any(f.startswith("flawed rate") for f in failed) and any(f.startswith("bank score") for f in failed)
    assert any("all_none_of_above rate: 100.0%" in f for f in check_gate(report, "release"))
    assert check_gate(audit_bank(Bank("ok", TOPICS_AB, (mc(GOOD_TERMS),))), "release") == []


def test_failed_strict_gate_leaves_the_previous_build_untouched(tmp_path, monkeypatch):
    out = tmp_path / "build"
    build([TOPICS], out)  # the library default is gate="off"
    files = lambda: {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}  # noqa: E731
    before = files()
    assert "audit" in json.loads(before["manifest.json"])
    monkeypatch.setattr("qbank.build.load_bank", lambda *a, **k: _bad_bank())
    with pytest.raises(QbankError, match="--strict: the bank misses the release bar.*flawed rate"):
        build([TOPICS], out, gate="release", strict=True)
    result = CliRunner().invoke(__import__("qbank.cli").cli.main, ["build", str(TOPICS), "-o", str(out), "--strict"])
    assert result.exit_code == 1 and "nothing was written" in result.output and "all_none_of_above rate" in result.output
    assert files() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"]  # no staging folder left behind
    # a tutor's build (no --strict) writes the bank and warns
    result = CliRunner().invoke(__import__("qbank.cli").cli.main, ["build", str(TOPICS), "-o", str(out)])
    assert result.exit_code == 0 and "warning: the bank misses the release bar" in result.output
    assert files() != before
    # told otherwise, it builds without a word about the bar
    result = CliRunner().invoke(__import__("qbank.cli").cli.main, ["build", str(TOPICS), "-o", str(out), "--gate", "off"])
    assert result.exit_code == 0 and "misses" not in result.output


# --- bank.json and the command -------------------------------------------------------


def test_bank_json_round_trip_is_lossless():
    items = (
        mc(GOOD_TERMS), mc(GOOD_TERMS, id="multi", multiple=True, tags=("x", "y")),
        TrueFalse(id="tf", family="misconception", topic="a", title="t", stem="s", answer=False,
                  feedback_true="ft", feedback_false="ff", sources=(Source("a.txt", 3),)),
        Matching(id="m", family="matching", topic="a", title="t", stem="s", pairs=(Pair("p", "q"),), extra_answers=("r",)),
        Ordering(id="o", family="model", topic="b", title="t", stem="s", steps=("1", "2", "3")),
        Essay(id="e", family="essay", topic="b", title="t", stem="s", grader_info="g", response_lines=7),
    )
    bank = Bank("n", TOPICS_AB, items, seed=7)
    again = load_bank_json(json.loads(json.dumps(dump_bank(bank))))
    assert again == bank and again.topics == bank.topics and again.items == bank.items
    real = load_bank([TOPICS])
    assert load_bank_json(json.loads(json.dumps(dump_bank(real)))) == real
    from dataclasses import replace

    stepped = Bank("n", (replace(TOPICS_AB[0], steps=(Bullet("Sowing \u2014 Fill a tray.", Source("a.txt", 9)),)),),
                   (), seed=7)
    assert load_bank_json(json.loads(json.dumps(dump_bank(stepped)))).topics[0].steps == stepped.topics[0].steps


def test_built_bank_json_is_listed_and_reloads(built):
    manifest = json.loads((built.out_dir / "manifest.json").read_text(encoding="utf-8"))
    assert "bank.json" in [o["path"] for o in manifest["outputs"]]
    assert read_bank_file(built.out_dir) == built.bank
    assert manifest["audit"]["measures"]["bank_score"] == pytest.approx(built.audit.measure("bank_score").value, abs=1e-6)


def test_qbank_audit_on_a_real_build(built):
    cmd = [sys.executable, "-m", "qbank", "audit", str(built.out_dir)]
    text = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    as_json = subprocess.run([*cmd, "--json"], cwd=ROOT, capture_output=True, text=True)
    report = json.loads(as_json.stdout)
    assert text.returncode == as_json.returncode == (0 if report["passes"]["release"] else 1), text.stderr
    assert "bank score" in text.stdout and "key-position chi-square p" in text.stdout and "Traceback" not in text.stderr
    assert report["items"] == len(built.bank.items)
    assert {m["name"] for m in report["measures"]} >= {"critical_items", "flawed_rate", "bank_score", "key_position_p"}
    missing = subprocess.run([sys.executable, "-m", "qbank", "audit", "no-such-build"], cwd=ROOT, capture_output=True, text=True)
    assert missing.returncode == 1 and "Traceback" not in missing.stderr


def test_bundled_topics_meet_the_release_bar():  # issue 11: the generator side now meets it
    failed = check_gate(audit_bank(load_bank([TOPICS])), "release")
    assert failed == []


def test_inverted_misconception_is_not_a_second_key():
    """"Ignoring X" is a misconception; "Recognising X" (its inversion) is good practice, not a second key."""
    spot = mc([("Believing that an apology admits legal liability for the fault.", True),
               ("Recognising that an apology does not admit legal liability for the fault.", False),
               ("Logging each complaint together with its resolution date.", False)],
              stem="Which of these is a misconception?", sources=(_src(A, 12),))
    assert "distractor_true_elsewhere" not in flags_of(spot)


def test_bank_json_covers_every_model_field():
    """A field added to the model must be added to bankjson too, or bank.json stops being lossless."""
    from dataclasses import fields

    from qbank.bankjson import dump_item, dump_topic
    from qbank.model import ITEM_KINDS, Cloze, Gap, Numerical

    assert {f.name for f in fields(Topic)} <= set(dump_topic(TOPIC_A))
    samples = {MultipleChoice: mc(GOOD_TERMS),
               TrueFalse: TrueFalse(id="t", family="f", topic="a", title="t", stem="s", answer=True),
               Matching: Matching(id="m", family="f", topic="a", title="t", stem="s", pairs=()),
               Ordering: Ordering(id="o", family="f", topic="a", title="t", stem="s", steps=()),
               Essay: Essay(id="e", family="f", topic="a", title="t", stem="s", grader_info="g"),
               Cloze: Cloze(id="c", family="f", topic="a", title="t", stem="s", parts=("a ", "."),
                            gaps=(Gap("b", ("c",)),)),
               Numerical: Numerical(id="n", family="f", topic="a", title="t", stem="s", answer="1")}
    for kind in ITEM_KINDS:
        assert {f.name for f in fields(kind)} <= set(dump_item(samples[kind])), kind.__name__


def test_bank_json_is_deterministic(built, tmp_path):
    again = build([TOPICS], tmp_path / "again")
    assert (again.out_dir / "bank.json").read_bytes() == (built.out_dir / "bank.json").read_bytes()


def test_a_value_option_is_no_fragment_of_a_definition_opening_with_it(tmp_path):
    """'50 mm' offered in a numeric item was flagged major (a fragment 'cut from' the definition
    '50 mm blocks suit pedestrian areas …'), so a sound bank of unseen paving notes missed the bar."""
    from qbank.audit.textrules import Definitions
    from qbank.reader import read_topics
    from topicmaker import topic_file

    topic_file(tmp_path, "paving", concepts=[
        ("Block thickness", "50 mm blocks suit pedestrian areas, while 60 mm blocks are standard for driveways."),
        ("Laying course", "Sharp sand spread loose at about 50 mm and screeded level before the blocks go down."),
    ])
    topics, _ = read_topics([tmp_path])
    definitions = Definitions(topics)
    assert not definitions.cut_from("50 mm") and not definitions.cut_from("£1,284.60")
    assert definitions.cut_from("Sharp sand spread")  # a real cut is still found


def test_topic_files_that_give_no_item_say_why_line_by_line(tmp_path):
    """Fresh notes in three subjects gave no item at all: the build stopped with "no items could be
    generated" and `qbank audit` with "nothing to audit", and a tutor learnt nothing of why. The
    build's error now names `qbank audit`, which lists the reason for each statement before it
    fails; nothing is written."""
    from qbank.cli import main

    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "thin.txt").write_text(
        "Thin notes\nTopic Synopsis\nA topic with little in it.\nKey Concepts & Core Principles\n"
        "- Polarity: Solid wire runs electrode positive.\n", encoding="utf-8")
    runner = CliRunner()
    built = runner.invoke(main, ["build", str(notes), "-o", str(tmp_path / "out")])
    assert built.exit_code == 1 and "qbank audit" in built.output and not (tmp_path / "out").exists()
    audited = runner.invoke(main, ["audit", str(notes)])
    assert audited.exit_code == 1
    assert "thin.txt:5: key concepts: no item:" in audited.output, audited.output
    assert "there is nothing to audit" in audited.output


def test_terms_and_descriptions_that_differ_only_in_figures_are_not_the_same():
    """Fresh notes (dog grooming): "#40 blade", "#10 blade", "#7F blade" and "#4F blade", each "A
    blade that leaves about … mm", were read as one concept (figures are no content stems), so the
    audit flagged every blade item "distractor may be correct" and the gate withheld sound items."""
    from qbank.audit.factcheck import same_concept, says_same

    assert not same_concept("#40 blade", "#10 blade")
    assert same_concept("Complaint handling", "Handling complaints and difficult situations")
    assert not says_same("A blade that leaves about 0.25 mm, used for surgical preparation",
                         "A blade that leaves about 1.6 mm, used for surgical preparation")
    assert says_same("A blade that leaves about 0.25 mm, used for surgical preparation",
                     "A blade that leaves about 0.25 mm and is used for surgical preparation")
