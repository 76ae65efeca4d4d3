"""Matching: 4-6 term <-> definition pairs per topic, plus unused definitions so the last pair is not free.

No two prompts may name the same concept (that would make two right answers), and an
extra answer is never a definition of any prompt's concept in any file.
"""

from __future__ import annotations

from collections.abc import Sequence

from qbank.generate.common import display_name, item_id, short_title, source_note
from qbank.generate.concepts import clang, definition_text, term_text, usable
from qbank.generate.facts import Facts, build_facts
from qbank.generate.options import pick_distractors
from qbank.generate.text import content_stems
from qbank.model import Concept, Item, Matching, Pair, Topic
from qbank.writers.moodle_limits import LIMITS

FAMILY = "matching"
MIN_PAIRS, MAX_PAIRS, EXTRAS = 3, 6, 1
# A matching answer is a varchar(255) in Moodle (qtype_match_subquestions.answertext): a longer
# description would stop a tutor's whole import, so it is never an answer here (its concept is
# still asked about by the other families).
ANSWER_MAX = LIMITS["matching answer"].size


def fits(c: Concept) -> bool:
    return usable(c) and len(definition_text(c).strip()) <= ANSWER_MAX


def generate(topics: Sequence[Topic], seed: int) -> list[Item]:
    facts = build_facts(topics)
    items: list[Item] = []
    for topic in topics:
        chosen: list[Concept] = []
        usable_here = list(filter(fits, topic.concepts))
        for c in usable_here:
            if _giveaway(c, usable_here, topic, facts):
                continue  # a pair solvable by a shared word or the initials is no test of the match
            if not any(facts.same_concept(c, o) for o in chosen):
                chosen.append(c)
        groups = _groups(chosen)
        for n, group in enumerate(groups, 1):
            part = f" ({n} of {len(groups)})" if len(groups) > 1 else ""
            item = _matching(topic, group, facts, part)
            if item is not None:
                items.append(item)
    return items


def _giveaway(c: Concept, others: list[Concept], topic: Topic, facts: Facts) -> bool:
    """The pair is matched by a word its term and description share that no other description has,
    or by the term's initials in its description."""
    term = term_text(c, facts)
    if clang(term, definition_text(c), content_stems(term)):  # initials or expansion only
        return True
    shared = (content_stems(term, drop_generic=True) - facts.common.get(topic.slug, frozenset())) \
        & content_stems(definition_text(c))
    return any(all(s not in content_stems(definition_text(o)) for o in others if o is not c) for s in shared)


def _groups(concepts: list[Concept]) -> list[list[Concept]]:
    """Up to six pairs per item; a long list is split into near-equal items of at least four."""
    if len(concepts) <= MAX_PAIRS:
        return [concepts] if len(concepts) >= MIN_PAIRS else []
    count = -(-len(concepts) // MAX_PAIRS)
    size = -(-len(concepts) // count)
    return [concepts[i : i + size] for i in range(0, len(concepts), size)]


def _matching(topic: Topic, chosen: list[Concept], facts: Facts, part: str) -> Item | None:
    chosen = list(chosen)
    # Extras: definitions of concepts unlike every prompt, own topic first, close in length.
    near = facts.concepts_of(facts.neighbourhood(topic))  # related topics only: linear in the bank
    pool = [(t, c) for t, c in [(topic, c) for c in topic.concepts] + near
            if fits(c) and c not in chosen and not any(facts.same_concept(c, p) for p in chosen)]
    longest = max(chosen, key=lambda c: len(definition_text(c)))
    ident = item_id(FAMILY, *(f"{c.term.casefold()}\x1e{c.definition}" for c in chosen))
    extras = pick_distractors(definition_text(longest), [(definition_text(c), (t, c)) for t, c in pool],
                              EXTRAS, ident, clash=lambda a, b: facts.same_concept(a[1], b[1]),
                              penalty=lambda p: facts.distance(topic, p[0]))
    if not extras and len(chosen) > MIN_PAIRS:
        # Nothing unlike every prompt elsewhere: keep one of the topic's own descriptions unused.
        spare = chosen.pop()
        extras = [(definition_text(spare), (topic, spare))]
    if not extras:
        return None  # without an unused answer the last pair would be free
    sources = tuple(c.source for c in chosen)
    return Matching(
        id=ident, family=FAMILY, topic=topic.slug,
        title=short_title("Match terms", display_name(topic) + part) if topic.named else f"Match terms{part}",
        stem="Match each term to the description that fits it best. One description is not used.",
        pairs=tuple(Pair(term_text(c, facts), definition_text(c)) for c in chosen),
        extra_answers=tuple(text for text, _ in extras),
        general_feedback=" ".join(f"{term_text(c, facts)}: {definition_text(c)}." for c in chosen)
        + f" The unused description belongs to {term_text(extras[0][1][1], facts)}."
        + f" {source_note(topic, sources[0])}",
        sources=sources, tags=(topic.slug, FAMILY),
    )
