"""A testwise learner with no subject knowledge: how far surface cues alone carry a learner.

The learner never reads the notes and never uses the generator's code. It answers every
auto-marked item from generic cues a test-wise candidate uses, learned the way such a
candidate learns them (from sitting earlier quizzes of the same bank, i.e. leave-one-out):

- true/false: the bank's majority answer among the *other* true/false items, when clear
  (>= 60 %); else specific determiners (*always, never, only* ... -> False; *usually, can,
  may* ... -> True);
- choice items, cues in a fixed priority, each narrowing the options it cannot tell apart:
  1. mistake markers (*Assuming, Failing, Confusing ... without, rather than*, absolutes):
     under a "mistake"/negative stem pick the marked options, under any other stem avoid them;
  2. initials: an abbreviation in the stem spelled by an option's initials, or the reverse;
  3. stem-option overlap: most stem words shared (whole words or a common 5-letter prefix);
  4. the odd one out in form or valence (the only gerund, the only full sentence, the only
     option opening with a mistake marker, the only negative one);
  5. length: the unique longest (or shortest, whichever the other items reward more often);
  6. convergence: the option sharing most words with the other options;
  then a uniform guess among what is left. Multi-answer items: tick the options the first
  discriminating cue marks; otherwise a random non-empty selection (chance).
- matching: pair each prompt with the answer sharing most words/initials, greedily;
  the rest at random among the answers left.
- cloze (any item with ``gaps``, duck-typed): each gap as a small choice item over the
  text around it.

Scores are *expected* scores (a tie between options counts its share of keys), so the
report is exact and needs no sampling, except the quiz figure: the mean over many seeded
random 20-item quizzes.
"""

from __future__ import annotations

import random
import re
import statistics
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from math import comb
from typing import Any

from qbank.audit.textcues import plain

QUIZ_SIZE = 20
QUIZ_DRAWS = 2000
MAJORITY = 0.6  # follow the true/false majority of the other items only when it is at least this clear
TF_PATTERN = 0.7  # follow a true/false surface pattern ("long statements are true") this clear or more
TF_PATTERN_MIN = 4  # ... shown by at least this many other statements
_TF_TURN = re.compile(r"\b(?:whereas|but|because|so|since|while|although|rather than|instead|unless)\b|[;:–—]",
                      re.IGNORECASE)
_TF_NEGATION = re.compile(r"\b(?:not|no|never|none|without|cannot)\b|n't\b", re.IGNORECASE)

