"""Generation: one module per item family, each a function ``generate(topics, seed)``.

FAMILIES maps a family name to its module; the order here is the order items appear
in a bank.
"""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import partial

from qbank.model import Bank, Diagnostic, Item, Topic, TrueFalse

FAMILIES: dict[str, str] = {
    "concept": "qbank.generate.concepts",
    "matching": "qbank.generate.matching",
    "misconception": "qbank.generate.misconceptions",
    "model": "qbank.generate.models",
    "scenario": "qbank.generate.scenario",
    "numeric": "qbank.generate.numeric",
    "cloze": "qbank.generate.cloze",
    "essay": "qbank.generate.essays",
}


PARALLEL_TOPICS = 20  # fewer topics than this generate in one process: starting workers costs more


def generate_items(topics: Sequence[Topic], seed: int = 0, workers: int = 1) -> list[Item]:
    """Every family's items for these topics, topic by topic, duplicates (same id) collapsed.

    With ``workers`` > 1 the families run side by side in worker processes; the items are
    the same, in the same order."""
    from qbank.generate.facts import build_facts
    from qbank.parallel import run_tasks

    if workers > 1 and len(topics) >= PARALLEL_TOPICS:
        build_facts(topics)  # once, before the workers fork: they inherit it
    else:
        workers = 1
    produced: list[Item] = []
    tasks = [partial(_family_items, name, topics, seed) for name in FAMILIES]
    for items in run_tasks(tasks, workers):
        produced.extend(items)
    order = {t.slug: n for n, t in enumerate(topics)}
    seen: set[str] = set()
    unique: list[Item] = []
    for item in sorted(produced, key=lambda i: order.get(i.topic, 0)):  # stable: family order kept
        if item.id not in seen:
            seen.add(item.id)
            unique.append(item)
    # No item answers another: a stem that prints another item's key costs one of them.
    from qbank.generate.leaks import drop_leaking, group_shared_options, group_value_statements
    from qbank.generate.statements import drop_unsound_statements

    unique = group_value_statements(drop_unsound_statements(unique))
    unique, _ = drop_leaking(unique, scope=build_facts(topics).scope)
    unique = keep_true_false_pairs(unique)
    unique = group_shared_options(unique)
    # A variant group of one is no group: writers make a category (section) only where a quiz must choose.
    sizes = Counter(i.group for i in unique if i.group)
    unique = [i if sizes[i.group] > 1 or not i.group else replace(i, group="") for i in unique]
    from qbank.generate.positions import settle_key_positions

    return settle_key_positions(unique, seed)


def keep_true_false_pairs(items: list[Item]) -> list[Item]:
    """True/false items re-paired once the filters have run (``misconceptions.pair_up``: like length,
    every surface feature as common among true as among false statements), so a statement dropped
    for leaking or leaning on its bullet does not leave its partner unbalanced. Unpaired items are
    dropped (a bank is never padded); the bank ends exactly half true."""
    from qbank.generate.misconceptions import pair_up

    tf = [i for i in items if isinstance(i, TrueFalse)]
    entries = [(i.id, i.stem, i.sources[0] if i.sources else i.id, None) for i in tf]
    keep = {i for i, _ in pair_up([e for e, i in zip(entries, tf) if not i.answer],
                                  [e for e, i in zip(entries, tf) if i.answer])}
    return [i for i in items if not isinstance(i, TrueFalse) or i.id in keep]


def _family_items(family: str, topics: Sequence[Topic], seed: int) -> list[Item]:
    from qbank.timings import task

    with task(f"family:{family}"):
        return importlib.import_module(FAMILIES[family]).generate(topics, seed)


def build_bank(
    topics: Sequence[Topic], seed: int = 0, name: str = "qbank", diagnostics: Sequence[Diagnostic] = (),
    workers: int = 1,
) -> Bank:
    from qbank.generate import caches

    bank = Bank(
        name=name,
        topics=tuple(topics),
        items=tuple(generate_items(topics, seed, workers)),
        seed=seed,
        diagnostics=tuple(diagnostics) + tuple(cross_topic_diagnostics(topics)),
    )
    caches.release(topics)  # the topic index's lookups and text caches: the audit and writers need none of it
    return bank


def cross_topic_diagnostics(topics: Sequence[Topic]) -> list[Diagnostic]:
    """Warnings where topic files contradict each other (e.g. an acronym letter expanded two ways)."""
    from qbank.generate.facts import build_facts

    return list(build_facts(topics).diagnostics)
