"""Issue 6: property-based tests. Generated topic files with hostile text and damage never crash
qbank (only QbankError), every output parses, and visible text round-trips into Moodle XML.

Budget: derandomized (the same examples on every run, so CI is reproducible), ~50 examples
per property, well under a minute in all (most of it XSD validation of QTI packages). Set QBANK_FUZZ_EXAMPLES to explore more locally.
"""

from __future__ import annotations

import html
import importlib
import io
import json
import os
import re
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml import html as lxml_html

from qbank.build import build
from qbank.check import check
from qbank.decoding import clean, looks_double_encoded
from qbank.errors import QbankError
from qbank.model import MultipleChoice
from qbank.reader import parse_topic
from qbank.writers import WRITERS
from conftest import schemas_dir
from topicfiles import lines_of, qbank

try:  # the QTI validator (qbank validate), where this checkout has it
    from qbank.validate import validate_path as VALIDATE
except ImportError:  # pragma: no cover - depends on which formats are merged
    VALIDATE = None

EXAMPLES = int(os.environ.get("QBANK_FUZZ_EXAMPLES", "50"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)

HOSTILE = [
    "&", "<", ">", '"', "'", "~", "=", "#", "{", "}", ":", "\\", "]]>", "<![CDATA[", "&amp;", "&#x41;",
    "<b>bold</b>", "<script>alert(1)</script>", "{{ x }}", "{% if %}", "$course$", "//", "/", "%", "@",
    "\U0001F697", "\U0001F44D\U0001F3FD", "é", "ß", "Ω", "中文", "עברית", "\u201cq\u201d", "\u2019", "\u2013",
    "->", "=>", "*", "**", "_", "`", "|", "[x](y)", "\u00a0", "\t", "  ",
]
# Any character but line breaks (structure is the strategy's job), surrogates and U+FFFD (an error by design).
CHAR = st.characters(
    blacklist_categories=("Cs",), blacklist_characters="\x00\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029\ufffd"
)
FRAGMENT = st.one_of(st.sampled_from(HOSTILE), st.text(CHAR, min_size=1, max_size=12))
TEXT = st.lists(FRAGMENT, min_size=1, max_size=5).map("".join)


# Distinct real concepts, none naming its own term (such items are skipped), so generators that
# merge look-alike concepts or skip cued items still have items to make; all are processes, so
# concept and matching items (options of one kind: qbank.generate.kinds) can be set.
BASE_CONCEPTS = [
    ("Customer journey", "The process a buyer passes through from first contact to follow-up"),
    ("Complaint handling", "A structured method of resolving problems so that loyalty is kept"),
    ("Service recovery", "Putting things right for a buyer after a failure so that trust is restored"),
    ("Benchmarking", "Comparing a team's results with those of the best teams in the sector"),
    ("Active listening", "Giving full attention, asking questions and reflecting back what was heard"),
    ("Root cause analysis", "Tracing a recurring fault back to the process step that created it"),
]


@st.composite
def topic_files(draw):
    """A well-formed topic file with hostile text; returns (text, [(term, definition)], tips)."""
    n = draw(st.integers(min_value=6, max_value=6))  # enough for one sound concept item whatever the decoration
    concepts = []
    for i in range(n):
        term_mid = draw(TEXT.filter(lambda t: ":" not in t and "\uff1a" not in t))
        definition = draw(TEXT)
        # fixed word-character edges: the format's own syntax (bullet, colon, **bold**) stays out of reach
        base_term, base_definition = BASE_CONCEPTS[i]
        concepts.append((f"{base_term} {term_mid} end", f"{base_definition} {definition} fin"))
    tips = [f"Tip{i} {draw(TEXT)}" for i in range(draw(st.integers(1, 3)))]
    synopsis = f"Synopsis text: {draw(TEXT)}"
    lines = [synopsis[:30], "Topic Synopsis", synopsis, "Key Concepts & Core Principles"]
    lines += [f"- {t}: {d}" for t, d in concepts]
    lines += ["Exam Tips & Revision Strategies", *(f"- {t}" for t in tips)]
    lines += ["Common Misconceptions & Mistakes to Avoid", f"- Mis {draw(TEXT)}", f"- Take {draw(TEXT)}"]
    lines += ["Examiner Marking Points", f"- Mark {draw(TEXT)}", f"- Credit {draw(TEXT)}"]
    text = "\n".join(lines) + "\n"
    assume(not looks_double_encoded(text))  # that would be repaired, by design (tested elsewhere)
    return text, concepts, tips


def _damage(draw, text: str) -> bytes:
    """Structure and byte damage as hurried Windows editing produces it."""
    lines = text.split("\n")
    for _ in range(draw(st.integers(0, 4))):
        op = draw(st.sampled_from(["drop", "dup", "nocolon", "junk", "heading", "blank", "indent", "swap"]))
        i = draw(st.integers(0, len(lines) - 1))
        if op == "drop":
            del lines[i]
        elif op == "dup":
            lines.insert(i, lines[i])
        elif op == "nocolon":
            lines[i] = lines[i].replace(":", " ", 1)
        elif op == "junk":
            lines.insert(i, draw(TEXT))
        elif op == "heading":
            lines.insert(i, draw(st.sampled_from(["Further Reading", "## Notes", "Key Concpets", "1. Exam Tips", "-", "*", "  ", "Title: x"])))
        elif op == "blank":
            lines[i] = ""
        elif op == "indent":
            lines[i] = "\t \u00a0" + lines[i]
        elif op == "swap" and i + 1 < len(lines):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
        if not lines:
            lines = [""]
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    data = newline.join(lines).encode(encoding, errors="replace" if encoding == "cp1252" else "strict")
    if draw(st.booleans()):
        data = b"\xef\xbb\xbf" + data if draw(st.booleans()) else data + draw(st.binary(max_size=8))
    if draw(st.integers(0, 9)) == 0:  # a file cut short (a failed copy, a full disk)
        data = data[: draw(st.integers(len(data) // 2, len(data)))]
    return data


def _assert_outputs_parse(out_dir: Path, outputs, validate: bool = False) -> None:
    """Every file any writer produced parses with a reader for its kind (formats added later included);
    packages also validate against the official schemas where qbank has a validator."""
    assert {o.format for o in outputs} >= set(WRITERS)
    json.loads((out_dir / "manifest.json").read_text(encoding="utf-8"))
    for o in outputs:
        _assert_parses(o.path, (out_dir / o.path).read_bytes())
        if validate and VALIDATE is not None and o.path.endswith(".zip"):
            problems = VALIDATE(out_dir / o.path, schemas_dir())  # without the XSDs: qbank's own checks
            assert not problems, [str(p) for p in problems]


def _assert_parses(name: str, data: bytes) -> None:
    suffix = Path(name).suffix.lower()
    if suffix == ".zip":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            assert z.testzip() is None
            for member in z.namelist():
                if not member.endswith("/"):
                    _assert_parses(member, z.read(member))
        return
    text = data.decode("utf-8")  # every text output is UTF-8
    assert "\ufffd" not in text and "\ufeff" not in text and "\r" not in text.replace("\r\n", "")
    if suffix in (".xml", ".imsmanifest", ".qti") or text.lstrip().startswith("<?xml"):
        etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    elif suffix in (".html", ".htm"):
        lxml_html.document_fromstring(text)
    elif suffix == ".json":
        json.loads(text)


def _assert_read_back(out_dir: Path, bank, outputs) -> None:
    """Formats with a reader in qbank.readback (the way Moodle imports them): no import errors,
    and every question's text reads back exactly as the bank has it."""
    by_id = {i.id: i for i in bank.items}
    for o in outputs:
        try:
            reader = importlib.import_module(f"qbank.readback.{o.format.replace('-', '_')}")
        except ImportError:
            continue
        read = reader.read(out_dir / o.path)
        assert read.errors == [], (o.path, read.errors)
        for q in read.questions:
            assert q.item.stem == by_id[q.item.id].stem, (o.path, q.item.id)


def _html_text(html_fragment: str) -> str:
    text = re.sub(r"^<p>|</p>$", "", html_fragment or "")
    return html.unescape(text)


def _assert_moodle_round_trip(out_dir: Path, bank, outputs) -> None:
    tree = etree.parse(str(out_dir / "moodle.xml"))
    by_id = {i.id: i for i in bank.items}
    questions = tree.xpath("/quiz/question[@type!='category']")
    skipped = {s["id"] for o in outputs if o.path == "moodle.xml" for s in o.skipped}
    assert {q.findtext("idnumber") for q in questions} | skipped == set(by_id)  # nothing lost silently
    for q in questions:
        item = by_id[q.findtext("idnumber")]
        assert q.findtext("name/text") == item.title
        assert _html_text(q.findtext("questiontext/text")) == item.stem
        if isinstance(item, MultipleChoice):
            assert sorted(_html_text(a.findtext("text")) for a in q.findall("answer")) == sorted(c.text for c in item.choices)
    infos = [_html_text(t) for t in tree.xpath("/quiz/question[@type='category']/info/text/text()")]
    assert all(t.synopsis in infos for t in bank.topics)


@FUZZ
@given(topic_files())
def test_hostile_text_round_trips_through_reader_and_every_writer(example):
    text, concepts, tips = example
    result = parse_topic(text.encode("utf-8"), "t.txt", "t")
    assert result.topic is not None, [str(d) for d in result.diagnostics]
    assert [(c.term, c.definition) for c in result.topic.concepts] == [(clean(t), clean(d)) for t, d in concepts]
    assert [b.text for b in result.topic.tips] == [clean(t) for t in tips]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "t.txt")
        path.write_bytes(text.encode("utf-8"))
        built = build([path], Path(tmp, "out"))
        _assert_outputs_parse(built.out_dir, built.outputs, validate=True)
        _assert_moodle_round_trip(built.out_dir, built.bank, built.outputs)
        _assert_read_back(built.out_dir, built.bank, built.outputs)
        # what the tutor wrote is what the learner sees, in every question built from it
        tree = etree.parse(str(built.out_dir / "moodle.xml"))
        by_id = {i.id: i for i in built.bank.items}
        for q in tree.xpath("/quiz/question[@type!='category']"):
            shown = "\n".join(html.unescape(t) for t in q.xpath(".//text/text()")).casefold()
            lines = {s.line for s in by_id[q.findtext("idnumber")].sources}
            for n, (term, _) in enumerate(concepts):
                if 5 + n in lines:  # concept n is on line 5 + n; a generator may re-case a word
                    assert clean(term)[1:].casefold() in shown


@FUZZ
@given(st.data())
def test_damaged_files_never_crash(data):
    text, _, _ = data.draw(topic_files())
    damaged = _damage(data.draw, text)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "t.txt")
        path.write_bytes(damaged)
        report = check([path])  # never raises for input problems
        assert all(d.path in (str(path), "t.txt") for d in report.diagnostics)
        try:
            built = build([path], Path(tmp, "out"))
        except QbankError as exc:
            event("refused: " + re.sub(r"[0-9]+", "N", exc.message[:50]))
            assert report.errors or not report.bank or not report.bank.items, str(exc)
            assert not Path(tmp, "out").exists()
            return
        event("built")
        assert not report.errors
        _assert_outputs_parse(built.out_dir, built.outputs)
        _assert_moodle_round_trip(built.out_dir, built.bank, built.outputs)
        _assert_read_back(built.out_dir, built.bank, built.outputs)


@settings(FUZZ, max_examples=max(EXAMPLES // 3, 10))
@given(st.binary(max_size=300) | st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_random_bytes_through_the_cli_never_show_a_traceback(blob):
    with tempfile.TemporaryDirectory() as tmp:
        cwd = os.getcwd()
        os.chdir(tmp)
        try:
            Path("t.txt").write_bytes(blob)
            checked = qbank("check", "t.txt")
            built = qbank("build", "t.txt", "-o", "out")
        finally:
            os.chdir(cwd)
    for result in (checked, built):
        assert result.exit_code in (0, 1), result.output
        assert "Traceback" not in result.output and "internal error" not in result.output
    assert re.fullmatch(r"1 file, \d+ errors?, \d+ warnings?", lines_of(checked)[-1])
    assert (checked.exit_code == 1) == any(": error: " in line for line in lines_of(checked))
