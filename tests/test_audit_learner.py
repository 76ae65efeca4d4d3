"""Issue 11, items 6 and 7: the testwise learner finds each planted cue and scores chance without
one; the new rules (fragments, dropped qualifiers, internal ids, true/false balance) fire on a
planted fault and not on its clean twin; "Distinguishing X from Y" is not the misconception
"Confusing X with Y"; a build withholds items with a critical flag and --strict fails."""

from __future__ import annotations

import itertools
import json
import xml.etree.ElementTree as ET
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from conftest import TOPICS
from qbank.audit import audit_bank, check_gate
from qbank.audit.learner import learn, multi_chance
from qbank.build import load_bank
from qbank.cli import main
from qbank.model import Bank, Bullet, Choice, Concept, Matching, MultipleChoice, Pair, Section, Source, Topic, TrueFalse

# --- a vocabulary of made-up words: no shared words or 5-letter prefixes unless planted ----------

_SYL = ["ba", "ke", "mi", "lo", "su", "ta", "ne", "ri", "po", "gu", "fa", "do", "hi", "ju", "vo", "we"]


def _vocab():
    seen = set()
    for a, b, c in itertools.product(_SYL, repeat=3):
        w = a + b + c
        if w[:5] not in seen:
            seen.add(w[:5])
            yield w


VOCAB = _vocab()


def words(n: int, first: str | None = None) -> str:
    out = [next(VOCAB) for _ in range(n)]
    if first:
        out[0] = first + out[0][1:]
    return " ".join(out)


def mcq(stem: str, options: list[str], key: int | list[int] = 0, family: str = "f", multiple: bool = False,
        n: list[int] = [0]) -> MultipleChoice:  # noqa: B006 - a counter for ids
    n[0] += 1
    keys = key if isinstance(key, list) else [key]
    return MultipleChoice(id=f"i{n[0]}", family=family, topic="t", title="t", stem=stem, multiple=multiple,
                          choices=tuple(Choice(o, i in keys) for i, o in enumerate(options)))


def neutral_stem() -> str:
    return f"Which of these fits {words(2)}?"


def clean_item(family: str) -> MultipleChoice:
    return mcq(neutral_stem(), [words(4) for _ in range(4)], 2, family)


def planted(cue: str, family: str) -> MultipleChoice:
    """One item whose key only the planted cue gives away."""
    if cue == "mistake markers":
        return mcq("Which of these is a common mistake?", [f"Assuming {words(3)}", words(4), words(4), words(4)], 0, family)
    if cue == "initials":
        key = " ".join(w for w in (words(1, "b"), words(1, "k"), words(1, "t")))
        return mcq(f"What does BKT stand for in {words(1)}?", [words(3), key, words(3), words(3)], 1, family)
    if cue == "stem overlap":
        shared = words(2)
        return mcq(f"Which term is described here? \u201c{shared} {words(3)}\u201d",
                   [words(3), words(3), f"{shared} {words(1)}", words(3)], 2, family)
    if cue == "odd one out":
        return mcq(neutral_stem(), [words(5), words(5), words(5), words(5) + "."], 3, family)
    if cue == "longest option":
        return mcq(neutral_stem(), [words(8), words(4), words(4), words(4)], 0, family)
    if cue == "shortest option":
        return mcq(neutral_stem(), [words(6), words(2), words(6), words(6)], 1, family)
    if cue == "convergence":
        a, b, c = words(1), words(1), words(1)
        return mcq(neutral_stem(), [f"{words(3)} {b}", f"{a} {b} {c} {words(1)}", f"{words(3)} {a}", f"{c} {words(3)}"],
                   1, family)
    raise AssertionError(cue)


CUES = ["mistake markers", "initials", "stem overlap", "odd one out", "longest option", "shortest option",
        "convergence"]


@pytest.mark.parametrize("cue", CUES)
def test_learner_finds_each_planted_cue_and_guesses_without_it(cue):
    items = [planted(cue, "cued") for _ in range(5)] + [clean_item("clean") for _ in range(5)]
    report = learn(items)
    cued = [a for a in report.answers if a.family == "cued"]
    assert [a.expected for a in cued] == [1.0] * 5
    assert {a.cue for a in cued} == {cue}
    clean = [a for a in report.answers if a.family == "clean"]
    assert [a.expected for a in clean] == [0.25] * 5 and {a.cue for a in clean} == {""}
    assert report.margin > 30
    assert learn([clean_item("clean") for _ in range(8)]).margin == pytest.approx(0.0)


