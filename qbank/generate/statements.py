"""Statements a learner reads must stand on their own.

A true/false statement or a quoted description is cut from the notes. Cut from its bullet it
may lean on what came before ("Many, such as …", "The terms are …", "It …"), start mid-sentence
(a lower-case first letter), hang on a vague word in scare quotes ("is “fine”"), or be a rule
rather than a description of its term ("An MOT fails a pad less than 1.5 mm thick", "18 for
alcohol …", "Since 2016 dogs must be microchipped …"). Examiners discard such items: they are
dropped here, whatever family made them. So is a "Which term is described here?" item whose key
alone starts a word the description also uses ("slightly acidic film" → "Acid mantle"), and a
"Which description fits the term …?" item whose key alone echoes the term.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from qbank.generate.text import is_verb, third_person
from qbank.model import Item, MultipleChoice, TrueFalse

# Openings that refer back to something the statement does not contain.
_LEANS_BACK = re.compile(
    r"^(?:these|those|this|that|they|them|it|its|their|"
    r"such|the (?:terms?|former|latter|same|above|following|others?|rest|remainder)|here|there is|one of them|another|"
    # "The first part is at least 15 and the second at least 30": the first part of what? (h17)
    r"the (?:first|second|third|last|other|remaining) (?:part|half|one|two|three|stage|step|period|section|block)s?|"
    r"either way|in that case|in this case|otherwise|then|also|instead|as a result|one (?:is|was|of)|"
    # "OR make the charge point circuit TT …", "And no rise at all is allowed …": the rest of a list or a
    # sentence before it (h61, h63)
    r"or|and|but|nor|plus|so|yet|"
    r"(?:any|each|both|all|none) of (?:these|those|them|the above))\b"
    # a quantifier leans back when nothing follows it ("Many, such as …", "Most are …", "Some of them …"),
    # not when it opens a noun phrase ("Most manufacturers specify …")
    r"|^(?:many|some|most|few|several|both|either|neither|each)(?:\s*[,.;:]|\s+(?:are|is|was|were|have|has|had|"
    r"can|could|will|would|may|might|must|should|need|needs|do|does|did|of|also|still)\b|$)"
    # a comparison with nothing to compare to: "Longer runs need a larger pipe" (longer than what?)
    r"|^(?:longer|shorter|higher|lower|larger|smaller|bigger|greater|heavier|lighter|faster|slower|thicker|"
    r"thinner|wider|narrower|deeper|shallower|stronger|weaker|warmer|colder|hotter|cooler|earlier|later|"
    r"older|newer)\b"
    # a bare "the X" doing something: "The test is based on turnover" (which test?)
    r"|^the [a-z]+ (?:is|are|was|were|has|have|had|can|cannot|must|should|will|would|may|does|do)\b"
    # a noun that is always of something: "The legal deadline is the day after …" (for what?)
    r"|^the (?:[a-z-]+ )?(?:deadline|limit|interval|period|threshold|maximum|minimum|answer|reason|cause|result|"
    r"difference|outcome|fix|solution|alternative|exception|penalty|fine|fee|excess|surplus|residue|remainder|"
    r"rest|shortfall)s? (?:is|are|was|were|must|should|can|will|would|may|has|have|applies|apply|[a-z]+s)\b"
    # "The door then becomes hinge-bound": the step before it is not said
    r"|^(?!if\b|when\b|once\b|after\b|before\b)(?:[\w'-]+\s+){1,4}then\b(?!\s*,)",
    re.IGNORECASE)
# An amount with no noun: "Too much squeezes into the joints" (of what?) — the word after it is a verb.
_AMOUNT = re.compile(r"too (?:much|many|little|few)\s+([a-z]+)", re.IGNORECASE)
# An instruction, not a statement: "Wait at least 6 months after the course" (a verb, then no subject).
_INSTRUCTION = re.compile(r"^([A-Za-z]+)\s+(?:at|the|a|an|for|until|before|after|with|in|on|to|up|out|off|all|any|"
                          r"it|them|your|each|every|no|only|as)\b", re.IGNORECASE)
_SCARE_QUOTE = re.compile(r"[\"“”‘’']\w[\w\s-]{0,20}[\"“”‘’']")
# '… because "it reaches the same temperature"': words in quotes, longer than a scare-quoted term
_QUOTED_WORDS = re.compile(r"[\"“][^\"“”]{1,80}\s[^\"“”]{1,80}[\"”]")
# A description names what its term is; these openings and words make it a rule or a fact instead.
_RULE_OPENING = re.compile(r"^(?:\d|since\b|for\b|from\b|by\b|under\b|within\b|after\b|before\b|if\b|when\b|in (?:england|scotland|wales|the uk)\b)",
                           re.IGNORECASE)
_RULE_WORD = re.compile(r"\b(?:must|must not|shall|fails?|is (?:illegal|required)|are (?:illegal|required)|by law)\b", re.IGNORECASE)
_DESCRIBED = re.compile(r"^Which term is described here\? [“\"](.*)[”\"]$", re.DOTALL)
_FITS = re.compile(r"^Which description fits the term [“\"](.*)[”\"]\?$", re.DOTALL)
MIN_DESCRIPTION_WORDS = 6


# "Weekends and bank holidays are included": a short passive that ends on its participle leans on
# what it was cut from (included in what?).
_BARE_PASSIVE = re.compile(r"\b(?:(?:is|are|was|were|be|been)\s+(?:not\s+)?|(?:isn't|aren't|wasn't|weren't)\s+)(?:\w+ed|\w+en|included|excluded|counted|"
                           r"allowed|required|needed|permitted)\W*$", re.IGNORECASE)
BARE_PASSIVE_WORDS = 8
_DEMONSTRATIVE = re.compile(r"\b(?:these|those(?! (?:who|whom|with|that|which|in|on|at|of|for|from|under|over)\b)|"
                            r"the above|the following|such (?!as\b)(?:a|an)?\s*\w+s?|"
                            # "Under EU rules this was extended …", "… works the same way": as what?
                            r"this (?:is|was|has|had|means|meant|makes|applies|gives|can|will)|"
                            r"(?:in )?the same way|similarly|likewise)\b", re.IGNORECASE)
_LEANS_AT_END = re.compile(r"\b(?:instead|either|as well|too|likewise|otherwise)\W*$"
                           # "… are enough evidence.": of what? "… is sufficient.": for what?
                           r"|\b(?:enough|sufficient|adequate)(?:\s+(?:evidence|proof|signs?|indications?|reasons?|"
                           r"information|time))?\W*$"
                           # "… is exempt.", "… remains responsible.": from what? for what?
                           r"|\b(?:is|are|was|were|be|remains?)\s+(?:not\s+)?(?:exempt|liable|responsible|eligible|entitled|"
                           r"compliant|acceptable|suitable|valid)\W*$"
                           # "Direct Debit is collected 3 working days after that.": after what? (h17)
                           r"|\b(?:after|before|until|from|since|by) (?:that|this|then|it)\W*$", re.IGNORECASE)
# "When two colours match under one light source but not under another.": a subordinate clause
# and nothing else (no comma before a main clause, no "then")
_ONLY_SUBORDINATE = re.compile(r"^(?:when|whenever|where|if|because|although|though|while|whereas|unless|once|"
                               r"since|until)\b(?!.*,)(?!.*\bthen\b)", re.IGNORECASE)
# "DOT fluid also absorbs water …": as well as what? "Damage here …": where? "… is exempt because …":
# from what? "Signs include itching …": signs of what?
_REFERS_OUT = re.compile(r"\w\s+also\b|\bhere\b(?!\s+(?:is|are)\b)|\bexempt\b(?!\s+from\b)|"
                         # "… is a sign the horse is overdue": overdue for what? (a word that needs its
                         # complement, at the end of the statement with none)
                         r"\b(?:overdue|due|eligible|entitled|liable|responsible|ready|late|early)\s*[.!]?\s*$|"
                         # "A 3 kg R410A system therefore holds 6.26 tCO2e": a conclusion from what came before
                         r"\b(?:therefore|thus|hence|consequently|as a result)\b|"
                         # "One correctly timed break can satisfy both.": both what? "The lowest SWL in the
                         # combination is the limit": which combination? (h20's examiner, serious)
                         r"\b(?:both|either|neither|each other)\s*[.!]?\s*$|"
                         r"\bthe (?:combination|pair|latter|former)\b(?!\s+of\b)|"
                         r"^(?:signs|symptoms|causes|effects|benefits|examples|types|risks|uses|features|advantages|"
                         r"disadvantages|consequences)\s+(?:include|are|can|may|might|could)\b", re.IGNORECASE)
# "A fresh inspection is needed before anyone goes back up": after what? "Ice can cause further
# tissue damage": further than what? (a fresh, further,
# again, once more, still, going back: each resumes something the sentence does not say)
_RESUMES = re.compile(r"\b(?:a fresh|further(?!\s+(?:from|away|than|apart|along)\b)|again|once more|still|(?:go(?:es|ing|ne)?|come|comes|coming|put|puts|"
                      r"bring|brings|brought)\s+back)\b", re.IGNORECASE)
# "Often the bees simply build more, and …": more of what?
_BARE_MORE = re.compile(r"\b(?:more|less|fewer)\s*[,.;:]", re.IGNORECASE)
# "As it cools it can overtighten …": a pronoun opens the sentence's first clause and its main one,
# so nothing in the sentence says what "it" is.
# "Once stillaged it is not moved again": an opening clause of one word names nothing either.
_PRONOUN_CLAUSES = re.compile(r"^(?:(?:actually|in fact|however|but|yet|indeed|rather|so),?\s+(?:it|they|this|these|that)\b)|"
                              r"^(?:as|when|whenever|while|if|once|until|after|before|because|since|unless)\s+"
                              r"(?:(?:it|they|this|these|he|she)\b[^.;:]{0,60}?|(?!(?:the|a|an)\b)[\w-]+)"
                              r",?\s+(?:it|they|this|these|he|she)\s+\w+",
                              re.IGNORECASE)


# Each names or needs something the sentence does not say (all searched the same way).
# "Report it to your manager/DPO IMMEDIATELY - …", "Check them against the record": an order whose object is a
# pronoun standing for what the line before named ("Spot a breach?", h50 once its lettered steps were read)
_ORDER_ON_PRONOUN = re.compile(r"^(?!(?:As|When|If|Once|Because|Since|Until|While|Unless|Before|After|Though|Although|Where|"
                               r"Whether|So|And|But|Or|Keep|Let|Make|Get)\b)[A-Z][a-z]+\s+(?:it|them|these|those)\b"
                               r"(?!\s+(?:is|are|was|were|has|have|can|will|must|should)\b)")
_POINTS_OUTSIDE = (_LEANS_AT_END, _PRONOUN_CLAUSES, _BARE_MORE, _RESUMES, _REFERS_OUT, _DEMONSTRATIVE, _ORDER_ON_PRONOUN)


# "Stage 1 – cervix dilates, ewe restless …", "Class F – cooking oils and fats": an entry of a list
# under a short label, not a sentence (the label says what it is only beside its neighbours)
_LABELLED_ENTRY = re.compile(r"^(?!(?:The|A|An|This|These|Its|Their)\b)[A-Z][\w/&'’().-]*(?:\s+[\w/&'’().-]+){0,3}\s*(?:[–—]|\s-\s)\s*")


def stands_alone(statement: str) -> bool:
    """True when a statement cut from the notes reads as a complete claim on its own."""
    return not leans_back(statement) and not _SCARE_QUOTE.search(statement) and not is_instruction(statement) \
        and not _labelled_entry(statement) and not _STRANDED.match(statement) and not _no_subject(statement)


def _no_subject(statement: str) -> bool:
    """A predicate whose subject was the term it defines: "Proves the system does not leak at the test
    pressure." (h44's examiner: a true/false statement with no subject cannot be judged). Not "Gloves
    protect the hands", whose first word is the subject of the verb after it."""
    ws = re.findall(r"[A-Za-z][A-Za-z'-]*", statement)
    return len(ws) >= 2 and third_person(ws[0], ambiguous=True) and ws[1].lower() in _OBJECT_OPENERS


