"""QA: a placeholder DISCORD_TOKEN (`x`, `test`) does not turn every `x` of an error message into
`[redacted]`; a real-looking token is still never shown."""

from __future__ import annotations

import pytest
from qakit import handbook, one_error_line


@pytest.mark.parametrize("token", ["x", "test", "e"])
def test_error_message_stays_readable_with_a_placeholder_token(tmp_path, token):
    line = one_error_line(handbook(tmp_path, "check", env={"DISCORD_TOKEN": token}), "check")
    assert "[redacted]" not in line, line
    assert "Fix: run handbook in the folder that holds mkdocs.yml" in line


def test_a_real_token_is_still_redacted(tmp_path):
    token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789"
    (tmp_path / token).mkdir()
    result = handbook(tmp_path, "check", "-f", token, env={"DISCORD_TOKEN": token})
    line = one_error_line(result, "check")
    assert token not in line and "[redacted]" in line, line
