"""Read a Moodle XML file back into model items, the way qformat_xml imports it.

import_text()/getpath(..., istext=true) trim every text; <single> is multi only for
'false', '0' or empty (trans_single()); a true/false answer is matched on its text
'true'/'false' and fraction 100 marks the key; a <subquestion> with blank text is an
extra answer; ordering answers are the steps in document order.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

import re

from qbank.model import Choice, Cloze, Essay, Gap, Item, Matching, MultipleChoice, Numerical, Ordering, Pair, TrueFalse
from qbank.readback import ReadBank, ReadQuestion, html_lines_to_text, html_to_text, limit_errors
from qbank.writers.shared import family_and_group, split_category_path


def _text(el: etree._Element | None, path: str = "text") -> str:
    if el is None:
        return ""
    return (el.findtext(path) or "").strip()


def _rich(q: etree._Element, tag: str) -> str:
    return html_to_text(_text(q.find(tag)))


def _trans_single(value: str) -> bool:
    value = value.strip()
    return not (value == "false" or value in ("", "0"))


def read(path: Path) -> ReadBank:
    """Every question in ``path`` with its category, as model items."""
    bank = ReadBank()
    category = ""
    for q in etree.parse(str(path)).getroot().iter("question"):
        qtype = q.get("type", "")
        if qtype == "category":
            category = _text(q.find("category"))
            bank.categories.append(category)
            continue
        names = split_category_path(category) if category else []
        common = dict(
            id=(q.findtext("idnumber") or "").strip(),
            family=family_and_group(names)[0],
            group=family_and_group(names)[1],
            topic="",
            title=_text(q.find("name")),
            stem=_rich(q, "questiontext"),
            general_feedback=_rich(q, "generalfeedback"),
            tags=tuple(_text(t) for t in q.findall("tags/tag")),
        )
        fractions: list[float] = []
        item: Item
        if qtype == "multichoice":
            choices = []
            for a in q.findall("answer"):
                fraction = float(a.get("fraction", "0")) / 100
                fractions.append(fraction)
                choices.append(Choice(html_to_text(_text(a), False), fraction > 0, html_to_text(_text(a.find("feedback")))))
            item = MultipleChoice(**common, choices=tuple(choices), multiple=not _trans_single(q.findtext("single") or "true"),
                                  ordered=(q.findtext("shuffleanswers") or "true").strip().lower() in ("0", "false"))
        elif qtype == "truefalse":
            answer, fb = None, {"true": "", "false": ""}
            for a in q.findall("answer"):
                which = _text(a)
                fb[which] = html_to_text(_text(a.find("feedback")))
                if which == "true":
                    answer = a.get("fraction") == "100"
                elif which == "false" and answer is None:
                    answer = a.get("fraction") != "100"
            item = TrueFalse(**common, answer=bool(answer), feedback_true=fb["true"], feedback_false=fb["false"])
        elif qtype in ("matching", "match"):
            pairs, extras = [], []
            for sub in q.findall("subquestion"):
                # The answer is plain text (qtype_match_subquestions.answertext): stored as written.
                prompt, answer = html_to_text(_text(sub), False), _text(sub.find("answer"))
                if prompt:
                    pairs.append(Pair(prompt, answer))
                elif answer:
                    extras.append(answer)
            item = Matching(**common, pairs=tuple(pairs), extra_answers=tuple(extras))
        elif qtype == "ordering":
            item = Ordering(**common, steps=tuple(html_to_text(_text(a), False) for a in q.findall("answer")))
        elif qtype == "essay":
            item = Essay(**common, grader_info=html_lines_to_text(_text(q.find("graderinfo"))),
                         response_lines=int(q.findtext("responsefieldlines") or 15))
        elif qtype == "numerical":
            item = _numerical(q, common, bank, fractions)
            if item is None:
                continue
        elif qtype == "gapselect":
            item = _gapselect(q, common, bank)
            if item is None:
                continue
        else:
            bank.errors.append(f"{common['id'] or common['title']}: question type '{qtype}' not read")
            continue
        extra = {"penalty": q.findtext("penalty"), "single": q.findtext("single"),
                 "shuffleanswers": q.findtext("shuffleanswers"), "answernumbering": q.findtext("answernumbering")}
        bank.errors.extend(limit_errors(item, names))
        bank.questions.append(ReadQuestion(category, item, "match" if qtype == "matching" else qtype, fractions, extra))
    return bank


def _gapselect(q: etree._Element, common: dict, bank: ReadBank) -> Cloze | None:
    """qtype_gapselect: choices numbered from 1 in document order; [[n]] in the text is a gap keyed
    with choice n; the gap's list is every choice in choice n's group (qtype_gapselect_question_base)."""
    choices = [(_text(o), int(o.findtext("group") or 1)) for o in q.findall("selectoption")]
    text = common["stem"]
    pieces = re.split(r"\[\[(\d+)\]\]", text)
    parts, gaps = pieces[0::2], []
    for ref in pieces[1::2]:
        n = int(ref)
        if not 1 <= n <= len(choices):
            bank.errors.append(f"{common['id']}: gap [[{n}]] names no choice")
            return None
        key, group = choices[n - 1]
        gaps.append(Gap(key, tuple(t for i, (t, g) in enumerate(choices, 1) if g == group and i != n)))
    common = dict(common, stem="____".join(parts))
    return Cloze(**common, parts=tuple(parts), gaps=tuple(gaps))


def _numerical(q: etree._Element, common: dict, bank: ReadBank, fractions: list[float]) -> Numerical | None:
    """qtype_numerical as import_numerical() stores it: answers (number or "*") with a fraction and a
    tolerance; the key is the one full-marks number, the "*" answer's feedback the wrong-answer feedback."""
    key, wrong = None, ""
    for a in q.findall("answer"):
        fraction = float(a.get("fraction", "0")) / 100
        fractions.append(fraction)
        text, feedback = _text(a), html_to_text(_text(a.find("feedback")))
        if text == "*":
            wrong = feedback
        elif fraction == 1 and key is None:
            key = (text, (a.findtext("tolerance") or "0").strip(), feedback)
    if key is None:
        bank.errors.append(f"{common['id']}: numerical question with no full-marks answer")
        return None
    return Numerical(**common, answer=key[0], tolerance=key[1], feedback_correct=key[2], feedback_wrong=wrong)