def test_learner_never_reads_an_items_own_key():
    """Moving one item's key through every position averages to chance: the learner is blind to it."""
    bank = load_bank([TOPICS])
    items = list(bank.items)
    for n, item in enumerate(items[:80]):
        if not isinstance(item, MultipleChoice) or item.multiple:
            continue
        total = 0.0
        for k in range(len(item.choices)):
            moved = MultipleChoice(**{**item.__dict__, "choices": tuple(Choice(c.text, i == k) for i, c in
                                                                         enumerate(item.choices))})
            answer = next(a for a in learn(items[:n] + [moved] + items[n + 1:]).answers if a.id == item.id)
            total += answer.expected
        assert total == pytest.approx(1.0)


def _tf(stem: str, answer: bool) -> TrueFalse:
    return TrueFalse(id=f"tf-{stem[:20]}", family="tf", topic="t", title="t", stem=stem, answer=answer)


def test_true_false_majority_is_learned_leave_one_out():
    all_false = [_tf(f"{words(5).capitalize()}.", False) for _ in range(8)]
    report = learn(all_false)
    assert [a.expected for a in report.answers] == [1.0] * 8 and report.margin == pytest.approx(50.0)
    balanced = all_false[:4] + [_tf(f"{words(5).capitalize()}.", True) for _ in range(4)]
    assert [a.expected for a in learn(balanced).answers] == [0.5] * 8  # no clear majority: a coin


def test_true_false_specific_determiners():
    items = [_tf(f"{words(2).capitalize()} always {words(2)}.", False) for _ in range(4)]
    items += [_tf(f"{words(2).capitalize()} usually {words(2)}.", True) for _ in range(4)]
    report = learn(items)
    assert [a.expected for a in report.answers] == [1.0] * 8
    assert {a.cue for a in report.answers} == {"specific determiners"}


def test_true_false_safe_sounding_answer():
    """A shortcut allowed reads as false and a warning of harm as true to anyone (an examiner saw a
    bank keyed that way throughout); the learner takes the cue whatever the other items show."""
    items = [_tf(f"The {words(2)} can be skipped if {words(2)}.", False),
             _tf(f"A {words(2)} is acceptable on {words(2)}.", False),
             _tf(f"A {words(3)} doesn't need one now.", False),
             _tf(f"Mixing {words(2)} can damage {words(2)} seals.", True),
             _tf(f"A {words(2)} may cause {words(2)} failure.", True),
             _tf(f"Worn {words(2)} are dangerous on {words(2)}.", True),
             _tf(f"No {words(2)} is needed for {words(2)}.", False),
             _tf(f"Loose {words(2)} could injure {words(2)}.", True)]
    report = learn(items)
    assert [a.expected for a in report.answers] == [1.0] * 8
    assert {a.cue for a in report.answers} == {"safe-sounding answer"}


def test_true_false_length_and_turn_patterns_are_learned():
    """Long explained statements true, short bare ones false (as corrections and beliefs come): the
    learner picks that up from the other items, and gains nothing once the bank is paired."""
    longs = [_tf(f"{words(6).capitalize()}, whereas {words(8)}.", True) for _ in range(5)]
    shorts = [_tf(f"{words(4).capitalize()}.", False) for _ in range(5)]
    report = learn(longs + shorts)
    assert [a.expected for a in report.answers] == [1.0] * 10
    assert all(a.cue.startswith("true/false ") and a.cue.endswith(" pattern") for a in report.answers)
    paired = longs[:3] + shorts[:3] + [_tf(f"{words(6).capitalize()}, whereas {words(8)}.", False) for _ in range(3)] \
        + [_tf(f"{words(4).capitalize()}.", True) for _ in range(3)]
    assert learn(paired).margin <= 5


