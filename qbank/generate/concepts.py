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
from qbank.generate.facts import NEIGHBOUR, Facts, build_facts
from qbank.generate.options import HARD_CUES, arrange, cues, length_cv, pick_distractors
from qbank.generate.text import STOPWORDS, absolutes_in, content_stems, lower_first, option, sentence_case, trim, words
from qbank.model import Choice, Concept, Item, MultipleChoice, Topic, TrueFalse

FAMILY = "concept"
DISTRACTORS = 3
POOL_LIMIT = 150  # concepts looked at for one pool, own topic first (neighbourhoods hold ~30-70)
# Options of very unequal length (a one-line description beside a seven-step list) are read by
# length, not meaning: such an item is not asked. Definitions are no longer cut to fit (a cut list
# changes what a term means), so this is where unequal lengths are caught.
MAX_CV = 0.45


def generate(topics: Sequence[Topic], seed: int) -> list[Item]:
    from qbank.generate.misconceptions import tf_statements, usable_readings

    facts = build_facts(topics)
    items: list[Item] = []
    said_true = said = 0  # true/false statements so far, bank-wide, for the 40-60% balance
    for topic in topics:
        statements: list[tuple[Concept, list]] = []
        for concept in filter(usable, topic.concepts):
            if facts.earlier_twin(topic, concept) is not None:
                continue  # near-identical bullet in an earlier file: one pair of items is enough
            pool = distractor_concepts(concept, topic, facts)
            for make in (_which_term, _which_definition):
                item = make(concept, topic, pool, seed, facts)
                if item is not None:
                    items.append(item)
            statements.append((concept, pool))
        # True/false: the misconception family's beliefs (false) and corrections (true) are fixed;
        # definition statements, true or paired with another concept's definition, balance them.
        fixed = [answer for r in usable_readings(topic, facts) for _, answer in tf_statements(r)]
        eligible = [(c, pool) for c, pool in statements if _statement_ok(c, c, facts)]
        total = said + len(fixed) + len(eligible)
        want_true = max(0, min(len(eligible), round(total / 2) - said_true - sum(fixed)))
        ordered = sorted(eligible, key=lambda cp: item_id(FAMILY, "tf-order", *_identity(cp[0])))
        shown: set[Concept] = {c for c, _ in ordered[:want_true]}  # descriptions already in a statement
        for n, (concept, pool) in enumerate(ordered):
            item = _statement(concept, topic, pool, n < want_true, facts, shown)
            if item is not None:
                items.append(item)
                said_true += item.answer
                said += 1
        said_true += sum(fixed)
        said += len(fixed)
    return items


def group_key(concept: Concept) -> str:
    """Items that test what one term means (either direction, true/false) are variants of one question."""
    return "concept-" + item_id("", *_identity(concept)).split("-", 1)[1]


def _statement_ok(term_of: Concept, definition_of: Concept, facts: Facts) -> bool:
    """No word, stem or initials of the term in the statement's definition: the pairing must be known."""
    term, body = term_text(term_of, facts), definition_text(definition_of)
    if absolutes_in(body):
        return False  # "every", "only": a true/false reader takes them as the mark of a false statement
    return not clang(term, body, facts.common.get(facts._topic_of(term_of), frozenset()))


def clang(term: str, text: str, domain: frozenset[str] = frozenset()) -> bool:
    """The term, a word of it, its initials or its expansion appear in the text (a stem-key cue).

    'SLA' in a description of 'Service level agreement'; 'Hazard Analysis …' in a description of
    'HACCP'; 'the 4Cs: Cleaning, Cooking, Chilling …' (the letters of the term open the listed words).
    """
    if (content_stems(term, drop_generic=True) - domain) & content_stems(text):
        return True  # a word of the term ('customer' in a customer-service course is no cue: facts.common)
    ws = [w for w in words(term) if w not in STOPWORDS]
    initials = "".join(w[0] for w in ws).upper()
    acronyms = set(re.findall(r"\b([A-Z][A-Z0-9]{1,})s?\b", term)) | ({initials} if len(initials) >= 2 else set())
    if any(re.search(rf"\b{re.escape(a)}s?\b", text) for a in acronyms):
        return True
    # An acronym term spelled out in the text: consecutive capitalised words whose initials give it.
    caps = [w[0] for w in re.findall(r"\b[A-Z][a-z]\w*", text)]
    spelled = "".join(caps)
    return any(len(a) >= 2 and a.isalpha() and a in spelled for a in acronyms)


