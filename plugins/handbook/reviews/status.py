"""One page's review: its owner, last review, period, due date and status, and its bad values.

`review_page` reads one page's front matter values (with lines) and the defaults; `collect` does
it for every page. Status: `overdue` (due before today), `due-soon` (due within the window),
`ok`, or `never` (no `last_reviewed`). Every value that cannot be used is a finding with the
page's file and line and the fix; the page is then treated as if the value were absent.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from handbook.findings import (
    Code, FRONT_MATTER_INVALID, Finding, REVIEW_DATE_INVALID, REVIEW_DATE_IN_FUTURE, REVIEW_OVERDUE,
    REVIEW_OWNER_INVALID, REVIEW_OWNER_UNKNOWN_ROLE, REVIEW_PERIOD_INVALID)
from handbook.reviews import frontmatter
from handbook.reviews.codeowners import CodeOwners
from handbook.reviews.dates import DateError, Duration, parse_date, parse_duration

OVERDUE, DUE_SOON, OK, NEVER = "overdue", "due-soon", "ok", "never"
STATUS_ORDER = {OVERDUE: 0, DUE_SOON: 1, NEVER: 2, OK: 3}


@dataclass(frozen=True)
class Owner:
    name: str
    """As shown: `@moderator` for a role of the map, else the text (a person, a team, `@org/team`)."""
    role_id: str | None = None
    """The Discord role's id when the owner is a role of the map that has one."""
    is_role: bool = False


@dataclass
class Defaults:
    """The plugin's options that apply when a page says nothing."""

    review_every: Duration | None = None
    per_category: dict[str, Duration] = field(default_factory=dict)
    codeowners: CodeOwners | None = None
    docs_prefix: str = "docs"
    """The docs folder relative to the repository root, to match CODEOWNERS patterns."""
    roles: dict[str, str | None] | None = None
    """Role names of the channel map → their ids (None for a role without one); None without a map."""


@dataclass
class PageReview:
    src_uri: str
    file: str
    """The page as people open it: relative to mkdocs.yml."""
    title: str
    owners: tuple[Owner, ...] = ()
    owners_from: str | None = None
    """`page` or the CODEOWNERS file's name."""
    last_reviewed: date | None = None
    every: Duration | None = None
    due: date | None = None
    reviewed_line: int | None = None
    """The line of `last_reviewed:` in the page's file, for the overdue finding."""
    status: str = NEVER

    @property
    def owner_text(self) -> str | None:
        return ", ".join(o.name for o in self.owners) or None

    @property
    def sort_key(self) -> tuple[int, date, str]:
        return (STATUS_ORDER[self.status], self.due or date.max, self.file)

    def due_dates(self) -> tuple[date, date]:
        """(last reviewed, due) of a page that falls due (overdue or due soon): such a page has both."""
        if self.last_reviewed is None or self.due is None:
            raise ValueError(f"{self.file} has no due date (its status is {self.status})")
        return self.last_reviewed, self.due

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.file, "title": self.title, "owner": self.owner_text,
                "last_reviewed": self.last_reviewed.isoformat() if self.last_reviewed else None,
                "due": self.due.isoformat() if self.due else None, "status": self.status}


Bad = Callable[[Code, str, frontmatter.Value, str], None]
"""Reports a value that cannot be used: its code, the message, the value (for its line) and the fix."""


