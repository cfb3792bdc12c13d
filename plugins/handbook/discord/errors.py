"""What can go wrong talking to Discord, as `HandbookError`s: one clear line, never a secret.

Apart from the client, so the modules that only read plain data (`state`) can name these errors
without importing an HTTP library.
"""

from __future__ import annotations

from handbook.errors import HandbookError


class DiscordError(HandbookError):
    """One clear line for people: what failed, why, and what to do. Never a secret."""

    def __init__(self, message: str, *, status: int | None = None, code: int | None = None,
                 method: str = "", route: str = "") -> None:
        super().__init__(message)
        self.status, self.code = status, code
        self.method, self.route = method, route


class ConfigurationError(DiscordError):
    """Something missing before any request: the token, the server id, the webhook URL."""


class RateLimited(DiscordError):
    """Discord asked to wait longer than the remaining `max_wait` allows."""

    def __init__(self, message: str, *, retry_after: float, method: str = "", route: str = "") -> None:
        super().__init__(message, status=429, method=method, route=route)
        self.retry_after = retry_after


class UncertainWrite(DiscordError):
    """A create (POST) got a 5xx answer or lost its connection after sending: Discord may or may
    not have made the object, so the request is not repeated blindly (the caller looks first)."""


class UnexpectedAnswer(DiscordError):
    """Discord answered something its API reference does not promise (not JSON, `null`, a list
    where an object is due, an object without its `id`): read as data, it would look like an
    empty server, so the command stops before it plans or writes anything from it."""
