"""A fake Discord API v10 for the tests: a real HTTP server on 127.0.0.1 that keeps one guild.

It behaves the way Discord's API reference (https://discord.com/developers/docs) says the real one does, written here independently of
the package's code so the tests cannot agree with a bug:

- text-like channel names are rewritten (lower case, spaces to `-`, `'` and `.` dropped, runs of
  `-` collapsed, a trailing `-` trimmed); voice and category names are kept;
- 500 channels per guild (30013), 50 per category (50035 on `parent_id`), 250 roles (30005);
- rate-limit headers on every answer, 429 with `retry_after` when a bucket is empty, and the
  sub-limit of 2 name or topic changes per channel per 10 minutes that answers 429 while
  `X-RateLimit-Remaining` is still above 0; an optional global 429;
- 403 with 50013 for a missing permission, 403 with 50001 for a channel the bot cannot see,
  404 with 10003 for a channel that does not exist (5.2, 6.11);
- one parent change per reorder call (40009);
- since 16 November 2026 the channel list omits the channels the bot cannot view (A10);
- overwrites only with permissions the bot holds (a bot may allow or deny only what it holds itself);
- webhooks with Discord's message limits (A9);
- forum channels and their posts, with Discord's limits (`fake_forum.py`);
- the server's settings (`mfa_level` and `verification_level` too, which `handbook discord audit` reads),
  onboarding, welcome screen and AutoMod rules (`fake_discord_server`).

Time comes from an injectable clock, shared with the client in tests, so nothing sleeps.
"""

from __future__ import annotations

import itertools
import json
import re
import socket
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from fake_forum import ForumFake
from fake_discord_server import FakeSetup, route_server

VIEW, SEND, MANAGE_CHANNELS, MANAGE_ROLES, ADMIN = 1 << 10, 1 << 11, 1 << 4, 1 << 28, 1 << 3
READ_HISTORY, CONNECT = 1 << 16, 1 << 20
REACT, PUBLIC_THREADS, PRIVATE_THREADS, SEND_IN_THREADS = 1 << 6, 1 << 35, 1 << 36, 1 << 38
EVERYONE_DEFAULT = VIEW | SEND | READ_HISTORY | CONNECT | REACT | PUBLIC_THREADS | PRIVATE_THREADS | SEND_IN_THREADS
BOT_DEFAULT = VIEW | MANAGE_CHANNELS | MANAGE_ROLES
TEXT_LIKE = {0, 5, 15}
CATEGORY = 4
DROP = -1  # a status that means "close the connection without answering"


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that went away mid-answer (an odd answer it could not read) is not the fake's failure:
        no traceback of the fake's own in the output a test reads."""


class FakeClock:
    """Seconds that pass only when someone sleeps."""

    def __init__(self, start: float = 1_000_000.0) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def discord_normalises(name: str) -> str:
    out = "-".join(name.strip().lower().split())
    out = out.replace("'", "").replace("\u2019", "").replace(".", "")
    out = re.sub("-+", "-", out)
    return out.rstrip("-")


class ApiError(Exception):
    def __init__(self, status: int, code: int, message: str, errors: dict | None = None,
                 headers: dict | None = None, extra: dict | None = None) -> None:
        self.status, self.body = status, {"code": code, "message": message}
        if errors:
            self.body["errors"] = errors
        if extra:
            self.body = extra
        self.headers = headers or {}


@dataclass
class Fault:
    method: str
    pattern: re.Pattern
    status: int
    body: dict
    times: int | None  # None: until cleared
    after: int = 0  # let this many matching requests through first
    done_first: bool = False  # carry the request out, then answer with the fault anyway
    drop: bool = False  # carry the request out, then close the connection without an answer


@dataclass
class Gate:
    """Holds matching requests before the fake reads them, until the test lets them through: two
    processes can then be made to overlap at a known point, whatever their speed."""
    method: str
    pattern: re.Pattern
    after: int = 0  # let this many matching requests through first
    arrived: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)


@dataclass
class Scripted:
    """A raw answer sent instead of the fake's own (`instead`), or after carrying the request out."""
    status: int
    headers: dict = field(default_factory=dict)
    body: bytes = b""
    instead: bool = True
    method: str | None = None  # with `pattern`: only for matching requests (None: the next request)
    pattern: re.Pattern | None = None
    times: int = 1


