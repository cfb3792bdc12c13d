"""Discord invites: which URLs are invites, where the API says whether one is alive, and its answer.

An invite is checked with `GET /invites/{code}?with_counts=true`, which needs no token
(https://discord.com/developers/docs/resources/invite#get-invite): 200 gives the invite with
`approximate_member_count`, `approximate_presence_count` and `expires_at`; an expired or unknown
invite is 404 with JSON error code 10006, "Unknown invite"
(https://discord.com/developers/docs/topics/opcodes-and-status-codes#json). Pure: the request
itself is made by `handbook.linkhealth.http`.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from urllib.parse import quote

from handbook.linkhealth.addresses import split

DEFAULT_API_URL = "https://discord.com/api/v10"
API_URL_ENV = "HANDBOOK_DISCORD_API_URL"  # the same variable as the other Discord commands
UNKNOWN_INVITE = 10006
INVITE_HOSTS = {"discord.gg": "", "www.discord.gg": "", "discord.com": "invite/", "www.discord.com": "invite/",
                "discordapp.com": "invite/", "www.discordapp.com": "invite/"}
CODE = re.compile(r"^[A-Za-z0-9-]{2,64}$")


@dataclass(frozen=True)
class InviteAnswer:
    status: str
    """`ok` (alive), `dead` (expired or unknown) or `unreachable` (Discord said something else)."""
    members: int | None = None
    online: int | None = None
    expires_at: str | None = None
    error: str | None = None

    def discord(self) -> dict | None:
        if self.status != "ok":
            return None
        return {"members": self.members, "online": self.online, "expires_at": self.expires_at}


def invite_code(url: str) -> str | None:
    """The code of a Discord invite URL (`discord.gg/CODE`, `discord.com/invite/CODE`), else None."""
    parts = split(url.strip())
    if parts is None or parts.scheme not in ("http", "https"):
        return None
    prefix = INVITE_HOSTS.get(parts.hostname or "")
    if prefix is None:
        return None
    path = parts.path.lstrip("/")
    if not path.startswith(prefix):
        return None
    code = path[len(prefix):].rstrip("/")
    return code if CODE.match(code) else None


def api_base() -> str:
    return os.environ.get(API_URL_ENV, "").strip().rstrip("/") or DEFAULT_API_URL


def invite_api_url(code: str, base: str | None = None) -> str:
    return f"{(base or api_base()).rstrip('/')}/invites/{quote(code, safe='')}?with_counts=true"


def read_answer(status_code: int, body: object) -> InviteAnswer:
    """What Discord's answer (status code and parsed JSON body) says about the invite."""
    data = body if isinstance(body, dict) else {}
    if status_code == 200:
        return InviteAnswer("ok", members=_count(data.get("approximate_member_count")),
                            online=_count(data.get("approximate_presence_count")),
                            expires_at=data.get("expires_at") if isinstance(data.get("expires_at"), str) else None)
    if data.get("code") == UNKNOWN_INVITE or status_code == 404:
        return InviteAnswer("dead", error="invite expired")
    message = data.get("message") if isinstance(data.get("message"), str) else ""
    return InviteAnswer("unreachable", error=f"Discord answered {status_code}" + (f": {message}" if message else ""))


def _count(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
