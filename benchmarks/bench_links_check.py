#!/usr/bin/env python3
"""`handbook links check` against the best schedule its limits allow, and what a status file adds to a build.

    .venv/bin/python benchmarks/bench_links_check.py [--links 2000] [--hosts 50] [--pages 2000]
    .venv/bin/python benchmarks/bench_links_check.py --skip-build --low 0.02 --high 0.12 --compare /tmp/old/plugins

1. Link check. A child process serves `--hosts` web servers on 127.0.0.1 (one asyncio loop, so
   that they cost little CPU), each answering every path after a latency drawn from a seeded random generator (the same path always has the same
   latency: 100 to 300 ms by default, like a web server across the internet). `--links` links
   spread over the hosts are checked by the real checker (`handbook.linkhealth.http`), in a child
   process of its own, with `--slots` requests at a time per host, `--delay` seconds between two
   starts at one host and `--overall` links at a time in all (the checker's default unless given).

   The ideal is a lower bound of any schedule under those limits, from the same latencies:

       ideal = max( max over hosts h of  sum(latency of h's links) / slots,
                    max over hosts h of  (links of h - 1) * delay + shortest latency of h,
                    sum(latency of every link) / overall )

   (a host's slots can share its work at best evenly; its last start comes at least `delay` after
   each earlier one; and no more than `overall` requests are ever in flight). Figure: measured /
   ideal (target: at most 1.2). The request's own cost (client and server CPU) is not in the ideal.

   Memory: the peak of Python allocations (tracemalloc) while checking `--memory` numbers of links
   (500, 1,000 and 2,000 by default), the targets and the results included, and what is still
   held when the check ends (the targets and the results, which must be kept: they are the status
   file). The peak less that is the check's working set, which should not grow with the links.

   `--compare DIR` also runs the checker of another tree (`DIR` is its `plugins/` folder, e.g. from
   `git archive <commit> plugins | tar -x -C /tmp/old`), in turn with this one, against the same
   servers; that checker's ideal is computed from the limits it has (before `total_concurrency`
   existed, none overall).
2. Build. A synthetic handbook of `--pages` pages with 5 external links each is built with and
   without a `link_status.json` that lists every link (1% of them dead, so the build warns);
   alternating runs (ABBA), medians of CPU time. Figure: with / without - 1 (target: at most 1%).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import random
import selectors
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

SEED = 14


def latency(path: str, low: float, high: float) -> float:
    return random.Random(f"{SEED}:{path}").uniform(low, high)


# --- the servers (child process) ---------------------------------------------------------------

def serve(hosts: int, low: float, high: float) -> None:
    """`hosts` HTTP/1.1 servers (keep-alive, 200 with no body after each path's latency) in one
    asyncio loop: a few tens of microseconds of CPU per request, so that on a shared machine the
    servers take as little as they can from the checker being measured (real servers run on
    other machines)."""

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                path = head.split(b" ", 2)[1].decode("latin-1")
                await asyncio.sleep(latency(path, low, high))
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, IndexError):
            pass
        finally:
            writer.close()

    async def main() -> None:
        servers = [await asyncio.start_server(answer, "127.0.0.1", 0, backlog=256) for _ in range(hosts)]
        print(json.dumps([server.sockets[0].getsockname()[1] for server in servers]), flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)  # until the parent closes our stdin

    asyncio.run(main())


# --- the ideal schedule ------------------------------------------------------------------------

def ideal_time(latencies_by_host: dict[int, list[float]], slots: int, delay: float, overall: int | None) -> float:
    """A lower bound of any schedule's time under the limits (see the module's docstring)."""
    per_host = max(max(sum(lat) / slots, (len(lat) - 1) * delay + min(lat)) for lat in latencies_by_host.values())
    if overall is None:
        return per_host
    return max(per_host, sum(sum(lat) for lat in latencies_by_host.values()) / overall)


# --- virtual time: the schedule alone, without the machine's noise ------------------------------

class _NoWaitSelector(selectors.SelectSelector):
    """Never blocks: a wait for the next timer moves the loop's clock to it instead."""

    def __init__(self, loop: VirtualLoop) -> None:
        super().__init__()
        self.loop = loop

    def select(self, timeout=None):
        if timeout:
            self.loop.now += timeout
        return []


class VirtualLoop(asyncio.SelectorEventLoop):
    """An event loop whose clock moves only from timer to timer: with a transport that makes no
    I/O, the checker's waits (latencies, delays, pauses) cost no time and no CPU is counted."""

    def __init__(self) -> None:
        self.now = 0.0
        super().__init__(selector=_NoWaitSelector(self))

    def time(self) -> float:
        return self.now


