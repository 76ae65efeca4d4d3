"""Read topic files (the format in docs/topic-format.md) into :class:`Topic`.

A topic file is: an optional preamble (the first line is a truncated copy of the
synopsis, never used), optional metadata lines (``Title:``, ``Tags:``, ``Unit:``),
then the five section headings, each followed by its text. Every parsed element
keeps its file and line. Problems become :class:`Diagnostic` s: warnings let the
build go on, errors stop it (``scan_*`` collects them, ``read_*`` raises them).
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from qbank.decoding import BIDI_CONTROLS, DecodeFailure, clean, decode, split_lines
from qbank.errors import InputErrors, QbankError, one_line  # noqa: F401 - QbankError re-exported for callers
from qbank.model import Bullet, Concept, Diagnostic, Section, Severity, Source, Topic
from qbank.questions import TARIFF_LEAD, block_heading, question_blocks
from qbank.syntax import (
    HEADING_MARK, KNOWN, NUMBER_BULLET, RULE, SYMBOL_BULLET, heading_of, heading_shaped, looks_like_heading,
    keyword_heading, nearest_heading, starts_item,
)

TOPIC_SUFFIXES = (".txt", ".md")
MAX_BULLETS = 300  # per section of one file; notes hold 5-20 (see docs/topic-format.md)
MAX_BYTES = 20 * 10**6  # a topic file is a few kB; anything this big is not one (and must not exhaust memory)

_META = re.compile(r"^(?P<key>title|topic title|topic|tags|keywords|unit|unit code)\s*[:\uff1a]\s*(?P<value>.*)$", re.I)


@dataclass
class ReadResult:
    topic: Topic | None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]


@dataclass
class ScanResult:
    """Every topic file found, the topics read, and every problem (errors included)."""

    files: list[str] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    shown: dict[str, str] = field(default_factory=dict)  # given path -> how outputs name it
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (given path, why): not topic notes

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]


printable = one_line  # a path fit for a file:line: message, and for outputs


def display_path(path: Path, folder: Path | None = None) -> str:
    """A path as outputs name it: never absolute, the same from any checkout or working directory.

    A file found in a folder given on the command line is ``<folder's name>/<file>``
    (``topics/a.txt``; just ``a.txt`` when the folder is the working directory); a file given
    directly is its path from the working directory when it lies inside it, else its name.
    """
    if folder is not None:
        base = os.path.abspath(folder)
        inside = os.path.relpath(os.path.abspath(path), base)
        name = "" if base == os.path.abspath(os.curdir) else os.path.basename(base)
        shown = Path(name, inside).as_posix() if name else Path(inside).as_posix()
    else:
        try:
            rel = os.path.relpath(path)
        except ValueError:  # another drive on Windows
            rel = ".." + os.sep
        shown = Path(path).name if rel.startswith(".." + os.sep) or rel == ".." else Path(rel).as_posix()
    # a file name that is not valid UTF-8, or holds a control character, must still print and serialise
    return printable(os.fsencode(shown).decode("utf-8", "backslashreplace"))


def given_path(path: Path) -> str:
    """A path as the user gave it (or as found under a folder they gave), for messages only:
    outputs use :func:`display_path`, which is never absolute."""
    return printable(os.fsencode(str(path)).decode("utf-8", "backslashreplace"))


def slug_of(path: Path) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.casefold()).strip("-")
    return slug or "topic"


def _opaque(word: str) -> bool:
    """A file-name part that is an id, not a word: digits, a hex hash, letters and digits mixed
    (a91f03c2e7, x7k2m9q4), or a long run without a vowel."""
    w = word.casefold()
    digits = sum(c.isdigit() for c in w)
    return (w.isdigit() or bool(re.fullmatch(r"[0-9a-f]{6,}", w)) and digits > 0
            or (len(w) >= 6 and digits >= 2 and not w.isdigit())
            or (len(w) >= 5 and not re.search(r"[aeiouy]", w)))


# Words a file name carries about the file, not the subject, at its end ("_v3(final)", "(copy)",
# "_NOTES", "(rev B)"; inside the name they may be the subject's: "care notes"), and unit numbers.
_HOUSEKEEPING = re.compile(r"v\d+|rev\d*|unit\d+|final|copy|draft|wip|latest|updated|notes|\d+", re.IGNORECASE)


def as_written(title: str, text: str) -> str:
    """Each word of a title made from a file name that the notes only write as an abbreviation, spelt
    as they spell it ("Otc medicines counter wwham" → "OTC medicines counter WWHAM", "kpis" → "KPIs");
    every other word is left as it is."""
    out = []
    for token in title.split():
        lead, word, tail = re.fullmatch(r"(\W*)(.*?)(\W*)", token).groups()  # "(bs" -> "(", "bs", ""
        forms = re.findall(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, re.IGNORECASE) if len(word) > 1 else []
        # only an abbreviation's capitals ("OTC", "KPIs"): "Regulations", capitalised in a name the
        # notes quote, is a common word in a title
        if forms and not any(f.islower() for f in forms) and all(sum(ch.isupper() for ch in f) >= 2 for f in forms):
            word = max(sorted(set(forms)), key=forms.count)
        out.append(lead + word + tail)
    return " ".join(out)


_HEADING_MARKER = re.compile(r"^\s*(>{2,}|#{1,6}|={2,}|\*{2,}|-{2,}>?)\s")
_ABOUT_THESE_NOTES = re.compile(r"^(?:these|this|the)\s+(?:notes|handouts?|sheets?|pack|booklet)\s+(?!on\b|for\b)[a-z]+",
                                re.IGNORECASE)


_COURSE_WORD = re.compile(r"\b(?:L\d(?:/L?\d)?|level\s+\d|unit|module|course|nvq|btec|diploma|certificate|award|handout|notes)\b",
                          re.IGNORECASE)


def title_line(line: str) -> str:
    """The file's first line as its title when it reads as one ("Florist: conditioning cut flowers
    and caring for arrangements"): 16 words or fewer, no sentence stop at its end, not a list item;
    '' otherwise. A title in capitals is returned in capitals (the reader sets it in sentence case)."""
    text = re.sub(r"\s*#+$", "", HEADING_MARK.sub("", clean(line).strip()))  # "## Hair removal ##": a heading's marks
    if re.fullmatch(r"\|.*\|", text):
        text = text.strip("| ")  # "|  BANK RECONCILIATION -- … |": a title in a drawn box (h61)
    # "EV CHARGING POINT INSTALLATION -- LEVEL 3 ELECTRICAL", "PACKAGE HOLIDAYS, THE LAW & ATOL :: Travel & Tourism
    # Unit -- consumer protection": the name before a doubled separator; what follows it is a subtitle or an
    # aside, and stems printed it with its marks (h61-h63)
    # ("Plumbing L2/L3 :: Sanitary pipework": the course's name before it, the topic's after, h21)
    parts = re.split(r"\s+(?:--|::|\|\||//|##)\s+", text)
    if len(parts) > 1:
        course = [bool(_COURSE_WORD.search(part)) for part in parts]
        if not course[0] and len(parts[0].split()) >= 2:
            text = parts[0]
        elif course[0] and not course[1] and len(parts[1].split()) >= 2:
            text = parts[1]
    words = text.split()
    if not 1 < len(words) <= 16 or len(text) > 120 or text[-1:] in ".!?;," or starts_item(line):
        return ""
    if text.count("(") > text.count(")") or _ABOUT_THESE_NOTES.match(text):
        # "These notes go with the practical on laying natural stone slabs (Indian": a sentence wrapped
        # at the line's end, cut inside its bracket (h48: every stem named the topic so)
        return ""
    if sum(c.isupper() for c in text) > 0.8 * sum(c.isalpha() for c in text):
        return text.upper()  # in capitals: set in sentence case once the notes show its abbreviations
    return text[:1].upper() + text[1:]


def _short_capitals(upper: str, lowered: str, text: str) -> str:
    """Words of three letters or fewer of a title in capitals kept in capitals where the notes write
    them so, or never write them ("UK", "IT", "PPE"); "LAW" and "NEW", written "law" and "new" in the
    notes, stay in lower case."""
    out = []
    for big, small in zip(upper.split(), lowered.split()):
        core = re.sub(r"\W", "", big)
        if 1 < len(core) <= 3 and core.isalpha() and core.lower() not in _TITLE_SMALL_WORDS and (
                re.search(rf"(?<![\w-]){core}(?![\w-])", text)
                or not re.search(rf"(?<![\w-]){core}(?![\w-])", text, re.IGNORECASE)):
            small = big
        out.append(small)
    return " ".join(out)


# "AND", "THE", "FOR" in a title in capitals are words, whatever the notes stress in capitals ("causes
# lifting AND is …"): h39 and h40's titles read "Gel polish - application AND removal"
_TITLE_SMALL_WORDS = frozenset("and or nor but the a an of to in on at by for as via per".split())


def _sentence_case(title: str) -> str:
    """'ROOFING – FIXING TILES (BS 5534)' -> 'Roofing – fixing tiles (bs 5534)': every word in lower case
    but the first (words with digits kept); :func:`as_written` then restores the abbreviations."""
    return " ".join(w if any(c.isdigit() for c in w) else (w.lower().capitalize() if i == 0 else w.lower())
                    for i, w in enumerate(title.split()))


def title_from_slug(path: Path) -> str:
    """A readable title from a meaningful file name, or '' when the name is an opaque id or joins
    its words ("CellarMgmt_caskAle-v2": a learner should not read an identifier as the topic's name)."""
    stem = clean(path.stem)
    # A name with spaces keeps its words' hyphens ("Forklift pre-use checks FINAL"); one without
    # joins its words with them ("food-safety-hot-holding").
    separators = r"[_\s()\[\]]+" if re.search(r"\s", stem) else r"[-_\s()\[\]]+"
    words = [w.strip("-–—") for w in re.split(separators, stem)]
    words = [w for w in words if w]
    words = [w for w in words if not _opaque(w) and not re.fullmatch(r"unit\d*", w, re.IGNORECASE)]
    while words and (_HOUSEKEEPING.fullmatch(words[-1]) or len(words) > 1 and re.fullmatch(r"rev", words[-2], re.IGNORECASE)):
        words.pop()
    if not words or any(re.search(r"[a-z][A-Z]", w) for w in words):
        return ""
    title = " ".join(words)
    return title[:1].upper() + title[1:]


def split_concept(text: str) -> tuple[str, str] | None:
    """``Term: definition`` split at the first colon that is not part of a URL, a time or a ratio; a dot
    leader before any colon splits there ("PAYE .... Pay As You Earn: the system …", h49)."""
    if m := _DOT_LEADER.match(text):  # (its term has no colon: the leader comes first)
        return m.group("term").strip(), m.group("definition").strip()
    for m in re.finditer(r"[:\uff1a]", text):
        i = m.start()
        after, before = text[i + 1 : i + 3], text[:i]
        if after.startswith("//") or after.startswith("\\"):
            continue  # https://..., C:\...
        if before[-1:].isdigit() and after[:1].isdigit():
            continue  # 10:30, 3:1
        term, definition = text[:i].strip(), text[i + 1 :].strip()
        term = re.sub(r"^(\*\*|__)|(\*\*|__)$", "", term).strip()
        definition = re.sub(r"^(\*\*|__)\s*", "", definition).strip()
        return term, definition
    if m := _DOT_LEADER.match(text):  # "Coupler .......... connects gas in and beer out on a keg" (h28)
        return m.group("term").strip(), m.group("definition").strip()
    return None


def split_dashed(text: str) -> tuple[str, str] | None:
    """``Term - definition`` (a spaced hyphen or dash, or "="), as notes write key terms without a colon:
    "Warm wax - soft wax spread thinly", "Use by        - SAFETY date", "> Noggin - short horizontal
    timber". The term is a short name (at most 6 words, no sentence stop, not a number: "2 - 8" is a
    range); only a key concept with no colon is read so (h35: five of eight files wrote their terms so,
    and every one was skipped)."""
    m = _DASHED.match(text)
    if not m:
        return None
    term, definition = m.group("term").strip(), m.group("definition").strip()
    if len(term.split()) > 6 or re.search(r"\d\s*$|^\d", term) or not re.search(r"[^\W\d_]{2}", definition):
        return None
    letters = re.sub(r"[^A-Za-z]", "", term)
    if len(letters) > 6 and letters.isupper():
        return None  # "CONTRA-INDICATIONS - DO NOT CUT": a heading in capitals, not an abbreviation
    return term, definition


_DASHED = re.compile(r"^(?P<term>[^.;:!?=–—]{1,60}?)\s+(?:-{1,2}|–|—|=)\s+(?P<definition>\S.*)$")
# "Coupler .......... connects …"; "Dilution ratio .. parts of chemical …" (h35: a long term in an aligned
# column gets only two dots, with a space either side)
_DOT_LEADER = re.compile(r"^(?P<term>[^.:]{1,80}?)(?:\s*\.{4,}|\s\.{2,3}(?=\s))\s*(?P<definition>[^.\s].*)$")


def scan_topic(path: Path, slug: str | None = None, shown: str | None = None) -> ReadResult:
    """Parse one topic file, collecting every problem (never raises for bad input).

    ``shown`` is how outputs name the file (default: :func:`display_path`).
    """
    where = given_path(path)
    try:
        # non-blocking, and checked on the open file: a FIFO or device never hangs the read
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                return ReadResult(None, [Diagnostic(Severity.ERROR, "not a regular file", where)])
            if st.st_size > MAX_BYTES:
                message = f"file is too large for a topic file ({st.st_size / 1e6:.0f} MB; the limit is {MAX_BYTES // 10**6} MB)"
                return ReadResult(None, [Diagnostic(Severity.ERROR, message, where)])
            with os.fdopen(os.dup(fd), "rb") as fh:
                data = fh.read(MAX_BYTES + 1)
        finally:
            os.close(fd)
    except OSError as exc:
        return ReadResult(None, [Diagnostic(Severity.ERROR, f"cannot read: {exc.strerror or exc}", where)])
    if len(data) > MAX_BYTES:
        message = f"file is too large for a topic file (over {MAX_BYTES // 10**6} MB)"
        return ReadResult(None, [Diagnostic(Severity.ERROR, message, where)])
    return parse_topic(data, shown or display_path(path), slug or slug_of(Path(path)), Path(path), where=where)


def _label(line: str) -> str:
    """A sub-heading as a label: "## Sowing a seed tray:" -> "Sowing a seed tray"."""
    return HEADING_MARK.sub("", line).strip("*_: ")


_TASK_KIND = re.compile(r"^(?:written|practical|observed|observation|theory|oral|online|exam|assessment|multiple[- ]choice)"
                        r"\b[^:]{0,40}:$"
                        # "Sample written question:", "In the practical the assessor watches for:" (h39)
                        r"|^[^:.!?]{0,50}\b(?:written|practical|observed)\b[^:.!?]{0,50}:$", re.IGNORECASE)
_NOT_TERMS = re.compile(r"\b(?:figures|numbers|values|amounts|limits|procedures?|steps|sequence|routine|method|"
                        r"worked|examples?|case stud(?:y|ies)|scenarios?|checklist|calculations?)\b", re.IGNORECASE)


def _underlined(lines: list[str], number: int) -> bool:
    """The line after this one is a rule of dashes or equals signs at least half its length."""
    if number >= len(lines):
        return False
    this, after = clean(lines[number - 1]), clean(lines[number]).strip()
    return bool(re.fullmatch(r"-{3,}|={3,}", after)) and len(after) * 2 >= len(this)


def _boxed(lines: list[str], number: int) -> bool:
    """The lines either side of this one are rules ("-----" over "  GLOSSARY" over "-----")."""
    if number < 2 or number >= len(lines):
        return False
    above, after = clean(lines[number - 2]), clean(lines[number])
    return bool(above and after and RULE.match(above) and RULE.match(after)) and len(lines[number - 1]) <= 120


def _over_a_list(lines: list[str], number: int) -> bool:
    """A short line in sentence case after a blank line, with a list right under it ("Safe sleep
    routine in a setting", "Fitting sequence"): the heading of a list of its own, not a line of the
    section above (h19: "Things the examiner wants to see" was filed as a common mistake, and the
    marking points under it with it). Under key concepts such a line heads more of them ("Display
    techniques worth knowing by name"), and is read on."""
    line = clean(lines[number - 1])
    if number < 2 or clean(lines[number - 2]) or not heading_shaped(line) or not line[:1].isupper():
        return False
    if line[-1:] in ".!?" or starts_item(line):
        return False
    for raw in lines[number:number + 3]:
        after = clean(raw)
        if after and not RULE.match(after):  # "Sowing a seed tray" over "------": underlined
            return starts_item(after)
    return False


# "Sample question (4 marks):", "Exam question:", "Practice question 2:": a question's label, then its colon
_QUESTION_LABEL = r"^(?:[A-Za-z]+\s+){0,3}question(?:\s+\d{1,2})?(?:\s*\([^()]{1,20}\))?\s*:"
_QUESTION_LINE = re.compile(_QUESTION_LABEL + r"$", re.IGNORECASE)  # alone on its line
_CLOSING_QUOTE = re.compile(r"[\"”](?:\s*\(\s*\d{1,2}\s*marks?\s*\))?[.?!]?$", re.IGNORECASE)


def _question_parts(lines: list[str], number: int, line: str) -> bool:
    """A question label whose next line opens a quoted question, or a marks label ("What earns the
    marks:") right under a line that closes one."""
    if _QUESTION_LINE.match(line):
        for raw in lines[number:number + 2]:
            if after := clean(raw):
                return after[:1] in "\"“"
        return False
    return bool(_MARKS_LABEL.match(line)) and number >= 2 and bool(_CLOSING_QUOTE.search(clean(lines[number - 2])))


def read_topic(path: Path, slug: str | None = None) -> ReadResult:
    """Parse one topic file. Raises :class:`QbankError` (with every error) for unusable input."""
    result = scan_topic(path, slug)
    if result.errors:
        raise InputErrors(result.diagnostics)
    return result


def parse_topic(
    data: bytes, shown: str, slug: str, path: Path | None = None, where: str | None = None
) -> ReadResult:
    """Parse the bytes of one topic file shown as ``shown`` in outputs and ``where`` (default: the same) in messages."""
    diags: list[Diagnostic] = []
    where = where or shown

    def warn(line: int, message: str) -> None:
        diags.append(Diagnostic(Severity.WARNING, message, where, line))

    def fail(line: int, message: str) -> ReadResult:
        diags.append(Diagnostic(Severity.ERROR, message, where, line))
        return ReadResult(None, diags)

    try:
        decoded = decode(data)
    except DecodeFailure as exc:
        return fail(exc.line, exc.message)
    for line, message in decoded.warnings:
        warn(line, message)
    lines = split_lines(decoded.text)
    for number, raw in enumerate(lines, start=1):
        if "\ufffd" in raw:  # the original character is gone; only the tutor knows what it was
            return fail(number, "contains U+FFFD '\ufffd' (a character was lost before qbank read the file); retype it")
        if BIDI_CONTROLS.search(raw):  # removed by clean(): text must read as it is written
            warn(number, "bidirectional control character (U+202A-202E, U+2066-2069) removed; "
                 "it can make text display differently from what it says")
    # a sample question laid out over several lines (its label, the question, its marks): one tip
    question_heads = {}
    if (blocked := question_blocks(lines))[1]:
        question_heads = {n: block_heading(lines[n - 1]) for n, _ in blocked[1]}
    lines, question_tips = blocked
    if not any(clean(raw) for raw in lines) and not question_tips:
        return fail(0, "file is empty" if not decoded.text.strip() else "file has no visible text")

    meta: dict[str, tuple[str, int]] = {}
    sections: dict[Section, list[tuple[int, str, str]]] = {}  # (line, raw, cleaned)
    heading_line: dict[Section, int] = {}
    current: Section | None = None
    ignoring: list[int] | None = None  # [heading line, lines ignored] under an unknown heading
    unknown: list[tuple[int, str, list[int]]] = []
    first_line: tuple[int, str] | None = None
    preamble: list[int] = []
    # lists under a sub-heading of the notes' own: essay guidance (Topic.steps)
    steps: dict[str, list[tuple[int, str, str]]] = {}
    written: dict[Section, str] = {}  # each section's heading as the notes write it
    label: str | None = None
    step_open = False  # the last item went to the steps: a wrapped line after it goes there too
    last_number = 0  # the number of the last numbered section heading ("2. Key terms"), 0: none
    section_labels = _section_labels(lines)
    last_item = 0  # the number of the last numbered list item since that heading
    notes: list[tuple[int, int, str, str]] = []  # (heading, line, raw, cleaned) under an unknown heading: read for values
    note_headings: list[tuple[int, str]] = []

    for number, raw in enumerate(lines, start=1):
        sub_heading = False
        if raw[:1].isspace() and _boxed(lines, number):
            raw = raw.lstrip()  # " 1.  WORDS YOU MUST …" between two rules: a heading, not an indented line (h62, h63)
        line = _WIKI_HEADING.sub(lambda m: "## " + (m.group(1) or m.group(2)), clean(raw))  # "== Key terms ==" is "## Key terms"
        if not line or RULE.match(line):
            continue
        if current is not None and current is not Section.CONCEPTS and not _TASK_KIND.match(line) \
                and _question_parts(lines, number, line):
            # "Sample question (4 marks):" over the quoted question, and "What earns the marks:" under it,
            # at the margin: parts of the tutor's question, not headings (h47: both were read as headings,
            # the question went to the notes and its marks to the marking points)
            sections.setdefault(current, []).append((number, raw, line))
            continue
        found = heading_of(line)
        numbered = _NUMBERED.match(line) if not raw[:1].isspace() else None
        # (not an indented label inside a section: "    What earns the marks:" under a quoted question, h42)
        if found is None and heading_shaped(line) and not (raw[:1].isspace() and current is not None):
            near = nearest_heading(line, 0.8) or keyword_heading(line, marked=_underlined(lines, number) or _boxed(lines, number))
            if near is not None:
                warn(number, f"unknown heading '{line}'; read as '{near.value}' (the nearest known heading)")
                found = (near, "")
        if found is not None and numbered:
            # "2. Key terms": the notes number their sections (also one named in the tutor's own words, "1. WORDS
            # YOU MUST BE ABLE TO DEFINE": h61's "2. NUMBERS", "3. LAW" … were read as key concepts)
            last_number = int(numbered.group(1))
        if found is not None:
            label = None
            section, rest = found
            if section in sections:
                warn(number, f"heading '{section.value}' appears again (first on line {heading_line[section]}); its text is added to the first")
            sections.setdefault(section, [])
            heading_line.setdefault(section, number)
            written.setdefault(section, _label(line.split(":", 1)[0] if rest else line))
            current, ignoring = section, None
            if rest:
                sections[section].append((number, rest, rest))
            continue
        # an indented line is an item of a list, not a heading ("    Respond", the last step of SAFER,
        # was taken for an unknown heading and the 17 lines after it were ignored: h17)
        # (before the first known heading too, once the title line is read: "Key figures" over the
        # values of a brake-servicing topic whose sections open at line 63 (h30) heads notes)
        after_title = current is None and ignoring is None and first_line is not None and not _META.match(line)
        over = (current is not None or ignoring is not None or after_title) and _over_a_list(lines, number)
        # "4. Leak-check frequency (operator's duty)" after "2. Key terms": the next of the notes' numbered
        # sections, not an item of a list (h31: its 8 sections were read as one)
        # (not "4. Accuracy" after "3. Data minimisation": the next item of a numbered list, h24)
        in_sequence = bool(numbered and last_number and last_number < int(numbered.group(1)) <= last_number + 2
                           and int(numbered.group(1)) != last_item + 1 and _heads_in_sequence(numbered.group(2))
                           and (number < 2 or not clean(lines[number - 2]) or RULE.match(clean(lines[number - 2]))))
        if found is not None or in_sequence:
            last_item = 0
        elif numbered or NUMBER_BULLET.match(line):
            item_number = re.match(r"\(?(\d{1,3})", line)
            last_item = int(item_number.group(1)) if item_number else last_item
        if in_sequence and found is None:
            last_number = int(numbered.group(1))
        # "Section E - Worked example (price increase)" over "--------": underlined, a heading whatever its
        # shape (h36: two files' procedures and worked examples were read under the heading above)
        # (among the key concepts only one that names figures, steps or a case: a sub-heading there otherwise
        # heads more concepts, h20; "Figures to remember" over "-------" heads the figures, h36)
        underlined = heading_shaped(line) and _underlined(lines, number) \
            and (current is not Section.CONCEPTS or bool(_NOT_TERMS.search(line)))
        # "Written/online questions:", "Practical (observed):" under EXAM TIPS: the kinds of task the section
        # goes on to list, not a section of their own (h38: two files' tips sections were left empty)
        if current in (Section.TIPS, Section.MARKING) and _TASK_KIND.match(line) and not starts_item(line):
            continue  # the label itself says nothing to learn
        # "SECTION 3 - Numbers to learn" among the key concepts, where "SECTION 2 - …" and "SECTION 4 - …" head
        # sections too: a labelled section of the notes' own, whatever its case (h53: its figures were read as
        # key concepts and cited "Words you need")
        labelled = not raw[:1].isspace() and heading_shaped(line) and _labelled_section(line, section_labels)
        if (current is not None or ignoring is not None or after_title) \
                and (looks_like_heading(line) or current is not Section.CONCEPTS and over or in_sequence or underlined
                     or labelled) \
                and (not starts_item(line) or in_sequence) \
                and not (raw[:1].isspace() and not line.startswith(("#", ">>"))):
            ignoring = [number, 0]
            if numbered and not in_sequence and not raw[:1].isspace():
                # "3. FIGURES WORTH KNOWING (UK)": a numbered section of the notes' own; "5. WORKED EXAMPLE"
                # two sections on is the next of them, not an item of a list (h48: its figures were keyed)
                last_number, last_item = int(numbered.group(1)), 0
            unknown.append((number, line, ignoring))
            note_headings.append((number, _label(line).strip("-=~ ")))  # "--- BONDING SIZES ---" (h27)
            current = None  # until the next known heading
            label, step_open = _label(line), False
            continue
        if current is Section.CONCEPTS and over and not starts_item(line):
            label, step_open = _label(line), False  # "Sowing a seed tray" among the key concepts
        if label is not None and line != label:
            item = SYMBOL_BULLET.match(line) or NUMBER_BULLET.match(line)
            if item:
                # under key concepts, an item with a term of its own is a concept, not a step
                step_open = ignoring is not None or split_concept(clean(item.group("text") or "")) is None
            elif number > 1 and not clean(lines[number - 2]) and len(line.split()) <= 12 and line[-1:] not in ".!?":
                # a short line after a blank line heads the list below it, whatever the heading test
                # made of it ("Refusing service – the order to do it in", nine words, had its steps
                # filed under the quick reference above: h24's examiner)
                label, step_open = _label(line), False
                sub_heading = True
            elif steps.get(label) and number > steps[label][-1][0] + 1 or line[:1].isupper() and split_concept(line):
                # after a blank line, a paragraph is no wrapped part of the last step; nor is a line
                # with a label of its own ("Compression: cut square, …" after the soldering steps)
                step_open = False
            if step_open:
                steps.setdefault(label, []).append((number, raw, line))
        if ignoring is not None:
            ignoring[1] += 1
            if sub_heading and not raw[:1].isspace() and not re.search(r"\s{2,}\S+$", line) \
                    and _heads_notes(line, lines, number):
                # (not "  Balance per bank statement      3,200", a row of a worked example's table, h31)
                note_headings.append((number, _label(line)))  # "Tax point", "Schemes worth knowing" (h26)
            else:
                notes.append((len(note_headings) - 1, number, raw, line))
            continue
        if current is None:
            m = _META.match(line)
            if m:
                key = m.group("key").casefold().replace("unit code", "unit").replace("topic title", "title")
                key = "title" if key == "topic" else key  # "Topic: Milking hygiene and mastitis control" (h36)
                key = key.replace("keywords", "tags")
                if key in meta:
                    warn(number, f"'{m.group('key')}' given again (first on line {meta[key][1]}); the first is used")
                else:
                    meta[key] = (clean(m.group("value")), number)
            elif first_line is None:
                first_line = (number, line)  # the truncated copy of the synopsis
            else:
                preamble.append(number)
            continue
        sections[current].append((number, raw, line))

    # An unknown heading ends the previous section: its text must not be filed under it.
    for number, line, (_, count) in unknown:
        near = nearest_heading(line, 0.5)
        hint = f"did you mean '{near.value}'? " if near else ""
        under = f"the {count} line{'s' if count != 1 else ''} under it"
        if not count:
            what = f"{under} are ignored"
        elif count == 1:
            what = f"{under} is read for the values it states only"
        else:
            what = f"{under} are read for the values they state only"
        warn(number, f"unknown heading '{line}'; {hint}{what} (known headings: {KNOWN})")

    if not sections:
        return fail(first_line[0] if first_line else 1, f"no section headings found (expected {KNOWN})")
    if preamble:
        warn(preamble[0], f"text before the first heading is ignored ({len(preamble)} line{'s' if len(preamble) != 1 else ''}; only Title:, Tags: and Unit: lines are read there)")

    for section in Section:
        if section not in sections:
            warn(0, f"missing section '{section.value}'; items that need it are not generated")
        elif not sections[section]:
            warn(heading_line[section], f"section '{section.value}' is empty")

    built: dict[Section, list[Bullet]] = {}

    def bullets(section: Section) -> list[Bullet]:
        if section not in built:  # once: building warns about the section's bad bullets
            built[section] = _bullets(sections.get(section, []), section, shown, warn)
        return built[section]

    for section, section_lines in sections.items():
        # Generation compares the bullets of one file with each other: a bound keeps a CI job from hanging.
        if len(section_lines) > MAX_BULLETS and len(found := bullets(section)) > MAX_BULLETS:
            return fail(found[MAX_BULLETS].source.line, f"more than {MAX_BULLETS} bullets under '{section.value}' "
                        f"({len(found)}); split the topic into several files")

    synopsis_bullets = bullets(Section.SYNOPSIS)
    synopsis = " ".join(b.text for b in synopsis_bullets)
    synopsis_source = synopsis_bullets[0].source if synopsis_bullets else None
    titled = ""
    # (with no synopsis the first line is no copy of one: "Warehousing: goods-in, stock rotation and cycle
    # counting" over "Why this matters" titled its topic by the file's hash, h30)
    # (a copy is a long line cut off: "Safeguarding Adults" over "Safeguarding adults means protecting …" is the
    # title, h56's essays said "no readable title" and one was not set)
    copied = synopsis and _key(synopsis).startswith(_key(first_line[1])) and len(first_line[1].split()) > 6 \
        if first_line is not None else False
    if first_line is not None and not copied:
        titled = title_line(first_line[1])
        if not synopsis and _SENTENCE_OPENING.search(first_line[1]):
            titled = ""  # "This topic covers how service teams …": a cut copy of a synopsis the file lacks
        after = clean(lines[first_line[0]]) if first_line[0] < len(lines) else ""
        if (marker := _HEADING_MARKER.match(lines[first_line[0] - 1])) and sum(
                raw.lstrip().startswith(marker.group(1) + " ") for raw in lines) >= 3 \
                and len(after) >= 50 and not _HEADING_MARKER.match(after) \
                and (after[-1:] in ".!?" or first_line[0] + 1 < len(lines) and clean(lines[first_line[0] + 1]).strip()):
            # prose right under it, no subtitle (not "… Unit 7 study notes (J. Adeyemi)" alone on its line, h57)
            # ">> Why this matters to you on shift" over prose, with ">> Terms", ">> Numbers" … below: the
            # first of the notes' headings, not a title (h50: every stem named the topic so)
            titled = ""
        if not titled and synopsis:  # (with no synopsis, a line that is no title was never looked at)
            warn(first_line[0], "first line ignored (a topic file's first line is a truncated copy of the synopsis "
                                "or a title of 16 words or fewer; use 'Title:' for a title)")

    concepts = _concepts(bullets(Section.CONCEPTS), warn)
    from_slug = "" if meta.get("title", ("", 0))[0] or titled or not path else title_from_slug(path)
    lowered = titled if titled != titled.upper() else _sentence_case(titled)  # "ROOFING – FIXING TILES"
    if from_slug or lowered != titled:
        # "otc-medicines-counter-wwham" → "OTC medicines counter WWHAM", "HANDLING REFUNDS UNDER UK
        # CONSUMER LAW" → "Handling refunds under UK consumer law": abbreviations as the notes write them
        said = " ".join([synopsis, *(f"{c.term} {c.definition}" for c in concepts),
                         *(b.text for sec in (Section.TIPS, Section.MISCONCEPTIONS, Section.MARKING) for b in bullets(sec))])
        from_slug, titled = as_written(from_slug, said), as_written(_short_capitals(titled, lowered, said), said)
    worded = meta.get("title", ("", 0))[0] or titled or from_slug
    title = worded or slug
    tags = tuple(t for t in (clean(x) for x in re.split(r"[,;]", meta.get("tags", ("", 0))[0])) if t)
    topic = Topic(
        slug=slug,
        title=title,
        path=shown,
        sha256=hashlib.sha256(data).hexdigest(),
        synopsis=synopsis,
        synopsis_source=synopsis_source,
        concepts=tuple(concepts),
        tips=(*bullets(Section.TIPS), *(Bullet(text, Source(shown, n, Section.TIPS)) for n, text in question_tips)),
        misconceptions=tuple(bullets(Section.MISCONCEPTIONS)),
        marking_points=tuple(bullets(Section.MARKING)),
        steps=tuple(Bullet(f"{name} \u2014 {b.text}", Source(shown, b.source.line, None))
                    for name, found in steps.items() for b in _bullets(found, Section.TIPS, shown, lambda *_: None)),
        # each sub-heading's lines read apart: a list under one is no wrapped text of the one before
        notes=tuple(Bullet(b.text, Source(shown, b.source.line, None))
                    for head in dict.fromkeys(h for h, *_ in notes)
                    for b in _bullets([n[1:] for n in notes if n[0] == head], Section.TIPS, shown, lambda *_: None)),
        note_headings=tuple(note_headings),
        question_headings=tuple((n, h) for n, h in question_heads.items() if h),
        headings=tuple((section.value, text) for section, text in written.items() if text and text != section.value),
        tags=tags,
        unit=meta.get("unit", (None, 0))[0] or None,
        named=bool(worded),
    )
    return ReadResult(topic, diags)


# a first line that reads as the start of a sentence about the topic, not as its name
_SENTENCE_OPENING = re.compile(r"^(?:this|these|in this|learners?|candidates?|students?|you|we|(?-i:It|it))\b"
                               r"|\b(?:covers|focuses|explains|describes|introduces|looks at|is|are)\b", re.IGNORECASE)


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


def _unclosed(parts: list[str]) -> bool:
    """The item's text so far leaves a bracket open."""
    text = " ".join(parts)
    return text.count("(") > text.count(")")


def _join_lines(parts: list[str]) -> str:
    """Wrapped lines joined with a space; a word broken at its hyphen at a line's end ("post-" then
    "operative") joined without one. Not "pre- and post-operative" within a line."""
    pieces = [parts[0]]  # joined once: adding to one string per line is quadratic (100k wrapped lines)
    for before, part in zip(parts, parts[1:]):
        broken = re.search(r"[A-Za-z]{2}-$", before) and part[:1].islower() and not part.startswith(("and ", "or ", "to "))
        pieces.append(part if broken else " " + part)
    return "".join(pieces)


# "Marks come from:", "Mark scheme:", and (h42) "What earns the marks:", "How the marks are given:"
_MARKS_LABEL = re.compile(r"^(?:[A-Za-z']+\s+){0,4}?(?:the\s+)?(?:marks?|mark\s+scheme|credit|award\w*|answers?|model\s+answer)\b"
                          r"[^:.!?]{0,40}:$", re.IGNORECASE)
_NO_CREDIT = re.compile(r"\b(?:scores?\s+(?:nothing|no\s+marks?|zero)|(?:gets?|earns?|gains?)\s+(?:nothing|no\s+marks?)|"
                        r"(?:does\s+not|doesn't|will\s+not|won't|do\s+not|don't)\s+(?:earn|score|get|gain)\b)", re.IGNORECASE)
_QUESTION_LEAD = re.compile(_QUESTION_LABEL + r"\s*\S", re.IGNORECASE)  # with the question after it
_MARKS_INLINE = re.compile(r"^(?:marks?(?:\s+(?:awarded|given|available))?(?:\s+(?:for|to))?|marking|mark\s+scheme|"
                           r"(?:model\s+)?answers?)\s*:\s*\S", re.IGNORECASE)
_QUOTED_START = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\s+)?(?:[^:\"“]{0,40}:\s*)?[\"“]")
_PARAGRAPH_NUMBER = re.compile(r"^\d{1,2}\.\d{1,2}\s+(?!(?:V|A|W|N|J|K|C|F|Nm|Hz|Pa|MPa|MΩ|Ω|Wh|Ah|VA)\b)(?=\d|[A-Z])")
_PROSE_SECTIONS = (Section.SYNOPSIS, Section.TIPS, Section.MISCONCEPTIONS, Section.MARKING)


def _bullets(lines: list[tuple[int, str, str]], section: Section, shown: str, warn) -> list[Bullet]:
    """Bullets with wrapped lines joined on; without bullet markers, one item per line."""
    if section is Section.CONCEPTS:
        lines = _terms_over_definitions(_spaced_terms(_aligned_terms(_piped_terms(lines))))
    if section is Section.MISCONCEPTIONS:
        lines = _belief_table(_crossed_and_ticked(_said_and_true(lines)))
    out: list[list] = []  # [line, text]
    bulleted = False
    previous = 0
    item_indent = 0  # how far the line that began the last item (its bullet marker, or its text) is indented
    marks_at = None  # the column of a "Marks come from:" label under a quoted question, while its list goes on
    hanging = False  # the item's wrapped lines are indented deeper than its first
    for number, raw, line in lines:
        # a blank line (or a separator) ends a bullet: what follows it is not its wrapped text
        # ("Milestone summary - learn this table …" and the table under it were read as the end of
        # the last concept's definition)
        after_gap, previous = number > previous + 1, number
        if line.startswith(">> "):
            line = "- " + line[3:]  # (">> beer engine ........ the handpump": an item marked so, not a heading, h67)
        m = SYMBOL_BULLET.match(line) or NUMBER_BULLET.match(line)
        indent = len(raw) - len(raw.lstrip())
        if section is not Section.CONCEPTS:
            # '"Explain why gel must be kept off the skin. (3 marks)"' then "Marks come from:" and a list:
            # the marks are the question's, not points of their own (h39: they went to the observation
            # checklist, and the essay's guidance missed them)
            if not m and _MARKS_LABEL.match(line) and out and out[-1][1] is not None and not after_gap \
                    and _QUOTED_START.match(" ".join(out[-1][1:])):  # ("Sample question:" then the quote below it)
                out[-1].append(line)
                marks_at, bulleted = indent, True
                continue
            # "  1 mark - floors are rarely level", "  1 - cleaning removes grease": a mark and what earns it (h47)
            tariff = TARIFF_LEAD.match(line) if marks_at is not None and not m and not after_gap else None
            if marks_at is not None and (after_gap or (not (m or tariff) or indent < marks_at) and indent <= marks_at):
                marks_at = None  # back at the label's column: a line of its own
                if not after_gap and _NO_CREDIT.search(line):
                    # "Just writing "it's messy" scores nothing.": what the marks are not given for
                    out[-1][-1] = out[-1][-1].rstrip(";") + "."
                    out[-1].append(line)
                    continue
                if not after_gap:
                    out.append([number, line])
                    item_indent = indent
                    continue
            if marks_at is not None and (m or tariff):
                text = clean((m or tariff).group("text") or "")
                if text:
                    if out[-1][-1][-1:] not in ":;":
                        out[-1][-1] = out[-1][-1].rstrip(".") + ";"
                    out[-1].append(text)
                    item_indent = indent
                continue
        if section is not Section.CONCEPTS and not m and out and out[-1][1] is not None and not after_gap \
                and _QUESTION_LEAD.match(out[-1][1]) and _MARKS_INLINE.match(line):
            # "Sample question (6 marks): Describe how to …" then "Marks awarded for: identity checks (1); …":
            # the marks are the question's (h48: four files gave the question and its marks as two points)
            out[-1].append(line)
            continue
        if m and out and out[-1][1] is not None and not after_gap and indent > item_indent and _unclosed(out[-1][1:]):
            # "3. Evaluate the risks … (avoid - mechanical aids" then "   - reduce load - change layout …)": a
            # dash inside an open bracket, wrapped to the line's start, is no bullet (h45: "Reduce load" was
            # keyed as a step of the five)
            out[-1].append(line)
            continue
        if m:
            bulleted, deeper = True, indent > item_indent
            text = clean(m.group("text") or "")
            if not text:
                warn(number, "empty bullet; skipped")
                out.append([number, None])  # ends the previous bullet; nothing joins onto it
                continue
            # (not "3. Disconnect couplers …" under "2. PPE: goggles …" at the same column: a step of its own)
            # (nor "   1. Tell the bar team" under "  Frequency: …": numbered steps, not sub-items, unless
            # the line above leads into them: "the lowest of three figures:" then "a) space …")
            if section is Section.CONCEPTS and raw[:1].isspace() and deeper and out and out[-1][1] is not None \
                    and (SYMBOL_BULLET.match(line) or str(out[-1][-1]).rstrip().endswith(":")) \
                    and split_concept(text) is None and split_concept(out[-1][1]) is not None:
                # "- Clearances: … Bottom gap depends on the floor finish:" then "  - around 8-10 mm over a
                # hard floor,": an indented item with no term of its own is part of the definition above
                out[-1].append(text)
                continue
            out.append([number, text])
            item_indent = indent
            continue
        continues = out and out[-1][1] is not None and not after_gap and (
            bulleted or raw[:1].isspace() or line[:1].islower() or line[:1] in "(,;&"
            # a paragraph of prose wrapped at the margin: "… Marks go for naming a contraindication" then
            # "AND saying why it matters." (h35: each line of a tips paragraph was read as a point of its own)
            or section in _PROSE_SECTIONS and len(str(out[-1][-1])) >= 60 and str(out[-1][-1]).rstrip()[-1:] not in ".!?:;"
            and not ((label := split_concept(line)) and len(label[0].split()) <= 4)
        )
        if continues and not bulleted and len(out[-1]) == 2 and _labels_a_list(out[-1][1]) and line[:1] != "(" \
                and (label := split_concept(line)) and len(label[0].split()) <= 6:
            # "Beer line cleaning - step by step" then "  Frequency: at least every 7 days …": a
            # sub-heading over the lines below it, not a sentence they wrap onto (h28)
            out[-1] = [out[-1][0], None]
            continues = False
        if continues and indent <= item_indent and (line[:1].isupper() or _DOT_LEADER.match(line) and line[:1] != "("
                                                    # ("brood - eggs, larvae …" under "bee space - the gap …": a
                                                    # column of terms in lower case, h61 read them as one)
                                                    or section is Section.CONCEPTS and len(out[-1]) >= 2
                                                    and (split_dashed(line) and split_dashed(str(out[-1][1]))
                                                         or line.endswith(":") and str(out[-1][1]).endswith(":"))) \
                and (label := split_concept(line) or (split_dashed(line) if section is Section.CONCEPTS else None)) \
                and len(label[0].split()) <= 6:
            # (not "(including photographs) ...... life of author + 70 years" under "Literary, dramatic, musical,
            # artistic works": the term wrapped onto its leader line, h57's stem lost its subject)
            # ("pH .............. scale 0-14" in a column of terms: lower case, but a term of its own, h35)
            # "  - Pull to one side: …" then "  Legal minimum tread (cars): 1.6 mm …" back at the
            # marker's column (h27), or "  Coupler ..... connects gas in" under "  Python ..... insulated
            # bundle" (h28): a labelled line of its own, not the last item's wrapped text
            continues = False
        if continues and not bulleted and section is Section.MISCONCEPTIONS and indent <= item_indent and hanging \
                and not line[:1].islower():  # (also "#3 \"You must …\"": h65's third belief was lost)
            # '  "My licence lasts forever."   -> There is no …' over its fix indented under it, then the next
            # belief back at the margin: a list with hanging indents, one mistake per item (h62: read as one)
            continues = False
        if continues and not bulleted and indent <= item_indent and line[:1].isupper() \
                and str(out[-1][-1]).rstrip()[-1:] in ".!?":
            # "  Entitled worker: … no employer contribution is required." then "  Duties start on the
            # worker's first day. …" at the same column: a line of its own in an unbulleted list, not
            # the wrapped end of the one above (h30: "Entitled worker: Re-enrol every ____ years")
            continues = False
        if continues:
            out[-1].append(line)  # joined once below: adding to one string per line is quadratic
            hanging = hanging or indent > item_indent
        else:
            out.append([number, line])
            item_indent, hanging = indent, False
    items = []
    for number, *parts in out:
        # "signs of post-" then "operative pain": a word broken at its hyphen at the end of a line is one word (h41)
        text = None if parts[0] is None else _join_lines(parts)
        if text is None:
            continue
        if not any(ch.isalnum() for ch in text):
            warn(number, f"bullet '{text}' has no letters or digits; skipped")
            continue
        # "3.3 30 mA RCD at 1 x IΔn: …", "3.6 Typical DNO maximum Ze: …": the notes' paragraph number, not
        # a value (h36: "3.3 ____ mA" was quoted); "2.5 Nm", "1.2 m above …" are values and stay
        text = _PARAGRAPH_NUMBER.sub("", text)
        if section is Section.MISCONCEPTIONS and items and MISTAKE_LABEL.match(items[-1].text) \
                and not CORRECTION_LABEL.search(items[-1].text) and CORRECTION_LABEL.match(text):
            # "Wrong: Spraying and wiping straight away." then "Right: Leave disinfectant for the full
            # contact time": one mistake and its correction, not two mistakes (h47, h48)
            before = items[-1].text.rstrip()
            items[-1] = Bullet(before + ("" if before[-1:] in ".!?" else ".") + " " + text, items[-1].source)
            continue
        items.append(Bullet(text, Source(shown, number, section)))
    return items


_TABLE_ROW = re.compile(r"^\s*\|(?P<cells>.*)\|\s*$")
_QUOTED_CELL = re.compile(r'^["“][^"“”]{3,200}["”]\.?$')


def _belief_table(lines: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """'| "Beans keep best in the fridge" | Airtight, cool, dark cupboard instead |': a two-column table of
    beliefs and what is right, read as 'Wrong: …' and 'Right: …' where the first cell quotes the belief;
    its header, rules and rows of another kind (a symptom and its fix) are left out (h49: the whole table
    was read as one mistake, pipes and all)."""
    rows = [i for i, (_, _, line) in enumerate(lines) if _TABLE_ROW.match(line)]
    if len(rows) < 2:
        return lines
    out = list(lines)
    for i in rows:
        number, raw, line = out[i]
        cells = [c.strip() for c in _TABLE_ROW.match(line).group("cells").split("|")]
        if len(cells) == 2 and _QUOTED_CELL.match(cells[0]) and re.search(r"[A-Za-z]", cells[1]):
            belief, right = cells[0].rstrip("."), cells[1]
            out[i] = (number, raw, f"- Wrong: {belief}. Right: {right}")
        else:
            out[i] = (number, raw, "")  # a header, a rule or a row that is no belief
    return [row for row in out if row[2]]


_CROSS = re.compile(r"^(\s*)(?:X|x|✗|✘|×|❌)\s+(?=\S)")
_TICK = re.compile(r"^(\s*)(?:\+|✓|✔|✅)\s+(?=\S)")


_THEY_SAY = re.compile(r"^(\s*)(?:they|learners?|people|customers?|clients?)\s+say(?:s)?\s*(?::\s*|\s{2,}|(?=[\"“]))", re.IGNORECASE)
_ACTUALLY = re.compile(r"^(\s*)(?:actually|in fact|the truth|truth)\s*(?::\s*|\s{2,})", re.IGNORECASE)


def _said_and_true(lines: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """'THEY SAY: "If it's on the box …"' over 'ACTUALLY: every dispensed item …' (or the labels followed by spaces):
    a belief and what is true, read as 'Wrong: …' and 'Right: …' where at least two such pairs are written (h65,
    h66: each label's line was read as a mistake of its own)."""
    said = [i for i, (_, raw, _) in enumerate(lines) if _THEY_SAY.match(raw)]
    true = [i for i, (_, raw, _) in enumerate(lines) if _ACTUALLY.match(raw)]
    if len(said) < 2 or len(true) < 2:
        return lines
    out = list(lines)
    for i in said + true:
        number, raw, _ = out[i]
        pattern, label = (_THEY_SAY, "- Wrong: ") if i in said else (_ACTUALLY, "Right: ")
        raw = pattern.sub(r"\1" + label, raw, count=1)
        out[i] = (number, raw, clean(raw))
    return out


def _crossed_and_ticked(lines: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """'X Lifting the hair …' over '+ Keep hair flat …' (or a cross and a tick): a mistake and its fix,
    read as 'Wrong: …' and 'Right: …' where at least two crossed lines each have a ticked line under
    them (h47: each fix was read as the start of the next mistake)."""
    crossed = [i for i, (_, _, line) in enumerate(lines) if _CROSS.match(line)]
    pairs = [i for i in crossed if i + 1 < len(lines) and _TICK.match(lines[i + 1][2])]
    if len(pairs) < 2:
        if len(crossed) >= 2 and not pairs and all(_CROSS.match(lines[i][1]) for i in crossed):
            # ' x "Use diversity …"' over '   -> NO diversity …': each crossed line starts a mistake, its fix
            # after an arrow (h61: the nine mistakes, indented, were read as one)
            out = list(lines)
            for i in crossed:
                number, raw, line = out[i]
                out[i] = (number, _CROSS.sub(r"\1- ", raw, count=1), _CROSS.sub("- ", line, count=1))
            return out
        return lines
    out = list(lines)
    for i in pairs:
        for j, label in ((i, "- Wrong: "), (i + 1, "- Right: ")):
            number, raw, line = out[j]
            pattern = _CROSS if j == i else _TICK
            out[j] = (number, pattern.sub(r"\1" + label, raw, count=1), pattern.sub(label, line, count=1))
    return out


# "Wrong:", "Mistake:", "Error:", "Myth:" before a mistake, and "Right:", "Why it is wrong:", "Instead:",
# "Fact:" (or "->") before what is true or done instead: a labelled pair of the notes' own
MISTAKE_LABEL = re.compile(r"^(?:(?:common|typical|the)\s+)?(?:wrong|mistake|error|myth|misconception|bad practice)\s*[:–—-]\s+",
                           re.IGNORECASE)
CORRECTION_LABEL = re.compile(r"(?:^|(?<=[.!?\"”])\s+)(?:right|correct(?:ion| practice)?|instead|fact|truth|reality|the fix|fix|"
                              r"good practice|why (?:it is|it's|this is|that's) wrong|why)\s*:\s+"
                              r"|\s+(?:-{1,2}>|→|=>)\s+", re.IGNORECASE)  # ("-->", h62)


# "   FULCRUM             the front axle; …": a term in capitals, then spaces, then its definition (h62)
_SPACED_TERM = re.compile(r"^\s{0,8}(?P<term>[A-Z][A-Z0-9/&'()-]*(?: [A-Z0-9/&'()-]+){0,4})\s{2,}(?P<definition>[^\s.].{5,})$")


def _terms_over_definitions(lines: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """' building line' over '     legal line set by the local authority …': each term alone on its line with its
    definition indented under it, read as "Term: definition" where at least three terms are so written and no
    line of the section has a colon after its first words (h65: the glossary was read as one line, skipped)."""
    def indent(raw: str) -> int:
        return len(raw) - len(raw.lstrip())

    heads = [i for i in range(len(lines) - 1)
             if lines[i + 1][0] == lines[i][0] + 1 and indent(lines[i + 1][1]) >= indent(lines[i][1]) + 2
             and 1 <= len(lines[i][2].split()) <= 5 and ":" not in lines[i][2] and lines[i][2][-1:] not in ".!?;,"
             and not starts_item(lines[i][2]) and (i == 0 or indent(lines[i - 1][1]) > indent(lines[i][1])
                                                   or lines[i - 1][0] < lines[i][0] - 1)]
    margin = min((indent(raw) for _, raw, _ in lines), default=0)
    if len(heads) < 3 or any(split_concept(line) for _, raw, line in lines if indent(raw) <= margin):
        return lines  # (a colon in a definition's wrapped text is no term of its own)
    out = list(lines)
    for i in heads:
        number, raw, line = out[i]
        out[i] = (number, raw.rstrip() + ":", line + ":")
    return out


def _spaced_terms(lines: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """A column of terms in capitals, each followed by spaces and its definition, read as "Term: definition"
    where at least three lines are so written and no line of the section has a colon after its first words
    (h62: its glossary was skipped as lines with no colon)."""
    spaced = [i for i, (_, raw, line) in enumerate(lines)
              if len(raw) <= 400 and (m := _SPACED_TERM.match(raw.rstrip())) and re.search(r"[A-Z]{2}", m.group("term"))]
    if len(spaced) < 3 or any(split_concept(line) for _, _, line in lines):
        return lines
    out = list(lines)
    for i in spaced:
        number, raw, _ = out[i]
        m = _SPACED_TERM.match(raw.rstrip())
        text = f"{m.group('term').strip()}: {clean(m.group('definition'))}"
        out[i] = (number, raw[: len(raw) - len(raw.lstrip())] + text, text)
    return out


def _aligned_terms(lines: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """In a column of dot-leader terms, a term too long for its dots is followed by spaces alone:
    "  Inhibition layer  sticky layer left on top …" under "  Cure ............ the chemical reaction …"
    (h39: the two definitions ran together). Such a line, whose term starts at the column's term
    column and whose text starts at its definition column, is read as a leader line of its own."""
    columns = set()
    for _, raw, _line in lines:
        if m := _DOT_LEADER.match(raw.lstrip()):
            indent = len(raw) - len(raw.lstrip())
            columns.add((indent, indent + m.start("definition")))
    # "PAYE                  Pay As You Earn: the system …": a column of terms set out with spaces alone (three
    # lines or more with their text at one column) is read the same way (h49: "PAYE Pay As You Earn" was
    # taken for the term, split at the colon inside the definition)
    spaced: dict[tuple[int, int], int] = {}
    for _, raw, _line in lines:
        if (m := _SPACE_ALIGNED.match(raw)) and m.start(3) - m.end(2) >= 3 and m.group(3)[:1] not in "-–—=:":
            key = (len(m.group(1)), m.start(3))
            spaced[key] = spaced.get(key, 0) + 1
    space_columns = {key for key, count in spaced.items() if count >= 3}
    if not columns and not space_columns:
        return lines
    out = []
    for number, raw, line in lines:
        m = _SPACE_ALIGNED.match(raw)
        if m and not _DOT_LEADER.match(line) and ((len(m.group(1)), m.start(3)) in columns or (
                m.group(3)[:1] not in "-–—=:"  # ("Hot holding    - keeping …": a dashed term, read as one)
                and any(len(m.group(1)) == indent and m.start(3) >= col for indent, col in space_columns))):
            line = f"{m.group(2)} .... {m.group(3)}"
        out.append((number, raw, line))
    # "  dynamic risk" over "  assessment .......... spotting and acting …": a term wrapped before its leader, at the
    # column's term column (h66: "Assessment" was keyed, and "dynamic risk" ran on to the definition above)
    indents = {indent for indent, _ in columns}
    joined: list[tuple[int, str, str]] = []
    for k, (number, raw, line) in enumerate(out):
        after = out[k + 1] if k + 1 < len(out) else None
        indent = len(raw) - len(raw.lstrip())
        if after and indent in indents and after[0] == number + 1 and not _DOT_LEADER.match(line) \
                and 1 <= len(line.split()) <= 4 and line[-1:] not in ".!?;,:" and len(after[1]) - len(after[1].lstrip()) == indent \
                and (m := _DOT_LEADER.match(after[2])) and m.group("term")[:1].islower():
            out[k + 1] = (after[0], after[1], f"{line} {after[2]}")
            continue
        joined.append((number, raw, line))
    return joined


_PIPED_RX = re.compile(r"^\s*\|?\s*(?P<term>[^|\s][^|]{0,60}?)?\s*\|\s*(?P<text>[^|]*[^|\s])\s*\|?\s*$")


def _piped(line: str) -> re.Match | None:
    """A table row's two cells; a line longer than any table row is none (and costs the pattern nothing)."""
    return _PIPED_RX.match(line) if len(line) <= 400 else None


_TABLE_RULE = re.compile(r"^\s*[-=+|:\s]{3,}$")
# a glossary table's header cells ("TERM | WHAT IT MEANS", h59: read as a term of its own)
_HEADER_CELLS = frozenset(["term", "word", "key term", "meaning", "definition", "description", "explanation", "what it means",
                           "what it is"])


def _piped_terms(lines: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """A glossary set out as a two-column table ("Total body water | About 60% of body weight …"), a row
    whose term cell is blank going on with the definition above it: each row one "term .... definition"
    line, without the header row or the rules (h54: the pipes were quoted in stems, "Isotonic: | Similar …")."""
    # (a table: three rows or more whose pipe stands at one column, no bullet before them; not "- Benchmarking
    # | end: …", a term that holds a pipe)
    columns: dict[int, int] = {}
    for _, raw, line in lines:
        if (m := _piped(line)) and m.group("term") and not SYMBOL_BULLET.match(line) and not NUMBER_BULLET.match(line):
            columns[raw.find("|")] = columns.get(raw.find("|"), 0) + 1
    # (or a header row, "Term | Meaning", over a rule: a table however its rows are spaced, h55)
    headed = any((m := _piped(line)) and m.group("term") and _header_row(m) and n + 1 < len(lines)
                 and _TABLE_RULE.match(lines[n + 1][2]) for n, (_, _, line) in enumerate(lines))
    if max(columns.values(), default=0) < 3 and not headed:
        return lines
    out: list[tuple[int, str, str]] = []
    for number, raw, line in lines:
        m = _piped(line)
        if _TABLE_RULE.match(line) and "|" in line or m and m.group("term") and _header_row(m):
            continue
        if m and not m.group("term") and out and " .... " in out[-1][2]:
            n0, raw0, line0 = out[-1]
            out[-1] = (n0, raw0, f"{line0} {m.group('text')}")  # the definition's next line, in its cell
            continue
        if m and m.group("term"):
            line = f"{m.group('term').strip()} .... {m.group('text')}"
        out.append((number, raw, line))
    return out


def _header_row(m: re.Match) -> bool:
    cells = (m.group("term").strip().lower(), m.group("text").strip().lower())
    return all(c in _HEADER_CELLS or c.rstrip("s") in _HEADER_CELLS for c in cells)


_SPACE_ALIGNED = re.compile(r"^(\s*)([^\W\d_][^.:]{0,58}?[^\s.:])\s{2,}(\S.*)$")


# "== Key terms ==", and "--- Figures you need ---", "*** Safety ***", "~~ Steps ~~" (h35: two of its
# sub-headings were read as key concepts, and the figures and steps under them with them)
# (and "-- Numbers to know -------": two dashes before, a rule after, h52: its heading and the figures and
# steps under it were read as key concepts)
# (and "+-------- KEY TERMS --------+": a heading drawn as a box's edge, h61)
_WIKI_HEADING = re.compile(r"^\+?(?:={2,}|-{3,}|\*{3,}|~{2,})\s*([\"“]?[^\W\d_].*?)\s*(?:={2,}|-{3,}|\*{3,}|~{2,})\+?$"
                           r"|^-{2}\s+([^\W\d_][^-]*?)\s+-{3,}$")


_NUMBERED = re.compile(r"^(\d{1,2})[.)]\s+(\S.*)$")
# "SECTION 3 - Numbers to learn", "Part B: Fault finding": a section named by its label and number
# ("[C] IS IT A PACKAGE?": a section lettered in brackets, h63)
_SECTION_LABEL = re.compile(r"^(?:(?P<word>section|part|unit|chapter|module)\s+(?:\d{1,2}|[A-H])\s*(?:--|[-–—:.])\s+\S"
                            r"|(?P<box>\[)(?:0x)?[A-Z0-9]{1,2}\]\s+\S|(?P<sign>§)\s*\d{1,2}\s+\S|(?P<s>S)\d{1,2}\s+\S)", re.IGNORECASE)


def _section_labels(lines: list[str]) -> frozenset[str]:
    """The section label the notes use at least twice at the margin ("SECTION"), as written."""
    seen: dict[str, int] = {}
    for raw in lines:
        if not raw[:1].isspace() and (m := _SECTION_LABEL.match(raw.strip())):
            word = m.group("word") or m.group("box") or m.group("sign") or m.group("s")
            seen[word] = seen.get(word, 0) + 1
    return frozenset(word for word, n in seen.items() if n >= 2)


def _labelled_section(line: str, labels: frozenset[str]) -> bool:
    m = _SECTION_LABEL.match(line)
    return bool(m) and (m.group("word") or m.group("box") or m.group("sign") or m.group("s")) in labels


def _heads_in_sequence(text: str) -> bool:
    """A numbered line's text reads as a section's name: at most 16 words, no sentence in it and no
    stop at its end, no "Term: definition" (the numbered steps of a method are sentences or orders)."""
    # ("4. STEP-BY-STEP: BUILDING THE FORECAST": a colon in a name written in capitals, h48)
    # ("4. PROCESS: PME EARTHING DECISION (Reg 722.411.4.1 in outline)": capitals before the colon, h61)
    return (len(text.split()) <= 16 and len(text) <= 120 and text[-1:] not in ".!?;,"
            and not re.search(r"[.!?]\s", text)
            and (":" not in text.rstrip(":") or text == text.upper() or text.split(":")[0].isupper()))


def _heads_notes(line: str, lines: list[str], number: int) -> bool:
    """A short line after a blank line, under an unknown heading, that heads the lines below it
    ("Tax point", "Schemes worth knowing"): no sentence inside it, no colon at its end (a label that
    leads into its items, "Class I:", stays their lead), and the line below it starts a line of its
    own, not the rest of a wrapped sentence."""
    if re.search(r"[.!?]\s", line) or line.rstrip().endswith(":"):
        return False
    below = next((clean(raw) for raw in lines[number:] if clean(raw)), "")
    return bool(below) and (below[:1].isupper() or below[:1].isdigit() or starts_item(below))


def _labels_a_list(text: str) -> bool:
    """A short line with no colon and no closing stop: a sub-heading, not the start of a sentence."""
    # (not "pH .............. scale 0-14 for how acidic …": a term with its dot leader, h35)
    # (nor '#3 "You must paint every cut with wound sealant."': a quoted sentence, a belief over its fix, h65)
    return ":" not in text and len(text.split()) <= 10 and text.rstrip()[-1:] not in ".!?;," \
        and not _DOT_LEADER.match(text) and not re.search(r"[.!?][\"”’']$", text.rstrip())


# what a sub-heading says of the list under it: "Cashing up – step by step", "Rabbits – essentials"
_LIST_QUALIFIER = re.compile(r"^(?:the |a |an )?(?:(?:safe |correct )?(?:steps?|sequence|routine|method|order|procedure|process)|"
                             r"essentials|quick reference|step[- ]by[- ]step|what to do|dos? and don'?ts?|key points|checklist|"
                             r"summary|overview|basics|in brief|how to\b)", re.IGNORECASE)


def dashed_run(bullets: list[Bullet], i: int) -> bool:
    """``bullets[i]`` reads as "Term - definition" beside another that does: terms written so come in a
    column ("AHT - Average Handle Time" over "FCR - First Contact Resolution"); a lone "Cashing up –
    step by step" over numbered steps is the sub-heading of a list, not a term (an untuned read of the
    reviewed sets: 40 such lines would have become concepts)."""
    def dashed(j: int) -> bool:
        if not 0 <= j < len(bullets) or split_concept(bullets[j].text) is not None:
            return False
        parts = split_dashed(bullets[j].text)
        return parts is not None and not _LIST_QUALIFIER.match(parts[1])
    return dashed(i) and (dashed(i - 1) or dashed(i + 1))


def _concepts(bullets: list[Bullet], warn) -> list[Concept]:
    concepts: list[Concept] = []
    seen_terms: dict[str, int] = {}
    seen_definitions: dict[str, tuple[str, int]] = {}
    for i, b in enumerate(bullets):
        line = b.source.line
        parts = split_concept(b.text) or (split_dashed(b.text) if dashed_run(bullets, i) else None)
        if parts is None:
            warn(line, "key concept has no 'Term: definition' colon; skipped")
            continue
        term, definition = parts
        if not any(ch.isalnum() for ch in term):
            warn(line, "key concept has no term before its colon; skipped")
            continue
        if not any(ch.isalnum() for ch in definition):
            warn(line, f"key concept '{term}' has no definition after its colon; skipped")
            continue
        key = _key(term) or term
        if key in seen_terms:
            warn(line, f"concept '{term}' already defined on line {seen_terms[key]}; skipped")
            continue
        dkey = _key(definition) or definition
        if dkey in seen_definitions:
            other, other_line = seen_definitions[dkey]
            warn(line, f"concept '{term}' has the same definition as '{other}' (line {other_line}); skipped")
            continue
        seen_terms[key] = line
        seen_definitions[dkey] = (term, line)
        concepts.append(Concept(term, definition, b.source))
    return concepts


# --- many files --------------------------------------------------------------


def find_topic_files(paths: list[Path]) -> list[Path]:
    """Expand directories to their topic files (sorted), keep files as given. Raises on problems."""
    diags: list[Diagnostic] = []
    found = _find(paths, diags)
    errors = [d for d in diags if d.severity is Severity.ERROR]
    if errors:
        raise InputErrors(diags)
    return found


# Files a repository holds beside its notes; never topics, whatever their extension. The
# names that could also be a topic's ("security.txt", "history.txt") count only in capitals,
# as repositories write them (SECURITY.md, HISTORY).
NOT_TOPICS = frozenset({"readme", "license", "licence", "copying", "changelog", "contributing", "code_of_conduct"})
NOT_TOPICS_IN_CAPITALS = frozenset({"NOTICE", "AUTHORS", "CHANGES", "HISTORY", "NEWS", "SECURITY", "SUPPORT", "TODO"})


def _not_a_topic(q: Path) -> str | None:
    """Why a file in a topics folder is not a topic note (None: it is read as one)."""
    stem = q.name.split(".", 1)[0]
    if stem.casefold().replace("-", "_") in NOT_TOPICS or stem in NOT_TOPICS_IN_CAPITALS:
        return "a repository file, not a topic note"
    if q.suffix.lower() == ".md" and not _has_headings(q):
        return "a Markdown file without the topic headings, not a topic note"
    return None


def _has_headings(path: Path) -> bool:
    """Whether a file has at least one topic heading (unreadable or odd files count as topics,
    so that reading them reports what is wrong)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                return True  # swapped for a pipe since it was listed: reading it reports that
            data = fh.read(MAX_BYTES + 1)
        text = decode(data).text
    except (OSError, DecodeFailure):
        return True
    return any(heading_of(clean(line)) for line in split_lines(text))


def _find(paths: list[Path], diags: list[Diagnostic], shown: dict[str, str] | None = None,
          skipped: list[tuple[str, str]] | None = None) -> list[Path]:
    """The topic files among ``paths`` (folders expanded). ``shown`` is filled with how outputs
    name each file (given path -> display path); ``skipped`` with files left out as not topics."""
    found: list[Path] = []
    shown = {} if shown is None else shown
    skipped = [] if skipped is None else skipped
    for p in map(Path, paths):
        if p.is_dir():
            entries = []
            try:
                children = sorted(p.iterdir())
            except OSError as exc:
                diags.append(Diagnostic(Severity.ERROR, f"cannot read directory: {exc.strerror or exc}", given_path(p)))
                continue
            for q in children:
                if q.name.startswith((".", "~$")):
                    continue  # hidden files, Word lock files
                where = given_path(q)
                shown[where] = display_path(q, p)
                topic_like = q.suffix.lower() in TOPIC_SUFFIXES
                if q.is_symlink() and not q.exists():
                    if topic_like:  # a topic that cannot be read is reported, never silently dropped
                        diags.append(Diagnostic(Severity.WARNING, "skipped: a symbolic link to nothing (dangling, or a loop)", where))
                    continue
                if q.is_dir():
                    continue  # subfolders
                if not q.is_file():
                    if topic_like:
                        diags.append(Diagnostic(Severity.WARNING, "skipped: not a regular file (a pipe, socket or device)", where))
                    continue
                reason = _not_a_topic(q)
                if reason:
                    skipped.append((where, reason))
                elif topic_like:
                    entries.append(q)
                else:
                    diags.append(Diagnostic(Severity.WARNING, "skipped: not a topic file (topic files are .txt or .md, saved as plain text)", where))
            if not entries:
                diags.append(Diagnostic(Severity.ERROR, "no topic files found here (looked for *.txt and *.md)", given_path(p)))
            found.extend(entries)
        elif p.exists() or p.is_symlink():
            shown[given_path(p)] = display_path(p)
            found.append(p)
        else:
            diags.append(Diagnostic(Severity.ERROR, "no such file or directory", given_path(p)))
    if not paths:
        diags.append(Diagnostic(Severity.ERROR, "no topic files given", "."))
    return found


def scan_topics(paths: list[Path]) -> ScanResult:
    """Read every topic file, collecting all problems; slugs are made unique in input order."""
    result = ScanResult()
    files = _find(list(paths), result.diagnostics, result.shown, result.skipped)
    used: dict[str, str] = {}
    titles: dict[str, str] = {}
    seen_files: dict[Path, str] = {}
    seen_content: dict[str, str] = {}
    for path in files:
        shown = given_path(path)
        resolved = path.resolve()
        if resolved in seen_files:
            result.diagnostics.append(Diagnostic(Severity.WARNING, "given more than once; read once", shown))
            continue
        seen_files[resolved] = shown
        result.files.append(shown)
        slug = base = slug_of(path)
        n = 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        if slug != base:
            result.diagnostics.append(Diagnostic(
                Severity.WARNING, f"topic name '{base}' is already used by {used[base]}; this topic is '{slug}'", shown))
        read = scan_topic(path, slug, result.shown.get(shown))
        result.diagnostics.extend(read.diagnostics)
        if read.topic is None:
            continue
        if read.topic.sha256 in seen_content:
            result.diagnostics.append(Diagnostic(
                Severity.WARNING, f"same content as {seen_content[read.topic.sha256]}; skipped", shown))
            continue
        seen_content[read.topic.sha256] = shown
        used[slug] = shown
        # as Moodle compares category names (case-insensitive in MySQL), slashes at the ends dropped
        title_key = " ".join(read.topic.title.strip().strip("/").casefold().split())
        if title_key in titles and slug == base:  # (a renamed slug was warned about above)
            # the Moodle writers keep the two apart (writers.shared.category_titles)
            result.diagnostics.append(Diagnostic(
                Severity.WARNING, f"title '{read.topic.title}' is also the title of {titles[title_key]}; this topic's "
                f"Moodle category is '{read.topic.title} ({slug})'", shown))
        titles.setdefault(title_key, shown)
        result.topics.append(read.topic)
    return result


def written_diagnostics(diagnostics, shown: dict[str, str]) -> tuple[Diagnostic, ...]:
    """Diagnostics as outputs carry them: every input named as :func:`display_path` names it
    (never absolute), in the location and inside the message."""
    names = sorted((k for k, v in shown.items() if k != v), key=len, reverse=True)
    out = []
    for d in diagnostics:
        path = shown.get(d.path, d.path)
        if os.path.isabs(path):
            path = printable(os.path.basename(path.rstrip("/\\")) or ".")
        message = d.message
        for name in names:
            if name in message:
                message = message.replace(name, shown[name])
        out.append(d if (path, message) == (d.path, d.message) else Diagnostic(d.severity, message, path, d.line))
    return tuple(out)


def read_topics(paths: list[Path]) -> tuple[list[Topic], list[Diagnostic]]:
    """Read every topic file; raises :class:`QbankError` carrying every problem if any is an error."""
    result = scan_topics(paths)
    if result.errors:
        raise InputErrors(result.diagnostics)
    return result.topics, result.diagnostics


__all__ = [
    "QbankError", "ReadResult", "ScanResult", "display_path", "find_topic_files", "heading_of",
    "parse_topic", "read_topic", "read_topics", "scan_topic", "scan_topics", "slug_of", "split_concept", "written_diagnostics",
]
