"""The one error type a user can cause. The CLI prints it as one line and exits 1."""

from __future__ import annotations

import re

# what would split a one-line message or reorder it on screen: control characters, line and
# paragraph separators, bidirectional controls
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def one_line(text: str) -> str:
    """``text`` with each such character written as its escape (a newline as ``\\n``)."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class QbankError(Exception):
    """A problem with the user's input or options, optionally located in a file."""

    def __init__(self, message: str, path: str | None = None, line: int = 0):
        self.message = message
        self.path = path
        self.line = line
        super().__init__(str(self))

    def __reduce__(self):  # rebuilt from its parts when it comes back from a worker process
        return (type(self), (self.message, self.path, self.line))

    def __str__(self) -> str:
        path = one_line(str(self.path)) if self.path else self.path
        if path and self.line:
            return f"{path}:{self.line}: error: {self.message}"
        if path:
            return f"{path}: error: {self.message}"
        return f"error: {self.message}"


class InputErrors(QbankError):
    """Problems found while reading the input, at least one of them an error.

    ``diagnostics`` holds every problem found (warnings too), so the CLI can print them
    all, one line each, instead of stopping at the first.
    """

    def __init__(self, diagnostics):
        from qbank.model import Severity

        self.diagnostics = list(diagnostics)
        errors = [d for d in self.diagnostics if d.severity is Severity.ERROR]
        first = errors[0]
        self.error_count = len(errors)
        super().__init__(first.message, first.path, first.line)

    def __reduce__(self):
        return (type(self), (self.diagnostics,))
