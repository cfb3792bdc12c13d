"""Dot-separated fixture files (the mdit-py-plugins format), read and, on request, rewritten.

    title
    .
    input
    .
    expected output
    .

Cases are separated by a blank line. `HANDBOOK_REGEN_FIXTURES=1 pytest ...` rewrites the expected
outputs from what the code produces now; review the diff before committing it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REGEN = os.environ.get("HANDBOOK_REGEN_FIXTURES") == "1"


@dataclass
class Case:
    title: str
    input: str
    expected: str
    line: int

    @property
    def id(self) -> str:
        return f"{self.line}-{self.title}"


def read_fixture_file(path: Path) -> list[Case]:
    lines = path.read_text(encoding="utf-8").split("\n")
    cases, i = [], 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        title, start = lines[i], i + 1
        assert lines[start] == ".", f"{path}:{start + 1}: expected '.' after the title {title!r}"
        sections, j, current = [], start + 1, []
        while len(sections) < 2:
            if lines[j] == ".":
                sections.append("\n".join(current))
                current = []
            else:
                current.append(lines[j])
            j += 1
        cases.append(Case(title, sections[0], sections[1], start))
        i = j
    return cases


def write_fixture_file(path: Path, cases: list[Case]) -> None:
    blocks = [f"{c.title}\n.\n{c.input}\n.\n{c.expected + chr(10) if c.expected else ''}." for c in cases]
    path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")


class Fixtures:
    """Cases of one file; `check` compares (or, with REGEN, records) each actual output."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.cases = read_fixture_file(path)
        self._actual: dict[int, str] = {}

    def check(self, case: Case, actual: str) -> None:
        actual = actual.strip("\n")
        if REGEN:
            self._actual[case.line] = actual
            for c in self.cases:
                if c.line in self._actual:
                    c.expected = self._actual[c.line]
            write_fixture_file(self.path, self.cases)
            return
        assert actual == case.expected, f"{self.path.name}:{case.line}: {case.title}"
