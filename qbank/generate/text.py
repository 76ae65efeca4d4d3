"""Text shaping shared by the families: words, stems, clause trimming, verb forms.

Rules here are general English rules, not rules for particular topic files: where a
rewrite is not safe the functions return None and the caller leaves the text out.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lemminflect import getAllLemmas, getInflection

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
# Qualifiers that decide whether a statement is true: never dropped by a rewrite, and a cue when
# only the key or only the distractors carry one.
ABSOLUTES = frozenset(
    "always never all none every only solely entirely completely automatically guarantee guarantees "
    "must impossible certainly invariably totally alone purely merely exclusively "
    # "An emergency code means overpaying tax forever": as sweeping as "always"
    "forever permanently everything everyone nothing nobody".split()
)

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


# ", leading to confusion", "— not providing support": the cause stays, the consequence goes.
_CONSEQUENCE = re.compile(
    r"(?:[,;]\s*|\s+[—–-]\s*|—)(?:leading|resulting|allowing|potentially|causing|which|thereby|so that|"
    r"ignoring|relying|while|failing|not providing|such as|crucial|ensuring|to turn|in order|leaving|exposing|"
    r"risking|undermining|weakening|damaging|harming|creating|meaning|giving rise)\b.*$",
    re.IGNORECASE,
)
# A clause that only says what follows from the rest: what remains before it is complete however short
# ("Failing to patch software promptly, leaving holes open"). Other cuts (", such as", ", which",
# ", while") need MIN_TRIMMED words left, or they leave a fragment that no longer says what it is.
_RESULT = re.compile(r"(?:[,;]\s*|\s+[—–-]\s*|—)(?:leading|resulting|causing|thereby|leaving|exposing|risking|"
                     r"undermining|weakening|damaging|harming|potentially|giving rise)\b", re.IGNORECASE)


_EXAMPLES = re.compile(r"\s*\((?:e\.g\.|eg|i\.e\.|such as|for example)[^)]*\)", re.IGNORECASE)
_PURPOSE = re.compile(
    r"\s+(?:in order )?to (?:show|demonstrate|cover|ground|substantiate|evidence|support|enhance|highlight|"
    r"illustrate|prove)\b.*$", re.IGNORECASE)


@lru_cache(maxsize=1 << 17)
def trim_purpose(text: str) -> str:
    """Drop a trailing 'to show ...' purpose clause when enough remains."""
    cut = _PURPOSE.sub("", text)
    return cut if len(words(cut)) >= 5 else text


MIN_TRIMMED = 5  # words a shortened text keeps at least; shorter is a fragment ("Managing the team")


@lru_cache(maxsize=1 << 17)
def trim(text: str) -> str:
    """The bullet without a trailing consequence clause, example list or semicolon afterthought.

    A cut is accepted only when what remains is still a phrase of MIN_TRIMMED words or more;
    a list ("A; B; and C") is never cut to its first element (that would change its meaning).
    """
    full = text.strip().rstrip(".")
    text = _EXAMPLES.sub("", full).rstrip(".")
    parts = re.split(r"\s*;\s*", text)
    listed = len(parts) > 2 or any(re.match(r"(?:and|or)\b", p) for p in parts[1:])
    if len(parts) > 1 and not listed and len(words(parts[0])) >= MIN_TRIMMED:
        text = parts[0]
    m = _CONSEQUENCE.search(text)
    trimmed = text[: m.start()].strip() if m else text
    if m and len(words(_last_sentence(trimmed))) < MIN_TRIMMED and _last_sentence(trimmed) != trimmed:
        # "… weeping skin. Restrictions, such as a small cut …, mean …": cut there, the last
        # sentence would be a fragment ("Restrictions."): keep the sentence whole
        trimmed = text
    if len(words(trimmed)) >= MIN_TRIMMED or (m and _RESULT.match(text, m.start()) and len(words(trimmed)) >= 3):
        return trimmed
    return text if len(words(text)) >= MIN_TRIMMED else full


def _last_sentence(text: str) -> str:
    return re.split(r"(?<=[a-z0-9)%])[.!?]\s+(?=[A-Z])", text)[-1]


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
        # GDPR, Vitamin A, iPhone, the 4 Cs (a capital letter and its plural 's')
        keep = core in proper or core.isupper() or any(c.isupper() for c in core[1:]) \
            or len(core) == 2 and core[0].isupper() and core[1] == "s"
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
# lemminflect (a maintained English morphology library with a lexicon) gives verb forms, so no
# form is invented by a suffix rule. A word it does not know as a verb gets no rewrite.


@lru_cache(maxsize=1 << 14)
def is_verb(word: str) -> bool:
    """Whether the lexicon knows ``word`` as a verb base form ('clarify', not 'clarification')."""
    return word.lower() in getAllLemmas(word.lower(), upos="VERB").get("VERB", ())


@lru_cache(maxsize=1 << 14)
def third_person(word: str, ambiguous: bool = False) -> bool:
    """A third-person verb form ('guarantees'); with ``ambiguous``, also one that may be a plural noun."""
    if not word.endswith("s") or word.endswith("ss"):
        return False
    lemmas = getAllLemmas(word)
    return "VERB" in lemmas and (ambiguous or "NOUN" not in lemmas) and lemmas["VERB"][0] != word


@lru_cache(maxsize=1 << 14)
def to_gerund(verb: str) -> str:
    """clarify -> clarifying, plan -> planning, use -> using, analyse -> analysing (lemminflect)."""
    v = verb.lower()
    forms = getInflection(v, tag="VBG")
    return forms[0] if forms else v + "ing"


@lru_cache(maxsize=1 << 14)
def from_gerund(gerund: str) -> str | None:
    """explaining -> explain, describing -> describe, setting -> set; None unless the lexicon knows it."""
    g = gerund.lower()
    if not g.endswith("ing") or len(g) < 5:
        return None
    lemmas = getAllLemmas(g, upos="VERB").get("VERB", ())
    return lemmas[0] if lemmas and lemmas[0] != g else None


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]
