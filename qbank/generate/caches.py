"""Generation's caches, emptied once a bank is generated (issue 14: peak memory).

The topic index's lookups and the per-text caches of the generate modules hold
every bullet shaped, stemmed and compared many ways: useful while items are made, dead
weight once they are. The audit and the writers (forked from this process) need none of
it, so it is dropped before they start; a later ``build_bank`` rebuilds what it needs.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence

from qbank.model import Topic


def release(topics: Sequence[Topic] = ()) -> None:
    """Empty every ``functools`` cache of the ``qbank.generate`` modules loaded.

    The topic index of ``topics`` is kept, without the lookups it built while items were
    made (the manifest's coverage asks it a few questions again; rebuilding it costs more)."""
    from qbank.generate.facts import _build, build_facts

    if topics:
        facts = build_facts(topics)
        for key in [k for k in vars(facts) if k.startswith("_")]:
            del facts.__dict__[key]  # distances, neighbourhoods, stem indexes, pools: rebuilt on demand
    for name, module in list(sys.modules.items()):
        if module is None or not (name == "qbank.generate" or name.startswith("qbank.generate.")):
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and getattr(value, "__module__", None) == name and value is not _build:
                clear()
    gc.collect()
