"""Moodle XML (Question bank -> Import -> Moodle XML format).

The authority is Moodle's own importer, question/format/xml/format.php (qformat_xml):
one category record per topic and per family beneath it, a stable <idnumber> per
question, grades only from Moodle's fixed fraction list, all text HTML-escaped inside
CDATA (import_text_with_files() reads <text> verbatim, so the escaped HTML is stored
as format="html" and shown literally). Question names, category names, tags and matching
answers (qtype_match_subquestions.answertext) are plain text (clean_question_name() and
split_category_path() apply PARAM_TEXT; tags PARAM_TAG; a matching answer is stored as read),
so they are written unescaped in CDATA, as Moodle's own exporter writes them. No value is
written over Moodle's column sizes (moodle_limits.py; shared.moodle_fit()).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qbank.model import Bank, Cloze, Essay, Item, Matching, MultipleChoice, Numerical, Ordering, TrueFalse
from qbank.templating import environment, render_to
from qbank.writers import Output, WriteOptions, count_kinds
from qbank.writers.shared import (
    moodle_categories,
    moodle_fit,
    moodle_percent,
    moodle_problem,
    multi_answer_fractions,
    name_change,
)

FORMAT = "moodle-xml"
FILENAME = "moodle.xml"

# Moodle's qtype names in XML (qformat_xml::import_question() also accepts 'matching').
QTYPES = {
    MultipleChoice: "multichoice",
    TrueFalse: "truefalse",
    Matching: "matching",
    Ordering: "ordering",
    Essay: "essay",
    Cloze: "gapselect",  # "Select missing words" (qtype_gapselect, core since Moodle 2.x)
    Numerical: "numerical",  # qformat_xml::import_numerical(); no units (showunits 3: UNITNONE)
}


def choice_fractions(item: MultipleChoice) -> list[str]:
    """Each choice's grade as the percentage Moodle accepts (33.33333, never 33.33)."""
    if item.multiple:
        right, wrong = multi_answer_fractions(len(item.keys), len(item.choices) - len(item.keys))
    else:
        right, wrong = moodle_percent(1.0), "0"
    return [right if c.correct else wrong for c in item.choices]


def _question(item: Item) -> dict[str, Any]:
    q: dict[str, Any] = {"item": item, "qtype": QTYPES[type(item)], "penalty": "0.3333333"}
    if isinstance(item, MultipleChoice):
        q["answers"] = [
            {"text": c.text, "fraction": f, "feedback": c.feedback}
            for c, f in zip(item.choices, choice_fractions(item))
        ]
    elif isinstance(item, TrueFalse):
        q["penalty"] = "1"  # two options: a second try is a give-away (Moodle's own default)
    elif isinstance(item, Essay):
        q["penalty"] = "0"
    elif isinstance(item, Cloze):
        q["questiontext"], q["options"] = gapselect_parts(item)
    return q


def gapselect_parts(item: Cloze) -> tuple[str, list[dict[str, Any]]]:
    """Question text with [[n]] placeholders, and the select options: choice n is gap n's key
    (group n), then each gap's distractors in its group (qtype_gapselect::import_from_xml())."""
    text = item.text_with([f"[[{n}]]" for n in range(1, len(item.gaps) + 1)])
    options = [{"text": g.key, "group": n} for n, g in enumerate(item.gaps, 1)]
    options += [{"text": d, "group": n} for n, g in enumerate(item.gaps, 1) for d in g.distractors]
    return text, options


def write(bank: Bank, out_dir: Path, options: WriteOptions) -> list[Output]:
    categories: list[dict[str, Any]] = []
    written: list[Item] = []
    skipped: list[dict[str, str]] = []
    converted: list[dict[str, str]] = []
    for topic, topic_path, families in moodle_categories(bank, options.category_root):
        categories.append({"path": topic_path, "info": topic.synopsis, "questions": []})
        for family_path, items in families:
            questions = []
            for item in items:
                problem = moodle_problem(item) if type(item) in QTYPES else "not a kind Moodle XML can express"
                shown, problem, change = (item, problem, None) if problem else moodle_fit(item, (bank.name, topic.title))
                if problem:
                    skipped.append({"id": item.id, "kind": item.kind, "reason": problem})
                    continue
                questions.append(_question(shown))
                written.append(item)
                converted.extend(c for c in (name_change(item), change) if c)
            if questions:
                categories.append({"path": family_path, "info": "", "questions": questions})
    template = environment(FORMAT.replace("-", "_"), options.templates).get_template("quiz.xml.j2")
    render_to(template, out_dir / FILENAME, bank=bank, categories=categories)  # streamed: no whole-bank string
    return [Output(FILENAME, FORMAT, count_kinds(written), skipped, converted)]


__all__ = ["write", "choice_fractions", "QTYPES", "FILENAME", "FORMAT"]
