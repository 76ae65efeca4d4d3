"""Tutors' sample questions laid out over several lines, read as one tip each.

Notes set out a sample question in many ways (h49): a heading or label ("## Sample exam question",
"Typical question - 8 marks", "Sample question (6 marks)", "7. SAMPLE EXAM QUESTION AND MARKING"),
the question ("Q. Describe how …", a quoted case, parts "(a) … (b) …"), then a marks label ("Marking
guide (1 mark each, up to 6):", "Mark scheme:", "Marking:") over its list. Read line by line, the
labels became headings, the question went to the notes and each mark became a marking point of its
own (or an observation point). :func:`question_blocks` finds such a block, takes its lines out of the
line-by-line reading (blank lines keep every other line's number), and gives it back as one tip in
the shape the essay reader knows: 'Sample question (6 marks): "Describe how …" Marks: a; b; c.' A
question in parts whose marks are given part by part becomes one tip per part, each with the case.
Linear in the number of lines: each line is looked at a bounded number of times.
"""

from __future__ import annotations

import re

from qbank.decoding import clean
from qbank.syntax import NUMBER_BULLET, SYMBOL_BULLET

# The block's first line: a label or heading naming a (sample, exam, typical …) question, nothing after it
# but its tariff. Not an oral or a practical question: an assessor asks those while watching.
# ("~~ Sample question ~~", "[SAMPLE WRITTEN QUESTION]", "PART H - SAMPLE QUESTION", "8. SAMPLE QUESTION", h51)
_HEAD = re.compile(r"^(?:#{1,6}\s*|~{2,}\s*|={2,}\s*|>{2,}\s*|\[\s*)?"
                   # "PART E -- SAMPLE QUESTION", "[I] PRACTICE QUESTION" (h62, h63)
                   r"(?:(?:part|section)\s+\w{1,3}\s*(?:--|[-–—:.])\s*|\[[A-Z0-9]{1,2}\]\s+)?"
                   r"(?:\d{1,2}[.)]\s+)?(?P<name>(?:[A-Za-z]+(?:-[A-Za-z]+)?\s+){0,3}(?:exam\s+|written\s+|short\s+|long\s+)?"
                   # ("Practice - short answer", "PART F - EXAM PRACTICE", h56)
                   r"(?:questions?|(?<![Gg]ood )(?<![Bb]est )practice(?:\s*[-–—:]\s*short[- ]answers?(?:\s+questions?)?)?|"
                   r"self[- ]test|test\s+yourself|(?:sample|practice|mock)\s+assessment|"
                   r"(?:practice|past|sample|mock)\s+paper(?:\s+extract)?))(?:\s+\d{1,2})?(?:\s+(?:and|with|\+|&)\s+(?:marking(?:\s+(?:grids?|guides?|schemes?))?|mark\s+schemes?|answers?|"
                   # ("SAMPLE QUESTIONS + MARK SCHEMES", "SAMPLE QUESTION (written paper)", h61, h62)
                   r"model\s+answers?))?(?:\s*\(\s*answers?\s+(?:below|at\s+(?:the\s+)?(?:bottom|end))\s*\))?"
                   r"(?:\s*\(\s*(?:written|exam|short|long)(?:\s+\w+){0,2}\s*\))?"
                   r"(?P<tariff>\s*(?:[-–—:(\[]\s*)?\d{1,2}\s+marks?[)\]]?)?\s*:?\s*(?:#*|~{2,}|={2,}|\])$", re.IGNORECASE)
_NOT_WRITTEN = re.compile(r"\b(?:oral|practical|observed|verbal)\b", re.IGNORECASE)
# The marks label, alone or with the first mark after it
_MARKS = re.compile(r"^(?:mark(?:ing)?(?:\s+(?:scheme|guide|guidance|points?))?|marks?(?:\s+(?:awarded|available|given))?(?:\s+for)?|"
                    r"answers?|model\s+answers?|what\s+earns\s+(?:the\s+)?marks?|indicative\s+content|"
                    r"award(?=\s+\d{1,2}\s+marks?\b)|ms|accept|credit)\b(?P<aside>[^:]{0,90}):\s*(?P<rest>.*)$",
                    re.IGNORECASE)
# "(4 marks)", "[5 marks]", "(8 marks: 1 for each check, 1 for each reason)", "8 marks"
_CAP = re.compile(r"\bany\s+\w+|\bmax(?:imum)?\.?\s*\d|\bup\s+to\s+\d|\bmarks?\s+each\b|\beach\b", re.IGNORECASE)
_TARIFF = re.compile(r"[(\[]\s*(\d{1,2})\s*marks?\b[^()\[\]]{0,60}[)\]]|\b(\d{1,2})\s+marks?\b", re.IGNORECASE)
# "+-------+-----+", "------": a rule drawn in the block
_BLOCK_RULE = re.compile(r"^[-=_*~+|\u2014\u2013\s]{3,}$|^[.\u00b7\u2026\s]{5,}$")  # (a dotted rule, h62)
# "[1] garden hose is …", "(1) …": a mark line led by its tariff
_LEAD_TARIFF = re.compile(r"^[\[(]\s*\d{1,2}\s*[\])]\s+(?P<text>\S.*)$")
# "| Line ring/tin without stretching | 1 |": a row of a table of marks
_ROW_GOES_ON = re.compile(r"^\|(?P<point>[^|]{3,})\|\s*\|$")
_MARK_ROW = re.compile(r"^\|(?P<point>[^|]{3,})\|\s*\d{1,2}\s*\|$")
_PART = re.compile(r"^\(?([a-h])\)\s+|^\(?(i{1,3}|iv|v)\)\s+", re.IGNORECASE)
_Q_LEAD = re.compile(r"^(?:Q\d{0,2}[.:)]?\s+|Question\s*\d{0,2}[.:)]\s+|Scenario:\s*|Case(?: study)?:\s*|\d{1,2}[.)]\s+(?=[A-Z(])|"
                     r"[A-H]\.\s+(?=[A-Z]))")
