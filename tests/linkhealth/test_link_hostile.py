"""`handbook links check` against hostile servers: every answer a server can give is a result.

Real HTTP on 127.0.0.1 (`link_servers`); the checker's clock and sleep are faked, so waits are
counted, never waited.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from handbook.cli.app import main
from handbook.linkhealth import http
from link_handbook import page_of_links
from link_servers import DripServer, FakeTime, LinkServer, Reply, redirect
from sitekit import build_site
from unprivileged import unprivileged

SETTINGS = http.Settings(timeout=2, retries=0, backoff=0.25, limits=http.HostLimits(concurrency=2))


def check(urls: list[str], settings: http.Settings = SETTINGS) -> tuple[dict[str, http.LinkOutcome], FakeTime]:
    fake = FakeTime()
    found, _ = http.check_links([http.Target(u) for u in urls], settings, clock=fake.clock, sleep=fake.sleep)
    return found, fake


HOSTILE = {
    "/429-bare": [Reply(429), Reply(200)],
    "/429-soon": [Reply(429, {"Retry-After": "soon"}), Reply(200)],
    "/429-nan": [Reply(429, {"Retry-After": "nan"}), Reply(200)],
    "/429-json-deep": [Reply(429, {"Content-Type": "application/json"}, b"[" * 50_000), Reply(200)],
    "/429-always": [Reply(429)],
    "/to-ftp": [redirect(301, "ftp://files.example.org/x")],
    "/to-mailto": [redirect(302, "mailto:someone@example.org")],
    "/to-javascript": [redirect(302, "javascript:alert(1)")],
    "/to-bad-ipv6": [redirect(302, "http://[::1")],
    "/to-bad-port": [redirect(307, "http://x:abc/")],
    "/to-big-port": [redirect(301, "https://example.org:99999/")],
}


@pytest.fixture
def server():
    with LinkServer(dict(HOSTILE)) as running:
        yield running


@pytest.mark.parametrize("path", ["/429-bare", "/429-soon", "/429-nan", "/429-json-deep"])
def test_a_429_without_a_readable_retry_after_backs_off_then_asks_again(server, path):
    found, fake = check([server.url + path])
    assert found[server.url + path].status == "ok"
    assert fake.sleeps == [0.25]  # the backoff, as Retry-After said nothing usable
    assert server.count(path) == 2


def test_a_lasting_429_is_unreachable_rate_limited(server):
    found, fake = check([server.url + "/429-always"])
    outcome = found[server.url + "/429-always"]
    assert (outcome.status, outcome.code) == ("unreachable", 429)
    assert outcome.error.startswith("rate limited")
    assert fake.sleeps == [0.25, 0.5, 1.0, 2.0, 4.0]  # doubling, then it gives up


@pytest.mark.parametrize("path, code, why", [
    ("/to-ftp", 301, "redirects to ftp://files.example.org/x, not a web address: ftp: is not http or https"),
    ("/to-mailto", 302, "redirects to mailto:someone@example.org, not a web address: mailto: is not http or https"),
    ("/to-javascript", 302, "redirects to javascript:alert(1), not a web address: javascript: is not http or https"),
    ("/to-bad-ipv6", 302, "redirects to http://[::1, not a web address: it cannot be read: Invalid IPv6 URL"),
    ("/to-bad-port", 307, "redirects to http://x:abc/, not a web address: its port is not a number up to 65535"),
    ("/to-big-port", 301, "redirects to https://example.org:99999/, not a web address: "
                          "its port is not a number up to 65535"),
])
def test_a_redirect_to_something_that_is_not_a_web_address_is_dead(server, path, code, why):
    found, _ = check([server.url + path])
    outcome = found[server.url + path]
    assert (outcome.status, outcome.code, outcome.error) == ("dead", code, why)
    assert len(server.requests) == 1  # nothing asked of the address it points at


@pytest.mark.parametrize("url, why", [
    ("https://example.org:99999/", "its port is not a number up to 65535"),
    ("http://x:abc/", "its port is not a number up to 65535"),
    ("http:///no-host", "it has no host name"),
])
def test_a_link_that_is_not_a_web_address_is_dead_without_a_request(url, why):
    found, fake = check([url])
    assert (found[url].status, found[url].code, found[url].error) == ("dead", None, f"not a web address: {why}")
    assert fake.sleeps == []


def test_links_check_writes_a_result_for_every_hostile_answer(tmp_path, server, capsys):
    urls = [server.url + path for path in HOSTILE] + ["https://example.org:99999/", "http://x:abc/"]
    config = page_of_links(tmp_path, urls, "        timeout: 2\n        retries: 0\n        delay: 0\n"
                                           "        backoff: 0.001\n")
    assert main(["links", "check", "-f", str(config)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    links = json.loads((config.parent / "link_status.json").read_text(encoding="utf-8"))["links"]
    assert sorted(link["url"] for link in links) == sorted(urls)
    statuses = {link["url"].removeprefix(server.url): link["status"] for link in links}
    assert statuses == {"/429-bare": "ok", "/429-soon": "ok", "/429-nan": "ok", "/429-json-deep": "ok",
                        "/429-always": "unreachable", "/to-ftp": "dead", "/to-mailto": "dead",
                        "/to-javascript": "dead", "/to-bad-ipv6": "dead", "/to-bad-port": "dead",
                        "/to-big-port": "dead", "https://example.org:99999/": "dead", "http://x:abc/": "dead"}


# --- a server that drips its headers: the timeout and the budget are deadlines for the whole answer


def test_a_server_that_drips_its_headers_times_out():
    with DripServer() as server:
        found, _ = check([server.url], http.Settings(timeout=0.3, retries=1, backoff=0.01))
        outcome = found[server.url]
        assert (outcome.status, outcome.error) == ("unreachable", "no answer within 0.3 s")
        assert len(server.requests) == 2  # one try and one retry, each cut at the timeout


def test_the_budget_ends_a_dripping_answer_and_leaves_the_link_unchecked():
    with DripServer() as server:
        found, _ = check([server.url], http.Settings(timeout=60, budget=1, retries=2))
        outcome = found[server.url]
        assert (outcome.status, outcome.error) == ("unchecked", "the time budget ran out before its answer came")
        assert len(server.requests) == 1  # no retry once the budget is spent


@pytest.mark.parametrize("options, status, error", [
    ("        timeout: 0.3\n", "unreachable", "no answer within 0.3 s"),
    ("        timeout: 60\n        budget: 1\n", "unchecked", "the time budget ran out before its answer came"),
])
def test_links_check_honours_its_timeout_and_budget_against_a_dripping_server(tmp_path, options, status, error):
    with DripServer() as server:
        config = page_of_links(tmp_path, [server.url], options + "        retries: 0\n        delay: 0\n")
        assert main(["links", "check", "-f", str(config)]) == (1 if status == "unreachable" else 0)
    [link] = json.loads((config.parent / "link_status.json").read_text(encoding="utf-8"))["links"]
    assert (link["url"], link["status"], link["error"]) == (server.url, status, error)


# --- a status file that cannot be written is known before the first request -------------------


def test_a_read_only_status_file_stops_links_check_before_any_request(tmp_path, monkeypatch, capsys):
    if os.geteuid() == 0:  # root may write anything: let the file say it is read-only, as for a person
        monkeypatch.setattr(os, "access", lambda p, mode, **kw: not (mode & os.W_OK and str(p).endswith(".json")))
    with LinkServer({}, default=Reply(200)) as server:
        config = page_of_links(tmp_path, [server.url + "/fine"])
        status = config.parent / "link_status.json"
        status.write_text('{"version": 1, "checked_at": null, "links": []}\n', encoding="utf-8")
        status.chmod(0o444)
        assert main(["links", "check", "-f", str(config)]) == 2
        assert server.requests == []
    assert capsys.readouterr().err == (
        "handbook links check: error: link_status.json: is read-only, so it was not changed. "
        "Fix: make it writable (chmod u+w), or run the command where you may write it\n")


def test_a_read_only_folder_stops_links_check_before_any_request():
    """As an unprivileged user (root may write anywhere), through util-linux's runuser."""
    base = Path(tempfile.mkdtemp(prefix="handbook-links-ro-", dir="/tmp"))
    try:
        with LinkServer({}, default=Reply(200)) as server:
            config = page_of_links(base, [server.url + "/fine"])
            for folder in (base, *[p for p in base.rglob("*") if p.is_dir()]):
                folder.chmod(0o755)
            config.parent.chmod(0o555)
            command = unprivileged([sys.executable, "-m", "handbook.cli", "links", "check"])
            env = {**os.environ, "HOME": str(base), "NO_MKDOCS_2_WARNING": "1"}
            result = subprocess.run(command, cwd=config.parent, env=env, capture_output=True, text=True,
                                    timeout=120)
            assert server.requests == []
        assert (result.returncode, result.stdout) == (2, ""), result.stderr
        assert result.stderr == (
            f"handbook links check: error: link_status.json: cannot be written: its folder {config.parent} is "
            "read-only, so it was not changed. Fix: make the folder writable (chmod u+w), or run the command "
            "where you may write it\n")
        assert not (config.parent / "link_status.json").exists()
    finally:
        os.chmod(base / "links", 0o755)
        shutil.rmtree(base)


