"""Rules on the words a learner reads: fragments, dropped qualifiers, internal ids and paths.

Like the other rules they see only the built item and the topics it cites (``item.sources``
with their lines, looked up in ``bank.topics``), never the generator's code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from qbank.audit.textcues import normalise, plain
from qbank.model import Topic

Flag = tuple[str, str, str]

# --- internal ids and paths ---------------------------------------------------------

_FILE = re.compile(r"(?<![\w@])[\w.\-]+\.(?:txt|md|markdown|xml|json|html?|csv|ya?ml|toml|docx?|pdf|zip|py)\b",
                   re.IGNORECASE)
# A path starts a word: "(ii)/M6" or "1:2/3" is notation, not a path.
_PATH = re.compile(r"(?<![\w.)\]:%/])(?:\.{1,2}/|/|~/)[A-Za-z_.][\w.\-]*(?:/[\w.\-]*)*|\b(?:topics|home|tmp|usr)/[\w.\-]+")
_LINE = re.compile(r"(?:[,(:;]\s*|\bat\s+)lines?\s+\d+\b|\w\.\w{1,5}:\d+\b", re.IGNORECASE)
_HEX = re.compile(r"\b(?=[0-9a-f_\-]*\d)(?=[0-9a-f_\-]*[a-f])(?:\d{1,4}[-_])?[0-9a-f]{8,}\b", re.IGNORECASE)


def learner_texts(item: Any) -> Iterator[tuple[str, str]]:
    """(where, text) for everything a learner can see of an item, whatever its kind."""
    yield "title", item.title
    yield "stem", item.stem
    yield "general feedback", item.general_feedback
    for n, c in enumerate(getattr(item, "choices", ()) or (), 1):
        yield f"option {n}", c.text
        yield f"option {n} feedback", c.feedback
    for attr in ("feedback_true", "feedback_false"):
        if hasattr(item, attr):
            yield attr.replace("_", " "), getattr(item, attr)
    for n, p in enumerate(getattr(item, "pairs", ()) or (), 1):
        yield f"pair {n}", p.prompt
        yield f"pair {n} answer", p.answer
    for text in getattr(item, "extra_answers", ()) or ():
        yield "extra answer", text
    for n, text in enumerate(getattr(item, "steps", ()) or (), 1):
        yield f"step {n}", text
    for text in getattr(item, "parts", ()) or ():
        yield "cloze text", text
    for n, gap in enumerate(getattr(item, "gaps", ()) or (), 1):
        for attr in ("key", "feedback"):
            if isinstance(getattr(gap, attr, None), str):
                yield f"gap {n} {attr}", getattr(gap, attr)
        for text in getattr(gap, "distractors", ()) or ():
            yield f"gap {n} option", text


def internal_ids(text: str) -> list[str]:
    """File names, paths, 'line N' references and hash-like ids in a text."""
    t = plain(text)
    found: list[str] = []
    for pattern in (_FILE, _PATH, _LINE, _HEX):
        found += [m.group(0).strip() for m in pattern.finditer(t)]
    return list(dict.fromkeys(found))


def internal_id_flags(item: Any) -> list[Flag]:
    for where, text in learner_texts(item):
        if text and (found := internal_ids(text)):
            return [("internal_id_in_text", "major",
                     f"the {where} shows learners an internal name: {', '.join(f'“{f}”' for f in found[:3])}")]
    return []


# --- fragments ---------------------------------------------------------------------

# words a complete phrase does not end on (a stranded preposition -- "pass on", "used to" -- does)
_DANGLING_END = frozenset("and or nor but of the a an such including whose whereas via eg ie e.g i.e".split())
_DANGLING_START = ("and ", "or ", "but ", "which ", "whereas ", "such as ", "e g ", "i e ")
_QUOTED = re.compile(r"\u201c([^\u201d]{3,})\u201d")


def _fragment(text: str) -> str | None:
    """Why ``text`` is not a complete phrase, or None."""
    t = plain(text).strip()
    if not t:
        return None
    body = t.rstrip(" .!?\u201d\"'")
    if body.endswith("____"):
        return None  # a cloze or numeric blank stands for the missing words: "between 99°C and ____."
    if body.endswith((",", ";", ":", "\u2014", "\u2013", "-", "(", "/")):
        return f"ends in “{body[-1]}”"
    words = normalise(body).split()
    if words and words[-1] in _DANGLING_END and len(words) > 1:
        return f"ends in “{words[-1]}”"
    low = " ".join(words) + " "
    if low.startswith(_DANGLING_START) and len(words) > 1:
        return f"starts with “{words[0]}”"
    if t.count("(") != t.count(")") or t.count("\u201c") != t.count("\u201d"):
        return "has an unclosed bracket or quotation mark"
    return None


class Definitions:
    """Every concept definition of the bank's topics, by first word, to spot options cut from one."""

    def __init__(self, topics: Iterable[Topic]):
        self.terms: set[str] = set()
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        self.listed: set[str] = set()  # a definition's first list item ("Avoid, Prevent, Mitigate …"; "3% (10 vol) …")
        for topic in topics:
            for c in topic.concepts:
                self.terms.add(normalise(re.sub(r"\([^)]*\)", " ", c.term)))
                self.terms.add(normalise(c.term))
                words = tuple(normalise(c.definition).split())
                if words:
                    self.by_first.setdefault(words[0], []).append(words)
                head = re.match(r"\s*([^,;(]{1,40}?)\s*[,;(]", c.definition)
                if head:
                    self.listed.add(normalise(head.group(1)))

    def cut_from(self, text: str) -> bool:
        """A 1-3 word text that is the opening of a definition at least three words longer (and not a term)."""
        if _VALUE_ONLY.fullmatch(text.strip()):
            return False  # "50 mm" offered as a value, not cut from "50 mm blocks suit pedestrian areas"
        words = tuple(normalise(text).split())
        if not 1 <= len(words) <= 3 or " ".join(words) in self.terms or " ".join(words) in self.listed:
            return False  # a term, or a whole list item the definition opens with: nothing was cut
        return any(d[: len(words)] == words and len(d) >= len(words) + 3 for d in self.by_first.get(words[0], ()))


