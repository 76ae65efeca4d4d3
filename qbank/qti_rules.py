"""Structural rules for QTI documents that a schema cannot express (see qbank/validate.py).

QTI 2.x and 3.0 are checked by one set of rules: 3.0's kebab-case names
(``qti-choice-interaction``, ``response-identifier``) are read as their 2.x camelCase.
Each check returns ``(line, message)`` pairs.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter

from lxml import etree

Finding = tuple[int, str]

# response processing templates that set SCORE (2.1/2.2 and 3.0 URIs end in these names)
SCORING_TEMPLATES = ("match_correct", "map_response", "map_response_point")
CHOICE_ELEMENTS = {
    "simpleChoice", "simpleAssociableChoice", "hottext", "gapText", "gapImg", "gap",
    "hotspotChoice", "associableHotspot", "inlineChoice",
}
# interactions whose responses a marker scores; an item with only these needs no SCORE rule
HUMAN_SCORED = {"extendedTextInteraction", "uploadInteraction", "drawingInteraction", "endAttemptInteraction"}


_LOCAL: dict[str, str] = {}  # tag ('{ns}name') -> local name; a handful of tags per format
_NAME: dict[str, str] = {}  # tag -> 2.x camelCase name


def local(el: etree._Element) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    try:
        return _LOCAL[tag]
    except KeyError:
        found = _LOCAL[tag] = tag.rpartition("}")[2]
        return found


def _camel(name: str) -> str:
    """'qti-choice-interaction' -> 'choiceInteraction'; 2.x names pass through."""
    if name.startswith("qti-"):
        name = name[4:]
    head, *rest = name.split("-")
    return head + "".join(w[:1].upper() + w[1:] for w in rest)


def name(el: etree._Element) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    try:
        return _NAME[tag]
    except KeyError:
        found = _NAME[tag] = _camel(local(el))
        return found


def attr(el: etree._Element, camel: str) -> str | None:
    """An attribute by its 2.x name, also found under its 3.0 kebab-case name."""
    if camel in el.attrib:
        return el.get(camel)
    kebab = re.sub(r"([A-Z])", lambda m: "-" + m.group(1).lower(), camel)
    return el.get(kebab)


def _elements(root: etree._Element, *names: str) -> list[etree._Element]:
    return [el for el in root.iter() if isinstance(el.tag, str) and name(el) in names]


class _Index:
    """Every element of a document by its 2.x name, in document order: one pass instead of one per rule."""

    def __init__(self, root: etree._Element) -> None:
        self.by_name: dict[str, list[tuple[int, etree._Element]]] = {}
        for n, el in enumerate(root.iter()):
            if isinstance(el.tag, str):
                self.by_name.setdefault(name(el), []).append((n, el))

    def find(self, *names: str) -> list[etree._Element]:
        """Elements with any of these names, in document order (as _elements gives them)."""
        lists = [self.by_name[n] for n in dict.fromkeys(names) if n in self.by_name]
        if len(lists) == 1:
            return [el for _, el in lists[0]]
        return [el for _, el in sorted(pair for found in lists for pair in found)] if lists else []


def _values(decl: etree._Element, container: str) -> list[etree._Element]:
    return [v for c in _elements(decl, container) for v in _elements(c, "value")]


def _choice_ids(interaction: etree._Element) -> list[set[str]]:
    """Choice identifiers of an interaction; a match interaction gives one set per match set."""
    if name(interaction) == "matchInteraction":
        return [{attr(c, "identifier") for c in _elements(s, *CHOICE_ELEMENTS)} for s in _elements(interaction, "simpleMatchSet")]
    return [{attr(c, "identifier") for c in _elements(interaction, *CHOICE_ELEMENTS)}]


def _check_key(line: int, what: str, value: str, base_type: str, sets: list[set[str]]) -> list[Finding]:
    every = set().union(*sets) if sets else set()
    if base_type == "identifier":
        return [] if value in every else [(line, f"{what} '{value}' names no choice of the interaction")]
    if base_type in ("pair", "directedPair"):
        parts = value.split()
        if len(parts) != 2:
            return [(line, f"{what} '{value}' is not a pair of identifiers")]
        if base_type == "directedPair" and len(sets) == 2:
            ok = parts[0] in sets[0] and parts[1] in sets[1]
        else:
            ok = parts[0] in every and parts[1] in every
        return [] if ok else [(line, f"{what} '{value}' names no pair of choices of the interaction")]
    return []


def check_qti2_item(root: etree._Element) -> list[Finding]:
    """Rules for a QTI 2.x/3.0 assessmentItem."""
    found: list[Finding] = []
    index = _Index(root)
    decls = {attr(d, "identifier"): d for d in index.find("responseDeclaration")}
    outcomes = {attr(d, "identifier") for d in index.find("outcomeDeclaration")}
    variables = [attr(d, "identifier") for d in index.find("responseDeclaration", "outcomeDeclaration", "templateDeclaration")]
    for v in sorted({v for v in variables if variables.count(v) > 1}):
        found.append((root.sourceline, f"variable '{v}' declared more than once"))
    choices = index.find(*CHOICE_ELEMENTS)
    ids = [attr(c, "identifier") for c in choices]
    for c in choices:
        if ids.count(attr(c, "identifier")) > 1:
            found.append((c.sourceline, f"choice identifier '{attr(c, 'identifier')}' is not unique in the item"))
    interactions = index.find(*sorted(n for n in index.by_name if n.endswith("Interaction")))
    bound: dict[str, list[etree._Element]] = {}
    for it in interactions:
        rid = attr(it, "responseIdentifier")
        if rid not in decls:
            found.append((it.sourceline, f"{local(it)} responseIdentifier '{rid}' is not declared"))
        bound.setdefault(rid or "", []).append(it)
    for rid, decl in decls.items():
        base_type, cardinality = attr(decl, "baseType") or "", attr(decl, "cardinality")
        sets = [s for it in bound.get(rid, []) for s in _choice_ids(it)]
        keyed = _values(decl, "correctResponse")
        if cardinality == "single" and len(keyed) > 1:
            found.append((decl.sourceline, f"response '{rid}' is single but has {len(keyed)} correct values"))
        if not bound.get(rid) or not any(sets):
            continue  # nothing to check against (e.g. text entry)
        for v in keyed:
            found += _check_key(v.sourceline, "correct response", (v.text or "").strip(), base_type, sets)
        for entry in _elements(decl, "mapEntry"):
            found += _check_key(entry.sourceline, "mapping key", attr(entry, "mapKey") or "", base_type, sets)
    scored = [it for it in interactions if name(it) not in HUMAN_SCORED]
    processing = index.find("responseProcessing")
    if scored:
        if "SCORE" not in outcomes:
            found.append((root.sourceline, "no SCORE outcome declared"))
        if not processing:
            found.append((root.sourceline, "no responseProcessing: a player would score every answer 0"))
        else:
            rp = processing[0]
            template = attr(rp, "template") or ""
            sets_score = any(attr(s, "identifier") == "SCORE" for s in _elements(rp, "setOutcomeValue"))
            if not sets_score and not template.rstrip("/").removesuffix(".xml").endswith(SCORING_TEMPLATES):
                found.append((rp.sourceline, "responseProcessing never sets SCORE: a correct answer would score 0"))
    for s in index.find("setOutcomeValue"):
        if attr(s, "identifier") not in outcomes:
            found.append((s.sourceline, f"setOutcomeValue of undeclared outcome '{attr(s, 'identifier')}'"))
    known = set(decls) | outcomes | {attr(d, "identifier") for d in index.find("templateDeclaration")}
    for v in index.find("variable", "correct", "mapResponse"):
        if attr(v, "identifier") not in known:
            found.append((v.sourceline, f"{local(v)} refers to undeclared variable '{attr(v, 'identifier')}'"))
    for f in index.find("modalFeedback", "feedbackBlock", "feedbackInline"):
        if attr(f, "outcomeIdentifier") not in outcomes:
            found.append((f.sourceline, f"feedback outcome '{attr(f, 'outcomeIdentifier')}' is not declared"))
    return found


def check_qti2_test(root: etree._Element, file: str, names: set[str]) -> list[Finding]:
    """Rules for a QTI 2.x/3.0 assessmentTest: unique identifiers, item hrefs inside the package."""
    found: list[Finding] = []
    parts = _elements(root, "testPart", "assessmentSection", "assessmentItemRef")
    ids = Counter(attr(p, "identifier") for p in parts)
    base = posixpath.dirname(file)
    lower = {n.lower(): n for n in names}
    for p in parts:
        if ids[attr(p, "identifier")] > 1:
            found.append((p.sourceline, f"identifier '{attr(p, 'identifier')}' is not unique in the test"))
        href = attr(p, "href")
        if href and not re.match(r"[a-z]+:", href):
            target = posixpath.normpath(posixpath.join(base, href))
            if target not in names:
                hint = f" (case differs from '{lower[target.lower()]}')" if target.lower() in lower else ""
                found.append((p.sourceline, f"href '{href}' is not in the package{hint}"))
    return found


def check_qti12(root: etree._Element) -> list[Finding]:
    """Rules for a QTI 1.2 questestinterop (Canvas flavour included)."""
    found: list[Finding] = []
    tagged = [(el, local(el)) for el in root.iter()]  # each element's name found once, not once per rule
    idents = Counter(el.get("ident") for el, tag in tagged if tag in ("assessment", "section", "item"))
    for el, tag in tagged:
        if tag in ("assessment", "section", "item") and idents[el.get("ident")] > 1:
            found.append((el.sourceline, f"{tag} ident '{el.get('ident')}' is not unique"))
    for item in (el for el, tag in tagged if tag == "item"):
        inside = [(el, local(el)) for el in item.iter()]
        responses = {el.get("ident"): el for el, tag in inside if tag.startswith("response_") and tag != "response_label"}
        labels = {r: {lab.get("ident") for lab in el.iter() if local(lab) == "response_label"} for r, el in responses.items()}
        feedback = {el.get("ident") for el, tag in inside if tag == "itemfeedback"}
        processing = [el for el in item if local(el) == "resprocessing"]
        in_processing = [(d, local(d)) for rp in processing for d in rp.iter()]
        declared = {d.get("varname", "SCORE") for d, tag in in_processing if tag == "decvar"}
        keyed = False
        for rp in processing:
            if not any(local(c) == "respcondition" for c in rp):
                found.append((rp.sourceline, "resprocessing has no respcondition"))
        for el, tag in inside:
            if tag.startswith("var") and el.get("respident") is not None:
                keyed = True
                rid = el.get("respident")
                if rid not in responses:
                    found.append((el.sourceline, f"{tag} respident '{rid}' names no response"))
                elif local(responses[rid]) == "response_lid" and (el.text or "").strip() not in labels[rid]:
                    found.append((el.sourceline, f"{tag} value '{(el.text or '').strip()}' names no response_label of '{rid}'"))
            elif tag == "setvar" and el.get("varname", "SCORE") not in declared:
                found.append((el.sourceline, f"setvar of undeclared variable '{el.get('varname', 'SCORE')}'"))
            elif tag == "displayfeedback" and el.get("linkrefid") not in feedback:
                found.append((el.sourceline, f"displayfeedback names no itemfeedback '{el.get('linkrefid')}'"))
        lids = any(local(r) == "response_lid" for r in responses.values())
        sets_score = any(tag == "setvar" and el.get("varname", "SCORE") == "SCORE" for el, tag in in_processing)
        if (keyed or lids) and not sets_score:
            found.append((item.sourceline, f"item '{item.get('ident')}' never sets SCORE: a correct answer would score 0"))
    return found
