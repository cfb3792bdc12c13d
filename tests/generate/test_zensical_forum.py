"""Under Zensical too (`handbook.site.standalone`), a page with a forum post in discussions.yml
links its own post from its discuss box, and a page without one links the channel."""

from __future__ import annotations

import shutil
import subprocess

from discuss_html import discuss_link
from paths import ROOT
from test_zensical import BIN, ENV, handbook

GUILD, POST = "700000000000000001", "700000000000000009"


def test_zensical_pages_link_their_own_forum_post(tmp_path):
    root = tmp_path / "handbook"
    root.mkdir()
    for name in ("docs", "channel_map.yml", "communities.yml", "mkdocs.yml"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    text = (root / "channel_map.yml").read_text(encoding="utf-8")
    (root / "channel_map.yml").write_text(text.replace("server:\n", f'server:\n  guild_id: "{GUILD}"\n', 1),
                                          encoding="utf-8")
    (root / "discussions.yml").write_text(f'posts:\n  habits/tiny-habits.md:\n    post: "{POST}"\n'
                                          "    path: habits/tiny-habits.md\n", encoding="utf-8")
    for command in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "Import the handbook"]):
        subprocess.run(["git", *command], cwd=root, check=True, env=ENV)
    assert handbook("generate", cwd=root).returncode == 0
    result = subprocess.run([str(BIN / "zensical"), "build", "--clean"], cwd=root, capture_output=True, text=True,
                            env=ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    page = (root / "site" / "habits" / "tiny-habits" / "index.html").read_text(encoding="utf-8")
    assert discuss_link(page)["href"] == f"https://discord.com/channels/{GUILD}/{POST}"
    other = (root / "site" / "habits" / "tracking" / "index.html").read_text(encoding="utf-8")
    assert discuss_link(other)["href"] != f"https://discord.com/channels/{GUILD}/{POST}"