def _statement(concept: Concept, topic: Topic, pool: list, true: bool, facts: Facts, shown: set[Concept]
               ) -> Item | None:
    """'In the notes, “Term” means: definition.' keyed true, or with another concept's definition keyed false.

    A description appears in one statement at most (``shown``): met twice with two terms, at
    least one pairing would be known false without knowing either term.
    """
    name = term_text(concept, facts)
    other = None
    if not true:
        fits = [c for t, c in pool if c not in shown and _statement_ok(concept, c, facts)]
        other = next((c for t, c in pool if t is topic and c in fits), None) or next(iter(fits), None)
        if other is None:
            return None
        shown.add(other)
    body = definition_text(other or concept)
    stem = f"In the notes, \u201c{name}\u201d means: {lower_first(body)}."
    ident = item_id(FAMILY, "statement", *_identity(concept), *(_identity(other) if other else ()))
    fact = f"{name}: {sentence(concept.definition)}"
    if other is not None:
        fact += f" The description given belongs to {term_text(other, facts)}."
    return TrueFalse(
        id=ident, family=FAMILY, topic=topic.slug, title=short_title("True or false", name), stem=stem,
        answer=true, feedback_true=("Right: " if true else "Not so: ") + fact,
        feedback_false=("Not so: this is what it means. " if true else "Right: ") + fact,
        general_feedback=f"{fact} {source_note(topic, concept.source)}",
        sources=(concept.source,) + ((other.source,) if other else ()), tags=(topic.slug, FAMILY),
        group=group_key(concept),
    )


def distractor_concepts(concept: Concept, topic: Topic, facts: Facts) -> list[tuple[Topic, Concept]]:
    """Other concepts, own topic first, then related topics (facts.neighbourhood); none that any
    file states to be the key's concept."""
    out: list[tuple[Topic, Concept]] = []
    names: set[str] = {concept.term.casefold()}
    # The same course only: a fitness description among bookkeeping ones is eliminated unread.
    ordered = ((t, c) for t in facts.neighbourhood(topic) if facts.distance(topic, t) <= NEIGHBOUR for c in t.concepts)
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
        "group": group_key(concept),
    }


def _which_term(concept: Concept, topic: Topic, pool: list, seed: int, facts: Facts) -> Item | None:
    if clang(term_text(concept, facts), definition_body(concept), facts.common.get(topic.slug, frozenset())):
        return None  # the description names its own term (a word, the initials or the expansion)
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
    if clang(name, definition_text(concept), facts.common.get(topic.slug, frozenset())):
        return None  # the key would repeat the term the stem names
    stem = f"Which description fits the term \u201c{name}\u201d?"  # quoted: no article to guess
    key = definition_text(concept)
    # A description that names its own term ("HACCP (…) is a preventive system") is eliminated unread.
    candidates = [(definition_text(c), (n, t, c)) for n, (t, c) in enumerate(pool)
                  if not clang(term_text(c, facts), definition_text(c), facts.common.get(t.slug, frozenset()))]
    chosen = pick_distractors(key, candidates, DISTRACTORS, ident, stem,
                              lambda a, b: facts.same_concept(a[2], b[2]), lambda p: _elsewhere(p, topic, facts))
    choices = [Choice(key, True, f"Correct: this is what {name} means.")]
    for text, (_, t, c) in chosen:
        choices.append(Choice(text, False, f"Not this one: that describes {term_text(c, facts)}, not {name}."))
    if len(chosen) < DISTRACTORS or set(cues(stem, choices)) & HARD_CUES or length_cv([c.text for c in choices]) > MAX_CV:
        return None
    return MultipleChoice(
        id=ident, title=short_title("Describes", name), stem=stem, choices=arrange(choices, seed, ident),
        **_common(concept, topic, facts),
    )
