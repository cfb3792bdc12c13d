"""Fuzz: `handbook links check` against a 127.0.0.1 server whose every answer is generated.

Status codes, `Location`, `Retry-After`, a `Content-Length` that lies, broken header lines, bodies,
half an answer or none: whatever the server says, the run ends with exit 0 or 1, no traceback,
and `link_status.json` written exactly once, valid, with one entry per link. The checker's clock
and sleep are faked (as in the other link tests), so a `Retry-After: 300` costs no time.
"""

from __future__ import annotations

import contextlib
import functools
import io
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handbook.cli.app import main
from handbook.linkhealth import http, status
from link_handbook import page_of_links
from link_servers import FakeTime, RawServer

PATHS = ["/p0", "/p1", "/p2"]
INVITE_PATH = "/api/invites/fuzzcode"
INVITE_URL = "https://discord.gg/fuzzcode"

SAFE_TEXT = st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), max_size=12)
LOCATIONS = st.one_of(
    st.sampled_from(PATHS + ["p1", "/p0?x#y", "", " ", "//", "ftp://files.example/x", "mailto:a@b.example",
                             "javascript:alert(1)", "http://[::1", "http://x:abc/", "https://example.org:99999/",
                             "http:///nohost", "data:text/plain,hi", "{origin}/p2", "{origin}/p0#frag",
                             "\u00e9t\u00e9", "/%zz", "/" + "a" * 3000]),
    SAFE_TEXT.map(lambda text: "/x" + text),  # never `//host`: no request may leave 127.0.0.1
)
RETRY_AFTER = st.one_of(
    st.sampled_from(["0", "1", "-5", "nan", "inf", "-inf", "1e308", "soon", "", "299.5",
                     "Wed, 21 Oct 2015 07:28:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "Mon, 00 Foo 0000 99:99:99"]),
    st.integers(0, 10_000).map(str),
)
BODIES = st.one_of(
    st.binary(max_size=64),
    st.sampled_from([b"{}", b"[]", b"null", b"[" * 5000, b'{"retry_after": "soon"}', b'{"retry_after": true}',
                     b'{"code": 10006}', b'{"approximate_member_count": "many", "expires_at": 5}', b"\xff\xfe"]),
    st.builds(lambda wait: json.dumps({"retry_after": wait}).encode(),
              st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-10, 10_000))),
)
# The codes the checker treats apart come often (with a modest max_examples, a uniform draw would
# rarely give a 429); any other code comes now and then.
CODES = st.integers(0, 9).flatmap(lambda roll: st.integers(100, 599) if roll == 0 else st.sampled_from(
    [429, 429, 429, 301, 302, 303, 307, 308, 200, 204, 400, 403, 405, 404, 410, 500, 503, 999, 100, 101, 304]))


@st.composite
def answers(draw) -> bytes:
    """One answer, as bytes on the wire."""
    shape = draw(st.sampled_from(["http"] * 8 + ["nothing", "garbage", "half"]))
    if shape == "nothing":
        return b""
    if shape == "garbage":
        return draw(st.sampled_from([b"HELLO\r\n\r\n", b"HTTP/1.1 abc Bad\r\n\r\n", b"\x00\x01\x02", b"HTTP/9 200 OK\r\n\r\n"]))
    code = draw(CODES)
    lines = [f"HTTP/1.1 {code} {draw(st.sampled_from(['OK', '', 'Whatever']))}"]
    if (300 <= code < 400 and draw(st.integers(0, 4))) or draw(st.integers(0, 4)) == 0:
        lines.append(f"Location: {draw(LOCATIONS)}")
    if (code == 429 or draw(st.integers(0, 4)) == 0) and draw(st.integers(0, 2)):
        lines.append(f"Retry-After: {draw(RETRY_AFTER)}")
    body = draw(BODIES)
    if draw(st.booleans()):
        lines.append("Content-Type: application/json")
    length = draw(st.sampled_from(["true", "true", "none", "lie-long", "lie-short", "-1", "abc", "1, 2", "chunked"]))
    if length == "true":
        lines.append(f"Content-Length: {len(body)}")
    elif length == "lie-long":
        lines.append(f"Content-Length: {len(body) + 1000}")
    elif length == "lie-short":
        lines.append(f"Content-Length: {max(len(body) - 3, 0)}")
    elif length == "chunked":
        lines.append("Transfer-Encoding: chunked")
        body = draw(st.sampled_from([b"5\r\nhello\r\n0\r\n\r\n", b"zz\r\nbad\r\n", b"10\r\nshort"]))
    elif length != "none":
        lines.append(f"Content-Length: {length}")
    if draw(st.integers(0, 5)) == 0:
        lines.append(draw(st.sampled_from(["NoColonHere", ": empty name", "Bad Header: x", "X-Long: " + "v" * 9000,
                                           "Content-Encoding: gzip"])))
    if draw(st.booleans()):
        lines.append("Connection: close")
    head = "\r\n".join(lines).encode("latin-1", "replace")
    if shape == "half":
        return head[: draw(st.integers(0, len(head)))]
    return head + b"\r\n\r\n" + body


SCRIPTS = st.fixed_dictionaries({path: st.lists(answers(), min_size=1, max_size=3)
                                 for path in [*PATHS, INVITE_PATH]})


def run_links_check(root: Path, script: dict[str, list[bytes]]) -> tuple[int, str, list[Path], list[str]]:
    """One `links check` of a page linking to each fuzzed path and the invite; what it left."""
    seen: dict[str, int] = {}

    def answer(method: str, path: str) -> bytes:
        replies = script.get(path.split("?", 1)[0], [b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"])
        index = seen.get(path, 0)
        seen[path] = index + 1
        return replies[min(index, len(replies) - 1)].replace(b"{origin}", origin.encode())

    writes: list[Path] = []
    fake = FakeTime()
    with RawServer(answer) as server, pytest.MonkeyPatch.context() as patch:
        origin = server.url
        urls = [server.url + path for path in PATHS] + [INVITE_URL]
        config = page_of_links(root, urls, "        timeout: 2\n        retries: 1\n        delay: 0\n")
        patch.setenv("HANDBOOK_DISCORD_API_URL", server.url + "/api")
        patch.setattr(http, "check_links", functools.partial(http.check_links, clock=fake.clock, sleep=fake.sleep))
        original_write = status.write_atomic

        def counted_write(path, text, *args, **kwargs):
            writes.append(Path(path))
            return original_write(path, text, *args, **kwargs)

        patch.setattr(status, "write_atomic", counted_write)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["links", "check", "-f", str(config)])
    return code, err.getvalue(), writes, urls


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(script=SCRIPTS)
def test_any_answer_is_a_result_and_the_status_file_is_written_once(script):
    with tempfile.TemporaryDirectory(prefix="handbook-links-fuzz-") as folder:
        code, err, writes, urls = run_links_check(Path(folder), script)
        assert code in (0, 1), err
        assert "Traceback" not in err and err == "", err
        status_path = Path(folder) / "links" / "link_status.json"
        assert writes == [status_path]
        loaded = status.load_status(status_path, "link_status.json")  # valid: it loads without a complaint
        assert loaded is not None
        entries = json.loads(status_path.read_text(encoding="utf-8"))["links"]
        assert sorted(entry["url"] for entry in entries) == sorted(urls)  # each link exactly once
        assert code == (1 if any(r.status in ("dead", "unreachable") for r in loaded.links.values()) else 0)
