"""Local web servers for the link checker's tests: real HTTP on 127.0.0.1, answers scripted per path.

`LinkServer({"/path": [Reply(...), Reply(...)]})` answers the first request to `/path` with the
first reply, the next with the next, and repeats the last one; every request is recorded as
(method, path), so tests count them. `CASES` holds one route per case of the issue; `invite_routes`
is a fake of Discord's invite endpoint (`GET /invites/{code}?with_counts=true`, documented at
https://discord.com/developers/docs/resources/invite#get-invite) with an alive, an expired
(10006) and a rate-limited invite. `refused_url()` is a port where nothing listens.
`DripServer` sends its headers one line at a time, each soon enough for a per-read timeout;
`RawServer` sends whatever bytes a test gives it (the fuzz test's generated answers).
"""

from __future__ import annotations

import json
import socket
import socketserver
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


@dataclass
class Reply:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    delay: float = 0.0
    only: str | None = None
    """A method this reply is for (e.g. "HEAD"); other methods get the next matching reply."""


def json_reply(status: int, data: object, headers: dict[str, str] | None = None) -> Reply:
    return Reply(status, {"Content-Type": "application/json", **(headers or {})}, json.dumps(data).encode())


def redirect(status: int, to: str) -> Reply:
    return Reply(status, {"Location": to})


CASES: dict[str, list[Reply]] = {
    "/ok": [Reply(200, body=b"<p>fine</p>")],
    "/missing": [Reply(404)],
    "/gone": [Reply(410)],
    "/moved": [redirect(301, "/ok")],
    "/moved-dead": [redirect(301, "/missing")],
    "/perm": [redirect(308, "/ok")],
    "/temp": [redirect(302, "/ok")],
    "/no-head": [Reply(405, only="HEAD"), Reply(200, only="GET")],
    "/slow": [Reply(200, delay=3.0)],
    "/limited": [Reply(429, {"Retry-After": "2"}), Reply(200)],
    "/flaky": [Reply(500), Reply(200)],
    "/loop-a": [redirect(302, "/loop-b")],
    "/loop-b": [redirect(302, "/loop-a")],
}


def invite_routes(prefix: str = "/api") -> dict[str, list[Reply]]:
    alive = {"code": "campfire", "expires_at": None, "approximate_member_count": 1234,
             "approximate_presence_count": 56, "guild": {"id": "1", "name": "Campfire"}}
    return {
        f"{prefix}/invites/campfire": [json_reply(200, alive)],
        f"{prefix}/invites/expired": [json_reply(404, {"message": "Unknown Invite", "code": 10006})],
        f"{prefix}/invites/busy": [json_reply(429, {"message": "You are being rate limited.", "retry_after": 1.5,
                                                    "global": False}),
                                   json_reply(200, {**alive, "code": "busy", "approximate_member_count": 7,
                                                    "approximate_presence_count": 2})],
    }


class LinkServer:
    def __init__(self, routes: dict[str, list[Reply]], default: Reply | None = None) -> None:
        self.routes = routes
        self.default = default or Reply(404)
        """The answer for paths without a route."""
        self.requests: list[tuple[str, str]] = []
        self.seen: dict[str, int] = {}
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # keep test output quiet
                pass

            def _answer(self) -> None:
                path = urlsplit(self.path).path
                reply = server.reply_for(self.command, path, self.path)
                if reply.delay:
                    time.sleep(reply.delay)
                try:
                    self.send_response(reply.status)
                    for key, value in reply.headers.items():
                        self.send_header(key, value)
                    self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    if self.command != "HEAD":
                        self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout test)
                    pass

            do_GET = do_HEAD = _answer

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def reply_for(self, method: str, path: str, raw: str) -> Reply:
        with self.lock:
            self.requests.append((method, raw))
            route = self.routes.get(path, [self.default])
            specific = any(r.only for r in route)  # per-method replies count per method
            replies = [r for r in route if r.only in (None, method)] or [Reply(404)]
            key = (method, path) if specific else path
            index = self.seen.get(key, 0)
            self.seen[key] = index + 1
            return replies[min(index, len(replies) - 1)]

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def count(self, path: str, method: str | None = None) -> int:
        return sum(1 for m, p in self.requests if urlsplit(p).path == path and method in (None, m))

    def __enter__(self) -> LinkServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def refused_url() -> str:
    """A URL on 127.0.0.1 where nothing listens (the port was just free)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/nothing-here"


class FakeTime:
    """A clock that moves only when the checker sleeps; every wait is recorded."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        import asyncio

        self.sleeps.append(seconds)
        self.now += seconds
        await asyncio.sleep(0)


class _SocketServer:
    """A TCP server on 127.0.0.1 that hands each request's head to `respond(sock, method, path)`.

    For servers that must break HTTP in ways `http.server` would not let them; requests are
    recorded as (method, path).
    """

    def __init__(self) -> None:
        self.requests: list[tuple[str, str]] = []
        self.lock = threading.Lock()
        self.stopped = threading.Event()
        server = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                data = b""
                while b"\r\n\r\n" not in data:
                    chunk = self.request.recv(4096)
                    if not chunk:
                        return
                    data += chunk
                method, _, rest = data.split(b"\r\n", 1)[0].decode("latin-1").partition(" ")
                path = rest.rsplit(" ", 1)[0]
                with server.lock:
                    server.requests.append((method, path))
                try:
                    server.respond(self.request, method, path)
                except OSError:  # the client gave up first (a timeout test wants just that)
                    pass

        self.tcp = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.tcp.daemon_threads = True
        self.thread = threading.Thread(target=self.tcp.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def respond(self, sock: socket.socket, method: str, path: str) -> None:
        raise NotImplementedError

    @property
    def origin(self) -> str:
        host, port = self.tcp.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stopped.set()
        self.tcp.shutdown()
        self.tcp.server_close()


class DripServer(_SocketServer):
    """Answers 200 but sends its header lines one by one, `interval` seconds apart, `lines` of them.

    Each line comes well within any per-read timeout, so only a deadline for the whole answer ends
    the wait; after `lines` lines the answer is complete (so a checker without one gets "ok" late,
    instead of hanging the test run).
    """

    def __init__(self, interval: float = 0.05, lines: int = 100) -> None:
        super().__init__()
        self.interval, self.lines = interval, lines

    def respond(self, sock: socket.socket, method: str, path: str) -> None:
        sock.sendall(b"HTTP/1.1 200 OK\r\n")
        for n in range(self.lines):
            if self.stopped.wait(self.interval):
                return
            sock.sendall(f"X-Drip-{n}: {n}\r\n".encode())
        sock.sendall(b"Content-Length: 0\r\n\r\n")

    @property
    def url(self) -> str:
        return self.origin + "/drip"


class RawServer(_SocketServer):
    """Answers each request with the bytes `answer(method, path)` returns, then closes the connection.

    Nothing is checked or added: a test can send a lying Content-Length, a header line without a
    colon, half a status line or nothing at all.
    """

    def __init__(self, answer) -> None:
        super().__init__()
        self.answer = answer

    def respond(self, sock: socket.socket, method: str, path: str) -> None:
        with self.lock:
            reply = self.answer(method, path)
        sock.sendall(reply)
        sock.shutdown(socket.SHUT_WR)

    @property
    def url(self) -> str:
        return self.origin
