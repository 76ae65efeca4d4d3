"""Scenario items from named models whose steps the notes give in order (HEAT, PDCA, LASS ...).

"In “Complaint handling”, which step comes straight after “Empathise”?" (neutral framing: an
exchange such as DHCP's DORA is not steps "a colleague follows"). At most two items per order,
one variant group, none whose answer the other's stem prints. Only built where the notes support it: the acronym's expansion is a
procedure (every part starts with a verb: Hear, Empathise ...; SMART's Specific, Measurable
are criteria, not steps), and the step keyed is not one that files expand differently. The
options are the model's other steps; each distractor's feedback says where that step falls.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from lemminflect import getAllLemmas

from qbank.generate.common import display_name, item_id, learner_source, names_another_model, rng_for, short_title
from qbank.generate.facts import Expansion, Facts, build_facts
from qbank.generate.text import capitalise
from qbank.model import Bullet, Choice, Item, MultipleChoice, Section, Source, Topic
from qbank.syntax import NUMBERING

FAMILY = "scenario"
MAX_OPTIONS = 4


def is_procedure(e: Expansion) -> bool:
    """Steps done in order: at least 3 parts, each starting with a verb's base form."""
    if not e.steps or len(e.parts) < 3:
        return False
    return all(_starts_with_verb(part) for part in e.parts)


def procedures(topics: Sequence[Topic]) -> list[Expansion]:
    """The canonical expansion of every acronym the notes give as an ordered procedure."""
    facts = build_facts(topics)
    return [facts.canonical(a) for a in facts.expansions if is_procedure(facts.canonical(a))]


@dataclass(frozen=True)
class Steps:
    """An order the notes state: a named model's steps (HEAT), a procedure, or components in order of flow."""

    name: str  # "HEAT", "safe isolation procedure"
    parts: tuple[str, ...]
    source: Source
    topic: str  # Topic.slug
    procedure: bool  # steps someone carries out (else an order of things, e.g. "in order of flow")
    order_of: str = ""  # "flow" for "in order of flow"
    acronym: str = ""
    from_notes: bool = False  # a numbered list under a sub-heading of the notes' own ("Setting out - numbered procedure")


# "carried out in this order – a, b, c", "in four steps, DORA – a, b, c", "in order of flow – a, b and c"
_AFTER_MARKER = re.compile(
    r"(?P<marker>\bin (?:this|that|the following) order|\bin order of (?P<of>\w+)|\bin (?:\w+ )?steps|"
    r"\b(?:fixed |following )?sequence)\b[^–—:]{0,40}?(?:[,]?\s*(?P<acr>[A-Z]{2,6}))?\s*[–—:]\s*(?P<list>[^.;]+)",
)
# "Avoid, Prevent, Mitigate, applied in that order"
_BEFORE_MARKER = re.compile(r"(?:^|[:–—]\s*)(?P<list>[^.;:–—]+?),?\s+(?:applied |carried out |done |followed )?in (?:this|that) order\b")
MAX_WORDS = 5


def _list_items(text: str) -> tuple[str, ...] | None:
    text = re.sub(r"\s*\([^()]*\)", "", text).strip()
    items = [i.strip() for i in re.split(r",\s*(?:and |or |then )?|\s+(?:and|then)\s+", text) if i.strip()]
    if len(items) < 3 or any(len(i.split()) > MAX_WORDS or not re.match(r"[A-Za-z]", i) for i in items):
        return None
    if len({i.casefold() for i in items}) != len(items):
        return None
    return tuple(items)


def stated_orders(topic: Topic) -> list[Steps]:
    """Ordered lists a key concept states ("in this order – identify, isolate, secure ...")."""
    found: list[Steps] = []
    for c in topic.concepts:
        for m in _AFTER_MARKER.finditer(c.definition):
            items = _list_items(m.group("list"))
            if not items:
                continue
            acr = m.group("acr") or ""
            if acr and "".join(i[0].upper() for i in items) != acr:
                acr = ""
            of = m.group("of") or ""
            if not of and not acr and not all(_starts_with_verb(i) for i in items):
                continue  # "receive the form and confirm details and any exemption" split at "and": not steps
            found.append(Steps(acr or _name(c.term), items, c.source, topic.slug, not of, of, acr))
        for m in _BEFORE_MARKER.finditer(c.definition):
            items = _list_items(m.group("list"))
            if items:
                found.append(Steps(_name(c.term), items, c.source, topic.slug, True))
    return found


