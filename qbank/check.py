"""``qbank check``: every problem a build would meet, reported without writing anything.

Reads every topic file (collecting problems across all of them instead of stopping at
the first), then generates the bank in memory so cross-topic findings from generation
(``bank.diagnostics``, e.g. an acronym expanded differently in two topics) are reported too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from qbank.errors import QbankError
from qbank.generate import build_bank
from qbank.model import Bank, Diagnostic, Severity
from qbank.parallel import default_workers
from qbank.reader import scan_topics


@dataclass
class CheckResult:
    files: list[str]
    diagnostics: list[Diagnostic] = field(default_factory=list)
    bank: Bank | None = None
    skipped: list[tuple[str, str]] = field(default_factory=list)  # files in topic folders that are not topics

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.WARNING]

    def exit_code(self, strict: bool = False) -> int:
        """1 on errors, or on warnings when ``strict`` (for CI); else 0."""
        return 1 if self.errors or (strict and self.warnings) else 0

    def summary(self) -> str:
        def n(count: int, word: str) -> str:
            return f"{count} {word}{'' if count == 1 else 's'}"

        return f"{n(len(self.files), 'file')}, {n(len(self.errors), 'error')}, {n(len(self.warnings), 'warning')}"


def check(paths: Sequence[Path], seed: int = 0, name: str = "qbank") -> CheckResult:
    """Everything ``qbank build`` would complain about, in file and line order; nothing is written."""
    scan = scan_topics(list(paths))
    diagnostics = list(scan.diagnostics)
    bank = None
    if scan.topics:
        try:
            bank = build_bank(scan.topics, seed=seed, name=name, workers=default_workers())
        except QbankError as exc:
            diagnostics.append(Diagnostic(Severity.ERROR, exc.message, exc.path or ".", exc.line))
        else:
            diagnostics.extend(d for d in bank.diagnostics if d not in diagnostics)
            if not bank.items and not scan.errors:
                where = ", ".join(t.path for t in bank.topics)
                diagnostics.append(Diagnostic(Severity.ERROR, "no items could be generated from the input", where))
    order = {path: n for n, path in enumerate(scan.files)}
    diagnostics.sort(key=lambda d: (order.get(d.path, len(order)), d.line))
    return CheckResult(scan.files, diagnostics, bank, scan.skipped)
