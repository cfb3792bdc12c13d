"""A small REST client for Discord API v10 (https://discord.com/developers/docs/reference, https://discord.com/developers/docs/topics/rate-limits): HTTP only, no planning.

- `Authorization: Bot <token>` from `DISCORD_TOKEN`; the token is never part of a message, a
  repr, a log line or an exception (every message goes through `redact`).
- Rate limits come from the response headers and from 429 bodies, never hard-coded: per-route
  buckets (`X-RateLimit-Bucket`), a global pause for `global: true`, and `retry_after`, which
  matters for the undocumented 2-renames-per-10-minutes sub-limit (6.9). Total waiting is capped
  (`max_wait`); past the cap the request raises `RateLimited` so callers can report it as pending.
- 5xx answers and connection errors are retried with exponential backoff, except after a create
  (POST) was sent: Discord may have made the object, so the client raises `UncertainWrite` and the
  applier reads the server before it sends the create again.
- Every write carries an `X-Audit-Log-Reason`, URL-encoded and at most 512 characters.
- The clock and the sleep are injectable, so tests never wait for real.
"""

from __future__ import annotations

import logging
import math
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from handbook import __version__
from handbook.discord import answers
from handbook.discord.errors import ConfigurationError, DiscordError, RateLimited, UncertainWrite, UnexpectedAnswer
from handbook.discord.routes import (ERROR_TEXT, audit_log_reason, field_errors, permission_hint,
                                    required_permission, route_template)
from handbook.text.secrets import TOKEN_ENV, WEBHOOK_ENV, redact

__all__ = ["ConfigurationError", "DiscordError", "DiscordClient", "RateLimited", "UncertainWrite",
           "UnexpectedAnswer", "audit_log_reason", "execute_webhook", "redact", "route_template"]

DEFAULT_API_URL = "https://discord.com/api/v10"
API_URL_ENV = "HANDBOOK_DISCORD_API_URL"
MAX_429_IN_A_ROW = 10
USER_AGENT = f"DiscordBot (https://github.com/campfire-practice/handbook, {__version__})"


