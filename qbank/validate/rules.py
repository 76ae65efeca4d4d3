"""Structural rules for QTI documents that a schema cannot express (see qbank/validate/__init__.py).

QTI 2.x and 3.0 are checked by one set of rules: 3.0's kebab-case names
(``qti-choice-interaction``, ``response-identifier``) are read as their 2.x camelCase.
Each check returns ``(line, message)`` pairs.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections import Counter
from functools import lru_cache
from urllib.parse import unquote

from lxml import etree

Finding = tuple[int, str]

# response processing templates that set SCORE (2.1/2.2 and 3.0 URIs end in these names)
SCORING_TEMPLATES = ("match_correct", "map_response", "map_response_point")
CHOICE_ELEMENTS = {
    "simpleChoice", "simpleAssociableChoice", "hottext", "gapText", "gapImg", "gap",
    "hotspotChoice", "associableHotspot", "inlineChoice",
}
# interaction -> (base types, cardinalities) its response variable may have (QTI 2.1 section 3.2)
INTERACTION_TYPES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "choiceInteraction": (("identifier",), ("single", "multiple")),
    "orderInteraction": (("identifier",), ("ordered",)),
    "associateInteraction": (("pair",), ("single", "multiple")),
    "matchInteraction": (("directedPair",), ("single", "multiple")),
    "gapMatchInteraction": (("directedPair",), ("single", "multiple")),
    "inlineChoiceInteraction": (("identifier",), ("single",)),
    "textEntryInteraction": (("string", "integer", "float"), ("single",)),
    "extendedTextInteraction": (("string", "integer", "float"), ("single", "multiple", "ordered")),
    "hottextInteraction": (("identifier",), ("single", "multiple")),
    "hotspotInteraction": (("identifier",), ("single", "multiple")),
    "selectPointInteraction": (("point",), ("single", "multiple")),
    "graphicOrderInteraction": (("identifier",), ("ordered",)),
    "graphicAssociateInteraction": (("pair",), ("single", "multiple")),
    "graphicGapMatchInteraction": (("directedPair",), ("single", "multiple")),
    "positionObjectInteraction": (("point",), ("single", "multiple")),
    "sliderInteraction": (("integer", "float"), ("single",)),
    "mediaInteraction": (("integer",), ("single",)),
    "uploadInteraction": (("file",), ("single",)),
    "drawingInteraction": (("file",), ("single",)),
    "endAttemptInteraction": (("boolean",), ("single",)),
}
# Canvas's question_type values (Classic Quizzes' QTI importer; New Quizzes reads the same)
CANVAS_QUESTION_TYPES = {
    "multiple_choice_question", "true_false_question", "short_answer_question", "fill_in_multiple_blanks_question",
    "multiple_answers_question", "multiple_dropdowns_question", "matching_question", "numerical_question",
    "calculated_question", "essay_question", "file_upload_question", "text_only_question",
}
# elements and the attribute that names a file the player loads (QTI 2.x/3.0 and 1.2)
MEDIA_REFS = {"img": "src", "object": "data", "source": "src", "track": "src", "audio": "src", "video": "src",
              "include": "href", "stylesheet": "href", "matimage": "uri", "mataudio": "uri", "matvideo": "uri",
              "matapplet": "uri", "matapplication": "uri"}
CANVAS_FILEBASE = "$IMS-CC-FILEBASE$/"  # Canvas's name for the package's web_resources/ folder

# interactions whose responses a marker scores; an item with only these needs no SCORE rule
HUMAN_SCORED = {"extendedTextInteraction", "uploadInteraction", "drawingInteraction", "endAttemptInteraction"}


def local(el: etree._Element) -> str:
    """The local name of an element ('' for comments and processing instructions)."""
    tag = el.tag
    try:
        return _LOCAL[tag]
    except KeyError:
        return _remember(_LOCAL, tag, tag.rpartition("}")[2] if isinstance(tag, str) else "")


def _remember(table: dict[object, str], tag: object, found: str) -> str:
    """Store a tag's name in a memo of at most _TAGS entries (a hostile document may use any
    number of tag names: the memo is emptied, not grown)."""
    if len(table) >= _TAGS:
        table.clear()
    table[tag] = found
    return found


_TAGS = 4096
_LOCAL: dict[object, str] = {}  # tag ('{namespace}name') -> local name: asked millions of times per package
_NAME: dict[object, str] = {}  # tag -> 2.x camelCase name


@lru_cache(maxsize=1024)
def _camel(name: str) -> str:
    """'qti-choice-interaction' -> 'choiceInteraction'; 2.x names pass through."""
    if name.startswith("qti-"):
        name = name[4:]
    head, *rest = name.split("-")
    return head + "".join(w[:1].upper() + w[1:] for w in rest)


def name(el: etree._Element) -> str:
    tag = el.tag
    try:
        return _NAME[tag]
    except KeyError:
        return _remember(_NAME, tag, _camel(local(el)))


def attr(el: etree._Element, camel: str) -> str | None:
    """An attribute by its 2.x name, also found under its 3.0 kebab-case name."""
    if camel in el.attrib:
        return el.get(camel)
    kebab = re.sub(r"([A-Z])", lambda m: "-" + m.group(1).lower(), camel)
    return el.get(kebab)


def _elements(root: etree._Element, *names: str) -> list[etree._Element]:
    """Elements of the subtree (root included) with any of these names, in document order.

    A document's root is looked at once (``_by_name``), not once per rule; subtrees are scanned."""
    if root.getparent() is not None:
        return [el for el in root.iter() if isinstance(el.tag, str) and name(el) in names]
    index = _by_name(root)
    if len(names) == 1:
        return [el for _, el in index.get(names[0], ())]
    return [el for _, el in sorted((e for n in set(names) for e in index.get(n, ())), key=lambda e: e[0])]


