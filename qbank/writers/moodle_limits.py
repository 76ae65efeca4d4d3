"""Moodle 4.5's column limits for what the Moodle XML and GIFT writers store, in one table.

A value over a limit is not a warning in Moodle: a ``varchar(n)`` column throws "value too
long" while the question is saved, the import (stop on error, the default) ends there and
every later question in the file is lost. Some fields are cut short by Moodle before saving
instead (question names, tags): the import succeeds but what is stored is not what was meant.

The sizes are characters (PostgreSQL ``varchar(n)`` and MySQL utf8mb4 count characters, as
Moodle's ``core_text::strlen`` does). Every ``text`` column (question text, general feedback,
answers, answer feedback, combined feedback, grader information, category info) has no
length limit in Moodle's supported databases, so only the ``char`` columns are listed.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limit:
    size: int  # characters
    column: str  # table.column
    install_xml: str  # the file of Moodle 4.5 that declares it
    over: str  # what Moodle does with a longer value


# The fields qbank writes into Moodle char columns (Moodle 4.5.6, Build 20250811).
LIMITS: dict[str, Limit] = {
    # clean_question_name() (question/format.php) shortens a longer name with "..." before saving.
    "question name": Limit(255, "question.name", "lib/db/install.xml", "shortened by Moodle"),
    "ID number": Limit(100, "question_bank_entries.idnumber", "lib/db/install.xml",
                       "'value too long': the import stops"),
    # create_category_path() inserts each level of the path as it is (after PARAM_TEXT).
    "category name": Limit(255, "question_categories.name", "lib/db/install.xml",
                           "'value too long': the import stops"),
    "category ID number": Limit(100, "question_categories.idnumber", "lib/db/install.xml",
                                "'value too long': the import stops"),  # qbank writes none
    # core_tag_tag::normalize() -> PARAM_TAG cuts a tag to TAG_MAX_LENGTH (255, lib/moodlelib.php).
    "tag": Limit(255, "tag.rawname", "lib/db/install.xml", "shortened by Moodle"),
    "matching answer": Limit(255, "qtype_match_subquestions.answertext", "question/type/match/db/install.xml",
                             "'value too long': the import stops"),
    # Choices of gapselect / ddwtos live in question_answers.answer (text) and Cloze
    # (multianswer) sub-questions in question (name 255, texts unlimited); numerical units:
    "numerical unit": Limit(50, "question_numerical_units.unit", "question/type/numerical/db/install.xml",
                            "'value too long': the import stops"),
    "numerical tolerance": Limit(255, "question_numerical.tolerance", "question/type/numerical/db/install.xml",
                                 "'value too long': the import stops"),
}


def over_limit(field: str, value: str) -> str | None:
    """Why ``value`` does not fit Moodle's column for ``field`` (None if it fits)."""
    limit = LIMITS[field]
    if len(value) <= limit.size:
        return None
    return (f"{field} of {len(value)} characters is over Moodle's limit of {limit.size} "
            f"({limit.column}, {limit.install_xml}: {limit.over})")


def shorten(text: str, size: int) -> str:
    """``text`` cut at a word boundary to at most ``size`` characters, ending in "…"."""
    if len(text) <= size:
        return text
    cut = text[: size - 1]
    if " " in cut[size // 2:]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-") + "…"


__all__ = ["LIMITS", "Limit", "over_limit", "shorten"]
