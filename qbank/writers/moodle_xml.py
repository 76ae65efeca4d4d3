"""Moodle XML (Question bank -> Import -> Moodle XML format).

The authority is Moodle's own importer, question/format/xml/format.php: one category
record per topic under the bank's category, a stable <idnumber> per question, grades
only from Moodle's fixed fraction list, all text HTML-escaped inside CDATA.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qbank.model import Bank, Item, MultipleChoice
from qbank.templating import environment, render_to
from qbank.writers import Output, WriteOptions, count_kinds
from qbank.writers.shared import category_path, moodle_percent, multi_answer_fractions

FORMAT = "moodle-xml"
FILENAME = "moodle.xml"


def _answers(item: MultipleChoice) -> list[dict[str, Any]]:
    if item.multiple:
        right, wrong = multi_answer_fractions(len(item.keys), len(item.choices) - len(item.keys))
    else:
        right, wrong = moodle_percent(1.0), "0"
    return [
        {"text": c.text, "fraction": right if c.correct else wrong, "feedback": c.feedback}
        for c in item.choices
    ]


def _question(item: Item) -> dict[str, Any] | None:
    if isinstance(item, MultipleChoice):
        return {"item": item, "qtype": "multichoice", "penalty": "0.3333333", "answers": _answers(item)}
    return None


def write(bank: Bank, out_dir: Path, options: WriteOptions) -> list[Output]:
    categories = []
    written: list[Item] = []
    skipped: list[dict[str, str]] = []
    for topic in bank.topics:
        questions = []
        for item in bank.items_for(topic.slug):
            q = _question(item)
            if q is None:
                skipped.append({"id": item.id, "kind": item.kind, "reason": "not supported by this writer"})
                continue
            questions.append(q)
            written.append(item)
        categories.append(
            {
                "path": category_path(options.category_root, bank.name, topic.title),
                "info": topic.synopsis,
                "questions": questions,
            }
        )
    template = environment(FORMAT.replace("-", "_"), options.templates).get_template("quiz.xml.j2")
    render_to(template, out_dir / FILENAME, bank=bank, categories=categories)
    return [Output(FILENAME, FORMAT, count_kinds(written), skipped)]
