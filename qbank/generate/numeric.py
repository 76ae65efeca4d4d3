"""Numeric facts: a value the notes state (a voltage range, a temperature, a number of days).

The stem quotes the statement with the value blanked; the key is the stated value; the
distractors are other values of the same kind stated in the same file (same unit and shape,
same order of magnitude, never on the satisfying side of "or below"/"at least"), each with
feedback saying what the notes use it for; with fewer than 2 such values the fact is skipped. A value
any file states for the same thing (a statement in nearly the same words) is never a
distractor, and a fact two files state with different values is not asked (coverage lists it).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from lemminflect import getAllLemmas

from qbank.generate.common import (
    cue_free_choice, display_name, item_id, learner_source, note_heading, note_headings_over, rng_for, short_title,
)
from qbank.generate.statements import leans_back, stands_alone
from qbank.generate.text import content_stems, jaccard
from qbank.model import Choice, Item, MultipleChoice, Numerical, Source, Topic

FAMILY = "numeric"
SAME_THING = 0.5  # context Jaccard above which two statements are about the same quantity
NEAR_THING = 0.34  # context Jaccard above which a value is too close to be a fair distractor
OPTIONS = 4

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"  # 2,000 is one number, not "000"
# unit spelling -> (canonical unit, singular word for "48-hour" forms, plural display)
_UNITS: list[tuple[str, str]] = [
    # "2-8 C", "25 C", "63C": a bare capital C after a number is Celsius as tutors type it without the
    # degree sign (h34: every temperature of three files went unread); _NOT_CELSIUS rules out "Class 2 C"
    (r"°\s?C|º\s?C|degrees? (?:C|Celsius|centigrade)\b|degs? ?C\b|C(?![’'])", "°C"),
    (r"°\s?F|degrees? F(?:ahrenheit)?\b", "°F"),
    (r"%|per ?cent\b", "%"),
    (r"mV\b", "mV"), (r"kV\b", "kV"), (r"V\b|volts?\b", "V"),
    (r"mA\b", "mA"), (r"A\b|amps?\b|amperes?\b", "A"),
    (r"kWh\b", "kWh"), (r"kW\b", "kW"), (r"W\b|watts?\b", "W"),
    (r"Ω|ohms?\b", "Ω"), (r"Nm\b", "Nm"), (r"rpm\b", "rpm"), (r"psi\b", "psi"), (r"bar\b", "bar"),
    (r"kPa\b", "kPa"), (r"mph\b", "mph"), (r"km/h\b", "km/h"),
    (r"m/s²|m/s\^?2\b", "m/s²"), (r"m/s\b", "m/s"),  # "2.5 m/s² A(8)" is no 2.5 m (h24's examiner)
    (r"mm\b", "mm"), (r"cm\b", "cm"), (r"km\b", "km"), (r"m\b|metres?\b|meters?\b", "m"), (r"miles?\b", "miles"),
    (r"kg\b|kilograms?\b", "kg"), (r"g\b|grams?\b", "g"), (r"ml\b|millilitres?\b", "ml"), (r"litres?\b|liters?\b", "litres"),
    (r"working days?\b|business days?\b", "working days"),
    (r"seconds?\b|secs?\b", "seconds"), (r"minutes?\b|mins?\b", "minutes"), (r"hours?\b|hrs?\b", "hours"),
    (r"days?\b", "days"), (r"weeks?\b", "weeks"), (r"months?\b", "months"), (r"years?\b", "years"),
]
_WORD_UNITS = {"working days", "seconds", "minutes", "hours", "days", "weeks", "months", "years", "miles", "litres"}
_UNIT_RE = "|".join(f"(?:{p})" for p, _ in _UNITS)
# (a number after "^" or "**" is an exponent, not a value: "132 x BW^0.75 ml/day" states no 0.75 ml)
_VALUE = re.compile(
    rf"(?<![\w.£$€/−+^-])(?<!\d,)(?<!\*\*)(?P<sign>[−+](?=\d))?(?P<a>{_NUM})(?:\s*(?:-|–|—|to|and)\s*(?P<b>{_NUM}))?(?P<sep>\s?-?\s?)(?P<unit>{_UNIT_RE})(?!\w)"
    rf"|(?P<cur>[£$€])(?P<ca>\d{{1,3}}(?:,\d{{3}})*(?:\.\d\d)?)(?:\s*(?:-|–|to)\s*[£$€]?(?P<cb>\d{{1,3}}(?:,\d{{3}})*(?:\.\d\d)?))?(?![\w]|\.\d)"
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


# a sentence ends at a stop before a capital or an opening quote, not after "e.g." or "i.e." ("(e.g. "MIN TH
# 4.5 mm")" was cut into a quote that opened with a stray quote mark and closed a bracket it never opened)
_SENTENCE = re.compile(r"(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\betc\.)(?<!\bapprox\.)(?<=[.!?])\s+(?=[A-Z“\"'(])")


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

    @property
    def form(self) -> tuple[bool, bool]:
        """How the value reads: a range or one value, and as a modifier ("24-hour period") or not.
        Options of two forms are told apart by grammar: "in any ____ period" takes "24-hour"."""
        return self.ranged, bool(re.search(r"\d-[^\W\d]", self.value))


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


# A tip that speaks of the exam itself is advice on answering, whatever values it mentions.
_EXAM_TECHNIQUE = re.compile(r"\b(?:questions?|answers?|answering|marks?|exams?|examiners?|papers?|assessors?|"
                             r"assessments?|revise|revision|practise|practice questions|written work|"
                             # "Quote numbers with units: “suitable height” gets nothing, “at least 950 mm” scores"
                             r"scores|scored|credited|quote|quoting|markers?|gets nothing|worth (?:one|a) (?:line|mark))\b"
                             r"|[\"“][^\"“”]{2,40}[\"”]"
                             # "Know the intervals: 6 months for …": a tip on what to learn, its label an order
                             r"|^(?:know|learn|remember|memori[sz]e|revise)\b", re.IGNORECASE)


# a mark allocation: "(1)", "(2 marks)", "[3]", "1 mark each"
_MARK_ALLOCATION_IN = re.compile(r"\(\s*\d\s*\)|[\(\[]\s*\d{1,2}\s*marks?\s*[\)\]]|\[\s*\d\s*\]|\b\d\s+marks?\s+each\b|"
                                 r"\bone\s+mark\s+(?:each|for)\b", re.IGNORECASE)
_FORMER = re.compile(r"^\W*(?:[^:;.]{0,30}\b)?(?:old|former|previous|withdrawn|superseded|obsolete|legacy)\b[^:;.]{0,50}[:–—-]\s",
                     re.IGNORECASE)
_PER_INSTRUCTIONS = re.compile(r"\b(?:as\s+per|per|according\s+to|following)\s+(?:the\s+)?(?:maker'?s?\s+|manufacturer'?s?\s+)?"
                               r"(?:instructions|data\s*sheet|specification)\b", re.IGNORECASE)
# "Do the sum: ____ rpm is 9 turns every second; 1000 rpm is almost 17" (h57's examiner: the sum gives 1020, marked
# wrong against a key of 1000): the value restated in other terms beside the gap, or a sum the notes set
_RESTATED = re.compile(r"\s*[^\W\d_/%°]{0,6}\s+(?:is|=|equals|means)\s+(?:about|almost|nearly|roughly|around|approximately|just\s+over|"
                       r"just\s+under)?\s*\d", re.IGNORECASE)
_DO_THE_SUM = re.compile(r"^\s*(?:do\s+the\s+(?:sum|maths|math)|work\s+it\s+out|in\s+other\s+words)\b", re.IGNORECASE)
_NO_SINGLE = re.compile(r"\b(?:procedures?|practices?|firms?|compan(?:y|ies)|sites?|employers?)\s+(?:vary|varies|differ|differs|may\s+differ)\b"
                        r"|____\s*(?:[\w/]+\s+){0,2}(?:is|are)\s+(?:common|usual|often\s+used|widely\s+used)\b"
                        r"|\brule\s+of\s+thumb\b", re.IGNORECASE)
# a label that says its figures are not fixed: "Typical contact centre targets (they vary by centre):"
_VARYING_LABEL = re.compile(r"^[^:]{0,80}\b(?:var(?:y|ies|iable)|depend(?:s|ing)?\s+on|set\s+locally|locally\s+set|"
                            r"differ(?:s|ent)?\s+(?:by|between|from))\b[^:]{0,40}:", re.IGNORECASE)


def _statements(topic: Topic):
    """(source, lead, sentence, opening) for every sentence of the topic; ``lead`` names the concept it defines,
    ``opening`` is where the sentence itself starts after an opening quoted before it (its values are not its own)."""
    if topic.synopsis and topic.synopsis_source:
        for s in _SENTENCE.split(topic.synopsis):
            yield topic.synopsis_source, "", s, 0
    for c in topic.concepts:
        if _worked_case(c.definition):
            continue
        for n, s in enumerate(_SENTENCE.split(_DEG_C.sub("°C", c.definition))):
            yield c.source, c.term, s, 0
    for group in (topic.tips, topic.misconceptions, topic.notes):  # marking points restate facts as instructions to examiners
        for b in group:
            if group is topic.notes:
                head = note_heading(topic, b.source.line)
                if _ABOUT_ANSWERING.search(head):
                    continue  # under "What the marker wants" or "Exam and role-play tips": not a fact to learn
                if any(_WORKED.search(h) for h in note_headings_over(topic, b.source.line)):
                    continue  # "WORKED EXAMPLE": one case's figures, not facts (h22: a 32 A MCB keyed)
                if _NOT_TO_LEARN.search(head):
                    continue  # "Penalties (remember the idea more than the exact amounts)": h32's examiner

            if group is not topic.misconceptions and _worked_case(b.text):
                continue
            if group is topic.tips and _MARK_ALLOCATION_IN.search(b.text):
                # 'Sample question 2 (3 marks): "…" … CD prescriptions are valid for 28 days, so this one has
                # expired (1).': a marking scheme's answer to its own case, not a fact (h43's examiner)
                continue
            if (lead := _TIP_LABEL.match(b.text)) and _WORKED.search(lead.group(1)):
                continue  # "Short example: customer complains of vibration … at 60 mph": one case's figures (h37)
            # "Price increases: only if … Over 8% of the total price and …": a later sentence of a tip
            # under a label is about what the label names, and is quoted with it (as a definition's
            # sentences are with their term); alone, "Over ____% of the total price" says not of what
            label = _TIP_LABEL.match(b.text) if group is not topic.misconceptions else None
            text = _DEG_C.sub("°C", _LEADER.sub(" \u2013 ", b.text))  # "Touch current ........ max 0.25 mA": a table's dot leader
            sentences = _SENTENCE.split(text)
            for n, s in enumerate(sentences):
                opening = 0  # the values of a sentence quoted before this one as its opening are its own items
                if group is not topic.misconceptions and len(_VALUE.findall(s)) >= 3:
                    continue  # "learn 950 mm, 470 mm, 1 m ...": a list to revise, the facts are stated elsewhere
                if group is not topic.misconceptions and _EXAM_TECHNIQUE.search(s):
                    continue  # "For scenario questions, draw a simple 24-hour timeline": how to answer, not a fact
                if n == 1 and not label and group is not topic.misconceptions and len(sentences[0].split()) <= 12 \
                        and (not _VALUE.search(sentences[0]) and not _order(sentences[0]) or _SUBJECTLESS.match(s)):
                    # ("Screws at 300mm centres on walls, 230mm on ceilings. At least 10mm in from bound edges and
                    # 13mm from cut edges.": the second sentence has no subject of its own, an untuned read of h35)
                    # "s.146 Selling alcohol to a person under 18. Unlimited fine, or a £90 penalty notice": the
                    # item's short opening names what the next sentence is about, and is quoted with it (h31)
                    s, opening = f"{sentences[0]} {s}", len(sentences[0]) + 1
                # ("Ordinary resolution: … Special resolution: at least 75%": a sentence with a label of its
                # own is not led by the first one, h33)
                # (nor "Deregistration threshold £88,000." after "Compulsory registration threshold: £90,000 …":
                # a name and its value, a label of its own, h54)
                own = label and _NAMED_VALUE.match(s) and not _SUBJECTLESS.match(s) \
                    and re.match(r"\s*[£$€]?\d", b.text[label.end() - 1:])  # (the label's own value first, then this one)
                yield b.source, label.group(1) if label and n and not _TIP_LABEL.match(s) and not own else "", s, opening


_NAMED_VALUE = re.compile(r"^[A-Z][a-z]+(?:[ -][a-z]+){1,4}\s+[£$€]?\d[\d,.]*\s*\S{0,4}\.?$")
_SUBJECTLESS = re.compile(r"(?:at least|at most|no (?:more|less|fewer) than|not (?:more|less) than|up to|within|between|"
                          r"over|under|below|above|min(?:imum)?|max(?:imum)?)\b", re.IGNORECASE)


def _order(sentence: str) -> bool:
    """The sentence opens with a verb's base form ("Set the working pressures …", "Know the timescales"):
    an order of its own, not a heading for the sentence after it."""
    first = re.match(r"([A-Za-z]+)\s+(?:the|a|an|that|your|all|any|each|every|it|them|this|these|to)\b", sentence.strip())
    if not first:
        return False  # ("Section 9 Selling to a drunk person.": "section" is a verb too, but no order)
    word = first.group(1).lower()
    return word in getAllLemmas(word).get("VERB", ())


# "5 degC", "12 deg C", "60 degrees C": written as the options write it, "5°C" (h45's examiner: a stem
# printing "degC" beside options in °C)
_DEG_C = re.compile(r"(?<=\d)\s*deg(?:rees?|s)?\.?\s*C\b")
# (and a two-dot leader with a space either side, as the reader takes one: "Recommended replacement (industry) .. about 3 mm", h45)
_LEADER = re.compile(r"(?<=[\w)])\s*\.{3,}\s*(?=[\w(])|(?<=[\w)])\s\.{2}\s(?=[\w(])")

# words that bound or hedge a value, saying nothing of what it is of ("up to", "never above", "at least")
_BOUND_WORDS = frozenset(content_stems("up down above below over under never only least most more less than about "
                                       "around within approximately roughly nearly almost maximum minimum max min"))

# a sub-heading over how to answer, not facts ("Answering calculation questions", "Exam and role-play
# tips"); not "Law and standards you can quote" (h27), whose figures are the law
_ABOUT_ANSWERING = re.compile(r"\b(?:exams?|examiners?|marks?|marking|markers?|assessors?|assessments?|answers?|answering|"
                              r"questions?|revision|revise|technique|tips?)\b", re.IGNORECASE)

# a sub-heading that tells learners not to learn its figures
_NOT_TO_LEARN = re.compile(r"\b(?:idea|ideas|principle|gist) (?:more|rather) than\b|\bnot (?:the )?exact\b|"
                           r"\b(?:don't|do not|no need to) (?:memori[sz]e|learn)\b", re.IGNORECASE)
# a case the notes suppose and work through: "Say that measures 3,840 mm. 3,840 / 200 = 19.2 courses"
_SUPPOSED = re.compile(r"\b(?:say (?:that|it|the|a|you)|suppose|imagine|let's say|assume)\b", re.IGNORECASE)
_WORKED_SUM = re.compile(r"\d\s*[/x×÷*+\-]\s*\d[\d,.]*\s*=\s*\d")


def _worked_case(text: str) -> bool:
    """A passage that supposes a case and works it out: every figure in it is that case's (h32: "19
    courses at 202 mm" from "Say that measures 3,840 mm … 3,840 / 20 = 192 mm" was asked as a fact)."""
    return bool(_SUPPOSED.search(text) and _WORKED_SUM.search(text))


