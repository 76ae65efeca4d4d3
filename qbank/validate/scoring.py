"""Score QTI items under their own response processing, as a player would (see qbank/validate/__init__.py).

QTI 2.x/3.0: the standard templates (match_correct, map_response) and the explicit rules
qbank and most tools write (responseCondition, match, isNull, setOutcomeValue, sum,
mapResponse, multiple …) are evaluated for the correct response and for a set of wrong
ones made from the interaction's choices: the key must score the maximum, no wrong
response may. Every response variable of an item is varied, one at a time, so items with
several interactions (cloze gaps) are covered. A construct this evaluator does not know is
reported as a warning, never guessed.

QTI 1.2 (Canvas): resprocessing is evaluated the same way (conditionvar with and/or/not/
other/varequal; setvar Set/Add/Subtract/Multiply/Divide; continue="No" stops).
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from lxml import etree

from qbank.validate.rules import HUMAN_SCORED, attr, choice_ids, local, name

Finding = tuple[int, str]
MAX_WRONG_PER_RESPONSE = 60  # wrong responses tried per response variable
MAX_STEPS_PER_ITEM = 100_000  # rules and expressions evaluated for one item (qbank's take about 100)
MAX_STEPS_PER_PACKAGE = 2_000_000  # and for a whole package (about 6 µs a step: 12 s at worst)


class Budget:
    """Evaluation steps left, per item and per package: hostile items cannot make validation run long."""

    def __init__(self, total: int | None = None):
        self.total = MAX_STEPS_PER_PACKAGE if total is None else total
        self.left = self.total
        self.item_left = MAX_STEPS_PER_ITEM
        self.skipped = 0  # items not scored because the package budget was spent

    def start_item(self) -> bool:
        """Begin an item; False when the package budget is spent (the item is counted as skipped)."""
        self.item_left = MAX_STEPS_PER_ITEM
        if self.left <= 0:
            self.skipped += 1
            return False
        return True

    def spend(self, el: etree._Element) -> None:
        self.left -= 1
        self.item_left -= 1
        if self.item_left < 0:
            raise Unsupported(el, f"an item this large (over {MAX_STEPS_PER_ITEM:,} evaluation steps)")
        if self.left < 0:
            raise Unsupported(el, f"a package this large (over {self.total:,} evaluation steps)")


class Unsupported(Exception):
    """A construct the evaluator does not know: the item's scoring is not checked."""

    def __init__(self, el: etree._Element, what: str = ""):
        self.line = el.sourceline or 0
        super().__init__(what or f"<{local(el)}>")


class _Exit(Exception):
    pass


class Multi(tuple):
    """A multiple-cardinality value (compared as a multiset)."""


class Ordered(tuple):
    """An ordered-cardinality value."""


def parse_value(text: str | None, base_type: str) -> Any:
    """One QTI value of ``base_type`` (ValueError when it is not one)."""
    t = (text or "").strip()
    if base_type in ("float", "integer", "duration"):
        try:
            return Decimal(t)
        except InvalidOperation:
            raise ValueError(f"'{t}' is not a {base_type}") from None
    if base_type == "boolean":
        if t not in ("true", "false", "1", "0"):
            raise ValueError(f"'{t}' is not a boolean")
        return t in ("true", "1")
    if base_type in ("pair", "directedPair", "point"):
        parts = t.split()
        if len(parts) != 2:
            raise ValueError(f"'{t}' is not a {base_type}")
        if base_type == "point":
            try:
                return (int(parts[0]), int(parts[1]))
            except ValueError:
                raise ValueError(f"'{t}' is not a point") from None
        return tuple(sorted(parts)) if base_type == "pair" else tuple(parts)
    return t


def container(values: list[Any], cardinality: str | None) -> Any:
    if not values:
        return None
    if cardinality == "multiple":
        return Multi(values)
    if cardinality == "ordered":
        return Ordered(values)
    return values[0]


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, Multi) or isinstance(b, Multi):
        return Counter(_items(a)) == Counter(_items(b))
    if isinstance(a, Ordered) or isinstance(b, Ordered):
        return list(_items(a)) == list(_items(b))
    return a == b


