"""Rewrites between mistakes, good practice and beliefs, all as gerund phrases.

Each function returns None when no safe rewrite exists; callers then leave the bullet
out rather than print a statement the notes do not support.
"""

from __future__ import annotations

import re
from functools import lru_cache

from qbank.generate.text import capitalise, from_gerund, is_verb, option, to_gerund, trim, trim_purpose

_DETERMINERS = {"the", "a", "an", "your", "this", "that", "these", "those", "it", "you", "all", "each",
                "every", "any", "some", "both", "there", "their", "our", "its", "not", "no"}
_NOMINAL = {"identification": "identifying", "evaluation": "evaluating", "demonstration": "demonstrating",
            "documentation": "documenting", "explanation": "explaining", "description": "describing",
            "analysis": "analysing", "application": "applying", "use": "using", "recognition": "recognising",
            "justification": "justifying", "comparison": "comparing", "selection": "selecting"}


def _gerund_start(text: str) -> str | None:
    """'clearly explaining how X' -> 'Explaining how X'; None unless it starts with a gerund."""
    text = re.sub(r"^(?:clearly|accurately|effectively|consistently|actively|proactively)\s+", "", text.strip(),
                  flags=re.IGNORECASE)
    first = text.split(" ", 1)[0].lower()
    if first.endswith("ing") and len(first) > 4 and first not in {"during", "bring", "string", "thing"}:
        return option(text)
    return None


@lru_cache(maxsize=1 << 16)
def corrective(mistake: str) -> str | None:
    """The good practice a mistake warns about: 'Failing to clarify roles' -> 'Clarifying roles'."""
    text = _as_gerund_belief(mistake)
    m = re.match(r"^(?:Failing|Neglecting|Forgetting|Omitting) to (\w+)\b(.*)$", text, re.IGNORECASE)
    if m:
        return option(trim(to_gerund(m.group(1)) + m.group(2)))
    m = re.match(r"^Not (\w+ing)\b(.*)$", text, re.IGNORECASE)
    if m:
        return option(trim(m.group(1) + m.group(2)))
    m = re.match(r"^(?:Confusing|Mixing up) (.+?) (?:with|and) ([^,;:—–]+?)(?:$|\s*[,;:—–]|\s-\s)", text, re.IGNORECASE)
    if m:
        return option(f"Distinguishing {m.group(1)} from {m.group(2).strip()}")
    m = re.match(r"^(?:Ignoring|Overlooking|Neglecting|Disregarding) (.+)$", text, re.IGNORECASE)
    if m:
        rest = trim(m.group(1))
        if re.match(r"the (importance|need|value|role|impact|benefits?) ", rest, re.IGNORECASE):
            return option(f"Recognising {rest}")
        return option(f"Taking account of {rest}")
    # "X without establishing Y": the omitted action is the good practice.
    m = re.search(r"\bwithout ((?:actively |properly |clearly )?\w+ing\b.*)$", text, re.IGNORECASE)
    if m:
        return _gerund_start(trim(m.group(1)))
    return None


_HOLDER = re.compile(
    r"^(?:(?:many|some|most) )?(?:students|learners|candidates|people|trainees|staff)(?: often| commonly| wrongly| "
    r"mistakenly| sometimes)? (?:think|believe|assume|presume)(?: that)? (.+)$|^(?:the|a) (?:common )?(?:belief|"
    r"assumption|idea|misconception) that (.+)$|^it is (?:a )?(?:common |frequent )?(?:mistake|error|misconception) to "
    r"(?:think|believe|assume)(?: that)? (.+)$|^(?:a )?(?:common |frequent )?(?:mistake|error|misconception) is "
    r"(?:to think|thinking|to believe|believing|to assume|assuming)(?: that)? (.+)$",
    re.IGNORECASE,
)


_DOERS = re.compile(
    r"^(?:many|some|most|a lot of) (?:learners|students|candidates|people|trainees|apprentices|beginners|staff)"
    r"(?: often| commonly| sometimes| wrongly| mistakenly)? ([a-z]+) (.+)$", re.IGNORECASE)


