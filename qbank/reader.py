"""Read topic files (the format in docs/topic-format.md) into :class:`Topic`.

A topic file is: an optional preamble (the first line is a truncated copy of the
synopsis, never used), optional metadata lines (``Title:``, ``Tags:``, ``Unit:``),
then the five section headings, each followed by its text. Every parsed element
keeps its file and line.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from qbank.errors import QbankError
from qbank.model import Bullet, Concept, Diagnostic, Section, Severity, Source, Topic

TOPIC_SUFFIXES = (".txt", ".md")

_HEADING_ALIASES: dict[str, Section] = {}
for _s in Section:
    _HEADING_ALIASES[_s.value.casefold()] = _s
    _HEADING_ALIASES[_s.value.replace("&", "and").casefold()] = _s

_BULLET = re.compile(r"^\s*(?:[-*\u2022\u2023\u25e6\u2043\u2013]|\d{1,3}[.)])\s+(?P<text>\S.*)$")
_META = re.compile(r"^(?P<key>title|tags|unit|unit code)\s*:\s*(?P<value>.*)$", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060\u00ad"), None)


@dataclass
class ReadResult:
    topic: Topic | None
    diagnostics: list[Diagnostic] = field(default_factory=list)


def display_path(path: Path) -> str:
    """A path as it should appear in outputs and messages: relative, never absolute."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path.name
    if rel.startswith(".." + os.sep) or rel == "..":
        return path.name
    return Path(rel).as_posix()