def _items(v: Any) -> tuple:
    if v is None:
        return ()
    return tuple(v) if isinstance(v, (Multi, Ordered)) else (v,)


def _children(el: etree._Element) -> list[etree._Element]:
    return [c for c in el if isinstance(c.tag, str)]


def _find(el: etree._Element, *names: str) -> list[etree._Element]:
    return [c for c in el.iter() if isinstance(c.tag, str) and name(c) in names]


@dataclass
class Mapping:
    entries: list[tuple[Any, Decimal, bool]]  # key, value, case sensitive
    default: Decimal
    lower: Decimal | None
    upper: Decimal | None

    def lookup(self, v: Any) -> Decimal:
        for key, value, case in self.entries:
            if key == v or (not case and isinstance(v, str) and isinstance(key, str) and key.lower() == v.lower()):
                return value
        return self.default

    def apply(self, response: Any) -> Decimal:
        total = sum((self.lookup(v) for v in dict.fromkeys(_items(response))), Decimal(0))
        if self.lower is not None:
            total = max(total, self.lower)
        if self.upper is not None:
            total = min(total, self.upper)
        return total


@dataclass
class Response:
    ident: str
    base_type: str
    cardinality: str
    el: etree._Element
    correct: Any = None
    has_correct: bool = False
    mapping: Mapping | None = None


def _dec(text: str | None, default: Decimal | None = None) -> Decimal | None:
    try:
        return Decimal(text) if text not in (None, "") else default
    except InvalidOperation:
        return default


