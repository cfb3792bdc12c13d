"""The reference pages, in the nav's order, and what any of them could not document."""

from __future__ import annotations

from refgen import codes, commands, environment, exit_codes, options, outputs, schemas, templates

PAGES = (options, codes, commands, outputs, schemas, templates, environment, exit_codes)
"""In the nav's order (the file names sort the same way: `reference/1-options.md`, ...)."""


def problems() -> list[str]:
    return [problem for page in PAGES for problem in page.problems()]