def test_multi_answer_ticks_the_marked_options():
    items = [mcq("Select all the common mistakes.", [f"Failing {words(3)}", words(4), f"Neglecting {words(3)}", words(4)],
                 [0, 2], "multi", multiple=True) for _ in range(3)]
    items += [mcq("Select all that apply.", [words(4) for _ in range(4)], [0, 2], "plain", multiple=True)]
    answers = learn(items).answers
    assert [a.expected for a in answers[:3]] == [1.0] * 3 and answers[0].cue == "mistake markers"
    assert answers[3].expected == pytest.approx(multi_chance(4, 2)) and answers[3].cue == ""
    assert 0 < multi_chance(4, 2) < 0.5 and multi_chance(3, 1) == pytest.approx(sum(
        max(0, min(1, a - b / 2)) for a, b in [(1, 0), (0, 1), (0, 1), (1, 1), (1, 1), (0, 2), (1, 2)]) / 7)


def test_matching_by_shared_words():
    shared = [words(1) for _ in range(3)]
    cued = Matching(id="m1", family="matching", topic="t", title="t", stem="Match them.",
                    pairs=tuple(Pair(f"{s} {words(1)}", f"{words(2)} {s} {words(1)}") for s in shared),
                    extra_answers=(words(4),))
    clean = Matching(id="m2", family="matching", topic="t", title="t", stem="Match them.",
                     pairs=tuple(Pair(words(2), words(4)) for _ in range(3)), extra_answers=(words(4),))
    a, b = learn([cued, clean]).answers
    assert a.expected == 1.0 and a.cue == "matching overlap"
    assert b.expected == pytest.approx(0.25) == b.chance


def test_cloze_gaps_are_answered_by_duck_typing():
    shared = words(1)
    gap = SimpleNamespace(key=f"{shared}", distractors=(words(1), words(1)))
    cloze = SimpleNamespace(id="c", kind="cloze", family="cloze", stem="Choose the missing words.",
                            parts=(f"The {shared} {words(1)} needs a ", "."), gaps=(gap,))
    clean_gap = SimpleNamespace(key=words(1), distractors=(words(1), words(1)))
    clean = SimpleNamespace(id="d", kind="cloze", family="cloze", stem="Choose the missing words.",
                            parts=(f"The {words(2)} needs a ", "."), gaps=(clean_gap,))
    a, b = learn([cloze, clean]).answers
    assert a.kind == "cloze" and a.expected == 1.0 and a.chance == pytest.approx(1 / 3)
    assert b.expected == pytest.approx(1 / 3)


def test_quiz_measure_is_a_release_bar():
    cued = [planted("mistake markers", "cued") for _ in range(30)]
    report = audit_bank(Bank("t", (), tuple(cued)))
    measure = report.measure("learner_margin")
    assert measure.value == pytest.approx(75.0) and not measure.passes("release")
    assert any(f.startswith("testwise learner") for f in check_gate(report, "release"))
    clean = audit_bank(Bank("t", (), tuple(clean_item("c") for _ in range(30))))
    assert clean.measure("learner_margin").value == pytest.approx(0.0) and clean.measure("learner_margin").passes("release")
    assert clean.to_dict()["learner"]["by_kind_family"] == [
        {"kind": "multichoice", "family": "c", "items": 30, "learner": 25.0, "chance": 25.0}]


# --- the new rules ------------------------------------------------------------------

P = "notes.txt"
TOPIC = Topic(
    slug="pumps", title="Pumps", path=P, sha256="0" * 64,
    concepts=(Concept("Priming", "Filling the pump casing with liquid before starting, which removes trapped air.",
                      Source(P, 5, Section.CONCEPTS)),),
    tips=(Bullet("Distinguishing centrifugal pumps from positive displacement pumps by how flow responds to pressure.",
                 Source(P, 8, Section.TIPS)),),
    misconceptions=(
        Bullet("Assuming that a larger pump automatically improves system flow rates.", Source(P, 10, Section.MISCONCEPTIONS)),
        Bullet("Confusing centrifugal pumps with positive displacement pumps when flow responds to pressure.",
               Source(P, 11, Section.MISCONCEPTIONS)),
        Bullet("Running the pump dry before checking the seals.", Source(P, 12, Section.MISCONCEPTIONS)),
    ),
)


