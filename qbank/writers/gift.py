"""GIFT (Question bank -> Import -> GIFT format).

The authority is Moodle's importer, question/format/gift/format.php (qformat_gift):

- questions are separated by blank lines (qformat_default::readquestions()); a line whose
  first non-blank characters are ``//`` is a comment, and Moodle 4.x reads ``[id:…]`` and
  ``[tag:…]`` out of those comments (extract_idnumber_and_tags_from_comment());
- escapedchar_pre()/escapedchar_post() protect ``\\: \\# \\= \\{ \\} \\~`` and turn ``\\n`` into a
  newline; ``\\\\`` is a literal backslash (repchar() is the exporter's mirror image);
- the first ``{`` and first ``}`` delimit the answers; ``####`` starts the general feedback;
  a leading ``[html]`` sets the question text's format, and answers and feedback default to
  it (parse_text_with_format()), so every text here is HTML-escaped like the XML writer's,
  except a matching answer: plain text in Moodle (subanswers are only escapedchar_post()-ed),
  so it is GIFT-escaped only;
- ``$CATEGORY:`` text is NOT passed through escapedchar_post(), so only backslashes are doubled.

What GIFT cannot say is never silently dropped: essays lose their grader information (and a
response box other than 15 lines); ordering items become matching items (step -> position);
each is listed in the output's ``converted`` (or ``skipped``) with the reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from qbank.generate.common import rng_for
from qbank.model import Bank, Choice, Cloze, Essay, Item, Matching, MultipleChoice, Numerical, Ordering, Pair, TrueFalse
from qbank.templating import environment, render_to
from qbank.writers import Output, WriteOptions, count_kinds
from qbank.writers.moodle_xml import choice_fractions
from qbank.writers.shared import NAME_LOSS, moodle_categories, moodle_fit, moodle_problem, moodle_tag, name_change, ordinal

FORMAT = "gift"
FILENAME = "questions.gift.txt"
GIFT_ESSAY_LINES = 15  # qformat_gift::readquestion() 'essay': responsefieldlines = 15
ORDERING_NOTE = "Match each step to its position in the sequence."

_RESERVED = {"\\": "\\\\", "#": "\\#", "=": "\\=", "~": "\\~", "{": "\\{", "}": "\\}", ":": "\\:", "\n": "\\n"}
_ESCAPES = str.maketrans(_RESERVED)  # one C pass instead of a dict lookup per character


def escape(text: str) -> str:
    """GIFT-escape plain text exactly as Moodle's repchar() does (backslash first, newline as \\n)."""
    text = str(text).replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(_ESCAPES)


def html_min(text: str) -> str:
    """Text as HTML for a GIFT field in [html] format: ``& < >`` escaped, and a leading ``[``
    written ``&#91;`` so parse_text_with_format() cannot mistake ``[plain]…`` for a format."""
    text = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    stripped = text.lstrip()
    if stripped.startswith("["):
        text = text[: len(text) - len(stripped)] + "&#91;" + stripped[1:]
    return text


def text(value: str) -> str:
    """A question text, answer or feedback: HTML, then GIFT-escaped."""
    return escape(html_min(value))


def category_line(path: str) -> str:
    return "$CATEGORY: " + path.replace("\\", "\\\\")


def comment_tokens(item: Item) -> tuple[str, list[str]]:
    """``// [id:…] [tag:…]`` for Moodle 4.x; a tag PARAM_TAG would alter (in
    extract_idnumber_and_tags_from_comment()) cannot be read back as written, so it is returned
    as lost (the writer has already left such tags out: shared.moodle_fit())."""
    bits = [f"[id:{item.id.replace(']', chr(92) + ']')}]"]
    lost = []
    for tag in item.tags:
        if moodle_tag(tag) != tag:
            lost.append(tag)
        else:
            bits.append(f"[tag:{tag.replace(']', chr(92) + ']')}]")
    return "// " + " ".join(bits), lost


def ordering_as_matching(item: Ordering) -> Matching:
    """An ordering item as GIFT can carry it: each step matched to its position (1st, 2nd, …)."""
    return Matching(
        id=item.id,
        family=item.family,
        topic=item.topic,
        title=item.title,
        stem=f"{item.stem} {ORDERING_NOTE}".strip(),
        general_feedback=item.general_feedback,
        sources=item.sources,
        tags=item.tags,
        group=item.group,
        pairs=tuple(Pair(step, ordinal(n)) for n, step in enumerate(item.steps, 1)),
    )


CLOZE_LEAD = "Which word or words fill the gap?"


def cloze_as_choice(item: Cloze) -> MultipleChoice:
    """A one-gap cloze as GIFT can carry it: a multiple-choice question on the gap (key placed by its id)."""
    gap = item.gaps[0]
    choices = [Choice(gap.key, True, gap.feedback)] + [Choice(d, False) for d in gap.distractors]
    rng_for(0, f"gift-cloze:{item.id}").shuffle(choices)
    return MultipleChoice(id=item.id, family=item.family, topic=item.topic, title=item.title,
                          stem=f"{CLOZE_LEAD} {item.text_with(['____'])}", general_feedback=item.general_feedback,
                          sources=item.sources, tags=item.tags, choices=tuple(choices))


