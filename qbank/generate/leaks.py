"""No item answers another: drop items whose key another item's stem prints.

A learner who meets two items from one bank in one quiz reads every stem. If one stem prints
the fact another item asks for ("... reheated food must reach at least 82°C" beside "In
Scotland, reheated food must reach at least ____"), the second item is answered by reading,
not by knowing. Items are kept greedily in family priority order (items above recall first);
a candidate is dropped when its key is printed in a kept item's stem, or its stem prints a
kept item's key. Variants of one fact (the same ``Item.group``) are exempt: a quiz draws one
of them. Every drop is recorded so coverage and the audit can name it.

Cost: inverted indexes of stem words and keys, split by topic; an item is compared only with
items of the topics in its scope (``Facts.scope``: a quiz draws from one course, and the scope
is every topic in a bank of 50 or fewer), and a key only with stems holding the words a printing
stem must hold, so the pass is near-linear in the number of items.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from functools import lru_cache

from qbank.generate.essays import SHORT_ANSWER_LINES
from qbank.model import Cloze, Item, MultipleChoice, Numerical, Ordering, TrueFalse

# Keep order: forms that test more than recall first, so a concept item gives way to them.
PRIORITY = ("scenario", "numeric", "cloze", "misconception", "model", "concept", "matching", "essay")
_WORD = re.compile(r"[0-9]+(?:[.,][0-9]+)*(?:\s?(?:°C|°F|%|mm|cm|m|kg|g|V|A|W|Ω|ppm|bar|litres?|days?|hours?|minutes?|mins?|seconds?|s))?|[^\W\d_]+", re.UNICODE)
_MINOR = frozenset("""a an the of to in on at by for from with and or but is are be been was were it its this that
these those as not no than then so such which who what when where how into onto over under per each any all""".split())


_UNIT = re.compile(r"(?<=\d)\s?[^\d.,\s][^\d]*$")


@lru_cache(maxsize=1 << 16)  # every key and stem is looked at again for each item it meets
def _tokens(text: str) -> tuple[str, ...]:
    """Words and numbers; a number stands for itself whatever unit follows ("215 mm" is read in
    "215 × 102.5 × 65 mm"), so a value printed with another unit or none still tells."""
    return tuple(_UNIT.sub("", t.casefold().replace(" ", "")) for t in _WORD.findall(text))


def _distinctive_number(phrase: Sequence[str]) -> bool:
    """A value of three or more figures ("215", "112.5", "1.37"): seen printed anywhere, it tells."""
    return len(phrase) == 1 and phrase[0][:1].isdigit() and sum(ch.isdigit() for ch in phrase[0]) >= 3


@lru_cache(maxsize=1 << 16)
def _content(text: str) -> tuple[str, ...]:
    return tuple(t for t in _tokens(text) if t not in _MINOR and (len(t) > 2 or t[0].isdigit()))


def _must_hold(words: Sequence[str], count) -> list[str]:
    """Distinct words of a long answer (4 content words or more) of which a stem that prints it
    (``_printed``: 80 % of its words there) holds at least one: the rarest few by ``count``
    (word -> how many texts have it).

    Lacking k distinct words loses at least k of the answer's words; k is the fewest that fail."""
    need = 1
    while need < len(words) and (len(words) - need) / len(words) >= 0.8:
        need += 1
    distinct = sorted(set(words), key=lambda w: (count(w), w))
    return distinct[:need]


def visible_statement(item: Item) -> str:
    """The text an item prints as fact: its stem, a cloze's text around the gaps, and the options
    of a misconception item (true claims from the notes beside the belief: "… gives a lap of
    112.5 mm" printed there tells whoever meets "… gives a lap of ____")."""
    if isinstance(item, Cloze):
        return " ".join(item.parts)
    if isinstance(item, MultipleChoice) and item.family == "misconception":
        return " ".join([item.stem, *(c.text for c in item.choices)])
    if item.family == "numeric" and "\n" in item.stem:
        # the quoted statement: the lead line says only which notes it is from, the same for every
        # value item of the topic, so its words tell nothing and tie no two statements together
        return item.stem.split("\n", 1)[1]
    return item.stem


