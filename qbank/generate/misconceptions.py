"""Misconception spotting: which is a mistake (single), select all mistakes (multi), beliefs (true/false).

Keys are the topic's listed mistakes; distractors are good practice from the notes in the
same gerund shape (corrective forms of other mistakes, exam tips, marking points). A
practice that any file lists as a mistake, or a mistake any file states as practice, is
never used.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from qbank.generate.common import item_id, sentence, short_title, source_note
from qbank.generate.facts import Facts, build_facts
from qbank.generate.options import HARD_CUES, arrange, cues, multi_cues, pick_distractors, stem_overlap
from qbank.generate.practice import as_mistake, belief, corrective, from_marking, from_tip
from qbank.generate.similar import StemIndex
from qbank.generate.text import (
    absolutes_in, capitalise, content_stems, is_gerund_phrase, jaccard, lower_first, option, sentence_case, soften, trim,
)
from qbank.model import Bullet, Choice, Item, MultipleChoice, Topic, TrueFalse

FAMILY = "misconception"
SIMILAR = 0.5
CONTAINED = 0.6


@dataclass(frozen=True)
class Practice:
    text: str
    origin: Bullet
    why: str  # feedback: why this is not a mistake
    distance: float = 0.0  # how far its topic is from the item's topic (facts.distance)


def generate(topics: Sequence[Topic], seed: int) -> list[Item]:
    facts = build_facts(topics)
    items: list[Item] = []
    bases: dict[str, int] = {}  # title without its last word -> items so far (was a scan of items)

    def add(item: Item) -> None:
        items.append(item)
        base = item.title.rsplit(" ", 1)[0]
        bases[base] = bases.get(base, 0) + 1

    for topic in topics:
        mistakes = [(m, key_text(m)) for m in topic.misconceptions]
        mistakes = [(m, k) for m, k in mistakes if k and not facts.stated_anywhere(k)]
        mistakes = list({k.casefold(): (m, k) for m, k in reversed(mistakes)}.values())[::-1]  # a bullet written twice
        # A near-identical mistake in an earlier file already has its single-answer item.
        singles = [(m, k) for m, k in mistakes if not facts.earlier_twin_bullet(topic, m.text, "misconceptions")]
        practices = practice_pool(topic, topics, facts)
        context = _context(topic, facts.proper)
        for m, key in singles:
            item = _single(topic, m, key, practices, seed, context)
            if item:
                add(_numbered(item, bases))
        # Pairs, the last group taking an odd one out: the number of keys is not always two.
        groups = [mistakes[n : n + 2] for n in range(0, len(mistakes) - 1, 2)]
        if len(mistakes) % 2 and groups:
            groups[-1] = groups[-1] + mistakes[-1:]
        for group in groups:
            item = _multi(topic, group, practices, seed, context)
            if item:
                add(_numbered(item, bases))
        for m in topic.misconceptions:
            if facts.stated_anywhere(option(trim(m.text))) or facts.earlier_twin_bullet(topic, m.text, "misconceptions"):
                continue  # another file recommends it, or an earlier file already asks it
            item = _belief(topic, m, seed)
            if item:
                add(item)
    return items


def _numbered(item: Item, bases: dict[str, int]) -> Item:
    """'Spot the mistake: <topic> 2': titles name the question, never its key (players may show them).

    ``bases`` counts earlier items by title without its last word.
    """
    n = 1 + bases.get(item.title, 0)
    return replace(item, title=f"{item.title} {n}")


def key_text(mistake: Bullet) -> str | None:
    """The mistake as an option: consequence trimmed, droppable absolutes removed, gerund shape."""
    text = option(soften(trim(as_mistake(mistake.text))))
    return text if is_gerund_phrase(text) else None


def practice_pool(topic: Topic, topics: Sequence[Topic], facts: Facts) -> list[Practice]:
    """Good practice in gerund form, own topic first, then related topics (facts.neighbourhood);
    none that any file lists as a mistake."""
    out: list[Practice] = []
    for t in facts.neighbourhood(topic):
        for m in t.misconceptions:
            text = corrective(m.text)
            if text:
                out.append(Practice(text, m, distance=facts.distance(topic, t), why=f"Not a mistake: the notes warn against the opposite "
                                              f"(\u201c{option(trim(m.text))}\u201d)."))
        for b in t.tips:
            text = from_tip(b.text)
            if text:
                out.append(Practice(text, b, "Not a mistake: this is recommended practice in the exam tips.",
                                    facts.distance(topic, t)))
        for b in t.marking_points:
            text = from_marking(b.text)
            if text:
                out.append(Practice(text, b, "Not a mistake: examiners award credit for this.", facts.distance(topic, t)))
    return [p for p in out if safe_practice(p.text, p.origin, facts)]


def safe_practice(text: str, origin: Bullet, facts: Facts) -> bool:
    """Not stated as a mistake by any file (looked up in a stem index over every mistake, bank-wide)."""
    cache = facts.__dict__.setdefault("_safe_practice", {})
    key = (text, origin)
    if key not in cache:
        mistakes, index, listed = _mistake_index(facts)
        stems = content_stems(text)
        # Jaccard >= SIMILAR and containment >= CONTAINED both need a share of the practice's stems.
        near = [mistakes[n] for n in index.candidates(stems, min(SIMILAR, CONTAINED))]
        cache[key] = not (
            any(m != origin and jaccard(stems, content_stems(m.text)) >= SIMILAR for m in near)
            # a tip that a mistake is mostly made of ("Using scripted responses" vs "Over-reliance on …")
            or (origin not in listed and any(_contained(stems, content_stems(m.text)) for m in near)))
    return cache[key]


def safe_practice_scan(text: str, origin: Bullet, topics: Sequence[Topic]) -> bool:
    """``safe_practice`` by comparing with every mistake (the reference the index must equal)."""
    all_mistakes = [m for t in topics for m in t.misconceptions]
    stems = content_stems(text)
    if any(m != origin and jaccard(stems, content_stems(m.text)) >= SIMILAR for m in all_mistakes):
        return False
    return not (origin not in all_mistakes and any(_contained(stems, content_stems(m.text)) for m in all_mistakes))


def _mistake_index(facts: Facts) -> tuple[list[Bullet], StemIndex, frozenset[Bullet]]:
    cached = facts.__dict__.get("_mistake_index")
    if cached is None:
        mistakes = [m for t in facts.topics for m in t.misconceptions]
        cached = (mistakes, StemIndex(content_stems(m.text) for m in mistakes), frozenset(mistakes))
        facts.__dict__["_mistake_index"] = cached
    return cached


def _contained(part: set[str], whole: set[str]) -> bool:
    return bool(part) and len(part & whole) / len(part) >= CONTAINED


def _elsewhere(p: Practice, topic: Topic) -> float:
    """Prefer the topic's own practice, then practice from related topics."""
    return 0.0 if p.origin.source.path == topic.path else p.distance


