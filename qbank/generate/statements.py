"""Statements a learner reads must stand on their own.

A true/false statement or a quoted description is cut from the notes. Cut from its bullet it
may lean on what came before ("Many, such as …", "The terms are …", "It …"), start mid-sentence
(a lower-case first letter), hang on a vague word in scare quotes ("is “fine”"), or be a rule
rather than a description of its term ("An MOT fails a pad less than 1.5 mm thick", "18 for
alcohol …", "Since 2016 dogs must be microchipped …"). Examiners discard such items: they are
dropped here, whatever family made them. So is a "Which term is described here?" item whose key
alone starts a word the description also uses ("slightly acidic film" → "Acid mantle").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from qbank.model import Item, MultipleChoice, TrueFalse

# Openings that refer back to something the statement does not contain.
_LEANS_BACK = re.compile(
    r"^(?:many|some|most|few|several|both|either|neither|each|these|those|this|that|they|them|it|its|their|"
    r"such|the (?:terms?|former|latter|same|above|following|others?)|here|there is|one of them|another)\b",
    re.IGNORECASE)
_SCARE_QUOTE = re.compile(r"[\"“”‘’']\w[\w\s-]{0,20}[\"“”‘’']")
# A description names what its term is; these openings and words make it a rule or a fact instead.
_RULE_OPENING = re.compile(r"^(?:\d|since\b|for\b|from\b|by\b|under\b|within\b|after\b|before\b|if\b|when\b|in (?:england|scotland|wales|the uk)\b)",
                           re.IGNORECASE)
_RULE_WORD = re.compile(r"\b(?:must|must not|shall|fails?|is (?:illegal|required)|are (?:illegal|required)|by law)\b", re.IGNORECASE)
_DESCRIBED = re.compile(r"^Which term is described here\? [“\"](.*)[”\"]$", re.DOTALL)
MIN_DESCRIPTION_WORDS = 6


def stands_alone(statement: str) -> bool:
    """True when a statement cut from the notes reads as a complete claim on its own."""
    text = statement.strip().lstrip("\"“‘'(")
    if not text or not text[0].isupper():
        return False
    if _LEANS_BACK.match(text):
        return False
    return not _SCARE_QUOTE.search(statement)


def describes(description: str) -> bool:
    """True when a quoted definition describes its term rather than stating a rule or a fragment."""
    text = description.strip()
    if len(text.split()) < MIN_DESCRIPTION_WORDS or not stands_alone(text):
        return False
    return not (_RULE_OPENING.match(text) or _RULE_WORD.search(text))


_WORDS = re.compile(r"[^\W\d_]{4,}")
PREFIX = 4  # "acidic" ~ "Acid mantle", "refused" ~ "Refusals log": a shared word start is a clang


def _starts(text: str) -> set[str]:
    return {w.casefold()[:PREFIX] for w in _WORDS.findall(text)}


def clangs(stem: str, key: str, distractors: Sequence[str]) -> bool:
    """True when the key alone shares a word start with the stem (no distractor does): a learner
    who knows nothing picks the option that echoes the question."""
    heard = _starts(stem)
    if not _starts(key) & heard:
        return False
    return not any(_starts(d) & heard for d in distractors)


def drop_unsound_statements(items: Sequence[Item]) -> list[Item]:
    """Items whose printed statement stands on its own (other items unchanged)."""
    out: list[Item] = []
    for item in items:
        if isinstance(item, TrueFalse) and not stands_alone(item.stem):
            continue
        if isinstance(item, MultipleChoice) and (m := _DESCRIBED.match(item.stem)):
            keys = [c.text for c in item.choices if c.correct]
            wrong = [c.text for c in item.choices if not c.correct]
            if not describes(m.group(1)) or (len(keys) == 1 and clangs(m.group(1), keys[0], wrong)):
                continue
        out.append(item)
    return out
