"""A bank of every item kind whose text is full of what breaks XML, HTML and GIFT.

Built directly from model objects, so the writers are tested on each kind whether or
not a generator produces it yet.
"""

from __future__ import annotations

from qbank.model import Bank, Choice, Cloze, Essay, Gap, Matching, MultipleChoice, Numerical, Ordering, Pair, Topic, TrueFalse

NASTY = "R&D <b>not bold</b> \"quoted\" 'single' ~tilde =equals #hash {brace} colon: back\\slash [square] ]]> //slashes"
URL = "https://x.org/a?b=1&c=2#frag"
UNICODE = "20\u00b0C, 5 \u03a9, 3 \u00d7 4 \u2014 \u201ccurly\u201d \u2018quotes\u2019"
TRICKY_STARTS = ["[plain] looks like a format", "// looks like a comment", "=starts with equals", "~starts with tilde",
                 "#starts with hash", "-> arrow first", "::double colon::", "####four hashes", "\\n not a newline",
                 "ends with backslash\\", "0"]


GAP_TEXT = "R&D \"quoted\" ~tilde =equals #hash {brace} colon: back\\slash ]]> //slashes"  # no tags: a select list


def _topic(slug: str, title: str) -> Topic:
    return Topic(slug=slug, title=title, path=f"topics/{slug}.txt", sha256="0" * 64, synopsis=f"Synopsis: {NASTY} {URL}")


def hostile_bank() -> Bank:
    t1 = _topic("hostile", "Hostile: R&D {1} ~ = # \\ \u03a9 / slash")
    t2 = _topic("plain", "Plain topic")
    common = dict(topic=t1.slug, general_feedback=f"General: {NASTY} See {URL}. {UNICODE}", tags=("hostile", "tag with space"))
    items = [
        MultipleChoice(
            id="mc-single", family="concept", title=f"Single: {NASTY}", stem=f"Which? {NASTY} {URL} {UNICODE}",
            choices=(
                Choice(f"Right {NASTY}", True, f"Yes: {URL}"),
                Choice(TRICKY_STARTS[0], False, TRICKY_STARTS[1]),
                Choice(TRICKY_STARTS[2], False, TRICKY_STARTS[3]),
                Choice(TRICKY_STARTS[4], False, ""),
            ), **common),
        MultipleChoice(
            id="mc-multi-3", family="concept", title="Multi: three keys", stem=f"Select all that apply: {UNICODE}",
            choices=(
                Choice(f"Key one {NASTY}", True, "first key"),
                Choice(TRICKY_STARTS[5], True, TRICKY_STARTS[6]),
                Choice(TRICKY_STARTS[7], False, TRICKY_STARTS[8]),
                Choice(TRICKY_STARTS[9], True, "third key"),
                Choice(UNICODE, False, "wrong"),
            ), multiple=True, **common),
        MultipleChoice(
            id="mc-multi-1", family="concept", title="Multi with one key", stem="Pick every correct option.",
            choices=(Choice("Only key", True, ""), Choice("No", False, ""), Choice(TRICKY_STARTS[10], False, "")),
            multiple=True, **common),
        TrueFalse(id="tf-true", family="misconception", title="TF true: a # b", stem=f"True? {NASTY}", answer=True,
                  feedback_true=f"Right: {URL}", feedback_false=f"Wrong: {NASTY}", **common),
        TrueFalse(id="tf-false", family="misconception", title="TF false", stem=f"False? {UNICODE}", answer=False,
                  feedback_true="", feedback_false="Only this feedback", **common),
        TrueFalse(id="tf-bare", family="misconception", title="TF bare", stem="No feedback at all.", answer=True,
                  topic=t1.slug, tags=("hostile",)),
        Matching(id="match-extra", family="matching", title=f"Match: {NASTY}", stem=f"Match {UNICODE}",
                 pairs=(Pair(f"Prompt {NASTY}", f"Answer {NASTY}"), Pair(URL, UNICODE),
                        Pair(TRICKY_STARTS[5], TRICKY_STARTS[6]), Pair(TRICKY_STARTS[0], TRICKY_STARTS[9])),
                 extra_answers=(f"Extra {NASTY}", TRICKY_STARTS[3]), **common),
        Ordering(id="order-4", family="ordering", title=f"Order: {NASTY}", stem=f"Put in order {UNICODE}",
                 steps=(f"First {NASTY}", URL, UNICODE, TRICKY_STARTS[1]), **common),
        Essay(id="essay-grader", family="essay", title=f"Essay: {NASTY}", stem=f"Discuss {NASTY} {URL}",
              grader_info=f"Award marks for {NASTY}; {UNICODE}", response_lines=10, **common),
        Essay(id="essay-plain", family="essay", title="Essay plain", stem="Discuss.", grader_info="", topic=t2.slug),
        Cloze(id="cloze-1", family="cloze", title=f"Cloze: {NASTY}", stem=f"{NASTY} ____ {UNICODE} [[not a gap]",
              parts=(f"{NASTY} ", f" {UNICODE} [[not a gap]"), gaps=(Gap(GAP_TEXT, (TRICKY_STARTS[2], URL), "why"),),
              **common),
        Cloze(id="cloze-2", family="cloze", title="Cloze: two gaps", stem="____ and ____.",
              parts=("", " and ", "."), gaps=(Gap("first & key", ("#one", "two ~")), Gap("second", ("x", "y", "z"))),
              **common),
        Numerical(id="num-nasty", family="numeric", title=f"Number: {NASTY}", stem=f"Type {NASTY} ____ {UNICODE}",
                  answer="0.5", feedback_correct=f"Right {NASTY}", feedback_wrong=f"Wrong {URL} = ~ # {{x}}",
                  **common),
        Numerical(id="num-tolerance", family="numeric", title="Number within a tolerance", stem="Type ____ kPa.",
                  answer="-12.25", tolerance="0.5", topic=t2.slug),
        MultipleChoice(id="plain-mc", family="concept", title="Plain", stem="Plain?", topic=t2.slug,
                       choices=(Choice("a", True), Choice("b", False), Choice("c", False))),
    ]
    return Bank(name="Hostile & bank: {x}", topics=(t1, t2), items=tuple(items))


