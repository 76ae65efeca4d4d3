"""The one error type a user can cause. The CLI prints it as one line and exits 1."""

from __future__ import annotations


class QbankError(Exception):
    """A problem with the user's input or options, optionally located in a file."""

    def __init__(self, message: str, path: str | None = None, line: int = 0):
        self.message = message
        self.path = path
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        if self.path and self.line:
            return f"{self.path}:{self.line}: error: {self.message}"
        if self.path:
            return f"{self.path}: error: {self.message}"
        return f"error: {self.message}"
