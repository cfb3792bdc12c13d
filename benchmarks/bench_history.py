#!/usr/bin/env python3
"""Build-time cost of the handbook's page history, changelog and feed, measured against a plain build.

    .venv/bin/python benchmarks/bench_history.py --pages 2000 --commits 5000 --runs 5
    .venv/bin/python benchmarks/bench_history.py --pages 500 --commits 1000 --runs 7

Makes (or reuses) a synthetic handbook with `corpus.py --bench-configs` (its history is
deterministic), then builds it with `mkdocs build` in subprocesses, in paired rounds: each round
builds every variant once, in a rotated order, so that drift of the machine hits all variants
alike. Reported: the median time per variant and the median of the per-round ratios to the plain
build. Every variant is measured twice: with the generator's theme features, and with Material's
`navigation.prune` added and `navigation.sections` removed (sections render every section
expanded, so prune would cut nothing); a plain build then takes a fraction of the time, so the
same overhead weighs more.

Variants:
  plain          plugins: [search]                                  (corpus.py)
  handbook       plugins: [search, handbook] with history on (dates, contributors, changelog, feed)
  grdl-created   git-revision-date-localized with creation dates    (corpus.py)
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
MAKE_HANDBOOK = HERE / "corpus.py"

HANDBOOK_PLUGIN = (
    "plugins:\n"
    "  - search\n"
    "  - handbook:\n"
    "      changelog: changes.md\n"  # the generated tree has its own docs/changelog.md
)


def make_tree(out: Path, pages: int, commits: int) -> None:
    if (out / "mkdocs-plain.yml").exists():
        return
    subprocess.run(
        [sys.executable, str(MAKE_HANDBOOK), "--out", str(out), "--pages", str(pages),
         "--commits", str(commits), "--bench-configs", "--force"],
        check=True,
    )


def write_variants(tree: Path) -> dict[str, str]:
    """Config file per variant name, including the `navigation.prune` ones."""
    (tree / "mkdocs-handbook.yml").write_text("INHERIT: mkdocs.yml\n" + HANDBOOK_PLUGIN)
    exclude = tree / ".git" / "info" / "exclude"
    names = ["mkdocs-handbook.yml"]
    base = yaml.safe_load((tree / "mkdocs.yml").read_text())
    # navigation.sections renders every section expanded, which leaves prune nothing to cut.
    features = [f for f in base.get("theme", {}).get("features", []) if f != "navigation.sections"]
    features.append("navigation.prune")
    theme = yaml.safe_dump({"theme": {**base["theme"], "features": features}})
    variants = {"plain": "mkdocs-plain.yml", "handbook": "mkdocs-handbook.yml",
                "grdl-created": "mkdocs-grdl-created.yml"}
    for name, cfg in list(variants.items()):
        pruned = f"prune-{cfg}"
        (tree / pruned).write_text(f"INHERIT: {cfg}\n{theme}")
        variants[f"{name} +prune"] = pruned
        names.append(pruned)
    known = exclude.read_text() if exclude.exists() else ""
    with exclude.open("a") as f:
        for n in names:
            if n not in known.split():
                f.write(n + "\n")
    return variants


def build_once(mkdocs: str, tree: Path, cfg: str, site: Path) -> tuple[float, float]:
    """Wall time and CPU time (user + system of mkdocs and every process it waited for, git too)."""
    shutil.rmtree(site, ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        [mkdocs, "build", "-q", "-f", cfg, "-d", str(site)], cwd=tree, env=env,
        capture_output=True, text=True,
    )
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"{cfg} failed:\n{result.stdout}\n{result.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def measure(
    tree: Path, variants: dict[str, str], runs: int, mkdocs: str, warmup: bool = True
) -> dict[str, list[tuple[float, float]]]:
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in variants}
    names = list(variants)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        for name in names if warmup else []:  # warm-up: file cache, .pyc files
            build_once(mkdocs, tree, variants[name], site)
        for r in range(runs):
            order = names[r % len(names):] + names[: r % len(names)]
            for name in order:
                times[name].append(build_once(mkdocs, tree, variants[name], site))
            print(
                f"  round {r + 1}/{runs}: "
                + ", ".join(f"{n} {times[n][-1][0]:.2f}s (cpu {times[n][-1][1]:.2f}s)" for n in names),
                flush=True,
            )
    return times


def table(label: str, times: dict[str, list[tuple[float, float]]]) -> str:
    rows = [
        f"| {label} | median wall | wall ratio to plain (median of paired runs) | median CPU | CPU ratio |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, ts in times.items():
        base = times["plain +prune" if name.endswith("+prune") else "plain"]
        wall = statistics.median(t[0] / b[0] for t, b in zip(ts, base))
        cpu = statistics.median(t[1] / b[1] for t, b in zip(ts, base))
        rows.append(
            f"| {name} | {statistics.median(t[0] for t in ts):.2f} s | {wall:.3f} "
            f"| {statistics.median(t[1] for t in ts):.2f} s | {cpu:.3f} |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--commits", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "handbook-bench")
    ap.add_argument("--only", nargs="*", help="variant names to run (default: all)")
    ap.add_argument("--no-warmup", action="store_true", help="skip the warm-up build of each variant")
    args = ap.parse_args(argv)
    mkdocs = str(Path(sys.executable).with_name("mkdocs"))
    tree = args.workdir / f"handbook-{args.pages}p-{args.commits}c"
    make_tree(tree, args.pages, args.commits)
    variants = write_variants(tree)
    if args.only:
        variants = {k: v for k, v in variants.items() if k in args.only or k.split(" ")[0] in args.only}
    print(f"{tree}: {args.runs} paired rounds", flush=True)
    times = measure(tree, variants, args.runs, mkdocs, warmup=not args.no_warmup)
    print()
    print(table(f"{args.pages} pages, {args.commits} commits", times))
    return 0


if __name__ == "__main__":
    sys.exit(main())