class Item:
    """A QTI 2.x/3.0 assessmentItem, parsed enough to score responses."""

    def __init__(self, root: etree._Element, budget: Budget | None = None):
        self.root = root
        self.budget = budget or Budget()
        self.errors: list[Finding] = []
        self.responses: dict[str, Response] = {}
        for d in _find(root, "responseDeclaration"):
            r = Response(attr(d, "identifier") or "", attr(d, "baseType") or "", attr(d, "cardinality") or "single", d)
            cr = _find(d, "correctResponse")
            if cr:
                r.has_correct = True
                try:
                    r.correct = container([parse_value(v.text, r.base_type) for v in _find(cr[0], "value")], r.cardinality)
                except ValueError as exc:
                    self.errors.append((cr[0].sourceline, f"correct response of '{r.ident}': {exc}"))
            maps = _find(d, "mapping")
            if maps:
                m = maps[0]
                entries = []
                for e in _find(m, "mapEntry"):
                    try:
                        key = parse_value(attr(e, "mapKey"), r.base_type)
                    except ValueError as exc:
                        self.errors.append((e.sourceline, f"mapping key of '{r.ident}': {exc}"))
                        continue
                    value = _dec(attr(e, "mappedValue"))
                    if value is None:
                        self.errors.append((e.sourceline, f"mapping of '{r.ident}': mappedValue '{attr(e, 'mappedValue')}' is not a number"))
                        continue
                    entries.append((key, value, attr(e, "caseSensitive") != "false"))
                r.mapping = Mapping(entries, _dec(attr(m, "defaultValue"), Decimal(0)),
                                    _dec(attr(m, "lowerBound")), _dec(attr(m, "upperBound")))
            self.responses[r.ident] = r
        self.outcome_defaults: dict[str, Any] = {}
        self.outcome_decls: dict[str, etree._Element] = {}
        for d in _find(root, "outcomeDeclaration"):
            ident, bt, card = attr(d, "identifier") or "", attr(d, "baseType") or "", attr(d, "cardinality") or "single"
            self.outcome_decls[ident] = d
            default = _find(d, "defaultValue")
            try:
                values = [parse_value(v.text, bt) for v in _find(default[0], "value")] if default else []
            except ValueError:
                values = []
            value = container(values, card)
            if value is None and card == "single" and bt in ("float", "integer"):
                value = Decimal(0)  # numeric outcomes without a default start at 0
            self.outcome_defaults[ident] = value
        rp = _find(root, "responseProcessing")
        self.processing = rp[0] if rp else None

    # -- static problems: things a player cannot evaluate at all ---------------------------
    def static_errors(self) -> list[Finding]:
        found = list(self.errors)
        rp = self.processing
        if rp is None:
            return found
        template = _template(rp)
        if template == "match_correct":
            r = self.responses.get("RESPONSE")
            if r is None or not r.has_correct:
                found.append((rp.sourceline, "template match_correct but response 'RESPONSE' has no correctResponse: nothing can score"))
        if template in ("map_response", "map_response_point"):
            r = self.responses.get("RESPONSE")
            want = "mapping" if template == "map_response" else "areaMapping"
            if r is None or not _find(r.el, want):
                found.append((rp.sourceline, f"template {template} but response 'RESPONSE' has no {want}: every answer scores 0"))
        for el in _find(rp, "mapResponse", "mapResponsePoint"):
            r = self.responses.get(attr(el, "identifier") or "")
            want = "mapping" if name(el) == "mapResponse" else "areaMapping"
            if r is not None and not _find(r.el, want):
                found.append((el.sourceline, f"{local(el)} of '{r.ident}', which has no {want}"))
        for el in _find(rp, "correct"):
            r = self.responses.get(attr(el, "identifier") or "")
            if r is not None and not r.has_correct:
                found.append((el.sourceline, f"{local(el)} of '{r.ident}', which has no correctResponse"))
        return found

    # -- evaluation -------------------------------------------------------------------------
    def score(self, responses: dict[str, Any]) -> Decimal:
        """SCORE after response processing (0 when it ends NULL or not a number)."""
        score = self.outcomes(responses).get("SCORE")
        if isinstance(score, bool) or not isinstance(score, Decimal):
            return Decimal(0)
        return score

    def outcomes(self, responses: dict[str, Any]) -> dict[str, Any]:
        """Every outcome after response processing of ``responses`` (identifier -> typed value, None for NULL)."""
        outcomes = dict(self.outcome_defaults)
        rp = self.processing
        if rp is not None:
            template = _template(rp)
            if template == "match_correct":
                outcomes["SCORE"] = Decimal(1 if _same(responses.get("RESPONSE"), self.responses["RESPONSE"].correct)
                                            and responses.get("RESPONSE") is not None else 0)
            elif template == "map_response":
                r = self.responses["RESPONSE"]
                outcomes["SCORE"] = Decimal(0) if responses.get("RESPONSE") is None else r.mapping.apply(responses["RESPONSE"])
            elif template is not None:
                raise Unsupported(rp, f"response processing template '{attr(rp, 'template') or attr(rp, 'templateLocation')}'")
            else:
                try:
                    self._rules(_children(rp), responses, outcomes)
                except _Exit:
                    pass
        return outcomes

    def _rules(self, rules: list[etree._Element], responses: dict, outcomes: dict) -> None:
        for r in rules:
            self.budget.spend(r)
            n = name(r)
            if n == "setOutcomeValue":
                (expr,) = _children(r)[:1] or [r]
                outcomes[attr(r, "identifier")] = self._expr(expr, responses, outcomes)
            elif n == "responseCondition":
                for branch in _children(r):
                    bn = name(branch)
                    if bn == "responseElse":
                        self._rules(_children(branch), responses, outcomes)
                        break
                    if bn not in ("responseIf", "responseElseIf"):
                        raise Unsupported(branch)
                    if not _children(branch):
                        raise Unsupported(branch, f"an empty <{local(branch)}>")
                    cond, *body = _children(branch)
                    if self._expr(cond, responses, outcomes) is True:
                        self._rules(body, responses, outcomes)
                        break
            elif n == "exitResponse":
                raise _Exit
            else:
                raise Unsupported(r)

    def _expr(self, el: etree._Element, responses: dict, outcomes: dict) -> Any:
        self.budget.spend(el)
        n = name(el)
        args = lambda: [self._expr(c, responses, outcomes) for c in _children(el)]  # noqa: E731
        if n == "baseValue":
            try:
                return parse_value(el.text, attr(el, "baseType") or "")
            except ValueError:
                raise Unsupported(el, f"baseValue '{(el.text or '').strip()}'") from None
        if n == "variable":
            ident = attr(el, "identifier") or ""
            if ident in self.responses:
                return responses.get(ident)
            if ident in outcomes:
                return outcomes[ident]
            raise Unsupported(el, f"variable '{ident}'")
        if n == "correct":
            return self._response(el).correct
        if n == "null":
            return None
        if n == "isNull":
            (v,) = args()
            return v is None or v == ""
        if n == "match":
            a, b = args()
            return None if a is None or b is None else _same(a, b)
        if n in ("and", "or"):
            vals = args()
            if n == "and":
                return False if False in vals else (None if None in vals else True)
            return True if True in vals else (None if None in vals else False)
        if n == "not":
            (v,) = args()
            return None if v is None else not v
        if n in ("sum", "product", "subtract", "divide", "min", "max"):
            vals = args()
            nums = [x for v in vals for x in _items(v)]
            if not nums or any(not isinstance(x, Decimal) for x in nums):
                return None
            if n == "sum":
                return sum(nums, Decimal(0))
            if n == "product":
                out = Decimal(1)
                for x in nums:
                    out *= x
                return out
            if n in ("min", "max"):
                return min(nums) if n == "min" else max(nums)
            a, b = nums[0], nums[1]
            if n == "subtract":
                return a - b
            return None if b == 0 else a / b
        if n in ("equal", "lt", "gt", "lte", "gte"):
            mode = (attr(el, "toleranceMode") or "exact") if n == "equal" else "exact"
            if mode not in ("exact", "absolute"):
                raise Unsupported(el, f"equal with toleranceMode '{mode}'")
            a, b = args()
            if a is None or b is None:
                return None
            if mode == "absolute":  # a within [b - t0, b + t1], bounds included (the defaults)
                bounds = (attr(el, "tolerance") or "0").split()
                try:
                    t0, t1 = Decimal(bounds[0]), Decimal(bounds[-1])
                except InvalidOperation:
                    raise Unsupported(el, f"tolerance '{attr(el, 'tolerance')}'") from None
                if attr(el, "includeLowerBound") == "false" or attr(el, "includeUpperBound") == "false":
                    raise Unsupported(el, "equal with an excluded bound")
                return b - t0 <= a <= b + t1
            return {"equal": a == b, "lt": a < b, "gt": a > b, "lte": a <= b, "gte": a >= b}[n]
        if n in ("multiple", "ordered"):
            flat = [x for v in args() for x in _items(v)]
            return (Multi if n == "multiple" else Ordered)(flat) if flat else None
        if n == "member":
            a, b = args()
            return None if a is None or b is None else a in _items(b)
        if n == "contains":
            a, b = args()
            if a is None or b is None:
                return None
            if isinstance(a, Ordered):
                sub, whole = list(_items(b)), list(a)
                return any(whole[i:i + len(sub)] == sub for i in range(len(whole) - len(sub) + 1))
            return not (Counter(_items(b)) - Counter(_items(a)))
        if n == "containerSize":
            (v,) = args()
            return Decimal(len(_items(v)))
        if n == "stringMatch":
            a, b = args()
            if a is None or b is None:
                return None
            return a == b if attr(el, "caseSensitive") != "false" else str(a).lower() == str(b).lower()
        if n == "mapResponse":
            r = self._response(el)
            if r.mapping is None:
                raise Unsupported(el, f"mapResponse of '{r.ident}' without a mapping")
            return r.mapping.apply(responses.get(r.ident))
        raise Unsupported(el)

    def _response(self, el: etree._Element) -> Response:
        r = self.responses.get(attr(el, "identifier") or "")
        if r is None:
            raise Unsupported(el, f"<{local(el)}> of undeclared response '{attr(el, 'identifier')}'")
        return r

    # -- the key and wrong responses ---------------------------------------------------------
    def maximum(self, after_key: dict[str, Any]) -> Decimal | None:
        """The most the item can score: MAXSCORE (as declared or as the key's processing set it), else
        SCORE's normalMaximum, else 1 for match_correct (None: not known)."""
        if "MAXSCORE" in self.outcome_decls and isinstance(after_key.get("MAXSCORE"), Decimal) and after_key["MAXSCORE"] > 0:
            return after_key["MAXSCORE"]
        score = self.outcome_decls.get("SCORE")
        if score is not None and _dec(attr(score, "normalMaximum")) is not None:
            return _dec(attr(score, "normalMaximum"))
        if self.processing is not None and _template(self.processing) == "match_correct":
            return Decimal(1)
        return None


