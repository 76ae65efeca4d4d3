"""Text shaping shared by the families: words, stems, clause trimming, verb forms.

Rules here are general English rules, not rules for particular topic files: where a
rewrite is not safe the functions return None and the caller leaves the text out.
"""

from __future__ import annotations

import re
from functools import lru_cache

STOPWORDS = frozenset(
    """a an and are as at be been being by for from has have how in into is it its of on or
    that the their them these this those to was were what when where which who why will with
    your you our we they than then there such e g eg ie i etc also both each""".split()
)
# Words that name a kind of thing rather than the thing: "Complaint handling procedures"
# and "Complaint handling" are the same concept.
GENERIC = frozenset(
    """principle principles procedure procedures process processes technique techniques method
    methods approach approaches concept concepts system systems skill skills model models
    requirement requirements management managing understanding knowledge awareness""".split()
)
ABSOLUTES = frozenset(
    "always never all none every only solely entirely completely automatically guarantee guarantees "
    "must impossible certainly invariably totally".split()
)
# Adverbs that can be dropped without changing which side of right/wrong a statement is on.
DROPPABLE = ("always", "solely", "entirely", "completely", "automatically", "totally", "invariably")

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")


def words(text: str) -> list[str]:
    return list(_words(text))


@lru_cache(maxsize=1 << 17)  # the same bullets are shaped and compared many times per bank
def _words(text: str) -> tuple[str, ...]:
    return tuple(w.lower().replace("’", "'") for w in _WORD.findall(text))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light suffix-stripping stemmer: enough to see 'handling' ~ 'handle', 'leadership' ~ 'leading'."""
    w = word.lower().strip("'-")
    w = re.sub(r"'s$", "", w)
    w = w.replace("yse", "yze").replace("ise", "ize") if len(w) > 5 else w
    for suffix in ("ational", "ization", "isation", "fulness", "ousness", "iveness", "ership", "ments", "ment",
                   "ities", "ity", "ship", "ings", "ing", "ation", "ations", "ions", "ion", "ies", "ied", "ers",
                   "er", "ed", "es", "ly", "s", "e", "y"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]  # manage(ment) ~ manag(ing)
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiou":
        w = w[:-1]
    return w


def content_stems(text: str, drop_generic: bool = False, digits: bool = False) -> set[str]:
    """Stemmed content words; numbers only when asked (they tell 'Stage 1' from 'Stage 2')."""
    return set(_content_stems(text, drop_generic, digits))


@lru_cache(maxsize=65536)
def _content_stems(text: str, drop_generic: bool, digits: bool) -> frozenset[str]:
    out = set()
    for w in words(text):
        for part in w.split("-"):
            if part.isdigit() and digits:
                out.add(part)
                continue
            if not part or part in STOPWORDS or (drop_generic and part in GENERIC) or len(part) < 2:
                continue
            out.add(stem(part))
    return frozenset(out)


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def overlap(a: str, b: str) -> int:
    """Stemmed content words two texts share (the stem-key repetition cue)."""
    return len(content_stems(a) & content_stems(b))


def absolutes_in(text: str) -> set[str]:
    return {w for w in words(text) if w in ABSOLUTES}


@lru_cache(maxsize=1 << 17)
def soften(text: str) -> str:
    """Drop absolute adverbs that are not what makes a statement right or wrong."""
    for adverb in DROPPABLE:
        text = re.sub(rf"\b{adverb}\s+", "", text, flags=re.IGNORECASE)
    return text


# ", leading to confusion", "— not providing support": the cause stays, the consequence goes.
_CONSEQUENCE = re.compile(
    r"(?:[,;]\s*|\s+[—–-]\s*|—)(?:leading|resulting|allowing|potentially|causing|which|thereby|so that|"
    r"ignoring|relying|while|failing|not providing|such as|crucial|ensuring|to turn|in order|leaving|exposing|"
    r"risking|undermining|weakening|damaging|harming|creating|meaning|giving rise)\b.*$",
    re.IGNORECASE,
)


_EXAMPLES = re.compile(r"\s*\((?:e\.g\.|eg|i\.e\.|such as|for example)[^)]*\)", re.IGNORECASE)
_PURPOSE = re.compile(
    r"\s+(?:in order )?to (?:show|demonstrate|cover|ground|substantiate|evidence|support|enhance|highlight|"
    r"illustrate|prove)\b.*$", re.IGNORECASE)


@lru_cache(maxsize=1 << 17)
def trim_purpose(text: str) -> str:
    """Drop a trailing 'to show ...' purpose clause when enough remains."""
    cut = _PURPOSE.sub("", text)
    return cut if len(words(cut)) >= 5 else text


@lru_cache(maxsize=1 << 17)
def trim(text: str) -> str:
    """The bullet without a trailing consequence clause, example list or semicolon afterthought."""
    text = _EXAMPLES.sub("", text.strip()).rstrip(".")
    text = re.split(r"\s*;\s*", text)[0]
    trimmed = _CONSEQUENCE.sub("", text).strip()
    return trimmed if len(words(trimmed)) >= 3 else text


@lru_cache(maxsize=1 << 17)
def option(text: str) -> str:
    """An option's shape: capital first letter, no final full stop, single spaces."""
    text = re.sub(r"\s+", " ", text).strip().rstrip(".;,").strip()
    return text[:1].upper() + text[1:]


