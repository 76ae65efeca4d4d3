"""Cloze items from key sentences: a concept's definition with its missing words to choose.

Gaps, each with options of the same kind from the same topic file (never another subject's):
- no term gap ("____: definition" is the concept item again; the concept family asks it);
- a named model or abbreviation the definition mentions (HEAT, PDCA, KPIs): other models of
  the same kind (procedures with procedures, names with names);
- a value with a unit (other values of the same kind, as the numeric family chooses them), only
  where the numeric family does not ask it (no duplicate) and would not skip it as unsound;
- every value of a sentence stating three or more, unless they run in size order through the
  text (sorting the options would fill the gaps).
Written as Moodle "select missing words" (gapselect) and QTI inline choice; an item needs
at least one gap with two or more distractors.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from qbank.generate.common import cue_free_choice, item_id, learner_source, short_title
from qbank.generate.facts import Facts, build_facts
from qbank.generate.numeric import (
    FactIndex, _facts_of, bounded_by_stem, contested, distractors_for, fact_index, is_calculation, is_example,
    nearest_printed, number_printed, odd_unit, skip_reason, subject_pool,
)
from qbank.generate.numeric import item_for as numeric_item
from qbank.generate.scenario import is_procedure
from qbank.generate.text import content_stems, jaccard
from qbank.model import Cloze, Concept, Gap, Item, Topic

FAMILY = "cloze"
OPTIONS = 4
SIMILAR = 0.2  # definition Jaccard from which another concept might also fit the gap


def _kind(facts: Facts, acronym: str) -> str:
    """'procedure' (HEAT, PDCA), 'criteria' (SMART) or 'name' (KPI, SLA): gaps offer only one kind."""
    canon = facts.canonical(acronym)
    return "procedure" if is_procedure(canon) else "criteria" if canon.steps else "name"
BLANK = "____"


def _clip(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def _subject(topic: Topic, facts: Facts) -> list[Topic]:
    """Options come from the topic's own file only: another subject's term is a give-away."""
    return [topic]


_NUMBER_WORDS = {"1": "one", "2": "two", "3": "three", "4": "four", "5": "five", "6": "six", "7": "seven",
                 "8": "eight", "9": "nine", "10": "ten"}


def gives_term_away(term: str, definition: str) -> bool:
    """The definition spells the term: its initials (DEAD CLIC: Debits … Expenses, Assets, Drawings …)
    or its number in words (the 4Cs: four Cs)."""
    initials = "".join(w[0] for w in re.findall(r"\b[A-Z][a-z]+", definition))
    if any(len(a) >= 2 and a in initials for a in re.findall(r"\b[A-Z]{2,}", term)):
        return True
    return any(f"{word} " in definition.lower() for digit, word in _NUMBER_WORDS.items()
               if re.search(rf"(?<!\d){digit}(?!\d)", term))


def _term_gap(concept: Concept, topic: Topic, facts: Facts) -> tuple[Gap, list[str]] | None:
    """The term as a gap, unless the definition repeats its words or spells it (a give-away)."""
    domain = facts.common.get(topic.slug, frozenset())  # "customer service" in a customer-service course says nothing
    if (content_stems(concept.term) - domain) & content_stems(concept.definition) \
            or gives_term_away(concept.term, concept.definition):
        return None
    wrong: list[Concept] = []
    seen = {concept.term.casefold()}
    for t in _subject(topic, facts):
        for other in t.concepts:
            if other.term.casefold() in seen or facts.same_concept(concept, other) \
                    or (content_stems(other.term) - domain) & content_stems(concept.definition) \
                    or content_stems(other.term) & content_stems(concept.term) \
                    or jaccard(content_stems(other.definition), content_stems(concept.definition)) >= SIMILAR:
                continue  # a synonym or a near-synonym could fill the gap too
            if any(content_stems(other.term) & content_stems(w.term) for w in wrong):
                continue  # two options naming one idea: a learner can rule both out together
            seen.add(other.term.casefold())
            wrong.append(other)
    # the set the testwise learner cannot narrow (no option sharing more words with the text, none odd)
    wrong = cue_free_choice(f"____: {concept.definition}", concept.term, wrong, lambda o: o.term, OPTIONS - 1)
    if len(wrong) < 2:
        return None
    why = [f"“{o.term}” is a different concept in the notes: {_clip(o.definition)}" for o in wrong]
    return Gap(concept.term, tuple(o.term for o in wrong),
               f"“{concept.term}” is the concept the notes describe this way."), why


def _head(facts: Facts, acronym: str) -> str:
    """What kind of thing an abbreviation names: the last word of its expansion, singular
    (Residual Current *Device*, Disclosure and Barring *Service*). Options of a name gap share it:
    a framework (EYFS) among a role (DSL), a check (DBS) and a certificate (PFA) is found by kind."""
    last = facts.canonical(acronym).parts[-1].casefold()
    return last[:-1] if last.endswith("s") and not last.endswith("ss") else last


def _acronym_gap(concept: Concept, topic: Topic, facts: Facts) -> tuple[re.Match, Gap, list[str]] | None:
    """The first known model or abbreviation named in the definition, as a gap."""
    text = concept.definition
    for m in re.finditer(r"\b([A-Z]{2,6})(s?)\b", text):
        acr, plural = m.group(1), m.group(2)
        if acr not in facts.expansions:
            continue
        if any(e.source == concept.source for e in facts.expansions[acr]):
            continue  # the definition spells it out: the expansion gives the key away
        kind = _kind(facts, acr)
        if content_stems(" ".join(facts.canonical(acr).parts)) & content_stems(text):
            continue  # "the residual current at which the ____ trips": the text spells out the key's name
        head = _head(facts, acr)
        named = set(re.findall(r"\b[A-Z]{2,6}", text))
        wrong = []
        for t in _subject(topic, facts):
            for other in facts.expansions:
                if other in named or other in wrong or _kind(facts, other) != kind \
                        or kind == "name" and _head(facts, other) != head \
                        or plural and other.endswith("S") \
                        or not any(e.topic == t.slug for e in facts.expansions[other]):
                    continue
                wrong.append(other)
        wrong = wrong[:OPTIONS - 1]
        if len(wrong) < 2:
            continue
        why = [f"{w}{plural} stands for {', '.join(facts.canonical(w).parts)} in the notes." for w in wrong]
        gap = Gap(acr + plural, tuple(w + plural for w in wrong),
                  f"{acr} ({', '.join(facts.canonical(acr).parts)}) is the one the notes name here.")
        return m, gap, why
    return None


def _numeric_gap(concept: Concept, topic: Topic, topics: Sequence[Topic], every: FactIndex
                 ) -> tuple[int, int, Gap, list[str]] | None:
    """The first value with a unit in the definition, as a gap (other values of the same unit)."""
    if not any(f.source == concept.source for f in _facts_of(topic)):
        return None
    pool = subject_pool(topic, topics)
    lead = f"{concept.term}: "
    for fact in _facts_of(topic):
        if fact.source != concept.source or not fact.blanked.startswith(lead) or contested(fact, every) \
                or skip_reason(fact) or bounded_by_stem(fact):
            continue  # what makes a numeric item unsound (a bound printed beside it ...) makes this gap unsound
        if numeric_item(fact, topic, topics, 0, every, pool)[0] is not None:
            continue  # the numeric family asks this value: the cloze would be the same question again
        wrong = distractors_for(fact, pool, limit=8, shown=f"{concept.term} {concept.definition}")
        wrong = cue_free_choice(f"{concept.term}: {concept.definition}", fact.value, wrong, lambda w: w.value)
        if len(wrong) < 2 or nearest_printed(fact, wrong, concept.definition.replace(fact.value, "____", 1)) \
                or odd_unit(fact, wrong):
            continue  # "… and ____ for heavier vehicles" after 50 mm and 60 mm: the next value up is the key;
            # "60–75 cm" among two values in m: the odd one out
        sentence = fact.sentence[len(lead):]
        offset = concept.definition.find(sentence)
        if offset < 0 or fact.value in concept.definition.replace(sentence, "") or fact.value in fact.blanked:
            continue  # the key printed elsewhere in the text would give it away
        start = offset + fact.blanked.index("____") - len(lead)
        end = start + len(fact.sentence) - len(fact.blanked) + len("____")
        why = [f"{w.value} is what the notes give for something else: “{w.sentence}”" for w in wrong]
        return start, end, Gap(fact.value, tuple(w.value for w in wrong), f"The notes state {fact.value} here."), why
    return None


def ordered_by_size(sentence: str, group) -> bool:
    """The gapped values run in size order through the text (3%, 6%, 9% beside 10, 20, 30 vol; −1, +1,
    99, 101): a learner who sorts the options fills every gap without knowing any of them."""
    spans = sorted((f.blanked.index("____"), f.number) for f in group)
    numbers = [n for _, n in spans]
    if numbers == sorted(numbers) or numbers == sorted(numbers, reverse=True):
        return True
    # all but one in order ("Plan 1 £24,990, Plan 2 £27,295, Plan 4 £31,395 … and 6% above £21,000"): the
    # run sorts and the one left over takes the last gap (s33)
    if len(numbers) >= 4 and _longest_monotone_run(numbers) >= len(numbers) - 1:
        return True
    # Two interleaved series ("22 mm up to 9 m, each elbow 0.8 m; 28 mm up to 18 m (1.0 m per bend)
    # …"): the values fall into bands of size, and within each band they run in order, so the
    # learner sorts each band (an examiner's find on fresh notes).
    ranked = sorted(set(numbers))
    bands, band = [], [ranked[0]]
    for a, b in zip(ranked, ranked[1:]):
        if a > 0 and b / a >= BAND_GAP:
            bands.append(band)
            band = []
        band.append(b)
    bands.append(band)
    if len(bands) < 2 or min(map(len, bands)) < 3:
        return False  # two values always run one way or the other: that says nothing
    runs = [[n for n in numbers if n in set(members)] for members in bands]
    return all(r == sorted(r) or r == sorted(r, reverse=True) for r in runs)


BAND_GAP = 3.0  # sorted values this many times apart start a new band of size


def _longest_monotone_run(numbers: list[float]) -> int:
    """The most consecutive values that rise (or fall) throughout."""
    best = 1
    for sign in (1, -1):
        run = 1
        for a, b in zip(numbers, numbers[1:]):
            run = run + 1 if sign * (b - a) > 0 else 1
            best = max(best, run)
    return best


MIN_SET = 3  # values of one unit in one sentence from which every value becomes a gap


def _value_set(concept: Concept, topic: Topic, every: FactIndex) -> Cloze | None:
    """A sentence stating three or more values of one unit ("3% (10 vol) for toning; 6% (20 vol) …"):
    every value is a gap and every gap offers them all, so nothing printed gives a key away."""
    lead = f"{concept.term}: "
    by_sentence: dict[str, list] = {}
    for fact in _facts_of(topic):
        if fact.source == concept.source and fact.sentence.startswith(lead) and fact.blanked.count("____") == 1:
            by_sentence.setdefault(fact.sentence, []).append(fact)
    for sentence, found in by_sentence.items():
        for unit in dict.fromkeys(f.unit for f in found):
            group = [f for f in found if f.unit == unit]
            values = list(dict.fromkeys(f.value for f in group))
            if len(values) < MIN_SET or any(contested(f, every) for f in group):
                continue
            if len({f.form for f in group}) > 1:
                continue  # "10 hours … any 24-hour period … 6–9 hours": each gap takes one form only
            if any(f.blanked.split("____", 1)[1][:1] in ("'", "’") for f in group):
                continue  # "7 days' incapacity": the gap would leave a stray apostrophe
            if any(is_example(f) for f in group):
                continue  # "longer (e.g. 38mm)": an example value, other values would fit that gap too
            if is_calculation(sentence):
                continue  # "£150.00 + £1,284.60 − £32.50 …": summands swap places and the sum is worked out
            if ordered_by_size(sentence, group):
                continue  # rising (or falling) in text order: sorting the options fills every gap
            text = sentence[len(lead):]
            offset = concept.definition.find(text)
            rest = concept.definition.replace(text, "")
            if offset < 0 or any(v in rest for v in values):
                continue  # a value printed in another sentence would show where it goes
            spans = []
            for f in group:  # where each blank sits in the sentence, in order
                at = f.blanked.index("____") - len(lead)
                spans.append((at, at + len(f.sentence) - len(f.blanked) + len("____"), f.value))
            spans.sort()
            if any(b[0] < a[1] for a, b in zip(spans, spans[1:])):
                continue
            shown = "".join(text[a[1]:b[0]] for a, b in zip([(0, 0)] + spans, spans + [(len(text), len(text))]))
            if any(number_printed(v, shown + " " + rest) for v in values):
                continue  # "… VAT is 20/120 of the gross": the numbers of "£120" and "£20" are printed
            if len(values) < len(group):
                continue  # a value in two places: "each value belongs in one place" would be false
            if any(re.fullmatch(r"\s*(?:,|,?\s*(?:and|or)|to|–|-|/)\s*", text[a[1]:b[0]]) for a, b in zip(spans, spans[1:])):
                continue  # "15 mm, 22 mm and 28 mm": members of a plain list can swap gaps (two keys)
            parts, gaps, last = [], [], 0
            definition = concept.definition
            for start, end, value in spans:
                parts.append(definition[last:offset + start] if not parts else definition[last:offset + start])
                gaps.append(Gap(value, tuple(v for v in values if v != value),
                                f"The notes give {value} here."))
                last = offset + end
            parts.append(definition[last:])
            parts[0] = f"{concept.term}: {parts[0]}"
            parts = [p.replace(BLANK, "___") for p in parts]
            general = (f"The notes say: “{concept.term}: {concept.definition}” Each value belongs in one place only. "
                       f"{learner_source(topic, concept.source)}")
            return Cloze(
                id=item_id(FAMILY, concept.term, concept.definition, *values), family=FAMILY, topic=topic.slug,
                title=short_title("Cloze", f"{concept.term}: {concept.definition}"), stem=BLANK.join(parts),
                parts=tuple(parts), gaps=tuple(gaps), general_feedback=general,
                sources=(concept.source,), tags=(topic.slug, FAMILY),
            )
    return None


def cloze_for(concept: Concept, topic: Topic, topics: Sequence[Topic], facts: Facts,
              every: FactIndex | None = None) -> Cloze | None:
    every = every or fact_index(tuple(topics))
    values = _value_set(concept, topic, every)
    if values is not None:
        return values
    term = None  # a term gap ("____: definition") is the concept item again: the concept family asks it
    inner = _acronym_gap(concept, topic, facts)
    span = None
    if inner:
        m, gap, why = inner
        span = (m.start(), m.end(), gap, why)
    else:
        found = _numeric_gap(concept, topic, topics, every)
        if found:
            span = found[:4]
    if term is None and span is None:
        return None
    definition = concept.definition.rstrip()
    gaps: list[Gap] = []
    why: list[str] = []
    if term:
        parts = ["", ": "]
        gaps.append(term[0])
        why += term[1]
    else:
        parts = [f"{concept.term}: "]
    if span:
        start, end, gap, span_why = span
        parts[-1] += definition[:start]
        parts.append(definition[end:])
        gaps.append(gap)
        why += span_why
    else:
        parts[-1] += definition
    parts = [p.replace(BLANK, "___") for p in parts]  # a literal blank in the notes must not read as a gap
    feedback = " ".join(g.feedback for g in gaps)
    general = (f"The notes say: “{concept.term}: {definition}” {feedback} "
               + " ".join(why) + f" {learner_source(topic, concept.source)}")
    return Cloze(
        id=item_id(FAMILY, concept.term, definition, *(g.key for g in gaps)), family=FAMILY, topic=topic.slug,
        title=short_title("Cloze", f"{concept.term}: {definition}"),
        stem=BLANK.join(parts),
        parts=tuple(parts), gaps=tuple(gaps), general_feedback=general,
        sources=(concept.source,), tags=(topic.slug, FAMILY),
    )


def generate(topics: Sequence[Topic], seed: int) -> list[Item]:
    facts = build_facts(topics)
    every = fact_index(tuple(topics))
    items: list[Item] = []
    for topic in topics:
        for concept in topic.concepts:
            if facts.earlier_twin(topic, concept):
                continue
            item = cloze_for(concept, topic, topics, facts, every)
            if item is not None:
                items.append(item)
    return items