# what opens a verb's object: "Proves the system …", "Keeps it warm …" (not "Weekends and …", "Gloves protect …")
_OBJECT_OPENERS = frozenset("the a an any all its their his her your our it them this these those each every no some "
                            "both whether how what when where up out off down".split())


# "The days SSP is paid for, normally the contracted working days": an opening clause that ends on
# its preposition is a noun with a relative clause ("the days [that] SSP is paid for"), not a claim
# (a definition with its term cut off; an examiner's find, keyed True as a statement).
_STRANDED = re.compile(r"^(?:the|an?)\s(?:(?!\b(?:what|which|whom|where|who|that)\b)[^,;:–—()])*?"
                       r"\b(?:is|are|was|were|be|been|gets?|got)\s+\w+(?:ed|en|id|t|wn)\s+"
                       r"(?:for|to|on|in|with|at|of|by|about|from|after|into|upon)\s*(?:[,;:–—]|\.?$)", re.IGNORECASE)


def _labelled_entry(statement: str) -> bool:
    m = _LABELLED_ENTRY.match(statement)
    # "Ewes – especially shearlings – need checking": a pair of dashes round an aside, not a label
    return bool(m) and not re.match(r"[^;:–—]*?\s[–—]\s", statement[m.end():])


# A phrase set before the main clause: "On diesel trucks, …", "Once the installation is proved tight, …".
FRONTED = re.compile(r"^(?:on|in|for|at|with|when|if|before|after|during|once|under|from|by|within|where|while|"
                      r"unless|as|throughout)\b[^,;:]{1,60},\s+(?=[a-z])", re.IGNORECASE)
