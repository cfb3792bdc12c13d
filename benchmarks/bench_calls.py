#!/usr/bin/env python3
"""What the handbook plugin adds to a plain `mkdocs build`: function calls, CPU and wall time.

    .venv/bin/python benchmarks/bench_calls.py                      # 500 pages, 1,000 commits, 5 rounds
    .venv/bin/python benchmarks/bench_calls.py --prune --pairs 3
    .venv/bin/python benchmarks/bench_calls.py --pages 2000 --commits 5000 --pairs 3
    .venv/bin/python benchmarks/bench_calls.py --before /tmp/old/plugins   # before and after, one run

Makes (or reuses) a synthetic handbook with `corpus.py --bench-configs`, writes its channel map
with `handbook sync` (so the build has no drift to report), a small `communities.yml`, and two
configurations of the same tree: `plain` (Material + search, the plugin removed) and `handbook`
(Material + search + the handbook plugin with its defaults: page history, changelog, feed,
mentions, discuss links, the channel, roles and communities pages, the review read of every page).

Every build runs in a fresh Python process started by this script (the same runner for both, so
both pay the same interpreter start-up and imports): `mkdocs build` in-process, as `mkdocs build
-q` runs it. One warm-up build of each (bytecode, the file cache), then one profiled build of each:
the number of function calls cProfile counts (in every thread: the history is read in a
background thread) is the stable figure on a shared machine. Then `--pairs` unprofiled rounds,
each building every variant once in a rotated order: the medians of the CPU time of the build
process (all its threads; git's own processes are shown apart), of the wall time, and of the
per-round ratios to the plain build. `--before` adds a third variant, the plugin of an older
`plugins/` folder (put first on the path), so before and after are measured in the same run.
Last, where the extra calls go: the difference per package (the top-level package or module of
each function, a built-in function counting for its caller's; `material.templates` and
`handbook.templates` are the Jinja templates), and with `--inside` the calls made inside each of
the plugin's functions and partials.

`SOURCE_DATE_EPOCH` is set to a day after the corpus's last commit, so "today" (review dates,
the feed's date) is the same in every run and the history is recent, as a live handbook's is.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BIN = Path(sys.executable).parent
ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
       "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "PYTHONHASHSEED": "0"}
"""Bytecode is written (into the work folder) as an installed plugin's is: a build that compiles
the plugin's modules every time would measure the compiler."""

COMMUNITIES = "".join(
    f"- name: Circle {n}\n  url: https://circle{n}.example.org/\n  description: A circle of practice, number {n}.\n"
    f"  platform: forum\n  topics: [habits]\n  cost: free\n  language: en\n  added: 2025-01-06\n\n"
    for n in range(1, 6)
)
PRUNE_FEATURES = "    - navigation.indexes\n    - content.code.copy\n    - navigation.prune\n"
"""`navigation.sections` out: it renders every section expanded, which leaves prune nothing to cut."""


# --- the child: one build in this process ------------------------------------------------------

def child(config: str, site: str, profile: str | None, inside: bool = False) -> None:
    """Build `config` into `site`, as `mkdocs build -q` does; print the times as JSON. With
    `inside`, the profile's clock counts profiler events instead of seconds, so a function's
    cumulative "time" is twice the calls made inside it."""
    import itertools
    import logging
    import resource
    import threading

    wall0, cpu0 = time.perf_counter(), time.process_time()
    children0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    profilers = []
    if profile:
        import cProfile
        import pstats

        run = threading.Thread.run

        def new_profiler() -> cProfile.Profile:
            return cProfile.Profile(itertools.count().__next__, 0.5) if inside else cProfile.Profile()

        def profiled_run(thread: threading.Thread) -> None:  # cProfile sees only its own thread
            thread_profiler = new_profiler()
            profilers.append(thread_profiler)
            thread_profiler.runcall(run, thread)

        threading.Thread.run = profiled_run  # type: ignore[method-assign]
        main_profiler = new_profiler()
        profilers.append(main_profiler)
        main_profiler.enable()
    warnings = collections.Counter()

    class Count(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            warnings[record.levelname] += 1

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").addHandler(Count(logging.WARNING))
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    cfg = load_config(config, site_dir=site)
    cfg.plugins.on_startup(command="build", dirty=False)
    try:
        build(cfg, dirty=False)
    finally:
        cfg.plugins.on_shutdown()
    if profile:
        main_profiler.disable()
        stats = pstats.Stats(main_profiler)
        for thread_profiler in profilers[1:]:
            stats.add(thread_profiler)
        stats.dump_stats(profile)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({
        "wall": time.perf_counter() - wall0,
        "cpu": time.process_time() - cpu0,
        "git_cpu": (children.ru_utime - children0.ru_utime) + (children.ru_stime - children0.ru_stime),
        "warnings": dict(warnings),
    }))


# --- the parent: corpus, configurations, runs, report ------------------------------------------