_STOP = frozenset(
    """a an the and or but nor of to in on at by for with from into onto as is are was were be been being it its
    this that these those which who whom whose what when where why how than then there their they them he she his
    her we our you your i me my not no so if such can could should would may might will shall do does did done has
    have had also about over under up down out very more most some any each both other another one own same just
    only all every here following best describes described description fits fit term terms statement statements
    option options answer answers correct true false select common mistake mistakes misconception misconceptions
    match matches matching given notes note say says said""".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
_ACRONYM = re.compile(r"\b([A-Z]{2,8})s?\b")
MISTAKE_OPENERS = ("assuming", "believing", "confusing", "failing", "neglecting", "ignoring", "overlooking",
                   "thinking", "mistaking", "forgetting", "relying", "treating", "overestimating",
                   "underestimating", "omitting", "skipping", "rushing", "blaming", "focusing solely",
                   "focusing only", "viewing", "seeing")
_MARKERS = re.compile(r"\b(without|rather than|instead of|always|never|only|solely|automatically|entirely|"
                      r"completely|all|every|none|nothing|regardless|guarantees?)\b", re.IGNORECASE)
_ABSOLUTES = re.compile(r"\b(always|never|only|solely|all|every|none|no one|nothing|automatically|entirely|"
                        r"completely|guarantees?|invariably|must)\b", re.IGNORECASE)
_HEDGES = re.compile(r"\b(usually|often|may|might|can|could|sometimes|generally|typically|tends? to|"
                     r"frequently|most|some|likely)\b", re.IGNORECASE)
# The safe-sounding answer: a shortcut allowed reads as false, a warning of harm as true, to anyone
# who knows nothing of the subject ("The 7-day inspection can be skipped if …", "… can damage seals").
_SHORTCUT = re.compile(r"\b(acceptable|allowed|permitted|optional|unnecessary|no need|needs? no|harmless|can be (skipped|ignored|left|omitted|"
                       r"missed|reused|relied on)|(does|do|need) ?n[o'’]?t (need|have to)|not (needed|necessary|required)|"
                       r"is (fine|enough|sufficient|adequate)|no (\w+ ){1,2}(is|are) (needed|necessary|required))\b", re.IGNORECASE)
_HARM = re.compile(r"\b(can|could|may|will) (\w+ ){0,2}(damage|cause|lead to|result in|harm|injure|kill|contaminate)\b|"
                   r"\b(dangerous|unsafe|hazardous|fatal)\b", re.IGNORECASE)
_NEGATIVE_STEM = re.compile(r"\b(mistakes?|misconceptions?|errors?|wrong|incorrect|not|except|least|pitfalls?|"
                            r"avoid|false|flaws?|flawed|poor|bad|weak(ness)?|problems?|misunderst\w*)\b", re.IGNORECASE)
_NEGATIVE_WORDS = re.compile(r"\b(not|no|never|without|cannot|fail\w*|neglect\w*|ignor\w*|overlook\w*|lack\w*|"
                             r"omit\w*|forget\w*|confus\w*|misunderst\w*|assum\w*|believ\w*)\b", re.IGNORECASE)


# --- text -----------------------------------------------------------------------


@lru_cache(maxsize=65536)
def _words(text: str) -> tuple[str, ...]:
    return tuple(w.strip("'-").casefold() for w in _WORD.findall(plain(text)) if w.strip("'-"))


@lru_cache(maxsize=65536)
def _content(text: str) -> frozenset[str]:
    return frozenset(w for w in _words(text) if len(w) > 2 and w not in _STOP)


def _same_word(a: str, b: str) -> bool:
    """The same word, or the same 5-letter prefix (manage/managing, customer/customers)."""
    return a == b or (len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5])


@lru_cache(maxsize=65536)
def _prefixes(text: str) -> frozenset[str]:
    return frozenset(w[:5] for w in _content(text) if len(w) >= 5)


@lru_cache(maxsize=8192)  # pure in its texts; asked again for every set of options tried (a few hundred per item)
def overlap(a: str, b: str) -> int:
    """Content words of ``a`` that some content word of ``b`` matches (whole word or prefix)."""
    wb = _content(b)
    if not wb:
        return 0
    prefixes = _prefixes(b)
    return sum(1 for w in _content(a) if w in wb or (len(w) >= 5 and w[:5] in prefixes))


def _initials(text: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s\-/]+", plain(text)) if w and w[0].isalpha()).upper()


def _content_initials(text: str) -> str:
    return "".join(w[0] for w in _words(text) if w not in ("and", "of", "the", "for", "to", "a", "an", "in")).upper()


@lru_cache(maxsize=8192)  # pure in its texts; asked again for every set of options tried (a few hundred per item)
def initials_match(stem: str, option: str) -> bool:
    """An abbreviation in one text is spelled by the initials of consecutive words of the other."""
    for short, long in ((stem, option), (option, stem)):
        for acronym in set(_ACRONYM.findall(plain(short))):
            if any(acronym in s for s in (_initials(long), _content_initials(long))) and acronym not in plain(long):
                return True
    return False


@lru_cache(maxsize=8192)  # pure in its texts; asked again for every set of options tried (a few hundred per item)
def mistake_score(text: str) -> int:
    """2 for an option that opens like a mistake (Assuming..., Failing to...), +1 for each other marker."""
    low = " ".join(_words(text))
    score = 2 if low.startswith(MISTAKE_OPENERS) else 0
    return score + len(_MARKERS.findall(plain(text)))


@lru_cache(maxsize=8192)  # pure in its texts; asked again for every set of options tried (a few hundred per item)
def negative_stem(stem: str) -> bool:
    return bool(_NEGATIVE_STEM.search(plain(stem)))


