"""Concept questions in both directions: definition -> which term, term -> which definition."""

from __future__ import annotations

from collections.abc import Sequence

from qbank.generate.common import first_distinct_concepts, fragment, item_id, rng_for, sentence, source_note
from qbank.model import Choice, Concept, Item, MultipleChoice, Topic

FAMILY = "concept"
OPTIONS = 4
POOL = max(OPTIONS - 1, 6)  # distractors are sampled from the first POOL candidates


def _distractor_concepts(concept: Concept, topic: Topic, topics: Sequence[Topic]) -> list[Concept]:
    """Other concepts, own topic first; never one with the same term."""
    return first_distinct_concepts(concept, topic, topics, POOL)


def generate(topics: Sequence[Topic], seed: int) -> list[Item]:
    items: list[Item] = []
    for topic in topics:
        for concept in topic.concepts:
            pool = _distractor_concepts(concept, topic, topics)
            if len(pool) < OPTIONS - 1:
                continue
            items.append(_which_term(concept, topic, pool, seed))
            items.append(_which_definition(concept, topic, pool, seed))
    return items


def _which_term(concept: Concept, topic: Topic, pool: list[Concept], seed: int) -> Item:
    ident = item_id(FAMILY, "term", topic.slug, concept.term, concept.definition)
    rng = rng_for(seed, ident)
    others = rng.sample(pool[:POOL], OPTIONS - 1)
    choices = [Choice(fragment(concept.term), True, f"Correct: this describes {concept.term}.")]
    choices += [
        Choice(fragment(o.term), False, f"Not this one: {o.term} is {_lower(o.definition)}")
        for o in others
    ]
    rng.shuffle(choices)
    return MultipleChoice(
        id=ident,
        family=FAMILY,
        topic=topic.slug,
        title=f"Which term: {concept.term}",
        stem=f"Which term is described here? \u201c{sentence(concept.definition)}\u201d",
        choices=tuple(choices),
        general_feedback=f"{concept.term}: {sentence(concept.definition)} {source_note(topic, concept.source)}",
        sources=(concept.source,),
        tags=(topic.slug, FAMILY),
    )


def _which_definition(concept: Concept, topic: Topic, pool: list[Concept], seed: int) -> Item:
    ident = item_id(FAMILY, "definition", topic.slug, concept.term, concept.definition)
    rng = rng_for(seed, ident)
    others = rng.sample(pool[:POOL], OPTIONS - 1)
    choices = [Choice(sentence(concept.definition), True, f"Correct: this is what {concept.term} means.")]
    choices += [
        Choice(sentence(o.definition), False, f"Not this one: that describes {o.term}.") for o in others
    ]
    rng.shuffle(choices)
    return MultipleChoice(
        id=ident,
        family=FAMILY,
        topic=topic.slug,
        title=f"Which description: {concept.term}",
        stem=f"Which statement best describes {concept.term}?",
        choices=tuple(choices),
        general_feedback=f"{concept.term}: {sentence(concept.definition)} {source_note(topic, concept.source)}",
        sources=(concept.source,),
        tags=(topic.slug, FAMILY),
    )


def _lower(text: str) -> str:
    text = sentence(text)
    return text[:1].lower() + text[1:] if text[1:2].islower() else text
