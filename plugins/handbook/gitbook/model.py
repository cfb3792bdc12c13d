"""Plain data shared by the GitBook import modules."""

from __future__ import annotations

from dataclasses import dataclass

from handbook.errors import HandbookError

LINK_OUT_FIX = "copy the file into the repository, or remove the link"
"""The fix for a symbolic link out of the repository, which the import never reads or moves."""


class GitBookError(HandbookError):
    """A user mistake the import cannot work around: one line naming the file, the line and the fix."""

    def __init__(self, path: str, line: int | None, problem: str, fix: str) -> None:
        super().__init__(problem, file=path, line=line or None, fix=fix)


@dataclass(frozen=True, order=True)
class ImportNote:
    """Something the import could not convert: kept as close to the original as possible and reported."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"
