"""Readers for what qbank writes: parse an output file back into model items.

They exist to prove round trips (tests) and could back a future ``qbank convert``.
Each reader follows Moodle's importer for its format, so what it reads is what Moodle
would store; anything Moodle would reject is reported in ``errors``.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from qbank.model import Item


@dataclass
class ReadQuestion:
    """One question as read back: its category path, the item, and grades as written."""

    category: str
    item: Item
    qtype: str  # Moodle's qtype as the importer decides it
    fractions: list[float] = field(default_factory=list)  # per answer, as a fraction (0.3333333)
    extra: dict = field(default_factory=dict)


@dataclass
class ReadBank:
    questions: list[ReadQuestion] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # what Moodle's importer would report


_P = re.compile(r"^<p>(.*)</p>$", re.S)


def html_to_text(value: str, strip_paragraph: bool = True) -> str:
    """Undo the writers' HTML: drop one wrapping <p>…</p>, then unescape entities."""
    if strip_paragraph:
        m = _P.match(value)
        if m:
            value = m.group(1)
    return html.unescape(value)


def limit_errors(item: Item, category_names: list[str]) -> list[str]:
    """What a real Moodle would fail on or cut while saving this question: the column sizes of
    qbank/writers/moodle_limits.py (the importer's PHP code alone does not show them)."""
    from qbank.model import Matching
    from qbank.writers.moodle_limits import over_limit

    found = [over_limit("ID number", item.id), over_limit("question name", item.title)]
    found += [over_limit("category name", name) for name in category_names]
    found += [over_limit("tag", tag) for tag in item.tags]
    if isinstance(item, Matching):
        found += [over_limit("matching answer", a) for a in [p.answer for p in item.pairs] + list(item.extra_answers)]
    return [f"{item.id or item.title}: {problem}" for problem in found if problem]


def html_lines_to_text(value: str) -> str:
    """Undo :func:`qbank.templating.html_lines`: paragraphs become lines, list items '- ' lines."""
    lines = re.findall(r"<p>(.*?)</p>|<li>(.*?)</li>", value, re.S)
    if not lines:
        return html_to_text(value)
    return "\n".join(html.unescape(p) if p else "- " + html.unescape(li) for p, li in lines)
