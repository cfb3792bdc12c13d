"""QA: an e-mail address in a commit subject or a `Changelog:` line never reaches the built site
(changelog page, feed, search index): it is shown as its local part, as author addresses are."""

from __future__ import annotations

import gzip
import re

from qakit import handbook, make_project
from sitekit import build_site, commit_all

ADDRESS = re.compile(rb"[\w.+-]+@example\.(org|net)")


def test_no_address_from_a_subject_reaches_the_site(tmp_path):
    root = make_project(tmp_path)
    assert handbook(root, "sync").returncode == 0
    commit_all(root, "map")
    (root / "docs" / "habits" / "index.md").write_text("# Habits\n\nMore.\n", encoding="utf-8")
    commit_all(root, "Ping bob@example.org about habits")
    (root / "docs" / "tools" / "index.md").write_text("# Tools\n\nMore.\n", encoding="utf-8")
    commit_all(root, "tools: more\n\nChangelog: Thanks to <carol@example.net> for the tools page")
    built = build_site(root)
    assert built.aborted is None, built.errors
    found = []
    for path in (root / "site").rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".gz"):
            data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
            found += [(path.name, m.group(0)) for m in ADDRESS.finditer(data)]
    assert not found, found
    changelog = (root / "site" / "changelog" / "index.html").read_text(encoding="utf-8")
    assert "Ping bob about habits" in changelog and "Thanks to carol for the tools page" in changelog
