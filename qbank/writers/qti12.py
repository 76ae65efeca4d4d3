"""Canvas-flavoured QTI 1.2 zip (Canvas Classic/New Quizzes, Brightspace, Schoology, Sakai).

The layout Canvas exports: imsmanifest.xml, then per assessment ``<ident>/<ident>.xml``
(questestinterop) and ``<ident>/assessment_meta.xml``. One assessment per topic, so each
topic becomes one Canvas quiz and question bank. Every item carries Canvas's
``question_type`` metadata and a resprocessing whose respconditions set SCORE to 100 for
the key. Ordering has no Canvas type: it is written as a matching_question (each step to
its position) and listed as converted. Shape: templates/qti12/.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import partial
from pathlib import Path
from typing import Any

from qbank import __version__
from qbank.model import Bank, Cloze, Essay, Item, Matching, MultipleChoice, Numerical, Ordering, TrueFalse
from qbank.templating import environment
from qbank.writers import Output, WriteOptions, count_kinds
from qbank.writers.qti_common import (
    CORRECT_TEXT, INCORRECT_TEXT, Render, content_ids, name_ident, ncname, scrambled, unfit_reason, write_streamed,
)

FORMAT = "qti12-canvas"
FILENAME = "qti12-canvas.zip"


def _cond(*tests: tuple[str, str, bool]) -> list[dict[str, Any]]:
    """Tests ANDed together: (respident, label ident, negated)."""
    return [{"resp": r, "value": v, "negate": n} for r, v, n in tests]


def _shares(n: int) -> list[str]:
    """n parts of 100 with two decimals that add up to exactly 100 (the last takes the remainder)."""
    part = (Decimal(100) / n).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return [str(part)] * (n - 1) + [str(Decimal(100) - part * (n - 1))]


def _choice_question(item: Item, labels: list[dict[str, Any]], multiple: bool) -> dict[str, Any]:
    keys = [lab["id"] for lab in labels if lab["correct"]]
    conditions = [{"tests": _cond(("response1", lab["id"], False)), "feedback": f"{lab['id']}_fb", "cont": True}
                  for lab in labels if lab["feedback"]]
    if multiple:
        key_tests = _cond(*[("response1", lab["id"], not lab["correct"]) for lab in labels])
    else:
        key_tests = _cond(("response1", keys[0], False))
    conditions.append({"tests": key_tests, "set": ("Set", "100"), "feedback": "correct_fb", "cont": False})
    conditions.append({"tests": [], "feedback": "general_incorrect_fb", "cont": True})
    feedback = [{"id": f"{lab['id']}_fb", "text": lab["feedback"]} for lab in labels if lab["feedback"]]
    feedback += [{"id": "correct_fb", "text": CORRECT_TEXT}, {"id": "general_incorrect_fb", "text": INCORRECT_TEXT}]
    return {"presentation": "lid", "rcardinality": "Multiple" if multiple else "Single", "labels": labels,
            "answer_ids": [lab["id"] for lab in labels], "conditions": conditions, "feedback": feedback}


def _matching_question(prompts: list[str], answers_for: list[str], options: list[str]) -> dict[str, Any]:
    prompt_ids = content_ids("P", prompts)
    option_ids = dict(zip(options, content_ids("A", options)))
    labels = [{"id": option_ids[o], "text": o} for o in options]
    lids = [{"ident": f"response_{pid}", "prompt": p, "labels": labels} for pid, p in zip(prompt_ids, prompts)]
    conditions = [
        {"tests": _cond((f"response_{pid}", option_ids[a], False)), "set": ("Add", share), "cont": True}
        for pid, a, share in zip(prompt_ids, answers_for, _shares(len(prompts)))
    ]
    return {"presentation": "match", "lids": lids, "answer_ids": prompt_ids, "conditions": conditions, "feedback": []}


def _dropdowns_question(item: Cloze) -> dict[str, Any]:
    """Canvas's multiple_dropdowns_question: "[gap1]" in the text, one response_lid per gap whose
    material names the variable; each right gap adds its share of 100 (as Canvas exports it)."""
    names = [f"gap{n}" for n in range(1, len(item.gaps) + 1)]
    lids, conditions = [], []
    for n, (var, gap, share) in enumerate(zip(names, item.gaps, _shares(len(item.gaps))), 1):
        options = [gap.key, *gap.distractors]
        ids = content_ids(f"G{n}_", options)
        lids.append({"ident": f"response_{var}", "prompt": var,
                     "labels": [{"id": i, "text": t} for i, t in zip(ids, options)]})
        conditions.append({"tests": _cond((f"response_{var}", ids[0], False)), "set": ("Add", share), "cont": True})
    return {"presentation": "match", "lids": lids, "answer_ids": [lab["id"] for lid in lids for lab in lid["labels"]],
            "conditions": conditions, "feedback": [], "stem": item.text_with([f"[{v}]" for v in names])}


def _question(item: Item, seed: int) -> tuple[dict[str, Any], str] | None:
    """(question context, Canvas question_type), or None if Canvas cannot take the kind."""
    if isinstance(item, MultipleChoice):
        ids = content_ids("C", [c.text for c in item.choices])
        labels = [{"id": i, "text": c.text, "correct": c.correct, "feedback": c.feedback} for i, c in zip(ids, item.choices)]
        qtype = "multiple_answers_question" if item.multiple else "multiple_choice_question"
        return _choice_question(item, labels, item.multiple), qtype
    if isinstance(item, TrueFalse):
        labels = [{"id": "TRUE", "text": "True", "correct": item.answer, "feedback": item.feedback_true},
                  {"id": "FALSE", "text": "False", "correct": not item.answer, "feedback": item.feedback_false}]
        return _choice_question(item, labels, False), "true_false_question"
    if isinstance(item, Matching):
        options = list(dict.fromkeys([p.answer for p in item.pairs] + list(item.extra_answers)))
        q = _matching_question([p.prompt for p in item.pairs], [p.answer for p in item.pairs], options)
        return q, "matching_question"
    if isinstance(item, Ordering):
        positions = [f"Position {n}" for n in range(1, len(item.steps) + 1)]
        order = scrambled(item, seed, len(item.steps))  # prompts in key order would give the answer away
        q = _matching_question([item.steps[i] for i in order], [positions[i] for i in order], positions)
        q["note"] = "Match each step to its position in the sequence (Position 1 comes first)."
        return q, "matching_question"
    if isinstance(item, Cloze):
        return _dropdowns_question(item), "multiple_dropdowns_question"
    if isinstance(item, Numerical):
        # as Canvas exports an exact-answer numerical_question: response_str with a Decimal fill-in,
        # the key as varequal or as the range [key - tolerance, key + tolerance]
        low = high = item.answer
        if float(item.tolerance):
            low, high = str(Decimal(item.answer) - Decimal(item.tolerance)), str(Decimal(item.answer) + Decimal(item.tolerance))
        feedback = [{"id": "correct_fb", "text": item.feedback_correct or CORRECT_TEXT},
                    {"id": "general_incorrect_fb", "text": item.feedback_wrong or INCORRECT_TEXT}]
        conditions = [{"numeric": {"resp": "response1", "exact": item.answer, "low": low, "high": high},
                       "tests": [None], "set": ("Set", "100"), "feedback": "correct_fb", "cont": False},
                      {"tests": [], "feedback": "general_incorrect_fb", "cont": True}]
        return {"presentation": "numeric", "answer_ids": ["answer1"], "conditions": conditions,
                "feedback": feedback}, "numerical_question"
    if isinstance(item, Essay):
        return {"presentation": "essay", "answer_ids": [], "feedback": [],
                "conditions": [{"tests": [], "cont": False}]}, "essay_question"
    return None


def _topic_questions(bank: Bank, topic: Any) -> tuple[list[dict[str, Any]], list[Item], list[dict[str, str]], list[dict[str, str]]]:
    """One topic's questions (template contexts), with the items written, skipped and converted."""
    questions = []
    written: list[Item] = []
    skipped: list[dict[str, str]] = []
    converted: list[dict[str, str]] = []
    for item in bank.items_for(topic.slug):
        made = _question(item, bank.seed) if unfit_reason(item) is None else None
        if made is None:
            reason = unfit_reason(item) or "Canvas has no question type for this kind"
            skipped.append({"id": item.id, "kind": item.kind, "reason": reason})
            continue
        q, qtype = made
        if item.general_feedback:
            q["conditions"].insert(0, {"tests": [], "feedback": "general_fb", "cont": True})
            q["feedback"].insert(0, {"id": "general_fb", "text": item.general_feedback})
        q.update(item=item, ident=ncname(item.id), question_type=qtype)
        q.setdefault("note", "")
        for c in q["conditions"]:
            c.setdefault("set", None)
            c.setdefault("feedback", None)
        questions.append(q)
        written.append(item)
        if isinstance(item, Ordering):
            converted.append({"id": item.id, "kind": item.kind, "to": "matching",
                              "reason": "Canvas has no ordering type: each step is matched to its position"})
        elif isinstance(item, Essay) and item.grader_info:
            converted.append({"id": item.id, "kind": item.kind, "to": item.kind,
                              "reason": "grader information dropped; Canvas QTI has no marker-only field"})
    return questions, written, skipped, converted


