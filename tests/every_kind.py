"""A small hand-made bank with one item of every kind in qbank.model, with awkward text."""

from __future__ import annotations

from qbank.model import (
    Bank,
    Choice,
    Cloze,
    Diagnostic,
    Essay,
    Gap,
    Matching,
    MultipleChoice,
    Numerical,
    Ordering,
    Pair,
    Severity,
    Source,
    Topic,
    TrueFalse,
)

PATH = "topics/kinds.txt"


def every_kind_bank(seed: int = 0) -> Bank:
    topic = Topic(
        slug="kinds",
        title="Every kind & <b>escaping</b>",
        path=PATH,
        sha256="0" * 64,
        synopsis="A topic made by hand so the preview shows each question type.",
        unit="U1",
    )
    src = lambda line: (Source(PATH, line),)  # noqa: E731 - terse on purpose
    items = (
        MultipleChoice(
            id="mc-single", family="concept", topic="kinds", title="Single answer",
            stem="Which model resolves complaints? <script>alert(1)</script>",
            choices=(
                Choice("LASS", True, "Right: Listen, Apologise, Solve, Satisfy."),
                Choice("SMART", False, "No: that is for objectives."),
                Choice("GROW & <i>co</i>", False, "No: a coaching model."),
            ),
            general_feedback="LASS is the complaint model.", sources=src(5), tags=("kinds",),
        ),
        MultipleChoice(
            id="mc-multi", family="concept", topic="kinds", title="Several answers",
            stem="Which are KPIs?", multiple=True,
            choices=(
                Choice("CSAT", True, "Yes."), Choice("NPS", True, "Yes."),
                Choice("Tea breaks", False, "No."), Choice("Parking", False, "No."),
            ),
            sources=src(6),
        ),
        TrueFalse(
            id="tf-1", family="misconception", topic="kinds", title="Delegation",
            stem="Delegation means handing over a task and stepping away.", answer=False,
            feedback_true="No: that is abdication.", feedback_false="Right: delegation keeps support.",
            sources=src(9),
        ),
        Matching(
            id="match-1", family="matching", topic="kinds", title="Match the acronyms",
            stem="Match each acronym with its meaning.",
            pairs=(
                Pair("CSAT", "Customer satisfaction score"),
                Pair("NPS", "Net promoter score"),
                Pair("KPI", "Key performance indicator"),
            ),
            extra_answers=("First-time fix rate",), sources=src(7),
        ),
        Ordering(
            id="order-1", family="model", topic="kinds", title="LASS in order",
            stem="Put the LASS steps in order.",
            steps=("Listen", "Apologise", "Solve", "Satisfy"), sources=src(5),
        ),
        Essay(
            id="essay-1", family="essay", topic="kinds", title="Managing underperformance",
            stem="Explain how you would manage an underperforming technician.",
            grader_info="Award credit for:\n- root causes\n- support offered\n- an improvement plan",
            response_lines=8, sources=src(12),
        ),
        Cloze(
            id="cloze-1", family="cloze", topic="kinds", title="Complaint models",
            stem="The LASS model is for ____; SMART is for ____ & <b>targets</b>.",
            parts=("The LASS model is for ", "; SMART is for ", " & <b>targets</b>."),
            gaps=(Gap("complaints", ("objectives", "rotas"), "LASS: Listen, Apologise, Solve, Satisfy."),
                  Gap("objectives", ("complaints", "coaching & <i>feedback</i>"))),
            general_feedback="LASS resolves complaints; SMART shapes objectives.", sources=src(5),
        ),
        Numerical(
            id="num-1", family="numeric", topic="kinds", title="Hot holding",
            stem="Type the number that completes this statement.\n“Hot food must be held at ____°C or above.”",
            answer="63", feedback_correct="Right: 63°C or above.",
            feedback_wrong="No: the legal minimum is 63°C & <b>above</b>.",
            general_feedback="Hot holding is at 63°C or above.", sources=src(8), value="63°C",
        ),
    )
    warning = Diagnostic(Severity.WARNING, "made-up warning for the preview", PATH, 3)
    return Bank(name="Every kind", topics=(topic,), items=items, seed=seed, diagnostics=(warning,))
