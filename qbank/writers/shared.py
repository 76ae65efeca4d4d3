"""What several writers need: Moodle's fixed grade fractions, category paths."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import lru_cache

from qbank.model import Bank, Cloze, Item, Matching, MultipleChoice, Numerical, Ordering, Topic
from qbank.writers.moodle_limits import LIMITS, over_limit, shorten

# question/format/xml/format.php and question_bank::fraction_options_full(): an answer
# grade must be one of these (or its negative) within 0.00001 when importing in 'error' mode.
MOODLE_FRACTIONS: tuple[float, ...] = (
    1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3,
    0.25, 0.2, 0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0.0,
)


@lru_cache(maxsize=256)  # a handful of distinct grades, asked for once per option
def moodle_percent(fraction: float) -> str:
    """A fraction (-1..1) as the percentage Moodle accepts, e.g. 1/3 -> '33.33333'."""
    sign = -1 if fraction < 0 else 1
    nearest = min(MOODLE_FRACTIONS, key=lambda f: abs(f - abs(fraction)))
    if abs(nearest - abs(fraction)) > 0.0005:
        raise ValueError(f"{fraction} is not a grade Moodle accepts")
    text = f"{sign * nearest * 100:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "0") else text


def multi_answer_fractions(n_correct: int, n_wrong: int) -> tuple[str, str]:
    """Percentages for a multi-answer item: each key 100/k; each wrong option -100/w (floor 0 overall)."""
    right = moodle_percent(1 / n_correct)
    wrong = moodle_percent(-1 / n_wrong) if n_wrong else "0"
    return right, wrong


def category_name(name: str, fallback: str = "qbank") -> str:
    """One level of a Moodle category path: no '/' at either end (Moodle's split_category_path()
    would read the level's escaped '//' beside the separator as part of one name), never empty,
    and at most LIMITS["category name"] characters (a longer one would stop the import with
    "value too long"), shortened at a word."""
    text = name.strip().strip("/").strip()
    return shorten(text if text else fallback, LIMITS["category name"].size)


def category_path(root: str, *names: str) -> str:
    """A Moodle category path under ``root``; a '/' inside a name is written '//' as Moodle expects.
    Each name is first made a valid level (:func:`category_name`)."""
    return "/".join([root.rstrip("/"), *(category_name(n).replace("/", "//") for n in names)])


def category_titles(bank: Bank) -> dict[str, str]:
    """Each topic's category name: its title, made unique (a later topic with the same title gets
    ' (its slug)', so two files titled alike never share a category; the reader warns about it).
    Titles are compared as shortened to Moodle's column size, and the suffix always fits."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for topic in bank.topics:
        name = category_name(topic.title, topic.slug)
        key = " ".join(name.casefold().split())  # as Moodle compares names (case-insensitive in MySQL)
        if key in taken:
            suffix = f" ({topic.slug})"
            name = shorten(name, max(LIMITS["category name"].size - len(suffix), 20)) + suffix
        taken.add(key)
        names[topic.slug] = name
    return names


# Moodle's multichoice save_question_options() rejects a multi-answer item unless
# round(sum of positive fractions, 2) == 1, i.e. the keys must add up to 100% within 0.005.
MULTI_ANSWER_SUM_TOLERANCE = 0.005

# Category label per family (the level beneath the topic), so a quiz can draw random
# questions per topic and family. Unknown families use their own name.
FAMILY_LABELS: dict[str, str] = {
    "concept": "Concepts",
    "matching": "Matching",
    "misconception": "Misconceptions",
    "model": "Models and acronyms",
    "essay": "Essays",
    "scenario": "Scenarios",
    "numeric": "Values",
    "cloze": "Missing words",
    "ordering": "Ordering",
    "truefalse": "True or false",
}


def family_label(family: str) -> str:
    return FAMILY_LABELS.get(family, family)


GROUP_PREFIX = "Variants "  # a category of items that test one fact: a random-question slot draws one