# a sub-heading that says its list is done in order: "Setting out - numbered procedure", "Building the
# wall - sequence", "THE DECONTAMINATION CYCLE, STEP BY STEP", "Routine inspection - what to do, in order"
_IN_ORDER = re.compile(r"\b(?:step[- ]by[- ]step|steps|sequence|procedure|in order|order of)\b", re.IGNORECASE)
_ORDER_TAIL = re.compile(r"\s*(?:[-\u2013\u2014:,]\s*)(?:the |a )?(?:numbered procedure|procedure(?: to learn)?|step[- ]by[- ]step|"
                         r"sequence(?: that matters)?|steps|what to do,? in order|in order)\s*$", re.IGNORECASE)
_STEP_LABEL = re.compile(r"^([A-Z][^:.;()]{1,40}?)(?:\s*\([^()]{1,30}\))?:\s+\S")
# a step that says where it falls gives the order away
_ORDER_WORD = re.compile(r"\b(?:then|next|finally|lastly|first|second|third|repeat|again|continue|afterwards|"
                         r"before|after|start|begin|finish|end)\b|\bsteps? \d", re.IGNORECASE)
MIN_NOTE_STEPS, MAX_NOTE_STEPS, MAX_STEP_WORDS = 4, 12, 9


def note_orders(topic: Topic) -> list[Steps]:
    """Lists the notes set out in order under a sub-heading of their own (``Topic.steps``), each step
    named by its label ("Receive: confirm …" → "Receive") or, where every step is short, by its first
    sentence; the names of one list all of one form. A list is skipped when any step cannot be named so,
    two steps share a name, or a step says where it falls ("Then …", "Repeat step 3")."""
    lists: dict[str, list[Bullet]] = {}
    # only under a sub-heading of the notes' own, where every item of the list is kept: among the key
    # concepts an item with a term of its own is read as a concept, not a step, so the list kept there
    # can lack one ("1. Check drawings/spec: joist size …" of h28's joist sequence was missing, and
    # "which step comes first?" would have keyed the second)
    headed = {text for _, text in topic.note_headings}
    for b in topic.steps:
        if b.text.partition(" \u2014 ")[0] not in headed:
            continue
        heading, _, text = b.text.partition(" \u2014 ")
        lists.setdefault(heading, []).append(Bullet(text, b.source))
    found: list[Steps] = []
    for heading, items in lists.items():
        if not _IN_ORDER.search(heading) or not MIN_NOTE_STEPS <= len(items) <= MAX_NOTE_STEPS:
            continue
        names = [_step_name(b.text) for b in items]
        if not all(names) or len({n.casefold() for n in names}) != len(names):
            continue
        if len({bool(_label_of(b.text)) for b in items}) > 1:
            continue  # labels beside orders: the one order among labels ("Sign in" beside "Ingress") stands out
        name = re.sub(r"\s*\([^()]*\)\s*$", "", heading)  # "THE SEVEN PRINCIPLES (learn in order)"
        # "SECTION E - WHEEL BALANCING PROCEDURE" is the wheel balancing procedure (h37: "Section e - …")
        name = NUMBERING.sub("", _ORDER_TAIL.sub("", name)).strip(" -:,")
        if not name or _IN_ORDER.search(name) and len(name.split()) <= 2:
            continue
        if name.isupper():
            name = name[:1] + name[1:].lower()
        found.append(Steps(name, tuple(names), items[0].source, topic.slug, True, from_notes=True))
    return found


def _label_of(text: str) -> str:
    """A step's own label of at most four words ("Legal check: as in the list above" → "Legal check"), or ''."""
    label = _STEP_LABEL.match(text)
    return label.group(1).strip() if label and len(label.group(1).split()) <= 4 else ""


