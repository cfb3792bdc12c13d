#!/usr/bin/env python3
"""Whether two built sites are the same, file for file: an optimisation must not change a page.

    .venv/bin/python benchmarks/compare_sites.py SITE_BEFORE SITE_AFTER            # HTML files
    .venv/bin/python benchmarks/compare_sites.py SITE_BEFORE SITE_AFTER --all      # every file
    .venv/bin/python benchmarks/compare_sites.py A B --collapse-space   # as a browser shows them

Lists the files only one site has and the files that differ (with the first differing line of
each), and exits 1 when there is any, 0 when the sites are byte-identical. `--collapse-space`
compares with every run of white space made one space: HTML shows such pages alike (outside
`<pre>`, which no box of the plugin writes), so a change of indentation is not a difference. Build both sites with
the same `SOURCE_DATE_EPOCH` (bench_calls.py sets it), or the dates of "today" differ.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from pathlib import Path


def site_files(root: Path, every: bool) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*")
            if p.is_file() and (every or p.suffix == ".html")}


def first_difference(a: bytes, b: bytes) -> str:
    lines_a = a.decode("utf-8", "replace").splitlines()
    lines_b = b.decode("utf-8", "replace").splitlines()
    for line in difflib.unified_diff(lines_a, lines_b, lineterm="", n=0):
        if line.startswith(("-", "+")) and not line.startswith(("---", "+++")):
            return line[:200]
    return "(line endings or a final newline)"


SPACE = re.compile(rb"\s+")


def compare(before: Path, after: Path, every: bool = False, collapse_space: bool = False) -> list[str]:
    """One line per difference; empty when the sites are the same."""
    a, b = site_files(before, every), site_files(after, every)
    problems = [f"only in {before}: {name}" for name in sorted(a - b)]
    problems += [f"only in {after}: {name}" for name in sorted(b - a)]
    for name in sorted(a & b):
        old, new = (before / name).read_bytes(), (after / name).read_bytes()
        if collapse_space and old != new:
            old, new = SPACE.sub(b" ", old), SPACE.sub(b" ", new)
            old, new = old.replace(b"> <", b">\n<"), new.replace(b"> <", b">\n<")  # lines to show
        if old != new:
            problems.append(f"differs: {name}: {first_difference(old, new)}")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    ap.add_argument("--all", action="store_true", help="every file, not only the HTML pages")
    ap.add_argument("--collapse-space", action="store_true", help="every run of white space counts as one space")
    args = ap.parse_args(argv)
    for site in (args.before, args.after):
        if not site.is_dir():
            print(f"{site} is not a folder: give two built sites (site_dir)", file=sys.stderr)
            return 2
    problems = compare(args.before, args.after, args.all, args.collapse_space)
    for line in problems:
        print(line)
    count = len(site_files(args.before, args.all))
    print(f"{count} files compared, {len(problems)} differences", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