def _template(rp: etree._Element) -> str | None:
    """'match_correct', 'map_response', 'map_response_point', another URI as is, or None (explicit rules)."""
    uri = attr(rp, "template") or attr(rp, "templateLocation")
    if not uri:
        return None
    base = uri.rstrip("/").rsplit("/", 1)[-1].removesuffix(".xml")
    return base if base in ("match_correct", "map_response", "map_response_point") else uri


def _describe(responses: dict[str, Any], varied: str) -> str:
    v = responses.get(varied)
    if v is None:
        shown = "no answer"
    elif isinstance(v, (Multi, Ordered)):
        shown = "[" + ", ".join(" ".join(x) if isinstance(x, tuple) else str(x) for x in v) + "]"
    else:
        shown = " ".join(v) if isinstance(v, tuple) else str(v)
    return f"{varied} = {shown}"


def wrong_responses(r: Response, interactions: list[etree._Element]) -> list[Any]:
    """Responses that differ from the key of ``r``, made from its interactions' choices (NULL first)."""
    key = r.correct
    out: list[Any] = [None]
    sets = [s for it in interactions for s in choice_ids(it)]
    every = sorted(set().union(*sets)) if sets else []
    max_choices = max((int(attr(it, "maxChoices") or 0) for it in interactions if (attr(it, "maxChoices") or "0").isdigit()), default=0)
    keys = list(_items(key))
    if r.base_type == "identifier":
        others = [c for c in every if c not in keys]
        if r.cardinality == "single":
            out += others
        elif r.cardinality == "multiple":
            out += [Multi([k for k in keys if k != drop]) or None for drop in keys if len(keys) > 1]
            if not max_choices or len(keys) < max_choices:
                out += [Multi(keys + [o]) for o in others]
            out += [Multi([o]) for o in others]
        elif r.cardinality == "ordered":
            for i in range(len(keys) - 1):
                swapped = keys[:]
                swapped[i], swapped[i + 1] = swapped[i + 1], swapped[i]
                out.append(Ordered(swapped))
    elif r.base_type in ("pair", "directedPair"):
        norm = (lambda a, b: tuple(sorted((a, b)))) if r.base_type == "pair" else (lambda a, b: (a, b))
        if r.cardinality == "single" and keys:
            a, b = keys[0]
            targets = sets[1] if len(sets) == 2 else set(every)
            out += [norm(a, t) for t in sorted(targets) if t not in (a, b)]
        elif keys:
            if len(keys) > 1:
                out += [Multi([k for k in keys if k != drop]) for drop in keys]
            for i in range(len(keys) - 1):
                (a, x), (b, y) = keys[i], keys[i + 1]
                if x != y:
                    swapped = keys[:]
                    swapped[i], swapped[i + 1] = norm(a, y), norm(b, x)
                    out.append(Multi(swapped))
    elif r.base_type == "string" and keys:
        out.append("\u2063not " + str(keys[0]))
    elif r.base_type in ("integer", "float") and keys and isinstance(keys[0], Decimal):
        out.append(keys[0] + 1)
    elif r.base_type == "boolean" and keys:
        out.append(not keys[0])
    return [w for w in out if w is None or not _same(w, key)][:MAX_WRONG_PER_RESPONSE]