@lru_cache(maxsize=8192)  # pure in its texts; asked again for every set of options tried (a few hundred per item)
def _form(text: str) -> dict[str, bool]:
    t = plain(text)
    first = _words(t)[0] if _words(t) else ""
    return {
        "gerund": first.endswith("ing") and len(first) > 4,
        "sentence": t.endswith((".", "!", "?")) and len(_words(t)) >= 5,
        "mistake": " ".join(_words(t)).startswith(MISTAKE_OPENERS),
        "negative": len(_NEGATIVE_WORDS.findall(t)) % 2 == 1,
    }


# --- cues on a choice item -------------------------------------------------------

Scorer = Callable[[str, list[str], int], list[float]]  # (stem, options, direction) -> higher = pick


def _cue_mistake(stem: str, options: list[str], d: int) -> list[float]:
    sign = d if negative_stem(stem) else -d
    return [sign * float(mistake_score(o)) for o in options]


def _cue_initials(stem: str, options: list[str], d: int) -> list[float]:
    return [d * float(initials_match(stem, o)) for o in options]


def _cue_overlap(stem: str, options: list[str], d: int) -> list[float]:
    return [d * float(overlap(o, stem)) for o in options]


def _cue_odd_form(stem: str, options: list[str], d: int) -> list[float]:
    if len(options) < 3:
        return [0.0] * len(options)
    forms = [_form(o) for o in options]
    for feature in ("mistake", "sentence", "gerund", "negative"):
        have = [f[feature] for f in forms]
        for value in (True, False):
            if have.count(value) == 1:
                return [d * float(h == value) for h in have]
    # the only option outside a word family the others share ("Sterilisation, Sanitisation,
    # Disinfection" beside "Contraindication" shares -tion; "-isation" three times beside one other),
    # or the only one with a bracketed part ("Flue gas analyser (FGA)")
    if len(options) >= 4:
        last = [(_words(plain(o)) or [""])[-1].casefold() for o in options]
        for i in range(len(options)):
            others = [w for j, w in enumerate(last) if j != i]
            shared = _common_suffix(others)
            if len(shared) >= ODD_SUFFIX and not last[i].endswith(shared):
                return [d * float(j == i) for j in range(len(options))]
        brackets = ["(" in o for o in options]
        if brackets.count(True) == 1:
            return [d * float(h) for h in brackets]
    return [0.0] * len(options)


ODD_SUFFIX = 5  # letters of a word ending all other options share ("-isation") that makes one odd


def _common_suffix(texts: list[str]) -> str:
    if not texts:
        return ""
    shortest = min(texts, key=len)
    n = 0
    while n < len(shortest) and all(t[-1 - n] == shortest[-1 - n] for t in texts):
        n += 1
    return shortest[len(shortest) - n:] if n else ""


def _unique_extreme(options: list[str], longest: bool) -> int | None:
    lengths = [len(plain(o)) for o in options]
    if len(lengths) < 2:
        return None
    order = sorted(range(len(lengths)), key=lambda i: lengths[i], reverse=longest)
    a, b = lengths[order[0]], lengths[order[1]]
    big, small = (a, b) if longest else (b, a)
    return order[0] if big >= 1.2 * small and big - small >= 8 else None


def _cue_length(stem: str, options: list[str], d: int) -> list[float]:
    """d=+1: the unique longest option (by 20 % and 8 characters); d=-1: the unique shortest."""
    at = _unique_extreme(options, d > 0)
    return [float(i == at) for i in range(len(options))]


def _cue_convergence(stem: str, options: list[str], d: int) -> list[float]:
    return [d * float(sum(overlap(o, other) for j, other in enumerate(options) if j != i))
            for i, o in enumerate(options)]


CUES: tuple[tuple[str, Scorer], ...] = (
    ("mistake markers", _cue_mistake),
    ("initials", _cue_initials),
    ("stem overlap", _cue_overlap),
    ("odd one out", _cue_odd_form),
    ("length", _cue_length),
    ("convergence", _cue_convergence),
)
DIRECTIONS = (1, -1)  # +1: the option the cue points at (lore); -1: the learner learned to avoid it
_CUE_NAMES = {("length", 1): "longest option", ("length", -1): "shortest option"}


def _best(keep: list[int], scores: list[float]) -> list[int]:
    top = max(scores)
    return [i for i, s in zip(keep, scores) if s == top]


