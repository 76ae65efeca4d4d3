"""Scenario items from named models whose steps the notes give in order (HEAT, PDCA, LASS ...).

"A colleague using HEAT for complaint handling has just completed “Empathise”. Which step
of HEAT comes next?" Only built where the notes support it: the acronym's expansion is a
procedure (every part starts with a verb: Hear, Empathise ...; SMART's Specific, Measurable
are criteria, not steps), and the step keyed is not one that files expand differently. The
options are the model's other steps; each distractor's feedback says where that step falls.
"""

from __future__ import annotations

from collections.abc import Sequence

from lemminflect import getAllLemmas

from qbank.generate.common import item_id, learner_source, rng_for, short_title
from qbank.generate.facts import Expansion, Facts, build_facts
from qbank.model import Choice, Item, MultipleChoice, Section, Topic

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


def _context(e: Expansion, topic: Topic) -> str:
    """' for complaint handling' when the model is named in a key concept's definition."""
    if e.source.section is not Section.CONCEPTS:
        return ""
    for c in topic.concepts:
        if c.source == e.source and len(c.term.split()) <= 5 and e.acronym not in c.term:
            return f" for {c.term[:1].lower() + c.term[1:] if not c.term.split()[0].isupper() else c.term}"
    return ""


def _chain(e: Expansion) -> str:
    return " → ".join(e.parts)


def _position_note(e: Expansion, part: int, after: int | None) -> str:
    """Why a step is not the answer: where it falls in the model."""
    step = e.parts[part]
    if after is None:
        return f"“{step}” is step {part + 1} of {e.acronym}, so it does not come first ({_chain(e)})."
    if part < after:
        return f"“{step}” is step {part + 1} of {e.acronym}; it comes before “{e.parts[after]}”, not after it."
    return (f"“{step}” is step {part + 1} of {e.acronym}; it follows “{e.parts[part - 1]}”, "
            f"not “{e.parts[after]}”.")


def _item(e: Expansion, topic: Topic, facts: Facts, key: int, seed: int) -> Item | None:
    if facts.contested(e.acronym, key):
        return None  # files name this step differently: the key would be in doubt
    after = key - 1 if key > 0 else None
    context = _context(e, topic)
    if after is None:
        stem = f"A colleague is about to use {e.acronym}{context}. Which step of {e.acronym} comes first?"
    else:
        stem = (f"A colleague using {e.acronym}{context} has just completed “{e.parts[after]}”. "
                f"Which step of {e.acronym} comes next?")
    others = [n for n in range(len(e.parts)) if n != key and n != after]
    # nearest steps first: the step two on is the likeliest slip
    others.sort(key=lambda n: (abs(n - key), n))
    others = others[:MAX_OPTIONS - 1]
    if len(others) < 2:
        return None
    choices = [Choice(e.parts[key], True, f"Correct: {e.acronym} runs {_chain(e)}, so “{e.parts[key]}” "
                                         + (f"comes straight after “{e.parts[after]}”." if after is not None
                                            else "is the first step."))]
    choices += [Choice(e.parts[n], False, _position_note(e, n, after)) for n in others]
    rng_for(seed, f"{FAMILY}:{e.acronym}:{key}").shuffle(choices)
    return MultipleChoice(
        id=item_id(FAMILY, e.acronym, *e.parts, str(key)), family=FAMILY, topic=topic.slug,
        title=short_title("Scenario", stem), stem=stem, choices=tuple(choices),
        general_feedback=f"The notes give {e.acronym} as: {_chain(e)}. {learner_source(topic, e.source)}",
        sources=(e.source,), tags=(topic.slug, FAMILY),
    )


def generate(topics: Sequence[Topic], seed: int) -> list[Item]:
    facts = build_facts(topics)
    by_slug = {t.slug: t for t in topics}
    items: list[Item] = []
    for e in procedures(topics):
        topic = by_slug.get(e.topic)
        if topic is None:
            continue
        for key in range(len(e.parts)):
            item = _item(e, topic, facts, key, seed)
            if item is not None:
                items.append(item)
    return items
