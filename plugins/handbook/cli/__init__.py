"""The `handbook` command: argument parsing, lazy imports per subcommand, one error boundary.

`app` builds the parser and turns every `HandbookError` into one message (file, line, fix) with
exit 2, as text or as JSON; `map` holds `check`, `sync` and `schema`; `status` the one-screen
summary; `review` the owners and review dates; `discord` the `discord` subcommands; `gitbook` the
importer's; `generate` is `handbook generate`, and `generate_pages` runs the plugin's events
without a build to write the generated pages as files (Zensical). A subcommand imports only what
it uses, so `handbook check` starts fast and a machine without git can still run the commands that
need none. Exit codes: 0 clean, 1 findings or pending
changes, 2 bad input.
"""

from __future__ import annotations

from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """The console script's entry point (`handbook = handbook.cli:main`)."""
    from handbook.cli.app import main as run

    return run(argv)
