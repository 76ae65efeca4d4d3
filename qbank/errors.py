"""The one error type a user can cause. The CLI prints it as one line and exits 1."""

from __future__ import annotations


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
        if self.path and self.line:
            return f"{self.path}:{self.line}: error: {self.message}"
        if self.path:
            return f"{self.path}: error: {self.message}"
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
