"""`handbook generate`: the plugin's generated pages as files, for site generators that run no plugin."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from handbook.cli.common import EXIT_CLEAN, EXIT_FINDINGS, config_option


def register(subparsers: argparse._SubParsersAction) -> None:
    generate = subparsers.add_parser(
        "generate", help="write the generated pages (channels, roles, changelog, communities) as Markdown files",
        description="Write the pages the plugin generates into docs_dir (or --out) as Markdown files, "
                    "for Zensical and other generators that run no MkDocs plugin; with --feed, write the "
                    "Atom feed into the built site. Writes only what changed.")
    config_option(generate)
    generate.add_argument("--out", metavar="DIR", type=Path, help="where the pages go (default: docs_dir)")
    generate.add_argument("--feed", metavar="SITE_DIR", type=Path,
                          help="also write the feed into SITE_DIR (run it after the site is built)")
    generate.add_argument("--check", action="store_true", help="write nothing; exit 1 when a page would change")
    generate.set_defaults(run=run_generate)


def run_generate(args: argparse.Namespace) -> int:
    from handbook.project import load_project
    from handbook.cli.generate_pages import (generate_pages, pending_pages, remove_stale_pages, stale_pages,
                                             write_feed, write_pages)

    project = load_project(args.config_file)
    out = args.out or project.docs_dir
    generated = generate_pages(project)
    if args.check:
        stale = pending_pages(generated, out)
        for uri in stale:
            print(f"{project.show(out / uri)} would change")
        gone = stale_pages(generated, out)
        for uri in gone:
            print(f"{project.show(out / uri)} would be removed")
        return EXIT_FINDINGS if stale or gone else EXIT_CLEAN
    written = write_pages(generated, out)
    for uri in written:
        print(f"wrote {project.show(out / uri)}")
    removed = remove_stale_pages(generated, out)
    for uri in removed:
        print(f"removed {project.show(out / uri)}")
    if not written and not removed:
        print(f"{len(generated.pages)} generated files are up to date in {project.show(out)}.")
    if not generated.stylesheet_linked:
        from handbook.site.theme import STYLESHEET
        print(f"{project.show(project.config_file)}: add `extra_css: [{STYLESHEET}]` so Zensical links the "
              "handbook's stylesheet (underlined links in its boxes and generated pages).", file=sys.stderr)
    if args.feed:
        path = write_feed(generated, args.feed)
        if path:
            print(f"wrote {project.show(args.feed / path)}")
    return EXIT_CLEAN
