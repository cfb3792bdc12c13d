"""QA: `mkdocs build` with a channel_map option that is not a file: MkDocs' message, no traceback."""

from __future__ import annotations

import pytest
from qakit import make_project
from sitekit import build_site



@pytest.mark.parametrize("value", ["docs", "''"])
def test_build_with_channel_map_option_naming_a_folder_stops_with_a_message(tmp_path, value):
    make_project(tmp_path, {"mkdocs.yml": f"site_name: Q\ntheme:\n  name: material\nplugins:\n"
                                          f"  - handbook:\n      channel_map: {value}\n"})
    built = build_site(tmp_path)
    assert built.aborted is not None
    assert any("is a folder, not a file" in m for m in built.errors), built.errors
