"""A copy of this repository's handbook whose outward links all point at a local server.

Every external URL of the pages and of communities.yml becomes `http://127.0.0.1:PORT/<host>/<path>`
on one `LinkServer` (Discord invites stay as they are: they are checked through the fake invite
endpoint that `HANDBOOK_DISCORD_API_URL` points at). One page gets a link that is dead and one a
link that moved permanently, on lines the tests know.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from link_servers import Reply, json_reply, redirect
from paths import ROOT

URL = re.compile(r"https?://[^\s)>\"'\]`]+")
DEAD_PAGE = "docs/habits/tiny-habits.md"  # the page the copy adds a dead and a moved link to
FAST = """      link_check:
        timeout: 2
        retries: 0
        delay: 0
        concurrency: 4
"""
ALIVE_INVITE = {"code": "x", "expires_at": None, "approximate_member_count": 321, "approximate_presence_count": 12}


@dataclass
class LocalHandbook:
    root: Path
    dead_url: str
    dead_line: int
    moved_url: str
    moved_line: int


def local_url(base: str, url: str) -> str:
    return f"{base}/{url.split('://', 1)[1]}"


def copy_handbook(tmp_path: Path, base: str, extra_config: str = "") -> LocalHandbook:
    root = tmp_path / "handbook"
    shutil.copytree(ROOT / "docs", root / "docs")
    for name in ("channel_map.yml", "communities.yml"):
        shutil.copy(ROOT / name, root / name)

    def rewrite(match: re.Match) -> str:
        url = match.group(0)
        if "discord.gg/" in url or "/invite/" in url:
            return url
        return local_url(base, url)

    for path in [*root.joinpath("docs").rglob("*.md"), root / "communities.yml"]:
        path.write_text(URL.sub(rewrite, path.read_text(encoding="utf-8")), encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"      link_check:.*?\n(?=\S)", FAST + extra_config + "\n", config, flags=re.S)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    page = root / DEAD_PAGE
    text = page.read_text(encoding="utf-8").rstrip("\n")
    dead, moved = f"{base}/old-study", f"{base}/old-home"
    text += f"\n\nAn [old study]({dead}) that is gone.\n\nOur [old home]({moved}#top) moved.\n"
    page.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    return LocalHandbook(root, dead, next(i for i, l in enumerate(lines, 1) if dead in l),
                         moved, next(i for i, l in enumerate(lines, 1) if moved in l))


def handbook_routes() -> dict[str, list[Reply]]:
    """The server's special answers; every other path is 200."""
    return {
        "/old-study": [Reply(404)],
        "/old-home": [redirect(301, "/new-home")],
        "/new-home": [Reply(200)],
        "/api/invites/obsidianmd": [json_reply(200, {**ALIVE_INVITE, "code": "obsidianmd"})],
        "/api/invites/campfire-practice": [json_reply(404, {"message": "Unknown Invite", "code": 10006})],
    }


def page_of_links(tmp_path: Path, urls: list[str], link_check: str = "") -> Path:
    """A handbook of one page that links to each of `urls` (one per line); its mkdocs.yml.

    `link_check` is the body of the plugin's `link_check:` option, indented by eight spaces.
    """
    root = tmp_path / "links"
    (root / "docs").mkdir(parents=True)
    page = "# Links\n\n" + "".join(f"- [link {i}]({url})\n" for i, url in enumerate(urls))
    (root / "docs" / "index.md").write_text(page, encoding="utf-8")
    options = link_check or "        timeout: 2\n        retries: 0\n        delay: 0\n"
    (root / "mkdocs.yml").write_text("site_name: Links\nplugins:\n  - handbook:\n      history: false\n"
                                     f"      link_check:\n{options}", encoding="utf-8")
    return root / "mkdocs.yml"
