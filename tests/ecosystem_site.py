"""One tiny handbook in a real git repository, built with `--strict` beside another plugin.

The compatibility matrix (tests/ecosystem/) builds it once per plugin (and per plugin order where
order could matter) and reads the HTML MkDocs wrote.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sitekit
import yaml
from links_site import Html

JINJA_TOPIC = "Habits: {{ 1 + 1 }} tiny routines {% if broken %}"
"""Text from the map that mkdocs-macros must leave alone."""
JINJA_SUBJECT = "Add the tiny habits page {{ 7 * 6 }}"
"""A commit subject that reaches the changelog and must stay as written."""

CHANNEL_MAP = f"""\
server:
  name: Test Community
  invite: https://discord.gg/test-community
discord_categories:
  - name: Handbook Topics
    channels:
      - name: habits
        kind: topic
        category: habits
        topic: "{JINJA_TOPIC}"
      - name: focus
        kind: topic
        category: focus
        topic: "Focus: deep work"
"""

DOCS = {
    "index.md": "# Welcome\n\nStart with the habits.\n",
    "habits/index.md": "# Habits\n\nTiny routines that last.\n",
    "habits/tiny.md": "# Tiny habits\n\nOne push-up a day.\n",
    "focus/index.md": "# Focus\n\nDeep work.\n",
}


@dataclass
class EcoSite:
    root: Path
    records: list[logging.LogRecord]
    aborted: str | None
    config: Any = None
    """The MkDocs configuration of the build (its plugin objects hold what they found)."""

    def categories(self) -> dict[str, str]:
        """folder -> title of the handbook categories the build found."""
        return {c.folder: c.title for c in self.config.plugins["handbook"].categories}

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    @property
    def warnings(self) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno >= logging.WARNING]

    def exists(self, path: str) -> bool:
        return (self.site_dir / path).exists()

    def text(self, path: str) -> str:
        return (self.site_dir / path).read_text(encoding="utf-8")

    def html(self, path: str) -> Html:
        return Html.parse(self.text(path))

    def assert_handbook_output(self, prefix: str = "", language: str = "en") -> None:
        """Ours is there: the generated pages, "Discuss this page", in the site's language."""
        words = WORDS[language]
        channels = self.html(f"{prefix}channels/index.html")
        assert channels.text_of("h1")[0].startswith(words["channels"])
        assert JINJA_TOPIC.split(" {%")[0] in self.text(f"{prefix}channels/index.html")
        assert self.html(f"{prefix}roles/index.html").text_of("h1")[0].startswith(words["roles"])
        changelog = " ".join(self.html(f"{prefix}changelog/index.html").text_of("article"))
        assert "{{ 7 * 6 }}" in changelog and words["date"] in changelog
        page = self.html(f"{prefix}habits/tiny/index.html")
        assert page.one("a", "handbook-discuss__channel").text == "#habits"
        assert words["discuss"] in page.text_of("aside", "handbook-discuss")[0]


WORDS = {
    "en": {"channels": "Channels", "roles": "Roles and permissions", "discuss": "Discuss this page in #habits",
           "date": "April 2, 2024"},
    "fr": {"channels": "Salons", "roles": "Rôles et permissions", "discuss": "Discuter de cette page dans #habits",
           "date": "2 avril 2024"},
}
"""What our pages say in each language a test builds (the second commit is of April 2, 2024)."""


def make_site(root: Path, plugins: list[Any], *, docs: dict[str, str] | None = None,
              config: dict | None = None, handbook: dict | None = None) -> Path:
    """Write and commit the site. `plugins` lists the other plugins; the string "handbook"
    marks where ours goes (else it comes last)."""
    ours = {"handbook": {"drift": "warn", **(handbook or {})}}
    listed = [ours if p == "handbook" else p for p in plugins]
    if ours not in listed:
        listed.append(ours)
    cfg = {
        "site_name": "Test handbook",
        "site_url": "https://handbook.example.org/",
        "theme": {"name": "material"},
        "plugins": listed,
        **(config or {}),
    }
    sitekit.write_files(root, {f"docs/{path}": text for path, text in (docs or DOCS).items()})
    sitekit.write_files(root, {"channel_map.yml": CHANNEL_MAP})
    (root / "mkdocs.yml").write_text(yaml.safe_dump(cfg, sort_keys=False, allow_unicode=True), encoding="utf-8")
    (root / ".gitignore").write_text("site/\n", encoding="utf-8")
    sitekit.commit_all(root, "Start the handbook")
    sitekit.write_files(root, {"docs/habits/tiny.md": "# Tiny habits\n\nOne push-up a day, then two.\n"})
    sitekit.commit_all(root, JINJA_SUBJECT, date="2024-04-02T10:00:00+00:00")
    return root


def build_strict(root: Path) -> EcoSite:
    """`mkdocs build --strict`, in-process (startup and shutdown events too), every log record kept."""
    built = sitekit.build_site(root, strict=True, as_command=True)
    return EcoSite(root, built.records, built.aborted, built.config)


def build_beside(root: Path, plugins: list[Any], **kwargs: Any) -> EcoSite:
    site = build_strict(make_site(root, plugins, **kwargs))
    assert site.aborted is None and site.warnings == [], (site.aborted, site.warnings)
    return site
