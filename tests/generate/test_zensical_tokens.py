"""Under Zensical too (the `handbook.site.standalone` extension, no MkDocs plugin), a token or
webhook URL pasted into a page never reaches the published page."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from sitekit import commit_all, write_files

BIN = Path(sys.executable).parent
BOT_TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GAbCdE.abcdefghijklmnopqrstuvwxyz0123456789AB"
WEBHOOK = "https://discord.com/api/webhooks/423456789012345699/Zx9-" + "q" * 60
MKDOCS_YML = """\
site_name: Test Handbook
theme:
  name: material
markdown_extensions:
  - handbook.site.standalone
plugins:
  - handbook:
      drift: ignore
"""


def test_a_token_in_a_page_is_left_out_of_the_zensical_site(tmp_path):
    page = (f"# Bot setup\n\nOur bot logs in with {BOT_TOKEN} for now.\n\n"
            f"```yaml\ntoken: \"{BOT_TOKEN}\"\nhook: {WEBHOOK}\n```\n")
    write_files(tmp_path, {"mkdocs.yml": MKDOCS_YML, "docs/index.md": "# Home\n", "docs/bots.md": page})
    commit_all(tmp_path, "Add the bot page")
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([str(BIN / "zensical"), "build", "--clean"], cwd=tmp_path, capture_output=True,
                            text=True, env=env)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stdout + result.stderr
    leaks = [p.relative_to(tmp_path / "site").as_posix() for p in (tmp_path / "site").rglob("*")
             if p.is_file() and any(s.encode() in p.read_bytes() for s in (BOT_TOKEN[-20:], "Zx9-qqqq"))]
    assert leaks == []
    html = next((tmp_path / "site").glob("bots*/index.html"), None) or tmp_path / "site" / "bots.html"
    text = html.read_text(encoding="utf-8")
    assert "Our bot logs in with [token removed] for now." in text
    visible = re.sub(r"<[^>]+>", "", text)  # the code block's highlighting splits it into spans
    assert visible.count("[token removed]") == 3, visible
    assert BOT_TOKEN not in result.stdout + result.stderr