# a sub-heading over one case's figures
_WORKED = re.compile(r"\b(?:examples?|worked|case stud(?:y|ies)|(?:short |mini |example )?cases?(?= *[:)]|$)|scenarios?|"
                     r"(?:sample |the )?calculations?)\b", re.IGNORECASE)

# a short label before a colon that opens a tip: a noun phrase, no figure, no sentence before it
# ("MOT brake performance (roller tester, cars/class 4): … Parking brake 16%.": the label without its
# aside, h30; without it "Parking brake ____." said not of what)
_TIP_LABEL = re.compile(r"^([A-Z][^:.;!?\d()]{1,48}?)(?:\s*\([^()]{1,60}\))?:\s+\S")


# words that name a numbered thing: "Class 2 C", "Grade 4 C", "Year 5C", "Part 3C" are labels, not Celsius
_NOT_CELSIUS = re.compile(r"\b(?:class|type|category|grade|zone|part|section|level|stage|table|figure|fig|band|"
                          r"group|step|room|block|unit|year|size|form|schedule|appendix|annex|rule|page|no|number|"
                          r"item|module|chapter|paragraph|clause|regulation|reg|key stage|ks|box|line|row|column|"
                          r"bay|aisle|floor|flat|house|plot|bed|ward|lane)\.?\s*$", re.IGNORECASE)


@lru_cache(maxsize=64)
def _facts_of(topic: Topic) -> tuple[NumericFact, ...]:
    out: list[NumericFact] = []
    for source, lead, text, opening in _statements(topic):
        # case-sensitive units (V, A, W) need case-sensitive matching; word units are matched either case
        for m in _VALUE.finditer(text):
            if m.start() < opening:
                continue  # "Screws at 300mm …, 230mm on ceilings." quoted before "At least 10mm …": asked on its own
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
                if m.group("unit") == "C" and _NOT_CELSIUS.search(text[:m.start()]):
                    continue  # "Class 2 C", "Year 5C", "Table 3 C": a label, not a temperature
                unit = _canonical_unit(m.group("unit"))
                adjectival = "-" in m.group("sep")
                sign = m.group("sign") or ""
                value = sign + _display(a, b, unit, adjectival)
                number = float(a.replace(",", "")) * (-1 if sign == "−" else 1)
                top = float(b.replace(",", "")) if b else number
            # "Forks: Forks worn by 10% …": a sentence that opens with its term says what it is about
            said_lead = lead if lead and not re.match(rf"(?:the |a |an )?{re.escape(lead)}\b", text, re.IGNORECASE) else ""
            statement = f"{said_lead}: {text}" if said_lead else text
            offset = len(said_lead) + 2 if said_lead else 0
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


# words of a bound or a preposition: "no more than ____ mm" is said of many things, "in the last ____ weeks" of one
_FRAME_FILLER = frozenset("""a an the at of to for in on up by about than or and within from over under no not more less
    least most only just around approximately below above is are be must should""".split())


def same_frame(fact: NumericFact, pool: Sequence[NumericFact]) -> NumericFact | None:
    """Another value of the unit the notes state in the same words ("in the last 6 weeks" beside "in
    the last ____ weeks"): quoted alone, the statement leaves the learner two defensible numbers
    (h16's examiner: DUP "in the last 3 weeks", after "the last 6 weeks" one sentence before)."""
    frame = _frame(fact.blanked.split("____", 1)[0])
    if len(frame) < 3 or set(frame) <= _FRAME_FILLER:
        return None  # "spaced no more than ____ mm" and "tips of no more than 4 mm": the bound is no frame
    for other in pool:
        # (a value printed in the statement itself stands beside its own subject: "BR … at 20%, D0 … at 40%")
        if other.topic == fact.topic and other.unit == fact.unit and other.number != fact.number \
                and other.sentence != fact.sentence and _frame(other.blanked.split("____", 1)[0]) == frame:
            return other
    return None


def _frame(before: str) -> tuple[str, ...]:
    return tuple(w.casefold() for w in re.findall(r"[A-Za-z]+", before)[-3:])


def _overlap(a: NumericFact, b: NumericFact) -> bool:
    """One value inside the other's range (60°C inside 60–65°C), or the same amount in other units
    (60 minutes for 1 hour): a learner picking it would not be wrong."""
    if a.unit == b.unit:
        return a.number <= b.top and b.number <= a.top
    if _comparable(a, b):
        (a_low, a_top), (b_low, b_top) = _base_number(a), _base_number(b)
        return a_low <= b_top and b_low <= a_top
    return False


def _comparable(a: NumericFact, b: NumericFact) -> bool:
    """Two values in units of one dimension that convert to each other (minutes and hours, mm and m)."""
    return a.unit in _IN_BASE and b.unit in _IN_BASE and _DIMENSION[a.unit] == _DIMENSION[b.unit]


def _same_thing(a: NumericFact, b: NumericFact, threshold: float) -> bool:
    """Two values said of the same quantity: the words around them mostly the same (two or more shared)."""
    return len(a.context & b.context) >= 2 and jaccard(a.context, b.context) >= threshold