def decode(data: bytes, path: str) -> str:
    """Decode UTF-8 (with or without BOM); anything else is an error naming line and byte."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise QbankError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8", path, line
        ) from None
    return text


def clean(text: str) -> str:
    """Normalise one line of text: NFC, no invisible characters, single spaces."""
    if text.isascii() and "  " not in text and "\t" not in text:
        return text.strip()  # the common case, several times faster: nothing else can change
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    return _SPACES.sub(" ", text).strip()


def heading_of(line: str) -> Section | None:
    key = clean(line).strip("#").strip().rstrip(":").strip().casefold()
    return _HEADING_ALIASES.get(key)


def slug_of(path: Path) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.casefold()).strip("-")
    return slug or "topic"


def title_from_slug(path: Path) -> str:
    """A readable title from a meaningful file name, or '' when the name is an opaque id."""
    words = [w for w in re.split(r"[-_\s]+", path.stem) if w]
    words = [w for w in words if not re.fullmatch(r"\d+|[0-9a-f]{8,}", w, re.IGNORECASE)]
    if not words:
        return ""
    title = " ".join(words)
    return title[:1].upper() + title[1:]


def read_topic(path: Path, slug: str | None = None) -> ReadResult:
    """Parse one topic file. Raises :class:`QbankError` for unreadable input."""
    shown = display_path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise QbankError(f"cannot read: {exc.strerror or exc}", shown) from None
    return parse_topic(data, shown, slug or slug_of(path), Path(path))


def parse_topic(data: bytes, shown: str, slug: str, path: Path | None = None) -> ReadResult:
    text = decode(data, shown)
    diags: list[Diagnostic] = []

    def warn(line: int, message: str) -> None:
        diags.append(Diagnostic(Severity.WARNING, message, shown, line))

    if not text.strip():
        raise QbankError("file is empty", shown)

    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    meta: dict[str, tuple[str, int]] = {}
    sections: dict[Section, list[tuple[int, str]]] = {}
    heading_line: dict[Section, int] = {}
    current: Section | None = None
    for number, raw in enumerate(lines, start=1):
        line = clean(raw)
        if not line:
            continue
        section = heading_of(line)
        if section is not None:
            if section in sections:
                warn(number, f"heading '{section.value}' appears again; its text is added to the first")
            sections.setdefault(section, [])
            heading_line.setdefault(section, number)
            current = section
            continue
        m = _META.match(line)
        if m and current is None:
            meta[m.group("key").casefold().replace("unit code", "unit")] = (clean(m.group("value")), number)
            continue
        if current is None:
            continue  # preamble: the truncated first line and anything before the first heading
        sections[current].append((number, line))

    if not sections:
        raise QbankError(
            "no section headings found (expected e.g. 'Key Concepts & Core Principles')", shown, 1
        )
    for section in Section:
        if section not in sections:
            warn(0, f"missing section '{section.value}'; items that need it are not generated")
        elif not sections[section]:
            warn(heading_line[section], f"section '{section.value}' is empty")

    def bullets(section: Section) -> list[Bullet]:
        out: list[tuple[int, str]] = []
        for number, line in sections.get(section, []):
            m = _BULLET.match(line)
            if m:
                out.append((number, clean(m.group("text"))))
            elif out:
                out[-1] = (out[-1][0], f"{out[-1][1]} {line}")  # a wrapped line
            else:
                out.append((number, line))  # text with no bullet marker: one bullet per paragraph line
        return [Bullet(t, Source(shown, n, section)) for n, t in out]

    synopsis_lines = sections.get(Section.SYNOPSIS, [])
    synopsis = " ".join(clean(_BULLET.sub(r"\g<text>", l)) for _, l in synopsis_lines)
    synopsis_source = Source(shown, synopsis_lines[0][0], Section.SYNOPSIS) if synopsis_lines else None

    concepts: list[Concept] = []
    seen_terms: dict[str, int] = {}
    for b in bullets(Section.CONCEPTS):
        term, sep, definition = b.text.partition(":")
        term, definition = term.strip(), definition.strip()
        if not sep or not term or not definition:
            warn(b.source.line, "key concept has no 'Term: definition' colon; skipped")
            continue
        key = term.casefold()
        if key in seen_terms:
            warn(b.source.line, f"concept '{term}' already defined on line {seen_terms[key]}; skipped")
            continue
        seen_terms[key] = b.source.line
        concepts.append(Concept(term, definition, b.source))

    title = meta.get("title", ("", 0))[0] or (title_from_slug(path) if path else "") or slug
    tags = tuple(t for t in (clean(x) for x in re.split(r"[,;]", meta.get("tags", ("", 0))[0])) if t)
    topic = Topic(
        slug=slug,
        title=title,
        path=shown,
        sha256=hashlib.sha256(data).hexdigest(),
        synopsis=synopsis,
        synopsis_source=synopsis_source,
        concepts=tuple(concepts),
        tips=tuple(bullets(Section.TIPS)),
        misconceptions=tuple(bullets(Section.MISCONCEPTIONS)),
        marking_points=tuple(bullets(Section.MARKING)),
        tags=tags,
        unit=meta.get("unit", (None, 0))[0] or None,
    )
    return ReadResult(topic, diags)


def find_topic_files(paths: list[Path]) -> list[Path]:
    """Expand directories to their topic files (sorted), keep files as given."""
    found: list[Path] = []
    for p in paths:
        if p.is_dir():
            found.extend(sorted(q for q in p.iterdir() if q.is_file() and q.suffix.lower() in TOPIC_SUFFIXES))
        elif p.is_file():
            found.append(p)
        else:
            raise QbankError("no such file or directory", display_path(p))
    if not found:
        raise QbankError("no topic files found (looked for *.txt and *.md)", ", ".join(display_path(p) for p in paths))
    return found


def read_topics(paths: list[Path]) -> tuple[list[Topic], list[Diagnostic]]:
    """Read every topic file; slugs are made unique in input order."""
    topics: list[Topic] = []
    diags: list[Diagnostic] = []
    used: set[str] = set()
    for path in find_topic_files(paths):
        slug = base = slug_of(path)
        n = 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        result = read_topic(path, slug)
        diags.extend(result.diagnostics)
        if result.topic is not None:
            topics.append(result.topic)
    return topics, diags
