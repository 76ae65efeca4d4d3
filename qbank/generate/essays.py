"""Essay prompts a tutor would set, from the Examiner Marking Points that ask for written work.

"Award credit for clearly explaining how X" -> "Explain how X." A marking point that asks
for something an assessor watches ("demonstrate", "coordinate", "negotiate", "through
practical evidence"...) is not an essay: it goes to the observation checklist
(:func:`observation_checklist`, written as ``observation-checklist.csv`` and a preview page).
A marking point whose verb cannot be turned into an instruction with a real English verb
form (lemminflect's dictionary, never a hand-made rule) is left out and reported by coverage.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lemminflect import getAllLemmas

from qbank.generate.common import item_id, learner_source, sentence, short_title
from qbank.generate.practice import _MARK_LEAD, _MODAL_LEAD, from_marking
from qbank.generate.text import capitalise
from qbank.model import Bullet, Essay, Item, Source, Topic

FAMILY = "essay"

# Work an assessor observes or a portfolio evidences, not something a learner writes in an essay.
PRACTICAL = re.compile(
    r"\b(?:demonstrat\w*|wear(?:s|ing)?\b|monitor(?:s|ed|ing)? (?:\w+ )?(?:progress|performance)|coordinat\w*|co-ordinat\w*|negotiat\w*|(?<!\ba )(?<!\bthe )(?<!control )measur(?:e|ed|ing)\b|observ\w*|carr(?:y|ies|ied|ying) out|"
    r"perform(?:s|ed|ing)?\b|role[- ]?play\w*|practical evidence|practical task|in practice|on the job|"
    r"workplace evidence|evidence of (?:\w+ )?(?:planning|working|collaborat\w*|use)|"
    r"use (?:of )?(?:the |a )?(?:tools?|equipment|meter|multimeter)|fit(?:s|ted|ting)? |replac\w* |test(?:s|ed|ing)? the )\b",
    re.IGNORECASE,
)
# "a given scenario" promises something the prompt does not give.
GIVEN = re.compile(r"\b(?:a|an|the) (?:given|chosen)\s+", re.IGNORECASE)
# "for each transaction", "the target shade", "the scenario": material the prompt does not supply
UNSUPPLIED = re.compile(r"\b(?:each|every|the) (?:target|transactions?|scenario|case study|data|results|figures|readings|"
                        r"table|diagram|chart|situation|sample|following)\b", re.IGNORECASE)
OWN_EXAMPLE = "Base your answer on an example of your own choosing, described briefly."
OWN_FIGURES = "Use figures of your own choosing and show your working."


@dataclass(frozen=True)
class ObservationPoint:
    """A practical marking point: what an assessor watches for, and where the notes say so."""

    topic: str  # Topic.title
    point: str
    source: Source


# "Look for documented examples of X": evidence gathered at work (a portfolio), not an essay.
EVIDENCED = re.compile(r"^(?:clear |documented |practical |specific |workplace )*(?:evidence|examples?|instances|records?)"
                       r" (?:of|that)\b", re.IGNORECASE)


def is_practical(point: str) -> bool:
    """True for a marking point that asks for something done and observed (or evidenced at work), not written."""
    text = point.strip()
    lead = _MARK_LEAD.match(text) or _MODAL_LEAD.match(text)
    body = text[lead.end():] if lead else text
    body = re.sub(r"^(?:providing|seeing|the (?:candidate|learner)['’]s ability to show)\s+", "", body, flags=re.IGNORECASE)
    return bool(PRACTICAL.search(point) or EVIDENCED.match(body))


def _base(gerund: str) -> str | None:
    """'completing' -> 'complete', from lemminflect's dictionary only (None for an unknown word)."""
    if not gerund.lower().endswith("ing"):
        return None
    lemmas = getAllLemmas(gerund.lower(), upos="VERB").get("VERB", ())
    return lemmas[0] if lemmas else None