def _clip(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


# "8°C or below": any lower value satisfies it too, so a lower distractor would be a second key
_UPPER = re.compile(r"^\s*(?:or (?:below|less|lower|under|fewer|colder)|and (?:below|under|less)|max(?:imum)?\b)", re.I)
_UPPER_BEFORE = re.compile(r"\b(?:no (?:more|higher|greater|warmer|longer) than|not (?:more|higher|exceed\w*)(?: than)?|"
                           r"at (?:most|the most)|up to|below|under|less than|within|maximum(?: of)?|max|exceed\w*|"
                           r"fewer than|shorter than|colder than|lower than)\s*$", re.I)
_LOWER = re.compile(r"^\s*(?:or (?:above|more|higher|over|greater|longer|hotter)|and (?:above|over)|min(?:imum)?\b|\+)", re.I)
_LOWER_BEFORE = re.compile(r"\b(?:at least|no (?:less|lower|fewer|shorter|cooler) than|not (?:less|below)(?: than)?|"
                           r"above|over|more than|minimum(?: of)?|min|greater than|higher than|exceeding|"
                           r"hotter than|longer than)\s*$", re.I)
TEMPERATURE_BAND = 30.0  # a temperature distractor lies within this many degrees of the key
RATIO = 3.0  # any other quantity lies within this factor of the key (not 300 mm for a 2 mm probe tip)


def bound(fact: NumericFact) -> str:
    """'upper' when the statement sets the value as a maximum ("8°C or below", "no more than 4 mm"),
    'lower' for a minimum ("at least 75°C"), '' otherwise."""
    before, _, after = fact.blanked.partition("____")
    if re.search(r"\b(?:at least|no less often than|not less often than)\s+(?:once\s+)?every\s*$", before, re.IGNORECASE):
        return "upper"  # "checked at least every ____": a shorter interval satisfies it too
    if _UPPER.match(after) or _UPPER_BEFORE.search(before):
        return "upper"
    if _LOWER.match(after) or _LOWER_BEFORE.search(before):
        return "lower"
    return ""


def _base_number(f: NumericFact) -> tuple[float, float]:
    k = _IN_BASE.get(f.unit, 1)
    return f.number * k, f.top * k


def per(fact: NumericFact) -> str:
    """What follows the value's unit as its denominator ("/kg/h", "/m²", "/s"), or '': part of the unit."""
    m = re.match(r"((?:/[^\W\d_][\w²³]*)+)", fact.blanked.split("____", 1)[1])
    return m.group(1) if m else ""


def plausible(fact: NumericFact, other: NumericFact) -> bool:
    """A value of the same kind as the key: the same dimension and form (a range for a range, a
    modifier for a modifier: NumericFact.form), the same order of magnitude, and not on the side of
    a stated bound that also satisfies it."""
    if other.dimension != fact.dimension or other.form != fact.form:
        return False  # a range for a range, "24-hour" for "24-hour": the form is no cue
    if fact.unit != other.unit and not (fact.unit in _IN_BASE and other.unit in _IN_BASE):
        return False
    if per(fact) != per(other):
        return False  # "10 ml/kg" (a dose) beside "5 ml/kg/h" (a rate), "1000 W/m²" beside "250 W"
    (a, a2), (b, b2) = _base_number(fact), _base_number(other)
    if fact.unit in ("°C", "°F"):
        band = TEMPERATURE_BAND * (1.8 if fact.unit == "°F" else 1)
        if abs(a - b) > band or abs(a2 - b2) > band:
            return False
    else:
        if a <= 0 or b <= 0 or max(a, b) / min(a, b) > RATIO:
            return False
    side = bound(fact)
    if side == "upper" and b < a or side == "lower" and b > a:
        return False  # "8°C or below": 5°C satisfies it as well, a second defensible key
    if abs(_decimals(fact.value) - _decimals(other.value)) >= 2:
        return False  # "25.000 m" (a reduced level) beside "30 m" and "50 m" (sight lengths): h55's examiner
    return True


def _decimals(value: str) -> int:
    """The decimal places of a value's first number: "25.000 m" -> 3, "30 m" -> 0."""
    m = re.search(r"\d(?:[\d,]*\d)?(?:\.(\d+))?", value)
    return len(m.group(1)) if m and m.group(1) else 0


_RELATION = re.compile(r"\b(?:half|halves|halved|quarters?|thirds?|double[ds]?|doubling|twice|three times|triple[ds]?|"
                       r"ten times|percent of|proportion of)\b|-brick\b", re.IGNORECASE)


_QUALIFIER = re.compile(r"\s*(?:\([^()]{0,30}\)\s*)?([a-z]+)\s+(?:the\s+|a\s+|an\s+)?([a-z]+)?")
_PARALLEL_WORDS = frozenset("for on in at from to with by per under over".split())
# "… reduces them by about 10%, and … by about 20%", "so one block course equals …": worked out
_WORKED_OUT = re.compile(r"\b(?:so|therefore|thus|hence|equals?|equivalent|proportion\w*|times|total|sum|adds?|"
                         r"added|plus|minus|reduc\w*|increas\w*|rais\w*|works? out|gives?|makes?)\b|[=×÷]",
                         re.IGNORECASE)


def _parallel(blanked: str, other_end: int, blank_end: int) -> bool:
    """Two values each said of its own thing, in parallel: "25 kg for men and ____ for women",
    "1.2 m horizontally and ____ vertically". Neither fixes the other (the options keep the order the
    printed value shows: distractors_for); a sentence that relates them ("so", "reduces by") is no pair."""
    if _WORKED_OUT.search(blanked):
        return False
    a, b = _QUALIFIER.match(blanked, other_end), _QUALIFIER.match(blanked, blank_end)
    if not a or not b:
        return False
    if a.group(1) in _PARALLEL_WORDS and a.group(1) == b.group(1):
        return bool(a.group(2) and b.group(2) and a.group(2) != b.group(2))
    return a.group(1) != b.group(1) and a.group(1).endswith("ly") and b.group(1).endswith("ly")


def fixed_by_stem(fact: NumericFact) -> str:
    """Why the rest of the statement pins the value down (so it is not asked in any form), or ''."""
    before, _, after = fact.blanked.partition("____")
    if re.match(r"\s*\(\s*(?:about|approx\.?|around|≈|~)?\s*\d", after) and not _other_of_its_unit(after, fact) \
            or re.search(r"\d[^()]*\(\s*$", before) and not _other_before(before, fact) \
            or re.match(r"\s*(?:[\w/-]+\s+){1,3}\(\s*(?:about|approx\.?|approximately|around|roughly|≈|~)\s*\d", after) \
            or re.search(r"\d\s*[^\W\d_]{0,6}\s*[≈=~]\s*$", before) \
            or _RESTATED.match(after) or _DO_THE_SUM.match(fact.blanked):  # "1 g ≈ ____": a conversion, worked out
        return "the value is printed again in another unit beside it (“20 kg (200 N)”, “6% (20 vol)”)"
    at = fact.blanked.index("____")
    own = fact.blanked[label.end() - 1:] if (label := _TIP_LABEL.match(fact.blanked)) else fact.blanked
    if _VARYING_LABEL.match(fact.blanked):
        # "Typical contact centre targets (they vary by centre): … abandonment rate under ____%" (h43's
        # examiner: a local target keyed as a fact)
        return "the notes say the figure varies (“they vary by centre”): no single value is the key"
    if re.fullmatch(r"(?:[^:()]{1,40}:\s*)?\((?:[^()]|\([^()]*\))*\)\.?", fact.blanked.strip()):
        # "RCD: (Many wallboxes have ____ mA DC detection built in - check the data sheet.)": an aside in
        # brackets, not a statement of the notes' own (h61's examiner)
        return "the statement is an aside in brackets, not a fact the notes state"
    if _NO_SINGLE.search(fact.blanked):
        # "(____ is common; procedures vary)", "a common rule of thumb … no more than about ____" (h55's examiner:
        # the nearest distractor was itself a common figure, two defensible keys)
        return "the notes give it as a common figure or a rule of thumb that varies: no single value is the key"
    if _FORMER.match(fact.blanked):
        # "Old BS 2037/1129 ratings: Class 1 industrial ____ kg" (h50's examiner: a withdrawn standard's
        # figures, and which of its figures the notes name was disputed)
        return "the notes give it as a former figure (“Old BS … ratings”), not current practice"
    if _PER_INSTRUCTIONS.search(fact.blanked):
        # "Set overflow height and flush volume per the instructions (____ litres / short flush)" (h50's
        # examiner: a product's figure, not the rule)
        return "the figure follows the maker's instructions (“per the instructions”): no single value is the key"
    if _GOES_ON.match(own):
        # "Plastic pipe, Test A: Then bleed the pressure down … and watch for ____" (h41's examiner: the
        # stem starts in the middle of a procedure)
        return "the statement goes on from the one before it (“Then …”, “other …”): alone it does not say what it is about"
    if _RELATION.search(fact.blanked) and any(
            (m.group("unit") and _canonical_unit(m.group("unit")) == fact.unit) for m in _VALUE.finditer(fact.blanked)):
        # "a quarter of a brick (about ____); … a half-brick lap of 112.5 mm": halve the printed value
        return "the statement relates it to another value it prints (half, quarter, twice …): it can be worked out"
    if not fact.ranged and fact.number and any(
            m.group("unit") and _canonical_unit(m.group("unit")) == fact.unit and _twice(fact.number, m)
            for m in _VALUE.finditer(fact.blanked)):
        # "____ litres if it feeds both hot and cold, about 115 litres if it feeds hot only": a learner
        # doubles the printed value (h41's learner typed 230 from it)
        return "the key is twice or half another value of its unit the statement prints: a guesser doubles or halves it"
    # "check every ____, 9 at most": a bare number with a bound word right beside the blank, its unit
    # left for the blank's, bounds the key (7 days was the one option under 9; examiner, fresh notes)
    if re.match(r"\s*,?\s*(?:or\s+)?\d+(?:\.\d+)?\s+(?:at most|at the most|max(?:imum)?|at least|minimum|or (?:more|less|fewer))\b",
                fact.blanked[at + 4:]) or re.search(r"\b(?:at most|at least|up to|no more than|no less than)\s+\d+(?:\.\d+)?\s*,?\s*(?:or\s+)?$",
                                                   fact.blanked[:at]):
        return "another value of the same unit beside it in the statement bounds or fixes it"
    return ""


# a statement that opens by going on from the one before it: "Then bleed …", "After that …", "Thorough
# examination of other lifting equipment …" (beside a line on equipment for lifting people, h41)
_GOES_ON = re.compile(r"^\W*(?:(?:then|next|after that|after this|afterwards|thereafter)\b"
                      r"|(?:[\w-]+\s+){0,4}?(?:all\s+)?(?:other|remaining)\s+(?!than\b|hand\b|way\b|words\b)[a-z]"
                      # "Most others below 25 °C." after "Fridge storage where stated: 2-8 °C." (h48)
                      r"|(?:(?:most|all|many|some|the|any)\s+)?(?:others|the\s+rest)\b)",
                      re.IGNORECASE)


def _other_of_its_unit(after: str, fact: NumericFact) -> bool:
    """The bracket after the gap opens with another value in the key's own unit ("at least ____ (82C in
    Scotland)"): a value of something else, not the key printed again in another unit (h42: the 75°C
    reheating figure was refused as a conversion)."""
    m = _VALUE.search(after)
    return bool(m and m.start() <= after.index("(") + 3 and m.group("unit")
                and _canonical_unit(m.group("unit")) == fact.unit and _single_number(m) not in (None, fact.number))


def _other_before(before: str, fact: NumericFact) -> bool:
    """The value just before the bracket the gap sits in is in the key's own unit with another number
    ("at least 75C (____ in Scotland)"): a value of something else, not the key in another unit."""
    found = [m for m in _VALUE.finditer(before[:before.rindex("(")]) if m.group("unit")]
    m = found[-1] if found else None
    return bool(m and _canonical_unit(m.group("unit")) == fact.unit and _single_number(m) not in (None, fact.number))


def _single_number(m: re.Match) -> float | None:
    """The number of a printed single value (not a range), or None."""
    if m.group("b") or not m.group("a"):
        return None
    try:
        return float(m.group("a").replace(",", ""))
    except ValueError:
        return None


def _twice(number: float, m: re.Match) -> bool:
    """The printed single value ``m`` is half or twice ``number``."""
    other = _single_number(m)
    return bool(other) and any(abs(number - other * k) <= 1e-9 * number for k in (2, 0.5))


def bounded_by_stem(fact: NumericFact) -> str:
    """Why a value printed beside the gap would strike options (so the value is not offered among
    options; typed, the learner still has to know the number), or ''."""
    before, _, after = fact.blanked.partition("____")
    at = fact.blanked.index("____")
    if re.search(r"\bbetween\s*$", before) and re.match(r"\s*(?:and|to)\b", after) \
            or re.search(r"\bbetween\s+\S+\s+(?:and|to)\s*$", before) \
            or re.search(r"[+−-]?\d[\d.,]*\s*(?:°\s?C|%|[a-zA-Z]{1,3})?\s*(?:to|–|-)\s*$", before) \
            or re.match(r"\s*(?:to|–)\s*[+−-]?\d", after):
        # "reaches roughly +10 to ____": the one option above the printed end is the key
        return "one end of a stated range: the other end printed beside it fixes it"
    for m in _VALUE.finditer(fact.blanked):
        unit = m.group("unit")
        if not (unit and _canonical_unit(unit) == fact.unit or m.group("cur") and m.group("cur") == fact.unit):
            continue
        gap = fact.blanked[m.end():at] if m.end() <= at else fact.blanked[at + 4:m.start()]
        if len(gap) <= NEAR_VALUE and not bound(fact) and _parallel(fact.blanked, m.end(), at + 4):
            continue  # "25 kg for men and ____ for women": values of two things, neither fixes the other
        if len(gap) <= NEAR_VALUE or bound(fact) and not re.search(r"[.;]", gap):
            # "no more than 4 mm (ideally ____ or less)", "−1°C and ____": the printed value bounds it
            return "another value of the same unit beside it in the statement bounds or fixes it"
    return ""


def distractors_for(fact: NumericFact, pool: Sequence[NumericFact], limit: int = OPTIONS - 1,
                    shown: str = "") -> list[NumericFact]:
    """Other values stated in the same topic file, each of the same kind as the key (:func:`plausible`:
    same dimension, same shape, same order of magnitude, never a second key); never a value stated
    elsewhere for the same thing, and never a value the learner can see in the stem (``fact.blanked``
    and ``shown``): the key would be the one option not printed above it.
    """
    near = {o.value for o in pool if o.sentence != fact.sentence and _same_thing(fact, o, NEAR_THING)}
    visible = fact.blanked + " " + shown
    near |= {o.value for o in pool if o.sentence == fact.sentence or o.value in visible}
    printed = _printed_numbers(visible, fact.unit)
    out: list[NumericFact] = []
    taken = {fact.value}
    for same in (lambda o: o.unit == fact.unit, lambda o: o.unit != fact.unit):
        for other in pool:  # stable: pool order
            if not same(other) or not plausible(fact, other):
                continue
            if other.source.section is not None and other.source.section.name == "MISCONCEPTIONS":
                continue  # a figure of a mistake: "the notes give it for something else" would cite the error (h23)
            if other.unit == fact.unit and not fact.ranged and fact.number in _printed_numbers(other.sentence, fact.unit):
                # "PRV … usually 3 bar (some makes 3.5 bar)": beside a key of 3 bar, 3.5 bar is the same
                # thing's other value, as defensible as the key (an untuned read of h35)
                continue
            if hedged(fact) and close_to(fact, other):
                continue  # "sealed about ____": 7 days beside a key of 8 is a second defensible answer
            if other.unit == fact.unit and any((other.number > p) != (fact.number > p)
                                               for p in printed if p != fact.number):
                continue  # "basic rate 20% …; higher rate ____; additional rate 45%": 15% and 50% cannot fit
            if other.value in taken or other.value in near or _overlap(fact, other) \
                    or other.value.lstrip("+−") in {t.lstrip("+−") for t in taken}:
                continue  # "+1°C" beside "−1°C" reads as one option to anything that drops the sign
            if other.unit != fact.unit and _comparable(other, fact) and any(_same_amount(other, o) for o in [fact, *out]):
                continue  # "12 months" beside a key of "52 weeks": the same period, a second key (h16's examiner)
            if other.unit == fact.unit and not other.ranged and any(
                    _twin(other.number, n) for n in [fact.number, *printed, *(o.number for o in out if o.unit == other.unit)]):
                continue  # "121.1°C" beside a printed "121°C" (or the key or another option of 121°C): a near copy
            if _bare_in(other, fact.blanked):
                continue  # "____ from publication (50 from making if …)": 50 years printed, bare, in the stem (h57)
            if (other.unit, other.number, other.top) in {(o.unit, o.number, o.top) for o in [fact, *out]}:
                continue  # "12.0 V" beside "12 V": one value written twice, two options alike (h23's learner)
            taken.add(other.value)
            out.append(other)
            if len(out) == limit:
                return out
        if len(out) >= 2:
            break
    return out


TWIN = 0.02  # numbers within 2% of each other read as one value written twice


def _same_amount(a: NumericFact, b: NumericFact) -> bool:
    """The same length or period in two units (12 months and 52 weeks, 1 m and 1000 mm), within 2%."""
    if not _comparable(a, b):
        return False
    (a_low, a_top), (b_low, b_top) = _base_number(a), _base_number(b)
    return abs(a_low - b_low) <= TWIN * max(abs(a_low), abs(b_low)) and abs(a_top - b_top) <= TWIN * max(abs(a_top), abs(b_top))


def _twin(a: float, b: float) -> bool:
    return a != b and abs(a - b) <= TWIN * max(abs(a), abs(b))


def _bare_in(other: NumericFact, text: str) -> bool:
    """The other value's number stands in the text on its own, its unit left off ("(50 from making …)")."""
    m = _FIRST_NUMBER.search(other.value)
    if not m or other.ranged:
        return False
    unit = re.escape(other.unit.split()[0]) if other.unit else r"(?!)"
    # (not in a range, "4-5 years", nor with its own unit, "50 years": other rules see those)
    found = re.search(rf"(?<![\d.,\-–]){re.escape(m.group(0))}(?![\d.,\-–]|\s*(?:%|°|{unit}))", text)
    return found is not None


def _printed_numbers(text: str, unit: str) -> list[float]:
    """The numbers of the values of this unit a learner reads in the stem: an option on the other
    side of one of them than the key is ruled out by order alone."""
    out = []
    for m in _VALUE.finditer(text):
        if m.group("unit") and _canonical_unit(m.group("unit")) == unit:
            found = [m.group("a"), m.group("b")]
        elif m.group("cur") and m.group("cur") == unit:
            found = [m.group("ca"), m.group("cb")]
        else:
            continue
        sign = -1.0 if m.group("sign") == "−" else 1.0
        for n in filter(None, found):
            try:
                out.append(sign * float(n.replace(",", "")))
            except ValueError:
                continue
    return out


def subject_pool(topic: Topic, topics: Sequence[Topic] = ()) -> list[NumericFact]:
    """Numeric facts of the topic's own file: a value from another subject (tundish pipework for a
    probe tip) is a give-away, whatever its unit."""
    return list(_facts_of(topic))


NEAR_VALUE = 40  # characters between the blank and another value of its unit that let one fix the other
MAX_QUOTE = 200  # characters of quoted statement a stem may carry


def _own_claim(clause: str) -> bool:
    """A clause after a semicolon that is a claim of its own ("most manufacturers specify renewal
    every ____"), not a list element ("and a relief valve that opens at ____") or an aside."""
    from lemminflect import getAllLemmas

    capital = clause[:1].upper() + clause[1:]
    if re.match(r"(?:and|or|but|then|plus|with|while|as well as|including)\b", clause, re.IGNORECASE) \
            or not stands_alone(capital):
        return False
    head = [w.lower() for w in re.findall(r"[A-Za-z]+", clause.split("____")[0])[:6]]
    if not head or "VERB" in getAllLemmas(head[0]):
        return False  # "extended at least ____ above …": a participle, not a subject
    finite = {"is", "are", "was", "were", "has", "have", "must", "should", "can", "will", "may", "does", "do"}
    return any(w in finite or set(getAllLemmas(w)) == {"VERB"} for w in head[1:])


def _trim(fact: NumericFact) -> tuple[str, str] | None:
    """(blanked, whole) statement cut to the clause that holds the value, still a sentence; None if too
    long, or if the cut leaves a bracket or a quotation mark open ("… (shorter for perishables like
    cut flowers or food." cut before ", which …" inside the bracket)."""
    cut = _cut(fact)
    return None if cut is None or _unbalanced(cut[0]) else cut


_ARROW_ON = re.compile(r"\s+(?:-{1,2}>|→|=>)\s+\S")


def _cut(fact: NumericFact) -> tuple[str, str] | None:
    blanked, whole = fact.blanked, fact.sentence
    gap = blanked.find("____")
    if (arrow := _ARROW_ON.search(blanked, gap)) and (held := _ARROW_ON.search(whole)) \
            and whole[held.start():] == blanked[arrow.start():]:
        # "… no lamb about 1 hour after the water bag shows -> examine (clean hands, gloves, lube).": what follows an
        # arrow after the value is the action it leads to, not part of the statement (h68's examiner: note-form)
        blanked = blanked[:arrow.start()].rstrip(" ,;") + "."
        whole = whole[:held.start()].rstrip(" ,;") + "."
    if len(blanked) <= MAX_QUOTE:
        return blanked, whole
    clauses = re.split(r"(?<=;)\s+|(?<=\.)\s+", blanked)
    for n, clause in enumerate(clauses):
        if n and clause[:1].islower() and clauses[n - 1].endswith(";") and _own_claim(clause):
            # "…; most manufacturers specify renewal about every ____": a clause after a semicolon is a
            # claim of its own; it is quoted with a capital, its words unchanged
            clause = clause[:1].upper() + clause[1:]
        if "____" in clause and len(clause) <= MAX_QUOTE and clause[:1].isupper():
            lead = clause.split("____")[0]
            at = whole.find(lead)
            if at < 0 and lead[:1].isupper():
                at = whole.find(lead[:1].lower() + lead[1:])
            rest = clause.split("____")[1]
            end = whole.find(rest, at + len(lead)) if rest else len(whole)
            if at < 0 or end < 0:
                return None
            body = clause.rstrip(";").rstrip() + ("" if clause.rstrip().endswith((".", "!", "?")) else ".")
            original = whole[at:end + len(rest)].rstrip(";").rstrip()
            original = original[:1].upper() + original[1:]
            original += "" if original.endswith((".", "!", "?")) else "."
            return body, original
    return _without_afterthought(blanked, whole)


# ", and they drop when …", ", which …", ", so …": a clause added after the claim that holds the value
_AFTERTHOUGHT = re.compile(r",\s+(?:and\s+|but\s+)?(?:they|it|this|these|which|so|because)\b")


def _without_afterthought(blanked: str, whole: str) -> tuple[str, str] | None:
    """The statement up to a trailing clause that comes after the value ("… 16 kg for women, and they
    drop when the load is held further away"), when what is left is short enough and starts the
    sentence; None otherwise."""
    at = blanked.find("____")
    cut = _AFTERTHOUGHT.search(blanked, at)
    if not cut or cut.start() > MAX_QUOTE or not blanked[:1].isupper() or re.search(r"(?<=\.)\s", blanked[:cut.start()]):
        return None
    body = blanked[:cut.start()].rstrip() + "."
    keep = len(whole) - (len(blanked) - cut.start())
    if whole[keep:] != blanked[cut.start():]:
        return None
    return body, whole[:keep].rstrip() + "."


_NUMBER_TOKEN = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)*(?![\d])")


