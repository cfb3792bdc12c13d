"""`handbook discord pull | plan | apply | announce`: the command-line edges around the pure modules.

Exit codes: 0 clean (nothing to change, or all done), 1 changes pending, 2 usage or input error
(a missing token, server id or map, an error from Discord). Errors are one line, never a
traceback, and never show the token or the webhook URL.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from handbook.channelmap import rules
from handbook.cli import discord_state
from handbook.cli import review as review_commands
from handbook.cli.common import (EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, EXIT_PENDING, UsageError, config_option, format_option,
                                 post_announcement)
from handbook.cli.discord_inputs import (archive_name, guild_id_for, handbook_categories, load_map, make_client,
                                         map_lock_for, resolve_map_path, save_document, write_map)
from handbook.text.secrets import GUILD_ENV, TOKEN_ENV, WEBHOOK_ENV

if TYPE_CHECKING:
    from handbook.channelmap.model import ChannelMap


def run_pull(args: argparse.Namespace) -> int:
    from handbook.cli.forum_posts import pull_posts

    path = resolve_map_path(args)
    # Pull may fix what validation finds (ids, names), so only a map it cannot read stops it.
    channel_map = load_map(path, check_rules=False) if path.exists() else None
    guild_id = guild_id_for(channel_map, args)
    if args.check:  # writes nothing: no lock
        code = _pull(args, path, channel_map, guild_id)
        return pull_posts(args, path, guild_id, code, _cli_edges()) if code == EXIT_CLEAN else code
    with map_lock_for(path, guild_id, "handbook discord pull"):
        code = _pull(args, path, channel_map, guild_id)
    return pull_posts(args, path, guild_id, code, _cli_edges())


def _pull(args: argparse.Namespace, path: Path, channel_map: ChannelMap | None, guild_id: str) -> int:
    from handbook.channelmap.yaml_io import write_roundtrip
    from handbook.checks.guard import refuse_invalid
    from handbook.checks.matching import unlinked_topic_names
    from handbook.discord.pull import merge_state
    from handbook.discord.state import read_state
    from handbook.files import read_text
    from handbook.project import display_path

    topic_names = unlinked_topic_names(handbook_categories(args), channel_map)
    with make_client(args) as client:
        state = read_state(client, guild_id, channel_map)
    document, report = merge_state(channel_map.document if channel_map else None, state,
                                   archive_name=archive_name(channel_map), topic_names=topic_names)
    old_text = read_text(path) if path.exists() else None
    shown = display_path(path.resolve(), Path.cwd())
    # judged as it would be written (line numbers as in the file), before anything is
    text = write_roundtrip(old_text or "", document)
    refuse_invalid(channel_map, text, path, shown, "handbook discord pull")
    fresh = channel_map is None
    say = _Report()  # nobody reading (`pull | head`) is no reason to leave the map unwritten
    if report.changes:
        say(f"{('Would write a new' if fresh else 'Would update the') if args.check else ('Wrote a new' if fresh else 'Updated the')} channel map {path} from {state.guild_name or guild_id}:")
        for line in report.changes[:200]:
            say(f"  {line}")
        if len(report.changes) > 200:
            say(f"  ... and {len(report.changes) - 200} more")
    else:
        say(f"The channel map {path} already matches {state.guild_name or guild_id}.")
    if report.hidden:
        say(f"{report.hidden} channel{'s' if report.hidden != 1 else ''} not visible to the bot: left as they are "
              "in the map (not deleted)")
    if report.skipped:
        say(f"Not in the map: {', '.join(report.skipped)} (outside any category; the map keeps channels in "
              "Discord categories)")
    if args.check:
        return EXIT_PENDING if report.changes else EXIT_CLEAN
    if report.changes or fresh:
        write_map(path, text)
    discord_state.record_state(args, state, load_map(path, check_rules=False), say)
    if (report.changes or fresh) and report.linked:
        say("Next: `handbook sync` adds topic channels for the other categories, then "
            "`handbook discord plan` shows what apply would change.")
    return EXIT_CLEAN


def _plan(args: argparse.Namespace, client, channel_map: ChannelMap, guild_id: str):
    from handbook.cli.forum_posts import prepare
    from handbook.discord.plan import plan
    from handbook.discord.state import read_state

    prepare(args, channel_map)  # the plugin's `discussions` option makes topic channels forums

    state = read_state(client, guild_id, channel_map)
    return state, plan(channel_map, state, allow_delete=getattr(args, "allow_delete", False))


def run_plan(args: argparse.Namespace) -> int:
    from handbook.cli.forum_posts import plan_for

    channel_map = load_map(resolve_map_path(args))
    posts = None
    if args.offline:  # forum posts are read live only: the recorded state holds no threads
        named = guild_id_for(channel_map, args) if discord_state.names_a_server(channel_map, args) else None
        state, result = discord_state.plan_offline(args, channel_map, named)
    else:
        guild_id = guild_id_for(channel_map, args)
        with make_client(args) as client:
            state, result = _plan(args, client, channel_map, guild_id)
            posts = plan_for(args, client, channel_map, guild_id)
    discord_state.print_plan(args, channel_map, state, result, posts)
    posts_pending = bool(posts and posts[0].changes)
    return EXIT_PENDING if result.operations or result.questions or posts_pending else EXIT_CLEAN


def refuse_blocked(result) -> None:
    """Say it once, before any write, rather than fail half-way: a half-applied plan is worse than none."""
    if result.blocked:
        raise UsageError(f"missing permission: {result.permission_problem()}, so nothing was changed. "
                         f"Fix: {result.permission_fix()}")


def _confirm(question: str) -> bool:
    if not sys.stdin.isatty():
        raise UsageError("apply needs a confirmation and this is not a terminal: pass --yes")
    try:
        return input(question).strip().lower() in ("y", "yes")
    except EOFError:
        return False


class _Report:
    """Where apply tells what it does: stdout until nobody reads it (`apply | head`), then stderr,
    so how far it got always reaches someone. The command line's stdout (`cli.app`) takes the
    pipe's end itself and says so (`reader_gone`)."""

    @property
    def closed(self) -> bool:
        return bool(getattr(sys.stdout, "reader_gone", False))

    def __call__(self, text: str) -> None:
        if not self.closed:
            sys.stdout.write(text + "\n")  # one write: a reader sees the whole line or none of it
            sys.stdout.flush()
            if not self.closed:
                return
        print(text, file=sys.stderr, flush=True)

    def step(self, text: str) -> None:
        """A step's line; once nobody reads it, BrokenPipeError stops the run at that step."""
        self(text)
        if self.closed:
            raise BrokenPipeError("the output was closed")


