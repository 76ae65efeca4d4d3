"""Scenario items from named models whose steps the notes give in order (HEAT, PDCA, LASS ...).

"A colleague using HEAT for complaint handling has just completed “Empathise”. Which step
of HEAT comes next?" Only built where the notes support it: the acronym's expansion is a
procedure (every part starts with a verb: Hear, Empathise ...; SMART's Specific, Measurable
are criteria, not steps), and the step keyed is not one that files expand differently. The
options are the model's other steps; each distractor's feedback says where that step falls.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lemminflect import getAllLemmas

from qbank.generate.common import item_id, learner_source, rng_for, short_title
from qbank.generate.facts import Expansion, Facts, build_facts
from qbank.generate.text import capitalise
from qbank.model import Choice, Item, MultipleChoice, Section, Source, Topic

FAMILY = "scenario"
MAX_OPTIONS = 4


def is_procedure(e: Expansion) -> bool:
    """Steps done in order: at least 3 parts, each starting with a verb's base form."""
    if not e.steps or len(e.parts) < 3:
        return False
    for part in e.parts:
        word = part.split()[0].lower()
        if word not in getAllLemmas(word, upos="VERB").get("VERB", ()):
            return False
    return True


def procedures(topics: Sequence[Topic]) -> list[Expansion]:
    """The canonical expansion of every acronym the notes give as an ordered procedure."""
    facts = build_facts(topics)
    return [facts.canonical(a) for a in facts.expansions if is_procedure(facts.canonical(a))]


@dataclass(frozen=True)
class Steps:
    """An order the notes state: a named model's steps (HEAT), a procedure, or components in order of flow."""

    name: str  # "HEAT", "safe isolation procedure"
    parts: tuple[str, ...]
    source: Source
    topic: str  # Topic.slug
    procedure: bool  # steps someone carries out (else an order of things, e.g. "in order of flow")
    order_of: str = ""  # "flow" for "in order of flow"
    acronym: str = ""


# "carried out in this order – a, b, c", "in four steps, DORA – a, b, c", "in order of flow – a, b and c"
_AFTER_MARKER = re.compile(
    r"(?P<marker>\bin (?:this|that|the following) order|\bin order of (?P<of>\w+)|\bin (?:\w+ )?steps|"
    r"\b(?:fixed |following )?sequence)\b[^–—:]{0,40}?(?:[,]?\s*(?P<acr>[A-Z]{2,6}))?\s*[–—:]\s*(?P<list>[^.;]+)",
)
# "Avoid, Prevent, Mitigate, applied in that order"
_BEFORE_MARKER = re.compile(r"(?:^|[:–—]\s*)(?P<list>[^.;:–—]+?),?\s+(?:applied |carried out |done |followed )?in (?:this|that) order\b")
MAX_WORDS = 5


def _list_items(text: str) -> tuple[str, ...] | None:
    text = re.sub(r"\s*\([^()]*\)", "", text).strip()
    items = [i.strip() for i in re.split(r",\s*(?:and |or |then )?|\s+(?:and|then)\s+", text) if i.strip()]
    if len(items) < 3 or any(len(i.split()) > MAX_WORDS or not re.match(r"[A-Za-z]", i) for i in items):
        return None
    if len({i.casefold() for i in items}) != len(items):
        return None
    return tuple(items)


def stated_orders(topic: Topic) -> list[Steps]:
    """Ordered lists a key concept states ("in this order – identify, isolate, secure ...")."""
    found: list[Steps] = []
    for c in topic.concepts:
        for m in _AFTER_MARKER.finditer(c.definition):
            items = _list_items(m.group("list"))
            if not items:
                continue
            acr = m.group("acr") or ""
            if acr and "".join(i[0].upper() for i in items) != acr:
                acr = ""
            of = m.group("of") or ""
            found.append(Steps(acr or _name(c.term), items, c.source, topic.slug, not of, of, acr))
        for m in _BEFORE_MARKER.finditer(c.definition):
            items = _list_items(m.group("list"))
            if items:
                found.append(Steps(_name(c.term), items, c.source, topic.slug, True))
    return found


def _name(term: str) -> str:
    return term if term.split()[0].isupper() else term[:1].lower() + term[1:]


def _context(e: Steps, topic: Topic) -> str:
    """' for complaint handling' when an acronym is named in a key concept's definition."""
    if not e.acronym or e.source.section is not Section.CONCEPTS:
        return ""
    for c in topic.concepts:
        if c.source == e.source and len(c.term.split()) <= 5 and e.acronym not in c.term:
            return f" ({c.term})"
    return ""


