#!/usr/bin/env python3
"""How long `handbook check` takes next to a plain `mkdocs build` of the same handbook.

    .venv/bin/python benchmarks/bench_check.py [--pages 500 1000 2000] [--runs 5]

For each size it makes a synthetic handbook with git history (benchmarks/corpus.py),
writes a channel map with `handbook sync`, then puts the renamed categories' channels back on
their old folders, as a community that renamed folders without touching the map would have them:
so every run of `handbook check` also asks git about renames. Runs are paired (plain build, then
check, alternately) and the medians compared in the same session.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAKE_HANDBOOK = ROOT / "benchmarks" / "corpus.py"
BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def make(out: Path, pages: int, commits: int) -> None:
    if (out / "mkdocs-plain.yml").exists():
        return
    subprocess.run([sys.executable, str(MAKE_HANDBOOK), "--out", str(out), "--pages", str(pages),
                    "--commits", str(commits), "--bench-configs", "--force"], check=True)


def write_map(out: Path) -> int:
    """A map from `handbook sync`, with renamed folders' channels still on the old names."""
    (out / "channel_map.yml").unlink(missing_ok=True)
    subprocess.run([str(BIN / "handbook"), "sync", "-f", "mkdocs-plain.yml"], cwd=out, check=True,
                   capture_output=True, env=ENV)
    spec = importlib.util.spec_from_file_location("corpus", MAKE_HANDBOOK)
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    text = (out / "channel_map.yml").read_text()
    renamed = 0
    for old, new in tool.CATEGORY_RENAMES.items():
        if f"category: {new}\n" in text:
            text = text.replace(f"- name: {new}\n", f"- name: {old}\n").replace(f"category: {new}\n",
                                                                               f"category: {old}\n")
            renamed += 1
    (out / "channel_map.yml").write_text(text)
    return renamed


def timed(command: list[str], cwd: Path, ok_codes: tuple[int, ...] = (0,)) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=ENV)
    elapsed = time.perf_counter() - start
    if result.returncode not in ok_codes:
        sys.exit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, nargs="+", default=[500, 1000, 2000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=Path, default=ROOT / "benchmarks" / "work")
    args = parser.parse_args()
    rows = []
    for pages in args.pages:
        out = args.work / f"handbook-{pages}"
        make(out, pages, commits=pages * 5 // 2)
        renamed = write_map(out)
        site = out / "site-bench"
        plain, check = [], []
        for _ in range(args.runs):
            plain.append(timed([str(BIN / "mkdocs"), "build", "-q", "-f", "mkdocs-plain.yml", "-d", str(site)], out))
            # exit 1: the renamed folders are findings, as they should be
            check.append(timed([str(BIN / "handbook"), "check", "-f", "mkdocs-plain.yml"], out, (0, 1)))
        shutil.rmtree(site, ignore_errors=True)
        p, c = statistics.median(plain), statistics.median(check)
        rows.append((pages, renamed, p, c))
        print(f"{pages} pages: plain build {p:.2f} s, handbook check {c:.3f} s, ratio {c / p:.3f}", flush=True)
    print("\n| pages | renamed categories | plain `mkdocs build` (median) | `handbook check` (median) | check / build |")
    print("|---:|---:|---:|---:|---:|")
    for pages, renamed, p, c in rows:
        print(f"| {pages} | {renamed} | {p:.2f} s | {c:.3f} s | {c / p:.1%} |")


if __name__ == "__main__":
    main()
