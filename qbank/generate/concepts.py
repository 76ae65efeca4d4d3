"""Concept questions in both directions: definition -> which term, term -> which definition.

A distractor is never a concept that any topic file states to be the same thing as the
key (same or synonymous term, or a definition in matching words): see facts.same_concept.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import lru_cache

from lemminflect import getAllLemmas

from qbank.generate.common import cue_free_choice, distractor_topics, item_id, sentence, short_title, source_note
from qbank.generate.facts import Facts, build_facts
from qbank.generate.kinds import kind
from qbank.generate.statements import describes
from qbank.generate.options import HARD_CUES, arrange, cues, length_cv, pick_distractors
from qbank.generate.text import STOPWORDS, content_stems, lower_first, option, sentence_case, trim, words
from qbank.model import Choice, Concept, Item, MultipleChoice, Topic

FAMILY = "concept"
DISTRACTORS = 3
# Three options are enough for a sound item (Rodriguez 2005: three options are optimal); options of
# one kind are few in most notes, so two distractors of the key's kind beat three of mixed kinds.
LEAST_DISTRACTORS = 2
POOL_LIMIT = 150  # concepts looked at for one pool, own topic first (neighbourhoods hold ~30-70)
# Options of very unequal length (a one-line description beside a seven-step list) are read by
# length, not meaning: such an item is not asked. Definitions are no longer cut to fit (a cut list
# changes what a term means), so this is where unequal lengths are caught.
MAX_CV = 0.45


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


def skip_reason(concept: Concept, topic: Topic, facts: Facts) -> str:
    """Why a concept has no item, the first cause that applies (coverage lists it): the term or its
    description cannot be set, too few terms of its kind to offer beside it, or every set of
    distractors left a cue. '' when both items can be made (then a later pass dropped them)."""
    if why := unusable_reason(concept):
        return why
    kind_of = concept_kind(concept)
    pool = distractor_concepts(concept, topic, facts)
    alike = [c for _, c in pool if _same_kind(concept, c) and _terms_alike(concept, c)]
    if len(alike) < LEAST_DISTRACTORS:
        return (f"only {len(alike)} other term{'' if len(alike) == 1 else 's'} of its kind ({kind_of}) in its file "
                f"and its course's files to offer beside it; at least {LEAST_DISTRACTORS} are needed")
    if any(make(concept, topic, pool, 0, facts) is not None for make in (_which_term, _which_definition)):
        return "its item was dropped: another item prints its key or asks the same thing"
    common = facts.common.get(topic.slug, frozenset())
    if clang(term_text(concept, facts), definition_body(concept), common):
        return ("the description names its own term (a word, the initials or the expansion), and every set of "
                "terms of its kind left a cue to the key")
    return ("every set of terms of its kind left a cue to the key (a shared word, the initials, the one figured "
            "or oddly long option, a testwise learner's pick)")


def group_key(concept: Concept) -> str:
    """Items that test what one term means (either direction, true/false, and in any file that
    defines it, in whatever words) are variants of one question."""
    return "concept-" + item_id("", _identity(concept)[0]).split("-", 1)[1]


def clang(term: str, text: str, domain: frozenset[str] = frozenset()) -> bool:
    """The term, a word of it, its initials or its expansion appear in the text (a stem-key cue).

    'SLA' in a description of 'Service level agreement'; 'Hazard Analysis …' in a description of
    'HACCP'; 'the 4Cs: Cleaning, Cooking, Chilling …' (the letters of the term open the listed words).
    """
    if (content_stems(term, drop_generic=True) - domain) & content_stems(text):
        return True  # a word of the term ('customer' in a customer-service course is no cue: facts.common)
    digits = re.findall(r"\d+", term)
    if len(digits) >= 2 and re.search(r"(?<!\d)" + r"\D{1,3}".join(digits) + r"(?!\d)", text):
        return True  # "3-4-5 method" in "sides in the ratio 3:4:5" (h52's examiner: the key word for word)
    # "Sowing seed into existing turf" for "Overseeding": a word of the text inside a word of the term
    # (h23's examiner); four letters or more, and not a word of the course's own
    term_words = [w.lower() for w in re.findall(r"[A-Za-z]{6,}", term)]
    if any(len(w) >= 4 and w not in STOPWORDS and w not in domain and any(w in t and w != t for t in term_words)
           for w in {x.lower() for x in re.findall(r"[A-Za-z]+", text)}):
        return True
    ws = [w for w in words(term) if w not in STOPWORDS]
    initials = "".join(w[0] for w in ws).upper()
    acronyms = set(re.findall(r"\b([A-Z][A-Z0-9]{1,})s?\b", term)) | ({initials} if len(initials) >= 2 else set())
    if any(_named(a).search(text) for a in acronyms):
        return True
    if any(len(a) >= 3 and a.isalpha() and _spelled_with_minor_words(a, text) for a in acronyms):
        return True  # "Control of Substances Hazardous to Health" spells COSHH (the O from "of")
    if _counted_letters(term, text) or _equation(term, text):
        return True
    # Single capitals listed in the text ('N, P and K', 'A items … C items') spell an acronym term.
    singles = "".join(re.findall(r"\b([A-Z])\b", text))
    if any(len(a) >= 2 and a.isalpha() and a in singles for a in acronyms):
        return True
    # A capital used as a label ('A items', 'C grades': an article never precedes a plural) names
    # an acronym term that holds that letter ('ABC analysis').
    labels = set(re.findall(r"\b([A-HJ-Z])\s+[a-z]+(?<!ss)(?<!us)(?<!is)s\b", text))
    if any(len(a) >= 2 and a.isalpha() and labels & set(a) for a in acronyms):
        return True
    # An acronym term spelled out in the text: consecutive capitalised words whose initials give it.
    caps = [w[0] for w in re.findall(r"\b[A-Z][a-z]\w*", text)]
    spelled = "".join(caps)
    return any(len(a) >= 2 and a.isalpha() and a in spelled for a in acronyms)


@lru_cache(maxsize=4096)  # one pattern per acronym, not one compile per call (re's own cache is 512)
def _named(acronym: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(acronym)}s?\b")


_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _spelled_with_minor_words(acronym: str, text: str) -> bool:
    """The acronym's letters, in order, open consecutive words of the text from a capitalised one,
    minor words allowed to give a letter or be skipped ("Control of Substances Hazardous to
    Health" -> COSHH)."""
    initials = [w[0] for w in re.findall(r"[A-Za-z][\w'-]*", text)]
    target = acronym.upper()
    for start, first in enumerate(initials):
        if first != target[0]:  # the name starts with a capital
            continue
        k, n = 1, start + 1
        while k < len(target) and n < len(initials) and n - start <= 2 * len(target):
            if initials[n].upper() == target[k]:
                k += 1
            elif initials[n].isupper():
                break  # a capitalised word that is not the next letter: not this name
            n += 1
        if k == len(target):
            return True
    return False


def _counted_letters(term: str, text: str) -> bool:
    """'The 4 Rs' / 'the four Cs' / 'The 4Cs': the text says 'four Cs', or lists four words opening with R."""
    m = re.search(r"\b(\d+|two|three|four|five|six|seven|eight|nine|ten)\s*([A-Za-z])s\b", term, re.IGNORECASE)
    if not m:
        return False
    count = int(m.group(1)) if m.group(1).isdigit() else _NUMBER_WORDS[m.group(1).lower()]
    letter = m.group(2).upper()
    said = re.search(rf"\b(?:{count}|{'|'.join(k for k, v in _NUMBER_WORDS.items() if v == count) or '-'})\s*{letter}s\b",
                     text, re.IGNORECASE)
    opening = [w for w in re.findall(r"\b[A-Za-z][a-z]+", text) if w[0].upper() == letter]
    capital = [w for w in re.findall(r"\b[A-Z][a-z]+", text) if w[0] == letter]
    return bool(said) or len(set(capital)) >= count or len(set(w.lower() for w in opening)) >= count + 2


def _equation(term: str, text: str) -> bool:
    """An equation in the text names a term called an 'equation' or 'formula'; a term that is a
    formula ('C1V1 = C2V2') is named by a text that spells its symbols ('C1 and V1 … C2 and V2')."""
    if re.search(r"\b(?:equation|formula|ratio)\b", term, re.IGNORECASE) and re.search(r"[=÷×/]", text):
        return True
    symbols = set(re.findall(r"[A-Za-z]{1,2}\d+", term))
    return len(symbols) >= 2 and all(re.search(rf"\b{re.escape(s)}\b", text) for s in symbols)


def cue_free(stem: str, key: str, distractors: list[str]) -> bool:
    """The audit's testwise learner keeps every option (no surface cue singles any out), and the key
    shares no word stem with the stem that the distractors lack."""
    from qbank.audit.learner import narrow

    options = [key, *distractors]
    keep, _ = narrow(stem, options)
    return len(keep) == len(options)


def distractor_concepts(concept: Concept, topic: Topic, facts: Facts) -> list[tuple[Topic, Concept]]:
    """Other concepts, own topic first, then related topics (facts.neighbourhood); none that any
    file states to be the key's concept."""
    out: list[tuple[Topic, Concept]] = []
    names: set[str] = {concept.term.casefold()}
    # The same course only: a fitness description among bookkeeping ones is eliminated unread.
    ordered = ((t, c) for t in distractor_topics(topic, facts) for c in t.concepts)
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


def concept_kind(concept: Concept) -> str | None:
    """The broad kind of thing the definition says the term is (kinds.kind), or None. A definition that opens
    with the abbreviation's expansion ("RAS: Recirculating Aquaculture System; water is …") names its kind by the
    expansion's last word (h56: "Recirculating" was read as an activity)."""
    body = definition_body(concept)
    if expansion := _expansion(concept.term, body):
        return kind(f"a {expansion.split()[-1].lower()}")
    return kind(body)


def _expansion(term: str, body: str) -> str:
    """The words opening ``body`` whose initials spell ``term`` ("RAS" -> "Recirculating Aquaculture System"), or ''."""
    letters = re.sub(r"[^A-Z]", "", term)
    if len(letters) < 2 or letters != term.strip().replace(" ", ""):
        return ""
    # (a name, its words run on with spaces: not a list, "Attention, Interest, Desire, Action", whose last word
    # is no kind of what AIDA is)
    m = re.match(r"\s*((?:[A-Z][\w'-]*\s+){%d}[A-Z][\w'-]*)\b" % (len(letters) - 1), body)
    if m and [w[0] for w in m.group(1).split()] == list(letters):
        return m.group(1)
    return ""


def _same_kind(concept: Concept, other: Concept) -> bool:
    """Of one kind as far as the definitions show: both of the same known kind, or neither of a
    known kind. A model offered among checks and ratios is eliminated unread; so is the one
    device among descriptions that do not say what they are."""
    if concept_kind(concept) == concept_kind(other):
        return True
    # "Smooth coat", "Wire coat", "Silky coat": terms that share their head noun are kinds of one
    # thing whatever their descriptions open with ("short, close-lying hair", "harsh outer coat")
    head = term_head(concept)
    return head is not None and head == term_head(other)


@lru_cache(maxsize=1 << 16)
def term_head(concept: Concept) -> str | None:
    """The noun a term of two words or more ends in, singular ("Smooth coat" -> "coat",
    "Lateral stability" -> "stability"); None for a one-word term, a name or a non-noun ending."""
    term = re.sub(r"\s*\([^()]*\)", " ", concept.term).strip()
    ws = term.split()
    if len(ws) < 2 or not ws[-1].isalpha() or ws[-1].isupper():
        return None
    lemmas = getAllLemmas(ws[-1].lower(), upos="NOUN").get("NOUN", ())
    return lemmas[0] if lemmas else None


def term_class(concept: Concept) -> str | None:
    """The broad class the term's own head noun names ("Martyn's law": a rule; "Crowd density": a
    quantity), or None for a name or a noun outside the classes."""
    k = kind(concept.term.lower())  # "Martyn's Law": capitals make a name, its head is still a law
    # the broad class only: "Evacuation time" and "Crowd density" are both measures, whatever dimension
    return k.partition(":")[0] if k and not k.startswith("other:") else None


def _terms_alike(concept: Concept, other: Concept) -> bool:
    """Terms whose head nouns name different classes are told apart unread: "Martyn's law" is the
    one law among a guide and a density for a stem that quotes an Act."""
    if bool(_STATUTE.search(concept.term)) != bool(_STATUTE.search(other.term)):
        return False  # "Equality Act 2010" among "Escalation" and "Service recovery": the one law (h27)
    a, b = term_class(concept), term_class(other)
    if (a == "quantity") != (b == "quantity"):
        # "Mix ratio" beside "Monomer" and "Polymer": the one term naming a measure is told apart unread
        # (h50's examiner: "Liquid to powder in the bead" → the one proportion)
        return False
    return a is None or b is None or a == b


# A law named by its title: "Equality Act 2010", "the Manual Handling Operations Regulations 1992"
_STATUTE = re.compile(r"\b(?:Act|Regulations?|Order|Directive|Bill)(?:\s+\(?(?:19|20)\d\d\)?)?\s*(?:\([^()]*\))?$"
                      r"|\b(?:Act|Regulations?)\s+(?:19|20)\d\d\b")


def _figured(concept: Concept) -> bool:
    """The description gives figures: beside descriptions without any, a key of "1:2.5 to 1:3"
    answers "Which description fits “Mix ratio”?" unread, so a figured key has figured distractors."""
    return bool(re.search(r"\d", definition_text(concept)))


def _clash(facts: Facts):
    """Two distractors that cannot stand together: the same concept."""
    return lambda a, b: facts.same_concept(a[2], b[2])


_LEVEL = re.compile(r"^(?P<stem>.*?\b)(?P<n>\d{1,2})$")


def _level_gap(concept: Concept, other: Concept) -> float:
    """How far apart two levels of one numbered scale are ("Fluid category 3" and "Fluid category 4": 1),
    or 0 for terms that are not levels of one scale. Nearest levels make the closest distractors:
    offering categories 1 and 2 beside 4 leaves the key the one hazard (h10's examiner)."""
    a, b = _LEVEL.match(concept.term.strip()), _LEVEL.match(other.term.strip())
    if not a or not b or a.group("stem").casefold() != b.group("stem").casefold():
        return 0.0
    return abs(int(a.group("n")) - int(b.group("n")))


def _penalty(concept: Concept, topic: Topic, facts: Facts):
    return lambda payload: _elsewhere(payload, topic, facts) + LEVEL_STEP * _level_gap(concept, payload[2])


LEVEL_STEP = 0.2  # per level apart on a numbered scale: small beside another subject's LAST_RESORT


@lru_cache(maxsize=1 << 16)  # asked for every concept in every pool
@lru_cache(maxsize=1 << 16)
def usable(concept: Concept) -> bool:
    """A term and a definition that describes it (statements.describes), as a key, a distractor
    or a matching answer. A definition that is a rule, a list of values, a claim about a part
    ("The number before the point is the depth") or a fragment once shortened is not set as a
    description, nor offered as a wrong one: beside real descriptions it is a different kind of
    option, and as a "which term" stem it does not say what the term is.

    The definition must also open with what the term is (a noun, or a gerund for an activity:
    kinds.kind). "Dental unit waterlines: flushed for 2 minutes at the start and end of the day …"
    and "Storage times: wrapped or pouched and dated, up to 1 year …" say what is done with the
    thing; beside "Manual cleaning" the stem's words fit one term by plain sense, and an examiner
    rated such items on notes new to the code seriously flawed (the answer given away)."""
    return not unusable_reason(concept)


def unusable_reason(concept: Concept) -> str:
    """Why :func:`usable` refuses a concept (coverage says it), or ''."""
    if not words(concept.term) or is_heading(concept.term):
        return "the term is a heading for a list (“Other …”, “Who …”), not a term a learner could define"
    if concept.term.split()[0].casefold() in _PREPOSITIONS and len(concept.term.split()) >= 2:
        # "With the grain", "Against the grain": a phrase of plain English, not a name; among "Taper", "Stropping"
        # it is the one option of its form, and it says what it means (h62's examiner: answered by the idiom)
        return "the term is a phrase that opens with a preposition (“With the grain”), not a name of a thing"
    if not describes(definition_text(concept)):
        return ("the description is a rule, a list of values, a claim about something else or too short once cut "
                "to a phrase: it does not say what the term is")
    if concept_kind(concept) is None:
        opening = " ".join(definition_body(concept).split()[:4])
        return ("the description does not open with what the term is (a noun, or a gerund for an activity): "
                f"“{opening} …” does not name a kind of thing")
    return ""


_PREPOSITIONS = frozenset("with against across along within without into onto over under below above behind beside "
                          "between through towards toward in on at by from off up down".split())
_HEADING = frozenset("""who what when where why how which whose other others more further additional general
    miscellaneous misc notes examples summary overview also plus note nb""".split())  # "Also: …" (h24)


def is_heading(term: str) -> bool:
    """A label a tutor puts before a list ("Who counts in ratios", "Other kitchen knives") or a
    comparison ("Disinfection vs sterilisation", "Winter v summer pruning", "Use by vs best before"),
    not a term: offered as an answer it names nothing a learner could define (h15's examiner: "a
    section heading, not a cutting term", offered beside Taper)."""
    ws = words(term)
    return bool(ws) and ws[0] in _HEADING or bool(_VERSUS.search(term))


_VERSUS = re.compile(r"\s(?:vs\.?|v\.?|versus)\s", re.IGNORECASE)


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


def _learner_proof(stem: str, key: str, candidates: list, chosen: list, ident: str, facts: Facts) -> list:
    """``chosen`` if the testwise learner cannot single out the key; else another set of distractors
    from ``candidates`` that it cannot; else [] (the item is skipped)."""
    if len(chosen) == DISTRACTORS and cue_free(stem, key, [t for t, _ in chosen]):
        return chosen
    rest = [c for c in candidates if c not in chosen]
    ordered = chosen + pick_distractors(key, rest, 9, ident + "-more", stem, _clash(facts))
    clash = _clash(facts)
    picked = cue_free_choice(stem, key, ordered, text=lambda c: c[0], need=DISTRACTORS, least=LEAST_DISTRACTORS,
                             pool=12, clash=lambda a, b: clash(a[1], b[1]))
    return picked if len(picked) >= LEAST_DISTRACTORS else []


def _which_term(concept: Concept, topic: Topic, pool: list, seed: int, facts: Facts) -> Item | None:
    if clang(term_text(concept, facts), definition_body(concept), facts.common.get(topic.slug, frozenset())):
        return None  # the description names its own term (a word, the initials or the expansion)
    ident = item_id(FAMILY, "term", *_identity(concept))
    stem = f"Which term is described here? \u201c{sentence(trim(definition_body(concept)))}\u201d"
    key = term_text(concept, facts)
    # Own-topic concepts first: equally good candidates from the same topic win ties.
    candidates = [(term_text(c, facts), (n, t, c)) for n, (t, c) in enumerate(pool)
                  if _same_kind(concept, c) and _terms_alike(concept, c)]
    chosen = pick_distractors(key, candidates, DISTRACTORS, ident, stem, _clash(facts), _penalty(concept, topic, facts))
    chosen = _learner_proof(stem, key, candidates, chosen, ident, facts)
    choices = [Choice(key, True, f"Correct: the notes define {_inline(key, facts)} as: \u201c{sentence(concept.definition)}\u201d")]
    for text, (_, t, c) in chosen:
        choices.append(Choice(text, False, f"Not this one: the notes define {_inline(text, facts)} as: \u201c{sentence(c.definition)}\u201d"))
    if len(chosen) < LEAST_DISTRACTORS or set(cues(stem, choices)) & HARD_CUES:
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
                  if _same_kind(concept, c)
                  and (_figured(c) or not _figured(concept))  # "Mix ratio": the one "1:2.5"
                  and not clang(term_text(c, facts), definition_text(c), facts.common.get(t.slug, frozenset()))]
    chosen = pick_distractors(key, candidates, DISTRACTORS, ident, stem, _clash(facts), _penalty(concept, topic, facts))
    chosen = _learner_proof(stem, key, candidates, chosen, ident, facts)
    choices = [Choice(key, True, f"Correct: the notes define {_inline(name, facts)} as: \u201c{sentence(concept.definition)}\u201d")]
    for text, (_, t, c) in chosen:
        choices.append(Choice(text, False, f"Not this one: that describes {_inline(term_text(c, facts), facts)}, not {_inline(name, facts)}."))
    if len(chosen) < LEAST_DISTRACTORS or set(cues(stem, choices)) & HARD_CUES or length_cv([c.text for c in choices]) > MAX_CV:
        return None
    return MultipleChoice(
        id=ident, title=short_title("Describes", name), stem=stem, choices=arrange(choices, seed, ident),
        **_common(concept, topic, facts),
    )
