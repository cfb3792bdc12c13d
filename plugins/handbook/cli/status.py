"""`handbook status`: one screen on where the community stands, and the next command to run.

Exit 0 when the docs, the map (and, with DISCORD_TOKEN set, the server) agree; 1 when something
is left to do; 2 for bad input, like every other command.
"""

from __future__ import annotations

import argparse
import json
import os

from handbook.cli.common import EXIT_CLEAN, EXIT_FINDINGS, config_option, format_option
from handbook.text.secrets import SECRET_ENV_VARS

TOKEN_ENV = SECRET_ENV_VARS[0]


def register(subparsers: argparse._SubParsersAction) -> None:
    status = subparsers.add_parser(
        "status", help="where the docs, the channel map and the server stand, and what to run next",
        description="Categories without channels, channels without categories, near matches, changes not "
                    f"yet applied to the server (when {TOKEN_ENV} is set), and the next command to run. "
                    "Exit 0 in step, 1 something to do, 2 bad input.")
    config_option(status)
    format_option(status)
    status.add_argument("--offline", action="store_true", help=f"do not ask the server, even with {TOKEN_ENV} set")
    status.set_defaults(run=run_status, max_wait=60.0, guild=None, allow_delete=False)


def _server(args: argparse.Namespace, channel_map):
    """What apply would change on the server, or why it was not asked."""
    from handbook.checks.status import ServerStatus
    from handbook.cli import discord as discord_commands

    if args.offline or not os.environ.get(TOKEN_ENV, "").strip():
        return None, f"not asked ({TOKEN_ENV} is not set)" if not args.offline else "not asked (--offline)"
    if channel_map is None or not (channel_map.server.guild_id or os.environ.get(discord_commands.GUILD_ENV)):
        return None, "the map has no `server.guild_id` yet: run `handbook discord pull --guild SERVER_ID`"
    guild_id = discord_commands.guild_id_for(channel_map, args)
    with discord_commands.make_client(args) as client:
        state, result = discord_commands._plan(args, client, channel_map, guild_id)
    pending = [op.describe() for op in result.operations] + [f"question: {q}" for q in result.questions]
    return ServerStatus(state.guild_name, pending, result.hidden), None


def run_status(args: argparse.Namespace) -> int:
    from handbook.checks.status import gather, render
    from handbook.findings import ERROR
    from handbook.project import load_project

    project = load_project(args.config_file)
    analysis = project.analyse()
    shown = project.show(project.map_path)
    server, note = None, None
    if analysis.channel_map is not None and not any(f.severity == ERROR for f in analysis.validation):
        server, note = _server(args, analysis.channel_map)
    status = gather(analysis, shown, server=server, server_note=note,
                    token=bool(os.environ.get(TOKEN_ENV, "").strip()) and not args.offline)
    if args.format == "json":
        print(json.dumps(status.as_dict(), indent=2, ensure_ascii=False))
    else:
        print(render(status))
    return EXIT_CLEAN if status.clean else EXIT_FINDINGS
