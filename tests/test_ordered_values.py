"""Value items whose options differ only in their numbers show them in numerical order (NBME: options in
illogical order are a flaw; examiners on notes in other subjects asked for it), and every writer keeps
that order or says it cannot."""

from __future__ import annotations

import json
import re
import zipfile

from lxml import etree

from qbank.build import build
from qbank.generate.numeric import in_numerical_order
from qbank.model import Choice

from conftest import ROOT


def _number(text: str) -> float:
    return float(re.search(r"\d[\d,]*(?:\.\d+)?", text).group(0).replace(",", ""))


def test_options_written_alike_are_sorted_and_others_are_not():
    c = [Choice("£5,000", False), Choice("£1,500", False), Choice("£3,000", True), Choice("£9,000", False)]
    assert [x.text for x in in_numerical_order(c)] == ["£1,500", "£3,000", "£5,000", "£9,000"]
    assert [x.text for x in in_numerical_order([Choice("2–3 mm", 1), Choice("10–12 mm", 0), Choice("4–6 mm", 0)])] \
        == ["2–3 mm", "4–6 mm", "10–12 mm"]
    assert in_numerical_order([Choice("500 ml", True), Choice("1 litre", False), Choice("2 litres", False)]) == ()


def test_every_writer_keeps_the_order_or_lists_the_loss(tmp_path):
    result = build([ROOT / "tests" / "data" / "reviewed" / "h10"], tmp_path / "out", formats=["bank-json", "moodle-xml", "gift", "qti21"])
    out = result.out_dir
    bank = json.loads((out / "bank.json").read_text(encoding="utf-8"))
    ordered = [i for i in bank["items"] if i.get("ordered")]
    assert ordered, "h10 has value items"
    for item in ordered:
        values = [_number(c["text"]) for c in item["choices"]]
        assert values == sorted(values), item["choices"]
    ids = {i["id"] for i in ordered}
    # Moodle XML: no shuffling for these, shuffling for every other multiple-choice question
    xml = etree.parse(str(out / "moodle.xml"))
    for q in xml.iterfind("question[@type='multichoice']"):
        fixed = q.findtext("idnumber") in ids
        assert q.findtext("shuffleanswers") == ("false" if fixed else "true"), q.findtext("idnumber")
        if fixed:
            values = [_number("".join(a.find("text").itertext())) for a in q.iterfind("answer")]
            assert values == sorted(values)
    # QTI 2.1: shuffle="false" on exactly these items' choice interactions
    with zipfile.ZipFile(next(out.glob("qti21*.zip"))) as z:
        seen = 0
        for name in z.namelist():
            if not name.endswith(".xml") or name == "imsmanifest.xml":
                continue
            root = etree.fromstring(z.read(name))
            for ci in root.iter("{*}choiceInteraction"):
                if root.get("identifier") in ids or any(i in name for i in ids):
                    seen += 1
                    assert ci.get("shuffle") == "false", name
        assert seen
    # GIFT cannot say it: each such item is listed with what is lost
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    gift = next(o for o in manifest["outputs"] if o["format"] == "gift")
    lost = {c["id"] for c in gift["converted"] if "option order" in c.get("lost", "")}
    assert lost == ids