def _chain(e: Steps) -> str:
    return " → ".join(e.parts)


def _called(e: Steps) -> str:
    return e.acronym or f"the {e.name}"


def _position_note(e: Steps, part: int, after: int | None) -> str:
    """Why a step is not the answer: where it falls in the order."""
    step, whole = e.parts[part], _called(e)
    if after is None:
        return f"“{step}” is number {part + 1} in {whole}, so it does not come first ({_chain(e)})."
    if part == after:
        return f"“{step}” is the one just completed; {whole} moves on to “{e.parts[after + 1]}”."
    if part < after:
        return f"“{step}” is number {part + 1} in {whole}; it comes before “{e.parts[after]}”, not after it."
    return f"“{step}” is number {part + 1} in {whole}; it follows “{e.parts[part - 1]}”, not “{e.parts[after]}”."


def _stem(e: Steps, after: int | None, context: str) -> str:
    if e.acronym:
        if after is None:
            return f"A colleague is about to use {e.acronym}{context}. Which step of {e.acronym} comes first?"
        return (f"A colleague using {e.acronym}{context} has just completed “{e.parts[after]}”. "
                f"Which step of {e.acronym} comes next?")
    if not e.procedure:
        order = f", in order of {e.order_of}" if e.order_of else ""
        if after is None:
            return f"In the {e.name}{order}, which comes first?"
        return f"In the {e.name}{order}, which comes straight after the {e.parts[after]}?"
    if after is None:
        return f"A colleague is about to work through the {e.name}. Which step comes first?"
    return f"A colleague working through the {e.name} has just completed the step “{e.parts[after]}”. Which step comes next?"


def _item(e: Steps, topic: Topic, facts: Facts, key: int, seed: int) -> Item | None:
    if e.acronym and e.acronym in facts.expansions and facts.contested(e.acronym, key):
        return None  # files name this step differently: the key would be in doubt
    after = key - 1 if key > 0 else None
    others = [n for n in range(len(e.parts)) if n != key and n != after]
    others.sort(key=lambda n: (abs(n - key), n))  # nearest steps first: the step two on is the likeliest slip
    if after is not None and len(others) < 2:
        others.append(after)  # a three-step order: "the one just done" is the last wrong answer left
    others = others[:MAX_OPTIONS - 1]
    if len(others) < 2:
        return None
    stem = _stem(e, after, _context(e, topic))
    right = "comes first" if after is None else f"comes straight after “{e.parts[after]}”"
    choices = [Choice(capitalise(e.parts[key]), True, f"Correct: {_called(e)} runs {_chain(e)}, so “{e.parts[key]}” {right}.")]
    choices += [Choice(capitalise(e.parts[n]), False, _position_note(e, n, after)) for n in others]
    rng_for(seed, f"{FAMILY}:{e.name}:{key}").shuffle(choices)
    return MultipleChoice(
        id=item_id(FAMILY, e.name, *e.parts, str(key)), family=FAMILY, topic=topic.slug,
        title=short_title("Scenario", stem), stem=stem, choices=tuple(choices),
        general_feedback=f"The notes give {_called(e)} in this order: {_chain(e)}. {learner_source(topic, e.source)}",
        sources=(e.source,), tags=(topic.slug, FAMILY),
    )


def orders(topics: Sequence[Topic]) -> list[Steps]:
    """Every stated order, once: named procedures (acronyms, canonical expansion) and ordered lists."""
    seen: set[tuple[str, ...]] = set()
    out: list[Steps] = []
    for e in procedures(topics):
        steps = Steps(e.acronym, e.parts, e.source, e.topic, True, "", e.acronym)
        seen.add(tuple(p.casefold() for p in e.parts))
        out.append(steps)
    for t in topics:
        for steps in stated_orders(t):
            key = tuple(p.casefold() for p in steps.parts)
            if key not in seen:
                seen.add(key)
                out.append(steps)
    return out


def generate(topics: Sequence[Topic], seed: int) -> list[Item]:
    facts = build_facts(topics)
    by_slug = {t.slug: t for t in topics}
    items: list[Item] = []
    for e in orders(topics):
        topic = by_slug.get(e.topic)
        if topic is None:
            continue
        for key in range(len(e.parts)):
            item = _item(e, topic, facts, key, seed)
            if item is not None:
                items.append(item)
    return items
