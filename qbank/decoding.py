"""Bytes of a topic file -> clean text, the way docs/topic-format.md ("Encodings") promises.

UTF-8 (with or without BOM) and UTF-16/32 with a BOM are read as they are. Bytes that are
not UTF-8 are read as Windows-1252 with a warning (Word on Windows saves "ANSI" text that
way), unless they look like a broken UTF-8 character inside a UTF-8 file, which is an
error: guessing there would put mojibake ("Ã") in front of learners. Binary files
(NUL bytes, .docx, .pdf, RTF) are errors. Nothing here ever produces U+FFFD.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a Word .docx (zip) file"),
    (b"\xd0\xcf\x11\xe0", "a Word .doc file"),
    (b"%PDF", "a PDF file"),
    (b"{\\rtf", "a Rich Text (RTF) file"),
)
_SAVE_AS = "save it as plain text (UTF-8)"

# Windows-1252 byte -> character; the five bytes it leaves undefined stay undefined.
_CP1252 = {b: bytes([b]).decode("cp1252") for b in range(0x80, 0x100) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
_CP1252_BYTE = {ch: b for b, ch in _CP1252.items()}
_CONT = "".join(re.escape(ch) for ch, b in _CP1252_BYTE.items() if 0x80 <= b <= 0xBF)
# UTF-8 text that was once decoded as Windows-1252 and saved again ("â€™" for "’", "Ã©" for "é").
_MOJIBAKE = re.compile(f"[\u00c2-\u00df][{_CONT}]|[\u00e0-\u00ef][{_CONT}]{{2}}|[\u00f0-\u00f4][{_CONT}]{{3}}")

_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
# Invisible characters that carry nothing a reader needs. Bidirectional embeddings, overrides
# and isolates (U+202A-202E, U+2066-2069) go too: they can make text read differently from
# what it says (the reader warns where it removed them). Zero-width (non-)joiners are not
# here: inside a word they shape it (Persian, emoji sequences) and are kept; see _JOINERS.
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u2060\u2061\u2062\u2063\u2064\u00ad\u180e"
                                    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"), None)
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# ZWJ/ZWNJ not between two visible characters (at an end of the text or beside a space)
_JOINERS = re.compile(r"(?<!\S)[\u200c\u200d]+|[\u200c\u200d]+(?!\S)")
# Characters XML 1.0 cannot carry (C0 controls, U+FFFE/FFFF, surrogates), C1 controls and
# Unicode line/paragraph separators become spaces: they are never visible text.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class DecodeFailure(Exception):
    """The bytes cannot be read as text; ``line`` is where (0: the whole file)."""

    def __init__(self, message: str, line: int = 0):
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass
class Decoded:
    text: str
    warnings: list[tuple[int, str]] = field(default_factory=list)  # (line, message)


def _line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + data.count(b"\r", 0, offset) - data.count(b"\r\n", 0, offset) + 1


def _utf16_without_bom(data: bytes) -> str | None:
    """Text saved as UTF-16 without a BOM: mostly-ASCII text has a NUL in every other byte."""
    if len(data) < 4 or len(data) % 2:
        return None
    for nul_half, codec in ((data[1::2], "utf-16-le"), (data[0::2], "utf-16-be")):
        if nul_half.count(0) >= 0.7 * len(nul_half):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def decode(data: bytes) -> Decoded:
    """Decode a topic file's bytes; raise :class:`DecodeFailure` when they are not text."""
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise DecodeFailure(f"looks like {kind}, not a text topic file; {_SAVE_AS}", 1)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _repaired(Decoded(data[len(bom):].decode(codec)))
            except UnicodeDecodeError as exc:
                raise DecodeFailure(
                    f"not valid {codec.upper()} (byte 0x{data[len(bom) + exc.start]:02x}); {_SAVE_AS}",
                    _line_at(data, len(bom) + exc.start),
                ) from None
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is not None:
            return _repaired(Decoded(text, [(0, "UTF-16 text without a byte-order mark; read as UTF-16, but save it as UTF-8")]))
        nul = data.index(b"\x00")
        raise DecodeFailure(f"looks like a binary file (NUL byte), not a text topic file; {_SAVE_AS}", _line_at(data, nul))
    try:
        return _repaired(Decoded(data.decode("utf-8")))
    except UnicodeDecodeError:
        return _repaired(_decode_windows_1252(data))


