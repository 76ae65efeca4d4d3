"""Read a GIFT file back the way Moodle's qformat_gift::readquestion() does.

This is a line-by-line port of the parts of question/format/gift/format.php that qbank's
writer relies on (blank-line blocks, ``//`` comments with ``[id:…]``/``[tag:…]``,
escapedchar_pre()/escapedchar_post(), ``::name::``, the first ``{``…``}``, ``####``,
parse_text_with_format(), and the multichoice / match / truefalse / essay branches), kept
close to the PHP so a test failing here means Moodle would mis-read the file too.
PHP's trim() and empty() are reproduced, not Python's wider notions of whitespace and
emptiness.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from qbank.model import Choice, Essay, Item, Matching, MultipleChoice, Numerical, Pair, TrueFalse
from qbank.readback import ReadBank, ReadQuestion, limit_errors
from qbank.writers.shared import family_and_group, split_category_path

FORMAT_MOODLE, FORMAT_HTML, FORMAT_PLAIN, FORMAT_MARKDOWN = 0, 1, 2, 4
_FORMATS = {"moodle": FORMAT_MOODLE, "html": FORMAT_HTML, "plain": FORMAT_PLAIN, "markdown": FORMAT_MARKDOWN}
_ESCAPED = ["\\:", "\\#", "\\=", "\\{", "\\}", "\\~", "\\n"]
_PLACEHOLDERS = ["&&058;", "&&035;", "&&061;", "&&123;", "&&125;", "&&126;", "&&010"]
_CHARS = [":", "#", "=", "{", "}", "~", "\n"]
_WEIGHT = re.compile(r"^%-*([0-9]{1,2})\.?([0-9]*)%")
_ID = re.compile(r"\[id:((?:\\]|[^\]\x00-\x1f\x7f])+)]")
_TAG = re.compile(r"\[tag:((?:\\]|[^\]<>\x00-\x1f\x7f])+)]")


def php_trim(s: str) -> str:
    return s.strip(" \t\n\r\0\x0b")


def php_empty(s: str | None) -> bool:
    return s is None or s in ("", "0")


def escapedchar_pre(s: str) -> str:
    s = s.replace("\\\\", "&&092;")
    for esc, ph in zip(_ESCAPED, _PLACEHOLDERS):
        s = s.replace(esc, ph)
    return s.replace("&&092;", "\\")


def escapedchar_post(s: str) -> str:
    for ph, ch in zip(_PLACEHOLDERS, _CHARS):
        s = s.replace(ph, ch)
    return s


def parse_text_with_format(text: str, default: int = FORMAT_MOODLE) -> tuple[str, int]:
    fmt = default
    if text.startswith("["):
        end = text.find("]")
        name = text[1:end] if end >= 0 else text[1:-1]
        if name in _FORMATS:
            fmt = _FORMATS[name]
            text = text[end + 1:] if end >= 0 else text[1:]
    return php_trim(escapedchar_post(text)), fmt


def _commentparser(answer: str, default: int) -> tuple[tuple[str, int], tuple[str, int]]:
    bits = answer.split("#", 1)
    ans = parse_text_with_format(php_trim(bits[0]), default)
    fb = parse_text_with_format(php_trim(bits[1]), default) if len(bits) > 1 else ("", default)
    return ans, fb


def _weight(answer: str) -> tuple[float, str]:
    """answerweightparser(): '%33.33333%rest' -> (0.3333333, 'rest')."""
    answer = answer[1:]
    end = answer.find("%")
    return float(answer[:end]) / 100, answer[end + 1:]


def extract_idnumber_and_tags(comments: str) -> tuple[str, list[str]]:
    m = _ID.search(comments)
    idnumber = php_trim(m.group(1)).replace("\\]", "]") if m else ""
    return idnumber, [php_trim(t).replace("\\]", "]") for t in _TAG.findall(comments)]


def split_blocks(content: str) -> list[list[str]]:
    """qformat_default::readquestions(): a question is everything between blank lines."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in content.split("\n"):
        line = php_trim(line)
        if php_empty(line):
            if current:
                blocks.append(current)
                current = []
        else:
            current.append(line)
    if current:
        blocks.append(current)
    return blocks


