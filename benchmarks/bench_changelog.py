#!/usr/bin/env python3
"""The size of the changelog page on a history of years, with and without the yearly pages.

    .venv/bin/python benchmarks/bench_changelog.py --commits 1000 --years 4
    .venv/bin/python benchmarks/bench_changelog.py --compare /tmp/before/plugins   # the code before, too

Makes a synthetic handbook with `corpus.py`'s generator, its commits spread evenly over `--years`
(not three hours apart), builds it with `mkdocs build` in subprocesses, and reports for each
variant the changelog page's HTML bytes and entries, the yearly pages and the entries they hold.
No timing: sizes are the same on every machine. `--calls` runs each build under cProfile and adds
the Python function calls it made, and those of a plain build of the same tree (`plugins: [search]`,
the baseline of the ratio): a count, steady where seconds are not. `--compare` builds the same variants with the
plugin code of that folder (`git archive <commit> plugins | tar -x -C /tmp/before`); code from
before the yearly pages gets the variants without `changelog_recent_months`.

Variants:
  default     the plugin's defaults
  all         changelog_limit: 100000 (every change of the recent months; before: of all history)
  one-page    changelog_recent_months: 0 and changelog_limit: 100000 (everything on one page)
"""

from __future__ import annotations

import argparse
import os
import pstats
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402 (the generator beside this script)

VARIANTS = {
    "default": "",
    "all": "      changelog_limit: 100000\n",
    "one-page": "      changelog_recent_months: 0\n      changelog_limit: 100000\n",
}


def make_tree(out: Path, pages: int, commits: int, years: int) -> None:
    corpus.STEP = years * 365 * 86400 // commits  # the generator's dates, spread over the years
    corpus.make(out, pages, commits, categories=10, seed=1, bench_configs=False)


def build(tree: Path, config: Path, site: Path, plugins_dir: str | None, calls: bool) -> int:
    """`mkdocs build` of `config` into `site`; the Python function calls it made when `calls`, else 0."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if plugins_dir:
        env["PYTHONPATH"] = plugins_dir
    profile = site.with_suffix(".prof")
    command = [sys.executable, *(["-m", "cProfile", "-o", str(profile)] if calls else []),
               "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    subprocess.run(command, cwd=tree, env=env, check=True, stdout=subprocess.DEVNULL)
    return pstats.Stats(str(profile)).total_calls if calls else 0  # type: ignore[attr-defined]


def plain_calls(tree: Path) -> int:
    config = tree / "mkdocs-plain-search.yml"
    config.write_text("INHERIT: mkdocs.yml\nplugins:\n  - search\n", encoding="utf-8")
    return build(tree, config, tree / "site-plain", None, True)


def measure(tree: Path, name: str, options: str, plugins_dir: str | None, calls: bool = False) -> dict[str, int]:
    config = tree / f"mkdocs-{name}.yml"
    config.write_text("INHERIT: mkdocs.yml\nplugins:\n  - search\n  - handbook:\n"
                      "      changelog: changes.md\n      drift: ignore\n" + options, encoding="utf-8")
    site = tree / f"site-{name}-{'before' if plugins_dir else 'after'}"
    made = build(tree, config, site, plugins_dir, calls)
    page = (site / "changes" / "index.html").read_text("utf-8")
    years = sorted((site / "changes").glob("[0-9][0-9][0-9][0-9]/index.html"))
    total = len(page.encode()) + sum(len(p.read_bytes()) for p in years)
    return {"calls": made, "bytes": len(page.encode()), "all bytes": total, "entries": page.count('id="change-'), "year pages": len(years),
            "entries on year pages": sum(p.read_text("utf-8").count('id="change-') for p in years)}


def knows_recent_months(plugins_dir: str) -> bool:
    """Whether the plugin code in `plugins_dir` has the `changelog_recent_months` option."""
    return any("changelog_recent_months" in p.read_text("utf-8") for p in Path(plugins_dir).glob("handbook/*.py"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--commits", type=int, default=1000)
    parser.add_argument("--years", type=int, default=4)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--compare", metavar="PLUGINS_DIR", help="also build with the plugin code of this folder")
    parser.add_argument("--calls", action="store_true", help="count function calls (cProfile), and a plain build's")
    parser.add_argument("--only", nargs="+", choices=list(VARIANTS), default=list(VARIANTS))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-changelog-") as work:
        tree = Path(work) / "handbook"
        make_tree(tree, args.pages, args.commits, args.years)
        rows = []
        for name in args.only:
            options = VARIANTS[name]
            after = measure(tree, name, options, None, args.calls)
            rows.append((name, "after", after))
            if args.compare:
                known = options if knows_recent_months(args.compare) else \
                    "".join(line + "\n" for line in options.splitlines() if "recent_months" not in line)
                rows.append((name, "before", measure(tree, name, known, args.compare, args.calls)))
        plain = plain_calls(tree) if args.calls else 0
        print(f"{args.commits} commits over {args.years} years, {args.pages} pages")
        if plain:
            print(f"plain build (search only): {plain:,} calls")
        print(f"{'variant':10} {'code':7} {'calls':>12} {'/ plain':>8} {'page bytes':>11} {'all bytes':>10} "
              f"{'entries':>8} {'year pages':>11} {'on year pages':>14}")
        for name, code, m in rows:
            ratio = f"{m['calls'] / plain:.3f}" if plain else "-"
            print(f"{name:10} {code:7} {m['calls']:>12,} {ratio:>8} {m['bytes']:>11,} {m['all bytes']:>10,} "
                  f"{m['entries']:>8} {m['year pages']:>11} {m['entries on year pages']:>14}")


if __name__ == "__main__":
    main()
