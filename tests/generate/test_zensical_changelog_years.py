"""The changelog's yearly pages under Zensical: `handbook generate` writes them, a real
`zensical build` builds them, and an archived month's old address still finds its year's page."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from changelog_years import Page, make_years_site
from cli_run import run

BIN = Path(sys.executable).parent
ZENSICAL_YML = """\
site_name: Test Handbook
site_url: https://handbook.example.org/
docs_dir: docs
site_dir: zensical-site
markdown_extensions:
  - toc:
      permalink: true
  - handbook.site.standalone:
      channel_map: channel_map.yml
"""


def test_zensical_builds_the_year_pages_and_the_old_month_addresses(tmp_path, capsys, monkeypatch):
    made = make_years_site(tmp_path / "handbook")
    monkeypatch.chdir(made.root)
    assert run(capsys, "generate").code == 0
    (made.root / "zensical.yml").write_text(ZENSICAL_YML, encoding="utf-8")
    env = {**os.environ, "TZ": "UTC", "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}
    result = subprocess.run([str(BIN / "zensical"), "build", "--clean", "-f", "zensical.yml"], cwd=made.root,
                            capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    site = made.root / "zensical-site"
    changelog = Page(site, "changelog/")
    for year, month, old_id in [(2024, 6, "june-2024"), (2023, 11, "november-2023"), (2022, 1, "january-2022")]:
        assert changelog.ids[old_id]["<tag>"] == "span"
        assert changelog.resolve(changelog.link_in[old_id]) == (f"changelog/{year}/", old_id)
        year_page = Page(site, f"changelog/{year}/")
        assert year_page.ids[old_id]["<tag>"] == "h2"
        assert set(made.by_month[(year, month)]) <= set(year_page.entries)
    back = dict((text, href) for href, text in Page(site, "changelog/2023/").links)["Recent changes"]
    assert Page(site, "changelog/2023/").resolve(back)[0] == "changelog/"
