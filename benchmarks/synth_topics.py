"""Write N synthetic topic files in the bundled format, for benchmarks.

Each file looks like a bundled topic (truncated first line, the five headings, five
key concepts with distinct made-up terms, tips, misconceptions, marking points, and
sometimes an acronym model), so a bank grows linearly with N. Same N and seed give
the same bytes.

    python benchmarks/synth_topics.py 1000 synth-topics --seed 1
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

CONCEPTS_PER_TOPIC = 5

_SYLLABLES = (
    "ba be bi bo da de di do fa fe fi fo ga ge gi go ka ke ki ko la le li lo ma me mi mo "
    "na ne ni no pa pe pi po ra re ri ro sa se si so ta te ti to va ve vi vo za ze zi zo"
).split()
_AREAS = (
    "service", "workshop", "aftersales", "reception", "parts", "warranty", "fleet", "bodyshop",
    "diagnostics", "valeting", "booking", "handover", "retention", "quality", "supplier", "team",
)
_QUALIFIERS = (
    "structured", "proactive", "documented", "shared", "staged", "continuous", "weighted",
    "layered", "balanced", "targeted", "collaborative", "escalated",
)
_NOUNS = (
    "review", "protocol", "cycle", "framework", "audit", "agreement", "briefing", "matrix",
    "checklist", "handbook", "forecast", "charter", "scorecard", "routine", "ladder", "loop",
)
_VERBS = (
    "Recording", "Planning", "Coordinating", "Monitoring", "Agreeing", "Reviewing", "Allocating",
    "Explaining", "Comparing", "Escalating", "Confirming", "Prioritising", "Balancing", "Measuring",
)
_BASE_VERBS = (
    "record", "plan", "coordinate", "monitor", "agree", "review", "allocate", "explain",
    "compare", "escalate", "confirm", "prioritise", "balance", "measure",
)
_OBJECTS = (
    "customer expectations", "technician workloads", "supplier lead times", "warranty claims",
    "booking-in calls", "vehicle handover checks", "parts availability", "service advisor notes",
    "repeat repair rates", "complaint records", "team rotas", "quality spot checks",
    "partner commitments", "follow-up calls", "training records", "courtesy car bookings",
)
_PURPOSES = (
    "so that problems are found before the customer notices them",
    "to keep promises to customers realistic and consistent",
    "so that colleagues know who owns each step",
    "to give managers objective evidence for decisions",
    "so that recurring faults are traced to their root cause",
    "to protect the business from avoidable disputes",
    "so that the workshop runs at a sustainable pace",
    "to make hand-offs between departments reliable",
)
_SETTINGS = (
    "in a franchised dealership", "across an independent garage", "within an aftersales team",
    "between sales and service departments", "with external partners", "during peak seasons",
)


def _word(n: int, rng: random.Random) -> str:
    """A pronounceable made-up word, unique for each n (n is written in base len(_SYLLABLES))."""
    parts = []
    while True:
        n, r = divmod(n, len(_SYLLABLES))
        parts.append(_SYLLABLES[r])
        if n == 0:
            break
        n -= 1
    parts.append(rng.choice(_SYLLABLES))  # a varied tail keeps words from looking serial
    return "".join(reversed(parts)).capitalize()


def _sentence(rng: random.Random) -> str:
    return f"{rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {rng.choice(_SETTINGS)} {rng.choice(_PURPOSES)}"


@dataclass(frozen=True)
class SynthConcept:
    term: str
    definition: str


def concepts_for(index: int, seed: int = 0) -> list[SynthConcept]:
    """The concepts of topic ``index``: terms unique across all topics of any N."""
    rng = random.Random(f"{seed}:concepts:{index}")
    out = []
    for k in range(CONCEPTS_PER_TOPIC):
        word = _word(index * CONCEPTS_PER_TOPIC + k, rng)
        term = f"{word} {rng.choice(_QUALIFIERS)} {rng.choice(_NOUNS)}"
        definition = f"{_sentence(rng)}, while {rng.choice(_VERBS).lower()} {rng.choice(_OBJECTS)} {rng.choice(_PURPOSES)}."
        out.append(SynthConcept(term, definition))
    if index % 3 == 0:  # an acronym model in some topics, shaped like the bundled 'LASS' model
        words = [f"{_word(index * 7 + j, rng)}" for j in range(4)]
        acronym = "".join(w[0] for w in words).upper()
        last = out[-1]
        out[-1] = SynthConcept(
            last.term,
            f"Using a structured approach like the '{acronym}' model ({', '.join(words)}) "
            f"when {rng.choice(_VERBS).lower()} {rng.choice(_OBJECTS)} {rng.choice(_PURPOSES)}.",
        )
    return out


def topic_text(index: int, seed: int = 0) -> str:
    """One topic file in the bundled format."""
    rng = random.Random(f"{seed}:topic:{index}")
    area = rng.choice(_AREAS)
    synopsis = (
        f"This element focuses on the practical skills required to manage {area} work "
        f"{rng.choice(_SETTINGS)}, particularly in the motor industry. Learners will develop the ability to "
        f"{rng.choice(_BASE_VERBS)} {rng.choice(_OBJECTS)}, {rng.choice(_BASE_VERBS)} "
        f"{rng.choice(_OBJECTS)} and {rng.choice(_BASE_VERBS)} {rng.choice(_OBJECTS)} "
        f"{rng.choice(_PURPOSES)}. The content bridges theory with hands-on techniques used "
        f"{rng.choice(_SETTINGS)}."
    )
    lines = [synopsis[:150], "Topic Synopsis", synopsis, "Key Concepts & Core Principles"]
    lines += [f"- {c.term}: {c.definition}" for c in concepts_for(index, seed)]
    lines.append("Exam Tips & Revision Strategies")
    lines += [
        f"- When answering about {rng.choice(_OBJECTS)}, give a specific example of {_sentence(rng).lower()}."
        for _ in range(rng.randint(4, 6))
    ]
    lines.append("Common Misconceptions & Mistakes to Avoid")
    starts = ("Failing to", "Assuming that", "Neglecting to")
    for k in range(rng.randint(5, 6)):
        start = starts[k % 3]
        if start == "Assuming that":
            lines.append(f"- Assuming that {rng.choice(_OBJECTS)} need no review once agreed, which lets problems return unnoticed.")
        else:
            lines.append(f"- {start} {rng.choice(_BASE_VERBS)} {rng.choice(_OBJECTS)} "
                         f"{rng.choice(_SETTINGS)}, leading to disputes and lost trust.")
    lines.append("Examiner Marking Points")
    lines += [
        f"- Award credit for {_sentence(rng).lower()}, with clear evidence from the workplace."
        for _ in range(rng.randint(4, 6))
    ]
    return "\n".join(lines) + "\n"


def topic_name(index: int, seed: int = 0) -> str:
    rng = random.Random(f"{seed}:name:{index}")
    return f"{rng.choice(_AREAS)}-{_word(index, rng).lower()}-{index:06d}.txt"


def write_topics(n: int, out_dir: Path, seed: int = 0) -> list[Path]:
    """Write ``n`` topic files into ``out_dir`` (created); returns their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(n):
        path = out_dir / topic_name(index, seed)
        path.write_text(topic_text(index, seed), encoding="utf-8", newline="\n")
        paths.append(path)
    return paths


def mc_records(k: int, seed: int = 0) -> Iterator[tuple[str, str, list[tuple[str, bool, str]]]]:
    """``k`` plain multiple-choice items (title, stem, [(option, correct, feedback)]) made from
    the same synthetic concepts, for the floor and text2qti comparisons."""
    index = 0
    made = 0
    seen: set[str] = set()
    while made < k:
        concepts = concepts_for(index, seed)
        for n, c in enumerate(concepts):
            if made == k:
                break
            others = [concepts[(n + j) % len(concepts)] for j in (1, 2, 3)]
            options = [(c.term, True, f"Correct: this describes {c.term}.")]
            options += [(o.term, False, f"Not this one: {o.term} means something else.") for o in others]
            random.Random(f"{seed}:mc:{made}").shuffle(options)
            stem = f"Which term is described here? \u201c{c.definition}\u201d"
            if stem in seen:  # two topics drew the same definition; text2qti rejects duplicate questions
                stem = f"{stem} ({c.term})"
            seen.add(stem)
            yield f"Which term: {c.term}", stem, options
            made += 1
        index += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of topic files")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    write_topics(args.n, args.out_dir, args.seed)


if __name__ == "__main__":
    main()
