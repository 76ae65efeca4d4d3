"""Key positions over the bank: a seeded random shuffle, redrawn if it lands in the 5% tail.

Each item's option order comes from its own seeded RNG. A uniform shuffle still gives a
bank whose key positions fail the chi-square test (p < 0.05) for one seed in twenty; then
every item is reshuffled with the next salt, deterministically, until the bank passes. The
order stays random (no hand balancing, which Attali & Bar-Hillel warn against), and the
same topics and seed always give the same bank.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from qbank.generate.options import arrange
from qbank.generate.stats import key_position_p
from qbank.model import Item, MultipleChoice

ALPHA = 0.05
MIN_ITEMS = 8  # below this the test says nothing; leave the shuffle alone (a small bank clusters keys by chance too)
MAX_SALTS = 50


def settle_key_positions(items: Sequence[Item], seed: int) -> list[Item]:
    """The items, reshuffled with a salted seed only when the bank's key positions fail the test."""
    items = list(items)
    # (values in numerical order keep it: their key's place is its rank, not a shuffle)
    single = [n for n, i in enumerate(items) if isinstance(i, MultipleChoice) and not i.multiple and not i.ordered]
    if len(single) < MIN_ITEMS or key_position_p([items[n] for n in single]) >= ALPHA:
        return items
    for salt in range(1, MAX_SALTS + 1):
        trial = list(items)
        for n in single:
            item = trial[n]
            trial[n] = dataclasses.replace(item, choices=arrange(item.choices, seed, f"{item.id}#{salt}"))
        if key_position_p([trial[n] for n in single]) >= ALPHA:
            return trial
    return items