def _key_from_mapping(r: Response) -> Any:
    """No correctResponse: the best-mapped value(s) stand in for the key."""
    if r.mapping is None or not r.mapping.entries:
        return None
    if r.cardinality == "single":
        return max(r.mapping.entries, key=lambda e: e[1])[0]
    keys = [k for k, v, _ in r.mapping.entries if v > 0]
    return container(keys, r.cardinality)


def check_qti2_scoring(root: etree._Element, budget: Budget | None = None) -> tuple[list[Finding], list[Finding]]:
    """(errors, warnings) from scoring the key and wrong responses under the item's own processing."""
    interactions = [el for el in root.iter() if isinstance(el.tag, str) and name(el).endswith("Interaction")]
    scored = [it for it in interactions if name(it) not in HUMAN_SCORED]
    if not scored:
        return [], []
    budget = budget or Budget()
    if not budget.start_item():
        return [], []
    item = Item(root, budget)
    errors = item.static_errors()
    if errors or item.processing is None:
        return errors, []  # the rules report a missing responseProcessing
    bound: dict[str, list[etree._Element]] = {}
    for it in scored:
        bound.setdefault(attr(it, "responseIdentifier") or "", []).append(it)
    key: dict[str, Any] = {}
    for rid in bound:
        r = item.responses.get(rid)
        if r is None:
            return [], []  # an undeclared response: the rules report it
        key[rid] = r.correct if r.has_correct else _key_from_mapping(r)
        if key[rid] is None:
            return [], [(r.el.sourceline, f"response '{rid}' has no correct response or mapping: its scoring was not checked")]
    line = item.processing.sourceline
    try:
        best = item.maximum(item.outcomes(key))
        got = item.score(key)
        if best is None and got <= 0:
            return [(line, f"the correct response scores {got}: a player marks the key wrong")], []
        if best is not None and got != best:
            return [(line, f"the correct response scores {got}, not the maximum {best}: a player marks the key wrong")], []
        bar = best if best is not None else got
        for rid in bound:
            for wrong in wrong_responses(item.responses[rid], bound[rid]):
                trial = {**key, rid: wrong}
                s = item.score(trial)
                if s >= bar:
                    what = f"the maximum {bar}" if best is not None else f"{s}, as much as the correct response"
                    return [(line, f"a wrong response ({_describe(trial, rid)}) scores {what}")], []
    except Unsupported as exc:
        return [], [(exc.line or line, f"scoring not checked: the evaluator does not know {exc}")]
    except (ValueError, TypeError, KeyError, IndexError, ArithmeticError) as exc:
        return [], [(line, f"scoring not checked: response processing the evaluator cannot follow ({type(exc).__name__}: {exc})")]
    return [], []


