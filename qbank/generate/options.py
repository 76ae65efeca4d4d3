"""Choosing and arranging options so that nothing but knowledge picks the key.

Distractors are chosen by likeness of length and grammatical shape to the key (a
seed-independent choice, so item ids do not depend on the seed); the final order comes
from the seeded per-item shuffle. ``cues`` lists the testwiseness cues an item still has;
families drop items that have any.
"""

from __future__ import annotations

import math
import re
import random
from collections.abc import Callable, Sequence
from typing import TypeVar

from qbank.generate.common import rng_for
from qbank.generate.text import absolutes_in, content_stems, shape, words
from qbank.model import Choice

T = TypeVar("T")
LONGEST_RATIO = 1.25
LONGEST_CHARS = 8
# Cues an item may not keep; the rest are kept below their bank-level bar by choice of distractors.
HARD_CUES = frozenset({"options", "key_longest", "stem_key_overlap", "specific_determiner",
                       "all_none_of_above", "punctuation", "safe_answer"})
# A shortcut allowed ("can be left running while you …", "needs no consultation", "is acceptable"):
# whoever picks the unsafe-sounding option as the mistake, or the safe one as the rule, needs no
# knowledge. True/false statements balance it (misconceptions.tf_features); options must share it.
SHORTCUT = re.compile(r"\b(?:acceptable|allowed|permitted|permissible|optional|unnecessary|no need|needs? no|"
                      r"can be (?:skipped|ignored|left|omitted|missed|reused|re-used|relied on)|"
                      r"(?:does ?n[o'’]t|do ?n[o'’]t|need ?n[o'’]t|does not|do not) (?:need|have to)|"
                      r"not (?:needed|necessary|required)|no (?:\w+ ){1,2}(?:is|are) (?:needed|necessary|required))\b",
                      re.IGNORECASE)



LAST_RESORT = 1.0  # facts.distance of a topic from another subject


def pick_distractors(
    key: str, candidates: Sequence[tuple[str, T]], n: int, select_key: str, stem: str = "",
    clash: Callable[[T, T], bool] | None = None, penalty: Callable[[T], float] | None = None,
    key_overlap: int | None = None,
) -> list[tuple[str, T]]:
    """The ``n`` candidates closest to the key in length and shape, distinct texts, no stem cue.

    ``select_key`` seeds a small jitter that breaks ties the same way on every build.
    """
    rng = random.Random(select_key)
    key_len, key_shape = max(len(key), 1), shape(key)
    if key_overlap is None:
        key_overlap = stem_overlap(stem, key) if stem else 0
    key_absolute = absolutes_in(key)
    scored = []
    seen = {key.casefold()}
    for text, payload in candidates:
        if not text or text.casefold() in seen:
            continue
        seen.add(text.casefold())
        score = abs(math.log(max(len(text), 1) / key_len))
        score += 0.6 if shape(text) != key_shape else 0.0
        # An absolute word ("always", "every") in only some options marks them as false.
        score += 2.0 if absolutes_in(text) != key_absolute else 0.0
        if stem and stem_overlap(stem, text) < key_overlap:
            score += 0.3  # the key would be the option that echoes the stem
        elif stem and key_overlap and stem_overlap(stem, text) >= key_overlap:
            score -= 0.1  # one distractor that echoes the stem as much as the key is enough
        score += penalty(payload) if penalty is not None else 0.0
        scored.append((score + rng.random() * 0.05, text, payload))
    scored.sort(key=lambda s: s[0])
    if penalty is not None:
        # A penalty of LAST_RESORT or more (another subject) is a last resort, whatever its length
        # fit: a firewall's distractors come from the security notes before any customer-service term.
        scored.sort(key=lambda s: penalty(s[2]) >= LAST_RESORT)
    if stem and key_overlap:
        # One distractor that echoes the stem as much as the key removes the word-repetition cue:
        # take the best such candidate first, if there is one at all.
        echoing = [s for s in scored if stem_overlap(stem, s[1]) >= key_overlap]
        if echoing:
            scored.remove(echoing[0])
            scored.insert(0, echoing[0])
    chosen: list[tuple[str, T]] = []
    for _, text, payload in scored:
        # Two distractors that say the same thing would each be "wrong for the same reason".
        if clash is not None and any(clash(payload, p) for _, p in chosen):
            continue
        chosen.append((text, payload))
        if len(chosen) == n:
            break
    return chosen


def arrange(choices: Sequence[Choice], seed: int, ident: str) -> tuple[Choice, ...]:
    """The seeded per-item shuffle: key position is uniform over the bank."""
    out = list(choices)
    rng_for(seed, ident).shuffle(out)
    return tuple(out)


# Words of the question frames themselves: sharing them is no cue.
FRAME = frozenset(content_stems(
    "which description fits term described here statement best describes select all common mistakes "
    "mistake these model acronym sets out elements stand letter abbreviation first second third"))


def stem_overlap(stem: str, option: str) -> int:
    return len((content_stems(stem) - FRAME) & content_stems(option))


def cues(stem: str, choices: Sequence[Choice]) -> list[str]:
    """Testwiseness cues left in a single-answer item (empty list: none)."""
    found: list[str] = []
    keys = [c for c in choices if c.correct]
    wrong = [c for c in choices if not c.correct]
    if len(keys) != 1 or len(wrong) < 2:
        return ["options"]
    key = keys[0].text
    longest_other = max(len(c.text) for c in wrong)
    if len(key) >= longest_other * LONGEST_RATIO and len(key) - longest_other >= LONGEST_CHARS:
        found.append("key_longest")
    shortest_other = min(len(c.text) for c in wrong)
    if len(key) * LONGEST_RATIO <= shortest_other and shortest_other - len(key) >= LONGEST_CHARS:
        found.append("key_shortest")
    if stem_overlap(stem, key) > max(stem_overlap(stem, c.text) for c in wrong):
        found.append("stem_key_overlap")
    # An absolute word in the false options only (or in the key only) tells the testwise which is which.
    key_abs = absolutes_in(key)
    wrong_abs = set().union(*(absolutes_in(c.text) for c in wrong))
    if wrong_abs - key_abs or key_abs - wrong_abs:
        found.append("specific_determiner")
    if len({bool(SHORTCUT.search(c.text)) for c in wrong}) == 1 and bool(SHORTCUT.search(key)) != bool(
            SHORTCUT.search(wrong[0].text)):
        found.append("safe_answer")  # only the key (or only the distractors) allows a shortcut
    if any(w in ("all", "none") and "above" in words(c.text) for c in choices for w in words(c.text)):
        found.append("all_none_of_above")
    if len({shape(c.text) for c in choices}) > 1:
        found.append("heterogeneous")
    if len(set(c.text.rstrip(".")[-1:] == "." for c in choices)) > 1:
        found.append("punctuation")
    return found


def multi_cues(stem: str, choices: Sequence[Choice]) -> list[str]:
    """Cues left in a multi-answer item: a key echoing the stem more than any wrong option."""
    keys = [c.text for c in choices if c.correct]
    wrong = [c.text for c in choices if not c.correct]
    found = []
    if max(stem_overlap(stem, k) for k in keys) > max(stem_overlap(stem, w) for w in wrong):
        found.append("stem_key_overlap")
    if any(absolutes_in(w) for w in wrong) and not any(absolutes_in(k) for k in keys):
        found.append("specific_determiner")
    return found


def length_cv(texts: Sequence[str]) -> float:
    lengths = [len(t) for t in texts]
    mean = sum(lengths) / len(lengths)
    var = sum((x - mean) ** 2 for x in lengths) / len(lengths)
    return math.sqrt(var) / mean if mean else 0.0
