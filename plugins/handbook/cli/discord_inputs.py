"""The inputs every `handbook discord` command shares: the map (found as the build finds it),
the server id, the bot's client, and writing the map back."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from handbook.channelmap import rules
from handbook.cli.common import UsageError
from handbook.text.secrets import GUILD_ENV, TOKEN_ENV

if TYPE_CHECKING:
    from handbook.channelmap.model import ChannelMap

# The Discord modules (and httpx) load only when a `discord` command runs, so registering the
# commands costs other commands nothing.
CLIENT_OPTIONS: dict[str, Any] = {}
"""Extra keyword arguments for every DiscordClient this module makes (tests pass a fake clock)."""


# --- inputs ---------------------------------------------------------------------------------


def map_path_from_mkdocs(config_file: str) -> Path:
    """Where the `handbook` plugin in `config_file` keeps the channel map."""
    from handbook.project import load_project

    return load_project(config_file).map_path


def resolve_map_path(args: argparse.Namespace) -> Path:
    return Path(args.map) if args.map else map_path_from_mkdocs(args.config_file)


def load_map(path: Path, *, check_rules: bool = True) -> ChannelMap:
    """The map at `path`; with `check_rules`, a map Discord would refuse is an error too."""
    from handbook.channelmap.loader import load_channel_map
    from handbook.channelmap.validation import validate
    from handbook.findings import ERROR

    if not path.exists():
        raise UsageError("no channel map here", file=str(path),
                         fix="run `handbook discord pull` to write one from the server")
    channel_map = load_channel_map(path)
    if not check_rules:
        return channel_map
    errors = [f for f in validate(channel_map) if f.severity == ERROR]
    if errors:
        first = errors[0]
        more = f" (and {len(errors) - 1} more; run `handbook check`)" if len(errors) > 1 else ""
        raise UsageError(first.message, file=first.file, line=first.line, fix=f"{first.fix}{more}")
    return channel_map


def guild_id_for(channel_map: ChannelMap | None, args: argparse.Namespace) -> str:
    in_map = channel_map.server.guild_id if channel_map else None
    if in_map and args.guild and args.guild != in_map:
        raise UsageError(f"the map is for server {in_map} but --guild says {args.guild}: "
                         "use the map's server, or another map with --map")
    value = in_map or args.guild or os.environ.get(GUILD_ENV)
    if not value:
        raise UsageError(f"which server? the map has no `server.guild_id`: pass --guild ID or set {GUILD_ENV}")
    if not rules.is_snowflake(str(value)):
        raise UsageError(f"`{value}` is not a Discord server id (17 to 20 digits)")
    return str(value)


def make_client(args: argparse.Namespace):
    from handbook.discord.client import DiscordClient

    token = os.environ.get(TOKEN_ENV, "").strip()
    if not token:
        raise UsageError(f"{TOKEN_ENV} is not set: export the bot's token as {TOKEN_ENV} "
                         "(see docs/maintaining/discord-bot.md)")
    return DiscordClient(token, max_wait=args.max_wait, **CLIENT_OPTIONS)


def archive_name(channel_map: ChannelMap | None) -> str:
    from handbook.discord.plan import DEFAULT_ARCHIVE, archive_category_name

    return archive_category_name(channel_map) if channel_map else DEFAULT_ARCHIVE


def save_document(path: Path, document: Any) -> None:
    from handbook.channelmap.yaml_io import write_roundtrip
    from handbook.files import read_text

    write_map(path, write_roundtrip(read_text(path) if path.exists() else "", document))


def write_map(path: Path, text: str) -> None:
    """The map's new text, atomically; a new map gets its schema beside it."""
    from handbook.channelmap.schema_gen import write_schema_beside
    from handbook.files import write_atomic

    fresh = not path.exists()
    write_atomic(path, text)
    if fresh:
        write_schema_beside(path)  # the header's `yaml-language-server` line points at it


# --- commands -------------------------------------------------------------------------------


def handbook_categories(args: argparse.Namespace):
    """The handbook's categories when pull works on a project: `-f`, or no `--map` and a mkdocs.yml
    here. A map named with `--map` alone is pulled on its own and links no channel to a docs folder
    (the mkdocs.yml in this folder may belong to another project)."""
    from handbook.project import find_config_file, load_project

    if not args.config_file and (args.map or find_config_file() is None):
        return []
    return load_project(args.config_file).categories()


def map_lock_for(path: Path, guild_id: str, command: str):
    """The one-run-at-a-time lock of `path` and `guild_id` (handbook.discord.lock); a stale one taken
    over is said on stderr."""
    from handbook.discord.lock import map_lock

    return map_lock(path, guild_id, command, note=lambda text: print(text, file=sys.stderr))