def cue_gain(stem: str, options: list[str], keyed: list[bool], scorer: Scorer, d: int) -> float | None:
    """What following one cue alone gains over a blind guess on one item (None: it does not narrow)."""
    keep = list(range(len(options)))
    best = _best(keep, scorer(stem, options, d))
    if len(best) == len(keep):
        return None
    return sum(keyed[i] for i in best) / len(best) - sum(keyed) / len(keyed)


@dataclass
class _CuePrior:
    """Per question type (family) and cue direction: how much following the cue gained on the
    *other* items (leave-one-out), as a learner who sat earlier quizzes of this bank knows it."""

    gain: dict[tuple[str, str, int], float] = field(default_factory=lambda: defaultdict(float))
    seen: dict[tuple[str, str, int], int] = field(default_factory=lambda: defaultdict(int))

    @staticmethod
    def gains(stem: str, options: list[str], keyed: list[bool]) -> list[tuple[tuple[str, int], float]]:
        out = []
        for name, scorer in CUES:
            for d in DIRECTIONS:
                g = cue_gain(stem, options, keyed, scorer, d)
                if g is not None:
                    out.append(((name, d), g))
        return out

    def add(self, family: str, gains: list[tuple[tuple[str, int], float]], sign: int = 1) -> None:
        for (name, d), g in gains:
            for group in (family, "*"):
                self.gain[(group, name, d)] += sign * g
                self.seen[(group, name, d)] += sign

    def direction(self, family: str, name: str) -> int | None:
        """The direction the learner follows: the one that gained on the other items of this family
        (of the whole bank when the family has fewer than 3 where the cue applied; the lore's +1
        when the bank has fewer than 3 either); None when neither direction gained."""
        for group in (family, "*"):
            if sum(self.seen[(group, name, d)] for d in DIRECTIONS) >= 3:
                best, top = None, 0.0
                for d in DIRECTIONS:
                    n = self.seen[(group, name, d)]
                    if n and (m := self.gain[(group, name, d)] / n) > top + 1e-12:
                        best, top = d, m
                return best
        return 1


def narrow(stem: str, options: list[str], prior: _CuePrior | None = None, family: str = "") -> tuple[list[int], str]:
    """The options a testwise learner keeps after its cues, and the first cue that narrowed them."""
    keep = list(range(len(options)))
    decided = ""
    for name, scorer in CUES:
        if len(keep) == 1:
            break
        d = 1 if prior is None else prior.direction(family, name)
        if d is None:
            continue
        best = _best(keep, scorer(stem, [options[i] for i in keep], d))
        if len(best) < len(keep):
            keep = best
            decided = decided or _CUE_NAMES.get((name, d), name if d > 0 else f"{name} (avoided)")
    return keep, decided


def solo_cues(stem: str, option: str) -> tuple[int, bool, int]:
    """What the cues that score each option alone (mistake markers, initials, stem overlap) see in
    one option. With no prior (every cue followed as the lore says), ``narrow`` keeps every option
    only if all of them give the same triple."""
    return mistake_score(option), initials_match(stem, option), overlap(option, stem)


_FEATURES = ("mistake", "sentence", "gerund", "negative")