# --- QTI 1.2 ----------------------------------------------------------------------------------

def score_qti12(item: etree._Element, response: dict[str, list[str]], budget: Budget | None = None) -> Decimal:
    """SCORE after resprocessing; ``response`` maps respident -> selected label idents."""
    return Scorer12(item)(response, budget or Budget())


def _compile12(cond: etree._Element):
    """``_holds12`` for one condition, the element read once: the same steps spent, the same answer,
    an unknown construct raised only when it is reached."""
    n = local(cond)
    kids = [_compile12(c) for c in cond if isinstance(c.tag, str)]
    if n in ("conditionvar", "and"):
        def holds(response, budget):
            budget.spend(cond)
            return all(k(response, budget) for k in kids)
    elif n == "or":
        def holds(response, budget):
            budget.spend(cond)
            return any(k(response, budget) for k in kids)
    elif n == "not":
        first = kids[0] if kids else None

        def holds(response, budget):
            budget.spend(cond)
            return not first(response, budget) if first is not None else True
    elif n == "other":
        def holds(response, budget):
            budget.spend(cond)
            return True
    elif n == "varequal":
        value = (cond.text or "").strip()
        respident = cond.get("respident") or ""
        if cond.get("case", "No") == "Yes":
            def holds(response, budget):
                budget.spend(cond)
                return value in response.get(respident, [])
        else:
            low = value.lower()

            def holds(response, budget):
                budget.spend(cond)
                return low in (g.lower() for g in response.get(respident, []))
    elif n in ("vargte", "varlte", "vargt", "varlt"):
        bound = _dec((cond.text or "").strip())
        respident = cond.get("respident") or ""
        compare = {"vargte": lambda a, b: a >= b, "varlte": lambda a, b: a <= b,
                   "vargt": lambda a, b: a > b, "varlt": lambda a, b: a < b}[n]

        def holds(response, budget):
            budget.spend(cond)
            if bound is None:
                raise Unsupported(cond, f"<{n}> bound '{(cond.text or '').strip()}'")
            given = [_dec(g) for g in response.get(respident, [])]
            return any(g is not None and compare(g, bound) for g in given)
    else:
        def holds(response, budget):
            budget.spend(cond)
            raise Unsupported(cond)
    return holds


