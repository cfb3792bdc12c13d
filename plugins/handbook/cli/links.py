"""`handbook links check`: ask whether every external link and community is alive; write link_status.json."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from handbook.cli.common import EXIT_CLEAN, EXIT_FINDINGS, config_option, format_option


def register(subparsers: argparse._SubParsersAction) -> None:
    links = subparsers.add_parser("links", help="check the handbook's external links and communities")
    commands = links.add_subparsers(dest="links_command", metavar="COMMAND")
    check = commands.add_parser(
        "check", help="check every external link and community; write link_status.json",
        description="Check every external link of the handbook's pages and every community url and Discord "
                    "invite, and write the results to link_status.json for the build. "
                    "Exit 0 when all are alive, 1 when any is dead or unreachable, 2 for bad input.")
    config_option(check)
    format_option(check)
    check.add_argument("--only", choices=("pages", "communities"), default=None,
                       help="check only the pages' links or only the communities (the other results are kept)")
    check.add_argument("--no-cache", action="store_true",
                       help="ask about every link, even those checked within `link_check: cache_hours`")
    check.set_defaults(run=run_check)


def run_check(args: argparse.Namespace) -> int:
    from pathlib import Path

    from mkdocs.structure.files import get_files

    from handbook.files import check_writable, read_text
    from handbook.linkhealth import run, status
    from handbook.linkhealth.communities import load_communities
    from handbook.project import load_project

    project = load_project(args.config_file)
    options = project.options
    communities_path = project.root / options.communities
    status_path = project.root / options.link_status
    communities = load_communities(communities_path, project.show(communities_path)) \
        if args.only != "pages" else None
    previous = status.load_status(status_path, project.show(status_path))
    check_writable(status_path, project.show(status_path))  # before the first request, not after the last
    pages = []
    if args.only != "communities":
        for file in get_files(project.config).documentation_pages():
            if file.abs_src_path is None:  # none in a fresh file list; generated pages come from plugins
                continue
            path = Path(file.abs_src_path)
            pages.append((project.show(path), read_text(path, project.show(path))))
    found = run.collect(pages, communities, options.link_check.exclude)
    cache = dt.timedelta(hours=0 if args.no_cache else options.link_check.cache_hours)
    progress = _Progress() if args.format == "text" and sys.stderr.isatty() else None
    outcome = run.check(found, previous, run.settings_from(options.link_check), cache,
                        progress=progress)
    if progress is not None:
        progress.done()
    checked_at = status.now_text()
    kept = [r for url, r in (previous.links.items() if previous and args.only else ()) if url not in found]
    status.write_status(status_path, checked_at, outcome.results + kept)
    _print(args, outcome, project.show(status_path), checked_at)
    return EXIT_FINDINGS if any(not r.is_alive and r.status != "unchecked" for r in outcome.results) else EXIT_CLEAN


def _print(args: argparse.Namespace, outcome, shown_status: str, checked_at: str) -> None:
    if args.format == "json":
        print(json.dumps({"checked_at": checked_at, "links": [r.as_dict() for r in outcome.results]},
                         indent=2, ensure_ascii=False))
        return
    counts: dict[str, int] = {}
    for result in outcome.results:
        counts[result.status] = counts.get(result.status, 0) + 1
        if result.status == "ok":
            continue
        where = result.where[0] if result.where else None
        place = f"{where.file}:{where.line}: " if where and where.line else f"{where.file}: " if where else ""
        detail = f" -> {result.final_url}" if result.status == "redirected" else f" ({result.error})" if result.error else ""
        more = f" (and {len(result.where) - 1} more places)" if len(result.where) > 1 else ""
        print(f"{place}{result.status}: {result.url}{detail}{more}")
    summary = ", ".join(f"{counts[s]} {label}" for s, label in
                        (("ok", "alive"), ("redirected", "moved"), ("dead", "dead"),
                         ("unreachable", "unreachable"), ("unchecked", "unchecked")) if counts.get(s))
    total = len(outcome.results)
    print(f"{total} link{'s' if total != 1 else ''}: {summary or 'none found'} "
          f"({outcome.cached} from the cache, {outcome.requests} requests). Wrote {shown_status}.")


class _Progress:
    """`checking links: 120/400` on the terminal, rewritten in place."""

    def __call__(self, done: int, total: int) -> None:
        sys.stderr.write(f"\rchecking links: {done}/{total}")
        sys.stderr.flush()

    def done(self) -> None:
        sys.stderr.write("\r\033[K")
        sys.stderr.flush()