class OptionSets:
    """Sets of options drawn from one key and one list of candidates, for a generator that tries
    many of them (a few hundred per item) for one the learner cannot narrow.

    ``keeps_all(combo)`` is ``len(narrow(stem, [key, *candidates[combo]])[0]) == len(...)`` with no
    prior, computed from what each option and each pair scores once: narrow keeps every option
    exactly when every cue scores all of them alike on the whole set (a cue that does not is the
    first to narrow). ``fit()`` are the candidates that the one-option cues score as the key:
    no set with any other candidate passes."""

    def __init__(self, stem: str, key: str, candidates: Sequence[str]):
        self.texts = [key, *candidates]
        self.solo = [solo_cues(stem, t) for t in self.texts]
        self.forms = [tuple(_form(t)[f] for f in _FEATURES) for t in self.texts]
        self.lengths = [len(plain(t)) for t in self.texts]
        self.last = [(_words(plain(t)) or [""])[-1].casefold() for t in self.texts]  # word family
        self.bracket = ["(" in t for t in self.texts]
        self._overlap: dict[tuple[int, int], int] = {}

    def fit(self) -> list[int]:
        """Candidate numbers (0-based in ``candidates``) scored as the key by the one-option cues."""
        return [n - 1 for n in range(1, len(self.texts)) if self.solo[n] == self.solo[0]]

    def _ov(self, i: int, j: int) -> int:
        found = self._overlap.get((i, j))
        if found is None:
            found = self._overlap[(i, j)] = overlap(self.texts[i], self.texts[j])
        return found

    def keeps_all(self, combo: Sequence[int]) -> bool:
        idx = (0, *(n + 1 for n in combo))
        size = len(idx)
        if size < 2:
            return True
        if len({self.solo[i] for i in idx}) > 1:  # mistake markers, initials, stem overlap
            return False
        if size >= 3:  # odd one out: a feature that exactly one option has, or lacks
            for f in range(len(_FEATURES)):
                count = sum(self.forms[i][f] for i in idx)
                if count == 1 or count == size - 1:
                    return False
        if size >= 4:  # odd one out: outside a word family the others share, or the only bracket
            for i in idx:
                shared = _common_suffix([self.last[j] for j in idx if j != i])
                if len(shared) >= ODD_SUFFIX and not self.last[i].endswith(shared):
                    return False
            if sum(self.bracket[i] for i in idx) == 1:
                return False
        big, small = sorted((self.lengths[i] for i in idx), reverse=True)[:2]  # the unique longest
        if big >= 1.2 * small and big - small >= 8:
            return False
        sums = {sum(self._ov(i, j) for j in idx if j != i) for i in idx}  # convergence
        return len(sums) == 1


def select(stem: str, options: list[str]) -> tuple[list[int] | None, str]:
    """Multi-answer: the options the first discriminating cue marks (None: no cue, guess)."""
    marked: list[tuple[str, list[bool]]] = []
    scores = [mistake_score(o) for o in options]
    marked.append(("mistake markers", [(s > 0) == negative_stem(stem) for s in scores]))
    marked.append(("initials", [initials_match(stem, o) for o in options]))
    marked.append(("stem overlap", [overlap(o, stem) > 0 for o in options]))
    odd = _cue_odd_form(stem, options, 1)
    marked.append(("odd one out", [s > 0 for s in odd]))
    for name, picks in marked:
        if any(picks) and not all(picks):
            return [i for i, p in enumerate(picks) if p], name
    return None, ""


def multi_score(selected: Sequence[int], keyed: Sequence[bool]) -> float:
    """Moodle's multi-answer grade: +1/k per key ticked, -1/(n-k) per wrong one ticked, within [0, 1]."""
    k = sum(keyed)
    w = len(keyed) - k
    total = sum((1 / k if keyed[i] else -1 / w) for i in selected) if k else 0.0
    return min(1.0, max(0.0, total))


def multi_chance(n: int, k: int) -> float:
    """Expected grade of a uniformly random non-empty selection of n options with k keys."""
    w = n - k
    if n == 0 or k == 0:
        return 0.0
    total = 0.0
    for a in range(k + 1):
        for b in range(w + 1):
            if a + b:
                total += comb(k, a) * comb(w, b) * min(1.0, max(0.0, a / k - (b / w if w else 0.0)))
    return total / (2 ** n - 1)


# --- items ------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    """What the learner expects to score on one item, against blind guessing."""

    id: str
    kind: str
    family: str
    expected: float
    chance: float
    cue: str  # the cue that decided, "" when the learner guessed


def _choice_item(item: Any) -> tuple[str, list[str], list[bool]]:
    return item.stem, [c.text for c in item.choices], [bool(c.correct) for c in item.choices]


def _gap_options(gap: Any) -> tuple[list[str], list[bool]]:
    """A cloze gap's options, whatever the shape: key + distractors, or choices/options with .correct."""
    if hasattr(gap, "key") and hasattr(gap, "distractors"):
        opts = [gap.key, *gap.distractors]
        return [str(o) for o in opts], [True] + [False] * len(gap.distractors)
    for name in ("choices", "options"):
        opts = getattr(gap, name, None)
        if opts is not None:
            texts = [getattr(o, "text", str(o)) for o in opts]
            answer = getattr(gap, "answer", None)
            return texts, [bool(getattr(o, "correct", t == answer)) for o, t in zip(opts, texts)]
    return [], []


