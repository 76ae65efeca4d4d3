"""Issue 6: encodings. Every way Windows and Word save text parses identically or fails clearly."""

from __future__ import annotations

import pytest
from lxml import etree

from qbank.reader import scan_topic
from topicfiles import TOPIC, TERMS, lines_of, qbank, write


def _moodle_bytes(tmp_path, monkeypatch, name: str, content: bytes) -> bytes:
    """Build one file called t.txt in its own folder; return moodle.xml."""
    folder = tmp_path / name
    write(folder, "t.txt", content)
    monkeypatch.chdir(folder)
    result = qbank("build", "t.txt", "-o", "out")
    assert result.exit_code == 0, result.output
    return (folder / "out" / "moodle.xml").read_bytes()


def _assert_clean(xml: bytes) -> None:
    text = xml.decode("utf-8")
    assert "\r" not in text and "\ufeff" not in text and "\ufffd" not in text
    assert "Ã" not in text and "â€" not in text
    etree.fromstring(xml)


@pytest.mark.parametrize(
    "variant",
    ["bom", "crlf", "bom+crlf", "cr", "utf-16", "utf-16-be", "utf-32", "mixed-endings"],
)
def test_utf8_variants_and_unicode_boms_build_identically(tmp_path, monkeypatch, variant):
    reference = _moodle_bytes(tmp_path, monkeypatch, "lf", TOPIC.encode("utf-8"))
    lines = TOPIC.split("\n")
    data = {
        "bom": b"\xef\xbb\xbf" + TOPIC.encode("utf-8"),
        "crlf": TOPIC.replace("\n", "\r\n").encode("utf-8"),
        "bom+crlf": b"\xef\xbb\xbf" + TOPIC.replace("\n", "\r\n").encode("utf-8"),
        "cr": TOPIC.replace("\n", "\r").encode("utf-8"),
        "utf-16": TOPIC.replace("\n", "\r\n").encode("utf-16"),  # Word's "Unicode text": BOM + LE
        "utf-16-be": b"\xfe\xff" + TOPIC.encode("utf-16-be"),
        "utf-32": TOPIC.encode("utf-32"),
        "mixed-endings": "".join(l + ("\r\n", "\n", "\r")[n % 3] for n, l in enumerate(lines[:-1])).encode("utf-8"),
    }[variant]
    got = _moodle_bytes(tmp_path, monkeypatch, variant, data)
    _assert_clean(got)
    assert got == reference


def test_utf16_without_bom_is_read_with_a_warning(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "t.txt", TOPIC.encode("utf-16-le"))
    result = qbank("check", "t.txt")
    assert result.exit_code == 0
    assert "t.txt: warning: UTF-16 text without a byte-order mark; read as UTF-16, but save it as UTF-8" in result.output


def _accented(topic: str = TOPIC) -> str:
    return topic.replace("Customer journey", "Café journey").replace(
        "Thinking that", "Thinking it\u2019s true that").replace("Link every", "Link \u2013 every")


def test_windows_1252_is_read_with_a_warning_naming_file_line_and_byte(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "t.txt", _accented().encode("cp1252"))
    result = qbank("check", "t.txt")
    assert result.exit_code == 0, result.output
    assert lines_of(result)[0] == (
        "t.txt:5: warning: not valid UTF-8 (byte 0xe9); read as Windows-1252, so it is 'é' "
        "(also on lines 12, 14); check the text and save the file as UTF-8"
    )
    assert qbank("check", "--strict", "t.txt").exit_code == 1
    topic = scan_topic(tmp_path / "t.txt").topic
    assert topic.concepts[0].term == "Café journey"
    assert topic.misconceptions[0].text.startswith("Thinking it\u2019s true")
    assert topic.tips[1].text == "Link \u2013 every answer back to the customer."
    built = qbank("build", "t.txt", "-o", "out")
    assert built.exit_code == 0
    xml = (tmp_path / "out" / "moodle.xml").read_bytes()
    _assert_clean(xml)
    assert "Café journey" in xml.decode("utf-8")


def test_latin_1_accents_come_out_right(tmp_path):
    write(tmp_path, "t.txt", TOPIC.replace("Active listening", "Écoute active").encode("latin-1"))
    result = scan_topic(tmp_path / "t.txt")
    assert [d.line for d in result.diagnostics] == [9]
    assert result.topic.concepts[4].term == "Écoute active"


