"""The line-level syntax of topic files: which lines are headings, bullets and separators.

docs/topic-format.md ("The five headings", "Bullets") is the contract this implements.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from qbank.model import Section

# Other names tutors give the headings; matched after heading_key() normalisation.
ALIASES: dict[Section, tuple[str, ...]] = {
    Section.SYNOPSIS: ("Synopsis", "Topic Overview", "Topic Summary"),
    Section.CONCEPTS: ("Key Concepts", "Key Concepts and Principles", "Core Principles", "Key Principles",
                       "Key Terms", "Key Terms and Definitions"),
    Section.TIPS: ("Exam Tips", "Revision Strategies", "Exam Tips and Revision", "Revision Tips", "Exam Technique"),
    Section.MISCONCEPTIONS: ("Common Misconceptions", "Misconceptions", "Common Mistakes",
                             "Mistakes to Avoid", "Common Misconceptions and Mistakes"),
    Section.MARKING: ("Examiner Marking Points", "Examiners Marking Points", "Marking Points", "Marking Criteria",
                      "Mark Scheme", "Mark Scheme Notes"),
}
KNOWN = ", ".join(f"'{s.value}'" for s in Section)

# ("> Noggin - short timber …": a "> " marker as a bullet, h35; ">>" marks a heading, HEADING_MARK)
SYMBOL_BULLET = re.compile(
    r"^(?:!!(?=\s)|\(!\)(?=\s)|[+\u2022\u2023\u25e6\u2043\u2013\u2014\u00b7\u25aa\u25cf\u25cb\u25a0\u25ba\u27a2\u2713\u2714"
    r"\uf0b7\uf0a7\uf076\uf0d8\uf0fc]|\u00a7(?!\s*\d)|\*(?!\*)|o(?=\s)|-(?=\s|[^\W\d_]|$)|>(?=\s))\s*(?P<text>.*)$"
)
# ("   a. Job card and technical data to hand." under "1. Prepare": a lettered sub-step, h51 read as "Prepare a")
NUMBER_BULLET = re.compile(r"^(?:#\d{1,2}(?=\s)|\d{1,3}[.)]|\(\d{1,3}\)|[A-Za-z]\)|[a-h]\.(?=\s+[A-Z]))\s+(?P<text>.*)$|^(?:\d{1,3}[.)]|\(\d{1,3}\))$")
# "-----", "***", "#": a visual separator; "....................", "·····" too (h45: a rule of dots under a
# heading was read as the start of the line below it)
RULE = re.compile(r"^[-=_*~#\u2014\u2013\s]{3,}$|^#+$|^[.\u00b7\u2026\s]{5,}$|^\+[-=+]{3,}\+$")  # ("+-----+": a box's edge, h61)
# "2. Key terms", "Section B - Figures", and "1.1 Overview" (h36: a numbered sub-section's heading)
# (and "SECTION 1 :: Words …", "§3  NUMBERS", "[0x05] NUMBERS", "S2  THE NUMBERS": labels of h64-h66's sections)
NUMBERING = re.compile(r"^(?:(?:section|part)\s+)?(?:\d{1,2}\.\d{1,2}\.?\s+(?=[^\W\d_])|(?:\d{1,2}|[ivx]{1,4}|[a-e])(?:[.)]|\s*(?:::|[:\-\u2013\u2014]))\s*)"
                       r"|^(?:§\s*\d{1,2}|\[0x[0-9a-f]{1,2}\]|S\d{1,2})\s+(?=\S)", re.I)
BOLD = re.compile(r"^(\*\*|__)(.*?)(\*\*|__)$")


def heading_key(text: str) -> str:
    """A heading compared loosely: case, '&'/'+'/'and', punctuation and spacing ignored."""
    text = re.sub(r"[&+]", " and ", text.casefold())
    return " ".join(re.sub(r"[^\w\s]", "", text).split())


HEADINGS: dict[str, Section] = {}
for _s in Section:
    for _name in (_s.value, *ALIASES[_s]):
        HEADINGS[heading_key(_name)] = _s
# Only multi-word names may carry text on the heading line ("Exam Tips: ..."):
# a concept called "Synopsis: ..." must stay a concept.
INLINE_OK = {k for k in HEADINGS if " " in k}


# Marks a tutor puts before a heading: Markdown's "#", or ">>" (">> Key concepts")
HEADING_MARK = re.compile(r"^(?:#{1,6}|>{2,3})\s*")


def heading_of(line: str) -> tuple[Section, str] | None:
    """The section a (cleaned) line opens, and any text after ``Heading:`` on the same line."""
    text = HEADING_MARK.sub("", line).strip()
    bold = BOLD.match(text)
    if bold:
        text = bold.group(2).strip()
    bullet = SYMBOL_BULLET.match(text)
    if bullet:  # "- Exam Tips & Revision Strategies" alone on its line is still that heading
        section = HEADINGS.get(heading_key(bullet.group("text").strip("*_: ")))
        return (section, "") if section else None
    text = NUMBERING.sub("", text).strip().strip("*_").strip()
    key = heading_key(text)
    if key in HEADINGS:
        return HEADINGS[key], ""
    # "MISCONCEPTIONS (the ones I keep crossing out)", "Mark scheme notes (last year's paper)": an aside
    aside = heading_key(re.sub(r"\s*\([^()]*\)\s*$", "", text))
    if aside != key and aside in HEADINGS:
        return HEADINGS[aside], ""
    m = re.match(r"(?P<head>[^:\uff1a]*)[:\uff1a](?P<rest>.*)$", text)
    if m and heading_key(m.group("head")) in INLINE_OK:
        return HEADINGS[heading_key(m.group("head"))], m.group("rest").strip().lstrip("*_").strip()
    return None


_BRACKETED = re.compile(r"^\[\s*([^\[\]]{2,70}?)\s*\]$")


def looks_like_heading(line: str) -> bool:
    """A short title-like line that is not a known heading: 'Further Reading', '## Notes'."""
    if re.match(r"#{1,6}(?:\s|$)|>>", line):  # "#0.5 = 1.5mm" (a clipper guard) is no Markdown heading (h30)
        # (not ">> beer engine ........ the handpump …": a term and its dot leader, marked as an item, h67)
        return not re.search(r"\S\s*\.{4,}\s*\S", line)
    if _BRACKETED.match(line.strip()) and len(line.split()) <= 10:
        return True  # "[ the one formula ]": a heading set in brackets, whatever its case (h58)
    if SYMBOL_BULLET.match(line):
        return False
    text = NUMBERING.sub("", line).strip().strip("*_").strip()
    # "NORMAL VALUES FOR AN ADULT DOG (learn these)": a heading in capitals with an aside (h41: its values
    # were read as key concepts, and an item cited "KEY TERMS" for them)
    bare = re.sub(r"\s*\([^()]*\)\s*:?$", "", text)
    if bare != text and len(re.sub(r"[^A-Za-z]", "", bare)) >= 4 and bare.isupper():
        text = bare
    words = text.rstrip(":").split()
    if not 1 <= len(words) <= 7 or text[-1] in ".!?,;)" or ":" in text.rstrip(":") or "|" in text:
        return False  # ("Term | Meaning": a table's header row, h55)
    if not text[0].isupper():
        return False
    return text.endswith(":") or all(w[0].isupper() for w in words if len(w) >= 4 and w[0].isalpha())


def heading_shaped(line: str) -> bool:
    """Short enough and plain enough to be a (misspelled) heading: not a bullet, not a sentence."""
    text = re.sub(r"^\[[A-Z0-9]{1,2}\]\s+", "", NUMBERING.sub("", HEADING_MARK.sub("", line)).strip("*_ "))
    # "Words you need (write these out yourself, it helps):": the aside is not counted (h37)
    # (punctuation alone is no word: '"BUT I THOUGHT..." -- MISTAKES I HEAR EVERY YEAR', h68)
    words = [w for w in re.sub(r"\s*\([^()]*\)\s*:?$", "", text).rstrip(":").split() if re.search(r"\w", w)]
    return (
        not SYMBOL_BULLET.match(line) and 1 <= len(words) <= 8 and len(text) < 100
        # ("THEY SAY ... / ACTUALLY ...": an ellipsis is no sentence's stop, h66)
        and (text[-1:] not in ".!?,;" or text[-1:] == "?" and text.isupper() or text.endswith("..."))  # ("WHAT IS THIS TOPIC ABOUT?", h59)
        and ":" not in text.rstrip(":") and "|" not in re.sub(r"\([^()]*\)", "", text)  # ("GLOSSARY (term | meaning)", h67)
    )


def _word_set(key: str) -> set[str]:
    return {w.rstrip("s") for w in key.split() if w not in ("and", "of", "to", "the", "for")}


def nearest_heading(line: str, cutoff: float) -> Section | None:
    """The known heading most like ``line``: by spelling (difflib) or by the same words in any order."""
    return _nearest(heading_key(NUMBERING.sub("", HEADING_MARK.sub("", line)).strip("*_: ")), cutoff)


@lru_cache(maxsize=4096)  # wrapped lines repeat; difflib costs about a millisecond a line
def _nearest(key: str, cutoff: float) -> Section | None:
    match = difflib.get_close_matches(key, list(HEADINGS), n=1, cutoff=cutoff)
    if match:
        return HEADINGS[match[0]]
    mine = _word_set(key)
    scored = sorted(
        ((len(mine & _word_set(k)) / len(mine | _word_set(k)), n, s) for n, (k, s) in enumerate(HEADINGS.items()) if mine),
        reverse=True,
    )
    if scored and scored[0][0] >= (0.75 if cutoff >= 0.8 else 0.34):
        return scored[0][2]
    return None


# A heading in a tutor's own words, by the word that says what its section holds ("Overview",
# "Misconceptions to watch out for", "Glossary"). Only a short heading-shaped line that names exactly
# one kind of section: "Exam tips and common mistakes" names two and is left to the other rules.
_SIGNATURES: tuple[tuple[Section, re.Pattern[str]], ...] = (
    (Section.SYNOPSIS, re.compile(r"^(?:topic |unit )?(?:overview|introduction|synopsis|summary|about this (?:topic|unit))\b"
                                  r"|^what (?:this|the) (?:topic|unit) (?:is )?(?:about|covers)\b|^in (?:brief|short|a nutshell)$"
                                  r"|^why (?:this|it) (?:matters|is important)$|^the big (?:picture|idea)$"
                                  r"|^what (?:this|it) is (?:all )?about$|^what is (?:this|the) (?:topic|unit) (?:all )?about$"
                                  # "WHAT THIS COVERS", "WHAT THIS SHEET COVERS" (h61, h62)
                                  r"|^what this (?:(?:sheet|handout|page|guide|booklet|section|note|topic|unit) )?covers$")),
    (Section.CONCEPTS, re.compile(r"\b(?:(?:key|core|main|big) (?:concepts?|terms?|words|ideas|principles|definitions|vocabulary|"
                                  r"points|facts|knowledge)|words you (?:must|need to|should) know|terms to know|jargon|"
                                  # "Terms you need", "Words to know", "Vocabulary": a heading that opens with them
                                  r"^(?:the )?(?:terms|words|vocabulary|vocab)\b|"
                                  r"glossary|terminology|definitions|vocab(?:ulary)? cards?)\b")),
    (Section.TIPS, re.compile(r"\b(?:tips?|pointers|hints|exam technique|exam advice|revision (?:strateg(?:y|ies)|advice|techniques?))\b")),
    (Section.MISCONCEPTIONS, re.compile(r"\b(?:misconceptions?|mistakes|pitfalls|myths|errors|slips? up|trips? up|"
                                        # "Myth / Reality", "DON'T / DO" (h55)
                                        r"myths? (?:vs |v |and |or )?(?:reality|realities|facts?|truth)|don ?t do|"
                                        # "Where students go wrong", not "Why combustion goes wrong" (h33)
                                        r"(?:where|how|when|what) (?:\w+ ){0,2}(?:go|goes|get|gets|went) wrong|"
                                        r"(?:learners?|students?|candidates?|people|you|trainees?) (?:often )?(?:go|get) wrong|"
                                        r"mixups|costs? marks|"
                                        # "THEY SAY … / ACTUALLY …", "what learners say vs what's true", "BUT CHEF
                                        # SAID…", "common wrong ideas" (h64-h66)
                                        r"(?:say|says|said)\b(?: \w+){0,4} (?:actually|true|truth|reality|facts?)|"
                                        r"but (?:i|we|you|they|chef|the \w+) (?:thought|said|say)|i thought|wrong ideas?|"
                                        # "WHAT DRIVERS SAY vs WHAT THE LAW SAYS" (h67)
                                        r"(?:say|says|said|think|thinks|believe) (?:vs|versus|v) what\b|"
                                        # "Traps in assessments", "Where candidates lose marks" (h30)
                                        r"traps|slipups|(?:lose|loses|losing|lost|drop|drops|dropped) marks|"
                                        # "Things that catch people out" (h32)
                                        r"catch(?:es)? (?:people|learners|candidates|students|you|apprentices) out)\b")),
    (Section.MARKING, re.compile(r"\b(?:marking|mark scheme|assessment criteria|marks for|"
                                 r"(?:earns?|gets?|gains?|scores?|wins?) (?:the )?marks|marks (?:are )?(?:awarded|given)|"
                                 r"what (?:the )?(?:examiners?|assessors?|markers?|moderators?) (?:are |is )?"
                                 r"(?:look|want|giv|reward|credit)\w*|"
                                 # "Things the examiner wants to see", "Points examiners look for", "What the
                                 # marker wants", "What the assessor is looking for" (h26)
                                 r"(?:examiners?|assessors?|markers?|moderators?) (?:will be |will |are |is )?"
                                 r"(?:look|want|expect|reward|credit|tick|check|marks)\w*|"
                                 # "Where the marks are", "How answers are marked" (h30)
                                 r"where the marks (?:are|come from|lie)|(?:answers?|work|papers?) (?:is |are )?marked)\b")),
)


_KEY_POINTS = re.compile(r"\b(?:key|main|big) (?:points|facts|knowledge|ideas)\b")


def keyword_heading(line: str, marked: bool = False) -> Section | None:
    """The one kind of section a short heading-shaped line (at most eight words) names by its signature
    word, or by a word of a closing aside, or None."""
    text = NUMBERING.sub("", HEADING_MARK.sub("", line)).strip("*_: ").lstrip("-\u2013\u2014 ")  # ("PART A -- …", h62)
    text = re.sub(r"\s+[-=~_]{3,}$", "", text)  # ("SECTION 1 :: WORDS … ------": a rule run on to the line's end, h66)
    text = re.sub(r"^\[[A-Z0-9]{1,2}\]\s+", "", text)  # "[B] VOCAB CARDS": a lettered section's label (h63)
    bracketed = _BRACKETED.match(text)  # "[ what this is about ]", "[ exam advice ]" (h58)
    if bracketed:
        text = bracketed.group(1).strip()
    key = heading_key(re.sub(r"\s*\([^()]*\)\s*$", "", text))
    # (in lower case only where the notes mark it as a heading: ">> where learners go wrong", "~~ glossary ~~", h61, h63)
    marked = marked or bool(HEADING_MARK.match(line.strip()))
    if not key or len(key.split()) > 8 or not (text.lstrip("\"\u201c")[:1].isupper() or bracketed or marked):
        return None
    named = {section for section, pattern in _SIGNATURES if pattern.search(key)}
    m = re.search(r"\s+[-\u2013\u2014]\s+", text)
    lead, tail = (heading_key(text[:m.start()]), heading_key(text[m.end():])) if m else ("", "")
    if m and named and not any(pattern.search(lead) for _, pattern in _SIGNATURES) \
            and not re.match(r"(?:unit|topic|section|part|module|chapter|element|lesson|week)\b", lead) \
            and (named == {Section.MARKING} or named == {Section.CONCEPTS} and _KEY_POINTS.search(tail)):
        # "Wall ties - the figures examiners look for", "Replacing front pads and discs - key points"
        # (h30): a sub-heading of the subject's own, over its facts, not marking points or terms
        return None
    aside = re.search(r"\(([^()]*)\)\s*$", text)
    if not named and aside and (len(aside.group(1).split()) <= 3 or any(
            p.search(heading_key(aside.group(1))) for sec, p in _SIGNATURES if sec is not Section.MARKING)):
        # "Where students go wrong (misconceptions)": the aside names it (not a remark, "THE NUMBERS TABLE (these
        # are where the marks are)", h63: its figures were read as marking points)
        named = {section for section, pattern in _SIGNATURES if pattern.search(heading_key(text))}
    if named == {Section.TIPS, Section.MARKING}:
        # "EXAM TIPS / WHAT THE ASSESSOR LOOKS FOR", "Exam tips / marking points" (five of h35 and h36's
        # sixteen files): what earns the marks, the written and observed tasks, under one heading
        return Section.MARKING
    return named.pop() if len(named) == 1 else None


def starts_item(line: str) -> bool:
    """True if the line starts with a bullet or list number."""
    return bool(SYMBOL_BULLET.match(line) or NUMBER_BULLET.match(line))
