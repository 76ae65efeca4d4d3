"""Last checks on what a build writes: printable names, and XML that parses back.

Topic text is cleaned as it is read (qbank.decoding.clean); the strings that come from
options (``--name``, ``--category-root``) are cleaned here, the same way. Before a build
replaces anything, every XML file it wrote (loose, or inside a zip package) is parsed
back: a user's template, or a bug, cannot publish a file Moodle or an LMS would refuse.
"""

from __future__ import annotations

import dataclasses
import zipfile
from collections.abc import Collection, Sequence
from pathlib import Path

from lxml import etree

from qbank.decoding import clean
from qbank.errors import QbankError

DEFAULT_ROOT = "$course$/top"


def clean_name(name: str, options):
    """The bank name and category root cleaned of control and invisible characters; an empty name is refused."""
    bank_name = clean(str(name))
    if not any(ch.isalnum() for ch in bank_name):
        raise QbankError(f"the bank name {name!r} has no letters or digits; give --name (or `name` in qbank.toml) a visible name")
    root = clean(str(options.category_root)).rstrip("/").strip()
    if not root:
        raise QbankError(f"the category root {options.category_root!r} is empty; give --category-root a Moodle "
                         f"category path such as {DEFAULT_ROOT}")
    if root != options.category_root:
        options = dataclasses.replace(options, category_root=root)
    return bank_name, options


WHOLE = 1 << 20  # files up to this size are parsed in one call (a package's items); larger ones as a stream
_PARSER = dict(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)


def _parse(stream, where: str, size: int | None = None) -> None:
    """Parse as a stream, dropping each element once read: memory stays flat for any size.

    A small file (``size`` up to WHOLE) is parsed in one call, in C: the same parser and
    options, without a Python step per element (that was most of the time for a package of
    thousands of one-item files)."""
    try:
        # no entities, no network, no DTD loading: a written file is checked, never trusted
        if size is not None and size <= WHOLE:
            etree.fromstring(stream.read(), etree.XMLParser(**_PARSER))
            return
        for _, element in etree.iterparse(stream, events=("end",), **_PARSER):
            element.clear()
            while element.getprevious() is not None:
                del element.getparent()[0]
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or 0
        raise QbankError(f"a written file is not well-formed XML ({exc.msg}); nothing was replaced "
                         "(if you use --templates, check that template)", where, line) from None


def check_well_formed(root: Path, only: Sequence[str] | None = None, skip: Collection[str] = ()) -> None:
    """Parse every ``*.xml`` under ``root`` and every ``*.xml`` inside every ``*.zip`` there
    (``only``: just these paths relative to ``root``; ``skip``: not these, checked already)."""
    paths = sorted(root.rglob("*")) if only is None else [root / p for p in sorted(only)]
    for path in paths:
        if not path.is_file():
            continue
        rel = path.relative_to(root).as_posix()
        if rel in skip:
            continue
        if path.suffix == ".xml":
            with path.open("rb") as fh:
                _parse(fh, rel, path.stat().st_size)
        elif path.suffix == ".zip":
            with zipfile.ZipFile(path) as zf:
                for info in zf.infolist():
                    if info.filename.endswith(".xml"):
                        with zf.open(info) as fh:
                            _parse(fh, f"{rel}/{info.filename}", info.file_size)