def latency_transport(low: float, high: float, slots: int):
    """An httpx transport answering 200 after each path's latency (in the loop's time), and
    counting requests in flight per host and in all (to check the limits were kept)."""
    import httpx

    class Transport(httpx.AsyncBaseTransport):
        def __init__(self) -> None:
            self.in_flight: dict[str, int] = {}
            self.most_per_host = self.most = self.total = 0

        async def handle_async_request(self, request):
            host = request.url.netloc.decode()
            self.in_flight[host] = self.in_flight.get(host, 0) + 1
            self.total += 1
            self.most_per_host = max(self.most_per_host, self.in_flight[host])
            self.most = max(self.most, sum(self.in_flight.values()))
            try:
                await asyncio.sleep(latency(request.url.path, low, high))
            finally:
                self.in_flight[host] -= 1
            return httpx.Response(200, headers={"Content-Length": "0"})

    return Transport()


def list_schedule_time(latencies_by_host: dict[int, list[float]], slots: int, delay: float) -> float:
    """Each host's links in order, each as soon as a slot is free and the delay has passed: the
    best a checker can do per host without knowing the latencies before it asks (no overall limit)."""
    worst = 0.0
    for lat in latencies_by_host.values():
        free, last_start = [0.0] * slots, -delay
        for seconds in lat:
            slot = min(range(slots), key=free.__getitem__)
            last_start = max(free[slot], last_start + delay)
            free[slot] = last_start + seconds
        worst = max(worst, max(free))
    return worst


# --- the checker (child process, so that --compare can run another tree's) ---------------------

def check_child(spec: dict) -> None:
    """Check spec["urls"]; print {"seconds": ..., "peak": ..., "overall": ...} as JSON."""
    import dataclasses

    from handbook.linkhealth import http

    fields = {f.name for f in dataclasses.fields(http.Settings)}
    extra = {"total_concurrency": spec["overall"]} if "total_concurrency" in fields and spec["overall"] else {}
    settings = http.Settings(timeout=30, retries=0, budget=3600,
                             limits=http.HostLimits(concurrency=spec["slots"], delay=spec["delay"]), **extra)
    overall = getattr(settings, "total_concurrency", None)
    if spec.get("simulate"):
        loop = VirtualLoop()
        transport = latency_transport(spec["low"], spec["high"], spec["slots"])
        checker = http.Checker(settings, clock=loop.time, transport=transport)
        results = loop.run_until_complete(checker.check([http.Target(u) for u in spec["urls"]]))
        loop.close()
        assert all(o.status == "ok" for o in results.values()) and len(results) == len(spec["urls"])
        print(json.dumps({"seconds": loop.now, "peak": None, "overall": overall, "requests": transport.total,
                          "most_per_host": transport.most_per_host, "most": transport.most}))
        return
    warm = [http.Target(u) for u in spec["warm"]]
    asyncio.run(http.Checker(settings).check(warm))  # imports, first connections
    if spec["trace"]:
        tracemalloc.start()
    started, cpu = time.perf_counter(), time.process_time()
    results = asyncio.run(http.Checker(settings).check([http.Target(u) for u in spec["urls"]]))
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    kept, peak = tracemalloc.get_traced_memory() if spec["trace"] else (None, None)  # the results still held
    bad = [u for u, o in results.items() if o.status != "ok"]
    if bad or len(results) != len(spec["urls"]):
        sys.exit(f"{len(bad)} links were not ok, e.g. {bad[0]}: {results[bad[0]]}" if bad else "links were lost")
    print(json.dumps({"seconds": elapsed, "cpu": cpu, "peak": peak, "kept": kept, "overall": overall}))


def run_check(tree: Path | None, urls: list[str], warm: list[str], args, trace: bool = False,
              simulate: bool = False) -> dict:
    env = {**os.environ, "PYTHONPATH": str(tree)} if tree else dict(os.environ)
    spec = {"urls": urls, "warm": warm, "slots": args.slots, "delay": args.delay, "overall": args.overall,
            "trace": trace, "simulate": simulate, "low": args.low, "high": args.high}
    done = subprocess.run([sys.executable, __file__, "--check-child"], input=json.dumps(spec), text=True,
                          capture_output=True, env=env, check=False)
    if done.returncode:
        sys.exit(f"the checker of {tree or 'this tree'} failed:\n{done.stdout}{done.stderr}")
    return json.loads(done.stdout.splitlines()[-1])


