"""QA: a malformed HANDBOOK_DISCORD_API_URL or DISCORD_WEBHOOK_URL is one error line (exit 2), and
the webhook URL, a secret, is not shown."""

from __future__ import annotations

import pytest
from qakit import handbook, make_project, one_error_line
from sitekit import commit_all

GUILD = "123456789012345678"


@pytest.mark.parametrize("url", ["http://[::1", "notaurl", "ftp://127.0.0.1/api", "http://"])
def test_bad_api_url_is_one_line_naming_the_variable(tmp_path, url):
    root = make_project(tmp_path)
    result = handbook(root, "discord", "pull", "--guild", GUILD,
                      env={"HANDBOOK_DISCORD_API_URL": url, "DISCORD_TOKEN": "abcdefghijklmnopqrstu"})
    line = one_error_line(result, "discord pull")
    assert "HANDBOOK_DISCORD_API_URL" in line, line
    assert "attempts" not in line  # a URL that cannot work is not retried


def test_bad_webhook_url_is_one_line_without_the_url(tmp_path):
    root = make_project(tmp_path)
    (root / "docs" / "habits" / "index.md").write_text("# Habits\n\nMore.\n", encoding="utf-8")
    commit_all(root, "more habits")
    secret = "http://[::1/api/webhooks/1/s3cr3t-token"
    result = handbook(root, "discord", "announce", "--since", "HEAD~1", env={"DISCORD_WEBHOOK_URL": secret})
    line = one_error_line(result, "discord announce")
    assert "DISCORD_WEBHOOK_URL" in line and "s3cr3t" not in line, line
