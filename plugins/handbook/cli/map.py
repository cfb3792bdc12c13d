"""`handbook check`, `handbook sync` and `handbook schema`: the channel map without a site build."""

from __future__ import annotations

import argparse
import json
import sys

from handbook.cli.common import EXIT_CLEAN, EXIT_FINDINGS, config_option, format_option


def register(subparsers: argparse._SubParsersAction) -> None:
    check = subparsers.add_parser("check", help="report drift between the docs and channel_map.yml",
                                  description="Report drift and validation findings, and the page findings "
                                              "a build reports that need no build (a #channel at a line's "
                                              "start, review values, CODEOWNERS lines GitHub ignores; not "
                                              "overdue pages); no site build. "
                                              "Exit 0 clean, 1 findings, 2 bad input.")
    config_option(check)
    format_option(check)
    check.set_defaults(run=run_check)

    sync = subparsers.add_parser("sync", help="write the drift fixes into channel_map.yml",
                                 description="Add topic channels for new categories, rename on a category "
                                             "rename (keeping ids), archive orphans, refresh the topics it wrote when a "
                                             "title changes. Keeps hand edits.")
    config_option(sync)
    format_option(sync)
    sync.add_argument("--dry-run", action="store_true", help="print the change as a unified diff; write nothing")
    sync.add_argument("--add-near", action="store_true",
                      help="add a topic channel even for a category whose name an existing channel comes close to")
    sync.add_argument("--check", action="store_true",
                      help="write nothing; exit 1 when sync would change the map (for CI), 0 when it is in step")
    sync.set_defaults(run=run_sync)

    schema = subparsers.add_parser("schema", help="print the JSON Schema of channel_map.yml or communities.yml")
    schema.add_argument("which", nargs="?", choices=("channel-map", "communities"), default="channel-map",
                        help="which file's schema (default: channel-map)")
    schema.set_defaults(run=run_schema)


def run_schema(args: argparse.Namespace) -> int:
    if args.which == "communities":
        from handbook.linkhealth.communities import schema_text
    else:
        from handbook.channelmap.schema_gen import schema_text

    sys.stdout.write(schema_text())
    return EXIT_CLEAN


def run_check(args: argparse.Namespace) -> int:
    from handbook.findings import INFO
    from handbook.project import load_project
    from handbook.site.project_pages import check_findings

    project = load_project(args.config_file)
    analysis = project.analyse()
    findings = analysis.findings + check_findings(project, analysis.channel_map)
    if args.format == "json":
        print(json.dumps({"findings": [f.as_dict() for f in findings]}, indent=2, ensure_ascii=False))
    else:
        for finding in findings:
            print(finding.as_text())
        print("No drift: every handbook category has its topic channel." if not findings
              else f"{len(findings)} finding{'s' if len(findings) != 1 else ''}.")
    return EXIT_FINDINGS if any(f.severity != INFO for f in findings) else EXIT_CLEAN


def run_sync(args: argparse.Namespace) -> int:
    from handbook.checks import sync as sync_module
    from handbook.channelmap.schema_gen import SCHEMA_NAME, write_schema_beside
    from handbook.channelmap.yaml_io import write_roundtrip
    from handbook.checks.guard import refuse_invalid
    from handbook.checks.sync_server import propose_server
    from handbook.files import read_text, write_atomic
    from handbook.project import load_project

    project = load_project(args.config_file)
    analysis = project.analyse()
    path = project.map_path
    shown = project.show(path)
    if analysis.channel_map is None:
        old = ""
        result = sync_module.starter_map(project.config.site_name, analysis.categories,
                                         project.options.topic_channels_category)
    else:
        assert analysis.drift is not None  # analyse() compares whenever there is a map
        old = read_text(path, shown)
        result = sync_module.sync_map(analysis.channel_map, old, analysis.drift,
                                      project.options.topic_channels_category, add_near=args.add_near,
                                      map_file=shown)
        proposed = propose_server(analysis.channel_map, analysis.categories, project.docs_dir)
        if proposed:  # onboarding and welcome screen, while absent: said in the output as proposals
            result = sync_module.SyncResult(write_roundtrip(old, analysis.channel_map.document),
                                            result.changes + proposed, result.left)
    if result.changes:
        refuse_invalid(analysis.channel_map, result.text, path, shown, "handbook sync")
    write = bool(result.changes) and not (args.dry_run or args.check)
    diff = sync_module.unified_diff(old, result.text, shown) if result.changes and args.dry_run else None
    if write:
        write_atomic(path, result.text, shown)
    schema_written = write and analysis.channel_map is None and write_schema_beside(path)
    pending = args.check and bool(result.changes)
    status = EXIT_FINDINGS if result.left or pending else EXIT_CLEAN
    if args.format == "json":
        report = {"map": shown, "changes": result.changes, "left": list(result.left), "written": write}
        if diff is not None:
            report["diff"] = diff
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return status
    if not result.changes:
        if not result.left:
            print(f"{shown} is in step with the docs; nothing to change.")
    elif diff is not None:
        sys.stdout.write(diff)
    else:
        if schema_written:
            print(f"wrote {SCHEMA_NAME} beside it, for editors that check YAML")
        for change in result.changes:
            print(f"{shown}: {change}" if write else f"{shown}: would have {change}")
    for item in result.left:
        print(f"{shown}: left for you: {item}")
    return status