class Scorer12:
    """``score_qti12`` for one item, its resprocessing read once and then scored for many responses."""

    def __init__(self, item: etree._Element) -> None:
        self.processing = []
        for rp in item.iterchildren("{*}resprocessing"):
            defaults = [d.get("defaultval") for d in rp.iter("{*}decvar") if d.get("varname", "SCORE") == "SCORE"]
            conditions = []
            for rc in rp.iterchildren("{*}respcondition"):
                cv = next(rc.iterchildren("{*}conditionvar"), None)
                sets = [sv for sv in rc.iter("{*}setvar") if sv.get("varname", "SCORE") == "SCORE"]
                conditions.append((_compile12(cv) if cv is not None else None, sets, rc.get("continue", "No") == "No"))
            self.processing.append((defaults, conditions))

    def __call__(self, response: dict[str, list[str]], budget: Budget) -> Decimal:
        score = Decimal(0)
        for defaults, conditions in self.processing:
            for default in defaults:
                score = _dec(default, Decimal(0))
            for holds, sets, stop in conditions:
                if holds is not None and holds(response, budget):
                    for sv in sets:
                        value = _dec((sv.text or "").strip())
                        if value is None:
                            raise Unsupported(sv, f"setvar value '{(sv.text or '').strip()}'")
                        action = sv.get("action", "Set")
                        if action == "Set":
                            score = value
                        elif action == "Add":
                            score += value
                        elif action == "Subtract":
                            score -= value
                        elif action == "Multiply":
                            score *= value
                        elif action == "Divide" and value:
                            score /= value
                        else:
                            raise Unsupported(sv, f"setvar action '{action}'")
                    if stop:
                        break
        return score


def _declared_max(item: etree._Element) -> Decimal | None:
    """SCORE's decvar maxvalue (Canvas writes 100), or None."""
    declared = None
    for d in item.iter("{*}decvar"):
        if d.get("varname", "SCORE") == "SCORE":
            declared = _dec(d.get("maxvalue"), declared)
    return declared


def _not_checked(exc: Exception, line: int | None, ident: str | None) -> Finding:
    """The warning for a QTI 1.2 item whose scoring the evaluator could not follow."""
    if isinstance(exc, Unsupported):
        return (exc.line or line, f"item '{ident}': scoring not checked: the evaluator does not know {exc}")
    return (line, f"item '{ident}': scoring not checked: resprocessing the evaluator cannot follow "
                  f"({type(exc).__name__}: {exc})")


