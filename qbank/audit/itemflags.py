"""Per-item rules: what Moodle rejects, what an examiner would discard, and testwiseness cues.

Each rule looks at one item and returns ``(name, severity, message)`` flags. Severity:
critical = the item is broken or ambiguous (discard it), major = a cue or flaw a test-wise
learner can exploit, minor = style. See docs/audit.md for every rule.
"""

from __future__ import annotations

import re
import statistics

from qbank.model import Essay, Item, Matching, MultipleChoice, Ordering, TrueFalse
from qbank.audit.textcues import content_stems, normalise, plain, stem
from qbank.writers.shared import moodle_percent

Flag = tuple[str, str, str]

ABSOLUTES = frozenset("always never all only none completely every entirely totally absolutely solely invariably".split())
_ALL_NONE = re.compile(r"\b(all|none|both|neither) of (the above|these|the options|them)\b")
_COMBINATION = re.compile(r"^(both|neither)\b|^(options? )?[a-e](\s*,\s*[a-e])*\s*(and|or|&)\s*[a-e]$")
_NEGATIVE = re.compile(r"\b(not|except|least|cannot|incorrect)\b", re.IGNORECASE)
_EMPHASIS = re.compile(r"<(em|strong|b|i|u)>(.*?)</\1>", re.IGNORECASE | re.DOTALL)
_QUOTED = re.compile(r"[\u201c\"][^\u201d\"]*[\u201d\"]")
# question-frame words: a stem's instructions, not its content (ignored by stem_key_overlap)
FRAME_WORDS = frozenset(stem(w) for w in """select all following statement statements best describe describes described
    term option options answer answers correct true false which mistake mistakes common example examples here""".split())
_NOT_GERUNDS = frozenset("thing something nothing anything everything string spring morning evening during ring king bring".split())


def _words(text: str) -> list[str]:
    return normalise(text).split()


def option_length(text: str) -> int:
    return len(plain(text))


def _first_word(text: str) -> str:
    words = _words(text)
    return words[0] if words else ""


def structure_flags(item: Item) -> list[Flag]:
    """Validity: what Moodle rejects or an examiner would discard, plus missing parts."""
    flags: list[Flag] = []
    if not plain(item.stem):
        flags.append(("empty_stem", "critical", "the stem is empty"))
    if not plain(item.general_feedback) and not isinstance(item, Essay):
        flags.append(("no_general_feedback", "major", "no general feedback: the learner is not taught anything"))
    if isinstance(item, MultipleChoice):
        n, keys = len(item.choices), len(item.keys)
        texts = [normalise(c.text) for c in item.choices]
        if n < 2:
            flags.append(("too_few_options", "critical", f"{n} option(s); Moodle needs at least 2"))
        elif not 3 <= n <= 5:
            flags.append(("option_count", "major", f"{n} options; the bar is 3 to 5"))
        if keys == 0:
            flags.append(("no_key", "critical", "no option is keyed correct"))
        elif keys > 1 and not item.multiple:
            flags.append(("multiple_keys", "critical", f"single-answer item with {keys} keyed options"))
        if any(not t for t in texts):
            flags.append(("empty_option", "critical", "an option is empty"))
        if len(set(texts)) < len(texts):
            flags.append(("duplicate_options", "critical", "two options have the same text"))
        if item.multiple and keys:
            try:
                moodle_percent(1 / keys)
                if n > keys:
                    moodle_percent(-1 / (n - keys))
            except ValueError as exc:
                flags.append(("invalid_fraction", "critical", f"no Moodle grade fraction fits: {exc}"))
        missing = sum(1 for c in item.choices if not c.correct and not plain(c.feedback))
        if missing:
            flags.append(("no_distractor_feedback", "minor", f"{missing} distractor(s) without feedback"))
    elif isinstance(item, TrueFalse):
        wrong = item.feedback_false if item.answer else item.feedback_true
        if not plain(wrong):
            flags.append(("no_distractor_feedback", "minor", "no feedback for the wrong response"))
    elif isinstance(item, Matching):
        n = len(item.pairs)
        if n < 2:
            flags.append(("too_few_pairs", "critical", f"{n} pair(s); Moodle needs at least 2"))
        elif n < 3:
            flags.append(("too_few_pairs", "major", f"{n} pairs; the bar is at least 3"))
        if not item.extra_answers:
            flags.append(("no_extra_answer", "minor", "no extra answer: the last pair can be matched by elimination"))
        prompts = [normalise(p.prompt) for p in item.pairs]
        if len(set(prompts)) < len(prompts) or any(not p for p in prompts) or any(not normalise(p.answer) for p in item.pairs):
            flags.append(("ambiguous_pairs", "critical", "a prompt is repeated or a prompt/answer is empty"))
        if len(item.pairs) + len(item.extra_answers) < 3:
            flags.append(("too_few_answers", "critical", "Moodle needs at least 3 answers"))
    elif isinstance(item, Ordering):
        n = len(item.steps)
        if n < 2:
            flags.append(("too_few_steps", "critical", f"{n} step(s)"))
        elif n < 3:
            flags.append(("too_few_steps", "major", f"{n} steps; the bar is at least 3"))
        steps = [normalise(s) for s in item.steps]
        if len(set(steps)) < len(steps) or any(not s for s in steps):
            flags.append(("ambiguous_steps", "critical", "a step is repeated or empty"))
    elif isinstance(item, Essay):
        if not plain(item.grader_info):
            flags.append(("no_grader_info", "major", "no marking guidance for the grader"))
    return flags