_VALUE_ONLY = re.compile(r"[±+−-]?[£$€]?\d[\d.,]*(?:\s*[–-]\s*[£$€]?\d[\d.,]*)?\s*[^\s\d]{0,8}(?:/[^\s\d]{1,6})?")


def fragment_flags(item: Any, definitions: Definitions) -> list[Flag]:
    texts: list[tuple[str, str]] = [(f"option {n}", c.text) for n, c in enumerate(getattr(item, "choices", ()) or (), 1)]
    texts += [(f"pair {n} answer", p.answer) for n, p in enumerate(getattr(item, "pairs", ()) or (), 1)]
    texts += [("extra answer", t) for t in getattr(item, "extra_answers", ()) or ()]
    for n, gap in enumerate(getattr(item, "gaps", ()) or (), 1):
        texts += [(f"gap {n} option", t) for t in (getattr(gap, "key", None), *(getattr(gap, "distractors", ()) or ()))
                  if isinstance(t, str)]
    stem = plain(item.stem)
    texts += [("quoted text in the stem", q) for q in _QUOTED.findall(stem)]
    if getattr(item, "kind", "") == "truefalse":
        texts.append(("statement", item.stem))
    for where, text in texts:
        why = _fragment(text)
        if why is None and where.startswith(("option", "pair", "extra", "gap")) and definitions.cut_from(text):
            why = "is the first words of a longer definition, cut before it says what its term is"
        if why:
            return [("fragment", "major", f"the {where} is not a complete phrase: “{plain(text)[:60]}” {why}")]
    if stem.count("(") != stem.count(")"):
        return [("fragment", "major", "the stem has an unclosed bracket")]
    return []


# --- dropped qualifiers ------------------------------------------------------------

QUALIFIERS = frozenset("""always only solely alone never all every automatically entirely completely invariably
    exclusively purely wholly none""".split())
_SKIP = frozenset("a an the to of on in for by be is are was were that it its with as at".split())


def source_texts(topics: Iterable[Topic]) -> dict[tuple[str, int], str]:
    """(path, line) -> the text stated there: a concept line, a bullet, the synopsis."""
    out: dict[tuple[str, int], str] = {}
    for t in topics:
        if t.synopsis_source is not None:
            out[(t.synopsis_source.path, t.synopsis_source.line)] = t.synopsis
        for c in t.concepts:
            out[(c.source.path, c.source.line)] = f"{c.term}: {c.definition}"
        for b in (*t.steps, *t.tips, *t.misconceptions, *t.marking_points, *t.notes):
            out[(b.source.path, b.source.line)] = b.text
    return out


def _index(words: list[str]) -> tuple[set[str], set[str]]:
    return set(words), {w[:5] for w in words if len(w) >= 5}


def _has(index: tuple[set[str], set[str]], w: str) -> bool:
    """The word, or a word with its first five letters (improve/improves)."""
    return w in index[0] or (len(w) >= 5 and w[:5] in index[1])


def dropped_qualifier(text: str, source: str) -> str | None:
    """The qualifier ``source`` has and ``text`` lost, when ``text`` keeps the words on both sides of it."""
    t = normalise(text).split()
    s = normalise(source).split()
    if not t or not QUALIFIERS.intersection(s) or QUALIFIERS.intersection(t):
        return None
    content = [w for w in t if w not in _SKIP]
    in_source, in_text = _index(s), _index(t)
    if not content or sum(_has(in_source, w) for w in content) < 0.8 * len(content):
        return None  # not a copy of this source
    for n, w in enumerate(s):
        if w not in QUALIFIERS:
            continue
        before = [x for x in s[max(0, n - 3):n] if x not in _SKIP and x not in QUALIFIERS][-1:]
        after = [x for x in s[n + 1:n + 4] if x not in _SKIP and x not in QUALIFIERS][:1]
        if before and after and _has(in_text, before[0]) and _has(in_text, after[0]):
            return w
    return None


def _keyed_texts(item: Any) -> list[tuple[str, str]]:
    kind = getattr(item, "kind", "")
    if kind == "truefalse":
        return [("statement", item.stem)]
    out = [("key", c.text) for c in getattr(item, "choices", ()) or () if c.correct]
    out += [("answer", p.answer) for p in getattr(item, "pairs", ()) or ()]
    out += [("gap key", g.key) for g in getattr(item, "gaps", ()) or () if isinstance(getattr(g, "key", None), str)]
    return out


def qualifier_flags(item: Any, sources: dict[tuple[str, int], str]) -> list[Flag]:
    cited = [sources[(s.path, s.line)] for s in item.sources if (s.path, s.line) in sources]
    for where, text in _keyed_texts(item):
        for src in cited:
            if lost := dropped_qualifier(text, src):
                return [("dropped_qualifier", "critical",
                         f"the {where} “{plain(text)[:60]}” drops “{lost}” from its source “{plain(src)[:80]}”: "
                         "the qualifier may be what makes it right or wrong")]
    return []