SAME_STATEMENT = 0.6  # content-word Jaccard above which a true statement and a value's quote say one thing


class _Union:
    """Variant groups joined into one (union-find over group names). An item with no group stands in
    as "item-<id>"; ``rank`` orders names so that the first wins when two groups join."""

    def __init__(self, rank=lambda g: g) -> None:
        self.parent: dict[str, str] = {}
        self.rank = rank

    @staticmethod
    def own(item: Item) -> str:
        return item.group or f"item-{item.id}"

    def find(self, g: str) -> str:
        parent = self.parent
        while parent.setdefault(g, g) != g:
            parent[g] = parent[parent[g]]
            g = parent[g]
        return g

    def join(self, a: str, b: str) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            keep, drop = sorted((a, b), key=self.rank)
            self.parent[drop] = keep


def group_value_statements(items: Sequence[Item]) -> list[Item]:
    """A true statement that says what a value item asks ("Cold food can be kept out of chill for one
    period of up to 4 hours." beside "… up to ____ hours"), or a cloze on the statement a value item
    quotes, is a variant of it, not a leak to drop: the two groups become one (named after the
    smaller name), so a quiz draws one of them and the bank keeps both."""
    from qbank.generate.text import content_stems, jaccard

    by_topic: dict[str, list[tuple[Item, set[str], str]]] = {}  # per topic: a bank's pass stays linear
    for v in items:
        if v.family != "numeric" or not v.group:
            continue
        key = _value_key(v)
        if key:
            by_topic.setdefault(v.topic, []).append((v, content_stems(v.stem.split("\n", 1)[-1]), key))
    groups = _Union(rank=lambda g: (g.startswith("item-"), g))  # a real group's name over an item's stand-in

    def join(v: Item, item: Item) -> None:
        groups.join(v.group, groups.own(item))

    for item in items:
        if isinstance(item, Cloze) and item.family != "numeric":
            # a cloze on the statement a value item quotes: its gaps are that statement's values
            words = content_stems(" ".join(item.parts))
            for v, quote, _key in by_topic.get(item.topic, ()):
                if quote and len(quote & words) >= SAME_STATEMENT * len(quote):
                    join(v, item)
            continue
        if not (isinstance(item, TrueFalse) and item.answer):
            continue
        words = content_stems(item.stem)
        for v, quote, key in by_topic.get(item.topic, ()):
            if re.search(rf"(?<![\w.]){re.escape(key)}(?![\w])", item.stem) and jaccard(words, quote) >= SAME_STATEMENT:
                join(v, item)
    # Two value items of one topic that ask the same amount ("over a rolling ____" keyed 52 weeks and
    # "the rolling ____-week window" keyed 52): whoever meets both has each one's answer in the
    # other's options or stem (h16's learner and examiner), so they are variants of one question.
    # The same holds where one item's key is printed in another's stem or options ("16.5%" offered as
    # a wrong option beside a typed 16.5; "every 5 years" in the stem of another item keyed 5 years:
    # h17's learner took both).
    by_amount: dict[tuple[str, str], Item] = {}
    shown: list[tuple[Item, set[str]]] = []
    for item in items:
        if item.family != "numeric":
            continue
        key = _value_key(item)
        amount = _amount(key)
        if amount:
            first = by_amount.setdefault((item.topic, amount), item)
            if first is not item:
                groups.join(groups.own(first), groups.own(item))
        printed = {_amount(m.group(0)) for m in _PRINTED_AMOUNT.finditer(item.stem)}
        printed |= {_amount(c.text) for c in getattr(item, "choices", ()) if not c.correct}
        shown.append((item, printed - {"", amount}))
    for item, printed in shown:
        for amount in printed:
            other = by_amount.get((item.topic, amount))
            if other is not None and other is not item:
                groups.join(groups.own(other), groups.own(item))
    _join_essay_answers(items, groups, by_amount)
    members: dict[str, int] = {}
    for item in items:
        root = groups.find(groups.own(item))
        members[root] = members.get(root, 0) + 1
    out = []
    for item in items:
        own = groups.own(item)
        root = groups.find(own)
        if root == own and (item.group or members[root] == 1):
            out.append(item)
            continue
        # items with no group of their own share one named after the first (which had none either)
        out.append(replace(item, group=root.replace("item-", "shared-", 1) if root.startswith("item-") else root))
    return out


