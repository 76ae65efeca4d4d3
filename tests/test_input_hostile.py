"""Issue 6: text hostile to the output formats reaches every output unchanged for the learner."""

from __future__ import annotations

import html
import io
import zipfile

from lxml import etree

from qbank.build import build
from topicfiles import TOPIC, write

HOSTILE_TERMS = [
    "R&D <b>not bold</b>",
    "CDATA ]]> end",
    "GIFT ~ = # { } \\ specials",
    "Jinja {{ x }} {% if %}",
    "Moodle $course$ // path",
    "Quotes \u201cq\u201d 'single' \"double\"",
    "Emoji \U0001F697 and 中文",
]


def _texts(name: str, data: bytes) -> list[str]:
    """Every text node of an XML output (zip members included), HTML-unescaped as a browser would show it."""
    if name.endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return [t for m in z.namelist() if m.endswith(".xml") for t in _texts(m, z.read(m))]
    if not name.endswith(".xml"):
        return []
    root = etree.fromstring(data)
    return [html.unescape(t) for t in root.xpath("//text()")] + [html.unescape(v) for v in root.xpath("//@*")]


def test_hostile_terms_survive_to_every_xml_output(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    lines = TOPIC.split("\n")
    for n, term in zip(range(4, 9), HOSTILE_TERMS):
        lines[n] = f"- {term}:{lines[n].split(':', 1)[1]}"
    # five processes (options of one kind, kinds.kind), so every hostile term is in some item
    lines[6] = f"- {HOSTILE_TERMS[2]}: A written process for agreeing how fast and how well a partner responds."
    lines[7] = f"- {HOSTILE_TERMS[3]}: A survey method that asks how likely customers are to recommend the business."
    lines.insert(9, f"- {HOSTILE_TERMS[5]}: Speech marks of every kind, typed in a hurry.")
    lines.insert(10, f"- {HOSTILE_TERMS[6]}: Characters outside the basic multilingual plane.")
    write(tmp_path, "t.txt", "\n".join(lines))
    result = build([tmp_path / "t.txt"], tmp_path / "out")
    for output in result.outputs:
        texts = _texts(output.path, (tmp_path / "out" / output.path).read_bytes())
        if not texts:
            continue  # not XML (GIFT, JSON...): covered by their own writers' round-trip tests
        shown = "\n".join(texts)
        written = {i.id for i in result.bank.items} - {s["id"] for s in output.skipped}
        terms_used = {src.line for i in result.bank.items if i.id in written for src in i.sources}
        for n, term in enumerate(HOSTILE_TERMS):
            if 5 + n in terms_used:
                assert term in shown, (output.path, term)
    moodle = "\n".join(_texts("moodle.xml", (tmp_path / "out" / "moodle.xml").read_bytes()))
    for term in HOSTILE_TERMS[:5]:
        assert term in moodle
