"""What `--format json` prints, command by command.

There are no output schemas: the shapes are the dictionaries the commands print, and the keys of
each record are read from its `as_dict` (or its dataclass fields) in the code. The list below
names, for each command with `--format json`, its top-level keys; `problems()` checks that every
such command has an entry and that each key is still in the module that prints it.
"""

from __future__ import annotations

import ast
import dataclasses
import inspect
import textwrap
from pathlib import Path

import handbook
from handbook.checks.status import Status
from handbook.discord.operations import Operation
from handbook.discord.permissions import PermissionUse
from handbook.discord.plan import Blocked, Plan
from handbook.errors import HandbookError
from handbook.findings import Finding
from handbook.linkhealth.status import LinkResult
from handbook.reviews.status import PageReview
from refgen import commands
from refgen.text import generated_note, table

PATH = "reference/4-json-output.md"
TITLE = "JSON output"
SOURCE = "plugins/handbook/cli/"
EDIT = "manual/hooks/refgen/outputs.py"  # the file "Edit this page" opens
PACKAGE = Path(handbook.__file__).parent

RECORDS = {cls.__name__: cls for cls in (Finding, PageReview, LinkResult, Status, Plan, Operation, Blocked,
                                         PermissionUse, HandbookError)}

OUTPUTS: dict[str, tuple[str, dict[str, str]]] = {
    # command -> (the module that prints it, {top-level key: what it holds})
    "handbook check": ("cli/map.py", {"findings": "list of [Finding](#finding)"}),
    "handbook sync": ("cli/map.py", {
        "map": "the map's path, as shown", "changes": "list of text: each change made (or, with `--dry-run`, to make)",
        "left": "list of text: what sync leaves for you to settle", "written": "`true` when the map was written",
        "diff": "only with `--dry-run`: the unified diff that `git apply` turns into the new map"}),
    "handbook status": ("checks/status.py", {"": "one [Status](#status)"}),
    "handbook review": ("cli/review.py", {
        "pages": "list of [PageReview](#pagereview)", "findings": "list of [Finding](#finding)",
        "moves": "with `--spread`, instead: list of `{file, last_reviewed, new_last_reviewed, due, new_due}`",
        "written": "with `--spread`: `true` with `--write`"}),
    "handbook discord plan": ("discord/plan.py", {"": "one [Plan](#plan)"}),
    "handbook discord audit": ("discord/audit.py", {
        "guild_id": "the server's id", "server": "the server's name", "clean": "`true` when no promise is broken",
        "findings": "list of [Finding](#finding)",
        "checks": "list of `{code, status, reason}`: each check `passed`, `failed` or `skipped` (with why)",
        "not_visible_to_bot": "how many private entries of the map the bot cannot see (not checked)"}),
    "handbook discord invite": ("cli/discord.py", {
        "url": "the OAuth2 link", "permissions": "the permission integer",
        "table": "list of [PermissionUse](#permissionuse)", "operations": "mapping: operation → what it is for"}),
    "handbook links check": ("cli/links.py", {"checked_at": "when the check ran (ISO 8601)",
                                              "links": "list of [LinkResult](#linkresult)"}),
}


def record_keys(cls: type) -> list[str]:
    """The keys `cls.as_dict()` writes: its dataclass fields when it is `asdict(self)`, else the
    string keys of the dictionaries in its source."""
    source = inspect.getsource(cls.as_dict)  # type: ignore[attr-defined]
    if "asdict(self)" in source:
        return [f.name for f in dataclasses.fields(cls)]
    tree = ast.parse(textwrap.dedent(source))
    keys: list[str] = []
    for node in ast.walk(tree):
        found = []
        if isinstance(node, ast.Return) and isinstance(node.value, ast.Dict):
            found = node.value.keys
        elif isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(node.value, ast.Dict):
            found = node.value.keys
        elif isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store) and getattr(node.value, "id", "") == "out":
            found = [node.slice]
        keys += [k.value for k in found if isinstance(k, ast.Constant) and k.value not in keys]
    return keys


def json_commands() -> list[str]:
    return [c.name for c in commands.walk()
            if any(a.dest == "format" and a.choices and "json" in a.choices for a in c.arguments)]


def render() -> str:
    out = [f"# {TITLE}\n", generated_note(SOURCE, "the commands' `--format json` and the records' `as_dict`"),
           "The commands below take `--format json`. The output is one JSON document on stdout; the exit "
           "code is the same as with text. An error (exit 2) is JSON on stdout too: "
           "`{\"error\": {...}}`, a [HandbookError](#handbookerror).\n",
           "These shapes are read from the code that prints them; there are no separate output schemas.\n"]
    for name, (module, keys) in OUTPUTS.items():
        out.append(f"## `{name} --format json`\n")
        out.append(table(["key", "holds"], [(f"`{k}`" if k else "(the whole document)", v) for k, v in keys.items()]))
    out.append("## Records\n")
    for name, cls in RECORDS.items():
        out.append(f"### {name} {{ #{name.lower()} }}\n\n" + ", ".join(f"`{k}`" for k in record_keys(cls)) + "\n")
    return "\n".join(out)


def problems() -> list[str]:
    found = []
    wanted = json_commands()
    found += [f"`{c} --format json`: not in manual/hooks/refgen/outputs.py OUTPUTS" for c in wanted if c not in OUTPUTS]
    found += [f"outputs.py OUTPUTS names `{c}`, which has no --format json" for c in OUTPUTS if c not in wanted]
    for name, (module, keys) in OUTPUTS.items():
        source = (PACKAGE / module).read_text(encoding="utf-8")
        found += [f"`{name} --format json`: key {k!r} is no longer in plugins/handbook/{module}"
                  for k in keys if k and f'"{k}"' not in source]
    for name, cls in RECORDS.items():
        if not record_keys(cls):
            found.append(f"record {name}: no keys found in its as_dict")
    return found
