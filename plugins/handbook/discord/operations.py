"""The typed changes a plan is made of: one record per kind of operation. Pure data.

`plan` makes them, `apply` carries them out, the command line renders them and `pull` records
what they created. A reference to a server object (`Ref`) is either its Discord id or a
`Pending` creation: the operation, earlier in the same plan, that creates it. The applier turns
a `Pending` into an id once that operation has run, so nothing is looked up by name or string key.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any, ClassVar, Union

from handbook.channelmap import rules


@dataclass(frozen=True, eq=False)
class Pending:
    """A role, category or channel that `creator` (an operation of the same plan) creates."""

    creator: Create

    def __str__(self) -> str:
        return self.creator.name


Ref = Union[str, Pending]
"""A Discord id, or a creation pending in this plan."""


@dataclass(frozen=True)
class OverwriteChange:
    """One permission overwrite as it should be after the change; allow = deny = 0 removes it."""

    target: str
    """For people: `@everyone`, `role moderator`, `the bot`."""
    ref: Ref
    type: int
    """`rules.ROLE_OVERWRITE` or `rules.MEMBER_OVERWRITE`."""
    allow: int
    deny: int

    @property
    def removes(self) -> bool:
        return not (self.allow or self.deny)


@dataclass(frozen=True)
class Recorded:
    """An id (and the name Discord stored) that the map should now record."""

    what: str
    """`server`, `role`, `category`, `channel`, or `rename` (a channel known by id got a new name)."""
    id: str
    name: str | None = None
    map_category: str | None = None
    map_name: str | None = None
    old_id: str | None = None


def _overwrite_needs(changes: list[OverwriteChange]) -> int:
    """Discord lets a bot allow or deny only permissions it has itself, and Manage Roles to do it
    (https://discord.com/developers/docs/resources/channel#edit-channel-permissions)."""
    bits = 0
    for change in changes:
        bits |= change.allow | change.deny
    return bits | rules.MANAGE_ROLES if changes else 0


_ACCESS = rules.VIEW_CHANNEL
"""What a private channel's overwrites allow or deny."""
_LOCK = rules.VIEW_CHANNEL | rules.READ_ONLY_VOICE
"""What an archived channel's overwrites may allow or deny: its privacy and the read-only bits."""


def _show(value: Any) -> str:
    if value is None or value == "":
        return "(none)"
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "(none)"
    return str(value)


@dataclass(eq=False, kw_only=True)
class Operation:
    """What every operation shares: a name for people, the id it acts on (when it exists), a
    before and an after to show, and why. Compared by identity, so a `Pending` names one."""

    op: ClassVar[str]
    phase: ClassVar[int]
    """Roles, categories, renames and topics, creates, moves and archiving, permissions, deletes,
    order: roles exist before an overwrite names them, categories before their channels, and
    renames come before creates, so a new channel never meets an old one of the same name."""
    needs: ClassVar[int] = rules.MANAGE_CHANNELS
    """The bot's permissions this kind of operation needs."""
    sets: ClassVar[int] = 0
    """The permissions this kind of operation may allow or deny in an overwrite, which the bot must
    hold too (`_overwrite_needs`)."""
    purpose: ClassVar[str]
    """What this kind of operation does, for people: `handbook discord invite` lists it."""

    name: str
    id: str | None = None
    from_: Any = None
    to: Any = None
    reason: str = ""

    def permissions_needed(self) -> int:
        return self.needs

    @classmethod
    def request_needs(cls) -> int:
        """What sending an operation of this kind needs, whatever its overwrites name."""
        return cls.needs | (rules.MANAGE_ROLES if cls.sets else 0)

    @classmethod
    def may_need(cls) -> int:
        """Every permission an operation of this kind can need; `permissions_needed` stays within it."""
        return cls.request_needs() | cls.sets

    def as_dict(self) -> dict:
        return {"op": self.op, "id": self.id, "name": self.name, "from": self.from_, "to": self.to,
                "reason": self.reason}

    def text(self) -> str:  # pragma: no cover - every kind says itself
        raise NotImplementedError

    def describe(self) -> str:
        return f"{self.text()} ({self.reason})" if self.reason else self.text()


@dataclass(eq=False, kw_only=True)
class Create(Operation):
    """An operation that makes a new object; later operations refer to it through `pending`."""

    @property
    def pending(self) -> Pending:
        return Pending(self)


@dataclass(eq=False, kw_only=True)
class CreateRole(Create):
    op: ClassVar[str] = "create-role"
    phase: ClassVar[int] = 0
    needs: ClassVar[int] = rules.MANAGE_ROLES
    purpose: ClassVar[str] = "create a role the map lists"

    def text(self) -> str:
        return f"create role {self.name}"


@dataclass(eq=False, kw_only=True)
class CreateCategory(Create):
    op: ClassVar[str] = "create-category"
    phase: ClassVar[int] = 1
    sets: ClassVar[int] = _LOCK
    purpose: ClassVar[str] = "create a category (private, or the read-only archive)"
    category_name: str
    overwrites: list[OverwriteChange] = field(default_factory=list)
    map_category: str | None = None
    """The map entry to record the new id in (None for the archive the plan adds)."""
    old_id: str | None = None

    def permissions_needed(self) -> int:
        return self.needs | _overwrite_needs(self.overwrites)

    def text(self) -> str:
        return f"create category {self.name} ({_show(self.to)})"


@dataclass(eq=False, kw_only=True)
class CreateChannel(Create):
    op: ClassVar[str] = "create"
    phase: ClassVar[int] = 3
    sets: ClassVar[int] = _ACCESS
    purpose: ClassVar[str] = "create a channel (a private one lets the bot view it)"
    channel_name: str
    channel_type: int
    topic: str | None = None
    parent: Ref | None = None
    overwrites: list[OverwriteChange] = field(default_factory=list)
    map_category: str = ""
    map_name: str = ""
    old_id: str | None = None

    def permissions_needed(self) -> int:
        return self.needs | _overwrite_needs(self.overwrites)

    def text(self) -> str:
        return f'create {self.name} in "{self.to}"'


@dataclass(eq=False, kw_only=True)
class Change(Operation):
    """An operation on a channel or category the server has: its id is known when it is planned."""

    id: str


@dataclass(eq=False, kw_only=True)
class Patch(Change):
    """A change of one field of a channel or category (`PATCH /channels/{id}`): `to` is its value.
    A name and a topic for one id go in one request, as both count against the same sub-limit."""

    field_name: ClassVar[str]

    def payload(self) -> dict:
        return {self.field_name: self.to}


@dataclass(eq=False, kw_only=True)
class RenameCategory(Patch):
    op: ClassVar[str] = "rename-category"
    phase: ClassVar[int] = 1
    field_name: ClassVar[str] = "name"
    purpose: ClassVar[str] = "rename a category"

    def text(self) -> str:
        return f'rename category "{self.from_}" → "{self.to}"'


@dataclass(eq=False, kw_only=True)
class Rename(Patch):
    op: ClassVar[str] = "rename"
    phase: ClassVar[int] = 2
    field_name: ClassVar[str] = "name"
    purpose: ClassVar[str] = "rename a channel"

    def text(self) -> str:
        name = self.name
        return f"rename {name} → {name[0]}{self.to}" if name[:1] == "#" else f"rename {name} → {self.to}"


@dataclass(eq=False, kw_only=True)
class SetTopic(Patch):
    op: ClassVar[str] = "set-topic"
    phase: ClassVar[int] = 2
    field_name: ClassVar[str] = "topic"
    purpose: ClassVar[str] = "set a channel's topic"

    def text(self) -> str:
        return f'set topic of {self.name}: "{self.from_ or ""}" → "{self.to or ""}"'


@dataclass(eq=False, kw_only=True)
class Move(Change):
    op: ClassVar[str] = "move"
    phase: ClassVar[int] = 4
    needs: ClassVar[int] = rules.MANAGE_CHANNELS | rules.VIEW_CHANNEL
    purpose: ClassVar[str] = "move a channel to another category"
    parent: Ref | None = None

    def text(self) -> str:
        return f'move {self.name}: "{_show(self.from_)}" → "{_show(self.to)}"'


@dataclass(eq=False, kw_only=True)
class Archive(Change):
    """Move into the archive category (when not there yet) and make read-only."""

    op: ClassVar[str] = "archive"
    phase: ClassVar[int] = 4
    needs: ClassVar[int] = rules.MANAGE_CHANNELS | rules.VIEW_CHANNEL
    sets: ClassVar[int] = _LOCK
    purpose: ClassVar[str] = "archive a channel (deny @everyone what it may no longer do)"
    parent: Ref | None = None
    """The archive category when the channel must move there; None when it is there already."""
    changes: list[OverwriteChange] = field(default_factory=list)
    denied: int = 0
    """The bits `@everyone` loses, for people (`rules.read_only_bits`)."""

    def permissions_needed(self) -> int:
        return self.needs | _overwrite_needs(self.changes)

    def text(self) -> str:
        locked = f"read-only: {', '.join(rules.permission_names(self.denied))} denied" if self.denied else "locked"
        return f'archive {self.name}: "{_show(self.from_)}" → "{_show(self.to)}", {locked}'


@dataclass(eq=False, kw_only=True)
class SetPermissions(Change):
    op: ClassVar[str] = "set-permissions"
    phase: ClassVar[int] = 5
    needs: ClassVar[int] = rules.MANAGE_CHANNELS | rules.MANAGE_ROLES
    sets: ClassVar[int] = _LOCK
    purpose: ClassVar[str] = "set who may view a channel, or lock the archive"
    changes: list[OverwriteChange] = field(default_factory=list)

    def permissions_needed(self) -> int:
        return self.needs | _overwrite_needs(self.changes)

    def text(self) -> str:
        return f"set permissions of {self.name}: {_show(self.from_)} → {_show(self.to)}"


@dataclass(eq=False, kw_only=True)
class Delete(Change):
    op: ClassVar[str] = "delete"
    phase: ClassVar[int] = 6
    purpose: ClassVar[str] = "delete a channel (only with --allow-delete)"

    def text(self) -> str:
        return f"DELETE {self.name}" + (f' in "{_show(self.from_)}"' if self.from_ else "")


@dataclass(eq=False, kw_only=True)
class Reorder(Operation):
    """Put a category's channels (or, with no parent, the categories) in the map's order."""

    op: ClassVar[str] = "reorder"
    phase: ClassVar[int] = 7
    purpose: ClassVar[str] = "put channels and categories in the map's order"
    parent: Ref | None = None
    order: list[Ref] = field(default_factory=list)
    categories: bool = False

    def text(self) -> str:
        """Only what moves, so that the line stays short however many channels there are."""
        before, after = list(self.from_ or []), list(self.to or [])
        kept: set[int] = set()
        for block in difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_matching_blocks():
            kept.update(range(block.b, block.b + block.size))
        moving = [name for index, name in enumerate(after) if index not in kept]
        shown = ", ".join(moving[:5]) + (f" and {len(moving) - 5} more" if len(moving) > 5 else "")
        return f"reorder {self.name}: {shown or 'the order'} to {'their' if len(moving) > 1 else 'its'} place " \
               f"in the map ({len(after)} in all)"


KINDS: tuple[type[Operation], ...] = (CreateRole, CreateCategory, RenameCategory, Rename, SetTopic, CreateChannel, Move,
                                      Archive, SetPermissions, Delete, Reorder)
"""Every kind of operation a plan can hold, in the order `apply` runs them: the bot's permission
set is made from these (`handbook.discord.permissions`)."""
