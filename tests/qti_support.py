"""Test helpers for the QTI packages: a bank with every item kind and hostile text, and
a tiny evaluator for the response processing qbank emits (so tests can score the key)."""

from __future__ import annotations

from decimal import Decimal

from lxml import etree

from qbank.model import Bank, Choice, Cloze, Essay, Gap, Matching, MultipleChoice, Ordering, Pair, Source, Topic, TrueFalse
from qbank.qti_rules import attr, name

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
    )
    return Bank(name=f"Bank {HOSTILE}", topics=(t1, t2), items=items, seed=seed)


# --- a tiny QTI 2.x/3.0 response-processing evaluator for the subset qbank writes -------------

def _children(el):
    return [c for c in el if isinstance(c.tag, str)]


def _find(el, n):
    return [c for c in el.iter() if isinstance(c.tag, str) and name(c) == n]


class Item2:
    """An assessmentItem, parsed enough to score a response."""

    def __init__(self, root: etree._Element):
        self.root = root
        self.decls = {}
        for decl in _find(root, "responseDeclaration"):
            correct = ([v.text.strip() for v in _find(decl, "correctResponse")[0].iter()
                        if isinstance(v.tag, str) and name(v) == "value"] if _find(decl, "correctResponse") else [])
            mapping = None
            if _find(decl, "mapping"):
                m = _find(decl, "mapping")[0]
                mapping = ({attr(e, "mapKey"): Decimal(attr(e, "mappedValue")) for e in _find(m, "mapEntry")},
                           Decimal(attr(m, "defaultValue") or "0"), attr(m, "lowerBound"), attr(m, "upperBound"))
            self.decls[attr(decl, "identifier")] = (attr(decl, "cardinality"), correct, mapping)
        first = self.decls.get("RESPONSE") or next(iter(self.decls.values()))
        self.cardinality, self.correct, self.mapping = first
        self.multi = set(self.decls) != {"RESPONSE"}  # one response per gap (cloze): responses are a dict

    def _same(self, a, b, cardinality=None):
        cardinality = cardinality or self.cardinality
        if a is None:
            return False
        if cardinality == "ordered":
            return list(a) == list(b)
        if cardinality == "multiple":
            return sorted(a) == sorted(b)
        return a == b[0] if b else False

    def _expr(self, el, response, outcomes):
        n = name(el)
        if n == "baseValue":
            bt = attr(el, "baseType")
            return Decimal(el.text.strip()) if bt in ("float", "integer") else el.text.strip()
        if n == "variable":
            ident = attr(el, "identifier")
            if ident in self.decls:
                return (response or {}).get(ident) if self.multi else response
            return outcomes.get(ident)
        if n == "correct":
            cardinality, correct, _ = self.decls[attr(el, "identifier")]
            return correct if cardinality != "single" else correct[0]
        if n == "match":
            first, second = _children(el)
            a, b = self._expr(first, response, outcomes), self._expr(second, response, outcomes)
            cardinality = self.decls.get(attr(first, "identifier"), (None,))[0]
            return self._same(a, b if isinstance(b, list) else [b], cardinality)
        if n == "and":
            return all(self._expr(c, response, outcomes) for c in _children(el))
        if n == "sum":
            return sum((self._expr(c, response, outcomes) for c in _children(el)), Decimal(0))
        if n == "mapResponse":
            ident = attr(el, "identifier") or "RESPONSE"
            entries, default, lower, upper = self.decls[ident][2]
            if self.multi:
                response = (response or {}).get(ident)
            values = response if isinstance(response, list) else ([response] if response else [])
            total = sum((entries.get(v, default) for v in set(values)), Decimal(0))
            if lower is not None:
                total = max(total, Decimal(lower))
            if upper is not None:
                total = min(total, Decimal(upper))
            return total
        if n == "divide":
            a, b = (self._expr(c, response, outcomes) for c in _children(el))
            return a / b
        if n == "multiple":
            out = []
            for c in _children(el):
                v = self._expr(c, response, outcomes)
                out.extend(v if isinstance(v, list) else ([v] if v is not None else []))
            return out
        raise AssertionError(f"evaluator does not know <{el.tag}>")

    def _rules(self, rules, response, outcomes):
        for r in rules:
            n = name(r)
            if n == "setOutcomeValue":
                outcomes[attr(r, "identifier")] = self._expr(_children(r)[0], response, outcomes)
            elif n == "responseCondition":
                for branch in _children(r):
                    bn = name(branch)
                    if bn == "responseElse":
                        self._rules(_children(branch), response, outcomes)
                        break
                    cond, *body = _children(branch)
                    if self._expr(cond, response, outcomes):
                        self._rules(body, response, outcomes)
                        break
            else:
                raise AssertionError(f"evaluator does not know rule <{r.tag}>")

    def score(self, response) -> tuple[Decimal, list[str]]:
        """(SCORE, FEEDBACK identifiers) after response processing of ``response``."""
        outcomes: dict = {"SCORE": Decimal(0), "FEEDBACK": []}
        rp = _find(self.root, "responseProcessing")
        if rp:
            template = attr(rp[0], "template") or ""
            if template.endswith(("match_correct", "match_correct.xml")):
                outcomes["SCORE"] = Decimal(1) if self._same(response, self.correct) else Decimal(0)
            elif template.endswith(("map_response", "map_response.xml")):
                outcomes["SCORE"] = self._expr(etree.Element("mapResponse"), response, outcomes)
            else:
                self._rules(_children(rp[0]), response, outcomes)
        return outcomes["SCORE"], outcomes["FEEDBACK"] or []

    def key(self):
        if self.multi:
            return {ident: correct[0] for ident, (_, correct, _) in self.decls.items()}
        return self.correct[0] if self.cardinality == "single" else list(self.correct)


# --- QTI 1.2 (Canvas) resprocessing evaluator --------------------------------------------------

def score_qti12(item: etree._Element, response: dict[str, list[str]]) -> Decimal:
    """SCORE after resprocessing; ``response`` maps respident -> selected label idents.

    continue="No" (the QTI 1.2 default) stops at the first condition that holds."""
    def holds(cond) -> bool:
        n = etree.QName(cond).localname
        if n == "conditionvar":
            return all(holds(c) for c in cond)
        if n == "and":
            return all(holds(c) for c in cond)
        if n == "or":
            return any(holds(c) for c in cond)
        if n == "not":
            return not holds(cond[0])
        if n == "other":
            return True
        if n == "varequal":
            return (cond.text or "").strip() in response.get(cond.get("respident"), [])
        raise AssertionError(n)

    score = Decimal(0)
    for rp in item.iter("{*}resprocessing"):
        for rc in rp.iter("{*}respcondition"):
            if holds(rc.find("{*}conditionvar")):
                for sv in rc.iter("{*}setvar"):
                    value = Decimal(sv.text.strip())
                    score = value if sv.get("action", "Set") == "Set" else score + value
                if rc.get("continue", "No") == "No":
                    break
    return score