def _plain(value: tuple[str, int]) -> str:
    """Model text from a (text, format) pair: qbank writes [html], so entities are undone."""
    text, fmt = value
    return html.unescape(text) if fmt == FORMAT_HTML else text


def read_question(lines: list[str], category: str, bank: ReadBank) -> ReadQuestion | str | None:
    """One block: a ReadQuestion, a category path (str), or None (comments only / error)."""
    comments = "".join(line + "\n" for line in lines if php_trim(line).startswith("//"))
    lines = [" " if php_trim(line).startswith("//") else line for line in lines]
    text = php_trim("\n".join(lines))
    if text == "":
        return None
    text = escapedchar_pre(text)
    if text.startswith("$CATEGORY:"):
        return php_trim(text[10:])
    name = None
    if text.startswith("::"):
        text = text[2:]
        finish = text.find("::")
        if finish >= 0:
            name = php_trim(escapedchar_post(text[:finish]))  # clean_question_name(): PARAM_TEXT, trim
            text = php_trim(text[finish + 2:])
    start, finish = text.find("{"), text.find("}")
    if start < 0 and finish < 0:
        bank.errors.append(f"description (no answers) not expected: {text[:60]}")
        return None
    if start < 0 or finish < 0 or finish < start:
        bank.errors.append(f"braceerror: {text[:60]}")
        return None
    answertext = php_trim(text[start + 1:finish])
    questiontext = text[:start] + ("" if text.endswith("}") else "_____") + text[finish + 1:]
    gf_at = answertext.rfind("####")
    generalfeedback = ""
    if gf_at >= 0:
        generalfeedback = answertext[gf_at + 4:]
        answertext = php_trim(answertext[:gf_at])
    stem = parse_text_with_format(questiontext)
    qfmt = stem[1]
    gf = parse_text_with_format(generalfeedback, qfmt)
    idnumber, tags = extract_idnumber_and_tags(comments)
    names = split_category_path(category) if category else []
    common = dict(id=idnumber, family=family_and_group(names)[0], group=family_and_group(names)[1], topic="",
                  title=name if name is not None else "", stem=_plain(stem), general_feedback=_plain(gf),
                  tags=tuple(tags))
    item: Item
    fractions: list[float] = []
    if answertext == "":
        item = Essay(**common, grader_info="", response_lines=15)
        qtype = "essay"
    elif answertext[0] == "#":
        got = _numerical(answertext[1:], qfmt, idnumber, bank)
        if got is None:
            return None
        qtype = "numerical"
        (answer, tolerance, right), wrong, fractions = got
        item = Numerical(**common, answer=answer, tolerance=tolerance, feedback_correct=right, feedback_wrong=wrong)
    elif "~" in answertext:
        qtype = "multichoice"
        single = "=" in answertext
        answers = answertext.replace("=", "~=").split("~")
        answers[0] = php_trim(answers[0])
        if php_empty(answers[0]):
            answers.pop(0)
        if len(answers) < 2:
            bank.errors.append(f"{idnumber}: importminerror (fewer than 2 answers)")
            return None
        choices = []
        for answer in answers:
            answer = php_trim(answer)
            if answer[:1] == "=":
                weight, answer = 1.0, answer[1:]
            elif _WEIGHT.match(answer):
                weight, answer = _weight(answer)
            else:
                weight = 0.0
            ans, fb = _commentparser(answer, qfmt)
            fractions.append(weight)
            choices.append(Choice(_plain(ans), weight > 0, _plain(fb)))
        item = MultipleChoice(**common, choices=tuple(choices), multiple=not single)
    elif "=" in answertext and "->" in answertext:
        qtype = "match"
        answers = answertext.split("=")
        answers[0] = php_trim(answers[0])
        if php_empty(answers[0]):
            answers.pop(0)
        if len(answers) < 2:
            bank.errors.append(f"{idnumber}: importminerror (fewer than 2 answers)")
            return None
        pairs, extras = [], []
        for answer in answers:
            answer = php_trim(answer)
            marker = answer.find("->")
            if marker < 0:
                bank.errors.append(f"{idnumber}: giftmatchingformat")
                return None
            prompt = _plain(parse_text_with_format(answer[:marker], qfmt))
            sub = php_trim(escapedchar_post(answer[marker + 2:]))  # plain text: stored as written
            if prompt:
                pairs.append(Pair(prompt, sub))
            else:
                extras.append(sub)
        item = Matching(**common, pairs=tuple(pairs), extra_answers=tuple(extras))
    else:
        check = php_trim(answertext[: answertext.find("#")]) if answertext.find("#") > 0 else answertext
        if check not in ("T", "TRUE", "F", "FALSE"):
            bank.errors.append(f"{idnumber}: would import as shortanswer: {answertext[:40]}")
            return None
        qtype = "truefalse"
        bits = answertext.split("#", 2)
        answer = parse_text_with_format(php_trim(bits[0]), qfmt)[0]
        wrong = _plain(parse_text_with_format(php_trim(bits[1]), qfmt)) if len(bits) > 1 else ""
        right = _plain(parse_text_with_format(php_trim(bits[2]), qfmt)) if len(bits) > 2 else ""
        key = answer in ("T", "TRUE")
        item = TrueFalse(**common, answer=key, feedback_true=right if key else wrong,
                         feedback_false=wrong if key else right)
    bank.errors.extend(limit_errors(item, names))
    return ReadQuestion(category, item, qtype, fractions, {"format": qfmt})