_ORDER_OBJECT = frozenset("the a an its their your it them this these those all any each every some no".split())
_NOT_ORDERS = frozenset("it they there this these those he she we you i".split())


def is_instruction(statement: str) -> bool:
    """An order ("Wait at least 6 months after the course", "Once it is proved tight, purge the air
    out …"): it has no truth value, and it describes no term."""
    text = statement.strip()
    m = _INSTRUCTION.match(text)
    if m and is_verb(m.group(1)):
        return True
    fronted = FRONTED.match(text)
    if not fronted:
        return False
    # After "On electric trucks, …" a main clause opens with its subject; a bare verb there is an
    # order unless the next word is a verb too ("… staff wear helmets": "staff" is the subject).
    ws = re.findall(r"[A-Za-z][A-Za-z'-]*", text[fronted.end():])
    if len(ws) < 2 or not is_verb(ws[0]) or ws[0].lower() in _NOT_ORDERS:
        return False
    nxt = ws[1].lower()
    return nxt in _ORDER_OBJECT or not (is_verb(nxt) or third_person(nxt, ambiguous=True) or nxt in _FINITE)


def leans_back(statement: str) -> bool:
    """True when a statement cut from the notes refers to what came before it ("It …", "these
    times", "this was extended", "… instead") or starts mid-sentence."""
    text = statement.strip().lstrip("\"“‘'(")
    if not text or not text[0].isupper():
        return True
    return _leans(text)