def _question(item: Item) -> dict[str, Any]:
    q: dict[str, Any] = {"item": item, "comment": comment_tokens(item)[0]}
    if isinstance(item, MultipleChoice):
        marks = []
        for choice, fraction in zip(item.choices, choice_fractions(item)):
            if not item.multiple:
                marks.append("=" if choice.correct else "~")
            else:
                marks.append("~" if fraction == "0" else f"~%{fraction}%")
        q["answers"] = list(zip(marks, item.choices))
    return q


def _render(item: Item, converted: list[dict[str, str]], skipped: list[dict[str, str]],
            category_names: tuple[str, ...] = ()) -> Item | None:
    """The item as it will be written (maybe converted), or None if GIFT cannot carry it."""
    if isinstance(item, Ordering):
        as_matching = ordering_as_matching(item)
        problem = moodle_problem(as_matching)
        if problem:
            skipped.append({"id": item.id, "kind": item.kind, "reason": f"ordering cannot be written in GIFT; as matching: {problem}"})
            return None
        change = {"id": item.id, "kind": item.kind, "to": "matching",
                  "reason": "GIFT has no ordering question; written as matching (step -> position)"}
        shown: Item = as_matching
    elif isinstance(item, Cloze):
        if len(item.gaps) != 1 or moodle_problem(item):
            reason = moodle_problem(item) or (f"GIFT has no select-missing-words question, and {len(item.gaps)} gaps "
                                              "in one statement cannot be one multiple-choice question")
            skipped.append({"id": item.id, "kind": item.kind, "reason": reason})
            return None
        shown = cloze_as_choice(item)
        change = {"id": item.id, "kind": item.kind, "to": "multichoice",
                  "reason": "GIFT has no select-missing-words question; the one gap is asked as multiple choice"}
    else:
        writable = isinstance(item, (MultipleChoice, TrueFalse, Matching, Essay, Numerical))
        problem = moodle_problem(item) if writable else "not a kind GIFT can express"
        if problem:
            skipped.append({"id": item.id, "kind": item.kind, "reason": problem})
            return None
        shown, change = item, None
    shown, problem, fit = moodle_fit(shown, category_names)
    if problem:
        skipped.append({"id": item.id, "kind": item.kind, "reason": problem})
        return None
    lost, details = [], []
    if isinstance(item, Essay):
        if item.grader_info:
            lost.append("grader information")
        if item.response_lines != GIFT_ESSAY_LINES:
            lost.append("response box size")
            details.append(f"{item.response_lines} lines; GIFT sets {GIFT_ESSAY_LINES}")
    if isinstance(item, MultipleChoice) and item.ordered:
        lost.append("its fixed option order")
        details.append("values in numerical order; GIFT cannot turn shuffling off, so Moodle applies its site default")
    if fit:
        lost.append(fit["lost"])
        details.append(fit["reason"])
    if name_change(item):
        lost.append(NAME_LOSS)
        details.append("Moodle strips <...> tags from question names")
    if lost:
        reason = f"GIFT {item.kind} without " + " and ".join(lost) + (f" ({'; '.join(details)})" if details else "")
        change = change or {"id": item.id, "kind": item.kind, "to": shown.kind, "reason": ""}
        change["lost"] = "; ".join(lost)
        change["reason"] = "; ".join(filter(None, [change["reason"], reason]))
    if change:
        converted.append(change)
    return shown


def write(bank: Bank, out_dir: Path, options: WriteOptions) -> list[Output]:
    categories: list[dict[str, Any]] = []
    written: list[Item] = []
    converted: list[dict[str, str]] = []
    skipped: list[dict[str, str]] = []
    for topic, _path, families in moodle_categories(bank, options.category_root):
        for family_path, items in families:
            shown_items = []
            for item in items:
                shown = _render(item, converted, skipped, (bank.name, topic.title))
                if shown is not None:
                    shown_items.append(shown)
                    written.append(item)
            if shown_items:
                categories.append({"line": category_line(family_path), "questions": _Questions(shown_items)})
    env = environment(FORMAT, options.templates)
    env.filters.update(gift_text=text, gift_escape=escape)
    # Streamed: each question's context is made when the template reaches it, the file written
    # chunk by chunk (the whole bank was one string, and every question's context held at once).
    render_to(env.get_template("questions.gift.j2"), out_dir / FILENAME, bank=bank, categories=categories)
    return [Output(FILENAME, FORMAT, count_kinds(written), skipped, converted)]


class _Questions(Sequence):
    """A category's questions for the template, each context made when it is read."""

    def __init__(self, shown: list[Item]) -> None:
        self.shown = shown

    def __len__(self) -> int:
        return len(self.shown)

    def __getitem__(self, n):
        if isinstance(n, slice):
            return [_question(item) for item in self.shown[n]]
        return _question(self.shown[n])


__all__ = ["write", "escape", "html_min", "text", "ordering_as_matching", "category_line", "FILENAME", "FORMAT"]
