"""One record for every validation and drift result, and how it is shown to people and machines."""

from __future__ import annotations

from dataclasses import asdict, dataclass

ERROR, WARNING, INFO = "error", "warning", "info"


@dataclass(frozen=True)
class Finding:
    code: str
    """Stable identifier (`orphan-channel`), for scripts and for documentation."""
    severity: str
    """`error` (Discord would refuse it), `warning` (drift, or a likely mistake) or `info` (a hint:
    never fails `handbook check` or a strict build)."""
    message: str
    file: str
    line: int | None
    fix: str

    @property
    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file

    def as_text(self) -> str:
        return f"{self.location}: {self.severity}: {self.message} [{self.code}]\n    fix: {self.fix}"

    def as_log_line(self) -> str:
        """The one-line form used in build logs, where MkDocs adds the level."""
        return f"{self.location}: {self.message} [{self.code}] Fix: {self.fix}"

    def as_dict(self) -> dict:
        return asdict(self)