def test_a_status_file_in_a_missing_folder_stops_links_check_before_any_request(tmp_path, capsys):
    with LinkServer({}, default=Reply(200)) as server:
        config = page_of_links(tmp_path, [server.url + "/fine"])
        config.write_text(config.read_text(encoding="utf-8").replace(
            "      history: false\n", "      history: false\n      link_status: reports/link_status.json\n"),
            encoding="utf-8")
        assert main(["links", "check", "-f", str(config)]) == 2
        assert server.requests == []
    assert capsys.readouterr().err == (
        f"handbook links check: error: reports/link_status.json: cannot be written: its folder "
        f"{config.parent / 'reports'} does not exist. Fix: create the folder, or point the option that names "
        "the file elsewhere\n")


# --- addresses no server could be asked at, in the pages and in communities.yml -------------------


def test_a_page_link_that_cannot_be_read_is_a_dead_result(tmp_path, capsys):
    config = page_of_links(tmp_path, ["http://[::1/x", "https://[::1]:99999/"])
    assert main(["links", "check", "-f", str(config)]) == 1
    links = json.loads((config.parent / "link_status.json").read_text(encoding="utf-8"))["links"]
    # markdown-it has percent-encoded the first on its way out of the page
    assert [(link["url"], link["status"], link["error"]) for link in links] == [
        ("http://:1%5B:/x", "dead", "not a web address: it has no host name"),
        ("https://[::1]:99999/", "dead", "not a web address: its port is not a number up to 65535")]
    assert "Traceback" not in capsys.readouterr().err


def test_a_link_urlsplit_cannot_read_is_a_dead_result_and_no_traceback():
    found, fake = check(["http://[::1/x"])
    assert (found["http://[::1/x"].status, found["http://[::1/x"].error) == (
        "dead", "not a web address: it cannot be read: Invalid IPv6 URL")


@pytest.mark.parametrize("command", ["links check", "build"])
def test_a_community_url_with_a_bad_port_is_one_line_in_links_check_and_the_build(tmp_path, capsys, command):
    config = page_of_links(tmp_path, [])
    (config.parent / "communities.yml").write_text("- name: X\n  url: 'http://[::1'\n  description: d\n",
                                                   encoding="utf-8")
    expected = ("communities.yml:2:8: `url` of community `X` is not a web address: 'http://[::1' "
                "(it cannot be read: Invalid IPv6 URL)")
    if command == "links check":
        assert main(["links", "check", "-f", str(config)]) == 2
        assert capsys.readouterr().err == (f"handbook links check: error: {expected}. "
                                           "Fix: write the full address, starting with https://\n")
    else:
        built = build_site(config.parent)
        assert built.aborted and any(expected in e for e in built.errors), built.errors
