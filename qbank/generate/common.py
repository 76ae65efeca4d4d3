"""Helpers every item family shares: stable ids, seeded randomness, text shaping."""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Iterator, Sequence

from qbank.generate.text import content_stems
from qbank.model import Concept, Section, Source, Topic


def item_id(family: str, *content: str) -> str:
    """A content hash: the same content gives the same id on every rebuild and machine."""
    digest = hashlib.blake2b("\x1f".join((family, *content)).encode("utf-8"), digest_size=6)
    return f"{family}-{digest.hexdigest()}"


def rng_for(seed: int, key: str) -> random.Random:
    """A generator private to one item, so adding a topic never reshuffles the others."""
    digest = hashlib.blake2b(f"{seed}\x1f{key}".encode("utf-8"), digest_size=8).digest()
    return random.Random(int.from_bytes(digest, "big"))


def first_distinct_concepts(concept: Concept, topic: Topic, topics: Sequence[Topic], limit: int) -> list[Concept]:
    """Up to ``limit`` other concepts with distinct terms: own topic first, then the others in order.

    Stops as soon as it has ``limit``, so each call is O(limit) rather than O(all concepts):
    scanning every topic for every concept made a 1,000-topic bank take hours.
    """
    seen = {concept.term.casefold()}
    out: list[Concept] = []
    for t in _own_first(topic, topics):
        for c in t.concepts:
            key = c.term.casefold()
            if key not in seen:
                seen.add(key)
                out.append(c)
                if len(out) == limit:
                    return out
    return out


def _own_first(topic: Topic, topics: Sequence[Topic]) -> Iterator[Topic]:
    yield topic
    yield from (t for t in topics if t is not topic)


def source_note(topic: Topic, source: Source) -> str:
    """General-feedback tail naming where the fact comes from, in words a learner may read:
    the topic's display name and section, never a file name, path, line or hash (those stay in
    ``Item.sources``, which only tutor-facing outputs show)."""
    section = section_name(topic, source)
    name = display_name(topic)
    return f"Source: {name}, {section}." if name else f"Source: the notes, {section}."


def section_name(topic: Topic, source: Source) -> str:
    """The section a source lies in, named as the notes head it ("Core ideas", not "Key Concepts &
    Core Principles", where the tutor wrote that: h19's examiner could not find the passage)."""
    if not source.section:
        # text under a sub-heading of the notes' own ("Registration"): cited by that heading
        if any(b.source.line == source.line for b in topic.notes) and (head := note_heading(topic, source.line)):
            return head
        return "notes"
    if source.section is Section.TIPS and (head := dict(topic.question_headings).get(source.line)):
        return head  # a sample question's block, cited by its own heading
    return dict(topic.headings).get(source.section.value, source.section.value)


def note_headings_over(topic: Topic, line: int) -> list[str]:
    """The sub-headings the text on ``line`` sits under: the last one before it, and each heading straight
    above that one with nothing of its own under it ("Worked example" over "Kim starts a business.
    Transactions (ignore VAT):", h54: the case's figures were keyed as facts)."""
    heads = [(at, text) for at, text in topic.note_headings if at < line]
    out: list[str] = []
    while heads:
        at, text = heads.pop()
        out.append(text)
        if not heads or any(heads[-1][0] < b.source.line < at for b in topic.notes):
            break
    return out


def note_heading(topic: Topic, line: int) -> str:
    """The sub-heading of the notes' own ("Registration", "Tax point") that the text on ``line`` sits
    under: the last one before it, or ''."""
    heads = [text for at, text in topic.note_headings if at < line]
    return heads[-1] if heads else ""


def names_another_model(term: str, acronym: str) -> bool:
    """The term names a model other than ``acronym`` ("HEAT model" for LAST, named in its definition
    as "a common alternative"): it is no context for LAST (h22's examiner: "In “HEAT model”, which
    step comes straight after “Solve”?")."""
    if acronym and acronym in term:
        return False
    # ("DHCP lease process" is the context of DORA's steps: a process, not a model of its own)
    return bool(re.search(r"\b(?:model|mnemonic|acronym|framework)s?\b", term, re.IGNORECASE))


def display_name(topic: Topic) -> str:
    """The topic's name for learner-visible text, or '' when it only has an opaque file name."""
    return topic.title if topic.named else ""


_FILE_LIKE = re.compile(r"^[\w.-]*(?:\d{3,}|[0-9a-f]{8,})[\w.-]*$|\.txt$", re.IGNORECASE)


def readable_title(topic: Topic) -> str | None:
    """The topic's title if a learner can read it; None for a file name or hash ("000-dafe41cd17af29c6")."""
    title = topic.title.strip()
    return None if not title or _FILE_LIKE.search(title) or " " not in title and "-" in title else title


_NAME = re.compile(r"(?<!^)\b(?:[A-Z][A-Za-z']*[A-Z0-9][A-Za-z0-9]*|[A-Z][a-z']+(?: [A-Z][a-z']+)+|[A-Z][a-z']+'s?)\b")