def sentence_case(term: str, proper: frozenset[str] = frozenset()) -> str:
    """'Customer Service Excellence' -> 'Customer service excellence'; acronyms and ``proper`` nouns kept."""
    parts = term.split(" ")
    out = [parts[0][:1].upper() + parts[0][1:]]
    for p in parts[1:]:
        core = re.sub(r"[^A-Za-z]", "", p)
        keep = core in proper or core.isupper() or any(c.isupper() for c in core[1:])  # GDPR, Vitamin A, iPhone
        out.append(p if keep else p.lower())
    return " ".join(out)


_MID_CAPITAL = re.compile(r"(?<=[a-z,;:(] )([A-Z][a-z]+)")


def proper_nouns(texts: list[str]) -> frozenset[str]:
    """Capitalised words seen mid-sentence after a lower-case word ('the Treaty of Versailles')."""
    return frozenset(m.group(1) for t in texts for m in _MID_CAPITAL.finditer(t))


def lower_first(text: str) -> str:
    """Lower-case the first letter unless the first word is an acronym (GDPR, SLAs)."""
    first = text.split(" ", 1)[0]
    return text if len(first) > 1 and sum(c.isupper() for c in first) > 1 else text[:1].lower() + text[1:]


@lru_cache(maxsize=1 << 17)
def is_gerund_phrase(text: str) -> bool:
    first = words(text)[:1]
    return bool(first) and first[0].endswith("ing") and len(first[0]) > 4


@lru_cache(maxsize=1 << 17)
def shape(text: str) -> str:
    """A coarse grammatical shape: gerund phrase, noun phrase or sentence."""
    if is_gerund_phrase(text):
        return "gerund"
    return "noun"


# --- verb forms --------------------------------------------------------------

_NO_DOUBLE = {"offer", "open", "listen", "visit", "develop", "gather", "consider", "deliver", "monitor",
              "answer", "enter", "differ", "suffer", "focus", "target", "budget", "benefit", "limit",
              "audit", "edit", "credit", "exhibit", "happen", "widen", "broaden", "question", "evidence"}
_DOUBLE = {"commit", "submit", "admit", "permit", "refer", "prefer", "occur", "control", "regret",
           "forget", "begin", "equip", "transfer", "omit", "plan", "set", "get", "put", "run", "stop",
           "map", "log", "tag", "chat", "cut", "shop", "ship", "drop", "step"}
_E_VERBS = {"describe", "provide", "use", "define", "manage", "negotiate", "coordinate", "evaluate",
            "demonstrate", "analyse", "analyze", "organise", "organize", "prioritise", "prioritize",
            "recognise", "recognize", "share", "make", "take", "give", "create", "prepare", "ensure",
            "structure", "judge", "engage", "involve", "resolve", "handle", "source", "compare",
            "summarise", "summarize", "justify", "illustrate", "outline", "determine", "explore",
            "secure", "measure", "value", "balance", "require", "gauge", "include", "estimate",
            "calculate", "state", "note", "argue", "practise", "practice", "write", "produce",
            "reduce", "improve", "achieve", "continue", "communicate", "advise", "promote", "review" }


def to_gerund(verb: str) -> str:
    """clarify -> clarifying, document -> documenting, plan -> planning, use -> using."""
    v = verb.lower()
    if v.endswith("ie"):
        return v[:-2] + "ying"
    if v.endswith("e") and not v.endswith(("ee", "ye", "oe")) and len(v) > 2:
        return v[:-1] + "ing"
    if v in _DOUBLE or (v not in _NO_DOUBLE and len(v) <= 4 and re.search(r"[^aeiou][aeiou][^aeiouwxy]$", v)):
        return v + v[-1] + "ing"
    return v + "ing"


def from_gerund(gerund: str) -> str | None:
    """explaining -> explain, describing -> describe, setting -> set (None when unsure)."""
    g = gerund.lower()
    if not g.endswith("ing") or len(g) < 5:
        return None
    base = g[:-3]
    if base.endswith("y") and g.endswith("ying") and base[:-1] + "ie" in _E_VERBS:
        return base[:-1] + "ie"
    if base + "e" in _E_VERBS:
        return base + "e"
    if len(base) > 2 and base[-1] == base[-2] and base[:-1] in _DOUBLE:
        return base[:-1]
    if re.search(r"(at|iz|is|uc|ir|[^aeiou]v|[aeiou]c|ur|[aeiou]g)$", base) and base + "e" not in _NO_DOUBLE:
        return None  # probably lost an 'e' we cannot restore with confidence
    return base


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]