_NUMERIC = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")  # PHP is_numeric(), near enough


def _numerical(answertext: str, qfmt: int, idnumber: str, bank: ReadBank):
    """qformat_gift 'numerical' (after the leading '#'): ((key, tolerance, feedback), wrong feedback,
    fractions), or None with the importer's error. The wrong feedback is what follows the first '~'."""
    wrong = ""
    if (at := answertext.find("~")) >= 0:
        wrong = _plain(_commentparser(answertext[at:], qfmt)[1])
        answertext = answertext[:at]
    answers = answertext.split("=")
    answers[0] = php_trim(answers[0])
    if answers[0] == "":
        answers.pop(0)
    if not answers:
        bank.errors.append(f"{idnumber}: giftnonumericalanswers")
        return None
    read, fractions = [], []
    for answer in answers:
        answer = php_trim(answer)
        weight = 1.0
        if _WEIGHT.match(answer):
            weight, answer = _weight(answer)
        ans, fb = _commentparser(answer, qfmt)
        text = ans[0]
        if ".." in text[1:]:
            low, high = (php_trim(x) for x in text.split("..", 1))
            value, tol = low, high  # a min..max answer: not what qbank writes; read as written
        elif ":" in text[1:]:
            value, tol = (php_trim(x) for x in text.split(":", 1))
        else:
            value, tol = php_trim(text), "0"
        if not _NUMERIC.fullmatch(value) or not _NUMERIC.fullmatch(tol):
            bank.errors.append(f"{idnumber}: errornotnumbers ({text[:40]!r})")
            return None
        read.append((value, tol, _plain(fb)))
        fractions.append(weight)
    if wrong:
        fractions.append(0.0)
    keys = [r for r, f in zip(read, fractions) if f == 1.0]
    if not keys:
        bank.errors.append(f"{idnumber}: numerical question with no full-marks answer")
        return None
    return keys[0], wrong, fractions


def read(path: Path) -> ReadBank:
    """Every question in a GIFT file, with the category each lands in."""
    bank = ReadBank()
    category = ""
    for block in split_blocks(Path(path).read_text(encoding="utf-8")):
        got = read_question(block, category, bank)
        if isinstance(got, str):
            category = got
            bank.categories.append(got)
        elif got is not None:
            bank.questions.append(got)
    return bank