def _leans(text: str) -> bool:
    if _LEANS_BACK.match(text):
        return True
    amount = _AMOUNT.match(text)
    if amount and third_person(amount.group(1).lower(), ambiguous=True):
        return True  # "Too much squeezes into the joints": too much of what?
    if len(text.split()) <= BARE_PASSIVE_WORDS and _BARE_PASSIVE.search(text):
        return True
    if _ONLY_SUBORDINATE.match(text) and _verbs(text) < 2:
        return True  # "When two colours match under one light …": no main clause
    # "A dated footnote is used instead." (instead of what?), "… within these times" (which times?)
    return any(p.search(text) for p in _POINTS_OUTSIDE)


def _verbless_figures(text: str) -> bool:
    """'Category 3 (urgent) 120 minutes and Category 4 (less urgent) 180 minutes at the 90th
    centile.': figures with no verb are a list, not a claim."""
    ws = re.findall(r"[A-Za-z']+", text.lower())
    return len(re.findall(r"\d+", text)) >= 2 and not any(w in _FINITE or third_person(w) or w.endswith("ed") for w in ws)


def _verbs(text: str) -> int:
    """How many finite verbs the text seems to hold (a main clause after a subordinate one has its own)."""
    ws = re.findall(r"[A-Za-z']+", text.lower())
    if any(w in ("it", "they", "he", "she", "we", "you") for w in ws[2:]):
        return 2  # "When the chain is hot it stretches": the pronoun opens the main clause
    return sum(1 for w in ws if w in _FINITE or third_person(w, ambiguous=True))


MIN_FIRST_WORDS = 3  # lower-case words a description's first sentence needs to say what its term is


def describes(description: str) -> bool:
    """True when a quoted definition describes its term rather than stating a rule or a fragment.

    Its first sentence must be a phrase naming what the term is ("A buffer held to cover …",
    "Conditions that prevent …"), not a claim about something else ("The number before the point
    is the depth …", "An X reading shows …"): a learner asked "which term is described?" must be
    reading a description.
    """
    text = description.strip()
    if len(text.split()) < MIN_DESCRIPTION_WORDS or not stands_alone(text):
        return False
    first = first_sentence(text)
    if _RULE_OPENING.match(text) or _RULE_WORD.search(first) or is_claim(first):
        return False
    # "CO alarms: BS EN 50291. In England … landlords must fit one in any room …": a code or a name
    # says nothing of what the term is, and the rest refers back to it ("fit one")
    return len(re.findall(r"\b[a-z][a-z'-]+\b", first)) >= MIN_FIRST_WORDS