# "Free pay … ..... 1 mark", "… (1 mark)": a mark line's own tariff (not "… caps at 3 marks.", h50)
_LINE_TARIFF = re.compile(r"\s*(?:(?:\.{2,}|…+)\s*\(?\d{1,2}\s+marks?\)?|\(\s*\d{1,2}\s+marks?\s*\))\s*\.?$", re.IGNORECASE)
_LEADER_TARIFF = re.compile(r"(?:\.{3,}|…+)\s*\d{1,2}\s+marks?\s*$", re.IGNORECASE)
_MARK_FIRST = re.compile(r"^[1-9]\s*marks?\s*[:\-–—]\s+\S", re.IGNORECASE)  # "1 mark: 2.5 x 2.0 x 0.1 = 0.5 m3"
_TASK = re.compile(r"\b(?:describe|explain|state|give|list|identify|name|outline|calculate|suggest|compare|discuss|"
                   r"evaluate|justify|define|work\s+out|analyse|analyze|recommend|assess)\b", re.IGNORECASE)
MAX_BLOCK = 40  # lines: a sample question and its marks are a few lines; a longer run is something else


def _undecorated(line: str) -> str:
    """A heading without the rules and marks drawn round it: "-- Sample exam question -----", "*** Sample
    question ***", "[SAMPLE WRITTEN QUESTION]", "~~ Sample question ~~" (h51, h52)."""
    # (runs of two or more only: "* Sample question:" is a bullet of the tips, read as they are)
    # ("+---- SAMPLE EXAM QUESTION ----+": a heading drawn as a box's edge, h61)
    # (not "[I] PRACTICE QUESTION": a lettered section's label, h63)
    return re.sub(r"^(?:\+?[-=*~_#>]{2,}|\[(?![A-Z0-9]{1,2}\]\s))\s*|\s*(?:[-=*~_#]{2,}\+?|\])$", "", line.strip()).strip()


def block_heading(line: str) -> str:
    """A block's heading as a learner finds it in the notes: "SECTION 8 - Sample written question (8 marks)"
    -> "SECTION 8 - Sample written question", "## Sample exam question" -> "Sample exam question"."""
    text = _undecorated(clean(line).strip()).lstrip("#").strip()
    head = _HEAD.match(text)
    if head and head.group("tariff"):
        text = text[: head.start("tariff")]
    text = text.strip(" :-–—(")
    return text[1:] if text.startswith("[") and "]" not in text else text  # (not "[I] PRACTICE QUESTION")


def _bulleted(line: str) -> str | None:
    m = SYMBOL_BULLET.match(line) or NUMBER_BULLET.match(line)
    return (m.group("text") or "").strip() if m else None


def question_blocks(lines: list[str]) -> tuple[list[str], list[tuple[int, str]]]:
    """The lines with each sample-question block blanked, and the blocks as (first line number, tip text)."""
    out = list(lines)
    tips: list[tuple[int, str]] = []
    i = 0
    while i < len(lines):
        head = _HEAD.match(_undecorated(clean(lines[i]).strip()))
        if not head or _NOT_WRITTEN.search(head.group("name")):
            i += 1
            continue
        # (questions numbered "Q1 … [1]", "Q2 … [8]", then "MARKING" and the answers numbered as they were: read as
        # such before a single block, which gave the last question every question's marks, h67)
        block = _answered_below(lines, i) or _read_block(lines, i, head) or _question_table(lines, i)
        if block is None:
            i += 1
            continue
        end, texts = block
        tips.extend((i + 1, text) for text in texts)
        # "Q1. …" then its marks, "Q2. …" then its marks: more questions under the one heading (h54)
        while (nxt := _next_numbered(lines, end)) is not None:
            more = _read_block(lines, nxt - 1, head, first=False)
            if more is None:
                break
            end, more_texts = more
            tips.extend((i + 1, text) for text in more_texts)  # (cited by the heading they sit under)
        for n in range(i, end):
            out[n] = ""
        i = end
    return out, tips


_Q_NUMBERED = re.compile(r"^(?:\*\*)?(?:(?:Q\s?\d{1,2}|Question\s+\d{1,2})(?:[.:)]|\s)|\d{1,2}[.)]\s+[A-Z(])|^[A-H]\.\s+(?=[A-Z])",
                         re.IGNORECASE)


# "Answers / marking points", "Answers:", "Model answers": the label over answers numbered as the questions were
_ANSWERS_HEAD = re.compile(r"^(?:answers?|model\s+answers?|mark(?:ing)?\s+(?:scheme|points?)|marking(?:\s+guide)?)(?:\s*[/&]\s*[A-Za-z ]{3,30})?\s*:?\s*$",
                           re.IGNORECASE)