def _step_name(text: str) -> str:
    """A step's short name: its label ("Legal check: as in the list above" → "Legal check"), else the
    clause it opens with when that is an order of at most MAX_STEP_WORDS words ("Set out with pegs and
    string lines"); '' when neither, or when the step says where it falls or is a prohibition ("Never
    promise …": a rule, not a step)."""
    name = _label_of(text)
    if not name:
        # the whole first clause when it is short ("Fit strutting, noggings and restraint straps"), else
        # the part before its first comma
        whole = re.split(r"[;(]|(?<!\d):|:(?!\d)|\s[-\u2013\u2014]\s|(?<=[.!?])\s", text.strip())[0].strip().rstrip(".")
        name = whole if len(whole.split()) <= MAX_STEP_WORDS else whole.split(",")[0].strip()
        if not name or len(name.split()) > MAX_STEP_WORDS or not _starts_with_verb(name) or re.search(r"[=\d]", name):
            return ""
        if name != whole and re.search(r"\b(?:a|an|the|of|to|for|with|and|or|on|in|at|by|from|your|their|its)$", name,
                                       re.IGNORECASE):
            return ""  # cut inside a phrase
        after = text.strip()[len(name):]
        if after.startswith(",") and not re.match(r",\s*(?:then|and|or|so|but|if|when|while|before|after|until|as|"
                                                  r"using|with|without|keeping|making|checking|[a-z]+ing)\b", after) \
                and not (after[1:].strip() and _starts_with_verb(after[1:].strip())):
            return ""  # a comma inside a phrase ("Lay the child on a clean, wipeable changing mat")
    if _ORDER_WORD.search(name) or _PROHIBITION.match(name):
        return ""
    return name


_PROHIBITION = re.compile(r"(?:never|don't|do not|avoid|no)\b", re.IGNORECASE)


def _starts_with_verb(step: str) -> bool:
    word = re.sub(r"^(?:re|pre|de|un|dis)-", "", step.split()[0].lower())  # "re-prove" is "prove" again
    return word in getAllLemmas(word, upos="VERB").get("VERB", ())


def _name(term: str) -> str:
    return term if term.split()[0].isupper() else term[:1].lower() + term[1:]


def _context(e: Steps, topic: Topic, pool: Sequence[Steps] = ()) -> str:
    """The key concept whose definition names the acronym ("Complaint handling procedures"), or "" when
    there is none or it names another ordered model too (the situation would not say which)."""
    if not e.acronym or e.source.section is not Section.CONCEPTS:
        return ""
    if any(o is not e and o.source == e.source for o in pool):
        return ""
    for c in topic.concepts:
        if c.source == e.source and len(c.term.split()) <= 6 and e.acronym not in c.term \
                and not names_another_model(c.term, e.acronym):
            return c.term
    return ""


def _chain(e: Steps) -> str:
    return " → ".join(e.parts)


def _given(e: Steps) -> str:
    """What the notes give in order, for "The notes give … in this order": “Setting out”, HEAT."""
    return f"“{e.name}”" if e.from_notes else _called(e)


def _called(e: Steps, topic: Topic | None = None) -> str:
    if e.from_notes:
        name = display_name(topic) if topic is not None else ""
        # the topic says what "The seven principles" are of (h21: HACCP's)
        return f"the order the notes on {name} give for “{e.name}”" if name else f"the notes' order for “{e.name}”"
    return e.acronym or f"the {e.name}"


def _position_note(e: Steps, part: int, after: int | None) -> str:
    """Why a step is not the answer: where it falls in the order."""
    step, whole = e.parts[part], _called(e)
    if after is None:
        return f"“{step}” is number {part + 1} in {whole}, so it does not come first ({_chain(e)})."
    if part == after:
        return f"“{step}” is the one just completed; {whole} moves on to “{e.parts[after + 1]}”."
    if part < after:
        return f"“{step}” is number {part + 1} in {whole}; it comes before “{e.parts[after]}”, not after it."
    return f"“{step}” is number {part + 1} in {whole}; it follows “{e.parts[part - 1]}”, not “{e.parts[after]}”."


def _stem(e: Steps, after: int | None, context: str, topic: Topic | None = None) -> str:
    """The question, framed neutrally: an exchange or a list is not something "a colleague follows".
    An acronym is never named: its initials would spell the order out."""
    if e.acronym:
        where = f"“{context}”"
    elif e.from_notes:
        where = _called(e, topic)
    else:
        where = f"the {e.name}" + (f", in order of {e.order_of}" if e.order_of else "")
    what = "step" if e.procedure else "one"
    if after is None:
        return f"In {where}, which {what} comes first?"
    return f"In {where}, which {what} comes straight after “{e.parts[after]}”?"