def moodle_categories(bank: Bank, root: str) -> Iterator[tuple[Topic, str, list[tuple[str, list[Item]]]]]:
    """The Moodle category layout both Moodle writers share: per topic ``(topic, path, families)``,
    ``families`` a list of ``(category path, items)`` in first-seen order: each family's items that
    stand alone, then one subcategory per variant group (``Item.group``) beneath the family."""
    titles = category_titles(bank)
    for topic in bank.topics:
        topic_path = category_path(root, bank.name, titles[topic.slug])
        items = bank.items_for(topic.slug)
        # a variant group is one category (a random-question slot draws from one), beneath the family
        # of its first item, even where its members come from two families (a value item and the
        # true statement that says the same thing)
        home = group_homes(items)
        families: list[tuple[str, list[Item]]] = []
        for family in dict.fromkeys(i.family for i in items):  # first-seen order, deterministic
            family_path = category_path(topic_path, family_label(family))
            own = [i for i in items if i.family == family]
            families.append((family_path, [i for i in own if not i.group]))
            for group in dict.fromkeys(i.group for i in items if i.group and home[i.group] == family):
                families.append((category_path(family_path, GROUP_PREFIX + group), [i for i in items if i.group == group]))
        yield topic, topic_path, families


def group_homes(items: Sequence[Item]) -> dict[str, str]:
    """Each variant group's family: the family of its first item (its Moodle category sits there)."""
    home: dict[str, str] = {}
    for i in items:
        if i.group:
            home.setdefault(i.group, i.family)
    return home


def family_and_group(names: list[str]) -> tuple[str, str]:
    """(family, group) from a category path split into names: the inverse of :func:`moodle_categories`."""
    if len(names) >= 2 and names[-1].startswith(GROUP_PREFIX):
        return family_from_label(names[-2]), names[-1][len(GROUP_PREFIX):]
    return (family_from_label(names[-1]), "") if names else ("", "")


def family_from_label(label: str) -> str:
    """The inverse of :func:`family_label` (readers use it to recover an item's family)."""
    for family, known in FAMILY_LABELS.items():
        if known == label:
            return family
    return label


def split_category_path(path: str) -> list[str]:
    """Moodle's split_category_path(): '/' separates levels, '//' is a literal slash."""
    return [part.replace("//", "/").strip() for part in re.split(r"(?<!/)/(?!/)", path)]


def ordinal(n: int) -> str:
    """1 -> '1st', 2 -> '2nd', 11 -> '11th' (position labels for ordering items written as matching)."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def moodle_problem(item: Item) -> str | None:
    """Why Moodle would reject this item on import (None if it would accept it).

    Mirrors the checks of qtype_multichoice/qtype_match/qtype_ordering save_question_options()
    and the GIFT importer's check_answer_count(): rejecting here keeps one bad item from
    failing a whole import in Moodle's default "stop on error" mode.
    """
    if isinstance(item, MultipleChoice):
        keys = len(item.keys)
        if len(item.choices) < 2:
            return "a multiple-choice item needs at least 2 choices"
        if any(not c.text.strip() for c in item.choices):
            return "a blank choice (Moodle drops blank answers on import)"
        if not item.multiple and keys != 1:
            return f"a single-answer item needs exactly 1 key, has {keys}"
        if item.multiple and keys < 1:
            return "a multi-answer item needs at least 1 key"
        try:
            if item.multiple:
                multi_answer_fractions(keys, len(item.choices) - keys)
        except ValueError as exc:
            return f"no Moodle grade fits: {exc}"
    if isinstance(item, Matching):
        if any(not p.prompt.strip() or not p.answer.strip() for p in item.pairs):
            return "a matching pair with a blank prompt or answer (Moodle reads it as an extra answer or drops it)"
        answers = {p.answer for p in item.pairs} | set(item.extra_answers)
        if len(item.pairs) < 2 or len(answers) < 3:
            return "a matching item needs at least 2 prompts and 3 different answers"
    if isinstance(item, Ordering) and len(item.steps) < 2:
        return "an ordering item needs at least 2 steps"
    if isinstance(item, Cloze):
        return cloze_problem(item)
    if isinstance(item, Numerical):
        return numerical_problem(item)
    return None


_DECIMAL = re.compile(r"-?\d+(?:\.\d+)?")


def numerical_problem(item: Numerical) -> str | None:
    """Why a numerical item cannot be written (None if it can): its key and tolerance must be plain
    decimals ("63", "0.5"), as Moodle's importers (is_numeric) and a QTI float need them."""
    if not _DECIMAL.fullmatch(item.answer or ""):
        return f"a numerical key must be a plain decimal number, not {item.answer[:40]!r}"
    if not _DECIMAL.fullmatch(item.tolerance or "") or item.tolerance.startswith("-"):
        return f"a numerical tolerance must be a decimal of 0 or more, not {item.tolerance[:40]!r}"
    return None