def _flags(item) -> set[str]:
    return {f.name for f in audit_bank(Bank("t", (TOPIC,), (item,))).items[0].flags}


def _misc_item(key: str, distractors=None, source_line: int = 10, stem="Which of these is a common mistake?",
               feedback="Bigger is not always better.") -> MultipleChoice:
    distractors = distractors or ["Checking the seals before starting the pump.", "Venting trapped air from the casing.",
                                  "Recording the flow rate at each pressure."]
    return MultipleChoice(id="m", family="misconception", topic="pumps", title="Spot the mistake", stem=stem,
                          general_feedback=feedback, sources=(Source(P, source_line, Section.MISCONCEPTIONS),),
                          choices=(Choice(key, True, "Listed as a mistake."),
                                   *(Choice(d, False, "Good practice.") for d in distractors)))


def test_dropped_qualifier_fires_and_its_twin_does_not():
    dropped = _misc_item("Assuming that a larger pump improves system flow rates.")
    kept = _misc_item("Assuming that a larger pump automatically improves system flow rates.")
    assert "dropped_qualifier" in _flags(dropped) and "dropped_qualifier" not in _flags(kept)
    assert audit_bank(Bank("t", (TOPIC,), (dropped,))).items[0].has("critical")
    tf = TrueFalse(id="tf", family="misconception", topic="pumps", title="t", answer=False, general_feedback="No.",
                   stem="A larger pump improves system flow rates.", sources=(Source(P, 10, Section.MISCONCEPTIONS),))
    assert "dropped_qualifier" in _flags(tf)
    # a statement built from another part of the bullet keeps no neighbour of the qualifier: not flagged
    other = TrueFalse(id="tf2", family="misconception", topic="pumps", title="t", answer=True, general_feedback="Yes.",
                      stem="System flow rates depend on the whole system.", sources=(Source(P, 10, Section.MISCONCEPTIONS),))
    assert "dropped_qualifier" not in _flags(other)


@pytest.mark.parametrize("bad", [
    "Filling the pump",  # the opening words of the definition of Priming
    "Checking the seals before starting the",  # a dangling article
    "Venting trapped air and",  # a dangling conjunction
    "Such as the seals, the casing and the impeller.",  # starts mid-list
    "Recording the flow rate at each pressure of",  # a dangling preposition that needs its object
    "Recording the flow rate (at each pressure.",  # an unclosed bracket
])
def test_fragment_fires_and_its_twin_does_not(bad):
    good = ["Checking the seals before starting the pump.", "Venting trapped air from the casing.",
            "Recording the flow rate at each pressure."]
    assert "fragment" in _flags(_misc_item("Running the pump dry before checking the seals.", [bad, *good[1:]]))
    assert "fragment" not in _flags(_misc_item("Running the pump dry before checking the seals.", good, 12))


def test_fragment_in_a_quoted_stem():
    cut = _misc_item("Running the pump dry before checking the seals.", source_line=12,
                     stem="Which term is described here? \u201cFilling the pump casing with liquid before starting, including\u201d")
    whole = _misc_item("Running the pump dry before checking the seals.", source_line=12,
                       stem="Which term is described here? \u201cFilling the pump casing with liquid before starting.\u201d")
    assert "fragment" in _flags(cut) and "fragment" not in _flags(whole)


@pytest.mark.parametrize("leak", [
    "Source: notes.txt.", "Source: Pumps (topics/notes.txt, line 5).", "See topics/pumps for more.",
    "Source: Pumps, line 12.", "Topic 000-dafe41cd17af29c6.", "Item 9f86d081884c7d65 of the bank.",
])
def test_internal_ids_in_learner_text_fire_and_their_twin_does_not(leak):
    assert "internal_id_in_text" in _flags(_misc_item("Running the pump dry before checking the seals.", source_line=12,
                                                       feedback=f"Running a pump dry damages it. {leak}"))
    assert "internal_id_in_text" not in _flags(_misc_item("Running the pump dry before checking the seals.", source_line=12,
                                                           feedback="Running a pump dry damages it (see Pumps, 24/7 duty)."))
    # notation after a bracket or a ratio is no path: "(ii)/M6", "1:2/3", "N/mm²"
    assert "internal_id_in_text" not in _flags(_misc_item("Running the pump dry before checking the seals.", source_line=12,
                                                           feedback="Use designation (ii)/M6, a 1:2/3 mix, 5 N/mm²."))
    # anywhere the learner reads: a stem, an option
    assert "internal_id_in_text" in _flags(_misc_item("Running the pump dry before checking the seals.", source_line=12,
                                                       stem=f"In {leak} which is a common mistake?"))


