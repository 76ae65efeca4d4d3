"""Writers are leaves: each turns a Bank into files in one format.

WRITERS maps a format name to ``module:function``; the function has the signature
``write(bank, out_dir, options) -> list[Output]``. Adding a format is one module,
one template folder and one line here. Imports are lazy so ``qbank --help`` stays fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from qbank.model import Bank

WRITERS: dict[str, str] = {
    "moodle-xml": "qbank.writers.moodle_xml:write",
    "gift": "qbank.writers.gift:write",
    "bank-json": "qbank.bankjson:write",
    "qti21": "qbank.writers.qti21:write",
    "qti12-canvas": "qbank.writers.qti12:write",
    "qti30": "qbank.writers.qti30:write",
    "preview": "qbank.writers.preview:write",
    "observation-checklist": "qbank.writers.observation:write",
}


@dataclass
class WriteOptions:
    templates: str | None = None  # a user's template folder (overrides shipped templates)
    category_root: str = "$course$/top"
    schemas: str | None = None  # a folder of official XSDs: packages are also validated against them


@dataclass
class Output:
    """One file a writer produced, as the manifest lists it."""

    path: str  # relative to the build directory, POSIX separators
    format: str
    counts: dict[str, int] = field(default_factory=dict)  # items by question type
    skipped: list[dict[str, str]] = field(default_factory=list)  # items this format cannot express
    # items written in a changed form (e.g. ordering as matching) or with something lost
    converted: list[dict[str, str]] = field(default_factory=list)


Writer = Callable[[Bank, Path, WriteOptions], list[Output]]


def writer_for(fmt: str) -> Writer:
    try:
        target = WRITERS[fmt]
    except KeyError:
        raise KeyError(f"unknown format '{fmt}' (known: {', '.join(WRITERS)})") from None
    module, _, func = target.partition(":")
    return getattr(importlib.import_module(module), func)


def count_kinds(items) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in items:
        counts[item.kind] = counts.get(item.kind, 0) + 1
    return dict(sorted(counts.items()))