def cloze_problem(item: Cloze) -> str | None:
    """Why a cloze item cannot be a gapselect question (or a QTI inline choice): None if it can."""
    if not item.gaps or len(item.parts) != len(item.gaps) + 1:
        return "a cloze item needs at least one gap, and text around each"
    for n, gap in enumerate(item.gaps, 1):
        options = [gap.key, *gap.distractors]
        if len(options) < 2 or any(not o.strip() for o in options):
            return f"gap {n} needs a key and at least one distractor, none blank"
        if len({o.strip() for o in options}) != len(options):
            return f"gap {n} offers the same choice twice"
        if any(re.search(r"<[A-Za-z/!?]|\[\[\d+\]\]", o) for o in options):
            return f"gap {n} has a choice with a tag or a [[n]] placeholder (gapselect choices are plain text)"
    if any(re.search(r"\[\[\d+\]\]", p) for p in item.parts):
        return "a [[n]] placeholder in the text (gapselect reads it as a gap)"
    return None


# PHP strip_tags() treats '<' followed by a letter, '/', '!' or '?' as the start of a tag.
_TAG_LIKE = re.compile(r"<[A-Za-z/!?]")
NAME_LOSS = "tag-like text in the name"


def name_change(item: Item) -> dict[str, str] | None:
    """A ``converted`` entry if Moodle will not keep the question name as written.

    clean_question_name() runs PARAM_TEXT (strip_tags) on every imported name, XML or GIFT,
    so ``<b>`` and the like vanish from names (question text is unaffected: it is HTML-escaped).
    """
    if not _TAG_LIKE.search(item.title):
        return None
    return {"id": item.id, "kind": item.kind, "to": item.kind, "lost": NAME_LOSS,
            "reason": "Moodle strips <...> tags from question names (clean_question_name: PARAM_TEXT)"}


# PARAM_TAG (lib/classes/param.php clean_param_value_tag()): control characters and < > `
# are removed, runs of white space become one space, the tag is trimmed and cut to 255.
_TAG_DROPPED = re.compile(r"[\x00-\x1f\x7f<>`]")


def moodle_tag(tag: str) -> str:
    """The tag as Moodle stores it (core_tag_tag::normalize() -> PARAM_TAG)."""
    tag = re.sub(r"\s+", " ", _TAG_DROPPED.sub("", tag)).strip()
    return tag[: LIMITS["tag"].size]


def moodle_fit(item: Item, category_names: tuple[str, ...] = ()) -> tuple[Item, str | None, dict[str, str] | None]:
    """The item as Moodle stores it unchanged: ``(item, why it is withheld, converted entry)``.

    Over a limit that stops the import (LIMITS, moodle_limits.py), the item is withheld with the
    reason. A name over Moodle's size is shortened by qbank (at a word, so Moodle keeps it as
    written) and a tag Moodle would alter or cut is left out; both are listed as ``converted``,
    as is a category level (``category_names``: bank name, topic title) cut by category_name().
    """
    problem = over_limit("ID number", item.id)
    if problem is None and isinstance(item, Matching):
        for answer in [p.answer for p in item.pairs] + list(item.extra_answers):
            problem = problem or over_limit("matching answer", answer.strip())
    if problem:
        return item, problem, None
    lost, details = [], []
    title = item.title
    size = LIMITS["question name"].size
    if len(title.strip()) > size:
        title = shorten(title.strip(), size)
        lost.append("the end of the name")
        details.append(f"question name shortened to {size} characters (question.name)")
    tags = tuple(t for t in item.tags if moodle_tag(t) == t)
    if len(tags) < len(item.tags):
        dropped = [t for t in item.tags if t not in tags]
        lost.append("some tags")
        details.append("tags Moodle would alter (PARAM_TAG drops < > ` and control characters, "
                       f"joins white space, cuts at {LIMITS['tag'].size}): " + ", ".join(repr(t[:60]) for t in dropped))
    cut = [n for n in category_names if len(n.strip()) > LIMITS["category name"].size]
    if cut:
        lost.append("the end of the category name")
        details.append(f"category names over {LIMITS['category name'].size} characters shortened "
                       "(question_categories.name): " + ", ".join(repr(n[:60] + "…") for n in cut))
    tagged = [n for n in category_names if _TAG_LIKE.search(n)]
    if tagged:  # split_category_path() applies PARAM_TEXT to every level, as to names
        lost.append("tag-like text in the category name")
        details.append("Moodle strips <...> tags from category names: " + ", ".join(repr(n[:60]) for n in tagged))
    if not lost:
        return item, None, None
    change = {"id": item.id, "kind": item.kind, "to": item.kind, "lost": "; ".join(lost), "reason": "; ".join(details)}
    return replace(item, title=title, tags=tags), None, change