def test_utf8_file_with_a_pasted_windows_1252_quote(tmp_path):
    data = _accented().encode("utf-8").replace("\u2019".encode("utf-8"), b"\x92")
    result = scan_topic(write(tmp_path, "t.txt", data))
    assert [str(d).split(": ", 2)[2][:40] for d in result.diagnostics] == ["not valid UTF-8 (byte 0x92); read as Win"]
    assert result.topic.concepts[0].term == "Café journey"  # the real UTF-8 is untouched
    assert result.topic.misconceptions[0].text.startswith("Thinking it\u2019s")


def test_broken_utf8_character_is_an_error_not_mojibake(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = _accented().encode("utf-8").replace("é".encode("utf-8"), b"\xc3")  # é cut in half
    write(tmp_path, "t.txt", data)
    result = qbank("build", "t.txt", "-o", "out")
    assert result.exit_code == 1
    assert "t.txt:5: error: not valid UTF-8 (byte 0xc3); save it as plain text (UTF-8)" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_byte_undefined_in_windows_1252_is_an_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "t.txt", TOPIC.encode().replace(b"Net promoter", b"Net\x81promoter"))
    result = qbank("check", "t.txt")
    assert result.exit_code == 1
    assert lines_of(result)[0] == "t.txt:8: error: not valid UTF-8 (byte 0x81); save it as plain text (UTF-8)"


def test_double_encoded_text_is_repaired_with_a_warning(tmp_path):
    text = TOPIC.replace("Thinking that", "Thinking it\u00e2\u20ac\u2122s true that").replace("Customer journey", "CafÃ© journey")
    result = scan_topic(write(tmp_path, "t.txt", text))
    assert [(d.line, d.message) for d in result.diagnostics] == [
        (5, "double-encoded text 'Ã©' read as 'é'; save the file as UTF-8"),
        (14, "double-encoded text 'â€™' read as '’'; save the file as UTF-8"),
    ]
    assert result.topic.concepts[0].term == "Café journey"
    assert result.topic.misconceptions[0].text.startswith("Thinking it’s true")


def test_replacement_character_in_input_is_an_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "t.txt", TOPIC.replace("Customer journey", "Caf\ufffd journey"))
    result = qbank("check", "t.txt")
    assert result.exit_code == 1
    assert lines_of(result)[0].startswith("t.txt:5: error: contains U+FFFD")


@pytest.mark.parametrize(
    "data, message",
    [
        (b"Topic Synopsis\n\x00\x01\x02\x03binary", "t.txt:2: error: looks like a binary file (NUL byte), not a text topic file; save it as plain text (UTF-8)"),
        (b"PK\x03\x04\x14\x00\x06\x00", "t.txt:1: error: looks like a Word .docx (zip) file, not a text topic file; save it as plain text (UTF-8)"),
        (b"%PDF-1.7\n", "t.txt:1: error: looks like a PDF file, not a text topic file; save it as plain text (UTF-8)"),
        (b"{\\rtf1\\ansi Topic Synopsis}", "t.txt:1: error: looks like a Rich Text (RTF) file, not a text topic file; save it as plain text (UTF-8)"),
    ],
)
def test_binary_files_are_refused_by_name(tmp_path, monkeypatch, data, message):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "t.txt", data)
    result = qbank("check", "t.txt")
    assert result.exit_code == 1
    assert lines_of(result) == [message, "1 file, 1 error, 0 warnings"]


def test_invisible_and_control_characters_never_reach_output(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = (
        TOPIC.replace("Customer journey", "Cus\u200btomer\u00a0\u00a0journey\u00ad")
        .replace("Complaint handling:", "Complaint\thandling\u2060:")
        .replace("Active listening: Giving", "Active listening: \x0bGiving\x0c\x1b")
        .replace("Net promoter score", "Net promoter score\u2028")
    )
    write(tmp_path, "t.txt", text)
    assert qbank("check", "--strict", "t.txt").exit_code == 0
    terms = [c.term for c in scan_topic(tmp_path / "t.txt").topic.concepts]
    assert terms == TERMS
    assert qbank("build", "t.txt", "-o", "out").exit_code == 0
    xml = (tmp_path / "out" / "moodle.xml").read_bytes()
    _assert_clean(xml)
    for bad in ("\u200b", "\u00ad", "\u2060", "\x0b", "\x0c", "\x1b", "\u2028", "\t"):
        assert bad not in xml.decode("utf-8")


def test_smart_quotes_and_emoji_are_kept_as_written(tmp_path):
    text = TOPIC.replace("Use examples", "Use \u201creal\u201d examples \U0001F697 and \u2018quotes\u2019")
    topic = scan_topic(write(tmp_path, "t.txt", text)).topic
    assert topic.tips[0].text == "Use \u201creal\u201d examples \U0001F697 and \u2018quotes\u2019 from your own workplace."
