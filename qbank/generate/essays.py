"""Essay prompts a tutor would set, from the Examiner Marking Points that ask for written work.

"Award credit for clearly explaining how X" -> "Explain how X." A marking point that asks
for something an assessor watches ("demonstrate", "coordinate", "negotiate", "through
practical evidence"...) is not an essay: it goes to the observation checklist
(:func:`observation_checklist`, written as ``observation-checklist.csv`` and a preview page).
A marking point whose verb cannot be turned into an instruction with a real English verb
form (lemminflect's dictionary, never a hand-made rule) is left out and reported by coverage,
as is one that is a calculation or worked task (it needs data the notes do not give), one that
refers to a client, case or data not given, and one whose list of creditworthy answers cannot
be dropped with the sentence still complete. Grader information: the marking point and, as
indicative content, the topic's key concepts and misconceptions that share its content words.
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


# "(e.g. shallow trays, an ice bath)", ", including checking X and cleaning Y": the creditworthy answers
_LISTED = re.compile(r"\s*\((?:e\.g\.|eg|for example|such as|including|i\.e\.)[^()]*\)|"
                     r",?\s+(?:e\.g\.|for example|such as|including)\s+[^.;]*(?=[.;]?$)", re.IGNORECASE)
_CALCULATION = re.compile(r"^(?:Calculate|Work out|Balance|Compute|Draw up|Convert)\b"
                          r"|\b(?:calculat\w*|subnet\w*|figures|workings|to the nearest)\b", re.IGNORECASE)
_STATED = re.compile(r"\b(?:a|the) (?:stated|specified|particular|set|known)\s+\w+|"
                     r"\b(?:an?|the|each|every|your|their|specific|given|particular) (?:(?:given|chosen|specific|real|typical|new|relevant) )?"
                     r"(?:\w+ )?(?:client|patient|scenario|case study|case|transaction|customer's|learner's)s?\b",
                     re.IGNORECASE)


def _command(point: str) -> str | None:
    point = re.sub(r"^Marks? (?:are |is )?(?:awarded |given )?for\s+(?:correctly\s+)?", "Award credit for ", point.strip(),
                   flags=re.I)
    command = _as_written(point)
    if command is None:
        practice = from_marking(point)
        command = imperative(practice) if practice else _written_product(point)
    return command


def skip_reason(point: str) -> str:
    """Why a written marking point gives no sound essay prompt, or ''."""
    if is_practical(point):
        return "practical: on the observation checklist"
    command = _command(point)
    if _CALCULATION.search(command or point):
        return "no essay: a calculation or worked task needs data the notes do not give"
    if not command:
        return "no essay: its lead-in or verb could not be turned into an instruction safely"
    if UNSUPPLIED.search(command) or _STATED.search(command):
        return "no essay: it refers to a client, case or data the prompt would not give"
    if re.search(r"\b(?:e\.g\.|eg|for example|such as|including|i\.e\.)|:", command, re.IGNORECASE) \
            and not _drop_list(command):
        return "no essay: it lists the creditworthy answers and the sentence does not stand without the list"
    return ""


def _drop_list(command: str) -> str:
    """The command without its list of creditworthy answers, or '' when what is left is not a sentence."""
    text = _LISTED.sub("", command).strip()
    if ":" in text:
        return ""  # "Explain what to do: listen calmly, do not promise ...": the answer after the colon
    if re.search(r"\b(?:e\.g\.|eg|for example|such as|including|i\.e\.)", text, re.IGNORECASE):
        return ""
    words = text.rstrip(".").split()
    if len(words) < 4 or words[-1].lower() in ("and", "or", "of", "the", "a", "an", "to", "for", "with", "by", "on"):
        return ""
    return text


def prompt_for(point: str) -> str | None:
    """The essay prompt for a written marking point (None for a practical one or no sound prompt:
    :func:`skip_reason` says why)."""
    if skip_reason(point):
        return None
    command = _command(point)
    assert command
    prompt = sentence(_drop_list(command) or command)
    # "a chosen communication method": the candidate's choice, said plainly
    return GIVEN.sub(lambda m: "an " if prompt[m.end():m.end() + 1].lower() in ("a", "e", "i", "o") else "a ", prompt)


def observation_checklist(topics: Sequence[Topic]) -> list[ObservationPoint]:
    """Every practical marking point, topic by topic, for an assessor's observation record."""
    return [ObservationPoint(t.title, sentence(p.text), p.source)
            for t in topics for p in t.marking_points if is_practical(p.text)]


def indicative(topic: Topic, point: Bullet) -> list[str]:
    """Indicative content: the topic's key concepts and misconceptions sharing content words with the point."""
    from qbank.generate.text import content_stems
    words = content_stems(point.text)
    out = [f"{c.term}: {c.definition}" for c in topic.concepts
           if len(words & content_stems(f"{c.term} {c.definition}")) >= 2]
    out += [f"Avoid: {m.text}" for m in topic.misconceptions if len(words & content_stems(m.text)) >= 2]
    return out


def rubric(topic: Topic, point: Bullet) -> str:
    """Grader information: the targeted point, then indicative content from the same topic, one per '- ' line."""
    lines = [f"This prompt targets: {sentence(point.text)}"]
    content = indicative(topic, point)
    if content:
        lines.append("Indicative content (from the notes):")
        lines += [f"- {sentence(c)}" for c in content]
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