def review_page(src_uri: str, file: str, title: str, text: str, defaults: Defaults, today: date,
                due_within: Duration) -> tuple[PageReview, list[Finding]]:
    page = PageReview(src_uri, file, title)
    findings: list[Finding] = []
    meta = frontmatter.read(text)
    if meta.problem:
        findings.append(FRONT_MATTER_INVALID(meta.problem, file, meta.problem_line,
                                'correct the YAML between the `---` lines; quote values that start with `@`, '
                                'e.g. owner: "@moderator"'))

    def bad(code: Code, message: str, value: frontmatter.Value, fix: str) -> None:
        findings.append(code(message, file, value.line, fix))

    owner = meta.get("owner")
    if owner is not None and owner.kind == "mapping":
        bad(REVIEW_OWNER_INVALID, "owner: each owner is a name, a team or a Discord role (`@role`)", owner,
            'write owner: "@moderator", owner: Ada Lovelace, or a list of these')
    elif owner is not None and owner.raw not in (None, "", []):
        page.owners = _owners(owner, defaults.roles, bad)
        page.owners_from = "page" if page.owners else None
    if not page.owners and defaults.codeowners is not None:
        names = defaults.codeowners.owners_of(f"{defaults.docs_prefix}/{src_uri}".lstrip("/"))
        page.owners = tuple(Owner(name) for name in names)
        page.owners_from = defaults.codeowners.shown if names else None

    every = meta.get("review_every")
    if every is not None and every.raw not in (None, ""):
        try:
            raw = int(every.raw) if every.tag.endswith(":int") and isinstance(every.raw, str) else every.raw
            page.every = parse_duration(raw)
        except (DateError, ValueError) as err:
            bad(REVIEW_PERIOD_INVALID, f"review_every: {getattr(err, 'message', err)}", every,
                getattr(err, "fix", "write e.g. `6 months`"))
    if page.every is None:
        page.every = defaults.per_category.get(src_uri.split("/", 1)[0]) if "/" in src_uri else None
        page.every = page.every or defaults.review_every

    reviewed = meta.get("last_reviewed")
    page.reviewed_line = reviewed.line if reviewed else None
    if reviewed is not None and reviewed.raw not in (None, ""):
        try:
            if not isinstance(reviewed.raw, str):
                raise DateError(f"{reviewed.raw!r} is not a date", "write one date as YYYY-MM-DD")
            page.last_reviewed = parse_date(reviewed.raw)
        except DateError as err:
            bad(REVIEW_DATE_INVALID, f"last_reviewed: {err.message}", reviewed, err.fix)
        if page.last_reviewed and page.last_reviewed > today:
            bad(REVIEW_DATE_IN_FUTURE, f"last_reviewed: {page.last_reviewed.isoformat()} is after today "
                f"({today.isoformat()})", reviewed, "write the day the page was last reviewed (today at the latest)")
            page.last_reviewed = None

    page.status = NEVER
    if page.last_reviewed is not None:
        page.status = OK
        if page.every is not None:
            page.due = page.every.after(page.last_reviewed)
            if page.due < today:
                page.status = OVERDUE
            elif page.due <= due_within.after(today):
                page.status = DUE_SOON
    findings.sort(key=lambda f: f.line or 0)
    return page, findings


def overdue_finding(page: PageReview, line: int | None) -> Finding:
    owner = f"; its owner is {page.owner_text}" if page.owner_text else "; it has no owner"
    last_reviewed, due = page.due_dates()
    return REVIEW_OVERDUE(
                   f"due for review on {due.isoformat()} (last reviewed {last_reviewed.isoformat()}, "
                   f"every {page.every}){owner}", page.file, line,
                   "re-read the page, then set `last_reviewed:` in its front matter to the day you did")


def collect(pages: Iterable[tuple[str, str, str, str]], defaults: Defaults, today: date,
            due_within: Duration) -> tuple[list[PageReview], list[Finding]]:
    """Every page (src_uri, file shown, title, text): reviews, overdue first, and the findings."""
    reviews: list[PageReview] = []
    findings: list[Finding] = []
    for src_uri, file, title, text in pages:
        page, problems = review_page(src_uri, file, title, text, defaults, today, due_within)
        reviews.append(page)
        findings.extend(problems)
    reviews.sort(key=lambda p: p.sort_key)
    return reviews, findings


def _owners(value: frontmatter.Value, roles: dict[str, str | None] | None, bad: Bad) -> tuple[Owner, ...]:
    items = value.raw if isinstance(value.raw, list) else [value.raw]  # a list value's raw is its items
    tags = value.item_tags if isinstance(value.raw, list) else (value.tag,)
    owners: list[Owner] = []
    for item, tag in zip(items, tags):
        became = frontmatter.read_as(tag) if isinstance(item, str) else None
        if became is not None:  # `owner: [5, null]`: YAML read no names there
            fix = (f'quote it (`"{item}"`), or write the name' if became != "nothing"
                   else "remove it from the list, or write the name")
            bad(REVIEW_OWNER_INVALID, f"owner: `{item}` is {became} to YAML, not a name", value, fix)
            continue
        if not isinstance(item, str) or not item.strip():
            bad(REVIEW_OWNER_INVALID, "owner: each owner is a name, a team or a Discord role (`@role`)", value,
                'write owner: "@moderator", owner: Ada Lovelace, or a list of these')
            continue
        name = item.strip()
        if "@" in name[1:] and not name.startswith("@"):
            bad(REVIEW_OWNER_INVALID, "owner: an e-mail address would be published on the site", value,
                "name the person or their team instead")
            continue
        if roles is not None and name.startswith("@") and "/" not in name:  # a Discord role of the map (`@org/team` is a git host's)
            role = name[1:]
            if role not in roles:
                guess = difflib.get_close_matches(role, list(roles), n=1, cutoff=0.6)
                hint = f"did you mean `@{guess[0]}`?" if guess else (
                    f"use a role of the map ({', '.join('@' + r for r in roles)})" if roles
                    else "add the role to the channel map's `roles:`")
                bad(REVIEW_OWNER_UNKNOWN_ROLE, f"owner: `{name}` is not a role of the channel map", value,
                    f"{hint} (a name without `@` is shown as it is)")
                continue
            owners.append(Owner(name, roles[role], True))
        else:
            owners.append(Owner(name))
    return tuple(owners)