def _context(topic: Topic, proper: frozenset[str] = frozenset()) -> str:
    title = lower_first(sentence_case(topic.title, proper))
    return f"when {title}" if is_gerund_phrase(title) and " " in title else f"in {title}"


def _candidates(key_bullets: Sequence[Bullet], practices: list[Practice]) -> list[tuple[str, Practice]]:
    """Practices that are not simply the mirror image of a key (that would give the key away)."""
    keys = [content_stems(b.text) for b in key_bullets]
    out = []
    for p in practices:
        own = content_stems(p.text)
        if p.origin in key_bullets or any(jaccard(k, content_stems(p.origin.text)) >= SIMILAR
                                          or jaccard(k, own) >= SIMILAR for k in keys):
            continue
        out.append((soften(p.text), p))
    return out


def _general(topic: Topic, bullets: Sequence[Bullet]) -> str:
    listed = " ".join(sentence(b.text) for b in bullets)
    return f"The notes list this as a mistake to avoid: {listed} {source_note(topic, bullets[0].source)}"


def _single(topic: Topic, mistake: Bullet, key: str, practices: list[Practice], seed: int, context: str
            ) -> Item | None:
    ident = item_id(FAMILY, "single", mistake.text)
    stem = f"{capitalise(context)}, which of these is a common mistake?"
    chosen = pick_distractors(key, _candidates([mistake], practices), 3, ident, stem,
                              lambda a, b: a.origin is b.origin, lambda p: _elsewhere(p, topic))
    choices = [Choice(key, True, f"Correct: this is a listed mistake. {sentence(mistake.text)}")]
    choices += [Choice(text, False, p.why) for text, p in chosen]
    if len(chosen) < 3 or set(cues(stem, choices)) & HARD_CUES:
        return None
    return MultipleChoice(
        id=ident, family=FAMILY, topic=topic.slug, title=short_title("Spot the mistake", topic.title), stem=stem,
        choices=arrange(choices, seed, ident), general_feedback=_general(topic, [mistake]),
        sources=(mistake.source,), tags=(topic.slug, FAMILY),
    )


def _multi(topic: Topic, pairs: Sequence[tuple[Bullet, str]], practices: list[Practice], seed: int, context: str
           ) -> Item | None:
    bullets = [m for m, _ in pairs]
    ident = item_id(FAMILY, "multi", *(m.text for m in bullets))
    stem = f"{capitalise(context)}, select all the common mistakes."
    mean_key = max((k for _, k in pairs), key=len)
    echo = max(stem_overlap(stem, k) for _, k in pairs)
    chosen = pick_distractors(mean_key, _candidates(bullets, practices), 2, ident, stem,
                              lambda a, b: a.origin is b.origin, lambda p: _elsewhere(p, topic), key_overlap=echo)
    choices = [Choice(k, True, f"Correct: this is a listed mistake. {sentence(m.text)}") for m, k in pairs]
    choices += [Choice(text, False, p.why) for text, p in chosen]
    if len(chosen) < 2 or len({c.text.casefold() for c in choices}) < len(choices) or multi_cues(stem, choices):
        return None
    return MultipleChoice(
        id=ident, family=FAMILY, topic=topic.slug, stem=stem,
        title=short_title("Select the mistakes", topic.title),
        choices=arrange(choices, seed, ident), multiple=True,
        general_feedback=f"The notes list these as mistakes to avoid: "
                         f"{' '.join(sentence(m.text) for m in bullets)} {source_note(topic, bullets[0].source)}",
        sources=tuple(m.source for m in bullets), tags=(topic.slug, FAMILY),
    )


def _belief(topic: Topic, mistake: Bullet, seed: int) -> Item | None:
    statement = belief(mistake.text)
    if not statement or absolutes_in(statement):
        return None  # "X automatically improves Y", keyed false: the absolute word gives it away
    ident = item_id(FAMILY, "belief", mistake.text)
    fix = corrective(mistake.text)
    why = f"The notes list \u201c{sentence(mistake.text)}\u201d as a common mistake."
    if fix:
        why += f" Good practice: {lower_first(sentence(fix))}"
    return TrueFalse(
        id=ident, family=FAMILY, topic=topic.slug, title=short_title("True or false", statement),
        stem=statement, answer=False,
        feedback_true=f"Not true. {why}", feedback_false=f"Right, this is false. {why}",
        general_feedback=f"{why} {source_note(topic, mistake.source)}", sources=(mistake.source,),
        tags=(topic.slug, FAMILY),
    )