def _as_gerund_belief(text: str) -> str:
    """'Students often think that X' / 'The belief that X' -> 'Believing that X' (the shape of a mistake).

    Warnings written as orders become the mistake they warn about: 'Don't assume that X' ->
    'Assuming that X', 'Avoid relying on X' -> 'Relying on X', 'Never skip X' -> 'Skipping X'.
    """
    text = text.strip().rstrip(".")
    m = _HOLDER.match(text)
    if m:
        return f"Believing that {next(g for g in m.groups() if g)}"
    # "Many learners put a large pot … into the fridge": what they do, as a gerund.
    m = _DOERS.match(text)
    if m and is_verb(m.group(1).lower()) and m.group(1).lower() not in _DETERMINERS:
        return capitalise(f"{to_gerund(m.group(1))} {m.group(2)}")
    m = re.match(r"^(?:Avoid|Beware of)\s+(\w+ing\b.*)$", text, re.IGNORECASE)
    if m:
        return capitalise(m.group(1))
    # (not "Don't insulation-test …": the verb is the compound's, and "Insulationing-test" is no word, h49)
    m = re.match(r"^(?:Don['’]t|Do not|Never)\s+([a-z]+)\b(?!-)(.*)$", text, re.IGNORECASE)
    if m and m.group(1).lower() not in _DETERMINERS and not m.group(1).endswith(("ed", "ing")) \
            and is_verb(m.group(1).lower()):
        return capitalise(to_gerund(m.group(1)) + m.group(2))
    return text


@lru_cache(maxsize=1 << 16)
def as_mistake(text: str) -> str:
    """A mistake in gerund shape where a general rewrite exists ('Students think X' -> 'Believing that X')."""
    return _as_gerund_belief(text)


@lru_cache(maxsize=1 << 16)
def belief(mistake: str) -> str | None:
    """The statement a mistaken belief holds, to be keyed false: 'Assuming that X' -> 'X.'"""
    text = mistake.strip().rstrip(".")
    text = _as_gerund_belief(text)
    m = re.match(r"^(?:Assuming|Believing|Thinking|Presuming|Expecting)( that)? (.+)$", text, re.IGNORECASE)
    if m:
        body = trim(m.group(2))
        # "that" introduces a clause; without it ("Expecting instant results") look for a verb.
        verb = r"\b(is|are|was|were|will|can|does|do|has|have|improves?|guarantees?|means?|needs?)\b"
        if len(body.split()) >= 3 and (m.group(1) or re.search(verb, body)):
            return capitalise(body) + "."
        return None
    m = re.match(r"^(?:Confusing|Mixing up) (.+?) (?:with|and) ([^,;—]+)", text, re.IGNORECASE)
    if m:
        return f"{capitalise(m.group(1))} and {m.group(2).strip()} are the same thing."
    return None


@lru_cache(maxsize=1 << 16)
def from_tip(tip: str) -> str | None:
    """An exam tip as good practice: 'In written work, use real scenarios' -> 'Using real scenarios'."""
    text = tip.strip().rstrip(".")
    text = re.sub(r"^(?:In|For|When|During|While|Before|After|If|Throughout)\b[^,]*,\s*", "", text)
    text = re.sub(r"^(?:Always|Also|Be sure to|Be ready to|Make sure (?:that )?you|Remember to|Try to)\s+", "",
                  text, flags=re.IGNORECASE)
    text = re.sub(r"^\w+ly\s+", "", text)
    first, _, rest = text.partition(" ")
    if not first or first.lower() in _DETERMINERS or not first.isalpha() or not rest:
        return None
    if first[1:].islower() and not first.lower().endswith(("ly", "s", "ed", "ing")) and is_verb(first.lower()):
        return option(trim_purpose(trim(_coordinated(f"{to_gerund(first)} {rest}"))))
    return None