def _cli_edges():
    """What the forum posts' commands share with these (passed to `handbook.cli.forum_posts`)."""
    from handbook.cli.forum_posts import Edges

    return Edges(_Report(), _confirm, map_lock_for, make_client, load_map, guild_id_for)


def run_apply(args: argparse.Namespace) -> int:
    from handbook.cli.forum_posts import apply_posts

    return apply_posts(args, _apply_channels(args), _cli_edges())


def _apply_channels(args: argparse.Namespace) -> int:
    from handbook.discord.apply import Applier, render_outcome
    from handbook.discord.apply_record import apply_and_record, record_adopted
    from handbook.discord.plan import render_text

    path = resolve_map_path(args)
    channel_map = load_map(path)
    guild_id = guild_id_for(channel_map, args)
    say = _Report()
    with map_lock_for(path, guild_id, "handbook discord apply"), make_client(args) as client:
        state, result = _plan(args, client, channel_map, guild_id)
        discord_state.say_server_changes(args, state, channel_map, say)
        say(render_text(discord_state.shown_plan(args, channel_map, state, result), state.guild_name))
        if not result.operations:
            if record_adopted(result, channel_map):
                save_document(path, channel_map.document)
                say(f"Recorded the ids of {len(result.adopted)} entries matched by name in {path}.")
            discord_state.record_state(args, state, load_map(path), say)
            return EXIT_PENDING if result.questions else EXIT_CLEAN
        if say.closed:  # `apply | head` stopped reading before a change was sent: send none
            raise UsageError("the output was closed before any change was sent: nothing was changed; "
                             "run it again with all its output read (or sent to a file)")
        refuse_blocked(result)
        deletes = [op for op in result.operations if op.op == "delete"]
        if not args.yes:
            if not _confirm(f"Apply these {len(result.operations)} changes to {state.guild_name or guild_id}? [y/N] "):
                say("Nothing changed.")
                return EXIT_PENDING
            if deletes and not _confirm(f"This deletes {len(deletes)} channel(s) with all their messages, for good. "
                                        "Really delete? [y/N] "):
                say("Nothing changed.")
                return EXIT_PENDING

        def progress(index: int, total: int, op, status: str) -> None:
            if status == "start":
                return
            say.step(f"[{index}/{total}] {op.describe()}: {status}")

        def saved() -> None:
            save_document(path, channel_map.document)
            say(f"Recorded the new ids in {path}.")

        known = {c["id"] for c in state.channels} | {r["id"] for r in state.roles} | state.hidden
        applier = Applier(client, guild_id, progress, known_ids=known)
        outcome = apply_and_record(applier, result, channel_map, guild_id, saved)
        say(render_outcome(outcome))
        if outcome.failed:
            print(f"handbook discord apply: error: {outcome.failed[1]}", file=sys.stderr)
            return EXIT_ERROR
        # Discord is eventually consistent: read the server back before saying "done".
        applied_map = load_map(path)
        after, check = _plan(args, client, applied_map, guild_id)
    discord_state.record_state(args, after, applied_map, say)
    if outcome.pending or check.operations or check.questions:
        if check.questions:
            say(f"{len(check.questions)} map entr{'ies' if len(check.questions) != 1 else 'y'} still to answer "
                "(see Question above): nothing was created for them.")
        elif check.operations and not outcome.pending:
            say(f"{len(check.operations)} change(s) still differ after apply; run `handbook discord plan` to see them.")
        return EXIT_PENDING
    say("The server matches the map.")
    return EXIT_CLEAN


