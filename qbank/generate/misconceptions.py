"""Misconception spotting that tests understanding, not the word "Failing".

A misconception bullet is read (``read``) into what it holds:

* ``claim``: the mistaken belief as a statement ("Assuming that X" -> "X"; "X rather than Y" -> "X";
  a bullet that is itself a claim), qualifiers kept;
* ``correction``: a true claim the bullet carries ("…; failing to recognise that C", "…, whereas C",
  "…; in fact C", "…, when C", "… — C");
* ``mistake``: the mistake as a practice (gerund phrase), usable as a key only when nothing but
  its content marks it as wrong (no Failing/Assuming/without/rather than/absolute word…).

Forms, each with options of one form and valence:

* "Which of these is a common misconception?": claims; distractors are true claims from the
  definitions of the same subject;
* true/false: beliefs keyed false, corrections keyed true, in matched pairs (``_balanced_true_false``).

Not set (examiners rejected every one on notes in other subjects): "Which of these is a common
mistake?" — the notes give no good practice in the mistakes' neutral register, so the distractors
were exam tips, marking wording or self-evidently good practice ("Distinguishing …", "correct
gauge") and the plain action was the key; and "Someone says …; what is wrong with this?" — the
distractors were true statements about something else, so only the key spoke to the claim. A
mistake bullet with neither a belief nor a correction is listed by coverage with that reason.

Items that test the same bullet share a ``group``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from lemminflect import getAllLemmas

from qbank.generate.common import (
    display_name, distractor_topics, item_id, names_its_topic, sentence, short_title, source_note,
)
from qbank.generate.facts import Facts, build_facts
from qbank.generate.options import HARD_CUES, SHORTCUT, arrange, cues, pick_distractors
from qbank.generate.practice import as_mistake, corrective
from qbank.generate.statements import FRONTED, leans_back, stands_alone
from qbank.generate.text import (
    ABSOLUTES, absolutes_in, content_stems, is_gerund_phrase, is_verb, jaccard, lower_first, option, third_person,
    trim, words,
)
from qbank.model import Bullet, Choice, Item, MultipleChoice, Section, Topic, TrueFalse
from qbank.reader import CORRECTION_LABEL, MISTAKE_LABEL

FAMILY = "misconception"
# Claims (a belief among true statements) differ in length by nature: a belief is short, a
# correction explains. An item whose key is still the shortest or longest option is not asked.
CLAIM_CUES = HARD_CUES | {"key_shortest", "key_longest"}
SIMILAR = 0.5
# A true statement sharing this much of a belief's bullet is its correction (or its negation):
# offered beside the belief it answers the item ("an adult with capacity has the right to refuse").
REFUTES = 0.25

# Words that mark an option as the wrong one wherever they stand: a key may carry none of them
# in "which is a mistake" (its distractors, good practice, never do).
MARKERS = frozenset(
    """assume assumes assuming assumption believe believes believing belief think thinking presume presuming
    expect expecting confuse confusing confusion mix mixing fail fails failing failure neglect neglecting
    forget forgetting omit omitting ignore ignoring overlook overlooking disregard disregarding not no never
    without rather instead lack lacking poor poorly inadequate inadequately insufficient insufficiently
    excessive excessively overly over-reliance over-relying overreliance misunderstand misunderstanding
    mistake mistaking misuse misusing misinterpret misinterpreting underestimate underestimating overestimate
    overestimating wrong wrongly incorrect incorrectly delay delaying avoid avoiding skip skipping rush rushing
    just mistakenly treat treating don't doesn't isn't aren't cannot can't""".split()) | ABSOLUTES
_PRONOUNS = frozenset("it its they them this these that those he she we you there such".split())
_FINITE = frozenset(
    """is are was were be can cannot must should will would may might does do has have needs need requires
    require depends means mean includes include involves involve guarantees guarantee leads lead ensures
    ensure improves improve reduces increases affects applies matters works remains become becomes takes
    makes make relies rely comes""".split())
_BELIEF = re.compile(r"^(?:Assuming|Believing|Thinking|Presuming|Expecting)(?: that)? (.+)$", re.IGNORECASE)
# Where a bullet turns from the belief to what is true instead. Group 1: the correction.
_SPLITS = (
    re.compile(r"\s*[;,]\s*(?:and\s+)?(?:failing|not|without) (?:to )?(?:recognis|realis|recogniz|realiz|understand|"
               r"appreciat|acknowledg|see|accept)\w* that (.+)$", re.IGNORECASE),
    re.compile(r"\s*(?:[;,]|\s[—–-])\s*(?:in fact|in reality|actually|in truth),?\s+(.+)$", re.IGNORECASE),
    re.compile(r"\s*[;,]?\s*whereas\s+(.+)$", re.IGNORECASE),
    re.compile(r"\s*,\s*but\s+(.+)$", re.IGNORECASE),  # "X is fine in summer, but without inhibitors …"
    re.compile(r"\s*,\s*without\s+.+$()", re.IGNORECASE),  # "…, without first checking …": the practice error, no claim
    re.compile(r"\s*,\s*when (?:in fact|actually|really),?\s+(.+)$", re.IGNORECASE),
    # ", when modules are still awake": the circumstance of the mistake, not what is true instead
    re.compile(r"\s*,\s*when\s+.+$()", re.IGNORECASE),
    re.compile(r"\s*(?:—|–|\s-\s)\s*(.+)$"),
    re.compile(r"\s*;\s*(.+)$"),
    re.compile(r":\s+(.+)$"),
    # "… you update the MAR. Changes come from …": a sentence may end on an acronym (two letters or
    # more before the stop, so "U.K." or an initial is no end)
    # "… lightening job. 12% is normally …", "… "never reacted before". Reactions …": a sentence may
    # open with a figure, and end on a closing quote
    re.compile(r"(?<=[A-Za-z0-9)][A-Za-z0-9)\"”’'])\.\s+(?=[A-Z0-9])(.+)$"),
)
_ARROW = re.compile(r"\s(?:-{1,2}>|→|=>)\s")
_RATHER = re.compile(r"\s*,?\s+(?:rather than|instead of)\s+(.+)$", re.IGNORECASE)