def make_tree(out: Path, pages: int, commits: int) -> None:
    if not (out / "mkdocs-plain.yml").exists():
        subprocess.run([sys.executable, str(HERE / "corpus.py"), "--out", str(out), "--pages", str(pages),
                        "--commits", str(commits), "--bench-configs", "--force"], check=True)
    if not (out / "channel_map.yml").exists():
        subprocess.run([str(BIN / "handbook"), "sync", "-f", "mkdocs-plain.yml"], cwd=out, check=True,
                       capture_output=True, env=ENV)
    (out / "communities.yml").write_text(COMMUNITIES, encoding="utf-8")
    exclude = out / ".git" / "info" / "exclude"
    if "communities.yml" not in exclude.read_text():
        with exclude.open("a") as f:
            f.write("communities.yml\nbench-*.yml\n")


def configs(out: Path, prune: bool) -> dict[str, str]:
    """Config file per variant; with `prune`, Material's navigation.prune on (sections off)."""
    base = (out / "mkdocs.yml").read_text()
    if prune:
        head, _, _ = base.partition("  features:\n")
        base = head + "  features:\n" + PRUNE_FEATURES
    base = base.split("plugins:\n")[0]
    suffix = "-prune" if prune else ""
    variants = {"plain": "plugins:\n  - search\n", "handbook": "plugins:\n  - search\n  - handbook\n"}
    names = {}
    for name, plugins in variants.items():
        path = out / f"bench-{name}{suffix}.yml"
        path.write_text(base + plugins, encoding="utf-8")
        names[name] = path.name
    return names


def last_commit_time(out: Path) -> int:
    return int(subprocess.run(["git", "-C", str(out), "log", "-1", "--format=%ct"], check=True,
                              capture_output=True, text=True).stdout)