def _join_essay_answers(items: Sequence[Item], groups: "_Union", by_amount: dict[tuple[str, str], Item]) -> None:
    """An essay and an item of its topic that give each other away are variants of one question
    (h20's examiner, serious): an essay prompt that prints a value item's key ("the rules on breaks
    after 4.5 hours of driving" beside "… a break after ____ of driving"), or an item whose stem
    quotes a note the essay's guidance is made of ("DPC: … at least ____ above ground level" beside
    "State the height of the DPC above ground level")."""
    from qbank.generate.text import content_stems

    by_topic: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        if item.family != "essay":
            by_topic[item.topic].append(item)
    for essay in items:
        if essay.family != "essay":
            continue
        for m in _PRINTED_AMOUNT.finditer(essay.stem):
            other = by_amount.get((essay.topic, _amount(m.group(0))))
            if other is not None:
                groups.join(groups.own(other), groups.own(essay))
        guidance = [content_stems(line[2:]) for line in getattr(essay, "grader_info", "").splitlines()
                    if line.startswith("- ")]
        guidance = [g for g in guidance if g]
        if not guidance or getattr(essay, "response_lines", 15) > SHORT_ANSWER_LINES or len(guidance) > 2:
            # a short answer on one or two notes is the fact an item quoting them asks; a longer
            # essay asks more than any one quote gives (and joining on its padding would chain a
            # topic's items into one group)
            continue
        for item in by_topic.get(essay.topic, ()):
            said = content_stems(visible_statement(item).split("\n", 1)[-1])
            if len(said) >= 3 and any(len(said & g) >= ESSAY_QUOTE * len(said) for g in guidance):
                groups.join(groups.own(item), groups.own(essay))


ESSAY_QUOTE = 0.8  # share of an item's statement words found in one guidance note: it quotes that note


# a number with its unit as a stem prints it ("every 5 years", "16.5%", "£1,000", "24-hour")
_PRINTED_AMOUNT = re.compile(r"[£$€]?\d[\d.,]*(?:\s?-?\s?(?:%|°C|[A-Za-z]+))?")


def _value_key(item: Item) -> str:
    """A value item's key as shown: the typed value with its unit, or the correct option's text."""
    return item.value if isinstance(item, Numerical) else next(
        (c.text for c in getattr(item, "choices", ()) if c.correct), "")


def _amount(key: str) -> str:
    """A value's amount, its spelling aside: "52 weeks", "52-week" and "52 week" are one amount."""
    m = re.match(r"([−+-]?[£$€]?[\d.,–-]*\d)\s?-?\s?(.*)$", key.strip())
    if not m:
        return ""
    return m.group(1).replace(",", "") + " " + m.group(2).casefold().removesuffix("s")


