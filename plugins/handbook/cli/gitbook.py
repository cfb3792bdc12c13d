"""`handbook import gitbook [PATH] [--dry-run]`: print the plan, or apply it as two commits."""

from __future__ import annotations

import argparse
from pathlib import Path

from handbook.cli.common import EXIT_CLEAN


def register(commands: argparse._SubParsersAction) -> None:
    """Add `import gitbook` to the `handbook` command's subcommands."""
    importing = commands.add_parser("import", help="import a handbook from another tool")
    sources = importing.add_subparsers(dest="source", metavar="SOURCE", required=True)
    gitbook = sources.add_parser(
        "gitbook",
        help="convert a GitBook repository into a handbook, keeping its git history",
        description=(
            "Convert a GitBook repository (or a folder in one) into a handbook that builds with "
            "`mkdocs build --strict`: one commit of pure renames, then one commit of conversions."
        ),
    )
    gitbook.add_argument("path", nargs="?", default=".", metavar="PATH", help="the GitBook folder (default: .)")
    gitbook.add_argument("--dry-run", action="store_true", help="print the moves and edits; change nothing")
    gitbook.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from handbook.gitbook.importer import AlreadyImported, apply_import, plan_import

    try:
        plan = plan_import(Path(args.path))
        if args.dry_run:
            report(plan, dry_run=True)
            return EXIT_CLEAN
        result = apply_import(plan)
    except AlreadyImported as already:
        print(f"{already}: already a handbook (no SUMMARY.md left to import); nothing to do.")
        return EXIT_CLEAN
    report(plan, dry_run=False)
    shas = ", ".join(sha[:8] for sha in result.commits)
    config = Path(args.path) / "mkdocs.yml"
    print(
        f"Imported {plan.pages} pages into docs/ in {len(result.commits)} commits ({shas}); "
        f"{len(plan.findings)} things to look at above. Build it with: mkdocs build --strict -f {config}"
    )
    return EXIT_CLEAN


def report(plan, dry_run: bool) -> None:
    would = "would " if dry_run else ""
    for old, new in sorted(plan.moves.items()):
        print(f"{would}rename {old} -> {new}")
    for path in sorted(plan.writes):
        if path in plan.created:
            what = f" (redirect to {plan.redirects[path[5:]]})" if path[5:] in plan.redirects else ""
            print(f"{would}create {path}{what}")
        else:
            changes = plan.changes.get(path, {})
            summary = ", ".join(f"{name} {count}" for name, count in sorted(changes.items()))
            print(f"{would}edit {path}" + (f" ({summary})" if summary else ""))
    if plan.map_file:
        print(f"{would}create {plan.map_file} (as `handbook sync` writes a first map: a topic channel per category)")
    for path in plan.deletes:
        print(f"{would}delete {path}")
    for page in plan.not_in_nav:
        if page not in plan.redirects:
            print(f"not in the nav (kept, built, listed in not_in_nav): docs/{page}")
    for finding in plan.findings:
        print(f"not converted: {finding}")
