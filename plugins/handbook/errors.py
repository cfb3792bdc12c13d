"""`HandbookError`: a user's mistake, told once, with where it is and how to fix it.

Every error a person can cause and fix (a bad option, an unreadable or malformed file, a missing
git, a Discord token without permission) is a `HandbookError` or a subclass. The command line's
one error boundary (`handbook.cli.app`) prints it and exits 2; the plugin raises it as MkDocs'
`PluginError`. Anything else reaching the boundary is a bug in handbook.
"""

from __future__ import annotations

from typing import Any


class HandbookError(Exception):
    """One message: what is wrong, in which file and line (when there is one), and the fix."""

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None,
                 column: int | None = None, fix: str | None = None) -> None:
        self.message, self.file, self.line, self.column, self.fix = message, file, line, column, fix
        super().__init__(self.as_text())

    def where(self) -> str:
        parts = [p for p in (self.file, self.line, self.column) if p is not None]
        return ":".join(str(p) for p in parts)

    def as_text(self) -> str:
        where = self.where()
        text = f"{where}: {self.message}" if where else self.message
        return f"{text}\n  Fix: {self.fix}" if self.fix else text

    def one_line(self) -> str:
        """The same on one line, for the command line's error message."""
        where = self.where()
        text = f"{where}: {self.message}" if where else self.message
        return f"{text}. Fix: {self.fix}" if self.fix else text

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape of `--format json`: `{"error": {"message", "file", "line", "fix"}}`."""
        return {"message": self.message, "file": self.file, "line": self.line, "fix": self.fix}

    def __str__(self) -> str:
        return self.as_text()