def number_printed(value: str, text: str) -> bool:
    """A number of ``value`` (two digits or more: "120" of "£120") stands elsewhere in ``text``, with
    or without its unit ("20/120 of the gross"), so a learner can read it off."""
    wanted = {n.replace(",", "") for n in _NUMBER_TOKEN.findall(value) if len(n.replace(",", "").replace(".", "")) >= 2}
    return bool(wanted & {n.replace(",", "") for n in _NUMBER_TOKEN.findall(text)})


def digits_printed(value: str, text: str) -> bool:
    """The significant digits of the value's number (three or more) stand inside another token of
    ``text``: "tax code 1257L" prints £12,570, "BS 7671" would print 7,671 V."""
    for n in _NUMBER_TOKEN.findall(value):
        sig = re.sub(r"\D", "", n).strip("0")
        if len(sig) >= 3 and any(sig in re.sub(r"[.,]", "", tok) for tok in re.findall(r"\S*\d\S*", text)):
            return True
    return False


def unit_word_printed(fact: NumericFact) -> bool:
    """The key's number, however short, stands next to its unit's word elsewhere in the statement,
    in either order ("on day 3 … within the last ____" for 3 days, "3 days … ____"): a learner reads
    it off. (number_printed leaves single digits alone: "Category 3 … ____ minutes" is no cue.)"""
    if fact.unit not in _WORD_UNITS:
        return False
    word = re.escape(fact.unit.split()[-1].rstrip("s"))
    numbers = {n.replace(",", "") for n in _NUMBER_TOKEN.findall(fact.value)}
    for n in numbers:
        near = rf"\b{word}s?\s+(?:number\s+|no\.?\s+)?{re.escape(n)}(?!\d|[.,]\d)|(?<![\d.]){re.escape(n)}\s*-?\s*{word}s?\b"
        if re.search(near, fact.blanked, re.IGNORECASE):
            return True
    return False


# Words before a value that say it is approximate: another value close to it would fit as well.
_HEDGED = re.compile(r"\b(?:about|around|approximately|approx\.?|roughly|circa|c\.|nearly|almost|some)\s*$|[~≈]\s*$",
                     re.IGNORECASE)
HEDGE_MARGIN = 0.25  # an approximate key's distractors differ from it by at least this share of the larger


def hedged(fact: NumericFact) -> bool:
    """The statement gives the value as approximate ("sealed about ____ after the egg is laid")."""
    before, _, after = fact.blanked.partition("____")
    # "first joist ____-ish off the wall face" (h28: the 40 mm distractor was as right as the key)
    return bool(_HEDGED.search(before) or re.match(r"[^\s,;]{0,6}-ish\b|\s*(?:or so|odd)\b", after, re.IGNORECASE))


def close_to(fact: NumericFact, other: NumericFact) -> bool:
    """Within HEDGE_MARGIN of the key at either end: under "about", 7 days is as right as 8."""
    (a, a2), (b, b2) = _base_number(fact), _base_number(other)
    return any(max(abs(x), abs(y)) and abs(x - y) / max(abs(x), abs(y)) < HEDGE_MARGIN for x, y in ((a, b), (a2, b2)))


# "a tolerance such as ±____": the notes give one value of many that fit
_EXAMPLE_BEFORE = re.compile(r"\b(?:such as|e\.g\.?|eg|for example|for instance|say|perhaps)\s*\(?\s*[±~≈]?\s*(?:about\s+|around\s+)?$",
                             re.IGNORECASE)

# "… during trading, for instance whenever it holds more than ____": the example runs to the value
_EXAMPLE_IN_CLAUSE = re.compile(r"\b(?:such as\b|e\.g\.|e\.g\b|eg\b|for example\b|for instance\b)(?:[^,;.:()]|(?<=\d)[:.](?=\d)){0,60}$",
                                re.IGNORECASE)  # "for example 1:60 gives about ____": a ratio's colon is no break
# "e.g. Hartmann's, ____% NaCl": a list of examples runs to the value, commas and all (h66's examiner: 0.45% and
# 7.2% NaCl are crystalloids too)
_EXAMPLE_LIST = re.compile(r"\b(?:such as|e\.g\.?|eg|for example|for instance)\s+(?:[^,;.:()]{1,30},\s*){1,5}$", re.IGNORECASE)
# "£150.00 + £1,284.60 − £32.50 − £800.00 = £602.10": a sum, not a fact to recall
_CALCULATION = re.compile(r"(?:\d|____)\s*%?\s*(?:[+−÷=]|\s×\s(?=[^.;]*=))\s*[£$€]?\s*(?:\d|____)")


def _unbalanced(text: str) -> bool:
    """Brackets or straight double quotes that do not pair up: a cut in the wrong place."""
    return text.count("(") != text.count(")") or text.count('"') % 2 == 1


