"""The floor: bare lxml serialisation of K multiple-choice items, with no qbank code.

Moodle XML (one file) and a QTI 2.1 content package (one assessmentItem per item plus
imsmanifest.xml, deflated zip). Nothing here validates, shuffles or audits: it is the
least work any tool must do to write those bytes, so qbank is measured against it.

    python benchmarks/floor.py 10000 floor-out
"""

from __future__ import annotations

import argparse
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


def _qti_item(ident: str, title: str, stem: str, options: list) -> bytes:
    item = etree.Element(f"{{{QTI}}}assessmentItem", nsmap={None: QTI, "xsi": XSI},
                         identifier=ident, title=title, adaptive="false", timeDependent="false")
    item.set(f"{{{XSI}}}schemaLocation", f"{QTI} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd")
    rd = etree.SubElement(item, f"{{{QTI}}}responseDeclaration", identifier="RESPONSE",
                          cardinality="single", baseType="identifier")
    cr = etree.SubElement(rd, f"{{{QTI}}}correctResponse")
    key = next(n for n, o in enumerate(options) if o[1])
    etree.SubElement(cr, f"{{{QTI}}}value").text = f"C{key}"
    od = etree.SubElement(item, f"{{{QTI}}}outcomeDeclaration", identifier="SCORE",
                          cardinality="single", baseType="float")
    etree.SubElement(etree.SubElement(od, f"{{{QTI}}}defaultValue"), f"{{{QTI}}}value").text = "0"
    body = etree.SubElement(item, f"{{{QTI}}}itemBody")
    ci = etree.SubElement(body, f"{{{QTI}}}choiceInteraction", responseIdentifier="RESPONSE",
                          shuffle="true", maxChoices="1")
    etree.SubElement(ci, f"{{{QTI}}}prompt").text = stem
    for n, (text, _, feedback) in enumerate(options):
        sc = etree.SubElement(ci, f"{{{QTI}}}simpleChoice", identifier=f"C{n}")
        sc.text = text
        fb = etree.SubElement(sc, f"{{{QTI}}}feedbackInline", outcomeIdentifier="FEEDBACK",
                              identifier=f"C{n}", showHide="show")
        fb.text = feedback
    etree.SubElement(item, f"{{{QTI}}}responseProcessing",
                     template="http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct")
    return etree.tostring(item, xml_declaration=True, encoding="UTF-8")


def qti21_zip(records: list, path: Path) -> None:
    manifest = etree.Element(f"{{{CP}}}manifest", nsmap={None: CP}, identifier="floor")
    etree.SubElement(manifest, f"{{{CP}}}organizations")
    resources = etree.SubElement(manifest, f"{{{CP}}}resources")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, (title, stem, options) in enumerate(records):
            href = f"items/item-{n}.xml"
            zf.writestr(href, _qti_item(f"item-{n}", title, stem, options))
            res = etree.SubElement(resources, f"{{{CP}}}resource", identifier=f"R{n}",
                                   type="imsqti_item_xmlv2p1", href=href)
            etree.SubElement(res, f"{{{CP}}}file", href=href)
        zf.writestr("imsmanifest.xml", etree.tostring(manifest, xml_declaration=True, encoding="UTF-8"))


FLOORS = {"moodle-xml": moodle_xml, "qti21-zip": qti21_zip}


def time_floors(k: int, out_dir: Path, seed: int = 0) -> dict[str, float]:
    """Seconds for each floor writer on the same ``k`` items (item text made outside the timing)."""
    records = list(mc_records(k, seed))
    out_dir.mkdir(parents=True, exist_ok=True)
    times = {}
    for name, write in FLOORS.items():
        start = time.perf_counter()
        write(records, out_dir / f"floor-{name}")
        times[name] = time.perf_counter() - start
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
