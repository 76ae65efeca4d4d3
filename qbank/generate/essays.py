"""Essay prompts from Examiner Marking Points, with the topic's marking points as grader information.

"Award credit for clearly explaining how X" -> "Explain how X." A marking point whose
lead-in or verb cannot be turned into an instruction safely is not used.
"""

from __future__ import annotations

from collections.abc import Sequence

from qbank.generate.common import item_id, sentence, short_title, source_note
from qbank.generate.practice import from_marking, imperative
from qbank.model import Essay, Item, Topic

FAMILY = "essay"


def prompt_for(point: str) -> str | None:
    practice = from_marking(point)
    command = imperative(practice) if practice else None
    return sentence(command) if command else None


def generate(topics: Sequence[Topic], seed: int) -> list[Item]:
    items: list[Item] = []
    for topic in topics:
        rubric = "\n".join(f"- {sentence(p.text)}" for p in topic.marking_points)
        for point in topic.marking_points:
            prompt = prompt_for(point.text)
            if not prompt:
                continue
            items.append(Essay(
                id=item_id(FAMILY, prompt), family=FAMILY, topic=topic.slug,
                title=short_title("Essay", prompt), stem=f"{prompt} Refer to {_context(topic)} in your answer." if topic.named else prompt,
                grader_info=f"This prompt targets: {sentence(point.text)}\nAll marking points for the topic:\n{rubric}",
                general_feedback=f"A strong answer meets the marking point: {sentence(point.text)} "
                                 f"{source_note(topic, point.source)}",
                sources=(point.source,), tags=(topic.slug, FAMILY),
            ))
    return items


def _context(topic: Topic) -> str:
    return f"the topic \u201c{topic.title}\u201d"
