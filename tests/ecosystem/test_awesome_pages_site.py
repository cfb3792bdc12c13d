"""Adopting handbook on a site whose nav is awesome-pages' `.pages` files (issue 32).

The shape is a common one: the top `.pages` lists the folders to publish and leaves others out
(`archive/`, `templates/`), and every folder's own `.pages` starts with `- Home: index.md`. The
user's path: add `handbook`, run `handbook sync`, then `check`, `status` and the strict build agree
that all is in step; and a front matter `title` renames a category.
"""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys

import sitekit
import yaml
from ecosystem_site import build_strict

from handbook.cli import main

FOLDERS = {"onboarding": "Getting started", "events": "Events and meetups", "moderation": "Keeping it kind",
           "projects": "Community projects"}
LEFT_OUT = ("archive", "templates")

MKDOCS_YML = """\
site_name: Example community
site_url: https://handbook.example.org/
theme:
  name: material
  features: [navigation.indexes]
plugins:
  - search
  - awesome-pages
  - handbook:
      drift: warn
"""


def docs() -> dict[str, str]:
    files = {"docs/index.md": "# Welcome\n\nStart here.\n",
             "docs/.pages": "nav:\n  - Home: index.md\n" + "".join(f"  - {f}\n" for f in FOLDERS)}
    for folder, heading in {**FOLDERS, **{f: f.title() for f in LEFT_OUT}}.items():
        files[f"docs/{folder}/index.md"] = f"# {heading}\n\nAbout {folder}.\n"
        files[f"docs/{folder}/guide.md"] = "# The guide\n\nSteps.\n"
        files[f"docs/{folder}/.pages"] = "nav:\n  - Home: index.md\n  - guide.md\n"
    return files


def handbook(root, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main([*args, "-f", str(root / "mkdocs.yml")])
    return code, out.getvalue()


def topics(root) -> dict[str, str]:
    groups = yaml.safe_load((root / "channel_map.yml").read_text(encoding="utf-8"))["discord_categories"]
    return {c["name"]: c.get("topic", "") for group in groups for c in group["channels"] if c.get("kind") == "topic"}


def assert_in_step(root) -> None:
    assert handbook(root, "check") == (0, "No drift: every handbook category has its topic channel.\n")
    assert handbook(root, "status", "--offline")[0] == 0
    assert handbook(root, "sync")[1].endswith("nothing to change.\n")


def test_folders_left_out_and_home_labels(tmp_path):
    root = tmp_path
    sitekit.write_files(root, {**docs(), "mkdocs.yml": MKDOCS_YML, ".gitignore": "site/\n"})
    sitekit.commit_all(root, "Start the handbook")

    assert handbook(root, "sync")[0] == 0
    # a channel for each published folder, named after its index page, none for the folders left out
    assert {name: topic.split(":")[0] for name, topic in topics(root).items()} == \
        {folder: title for folder, title in FOLDERS.items()}
    sitekit.commit_all(root, "Adopt handbook", date="2024-04-01T10:00:00+00:00")
    assert_in_step(root)
    site = build_strict(root)
    assert site.aborted is None and site.warnings == [], (site.aborted, site.warnings)
    assert site.categories() == FOLDERS  # not eight times "Home"

    # the fix a person reaches for, front matter `title`, renames the category everywhere
    index = root / "docs/events/index.md"
    index.write_text("---\ntitle: Gatherings\n---\n" + index.read_text(encoding="utf-8"), encoding="utf-8")
    sitekit.commit_all(root, "Call them gatherings", date="2024-04-02T10:00:00+00:00")
    code, out = handbook(root, "check")
    assert code == 1 and "[stale-topic]" in out and "Gatherings" in out
    assert [w for w in build_strict(root).warnings if "[stale-topic]" in w]  # the build says the same
    assert handbook(root, "sync")[0] == 0 and topics(root)["events"].startswith("Gatherings")
    sitekit.commit_all(root, "Sync the topics", date="2024-04-03T10:00:00+00:00")
    assert_in_step(root)
    site = build_strict(root)
    assert site.aborted is None and site.warnings == [], (site.aborted, site.warnings)
    assert site.categories()["events"] == "Gatherings"


def test_the_commands_print_no_plugin_order_warning_of_awesome_pages(tmp_path):
    """awesome-pages warns (a Python warning) when a plugin with on_nav comes before it; ours reads
    the nav last, so the commands keep that warning out of their output."""
    sitekit.write_files(tmp_path, {**docs(), "mkdocs.yml": MKDOCS_YML.replace(
        "  - awesome-pages\n  - handbook:\n      drift: warn\n", "  - handbook:\n      drift: warn\n  - awesome-pages\n")})
    sitekit.commit_all(tmp_path, "Start the handbook")
    for command in (["sync"], ["check"], ["status", "--offline"]):
        result = subprocess.run([sys.executable, "-m", "handbook", *command], cwd=tmp_path,
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
        assert result.stderr == "", (command, result.stderr)
