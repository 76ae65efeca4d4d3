"""An inverted index of stem sets that finds every set alike enough to a query, exactly.

Prefix filtering: if ``|q & s| >= need`` then ``s`` holds one of any ``|q| - need + 1`` stems
of ``q``; taking the rarest ones keeps the candidate lists short. Candidates are then checked
by the caller with the very test a full scan would use, so answers equal the scan's.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable


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
        for n, stems in enumerate(self.entries):
            for s in self._prefix(stems, count):
                self.postings.setdefault(s, []).append(n)
        self.count = count

    def _prefix(self, stems: frozenset[str] | set[str], count: dict[str, int]) -> list[str]:
        need = max(1, math.floor(self.threshold * len(stems) - 1e-6))
        return sorted(stems, key=lambda s: (count.get(s, 0), s))[: len(stems) - need + 1]

    def alike(self, query: set[str] | frozenset[str], below: int | None = None) -> list[int]:
        """Entries (numbered under ``below``, if given) that may have a Jaccard of ``threshold`` with
        the query (a superset; ascending)."""
        if not query:
            return []
        found: set[int] = set()
        for s in self._prefix(query, self.count):
            postings = self.postings.get(s, ())
            found.update(postings if below is None else postings[:bisect.bisect_left(postings, below)])
        low, high = self.threshold * len(query) - 1e-6, len(query) / self.threshold + 1e-6
        return sorted(n for n in found if low <= len(self.entries[n]) <= high)


class CountIndex(StemIndex):
    """A StemIndex whose ``candidates`` are exactly the entries sharing enough of the query's stems.

    Shared stems are counted for every entry at once on bitsets (one int per stem, bit n =
    entry n; bit-plane counters, as the audit's ``factcheck._counters``), so a query costs
    about (its stems) x (entries / 64) machine words, not a Python step per entry holding one
    rare stem: when every stem is common (a bank written from one template), prefix filtering
    still meets most entries and a pass over all topics grew quadratic.
    """

    def __init__(self, entries: Iterable[frozenset[str] | set[str]]) -> None:
        super().__init__(entries)
        self._bits: dict[str, int] = {}

    def _bitset(self, stem: str) -> int:
        bits = self._bits.get(stem)
        if bits is None:
            raw = bytearray((len(self.entries) + 8) // 8)
            for n in self.postings.get(stem, ()):
                raw[n >> 3] |= 1 << (n & 7)
            bits = self._bits[stem] = int.from_bytes(raw, "little")
        return bits

    def candidates(self, query: set[str] | frozenset[str], share: float) -> list[int]:
        """Every entry sharing at least ``share`` of the query's stems (the same rounding as
        StemIndex, so never fewer entries than a true match needs; ascending)."""
        if not query:
            return []
        need = max(1, math.floor(share * len(query) - 1e-6))
        held = [b for b in (self._bitset(s) for s in query) if b]
        if len(held) < need:
            return []
        found = _at_least(_counters(held), need)
        out = []
        while found:
            low = found & -found
            out.append(low.bit_length() - 1)
            found ^= low
        return out


def _counters(bitsets: list[int]) -> list[int]:
    """Bit-plane binary counters: plane k holds bit k of, per entry, how many bitsets set it."""
    planes: list[int] = []
    for carry in bitsets:
        for k, plane in enumerate(planes):
            planes[k], carry = plane ^ carry, plane & carry
            if not carry:
                break
        if carry:
            planes.append(carry)
    return planes


def _at_least(planes: list[int], m: int) -> int:
    """The entries whose counter (``_counters``) is at least m (m >= 1)."""
    if m.bit_length() > len(planes):
        return 0  # more than any counter can hold
    everyone = 0
    for plane in planes:
        everyone |= plane  # counters of 0 can never reach m >= 1
    above, equal = 0, everyone
    for k in range(len(planes) - 1, -1, -1):
        if m >> k & 1:
            equal &= planes[k]
        else:
            above |= equal & planes[k]
            equal &= ~planes[k]
    return above | equal