def run_child(out: Path, config: str, site: Path, env: dict[str, str], profile: Path | None = None,
              inside: bool = False) -> dict:
    args = [sys.executable, str(Path(__file__).resolve()), "--child", config, str(site)]
    if profile is not None:
        args += [str(profile), "--inside"] if inside else [str(profile)]
    result = subprocess.run(args, cwd=out, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{config} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def package_of(filename: str, function: str) -> str:
    """The top-level package or module a profiled function belongs to."""
    if filename == "~":  # a built-in called by a built-in (or by nobody profiled)
        return "builtins"
    path = filename.replace("\\", "/")
    if "/plugins/handbook/" in path:
        return "handbook.templates" if "/templates/" in path else "handbook"
    for marker in ("/site-packages/", "/lib/python3"):
        if marker in path:
            rest = path.split(marker, 1)[1]
            if marker == "/lib/python3":  # the standard library: lib/python3.11/json/decoder.py
                rest = rest.split("/", 1)[1] if "/" in rest else rest
            parts = rest.split("/")
            top = parts[0].removesuffix(".py")
            if top in ("material", "mkdocs") and len(parts) > 2 and parts[1] in ("plugins", "contrib", "templates"):
                return f"{top}.{parts[1]}" + (f".{parts[2].removesuffix('.py')}" if parts[1] != "templates" else "")
            return top
    if path.startswith("<"):
        return path  # <frozen ...>, <string> (code compiled at run time, e.g. dataclasses)
    return "other"


def calls_by_package(profile: Path) -> tuple[int, collections.Counter]:
    import pstats

    stats = pstats.Stats(str(profile))
    by_package: collections.Counter = collections.Counter()
    for (filename, _line, function), (_cc, calls, _tt, _ct, callers) in stats.stats.items():  # type: ignore[attr-defined]
        if filename != "~" or not callers:
            by_package[package_of(filename, function)] += calls
            continue
        # A built-in (str.join, isinstance, len...) counts for the package whose code called it.
        for (caller_file, _, caller_function), caller_calls in callers.items():
            by_package[package_of(caller_file, caller_function)] += caller_calls[1]
    return stats.total_calls, by_package  # type: ignore[attr-defined]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=500)
    ap.add_argument("--commits", type=int, default=1000)
    ap.add_argument("--pairs", type=int, default=5, help="unprofiled pairs for CPU and wall (0: calls only)")
    ap.add_argument("--prune", action="store_true", help="Material's navigation.prune on (navigation.sections off)")
    ap.add_argument("--before", type=Path, metavar="PLUGINS",
                    help="also build with the plugin of this folder (an old `plugins/`, e.g. from git archive): "
                         "before and after in the same run")
    ap.add_argument("--top", type=int, default=12, help="packages listed")
    ap.add_argument("--work", type=Path, default=HERE / "work")
    ap.add_argument("--inside", action="store_true",
                    help="also count the calls made inside each of the plugin's functions (one more build)")
    ap.add_argument("--keep", type=Path, help="leave the profiled sites and their profiles in this folder")
    args = ap.parse_args(argv)
    out = args.work / f"calls-{args.pages}p-{args.commits}c"
    make_tree(out, args.pages, args.commits)
    names = configs(out, args.prune)
    env = {**ENV, "SOURCE_DATE_EPOCH": str(last_commit_time(out) + 86400),
           "PYTHONPYCACHEPREFIX": str(args.work / "pycache")}
    variants = {name: (config, env) for name, config in names.items()}
    if args.before:
        variants["before"] = (names["handbook"], {**env, "PYTHONPATH": str(args.before.resolve())})
    label = f"{args.pages} pages, {args.commits} commits" + (", navigation.prune" if args.prune else "")
    print(f"{out}: {label}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        kept = args.keep or Path(tmp)
        kept.mkdir(parents=True, exist_ok=True)
        for name, (config, child_env) in variants.items():  # warm-up: bytecode, the file cache
            run_child(out, config, Path(tmp) / "site", child_env)
        calls, packages = {}, {}
        for name, (config, child_env) in variants.items():
            profile = kept / f"{name}.prof"
            outcome = run_child(out, config, kept / f"site-{name}", child_env, profile)
            calls[name], packages[name] = calls_by_package(profile)
            if outcome["warnings"]:
                print(f"  {name}: {outcome['warnings']} log records at warning level or above", flush=True)
        if args.inside:
            run_child(out, names["handbook"], Path(tmp) / "site", env, kept / "inside.prof", inside=True)
            inside = inside_calls(kept / "inside.prof")
        times: dict[str, list[dict]] = {name: [] for name in variants}
        for pair in range(args.pairs):
            order = list(variants)[pair % len(variants):] + list(variants)[:pair % len(variants)]
            for name in order if pair % 2 == 0 else reversed(order):
                config, child_env = variants[name]
                times[name].append(run_child(out, config, Path(tmp) / "site", child_env))
            print(f"  round {pair + 1}/{args.pairs}: " + ", ".join(
                f"{n} cpu {times[n][-1]['cpu']:.2f} s wall {times[n][-1]['wall']:.2f} s" for n in variants), flush=True)
    plain = calls["plain"]
    print(f"\n{label}")
    print("| build | calls | calls / plain |" + (f" CPU (median of {args.pairs}) | CPU / plain (median of rounds) "
                                                  f"| wall | wall / plain | git's CPU |" if args.pairs else ""))
    print("|---|---:|---:|" + ("---:|---:|---:|---:|---:|" if args.pairs else ""))
    for name in variants:
        row = f"| {name} | {calls[name]:,} | {calls[name] / plain:.4f} |"
        if args.pairs:
            cpu = statistics.median(t["cpu"] for t in times[name])
            wall = statistics.median(t["wall"] for t in times[name])
            cpu_ratio = statistics.median(t["cpu"] / p["cpu"] for t, p in zip(times[name], times["plain"]))
            wall_ratio = statistics.median(t["wall"] / p["wall"] for t, p in zip(times[name], times["plain"]))
            git_cpu = statistics.median(t["git_cpu"] for t in times[name])
            row += f" {cpu:.2f} s | {cpu_ratio:.4f} | {wall:.2f} s | {wall_ratio:.4f} | {git_cpu:.2f} s |"
        print(row)
    ours = calls["handbook"]
    extra = collections.Counter({k: packages["handbook"][k] - packages["plain"][k]
                                 for k in set(packages["handbook"]) | set(packages["plain"])})
    print(f"\nwhere the extra calls go (of {ours - plain:+,}):")
    print("| package | plain | with plugin | extra | share of plain build |")
    print("|---|---:|---:|---:|---:|")
    for package, more in sorted(extra.items(), key=lambda kv: -abs(kv[1]))[:args.top]:
        print(f"| {package} | {packages['plain'][package]:,} | {packages['handbook'][package]:,} | {more:+,} "
              f"| {more / plain:+.2%} |")
    if args.inside:
        print("\ncalls made inside the plugin's functions (inclusive; a function called by another is listed too):")
        print("| function | calls | inside | share of plain build |")
        print("|---|---:|---:|---:|")
        for (where, calls_of, inclusive) in inside[:args.top * 2]:
            print(f"| {where} | {calls_of:,} | {inclusive:,.0f} | {inclusive / plain:.2%} |")
    return 0


def inside_calls(profile: Path) -> list[tuple[str, int, float]]:
    """(function, its calls, calls inside it) for the plugin's functions and templates, most first."""
    import pstats

    rows = []
    for (filename, line, function), (_cc, calls, _tt, inclusive, _callers) in pstats.Stats(str(profile)).stats.items():  # type: ignore[attr-defined]
        if package_of(filename, function).startswith("handbook"):
            where = filename.replace("\\", "/").split("/plugins/handbook/", 1)[1]
            rows.append((f"{where}:{line} {function}", calls, inclusive))
    return sorted(rows, key=lambda row: -row[2])


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else None, inside="--inside" in sys.argv[5:])
    else:
        sys.exit(main())