def check_qti12_scoring(item: etree._Element, budget: Budget | None = None) -> tuple[list[Finding], list[Finding]]:
    """(errors, warnings): exactly the key scores the maximum (decvar maxvalue, Canvas's 100)."""
    budget = budget or Budget()
    if not budget.start_item():
        return [], []
    lids = list(item.iter("{*}response_lid"))
    if not lids:
        return _check_qti12_number(item, budget)
    if next(item.iter("{*}response_str", "{*}response_num", "{*}response_xy", "{*}response_grp"), None) is not None:
        return [], []
    labels = {lid.get("ident") or "": [lab.get("ident") or "" for lab in lid.iter("{*}response_label")] for lid in lids}
    declared = _declared_max(item)  # decvar maxvalue (Canvas writes 100); without it, the best answer's score
    line = item.sourceline
    ident = item.get("ident")
    try:
        scorer = Scorer12(item)
        if len(lids) == 1:
            rid = lids[0].get("ident") or ""
            multiple = (lids[0].get("rcardinality") or "Single") != "Single"
            if multiple and len(labels[rid]) > 10:
                return [], [(line, f"item '{ident}': scoring not checked ({len(labels[rid])} labels are too many to try every answer)")]
            answers = ([list(c) for k in range(len(labels[rid]) + 1) for c in itertools.combinations(labels[rid], k)]
                       if multiple else [[]] + [[lab] for lab in labels[rid]])
            scores = [(scorer({rid: a}, budget), a) for a in answers]
            best = declared if declared is not None else max(s for s, _ in scores)
            full = [a for s, a in scores if s >= best and s > 0]
            if not full:
                return [(line, f"item '{ident}': no answer scores the maximum {best}: a player marks every answer wrong")], []
            if len(full) > 1:
                shown = " and ".join("[" + ", ".join(a) + "]" if multiple else (a[0] if a else "no answer") for a in full[:2])
                return [(line, f"item '{ident}': {shown} both score the maximum {best}: a wrong answer gets full marks")], []
            return [], []
        # several lids (matching): each lid's key is the label that scores most on its own
        key: dict[str, list[str]] = {}
        alone = []
        for rid, labs in labels.items():
            scored = [(scorer({rid: [lab]}, budget), lab) for lab in labs]
            if scored:
                top = max(scored, key=lambda s: s[0])
                key[rid] = [top[1]]
                alone.append(top[0])
        if not any(a > 0 for a in alone):
            return [], [(line, f"item '{ident}': scoring not checked: no single answer scores on its own "
                               "(answers scored only together)")]
        got = scorer(key, budget)
        best = declared if declared is not None else got
        if got < best:
            return [(line, f"item '{ident}': the best answer to each prompt together score {got}, not the maximum {best}")], []
        for rid, labs in labels.items():
            for lab in labs:
                if [lab] != key.get(rid):
                    trial = {**key, rid: [lab]}
                    if scorer(trial, budget) >= best:
                        return [(line, f"item '{ident}': a wrong answer ({rid} = {lab}) scores the maximum {best}")], []
    except (Unsupported, ValueError, TypeError, KeyError, IndexError, ArithmeticError) as exc:
        return [], [_not_checked(exc, line, ident)]
    return [], []


def _check_qti12_number(item: etree._Element, budget: Budget) -> tuple[list[Finding], list[Finding]]:
    """A numeric fill-in (one response_str with render_fib fibtype Decimal or Integer, Canvas's
    numerical_question): the numbers its conditions name are tried; exactly one of them, the key,
    must score the maximum, and no answer, the key + 1 and the key - 1 must score less."""
    strs = list(item.iter("{*}response_str", "{*}response_num"))
    fibs = [f for s in strs for f in s.iter("{*}render_fib")]
    if len(strs) != 1 or len(fibs) != 1 or (fibs[0].get("fibtype") or "String") not in ("Decimal", "Integer"):
        return [], []
    rid = strs[0].get("ident") or ""
    line, ident = item.sourceline, item.get("ident")
    declared = _declared_max(item)
    named = sorted({v for c in item.iter("{*}varequal", "{*}vargte", "{*}varlte")
                    if c.get("respident") == rid and (v := _dec((c.text or "").strip())) is not None})
    if not named:
        return [], [(line, f"item '{ident}': scoring not checked: no number named for '{rid}'")]
    try:
        scorer = Scorer12(item)
        scores = [(scorer({rid: [str(v)]}, budget), v) for v in named]
        best = declared if declared is not None else max(s for s, _ in scores)
        keys = [v for s, v in scores if s >= best and s > 0]
        if not keys:
            return [(line, f"item '{ident}': no number scores the maximum {best}: a player marks every answer wrong")], []
        low, high = min(keys), max(keys)
        for wrong in ([], [str(low - 1)], [str(high + 1)]):
            if scorer({rid: wrong}, budget) >= best:
                shown = wrong[0] if wrong else "no answer"
                return [(line, f"item '{ident}': a wrong answer ({shown}) scores the maximum {best}")], []
    except (Unsupported, ValueError, TypeError, KeyError, IndexError, ArithmeticError) as exc:
        return [], [_not_checked(exc, line, ident)]
    return [], []