_PARENS = re.compile(r"\([^()]*\)")
_SENTENCE_END = re.compile(r"(?<=[a-z0-9%)])[.!?]\s+(?=[A-Z])")
_TOKENS = re.compile(r"[A-Za-z][A-Za-z'’-]*|[;:,–—]")
# Finite verbs that make a main clause a claim. Past forms such as "held" or "used" are left out
# (they open reduced relative clauses: "A buffer held to cover …"), and so are words that are
# as often nouns ("needs", "shows", "means").
_FINITE = frozenset(
    "is are was were has have had must should can cannot will would does did may might becomes requires".split())
# Words after which a finite verb belongs to a subordinate clause, not the phrase's head.
_SUBORDINATE = frozenset(
    "that which who whom whose where when whereby so because if to while whereas as what how why once "
    "unless until than".split())


def first_sentence(text: str) -> str:
    return _SENTENCE_END.split(_PARENS.sub("", text), 1)[0]


def is_claim(text: str) -> bool:
    """True when a text's main clause has a finite verb: it asserts something rather than naming
    what a term is. A verb after a relative or subordinating word ("Conditions that prevent …")
    does not count; nor does one after a colon, semicolon or dash (a list or an aside)."""
    for n, token in enumerate(_TOKENS.findall(text)):
        word = token.casefold()
        if word in _SUBORDINATE or token in ";:–—":
            return False
        if word in _FINITE and n > 0:
            return True
    return False


_WORDS = re.compile(r"[^\W\d_]{4,}")
PREFIX = 4  # "acidic" ~ "Acid mantle", "refused" ~ "Refusals log": a shared word start is a clang


def _starts(text: str) -> set[str]:
    return {w.casefold()[:PREFIX] for w in _WORDS.findall(text)}


def clangs(stem: str, key: str, distractors: Sequence[str]) -> bool:
    """True when the key shares a word start with the stem that no distractor shares: a learner
    who knows nothing picks the option that echoes the question. A distractor that echoes another
    word ("Skin types" beside "acidic … skin's surface") leaves "acidic" pointing at "Acid mantle"."""
    heard = _starts(stem)
    echoed = (_starts(key) & heard) | _tails(stem, key)
    if not echoed:
        return False
    return bool(echoed - set().union(*((_starts(d) & heard) | _tails(stem, d) for d in distractors)))


def _tails(stem: str, option: str) -> set[str]:
    """Words of an option that end a longer word of the stem: "defining the hairline …" echoes
    "Outlining (line-up / edge-up)" (h15's examiner: answered from ordinary English)."""
    said = {w.casefold() for w in _WORDS.findall(stem)}
    return {w.casefold()[:PREFIX] for w in _WORDS.findall(option)
            if any(len(s) > len(w) and s.endswith(w.casefold()) for s in said)}


def drop_unsound_statements(items: Sequence[Item]) -> list[Item]:
    """Items whose printed statement stands on its own (other items unchanged)."""
    out: list[Item] = []
    for item in items:
        if isinstance(item, TrueFalse) and (not stands_alone(item.stem) or _QUOTED_WORDS.search(item.stem)
                                            or _verbless_figures(item.stem)):
            continue  # quoted words in a claim are someone's reasoning: a belief's mark, whatever the key
        if isinstance(item, MultipleChoice) and (m := _DESCRIBED.match(item.stem)):
            keys = [c.text for c in item.choices if c.correct]
            wrong = [c.text for c in item.choices if not c.correct]
            if not describes(m.group(1)) or (len(keys) == 1 and clangs(m.group(1), keys[0], wrong)):
                continue
        if isinstance(item, MultipleChoice) and (m := _FITS.match(item.stem)):
            keys = [c.text for c in item.choices if c.correct]
            wrong = [c.text for c in item.choices if not c.correct]
            if len(keys) == 1 and clangs(m.group(1), keys[0], wrong):
                continue  # "Legislation and regulations" -> the one description saying "legal"
        out.append(item)
    return out