def is_example(fact: NumericFact) -> bool:
    """The value is given as an example ("such as ____", "(e.g. plus or minus ____)", a statement that
    opens "E.g. 240 s talk + …"): others fit too."""
    before = fact.blanked.partition("____")[0]
    said = before.split(": ", 1)[1] if fact.source.section is not None and fact.source.section.name == "CONCEPTS" \
        and ": " in before else before
    # "Work out the spindle spacing. Example on a level landing: ____ mm between newels": the
    # sentence that holds the gap opens as an example (h19's examiner: no answer to recall)
    sentence_of_gap = re.split(r"(?<=[.!?])\s+(?=[A-Z])", before)[-1]
    return bool(_EXAMPLE_BEFORE.search(before) or _EXAMPLE_IN_CLAUSE.search(before) or _EXAMPLE_LIST.search(before)
                or _EXAMPLE_OPENING.match(said)
                or _EXAMPLE_OPENING.match(sentence_of_gap) or _EXAMPLE_QUOTED.search(before))


# 'e.g. "acknowledge within 24 hours, resolve within ____ working days"': a quoted example runs to its
# closing quote, commas and all (h27)
_EXAMPLE_QUOTED = re.compile(r"\b(?:e\.g\.?|eg|for example|for instance|such as)\s*[\"“][^\"”]*$", re.IGNORECASE)


# "Average handle time (AHT): E.g. 240 s talk + 30 s hold …": the whole statement is a worked example
_EXAMPLE_OPENING = re.compile(r"\s*(?:e\.g\.?|eg\b|for example\b|for instance\b|example\b|worked example\b)", re.IGNORECASE)


def is_calculation(text: str) -> bool:
    """A worked calculation: values joined by +, −, ÷ or =; any of them follows from the rest. Also a
    worked example that sets a named quantity equal to a value ("For 36 g at 10% TDS from 18 g,
    EY = 20%": TDS follows from the formula; h8's learner worked it out)."""
    return bool(_CALCULATION.search(text) or _NAMED_RESULT.search(text) or _UNITS_SUM.search(text))


# "240 s talk + 30 s hold + 60 s wrap = 330 s": a sum whose terms carry units and labels
_UNITS_SUM = re.compile(r"\d\s*(?:[A-Za-z%]{1,8}\s+){1,2}[+=]\s+[£$€]?\d")  # "+10 to +12°C" is a range


def formula_gives(fact: NumericFact) -> bool:
    """The statement prints a formula (× or ÷ between terms) and three of its numbers give the key as
    a × b ÷ c within 5% ("ABV (%) × volume (ml) ÷ 1,000; a 175 ml glass at ____% ABV contains about
    2.3 units": 2.3 × 1,000 ÷ 175 ≈ 13). A formula beside an unrelated figure ("0.065 × floor area …,
    a minimum of ____ A") does not give it."""
    if not _FORMULA.search(fact.sentence) or not fact.number:
        return False
    nums = [float(n.replace(",", "")) for n in _NUMBER_TOKEN.findall(fact.blanked.replace("____", " "))][:12]
    key = fact.number
    for i, a in enumerate(nums):
        for j, b in enumerate(nums):
            for k, c in enumerate(nums):
                if len({i, j, k}) == 3 and c and i < j and abs(a * b / c - key) <= 0.05 * abs(key):
                    return True
    return False


_NAMED_RESULT = re.compile(r"\b[A-Z][A-Za-z]{0,3}\s*=\s*[£$€]?\d")
# "ABV (%) × volume (ml) ÷ 1,000; a 175 ml glass at ____% ABV holds about 2.3 units": a formula
# printed with its inputs gives the value (h9)
_FORMULA = re.compile(r"[)\w]\s*[×÷]\s*[(\w]")


def skip_reason(fact: NumericFact) -> str:
    """Why a stated value cannot be asked soundly whatever the distractors, or ''."""
    section = fact.source.section.name if fact.source.section is not None else ""
    if section == "MISCONCEPTIONS":
        return "stated in a common mistake: asking for it could reinforce the error"
    if section == "SYNOPSIS":
        return "stated in the synopsis (what the unit covers), not as a fact to learn"
    if fact.value.replace(" ", "") in fact.blanked.replace(" ", ""):  # "5 W" in "5W" too
        return "the value appears twice in the statement: the stem would show the key"
    if fact.blanked.count("|") >= 2:
        # "Reheating | 75°C (Scotland: ____°C …) | Continue reheating": a row without its columns' headings
        return "the statement is a row of a table: quoted alone it does not say what its columns are"
    if re.search(r"____-\d|\d-____", fact.blanked):
        # "In ____-30 the "5W" is the cold rating": 5W-30 is a grade's name, not 5 watts (h21)
        return "the value is part of a code or grade joined to another number (“5W-30”), not a quantity"
    if number_printed(fact.value, fact.blanked):
        return "its number is printed elsewhere in the statement (\u201c20/120\u201d beside \u00a3120): the stem would show the key"
    if any(re.search(rf"(?<![\d.,]){re.escape(n)}/\d|\d/{re.escape(n)}(?![\d.])", fact.blanked)
           for n in _NUMBER_TOKEN.findall(fact.value)):
        # "replace them every ____ months" beside "(about 3/4 full)" for 3 months (h30)
        return "its number is printed as part of a fraction in the statement (“3/4 full” beside ____ for 3): the stem would show the key"
    if not fact.ranged and fact.number in _printed_numbers(fact.blanked, fact.unit):
        # "below ____°C …; keep the building above about 5C until it has dried" (h35): one digit, its unit beside it
        return "its value is printed again in the statement with its unit (“… above about 5C”): the stem would show the key"
    if digits_printed(fact.value, fact.blanked):
        return "its digits are printed elsewhere in the statement (“tax code 1257L” beside £12,570): the stem would show the key"
    if unit_word_printed(fact):
        return ("its number stands beside its unit's word elsewhere in the statement (\u201ceggs hatch on day 3, so \u2026 "
                "within the last ____\u201d): the stem would show the key")
    said = fact.sentence.split(": ", 1)[1] if ": " in fact.sentence and fact.source.section is not None \
        and fact.source.section.name == "CONCEPTS" else fact.sentence
    if re.match(r"(?:They|It|This|These|Those|He|She|Its|Their)\b", said):
        return "the statement starts with a pronoun: quoted alone it does not say what it is about"
    before, _, rest = fact.blanked.partition("____")
    rest = re.sub(r"^\s*[A-Za-z]+", "", rest)  # the unit printed beside the gap says nothing of what it measures
    if len(content_stems(f"{before} {rest}") - _BOUND_WORDS) < 2:
        # "Watch for up to ____ minutes." (h32's examiner: watch what, in which test?)
        return "the statement is too short to say what the value is of (one word of substance besides its unit)"
    if section != "CONCEPTS" and said.lstrip("\"“‘'(")[:1].islower():
        return ("the statement starts in lower case, an item of a list or the rest of a sentence (“after ____: one "
                "repair or replacement …”): quoted alone it does not say what it is about")
    if re.match(r"(?:the\s+)?(?:answer|result|then|next|repeat|again)\b", said, re.IGNORECASE):
        # "Answer goes in Box 1. Box 4 only for capital items of £____+": a step of a calculation that
        # leans on the steps before it (h36's examiner)
        return "the statement is a step that leans on the steps before it (“Answer goes in Box 1 …”)"
    if said[:1].isupper() and leans_back(said):
        return "the statement leans on the sentence before it (\u201cthis was extended\u201d, \u201cthe same way\u201d)"
    if re.search(r":\s*$", fact.blanked) and len(content_stems(fact.blanked.replace("____", " ")) - _BOUND_WORDS) < 4:
        # "Temperature: Below ____°C = severe:": a short line that heads a list says only half of what it
        # states (h28); "Operators keep records for at least ____ years …, showing:" says it all before the colon
        return "the statement is a short line ending in a colon: it heads the lines after it and says only half of what it states"
    if _unbalanced(fact.blanked):
        return "the statement as quoted opens or closes a bracket or quotation mark it does not match"
    if is_calculation(fact.sentence):
        return "the statement is a worked calculation: the value can be worked out from the others printed"
    if fact.unit == "%" and fact.number == 50 and re.search(r"\bmajority\b", fact.blanked, re.IGNORECASE):
        # "a simple majority (more than ____%)": the word gives the number (h33's examiner)
        return "the statement names a majority: “more than ____%” can only be 50"
    if re.search(r"\((?:about|approx\.?|approximately|roughly|around|c\.|ca\.)\s*____\s*\)", fact.blanked, re.IGNORECASE):
        # "Plumb: within 8 mm in a storey height (about ____)": a rough gloss of a word, not the fact (h30)
        return "the value is a rough gloss in brackets (“a storey height (about ____)”), not the fact the statement states"
    if fact.form[1] and re.match(r"\s*(?:[.,;:)]|$)", fact.blanked.partition("____")[2]):
        # "15000 ppm (1.5%) ____." for "15-minute": a modifier with no noun after it (h36's ladder review)
        return "the value is a modifier (“15-minute”) with no noun after the gap: the stem does not say what it measures"
    if re.search(r"\([^()]*(?:\u2192|->|=>)[^()]*\)", fact.blanked):
        # "1 calendar month and ____ after the period end (quarter to 30 June -> due 7 August)" (h36's review)
        return "the statement works an example in brackets (“30 June -> due 7 August”): the example gives the value"
    if re.search(r"(?:\u2192|->|=>)[^.;\u2192]*____", fact.blanked):
        # "Choose In ≥ Ib from standard ratings → ____ Type B MCB": what a step of one case gave (h22)
        return "the value follows an arrow: it is what a worked step gave, not a fact stated for itself"
    if re.search(r"\ban\s*$", fact.blanked.partition("____")[0], re.IGNORECASE):
        return "“an” before the gap tells the number's first sound (“an ____-hour average”: 8, 11 or 18)"
    if _SCOPE.search(fact.blanked) or _REFERENCE.search(fact.blanked):
        return ("the value only says what the statement's figure applies to (“For cars and vans up to ____ kg, at least "
                "1.6 mm”, “1.0029 µL/mg at 20 °C and ____ kPa”): a side detail, not the fact")
    if formula_gives(fact):
        return "a formula the statement prints gives the value from its other numbers (“ABV × volume ÷ 1,000 …”)"
    if _RESTATED.search(fact.blanked):
        # "BS EN 1276 = 5 log reduction, i.e. kills ____%": 99.999 is the printed figure said again (h35)
        return "the value restates a figure printed before it (“5 log reduction, i.e. ____%”): the stem gives it"
    if fact.unit == "%" and not fact.ranged and any(abs(p + fact.number - 100) < 1e-9 for p in _printed_numbers(
            fact.blanked, "%") if p != fact.number):
        # "Forks worn to ____% of original thickness (10% wear …)": 90 with the 10% printed (h35)
        return "the value and a percentage the statement prints make 100%: the stem gives it"
    if _EQUIVALENCE.search(fact.blanked):
        return "the value is one side of an equivalence (“1 g ≈ ____”, “____ = 1 ml”): the other side gives it"
    if why := fixed_by_stem(fact):
        return why
    if is_example(fact):
        return "the value is an example (“such as”, “e.g.”): other values would make the statement true too"
    if _trim(fact) is None:
        return "the statement is too long to quote and no clause of it holding the value stands as a sentence"
    if _MULTIPLIED.search(fact.blanked):
        return "the value is a factor in a product (“6 x ____”): the product is worked out, not stated"
    if fact.blanked.split("____", 1)[1][:1] in ("'", "\u2019"):
        return "the blank is followed by an apostrophe (“____' driving”): the stem would read oddly"
    if period_named(fact):
        return ("the value is the length of a period the statement names (“daily … within 24 hours”, "
                "“weekly … 7 days”): common sense gives it")
    if product_printed(fact):
        return ("the value is the product of two numbers the statement prints (“____ hours of training every 5 "
                "years, in courses of at least 7 hours”: 35): arithmetic gives it")
    if constant_named(fact):
        return ("the value is an everyday constant of what the statement names (“frost … below ____ °C”, "
                "“boiling water at ____ °C”): common sense gives it")
    return ""


# "Legal tread depth: For cars, light vans up to ____ kg and light trailers, at least 1.6 mm …": the gap is
# in the opening phrase that scopes the statement, whose own figure comes after (h7's examiner)
_SCOPE = re.compile(r"^(?:[^:]{1,60}:\s*)?For\b[^;]*?____[^;]*?,[^;]*?\d[\d.,]*\s?(?:°\s?C|%|[a-zA-Zµ]{1,4}\b)")
# "1.0029 µL/mg at 20 °C and ____ kPa": the conditions a constant is stated at (h8's examiner)
_REFERENCE = re.compile(r"\d[^;,]*?\bat\s+[−+-]?\d[\d.]*\s*°\s?C\s+and\s+____|\bat\s+____\s*°\s?C\s+and\s+\d")
_RESTATED = re.compile(r"\d[^.;:()]{0,40}?,?\s*\b(?:i\.e\.|ie|that is|in other words)\s*,?\s*(?:[A-Za-z]+\s+){0,2}____",
                       re.IGNORECASE)
