"""The repository's own handbook builds strictly, with MkDocs and with ProperDocs."""

import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from handbook.cli import main
from sitekit import build_site, commit_all, write_files
from paths import ROOT



class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.headings: list[str] = []
        self._in_h1 = False

    def handle_starttag(self, tag, attrs):
        self._in_h1 = tag == "h1"

    def handle_data(self, data):
        if self._in_h1 and data.strip():
            self.headings.append(data.strip())
            self._in_h1 = False


SHALLOW_WARNING = (
    "handbook: This git clone is shallow, so creation dates and older changes are unknown and are not shown. "
    "Fetch the full history (GitHub Actions: `fetch-depth: 0` for actions/checkout; otherwise "
    "`git fetch --unshallow`)."
)


def expected_warnings() -> list[str]:
    """None in a full clone; in a shallow one (`git clone --depth 1`), the one warning that says so."""
    shallow = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=ROOT, capture_output=True,
                             text=True).stdout.strip() == "true"
    return [SHALLOW_WARNING] if shallow else []


def test_own_handbook_builds_without_a_single_warning(tmp_path):
    built = build_site(ROOT, site_dir=tmp_path / "site")  # in place: its git history is the real one
    assert built.warnings == expected_warnings()
    parser = _Text()
    parser.feed(built.html("guidelines/moderation/index.html"))
    assert parser.headings[0] == "Moderation"
    assert (built.site_dir / "discord-manual/glossary/index.html").is_file()
    assert (built.site_dir / "search/search_index.json").is_file()


def test_own_handbook_builds_strictly_with_properdocs(tmp_path):
    repo = ROOT
    properdocs = Path(sys.executable).with_name("properdocs")
    result = subprocess.run([str(properdocs), "build", "--strict", "-f", "mkdocs.yml", "-d", str(tmp_path / "out")],
                            cwd=repo, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    warnings = [line.split("-", 1)[1].strip() for line in result.stderr.splitlines() if line.startswith("WARNING")]
    assert warnings == expected_warnings(), result.stderr
    assert result.returncode == (1 if warnings else 0), result.stderr
    if not warnings:
        out = tmp_path / "out"
        for page in ("index.html", "channels/index.html", "roles/index.html", "changelog/index.html"):
            assert (out / page).is_file(), page
        topic = (out / "habits" / "tiny-habits" / "index.html").read_text(encoding="utf-8")
        assert 'class="handbook-discuss__channel"' in topic and "#habits" in topic
        assert 'class="handbook-mention"' in (out / "habits" / "index.html").read_text(encoding="utf-8")


def test_own_channel_map_is_in_step(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    assert main(["check"]) == 0, capsys.readouterr().out


def test_a_small_community_site_builds_with_the_plugin(tmp_path):
    write_files(tmp_path, {
        "mkdocs.yml": "site_name: Small Circle\ntheme:\n  name: material\nplugins:\n  - search\n  - handbook\n",
        "docs/index.md": "# Welcome\n\nA small circle of people who sketch together.\n",
        "docs/sketching/index.md": "# Sketching\n\nOne sketch a day.\n",
        "channel_map.yml": "discord_categories:\n  - name: Topics\n    channels:\n"
                           "      - name: sketching\n        kind: topic\n        category: sketching\n",
    })
    commit_all(tmp_path, "Our first handbook", date="2025-06-01T12:00:00+00:00")
    built = build_site(tmp_path)
    assert built.warnings == []
    assert "One sketch a day." in built.html("sketching/index.html")
    assert (built.site_dir / "changelog" / "index.html").is_file()