_NUMBERED_LINE = re.compile(r"^\s{0,6}(?:(\d{1,2})[.)]|Q\s?(\d{1,2})[.:)]?)\s+(\S.*)$")  # ("Q1  State …", h67)


def _numbered(lines: list[str], start: int, stop) -> tuple[int, dict[str, str]]:
    """Numbered items from line ``start`` (each with its indented continuation lines) until ``stop(line)`` or two
    blank lines: (index after them, {number: text})."""
    items: dict[str, list[str]] = {}
    current, blanks, j, item_indent = None, 0, start, 0
    while j < len(lines) and j < start + 2 * MAX_BLOCK:
        line = clean(lines[j]).rstrip()
        if not line.strip():
            blanks += 1
            if blanks > 1 and items:
                break
            j += 1
            continue
        blanks = 0
        if stop(line.strip()):
            break
        indent = len(lines[j]) - len(lines[j].lstrip())
        if m := _NUMBERED_LINE.match(" " * min(indent, 6) + line.strip()):
            current = m.group(1) or m.group(2)
            if current in items:
                return j, {}  # a number twice: not one list
            items[current] = [m.group(3).strip()]
            item_indent = indent
        elif current is not None and indent > item_indent:
            items[current].append(line.strip())
        else:
            break
        j += 1
    def joined(parts: list[str]) -> str:  # ("1 mark per point, max 8:" over "- check date …", "- safe handling …")
        out = parts[0]
        for part in parts[1:]:
            bullet = _bulleted(part) if SYMBOL_BULLET.match(part) else None
            out = f"{out.rstrip(';')}{'' if out.rstrip().endswith(':') else ';'} {bullet}" if bullet else f"{out} {part}"
        return out

    return j, {n: joined(t) for n, t in items.items()}


def _answered_below(lines: list[str], start: int) -> tuple[int, list[str]] | None:
    """'Practice questions (answers below)': numbered questions, then "Answers / marking points" and answers numbered
    as they were (h57): one tip per question that has its answer; None for another shape."""
    end, asked = _numbered(lines, start + 1, lambda line: bool(_ANSWERS_HEAD.match(line)))
    if not asked or end >= len(lines) or not _ANSWERS_HEAD.match(clean(lines[end]).strip()):
        return None
    stop, answers = _numbered(lines, end + 1, lambda line: bool(_HEAD.match(line) or line.startswith("#")))
    tips = []
    for number, question in asked.items():
        if number not in answers or _OPTIONS.search(question):
            continue  # (a question of options a)-d), or one with no answer, is not a written question)
        asked_text, own = _own_tariff(question.replace('"', "'").replace("“", "'").replace("”", "'"))
        if not (_TASK.search(asked_text) or _ASKS.search(asked_text)):
            continue
        answer, cap = _capped(answers[number])
        tips.append(_tip(asked_text, _mark_items(answer), own or _summed(_mark_items(answer)), "", cap))
    return (stop, tips) if tips else None


_TABLE_EDGE = re.compile(r"^\s*\+[-=+]{3,}\+?\s*$")


def _cell(parts: tuple[str, ...]) -> str:
    """A table cell wrapped over several lines as one text; a word broken at its hyphen ("post-" / "process") whole."""
    return re.sub(r"(?<=[A-Za-z])- (?=[a-z])", "-", " ".join(" ".join(parts).split()))


def _question_table(lines: list[str], start: int) -> tuple[int, list[str]] | None:
    """A boxed table of questions: "| Q | Question | Mark | Mark scheme |", its rows between "+----+" rules, each
    cell wrapped over several lines (h58): one tip per row; None for another shape."""
    j = start + 1
    while j < len(lines) and not clean(lines[j]).strip():
        j += 1
    rows: list[list[str]] = []
    current: list[list[str]] = []
    while j < len(lines) and j < start + 3 * MAX_BLOCK and len(lines[j]) <= 400:
        line = lines[j].strip()
        if _TABLE_EDGE.match(line):
            if current:
                rows.append([_cell(part) for part in zip(*current)])
                current = []
        elif line.startswith("|") and line.endswith("|"):
            cells = [c.strip() for c in line[1:-1].split("|")]
            if current and len(cells) != len(current[0]):
                return None
            current.append(cells)
        else:
            break
        j += 1
    if current:
        rows.append([_cell(part) for part in zip(*current)])
    if len(rows) < 2:
        return None
    header = [h.lower() for h in rows[0]]
    at = {name: next((n for n, h in enumerate(header) if h.startswith(name)), None) for name in ("question", "mark")}
    scheme = next((n for n, h in enumerate(header) if "scheme" in h or h.startswith("answer")), None)
    if at["question"] is None or scheme is None:
        return None
    tips = []
    for row in rows[1:]:
        asked, own = _own_tariff(row[at["question"]].replace('"', "'"))
        mark = row[at["mark"]] if at["mark"] is not None and at["mark"] != scheme else ""
        if not (_TASK.search(asked) or _ASKS.search(asked)) or not row[scheme]:
            continue
        tips.append(_tip(asked, _mark_items(row[scheme]), own or (mark if mark.isdigit() else None), ""))
    return (j, tips) if tips else None


# "a) NH4+   b) NH3   c) NO3-": a question's options
_OPTIONS = re.compile(r"(?:^|\s)a\)\s+\S.*\s+b\)\s+\S", re.IGNORECASE)