def _decode_windows_1252(data: bytes) -> Decoded:
    """Read the bytes that are not UTF-8 as Windows-1252; refuse broken UTF-8 in a UTF-8 file."""
    # Does the file also hold real UTF-8 characters? Then it is UTF-8 with damage, and a
    # lead byte (0xC0 and up) is most likely half of a character that lost its other half.
    utf8_elsewhere = _has_valid_multibyte(data)
    out: list[str] = []
    bad: list[tuple[int, int]] = []  # (offset, byte)
    pos = 0
    while pos < len(data):
        try:
            out.append(data[pos:].decode("utf-8"))
            break
        except UnicodeDecodeError as exc:
            out.append(data[pos : pos + exc.start].decode("utf-8"))
            for offset in range(pos + exc.start, pos + exc.end):
                byte = data[offset]
                if byte not in _CP1252 or (utf8_elsewhere and byte >= 0xC0):
                    raise DecodeFailure(f"not valid UTF-8 (byte 0x{byte:02x}); {_SAVE_AS}", _line_at(data, offset))
                out.append(_CP1252[byte])
                bad.append((offset, byte))
            pos += exc.end
    lines = sorted({_line_at(data, offset) for offset, _ in bad})
    first_offset, first_byte = bad[0]
    also = f" (also on line{'s' if len(lines) > 2 else ''} {', '.join(map(str, lines[1:6]))}{', ...' if len(lines) > 6 else ''})" if len(lines) > 1 else ""
    message = (
        f"not valid UTF-8 (byte 0x{first_byte:02x}); read as Windows-1252, so it is "
        f"'{_CP1252[first_byte]}'{also}; check the text and save the file as UTF-8"
    )
    return Decoded("".join(out), [(lines[0], message)])


def _has_valid_multibyte(data: bytes) -> bool:
    for m in re.finditer(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}", data):
        try:
            m.group().decode("utf-8")
            return True
        except UnicodeDecodeError:
            continue
    return False


def _repaired(decoded: Decoded) -> Decoded:
    """Undo double encoding ("â€™" -> "’") line by line, warning where it happened."""
    if not looks_double_encoded(decoded.text):
        return decoded
    lines = _LINE_BREAK.split(decoded.text)
    for number, line in enumerate(lines, start=1):
        fixed = _MOJIBAKE.sub(_undo_mojibake, line)
        if fixed != line:
            example = next(m.group() for m in _MOJIBAKE.finditer(line) if _undo_mojibake(m) != m.group())
            decoded.warnings.append(
                (number, f"double-encoded text '{example}' read as '{_undo_mojibake(_MOJIBAKE.search(example))}'; save the file as UTF-8")
            )
            lines[number - 1] = fixed
    decoded.text = "\n".join(lines)
    return decoded


def _undo_mojibake(m: re.Match[str]) -> str:
    try:
        fixed = bytes(_CP1252_BYTE[ch] if ch in _CP1252_BYTE else ord(ch) for ch in m.group()).decode("utf-8")
    except (UnicodeDecodeError, ValueError):
        return m.group()
    # Only what Windows-1252 mojibake is made of: accented Latin letters, typographic punctuation,
    # euro and trade mark signs. "ß“" in German text (-> U+07D3) is left alone.
    return fixed if _PLAUSIBLE.fullmatch(fixed) else m.group()


_PLAUSIBLE = re.compile("[\u00a0-\u017f\u2010-\u2044\u20ac\u2122]")


def looks_double_encoded(text: str) -> bool:
    """True if :func:`decode` would repair something in ``text``."""
    return any(_undo_mojibake(m) != m.group() for m in _MOJIBAKE.finditer(text))


def split_lines(text: str) -> list[str]:
    """Lines as an editor numbers them: CRLF, LF and CR alone each end a line."""
    return _LINE_BREAK.split(text)


def clean(text: str) -> str:
    """One line of text as it will be shown: NFC, no invisible or control characters, single spaces."""
    if text.isascii() and text.isprintable() and "  " not in text:
        return text.strip()  # the common case, several times faster: nothing else can change
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = _UNSAFE.sub(" ", text)
    if "\u200c" in text or "\u200d" in text:
        text = _JOINERS.sub("", text)
    return _SPACES.sub(" ", text).strip()