_INDEXES: list[tuple[etree._Element, dict[str, list[tuple[int, etree._Element]]]]] = []


def _by_name(root: etree._Element) -> dict[str, list[tuple[int, etree._Element]]]:
    """name -> (position, element) of every element of a document, in document order (the last few
    documents are kept: each rule of a document asks again)."""
    for seen, index in _INDEXES:
        if seen is root:
            return index
    index: dict[str, list[tuple[int, etree._Element]]] = {}
    for n, el in enumerate(root.iter()):
        if isinstance(el.tag, str):
            index.setdefault(name(el), []).append((n, el))
    _INDEXES.insert(0, (root, index))
    del _INDEXES[2:]
    return index


def _values(decl: etree._Element, container: str) -> list[etree._Element]:
    return [v for c in _elements(decl, container) for v in _elements(c, "value")]


def choice_ids(interaction: etree._Element) -> list[set[str]]:
    """Choice identifiers of an interaction; a match interaction gives one set per match set,
    a gap match its texts (or images) then its gaps, the source and target of a directedPair."""
    if name(interaction) == "matchInteraction":
        return [{attr(c, "identifier") for c in _elements(s, *CHOICE_ELEMENTS)} for s in _elements(interaction, "simpleMatchSet")]
    if name(interaction) in ("gapMatchInteraction", "graphicGapMatchInteraction"):
        sources = {attr(c, "identifier") for c in _elements(interaction, "gapText", "gapImg")}
        targets = {attr(c, "identifier") for c in _elements(interaction, "gap", "associableHotspot")}
        return [sources, targets]
    return [{attr(c, "identifier") for c in _elements(interaction, *CHOICE_ELEMENTS)}]


