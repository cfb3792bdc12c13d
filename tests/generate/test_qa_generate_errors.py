"""QA: `handbook generate` with a broken channel map: one line, exit 2."""

from __future__ import annotations

from qakit import handbook, make_project, one_error_line


def test_generate_with_a_list_map_is_one_line(tmp_path):
    make_project(tmp_path, {"channel_map.yml": "- a\n- b\n"})
    line = one_error_line(handbook(tmp_path, "generate"), "generate")
    assert "channel_map.yml:1:1: the channel map must be a mapping" in line
