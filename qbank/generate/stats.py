"""Bank-level numbers the item-writing bar is stated in (docs/generation.md prints them).

A quick self-check beside the generator; the independent measure is ``qbank audit``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from qbank.generate.options import LONGEST_CHARS, LONGEST_RATIO, cues, length_cv
from qbank.model import Item, Matching, MultipleChoice


def bank_stats(items: Sequence[Item]) -> dict:
    single = [i for i in items if isinstance(i, MultipleChoice) and not i.multiple]
    mc = [i for i in items if isinstance(i, MultipleChoice)]
    positions: Counter = Counter()
    longest = shortest = chance = 0.0
    flags: Counter = Counter()
    for i in single:
        k = len(i.choices)
        key = next(n for n, c in enumerate(i.choices) if c.correct)
        positions[(k, key)] += 1
        chance += 1 / k
        lens = [len(c.text) for c in i.choices]
        others = [x for n, x in enumerate(lens) if n != key]
        longest += lens[key] >= max(others) * LONGEST_RATIO and lens[key] - max(others) >= LONGEST_CHARS
        shortest += lens[key] * LONGEST_RATIO <= min(others) and min(others) - lens[key] >= LONGEST_CHARS
        flags.update(cues(i.stem, i.choices))
    n = len(single) or 1
    chi2, dof = key_position_chi2(single)
    return {
        "single_answer_items": len(single),
        "key_position_chi2": round(chi2, 3),
        "key_position_dof": dof,
        "key_position_p": round(_chi2_sf(chi2, dof), 3) if dof else 1.0,
        "key_unique_longest_minus_chance": round((longest - chance) / n, 3),
        "key_unique_shortest_minus_chance": round((shortest - chance) / n, 3),
        "mean_option_length_cv": round(sum(length_cv([c.text for c in i.choices]) for i in mc) / (len(mc) or 1), 3),
        "options_per_mc": sorted({len(i.choices) for i in mc}),
        "matching_min_pairs": min((len(i.pairs) for i in items if isinstance(i, Matching)), default=0),
        "matching_min_extras": min((len(i.extra_answers) for i in items if isinstance(i, Matching)), default=0),
        "cue_rates": {k: round(v / n, 3) for k, v in sorted(flags.items())},
    }


def key_position_chi2(single: Sequence[MultipleChoice]) -> tuple[float, int]:
    """Chi-square of keyed positions against uniform; an item with k options adds 1/k to each of its positions."""
    width = max((len(i.choices) for i in single), default=0)
    observed, expected = [0.0] * width, [0.0] * width
    for i in single:
        k = len(i.choices)
        observed[next(n for n, c in enumerate(i.choices) if c.correct)] += 1
        for p in range(k):
            expected[p] += 1 / k
    chi2 = sum((o - e) ** 2 / e for o, e in zip(observed, expected) if e)
    return chi2, max(width - 1, 0)


def key_position_p(single: Sequence[MultipleChoice]) -> float:
    chi2, dof = key_position_chi2(single)
    return _chi2_sf(chi2, dof) if dof else 1.0


def _chi2_sf(x: float, k: int) -> float:
    """Upper tail of the chi-square distribution (series for the regularised gamma function)."""
    if x <= 0:
        return 1.0
    a, t = k / 2, x / 2
    term = total = 1 / a
    n = 1
    while term > 1e-12 * total and n < 1000:
        term *= t / (a + n)
        total += term
        n += 1
    lower = total * math.exp(-t + a * math.log(t) - math.lgamma(a))
    return max(0.0, 1.0 - lower)


def counts_table(bank) -> str:
    """Markdown: items per family (and kind) per topic, as docs/generation.md shows them."""
    families = list(dict.fromkeys(f"{i.family} ({i.kind})" for i in bank.items))
    rows = ["| topic | " + " | ".join(families) + " | total |", "|---" * (len(families) + 2) + "|"]
    for t in bank.topics:
        items = bank.items_for(t.slug)
        c = Counter(f"{i.family} ({i.kind})" for i in items)
        rows.append(f"| {t.slug} | " + " | ".join(str(c[f]) for f in families) + f" | {len(items)} |")
    c = Counter(f"{i.family} ({i.kind})" for i in bank.items)
    rows.append("| **all** | " + " | ".join(str(c[f]) for f in families) + f" | {len(bank.items)} |")
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> None:
    """python -m qbank.generate.stats [TOPICS...] [--seed N]: counts table and bar numbers."""
    import argparse
    import json
    from pathlib import Path

    from qbank.generate import build_bank
    from qbank.reader import read_topics

    parser = argparse.ArgumentParser(prog="python -m qbank.generate.stats")
    parser.add_argument("paths", nargs="*", default=["topics"])
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    topics, diags = read_topics([Path(p) for p in args.paths])
    bank = build_bank(topics, seed=args.seed, diagnostics=diags)
    print(counts_table(bank))
    print()
    print(json.dumps(bank_stats(bank.items), indent=2))


if __name__ == "__main__":  # pragma: no cover
    main()
