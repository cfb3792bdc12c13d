"""The environment variables the tool reads, found in the code (`os.environ`) and described here."""

from __future__ import annotations

import ast
from pathlib import Path

import handbook
from refgen.text import generated_note, table

PATH = "reference/7-environment.md"
TITLE = "Environment variables"
SOURCE = "plugins/handbook/"
EDIT = "manual/hooks/refgen/environment.py"  # the file "Edit this page" opens
PACKAGE = Path(handbook.__file__).parent

ENVIRONMENT = {
    "DISCORD_TOKEN": "The bot's token, for `handbook discord pull`, `plan`, `apply` and `status`. Read only from "
                     "here, never written anywhere; it never appears in a message or log.",
    "DISCORD_WEBHOOK_URL": "The webhook `handbook discord announce` posts to (changes, or `--reviews`). Kept out "
                           "of every message, like the token.",
    "DISCORD_GUILD_ID": "The server's id when the map has none yet and `--guild` is not given.",
    "HANDBOOK_DISCORD_API_URL": "Another base URL for Discord's API (the tests point it at a fake server); "
                                "also used for the invite checks of `handbook links check`.",
    "HANDBOOK_TODAY": "The day reviews are measured against (`YYYY-MM-DD`), instead of today.",
    "SOURCE_DATE_EPOCH": "For reproducible builds: the day of this Unix time is \"today\" for reviews, unless "
                         "`HANDBOOK_TODAY` is set.",
    "XDG_CACHE_HOME": "Where generated pages go (`handbook/` in it, else `~/.cache/handbook/`) when the folder of "
                      "`mkdocs.yml` cannot be written.",
}


def read_in_code() -> dict[str, str]:
    """Every variable the package reads: name -> the first file that reads it."""
    found: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        shown = str(path.relative_to(PACKAGE.parent.parent))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = None
            if (isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
                    and node.targets[0].id.endswith("_ENV") and isinstance(node.value, ast.Constant)):
                name = node.value.value  # TOKEN_ENV = "DISCORD_TOKEN": the variable a module reads
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args
                  and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
                  and ((node.func.attr == "get" and "environ" in ast.unparse(node.func.value))
                       or node.func.attr == "getenv")):
                name = node.args[0].value
            elif (isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load)
                  and "environ" in ast.unparse(node.value) and isinstance(node.slice, ast.Constant)):
                name = node.slice.value
            if isinstance(name, str):
                found.setdefault(name, shown)
    return found


def render() -> str:
    where = read_in_code()
    return "\n".join([f"# {TITLE}\n", generated_note(SOURCE, "every `os.environ` the package reads"),
                      "Secrets come only from the environment, never from a file or an option.\n",
                      table(["variable", "what it does", "read in"],
                            [(f"`{name}`", text, f"`{where.get(name, '?')}`") for name, text in ENVIRONMENT.items()])])


def problems() -> list[str]:
    found = read_in_code()
    return ([f"environment variable `{n}` (read in {f}): not in manual/hooks/refgen/environment.py"
             for n, f in found.items() if n not in ENVIRONMENT]
            + [f"environment.py names `{n}`, which the code no longer reads" for n in ENVIRONMENT if n not in found]
            + [f"environment variable `{n}`: no description" for n, t in ENVIRONMENT.items() if not t.strip()])
