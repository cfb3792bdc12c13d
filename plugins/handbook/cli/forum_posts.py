"""`handbook discord plan | apply | pull` for forum posts: the command-line edges around
`discord.forum_plan`, `forum_apply` and `forum_pull`.

Forum posts need the handbook's pages, so they are planned when the command works on a project
(`-f`, or no `--map` and a mkdocs.yml here), as `pull` links topic channels only then. The post ids
go to discussions.yml beside the map.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from handbook.cli.common import EXIT_CLEAN, EXIT_ERROR, EXIT_PENDING

if TYPE_CHECKING:
    from handbook.channelmap.discussions import Discussions
    from handbook.channelmap.model import ChannelMap
    from handbook.discord.forum_pages import Forum
    from handbook.discord.forum_plan import ForumPlan, ServerForums


@dataclass
class Edges:
    """What these commands share with `handbook.cli.discord` (passed in: no import back)."""

    say: Any
    confirm: Callable[[str], bool]
    lock: Callable[..., Any]
    make_client: Callable[[argparse.Namespace], Any]
    load_map: Callable[..., ChannelMap]
    guild_id_for: Callable[..., str]


@dataclass
class Posts:
    """What planning posts needs besides the server: the project (its pages and options)."""

    project: Any
    map_path: Path

    @property
    def root(self) -> Path:
        return self.project.root

    @property
    def docs_dir(self) -> Path:
        return self.project.docs_dir

    def forums(self, channel_map: ChannelMap) -> list[Forum]:
        """The map's forums with their pages (read only when the map has a forum)."""
        from handbook.discord.forum_pages import forums_of
        from handbook.site.publication import load_site

        if not any(c.is_forum for c in channel_map.topic_channels()):
            return []
        return forums_of(channel_map, self.project.categories(), load_site(self.project.config_file, self.map_path))


def _project(args: argparse.Namespace) -> Posts | None:
    """The project the command works on, read once per command (None with `--map` alone)."""
    cached = vars(args).get("_forum_posts", False)
    if cached is not False:
        return cached
    from handbook.project import find_config_file, load_project

    found: Posts | None = None
    named_map = getattr(args, "map", None)
    if args.config_file or (not named_map and find_config_file() is not None):
        project = load_project(args.config_file)
        found = Posts(project, Path(named_map) if named_map else project.map_path)
    vars(args)["_forum_posts"] = found
    return found


def prepare(args: argparse.Namespace, channel_map: ChannelMap) -> None:
    """The plugin's `discussions` option on the map's topic channels, before anything is planned."""
    from handbook.discord.forum_pages import apply_discussions_default

    posts = _project(args)
    if posts is not None:
        apply_discussions_default(channel_map, posts.project.options.discussions)


def _discussions(channel_map: ChannelMap) -> Discussions:
    from handbook.channelmap.discussions import discussions_path, load_discussions
    from handbook.project import display_path

    path = discussions_path(channel_map.path)
    return load_discussions(path, display_path(path.resolve(), Path.cwd()))


def read_forums(client, guild_id: str, forums: list[Forum]) -> ServerForums:
    from handbook.channelmap import rules
    from handbook.discord.forum_client import forum_posts
    from handbook.discord.forum_plan import ServerForums

    on_server = {c["id"]: c for c in client.channels(guild_id) if c["type"] == rules.FORUM_TYPE}
    server = ServerForums(on_server, {})
    ids = {found["id"] for forum in forums for found in [server.forum_for(forum.channel)] if found}
    server.posts = {p["id"]: p for p in forum_posts(client, guild_id, ids)}
    server.forums = {i: on_server[i] for i in ids}
    return server


def _renames(posts: Posts, discussions: Discussions) -> dict[str, str]:
    from handbook.history.renames import look_up_page_renames

    gone = [r.path for r in discussions.records.values() if r.path and not (posts.docs_dir / r.path).is_file()]
    return look_up_page_renames(posts.root, posts.docs_dir, gone) if gone else {}