def _check_key(line: int, what: str, value: str, base_type: str, sets: list[set[str]],
               every: set[str] | None = None) -> list[Finding]:
    every = every if every is not None else (set().union(*sets) if sets else set())
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
    decls = {attr(d, "identifier"): d for d in _elements(root, "responseDeclaration")}
    outcomes = {attr(d, "identifier") for d in _elements(root, "outcomeDeclaration")}
    variables = [attr(d, "identifier") for d in _elements(root, "responseDeclaration", "outcomeDeclaration", "templateDeclaration")]
    counts = Counter(variables)
    for v in sorted({v for v in variables if counts[v] > 1}):
        found.append((root.sourceline, f"variable '{v}' declared more than once"))
    choices = _elements(root, *CHOICE_ELEMENTS)
    ids = Counter(attr(c, "identifier") for c in choices)
    for c in choices:
        if ids[attr(c, "identifier")] > 1:
            found.append((c.sourceline, f"choice identifier '{attr(c, 'identifier')}' is not unique in the item"))
    interactions = _elements(root, *(n for n in _by_name(root) if n.endswith("Interaction"))) \
        if root.getparent() is None else [el for el in root.iter() if isinstance(el.tag, str) and name(el).endswith("Interaction")]
    bound: dict[str, list[etree._Element]] = {}
    for it in interactions:
        rid = attr(it, "responseIdentifier")
        if rid not in decls:
            found.append((it.sourceline, f"{local(it)} responseIdentifier '{rid}' is not declared"))
        bound.setdefault(rid or "", []).append(it)
    for it in interactions:
        decl = decls.get(attr(it, "responseIdentifier"))
        fit = INTERACTION_TYPES.get(name(it))
        if decl is None or fit is None:
            continue
        base_type, cardinality = attr(decl, "baseType") or "", attr(decl, "cardinality") or ""
        if base_type not in fit[0] or cardinality not in fit[1]:
            found.append((it.sourceline, f"{local(it)} needs a response of baseType {'/'.join(fit[0])} and cardinality "
                                         f"{'/'.join(fit[1])}; '{attr(it, 'responseIdentifier')}' is {cardinality} {base_type}"))
        limit = attr(it, "maxChoices")
        if cardinality == "single" and limit is not None and limit != "1":
            found.append((it.sourceline, f"{local(it)} allows maxChoices={limit} but response "
                                         f"'{attr(it, 'responseIdentifier')}' is single"))
    for rid, decl in decls.items():
        base_type, cardinality = attr(decl, "baseType") or "", attr(decl, "cardinality")
        sets = [s for it in bound.get(rid, []) for s in choice_ids(it)]
        keyed = _values(decl, "correctResponse")
        if cardinality == "single" and len(keyed) > 1:
            found.append((decl.sourceline, f"response '{rid}' is single but has {len(keyed)} correct values"))
        if not bound.get(rid) or not any(sets):
            continue  # nothing to check against (e.g. text entry)
        every = set().union(*sets)
        for v in keyed:
            found += _check_key(v.sourceline, "correct response", (v.text or "").strip(), base_type, sets, every)
        for entry in _elements(decl, "mapEntry"):
            found += _check_key(entry.sourceline, "mapping key", attr(entry, "mapKey") or "", base_type, sets, every)
    scored = [it for it in interactions if name(it) not in HUMAN_SCORED]
    processing = _elements(root, "responseProcessing")
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
    for s in _elements(root, "setOutcomeValue"):
        if attr(s, "identifier") not in outcomes:
            found.append((s.sourceline, f"setOutcomeValue of undeclared outcome '{attr(s, 'identifier')}'"))
    known = set(decls) | outcomes | {attr(d, "identifier") for d in _elements(root, "templateDeclaration")}
    for v in _elements(root, "variable", "correct", "mapResponse"):
        if attr(v, "identifier") not in known:
            found.append((v.sourceline, f"{local(v)} refers to undeclared variable '{attr(v, 'identifier')}'"))
    for f in _elements(root, "modalFeedback", "feedbackBlock", "feedbackInline"):
        if attr(f, "outcomeIdentifier") not in outcomes:
            found.append((f.sourceline, f"feedback outcome '{attr(f, 'outcomeIdentifier')}' is not declared"))
    return found


class _Lower:
    """``{name.lower(): name for name in names}``, built on first use."""

    def __init__(self, names) -> None:
        self.names, self.map = names, None

    def _get(self) -> dict[str, str]:
        if self.map is None:
            self.map = {n.lower(): n for n in self.names}
        return self.map

    def __contains__(self, key: str) -> bool:
        return key in self._get()

    def __getitem__(self, key: str) -> str:
        return self._get()[key]


def _is_local(ref: str) -> bool:
    return bool(ref) and not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", ref) and not ref.startswith(("#", "//"))