def _foreign(e: Steps, pool: Sequence[Steps], need: int) -> list[tuple[str, str]]:
    """Steps of other orders in the same subject (a learner mixing up LASS and HEAT), with feedback."""
    mine = {p.casefold() for p in e.parts}
    initials = {p[:1].upper() for p in e.parts}
    out: list[tuple[str, str]] = []
    candidates = [(step, other) for other in pool if other is not e and other.procedure == e.procedure
                  for step in other.parts]
    candidates.sort(key=lambda c: c[0][:1].upper() not in initials)  # stable: a step sharing an initial first
    for step, other in candidates:
        if step.casefold() not in mine and step.casefold() not in {s.casefold() for s, _ in out}:
            out.append((step, f"“{step}” belongs to {_called(other)}, not to {_called(e)}."))
            if len(out) == need:
                return out
    return out


def _item(e: Steps, topic: Topic, facts: Facts, key: int, seed: int, pool: Sequence[Steps] = ()) -> Item | None:
    if e.acronym and e.acronym in facts.expansions and facts.contested(e.acronym, key):
        return None  # files name this step differently: the key would be in doubt
    after = key - 1 if key > 0 else None
    contested = {n for n in range(len(e.parts)) if e.acronym and e.acronym in facts.expansions
                 and facts.contested(e.acronym, n)}  # a step files name differently is not offered either
    others = [n for n in range(len(e.parts)) if n != key and n != after and n not in contested]
    others.sort(key=lambda n: (abs(n - key), n))  # nearest steps first: the step two on is the likeliest slip
    others = others[:MAX_OPTIONS - 1]
    # never the step the stem names as done (a give-away); a short order borrows another order's step
    borrowed = _foreign(e, pool, 2 - len(others)) if len(others) < 2 else []
    if len(others) + len(borrowed) < 2:
        return None
    context = _context(e, topic, pool)
    if e.acronym and not context:
        return None  # nothing to call the model by but its initials, which spell the order out
    stem = _stem(e, after, context, topic)
    right = "comes first" if after is None else f"comes straight after “{e.parts[after]}”"
    choices = [Choice(capitalise(e.parts[key]), True, f"Correct: {_called(e)} runs {_chain(e)}, so “{e.parts[key]}” {right}.")]
    choices += [Choice(capitalise(e.parts[n]), False, _position_note(e, n, after)) for n in others]
    choices += [Choice(capitalise(text), False, why) for text, why in borrowed]
    rng_for(seed, f"{FAMILY}:{e.name}:{key}").shuffle(choices)
    return MultipleChoice(
        id=item_id(FAMILY, e.name, *e.parts, str(key)), family=FAMILY, topic=topic.slug,
        title=short_title("Scenario", stem), stem=stem, choices=tuple(choices),
        general_feedback=f"The notes give {_given(e)} in this order: {_chain(e)}. {learner_source(topic, e.source)}",
        sources=(e.source,), tags=(topic.slug, FAMILY),
    )