def _negative_stem(stem: str) -> Flag | None:
    outside = _QUOTED.sub(" ", plain(_EMPHASIS.sub(" ", stem)))  # quoted notes are content, not the question
    for m in _NEGATIVE.finditer(outside):
        word = m.group(1)
        if word.isupper() and len(word) > 1:
            continue
        return ("negative_stem", "major", f"negative word \u201c{word}\u201d in the stem is not emphasised (write it in capitals or <em>)")
    return None


def _stem_key_overlap(item: MultipleChoice) -> Flag | None:
    words = content_stems(plain(item.stem)) - FRAME_WORDS
    key = max((len(words & content_stems(c.text)) for c in item.keys), default=0)
    best = max((len(words & content_stems(c.text)) for c in item.choices if not c.correct), default=0)
    if key >= 1 and key > best:
        shared = sorted(words & set().union(*(content_stems(c.text) for c in item.keys)))
        return ("stem_key_overlap", "major", f"key shares {key} word(s) with the stem ({', '.join(shared)}); best distractor {best}")
    return None


def _grammatical_cue(item: MultipleChoice) -> Flag | None:
    words = _words(re.sub(r"(_{2,}|\.{3}|\u2026)\s*[.?]?\s*$", "", plain(item.stem)))
    if not words or words[-1] not in ("a", "an"):
        return None
    wants_vowel = words[-1] == "an"
    misfits = [c.text for c in item.choices if _first_word(c.text) and (_first_word(c.text)[0] in "aeiou") != wants_vowel]
    if misfits:
        return ("grammatical_cue", "major", f"stem ends in \u201c{words[-1]}\u201d but {len(misfits)} option(s) do not agree with it")
    return None


def _heterogeneous(item: MultipleChoice) -> Flag | None:
    texts = [plain(c.text) for c in item.choices if plain(c.text)]
    if len(texts) < 2:
        return None
    caps = {t[0].isupper() for t in texts if t[0].isalpha()}
    stops = {t[-1] in ".!?" for t in texts}
    if len(caps) > 1 or len(stops) > 1:
        what = " and ".join(w for w, bad in (("capitalisation", len(caps) > 1), ("final punctuation", len(stops) > 1)) if bad)
        return ("heterogeneous_options", "major", f"options differ in {what}")
    gerund = {(w := _first_word(t)).endswith("ing") and len(w) > 4 and w not in _NOT_GERUNDS for t in texts}
    if len(gerund) > 1:
        return ("heterogeneous_options", "minor", "options mix gerund (-ing) and noun-phrase forms")
    return None


def length_cues(item: MultipleChoice) -> list[Flag]:
    """Key unique longest / shortest: beyond every distractor by >=25% and >=8 characters."""
    if item.multiple or len(item.keys) != 1 or len(item.choices) < 2:
        return []
    key = option_length(item.keys[0].text)
    others = [option_length(c.text) for c in item.choices if not c.correct]
    flags: list[Flag] = []
    if key >= 1.25 * max(others) and key - max(others) >= 8:
        flags.append(("key_unique_longest", "minor", f"key is the longest option ({key} vs {max(others)} characters)"))
    if min(others) >= 1.25 * key and min(others) - key >= 8:
        flags.append(("key_unique_shortest", "minor", f"key is the shortest option ({key} vs {min(others)} characters)"))
    return flags


def cue_flags(item: Item) -> list[Flag]:
    """Testwiseness cues and presentation flaws."""
    flags: list[Flag] = []
    if isinstance(item, MultipleChoice) and (neg := _negative_stem(item.stem)) is not None:
        flags.append(neg)
    if isinstance(item, TrueFalse) and not item.answer:
        found = ABSOLUTES & set(_words(item.stem))
        if found:
            flags.append(("specific_determiner_cue", "major", f"false statement uses absolute word(s): {', '.join(sorted(found))}"))
    if not isinstance(item, MultipleChoice):
        return flags
    texts = [normalise(c.text) for c in item.choices]
    if any(_ALL_NONE.search(t) for t in texts):
        flags.append(("all_none_of_above", "major", "an option is \u201call/none of the above\u201d"))
    if any(_COMBINATION.search(t) for t in texts):
        flags.append(("combination_option", "major", "an option combines other options (\u201cboth A and B\u201d)"))
    in_keys = ABSOLUTES & {w for c in item.keys for w in _words(c.text)}
    in_wrong = ABSOLUTES & {w for c in item.choices if not c.correct for w in _words(c.text)}
    if in_wrong - in_keys:
        flags.append(("specific_determiner_cue", "major", f"only false options use absolute word(s): {', '.join(sorted(in_wrong - in_keys))}"))
    for rule in (_stem_key_overlap, _grammatical_cue, _heterogeneous):
        if (flag := rule(item)) is not None:
            flags.append(flag)
    flags.extend(length_cues(item))
    return flags


def option_length_cv(item: MultipleChoice) -> float | None:
    lengths = [option_length(c.text) for c in item.choices]
    if len(lengths) < 2 or not statistics.fmean(lengths):
        return None
    return statistics.pstdev(lengths) / statistics.fmean(lengths)