@dataclass
class Logged:
    method: str
    path: str
    headers: dict
    body: Any
    status: int = 0
    query: dict = field(default_factory=dict)


@dataclass
class FakeDiscord(ForumFake):
    token: str = "fake-bot-token.NzkwMTIzNDU2Nzg5MDEyMzQ1.Gsecret_part_xyz"
    clock: FakeClock = field(default_factory=FakeClock)
    guild_name: str = "Campfire Practice Community"
    route_limit: int = 1000
    """Requests per route bucket per `route_window` seconds (headers report it)."""
    route_window: float = 1.0
    rename_limit: int = 2
    rename_window: float = 600.0

    def __post_init__(self) -> None:
        self._ids = itertools.count(700_000_000_000_000_001)
        self.lock = threading.RLock()
        self.guild_id = self.new_id()
        self.bot_user_id = self.new_id()
        self.roles: dict[str, dict] = {}
        self.channels: dict[str, dict] = {}
        self.log: list[Logged] = []
        self.faults: list[Fault] = []
        self.webhooks: dict[tuple[str, str], list[dict]] = {}
        self.renames: dict[str, list[float]] = {}
        self.windows: dict[str, tuple[float, int]] = {}
        self.global_limit_once: float | None = None
        self.rules_channel_id: str | None = None
        """A Community server's rules channel, which cannot be deleted (50074)."""
        self.features: list[str] = []
        """Guild features; announcement channels need NEWS (a Community server)."""
        self.list_hidden = False
        """True: the channel list still holds channels the bot cannot view (before 16 November 2026)."""
        self.gates: list[Gate] = []
        self.script: list[Scripted] = []
        """Raw answers for the next requests, one each, in order (fuzz tests generate them)."""
        self.add_role("@everyone", EVERYONE_DEFAULT, role_id=self.guild_id)
        self.bot_role_id = self.add_role("Handbook Bot", BOT_DEFAULT, managed=True)
        self.bot_roles = [self.bot_role_id]
        self.server: ThreadingHTTPServer | None = None
        self._forum_setup()
        self.setup = FakeSetup()
        """The server-wide settings, onboarding, welcome screen and AutoMod rules (fake_discord_server)."""

    # --- set-up helpers for tests ---------------------------------------------------------------

    def new_id(self) -> str:
        return str(next(self._ids))

    def add_role(self, name: str, permissions: int = 0, *, managed: bool = False, role_id: str | None = None) -> str:
        role_id = role_id or self.new_id()
        self.roles[role_id] = {"id": role_id, "name": name, "permissions": str(permissions),
                               "position": len(self.roles), "managed": managed, "color": 0, "hoist": False,
                               "mentionable": False}
        return role_id

    def add_channel(self, name: str, type: int = 0, *, parent_id: str | None = None, topic: str | None = None,
                    overwrites: list[dict] | None = None, position: int | None = None) -> str:
        channel_id = self.new_id()
        if type in TEXT_LIKE:
            name = discord_normalises(name)
        siblings = [c for c in self.channels.values()
                    if c["parent_id"] == parent_id and (c["type"] == CATEGORY) == (type == CATEGORY)]
        self.channels[channel_id] = {
            "id": channel_id, "guild_id": self.guild_id, "name": name, "type": type,
            "position": position if position is not None else max([c["position"] for c in siblings], default=-1) + 1,
            "parent_id": parent_id, "permission_overwrites": overwrites or [], "nsfw": False,
            "topic": topic if type != CATEGORY else None, "flags": 0,
        }
        return channel_id

    def private_overwrites(self, *role_ids: str, bot: bool = False) -> list[dict]:
        out = [{"id": self.guild_id, "type": 0, "allow": "0", "deny": str(VIEW)}]
        out += [{"id": r, "type": 0, "allow": str(VIEW), "deny": "0"} for r in role_ids]
        if bot:
            out.append({"id": self.bot_user_id, "type": 1, "allow": str(VIEW), "deny": "0"})
        return out

    def set_bot_permissions(self, permissions: int) -> None:
        self.roles[self.bot_role_id]["permissions"] = str(permissions)

    def fail(self, method: str, path_regex: str, status: int = 500, *, code: int = 0,
             message: str = "Internal Server Error", times: int | None = 1, after: int = 0,
             done_first: bool = False, drop: bool = False) -> None:
        """Answer matching requests with an error; with `done_first` the request takes effect before
        the error answer (a 5xx after the write), with `drop` the connection closes unanswered."""
        self.faults.append(Fault(method.upper(), re.compile(path_regex), status,
                                 {"code": code, "message": message}, times, after, done_first, drop))

    def hold(self, method: str, path_regex: str, *, after: int = 0) -> Gate:
        """Hold the next matching request (after `after` of them) until `gate.release.set()`."""
        gate = Gate(method.upper(), re.compile(path_regex), after)
        self.gates.append(gate)
        return gate

    def _wait_at_gate(self, method: str, path: str) -> None:
        with self.lock:
            gate = next((g for g in self.gates if g.method == method and g.pattern.search(path)), None)
            if gate is None:
                return
            if gate.after > 0:
                gate.after -= 1
                return
            self.gates.remove(gate)
        gate.arrived.set()
        gate.release.wait(30)

    def answer_raw(self, method: str, path_regex: str, status: int, body: bytes | str, *, headers: dict | None = None,
                   instead: bool = True, times: int = 1) -> None:
        """Answer the next `times` matching requests with these bytes (malformed JSON, `null`, ...)."""
        raw = body.encode() if isinstance(body, str) else body
        self.script.append(Scripted(status, headers or {}, raw, instead,
                                    method.upper(), re.compile(path_regex), times))

    def _next_scripted(self, method: str, path: str) -> Scripted | None:
        with self.lock:
            for index, scripted in enumerate(self.script):
                if scripted.pattern is None:
                    if index == 0:
                        return self.script.pop(0)
                    continue
                if scripted.method == method and scripted.pattern.search(path):
                    scripted.times -= 1
                    if scripted.times <= 0:
                        self.script.pop(index)
                    return scripted
            return None

    def clear_faults(self) -> None:
        self.faults.clear()

    def writes(self) -> list[Logged]:
        return [entry for entry in self.log if entry.method != "GET" and entry.status < 400]

    def by_name(self, name: str) -> dict:
        found = [c for c in self.channels.values() if c["name"] == name]
        assert len(found) == 1, f"{len(found)} channels named {name!r}"
        return found[0]

    def children(self, parent_id: str | None) -> list[dict]:
        """The children of a category as the Discord client shows them."""
        kids = [c for c in self.channels.values() if c["parent_id"] == parent_id and c["type"] != CATEGORY]
        return sorted(kids, key=lambda c: (c["type"] in (2, 13), c["position"], int(c["id"])))

    def categories(self) -> list[dict]:
        cats = [c for c in self.channels.values() if c["type"] == CATEGORY]
        return sorted(cats, key=lambda c: (c["position"], int(c["id"])))

    # --- permissions (https://discord.com/developers/docs/topics/permissions#permission-overwrites) -------------------------------------------------------

    def base_permissions(self) -> int:
        perms = int(self.roles[self.guild_id]["permissions"])
        for role_id in self.bot_roles:
            perms |= int(self.roles[role_id]["permissions"])
        return perms

    def channel_permissions(self, channel: dict) -> int:
        base = self.base_permissions()
        if base & ADMIN:
            return -1
        overwrites = {o["id"]: o for o in channel["permission_overwrites"]}
        perms = base
        everyone = overwrites.get(self.guild_id)
        if everyone:
            perms = (perms & ~int(everyone["deny"])) | int(everyone["allow"])
        allow = deny = 0
        for role_id in self.bot_roles:
            o = overwrites.get(role_id)
            if o:
                allow, deny = allow | int(o["allow"]), deny | int(o["deny"])
        perms = (perms & ~deny) | allow
        member = overwrites.get(self.bot_user_id)
        if member:
            perms = (perms & ~int(member["deny"])) | int(member["allow"])
        return perms

    def visible(self, channel: dict) -> bool:
        if self.channel_permissions(channel) & VIEW:
            return True
        if channel["type"] == CATEGORY:  # a category is visible if a child is (A10)
            return any(self.channel_permissions(c) & VIEW for c in self.channels.values()
                       if c["parent_id"] == channel["id"])
        return False

    # --- serving ----------------------------------------------------------------------------

    def start(self) -> str:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

            def setup(self) -> None:
                super().setup()  # headers and body go out in separate writes: no Nagle delay
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                fake._wait_at_gate(self.command, re.sub(r"^/api(/v10)?", "", urlsplit(self.path).path))
                scripted = fake._next_scripted(self.command, re.sub(r"^/api(/v10)?", "", urlsplit(self.path).path))
                if scripted is not None and scripted.instead:
                    with fake.lock:
                        fake.log.append(Logged(self.command, urlsplit(self.path).path, dict(self.headers), None,
                                               scripted.status))
                    status, body, headers = scripted.status, None, {}
                else:
                    status, body, headers = fake.handle(self.command, self.path, dict(self.headers), raw)
                data = b"" if body is None else json.dumps(body).encode()
                if scripted is not None:
                    status, headers, data = scripted.status, scripted.headers, scripted.body
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                if data:
                    self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _serve

        self.server = _QuietServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
        return self.api_url

    @property
    def origin(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    @property
    def api_url(self) -> str:
        return self.origin + "/api/v10"

    def add_webhook(self) -> str:
        webhook_id, token = self.new_id(), "whsec_" + "x7" * 34
        self.webhooks[(webhook_id, token)] = []
        return f"{self.origin}/api/webhooks/{webhook_id}/{token}"

    def stop(self) -> None:
        if self.server:
            self.server.shutdown()
            self.server.server_close()

    # --- request handling -------------------------------------------------------------------

    def handle(self, method: str, raw_path: str, headers: dict, raw: bytes) -> tuple[int, Any, dict]:
        with self.lock:
            parts = urlsplit(raw_path)
            path = re.sub(r"^/api(/v10)?", "", unquote(parts.path))
            query = parse_qs(parts.query)
            try:
                body = json.loads(raw) if raw else None
            except ValueError:
                body = None
            entry = Logged(method, path, {k.lower(): v for k, v in headers.items()}, body, query=query)
            self.log.append(entry)
            limit_headers: dict = {}
            try:
                limit_headers = self._rate_limit(method, path)
                late = None
                for fault in list(self.faults):
                    if fault.method == method and fault.pattern.search(path):
                        if fault.after > 0:
                            fault.after -= 1
                            continue
                        if fault.times is not None:
                            fault.times -= 1
                            if fault.times <= 0:
                                self.faults.remove(fault)
                        if not (fault.done_first or fault.drop):
                            raise ApiError(fault.status, fault.body["code"], fault.body["message"])
                        late = fault
                        break
                if path.startswith("/webhooks/"):
                    status, result = self._webhook(method, path, query, body)
                else:
                    self._authorise(entry)
                    status, result = self._route(method, path, body, entry)
                entry.status = status
                if late is not None:
                    entry.status = DROP if late.drop else late.status
                    if late.drop:
                        return DROP, None, {}
                    raise ApiError(late.status, late.body["code"], late.body["message"])
                return status, result, limit_headers
            except ApiError as err:
                entry.status = err.status
                return err.status, err.body, {**limit_headers, **err.headers}

    def _authorise(self, entry: Logged) -> None:
        if entry.headers.get("authorization") != f"Bot {self.token}":
            raise ApiError(401, 0, "401: Unauthorized")
        if not entry.headers.get("user-agent", "").startswith("DiscordBot ("):
            raise ApiError(403, 40333, "internal network error")
        if entry.body is not None and entry.headers.get("content-type") != "application/json":
            raise ApiError(400, 50035, "Invalid Form Body")

    def _rate_limit(self, method: str, path: str) -> dict:
        now = self.clock()
        if self.global_limit_once is not None:
            retry, self.global_limit_once = self.global_limit_once, None
            raise ApiError(429, 0, "", extra={"message": "You are being rate limited.", "retry_after": retry,
                                              "global": True},
                           headers={"X-RateLimit-Global": "true", "X-RateLimit-Scope": "global",
                                    "Retry-After": str(int(retry))})
        template = re.sub(r"(permissions|members|roles)/\d+", r"\1/{id}", path)
        key = f"{method} {template}"
        start, used = self.windows.get(key, (now, 0))
        if now - start >= self.route_window:
            start, used = now, 0
        reset_after = max(self.route_window - (now - start), 0)
        shape = method + re.sub(r"/\d+", "/x", path)
        bucket = "b%08d" % (abs(hash(shape)) % 10**8)
        if used >= self.route_limit:
            raise ApiError(429, 0, "", extra={"message": "You are being rate limited.",
                                              "retry_after": round(reset_after, 3), "global": False},
                           headers={"X-RateLimit-Limit": str(self.route_limit), "X-RateLimit-Remaining": "0",
                                    "X-RateLimit-Reset-After": f"{reset_after:.3f}", "X-RateLimit-Bucket": bucket,
                                    "X-RateLimit-Scope": "user", "Retry-After": str(int(reset_after) + 1)})
        used += 1
        self.windows[key] = (start, used)
        return {"X-RateLimit-Limit": str(self.route_limit), "X-RateLimit-Remaining": str(self.route_limit - used),
                "X-RateLimit-Reset-After": f"{reset_after:.3f}", "X-RateLimit-Bucket": bucket}

    def _route(self, method: str, path: str, body: Any, entry: Logged) -> tuple[int, Any]:
        g = self.guild_id
        m = re.fullmatch(r"/guilds/(\d+)(/.*)?", path)
        if m and m.group(1) != g:
            raise ApiError(404, 10004, "Unknown Guild")
        forum = self._route_forum(method, path, body, entry.query)  # forum channels and their posts
        if forum is not None:
            return forum
        if method == "GET" and path == "/users/@me":
            return 200, {"id": self.bot_user_id, "username": "handbook", "bot": True}
        routed = route_server(self, method, path, body)  # settings, onboarding, welcome screen, AutoMod
        if routed is not None:
            return routed
        if method == "GET" and path == f"/guilds/{g}/members/{self.bot_user_id}":
            return 200, {"user": {"id": self.bot_user_id}, "roles": list(self.bot_roles)}
        if path == f"/guilds/{g}/channels":
            if method == "GET":
                return 200, [dict(c) for c in self.channels.values() if self.list_hidden or self.visible(c)]
            if method == "POST":
                return 201, self._create_channel(body)
            if method == "PATCH":
                self._reorder(body)
                return 204, None
        if path == f"/guilds/{g}/roles":
            if method == "GET":
                return 200, list(self.roles.values())
            if method == "POST":
                self._need(MANAGE_ROLES)
                if len(self.roles) >= 250:
                    raise ApiError(400, 30005, "Maximum number of guild roles reached (250)")
                perms = int((body or {}).get("permissions") or 0)
                self._may_grant(perms)
                return 200, self.roles[self.add_role((body or {}).get("name") or "new role", perms)]
        m = re.fullmatch(r"/channels/(\d+)", path)
        if m:
            channel = self._channel(m.group(1))
            if method == "GET":
                return 200, dict(channel)
            if method == "PATCH":
                return 200, self._modify(channel, body or {})
            if method == "DELETE":
                self._need(MANAGE_CHANNELS)
                if channel["id"] == self.rules_channel_id:
                    raise ApiError(400, 50074, "Cannot delete a channel required for Community Servers")
                del self.channels[channel["id"]]
                for child in self.channels.values():
                    if child["parent_id"] == channel["id"]:
                        child["parent_id"] = None
                return 200, channel
        m = re.fullmatch(r"/channels/(\d+)/permissions/(\d+)", path)
        if m and method in ("PUT", "DELETE"):
            channel = self._channel(m.group(1))
            self._need(MANAGE_ROLES)
            rest = [o for o in channel["permission_overwrites"] if o["id"] != m.group(2)]
            if method == "PUT":
                allow, deny = int(body.get("allow") or 0), int(body.get("deny") or 0)
                self._may_grant(allow | deny)
                rest.append({"id": m.group(2), "type": int(body.get("type", 0)), "allow": str(allow),
                             "deny": str(deny)})
            channel["permission_overwrites"] = rest
            return 204, None
        raise ApiError(404, 0, f"404: Not Found ({method} {path})")

    def _need(self, permission: int, channel: dict | None = None) -> None:
        perms = self.channel_permissions(channel) if channel else self.base_permissions()
        if perms != -1 and not perms & ADMIN and not perms & permission:
            raise ApiError(403, 50013, "Missing Permissions")

    def _may_grant(self, bits: int) -> None:
        base = self.base_permissions()
        if not base & ADMIN and bits & ~base:
            raise ApiError(403, 50013, "Missing Permissions")

    def _channel(self, channel_id: str) -> dict:
        channel = self.channels.get(channel_id)
        if channel is None:
            raise ApiError(404, 10003, "Unknown Channel")
        if not self.visible(channel):
            raise ApiError(403, 50001, "Missing Access")
        return channel

    def _parent(self, parent_id: Any, moving: dict | None = None) -> str | None:
        if parent_id is None:
            return None
        parent = self.channels.get(str(parent_id))
        if parent is None or parent["type"] != CATEGORY:
            raise ApiError(400, 50035, "Invalid Form Body",
                           {"parent_id": {"_errors": [{"code": "CHANNEL_PARENT_INVALID", "message": "Not a category"}]}})
        kids = [c for c in self.channels.values() if c["parent_id"] == parent["id"] and c is not moving]
        if len(kids) >= 50:
            raise ApiError(400, 50035, "Invalid Form Body",
                           {"parent_id": {"_errors": [{"code": "CHANNEL_PARENT_MAX_CHANNELS",
                                                       "message": "Maximum number of channels in category reached (50)"}]}})
        return parent["id"]

    def _create_channel(self, body: dict) -> dict:
        self._need(MANAGE_CHANNELS)
        if len(self.channels) >= 500:
            raise ApiError(400, 30013, "Maximum number of guild channels reached (500)")
        name = (body or {}).get("name") or ""
        if not 1 <= len(name) <= 100:
            raise ApiError(400, 50035, "Invalid Form Body",
                           {"name": {"_errors": [{"code": "BASE_TYPE_BAD_LENGTH", "message": "Must be between 1 and 100 in length."}]}})
        kind = int(body.get("type", 0))
        if kind == 5 and "NEWS" not in self.features:  # announcement channels: Community servers only
            raise ApiError(400, 50035, "Invalid Form Body",
                           {"type": {"_errors": [{"code": "BASE_TYPE_CHOICES",
                                                  "message": "Value must be one of {0, 2, 4, 13, 15}."}]}})
        parent_id = self._parent(body.get("parent_id"))
        overwrites = []
        for o in body.get("permission_overwrites") or []:
            allow, deny = int(o.get("allow") or 0), int(o.get("deny") or 0)
            self._may_grant(allow | deny)
            overwrites.append({"id": str(o["id"]), "type": int(o.get("type", 0)), "allow": str(allow),
                               "deny": str(deny)})
        channel_id = self.add_channel(name, kind, parent_id=parent_id, topic=body.get("topic"),
                                      overwrites=overwrites, position=body.get("position"))
        return dict(self.channels[channel_id])

    def _modify(self, channel: dict, body: dict) -> dict:
        self._need(MANAGE_CHANNELS, channel)
        if "name" in body or "topic" in body:
            self._count_rename(channel)
        if "permission_overwrites" in body:
            self._need(MANAGE_ROLES)
        if "name" in body:
            name = body["name"]
            if not 1 <= len(name) <= 100:
                raise ApiError(400, 50035, "Invalid Form Body")
            channel["name"] = discord_normalises(name) if channel["type"] in TEXT_LIKE else name
        if "topic" in body:
            channel["topic"] = body["topic"]
        if "parent_id" in body and body["parent_id"] != channel["parent_id"]:
            channel["parent_id"] = self._parent(body["parent_id"], channel)
        elif "position" in body:  # a PATCH with a parent change ignores position (#5872)
            channel["position"] = int(body["position"])
        return dict(channel)

    def _count_rename(self, channel: dict) -> None:
        """The sub-limit on name and topic changes per channel, whatever the headers say."""
        now = self.clock()
        recent = [t for t in self.renames.get(channel["id"], []) if now - t < self.rename_window]
        if len(recent) >= self.rename_limit:
            retry = self.rename_window - (now - recent[0])
            raise ApiError(429, 0, "", extra={"message": "You are being rate limited.",
                                              "retry_after": round(retry, 3), "global": False},
                           headers={"X-RateLimit-Remaining": "3", "X-RateLimit-Scope": "user"})
        self.renames[channel["id"]] = [*recent, now]

    def _reorder(self, entries: list[dict]) -> None:
        self._need(MANAGE_CHANNELS)
        if not isinstance(entries, list):
            raise ApiError(400, 50035, "Invalid Form Body")
        changing = [e for e in entries if "parent_id" in e
                    and self.channels.get(str(e["id"]), {}).get("parent_id") != e["parent_id"]]
        if len(changing) > 1:
            raise ApiError(400, 40009, "Only one parent change per request")
        for e in entries:
            channel = self.channels.get(str(e["id"]))
            if channel is None:
                raise ApiError(404, 10003, "Unknown Channel")
            if "parent_id" in e and e["parent_id"] != channel["parent_id"]:
                if not self.visible(channel):
                    raise ApiError(403, 50001, "Missing Access")
                channel["parent_id"] = self._parent(e["parent_id"], channel)
                if e.get("lock_permissions"):
                    self._need(MANAGE_ROLES)
                    parent = self.channels.get(channel["parent_id"] or "")
                    channel["permission_overwrites"] = [dict(o) for o in (parent or {}).get("permission_overwrites", [])]
        for e in entries:
            if e.get("position") is not None:
                self.channels[str(e["id"])]["position"] = int(e["position"])

    def _webhook(self, method: str, path: str, query: dict, body: Any) -> tuple[int, Any]:
        m = re.fullmatch(r"/webhooks/(\d+)/([\w-]+)", path)
        if not m or (m.group(1), m.group(2)) not in self.webhooks or method != "POST":
            raise ApiError(404, 10015, "Unknown Webhook")
        body = body or {}
        content, embeds = body.get("content") or "", body.get("embeds") or []
        errors = []
        if not content and not embeds:
            errors.append("Cannot send an empty message")
        if len(content) > 2000:
            errors.append("content: Must be 2000 or fewer in length.")
        if len(embeds) > 10:
            errors.append("embeds: Must be 10 or fewer in length.")
        total = 0
        for embed in embeds:
            title, description = embed.get("title") or "", embed.get("description") or ""
            fields = embed.get("fields") or []
            if len(title) > 256 or len(description) > 4096 or len(fields) > 25:
                errors.append("embed too large")
            total += len(title) + len(description) + len((embed.get("footer") or {}).get("text") or "")
            total += sum(len(f.get("name", "")) + len(f.get("value", "")) for f in fields)
        if total > 6000:
            errors.append("Embed size exceeds maximum size of 6000")
        if errors:
            raise ApiError(400, 50035, "Invalid Form Body; " + "; ".join(errors))
        message = {"id": self.new_id(), "channel_id": "1", **body}
        self.webhooks[(m.group(1), m.group(2))].append(message)
        return (200, message) if query.get("wait") == ["true"] else (204, None)


# --- pytest fixtures (import them into a test module: `from fake_discord import fake`) -------

try:
    import pytest
except ImportError:  # pragma: no cover - the fake also runs by hand
    pytest = None

if pytest is not None:
    @pytest.fixture
    def fake(monkeypatch):
        """The fake server, started, with the environment pointing at it; the command line's
        Discord client waits on the fake's clock, so nothing sleeps."""
        from handbook.cli import discord_inputs

        server = FakeDiscord()
        server.start()
        monkeypatch.setattr(discord_inputs, "CLIENT_OPTIONS", {"clock": server.clock, "sleep": server.clock.sleep})
        monkeypatch.setenv("HANDBOOK_DISCORD_API_URL", server.api_url)
        monkeypatch.setenv("DISCORD_TOKEN", server.token)
        monkeypatch.delenv("DISCORD_GUILD_ID", raising=False)
        monkeypatch.delenv("DISCORD_WEBHOOK_URL", raising=False)
        yield server
        server.stop()
