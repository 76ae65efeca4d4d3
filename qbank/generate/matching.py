"""Matching: 4-6 term <-> definition pairs per topic, plus unused definitions so the last pair is not free.

No two prompts may name the same concept (that would make two right answers), and an
extra answer is never a definition of any prompt's concept in any file.
"""

from __future__ import annotations

from collections.abc import Sequence

from qbank.generate.common import display_name, distractor_topics, item_id, short_title, source_note
from qbank.generate.concepts import clang, concept_kind, definition_text, term_text, usable
from qbank.generate.facts import Facts, build_facts
from qbank.generate.options import pick_distractors
from qbank.generate.text import content_stems
from qbank.model import Concept, Item, Matching, Pair, Topic
from qbank.writers.moodle_limits import LIMITS

FAMILY = "matching"
MIN_PAIRS, MAX_PAIRS, EXTRAS = 4, 6, 1
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
        usable_here = list(filter(fits, topic.concepts))
        # One kind of thing per item (kinds.kind: organisms, devices, activities …): beside
        # "Monitoring", "Hygiene and exclusion" and "Action threshold", a plain-English reader
        # matches "yellow sticky traps", "weed-free margins" and "the pest level" unread (an
        # examiner rated every such item on unseen notes seriously flawed).
        by_kind: dict[str, list[Concept]] = {}
        for c in usable_here:
            by_kind.setdefault(_class(c), []).append(c)
        for kind_name, alike in by_kind.items():
            chosen: list[Concept] = []
            for c in alike:
                if _giveaway(c, alike, topic, facts):
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


def _class(c: Concept) -> str:
    """The class a description names (device, organism, activity …), or for a noun outside the
    classes that noun itself ("other:strip"). Nouns outside the classes once counted as one class,
    and h7's examiner read a grip, a board scheme and two cuts matched by plain meaning ("fingertips"
    → claw grip, a list of colours → boards): serious. Every pair of a matching item now names one
    kind of thing."""
    return concept_kind(c) or ""


def _giveaway(c: Concept, others: list[Concept], topic: Topic, facts: Facts) -> bool:
    """The pair is matched by a word its term and description share that no other description has,
    or by the term's initials in its description."""
    term = term_text(c, facts)
    if clang(term, definition_text(c), content_stems(term)):  # initials or expansion only
        return True
    shared = _shared(c, facts)
    # A shared word is a cue unless every other description has it too (then it singles none out).
    return any(any(s not in content_stems(definition_text(o)) for o in others if o is not c) for s in shared)


def _shared(c: Concept, facts: Facts) -> set[str]:
    """Word stems the term and its own description share (any word of the term, generic or not)."""
    return content_stems(term_text(c, facts)) & content_stems(definition_text(c))


def _self_naming(c: Concept, facts: Facts) -> bool:
    """A description that names its own term (a word, the initials, the expansion): as a spare it is
    eliminated unread, as an answer it is matched unread."""
    return clang(term_text(c, facts), definition_text(c)) or bool(_shared(c, facts))


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
    near = [(t, c) for t in distractor_topics(topic, facts) for c in t.concepts]  # same subject only
    pool = [(t, c) for t, c in near
            if fits(c) and c not in chosen and not any(facts.same_concept(c, p) for p in chosen)
            and _class(c) == _class(chosen[0])  # a spare of another kind is eliminated unread
            and not _self_naming(c, facts)]
    longest = max(chosen, key=lambda c: len(definition_text(c)))
    ident = item_id(FAMILY, *(f"{c.term.casefold()}\x1e{c.definition}" for c in chosen))
    extras = pick_distractors(definition_text(longest), [(definition_text(c), (t, c)) for t, c in pool],
                              EXTRAS, ident, clash=lambda a, b: facts.same_concept(a[1], b[1]),
                              penalty=lambda p: facts.distance(topic, p[0]))
    if not extras and len(chosen) > MIN_PAIRS:
        # Nothing unlike every prompt elsewhere: keep one of the topic's own descriptions unused.
        spare = chosen.pop()
        extras = [(definition_text(spare), (topic, spare))]
    if not extras or len(chosen) < MIN_PAIRS:
        return None  # without an unused answer the last pair would be free; fewer than four is a guess
    if any(_giveaway(c, chosen, topic, facts) for c in chosen):
        return None  # within this item a premise shares a word with its own answer only
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