def check_media(root: etree._Element, file: str, names: set[str]) -> list[Finding]:
    """Files an item or assessment loads (img, object, audio, matimage, Canvas HTML src) that the package lacks."""
    found: list[Finding] = []
    base = posixpath.dirname(file)
    lower = _Lower(names)  # built only when a reference is missing: one per document made this quadratic

    def missing(line: int, what: str, ref: str, target: str) -> None:
        target = posixpath.normpath(target)
        if target.startswith("../") or target == ".." or target.startswith("/"):
            found.append((line, f"{what} '{ref}' points outside the package"))
        elif target not in names:
            hint = f" (case differs from '{lower[target.lower()]}')" if target.lower() in lower else ""
            found.append((line, f"{what} '{ref}' is not in the package{hint}"))

    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        key = MEDIA_REFS.get(name(el))
        ref = (el.get(key) or "").strip() if key else ""
        if ref and _is_local(ref):
            path = unquote(ref.split("#", 1)[0].split("?", 1)[0])
            if path.startswith(CANVAS_FILEBASE):
                missing(el.sourceline, f"{local(el)} {key}", ref, "web_resources/" + path[len(CANVAS_FILEBASE):])
            elif path:
                missing(el.sourceline, f"{local(el)} {key}", ref, posixpath.join(base, path))
        if local(el) == "mattext" and "html" in (el.get("texttype") or "") and el.text:
            for m in re.finditer(r"""\bsrc\s*=\s*["']([^"']+)["']""", el.text):
                ref = html.unescape(m.group(1)).strip()
                if _is_local(ref):
                    path = unquote(ref.split("#", 1)[0].split("?", 1)[0])
                    if path.startswith(CANVAS_FILEBASE):
                        path = "web_resources/" + path[len(CANVAS_FILEBASE):]
                    else:
                        path = posixpath.join(base, path)
                    missing(el.sourceline, "mattext src", ref, path)
    return found


def check_qti2_test(root: etree._Element, file: str, names: set[str]) -> list[Finding]:
    """Rules for a QTI 2.x/3.0 assessmentTest: unique identifiers, item hrefs inside the package."""
    found: list[Finding] = []
    parts = _elements(root, "testPart", "assessmentSection", "assessmentItemRef")
    ids = Counter(attr(p, "identifier") for p in parts)
    base = posixpath.dirname(file)
    lower = _Lower(names)  # built only when a reference is missing: one per document made this quadratic
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
    idents = Counter(el.get("ident") for el in root.iter("{*}assessment", "{*}section", "{*}item"))
    for el in root.iter("{*}assessment", "{*}section", "{*}item"):
        if idents[el.get("ident")] > 1:
            found.append((el.sourceline, f"{local(el)} ident '{el.get('ident')}' is not unique"))
    for item in root.iter("{*}item"):
        for field in item.iter("{*}qtimetadatafield"):
            label = next(field.iterchildren("{*}fieldlabel"), None)
            entry = next(field.iterchildren("{*}fieldentry"), None)
            if label is not None and (label.text or "").strip() == "question_type":
                qtype = (entry.text or "").strip() if entry is not None else ""
                if qtype not in CANVAS_QUESTION_TYPES:
                    found.append(((entry if entry is not None else field).sourceline,
                                  f"unknown Canvas question_type '{qtype}': Canvas skips the item"))
        responses = {el.get("ident"): el for el in item.iter() if local(el).startswith("response_") and local(el) != "response_label"}
        labels = {r: {lab.get("ident") for lab in el.iter("{*}response_label")} for r, el in responses.items()}
        feedback = {el.get("ident") for el in item.iter("{*}itemfeedback")}
        processing = list(item.iterchildren("{*}resprocessing"))
        declared = {d.get("varname", "SCORE") for rp in processing for d in rp.iter("{*}decvar")}
        keyed = False
        for rp in processing:
            if not next(rp.iterchildren("{*}respcondition"), None) is not None:
                found.append((rp.sourceline, "resprocessing has no respcondition"))
        for el in item.iter():
            tag = local(el)
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
        sets_score = any(el.get("varname", "SCORE") == "SCORE" for rp in processing for el in rp.iter("{*}setvar"))
        if (keyed or lids) and not sets_score:
            found.append((item.sourceline, f"item '{item.get('ident')}' never sets SCORE: a correct answer would score 0"))
    return found
