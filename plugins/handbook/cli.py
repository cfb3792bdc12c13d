"""The `handbook` command: the same modules as the plugin, without a site build.

Exit codes follow one rule for every subcommand: 0 clean, 1 findings or pending changes,
2 usage or input error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import handbook
from handbook import cli_map, discord_cli
from handbook.gitbook import command as gitbook_command

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Version(argparse.Action):
    def __call__(self, parser, namespace, values, option_string=None):
        print(f"handbook {handbook.__version__}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="handbook",
        description="Publish a community's handbook with MkDocs and keep its Discord in step with it.",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    cli_map.register(subparsers)
    discord_cli.register(subparsers)
    gitbook_command.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return EXIT_CLEAN if args.command is None else EXIT_ERROR
    return args.run(args)


if __name__ == "__main__":  # pragma: no cover - `python -m handbook.cli`
    sys.exit(main())
