"""The floor: bare lxml (or, for GIFT and JSON, bare string/json) writing of K multiple-choice
items in every format qbank writes, with no qbank code.

Each floor writes the same shape qbank writes for a multiple-choice item, with the least
work: Moodle XML (one file), GIFT (one file), bank JSON, a QTI 2.1 and a QTI 3.0 content
package (one item per file with scoring and feedback, a test, a manifest), a Canvas QTI 1.2
zip (one assessment of 20 items per topic, with its meta file and the manifest) and an HTML
preview (one page per 20 items and an index). Zips are stored, not deflated, as qbank's are.
Nothing here validates, shuffles or audits, and all text is made before the clock starts.

    python benchmarks/floor.py 10000 floor-out
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import zipfile
from pathlib import Path

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth_topics import mc_records  # noqa: E402

QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"


def _text(parent: etree._Element, tag: str, text: str, html: bool = True) -> None:
    el = etree.SubElement(parent, tag, format="html") if html else etree.SubElement(parent, tag)
    etree.SubElement(el, "text").text = etree.CDATA(f"<p>{text}</p>" if html else text)


def moodle_xml(records: list, path: Path) -> None:
    quiz = etree.Element("quiz")
    for n, (title, stem, options) in enumerate(records):
        q = etree.SubElement(quiz, "question", type="multichoice")
        _text(q, "name", title, html=False)
        _text(q, "questiontext", stem)
        _text(q, "generalfeedback", f"{title}. Source: synthetic topic.")
        etree.SubElement(q, "defaultgrade").text = "1"
        etree.SubElement(q, "idnumber").text = f"item-{n}"
        etree.SubElement(q, "single").text = "true"
        etree.SubElement(q, "shuffleanswers").text = "true"
        for text, correct, feedback in options:
            a = etree.SubElement(q, "answer", fraction="100" if correct else "0", format="html")
            etree.SubElement(a, "text").text = etree.CDATA(text)
            _text(a, "feedback", feedback)
    etree.ElementTree(quiz).write(str(path), xml_declaration=True, encoding="UTF-8")


def qti21_zip(records: list, path: Path) -> None:
    _qti2_zip(records, path, QTI2)


def qti30_zip(records: list, path: Path) -> None:
    _qti2_zip(records, path, QTI3)


class _Names:
    """QTI 2.1 (camelCase) or 3.0 (qti- kebab-case) element and attribute names."""

    def __init__(self, ns: str, kebab: bool, cp: str, item_type: str, test_type: str) -> None:
        self.ns, self.kebab, self.cp, self.item_type, self.test_type = ns, kebab, cp, item_type, test_type
        self._cache: dict[str, str] = {}

    def __call__(self, camel: str) -> str:
        if camel not in self._cache:
            if self.kebab:
                kebab = "".join("-" + c.lower() if c.isupper() else c for c in camel)
                self._cache[camel] = f"{{{self.ns}}}qti-{kebab}"
            else:
                self._cache[camel] = f"{{{self.ns}}}{camel}"
        return self._cache[camel]

    def attr(self, camel: str) -> str:
        return "".join("-" + c.lower() if c.isupper() else c for c in camel) if self.kebab else camel


QTI2 = _Names(QTI, False, "http://www.imsglobal.org/xsd/imscp_v1p1", "imsqti_item_xmlv2p1", "imsqti_test_xmlv2p1")
QTI3 = _Names("http://www.imsglobal.org/xsd/imsqtiasi_v3p0", True,
              "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1", "imsqti_item_xmlv3p0", "imsqti_test_xmlv3p0")


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, tag, attrs)
    if text is not None:
        el.text = text
    return el


def _qti2_item(q: _Names, ident: str, title: str, stem: str, options: list, general: str) -> bytes:
    a = q.attr
    item = etree.Element(q("assessmentItem"), {"identifier": ident, "title": title, "adaptive": "false",
                                               a("timeDependent"): "false"}, nsmap={None: q.ns, "xsi": XSI})
    rd = _sub(item, q("responseDeclaration"), identifier="RESPONSE", cardinality="single", **{a("baseType"): "identifier"})
    key = next(n for n, o in enumerate(options) if o[1])
    _sub(_sub(rd, q("correctResponse")), q("value"), f"C{key}")
    for name, card, base in (("SCORE", "single", "float"), ("MAXSCORE", "single", "float"),
                             ("FEEDBACK", "multiple", "identifier")):
        od = _sub(item, q("outcomeDeclaration"), identifier=name, cardinality=card, **{a("baseType"): base})
        if name != "FEEDBACK":
            _sub(_sub(od, q("defaultValue")), q("value"), "0" if name == "SCORE" else "1")
    body = _sub(item, q("itemBody"))
    ci = _sub(body, q("choiceInteraction"), **{a("responseIdentifier"): "RESPONSE", "shuffle": "true",
                                               a("maxChoices"): "1"})
    _sub(ci, q("prompt"), stem)
    for n, (text, _, _) in enumerate(options):
        _sub(ci, q("simpleChoice"), text, identifier=f"C{n}")
    rp = _sub(item, q("responseProcessing"))
    cond = _sub(rp, q("responseCondition"))
    for branch, verdict, score in (("responseIf", "CORRECT", "1"), ("responseElse", "INCORRECT", "0")):
        br = _sub(cond, q(branch))
        if branch == "responseIf":
            match = _sub(br, q("match"))
            _sub(match, q("variable"), identifier="RESPONSE")
            _sub(match, q("correct"), identifier="RESPONSE")
        _sub(_sub(br, q("setOutcomeValue"), identifier="SCORE"), q("baseValue"), score, **{a("baseType"): "float"})
        mult = _sub(_sub(br, q("setOutcomeValue"), identifier="FEEDBACK"), q("multiple"))
        _sub(mult, q("variable"), identifier="RESPONSE")
        _sub(mult, q("baseValue"), verdict, **{a("baseType"): "identifier"})
        _sub(mult, q("baseValue"), "GENERAL", **{a("baseType"): "identifier"})
    feedback = [("CORRECT", "Your answer is correct."), ("INCORRECT", "Your answer is incorrect.")]
    feedback += [(f"C{n}", fb) for n, (_, _, fb) in enumerate(options)] + [("GENERAL", general)]
    for fid, text in feedback:
        _sub(_sub(item, q("modalFeedback"), identifier=fid, **{a("outcomeIdentifier"): "FEEDBACK",
                                                               a("showHide"): "show"}), q("p"), text)
    return etree.tostring(item, xml_declaration=True, encoding="UTF-8")


def _qti2_zip(records: list, path: Path, q: _Names) -> None:
    cp = q.cp
    manifest = etree.Element(f"{{{cp}}}manifest", nsmap={None: cp}, identifier="floor")
    etree.SubElement(manifest, f"{{{cp}}}organizations")
    resources = etree.SubElement(manifest, f"{{{cp}}}resources")
    test_res = _sub(resources, f"{{{cp}}}resource", identifier="res-test", type=q.test_type, href="assessment.xml")
    _sub(test_res, f"{{{cp}}}file", href="assessment.xml")
    test = etree.Element(q("assessmentTest"), identifier="test", title="floor", nsmap={None: q.ns})
    part = _sub(test, q("testPart"), identifier="part-1", **{q.attr("navigationMode"): "nonlinear",
                                                              q.attr("submissionMode"): "simultaneous"})
    section = None
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        for n, (title, stem, options) in enumerate(records):
            if n % 20 == 0:
                section = _sub(part, q("assessmentSection"), identifier=f"section-{n // 20}", title=title, visible="true")
            href = f"items/item-{n}.xml"
            zf.writestr(href, _qti2_item(q, f"item-{n}", title, stem, options, f"{title}. Source: synthetic topic."))
            _sub(section, q("assessmentItemRef"), identifier=f"item-{n}", href=href)
            _sub(test_res, f"{{{cp}}}dependency", identifierref=f"res-item-{n}")
            res = _sub(resources, f"{{{cp}}}resource", identifier=f"res-item-{n}", type=q.item_type, href=href)
            _sub(res, f"{{{cp}}}file", href=href)
        zf.writestr("assessment.xml", etree.tostring(test, xml_declaration=True, encoding="UTF-8"))
        zf.writestr("imsmanifest.xml", etree.tostring(manifest, xml_declaration=True, encoding="UTF-8"))


QTI12 = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"


def _s12(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    return _sub(parent, f"{{{QTI12}}}{tag}", text, **attrs)


def _mattext(parent: etree._Element, text: str) -> None:
    _s12(_s12(parent, "material"), "mattext", f"<p>{text}</p>", texttype="text/html")


def _qti12_assessment(ident: str, chunk: list) -> bytes:
    root = etree.Element(f"{{{QTI12}}}questestinterop", nsmap={None: QTI12})
    section = _s12(_s12(root, "assessment", ident=ident, title=ident), "section", ident="root_section")
    for n, (title, stem, options) in chunk:
        item = _s12(section, "item", ident=f"item-{n}", title=title)
        meta = _s12(_s12(item, "itemmetadata"), "qtimetadata")
        for label, entry in (("question_type", "multiple_choice_question"), ("points_possible", "1.0"),
                             ("original_answer_ids", ",".join(f"C{k}" for k in range(len(options))))):
            field = _s12(meta, "qtimetadatafield")
            _s12(field, "fieldlabel", label)
            _s12(field, "fieldentry", entry)
        pres = _s12(item, "presentation")
        _mattext(pres, stem)
        choice = _s12(_s12(pres, "response_lid", ident="response1", rcardinality="Single"), "render_choice")
        for k, (text, _, _) in enumerate(options):
            _mattext(_s12(choice, "response_label", ident=f"C{k}"), text)
        rp = _s12(item, "resprocessing")
        _s12(_s12(rp, "outcomes"), "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
        for k, (_, correct, _) in enumerate(options):
            cond = _s12(rp, "respcondition", **{"continue": "Yes"})
            _s12(_s12(cond, "conditionvar"), "varequal", f"C{k}", respident="response1")
            _s12(cond, "displayfeedback", feedbacktype="Response", linkrefid=f"C{k}_fb")
        key = next(k for k, o in enumerate(options) if o[1])
        cond = _s12(rp, "respcondition", **{"continue": "No"})
        _s12(_s12(cond, "conditionvar"), "varequal", f"C{key}", respident="response1")
        _s12(cond, "setvar", "100", action="Set", varname="SCORE")
        for k, (_, _, fb) in enumerate(options):
            _mattext(_s12(_s12(item, "itemfeedback", ident=f"C{k}_fb"), "flow_mat"), fb)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def qti12_zip(records: list, path: Path) -> None:
    cp = QTI2.cp
    manifest = etree.Element(f"{{{cp}}}manifest", nsmap={None: cp}, identifier="floor")
    etree.SubElement(manifest, f"{{{cp}}}organizations")
    resources = etree.SubElement(manifest, f"{{{cp}}}resources")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        for start in range(0, len(records), 20):
            ident = f"assessment-{start // 20}"
            chunk = list(enumerate(records[start:start + 20], start=start))
            zf.writestr(f"{ident}/{ident}.xml", _qti12_assessment(ident, chunk))
            quiz = etree.Element("quiz", identifier=ident)
            _sub(quiz, "title", ident)
            _sub(quiz, "points_possible", f"{len(chunk)}.0")
            zf.writestr(f"{ident}/assessment_meta.xml", etree.tostring(quiz, xml_declaration=True, encoding="UTF-8"))
            res = _sub(resources, f"{{{cp}}}resource", identifier=ident, type="imsqti_xmlv1p2")
            _sub(res, f"{{{cp}}}file", href=f"{ident}/{ident}.xml")
        zf.writestr("imsmanifest.xml", etree.tostring(manifest, xml_declaration=True, encoding="UTF-8"))


_GIFT = str.maketrans({c: "\\" + c for c in "~=#{}:\\"})


def gift(records: list, path: Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for n, (title, stem, options) in enumerate(records):
            opts = " ".join(f"{'=' if correct else '~'}<p>{text.translate(_GIFT)}</p>#<p>{fb.translate(_GIFT)}</p>"
                            for text, correct, fb in options)
            fh.write(f"// item-{n}\n::{title.translate(_GIFT)}::[html]<p>{stem.translate(_GIFT)}</p>{{\n"
                     f"{opts}\n####<p>{title.translate(_GIFT)}. Source: synthetic topic.</p>\n}}\n\n")


def bank_json(records: list, path: Path) -> None:
    items = [{"id": f"item-{n}", "kind": "mc", "title": title, "stem": stem,
              "choices": [{"text": t, "correct": c, "feedback": f} for t, c, f in options],
              "general_feedback": f"{title}. Source: synthetic topic."}
             for n, (title, stem, options) in enumerate(records)]
    with open(path, "w", encoding="utf-8") as fh:
        json.dump({"items": items}, fh, ensure_ascii=False, indent=2)


def preview(records: list, path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)
    index = etree.Element("html")
    links = _sub(_sub(index, "body"), "ul")
    for start in range(0, len(records), 20):
        page = etree.Element("html")
        head = _sub(page, "head")
        _sub(head, "meta", charset="utf-8")
        _sub(head, "title", f"page {start // 20}")
        body = _sub(page, "body")
        for n, (title, stem, options) in enumerate(records[start:start + 20], start=start):
            sec = _sub(body, "section", id=f"item-{n}")
            _sub(sec, "h3", title)
            _sub(sec, "p", stem)
            ol = _sub(sec, "ol")
            for text, correct, fb in options:
                li = _sub(ol, "li", text, **({"class": "key"} if correct else {}))
                _sub(li, "small", fb)
            _sub(_sub(sec, "details"), "summary", f"{title}. Source: synthetic topic.")
        href = f"page-{start // 20}.html"
        (path / href).write_bytes(etree.tostring(page, method="html", encoding="UTF-8", doctype="<!DOCTYPE html>"))
        _sub(_sub(links, "li"), "a", href, href=href)
    (path / "index.html").write_bytes(etree.tostring(index, method="html", encoding="UTF-8", doctype="<!DOCTYPE html>"))


FLOORS = {"moodle-xml": moodle_xml, "gift": gift, "bank-json": bank_json, "qti21": qti21_zip,
          "qti12-canvas": qti12_zip, "qti30": qti30_zip, "preview": preview}


def time_floors(k: int, out_dir: Path, seed: int = 0) -> dict[str, float]:
    """CPU seconds for each floor writer on the same ``k`` items (item text made outside the timing).

    CPU, not wall: the floor is compared with qbank's writer tasks, which are timed in CPU too,
    and CPU time does not grow with other load on a shared machine."""
    records = list(mc_records(k, seed))
    out_dir.mkdir(parents=True, exist_ok=True)
    times = {}
    for name, write in FLOORS.items():
        start = time.process_time()
        write(records, out_dir / f"floor-{name}")
        times[name] = time.process_time() - start
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("k", type=int)
    parser.add_argument("out_dir", type=Path)
    args = parser.parse_args()
    for name, seconds in time_floors(args.k, args.out_dir).items():
        print(f"{name}: {seconds:.3f} s")


if __name__ == "__main__":
    main()
