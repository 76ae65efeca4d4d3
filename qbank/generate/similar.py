"""An inverted index of stem sets that finds every set alike enough to a query, exactly.

Prefix filtering: if ``|q & s| >= need`` then ``s`` holds one of any ``|q| - need + 1`` stems
of ``q``; taking the rarest ones keeps the candidate lists short. Candidates are then checked
by the caller with the very test a full scan would use, so answers equal the scan's.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Collection, Iterable


class StemIndex:
    """Entries 0..n-1, each a set of stems; ``candidates`` returns entry numbers in order."""

    def __init__(self, entries: Iterable[frozenset[str] | set[str]]) -> None:
        self.entries: list[frozenset[str]] = [frozenset(e) for e in entries]
        self.postings: dict[str, list[int]] = {}
        for n, stems in enumerate(self.entries):
            for s in stems:
                self.postings.setdefault(s, []).append(n)

    def candidates(self, query: set[str] | frozenset[str], share: float) -> list[int]:
        """Every entry sharing at least ``share`` of the query's stems (a superset; ascending)."""
        if not query:
            return []
        # Rounded down (and a hair below): a smaller needed overlap means a longer prefix, never a
        # missed entry. Jaccard >= t and containment >= t both imply |q & s| >= t * |q|.
        need = max(1, math.floor(share * len(query) - 1e-6))
        rarest = sorted(query, key=lambda s: (len(self.postings.get(s, ())), s))[: len(query) - need + 1]
        found: set[int] = set()
        for s in rarest:
            found.update(self.postings.get(s, ()))
        return sorted(found)


class JaccardIndex(StemIndex):
    """A StemIndex for one Jaccard threshold: each entry is listed under its rarest stems only.

    With one order of stems for entries and queries (fewest entries first), two sets with a
    Jaccard of ``threshold`` or more share a stem among both their rarest few (prefix filtering:
    both prefixes hold the first stem they share), so common stems need no long lists.
    """

    def __init__(self, entries: Iterable[frozenset[str] | set[str]], threshold: float) -> None:
        super().__init__(entries)
        self.threshold = threshold
        count = {s: len(n) for s, n in self.postings.items()}
        self.postings = {}
        self.at: dict[str, list[int]] = {}  # beside each posting: the stem's place in that entry's order
        for n, stems in enumerate(self.entries):
            for j, s in enumerate(self._prefix(stems, count)):
                self.postings.setdefault(s, []).append(n)
                self.at.setdefault(s, []).append(j)
        self.count = count
        self.grouped: dict[str, dict[str, list[int]]] | None = None  # group_by

    def _prefix(self, stems: frozenset[str] | set[str], count: dict[str, int]) -> list[str]:
        need = max(1, math.floor(self.threshold * len(stems) - 1e-6))
        return sorted(stems, key=lambda s: (count.get(s, 0), s))[: len(stems) - need + 1]

    def group_by(self, owner: Callable[[int], str]) -> "JaccardIndex":
        """Split every posting list by the owner of its entries (a topic's slug), once, so that
        ``alike_among`` looks only at the owners it is given: its cost then does not grow with
        the entries of other owners."""
        if self.grouped is None:
            grouped: dict[str, dict[str, list[int]]] = {}
            for s, postings in self.postings.items():
                split: dict[str, list[int]] = {}
                for n in postings:
                    split.setdefault(owner(n), []).append(n)
                grouped[s] = split
            self.grouped = grouped
        return self

    def alike_among(self, query: set[str] | frozenset[str], owners: Collection[str],
                    below: int | None = None) -> list[int]:
        """``alike`` among the entries of these owners only (``group_by`` first): a superset of
        those with a Jaccard of ``threshold`` or more, ascending."""
        assert self.grouped is not None, "group_by() first"
        found: set[int] = set()
        for s in self._prefix(query, self.count) if query else ():
            by_owner = self.grouped.get(s)
            if by_owner:
                for o in by_owner.keys() & owners:
                    found.update(n for n in by_owner[o] if below is None or n < below)
        return sorted(found)

    def alike(self, query: set[str] | frozenset[str], below: int | None = None, positional: bool = False) -> list[int]:
        """Entries (numbered under ``below``, if given) that may have a Jaccard of ``threshold`` with
        the query (a superset; ascending). ``positional``: also drop those that cannot share enough
        stems after the first they share (pays where most candidates fail, e.g. a query against
        every bullet of the bank; a Python loop over each posting, so slower where few fail)."""
        if not query:
            return []
        size, t, entries = len(query), self.threshold, self.entries
        low, high = t * size - 1e-6, size / t + 1e-6
        if not positional:
            candidates: set[int] = set()
            for s in self._prefix(query, self.count):
                postings = self.postings.get(s, ())
                candidates.update(postings if below is None else postings[:bisect.bisect_left(postings, below)])
            return sorted(n for n in candidates if low <= len(entries[n]) <= high)
        met: set[int] = set()
        found: list[int] = []
        for i, s in enumerate(self._prefix(query, self.count)):
            postings, at = self.postings.get(s, ()), self.at.get(s, ())
            end = len(postings) if below is None else bisect.bisect_left(postings, below)
            after = size - i - 1  # query stems after this one, in the one order of stems
            for k in range(end):
                n = postings[k]
                if n in met:
                    continue
                met.add(n)  # first met here: every stem both share comes at or after this one in both
                length = len(entries[n])
                if not low <= length <= high:
                    continue
                most = 1 + min(after, length - at[k] - 1)  # the most stems the two can share (positional filter)
                if most / (size + length - most) >= t - 1e-9:
                    found.append(n)
        return sorted(found)
