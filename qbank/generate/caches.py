"""Generation's caches, emptied once a bank is generated (issue 14: peak memory).

The topic index (``facts._build``) and the per-text caches of the generate modules hold
every bullet shaped, stemmed and compared many ways: useful while items are made, dead
weight once they are. The audit and the writers (forked from this process) need none of
it, so it is dropped before they start; a later ``build_bank`` rebuilds what it needs.
"""

from __future__ import annotations

import gc
import sys


def release() -> None:
    """Empty every ``functools`` cache of the ``qbank.generate`` modules loaded (the facts index included)."""
    for name, module in list(sys.modules.items()):
        if module is None or not (name == "qbank.generate" or name.startswith("qbank.generate.")):
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and getattr(value, "__module__", None) == name:
                clear()
    gc.collect()