def _coordinated(text: str) -> str:
    """'negotiating and agree X' -> 'negotiating and agreeing X' (both verbs in the same form)."""
    m = re.match(r"^(\w+ing) (and|or) ([a-z]+)\b(.*)$", text)
    if m and m.group(3) not in _DETERMINERS and not m.group(3).endswith(("ing", "s", "ed")):
        return f"{m.group(1)} {m.group(2)} {to_gerund(m.group(3))}{m.group(4)}"
    return text


_MARK_LEAD = re.compile(
    r"^(?:Award credit for|Credit (?:should be |is )?given for|Credit for|Credit|Recognise|Expect|Look for|"
    r"Assessors? should look for|Assess|Learners? must|Candidates? must|Evidence (?:must|should) show)\s+",
    re.IGNORECASE,
)


_MODAL_LEAD = re.compile(
    r"^(?:The )?(?:candidates?|learners?|students?|answers?|responses?)(?: should| must| will| are expected to)"
    r"(?: be able to| clearly| accurately)?\s+", re.IGNORECASE,
)


@lru_cache(maxsize=1 << 16)
def from_marking(point: str) -> str | None:
    """A marking point as the practice it rewards: 'Award credit for clearly explaining how X' -> 'Explaining how X'."""
    text = point.strip().rstrip(".")
    m = _MODAL_LEAD.match(text)
    if m and not re.match(r"(?:demonstrat\w*|show) the ", text[m.end():]):
        # "Candidates should explain how X": the verb after the modal is the practice.
        first, _, rest = text[m.end():].partition(" ")
        if not rest or first.lower() in _DETERMINERS or not first.isalpha() or first.endswith(("ed", "ing")):
            return None
        return _gerund_start(_coordinated(f"{to_gerund(first)} {rest}"))
    text, n = _MARK_LEAD.subn("", text)
    if not n:
        return None
    m = re.match(r"^(?:clear )?(\w+) of (.+)$", text)
    if m and m.group(1).lower() in _NOMINAL and not _gerund_start(m.group(2)):
        text = f"{_NOMINAL[m.group(1).lower()]} {m.group(2)}"
    text = re.sub(r"^(?:clear |documented |practical |specific )?(?:evidence|examples|instances|demonstration)"
                  r"(?: of| that)?\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"^(?:demonstrat\w*(?:,[^,]+,)? )?the (?:candidate's |learner's |candidate’s )?ability to (\w+)",
                  lambda m: to_gerund(m.group(1)), text, flags=re.IGNORECASE)
    text = re.sub(r"^responses that (\w+)", lambda m: to_gerund(m.group(1)), text, flags=re.IGNORECASE)
    m = re.match(r"^(?:clear )?(\w+) of (.+)$", text)
    if m and m.group(1).lower() in _NOMINAL:
        text = f"{_NOMINAL[m.group(1).lower()]} {m.group(2)}"
    m = re.match(r"^how (.+)$", text)
    if m:
        text = f"showing how {m.group(1)}"
    text = _coordinated(text)
    return _gerund_start(text)


def imperative(practice: str) -> str | None:
    """'Explaining how X' -> 'Explain how X' (for essay prompts); None when unsure of the verb."""
    first, _, rest = practice.partition(" ")
    base = from_gerund(first)
    if not base:
        return None
    m = re.match(r"^(and|or) (\w+ing)\b(.*)$", rest)
    if m:
        second = from_gerund(m.group(2))
        if not second:
            return None
        rest = f"{m.group(1)} {second}{m.group(3)}"
    # "... criteria and suggesting improvements": the second verb follows the first.
    # Only when nothing but the first verb's object stands between (no comma, no other -ing word):
    # "techniques for building and maintaining" keeps its gerunds.
    m = re.match(r"^([^,]*?) and (\w+ing)\b(?!-)(.*)$", rest)
    if m and not any(w.endswith("ing") for w in m.group(1).split()) and from_gerund(m.group(2)):
        rest = f"{m.group(1)} and {from_gerund(m.group(2))}{m.group(3)}"
    return f"{capitalise(base)} {rest}".strip()
