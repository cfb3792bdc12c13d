#!/usr/bin/env python3
"""`handbook links check` against its ideal schedule, and what a status file adds to a build.

    .venv/bin/python benchmarks/bench_links_check.py [--links 2000] [--hosts 50] [--pages 2000]

1. Link check. A child process serves `--hosts` web servers on 127.0.0.1, each answering every
   path after a latency drawn from a seeded random generator (the same path always has the same
   latency: 100 to 300 ms by default, like a web server across the internet). `--links` links
   spread over the hosts are checked by the real checker (`handbook.linkhealth.http`) with 2
   requests at a time per host and a delay between starts. The ideal schedule is computed from the same latencies: per host, each request starts
   as soon as one of its 2 slots is free and the delay since the last start has passed; the ideal
   time is the slowest host's. Figure: measured / ideal (target: at most 1.2). Memory: the peak of
   Python allocations (tracemalloc) while checking half the links and all of them.
2. Build. A synthetic handbook of `--pages` pages with 5 external links each is built with and
   without a `link_status.json` that lists every link (1% of them dead, so the build warns);
   alternating runs (ABBA), medians of CPU time. Figure: with / without - 1 (target: at most 1%).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SEED = 14


def latency(path: str, low: float, high: float) -> float:
    return random.Random(f"{SEED}:{path}").uniform(low, high)


# --- the servers (child process) ---------------------------------------------------------------

def serve(hosts: int, low: float, high: float) -> None:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:
            pass

        def do_HEAD(self) -> None:
            time.sleep(latency(self.path, low, high))
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_GET = do_HEAD

    ports = []
    for _ in range(hosts):
        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        ports.append(server.server_address[1])
    print(json.dumps(ports), flush=True)
    sys.stdin.read()  # until the parent closes our stdin


# --- the ideal schedule ------------------------------------------------------------------------

def ideal_time(paths_by_host: dict[int, list[str]], slots: int, delay: float, low: float, high: float) -> float:
    worst = 0.0
    for paths in paths_by_host.values():
        free = [0.0] * slots
        last_start = -delay
        for path in paths:
            slot = min(range(slots), key=free.__getitem__)
            start = max(free[slot], last_start + delay)
            last_start = start
            free[slot] = start + latency(path, low, high)
        worst = max(worst, max(free))
    return worst


def run_check(urls: list[str], slots: int, delay: float, trace: bool = False) -> float:
    """Seconds for the check, or (with `trace`) the peak of Python allocations in bytes, which
    tracemalloc slows down too much to time in the same run."""
    from handbook.linkhealth import http

    settings = http.Settings(timeout=30, retries=0, budget=3600,
                             limits=http.HostLimits(concurrency=slots, delay=delay))
    checker = http.Checker(settings)
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    results = asyncio.run(checker.check([http.Target(u) for u in urls]))
    elapsed = time.perf_counter() - started
    if trace:
        elapsed = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    bad = [u for u, o in results.items() if o.status != "ok"]
    if bad:
        sys.exit(f"{len(bad)} links were not ok, e.g. {bad[0]}: {results[bad[0]]}")
    return elapsed


def bench_check(args) -> None:
    child = subprocess.Popen([sys.executable, __file__, "--serve", str(args.hosts), str(args.low), str(args.high)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        ports = json.loads(child.stdout.readline())
        rng = random.Random(SEED)
        links = [(rng.choice(ports), f"/page/{i}") for i in range(args.links)]
        by_host: dict[int, list[str]] = {}
        for port, path in links:
            by_host.setdefault(port, []).append(path)
        urls = [f"http://127.0.0.1:{port}{path}" for port, path in links]
        ideal = ideal_time(by_host, args.slots, args.delay, args.low, args.high)
        run_check(urls[: args.hosts], args.slots, args.delay)  # warm up: imports, first connections
        elapsed = statistics.median(run_check(urls, args.slots, args.delay) for _ in range(args.runs))
        half_peak = run_check(urls[: len(urls) // 2], args.slots, args.delay, trace=True)
        peak = run_check(urls, args.slots, args.delay, trace=True)
        print(f"link check: {args.links} links over {args.hosts} hosts, {args.slots} per host, "
              f"delay {args.delay:g} s, latency {args.low * 1000:.0f}-{args.high * 1000:.0f} ms")
        print(f"  ideal schedule {ideal:.2f} s, measured {elapsed:.2f} s (median of {args.runs}): ratio {elapsed / ideal:.3f} (target <= 1.2)")
        print(f"  peak Python memory: {half_peak / 1e6:.2f} MB for {len(urls) // 2} links, "
              f"{peak / 1e6:.2f} MB for {len(urls)} ({peak / max(half_peak, 1):.2f}x for 2x the links)")
    finally:
        child.stdin.close()
        child.wait(timeout=10)


# --- the build ---------------------------------------------------------------------------------

def make_handbook(root: Path, pages: int, with_status: bool) -> None:
    docs = root / "docs"
    links = []
    for page in range(pages):
        folder = docs / f"topic-{page % 20}"
        folder.mkdir(parents=True, exist_ok=True)
        page_links = [f"https://host{(page * 5 + k) % 50}.example/page/{page}/{k}" for k in range(5)]
        links += [(url, f"docs/topic-{page % 20}/page-{page}.md") for url in page_links]
        body = "\n\n".join(f"Paragraph {k} with [a source]({url}) in it." for k, url in enumerate(page_links))
        (folder / f"page-{page}.md").write_text(f"# Page {page}\n\n{body}\n", encoding="utf-8")
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    plugin = "  - handbook:\n      history: false\n      drift: ignore\n      link_health: info\n"
    (root / "mkdocs.yml").write_text(f"site_name: Bench\ntheme:\n  name: material\nplugins:\n  - search\n{plugin}",
                                     encoding="utf-8")
    status = root / "link_status.json"
    if with_status:
        now = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())
        entries = [{"url": url, "status": "dead" if i % 100 == 0 else "ok", "code": 404 if i % 100 == 0 else 200,
                    "final_url": None, "checked_at": now, "where": [{"file": where, "line": 3}]}
                   for i, (url, where) in enumerate(links)]
        status.write_text(json.dumps({"version": 1, "checked_at": now, "links": entries}), encoding="utf-8")


def build_once(root: Path) -> float:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    started = time.process_time()  # CPU time: the machine may be shared, and the build is CPU-bound
    build(load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / "site")))
    return time.process_time() - started


def bench_build(args) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        without, with_ = Path(tmp) / "without", Path(tmp) / "with"
        make_handbook(without, args.pages, False)
        make_handbook(with_, args.pages, True)
        build_once(without)  # warm caches
        times: dict[str, list[float]] = {"without": [], "with": []}
        for run in range(args.runs):  # ABBA order, so a drift in the machine's speed cancels out
            order = (("without", without), ("with", with_)) if run % 2 == 0 else (("with", with_), ("without", without))
            for name, root in order:
                times[name].append(build_once(root))
    a, b = statistics.median(times["without"]), statistics.median(times["with"])
    print(f"build: {args.pages} pages, {args.pages * 5} external links, {args.runs} paired runs")
    print(f"  median CPU time without status file {a:.2f} s, with {b:.2f} s: overhead {100 * (b / a - 1):+.1f}% (target <= 1%)")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--serve":
        serve(int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--links", type=int, default=2000)
    parser.add_argument("--hosts", type=int, default=50)
    parser.add_argument("--slots", type=int, default=2, help="requests at a time per host")
    parser.add_argument("--delay", type=float, default=0.05, help="seconds between starts per host")
    parser.add_argument("--low", type=float, default=0.1, help="shortest latency, seconds")
    parser.add_argument("--high", type=float, default=0.3, help="longest latency, seconds")
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-build", action="store_true")
    args = parser.parse_args()
    bench_check(args)
    if not args.skip_build:
        bench_build(args)


if __name__ == "__main__":
    main()