def _after_blanks(lines: list[str], j: int, stop: int) -> tuple[int, str]:
    """The first line from ``j`` with text, looking no further than ``stop``: (its index, its text; '' past the end)."""
    while j < len(lines) and j < stop and not clean(lines[j]).strip():
        j += 1
    return j, clean(lines[j]).strip() if j < len(lines) else ""


def _follows(lines: list[str], end: int, pattern: re.Pattern) -> bool:
    """The next line with text, past the blank one at ``end``, matches ``pattern``: a level of a levels-of-response
    scheme ("Level 3 (9–12 marks): …"), a part ("(b) State the three conditions …")."""
    return bool(pattern.match(_after_blanks(lines, end + 1, end + 3)[1]))


def _next_numbered(lines: list[str], end: int) -> int | None:
    """The index of the next line, past blank ones, when it opens a numbered question ("Q2. …"); else None."""
    j, text = _after_blanks(lines, end, end + 3)
    return j if _Q_NUMBERED.match(text) else None


def _read_block(lines: list[str], start: int, head: re.Match, first: bool = True) -> tuple[int, list[str]] | None:
    """(index after the block, its tips) for the block whose label is on line ``start``; None if no
    question and marks follow it."""
    question: list[str] = []
    marks: list[str] = []
    cap = ""  # "any six, 1 mark each" from "Marking guide - any six, 1 mark each:"
    in_marks, blank_before = False, 0
    total_line, grid = None, False
    column_marks: dict[int, str] = {}  # a point's mark, from a column at the right
    bullet_at: int | None = None  # the column of the last bulleted mark line
    end = start + 1
    limit = min(len(lines), start + 1 + MAX_BLOCK)
    while end < limit:
        raw = lines[end]
        line = _BOLD.sub(r"\1", clean(raw).strip())  # ("**Q.** A chilled-food …", "**Mark scheme**", h54)
        row_sized = len(line) <= 300  # (a table's row; the row patterns are not tried on longer lines)
        column = _COLUMN_MARK.search(raw.rstrip()) if in_marks and not grid else None
        if column and column.group(2) and not _wraps_on(raw, lines[end + 1] if end + 1 < len(lines) else ""):
            column = None  # a "(1)" at the right ends its point, unless the point's words go on below it
        if column:  # ("… one organiser)        1": a marks column; the mark goes after the point's wrapped lines, h63)
            line = line[: line.rindex(column.group(1) or column.group(2))].rstrip(" (")
        if _SCORED.search(raw.rstrip()):  # ("… own weight (1).          8/8": the model answer's score)
            line = re.sub(r"\s*\d{1,2}\s*/\s*\d{1,2}$", "", line)
        if not line:
            if marks and _follows(lines, end, _LEVEL):
                end += 1  # ("Level 3 (9–12 marks): …" after a blank line under the indicative content, h55)
                continue
            if not marks and _inline_answers(question) and _follows(lines, end, _PART):
                end += 1  # "(a) … [4]" and its marks, a blank line, then "(b) …" and its marks (h56)
                continue
            if marks or _inline_answers(question):
                break  # the marks end at a blank line
            blank_before += 1
            if blank_before > 1:
                return None
            end += 1
            continue
        blank_before = 0
        if re.fullmatch(r"#*\s*(?:end|the end|eof)\s*#*", line, re.IGNORECASE) and line.startswith("#"):
            break  # "## end ##": the notes end here (h62: it was printed in an essay's marking guidance)
        if _BLOCK_RULE.match(line):
            end += 1
            continue
        if question and not in_marks and row_sized and _PART_TABLE_HEAD.match(line):
            in_marks = grid = True  # "Part | Answer required | Marks": a grid of marks by part (h54)
            end += 1
            continue
        if grid and row_sized and (row := _PART_ROW.match(line)):
            point = f"{row.group('point').strip()} ({row.group('n')})"
            if row.group("part"):
                marks.append(f"({row.group('part').lower()}) {point}")
            elif marks:
                marks[-1] = f"{marks[-1]}; {point}"  # the part's next mark, its cell left blank
            end += 1
            continue
        if grid and _GRID_TOTAL.match(line):
            end += 1
            continue
        if row_sized and (row := _MARK_ROW.match(line)) and question:
            in_marks = True
            marks.append(row.group("point").strip())
            end += 1
            continue
        if row_sized and (cont := _ROW_GOES_ON.match(line)) and in_marks and marks:
            marks[-1] = f"{marks[-1]} {cont.group('point').strip()}"  # a row wrapped in its cell (h52)
            end += 1
            continue
        if line.startswith("|") and question and not in_marks:
            end += 1  # the table's header row ("| Creditworthy point | Mark |")
            continue
        if question and not in_marks and (tot := _TOTAL_LINE.match(line)):
            total_line = total_line or tot.group(1) or tot.group(2) or tot.group(3)  # "Total: 7 marks" under the parts (h54)
            end += 1
            continue
        if question and not in_marks and (bare := re.fullmatch(r"[\[(]\s*(\d{1,2})\s*marks?\s*[\])]", line)) \
                and _ENDS_TARIFF.search(question[-1]) and _split_parts(_join(question)):
            total_line = total_line or bare.group(1)  # "[10 marks]" alone under parts with their own tariffs (h68)
            end += 1
            continue
        label = _MARKS.match(line) or _BARE_LABEL.match(line)
        if not in_marks and question and not label and raw[:1].isspace() and _ENDS_TARIFF.search(question[-1]) \
                and not _PART.match(line) and not _Q_NUMBERED.match(line) and not _split_parts(_join(question)):
            in_marks = True  # "A. List the four steps of Safe Stop.   [4 marks]" then, indented, its marks (h57)
        if not in_marks and question and (_LEADER_TARIFF.search(line) or _MARK_FIRST.match(line) or _LEVEL.match(line)):
            in_marks = True  # "Taxable pay 600 - 241.90 = 358.10 ......... 1 mark": the marks, unlabelled
        if label and not in_marks and question:
            in_marks = True
            if _CAP.search(label.groupdict().get("aside") or ""):
                cap = label.group("aside").strip(" ,-–—").replace('"', "'")  # ("Model answer, any three:", h57)
                if cap.startswith("(") and cap.endswith(")"):
                    cap = cap[1:-1]
            if label.groupdict().get("rest"):
                marks.append(label.group("rest"))
            end += 1
            continue
        if in_marks:
            led = _LEAD_TARIFF.match(line)
            item = led.group("text") if led else _bulleted(line)
            if item is not None and not _PART.match(line) or _NO_CREDIT_LINE.search(line):
                # ("Do NOT credit …": a point of its own; "Do not award (c) marks …" names its part, not a part)
                marks.append(item if item is not None else re.sub(r"(?<!\bpart)\s\(([a-h])\)\s", r" part (\1) ", line))
            elif _PART.match(line) or not marks or raw[:1].isspace() and not _continues(marks[-1]) and not (
                    # ("o culture, … (use corrected age)" over "  affect timing (1)": the point's wrapped text, h62)
                    bullet_at is not None and len(raw) - len(raw.lstrip()) > bullet_at and line[:1].islower()) \
                    or _MARK_FIRST.match(line) or _LEADER_TARIFF.search(line) or _LEVEL.match(line):
                marks.append(line)
            else:
                marks[-1] = f"{marks[-1]} {line}"
            bullet_at = len(raw) - len(raw.lstrip()) if item is not None else bullet_at
            if column and marks:
                column_marks[len(marks) - 1] = column.group(1) or column.group(2)
        else:
            if line.startswith("#") or _HEAD.match(line):
                return None  # a heading before any marks: not a question block
            if question and _Q_NUMBERED.match(line) and len(raw) - len(raw.lstrip()) <= 3:
                # "1. Which form of ammonia …? a) … b) …" then "5. (4 marks) A RAS shows …  Mark scheme: …": a
                # question with no marks of its own (answered at the bottom, or not at all) is not this one's (h56)
                question = []
            question.append(line)
        end += 1
    marks = [f"{mark} ({column_marks[n]})" if n in column_marks else mark for n, mark in enumerate(marks)]
    marks = [re.sub(r"^(\([a-h]\)\s+)[-*•~]\s+", r"\1", re.sub(r"^(?:-{1,2}>|→|=>)\s*", "", mark)) for mark in marks]  # ("-> 2 mm (1)": an arrow to the answer, h63)
    if question and not marks and _TASK.search(" ".join(question)) and (inline := _inline_answers(question)):
        return end, inline
    if not question or not marks or not (_TASK.search(" ".join(question)) or _ASKS.search(" ".join(question))):
        return None
    if (mixed := _mixed_answers(question, marks)) is not None:
        return end, mixed
    tariff = head.group("tariff") if first else None  # (the heading's tariff is its first question's)
    total = next((g for g in _TARIFF.search(tariff).groups() if g), None) if tariff else total_line
    return end, _tips(question, marks, total, cap)


