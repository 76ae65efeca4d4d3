"""The few lines a build prints at the end: what was made, from what, and where it is."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from qbank.build import BuildResult
from qbank.writers import Output
from qbank.packaging import SUMS

SHOWN_WARNINGS = 5  # beyond this, a plain build only counts them


def _counts(counter: Counter | dict) -> str:
    return ", ".join(f"{k} {n}" for k, n in sorted(counter.items())) or "none"


def summary(
    result: BuildResult, verbose: bool = False, note: Callable[[Output], str] | None = None
) -> tuple[list[str], list[str]]:
    """(report lines for stdout, warning lines for stderr); concise unless ``verbose``.

    ``note(output)`` may say what a format changed or dropped; it goes on that format's line.
    """
    bank, out = result.bank, result.out_dir
    warnings = [str(d) for d in result.diagnostics]
    shown = warnings if verbose else warnings[:SHOWN_WARNINGS]
    if len(shown) < len(warnings):
        shown.append(f"... and {len(warnings) - len(shown)} more warnings (--verbose lists them all)")

    lines = [f"Built {len(bank.items)} items from {len(bank.topics)} topics into {out.as_posix()}/ (seed {bank.seed})"]
    lines.append(f"  families: {_counts(Counter(i.family for i in bank.items))}")
    by_format: dict[str, list] = {}
    for o in result.outputs:
        by_format.setdefault(o.format, []).append(o)
    for fmt, outs in by_format.items():
        items = sum(sum(o.counts.values()) for o in outs)
        files = "" if len(outs) == 1 else f" in {len(outs)} files"
        notes = [n for n in (note(o) for o in outs) if n] if note else []
        if not note and any(o.skipped for o in outs):
            notes = [f"{sum(len(o.skipped) for o in outs)} skipped"]
        tail = f"; {'; '.join(notes)}" if notes else ""
        lines.append(f"  {outs[0].path} ({fmt}): {items} items{files}{tail}")
    if result.release is not None:
        lines.append(f"  release: {result.release.as_posix()}")
    if result.audit is not None:
        m = {x.name: x for x in result.audit.measures}
        verdict = "met" if result.manifest.get("audit", {}).get("passes", {}).get("release") else "NOT met"
        lines.append(f"  audit: release bar {verdict}; score {m['bank_score'].show(m['bank_score'].value)}, "
                     f"flawed {m['flawed_rate'].show(m['flawed_rate'].value)}, testwise learner "
                     f"{m['learner_margin'].show(m['learner_margin'].value)} points above chance "
                     f"(details: qbank audit {out.as_posix()})")
        if result.withheld:
            lines.append(f"  withheld {len(result.withheld)} item(s) with a critical audit flag: "
                         + ", ".join(w["id"] for w in result.withheld) + " (listed in manifest.json)")
    lines.append(f"  {len(warnings)} warning{'' if len(warnings) == 1 else 's'}; check with: cd {out.as_posix()} && sha256sum -c {SUMS}")
    if verbose:
        lines.append("  files:")
        for line in (out / SUMS).read_text(encoding="utf-8").splitlines():
            digest, _, rel = line.partition("  ")
            lines.append(f"    {digest}  {rel}")
    return lines, shown
