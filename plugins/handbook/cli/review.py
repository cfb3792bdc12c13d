"""`handbook review`: which pages are due for a re-read, on the command line (no site build).

Exit 0 when no page is overdue, 1 when one is, 2 for bad input (a bad option or command line, or
a page with a value that cannot be used: an impossible date, "6 moths", an unknown role). With
`--spread`, proposes review dates that spread the reviews over their period; `--write` sets them,
changing only those lines. `handbook discord announce --reviews` posts the same list to Discord.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from handbook.cli.common import (EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, UsageError, config_option, format_option,
                                 post_announcement)


def register(subparsers: argparse._SubParsersAction) -> None:
    review = subparsers.add_parser(
        "review", help="list pages by review date: overdue, due soon, never reviewed",
        description="Owners and review dates of every page (front matter `owner`, `last_reviewed`, "
                    "`review_every`). Exit 0 none overdue, 1 a page is overdue, 2 bad input. "
                    "Today is HANDBOOK_TODAY (YYYY-MM-DD) when set.")
    config_option(review)
    format_option(review)
    due_within_option(review)
    review.add_argument("--spread", action="store_true",
                        help="propose review dates that spread the reviews evenly over their period")
    review.add_argument("--write", action="store_true", help="with --spread: set those dates in the pages")
    review.set_defaults(run=run_review)


def due_within_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--due-within", metavar="PERIOD", default=None,
                        help="the window for 'due soon', e.g. 30d, 6 weeks (default: the plugin's "
                             "`review_due_within`, 30 days)")


def load_reviews(config_file: str | Path | None, due_within: str | None):
    """The project, its reviews (overdue first), the findings, and the setup they were judged with."""
    from handbook.project import load_map, load_project
    from handbook.reviews.dates import DateError, parse_duration
    from handbook.site.project_pages import project_reviews, source_pages

    window = None
    if due_within is not None:
        try:
            window = parse_duration(due_within)
        except DateError as err:
            raise UsageError(f"--due-within: {err.message}", fix=err.fix) from None
    project = load_project(config_file)
    channel_map = load_map(project.map_path, project.show(project.map_path))
    reviews, findings, setup = project_reviews(project, channel_map, source_pages(project), window)
    return project, reviews, findings, setup


def run_review(args: argparse.Namespace) -> int:
    from handbook.reviews.status import OVERDUE

    if args.write and not args.spread:
        raise UsageError("--write only goes with --spread", fix="run `handbook review --spread --write`")
    project, reviews, findings, setup = load_reviews(args.config_file, args.due_within)
    if args.spread:
        return _spread(args, project, reviews, findings, setup)
    if args.format == "json":
        print(json.dumps({"pages": [r.as_dict() for r in reviews], "findings": [f.as_dict() for f in findings]},
                         indent=2, ensure_ascii=False))
    else:
        _print_text(reviews, findings, setup)
    if findings:
        return EXIT_ERROR
    return EXIT_FINDINGS if any(r.status == OVERDUE for r in reviews) else EXIT_CLEAN


def _print_text(reviews, findings, setup) -> None:
    from handbook.reviews.status import DUE_SOON, NEVER, OK, OVERDUE

    rows = [(r.status, r.due.isoformat() if r.due else "-", r.file, r.owner_text or "(no owner)") for r in reviews]
    widths = [max([len(row[i]) for row in rows] + [0]) for i in range(3)]
    for row in rows:
        print(f"{row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]:<{widths[2]}}  {row[3]}")
    for finding in findings:
        print(finding.as_text())
    counts = {s: sum(r.status == s for r in reviews) for s in (OVERDUE, DUE_SOON, NEVER, OK)}
    print(f"As of {setup.today.isoformat()}: {counts[OVERDUE]} overdue, {counts[DUE_SOON]} due within "
          f"{setup.due_within}, {counts[NEVER]} never reviewed, {counts[OK]} up to date"
          + (f"; {len(findings)} value{'s' if len(findings) != 1 else ''} to fix." if findings else "."))


def _spread(args, project, reviews, findings, setup) -> int:
    from handbook.files import read_text, write_atomic
    from handbook.reviews.spread import propose, rewrite

    if findings:
        for finding in findings:
            print(finding.as_text())
        raise UsageError(f"{len(findings)} value{'s' if len(findings) != 1 else ''} to fix first",
                         fix="correct the values above, then spread")
    moves = propose(reviews, setup.today)
    written = []
    for move in moves:
        if not args.write:
            continue
        path = project.root / move.review.file
        text = read_text(path, move.review.file)
        new = rewrite(text, move.last_reviewed)
        if new is None:
            raise UsageError("`last_reviewed:` is not on one line of its own", file=move.review.file,
                             fix="write it as `last_reviewed: YYYY-MM-DD`")
        write_atomic(path, new)
        written.append(move)
    if args.format == "json":
        print(json.dumps({"moves": [{"file": m.review.file, "last_reviewed": m.was_reviewed.isoformat(),
                                     "new_last_reviewed": m.last_reviewed.isoformat(),
                                     "due": m.was_due.isoformat(), "new_due": m.due.isoformat()}
                                    for m in moves], "written": bool(args.write)}, indent=2, ensure_ascii=False))
        return EXIT_CLEAN
    for move in moves:
        print(f"{move.review.file}: last_reviewed {move.was_reviewed.isoformat()} -> "
              f"{move.last_reviewed.isoformat()} (due {move.was_due.isoformat()} -> {move.due.isoformat()})")
    if not moves:
        print("The reviews are spread already: nothing to move.")
    elif args.write:
        print(f"Set {len(written)} review date{'s' if len(written) != 1 else ''}.")
    else:
        print(f"{len(moves)} review date{'s' if len(moves) != 1 else ''} would move; run with --write to set them.")
    return EXIT_CLEAN


def run_announce_reviews(args: argparse.Namespace, webhook: str) -> int:
    """`handbook discord announce --reviews`: the pages due within the window, to the webhook."""
    from handbook.project import config_file_or_found
    from handbook.reviews.announce import build_message, due_to_announce
    from handbook.site.publication import load_site

    config_file = config_file_or_found(args.config_file)
    _, reviews, findings, setup = load_reviews(config_file, args.due_within)
    if findings:
        first = findings[0]
        raise UsageError(first.message, file=first.file, line=first.line,
                         fix=f"{first.fix} (run `handbook review` to see every value to fix)")
    site = load_site(config_file, Path(args.map) if args.map else None)
    due = due_to_announce(reviews, site.is_public, site.redact)
    if not due:
        print(f"No page is due for review within {setup.due_within}: nothing to announce.")
        return EXIT_CLEAN
    urls = {r.src_uri: url for r in due if (url := site.page_url(r.src_uri))}
    message = build_message(due, str(setup.due_within), urls, site.site_url, ping=args.ping)
    return post_announcement(webhook, message, dry_run=args.dry_run,
                             announced=f"Announced {len(due)} page{'s' if len(due) != 1 else ''} due for review "
                                       f"within {setup.due_within}.")
