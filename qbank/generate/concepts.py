"""Concept questions in both directions: definition -> which term, term -> which definition.

A distractor is never a concept that any topic file states to be the same thing as the
key (same or synonymous term, or a definition in matching words): see facts.same_concept.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import lru_cache

from qbank.generate.common import item_id, sentence, short_title, source_note
from qbank.generate.facts import Facts, build_facts
from qbank.generate.options import HARD_CUES, arrange, cues, pick_distractors
from qbank.generate.text import lower_first, option, sentence_case, trim, words
from qbank.model import Choice, Concept, Item, MultipleChoice, Topic

FAMILY = "concept"
DISTRACTORS = 3
POOL_LIMIT = 150  # concepts looked at for one pool, own topic first (neighbourhoods hold ~30-70)


def generate(topics: Sequence[Topic], seed: int) -> list[Item]:
    facts = build_facts(topics)
    items: list[Item] = []
    for topic in topics:
        for concept in filter(usable, topic.concepts):
            if facts.earlier_twin(topic, concept) is not None:
                continue  # near-identical bullet in an earlier file: one pair of items is enough
            pool = distractor_concepts(concept, topic, facts)
            for make in (_which_term, _which_definition):
                item = make(concept, topic, pool, seed, facts)
                if item is not None:
                    items.append(item)
    return items


def distractor_concepts(concept: Concept, topic: Topic, facts: Facts) -> list[tuple[Topic, Concept]]:
    """Other concepts, own topic first, then related topics (facts.neighbourhood); none that any
    file states to be the key's concept."""
    out: list[tuple[Topic, Concept]] = []
    names: set[str] = {concept.term.casefold()}
    ordered = ((t, c) for t in facts.neighbourhood(topic) for c in t.concepts)
    for t, c in itertools.islice(ordered, POOL_LIMIT):  # bounded: a file of 1,000 concepts is not 10^6 comparisons
        if not usable(c) or c.term.casefold() in names or facts.same_concept(concept, c):
            continue
        names.add(c.term.casefold())
        out.append((t, c))
    return out


def _inline(term: str, facts: Facts) -> str:
    """A term as it reads mid-sentence: first letter lowered unless it is a name or an acronym."""
    first = term.split(" ", 1)[0]
    return term if first in facts.proper else lower_first(term)


def _identity(concept: Concept) -> tuple[str, str]:
    """What makes two concept bullets the same item: case and spacing do not count."""
    return concept.term.casefold(), " ".join(concept.definition.casefold().split()).rstrip(".")


def _elsewhere(payload: tuple, topic: Topic, facts: Facts) -> float:
    """Concepts from the key's own topic make plausible distractors; other subjects rarely do."""
    return facts.distance(topic, payload[1])


@lru_cache(maxsize=1 << 16)  # asked for every concept in every pool
def usable(concept: Concept) -> bool:
    """A term and a definition that still say something once shaped as options."""
    return bool(words(concept.term)) and len(words(trim(definition_body(concept)))) >= 2


def term_text(concept: Concept, facts: Facts | None = None) -> str:
    return option(sentence_case(concept.term, facts.proper if facts else frozenset()))


@lru_cache(maxsize=1 << 16)  # asked for every concept in every pool
def definition_body(concept: Concept) -> str:
    """The definition without a lead-in that repeats the term ('Mitosis is cell division …' -> 'Cell division …')."""
    lead = re.compile(rf"^(?:(?:the|a|an)\s+)?{re.escape(concept.term.strip())}(?:e?s)?\s+"
                      r"(?:is|are|means|refers to|describes|involves)\s+", re.IGNORECASE)
    body = lead.sub("", concept.definition.strip())
    return body if len(words(body)) >= 2 else concept.definition


@lru_cache(maxsize=1 << 16)  # asked for every concept in every pool
def definition_text(concept: Concept) -> str:
    return option(trim(definition_body(concept)))


def _common(concept: Concept, topic: Topic, facts: Facts) -> dict:
    return {
        "family": FAMILY,
        "topic": topic.slug,
        "general_feedback": f"{term_text(concept, facts)}: {sentence(concept.definition)} {source_note(topic, concept.source)}",
        "sources": (concept.source,),
        "tags": (topic.slug, FAMILY),
    }


def _which_term(concept: Concept, topic: Topic, pool: list, seed: int, facts: Facts) -> Item | None:
    ident = item_id(FAMILY, "term", *_identity(concept))
    stem = f"Which term is described here? \u201c{sentence(trim(definition_body(concept)))}\u201d"
    key = term_text(concept, facts)
    # Own-topic concepts first: equally good candidates from the same topic win ties.
    candidates = [(term_text(c, facts), (n, t, c)) for n, (t, c) in enumerate(pool)]
    chosen = pick_distractors(key, candidates, DISTRACTORS, ident, stem,
                              lambda a, b: facts.same_concept(a[2], b[2]), lambda p: _elsewhere(p, topic, facts))
    choices = [Choice(key, True, f"Correct: this describes {_inline(key, facts)}.")]
    for text, (_, t, c) in chosen:
        choices.append(Choice(text, False, f"Not this one: {text} means {lower_first(sentence(c.definition))}"))
    if len(chosen) < DISTRACTORS or set(cues(stem, choices)) & HARD_CUES:
        return None
    return MultipleChoice(
        id=ident, title=short_title("Which term", sentence(trim(definition_body(concept)))), stem=stem, choices=arrange(choices, seed, ident),
        **_common(concept, topic, facts),
    )


def _which_definition(concept: Concept, topic: Topic, pool: list, seed: int, facts: Facts) -> Item | None:
    ident = item_id(FAMILY, "definition", *_identity(concept))
    name = term_text(concept, facts)
    stem = f"Which description fits the term \u201c{name}\u201d?"  # quoted: no article to guess
    key = definition_text(concept)
    candidates = [(definition_text(c), (n, t, c)) for n, (t, c) in enumerate(pool)]
    chosen = pick_distractors(key, candidates, DISTRACTORS, ident, stem,
                              lambda a, b: facts.same_concept(a[2], b[2]), lambda p: _elsewhere(p, topic, facts))
    choices = [Choice(key, True, f"Correct: this is what {name} means.")]
    for text, (_, t, c) in chosen:
        choices.append(Choice(text, False, f"Not this one: that describes {term_text(c, facts)}, not {name}."))
    if len(chosen) < DISTRACTORS or set(cues(stem, choices)) & HARD_CUES:
        return None
    return MultipleChoice(
        id=ident, title=short_title("Describes", name), stem=stem, choices=arrange(choices, seed, ident),
        **_common(concept, topic, facts),
    )