def run_audit(args: argparse.Namespace) -> int:
    """The handbook's promises checked against the live server (handbook.discord.audit): exit 1 on any finding."""
    from handbook.discord.audit import audit, render_text
    from handbook.discord.state import read_state
    from handbook.project import display_path

    # read by the path people see, so each finding names the map as `handbook check` does
    channel_map = load_map(Path(display_path(resolve_map_path(args).resolve(), Path.cwd())))
    guild_id = guild_id_for(channel_map, args)
    with make_client(args) as client:
        result = audit(channel_map, read_state(client, guild_id, channel_map))
    print(json.dumps(result.as_dict(), indent=2, ensure_ascii=False) if args.format == "json" else render_text(result))
    return EXIT_FINDINGS if result.findings else EXIT_CLEAN


def run_invite(args: argparse.Namespace) -> int:
    """The link that adds the bot with exactly the permissions handbook needs, and why each."""
    from handbook.discord.operations import KINDS
    from handbook.discord.permissions import invite_url, permission_uses, permissions_for
    from handbook.discord.server_operations import SERVER_KINDS

    if not rules.is_snowflake(args.app_id):
        raise UsageError(f"--app-id {args.app_id} is not an application id: copy the Application ID (17 to 20 "
                         "digits) from General Information in the Discord Developer Portal")
    permissions = permissions_for(load_map(Path(args.map)) if args.map else None)  # a server map asks for more
    url, uses = invite_url(args.app_id, permissions), permission_uses(permissions)
    kinds = (*KINDS, *(SERVER_KINDS if permissions & rules.MANAGE_GUILD else ()))
    if args.format == "json":
        print(json.dumps({"url": url, "permissions": permissions, "table": [use.as_dict() for use in uses],
                          "operations": {kind.op: kind.purpose for kind in kinds}}, indent=2, ensure_ascii=False))
        return EXIT_CLEAN
    print(url)
    print(f"\nThe link adds the bot with these {len(uses)} permissions ({permissions}), and no others:")
    width = max(len(use.name) for use in uses)
    for use in uses:
        why = [f"needed by {', '.join(use.needed_by)}"] if use.needed_by else []
        why += [f"allowed or denied by {', '.join(use.set_by)}"] if use.set_by else []
        print(f"  {use.name:<{width}}  {f'1 << {use.bit}':<8}  {'; '.join(why)}")
    print("Discord lets a bot allow or deny in a channel only permissions it holds itself, so every permission "
          "an operation allows or denies (archiving denies them to @everyone) is in the set.")
    print("\nThe operations:")
    for kind in kinds:
        print(f"  {kind.op:<19} {kind.purpose}")
    return EXIT_CLEAN


def run_announce(args: argparse.Namespace) -> int:
    from handbook.discord.announce import build_message, changes_to_announce
    from handbook.discord.client import ConfigurationError

    webhook = os.environ.get(WEBHOOK_ENV, "").strip()
    if not webhook and not args.dry_run:
        raise ConfigurationError(f"{WEBHOOK_ENV} is not set: export the channel webhook's URL as {WEBHOOK_ENV} "
                                 "(or use --dry-run)")
    if webhook and not webhook.startswith(("https://", "http://")):
        raise UsageError(f"{WEBHOOK_ENV} is not a webhook URL (it should start with https://discord.com/api/webhooks/)")
    if args.reviews:
        from handbook.cli.review import run_announce_reviews

        return run_announce_reviews(args, webhook)
    if not args.since:
        raise UsageError("what to announce? pass --since REF (handbook changes) or --reviews (pages due for review)")
    from handbook.project import config_file_or_found
    from handbook.site.publication import load_site

    site = load_site(config_file_or_found(args.config_file), Path(args.map) if args.map else None)
    public, commits = changes_to_announce(site, args.since)
    if not public:
        print(f"No public handbook pages changed since {args.since}: nothing to announce.")
        return EXIT_CLEAN
    message = build_message(public, args.since, commits, site.site_url)
    return post_announcement(webhook, message, dry_run=args.dry_run,
                             announced=f"Announced {len(public)} changed page{'s' if len(public) != 1 else ''} "
                                       f"since {args.since}.")


