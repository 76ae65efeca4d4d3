"""Named models and acronyms found anywhere in a topic (HEAT, LASS, SMART, PDCA, NPS ...).

Items: the steps in order (Ordering), which model lists these steps, what a letter stands
for, what an abbreviation stands for. One item per acronym across the bank, built from the
expansion most files give; a letter that files expand differently is never asked, and the
other files' wording is named in the feedback.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Sequence

from lemminflect import getAllLemmas

from qbank.generate.common import (
    display_name, distractor_topics, item_id, names_another_model, sentence, short_title, source_note,
)
from qbank.generate.facts import NEIGHBOUR, Expansion, Facts, build_facts
from qbank.generate.options import HARD_CUES, LAST_RESORT, arrange, cues, pick_distractors
from qbank.generate.text import lower_first, option, sentence_case
from qbank.generate.scenario import is_procedure
from qbank.model import Choice, Item, MultipleChoice, Ordering, Topic

FAMILY = "model"
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth")


def generate(topics: Sequence[Topic], seed: int) -> list[Item]:
    facts = build_facts(topics)
    by_slug = {t.slug: t for t in topics}
    items: list[Item] = []
    # The ordering stem names a model only by what it is for: where that says nothing ("a model") or
    # says the same of two models, a learner cannot tell which order is asked (an examiner's find:
    # "These are the elements of a model" twice, for LAST and HEAT, in one untitled file).
    canons = {acr: facts.canonical(acr) for acr in facts.expansions}
    contexts = {acr: _context(c, by_slug[c.topic]) for acr, c in canons.items() if c.steps and ordered(c)}
    said = Counter(contexts.values())
    for acr, canon in canons.items():
        topic = by_slug[canon.topic]
        if canon.steps:
            context = contexts.get(acr, "")
            if context and context != _NO_CONTEXT and said[context] == 1:
                items.append(_ordering(canon, topic, facts))
            item = _which_model(canon, topic, facts, seed)
            if item:
                items.append(item)
            for i in range(len(canon.parts)):
                item = _letter(canon, i, topic, facts, seed)
                if item:
                    items.append(item)
        else:
            item = _stands_for(canon, topic, facts, seed)
            if item:
                items.append(item)
    return items


_ORDER_WORDS = re.compile(r"\b(?:in (?:this |that |the |their )?order|stages?|phases?|steps?|sequence|cycles?|in turn)\b",
                          re.IGNORECASE)


def ordered(canon: Expansion) -> bool:
    """Elements with an order of their own: steps someone carries out (Hear, Empathise …) or a list
    the notes call stages, phases, steps or a sequence. SMART's criteria or FITT's variables have
    no order beyond the mnemonic, which spells itself from the initials: they are not ordered."""
    return len(canon.parts) >= 3 and (is_procedure(canon) or bool(_ORDER_WORDS.search(canon.text)))


def _variants(facts: Facts, canon: Expansion) -> str:
    """Feedback naming files that expand the acronym differently."""
    notes = []
    for e in facts.expansions[canon.acronym]:
        diff = [(a, b) for a, b, ka, kb in zip(canon.parts, e.parts, canon.key, e.key) if ka != kb]
        for a, b in diff:
            notes.append(f"other notes give \u201c{b}\u201d instead of \u201c{a}\u201d")  # no file name: learners read this
    return (" Note: the notes disagree here: " + "; ".join(notes) + ".") if notes else ""


def _steps(e: Expansion) -> str:
    return ", ".join(e.parts)


def _context(canon: Expansion, topic: Topic) -> str:
    """What the model is for, from the concept whose definition names it ('complaint handling')."""
    for c in topic.concepts:
        if re.search(rf"\b{re.escape(canon.acronym)}\b", c.definition) and not names_another_model(c.term, canon.acronym):
            return f"the model for {lower_first(sentence_case(c.term))}"
    name = display_name(topic)
    return f"a model used in \u201c{name}\u201d" if name else _NO_CONTEXT


_NO_CONTEXT = "a model"


def _ordering(canon: Expansion, topic: Topic, facts: Facts) -> Item:
    # The stem does not name the acronym: its initials would give the order away.
    ident = item_id(FAMILY, "order", canon.acronym, *canon.key)
    return Ordering(
        id=ident, family=FAMILY, topic=topic.slug, title=short_title("Order", "model steps \u2013 " + _context(canon, topic).replace("the model for ", "")),
        stem=f"These are the elements of {_context(canon, topic)}. Put them in the model's order.",
        steps=tuple(option(p) for p in canon.parts),
        general_feedback=f"{canon.acronym}: {_steps(canon)}.{_variants(facts, canon)} {source_note(topic, canon.source)}",
        sources=(canon.source,), tags=(topic.slug, FAMILY), group=f"model-{canon.acronym}",
    )


def _swaps(canon: Expansion, facts: Facts, i: int, ident: str, topic: Topic) -> list[tuple[str, str]]:
    """Steps of other step models (of the topic's subject) that start with the same letter as element
    ``i`` and are never stated for it.

    Words of a name (the P of NPS, "Promoter") are not steps: offered among steps they would stand out.
    """
    acr, letter = canon.acronym, canon.acronym[i]
    stated = facts.stated_parts(acr, i) | set(canon.key)
    pool: dict[str, tuple[str, str]] = {}
    # Same course only, as for the letter items: "Listen" (LASS) in TILEO is eliminated unread.
    near = {t.slug for t in distractor_topics(topic, facts)}
    for other, e, part, key in facts.canonical_parts_in(letter, near):
        if other != acr and e.steps and key not in stated and key not in pool and _like_parts(canon, part):
            pool[key] = (option(part), other)
    return pick_distractors(option(canon.parts[i]), list(pool.values()), 1, f"{ident}:{i}")


def _like_parts(canon: Expansion, part: str) -> bool:
    """A part of another model as long, in words, as some part of this one: "Plan" and "Specific"
    among "Values people, …, Perspective of the service user, Social environment" stand out unread."""
    counts = [len(p.split()) for p in canon.parts]
    if not min(counts) <= len(part.split()) <= max(counts):
        return False
    # "Listen, Apologise, Solve, Thank" are orders: "Alternative" and "Agreement" beside "Apologise"
    # are struck out on form (h22's learner and examiner); a model of orders takes orders only
    if all(_order(p) for p in canon.parts):
        word = part.split()[0].lower()
        return word in getAllLemmas(word, upos="VERB").get("VERB", ())  # "Take action", "Plan" may be orders
    return True


def _order(part: str) -> bool:
    """The part opens with a verb's bare form that is not also a noun ("Listen", "Apologise"; not
    "Plan", "Check", "Take action", whose first words are nouns too): a model all of whose parts are
    such orders is a model of orders."""
    word = part.split()[0].lower() if part.split() else ""
    return word in getAllLemmas(word, upos="VERB").get("VERB", ()) and not getAllLemmas(word, upos="NOUN").get("NOUN")


def _which_model(canon: Expansion, topic: Topic, facts: Facts, seed: int) -> Item | None:
    """'Which list of elements is HEAT?' as a balanced 2x2 design.

    Asking which acronym fits a list of elements is answered by the initials, and options that
    each change one element converge on the key. Two positions with one same-initial swap each
    give four options in which every element appears exactly twice: neither cue is left.
    """
    acr = canon.acronym
    if any(facts.contested(acr, i) for i in range(len(canon.parts))):
        return None  # no single defensible full list
    ident = item_id(FAMILY, "which", acr, *canon.key)
    parts = [option(p) for p in canon.parts]
    swaps: dict[int, tuple[str, str]] = {}
    for k in range(len(parts)):
        found = [s for s in _swaps(canon, facts, k, ident, topic) if s[0] not in parts]
        if found and found[0][0] not in {t for t, _ in swaps.values()}:
            swaps[k] = found[0]
    if len(swaps) < 2:
        return None
    # Which two elements are swapped is content, not option order: it must not depend on the seed.
    i, j = sorted(random.Random(ident).sample(sorted(swaps), 2))

    def variant(*positions: int) -> str:
        return ", ".join(swaps[k][0] if k in positions else p for k, p in enumerate(parts))

    def wrong(*positions: int) -> str:
        notes = [f"\u201c{swaps[k][0]}\u201d belongs to {swaps[k][1]}; {acr} has \u201c{parts[k]}\u201d" for k in positions]
        return f"Not this one: {'; '.join(notes)}."

    stem = f"Which list gives the elements of {acr}, in order?"
    choices = [Choice(variant(), True, f"Correct: {acr} stands for {_steps(canon)}.")]
    choices += [Choice(variant(*ks), False, wrong(*ks)) for ks in ((i,), (j,), (i, j))]
    if len({c.text.casefold() for c in choices}) < 4 or set(cues(stem, choices)) & HARD_CUES:
        return None
    return MultipleChoice(
        id=ident, family=FAMILY, topic=topic.slug, title=short_title("Elements of", acr),
        stem=stem, choices=arrange(choices, seed, ident),
        general_feedback=f"{acr}: {_steps(canon)}.{_variants(facts, canon)} {source_note(topic, canon.source)}",
        sources=(canon.source,), tags=(topic.slug, FAMILY), group=f"model-{canon.acronym}",
    )


def _letter(canon: Expansion, i: int, topic: Topic, facts: Facts, seed: int) -> Item | None:
    acr, letter = canon.acronym, canon.acronym[i]
    if facts.contested(acr, i):
        return None  # the files disagree: there is no single defensible key
    ident = item_id(FAMILY, "letter", acr, str(i), canon.key[i])
    which = f"the {ORDINALS[acr[:i].count(letter)]} {letter}" if acr.count(letter) > 1 else f"the letter {letter}"
    stem = f"In {acr}, what does {which} stand for?"
    stated = facts.stated_parts(acr, i) | set(canon.key)
    # Other acronyms' canonical expansions only: a contested variant is never offered, and two
    # wordings of one letter ("Take action", "Take ownership") never sit side by side.
    pool: dict[str, tuple[str, Expansion]] = {}
    # Same course only: "Exertion" for the E of HEAT is eliminated without knowing HEAT.
    near = {t.slug for t in distractor_topics(topic, facts)}  # once per item, not once per part
    for other, e, part, key in facts.canonical_parts_in(letter, near):
        if other != acr and key not in stated and key not in pool and _like_parts(canon, part):
            pool[key] = (option(part), e)
    candidates = [(text, e) for text, e in pool.values()]
    # Steps from other step models are plausible; words of a name (the S of NPS, "Score") less so.
    chosen = pick_distractors(option(canon.parts[i]), candidates, 3, ident,
                              penalty=lambda e: 0.0 if e.steps == canon.steps else 0.5)
    chosen = [(t, e.acronym) for t, e in chosen]
    key = option(canon.parts[i])
    choices = [Choice(key, True, f"Correct: {acr} stands for {_steps(canon)}.")]
    choices += [Choice(t, False, f"Not in {acr}: \u201c{t}\u201d belongs to {o}.") for t, o in chosen]
    if len(chosen) < 2 or set(cues(stem, choices)) & HARD_CUES:
        return None
    return MultipleChoice(
        id=ident, family=FAMILY, topic=topic.slug, title=short_title("Letter", f"{acr} {which}"),
        stem=stem, choices=arrange(choices, seed, ident),
        general_feedback=f"{acr}: {_steps(canon)}. {source_note(topic, canon.source)}",
        sources=(canon.source,), tags=(topic.slug, FAMILY), group=f"model-{canon.acronym}",
    )


def _inline(text: str, facts: Facts) -> str:
    """Mid-sentence form: 'Net promoter score' -> 'net promoter score', names kept."""
    return text if text.split(" ", 1)[0] in facts.proper else lower_first(text)


def _phrase(e: Expansion, facts: Facts) -> str:
    return option(sentence_case(e.phrase or " ".join(e.parts), facts.proper))


_MINOR = frozenset("and of the for to in on a an at by with".split())


def _initials(phrase: str) -> str:
    """'Health and Safety Executive' -> 'HSE' (minor words skipped)."""
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", phrase) if w.lower() not in _MINOR).upper()


def _stands_for(canon: Expansion, topic: Topic, facts: Facts, seed: int) -> Item | None:
    ident = item_id(FAMILY, "abbrev", canon.acronym, *canon.key)
    stem = f"What does the abbreviation {canon.acronym} stand for?"
    # Only names whose initials spell the same letters: otherwise the initials alone pick the key.
    letters = _initials(_phrase(canon, facts))
    own = {t.slug for t in distractor_topics(topic, facts)}
    # the same course only (looked up per topic: a large bank is not scanned for every item)
    others = [(_phrase(facts.canonical(a), facts), a) for a in facts.acronyms_in(own)
              if a != canon.acronym and not facts.canonical(a).steps
              and _initials(_phrase(facts.canonical(a), facts)) == letters]
    by_slug = {t.slug: t for t in facts.topics}

    def distance(acronym: str) -> float:
        return facts.distance(topic, by_slug[facts.canonical(acronym).topic])

    chosen = pick_distractors(_phrase(canon, facts), others, 3, ident, penalty=distance)
    if len(chosen) < 2:
        return None  # abbreviations from another subject only: no plausible distractors
    choices = [Choice(_phrase(canon, facts), True, f"Correct: {canon.acronym} is {_inline(_phrase(canon, facts), facts)}.")]
    choices += [Choice(t, False, f"Not this one: that is what {a} stands for.") for t, a in chosen]
    if len(chosen) < 2 or set(cues(stem, choices)) & HARD_CUES:
        return None
    return MultipleChoice(
        id=ident, family=FAMILY, topic=topic.slug, title=short_title("Abbreviation", canon.acronym),
        stem=stem, choices=arrange(choices, seed, ident),
        general_feedback=f"{canon.acronym} stands for {_inline(_phrase(canon, facts), facts)}: {sentence(canon.text)} "
                         f"{source_note(topic, canon.source)}",
        sources=(canon.source,), tags=(topic.slug, FAMILY), group=f"model-{canon.acronym}",
    )
