"""The `handbook` command's parser and its one error boundary.

Every subcommand registers its parser here without importing its work: the `run` function of
each imports what it needs when it runs. Every `HandbookError` raised anywhere below becomes one
line on stderr (or `{"error": {...}}` on stdout with `--format json`) and exit 2; secrets from the
environment never appear in it.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from handbook.cli import discord as discord_commands
from handbook.cli import generate as generate_commands
from handbook.cli import gitbook as gitbook_commands
from handbook.cli import links as links_commands
from handbook.cli import map as map_commands
from handbook.cli import status as status_commands
from handbook.cli import review as review_commands
from handbook.cli.common import EXIT_CLEAN, EXIT_ERROR
from handbook.errors import HandbookError
from handbook.text.secrets import SECRET_ENV_VARS, redact


class _Version(argparse.Action):
    def __call__(self, parser, namespace, values, option_string=None):
        import handbook

        print(f"handbook {handbook.__version__}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="handbook",
        description="Publish a community's handbook with MkDocs and keep its Discord in step with it.",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    map_commands.register(subparsers)
    status_commands.register(subparsers)
    review_commands.register(subparsers)
    discord_commands.register(subparsers)
    gitbook_commands.register(subparsers)
    generate_commands.register(subparsers)
    links_commands.register(subparsers)
    return parser


def command_name(args: argparse.Namespace) -> str:
    words = ["handbook", args.command]
    words += [getattr(args, key) for key in ("discord_command", "links_command", "source") if getattr(args, key, None)]
    if args.command == "import" and words[-1] != "import":
        words[-2:] = ["import", words[-1]]
    return " ".join(w for w in words if w)


def report_error(args: argparse.Namespace, error: HandbookError) -> int:
    secrets = [os.environ.get(name) for name in SECRET_ENV_VARS]
    if getattr(args, "format", None) == "json":
        fields = {k: redact(v, *secrets) if isinstance(v, str) else v for k, v in error.as_dict().items()}
        print(json.dumps({"error": fields}, indent=2, ensure_ascii=False))
    else:
        print(f"{command_name(args)}: error: {redact(error.one_line(), *secrets)}", file=sys.stderr)
    return EXIT_ERROR


class _ReaderGone:
    """`sys.stdout` for one command: when its reader goes away (`handbook check | head -1`), the
    rest of the output goes to /dev/null and the command runs to its end, so it exits with the
    code it would have had (1 with findings), never a traceback and never a false 0."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self.reader_gone = False
        """True once the reader went away: a command that reports progress says the rest elsewhere."""

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            self._discard()
            return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            self._discard()

    def _discard(self) -> None:
        self.reader_gone = True
        with contextlib.suppress(OSError, ValueError):  # a stream without a file (a test's capture)
            os.dup2(os.open(os.devnull, os.O_WRONLY), self._stream.fileno())

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _shut_down_plugins() -> None:
    """The plugins of the mkdocs.yml the command loaded end as at the end of `mkdocs build`
    (a command that loaded none has not imported `handbook.project`, and needs nothing)."""
    project = sys.modules.get("handbook.project")
    if project is not None:
        project.shut_down_plugins()


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return EXIT_CLEAN if args.command is None else EXIT_ERROR
    stdout = sys.stdout
    sys.stdout = _ReaderGone(stdout)
    try:
        code = args.run(args)
        sys.stdout.flush()  # inside the boundary: a closed pipe is dealt with here, not at exit
        return code
    except HandbookError as error:
        return report_error(args, error)
    except KeyboardInterrupt:
        print(f"{command_name(args)}: interrupted", file=sys.stderr)
        return 130
    except OSError as error:  # the machine's answer about a file we were told to use
        where = f"{error.filename}: " if error.filename else ""
        return report_error(args, HandbookError(f"{where}{error.strerror or error}"))
    finally:
        _shut_down_plugins()
        sys.stdout.flush()
        sys.stdout = stdout
