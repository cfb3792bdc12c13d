"""The typed changes to the server itself: its settings, Community, onboarding, welcome screen
and AutoMod rules. Pure data, like `operations`; `plan_server` makes them, `apply_server` sends them.

Each carries the request body it will send, with `Ref`s where a channel or role is still to be
created in the same plan; the applier turns those into ids when it sends the request. All run
after every channel exists (phase 8), since they name channels.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from handbook.channelmap import rules
from handbook.discord.operations import Operation, Pending, _show

SERVER_PHASE = 8


@dataclass(eq=False, kw_only=True)
class ServerOperation(Operation):
    """A change of the server's own configuration (`PATCH /guilds/{id}` and its neighbours)."""

    phase: ClassVar[int] = SERVER_PHASE
    needs: ClassVar[int] = rules.MANAGE_GUILD
    body: dict = field(default_factory=dict)
    """What to send, with `Ref`s for channels and roles created in the same plan."""
    changes: list[str] = field(default_factory=list)
    """Each difference in plain words, for the plan."""

    def text(self) -> str:
        shown = "; ".join(self.changes) if self.changes else f"{_show(self.from_)} → {_show(self.to)}"
        return f"{self.op_words} {self.name}: {shown}"

    op_words: ClassVar[str] = "set"

    def as_dict(self) -> dict:
        return {**super().as_dict(), "changes": self.changes}


@dataclass(eq=False, kw_only=True)
class SetServerSetting(ServerOperation):
    op: ClassVar[str] = "set-server-setting"
    purpose: ClassVar[str] = "set a server setting the map names (verification level, rules channel, ...)"


@dataclass(eq=False, kw_only=True)
class EnableCommunity(ServerOperation):
    """Turning on Community needs Administrator as well: `plan_server` plans it only for a bot that
    holds it, and says who must do it otherwise."""

    op: ClassVar[str] = "enable-community"
    op_words: ClassVar[str] = "turn on"
    purpose: ClassVar[str] = "turn on Community (only for a bot that holds Administrator)"

    def permissions_needed(self) -> int:
        return self.needs | rules.ADMINISTRATOR


@dataclass(eq=False, kw_only=True)
class SetOnboarding(ServerOperation):
    op: ClassVar[str] = "set-onboarding"
    needs: ClassVar[int] = rules.MANAGE_GUILD | rules.MANAGE_ROLES
    purpose: ClassVar[str] = "set the onboarding questions and default channels"


@dataclass(eq=False, kw_only=True)
class SetWelcomeScreen(ServerOperation):
    op: ClassVar[str] = "set-welcome-screen"
    purpose: ClassVar[str] = "set the welcome screen"


@dataclass(eq=False, kw_only=True)
class CreateAutoModRule(ServerOperation):
    op: ClassVar[str] = "create-automod-rule"
    op_words: ClassVar[str] = "create"
    purpose: ClassVar[str] = "create an AutoMod rule the map lists"
    timeout: bool = False
    """A rule that times members out: the bot needs Timeout Members too."""
    map_name: str = ""
    """The rule's name in the map, where `apply` records its id."""

    def permissions_needed(self) -> int:
        return self.needs | (rules.MODERATE_MEMBERS if self.timeout else 0)

    @classmethod
    def request_needs(cls) -> int:
        return cls.needs | rules.MODERATE_MEMBERS


@dataclass(eq=False, kw_only=True)
class UpdateAutoModRule(CreateAutoModRule):
    op: ClassVar[str] = "update-automod-rule"
    op_words: ClassVar[str] = "change"
    purpose: ClassVar[str] = "change an AutoMod rule to what the map says (kept by id)"


SERVER_KINDS: tuple[type[ServerOperation], ...] = (SetServerSetting, EnableCommunity, SetOnboarding, SetWelcomeScreen,
                                                   CreateAutoModRule, UpdateAutoModRule)
"""Planned only for a map with a `server:` settings, onboarding, welcome screen or AutoMod section:
the bot's permission set grows by what these need only then (`permissions.permissions_for`)."""


def resolve_body(value: Any, resolve: Any) -> Any:
    """`value` with every `Pending` creation replaced by the id `resolve` gives it."""
    if isinstance(value, Pending):
        return resolve(value)
    if isinstance(value, dict):
        return {k: resolve_body(v, resolve) for k, v in value.items()}
    if isinstance(value, list):
        return [resolve_body(v, resolve) for v in value]
    return value
