"""Every command and flag, from the `handbook` command's own parser (`handbook.cli.app`)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from dataclasses import dataclass

from handbook.cli.app import build_parser
from refgen.text import cell, generated_note, paragraph, table

PATH = "reference/3-commands.md"
TITLE = "Commands and flags"
SOURCE = "plugins/handbook/cli/app.py"
EDIT = "plugins/handbook/cli/app.py"  # the file "Edit this page" opens


@dataclass
class Command:
    name: str
    """`handbook discord apply`."""
    summary: str
    """The line `handbook --help` shows for it (its parent's list)."""
    parser: argparse.ArgumentParser

    @property
    def arguments(self) -> list[argparse.Action]:
        return [a for a in self.parser._actions
                if not isinstance(a, (argparse._SubParsersAction, argparse._HelpAction))]

    @property
    def runs(self) -> bool:
        """A command that does something (not a group such as `handbook discord`)."""
        return self.parser.get_default("run") is not None

    @property
    def subcommands(self) -> list[str]:
        return [name for a in self.parser._actions if isinstance(a, argparse._SubParsersAction) for name in a.choices]


def walk(parser: argparse.ArgumentParser | None = None, name: str = "handbook", summary: str = "") -> Iterator[Command]:
    parser = parser or build_parser()
    yield Command(name, summary or (parser.description or ""), parser)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
            for sub, subparser in action.choices.items():
                yield from walk(subparser, f"{name} {sub}", helps.get(sub, ""))


def flags(action: argparse.Action) -> str:
    if action.option_strings:
        shown = ", ".join(f"`{o}`" for o in action.option_strings)
        return shown + (f" `{action.metavar or action.dest.upper()}`" if action.nargs != 0 else "")
    return f"`{action.metavar or action.dest}`"


def takes(action: argparse.Action) -> str:
    if action.choices:
        return " or ".join(f"`{c}`" for c in action.choices)
    if action.nargs == 0:
        return "(a switch)"
    if action.default not in (None, argparse.SUPPRESS, False):
        return f"default `{action.default}`"
    return ""


def anchor(command: Command) -> str:
    return command.name.replace(" ", "-")


def render() -> str:
    commands = list(walk())
    out = [f"# {TITLE}\n", generated_note(SOURCE, "the argument parser"),
           "`handbook` is installed with the package (`python -m handbook` works too). Every command "
           "exits 0 when all is well, 1 when it has findings or changes to make, 2 for bad input "
           "(see [Exit codes](8-exit-codes.md)).\n",
           table(["command", "what it does"],
                 [(f"[`{c.name}`](#{anchor(c)})", c.summary) for c in commands[1:]])]
    for command in commands:
        usage = command.parser.format_usage().removeprefix("usage: ").strip()
        out.append(f"## `{command.name}` {{ #{anchor(command)} }}\n")
        about = command.parser.description or command.summary
        if about:
            out.append(paragraph(about) + "\n")
        out.append(f"```text\n{' '.join(usage.split())}\n```\n")
        if command.subcommands:
            out.append("Subcommands: " + ", ".join(f"[`{s}`](#{anchor(command)}-{s})" for s in command.subcommands) + ".\n")
        if command.arguments:
            out.append(table(["argument", "takes", "what it does"],
                             [(flags(a), takes(a), cell(a.help or "")) for a in command.arguments]))
    return "\n".join(out)


def problems() -> list[str]:
    found = []
    for command in walk():
        if not (command.summary or command.parser.description):
            found.append(f"command `{command.name}`: no help text in its parser")
        for action in command.arguments:
            if not (action.help or "").strip() or action.help == argparse.SUPPRESS:
                found.append(f"command `{command.name}`: {flags(action)} has no help text")
    return found
