"""An inverted index of stem sets that finds every set alike enough to a query, exactly.

Prefix filtering: if ``|q & s| >= need`` then ``s`` holds one of any ``|q| - need + 1`` stems
of ``q``; taking the rarest ones keeps the candidate lists short. Candidates are then checked
by the caller with the very test a full scan would use, so answers equal the scan's.
"""

from __future__ import annotations

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

    def candidates(self, query: set[str] | frozenset[str], share: float, jaccard: bool = False) -> list[int]:
        """Every entry sharing at least ``share`` of the query's stems (a superset; ascending).

        ``jaccard``: only entries whose size allows a Jaccard of ``share`` with the query
        (``share * |e| <= |q| <= |e| / share``, again with a hair of slack).
        """
        if not query:
            return []
        # Rounded down (and a hair below): a smaller needed overlap means a longer prefix, never a
        # missed entry. Jaccard >= t and containment >= t both imply |q & s| >= t * |q|.
        need = max(1, math.floor(share * len(query) - 1e-6))
        rarest = sorted(query, key=lambda s: (len(self.postings.get(s, ())), s))[: len(query) - need + 1]
        found: set[int] = set()
        for s in rarest:
            found.update(self.postings.get(s, ()))
        if jaccard:
            low, high = share * len(query) - 1e-6, len(query) / share + 1e-6 if share > 0 else math.inf
            found = {n for n in found if low <= len(self.entries[n]) <= high}
        return sorted(found)