def _gap_contexts(item: Any) -> list[str]:
    parts = list(getattr(item, "parts", ()) or ())
    gaps = list(item.gaps)
    if len(parts) == len(gaps) + 1:
        blanked = "".join(p + ("____" if n < len(gaps) else "") for n, p in enumerate(parts))
        return [item.stem + " " + blanked] * len(gaps)
    return [item.stem] * len(gaps)


class Learner:
    """Answers one bank; built once so the leave-one-out priors are counted once."""

    def __init__(self, items: Sequence[Any]):
        self.items = list(items)
        self._index = {id(item): n for n, item in enumerate(self.items)}
        tf = [i for i in self.items if i.kind == "truefalse"]
        self.tf_true = sum(1 for i in tf if i.answer)
        self.tf_n = len(tf)
        # What the other true/false items teach: how often a statement with a surface feature
        # (long, a turn such as "whereas", a negation, a hedge) is true. Counted once, each item
        # then leaves itself out.
        self.tf_median = statistics.median(len(plain(i.stem)) for i in tf) if tf else 0
        self.tf_counts: dict[tuple[str, bool], list[int]] = defaultdict(lambda: [0, 0])
        for i in tf:
            for feature in self._tf_features(i).items():
                self.tf_counts[feature][0] += 1
                self.tf_counts[feature][1] += bool(i.answer)
        self.prior = _CuePrior()
        self._gains: dict[int, list] = {}
        for n, item in enumerate(self.items):
            if _single(item):
                stem, options, keyed = _choice_item(item)
                if options and any(keyed):
                    self._gains[n] = _CuePrior.gains(stem, options, keyed)
                    self.prior.add(item.family, self._gains[n])

    def answer(self, item: Any) -> Answer | None:
        kind, family = getattr(item, "kind", "item"), getattr(item, "family", "")
        if hasattr(item, "gaps"):
            return self._cloze(item, kind, family)
        if hasattr(item, "choices"):
            return self._choice(item, kind, family)
        if kind == "truefalse":
            return self._truefalse(item, family)
        if hasattr(item, "pairs"):
            return self._matching(item, kind, family)
        if hasattr(item, "steps"):  # no surface cue orders steps: the learner guesses each position
            n = max(1, len(item.steps))
            return Answer(item.id, kind, family, 1 / n, 1 / n, "")
        if kind == "numerical":  # a typed number: no options; the learner's best bet is a number the stem prints
            printed = {n.replace(",", "") for n in re.findall(r"\d[\d,]*(?:\.\d+)?", item.stem)}
            hit = str(getattr(item, "answer", "")) in printed
            return Answer(item.id, kind, family, 1.0 if hit else 0.0, 0.0, "printed number" if hit else "")
        return None  # essays and anything not marked automatically

    def _choice(self, item: Any, kind: str, family: str) -> Answer:
        stem, options, keyed = _choice_item(item)
        if not options:
            return Answer(item.id, kind, family, 0.0, 0.0, "")
        if getattr(item, "multiple", False):
            chance = multi_chance(len(options), sum(keyed))
            picked, cue = select(stem, options)
            score = chance if picked is None else multi_score(picked, keyed)
            return Answer(item.id, f"{kind}-multi", family, score, chance, cue)
        own = self._gains.get(self._index.get(id(item), -1), [])
        self.prior.add(family, own, -1)  # leave this item out of what the learner has learned
        try:
            keep, cue = narrow(stem, options, self.prior, family)
        finally:
            self.prior.add(family, own, +1)
        return Answer(item.id, kind, family, sum(keyed[i] for i in keep) / len(keep), 1 / len(options), cue)

    def _truefalse(self, item: Any, family: str) -> Answer:
        others = self.tf_n - 1
        true_others = self.tf_true - (1 if item.answer else 0)
        guess: bool | None = None
        cue = ""
        if others >= 4 and max(true_others, others - true_others) >= MAJORITY * others:
            guess, cue = true_others * 2 > others, "true/false majority"
        else:
            text = plain(item.stem)
            absolute, hedge = bool(_ABSOLUTES.search(text)), bool(_HEDGES.search(text))
            shortcut, harm = bool(_SHORTCUT.search(text)), bool(_HARM.search(text))
            if shortcut != harm:  # before hedges: the "can" of "can be skipped" grants, it does not hedge
                guess, cue = harm, "safe-sounding answer"
            elif absolute != hedge:
                guess, cue = hedge, "specific determiners"
            else:
                guess, cue = self._tf_pattern(item)
        expected = 0.5 if guess is None else float(guess == bool(item.answer))
        return Answer(item.id, "truefalse", family, expected, 0.5, cue)

    def _tf_features(self, item: Any) -> dict[str, bool]:
        text = plain(item.stem)
        return {"length": len(text) > self.tf_median, "turn": bool(_TF_TURN.search(text)),
                "negation": bool(_TF_NEGATION.search(text))}

    def _tf_pattern(self, item: Any) -> tuple[bool | None, str]:
        """The clearest pattern the other true/false items show for a feature this one has or lacks
        ("the long ones are true"), followed when at least TF_PATTERN_MIN others show it and it is
        at least TF_PATTERN clear."""
        best: tuple[float, bool, str] | None = None
        for feature in self._tf_features(item).items():
            n, true = self.tf_counts[feature]
            n, true = n - 1, true - bool(item.answer)  # leave this item out
            if n < TF_PATTERN_MIN:
                continue
            share = true / n
            strength = abs(share - 0.5)
            if strength >= TF_PATTERN - 0.5 and (best is None or strength > best[0]):
                best = (strength, share > 0.5, f"true/false {feature[0]} pattern")
        return (None, "") if best is None else (best[1], best[2])

    def _matching(self, item: Any, kind: str, family: str) -> Answer:
        prompts = [p.prompt for p in item.pairs]
        right = [p.answer for p in item.pairs]
        answers = list(dict.fromkeys([*right, *getattr(item, "extra_answers", ())]))
        if not prompts or not answers:
            return Answer(item.id, kind, family, 0.0, 0.0, "")
        chance = 1 / len(answers)
        scored = sorted(((overlap(p, a) + overlap(a, p) + 2 * initials_match(p, a), -i, -j, i, j)
                         for i, p in enumerate(prompts) for j, a in enumerate(answers)), reverse=True)
        used_p: set[int] = set()
        used_a: set[int] = set()
        got = 0.0
        for s, _i, _j, i, j in scored:
            if s <= 0:
                break
            if i in used_p or j in used_a:
                continue
            # the learner commits only to a pairing that beats every other answer for this prompt
            rivals = [overlap(prompts[i], a) + overlap(a, prompts[i]) + 2 * initials_match(prompts[i], a)
                      for jj, a in enumerate(answers) if jj != j and jj not in used_a]
            if rivals and max(rivals) >= s:
                continue
            used_p.add(i)
            used_a.add(j)
            got += answers[j] == right[i]
        left = [j for j in range(len(answers)) if j not in used_a]
        for i in range(len(prompts)):
            if i not in used_p and left:
                got += (answers.index(right[i]) in left) / len(left)
        cue = "matching overlap" if used_p else ""
        return Answer(item.id, kind, family, got / len(prompts), chance, cue)

    def _cloze(self, item: Any, kind: str, family: str) -> Answer:
        gaps = list(item.gaps)
        if not gaps:
            return Answer(item.id, kind, family, 0.0, 0.0, "")
        expected, chance, cues = [], [], []
        for gap, context in zip(gaps, _gap_contexts(item)):
            options, keyed = _gap_options(gap)
            if not options:
                continue
            keep, cue = narrow(context, options)
            expected.append(sum(keyed[i] for i in keep) / len(keep))
            chance.append(1 / len(options))
            cues.append(cue)
        if not expected:
            return Answer(item.id, kind, family, 0.0, 0.0, "")
        cue = next((c for c in cues if c), "")
        return Answer(item.id, kind, family, statistics.fmean(expected), statistics.fmean(chance), cue)


