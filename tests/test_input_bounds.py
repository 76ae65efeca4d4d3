"""Issue 15 item 5: odd input finishes in bounded time (near-linear stages, or a clear cap).

Sizes are chosen so that the quadratic code these tests replaced took minutes on them
while the linear code takes seconds; the subprocess timeouts are generous (no timing
assertions), and operation counts pin the bounds where a count says more than a clock.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from qbank.generate import concepts as concept_family
from qbank.generate import facts as facts_module
from qbank.generate.facts import _ACRONYM, build_facts, find_expansions
from qbank.model import Source
from qbank.reader import MAX_BULLETS, read_topics
from topicfiles import TOPIC, write

ROOT = Path(__file__).resolve().parent.parent
TOPICS = ROOT / "topics"


def _check(folder: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    """``qbank check`` in its own process, killed (and failing the test) if it runs away."""
    return subprocess.run([sys.executable, "-m", "qbank", "check", str(folder)], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout)


def _with(lines_after: str, extra: list[str]) -> str:
    """TOPIC with ``extra`` lines inserted after the line starting with ``lines_after``."""
    lines = TOPIC.split("\n")
    at = next(n for n, line in enumerate(lines) if line.startswith(lines_after))
    return "\n".join(lines[: at + 1] + extra + lines[at + 1:])


def test_a_very_long_word_in_a_definition_is_read_in_linear_time(tmp_path):
    # 20k characters took 10 s with the old backward-acronym pattern (quadratic): 300k would take ~40 min.
    word = "a" * 300_000
    text = _with("- Customer journey:", [f"- Long word: Understanding {word} stages (x) of it, and net promoter score (NPS)."])
    write(tmp_path, "t.txt", text)
    result = _check(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors" in result.stdout


def test_backward_acronyms_are_the_whole_text_search(tmp_path):
    """The search just before each bracketed acronym finds what one pass over the whole text found."""
    reference = re.compile(
        rf"(?P<body>(?:[A-Za-z][\w'’]*[\s-]+){{1,7}}?[A-Za-z][\w'’]*)\s*\((?P<acr>{_ACRONYM})\)")
    texts = [line for path in sorted(TOPICS.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()]
    texts += [
        "Plan-Do-Check-Act (PDCA) then net promoter score (NPS) and (x) Service Level Agreements (SLAs).",
        "Key performance indicators (KPIs) (CSAT) customer satisfaction (CSAT), first (NPS) (NPS).",
        "General Data Protection Regulation (GDPR) (and) the Consumer Rights Act (CRA) 2015.",
    ]
    found_any = 0
    for text in texts:
        want = [(m.group("body"), m.group("acr"), m.end()) for m in reference.finditer(text)]
        got = [(m.group("body"), m.group("acr"), m.end()) for m in facts_module._backward(text)]
        assert got == want, text
        found_any += len(got)
    assert found_any > 10  # the bundled notes do expand acronyms this way
    source = Source("t.txt", 1, None)
    assert [e.parts for e in find_expansions(texts[-3], source, "t")] == [
        ("Plan", "Do", "Check", "Act"), ("net", "promoter", "score"), ("Service", "Level", "Agreements")]


def test_more_bullets_than_the_cap_is_one_clear_error(tmp_path):
    bullets = [f"- Failing to log job {n} before the shift ends." for n in range(100_000)]
    write(tmp_path, "t.txt", _with("Common Misconceptions", bullets))
    result = _check(tmp_path)
    assert result.returncode == 1
    errors = [line for line in result.stdout.splitlines() if ": error: " in line]
    first_past = 13 + 1 + MAX_BULLETS  # heading line 13, then bullets; the (MAX_BULLETS+1)th bullet is flagged
    assert errors == [f"{tmp_path / 't.txt'}:{first_past}: error: more than {MAX_BULLETS} bullets under "
                      f"'Common Misconceptions & Mistakes to Avoid' (100002); split the topic into several files"]


def test_a_file_at_the_cap_builds_in_bounded_time(tmp_path):
    """MAX_BULLETS concepts and mistakes, each alike: all of generation still finishes."""
    concepts = [f"- Handover record {n}: Writing down job {n} in the workshop log before the shift ends." for n in range(MAX_BULLETS - 5)]
    mistakes = [f"- Failing to log job {n} in the workshop before the shift ends." for n in range(MAX_BULLETS - 2)]
    text = _with("Common Misconceptions", mistakes)
    lines = text.split("\n")
    # after the file's own five concepts: those still make items (near-identical records are one concept)
    write(tmp_path, "t.txt", "\n".join(lines[:9] + concepts + lines[9:]))
    result = _check(tmp_path, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_bullet_wrapped_over_many_lines_is_joined_in_linear_time(tmp_path):
    # 100k continuation lines joined one string at a time copied ~2e11 bytes.
    wrapped = ["  and then more words about the stages"] * 100_000
    write(tmp_path, "t.txt", _with("- Customer journey:", wrapped))
    topics, diagnostics = read_topics([tmp_path / "t.txt"])
    concept = topics[0].concepts[0]
    assert concept.definition.endswith("follow-up. " + " ".join(["and then more words about the stages"] * 100_000))


def test_a_distractor_pool_looks_at_a_bounded_number_of_concepts(tmp_path, monkeypatch):
    concepts = [f"- Handover record {n}: Writing down job {n} in the workshop log before the shift ends." for n in range(MAX_BULLETS - 5)]
    lines = TOPIC.split("\n")
    write(tmp_path, "t.txt", "\n".join(lines[:4] + concepts + lines[4:]))
    topics, _ = read_topics([tmp_path / "t.txt"])
    facts = build_facts(topics)
    calls = []
    original = facts_module.Facts.same_concept
    monkeypatch.setattr(facts_module.Facts, "same_concept", lambda self, a, b: calls.append(1) or original(self, a, b))
    topic = topics[0]
    for concept in topic.concepts[:20]:
        concept_family.distractor_concepts(concept, topic, facts)
    assert len(topic.concepts) == MAX_BULLETS
    assert 0 < len(calls) <= 20 * concept_family.POOL_LIMIT < 20 * (len(topic.concepts) - 1)


def test_alike_bullets_in_one_file_are_not_compared_for_earlier_twins(tmp_path, monkeypatch):
    mistakes = [f"- Failing to log job {n} in the workshop before the shift ends." for n in range(250)]
    write(tmp_path, "a.txt", _with("Common Misconceptions", mistakes))
    topics, _ = read_topics([tmp_path / "a.txt"])
    facts = build_facts(topics)
    compared = []
    original = facts_module.jaccard
    monkeypatch.setattr(facts_module, "jaccard", lambda a, b: compared.append(1) or original(a, b))
    topic = topics[0]
    assert not any(facts.earlier_twin_bullet(topic, b.text, "misconceptions") for b in topic.misconceptions)
    assert compared == []  # one file has no earlier twins: nothing to compare (was 250 x 250)


def test_long_lines_of_pipes_and_spaces_in_a_glossary_and_a_mark_grid_are_read_in_bounded_time(tmp_path):
    # h54/h55's table readers: "a | " then 60k spaces and "|x" took the row patterns minutes (backtracking) before
    # rows were capped at a table row's length.
    rows = ["  Term | Meaning", "  -----|--------", "  Float | " + " \t" * 60_000 + "|x", "  Till | " + "b " * 60_000 + "|x",
            "  Cash | the money in the drawer."]
    grid = ["Sample question and marking grid", "", "Q. A till is short by £5.", "(a) Name the error.", "",
            "    Part | Answer required | Marks", "    -----|-----|-----", "    (a)  | " + "x " * 60_000 + "| 1x",
            "    |" + " " * 40_000 + "a"]
    text = _with("- Customer journey:", rows).replace("Exam Tips & Revision Strategies", "\n".join(grid) + "\n\nExam Tips & Revision Strategies", 1)
    write(tmp_path, "t.txt", text)
    result = _check(tmp_path, timeout=60)  # (about 10 s here; the backtracking patterns took over 100 s)
    assert result.returncode == 0, result.stdout + result.stderr