# "Level 3 (6-8): accurate use of …", "0: nothing worthy of credit": a levels-of-response mark scheme (h54)
_LEVEL = re.compile(r"^(?:level|band)\s+\d\s*(?:[(\[]\s*\d{1,2}\s*[-–]\s*\d{1,2}\s*(?:marks?)?\s*[)\]])?\s*:|^0\s*(?:marks?)?\s*:\s+\S",
                    re.IGNORECASE)
# a grid of marks by part: "Part | Answer required | Marks", "(a)  | Error of principle | 1", "     | Equal debit … | 1"
_PART_TABLE_HEAD = re.compile(r"^\|?\s*part\s*\|[^|]{2,60}\|\s*marks?\s*\|?$", re.IGNORECASE)
_PART_ROW = re.compile(r"^(?:\(?(?P<part>[a-hA-H])\)\s*)?\|\s*(?P<point>[^|]*[A-Za-z£$€][^|]*?)\s*\|\s*(?P<n>\d{1,2})\s*\|?$")
_GRID_TOTAL = re.compile(r"^\|?\s*total\b[\s|:]*\d{1,2}\s*(?:marks?)?\s*\|?$", re.IGNORECASE)
# "Was this lawful? [2]", "What accommodation must the organiser pay for? [2]": a question asked as one (h56)
_ASKS = re.compile(r"\b(?:why|how|what|which|when|where|who|is|was|are|were|does|do|did|can|could|should|would|must|has|have)\b"
                   r"[^.?!]{4,200}\?", re.IGNORECASE)
_LEAD_TARIFF_TEXT = re.compile(r"^[(\[]\s*(\d{1,2})\s*marks?\b[^()\[\]]{0,30}[)\]]\s*(?=[A-Z])", re.IGNORECASE)
# "The readings in Part C, rows 1–5, were taken …": a tutor's question set on a table of the notes (h55)
NOTES_PART = re.compile(r"\b(?:in|from|of|using|see|under)\s+(?:the\s+)?(?:part|section|table|figure|fig\.|appendix|diagram)\s+"
                        r"(?:[A-H]|\d{1,2}(?:\.\d{1,2})?)\b|\brows?\s+\d{1,2}\s*[-–]\s*\d{1,2}\b", re.IGNORECASE)