def group_shared_options(items: Sequence[Item]) -> list[Item]:
    """Items that print the same wrong option are variants of one question.

    An option that is wrong wherever it is printed (a good practice offered beside mistakes, a
    true claim beside beliefs) tells a learner who meets two such items which options to strike:
    the one printed only once is the key. Items sharing such an option join one variant group
    (the union of their groups), so a quiz draws one of them. Deterministic: the merged group is
    named after the smallest group name it joins."""
    keys = {c.text.casefold() for i in items for c in getattr(i, "choices", ()) if c.correct}
    groups = _Union()
    own, find = groups.own, groups.find
    by_option: dict[str, str] = {}

    def join(text: str, item: Item) -> None:
        if text in by_option:
            groups.join(by_option[text], own(item))
        else:
            by_option[text] = own(item)

    # A model's elements printed in order ("Plan-Do-Check-Act (PDCA)" in a "which term" stem or an
    # option) answer every item on that model: whatever prints them joins the model's group.
    expansions = _expansions(items)
    for item in items:
        if item.group in expansions:
            join("model:" + item.group, item)
        shown = " ".join([item.stem, *(c.text for c in getattr(item, "choices", ()))])
        for group, pattern in expansions.items():
            if item.group != group and pattern.search(shown):
                join("model:" + group, item)
    for item in items:
        for c in getattr(item, "choices", ()):
            text = c.text.casefold()
            if c.correct or text in keys:
                continue
            join(text, item)
        # A description printed twice (a matching answer and a "which term is described?" quote, or
        # two items' options) lets a learner carry what one item shows into the other: one group.
        for text in _descriptions(item):
            join("desc:" + text, item)
        # The same options in two items, each keyed on a different one ("3 bar, 6 bar, 7 bar" for
        # three valves): whoever knows one answer strikes it from the other (an examiner's find).
        options = sorted(c.text.casefold() for c in getattr(item, "choices", ()))
        if len(options) >= 3:
            join("options:" + "\x1f".join(options), item)
    members: dict[str, int] = {}
    for item in items:
        members[find(own(item))] = members.get(find(own(item)), 0) + 1
    out = []
    for item in items:
        g = own(item)
        root = find(g)
        if root == g and (item.group or members[root] == 1):
            out.append(item)
            continue
        name = root.replace("item-", "shared-", 1) if root.startswith("item-") else root
        out.append(replace(item, group=name))
    return out


_MODEL_FEEDBACK = re.compile(r"^([A-Z][A-Za-z0-9]{1,9}): ([^.]+)\.")


def _expansions(items: Sequence[Item]) -> dict[str, re.Pattern]:
    """Model group -> a pattern for its elements printed in order, any punctuation between them
    ("Hear, Empathise, Apologise, Take action", "Plan-Do-Check-Act"), from the model items' general
    feedback ("HEAT: Hear, Empathise, Apologise, Take action.")."""
    out: dict[str, re.Pattern] = {}
    for item in items:
        if item.family != "model" or not item.group.startswith("model-") or item.group in out:
            continue
        m = _MODEL_FEEDBACK.match(item.general_feedback)
        parts = [p.strip() for p in m.group(2).split(",")] if m and "model-" + m.group(1) == item.group else []
        if len(parts) >= 3 and all(parts):
            out[item.group] = re.compile(r"\b" + r"\W{1,3}".join(re.escape(p) for p in parts) + r"\b", re.IGNORECASE)
    return out


_QUOTED = re.compile(r"[“\"]([^”\"]+)[”\"]")
DESCRIPTION_WORDS = 6  # a printed text this long is recognisable when it turns up again


def _descriptions(item: Item) -> set[str]:
    """The long texts an item prints as descriptions: quoted in its stem, its options, its
    matching answers (normalised: case, final stop, spacing)."""
    texts = [m.group(1) for m in _QUOTED.finditer(item.stem)]
    texts += [c.text for c in getattr(item, "choices", ())]
    texts += [p.answer for p in getattr(item, "pairs", ())] + list(getattr(item, "extra_answers", ()))
    out = set()
    for t in texts:
        norm = " ".join(t.casefold().rstrip(".").split())
        if len(norm.split()) >= DESCRIPTION_WORDS:
            out.add(norm)
    return out