@dataclass(frozen=True)
class Reading:
    """What one misconception bullet holds (see the module docstring); None where it holds nothing safe."""

    bullet: Bullet
    mistake: str | None  # an unmarked practice-form mistake, usable as a key
    claim: str | None  # the false belief, a sentence without final stop
    correction: str | None  # a true claim, a sentence without final stop
    practice: str | None  # the corrective good practice (gerund)


_NOUN_PHRASE = re.compile(r",\s*(?:where|which|who|whom|whose|when)\b|\b(?:where|which|whose|whom)\b", re.IGNORECASE)
_FINITE_BEFORE = re.compile(
    r"^[^,]*?\b(?:is|are|was|were|can|cannot|must|should|will|would|may|might|does|do|has|have)\b(?![^,]*\b(?:where|which)\b)",
    re.IGNORECASE)


def _noun_list(text: str) -> bool:
    """Three or more short items joined by commas and a last "and"/"or", and nothing else."""
    parts = [p for p in re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", text.strip().rstrip(".")) if p]
    if len(parts) < 3 or "," not in text or not all(1 <= len(p.split()) <= 3 for p in parts):
        return False
    # "Guards, screens and rails prevent falls": a word that can only be a verb makes it a claim
    return not any(getAllLemmas(w.lower()).get("VERB") and not getAllLemmas(w.lower()).get("NOUN")
                   and not getAllLemmas(w.lower()).get("ADJ") for p in parts for w in p.split())


_ORDER_PREPOSITIONS = frozenset("within before after by at on in for with every".split())
_OPENING_PREPOSITIONS = frozenset("for in on at with from during after before by under over within between "
                                  "into onto through without".split())


def is_claim(text: str, gerund_subject: bool = False) -> bool:
    """A statement with a subject and a finite verb: 'Satisfaction alone does not guarantee retention'.

    Not a noun phrase whose only verb is in a relative clause ('The range 5-63°C, where bacteria
    multiply'), not an order ('Check its accuracy'), not a clause that leans on a pronoun.
    """
    ws = words(text)
    if _FORMULA_TEXT.search(text):
        return False  # "Abandoned calls / calls offered x 100", "English = alternate courses": a formula or a key, no claim
    if len(ws) < 4 or ws[0] in _PRONOUNS or ws[0] in _WH or (is_gerund_phrase(text) and not gerund_subject) or ws[0] in MARKERS or (
            ws[0].endswith("ly") and is_gerund_phrase(" ".join(ws[1:2]))):
        return False
    if is_verb(ws[0]) and not getAllLemmas(ws[0]).get("NOUN") and not getAllLemmas(ws[0]).get("ADJ"):
        return False  # an instruction
    if is_verb(ws[0]) and ws[0] in getAllLemmas(ws[0]).get("VERB", ()) and ws[1] in _ORDER_PREPOSITIONS \
            and not any(w in _FINITE or third_person(w, ambiguous=True) for w in ws[2:8]):  # "Water in the tank causes …"
        return False  # "Register within 30 days of …": a verb that is also a noun, then a preposition: an order
    if ws[0] in _OPENING_PREPOSITIONS and not re.search(r"[,;:–—]", text) and not any(w in _FINITE for w in ws):
        return False  # "For small pan fires and burning clothing": one prepositional phrase ("fires" a noun)
    if _noun_list(text) and not any(w in _FINITE for w in ws):
        return False  # "Inner and outer plates, pins, bushes and rollers": a list of parts ("bushes" a noun; h11)
    if (fronted := FRONTED.match(text)) and not is_claim(text[fronted.end():], gerund_subject) \
            and _may_order(words(text[fronted.end():])):
        return False  # "On diesel trucks, check fuel, engine oil and coolant": an order after a phrase
    if _may_order(ws):
        # "Check battery connectors, cables …" opens with a verb that is also a noun: a claim only
        # with a verb that cannot be a plural noun ("cables" is no evidence of one)
        first = words(text.split(";")[0])
        main = list(itertools.takewhile(lambda w: w not in _SUBORDINATE, first[1:]))  # "… so results are accurate"
        return any(w in _FINITE for w in main) or any(third_person(w) for w in main[:5])
    if _NOUN_PHRASE.search(text.split(";")[0]) and not _FINITE_BEFORE.search(text):
        return False  # "The range 5-63°C, where bacteria multiply": the only verb is in a relative clause
    first = words(text.split(";")[0])  # the verb belongs to the first clause, not to one after a semicolon
    if any(w in _FINITE for w in first[1:]) or any(third_person(w) for w in first[1:6]):
        return True
    # A word that may be a plural noun or a verb ("collects", "needs") is the verb after a noun
    # ("the business collects VAT"), not after an article, a preposition or a conjunction.
    # "… the half-brick leaves of a cavity wall": a word followed by "of" is the noun of a phrase
    return any(third_person(w, ambiguous=True) and first[n] not in _NOT_BEFORE_VERB
               and (n + 2 >= len(first) or first[n + 2] != "of") for n, w in enumerate(first[1:6]))


_FORMULA_TEXT = re.compile(r"\s[/=×÷]\s|\s[x×]\s?\d")


# "How many people can pass through a given width of exit …": a noun clause (a definition), no claim
_WH = frozenset("how what why which who whom whose whether".split())  # not "when", "where": "When the RCD trips, it …"
_SUBORDINATE = frozenset("so that which who because when if where while until unless before after as since to "
                         "once whether".split())


def _may_order(ws: Sequence[str]) -> bool:
    """The clause opens with a verb's bare form ("check", "fit", "test"): it may be an order."""
    return bool(ws) and ws[0] not in _PRONOUNS and ws[0] in getAllLemmas(ws[0]).get("VERB", ()) \
        and not third_person(ws[0], ambiguous=True)


_NOT_BEFORE_VERB = frozenset(
    "the a an of for in on at with and or to by from its their his her our your my this that these those "
    "all any some many most few several each every no".split())


_RELATIVE = frozenset("to that which who whom whose where when what how why".split())


def noun_phrase_only(text: str) -> bool:
    """True when the first finite verb comes after a relative or infinitive word: "The ability to make
    a decision at the time it needs to be made" names something; it claims nothing."""
    ws = words(text)
    for n, w in enumerate(ws[1:], 1):
        if w in _RELATIVE:
            return True
        if w in _FINITE or third_person(w):
            return False
    return False




def marked(text: str) -> bool:
    """Whether a word of the text tells a testwise reader it is the mistake."""
    return any(w in MARKERS or w.startswith("over-") for w in words(text))


_READS_AS_FACT = re.compile(r"\b(?:not|no|never|none|nothing|cannot|usually|often|typically|generally|normally|"
                           r"mostly|rarely|seldom)\b|n't\b", re.IGNORECASE)


# "Too much adhesive spread at once …", "Not enough water added …": what was done wrong, not a belief
_TOO_MUCH = re.compile(r"^(?:too (?:much|many|little|few|long|short|early|late)|not enough|excessive|insufficient)\b",
                       re.IGNORECASE)
# '"Tint will lift tint." It won't: permanent colour cannot …', '"X" - wrong, Y': the belief in
# quotes, a verdict, then what is true
# ('"Rest weeks are wasted weeks." -> Adaptation happens during recovery …': an arrow to the correction, h54)
_QUOTED = re.compile(r'^["“](?P<claim>[^"“”]{8,300}?)[.!?]?["”][.!?]?\s*(?:[;,:—–]\s*|\s-\s|\s*(?:-{1,2}>|→|=>)\s*)?(?P<rest>.*)$')
_VERDICT = re.compile(r"^(?:wrong|no|not so|not true|untrue|false|it (?:is|does|will|can|was)(?:n['’]t| not)|"
                      r"it won['’]t|it can['’]t|they (?:are|do|will|can)(?:n['’]t| not)|they won['’]t)\s*[.,;:—–]\s*"
                      r"|^(?:wrong|no)\s+-\s+", re.IGNORECASE)
_SPEAKER = re.compile(r"\b(?:I|I'm|I've|we|we're|you|you're|my|our|your)\b")


def _quoted(bullet: Bullet, text: str) -> Reading | None:
    """A belief quoted as someone says it, then a verdict and the correction; None for another shape.
    The quote is a claim only in the third person ("It's fine to bath a matted dog" leans on "it")."""
    m = _QUOTED.match(text)
    if not m:
        return None
    verdict = _VERDICT.match(m.group("rest"))
    if not verdict and m.group("rest")[:1].islower():
        return None  # "“Tint will lift tint” is what clients think, but …": the quote is part of a sentence
    # under common mistakes, a belief in quotation marks then a sentence is the belief and what is
    # true instead, verdict or none: '"Only the shop gets fined." The person who makes the sale can
    # be personally prosecuted.' (h21) had no item, as a practice with nothing to test
    said = m.group("claim").strip()
    # ("Spot-fixing with five dabs saves adhesive and is fine": the quote marks a gerund subject's sentence
    # as a belief, not a practice named; h37)
    claim = option(trim(said)) if is_claim(said, gerund_subject=True) and not _SPEAKER.search(said) else None
    rest = m.group("rest")[verdict.end() if verdict else 0:].strip().rstrip(".")
    rest = rest[:1].upper() + rest[1:]
    # ('"Vygotsky invented scaffolding." --> The TERM comes from Wood, Bruner & Ross (1976). It builds on …': the
    # claims that stand alone, without the sentences after them that lean back or give orders, h62)
    sentences = re.split(r"(?<=[a-z0-9)])\.\s+(?=[A-Z])", rest)
    if len(sentences) > 1:
        rest = ". ".join(itertools.takewhile(
            lambda x: _own_claim(x) and not is_verb(x.split(" ", 1)[0].casefold()) and not leans_back(x), sentences))
    correction = option(rest) if _own_claim(rest) and not leans_back(rest) else None
    return Reading(bullet, None, claim, correction, corrective(text))


def _own_claim(text: str) -> bool:
    """What follows a belief is a correction of its own: a claim, in no one's voice ("I", "you"), not
    leaning on the belief ("They add risk …", "It distorts …")."""
    return bool(text) and is_claim(text) and not _SPEAKER.search(text) and not _LEANS_BACK.match(text)


# "They add risk of suffocation …", "It distorts the seal": a correction that leans on the quote
_LEANS_BACK = re.compile(r"(?:they|it|this|that|these|those|he|she|its|their)\b", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)
def read(bullet: Bullet) -> Reading:
    text = bullet.text.strip().rstrip(".")
    if labelled := MISTAKE_LABEL.match(text):
        return _labelled(bullet, text[labelled.end():])
    if quoted := _quoted(bullet, text):
        return quoted
    if _ARROW.search(text):
        # "Assuming the house RCD covers it. -> Each charging point needs its own RCD": the mistake, then what is
        # right, read as a labelled pair (h61: the belief was cut at the ";" after the arrow, and the claim
        # keyed False carried the correction). Unlabelled, the part before the arrow is a belief only when
        # marked as one ("Assuming …"): "Mode 2 lead on an extension reel" is a practice, no claim
        paired = _labelled(bullet, text)
        claim = paired.claim if _BELIEF.match(text) else None
        return replace(paired, claim=claim)
    shaped = as_mistake(text)
    head, correction = shaped, None
    # The belief ends where the bullet turns to what is true (or to a consequence): cut there
    # whatever follows; keep what follows as a correction only when it is a claim of its own.
    cuts = [(m.start(), n, m.group(1)) for n, pattern in enumerate(_SPLITS)
            if (m := pattern.search(shaped)) and m.start() > 0]
    if cuts:
        start, _, rest = min(cuts)  # the first turn; at one place, the most specific pattern
        head = shaped[:start]
        if is_claim(rest):
            correction = option(rest.rstrip("."))
    m = _RATHER.search(head)
    if m:
        head = head[: m.start()]
    claim = None
    b = _BELIEF.match(head)
    if b:
        body = trim(b.group(1))
        claim = option(body) if is_claim(body, gerund_subject=True) else None
    elif re.match(r"^(?:Confusing|Mixing up) ", head, re.IGNORECASE):
        claim = None  # "X and Y are the same thing" would always be false: a form a learner learns to reject
    elif head[:1] in "\"“‘'":
        claim = None  # '"Tint will lift tint" is what many clients think': true of the clients, not the belief
    elif _TOO_MUCH.match(head):
        claim = None  # "Too much adhesive spread at once, so it skins": a practice and its result, true as read (h22)
    elif is_claim(head) and not is_gerund_phrase(head) and not _READS_AS_FACT.search(head):
        # unmarked, the line is the belief only when it reads as one: "Water can be used on a fat
        # fire"; a negated or hedged one is as often the fact the tutor wants learnt ("Varroa is no
        # longer notifiable, but …", "Ice and water … usually mean a blocked drain, not a leak"):
        # keyed False, it was a wrong key
        claim = option(trim(head))
    mistake = option(trim(head)) if is_gerund_phrase(head) and not _BELIEF.match(head) else None
    if mistake and (marked(mistake) or len(words(mistake)) < 4):
        mistake = None
    if correction and claim and (jaccard(content_stems(correction), content_stems(claim)) >= 0.8):
        correction = None  # a restatement, not a correction
    return Reading(bullet, mistake, claim, correction, corrective(text))


_PLACE_WORDS = frozenset("into onto in on at to from with by for under over inside outside behind".split())


def _labelled(bullet: Bullet, text: str) -> Reading:
    """'Wrong: X. Right: Y', 'Mistake: X. Why it is wrong: Y', 'Error: X -> Y': X is read as any mistake
    is; Y is its correction only when it is a claim of its own ("Profit and cash differ …"), not an
    instruction ("Right: Prime as the manufacturer instructs") or a line leaning on X ("It is not cash").
    (h48: 'Wrong: "one bottle will do for both eyes …" Right: …' gave the quoted belief as the
    correction, a false statement offered as true.)"""
    turn = CORRECTION_LABEL.search(text)
    wrong, right = (text[:turn.start()], text[turn.end():]) if turn else (text, "")
    wrong = wrong.strip().rstrip(".")
    wrong = wrong[:1].upper() + wrong[1:]
    inner = read(Bullet(wrong, bullet.source)) if wrong else Reading(bullet, None, None, None, None)
    right = right.strip().rstrip(".")
    right = right[:1].upper() + right[1:]
    sentences = re.split(r"(?<=[a-z0-9)])\.\s+(?=[A-Z])", right)
    if len(sentences) > 1 and _own_claim(sentences[0]):
        # "RIGHT: Lack of fusion can sit under a perfect-looking cap. Only NDT will show it. Check with …": the
        # claims, without the order after them (h54)
        claims = list(itertools.takewhile(lambda x: _own_claim(x) and not is_verb(x.split(" ", 1)[0].casefold()), sentences))
        right = ". ".join(claims)
    first = right.split(" ", 1)[0].casefold()
    # (not an instruction, nor a place: "Right: Prime as instructed", "Right: into the lower sac - …")
    # (nor "Manufacturers & IET CoP say no: hours at 10 A+ …": a lead and a clause, not one claim, h61)
    correction = option(right) if _own_claim(right) and not is_verb(first) and first not in _PLACE_WORDS \
        and ":" not in right else None
    if correction and inner.claim and jaccard(content_stems(correction), content_stems(inner.claim)) >= 0.8:
        correction = None  # a restatement, not a correction
    return Reading(bullet, inner.mistake, inner.claim, correction, inner.practice)


def group_key(bullet: Bullet) -> str:
    return "mistake-" + item_id("", " ".join(bullet.text.casefold().split())).split("-", 1)[1]


def generate(topics: Sequence[Topic], seed: int) -> list[Item]:
    facts = build_facts(topics)
    items: list[Item] = []
    bases: dict[str, int] = {}

    def add(item: Item | None) -> None:
        if item is None:
            return
        base = item.title
        bases[base] = bases.get(base, 0) + 1
        items.append(replace(item, title=f"{item.title} {bases[base]}") if item.kind == "multichoice" else item)

    tf: list[tuple[Topic, Reading]] = []
    for topic in topics:
        own = usable_readings(topic, facts)
        # Same subject only: a true claim from another subject is eliminated without knowing this one.
        related = [t for t in distractor_topics(topic, facts) if t is not topic]
        # True claims from the definitions only: another belief's correction offered here as "true"
        # would tell whoever meets that belief's item that it is false (one item answering another).
        truths = [c for t in [topic, *related] for c in true_claims(t, facts)
                  if c.origin.source.section is not Section.MISCONCEPTIONS]
        for r in own:
            if r.claim and not _STRAW_MAN.search(r.claim):  # "X and Y are the same thing" is the misconception on sight
                add(_which_claim(topic, r, truths, seed))
        tf.extend((topic, r) for r in own if tf_statements(r))
    items.extend(_balanced_true_false(tf, seed, _definition_truths(topics, facts)))
    return items


def _definition_truths(topics: Sequence[Topic], facts: Facts) -> list[tuple[Topic, Truth]]:
    """True claims a definition makes in claim form ('Water expands by about 4% when heated'), as
    true/false items keyed True: used only where the bank lacks true statements to balance its false ones."""
    out = []
    for t in topics:
        for truth in true_claims(t, facts):
            if truth.origin.source.section is Section.MISCONCEPTIONS or absolutes_in(truth.text) \
                    or _LEANING.match(truth.text) or _HEDGE.search(truth.text) or len(words(truth.text)) < 6 \
                    or re.match(r"(?:an?|one)\s", truth.text, re.IGNORECASE):  # 'A relationship … that …': a noun phrase
                continue
            out.append((t, truth))
    return out


TRUE_SHARE = (0.4, 0.6)
PAIR_LENGTH = 1.3  # a true and a false statement paired for the bank differ in length by at most this ratio
# Surface features a testwise reader weighs in a true/false statement. Corrections explain ("…,
# whereas …", "because …"), hedge ("can", "usually") and negate ("does not guarantee"); beliefs are
# short and bare. Each true statement is paired with a false one alike in all of them.
_TF_HEDGE = re.compile(r"\b(?:can|could|may|might|often|usually|sometimes|typically|generally|normally|about|"
                       r"roughly|around|approximately|up to|tends?|some|most|many|several)\b", re.IGNORECASE)
_TF_TURN = re.compile(r"\b(?:whereas|but|because|so|since|while|although|though|rather than|instead|unless|"
                      r"otherwise|which|so that)\b|[;:–—]|\s-\s|,", re.IGNORECASE)
_TF_NEGATION = re.compile(r"\b(?:not|no|never|none|nothing|without|cannot)\b|n't\b", re.IGNORECASE)


# Sweeping words mark a belief ("any coolant loss means …", "can simply leave", "for as long as
# needed"); advice marks a rule from the notes ("should be pruned in summer"). Both are matched too.
_TF_SWEEP = re.compile(r"\b(?:any|anything|anyone|whatever|whenever|regardless|simply|merely|"
                       r"just(?!\s+(?:above|below|before|after|outside|inside|under|over|behind|beyond)\b)|"
                       # absolutes and limiters learners read as a belief's mark ("primarily an individual
                       # responsibility", "solely", "always"): as common among true statements, or not set
                       r"primarily|mainly|solely|purely|only|entirely|completely|totally|always|never|"
                       r"as long as|on its own|by itself|automatically|guarantees?|"
                       # limits of time and case read the same way ("sterile for ever": h7's examiner)
                       r"for ever|forever|indefinitely|permanently|at all times|in all cases|every time|"
                       # a cleft claims the one cause ("Pressure is what kills microbes"): learners read
                       # it as a belief (fresh autoclave notes)
                       r"(?:is|are) what|"
                       # verdicts a belief passes on itself: "plain water is fine", "paper is enough",
                       # "a stronger mortar is the best" (examiners' and learners' tone cue)
                       r"best|worst|ideal|perfect|fine|enough|sufficient|adequate|safest|safer|better|harmless|easier|quicker)\b",
                       re.IGNORECASE)
_TF_ADVICE = re.compile(r"\b(?:should|must|need to|needs to|needed|required|recommended|ought)\b", re.IGNORECASE)


# A shortcut allowed ("can be skipped", "doesn't need one", "is acceptable"): read as false by
# anyone who picks the safe-sounding answer; a warning of harm ("can damage seals") read as true.
_TF_PERMITS = SHORTCUT
_TF_WARNS = re.compile(r"\b(?:can|could|may|will|would)(?: \w+){0,2} (?:damage|cause|lead to|result in|harm|"
                       r"injure|kill|trigger|spread|contaminate|endanger)\b|"
                       r"\b(?:danger(?:s|ous)?|unsafe|hazard(?:s|ous)?|risks?|fatal|failure)\b", re.IGNORECASE)


def tf_features(statement: str) -> tuple[bool, ...]:
    """(hedged, turns, negated, has a number, sweeping, advice, permits a shortcut, warns of harm, any
    belief mark):
    a true statement is only paired with a false one alike in all of them."""
    sweeping, permits = bool(_TF_SWEEP.search(statement)), bool(_TF_PERMITS.search(statement))
    return (bool(_TF_HEDGE.search(statement)), bool(_TF_TURN.search(statement)),
            bool(_TF_NEGATION.search(statement)), bool(re.search(r"\d", statement)),
            sweeping, bool(_TF_ADVICE.search(statement)), permits, bool(_TF_WARNS.search(statement)),
            # any mark of a belief at all (sweeping, a verdict, a shortcut allowed): balanced as a whole too,
            # or four beliefs each with a different mark are all set beside plain truths
            sweeping or permits)


def _balanced_true_false(readings: list[tuple[Topic, Reading]], seed: int,
                         spare_truths: Sequence[tuple[Topic, Truth]] = ()) -> list[Item]:
    """True/false items in pairs (``pair_up``): every true statement kept has a false one of like
    length, and every surface feature is as common among the true as among the false ones, so
    neither length, hedges, turns nor negation tell a testwise reader the key; the bank is half true. One item per
    bullet (a belief beside its own correction would answer it): a bullet that gives both
    statements is used on one side only. True statements come from corrections, then from the
    definitions' claims; what cannot be paired is not asked (never padded)."""
    falses, trues = [], []
    # A statement set in a mixed paper names what it is about (common.names_its_topic): "Support
    # should be installed without anyone entering an unsupported section" (a trench) does not.
    for t, r in readings:
        for statement, answer in tf_statements(r):
            if not names_its_topic(statement, t, synopsis=True):
                continue
            entry = (item_id(FAMILY, "tf-keep", statement), statement, r.bullet,
                     lambda t=t, r=r, st=statement, a=answer: _true_false(t, r, st, a, seed))
            (trues if answer else falses).append(entry)
    for t, truth in spare_truths:
        if not names_its_topic(truth.text, t, synopsis=True):
            continue
        trues.append((item_id(FAMILY, "tf-truth", truth.text), truth.text, truth.origin,
                      lambda t=t, tr=truth: _true_claim(t, tr, seed)))
    kept = pair_up(falses, trues)
    return [make() for _, make in sorted(kept, key=lambda k: k[0])]


MAX_FEATURE_IMBALANCE = 1  # true minus false statements with any one surface feature, over the bank


def _pair_ratio(f_text: str, t_text: str, f_features: tuple[bool, ...], t_features: tuple[bool, ...]) -> float | None:
    """How much longer the longer of a false and a true statement is, when the two may pair: of like
    length, alike in a belief's mark and in its reasoning (a mark or a "because …" on one side only
    is a cue even where the bank's totals balance: h17's learner, "a belief with 'because' is
    false", 7 of 8 true/false right); None when they may not."""
    ratio = max(len(t_text), len(f_text)) / max(1, min(len(t_text), len(f_text)))
    ok = ratio <= PAIR_LENGTH and t_features[-1] == f_features[-1] and t_features[1] == f_features[1]
    return ratio if ok else None


def pair_up(falses: list[tuple], trues: list[tuple]) -> list[tuple]:
    """Pairs of one false and one true statement, each entry ``(id, text, origin, payload)``: the
    two of like length (within PAIR_LENGTH), from different bullets, and chosen so that over the
    kept statements every surface feature (``tf_features``: hedge, turn, negation, number, sweeping
    word, advice) is carried by as many true as false ones, give or take MAX_FEATURE_IMBALANCE. A
    learner who reads "explained, so true" or "sweeping, so false" gains nothing. Returns the kept
    ``(id, payload)`` in no particular order; deterministic (entries are taken in id order)."""
    trues = sorted(trues, key=lambda e: e[0])
    features = {e[0]: tf_features(e[1]) for e in (*falses, *trues)}

    def partners(f: tuple) -> int:
        return sum(1 for t in trues if t[2] != f[2] and _pair_ratio(f[1], t[1], features[f[0]], features[t[0]]) is not None)

    # the false statements with fewest possible partners first: taken in id order, one with many
    # partners used up the only partner of another, and both beliefs went unasked
    falses = sorted(falses, key=lambda e: (partners(e), e[0]))
    width = len(next(iter(features.values()))) if features else 0
    balance = [0] * width
    used_origins: set = set()
    used_texts: set = set()
    kept: list[tuple] = []
    for f_id, f_text, f_origin, f_payload in falses:
        if f_origin in used_origins or f_text in used_texts:
            continue
        best = None
        for t_id, t_text, t_origin, t_payload in trues:
            if t_origin in used_origins or t_origin == f_origin or t_text in used_texts:
                continue
            ratio = _pair_ratio(f_text, t_text, features[f_id], features[t_id])
            if ratio is None:
                continue
            after = [b + t - f for b, t, f in zip(balance, features[t_id], features[f_id])]
            if max(map(abs, after), default=0) > MAX_FEATURE_IMBALANCE:
                continue
            score = (sum(map(abs, after)), ratio, t_id)
            if best is None or score < best[0]:
                best = (score, after, t_id, t_text, t_origin, t_payload)
        if best is None:
            continue
        _, balance, t_id, t_text, t_origin, t_payload = best
        used_origins.update((f_origin, t_origin))
        used_texts.update((f_text, t_text))
        kept += [(f_id, f_payload), (t_id, t_payload)]
    return kept


def _unique(seq: list) -> list:
    seen, out = set(), []
    for x in seq:
        if id(x) not in seen:
            seen.add(id(x))
            out.append(x)
    return out


def _true_claim(topic: Topic, truth: Truth, seed: int) -> Item:
    """A definition's claim keyed True; in the concept's variant group (its items show the same words)."""
    from qbank.generate.concepts import group_key as concept_group

    concept = next((c for c in topic.concepts if c.source == truth.origin.source), None)
    why = f"The notes state: \u201c{sentence(truth.origin.text)}\u201d"
    return TrueFalse(
        id=item_id(FAMILY, "definition-claim", truth.text), family=FAMILY, topic=topic.slug,
        title=short_title("True or false", truth.text), stem=sentence(truth.text), answer=True,
        feedback_true=f"Right, this is true. {why}", feedback_false=f"Not so: this is true. {why}",
        general_feedback=f"{why} {source_note(topic, truth.origin.source)}", sources=(truth.origin.source,),
        tags=(topic.slug, FAMILY), group=concept_group(concept) if concept else "",
    )


def usable_readings(topic: Topic, facts: Facts) -> list[Reading]:
    """The topic's readings whose bullet no file recommends and no earlier file repeats."""
    cache = facts.__dict__.setdefault("_readings", {})
    if topic.path not in cache:
        out, seen = [], set()
        for m in topic.misconceptions:
            key = " ".join(m.text.casefold().split())
            if key in seen or facts.earlier_twin_bullet(topic, m.text, "misconceptions"):
                continue
            if facts.stated_anywhere(option(trim(as_mistake(m.text)))):
                continue  # another file recommends it
            seen.add(key)
            out.append(read(m))
        cache[topic.path] = out
    return cache[topic.path]


@dataclass(frozen=True)
class Truth:
    """A true claim from the notes: a correction of a misconception or a sentence of a definition."""

    text: str
    origin: Bullet


# "The area one litre will cover …", "The time it takes …", "The area of water a lifeguard is
# responsible for …": the verb is in a clause of its own, so
# the sentence names a thing and claims nothing
_REDUCED_RELATIVE = re.compile(r"the\s+[\w-]+(?:\s+(?!(?:is|are|was|were|has|have)\b)[\w-]+){0,2}\s+(?:one|a|an|the|each|"
                               r"every|this|that|these|those|its|their|your|you|we|they|it|he|she)\s+[\w-]+", re.IGNORECASE)


def _only_says_what(first: str, term: str) -> bool:
    """A definition's first sentence that says what its term is, with no subject of its own: it
    claims nothing ("The British Standard for tyre repairs", "A number coding the maximum load one
    tyre can carry", "The area one litre will cover …", "Small stones packed tightly …"). One with a
    finite verb of its own that opens with the term itself, or ('The …') has that verb, is a claim."""
    clause = words(re.split(r"[;,]", first)[0])
    # a word that may be a plural noun is the verb just after a short subject ("The primer seals …"),
    # not the noun of the opening phrase ("Small stones packed …") nor one further on ("… two faces")
    if not any(w in _FINITE or third_person(w) or third_person(w, ambiguous=True) and (
            2 <= n <= 3 or n == 1 and clause[0] in _NOT_BEFORE_VERB) for n, w in enumerate(clause)):
        return True  # "Small stones packed tightly into the middle of the wall": no verb but a participle
    opening = re.match(r"(an?|one|the)\s+", first, re.IGNORECASE)
    if not opening or first[opening.end():].casefold().startswith(term.casefold()):
        return False
    # "The qualification professional LGV and PCV drivers need on top of their licence": a verb whose
    # object went before it ("need" then "on") belongs to a relative clause; the phrase claims nothing (h17)
    return opening.group(1).lower() != "the" or bool(_REDUCED_RELATIVE.match(first)) or not any(
        w in _FINITE and (n + 1 < len(clause) and clause[n + 1] not in _STRANDING) for n, w in enumerate(clause))


_STRANDING = frozenset("on in for to from with by during under after before".split())


def true_claims(topic: Topic, facts: Facts) -> list[Truth]:
    """Claims the topic states as true: corrections of its misconceptions, definition sentences that are claims."""
    cache = facts.__dict__.setdefault("_truths", {})
    if topic.path not in cache:
        out = [Truth(r.correction, r.bullet) for r in usable_readings(topic, facts)
               if r.correction and stands_alone(r.correction)]  # "The starter checklist is used instead"
        for c in topic.concepts:
            # sentences of the definition ("e.g. X" and "i.e. Y" do not end one)
            split = re.split(r"(?<=[a-z0-9)])(?<!e\.g)(?<!i\.e)(?<!etc)(?<!approx)([.;])\s+(?=[A-Z])", c.definition.strip())
            parts, ends = split[::2], split[1::2]
            for n, part in enumerate(parts):
                part = option(part.rstrip("."))
                if _verbless_list_item(part, parts[n + 1] if n < len(ends) and ends[n] == ";" else None):
                    continue
                inner = part.split(";")
                if len(inner) > 1 and _verbless_list_item(inner[0], inner[1].strip()):
                    continue  # "TMARs with body maps for creams; patch charts recording the site …": a list
                if n and not names_its_subject(part, c.term):
                    continue  # "Higher grades carry higher risk": a later sentence about a term it does not name
                if not n and (not _mentions_term(part, c.term) or _TF_NEGATION.search(part)
                              and not _named_words(_subject_part(part)) & _named_words(c.term)):
                    # (nor a negated one that names it only after its subject: "Lack of fusion: Weld metal has not fused
                    # with the parent metal" describes the defect, and alone reads as false of weld metal, h54)
                    # a first sentence that never names its term is true of the term only ("FIFO (First
                    # In, First Out): The oldest stock is issued first", and the notes' FEFO issues by
                    # expiry date; "Polarity: Solid wire runs DCEP": in what process?)
                    continue
                if not n and _only_says_what(part, c.term):
                    continue
                # a claim whose main verb comes before any relative or subordinate word: "The ability to
                # make a decision at the time it needs to be made" is a noun phrase, not a claim
                # ("Grade B was withdrawn in 2019)." cut at a ";" inside the definition's bracket: h49)
                if is_claim(part) and not noun_phrase_only(part) and not is_gerund_phrase(part) and len(words(part)) <= 30 \
                        and stands_alone(part) and part.count("(") == part.count(")"):
                    out.append(Truth(part, Bullet(c.definition, c.source)))
        cache[topic.path] = out
    return cache[topic.path]


def _mentions_term(sentence: str, term: str) -> bool:
    """The sentence names its term anywhere: a word of it outside brackets, or its initials ("The
    legal minimum … of the tread" for "Tread depth"). An expansion in brackets does not count: the
    "first" of "First In, First Out" is not FIFO."""
    own = content_stems(re.sub(r"\([^()]*\)", " ", term)) | _initials(term)
    said = _named_words(sentence)
    # at least half its words: "Discharge gas is diverted through the evaporator" shares only "gas"
    # with "Hot gas defrost", and read alone it describes a fault, not the defrost
    return bool(own & said) and 2 * len(own & said) >= len(own)


def _verbless_list_item(part: str, next_item: str | None) -> bool:
    """The first item of a list whose next item after a semicolon has no verb ("V-groove drive rolls
    for solid steel wire; U-groove for aluminium; …") is verbless too, unless a word of it can only be
    a verb: "rolls" there is a noun, and the "statement" is a label, not a claim."""
    if next_item is None or is_claim(next_item):
        return False
    return not any(w in _FINITE or third_person(w) for w in words(part))


def tf_statements(r: Reading) -> list[tuple[str, bool]]:
    """True/false statements a reading gives: the belief (false) and its correction (true).

    A statement with an absolute word is left out: 'always/never/only' would give the answer away.
    """
    out = []
    # "Tube feeding a lamb that cannot hold its head up": its only verb is in a relative clause, so
    # it is a practice named, not a claim that can be true or false
    if r.claim and not absolutes_in(r.claim) and not _UNIVERSAL.match(r.claim) and not _STRAW_MAN.search(r.claim) \
            and stands_alone(r.claim) and not noun_phrase_only(r.claim):
        out.append((r.claim, False))
    # A correction is set as a true statement only where it corrects a belief about the same thing,
    # named as the belief names it ("Students often think 'credit' means an increase …; a credit
    # decreases an asset …"), unhedged. Cut from the tail of a mistake, any other correction leaves
    # its subject behind ("— contamination is not limited to the blade": the blade of what? "; too
    # thick a layer leads to rutting": of what? "; a slow leak may take months …"): on unseen notes
    # 7 of 8 such statements were rated serious, after beliefs and after practices alike.
    if r.claim and r.correction and not absolutes_in(r.correction) and not _LEANING.match(r.correction) \
            and not _HEDGE.search(r.correction) and not _MODAL_HEDGE.search(r.correction) \
            and _words_of(_subject_part(r.correction)) & _words_of(_subject_part(r.claim)) \
            and stands_alone(r.correction) and not _FAULT_HARMS.match(r.correction) \
            and not _ANSWER_WORD.search(r.correction):
        out.append((r.correction, True))
    return out


# "On a pedestrian mower yes - on a ride-on, across the slope is how it rolls": an answer to what the
# sentence before asked, no statement alone (h52's examiner)
_ANSWER_WORD = re.compile(r"\b(?:yes|no)\s*[-–—,;:.]", re.IGNORECASE)
# "Loose sub-base settles and the slabs sink": a fault doing harm is true on sight, whatever the subject
# (h48's examiner: "anyone would see this is true"; its learner answered it True unread)
_FAULT_HARMS = re.compile(
    r"^(?:an?\s+|the\s+)?(?:loose|poor|poorly|wet|damp|dirty|damaged|worn|weak|faulty|incorrect|wrong|bad|inadequate|"
    r"insufficient|excess|excessive|uneven|blocked|contaminated|overloaded|over-?tightened|unsupported|uncompacted|"
    r"untreated|cracked|broken|rusty|rusted|missing|dull|blunt|leaking|leaky|unsafe|careless|sloppy)\b", re.IGNORECASE)


def _words_of(text: str) -> set[str]:
    """Content words, whole (a plural's -s dropped): "layer" is not "laying"."""
    return {w.lower().removesuffix("s") for w in re.findall(r"[A-Za-z]{3,}", text)} - _GRAMMAR_WORDS


_GRAMMAR_WORDS = frozenset("the and for that this with from into too more less most much many very its their "
                           "are was were has have had can not".split())
_MODAL_HEDGE = re.compile(r"\b(?:may|might|could)\b", re.IGNORECASE)


def names_its_subject(sentence: str, term: str) -> bool:
    """A later sentence of a definition names the term it is about (a word of it, or its initials
    in brackets) in its subject, before its verb: alone, "Higher grades carry higher risk" does not
    say grades of what, nor "Combined thickness is about 2 mm … over a backing coat" (a coat
    named after the verb) the thickness of what."""
    return bool(_named_words(term) & _named_words(_subject_part(sentence)))


_INITIALS = re.compile(r"\b[A-Z][A-Z0-9]{1,}\b")


def _initials(text: str) -> set[str]:
    """Abbreviations in the text, lower-cased ("DCEP", "TS007" -> "dcep", "ts007")."""
    return {w.casefold() for w in _INITIALS.findall(text)}


def _named_words(text: str) -> set[str]:
    """What a text names a thing by: its content-word stems and its abbreviations."""
    return content_stems(text) | _initials(text)


def _subject_part(sentence: str) -> str:
    """The words before the sentence's first finite verb (all of it when none is found)."""
    ws = sentence.split()
    for n, w in enumerate(ws[1:], 1):
        low = w.lower().strip(",;:")
        if low in _FINITE or third_person(low):
            return " ".join(ws[:n])
    return sentence


# "Any hinge, latch or closer can go on a fire door": a claim about every case reads as the false one.
_UNIVERSAL = re.compile(r"(?:any|anything|anyone|anybody|whatever|whichever)\b", re.IGNORECASE)
# "X is the same as Y": false on sight (notes never list two names for one thing as a mistake to keep).
_STRAW_MAN = re.compile(r"\b(?:is|are) (?:the same|identical|interchangeable)\b|\bsame thing\b", re.IGNORECASE)
# A correction that leans on the belief it answers ("More often the vessel …", "Instead …") is a fragment alone.
_LEANING = re.compile(r"^(?:more|less) often\b|^(?:instead|rather|also|but|however|so|this|that|it|they|then|otherwise)\b",
                      re.IGNORECASE)
# A hedge ("not necessarily", "not always") marks a statement as the true one without any knowledge.
_HEDGE = re.compile(r"\bnot (?:necessarily|always)\b", re.IGNORECASE)


def _title(label: str, topic: Topic) -> str:
    name = display_name(topic)
    return short_title(label, name) if name else label


def _general(topic: Topic, bullets: Sequence[Bullet]) -> str:
    listed = " ".join(sentence(b.text) for b in bullets)
    lead = "The notes list this as a mistake to avoid:" if len(bullets) == 1 else "The notes list these as mistakes to avoid:"
    return f"{lead} {listed} {source_note(topic, bullets[0].source)}"


def same_subject_matter(key: str, other: str) -> bool:
    """Whether two statements are about the same thing: they share a content word that is not generic.

    Options beside a belief must be claims about the same concept: a true statement about something
    else is eliminated as beside the point, whatever the learner knows.
    """
    return bool(content_stems(key, drop_generic=True) & content_stems(other, drop_generic=True))


def _register(text: str) -> tuple[bool, bool]:
    """Whether a claim gives figures and whether it carries a bracket: the marks of a careful fact."""
    return bool(re.search(r"\d", text)), "(" in text


def _which_claim(topic: Topic, r: Reading, pool: Sequence[Truth], seed: int) -> Item | None:
    """'Which of these is a common misconception?': the belief among true claims (other corrections)."""
    ident = item_id(FAMILY, "claim", r.bullet.text)
    stem = "Which of these statements is a common misconception?"
    own = content_stems(r.bullet.text)
    # True claims that carry figures or a bracket where the belief does not (or the other way round)
    # read as careful facts beside a bare belief: learners picked the key by that register alone.
    candidates = [(o.text, o) for o in pool
                  if o.origin != r.bullet and jaccard(own, content_stems(o.text)) < REFUTES
                  and same_subject_matter(r.claim, o.text) and _register(o.text) == _register(r.claim)]
    chosen = pick_distractors(r.claim, candidates, 3, ident, stem, lambda a, b: a.origin == b.origin,
                              lambda o: 0.0 if o.origin.source.path == topic.path else 0.5)
    if len(chosen) < 2:
        return None
    choices = [Choice(r.claim, True, f"Correct: the notes list this belief as a mistake. {sentence(r.bullet.text)}")]
    choices += [Choice(text, False, f"Not a misconception: the notes state this as true "
                                    f"(\u201c{sentence(o.origin.text)}\u201d).") for text, o in chosen]
    if set(cues(stem, choices)) & CLAIM_CUES:
        return None
    # A belief that sounds like one ("can simply leave", "just this once", "as long as needed")
    # among careful true statements is found by its tone: only when a distractor sweeps as well.
    if _TF_SWEEP.search(r.claim) and not any(_TF_SWEEP.search(text) for text, _ in chosen):
        return None
    return MultipleChoice(
        id=ident, family=FAMILY, topic=topic.slug, title=_title("Spot the misconception", topic), stem=stem,
        choices=arrange(choices, seed, ident), general_feedback=_general(topic, [r.bullet]),
        sources=(r.bullet.source,), tags=(topic.slug, FAMILY), group=group_key(r.bullet),
    )


def _true_false(topic: Topic, r: Reading, statement: str, answer: bool, seed: int) -> Item:
    ident = item_id(FAMILY, "belief" if not answer else "correction", r.bullet.text)
    if answer:
        why = f"The notes correct a common mistake here: \u201c{sentence(r.bullet.text)}\u201d"
    else:
        why = f"The notes list this belief as a common mistake: \u201c{sentence(r.bullet.text)}\u201d"
    if r.practice and not answer:
        why += f" Good practice: {lower_first(sentence(r.practice))}"
    verdict_true = "Right, this is true." if answer else "Not true."
    verdict_false = "Not so: this is true." if answer else "Right, this is false."
    return TrueFalse(
        id=ident, family=FAMILY, topic=topic.slug, title=short_title("True or false", statement),
        stem=sentence(statement), answer=answer,
        feedback_true=f"{verdict_true} {why}", feedback_false=f"{verdict_false} {why}",
        general_feedback=f"{why} {source_note(topic, r.bullet.source)}", sources=(r.bullet.source,),
        tags=(topic.slug, FAMILY), group=group_key(r.bullet),
    )