def _single(item: Any) -> bool:
    return hasattr(item, "choices") and not getattr(item, "multiple", False) and not hasattr(item, "gaps")


# --- the report ---------------------------------------------------------------


@dataclass
class LearnerReport:
    answers: list[Answer]
    quiz_learner: float | None  # mean score (0-100) on random quizzes
    quiz_chance: float | None
    quiz_size: int
    draws: int

    @property
    def margin(self) -> float | None:
        """Points the learner gains over blind guessing on a random quiz."""
        if self.quiz_learner is None or self.quiz_chance is None:
            return None
        return self.quiz_learner - self.quiz_chance

    def groups(self) -> list[dict[str, Any]]:
        """Per item kind and family: items, the learner's mean expected score and chance (0-100)."""
        by: dict[tuple[str, str], list[Answer]] = defaultdict(list)
        for a in self.answers:
            by[(a.kind, a.family)].append(a)
        return [{"kind": k, "family": f, "items": len(v),
                 "learner": round(100 * statistics.fmean(a.expected for a in v), 2),
                 "chance": round(100 * statistics.fmean(a.chance for a in v), 2)}
                for (k, f), v in sorted(by.items())]

    def cues(self) -> dict[str, dict[str, float]]:
        """Per deciding cue: how many items it decided, and the learner's mean score on them."""
        by: dict[str, list[Answer]] = defaultdict(list)
        for a in self.answers:
            by[a.cue or "guess"].append(a)
        return {c: {"items": len(v), "learner": round(100 * statistics.fmean(a.expected for a in v), 2),
                    "chance": round(100 * statistics.fmean(a.chance for a in v), 2)}
                for c, v in sorted(by.items())}

    def to_dict(self) -> dict[str, Any]:
        return {"quiz_size": self.quiz_size, "draws": self.draws,
                "quiz_learner": None if self.quiz_learner is None else round(self.quiz_learner, 2),
                "quiz_chance": None if self.quiz_chance is None else round(self.quiz_chance, 2),
                "margin_points": None if self.margin is None else round(self.margin, 2),
                "by_kind_family": self.groups(), "by_cue": self.cues()}

    def render(self) -> list[str]:
        if self.margin is None:
            return ["testwise learner: no auto-marked items"]
        lines = [f"testwise learner (no subject knowledge, surface cues only): {self.quiz_learner:.1f}% on random "
                 f"{self.quiz_size}-item quizzes against {self.quiz_chance:.1f}% chance: {self.margin:+.1f} points"]
        for g in self.groups():
            lines.append(f"  {g['kind']:<16} {g['family']:<16} {g['items']:>5} items  learner {g['learner']:5.1f}%"
                         f"  chance {g['chance']:5.1f}%")
        lines.append("  deciding cue: " + ", ".join(f"{c} {v['items']} ({v['learner']:.0f}% vs {v['chance']:.0f}%)"
                                                    for c, v in self.cues().items()))
        return lines


def quiz_scores(answers: Sequence[Answer], size: int = QUIZ_SIZE, draws: int = QUIZ_DRAWS,
                seed: int = 0) -> tuple[float | None, float | None]:
    """Mean learner and chance score (0-100) over ``draws`` seeded random quizzes of ``size`` items."""
    if not answers:
        return None, None
    rng = random.Random(seed)
    k = min(size, len(answers))
    learner = chance = 0.0
    for _ in range(draws):
        quiz = rng.sample(range(len(answers)), k)
        learner += sum(answers[i].expected for i in quiz) / k
        chance += sum(answers[i].chance for i in quiz) / k
    return 100 * learner / draws, 100 * chance / draws


def learn(items: Sequence[Any], size: int = QUIZ_SIZE, draws: int = QUIZ_DRAWS, seed: int = 0) -> LearnerReport:
    """Answer every auto-marked item of ``items`` and score random quizzes."""
    learner = Learner(items)
    answers = [a for item in learner.items if (a := learner.answer(item)) is not None]
    got, chance = quiz_scores(answers, size, draws, seed)
    return LearnerReport(answers, got, chance, size, draws)
