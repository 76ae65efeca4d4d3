"""The trunk: topics read from notes, and the items generated from them.

Nothing here knows a file format. Readers produce :class:`Topic`; generators turn
topics into :class:`Item` kinds; writers consume a :class:`Bank`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property


class Section(str, Enum):
    """The five headings of a topic file, in their canonical order."""

    SYNOPSIS = "Topic Synopsis"
    CONCEPTS = "Key Concepts & Core Principles"
    TIPS = "Exam Tips & Revision Strategies"
    MISCONCEPTIONS = "Common Misconceptions & Mistakes to Avoid"
    MARKING = "Examiner Marking Points"


@dataclass(frozen=True)
class Source:
    """Where a piece of text came from: a topic file (as given, never absolute) and a line."""

    path: str
    line: int
    section: Section | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Bullet:
    """One bullet of a section, with continuation lines already joined."""

    text: str
    source: Source


@dataclass(frozen=True)
class Concept:
    """A key concept: ``- Term: definition``, split at the first colon."""

    term: str
    definition: str
    source: Source


@dataclass(frozen=True)
class Topic:
    """One topic file, parsed. ``slug`` is unique within a bank."""

    slug: str
    title: str
    path: str
    sha256: str
    synopsis: str = ""
    synopsis_source: Source | None = None
    concepts: tuple[Concept, ...] = ()
    tips: tuple[Bullet, ...] = ()
    misconceptions: tuple[Bullet, ...] = ()
    marking_points: tuple[Bullet, ...] = ()
    # the items of a list under a sub-heading of the notes' own ("Sowing a seed tray", "Safe
    # isolation – the steps"), each "<sub-heading> — <item>": read for essay guidance only
    steps: tuple[Bullet, ...] = ()
    # the text under the notes' own sub-headings that name no section ("Registration", "Tests and
    # typical pass values"), one bullet per item or paragraph, with each sub-heading (line, as
    # written): read for the values they state, not for terms or mistakes
    notes: tuple[Bullet, ...] = ()
    note_headings: tuple[tuple[int, str], ...] = ()
    # each section's heading as the notes write it ("Core ideas" for key concepts): what learner
    # feedback cites, so a learner can find the passage
    headings: tuple[tuple[str, str], ...] = ()
    # each sample-question block's heading (its line, as written less decoration and tariff): what the
    # feedback on its essays cites ("SECTION 8 - Sample written question", not the tips' heading, h53)
    question_headings: tuple[tuple[int, str], ...] = ()
    tags: tuple[str, ...] = ()
    unit: str | None = None
    named: bool = True  # False: ``title`` is only the file's opaque name (a hash); stems do not name the topic


class Severity(str, Enum):
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Diagnostic:
    """A problem found in the input, reported as ``file:line: severity: message``."""

    severity: Severity
    message: str
    path: str
    line: int = 0

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity.value}: {self.message}"


# --- items -----------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Item:
    """Fields every item kind shares.

    ``id`` is a content hash: stable across rebuilds and independent of the option
    order the seed chooses. ``family`` is the generator that made it (concept,
    matching, misconception, model, essay); ``kind`` is the question type.
    """

    id: str
    family: str
    topic: str  # Topic.slug
    title: str  # short question name, as Moodle shows it in the bank
    stem: str
    general_feedback: str = ""
    sources: tuple[Source, ...] = ()
    tags: tuple[str, ...] = ()
    # Items that test the same fact share a group: a quiz should draw one of them (writers give
    # each group of two or more its own category/section). Empty: the item stands alone.
    group: str = ""

    kind = "item"


@dataclass(frozen=True)
class Choice:
    """One option of a multiple-choice item; ``feedback`` says why it is right or wrong."""

    text: str
    correct: bool
    feedback: str = ""


@dataclass(frozen=True, kw_only=True)
class MultipleChoice(Item):
    """Single-answer (exactly one correct choice) or multi-answer (``multiple=True``)."""

    choices: tuple[Choice, ...]
    multiple: bool = False
    # The options are shown in this order (values of one unit, ascending): no writer shuffles them.
    # "Options in illogical order" is a flaw (NBME); examiners asked for numbers in numerical order.
    ordered: bool = False
    kind = "multichoice"

    @property
    def keys(self) -> tuple[Choice, ...]:
        return tuple(c for c in self.choices if c.correct)


@dataclass(frozen=True, kw_only=True)
class TrueFalse(Item):
    """A statement keyed true or false; feedback for each response the learner can give."""

    answer: bool
    feedback_true: str = ""  # shown to a learner who answered "True"
    feedback_false: str = ""  # shown to a learner who answered "False"
    kind = "truefalse"


@dataclass(frozen=True)
class Pair:
    prompt: str
    answer: str


@dataclass(frozen=True, kw_only=True)
class Matching(Item):
    """Prompts to match to answers; ``extra_answers`` are unused answers (no prompt)."""

    pairs: tuple[Pair, ...]
    extra_answers: tuple[str, ...] = ()
    kind = "matching"


@dataclass(frozen=True, kw_only=True)
class Ordering(Item):
    """Steps to put in order; ``steps`` is the correct order."""

    steps: tuple[str, ...]
    kind = "ordering"


@dataclass(frozen=True, kw_only=True)
class Essay(Item):
    """An open prompt with guidance for the marker (never shown to the learner)."""

    grader_info: str
    response_lines: int = 15
    kind = "essay"


@dataclass(frozen=True)
class Gap:
    """One gap of a cloze item: the key, wrong words of the same kind, and why the key fits."""

    key: str
    distractors: tuple[str, ...]
    feedback: str = ""


@dataclass(frozen=True, kw_only=True)
class Cloze(Item):
    """A statement with gaps, each filled by choosing from its own list (Moodle "select missing words").

    ``parts`` is the text around the gaps: ``parts[0] gap1 parts[1] gap2 ... parts[-1]``,
    so ``len(parts) == len(gaps) + 1``. ``stem`` is the same text with "____" for each gap
    (for indexes and audits); writers show ``parts`` with a list of choices in each gap.
    """

    parts: tuple[str, ...]
    gaps: tuple[Gap, ...]
    kind = "cloze"

    def text_with(self, fills: tuple[str, ...] | list[str]) -> str:
        """The statement with each gap replaced by ``fills[n]`` (e.g. "[[1]]" placeholders or the keys)."""
        out = [self.parts[0]]
        for fill, part in zip(fills, self.parts[1:]):
            out.append(fill)
            out.append(part)
        return "".join(out)


@dataclass(frozen=True, kw_only=True)
class Numerical(Item):
    """A number the learner types in (Moodle "numerical", GIFT ``{#…}``, a QTI text entry of a float).

    ``answer`` is the key as a plain decimal ("63", "0.5", "2000": no unit, no thousands separator);
    ``tolerance`` the error accepted either side ("0": exactly the key). The stem prints the unit
    beside the blank, so the learner types the number only. ``feedback_correct`` is shown for the
    key, ``feedback_wrong`` for any other number.
    """

    answer: str
    tolerance: str = "0"
    feedback_correct: str = ""
    feedback_wrong: str = ""
    value: str = ""  # the key as the notes write it, unit and all ("63°C"): for reports and leak checks, never written
    kind = "numerical"


ITEM_KINDS: tuple[type[Item], ...] = (MultipleChoice, TrueFalse, Matching, Ordering, Essay, Cloze, Numerical)


@dataclass(frozen=True)
class Bank:
    """Everything one build produces before it is written."""

    name: str
    topics: tuple[Topic, ...]
    items: tuple[Item, ...]
    seed: int = 0
    diagnostics: tuple[Diagnostic, ...] = ()
    meta: dict = field(default_factory=dict, compare=False, hash=False)

    def topic(self, slug: str) -> Topic:
        return self._topics_by_slug[slug]

    def items_for(self, slug: str) -> tuple[Item, ...]:
        return self._items_by_topic.get(slug, ())

    # Indexes built on first use: scanning every item for every topic made writing a
    # 1,000-topic bank quadratic. cached_property stores into __dict__, which a frozen
    # dataclass allows; the fields (and so equality and hashing) are untouched.
    @cached_property
    def _topics_by_slug(self) -> dict[str, Topic]:
        return {t.slug: t for t in reversed(self.topics)}  # reversed: the first topic wins, as before

    @cached_property
    def _items_by_topic(self) -> dict[str, tuple[Item, ...]]:
        groups: dict[str, list[Item]] = {}
        for item in self.items:
            groups.setdefault(item.topic, []).append(item)
        return {slug: tuple(items) for slug, items in groups.items()}