class _RedactSecrets(logging.Filter):
    """httpx logs every request URL at INFO; a webhook URL carries its token, so hide it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args:
            record.args = tuple(redact(a) if isinstance(a, str) else redact(str(a)) if hasattr(a, "path") else a
                                for a in (record.args if isinstance(record.args, tuple) else (record.args,)))
        record.msg = redact(str(record.msg))
        return True


_REDACT_SECRETS = _RedactSecrets()


def install_log_filter() -> None:
    """Hide secrets from httpx's own request logs; called when a client is made, never on import,
    so importing the package changes no logging. Installing twice adds the filter once."""
    for name in ("httpx", "httpcore"):
        logger = logging.getLogger(name)
        if _REDACT_SECRETS not in logger.filters:
            logger.addFilter(_REDACT_SECRETS)


def _is_header_token(token: str) -> bool:
    """Whether `token` can travel in an `Authorization` header: visible ASCII only, as every Discord
    token is (three base64url parts joined by dots: https://discord.com/developers/docs/reference#authentication)."""
    return all("!" <= char <= "~" for char in token)


def _is_http_url(url: str) -> bool:
    """Whether httpx can send a request to `url`: http or https, with a host and a valid port."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError):
        return False
    return parsed.scheme in ("http", "https") and bool(parsed.host)


@dataclass
class _Bucket:
    remaining: int | None = None
    reset_at: float = 0.0


@dataclass
class RequestStats:
    requests: int = 0
    retries: int = 0
    waited: float = 0.0
    rate_limited: int = 0
    waits: list[float] = field(default_factory=list)


class DiscordClient:
    """Synchronous client; one instance per command run.

    `max_wait` caps the total seconds spent waiting for rate limits in this run; a wait that
    would pass it raises `RateLimited` at once instead of sleeping.
    """

    def __init__(self, token: str, *, base_url: str | None = None, max_wait: float = 60.0,
                 retries: int = 3, backoff: float = 1.0, timeout: float = 20.0,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep,
                 transport: httpx.BaseTransport | None = None) -> None:
        if not token:
            raise ConfigurationError(f"{TOKEN_ENV} is not set: export the bot token as {TOKEN_ENV}")
        if not _is_header_token(token):  # it cannot be sent, so no request and no retry (never shown: a secret)
            raise ConfigurationError(f"{TOKEN_ENV} is malformed: it holds a line break, a space or another "
                                     "character a bot token never has; copy the token again from the Developer "
                                     "Portal (Bot → Reset Token) and export it on one line")
        self.__token = token
        self.base_url = (base_url or os.environ.get(API_URL_ENV) or DEFAULT_API_URL).rstrip("/")
        if not _is_http_url(self.base_url):  # it cannot work: no retries, one line naming the variable
            raise ConfigurationError(f"{API_URL_ENV} is not an http(s) URL ({self.base_url!r}): set it to the API's "
                                     f"address, e.g. {DEFAULT_API_URL}, or unset it")
        self.max_wait, self.retries, self.backoff = max_wait, retries, backoff
        self.clock, self.sleep = clock, sleep
        self.stats = RequestStats()
        self._route_bucket: dict[str, str] = {}
        self._buckets: dict[str, _Bucket] = {}
        self._global_until = 0.0
        install_log_filter()
        self._http = httpx.Client(timeout=timeout, transport=transport, follow_redirects=False)

    def __repr__(self) -> str:
        return f"DiscordClient(base_url={self.base_url!r}, token=[redacted])"

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> DiscordClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- waiting ----------------------------------------------------------------------------

    def _wait(self, seconds: float, why: str, method: str, route: str) -> None:
        if seconds <= 0:
            return
        if self.stats.waited + seconds > self.max_wait:
            left = max(self.max_wait - self.stats.waited, 0)
            raise RateLimited(
                f"{why}: Discord asks to wait {seconds:.0f} s, more than the {left:.0f} s left of --max-wait",
                retry_after=seconds, method=method, route=route)
        self.stats.waited += seconds
        self.stats.waits.append(seconds)
        self.sleep(seconds)

    def _bucket_key(self, method: str, path: str) -> str:
        template = route_template(path)
        route = f"{method} {template}"
        bucket = self._route_bucket.get(route)
        if bucket is None:
            return route
        major = next((p for p in template.split("/") if p.isdigit()), "")
        return f"{bucket}:{major}"

    # --- requests ---------------------------------------------------------------------------

    def request(self, method: str, path: str, *, json: Any = None, reason: str | None = None,
                what: str | None = None) -> Any:
        """Send one request; returns the decoded JSON body (None for 204).

        `what` names the action for messages ("rename #habits"). Writes need a `reason`.
        """
        method = method.upper()
        if method != "GET" and not reason:
            raise ValueError("every write to Discord needs an audit-log reason")
        what = what or f"{method} {route_template(path)}"
        headers = {"Authorization": f"Bot {self.__token}", "User-Agent": USER_AGENT}
        if json is not None:
            headers["Content-Type"] = "application/json"
        if reason:
            headers["X-Audit-Log-Reason"] = audit_log_reason(reason)
        url = self.base_url + path
        attempt = limited = 0
        while True:
            now = self.clock()
            if self._global_until > now:
                self._wait(self._global_until - now, f"{what}: global rate limit", method, path)
            key = self._bucket_key(method, path)
            bucket = self._buckets.get(key)
            now = self.clock()
            if bucket and bucket.remaining == 0 and bucket.reset_at > now:
                self._wait(bucket.reset_at - now, f"{what}: rate limit", method, path)
            self.stats.requests += 1
            try:
                response = self._http.request(method, url, json=json, headers=headers)
            except httpx.TransportError as err:
                attempt += 1
                if method == "POST" and not isinstance(err, (httpx.ConnectError, httpx.ConnectTimeout)):
                    # sent, answer lost: Discord may have made it; the caller looks before trying again
                    raise UncertainWrite(redact(f"{what}: the connection to Discord dropped ({type(err).__name__}) "
                                                "before it answered", self.__token),
                                         method=method, route=path) from None
                if attempt > self.retries:
                    raise DiscordError(redact(f"{what}: cannot reach Discord at {self.base_url} "
                                              f"({type(err).__name__}) after {attempt} attempts", self.__token),
                                       method=method, route=path) from None
                self.stats.retries += 1
                self.sleep(self.backoff * 2 ** (attempt - 1))
                continue
            self._remember_limits(method, path, response)
            if response.status_code == 429:
                self.stats.rate_limited += 1
                limited += 1
                if limited > MAX_429_IN_A_ROW:  # never spin, whatever the answers say (https://discord.com/developers/docs/topics/rate-limits)
                    raise DiscordError(f"{what}: still rate limited after {limited - 1} waits; try again later",
                                       status=429, method=method, route=path)
                body = _json_or_empty(response)
                retry_after = _float(body.get("retry_after"), _float(response.headers.get("Retry-After"), 1.0))
                if body.get("global") or response.headers.get("X-RateLimit-Global", "").lower() == "true":
                    self._global_until = self.clock() + retry_after
                    self._wait(retry_after, f"{what}: global rate limit", method, path)
                else:
                    self._wait(retry_after, f"{what}: rate limited", method, path)
                continue
            if response.status_code >= 500:
                attempt += 1
                if method == "POST":  # a 5xx after a create may still have created it: never retry blindly
                    raise UncertainWrite(f"{what}: Discord answered {response.status_code} {response.reason_phrase}",
                                         status=response.status_code, method=method, route=path)
                if attempt > self.retries:
                    raise DiscordError(f"{what}: Discord answered {response.status_code} "
                                       f"{response.reason_phrase} {attempt} times; try again later",
                                       status=response.status_code, method=method, route=path)
                self.stats.retries += 1
                self.sleep(self.backoff * 2 ** (attempt - 1))
                continue
            if response.status_code >= 400:
                raise self._error(method, path, what, response)
            if not 200 <= response.status_code < 300:  # a redirect or an informational answer: not the API's
                raise self._unexpected(method, path, what, f"status {response.status_code}")
            if response.status_code == 204 or not response.content:
                return None
            try:
                return response.json()
            except ValueError:
                raise self._unexpected(method, path, what, "not JSON") from None

    def _unexpected(self, method: str, path: str, what: str, detail: str) -> UnexpectedAnswer:
        return UnexpectedAnswer(redact(f"{what}: Discord answered something unexpected for {method} "
                                       f"{route_template(path)} ({detail}); try again later",
                                       self.__token), method=method, route=path)

    def _read(self, method: str, path: str, check: Callable[[Any], Any], *, what: str, **options: Any) -> Any:
        """`request`, then the answer's shape checked (`handbook.discord.answers`) before anyone reads it."""
        body = self.request(method, path, what=what, **options)
        try:
            return check(body)
        except answers.Unexpected as err:
            raise self._unexpected(method, path, what, str(err)) from None

    def _remember_limits(self, method: str, path: str, response: httpx.Response) -> None:
        headers = response.headers
        bucket_id = headers.get("X-RateLimit-Bucket")
        if not bucket_id:
            return
        self._route_bucket[f"{method} {route_template(path)}"] = bucket_id
        key = self._bucket_key(method, path)
        remaining = headers.get("X-RateLimit-Remaining")
        reset_after = _float(headers.get("X-RateLimit-Reset-After"), 0.0)
        self._buckets[key] = _Bucket(
            remaining=int(remaining) if remaining and remaining.isascii() and remaining.isdigit() else None,
            reset_at=self.clock() + reset_after,
        )

    def _error(self, method: str, path: str, what: str, response: httpx.Response) -> DiscordError:
        body = _json_or_empty(response)
        code = body.get("code") if isinstance(body.get("code"), int) else None
        status = response.status_code
        if status == 401:
            text = f"{what}: Discord refused the bot token (401 Unauthorized): check {TOKEN_ENV}"
        elif status == 403 and code == 50013:
            needed = required_permission(method, path)
            hint = permission_hint(method, path)
            text = f"{what}: missing permission: the bot needs {needed}{hint} (403, code 50013)"
        elif status == 403 and code == 50001:
            text = (f"{what}: missing access: the bot cannot see this channel; give it View Channels "
                    "there (403, code 50001)")
        elif status == 403:
            text = f"{what}: forbidden (403{f', code {code}' if code else ''}): {body.get('message', '')}".rstrip(": ")
        elif code in ERROR_TEXT:
            text = f"{what}: {ERROR_TEXT[code]} ({status}, code {code})"
        else:
            detail = body.get("message") or response.reason_phrase
            fields = field_errors(body.get("errors"))
            text = f"{what}: Discord refused it ({status}{f', code {code}' if code else ''}): {detail}"
            if fields:
                text += f" ({fields})"
        return DiscordError(redact(text, self.__token), status=status, code=code, method=method, route=path)

    # --- endpoints (https://discord.com/developers/docs/resources/guild, /resources/channel) -------------------------------------------------------------

    def current_user(self) -> dict:
        return self._read("GET", "/users/@me", answers.user, what="read the bot's user")

    def guild(self, guild_id: str) -> dict:
        return self._read("GET", f"/guilds/{guild_id}", answers.guild, what="read the server")

    def member(self, guild_id: str, user_id: str) -> dict:
        return self._read("GET", f"/guilds/{guild_id}/members/{user_id}", answers.member, what="read the bot's roles")

    def channels(self, guild_id: str) -> list[dict]:
        return self._read("GET", f"/guilds/{guild_id}/channels", answers.channels, what="list the server's channels")

    def channel(self, channel_id: str) -> dict:
        return self._read("GET", f"/channels/{channel_id}", answers.channel, what=f"read channel {channel_id}")

    def roles(self, guild_id: str) -> list[dict]:
        return self._read("GET", f"/guilds/{guild_id}/roles", answers.roles, what="list the server's roles")

    def create_channel(self, guild_id: str, payload: dict, *, reason: str, what: str | None = None) -> dict:
        return self._read("POST", f"/guilds/{guild_id}/channels", answers.channel, json=payload, reason=reason,
                          what=what or "create a channel")

    def modify_channel(self, channel_id: str, payload: dict, *, reason: str, what: str | None = None) -> dict:
        return self._read("PATCH", f"/channels/{channel_id}", answers.channel, json=payload, reason=reason,
                          what=what or "change a channel")

    def delete_channel(self, channel_id: str, *, reason: str, what: str | None = None) -> dict:
        return self.request("DELETE", f"/channels/{channel_id}", reason=reason, what=what)

    def reorder_channels(self, guild_id: str, entries: list[dict], *, reason: str,
                         what: str | None = None) -> None:
        moves = [e for e in entries if "parent_id" in e]
        if len(moves) > 1:
            raise ValueError("Discord accepts one parent change per reorder request (code 40009)")
        self.request("PATCH", f"/guilds/{guild_id}/channels", json=entries, reason=reason, what=what)

    def put_overwrite(self, channel_id: str, target_id: str, *, type: int, allow: int, deny: int,
                      reason: str, what: str | None = None) -> None:
        self.request("PUT", f"/channels/{channel_id}/permissions/{target_id}",
                     json={"type": type, "allow": str(allow), "deny": str(deny)}, reason=reason, what=what)

    def delete_overwrite(self, channel_id: str, target_id: str, *, reason: str, what: str | None = None) -> None:
        self.request("DELETE", f"/channels/{channel_id}/permissions/{target_id}", reason=reason, what=what)

    def create_role(self, guild_id: str, payload: dict, *, reason: str, what: str | None = None) -> dict:
        return self._read("POST", f"/guilds/{guild_id}/roles", answers.role, json=payload, reason=reason,
                          what=what or "create a role")


def execute_webhook(url: str, payload: dict, *, timeout: float = 20.0,
                    transport: httpx.BaseTransport | None = None, retries: int = 2,
                    sleep: Callable[[float], None] = time.sleep) -> dict | None:
    """Post `payload` to the webhook `url` (`?wait=true`), following one 429 `retry_after` of
    at most a minute. The URL is a secret: errors never show it."""
    if not url:
        raise ConfigurationError(f"{WEBHOOK_ENV} is not set: export the channel webhook's URL as {WEBHOOK_ENV}")
    install_log_filter()  # the URL carries the webhook's token
    if not _is_http_url(url):  # never shown: it is a secret
        raise ConfigurationError(f"{WEBHOOK_ENV} is not a valid http(s) URL: copy the webhook's URL again "
                                 "(it starts with https://discord.com/api/webhooks/)")
    target = url + ("&" if "?" in url else "?") + "wait=true"
    with httpx.Client(timeout=timeout, transport=transport) as http:
        attempt = 0
        while True:
            try:
                response = http.post(target, json=payload, headers={"User-Agent": USER_AGENT})
            except httpx.TransportError as err:
                attempt += 1
                if attempt > retries:
                    raise DiscordError(f"post to the webhook: cannot reach Discord ({type(err).__name__})") from None
                sleep(2 ** attempt)
                continue
            if response.status_code == 429:
                retry_after = _float(_json_or_empty(response).get("retry_after"), 1.0)
                attempt += 1
                if attempt > retries or retry_after > 60:
                    raise RateLimited(f"post to the webhook: rate limited; retry in {retry_after:.0f} s",
                                      retry_after=retry_after)
                sleep(retry_after)
                continue
            if response.status_code >= 500 and attempt < retries:
                attempt += 1
                sleep(2 ** attempt)
                continue
            if response.status_code >= 400:
                body = _json_or_empty(response)
                code = body.get("code") if isinstance(body.get("code"), int) else None
                if response.status_code in (401, 404):
                    text = ERROR_TEXT[10015]
                else:
                    text = f"Discord refused the message ({response.status_code}): {body.get('message', '')}"
                raise DiscordError(redact(f"post to the webhook: {text}", url), status=response.status_code,
                                   code=code)
            body = _json_or_empty(response)  # posted; an answer that is not the message is no reason to fail
            return body or None


def _json_or_empty(response: httpx.Response) -> dict:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _float(value: Any, default: float) -> float:
    """`value` as seconds; `default` for anything that is not a finite number (`nan` would be slept on)."""
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return default
    return number if math.isfinite(number) else default
