"""A bank of every item kind whose text is full of what breaks XML, HTML and GIFT.

Built directly from model objects, so the writers are tested on each kind whether or
not a generator produces it yet.
"""

from __future__ import annotations

from qbank.model import Bank, Choice, Cloze, Essay, Gap, Matching, MultipleChoice, Ordering, Pair, Topic, TrueFalse

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
        MultipleChoice(id="plain-mc", family="concept", title="Plain", stem="Plain?", topic=t2.slug,
                       choices=(Choice("a", True), Choice("b", False), Choice("c", False))),
    ]
    return Bank(name="Hostile & bank: {x}", topics=(t1, t2), items=tuple(items))
