"""Test helpers for the QTI packages: a bank with every item kind and hostile text, and
the package's response-processing evaluator (qbank/validate/scoring.py) wrapped for raw responses."""

from __future__ import annotations

from decimal import Decimal

from lxml import etree

from qbank.model import (Bank, Choice, Cloze, Essay, Gap, Matching, MultipleChoice, Numerical, Ordering, Pair, Source, Topic,
                         TrueFalse)
from qbank.validate.rules import name
from qbank.validate.scoring import Item, container, parse_value, score_qti12

HOSTILE = "& < > \" ' ]]> café – ✓ 日本"


def every_kind_bank(seed: int = 0) -> Bank:
    """Two topics; every kind in model.py, each text carrying characters that break naive XML."""
    src = (Source("topics/hostile.txt", 3),)
    t1 = Topic(slug="hostile-topic", title=f"Topic {HOSTILE}", path="topics/hostile.txt", sha256="0" * 64, synopsis=HOSTILE)
    t2 = Topic(slug="second", title="Second topic", path="topics/second.txt", sha256="1" * 64)
    common = dict(topic=t1.slug, sources=src, general_feedback=f"General {HOSTILE}")
    items = (
        MultipleChoice(id="concept-aaa111", family="concept", title=f"Single {HOSTILE}", stem=f"Pick one {HOSTILE}?",
                       choices=(Choice(f"Right {HOSTILE}", True, "Yes, because."), Choice("Wrong <b>", False, "No & never."),
                                Choice("None of the above", False)), **common),
        MultipleChoice(id="concept-bbb222", family="concept", title="Multi", stem="Pick all that apply.", multiple=True,
                       choices=(Choice("Key one", True, "Right."), Choice("Key two", True), Choice("Wrong one", False, "Not this."),
                                Choice("Wrong two", False), Choice("Wrong three", False)), **common),
        TrueFalse(id="truefalse-ccc333", family="truefalse", title="TF", stem=f"True or false: {HOSTILE}", answer=False,
                  feedback_true="It is false.", feedback_false="Right, false.", **common),
        TrueFalse(id="truefalse-ccc334", family="truefalse", title="TF2", stem="This is true.", answer=True, topic=t2.slug),
        Matching(id="matching-ddd444", family="matching", title="Match", stem=f"Match {HOSTILE}",
                 pairs=(Pair("Term A", "Def A"), Pair("Term B <x>", "Def B & more"), Pair("Term C", "Def C")),
                 extra_answers=("Unused def",), **common),
        Ordering(id="ordering-eee555", family="ordering", title="Order", stem="Put in order.",
                 steps=("First", "Second ]]>", "Third", "Fourth"), **common),
        Essay(id="essay-fff666", family="essay", title="Essay", stem=f"Discuss {HOSTILE}.", grader_info=f"Look for {HOSTILE}",
              response_lines=10, **common),
        Cloze(id="cloze-hhh888", family="cloze", title="Cloze", stem=f"Gap {HOSTILE} ____ then ____ end.",
              parts=(f"Gap {HOSTILE} ", " then ", " end."),
              gaps=(Gap("Key & one", ("Wrong \" one", "Wrong ]]> two")), Gap("Key two", ("Other", "Another", "Third"))),
              **common),
        MultipleChoice(id="concept-ggg777", family="concept", title="Single in topic 2", stem="Which?", topic=t2.slug,
                       choices=(Choice("Alpha", False), Choice("Beta", True), Choice("Gamma", False))),
        Numerical(id="numeric-iii999", family="numeric", title="Number", stem=f"Type the number {HOSTILE}: ____°C.",
                  answer="63", feedback_correct=f"Right {HOSTILE}", feedback_wrong="No: 63°C.", value="63°C", **common),
        Numerical(id="numeric-jjj000", family="numeric", title="Number within", stem="Type ____ kPa.", answer="-12.25",
                  tolerance="0.5", topic=t2.slug),
    )
    return Bank(name=f"Bank {HOSTILE}", topics=(t1, t2), items=items, seed=seed)


# --- QTI 2.x/3.0 scoring: the package's evaluator (qbank/validate/scoring.py), with raw string responses ---

class Item2:
    """An assessmentItem, RESPONSE or one response per gap (cloze); responses are the strings a player sends."""

    def __init__(self, root: etree._Element):
        self.root = root
        self.item = Item(root)
        self.decls = {}  # identifier -> (cardinality, correct values as written, response)
        for ident, r in self.item.responses.items():
            cr = [c for c in r.el.iter() if isinstance(c.tag, str) and name(c) == "correctResponse"]
            correct = [v.text.strip() for v in cr[0].iter() if isinstance(v.tag, str) and name(v) == "value"] if cr else []
            self.decls[ident] = (r.cardinality, correct, r)
        first = self.decls.get("RESPONSE") or next(iter(self.decls.values()))
        self.cardinality, self.correct, _ = first
        self.multi = set(self.decls) != {"RESPONSE"}  # one response per gap (cloze): responses are a dict

    def _typed(self, ident: str, raw):
        cardinality, _, r = self.decls[ident]
        values = raw if isinstance(raw, list) else ([raw] if raw is not None else [])
        return container([parse_value(v, r.base_type) for v in values], cardinality)

    def score(self, response) -> tuple[Decimal, list[str]]:
        """(SCORE, FEEDBACK identifiers) after response processing of ``response`` (a dict per gap for cloze)."""
        if self.multi:
            responses = {ident: self._typed(ident, (response or {}).get(ident)) for ident in self.decls}
        else:
            responses = {"RESPONSE": self._typed("RESPONSE", response)}
        outcomes = self.item.outcomes(responses)
        score = outcomes.get("SCORE")
        feedback = outcomes.get("FEEDBACK")
        return (score if isinstance(score, Decimal) else Decimal(0)), list(feedback) if isinstance(feedback, tuple) else (
            [feedback] if feedback else [])

    def key(self):
        if self.multi:
            return {ident: correct[0] for ident, (_, correct, _) in self.decls.items()}
        return self.correct[0] if self.cardinality == "single" else list(self.correct)


# --- QTI 1.2 (Canvas): the package's evaluator, re-exported for the tests ---------------------

__all__ = ["HOSTILE", "Item2", "every_kind_bank", "score_qti12"]