_EQUIVALENCE = re.compile(r"____[^.;,()]{0,12}[≈=]\s*[£$€]?\d|\d[^.;,()]{0,12}[≈=]\s*[£$€]?____")
_MULTIPLIED = re.compile(r"\d\s*(?:x|×|\*|times)\s*____|____\s*(?:x|×|\*)\s*\d", re.IGNORECASE)
# The length of a period in the units a statement would give it.
_PERIODS = {
    r"day|days|daily": {("hours", 24.0), ("days", 1.0)},
    r"week|weeks|weekly": {("days", 7.0), ("hours", 168.0), ("weeks", 1.0)},
    r"fortnight|fortnightly": {("days", 14.0), ("weeks", 2.0)},
    r"month|months|monthly": {("weeks", 4.0), ("days", 28.0), ("days", 30.0), ("days", 31.0), ("months", 1.0)},
    r"year|years|yearly|annual|annually": {("months", 12.0), ("weeks", 52.0), ("days", 365.0), ("years", 1.0)},
    r"hour|hours|hourly": {("minutes", 60.0)},
    r"minute|minutes": {("seconds", 60.0)},
}


def period_named(fact: NumericFact) -> bool:
    """The key is the length of a period a word of the statement names: "Daily rest: must be
    completed within ____" is 24 hours to anyone (an examiner's find on fresh notes)."""
    if not fact.ranged and fact.unit == "hours" and fact.number == 24 and fact.value.endswith("-hour"):
        return True  # "six ____-hour periods", "one chart per ____-hour period": a day, to anyone (h17)
    return _named_amount(fact, _PERIODS)


def _named_amount(fact: NumericFact, table: dict[str, set[tuple[str, float]]]) -> bool:
    """The key is an amount ``table`` gives for a word the statement says (``table``: words as a
    pattern -> the (unit, number) amounts they name); never for a range."""
    if fact.ranged:
        return False
    text = fact.blanked.replace("____", " ")
    return any((fact.unit, abs(fact.number)) in amounts and re.search(rf"\b(?:{names})\b", text, re.IGNORECASE)
               for names, amounts in table.items())


def product_printed(fact: NumericFact) -> bool:
    """Two other numbers of the statement multiply to the key (h17's learner: "kept valid by ____ of
    periodic training every 5 years, in approved courses of at least 7 hours each" is 5 × 7 = 35)."""
    if fact.ranged or fact.number < 10 or fact.number != int(fact.number):
        return False
    # a label's number is no factor ("Class 2 scooters … 600 mm wide" is no 2 × 600 = 1200 mm: an untuned
    # read), nor is a 2, which doubles too many values by chance
    text = re.sub(r"\b(?:class|type|level|grade|category|stage|no\.?|number|zone|step)\s+\d+", " ",
                  fact.blanked.replace("____", " "), flags=re.IGNORECASE)
    numbers = [float(n.replace(",", "")) for n in re.findall(r"(?<![\d.])\d+(?:,\d{3})*(?:\.\d+)?(?![\d.])", text)]
    numbers = [n for n in numbers if n >= 3]
    return any(a * b == fact.number for i, a in enumerate(numbers) for b in numbers[i + 1:])


# Everyday physical constants, by the words that name them (°C and °F): anyone knows water freezes at 0 °C
# (two of nine items an untuned read found answerable so: "frost … below ____ °C", "iced water at ____ °C").
_CONSTANTS = {
    r"freez\w*|frost\w*|ice|iced|icy|thaw\w*|melt\w*": {("°C", 0.0), ("°F", 32.0)},
    r"boil\w*|steam": {("°C", 100.0), ("°F", 212.0)},
    r"body temperature": {("°C", 37.0), ("°F", 98.6)},
    # "Stored water must never get to ____°C" (an untuned read of h35): water's own boiling and freezing points
    r"water": {("°C", 100.0), ("°C", 0.0), ("°F", 212.0), ("°F", 32.0)},
    # "Towels washed at ____°C or above" (h35's examiner: the household hot wash, known to anyone)
    r"wash\w*|laundr\w*|launder\w*": {("°C", 40.0), ("°C", 60.0), ("°C", 90.0)},
}


def constant_named(fact: NumericFact) -> bool:
    """The key is a constant every learner knows of a thing the statement names (water freezes at 0 °C,
    boils at 100 °C, the body is at 37 °C): the value tests general knowledge, not the notes."""
    return _named_amount(fact, _CONSTANTS)


# "Queen ____, worker 21, drone 24": numbers listed beside the blank with the unit left off
_LISTED_BARE = re.compile(r"(?<=[A-Za-z]\s)(\d+(?:\.\d+)?)(?=\s*(?:[,;)]|\band\b|\bor\b|\(|$))")


def _listed_bare(text: str, fact: NumericFact) -> list[float]:
    """Bare numbers in the blank's own list ("Queen ____, worker 21, drone 24 (egg to emergence)"):
    the unit written once serves them all, so they are printed values of the key's unit."""
    if "____" not in text or not re.search(r"____\s*[,;]|[,;]\s*\w+\s+____", text):
        return []
    clause = re.split(r"[.:]\s", text)
    here = next((c for c in clause if "____" in c), text)
    return [float(m.group(1)) for m in _LISTED_BARE.finditer(here)]


def nearest_printed(fact: NumericFact, wrong: Sequence[NumericFact], shown: str) -> bool:
    """The key is the one option nearest a value of its unit that the stem prints: "spread loose at
    about ____ … so that it compacts to roughly 30–40 mm" with 50, 80, 100, 150 mm offered (all rightly
    above 40, the order rule's doing), or "50 mm …, 60 mm … and ____": the next value up is the key."""
    listed = _listed_bare(shown, fact)
    if listed and _nearest(fact, wrong, listed):
        return True  # "Queen ____, worker 21, drone 24": the option beside the list's own numbers
    return _nearest(fact, wrong, _printed_numbers(shown, fact.unit) + listed)


def _nearest(fact: NumericFact, wrong: Sequence[NumericFact], numbers: list[float]) -> bool:
    k = _IN_BASE.get(fact.unit, 1)
    printed = [p * k for p in numbers if p not in (fact.number, fact.top)]
    if not printed:
        return False

    def distance(f: NumericFact) -> float:
        low, high = _base_number(f)
        return min(min(abs(low - p), abs(high - p)) for p in printed)

    key = distance(fact)
    return all(distance(w) > key for w in wrong)


_BARE_THOUSANDS = re.compile(r"(?<![\d.,])(\d{4,})(?![\d,]|\.\d)")


def uniform_signs(values: list[str]) -> list[str]:
    """Options written alike: where only some positive values carry a "+" ("+2°C" beside "0°C", "1°C"),
    it is dropped, so the one signed option is no cue (h12: the key was the one "+")."""
    signed = [v.startswith("+") for v in values]
    if any(signed) and not all(signed):
        return [v[1:] if v.startswith("+") else v for v in values]
    return values


def uniform_thousands(values: list[str]) -> list[str]:
    """Options written alike: where one shows a thousands separator ("1,500 V"), a number of four
    digits or more in another gets one too ("1000 V" -> "1,000 V"), so the odd format is no cue."""
    if not any(re.search(r"\d,\d{3}", v) for v in values):
        return values
    return [_BARE_THOUSANDS.sub(lambda m: f"{int(m.group(1)):,}", v) for v in values]


def odd_unit(fact: NumericFact, wrong: Sequence[NumericFact]) -> bool:
    """The key would be the one option in its unit ("60–75 cm" among "1.2–1.8 m" and "1.8–2.4 m"):
    the odd one out, picked without knowing the subject (h14's examiner)."""
    return bool(wrong) and all(w.unit != fact.unit for w in wrong)


def group_of(fact: NumericFact) -> str:
    """Items on one sentence are variants of one question: each stem prints the other's key."""
    return "value-" + item_id("", fact.source.path, str(fact.source.line), fact.sentence).split("-", 1)[1]


def item_for(fact: NumericFact, topic: Topic, topics: Sequence[Topic], seed: int,
             index: FactIndex | None = None, pool: Sequence[NumericFact] | None = None) -> tuple[Item | None, str]:
    """The item for one fact, or None and the reason it is not asked (``index`` and ``pool``: computed
    once per bank and per topic by the caller, so a large bank is not rescanned per fact)."""
    pool = subject_pool(topic, topics) if pool is None else pool
    if why := skip_reason(fact):
        return None, why
    if (other := contested(fact, index or fact_index(tuple(topics)))) is not None:
        return None, f"the notes also state {other.value} for the same thing ({other.source})"
    if (other := same_frame(fact, _facts_of(topic))) is not None:
        return None, (f"the notes state {other.value} in the same words (“{' '.join(_frame(other.blanked.split('____')[0]))} "
                      f"…”, {other.source}): quoted alone, the statement leaves two defensible values")
    if bounded := bounded_by_stem(fact):
        # options would be struck by the printed value; a number to type is not
        blanked, whole = _trim(fact)  # type: ignore[misc]
        why_not = typed_skip_reason(fact, blanked, topic)
        if not why_not and bound(fact) and not bounded.startswith("one end"):
            # "no more than 4 mm (ideally ____ or less)": the printed bound leaves a few numbers to guess
            why_not = "the statement sets it as a limit beside the printed value, which leaves few numbers to guess"
        if why_not:
            return None, f"{bounded} (as options), and {why_not}"
        return typed_item(fact, topic, blanked, whole), ""
    candidates = distractors_for(fact, pool, limit=8)
    wrong = cue_free_choice(fact.blanked, fact.value, candidates, lambda w: w.value)  # nothing for surface cues to find
    blanked, whole = _trim(fact)  # type: ignore[misc]
    if len(wrong) < 2 and not bound_elsewhere(fact, topic) and (ladder := ladder_distractors(fact, blanked, seed)):
        # a conventional period with no fair distractors in the notes: typed, anyone types "14" for days
        # (h32, h33's learners: 13 of 21 typed items right with no subject knowledge); as options,
        # its neighbours on the ladder of conventional periods, the key at any place among them
        wrong = ladder
    elif len(wrong) < 2:
        # no fair distractors in the notes: the learner types the number instead (no options, no cue)
        why_not = typed_skip_reason(fact, blanked, topic)
        if why_not:
            return None, (f"fewer than 2 other values of the same kind ({fact.unit}, same shape and order of magnitude, "
                          f"not a second key) in this file to serve as distractors, and {why_not}")
        return typed_item(fact, topic, blanked, whole), ""
    if nearest_printed(fact, wrong, blanked):
        # a candidate nearer the printed value than the key goes first, if the learner finds no cue then
        nearer = [c for c in candidates if not nearest_printed(fact, [c], blanked)]
        retry = cue_free_choice(fact.blanked, fact.value, nearer + [c for c in candidates if c not in nearer],
                                lambda w: w.value)
        wrong = retry if len(retry) >= 2 else wrong
    if odd_unit(fact, wrong):
        # "60–75 cm" among "1.2–1.8 m" and "1.8–2.4 m": the one option in its unit is the odd one out
        same = [c for c in candidates if c.unit == fact.unit]
        retry = cue_free_choice(fact.blanked, fact.value, same + [c for c in candidates if c not in same],
                                lambda w: w.value)
        if len(retry) >= 2 and any(w.unit == fact.unit for w in retry):
            wrong = retry
        else:
            why_not = typed_skip_reason(fact, blanked, topic)
            if why_not:
                return None, (f"the key would be the only option in {fact.unit} (the odd one out), and {why_not}")
            return typed_item(fact, topic, blanked, whole), ""
    if nearest_printed(fact, wrong, blanked):
        return None, ("the key is the option nearest a value of its unit the statement prints (“spread loose at ____ … "
                      "compacts to 30–40 mm”, “50 mm …, 60 mm … and ____”): a learner takes the next value")
    stem = f"Which value completes this statement{_from_notes(topic, fact)}{dated(fact, topic)}?\n“{blanked}”"
    shown = uniform_signs(uniform_thousands([fact.value, *(w.value for w in wrong)]))
    choices = [Choice(shown[0], True, f"Correct: the notes state “{whole}”")]
    for w, text in zip(wrong, shown[1:]):
        if w.source == fact.source and w.sentence == fact.sentence:  # a conventional value (ladder_distractors)
            choices.append(Choice(text, False, f"Not this one: the notes state {fact.value}: “{whole}”"))
            continue
        choices.append(Choice(text, False, f"Not this one: the notes give {w.value} for something else: "
                                           f"“{w.sentence}”"))
    rng_for(seed, f"{FAMILY}:{fact.source}:{fact.value}").shuffle(choices)
    ordered = in_numerical_order(choices)
    return MultipleChoice(
        id=item_id(FAMILY, fact.blanked, fact.value), family=FAMILY, topic=topic.slug,
        title=short_title("Value", blanked), stem=stem, choices=ordered or tuple(choices), ordered=bool(ordered),
        general_feedback=f"The notes state: “{fact.sentence}” {learner_source(topic, fact.source)}",
        sources=(fact.source,), tags=(topic.slug, FAMILY), group=group_of(fact),
    ), ""