def imperative(practice: str) -> str | None:
    """'Explaining how X and suggesting Y' -> 'Explain how X and suggest Y'; None when a verb is unknown."""
    first, _, rest = practice.partition(" ")
    base = _base(first)
    if not base or not rest:
        return None
    # A second verb coordinated with the first, with only the first verb's object between them.
    m = re.match(r"^([^,]*?)\b(and|or) (\w+ing)\b(?!-)(.*)$", rest)
    if m and not any(w.endswith("ing") for w in m.group(1).split()):
        second = _base(m.group(3))
        if second:
            rest = f"{m.group(1)}{m.group(2)} {second}{m.group(4)}"
    return f"{capitalise(base)} {rest}".strip()


_PRODUCT = re.compile(r"^(?:an?|clear|well-reasoned) (?:clear |written |detailed )?(plan|rationale|report|summary|"
                      r"comparison|analysis|evaluation|explanation|justification|proposal|outline)\b(.*)$", re.IGNORECASE)


def _written_product(point: str) -> str | None:
    """'Assessors should look for a plan to review X' -> 'Write a plan to review X'."""
    text = _MARK_LEAD.sub("", point.strip().rstrip("."), count=1)
    if text == point.strip().rstrip("."):
        return None
    m = _PRODUCT.match(text)
    return f"Write a {m.group(1).lower()}{m.group(2)}" if m else None


def _as_written(point: str) -> str | None:
    """'Candidates should explain how X and why Y' -> 'Explain how X and why Y': the verb is already
    in its base form, so nothing after it is rewritten ("the function and operating sequence" stays)."""
    m = _MODAL_LEAD.match(point)
    if not m:
        return None
    first, _, rest = point[m.end():].strip().rstrip(".").partition(" ")
    word = first.lower()
    if not rest or word not in getAllLemmas(word, upos="VERB").get("VERB", ()):
        return None
    return f"{capitalise(word)} {rest}"


def prompt_for(point: str) -> str | None:
    """The essay prompt for a written marking point (None for a practical one or no safe rewrite)."""
    if is_practical(point):
        return None
    point = re.sub(r"^Marks? (?:are |is )?(?:awarded |given )?for\s+(?:correctly\s+)?", "Award credit for ", point.strip(),
                   flags=re.I)
    command = _as_written(point)
    if command is None:
        practice = from_marking(point)
        command = imperative(practice) if practice else _written_product(point)
    if not command:
        return None
    prompt = sentence(command)
    unsupplied = bool(GIVEN.search(prompt) or UNSUPPLIED.search(prompt))
    prompt = GIVEN.sub(lambda m: "an " if prompt[m.end():m.end() + 1].lower() in ("a", "e", "i", "o") else "a ", prompt)
    if re.match(r"(?:Calculate|Work out|Balance)\b", prompt):
        return f"{prompt} {OWN_FIGURES}"  # a calculation needs figures the notes do not give
    if unsupplied:
        prompt = f"{prompt} {OWN_EXAMPLE}"
    return prompt


def observation_checklist(topics: Sequence[Topic]) -> list[ObservationPoint]:
    """Every practical marking point, topic by topic, for an assessor's observation record."""
    return [ObservationPoint(t.title, sentence(p.text), p.source)
            for t in topics for p in t.marking_points if is_practical(p.text)]


def rubric(topic: Topic, point: Bullet) -> str:
    """Grader information: the targeted point, then every written point of the topic, one per '- ' line."""
    written = [p for p in topic.marking_points if not is_practical(p.text)]
    lines = [f"This prompt targets: {sentence(point.text)}", "Marking points for this topic:"]
    lines += [f"- {sentence(p.text)}" for p in written]
    return "\n".join(lines)


def generate(topics: Sequence[Topic], seed: int) -> list[Item]:
    items: list[Item] = []
    for topic in topics:
        for point in topic.marking_points:
            prompt = prompt_for(point.text)
            if not prompt:
                continue
            items.append(Essay(
                id=item_id(FAMILY, prompt), family=FAMILY, topic=topic.slug,
                title=short_title("Essay", prompt), stem=prompt,
                grader_info=rubric(topic, point),
                general_feedback=f"A strong answer meets the marking point: {sentence(point.text)} "
                                 f"{learner_source(topic, point.source)}",
                sources=(point.source,), tags=(topic.slug, FAMILY),
            ))
    return items
