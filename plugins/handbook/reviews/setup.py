"""From the plugin's options to what `status` needs: the defaults, the CODEOWNERS rules, "today".

The build (`handbook.site.reviews`) and the command line (`handbook.cli.review`) both call
`prepare`, so they judge every page the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from handbook.errors import HandbookError
from handbook.files import display_path, read_text
from handbook.findings import Finding, REVIEW_CATEGORY_UNKNOWN
from handbook.reviews import codeowners, dates
from handbook.reviews.status import Defaults, PageReview


@dataclass
class Setup:
    defaults: Defaults
    today: date
    due_within: dates.Duration
    findings: list[Finding]
    """Problems in the CODEOWNERS file and the options that name categories."""
    codeowners_path: Path | None = None
    """The CODEOWNERS file read, for `mkdocs serve` to watch."""


def prepare(options, root: Path, docs_dir: Path, channel_map, categories: list[str] | None = None,
            config_name: str = "mkdocs.yml") -> Setup:
    """`options` is the plugin's validated `HandbookConfig`; `root` the folder of mkdocs.yml."""
    try:
        today = dates.today(dates.parse_zone(options.review_timezone))
    except dates.DateError as err:
        raise HandbookError(err.message, fix=err.fix) from None
    defaults = Defaults(review_every=options.review_every, per_category=dict(options.review_every_by_category))
    if channel_map is not None:
        defaults.roles = {role.name: role.id for role in channel_map.roles}
    findings: list[Finding] = []
    codeowners_path = None
    if options.owners_from:
        codeowners_path = codeowners_file(options.owners_from, root, config_name)
        rules = load_codeowners(codeowners_path, root)
        findings += rules.findings
        defaults.codeowners = rules
        top = codeowners.repository_root(root)
        prefix = display_path(docs_dir, top)
        defaults.docs_prefix = "" if prefix == "." else prefix
    if categories is not None:
        findings += unknown_category_findings(options, categories, config_name)
    return Setup(defaults, today, options.review_due_within, findings, codeowners_path)


def reviews_asked_for(options, reviews: Iterable[PageReview]) -> bool:
    """Whether the site asks for reviews: an option names a period or the owners, or some page has
    `owner:`, `last_reviewed:` or `review_every:`. A site that never asked gets no reviews page
    (not "109 pages never reviewed")."""
    if options.review_every or options.review_every_by_category or options.owners_from:
        return True
    return any(r.owners or r.last_reviewed or r.every for r in reviews)


def unknown_category_findings(options, categories: list[str], config_name: str = "mkdocs.yml") -> list[Finding]:
    """Folders `review_every_by_category` names that are no handbook category (`categories`, the
    folders of the final navigation's categories)."""
    return [REVIEW_CATEGORY_UNKNOWN(f"`review_every_by_category` names `{folder}`, which is not a handbook category",
                                    config_name, None, f"use one of: {', '.join(categories) or '(no categories yet)'}")
            for folder in options.review_every_by_category if folder not in categories]


def codeowners_file(option: str, root: Path, config_name: str = "mkdocs.yml") -> Path:
    """`CODEOWNERS`: the file where GitHub looks for it; any other value: a path relative to mkdocs.yml."""
    if option.strip() != "CODEOWNERS":
        return root / option
    path = codeowners.find_file(codeowners.repository_root(root))
    if path is None:
        raise HandbookError("`owners_from: CODEOWNERS` but there is no CODEOWNERS file", file=config_name,
                            fix=f"add one at {', '.join(codeowners.LOCATIONS)} of the repository, "
                                "or remove `owners_from`")
    return path


def load_codeowners(path: Path, root: Path) -> codeowners.CodeOwners:
    shown = display_path(path, root)
    return codeowners.parse(read_text(path, shown), shown)
