"""What every subcommand shares: exit codes, the common options, and `UsageError`."""

from __future__ import annotations

import argparse
import json

from handbook.errors import HandbookError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_PENDING = EXIT_FINDINGS  # changes a command would make count as findings


class UsageError(HandbookError):
    """A problem with the command line or its inputs (a missing token, a bad id): exit 2."""


def config_option(parser: argparse.ArgumentParser, help_extra: str = "") -> None:
    parser.add_argument("-f", "--config-file", metavar="FILE", default=None,
                        help=f"the MkDocs configuration file (default: mkdocs.yml or mkdocs.yaml, else properdocs.yml){help_extra}")


def format_option(parser: argparse.ArgumentParser, *more: str) -> None:
    parser.add_argument("--format", choices=("text", "json", *more), default="text",
                        help="output format; with json, errors are JSON on stdout too")


def post_announcement(webhook: str, message: dict, *, dry_run: bool, announced: str) -> int:
    """Post a webhook message and say `announced`, or with `--dry-run` print the message instead."""
    if dry_run:
        print(json.dumps(message, indent=2, ensure_ascii=False))
        return EXIT_CLEAN
    from handbook.discord.client import execute_webhook

    execute_webhook(webhook, message)
    print(announced)
    return EXIT_CLEAN
