"""The `handbook` plugin's options, as MkDocs validates them (`mkdocs.yml` → `plugins: - handbook:`)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class HandbookConfig(base.Config):
    # --- the channel map and drift -------------------------------------------------------------
    channel_map = c.Type(str, default="channel_map.yml")
    """Path of the channel map, relative to `mkdocs.yml`."""
    drift = c.Choice(("warn", "info", "ignore"), default="warn")
    """How drift findings are logged during a build: `warn` makes `mkdocs build --strict` fail."""
    exclude_categories = c.ListOfItems(c.Type(str), default=[])
    """Docs folders that are handbook sections but have no topic channel (e.g. `maintaining`)."""
    topic_channels_category = c.Type(str, default="Handbook Topics")
    """The Discord category that `handbook sync` puts new topic channels into."""

    # --- history and changelog -----------------------------------------------------------------
    history = c.Type(bool, default=True)
    """Read git history once per build: page dates, contributors, the changelog and the feed."""
    changelog = c.Type(str, default="changelog.md")
    """Path of the generated changelog page inside docs ; an empty string turns it off."""
    changelog_limit = c.Type(int, default=100)
    """How many changes the changelog page shows; the feed has them all."""
    changelog_ignore = c.ListOfItems(
        c.Type(str), default=[r"(?i)^\s*(fix(ed)?\s+)?typos?\b", r"(?i)\bwhitespace\b"]
    )
    """Regular expressions: commits whose subject matches one are noise and left out."""
    feed = c.Type(str, default="feed.xml")
    """Path of the Atom feed of handbook changes inside the site; an empty string turns it off."""

    # --- community links -----------------------------------------------------------------------
    mentions = c.Type(bool, default=True)
    """Turn `#channel-name` in page prose into a link to the channel."""
    discuss_links = c.Type(bool, default=True)
    """Show "Discuss this page" under every page of a handbook category."""
    channel_directory = c.Type(str, default="channels.md")
    """Path of the generated channel directory page ; an empty string turns it off."""
    roles_page = c.Type(str, default="roles.md")
    """Path of the generated roles and permissions page ; an empty string turns it off."""
    show_private_names = c.Type(bool, default=False)
    """List private channels by name in the channel directory (never their ids)."""
