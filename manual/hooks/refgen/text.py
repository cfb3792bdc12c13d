"""Markdown pieces the reference pages share."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import yaml


def cell(text: object) -> str:
    """Text for a table cell: one line, and `|` kept from splitting the cell."""
    return " ".join(str(text).split()).replace("|", "\\|")


def table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(value) for value in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def code(value: object) -> str:
    """A value as YAML in a code span (`true`, `[]`, `'channels.md'`)."""
    if value is None:
        return "(unset)"
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000).strip()
    text = text.removesuffix("...").strip()
    return "`" + text.replace("`", "'") + "`" if text else "`''`"


def paragraph(text: str) -> str:
    """A docstring as one paragraph."""
    return " ".join(text.split())


def generated_note(source: str, what: str = "") -> str:
    what = f" ({what})" if what else ""
    return (f"!!! note \"Generated\"\n    This page is generated from `{source}`{what} whenever the manual is built; "
            "edit the code, not the page.\n")