# --- wiring ---------------------------------------------------------------------------------


def register(subparsers: argparse._SubParsersAction) -> None:
    discord = subparsers.add_parser(
        "discord", help="pull a Discord server into the channel map, plan and apply the map, announce changes",
        description="Keep a Discord server in step with channel_map.yml. The bot token comes from "
                    f"{TOKEN_ENV}; the server from the map's server.guild_id, --guild or {GUILD_ENV}.")
    commands = discord.add_subparsers(dest="discord_command", metavar="COMMAND")
    discord.set_defaults(run=lambda args: (discord.print_help(), EXIT_ERROR)[1])

    def common(parser: argparse.ArgumentParser, *, server: bool = True) -> None:
        config_option(parser, "; the map is its plugin's `channel_map`")
        parser.add_argument("--map", metavar="PATH", help="the channel map file, instead of reading mkdocs.yml")
        if server:
            discord_state.state_file_option(parser)
            parser.add_argument("--guild", metavar="ID", help=f"the server id when the map has none (or {GUILD_ENV})")
            parser.add_argument("--public-log", action="store_true",
                                help="name no private channel the map does not list, as in a pull-request "
                                     "comment: for CI logs anyone may read")
            parser.add_argument("--max-wait", type=float, default=60.0, metavar="SECONDS",
                                help="most seconds to wait for Discord's rate limits in all; past it a change "
                                     "is reported as pending (default: %(default)s)")

    pull = commands.add_parser("pull", help="merge the server's channels, roles and permissions into the map")
    common(pull)
    pull.add_argument("--check", action="store_true", help="write nothing; exit 1 when the map would change")
    pull.set_defaults(run=run_pull)

    plan = commands.add_parser("plan", help="show what apply would change on the server (writes nothing)")
    common(plan)
    format_option(plan, "markdown")
    discord_state.plan_options(plan)
    plan.add_argument("--allow-delete", action="store_true",
                      help="also plan deleting channels that are on the server but not in the map")
    plan.set_defaults(run=run_plan)

    apply = commands.add_parser("apply", help="change the server to match the map")
    common(apply)
    apply.add_argument("--yes", action="store_true", help="do not ask before changing the server")
    apply.add_argument("--allow-delete", action="store_true",
                       help="delete channels that are on the server but not in the map (cannot be undone)")
    apply.set_defaults(run=run_apply)

    audit = commands.add_parser("audit", help="check the live server against the promises the map makes",
                                description="Check the live server against the handbook's promises: private "
                                            "spaces stay private, powerful permissions only for roles the map "
                                            "lists, the bot below the moderators. Exit 1 on any finding.")
    common(audit)
    format_option(audit)
    audit.set_defaults(run=run_audit)

    invite = commands.add_parser("invite", help="print the link that adds the bot with the permissions it needs",
                                 description="Print the OAuth2 link that adds the bot to a server with exactly the "
                                             "permissions handbook needs, and what needs each. No token needed.")
    invite.add_argument("--app-id", required=True, metavar="ID",
                        help="the application's id (Developer Portal → General Information → Application ID)")
    invite.add_argument("--map", metavar="PATH", help="the channel map: one that manages the server's settings, "
                                                      "onboarding, welcome screen or AutoMod asks for Manage Server too")
    format_option(invite)
    invite.set_defaults(run=run_invite)

    announce = commands.add_parser("announce", help="post a summary of handbook changes to a Discord webhook")
    common(announce, server=False)
    announce.add_argument("--since", metavar="REF", help="a git commit, tag or branch")
    announce.add_argument("--reviews", action="store_true",
                          help="announce the pages due for review within --due-within, grouped by owner")
    review_commands.due_within_option(announce)
    announce.add_argument("--ping", action="store_true",
                          help="with --reviews: notify the owning Discord roles (otherwise they are only named)")
    announce.add_argument("--dry-run", action="store_true", help="print the message instead of posting it")
    announce.set_defaults(run=run_announce)