def has_name(text: str) -> bool:
    """The text holds a name ("PACE", "TG20", "the Fire Safety Order", "Legionnaires' disease")."""
    return bool(_NAME.search(text.strip()))


def names_its_topic(text: str, topic: Topic, synopsis: bool = False) -> bool:
    """The text says what it is about in a mixed paper: a content word of the topic's title (or,
    with ``synopsis``, of the synopsis's first sentence), a name ("PACE", "TG20", "Legionnaires'
    disease"), or a term of the notes of two words or more, whole ("a trial balance").
    "Support should be installed without anyone entering an unsupported section" (trench safety)
    and "Good formative work reduces the need for heavy cutting later" (pruning) do not."""
    subject = content_stems(readable_title(topic) or "")
    if synopsis:
        subject |= content_stems(re.split(r"(?<=[.!?])\s", topic.synopsis.strip(), 1)[0])
    said = content_stems(text)
    if said & subject or has_name(text):
        return True
    # a term's bracketed aside is no part of what names it: "joining links" names "Joining (master) link"
    return any(len(stems) > 1 and stems <= said
               for stems in (content_stems(re.sub(r"\([^()]*\)", " ", c.term)) for c in topic.concepts))


def learner_source(topic: Topic, source: Source) -> str:
    """Where a fact comes from, in words a learner reads (no file name, no hash)."""
    section = section_name(topic, source)
    title = readable_title(topic)
    return f"Source: {title}, {section}." if title else f"Source: the notes, {section}."


def sentence(text: str) -> str:
    """Capitalised, ending in a full stop (unless it already ends in punctuation)."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if re.search(r"[.!?][\"'”’]?$", text) else text + "."  # ("… existing works.'": closed already, h57)


def fragment(text: str) -> str:
    """Capitalised, without final full stop: the shape of an option."""
    text = text.strip().rstrip(".").rstrip()
    return text[:1].upper() + text[1:]


def short_title(label: str, text: str, limit: int = 60) -> str:
    """'Label: text' cut at a word boundary, for the question name Moodle lists in the bank."""
    text = text.strip().rstrip(".")
    if len(text) > limit:
        # (not on a lone "/" or dash: "… Transverse /…" read as a path, h63's build flagged it)
        text = text[:limit].rsplit(" ", 1)[0].rstrip(",;:/\\-–—( ").rstrip(",;:") + "…"
    return f"{label}: {text}"


def cue_free_choice(context: str, key: str, candidates: list, text=lambda c: c, need: int = 3, least: int = 2,
                    pool: int = 8, clash=None) -> list:
    """Up to ``need`` of ``candidates`` (in order of preference) with which the testwise learner's
    surface cues (stem overlap, length, odd form …) single out no option; [] if no set of at least
    ``least`` does. Tries subsets of the first ``pool`` candidates, preferred ones first; with
    ``clash``, no set holding two candidates that clash (the same concept twice)."""
    from itertools import combinations

    from qbank.audit.learner import OptionSets

    head = candidates[:pool]
    sets = OptionSets(context, key, [text(c) for c in head])
    # A candidate that a cue scoring options one by one tells apart from the key is in no set the
    # learner cannot narrow: only sets of the others are tried (the same sets in the same order as
    # trying every one; what each option and pair scores is computed once, not once per set).
    fit = sets.fit()
    for size in range(min(need, len(head)), least - 1, -1):
        for combo in combinations(fit, size):
            if clash is not None and any(clash(head[a], head[b]) for a, b in combinations(combo, 2)):
                continue
            if sets.keeps_all(combo):
                return [head[n] for n in combo]
    return []


# facts.distance at or below which two files are one subject. Measured: files of one course share
# about a quarter of their vocabulary (0.30-0.34 for most pairs of the bundled customer-service
# files, up to 0.41); but files of different subjects that share a trade's words came close
# (vehicle body repair and painting 0.37, gas flues and event crowds 0.42), and an examiner
# rejected the distractors each lent the other. When unsure, the file alone: 0.35.
SAME_SUBJECT = 0.35


def distractor_topics(topic: Topic, facts=None) -> list[Topic]:
    """The topics whose facts may be offered as distractors, spare answers or "true" options for an
    item on ``topic``: its own file first, then only files that are the same subject by a strict
    test (``facts.distance`` <= SAME_SUBJECT, i.e. most of their vocabulary shared).

    Every family draws its pools through here. A distractor from another subject is eliminated
    unread and its feedback ("the notes say …") misleads about the learner's own syllabus; when
    unsure, the file alone. An item that cannot find enough distractors here is skipped, not padded.
    """
    if facts is None:
        return [topic]
    return [topic] + [t for t in facts.neighbourhood(topic)
                      if t is not topic and t.slug != topic.slug and facts.distance(topic, t) <= SAME_SUBJECT]