# what a part set on such a case does with its data: it cannot stand without it
_WORKS_ON = re.compile(r"\b(?:calculate|reduce|carry\s+out|work\s+out|complete|plot|draw|find|determine|check|use)\b", re.IGNORECASE)
_ENDS_TARIFF = re.compile(r"[(\[]\s*\d{1,2}(?:\s*marks?)?\s*[)\]]\s*$", re.IGNORECASE)
_BOLD = re.compile(r"\*\*([^*]{1,40})\*\*")
# "Mark scheme", "Marking grid", "Answers": the marks label alone on its line, with no colon (h54)
# ("Marking guidance - levels of response", "Mark scheme (levels)": with an aside, h59's stem printed the label)
_BARE_LABEL = re.compile(r"^(?:mark(?:ing)?\s+(?:scheme|guide|guidance|grid)|answers|model\s+answers?|indicative\s+content|"
                         r"levels?\s+of\s+response)(?:\s*(?:[-–—]\s*[^:()]{1,40}|\([^:()]{1,40}\)))?\s*:?\s*$", re.IGNORECASE)
_TOTAL_LINE = re.compile(r"^total\s*[:=\-–—]?\s*(?:(\d{1,2})\s*marks?\.?|\[\s*(\d{1,2})\s*(?:marks?)?\s*\])$"
                         r"|^total\s*[:=]\s*(\d{1,2})\.?$", re.IGNORECASE)  # ("TOTAL [7]", h62; "total = 8", h65)
def _wraps_on(raw: str, after: str) -> bool:
    """The line after is the wrapped rest of this one: indented deeper, in lower case or closing a quote."""
    indent, below = len(raw) - len(raw.lstrip()), clean(after).strip()
    return bool(below) and len(after) - len(after.lstrip()) > indent and (below[:1].islower() or below[:1] in "\"”')")


_COLUMN_MARK = re.compile(r"[^\s\d]\s{2,}([1-9])$|\S\s{2,}\(([1-9])\)$")  # ("… as stated on    (1)" over "the bag", h63)
_SCORED = re.compile(r"\s{2,}\d{1,2}\s*/\s*\d{1,2}$")
_NO_CREDIT_LINE = re.compile(r"^reject\s*:|^(?:do\s+not|don't|no)\s+(?:credit|marks?|award|accept)\b|\b(?:earns?|gets?|scores?)\s+(?:nothing|no\s+marks?)\b"
                             r"|\bcaps?\s+at\s+\d|\b(?:max(?:imum)?|up\s+to)\s+(?:of\s+)?\d{1,2}\s+marks?\b"
                             r"|^\d{1,2}\s*/\s*\d{1,2}\s*$", re.IGNORECASE)


def _continues(previous: str) -> bool:
    """The mark line before ends mid-sentence: an indented line after it is its wrapped text."""
    return previous[-1:] not in ".;)" and not _LINE_TARIFF.search(previous)


def _tips(question: list[str], marks: list[str], total: str | None, cap: str = "") -> list[str]:
    text = _join(question)
    parts = _split_parts(text)
    mark_parts = _split_parts(_joined_marks(marks)) if parts else {}
    if parts and set(parts) - {""} and set(parts) - {""} == set(mark_parts) - {""}:
        case = parts.get("", "")
        out = []
        for label in sorted(set(parts) - {""}):
            asked, own = _own_tariff(parts[label])
            if NOTES_PART.search(case):
                # the case is a table of the notes the candidate never sees: a part that neither works on its data
                # nor names a word of it stands alone, without it ("Explain why backsight and foresight lengths
                # should be kept approximately equal", h55's second examiner); the others are not set
                if _WORKS_ON.search(asked) or _words(asked) & _words(case):
                    continue
                case_here = ""
            else:
                case_here = case
            answer, part_cap = _capped(mark_parts[label])
            # ("Do not award part (c) marks if …" in part (c)'s own marks: "these marks", the part being set alone)
            items = [re.sub(rf"\bpart \({label}\) marks\b", "these marks", m) for m in _mark_items(answer)]
            out.append(_tip(f"{case_here} {asked}".strip(), items, own or _summed(items), f" ({label})", part_cap))
        return out
    asked, own = _own_tariff(text)
    if not cap and marks:
        # ("1 mark each: handbrake on / controls in neutral / …" under the question: the cap, then the marks, h57)
        first, cap = _capped(marks[0])
        marks = [first, *marks[1:]]
    # ("consent ... upright position ... remove and check dentures": marks run together with ellipses, h52)
    items = [_clean_mark(p) for m in marks for p in re.split(r"\s+(?:\.{3}|…)\s+", m)]
    return [_tip(asked, items, own or total, "", cap)]