def test_true_false_balance_measure():
    def bank(true: int, false: int) -> Bank:
        items = [TrueFalse(id=f"t{n}", family="tf", topic="t", title="t", stem=f"{words(4).capitalize()}.", answer=n < true)
                 for n in range(true + false)]
        return Bank("b", (), tuple(items))

    assert audit_bank(bank(0, 10)).measure("tf_true_share_offset").value == pytest.approx(0.5)
    assert not audit_bank(bank(0, 10)).measure("tf_true_share_offset").passes("release")
    assert not audit_bank(bank(7, 3)).measure("tf_true_share_offset").passes("release")
    assert audit_bank(bank(5, 5)).measure("tf_true_share_offset").passes("release")
    assert audit_bank(bank(4, 6)).measure("tf_true_share_offset").passes("release")
    assert audit_bank(bank(0, 9)).measure("tf_true_share_offset").value is None  # too few to judge


def test_distinguishing_is_not_the_misconception_confusing():
    correction = "Distinguishing centrifugal pumps from positive displacement pumps when flow responds to pressure."
    tf = TrueFalse(id="tf", family="misconception", topic="pumps", title="t", answer=True, general_feedback="Yes.",
                   stem=correction, sources=(Source(P, 11, Section.MISCONCEPTIONS),))
    assert not audit_bank(Bank("t", (TOPIC,), (tf,))).items[0].has("critical")
    item = _misc_item("Confusing centrifugal pumps with positive displacement pumps when flow responds to pressure.",
                      [correction, "Venting trapped air from the casing.", "Recording the flow rate at each pressure."], 11)
    assert "distractor_true_elsewhere" not in _flags(item)
    # the rule still holds for a real second mistake among the distractors
    also = _misc_item("Confusing centrifugal pumps with positive displacement pumps when flow responds to pressure.",
                      ["Running the pump dry before checking the seals.", "Venting trapped air from the casing.",
                       "Recording the flow rate at each pressure."], 11)
    assert "distractor_true_elsewhere" in _flags(also)


# --- withholding ---------------------------------------------------------------------


_CACHE: list[Bank] = []


def _bank_with_a_broken_item() -> Bank:
    """The bundled topics' items without any critical flag, plus one planted item with no key."""
    if _CACHE:
        return _CACHE[0]
    real = load_bank([TOPICS])
    critical = {a.id for a in audit_bank(real).critical()}
    real = Bank(real.name, real.topics, tuple(i for i in real.items if i.id not in critical), real.seed, real.diagnostics)
    first = next(i for i in real.items if isinstance(i, MultipleChoice) and not i.multiple)
    broken = MultipleChoice(**{**first.__dict__, "id": "broken-1", "stem": first.stem + " (planted)",
                               "choices": tuple(Choice(c.text, False, c.feedback) for c in first.choices)})
    _CACHE.append(Bank(real.name, real.topics, (*real.items, broken), real.seed, real.diagnostics))
    return _CACHE[0]


def _moodle_ids(path) -> set[str]:
    root = ET.parse(path).getroot()
    return {q.findtext("idnumber") for q in root.iter("question") if q.get("type") != "category"}


