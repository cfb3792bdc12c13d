#!/usr/bin/env python3
"""`handbook check` on this repository's own handbook: the pre-commit hook's cost.

Runs `handbook check` and `handbook --version` (start-up alone) `--runs` times each as separate
processes, and a plain `mkdocs build` of the same tree (this repository's mkdocs.yml without the
handbook plugin) as many times, in turn, and prints the medians and the ratio check / plain build.

    .venv/bin/python benchmarks/bench_cli.py --runs 10

`--compare DIR` also times the `handbook` package in DIR (another commit's `plugins/` folder, e.g.
from `git archive main plugins | tar -x -C /tmp/main`), one run of each in turn with the plain
builds, so that all see the same load on a shared machine, and prints the ratio of the medians.
Wall and CPU time (user + system) are both reported: on a shared machine the CPU time is the
steadier figure. Every process keeps its compiled modules in a temporary bytecode cache, as
Python does on a user's machine (PYTHONDONTWRITEBYTECODE would make each run compile them again).
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

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def environment(cache: Path) -> dict[str, str]:
    """As on a user's machine, Python keeps the modules it compiled (here in `cache`, out of the
    tree): with PYTHONDONTWRITEBYTECODE set, every run would compile the handbook package again."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPYCACHEPREFIX": str(cache)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def timed(command: list[str], env: dict[str, str], ok: tuple[int, ...] = (0,)) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system of the process and its children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode not in ok:
        sys.exit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    return elapsed, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


FLOOR = """\
import logging, sys
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation
logging.getLogger("mkdocs").setLevel(logging.ERROR)
config = load_config(config_file=sys.argv[1])
config = config.plugins.on_config(config)
get_navigation(get_files(config), config)
"""
"""MkDocs' own steps to the navigation of the plain configuration (search only), and nothing else:
the least that any command reading the build's nav can cost (`--floor`)."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--builds", type=int, default=None, help="plain builds (default: one per run)")
    parser.add_argument("--compare", type=Path, metavar="DIR", help="another `plugins/` folder to time in turn")
    parser.add_argument("--floor", action="store_true",
                        help="also time MkDocs' own steps to the nav alone (load_config, on_config, files, nav)")
    args = parser.parse_args()
    builds = args.runs if args.builds is None else args.builds
    with tempfile.TemporaryDirectory() as tmp:
        plain = Path(tmp) / "mkdocs-plain.yml"
        plain.write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {ROOT / 'docs'}\nplugins:\n  - search\n",
                         encoding="utf-8")
        site = Path(tmp) / "site"
        env = environment(Path(tmp) / "pycache")
        other_env = {**env, "PYTHONPATH": str(args.compare)} if args.compare else env
        build_command = [str(BIN / "mkdocs"), "build", "-q", "-f", str(plain), "-d", str(site)]
        check_command = [str(BIN / "handbook"), "check"]
        # warm the file cache and compile every module once (the bytecode cache)
        timed(check_command, env)
        timed(build_command, env)
        if args.compare:
            timed(check_command, other_env)
        version = [timed([str(BIN / "handbook"), "--version"], env)[0] for _ in range(args.runs)]
        floor_command = [sys.executable, "-c", FLOOR, str(plain)]
        check, other, build, floor = [], [], [], []
        for run in range(max(args.runs, builds)):  # in turn, so that all see the same load on a shared machine
            if run < args.runs:
                check.append(timed(check_command, env))
                if args.compare:
                    other.append(timed(check_command, other_env))
            if run < builds:
                build.append(timed(build_command, env))
            if args.floor and run < args.runs:
                floor.append(timed(floor_command, env))
        shutil.rmtree(site, ignore_errors=True)
    v = statistics.median(version)
    (c, c_cpu), (b, b_cpu) = ((statistics.median(x[0] for x in xs), statistics.median(x[1] for x in xs))
                              for xs in (check, build))
    print(f"handbook --version: median {v:.3f} s of {args.runs}")
    print(f"handbook check:     median {c:.3f} s of {args.runs} (min {min(x[0] for x in check):.3f} s), "
          f"CPU {c_cpu:.3f} s")
    print(f"plain mkdocs build: median {b:.3f} s of {builds}, CPU {b_cpu:.3f} s")
    print(f"check / plain build: {c / b:.1%} of the wall time, {c_cpu / b_cpu:.1%} of the CPU time (medians)")
    if floor:
        f, f_cpu = statistics.median(x[0] for x in floor), statistics.median(x[1] for x in floor)
        print(f"MkDocs' own steps to the nav (search only): median {f:.3f} s, CPU {f_cpu:.3f} s; "
              f"/ plain build {f / b:.1%} of the wall time, {f_cpu / b_cpu:.1%} of the CPU")
    if other:
        o, o_cpu = statistics.median(x[0] for x in other), statistics.median(x[1] for x in other)
        print(f"handbook check of {args.compare}: median {o:.3f} s (min {min(x[0] for x in other):.3f} s), "
              f"CPU {o_cpu:.3f} s; check / plain build {o / b:.1%} of the wall time, {o_cpu / b_cpu:.1%} of the CPU")
        print(f"this / that: {c / o:.2f} of the wall time, {c_cpu / o_cpu:.2f} of the CPU (medians)")


if __name__ == "__main__":
    main()
