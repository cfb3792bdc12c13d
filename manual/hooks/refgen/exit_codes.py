"""The exit codes every command shares (`handbook.cli.common`), and the one for Ctrl-C."""

from __future__ import annotations

import ast
from pathlib import Path

from handbook.cli import common
from refgen.text import generated_note, table

PATH = "reference/8-exit-codes.md"
TITLE = "Exit codes"
SOURCE = "plugins/handbook/cli/common.py"
EDIT = "plugins/handbook/cli/common.py"  # the file "Edit this page" opens

EXIT_CODES = {
    0: "Clean: nothing found, nothing to do (`info` hints do not count).",
    1: "Findings, or changes the command would make (`check` found drift, `plan` has steps, "
       "`sync --check` would change the map, `review` has an overdue page, `links check` a dead link).",
    2: "Bad input: a broken file, a bad option or flag, a missing token. One line names the file, "
       "the line and the fix (with `--format json`: `{\"error\": ...}` on stdout).",
    130: "Interrupted (Ctrl-C): the command stopped where it was and says how far it got.",
}


def in_code() -> set[int]:
    """The `EXIT_*` constants of `cli/common.py`, and the numbers `cli/app.py` returns itself."""
    codes = {value for name, value in vars(common).items() if name.startswith("EXIT_") and isinstance(value, int)}
    app = Path(common.__file__).with_name("app.py")
    for node in ast.walk(ast.parse(app.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Return) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, int):
            codes.add(node.value.value)
    return codes


def render() -> str:
    return "\n".join([f"# {TITLE}\n", generated_note(SOURCE, "and `cli/app.py`"),
                      "The same for every command, and for `mkdocs build --strict` in spirit: 0 passes, "
                      "anything else fails a CI job.\n",
                      table(["code", "means"], [(f"`{code}`", text) for code, text in EXIT_CODES.items()])])


def problems() -> list[str]:
    found = in_code()
    return ([f"exit code {c} (in the command line's code): not in manual/hooks/refgen/exit_codes.py"
             for c in sorted(found - set(EXIT_CODES))]
            + [f"exit_codes.py names {c}, which no command returns" for c in sorted(set(EXIT_CODES) - found)])
