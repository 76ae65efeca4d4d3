"""Numeric facts: a value the notes state (a voltage range, a temperature, a number of days).

The stem quotes the statement with the value blanked; the key is the stated value; the
distractors are other values of the SAME unit stated elsewhere in the same subject (the same
file first, then related files), each with feedback saying what the notes use it for. A value
any file states for the same thing (a statement in nearly the same words) is never a
distractor, and a fact two files state with different values is not asked (coverage lists it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from qbank.generate.common import cue_free_choice, item_id, learner_source, rng_for, short_title
from qbank.generate.facts import NEIGHBOUR, build_facts
from qbank.generate.text import content_stems, jaccard
from qbank.model import Choice, Item, MultipleChoice, Source, Topic

FAMILY = "numeric"
SAME_THING = 0.5  # context Jaccard above which two statements are about the same quantity
NEAR_THING = 0.34  # context Jaccard above which a value is too close to be a fair distractor
OPTIONS = 4

_NUM = r"\d+(?:\.\d+)?"
# unit spelling -> (canonical unit, singular word for "48-hour" forms, plural display)
_UNITS: list[tuple[str, str]] = [
    (r"°\s?C|º\s?C|degrees? (?:C|Celsius|centigrade)\b", "°C"),
    (r"°\s?F|degrees? F(?:ahrenheit)?\b", "°F"),
    (r"%|per ?cent\b", "%"),
    (r"mV\b", "mV"), (r"kV\b", "kV"), (r"V\b|volts?\b", "V"),
    (r"mA\b", "mA"), (r"A\b|amps?\b|amperes?\b", "A"),
    (r"kWh\b", "kWh"), (r"kW\b", "kW"), (r"W\b|watts?\b", "W"),
    (r"Ω|ohms?\b", "Ω"), (r"Nm\b", "Nm"), (r"rpm\b", "rpm"), (r"psi\b", "psi"), (r"bar\b", "bar"),
    (r"kPa\b", "kPa"), (r"mph\b", "mph"), (r"km/h\b", "km/h"),
    (r"mm\b", "mm"), (r"cm\b", "cm"), (r"km\b", "km"), (r"m\b|metres?\b|meters?\b", "m"), (r"miles?\b", "miles"),
    (r"kg\b|kilograms?\b", "kg"), (r"g\b|grams?\b", "g"), (r"ml\b|millilitres?\b", "ml"), (r"litres?\b|liters?\b", "litres"),
    (r"working days?\b|business days?\b", "working days"),
    (r"seconds?\b|secs?\b", "seconds"), (r"minutes?\b|mins?\b", "minutes"), (r"hours?\b|hrs?\b", "hours"),
    (r"days?\b", "days"), (r"weeks?\b", "weeks"), (r"months?\b", "months"), (r"years?\b", "years"),
]
_WORD_UNITS = {"working days", "seconds", "minutes", "hours", "days", "weeks", "months", "years", "miles", "litres"}
_UNIT_RE = "|".join(f"(?:{p})" for p, _ in _UNITS)
_VALUE = re.compile(
    rf"(?<![\w.£$€/−+-])(?P<sign>[−+](?=\d))?(?P<a>{_NUM})(?:\s*(?:-|–|—|to|and)\s*(?P<b>{_NUM}))?(?P<sep>\s?-?\s?)(?P<unit>{_UNIT_RE})(?!\w)"
    rf"|(?P<cur>[£$€])(?P<ca>\d{{1,3}}(?:,\d{{3}})*(?:\.\d\d)?)(?:\s*(?:-|–|to)\s*[£$€]?(?P<cb>\d{{1,3}}(?:,\d{{3}})*(?:\.\d\d)?))?(?![\w])"
)
# After a measurement comes punctuation, a preposition or a verb; "a 12 V battery" uses the value as a name.
_AFTER_MEASURE = {"at", "for", "after", "before", "during", "across", "in", "on", "or", "and", "to", "when", "is",
                  "are", "was", "were", "will", "with", "of", "per", "under", "over", "above", "below", "then", "if",
                  "which", "that", "while", "by", "from", "between", "as", "than", "within", "should", "must", "can",
                  "may", "indicates", "means", "shows", "only", "or", "apart", "each", "every", "later", "ago"}
WINDOW = 6  # words either side of a value that say what it measures
_IN_BASE = {"seconds": 1, "minutes": 60, "hours": 3600, "days": 86400, "weeks": 604800, "months": 2629800,
            "years": 31557600, "mm": 1, "cm": 10, "m": 1000, "km": 1000000}
_DIMENSION = {u: ("time" if n_s in ("seconds", "minutes", "hours", "days", "weeks", "months", "years") else "length")
              for u, n_s in ((u, u) for u in _IN_BASE)}
SPREAD = 20  # a value of another unit is a distractor only within this factor of the key (not 1 minute for a year)


def _window(text: str, start: int, end: int) -> frozenset[str]:
    """Content stems of up to WINDOW words either side of a value, inside its clause, numbers left out."""
    before = re.split(r"[;:–—]|, (?:so|and|but|while|whereas)\b", text[:start])[-1]
    after = re.split(r"[;:–—]|, ", text[end:])[0]
    near = " ".join(before.split()[-WINDOW:] + after.split()[:WINDOW])
    near = _VALUE.sub(" ", near)  # other values and their units say nothing about what this one measures
    return frozenset(content_stems(re.sub(r"\d+(?:\.\d+)?", " ", near)))


_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"'(])")


@dataclass(frozen=True)
class NumericFact:
    """One stated value: ``value`` as shown in an option, its unit, and the sentence it sits in."""

    value: str
    unit: str
    number: float  # the (lower) number
    ranged: bool
    top: float  # the upper number of a range (= number for a single value)
    sentence: str  # the statement, as a learner reads it
    blanked: str  # the statement with the value replaced by "____"
    source: Source
    topic: str  # Topic.slug
    context: frozenset[str]  # content stems of the words around the value (its clause, numbers left out)

    @property
    def dimension(self) -> str:
        return _DIMENSION.get(self.unit, self.unit)

    @property
    def key(self) -> tuple[str, str]:
        return (self.unit, self.value)


def _canonical_unit(text: str) -> str:
    for pattern, unit in _UNITS:
        if re.fullmatch(pattern, text.strip(), re.IGNORECASE if unit in _WORD_UNITS else 0):
            return unit
    return text


def _display(a: str, b: str | None, unit: str, adjectival: bool) -> str:
    number = f"{a}–{b}" if b else a
    if adjectival and unit in _WORD_UNITS:
        return f"{number}-{unit.rstrip('s')}"
    if unit in _WORD_UNITS:
        one = not b and a in ("1", "1.0")
        return f"{number} {unit[:-1] if one else unit}"
    if unit in ("%", "°C", "°F"):
        return f"{number}{unit}"
    return f"{number} {unit}"


def _statements(topic: Topic):
    """(source, lead, sentence) for every sentence of the topic; ``lead`` names the concept it defines."""
    if topic.synopsis and topic.synopsis_source:
        for s in _SENTENCE.split(topic.synopsis):
            yield topic.synopsis_source, "", s
    for c in topic.concepts:
        for n, s in enumerate(_SENTENCE.split(c.definition)):
            yield c.source, c.term, s
    for group in (topic.tips, topic.misconceptions):  # marking points restate facts as instructions to examiners
        for b in group:
            for s in _SENTENCE.split(b.text):
                if group is topic.tips and len(_VALUE.findall(s)) >= 3:
                    continue  # "learn 950 mm, 470 mm, 1 m ...": a list to revise, the facts are stated elsewhere
                yield b.source, "", s


@lru_cache(maxsize=64)
def _facts_of(topic: Topic) -> tuple[NumericFact, ...]:
    out: list[NumericFact] = []
    for source, lead, text in _statements(topic):
        # case-sensitive units (V, A, W) need case-sensitive matching; word units are matched either case
        for m in _VALUE.finditer(text):
            if m.group("cur"):
                a, b, unit, adjectival = m.group("ca"), m.group("cb"), m.group("cur"), False
                value = f"{unit}{a}" + (f"–{unit}{b}" if b else "")
                number = float(a.replace(",", ""))
                top = float(b.replace(",", "")) if b else number
            else:
                a, b = m.group("a"), m.group("b")
                if b and "and" in text[m.start():m.end()] and not re.search(r"\bbetween\s*$", text[:m.start()]):
                    continue  # "5 and 10 days" without "between" is two values, not a range: too unclear to ask
                following = re.match(r"\s*([A-Za-z]+)", text[m.end():])
                if following and following.group(1) not in _AFTER_MEASURE and following.group(1).islower() \
                        and "-" not in m.group("sep"):
                    continue  # a value used as a name ("a 12 V battery"), not a stated quantity
                if re.match(r"-old\b", text[m.end():]):
                    continue  # "a 40-year-old": an age in a worked example, not a stated period
                unit = _canonical_unit(m.group("unit"))
                adjectival = "-" in m.group("sep")
                sign = m.group("sign") or ""
                value = sign + _display(a, b, unit, adjectival)
                number = float(a) * (-1 if sign == "−" else 1)
                top = float(b) if b else number
            statement = f"{lead}: {text}" if lead else text
            offset = len(lead) + 2 if lead else 0
            start = m.start()
            between = re.search(r"\bbetween\s*$", text[:start])
            if b and between:
                start = between.start()  # "between 13.8 and 14.4 V" -> "____" (the option reads "13.8–14.4 V")
            blanked = statement[:offset + start] + "____" + statement[offset + m.end():]
            context = _window(text, m.start(), m.end())
            if not context:
                continue  # a bare list of values ("learn 5°C, 8°C, 37°C ..."): nothing says what it measures
            out.append(NumericFact(value, unit, number, bool(b), top, statement.strip(), blanked.strip(), source,
                                   topic.slug, context))
    return tuple(out)


def numeric_facts(topics: Sequence[Topic]) -> list[NumericFact]:
    """Every value-with-a-unit the topics state, in bank order."""
    return [f for t in topics for f in _facts_of(t)]


class FactIndex:
    """Every numeric fact of a bank, looked up by unit and context word, so the contested check
    compares a fact with the few statements sharing a word with it, not with the whole bank."""

    def __init__(self, facts: Sequence[NumericFact]):
        self.by_word: dict[tuple[str, str], list[NumericFact]] = {}
        for f in facts:
            for word in f.context:
                self.by_word.setdefault((f.unit, word), []).append(f)

    def candidates(self, fact: NumericFact) -> list[NumericFact]:
        seen: dict[int, NumericFact] = {}
        for word in sorted(fact.context):
            for f in self.by_word.get((fact.unit, word), ()):
                seen.setdefault(id(f), f)
        return list(seen.values())


@lru_cache(maxsize=8)
def fact_index(topics: tuple[Topic, ...]) -> FactIndex:
    return FactIndex(numeric_facts(topics))


def contested(fact: NumericFact, pool: Sequence[NumericFact] | FactIndex) -> NumericFact | None:
    """Another statement of the same quantity with a different value (then the key is in doubt)."""
    candidates = pool.candidates(fact) if isinstance(pool, FactIndex) else pool
    for other in candidates:
        if other.unit == fact.unit and other.value != fact.value and other.sentence != fact.sentence \
                and _same_thing(fact, other, SAME_THING):
            return other
    return None


def _overlap(a: NumericFact, b: NumericFact) -> bool:
    """One value inside the other's range (60°C inside 60–65°C), or the same amount in other units
    (60 minutes for 1 hour): a learner picking it would not be wrong."""
    if a.unit == b.unit:
        return a.number <= b.top and b.number <= a.top
    if a.unit in _IN_BASE and b.unit in _IN_BASE and _DIMENSION[a.unit] == _DIMENSION[b.unit]:
        ka, kb = _IN_BASE[a.unit], _IN_BASE[b.unit]
        return a.number * ka <= b.top * kb and b.number * kb <= a.top * ka
    return False


def _same_thing(a: NumericFact, b: NumericFact, threshold: float) -> bool:
    """Two values said of the same quantity: the words around them mostly the same (two or more shared)."""
    return len(a.context & b.context) >= 2 and jaccard(a.context, b.context) >= threshold


def _clip(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def distractors_for(fact: NumericFact, pool: Sequence[NumericFact], limit: int = OPTIONS - 1,
                    shown: str = "") -> list[NumericFact]:
    """Other values of the same unit (then, if too few, the same dimension: minutes for hours), own
    file first; never a value stated elsewhere for the same thing.

    Never a value the learner can see in the stem (``fact.blanked`` and ``shown``): the key would be
    the one option not printed above it. A sentence stating several values is asked as a cloze
    with every value a gap instead (``cloze.py``).
    """
    near = {o.value for o in pool if o.sentence != fact.sentence and _same_thing(fact, o, NEAR_THING)}
    visible = fact.blanked + " " + shown
    near |= {o.value for o in pool if o.sentence == fact.sentence or o.value in visible}
    out: list[NumericFact] = []
    taken = {fact.value}
    def comparable(o: NumericFact) -> bool:
        if o.dimension != fact.dimension or o.unit not in _IN_BASE or fact.unit not in _IN_BASE:
            return False
        a, b = abs(o.number) * _IN_BASE[o.unit], abs(fact.number) * _IN_BASE[fact.unit]
        return a > 0 and b > 0 and max(a, b) / min(a, b) <= SPREAD

    for same in (lambda o: o.unit == fact.unit, comparable):
        ranked = sorted((o for o in pool if same(o)), key=lambda o: o.ranged != fact.ranged)
        for other in ranked:  # stable: pool order (own topic first)
            if other.value in taken or other.value in near or _overlap(fact, other) \
                    or other.value.lstrip("+−") in {t.lstrip("+−") for t in taken}:
                continue  # "+1°C" beside "−1°C" reads as one option to anything that drops the sign
            taken.add(other.value)
            out.append(other)
            if len(out) == limit:
                return out
        if len(out) >= 2:
            break
    return out


def subject_pool(topic: Topic, topics: Sequence[Topic]) -> list[NumericFact]:
    """Numeric facts of the topic and of related topics (the same subject), the topic first."""
    facts = build_facts(topics)
    near = [t for t in facts.neighbourhood(topic) if facts.distance(topic, t) <= NEIGHBOUR]
    return [f for t in near for f in _facts_of(t)]


def item_for(fact: NumericFact, topic: Topic, topics: Sequence[Topic], seed: int,
             index: FactIndex | None = None, pool: Sequence[NumericFact] | None = None) -> tuple[Item | None, str]:
    """The item for one fact, or None and the reason it is not asked (``index`` and ``pool``: computed
    once per bank and per topic by the caller, so a large bank is not rescanned per fact)."""
    pool = subject_pool(topic, topics) if pool is None else pool
    if fact.value in fact.blanked:
        return None, "the value appears twice in the statement: the stem would show the key"
    if (other := contested(fact, index or fact_index(tuple(topics)))) is not None:
        return None, f"another file states {other.value} for the same thing ({other.source})"
    wrong = distractors_for(fact, pool, limit=8)
    wrong = cue_free_choice(fact.blanked, fact.value, wrong, lambda w: w.value)  # nothing for surface cues to find
    if len(wrong) < 2:
        return None, f"fewer than 2 other values in {fact.unit} (or of the same kind) in this subject to serve as distractors"
    mistake = fact.source.section is not None and fact.source.section.name == "MISCONCEPTIONS"
    what = "this common mistake described in the notes" if mistake else "this statement from the notes"
    stem = f"Which value completes {what}?\n“{fact.blanked}”"
    choices = [Choice(fact.value, True, f"Correct: the notes state “{_clip(fact.sentence)}”")]
    for w in wrong:
        choices.append(Choice(w.value, False, f"Not this one: the notes give {w.value} for something else: "
                                              f"“{_clip(w.sentence)}”"))
    rng_for(seed, f"{FAMILY}:{fact.source}:{fact.value}").shuffle(choices)
    return MultipleChoice(
        id=item_id(FAMILY, fact.blanked, fact.value), family=FAMILY, topic=topic.slug,
        title=short_title("Value", fact.blanked), stem=stem, choices=tuple(choices),
        general_feedback=f"The notes state: “{fact.sentence}” {learner_source(topic, fact.source)}",
        sources=(fact.source,), tags=(topic.slug, FAMILY),
    ), ""


def generate(topics: Sequence[Topic], seed: int) -> list[Item]:
    items: list[Item] = []
    index = fact_index(tuple(topics))
    for topic in topics:
        seen: set[tuple[str, str]] = set()
        pool = subject_pool(topic, topics) if _facts_of(topic) else []
        for fact in _facts_of(topic):
            if (fact.blanked, fact.value) in seen:
                continue
            seen.add((fact.blanked, fact.value))
            item, _ = item_for(fact, topic, topics, seed, index, pool)
            if item is not None:
                items.append(item)
    return items
