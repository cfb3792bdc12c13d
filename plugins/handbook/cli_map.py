"""`handbook check`, `handbook sync` and `handbook schema`: the channel map without a site build."""

from __future__ import annotations

import argparse
import json
import sys

from handbook import sync as sync_module
from handbook.channel_map import ChannelMapError
from handbook.project import ProjectError, detect_renames, display_path, load_map, load_project, run_checks
from handbook.yaml_io import write_atomic

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def register(subparsers: argparse._SubParsersAction) -> None:
    check = subparsers.add_parser("check", help="report drift between the docs and channel_map.yml",
                                  description="Report drift and validation findings; no site build. "
                                              "Exit 0 clean, 1 findings, 2 bad input.")
    _config_option(check)
    check.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    check.set_defaults(run=run_check)

    sync = subparsers.add_parser("sync", help="write the drift fixes into channel_map.yml",
                                 description="Add topic channels for new categories, rename on a category "
                                             "rename (keeping ids), archive orphans. Keeps hand edits.")
    _config_option(sync)
    sync.add_argument("--dry-run", action="store_true", help="print the change as a unified diff; write nothing")
    sync.set_defaults(run=run_sync)

    schema = subparsers.add_parser("schema", help="print the JSON Schema of channel_map.yml")
    schema.set_defaults(run=lambda args: (sys.stdout.write(sync_module.schema_text()), EXIT_CLEAN)[1])


def _config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-f", "--config-file", metavar="FILE", default="mkdocs.yml",
                        help="the MkDocs configuration file (default: mkdocs.yml)")


def _fail(message: str) -> int:
    print(f"handbook: {message}", file=sys.stderr)
    return EXIT_ERROR


def _analyse(args: argparse.Namespace):
    project = load_project(args.config_file)
    categories = project.categories()
    channel_map = load_map(project.map_path)
    renames = detect_renames(project.root, project.docs_dir, categories, channel_map) if channel_map else {}
    map_display = display_path(project.map_path, project.root)
    docs_display = display_path(project.docs_dir, project.root)
    drift, validation, drift_findings = run_checks(categories, channel_map, renames, map_display, docs_display)
    return project, categories, channel_map, drift, validation + drift_findings


def run_check(args: argparse.Namespace) -> int:
    try:
        _, _, _, _, findings = _analyse(args)
    except (ProjectError, ChannelMapError) as err:
        return _fail(str(err))
    if args.format == "json":
        print(json.dumps({"findings": [f.as_dict() for f in findings]}, indent=2, ensure_ascii=False))
    else:
        for finding in findings:
            print(finding.as_text())
        print("No drift: every handbook category has its topic channel." if not findings
              else f"{len(findings)} finding{'s' if len(findings) != 1 else ''}.")
    return EXIT_FINDINGS if findings else EXIT_CLEAN


def run_sync(args: argparse.Namespace) -> int:
    try:
        project, categories, channel_map, drift, _ = _analyse(args)
    except (ProjectError, ChannelMapError) as err:
        return _fail(str(err))
    path = project.map_path
    shown = display_path(path, project.root)
    if channel_map is None:
        old = ""
        result = sync_module.starter_map(project.config.site_name, categories,
                                         project.options.topic_channels_category)
    else:
        old = path.read_text(encoding="utf-8")
        result = sync_module.sync_map(channel_map, old, drift, project.options.topic_channels_category)
    if not result.changes:
        print(f"{shown} is in step with the docs; nothing to change.")
        return EXIT_CLEAN
    if args.dry_run:
        sys.stdout.write(sync_module.unified_diff(old, result.text, shown))
        return EXIT_CLEAN
    write_atomic(path, result.text)
    if channel_map is None and sync_module.write_schema_beside(path):
        print(f"wrote {sync_module.SCHEMA_NAME} beside it, for editors that check YAML")
    for change in result.changes:
        print(f"{shown}: {change}")
    return EXIT_CLEAN
