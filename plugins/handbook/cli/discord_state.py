"""The recorded server state on the command line: where the file is, `apply` and `pull` writing
it, `plan --offline` reading it, and a live `plan` saying what changed on the server since.

The file is found the way the map is: `--state-file`, else the plugin's `server_state` option
(relative to mkdocs.yml), else, for a map named with `--map` alone, `.handbook/server-state.json`
beside that map.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from handbook.text.secrets import GUILD_ENV, SECRET_ENV_VARS

if TYPE_CHECKING:
    from handbook.channelmap.model import ChannelMap
    from handbook.discord.plan import Plan
    from handbook.discord.state import ServerState


def state_file_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--state-file", metavar="PATH",
                        help="the recorded server state (default: the plugin's `server_state`, "
                             ".handbook/server-state.json)")


def plan_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--offline", action="store_true",
                        help="plan against the recorded server state instead of the server: no token, no network")


def state_path(args: argparse.Namespace) -> Path:
    """Where this command's state file is (found once per command: mkdocs.yml is read for it)."""
    from handbook.config import HandbookConfig

    found = getattr(args, "found_state_path", None)
    if found is None:
        if getattr(args, "state_file", None):
            found = Path(args.state_file)
        elif args.map and not args.config_file:
            found = Path(args.map).parent / HandbookConfig.server_state.default
        else:
            from handbook.project import load_project

            found = load_project(args.config_file).state_path
        args.found_state_path = found
    return found


def _shown(path: Path) -> str:
    """Relative to the current folder when inside it (`.handbook/server-state.json`), else in full."""
    full, here = path.resolve(), Path.cwd().resolve()
    return full.relative_to(here).as_posix() if full.is_relative_to(here) else str(full)


def record_state(args: argparse.Namespace, state: ServerState, channel_map: ChannelMap | None, say) -> None:
    """Write what `state` says of the server to the state file, and say so when it changed."""
    from handbook.discord.recorded_state import write_state

    path = state_path(args)
    if write_state(path, state, channel_map):
        say(f"Recorded the server's state in {_shown(path)} (commit it: `plan --offline` reads it).")


def names_a_server(channel_map: ChannelMap, args: argparse.Namespace) -> bool:
    """Whether the map, --guild or the environment says which server (offline, the file may)."""
    return bool(channel_map.server.guild_id or args.guild or os.environ.get(GUILD_ENV))


def plan_offline(args: argparse.Namespace, channel_map: ChannelMap, guild_id: str | None) -> tuple[ServerState, Plan]:
    """The plan against the recorded state; the file must be `guild_id`'s (any, when None)."""
    from handbook.discord.plan import plan
    from handbook.discord.recorded_state import load_state

    path = state_path(args)
    state = load_state(path, _shown(path), guild_id)
    print(f"Planned against {_shown(path)}, the server as the last apply or pull read it "
          "(no token, no network).", file=sys.stderr)
    return state, plan(channel_map, state, allow_delete=args.allow_delete)


def changes_since_recorded(args: argparse.Namespace, state: ServerState, channel_map: ChannelMap) -> list[str]:
    """What changed on the server since the state file was written; nothing when there is no file."""
    from handbook.discord.recorded_state import RecordedStateError, read_document, state_document
    from handbook.discord.server_changes import server_changes

    path = state_path(args)
    if not path.exists():
        return []
    try:
        recorded = read_document(path, _shown(path))
    except RecordedStateError as err:
        print(f"Note: {err.one_line()}", file=sys.stderr)
        return []
    if recorded["guild"]["id"] != state.guild_id:
        return []
    return server_changes(recorded, state_document(state, channel_map))


def drift_text(changes: list[str], args: argparse.Namespace) -> str:
    shown = _shown(state_path(args))
    lines = [f"The server differs from the state recorded in {shown} by the last apply or pull "
             f"(changed by hand, or by another tool): {len(changes)} difference{'s' if len(changes) != 1 else ''}:"]
    lines += [f"  - {change}" for change in changes]
    lines.append("  `handbook discord pull` takes them into the map and the state file; the plan below undoes "
                 "those the map disagrees with.")
    return "\n".join(lines)


def say_server_changes(args: argparse.Namespace, state: ServerState, channel_map: ChannelMap, say) -> None:
    """What changed on the server since the state was recorded, when anything did (before a plan)."""
    drift = changes_since_recorded(args, state, channel_map)
    if drift:
        say(drift_text(drift, args))


def render_markdown_plan(args: argparse.Namespace, channel_map: ChannelMap, state: ServerState, result: Plan) -> str:
    """The plan as a pull-request comment, naming no private channel the map does not list."""
    from handbook.discord.plan import plan
    from handbook.discord.plan_markdown import render_markdown
    from handbook.discord.recorded_state import redacted

    if args.offline:
        source = (f"Planned offline against `{_shown(state_path(args))}`, the server as the last "
                  "`handbook discord apply` or `pull` read it: no token was used.")
    else:
        result = plan(channel_map, redacted(state, channel_map), allow_delete=args.allow_delete)
        source = "Planned against the live server."
    secrets = tuple(os.environ.get(name) for name in SECRET_ENV_VARS)
    return render_markdown(result, state.guild_name, source=source, secrets=secrets)


def shown_plan(args: argparse.Namespace, channel_map: ChannelMap, state: ServerState, result: Plan) -> Plan:
    """The plan to show: with `--public-log`, the same plan made against the server with the names of
    private channels the map does not list withheld (as the recorded state and the comment do)."""
    if not getattr(args, "public_log", False) or getattr(args, "offline", False):  # offline: withheld already
        return result
    from handbook.discord.plan import plan
    from handbook.discord.recorded_state import redacted

    return plan(channel_map, redacted(state, channel_map), allow_delete=getattr(args, "allow_delete", False))


def print_plan(args: argparse.Namespace, channel_map: ChannelMap, state: ServerState, result: Plan,
               posts: tuple | None = None) -> None:
    """The plan in `--format` (text, json or markdown), with the forum posts' plan when there is
    one; a live one says first what changed on the server since the state was recorded."""
    from handbook.discord.forum_plan import render_posts
    from handbook.discord.plan import render_text

    if args.format == "markdown":
        print(render_markdown_plan(args, channel_map, state, result), end="")
        if posts and posts[0].changes:  # page titles only: the posts of public pages
            print("\n~~~text\n" + render_posts(posts[0]).replace("~~~", "~ ~ ~") + "\n~~~")
        return
    result = shown_plan(args, channel_map, state, result)
    drift = [] if args.offline else changes_since_recorded(args, state, channel_map)
    if args.format == "json":
        print(json.dumps({**result.as_dict(), **({"server_changed": drift} if drift else {}),
                          **({"posts": posts[0].as_dict()} if posts else {})}, indent=2, ensure_ascii=False))
    else:
        if drift:
            print(drift_text(drift, args))
        print(render_text(result, state.guild_name))
        if posts:
            print(render_posts(posts[0]))