def in_numerical_order(choices: list[Choice]) -> tuple[Choice, ...]:
    """The options in ascending order of their numbers when they are written alike but for the numbers
    ("£1,500", "£3,000"; "2–3 mm", "4–5 mm"); () when they are not (units differ: no one order is logical)."""
    def shape(text: str) -> str:
        return re.sub(_NUM, "#", text)

    def numbers(text: str) -> tuple[float, ...]:
        return tuple(float(n.replace(",", "")) for n in re.findall(_NUM, text))

    if len({shape(c.text) for c in choices}) != 1 or not all(numbers(c.text) for c in choices):
        return ()
    return tuple(sorted(choices, key=lambda c: numbers(c.text)))


_FIRST_NUMBER = re.compile(rf"[−+-]?(?:{_NUM})")  # a value's number, its sign with it
# "typically workable for up to ____": one product's figure, not a fixed one; as an option it is fine,
# typed it marks a learner who knows "24 to 36 hours" wrong
# ("ideally no more than ____ m", "preferably ____ or less": a recommendation, not a limit, h46's examiner)
_TYPICAL = re.compile(r"\b(?:typically|usually|normally|generally|commonly|often|roughly|around|approximately|about|"
                      r"ideally|preferably)\b"
                      r"(?:\s+\S+){0,5}\s*$", re.IGNORECASE)
# "____ A Type B MCB   typical circuit protection": the value is named typical after the gap, in its clause (h49)
# (and "____ as a guide, maximum time working in one position": a guide, not a rule, h50's examiner)
_TYPICAL_AFTER = re.compile(r"[^;.]{0,80}\b(?:typical|as\s+a\s+(?:rough\s+)?guide|rule\s+of\s+thumb)\b", re.IGNORECASE)
# "50 mm, 60 mm and ____", "____, 21 or 24 days": the blank is one of a run of numbers
# ("20% / 40% / ____%", "1.3 mm / .050\", ____ mm": a unit sign before the separator too, h49)
_IN_SERIES = re.compile(r"\d\s*(?:(?:[^\W\d]{1,6}|[%°″′\"']+)\s*)?(?:,|\band\b|\bor\b|/)\s*____|____\s*(?:,|\band\b|\bor\b|/)\s*\d"
                        # "Plan 1 £____, Plan 2 £27,295, Plan 4 £31,395": labelled values in a list
                        r"|____[^,;()\s]{0,4},\s*\S+(?:\s\S+)?\s[£$€]?\d[\d,.]*[^,;()\s]{0,4}(?:,|\s+and\b)")
TYPED_LEAD = "Type the number that completes this statement (the unit is printed beside the gap)."


def _from_notes(topic: Topic, fact: NumericFact | None = None) -> str:
    """The topic a quoted statement is about, for a stem (" about Light vehicle brake systems"): a
    statement quoted alone does not say which fluid, which tax year or which trade (h30's examiner:
    "Typical fluid change interval: every ____ years", which fluid?). Not "from the notes on …": a
    candidate in a live paper has no notes (h41 and h42's examiners). '' for a topic known only by its
    file's opaque name."""
    name = display_name(topic)
    # the notes' own sub-heading over the statement, where it names what the statement is about ("VAT
    # essentials" in bookkeeping notes: h54's examiner, "Deregistration threshold £____" never says VAT)
    part = subject_heading(topic, fact) if fact is not None and name else ""
    return f" about {name}" + (f" ({part})" if part else "") if name else ""


# words of a sub-heading that say only that figures follow ("Numbers you must know", "Key figures (learn these)")
_GENERIC_HEADING = frozenset(content_stems(
    "numbers number figures figure facts fact values value key know knowing known learn learning remember must should "
    "need needs important useful worth quick reference data table tables summary notes note essential essentials "
    "basics basic main common section part unit chapter topic revision exam other more rates rate normal typical "
    "sizes size heart memorise memorising memorize memorizing points point come symbols symbol terms term "
    "procedure procedures method methods steps step sequence get gets asked ask cold board"))  # ("NUMBERS THAT GET ASKED", h65)


def subject_heading(topic: Topic, fact: NumericFact) -> str:
    """The sub-heading a note's statement sits under, as written less its numbering and asides, when it names
    something the topic's name does not ("VAT essentials (UK, 2025)" -> "VAT essentials"); '' otherwise."""
    if fact.source.section is not None:
        return ""
    head = note_heading(topic, fact.source.line)
    # ("[E] THE CUSTOMER'S RIGHTS …", "PART B -- …": a lettered section's label, h63)
    text = re.sub(r"^(?:(?:section|part|unit|chapter)\s+\w{1,3}\s*(?:::|--|[-–—:.])\s*|\d{1,2}(?:\.\d{1,2})*[.)]?\s+|\[(?:0x)?[A-Z0-9]{1,2}\]\s+"
                  r"|§\s*\d{1,2}\s+|S\d{1,2}\s+)",
                  "", head, flags=re.IGNORECASE)
    text = re.sub(r"\s*\([^()]*\)", "", text).strip(" :-–—")
    text = re.split(r"\s+(?:--|[-–—])\s+|:\s*", text)[0].strip()  # "Monitoring load - figures you should know"
    own = content_stems(text)
    # (not one with figures of its own: "(Making 250.0 cm³ of standard … solution)" beside a number gap, h55)
    if not own or not own - _GENERIC_HEADING or own <= content_stems(display_name(topic) or "") or len(text) > 60 \
            or re.search(r"\d[.,]\d|[£$€]\s?\d|\d\s?(?:%|°|[cmkdµ]?(?:m|g|l)\b|[cmd]m³|ml\b)", text):  # (not "Class 1 …")
        return ""
    return text


def typed_lead(topic: Topic, year: str = "", fact: NumericFact | None = None) -> str:
    """The typed item's lead; ``year`` (" (2025/26 figures)") joins its bracket."""
    said = f"{year.strip()[1:-1]}; " if year else ""
    return f"Type the number that completes this statement{_from_notes(topic, fact)} ({said}the unit is printed beside the gap)."


# "2025/26", "2024-25": a tax year, whose rates change every April
_TAX_YEAR = re.compile(r"\b20\d\d\s*[/–-]\s*(?:20)?\d\d\b")


def dated(fact: NumericFact, topic: Topic) -> str:
    """" (2025/26 figures)" where the statement, the notes' sub-heading over it or the topic's title names
    the tax year its figures are for; '' otherwise (h49's examiner: "SSP £____/wk" keyed 118.75 with no
    year, the 2025/26 rate, a wrong key a year on)."""
    shown = f"{fact.sentence} {display_name(topic)}"
    if _TAX_YEAR.search(shown):
        return ""  # the statement or the topic's name the stem prints says it already
    for text in (note_heading(topic, fact.source.line), topic.title):
        if m := _TAX_YEAR.search(text or ""):
            year = "".join(m.group(0).split())
            return f" ({year} figures)"
    return ""


def typed_blank(fact: NumericFact) -> str:
    """The value as the stem shows it with its number blanked: "____°C", "a ____-hour", "£____", "____ mm"."""
    m = _FIRST_NUMBER.search(fact.value)
    assert m is not None  # every value holds a number
    return fact.value[:m.start()] + "____" + fact.value[m.end():]


def typed_number(value: str) -> str:
    """The number a learner types for ``value``: "2,000 V" -> "2000", "0.5 mm" -> "0.5", "−40°C" -> "-40"
    (the sign is typed, not printed beside the gap: h8's examiner, "−____°C" marked "−40" wrong)."""
    m = _FIRST_NUMBER.search(value)
    return m.group(0).replace(",", "").replace("−", "-").lstrip("+") if m else ""


def typed_tolerance(answer: str) -> str:
    """Half a unit of the key's last decimal place ("101.3" -> "0.05": 101.325, the exact figure, is as
    right as the rounded one the notes print; h8's examiner); a whole number is exact."""
    places = len(answer.partition(".")[2])
    if not places:
        return "0"
    # "0.1 Ω" ± 0.05 would credit 0.06 and 0.14 (h28's examiners): a margin above 1% of the key is no
    # rounding allowance, so a small decimal key is exact
    return "0" if 0.5 * 10 ** -places > 0.01 * abs(float(answer)) else f"0.{'0' * places}5"


_WORD_NUMBERS = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())
                 if n >= 2}  # "four courses to ____ mm" with 75 mm a course: 300 (one is too common a word)
_WORD_NUMBERS.update(double=2, twice=2, half=2, treble=3, triple=3, quarter=4, dozen=12)


def _symmetric_range(fact: NumericFact, blanked: str) -> bool:
    """The gap closes a range whose width another range of the statement shows ("between −1°C and
    +1°C, and in boiling water between 99°C and ____": 101 by symmetry)."""
    m = re.search(r"([+−-]?\d+(?:\.\d+)?)\s*[^\d\s]{0,3}\s*(?:and|to|–|-)\s*____", blanked) \
        or re.search(r"____\s*[^\d\s]{0,3}\s*(?:and|to|–)\s*([+−-]?\d+(?:\.\d+)?)", blanked)  # "____°C to 101°C" (h21)
    if not m:
        return False
    other = float(m.group(1).replace("−", "-"))
    width = abs(fact.number - other)
    for a, b in re.findall(r"([+−-]?\d+(?:\.\d+)?)\s*[^\d\s]{0,3}\s*(?:and|to|–)\s*([+−-]?\d+(?:\.\d+)?)", blanked):
        if abs(abs(float(b.replace("−", "-")) - float(a.replace("−", "-"))) - width) < 1e-9:
            return True
    return False


def derivable(fact: NumericFact, blanked: str) -> bool:
    """The key follows from two other numbers the statement prints: a rate as their ratio ("at ____%, £500
    net carries £100 VAT"), an amount as their sum, difference or product ("£500 … £100 … owes £____")."""
    rest = blanked.replace("____", " ")
    printed = [float(n.replace(",", "")) for n in _NUMBER_TOKEN.findall(rest)]
    printed += [float(_WORD_NUMBERS[w.lower()]) for w in re.findall(r"\b[A-Za-z]+\b", rest) if w.lower() in _WORD_NUMBERS]
    key = fact.number
    if len(printed) < 2 or key == 0:
        return False

    def near(x: float) -> bool:
        return abs(x - key) <= 0.005 * abs(key)

    for i, x in enumerate(printed):
        for j, y in enumerate(printed):
            if i == j or not y:
                continue
            if near(x / y * 100) or near(x / y) or near(x * y / 100) or (j > i and (near(x + y) or near(abs(x - y)) or near(x * y))):
                return True
    return False


# The periods rules and tutors' notes set, by unit: a learner who knows nothing types one of these
# ("within ____ days": 14, 28 or 30), so a key among them is no typed item (typed_skip_reason); with no
# stated bound it is asked as a choice among its neighbours here (ladder_distractors). One of a unit
# is left out: "1 day" beside "7 days" is told apart by its singular.
CONVENTIONAL = {
    "seconds": (2, 3, 5, 10, 15, 20, 30, 45, 60, 90, 120),
    "minutes": (2, 3, 5, 10, 15, 20, 30, 45, 60, 90, 120),
    "hours": (2, 3, 4, 6, 8, 12, 24, 36, 48, 72),
    "days": (2, 3, 5, 7, 10, 14, 21, 28, 30, 60, 90),
    "working days": (2, 3, 5, 10, 15, 20),
    "weeks": (2, 3, 4, 6, 8, 12, 16, 26, 52),
    "months": (2, 3, 4, 6, 9, 12, 18, 24, 36),
    "years": (2, 3, 4, 5, 6, 7, 10, 12, 15, 20, 25),
}


