"""Text shaping the audit needs: normalising, stemming content words, similarity.

Deliberately small and rule-based (no NLP dependency): good enough to tell when two
statements say the same thing, or when a stem and its key share a word.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

STOPWORDS = frozenset(
    """a an the and or but nor of to in on at by for with from into onto as is are was were be been being
    it its this that these those which who whom whose what when where why how than then there their they
    them he she his her we our you your i me my not no so if such can could should would may might will
    shall do does did done has have had also about over under up down out very more most some any each
    both other another one own same just only""".split()
)

_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# British/American spellings the seeds mix (Empathise/Empathize, analysing/analyzing)
_SPELLING = [(re.compile(r"iz(e|es|ed|ing|ation)\b"), r"is\1"), (re.compile(r"yz(e|es|ed|ing)\b"), r"ys\1")]


@lru_cache(maxsize=4096)
def plain(text: str) -> str:
    """Text without HTML tags or entities, NFC, single spaces."""
    text = html.unescape(_TAG.sub(" ", text or ""))
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=32768)
def normalise(text: str) -> str:
    """Lower case, spelling unified, punctuation dropped: for containment tests."""
    text = plain(text).casefold()
    for pattern, repl in _SPELLING:
        text = pattern.sub(repl, text)
    return " ".join(_WORD.findall(text))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light suffix-stripping stemmer (Porter-like, step 1 plus a few derivations)."""
    w = word.casefold()
    for suffix, repl in (("ational", "ate"), ("ization", "ize"), ("isation", "ise"), ("fulness", "ful"),
                         ("iveness", "ive"), ("ments", ""), ("ment", ""), ("ness", ""), ("ship", ""),
                         ("ingly", ""), ("ings", ""), ("ing", ""), ("edly", ""), ("ed", ""), ("ies", "y"),
                         ("es", ""), ("s", ""), ("ly", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: len(w) - len(suffix)] + repl
            break
    if w.endswith("er") and len(w) >= 6:  # leader/leadership -> lead
        w = w[:-2]
    w = re.sub(r"(is|iz)e$", "", w) if len(w) > 5 else w
    if len(w) > 3 and w[-1] == "e":
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]
    return w


@lru_cache(maxsize=16384)
def content_stems(text: str) -> frozenset[str]:
    """The stems of a text's content words (no stopwords, no one- or two-letter words)."""
    return frozenset(stem(w) for w in normalise(text).split() if w not in STOPWORDS and len(w) > 2)


def coverage(part: str, whole: str) -> float:
    """Share of ``part``'s content stems found in ``whole`` (1.0 when part has none)."""
    p = content_stems(part)
    if not p:
        return 1.0
    return len(p & content_stems(whole)) / len(p)


def jaccard(a: str, b: str) -> float:
    sa, sb = content_stems(a), content_stems(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def contains(whole: str, part: str) -> bool:
    """Normalised ``part`` occurs in normalised ``whole`` on word boundaries."""
    p, w = normalise(part), normalise(whole)
    return bool(p) and f" {p} " in f" {w} "


def same_text(a: str, b: str) -> bool:
    return normalise(a) == normalise(b)