# "(a) Name TWO items of PPE … and say why. (4)  1 mark per item, 1 per reason: gloves - …": each part's task ends
# at its tariff and its answer follows on the same line (h53)
_ANSWERED = re.compile(r"^(?P<task>.*?[?.])\s*[(\[]\s*(?P<n>\d{1,2})(?:\s*marks?)?\s*[)\]]\s+(?P<answer>\S.*)$", re.IGNORECASE)
# "Award 1 mark for each control identified and 1 further mark for each explanation, max 4. E.g. WMS …" (h54)
# (the "E.g." stays with the marks: without it the list reads as closed, h54's examiner)
_CAP_SENTENCE = re.compile(r"^(?P<cap>(?:award|give|allow)\b[^.;:]{0,120}\bmarks?\b[^.;:]{0,60})\.\s+(?P<rest>\S.*)$",
                           re.IGNORECASE)
_ANY_OF = re.compile(r"^(?P<cap>any\s+(?:one|two|three|four|five|six|seven|eight|\d)(?:\s+(?:from|of))?)\s*:\s+(?P<rest>\S.*)$", re.IGNORECASE)
_ANSWER_CAP = re.compile(r"^(?P<cap>[^:;]{0,60}\bmarks?\b[^:;]{0,40}):\s+(?P<rest>\S.*)$", re.IGNORECASE)
# "1 mark each, max 6" on a line of its own over the part's marks (h63)
_CAP_LINE = re.compile(r"^(?P<cap>\d{1,2}\s+marks?\s+each,?\s*(?:max(?:imum)?\.?|up\s+to)\s*\d{1,2})\s*;\s+(?P<rest>\S.*)$",
                       re.IGNORECASE)


def _capped(answer: str) -> tuple[str, str]:
    """A part's answers without the cap that leads them, and the cap: "1 mark each, max 2: a; b" -> ("a; b",
    "1 mark each, max 2"); "Award 1 mark for each of: a; b" (h54)."""
    lead = _ANSWER_CAP.match(answer) or _CAP_SENTENCE.match(answer) or _ANY_OF.match(answer) or _CAP_LINE.match(answer)
    if lead and (_CAP.search(lead.group("cap")) or re.search(r"\bper\b|\bfor\s+each\b", lead.group("cap"))):
        return lead.group("rest"), lead.group("cap").strip()
    return answer, ""


_SCENARIO_TARIFF = re.compile(r"^(?:scenario|case(?:\s+study)?)\s*[(\[]\s*(\d{1,2})\s*(?:marks?)?\s*[)\]]\s*:\s*", re.IGNORECASE)


def _mixed_answers(question: list[str], marks: list[str]) -> list[str] | None:
    """Parts answered in line ("(a) … [4]  One mark each: …") but the last, whose marks follow under their label
    ("(c) Scenario [8]: Mrs K … Explain how you would respond …" then "Indicative content: …", h56): one tip
    per part; None for another shape."""
    parts = _split_parts(_join(question))
    labels = sorted(set(parts) - {""})
    if len(labels) < 2 or not marks or _split_parts(_joined_marks(marks)):
        return None
    *answered_labels, last = labels
    out = _inline_answers(question, upto=answered_labels)
    if not out or _ANSWERED.match(parts[last]):
        return None
    task, own = parts[last], None
    if lead := _SCENARIO_TARIFF.match(task):
        task, own = task[lead.end():], lead.group(1)
    asked, stated = _own_tariff(task)
    items = [_clean_mark(p) for m in marks for p in re.split(r"\s+(?:\.{3}|…)\s+", m)]
    out.append(_tip(f"{parts['']} {asked}".strip(), items, own or stated, f" ({last})"))
    return out


def _inline_answers(question: list[str], upto: list[str] | None = None) -> list[str]:
    """One tip per part when every part of the question (``upto``: these parts only) carries its tariff and then
    its answer; [] otherwise."""
    parts = _split_parts(_join(question))
    labels = upto if upto is not None else sorted(set(parts) - {""})
    if not labels:
        return []
    answered = {label: _ANSWERED.match(parts.get(label, "")) for label in labels}
    if not all(m and len(m.group("answer").split()) >= 3 for m in answered.values()):
        return []
    out = []
    for label in labels:
        m = answered[label]
        answer, cap = _capped(m.group("answer"))
        task = f"{parts['']} {m.group('task')}".strip()
        out.append(_tip(task, _mark_items(answer), m.group("n"), f" ({label})", cap))
    return out


_PLAIN = frozenset("the a an of in on to and or for with by from at as is are was were be it its this that these those "
                   "which what why how when where should would could must can may will whether each your you".split())


def _words(text: str) -> set[str]:
    """The content words of a text, lower case, a plural's -s dropped."""
    return {w.lower().removesuffix("s") for w in re.findall(r"[A-Za-z]{3,}", text)} - _PLAIN


def _joined_marks(marks: list[str]) -> str:
    """The mark lines as one text: a line that opens a part follows with a space, any other after a line
    that ends with no stop with "; " ("… (1)" then "Do not award part (c) marks …", h54)."""
    text = ""
    for m in marks:
        if text and not _PART.match(m) and text[-1:] not in ".;:":
            text += ";"
        text = f"{text} {m}" if text else m
    return text


def _summed(items: list[str]) -> str | None:
    """A part's tariff from its marks when every mark ends with its own "(1)" and no tariff was given."""
    counted = [i for i in items if not _NO_CREDIT_LINE.search(i)]
    if counted and all(re.search(r"\(\d\)$", i) for i in counted):
        # (every "(1)" of a mark: "… 6 mm low (1). Two set-ups … (1). 6 mm is less … (1)" is three)
        return str(sum(int(n) for i in counted for n in re.findall(r"\((\d)\)", i)))
    return None