def bench_check(args) -> None:
    child = subprocess.Popen([sys.executable, __file__, "--serve", str(args.hosts), str(args.low), str(args.high)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        ports = json.loads(child.stdout.readline())
        rng = random.Random(SEED)
        links = [(rng.choice(ports), f"/page/{i}") for i in range(max([args.links, *args.memory]))]
        urls = [f"http://127.0.0.1:{port}{path}" for port, path in links]
        warm = [f"http://127.0.0.1:{port}/warm" for port in ports]
        by_host: dict[int, list[float]] = {}
        for port, path in links[: args.links]:
            by_host.setdefault(port, []).append(latency(path, args.low, args.high))
        trees: list[tuple[str, Path | None]] = [("this tree", None)]
        if args.compare:
            trees.append((str(args.compare), args.compare))
        print(f"link check: {args.links} links over {args.hosts} hosts, {args.slots} per host, "
              f"delay {args.delay:g} s, latency {args.low * 1000:.0f}-{args.high * 1000:.0f} ms")
        print(f"  per host, links in order as soon as a slot and the delay allow (no overall limit): "
              f"{list_schedule_time(by_host, args.slots, args.delay):.2f} s")
        for name, tree in trees:  # the schedule alone, in virtual time: exact, whatever the load
            got = run_check(tree, urls[: args.links], warm, args, simulate=True)
            ideal = ideal_time(by_host, args.slots, args.delay, got["overall"])
            limit = f"{got['overall']} at a time overall" if got["overall"] else "no overall limit"
            print(f"  {name} ({limit}), virtual time: ideal {ideal:.2f} s, schedule {got['seconds']:.2f} s: "
                  f"ratio {got['seconds'] / ideal:.3f}; {got['requests']} requests, at most "
                  f"{got['most_per_host']} at once at a host, {got['most']} in all")
        times: dict[str, list[float]] = {name: [] for name, _ in trees}
        cpu: dict[str, list[float]] = {name: [] for name, _ in trees}
        overall: dict[str, int | None] = {}
        for run in range(args.runs):  # in turn, so that both see the same load on a shared machine
            for name, tree in (trees if run % 2 == 0 else trees[::-1]):
                got = run_check(tree, urls[: args.links], warm, args)
                times[name].append(got["seconds"])
                cpu[name].append(got["cpu"])
                overall[name] = got["overall"]
        print(f"  real servers on 127.0.0.1, {args.runs} runs each, in turn:")
        for name, _ in (trees if args.runs else []):
            ideal = ideal_time(by_host, args.slots, args.delay, overall[name])
            measured = statistics.median(times[name])
            limit = f"{overall[name]} at a time overall" if overall[name] else "no overall limit"
            print(f"  {name} ({limit}): ideal {ideal:.2f} s, measured {measured:.2f} s (median; "
                  f"min {min(times[name]):.2f} s): ratio {measured / ideal:.3f} (target <= 1.2); the checker's "
                  f"CPU time {statistics.median(cpu[name]):.2f} s")
        if len(trees) > 1 and args.runs:
            a, b = (statistics.median(times[name]) for name, _ in trees)
            print(f"  this tree / {trees[1][0]}: {a / b:.2f} (medians of seconds)")
        for name, tree in trees:
            got = [(n, run_check(tree, urls[:n], warm, args, trace=True)) for n in args.memory]
            shown = ", ".join(f"{n} links {g['peak'] / 1e6:.2f} MB (of which {g['kept'] / 1e6:.2f} MB still held "
                              f"at the end: targets and results)" for n, g in got)
            print(f"  peak Python memory, {name}: {shown}")
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
    if len(sys.argv) > 1 and sys.argv[1] == "--check-child":
        check_child(json.loads(sys.stdin.read()))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--links", type=int, default=2000)
    parser.add_argument("--hosts", type=int, default=50)
    parser.add_argument("--slots", type=int, default=2, help="requests at a time per host")
    parser.add_argument("--delay", type=float, default=0.05, help="seconds between starts per host")
    parser.add_argument("--overall", type=int, default=None,
                        help="links at a time over all hosts (default: the checker's own default)")
    parser.add_argument("--low", type=float, default=0.1, help="shortest latency, seconds")
    parser.add_argument("--high", type=float, default=0.3, help="longest latency, seconds")
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--memory", type=int, nargs="*", default=[500, 1000, 2000],
                        help="numbers of links whose peak memory is measured")
    parser.add_argument("--compare", type=Path, metavar="DIR", help="another tree's `plugins/` folder, run in turn")
    parser.add_argument("--skip-build", action="store_true")
    args = parser.parse_args()
    bench_check(args)
    if not args.skip_build:
        bench_build(args)


if __name__ == "__main__":
    main()