# "can be given after ____", "wait ____ before", "within the first ____", "____ before the service": a longer
# (or shorter) neighbour on the ladder makes the statement as true (h36's ladder review: three serious)
_PERMISSIVE = re.compile(r"\b(?:after|before|wait|waiting|within(?: the (?:first|last|next))?|in the (?:first|last|next)|"
                         r"by|until|since)\s*$", re.IGNORECASE)
_PERMISSIVE_AFTER = re.compile(r"^\s*(?:before|after|earlier|later|ahead|beforehand|in advance|or (?:more|longer|less|sooner))\b",
                               re.IGNORECASE)
_VOWEL_SOUND = re.compile(r"8|11(?!\d)|18(?!\d)|11\d{3}|18\d{3}")  # eight, eleven, eighteen (thousand): "an"


# The neighbours a ladder offers: the periods notes use most, so that no option is odd for being rare
# ("36 hours", "16 weeks" beside "24 hours" and "48 hours": h36's ladder review). A key may be any
# conventional period (CONVENTIONAL); its neighbours come from here.
LADDER = {
    "seconds": (5, 10, 15, 20, 30, 45, 60, 90, 120),
    "minutes": (5, 10, 15, 20, 30, 45, 60, 90, 120),
    "hours": (4, 6, 8, 12, 24, 48, 72),
    "days": (3, 5, 7, 10, 14, 21, 28, 30, 60, 90),
    "working days": (3, 5, 10, 15, 20),
    "weeks": (2, 4, 6, 8, 12, 26, 52),
    "months": (3, 6, 9, 12, 18, 24, 36),
    "years": (2, 3, 5, 6, 7, 10, 15, 20),
}


def bound_elsewhere(fact: NumericFact, topic: Topic) -> bool:
    """The notes state the same amount of the same thing as a bound in another sentence ("Pre-dip contact
    time: at least 30 seconds" beside "Pre-dip the whole teat. Leave 30 seconds."): a longer neighbour
    is as right (h36's examiner)."""
    return any(o.unit == fact.unit and o.number == fact.number and o.sentence != fact.sentence and bound(o)
               and o.context & fact.context for o in _facts_of(topic))


def hedged_elsewhere(fact: NumericFact, topic: Topic) -> bool:
    """The notes hedge the same amount of the same thing in another sentence ("Charging voltage … at about
    2000 rpm" beside "d) Charging voltage at 2000 rpm …"): a typed key of exactly that number would mark
    a fair 2500 wrong (h41's examiner)."""
    said = _about(fact.sentence)
    return any(o.unit == fact.unit and o.number == fact.number and o.sentence != fact.sentence and hedged(o)
               and (o.context & fact.context or len(said & _about(o.sentence)) >= 3) for o in _facts_of(topic))


@lru_cache(maxsize=1 << 14)
def _about(text: str) -> frozenset[str]:
    """What a sentence is about: its content stems less its figures, units and bound words."""
    return frozenset(w for w in content_stems(_VALUE.sub(" ", text)) if not any(ch.isdigit() for ch in w)) - _BOUND_WORDS


def conventional(fact: NumericFact) -> bool:
    """The key is one of the periods rules usually set in its unit (CONVENTIONAL)."""
    return not fact.ranged and fact.number in CONVENTIONAL.get(fact.unit, ())


def _off_ladder(fact: NumericFact, blanked: str) -> str:
    """Why the statement offers its value on no ladder of neighbours, or '': "bound" where it states the
    value as a bound or with a permissive word ("within", "at least", "after ____"), a neighbour on one
    side being as true; "hedged" where it hedges the value, lists or prints others of its unit beside it."""
    before, _, after = blanked.partition("____")
    if bound(fact) or _PERMISSIVE.search(before) or _PERMISSIVE_AFTER.match(after):
        return "bound"
    if hedged(fact) or _TYPICAL.search(before) or _TYPICAL_AFTER.match(after) or _printed_numbers(blanked, fact.unit) \
            or _listed_bare(blanked, fact) or _IN_SERIES.search(blanked):
        return "hedged"
    return ""


def ladder_distractors(fact: NumericFact, blanked: str, seed: int) -> list[NumericFact]:
    """Three conventional periods of the key's unit around it, as the statement's own values (the
    feedback says the notes give the key), the key's place among the four chosen by the seed so
    that neither the middle nor an end gives it away; [] when the statement states a bound (a value
    on one side would satisfy it too, and the key at an end would be the strictest), hedges the
    value (a neighbour would be as right), prints a value of its unit, or no such set is free of
    surface cues."""
    if not conventional(fact) or _off_ladder(fact, blanked):
        return []  # "a UV lamp about ____": 3 minutes is as right as 2 beside it on the ladder
    ladder = [n for n in LADDER[fact.unit] if n != fact.number]
    if re.search(r"\ba\s*$", blanked.partition("____")[0], re.IGNORECASE):
        ladder = [n for n in ladder if not _VOWEL_SOUND.match(f"{n:g}")]  # "a 8-hour" reads wrong: the key by grammar
    below = [n for n in ladder if n < fact.number][::-1]
    above = [n for n in ladder if n > fact.number]
    rng = rng_for(seed, f"{FAMILY}:ladder:{fact.source}:{fact.value}")
    # the key's place among the four is drawn from all four: a key at the ladder's end ("2 years") that
    # could only be the lowest option is not set so (h36's ladder review: 26 of 40 keys were at an end)
    place = rng.randrange(OPTIONS)
    if place > len(below) or OPTIONS - 1 - place > len(above):
        return []
    # the nearest neighbours, or one step further on a side, so that the key is not the one round number
    # among them ("30 days" beside 14, 21 and 28: h43's learner picked the roundest, and it was the key)
    sets = sorted(((sum(b) + sum(a), sorted([below[i] for i in b] + [above[i] for i in a]))
                   for b in itertools.combinations(range(min(place + 1, len(below))), place)
                   for a in itertools.combinations(range(min(OPTIONS - place, len(above))), OPTIONS - 1 - place)),
                  key=lambda t: t[0])
    numbers = next((ns for _, ns in sets if not _roundest_alone(fact.number, ns)), None)
    if numbers is None:
        return []
    out = []
    for n in numbers:
        a = f"{n:g}"
        value = _display(a, None, fact.unit, fact.form[1])
        out.append(replace(fact, value=value, number=float(n), top=float(n)))
    wrong = cue_free_choice(fact.blanked, fact.value, out, lambda w: w.value, least=3)
    return wrong if len(wrong) == OPTIONS - 1 else []


def _roundest_alone(key: float, others: Sequence[float]) -> bool:
    """The key is the one option divisible by the largest of 10 and 5 that any option is divisible by."""
    def roundness(n: float) -> int:
        return next((r for r in (10, 5) if n >= r and n == int(n) and int(n) % r == 0), 1)
    top = max(roundness(n) for n in (key, *others))
    return top > 1 and roundness(key) == top and all(roundness(n) < top for n in others)


def typed_skip_reason(fact: NumericFact, blanked: str, topic: Topic | None = None) -> str:
    """Why the value cannot be asked as a typed number, or ''; with ``topic``, also where its notes hedge
    the same amount of the same thing elsewhere (:func:`hedged_elsewhere`)."""
    if fact.ranged:
        return "a range cannot be typed as one number"
    if fact.unit == "%" and fact.number in (0.0, 100.0):
        return "0% or 100% is the whole or nothing, which the statement's own sense gives (“flour = ____%”)"
    if hedged(fact) or _TYPICAL.search(blanked.partition("____")[0]) or _TYPICAL_AFTER.match(blanked.partition("____")[2]):
        return ("the value is approximate or typical (“about ____”, “typically up to ____”): no single typed "
                "number is the key")
    if topic is not None and hedged_elsewhere(fact, topic):
        return ("the notes give the same value as approximate in another sentence (“at about 2000 rpm”): no single "
                "typed number is the key")
    key = typed_number(fact.value).lstrip("-")
    if re.search(rf"(?<![\d.,A-Za-z]){re.escape(key)}(?![\d])", blanked.replace(",", "")):
        # "Position at 1 in 4; …; ____ m above landing" keyed 1 (h50's examiner: the obvious guess)
        return "its number is printed elsewhere in the statement (“1 in 4” beside a key of 1): the stem would show it"
    if fact.unit in _WORD_UNITS and fact.number == 1 and not fact.form[1]:
        return "its unit is singular (“____ hour”), which tells the number"
    if fact.number == 1 and re.search(r"\b(?:each|every|per)\s*$", blanked.partition("____")[0], re.IGNORECASE):
        # "Each ____ psi of pressure raises boiling point by about 1.7C" (h35): one is the number to type
        return "“each ____” or “per ____” before a key of 1: one is what anyone types"
    if _listed_bare(blanked, fact) or _IN_SERIES.search(blanked):
        return "the gap sits in a list of numbers (“50 mm, 60 mm and ____”): the series suggests the number"
    if derivable(fact, blanked) or _symmetric_range(fact, blanked):
        return "the number follows from two others the statement prints (“at ____%, £500 net carries £100 VAT”)"
    if _in_a_run(fact, blanked):
        # "Men: 25 kg at …, 20 kg at …, ____ kg at …, about 5 kg …": h37's learner typed 10 from the run alone
        return "the gap sits in a run of values that climbs or falls (“25 kg …, 20 kg …, ____ kg …, 5 kg”): the run suggests the number"
    if _inside_printed_range(fact, blanked):
        # "Cellar temperature: 11-13 C (aim ____°C)": anyone types 12 (h28, once "13 C" was read as °C)
        return "the statement prints a range the number lies inside (“11–13°C (aim ____)”): its middle suggests the number"
    if conventional(fact):
        # h32, h33's learners typed 14 for days, 6 for months, 24 for hours: 13 of 21 right knowing nothing
        why = {"bound": "the statement states it as a bound (“within”, “at least”), so a neighbour on one side is as true",
               "hedged": "the statement hedges it or prints a value of its unit beside it"}.get(
            _off_ladder(fact, blanked), "the seed put the key beyond the end of its ladder of common neighbours (the "
                                        "key's place is drawn from all four, so that an end does not give it away)")
        return (f"the number is a period rules usually set ({fact.value}): a learner who knows nothing would type it, "
                f"and it is offered on no ladder: {why}")
    return ""


def _in_a_run(fact: NumericFact, blanked: str) -> bool:
    """The values of the key's unit printed either side of the gap, with the key, climb or fall in order."""
    before, _, after = blanked.partition("____")
    def numbers(text: str) -> list[float]:
        return [float(m.group("a").replace(",", "")) for m in _VALUE.finditer(text)
                if m.group("unit") and not m.group("b") and _canonical_unit(m.group("unit")) == fact.unit]
    left, right = numbers(before), numbers(after)
    if not left or not right:
        return False
    run = [*left[-2:], fact.number, *right[:2]]
    return len(run) >= 4 and (run == sorted(run) or run == sorted(run, reverse=True)) and len(set(run)) == len(run)


def _inside_printed_range(fact: NumericFact, blanked: str) -> bool:
    """A range of the key's unit printed in the statement holds the key strictly inside it."""
    for m in _VALUE.finditer(blanked):
        if m.group("b") and m.group("unit") and _canonical_unit(m.group("unit")) == fact.unit:
            lo, hi = float(m.group("a").replace(",", "")), float(m.group("b").replace(",", ""))
            if lo < fact.number < hi:
                return True
    return False


def typed_item(fact: NumericFact, topic: Topic, blanked: str, whole: str) -> Numerical:
    """The fact as a number to type: the stem quotes the statement with the number blanked and
    its unit printed ("held at ____°C or above"); any other number scores nothing."""
    shown = blanked.replace("____", typed_blank(fact), 1)
    return Numerical(
        id=item_id(FAMILY, fact.blanked, fact.value, "typed"), family=FAMILY, topic=topic.slug,
        title=short_title("Value", shown), stem=f"{typed_lead(topic, dated(fact, topic), fact)}\n“{shown}”",
        answer=typed_number(fact.value),
        value=fact.value, tolerance=typed_tolerance(typed_number(fact.value)),
        feedback_correct=f"Correct: the notes state “{whole}”",
        feedback_wrong=f"Not that number: the notes state “{whole}”",
        general_feedback=f"The notes state: “{fact.sentence}” {learner_source(topic, fact.source)}",
        sources=(fact.source,), tags=(topic.slug, FAMILY), group=group_of(fact),
    )


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