def _skipped(e: Steps, topic: Topic, facts: Facts, key: int, seed: int, pool: Sequence[Steps] = ()) -> Item | None:
    """'… went from “Apologise” straight to “Satisfy”. Which step did they leave out?' (key: the step between)."""
    if not e.procedure or key < 1 or key + 1 >= len(e.parts):
        return None
    if e.acronym and e.acronym in facts.expansions and any(facts.contested(e.acronym, n) for n in (key - 1, key, key + 1)):
        return None
    before, after = e.parts[key - 1], e.parts[key + 1]
    others = [n for n in range(len(e.parts)) if n not in (key - 1, key, key + 1)
              and not (e.acronym and e.acronym in facts.expansions and facts.contested(e.acronym, n))]
    others.sort(key=lambda n: (abs(n - key), n))
    wrong = [(e.parts[n], _position_note(e, n, key - 1)) for n in others[:MAX_OPTIONS - 1]]
    # never a step the stem names (a give-away); a short order borrows another order's step
    wrong += _foreign(e, pool, 2 - len(wrong)) if len(wrong) < 2 else []
    if len(wrong) < 2:
        return None
    context = _context(e, topic, pool)
    if e.acronym and not context:
        return None
    who = f"“{context}”" if e.acronym else _called(e, topic) if e.from_notes else f"the {e.name}"
    stem = f"In {who}, which step comes between “{before}” and “{after}”?"
    choices = [Choice(capitalise(e.parts[key]), True,
                      f"Correct: {_called(e)} runs {_chain(e)}, so “{e.parts[key]}” comes between “{before}” and “{after}”.")]
    choices += [Choice(capitalise(text), False, why) for text, why in wrong]
    rng_for(seed, f"{FAMILY}:skip:{e.name}:{key}").shuffle(choices)
    return MultipleChoice(
        id=item_id(FAMILY, "skipped", e.name, *e.parts, str(key)), family=FAMILY, topic=topic.slug,
        title=short_title("Scenario", stem), stem=stem, choices=tuple(choices),
        general_feedback=f"The notes give {_given(e)} in this order: {_chain(e)}. {learner_source(topic, e.source)}",
        sources=(e.source,), tags=(topic.slug, FAMILY),
    )


def orders(topics: Sequence[Topic]) -> list[Steps]:
    """Every stated order, once: named procedures (acronyms, canonical expansion) and ordered lists."""
    seen: set[tuple[str, ...]] = set()
    out: list[Steps] = []
    for e in procedures(topics):
        steps = Steps(e.acronym, e.parts, e.source, e.topic, True, "", e.acronym)
        seen.add(tuple(p.casefold() for p in e.parts))
        out.append(steps)
    for t in topics:
        for steps in [*stated_orders(t), *note_orders(t)]:
            key = tuple(p.casefold() for p in steps.parts)
            if key not in seen:
                seen.add(key)
                out.append(steps)
    return out


PER_ORDER = 2  # items per stated order: more would test one list over and over and cue each other


def _printed(item: Item) -> set[str]:
    return {m.casefold() for m in re.findall(r"“([^”]+)”", item.stem)}


def _answer(item: Item) -> str:
    return next(c.text for c in item.choices if c.correct).casefold()  # type: ignore[attr-defined]


def pick(candidates: Sequence[Item], seed: int, name: str) -> list[Item]:
    """At most PER_ORDER items for one order, none whose answer another's stem prints, sharing one
    variant group (a quiz draws one of them)."""
    order = list(candidates)
    rng_for(0, f"{FAMILY}:pick:{name}").shuffle(order)  # the same items whatever the seed (ids stay put)
    chosen: list[Item] = []
    for item in order:
        if len(chosen) == PER_ORDER:
            break
        if any(_answer(item) in _printed(o) or _answer(o) in _printed(item) or _answer(o) == _answer(item)
               for o in chosen):
            continue
        chosen.append(item)
    group = "order-" + item_id("", name).split("-", 1)[1]
    return [replace(i, group=group) for i in chosen]


def generate(topics: Sequence[Topic], seed: int) -> list[Item]:
    facts = build_facts(topics)
    by_slug = {t.slug: t for t in topics}
    items: list[Item] = []
    every = orders(topics)
    for e in every:
        topic = by_slug.get(e.topic)
        if topic is None:
            continue
        pool = [o for o in every if o.topic == topic.slug]  # another file's steps are another subject's
        candidates: list[Item] = []
        for key in range(len(e.parts)):
            item = _item(e, topic, facts, key, seed, pool)
            if item is not None:
                candidates.append(item)
        for key in range(1, len(e.parts) - 1):
            item = _skipped(e, topic, facts, key, seed, pool)
            if item is not None:
                candidates.append(item)
        chosen = pick(candidates, seed, f"{e.topic}:{e.name}:{'/'.join(e.parts)}")
        if e.acronym:
            # The model family asks the same list (its order, its letters): one variant group, so a
            # quiz never shows "which step comes after Empathise?" beside the list of HEAT's elements.
            chosen = [replace(i, group=f"model-{e.acronym}") for i in chosen]
        items += chosen
    return items
