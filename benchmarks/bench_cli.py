#!/usr/bin/env python3
"""`handbook check` on this repository's own handbook: the pre-commit hook's cost.

Runs `handbook check` and `handbook --version` (start-up alone) `--runs` times each as separate
processes, and a plain `mkdocs build` of the same tree (this repository's mkdocs.yml without the
handbook plugin) a few times, and prints the medians and the ratio check / plain build.

    .venv/bin/python benchmarks/bench_cli.py --runs 10

`--compare DIR` also times the `handbook` package in DIR (another commit's `plugins/` folder, e.g.
from `git archive main plugins | tar -x -C /tmp/main`), one run of each in turn, so that both
see the same load on a shared machine, and prints the ratio of the medians.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def timed(command: list[str], ok: tuple[int, ...] = (0,), env: dict[str, str] = ENV) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    if result.returncode not in ok:
        sys.exit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--builds", type=int, default=3)
    parser.add_argument("--compare", type=Path, metavar="DIR", help="another `plugins/` folder to time in turn")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        plain = Path(tmp) / "mkdocs-plain.yml"
        plain.write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {ROOT / 'docs'}\nplugins:\n  - search\n",
                         encoding="utf-8")
        site = Path(tmp) / "site"
        timed([str(BIN / "handbook"), "check"])  # warm the file cache
        version = [timed([str(BIN / "handbook"), "--version"]) for _ in range(args.runs)]
        check, other = [], []
        other_env = {**ENV, "PYTHONPATH": str(args.compare)} if args.compare else ENV
        for _ in range(args.runs):
            check.append(timed([str(BIN / "handbook"), "check"]))
            if args.compare:
                other.append(timed([str(BIN / "handbook"), "check"], env=other_env))
        build = [timed([str(BIN / "mkdocs"), "build", "-q", "-f", str(plain), "-d", str(site)])
                 for _ in range(args.builds)]
        shutil.rmtree(site, ignore_errors=True)
    v, c, b = (statistics.median(x) for x in (version, check, build))
    print(f"handbook --version: median {v:.3f} s of {args.runs}")
    print(f"handbook check:     median {c:.3f} s of {args.runs} (min {min(check):.3f} s)")
    print(f"plain mkdocs build: median {b:.3f} s of {args.builds}")
    print(f"check / plain build: {c / b:.1%}")
    if other:
        o = statistics.median(other)
        print(f"handbook check of {args.compare}: median {o:.3f} s (min {min(other):.3f} s); "
              f"this / that: {c / o:.2f} (of the minimums {min(check) / min(other):.2f})")


if __name__ == "__main__":
    main()