def _join(lines: list[str]) -> str:
    text = re.sub(r"\s+", " ", " ".join(_Q_LEAD.sub("", line) for line in lines)).strip()
    if text[:1] in "\"“" and text.count('"') + text.count("“") + text.count("”") == 2 and text.rstrip(".")[-1:] in "\"”":
        text = text.strip("\"“”")  # a question in quotation marks, not one that quotes ('Evaluate the claim that "…"', h57)
    elif text[:1] in "\"“" and text[-1:] in "\"”":
        text = text[1:-1]
    # ("… a £100.00 float. the Z-read shows …": a sentence the tutor began in lower case, set in capitals as a
    # stem's sentence is, h64's examiner; not after "e.g.", "approx.")
    text = re.sub(r"(?<!\be\.g)(?<!\bi\.e)(?<!\bapprox)(?<!\betc)(?<!\bvs)(?<!\bcf)(?<!\bincl)(?<!\bno)([.!?])(\s+)([a-z])(?=[a-z]*\s)",
                  lambda m: m.group(1) + m.group(2) + m.group(3).upper(), text)
    return text.replace("\"", "'").replace("“", "'").replace("”", "'")


def _split_parts(text: str) -> dict[str, str]:
    """'Case. (a) Task one. (b) Task two.' -> {'': 'Case.', 'a': 'Task one.', 'b': 'Task two.'}; {} without parts."""
    pieces = re.split(r"(?:^|(?<!\bpart)\s)\(([a-h])\)\s+", text)  # (not "Do not award part (c) marks if …")
    if len(pieces) < 3:
        return {}
    out = {"": pieces[0].strip()}
    for label, body in zip(pieces[1::2], pieces[2::2]):
        if label in out:
            return {}
        out[label] = body.strip()
    return out


def _own_tariff(text: str) -> tuple[str, str | None]:
    """The task without its "(4 marks)", and the number of marks."""
    if lead := _LEAD_TARIFF_TEXT.match(text):  # "(4 marks) Compare …", "(6 marks, levels-marked) Describe …" (h56)
        return text[lead.end():], lead.group(1)
    m = None
    for m in _TARIFF.finditer(text):
        pass
    if m is None or m.end() < len(text.rstrip(" .")) - 1:
        bare = re.search(r"\s*[(\[]\s*(\d{1,2})\s*[)\]]\s*\.?$", text)  # "… this installation. (6)" (h52), "… [2]" (h55)
        if bare:
            return text[: bare.start()].rstrip(" ") or text, bare.group(1)
        return text, None
    return (text[: m.start()].rstrip(" ") or text), next(g for g in m.groups() if g)


def _mark_items(text: str) -> list[str]:
    # ("… under the cap). 1 mark: visual inspection only …": a mark led by its tariff after another, h54)
    # (not after "e.g.": "E.g. WMS directing pickers …" is one point)
    # (nor after "approx.", "incl.": "(approx. Nov-early March)" was printed "(approx; Nov-early March)", h65)
    return [_clean_mark(p) for p in re.split(r";\s*|(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bapprox\.)(?<!\bincl\.)(?<!\bvs\.)(?<!\betc\.)"
                                            r"(?<!\bcf\.)(?<!\besp\.)(?<!\bmin\.)(?<!\bmax\.)(?<!\bno\.)(?<!\bfig\.)"
                                            r"(?<=\.)\s+(?=[A-Z])|\s+(?=[1-9]\s*marks?\s*:)",
                                            text, flags=re.IGNORECASE) if p.strip()]


def _clean_mark(text: str) -> str:
    """A mark without its tariff: "1 mark - floors are rarely level", "Tax … ..... 2 marks" -> the point."""
    text = text.strip()
    led = TARIFF_LEAD.match(text)
    return _LINE_TARIFF.sub("", led.group("text") if led else text).strip().rstrip(".;")


# "1 mark - floors are rarely level", "1 - cleaning removes grease": a mark line led by its tariff (the reader
# joins such lines under a marks label too)
TARIFF_LEAD = re.compile(r"^(?P<marks>[1-9])\s*(?:marks?\s*)?[-–—:=]\s+(?P<text>\S.*)$", re.IGNORECASE)


def _tip(question: str, marks: list[str], tariff: str | None, part: str, cap: str = "") -> str:
    q = question.strip()
    if q[:1] in "'\"“”" and q[-1:] in "'\"“”" or q[-1:] in "'\"”" and not re.search(r"(?:^|[\s(])['\"“]", q[:-1]):
        q = q.strip("'\"“”").strip()  # ('… needed." (8 marks: …)': the quote's close; not 'the claim that "…"', h57)
    if q.rstrip("'\"”")[-1:] not in ".?!":
        q += "."
    marks = [m for m in marks if m and m[-1:] not in "=:" and not re.fullmatch(r"\d{1,2}\s*/\s*\d{1,2}", m)]  # ("Correct total = 4 marks" less its tariff says nothing)
    said = f"Sample question{part}" + (f" ({tariff} mark{'s' if tariff != '1' else ''})" if tariff else "")
    # the tutor's cap stays with the marks ("Marks (any six, 1 mark each): …", h50/h51's examiners: lost)
    listed = "; ".join(marks)
    # ("… (Eye protection accepted if splashing is mentioned.)": the list already ends its sentence, h53)
    return f'{said}: "{q}" Marks' + (f" ({cap})" if cap else "") + ": " + listed + ("" if listed.endswith(".)") else ".")