def plan_for(args: argparse.Namespace, client, channel_map: ChannelMap,
             guild_id: str) -> tuple[ForumPlan, Discussions] | None:
    """The forum plan of the map's forums, or None when the handbook has none (or no project)."""
    from handbook.discord.forum_plan import plan_posts

    posts = _project(args)
    if posts is None:
        return None
    prepare(args, channel_map)
    forums = posts.forums(channel_map)
    if not forums:
        return None
    discussions = _discussions(channel_map)
    server = read_forums(client, guild_id, forums)
    return plan_posts(forums, discussions, server, _renames(posts, discussions)), discussions


def apply_posts(args: argparse.Namespace, code: int, edges: Edges) -> int:
    """After the channels' apply (`code`): plan the posts against the server as it is now, and
    carry the plan out. Returns the command's exit code."""
    from handbook.discord.forum_apply import PostApplier, render_post_outcome
    from handbook.discord.forum_plan import render_posts

    posts = _project(args)
    if code == EXIT_ERROR or posts is None or posts.map_path is None:
        return code
    say = edges.say
    path = posts.map_path
    channel_map = edges.load_map(path)  # with the ids the channels' apply recorded
    guild_id = edges.guild_id_for(channel_map, args)
    with edges.lock(path, guild_id, "handbook discord apply"), edges.make_client(args) as client:
        planned = plan_for(args, client, channel_map, guild_id)
        if planned is None:
            return code
        plan, discussions = planned
        say(render_posts(plan))
        if not plan.changes and not plan.records:
            return code
        asked = f"Apply these {len(plan.changes)} forum post changes? [y/N] "
        if plan.changes and not args.yes and not edges.confirm(asked):
            say("No forum post changed.")
            return EXIT_PENDING

        def progress(index: int, total: int, change, status: str) -> None:
            say.step(f"[{index}/{total}] {change.describe()}: {status}")

        applier = PostApplier(client, guild_id, discussions, progress=progress,
                              archive_new=posts.project.options.discussion_posts_archived)
        try:
            outcome = applier.run(plan)
        except (KeyboardInterrupt, BrokenPipeError) as stop:
            why = "interrupted (Ctrl-C)" if isinstance(stop, KeyboardInterrupt) else "the output was closed"
            print(f"handbook discord apply: {why}; every post made so far is in {discussions.path.name}: "
                  "run `handbook discord apply` again to finish", file=sys.stderr)
            return EXIT_ERROR
        say(render_post_outcome(outcome))
        if outcome.failed:
            print(f"handbook discord apply: error: {outcome.failed[1]}", file=sys.stderr)
            return EXIT_ERROR
        if plan.records or outcome.done:
            say(f"Recorded the forum posts in {discussions.path}.")
    return EXIT_PENDING if outcome.pending or code == EXIT_PENDING else EXIT_CLEAN


def pull_posts(args: argparse.Namespace, path: Path, guild_id: str, code: int, edges: Edges) -> int:
    """After the channels' pull (`code`): the server's existing posts linked to their pages in
    discussions.yml (with `--check`: only said). Returns the command's exit code."""
    from contextlib import nullcontext

    from handbook.discord.forum_client import first_message
    from handbook.discord.forum_pull import link_posts

    posts = _project(args)
    if posts is None or not path.exists():
        return code
    channel_map = edges.load_map(path, check_rules=False)
    prepare(args, channel_map)
    forums = posts.forums(channel_map)
    if not forums:
        return code
    say = edges.say
    with nullcontext() if args.check else edges.lock(path, guild_id, "handbook discord pull"), \
            edges.make_client(args) as client:
        discussions = _discussions(channel_map)
        server = read_forums(client, guild_id, forums)
        linked = link_posts(forums, discussions, server, _renames(posts, discussions),
                            lambda post_id: first_message(client, post_id))
    if not linked:
        return code
    say(f"{'Would link' if args.check else 'Linked'} {len(linked)} existing forum post"
        f"{'s' if len(linked) != 1 else ''} to their pages in {discussions.path.name}:")
    for line in linked[:200]:
        say(f"  {line}")
    if args.check:
        return EXIT_PENDING
    discussions.save()
    return code