# Text that breaks XML, HTML and GIFT, with characters outside the BMP (one character each in
# Moodle's varchar columns, four bytes in UTF-8), to pad a value to exactly a limit.
EDGE = "& < > \" ' ~ = # { } : \\ [ ] é Ω 😀 "


def exactly(size: int, start: str = "") -> str:
    """A text of exactly ``size`` characters: ``start``, EDGE, then letters."""
    text = (start + EDGE)[:size]
    return text + "x" * (size - len(text))


def limits_bank() -> Bank:
    """The hostile bank with every Moodle column limit pushed to its size, and one past it.

    At the limit (written as they are): a 255-character matching answer, question name, tag and
    category name; a 100-character ID number; 20,000 characters of question text. Past it:
    a 256-character matching answer and a 101-character ID number (withheld), a 300-character
    name and topic title (shortened by qbank) and a 300-character tag (left out).
    """
    base = hostile_bank()
    at = _topic("limit-at", exactly(255, "Topic at the limit "))
    past = _topic("limit-past", exactly(300, "Topic past the limit "))
    pairs = (Pair("Prompt one", exactly(255, "Answer one ")), Pair("Prompt two", exactly(255, "Answer two ")),
             Pair("Prompt three", "short"))
    big_stem = ("Long question text " + NASTY + " " + UNICODE + " ") * 160
    big_stem = big_stem.strip()
    items = [
        Matching(id="match-255", family="matching", topic=at.slug, title=exactly(255, "Name at the limit "),
                 stem="Match each prompt.", pairs=pairs, extra_answers=(exactly(255, "Extra "),),
                 tags=(exactly(255, "Tag at the limit ").replace("<", "(").replace(">", ")"), "Mixed Case Tag",
                       "a <b> tag")),
        Matching(id="match-256", family="matching", topic=at.slug, title="Answer past the limit",
                 stem="Match each prompt.", pairs=pairs[:2] + (Pair("Prompt three", exactly(256, "Too long ")),),
                 extra_answers=("spare",)),
        MultipleChoice(id=exactly(100, "id-"), family="concept", topic=at.slug, title="ID number at the limit",
                       stem=big_stem, choices=(Choice(exactly(300, "Long right "), True), Choice("wrong", False))),
        MultipleChoice(id=exactly(101, "id-"), family="concept", topic=at.slug, title="ID number past the limit",
                       stem="s", choices=(Choice("right", True), Choice("wrong", False))),
        TrueFalse(id="tf-long-name", family="misconception", topic=past.slug, title=exactly(300, "Name past the limit "),
                  stem="True?", answer=True, tags=("ok", exactly(300, "Tag past the limit "))),
        Ordering(id="order-past", family="ordering", topic=past.slug, title="Ordering under a long topic",
                 stem="Order", steps=(exactly(300, "Step one "), "Step two", "Step three")),
    ]
    return Bank(name=base.name, topics=base.topics + (at, past), items=base.items + tuple(items))