_LAST: dict[str, Any] = {}  # the last topic's questions: its meta file and its assessment are written one after the other


def _render_assessment(template: Any, bank: Bank, topic: Any, a: dict[str, Any]) -> str:
    """One topic's assessment, its questions made again now (only the summary ``a`` was kept)."""
    key = (id(bank), topic.slug)
    if _LAST.get("key") != key:
        _LAST.clear()
        _LAST.update(key=key, questions=_topic_questions(bank, topic)[0])
    return template.render(a={**a, "questions": _LAST["questions"]})


def write(bank: Bank, out_dir: Path, options: WriteOptions) -> list[Output]:
    env = environment("qti12", options.templates)
    entries: dict[str, Render] = {}
    assessments = []
    written: list[Item] = []
    skipped: list[dict[str, str]] = []
    converted: list[dict[str, str]] = []
    for topic in bank.topics:
        questions, topic_written, topic_skipped, topic_converted = _topic_questions(bank, topic)
        written += topic_written
        skipped += topic_skipped
        converted += topic_converted
        if not questions:
            continue
        ident = ncname(f"qbank-{topic.slug}")
        a = {"ident": ident, "title": topic.title, "description": topic.synopsis,
             "points": len(questions), "href": f"{ident}/{ident}.xml", "meta_href": f"{ident}/assessment_meta.xml"}
        entries[a["href"]] = partial(_render_assessment, env.get_template("assessment.xml.j2"), bank, topic, a)
        entries[a["meta_href"]] = partial(_render_assessment, env.get_template("assessment_meta.xml.j2"), bank, topic, a)
        assessments.append(a)
    entries["imsmanifest.xml"] = partial(
        env.get_template("imsmanifest.xml.j2").render,
        ident=name_ident("manifest-canvas", bank.name), bank=bank, assessments=assessments, version=__version__,
    )
    try:
        write_streamed(out_dir / FILENAME, entries, options)
    finally:
        _LAST.clear()
    return [Output(FILENAME, FORMAT, count_kinds(written), skipped, converted)]
