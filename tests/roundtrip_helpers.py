"""What both round-trip test modules share: writing a bank, Moodle's grade rules, expectations."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from qbank.model import Bank, Cloze, Item, Numerical
from qbank.readback import ReadBank
from qbank.writers import WriteOptions, writer_for
from qbank.writers.shared import GROUP_PREFIX, MOODLE_FRACTIONS, category_path, family_label, group_homes

# question_bank::fraction_options_full(), compared as match_grade_options() does in 'error' mode.
ALLOWED = [f for f in MOODLE_FRACTIONS] + [-f for f in MOODLE_FRACTIONS if f]


def allowed(fraction: float) -> bool:
    return any(abs(fraction - f) < 0.00001 for f in ALLOWED)


def write(bank: Bank, out: Path, fmt: str):
    out.mkdir(parents=True, exist_ok=True)
    [output] = writer_for(fmt)(bank, out, WriteOptions())
    return output


def carried(item: Item, bank: Bank | None = None) -> Item:
    """The item as a file carries it: the topic slug and source lines are not written;
    a cloze gap's own feedback has no place in gapselect (it is in the general feedback);
    a numerical item's ``value`` (the key with its unit, for reports) is not written; an item of a
    variant group is read back in the family its group's category sits under (``bank`` given)."""
    if isinstance(item, Cloze):
        item = replace(item, gaps=tuple(replace(g, feedback="") for g in item.gaps))
    if isinstance(item, Numerical):
        item = replace(item, value="")  # the value as the notes write it is for reports, never written
    if bank is not None and item.group:  # read from the category: a group's one category is in its home family
        item = replace(item, family=group_homes(bank.items_for(item.topic))[item.group])
    return replace(item, topic="", sources=())


def expected_category(bank: Bank, item: Item) -> str:
    """Topic / family, and beneath the family one category per variant group (a quiz draws one of them)."""
    home = group_homes(bank.items_for(item.topic)).get(item.group, item.family)
    family = category_path("$course$/top", bank.name, bank.topic(item.topic).title, family_label(home))
    return category_path(family, GROUP_PREFIX + item.group) if item.group else family


def assert_moodle_grades(read: ReadBank) -> None:
    """Every grade from Moodle's list; keys score full marks in Moodle's question engine."""
    for q in read.questions:
        if q.qtype != "multichoice":
            continue
        assert len(q.item.choices) >= 2, q.item.id  # qformat_gift check_answer_count(2), qtype_multichoice
        assert all(allowed(f) for f in q.fractions), (q.item.id, q.fractions)
        keys = [f for f in q.fractions if f > 0]
        if q.item.multiple:
            # save_question_options(): round(sum of positive fractions, 2) must be 1 ...
            assert round(sum(keys), 2) == 1, (q.item.id, q.fractions)
            # ... and ours are tighter: 100 +/- 0.0001 percent
            assert abs(sum(keys) * 100 - 100) <= 0.0001, (q.item.id, q.fractions)
        else:
            assert max(q.fractions) == 1 and keys == [1.0], (q.item.id, q.fractions)
        # choosing exactly the keys: question_state::graded_state_for_fraction() says right above 0.999999
        assert min(1.0, sum(keys)) > 0.999999
