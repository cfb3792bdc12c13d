"""Front matter `channel:` on a category's index page, as MkDocs reads it, and the findings about
the channel name a category ends up with. Pure: the page's text comes in from `categories`.

MkDocs reads front matter with PyYAML (YAML 1.1), so `channel: 2024` is a number, `channel: yes`
is true and `channel: no` is false. Only text asks for a name and only false opts out (`no` and
`off` are false to YAML 1.1, so they opt out too); anything else is reported, never guessed at,
and the category keeps the channel named after its folder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from mkdocs.utils.meta import get_data

from handbook.channelmap.rules import NAME_MAX, is_usable_name
from handbook.channelmap.yaml_io import describe_value
from handbook.findings import BAD_CHANNEL_FRONT_MATTER, Finding, UNUSABLE_CHANNEL_NAME


_CHANNEL_KEY = re.compile(r"^channel[ \t]*:(?P<value>.*)$")
_COMMENT = re.compile(r"(^|\s)#.*$")


@dataclass(frozen=True)
class ChannelSetting:
    """What `channel:` on an index page says."""

    name: str | None = None
    """A name asked for (text that is not blank)."""
    opted_out: bool = False
    """`channel: false` (or YAML 1.1's `no`, `off`)."""
    problem: str | None = None
    """Why the value asks for nothing, when it is neither of those: for the finding."""
    written: str = ""
    """The value as written after `channel:` on its line (without a comment)."""
    line: int | None = None
    """The line of the `channel:` key in the page's file."""
    comment: str = ""
    """`#tools` when that is all there is after `channel:` (a comment to YAML)."""


def read_channel_setting(meta: dict, text: str) -> ChannelSetting:
    """The `channel:` setting of a page whose front matter is `meta` and whose full text is `text`."""
    if "channel" not in meta:
        return ChannelSetting()
    value = meta["channel"]
    line, written, raw = _key_line(text)
    if value is False:
        return ChannelSetting(opted_out=True, written=written, line=line)
    if isinstance(value, str) and value.strip():
        return ChannelSetting(name=value.strip(), written=written, line=line)
    if value is None and raw.startswith("#"):  # `channel: #tools`: YAML reads a comment
        return ChannelSetting(problem="has no name: `#` starts a YAML comment", line=line, comment=raw)
    return ChannelSetting(problem=_problem(value), written=written, line=line)


def _problem(value: Any) -> str:
    if value is True:
        return "is read as true, which asks for nothing (a category has its channel without it)"
    if value is None or isinstance(value, str):
        return "has no name"
    return f"is read as {_a(describe_value(value))}, not as a channel name"


def _a(what: str) -> str:
    return what if what.startswith(("a ", "an ")) else f"a {what}" if what != "text" else what


def _key_line(text: str) -> tuple[int | None, str, str]:
    """The line of `channel:` in the front matter of `text`, the value written after it, and the
    same with any comment."""
    text = text.removeprefix("\ufeff")
    body, _ = get_data(text)
    front = text[: len(text) - len(body)] if body else text
    for number, line in enumerate(front.splitlines(), 1):
        match = _CHANNEL_KEY.match(line)
        if match:
            raw = match.group("value").strip()
            return number, _COMMENT.sub("", raw).strip(), raw
    return None, "", ""


def _quoted(written: str) -> str:
    return '"' + written.strip("\"'").replace("\\", "\\\\").replace('"', '\\"') + '"'


def front_matter_finding(folder: str, setting: ChannelSetting, page: str) -> Finding | None:
    """A finding for a `channel:` value that asks for nothing, naming the page and the line."""
    if setting.problem is None:
        return None
    shown = f"`channel: {setting.written}`" if setting.written else "`channel:`"
    scalar = setting.written and not setting.written.startswith(("[", "{", "|", ">"))
    if setting.comment:
        fix = f"write the name without `#`: `channel: {setting.comment.lstrip('#').split()[0] or 'some-name'}`"
    elif scalar and setting.written.lower() != "true" and setting.written.strip("\"' "):
        fix = f"quote the name: `channel: {_quoted(setting.written)}`, or `channel: false` to opt out"
    elif setting.problem.startswith("is read as true"):
        fix = "remove the line (the channel is named after the folder), or write a name: `channel: some-name`"
    else:
        fix = "write one name as text (`channel: some-name`), `channel: false` to opt out, or remove the line"
    return BAD_CHANNEL_FRONT_MATTER(
                   f"{shown} {setting.problem}; the category `{folder}` keeps the channel named after its folder",
                   page, setting.line, fix)


def unusable_name_finding(folder: str, name: str, asked: bool, page: str, line: int | None) -> Finding | None:
    """A finding when the channel name a category gets is one Discord would refuse (empty, or
    longer than 100 characters); sync adds no channel for it. `page` is its index page (to create,
    when it has none), `asked` whether the name came from `channel:`."""
    if is_usable_name(name):
        return None
    if not name:
        problem = f"the folder name `{folder}` has no letter or digit for a channel name"
    else:
        source = "`channel:`" if asked else "the folder name"
        problem = (f"{source} gives the channel name #{name[:40]}… ({len(name)} characters); "
                   f"Discord allows at most {NAME_MAX}")
    return UNUSABLE_CHANNEL_NAME(f"{problem}, so `handbook sync` adds no channel for `{folder}`",
                   page, line,
                   f"name the channel with `channel: some-name` (at most {NAME_MAX} characters) in the front "
                   f"matter of {page}, or opt out with `channel: false`")