def answers_of(item: Item) -> list[str]:
    """What a learner must know to score: the key texts an item hides (empty when none can leak)."""
    if isinstance(item, MultipleChoice) and not item.multiple:
        return [c.text for c in item.choices if c.correct]
    if isinstance(item, TrueFalse) and item.answer:
        return [item.stem]
    if isinstance(item, Cloze):
        return [g.key for g in item.gaps]
    if isinstance(item, Numerical):
        return [item.value or item.answer]
    if isinstance(item, Ordering):
        return [" ".join(item.steps)]
    return []


def distractors_of(item: Item) -> list[str]:
    """The wrong options a learner weighs against the key (single-answer multiple choice only)."""
    if isinstance(item, MultipleChoice) and not item.multiple:
        return [c.text for c in item.choices if not c.correct]
    return []


def _printed(answer: str, stem_tokens: Sequence[str], stem_set: set[str], context: set[str]) -> bool:
    """True when ``answer`` is readable from a stem: a long answer's content words are (nearly) all there,
    a short one appears as a phrase and the stem is about the same statement (shares its context)."""
    words = _content(answer)
    if not words:
        return False
    if len(words) >= 4:
        return sum(w in stem_set for w in words) / len(words) >= 0.8
    phrase = _tokens(answer)
    n = len(phrase)
    if not all(w in stem_set for w in phrase):  # stem_set is set(stem_tokens): no window can match
        return False
    if not any(stem_tokens[i:i + n] == phrase for i in range(len(stem_tokens) - n + 1)):
        return False
    return _distinctive_number(phrase) or len(context & stem_set) >= max(2, len(context) // 3)


def drop_leaking(items: Sequence[Item], scope: Callable[[str], Collection[str]] | None = None,
                 ) -> tuple[list[Item], list[tuple[Item, Item]]]:
    """(kept items in their original order, [(dropped, the kept item it leaked with)]).

    ``scope``: topic slug -> the slugs of topics whose items a quiz may draw beside it
    (``Facts.scope``); only items of those topics are compared with an item of that topic.
    None: every item with every other."""
    rank = {f: n for n, f in enumerate(PRIORITY)}
    order = sorted(range(len(items)), key=lambda n: (rank.get(items[n].family, len(PRIORITY)), n))
    stems: dict[int, tuple[list[str], set[str]]] = {}
    # content word -> topic -> kept items of that topic whose stem has it
    by_word: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    held_count: dict[str, int] = defaultdict(int)  # content word -> kept stems holding it (any topic)
    kept_answers: list[tuple[int, str, set[str], str]] = []  # (item, key, its context, its first word)
    kept: set[int] = set()
    dropped: list[tuple[Item, Item]] = []

    def home(item: Item) -> str:
        return item.topic if scope is not None else ""

    # How many statements hold each word (fixed for the pass): which words of a kept key to index it by.
    df: dict[str, int] = defaultdict(int)
    for item in items:
        for w in set(_tokens(visible_statement(item))):
            df[w] += 1
    # word a printing stem must hold -> topic -> long keys; a short key's tokens -> topic -> entries
    answer_index: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    phrase_index: dict[tuple[str, ...], dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    phrase_sizes: set[int] = set()
    memo: dict[tuple[str, bool], bool] = {}
    near: frozenset[str] | set[str] = frozenset()

    def in_scope(per_topic: dict[str, object] | None):
        """The values of a topic -> postings map for the topics in scope (the smaller side walked)."""
        if not per_topic:
            return ()
        if scope is None:
            return per_topic.values()
        return [per_topic[t] for t in near & per_topic.keys()]

    def kept_with(w: str) -> set[int]:
        found: set[int] = set()
        for posting in in_scope(by_word.get(w)):
            found |= posting
        return found

    def held(w: str) -> int:
        return held_count.get(w, 0)

    def context_of(item: Item) -> set[str]:
        return set(_content(visible_statement(item)))

    def printed_somewhere(text: str, extra: tuple[list[str], set[str]] | None) -> bool:
        words = _content(text)
        if not words or len(words) < 4 and not _distinctive_number(_tokens(text)):
            return False  # a short text is printed only in a stem about the same statement (none here)
        key = (text, extra is None)
        if key not in memo:  # the same wrong options are asked about for every kept stem met
            must = _must_hold(words, held) if len(words) >= 4 else words[:1]  # a short one: all its words
            pool = set().union(*(kept_with(w) for w in must))
            memo[key] = any(_printed(text, *stems[m], set()) for m in pool) or (
                extra is not None and _printed(text, *extra, set()))
        return memo[key]

    def tells(answer: str, wrong: list[str], extra: tuple[list[str], set[str]] | None = None) -> bool:
        """A long key printed tells the answer only when some wrong option is printed nowhere:
        a definition among definitions that all appear as statements is no clue."""
        if len(_content(answer)) < 4 or not wrong:
            return True
        return not all(printed_somewhere(w, extra) for w in wrong)

    for n in order:
        item = items[n]
        if item.kind == "essay":
            kept.add(n)
            continue
        toks = _tokens(visible_statement(item))
        stem_set = set(toks)
        context = context_of(item)
        memo.clear()
        near = set(scope(item.topic)) if scope is not None else frozenset()
        leak_with: int | None = None
        # 1. is this item's key printed in a kept stem?
        for answer in answers_of(item):
            words = _content(answer)
            if not words:
                continue
            if len(words) < 4:
                # a short key is printed only in a stem holding all its words: the smallest lists first
                lists = sorted((kept_with(w) for w in set(words)), key=len)
                pool = lists[0]
                for other_list in lists[1:]:
                    if not pool:
                        break
                    pool &= other_list
            else:
                pool = set().union(*(kept_with(w) for w in _must_hold(words, held)))
            for m in sorted(pool):
                other = items[m]
                if item.group and item.group == other.group:
                    continue
                mt, ms = stems[m]
                if _printed(answer, mt, ms, context) and tells(answer, distractors_of(item)):
                    leak_with = m
                    break
            if leak_with is not None:
                break
        # 2. does this item's stem print a kept item's key?
        # A kept key is looked at when the stem holds its first word (as always) and a word any
        # printing stem must hold (a short key's rarest word: all its words are printed; a long
        # key's rarest few: 80 % are), not every key that shares a common first word.
        if leak_with is None:
            found: set[int] = set()
            for w in stem_set:
                for entries in in_scope(answer_index.get(w)):
                    found.update(entries)
            # a short key is printed only as a phrase of the stem: looked up by the stem's phrases
            for size in phrase_sizes:
                for i in range(len(toks) - size + 1):
                    for entries in in_scope(phrase_index.get(tuple(toks[i:i + size]))):
                        found.update(entries)
            for e in sorted(found):
                m, answer, m_context, first = kept_answers[e]
                if first not in stem_set:
                    continue
                other = items[m]
                if item.group and item.group == other.group:
                    continue
                if _printed(answer, toks, stem_set, m_context) and tells(answer, distractors_of(other), (toks, stem_set)):
                    leak_with = m
                    break
        if leak_with is not None:
            dropped.append((item, items[leak_with]))
            continue
        kept.add(n)
        stems[n] = (toks, stem_set)
        where = home(item)
        for w in stem_set:
            by_word[w][where].add(n)
            held_count[w] += 1
        for answer in answers_of(item):
            words = _content(answer)
            if words:
                kept_answers.append((n, answer, context, words[0]))
                if len(words) >= 4:
                    for w in _must_hold(words, df.__getitem__):
                        answer_index[w][where].append(len(kept_answers) - 1)
                else:
                    phrase = tuple(_tokens(answer))
                    phrase_index[phrase][where].append(len(kept_answers) - 1)
                    phrase_sizes.add(len(phrase))
    return [items[n] for n in range(len(items)) if n in kept], dropped
