"""GitBook's leftover files: `book.json` (the legacy GitBook's settings, whose `title` names the
book), a `package.json` that installs GitBook's command line and a `Makefile` that runs it.
Pure: file texts in, the book's title and findings (with what to do) out."""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable

from handbook.gitbook.model import ImportNote

BOOK_JSON = "book.json"
ADVICE = {
    BOOK_JSON: "GitBook's old settings file: MkDocs does not read it (its title is site_name in mkdocs.yml "
               "now); move what else you need into mkdocs.yml, then delete it",
    "package.json": "installs GitBook's command line, which the handbook does not need: remove its gitbook "
                    "entries (or the file)",
    "Makefile": "runs GitBook's command line: change `gitbook build` and `gitbook serve` to "
                "`mkdocs build --strict` and `mkdocs serve`",
}


def book_title(text: str | None) -> str:
    """`book.json`'s `title`, or "" (no file, not JSON, no title)."""
    try:
        data = json.loads(text) if text else None
    except ValueError:
        return ""
    title = data.get("title") if isinstance(data, dict) else None
    return title.strip() if isinstance(title, str) else ""


def leftover_findings(read: Callable[[str], str | None], folders: list[str]) -> list[ImportNote]:
    """A finding for each leftover in `folders` (the space's folder "", and its root): `book.json`
    always, `package.json` and `Makefile` only when they name GitBook. `read(path)` gives a file's
    text, or None when the space has no such file."""
    found = []
    for folder in dict.fromkeys(folders):
        for name, advice in ADVICE.items():
            path = posixpath.join(folder, name) if folder else name
            text = read(path)
            if text is not None and (name == BOOK_JSON or "gitbook" in text.lower()):
                found.append(ImportNote(path, 1, advice))
    return found