def test_build_withholds_critical_items_and_writes_the_rest(tmp_path, monkeypatch):
    monkeypatch.setattr("qbank.build.load_bank", lambda *a, **k: _bank_with_a_broken_item())
    out = tmp_path / "b"
    result = CliRunner().invoke(main, ["build", str(TOPICS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "broken-1" in result.output and "withheld" in result.output  # summary line and warning name it
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [w["id"] for w in manifest["audit"]["withheld"]] == ["broken-1"]
    assert "no_key" in manifest["audit"]["withheld"][0]["flags"]
    written = len(_bank_with_a_broken_item().items) - 1
    assert manifest["items"]["total"] == written
    bank = json.loads((out / "bank.json").read_text(encoding="utf-8"))
    ids = {i["id"] for i in bank["items"]}
    assert "broken-1" not in ids and len(ids) == written
    audit = CliRunner().invoke(main, ["audit", str(out)])
    assert "the build withheld 1 item(s)" in audit.output and "broken-1" in audit.output
    # --strict: exit 1, the previous build untouched
    before = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    strict = CliRunner().invoke(main, ["build", str(TOPICS), "-o", str(out), "--strict"])
    assert strict.exit_code == 1 and "broken-1" in strict.output and "nothing was written" in strict.output
    assert {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b"]
    # --gate off writes everything, the broken item too
    off = CliRunner().invoke(main, ["build", str(TOPICS), "-o", str(out), "--gate", "off"])
    assert off.exit_code == 0
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["items"]["total"] == written + 1


def test_odd_one_out_by_word_family_and_by_bracket():
    """Three '-isation' terms beside one other, or one option with a bracketed part: the learner
    singles it out (and learns whether that pays)."""
    family = [mcq("Which term is described here?", ["Contraindication", "Sterilisation", "Sanitisation", "Stabilisation"],
                  0, "odd") for _ in range(4)]
    assert all(a.expected == 1.0 for a in learn(family).answers)
    bracket = [mcq("Which term is described here?", ["Flue gas analyser (FGA)", "Manometer", "Flue guard", "Spillage test"],
                   0, "odd") for _ in range(4)]
    assert all(a.expected == 1.0 for a in learn(bracket).answers)
    plain_set = [mcq("Which term is described here?", ["Safety stock", "Cycle counting", "FIFO", "ABC analysis"],
                     0, "odd") for _ in range(4)]
    assert all(a.expected == 0.25 for a in learn(plain_set).answers)


# --- OptionSets: the generators' fast form of "narrow keeps every option" ----------------------


def test_option_sets_agree_with_narrow_on_every_set():
    """keeps_all must say exactly what narrow says (the generators choose distractors by it, and
    the bank must not change): real texts from the bundled notes, plus options planted with each
    cue (mistake openers, an acronym's words, a stem word, a sentence, a long one, a word family,
    a bracket)."""
    import random

    from qbank.audit.learner import OptionSets, narrow
    from qbank.reader import read_topics

    topics, _ = read_topics(sorted(TOPICS.glob("*.txt")))
    texts = [c.term for t in topics for c in t.concepts] + [c.definition for t in topics for c in t.concepts]
    texts += [b.text for t in topics for b in t.misconceptions][:40]
    planted = ["Assuming the rota is fixed", "Failing to log the fault", "Service level agreement",
               "Key performance indicator", "It always works without checks.", "Checking the customer record",
               "A very long option that says a great deal more than any other option does here", "Rota",
               "Sterilisation", "Sanitisation", "Stabilisation", "Contraindication", "Flue gas analyser (FGA)"]
    rng = random.Random(7)
    decided: dict[str, int] = {}
    agree = kept = 0
    for n in range(150):
        stem = rng.choice(["Which term is described here? “" + rng.choice(texts) + "”",
                           "Which is a common mistake about the SLA and the KPI?",
                           f"Which description fits the term “{rng.choice(texts)}”?"])
        pool = rng.sample(texts, 5) + rng.sample(planted, 5)
        rng.shuffle(pool)
        key, cands = pool[0], pool[1:]
        sets = OptionSets(stem, key, cands)
        fit = set(sets.fit())
        for size in (2, 3):
            for combo in itertools.combinations(range(len(cands)), size):
                options = [key, *(cands[i] for i in combo)]
                keep, cue = narrow(stem, options)
                expected = len(keep) == len(options)
                assert sets.keeps_all(combo) == expected, (stem, options, cue)
                assert not expected or set(combo) <= fit  # fit() drops no candidate of a passing set
                decided[cue] = decided.get(cue, 0) + 1
                agree += 1
                kept += expected
    assert kept and agree - kept  # both answers occur
    assert {"mistake markers", "initials", "stem overlap", "odd one out", "longest option", "convergence"} <= set(decided)
