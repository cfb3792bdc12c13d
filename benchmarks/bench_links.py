#!/usr/bin/env python3
"""What channel mentions and "discuss this page" links add to the build of a large handbook.

    .venv/bin/python benchmarks/bench_links.py [--pages 2000] [--runs 7]

For each size it makes a synthetic handbook (benchmarks/corpus.py: Material, pages
with Discord-style mentions such as #show-me and #habits), writes its channel map with
`handbook sync`, adds the hand-kept prompt channels the pages mention and a private space, and
gives half of the channels Discord ids (so mentions link both to Discord and to the directory).
Then it builds three configurations, alternating, and compares medians:

- `plain`: Material + search, no handbook plugin (for reference);
- `links-off`: the handbook plugin with mentions, discuss links and generated pages turned off;
- `links-on`: the handbook plugin with its defaults (mentions, discuss links, channel directory,
  roles page).

The cost of the community links is links-on against links-off. Drift is set to `ignore` in both
so the logs stay quiet (the drift check still runs in both); page history is off in both, so the
comparison holds the links alone (bench_history.py measures history).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAKE_HANDBOOK = Path(__file__).resolve().parent / "corpus.py"
BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

CONFIGS = {
    "plain": "INHERIT: mkdocs.yml\nplugins:\n  - search\n",
    "links-off": ("INHERIT: mkdocs.yml\nplugins:\n  - search\n  - handbook:\n      drift: ignore\n"
                  "      history: false\n      mentions: false\n      discuss_links: false\n"
                  "      channel_directory: ''\n      roles_page: ''\n"),
    "links-on": ("INHERIT: mkdocs.yml\nplugins:\n  - search\n  - handbook:\n      drift: ignore\n"
                 "      history: false\n"),
}
EXTRA = """\
  - name: Base Camp
    channels:
      - name: introductions
        kind: prompt
        prompt: Tell us who you are.
        id: "900000000000000001"
      - name: show-me
        kind: prompt
        prompt: Show what you made.
        id: "900000000000000002"
  - name: Hosts
    visibility: private
    roles: [moderator]
    description: A private space for hosts
    channels:
      - name: hosts
        kind: prompt
        id: "900000000000000003"
"""


def make(out: Path, pages: int, commits: int) -> None:
    if (out / "mkdocs-plain.yml").exists():
        return
    subprocess.run([sys.executable, str(MAKE_HANDBOOK), "--out", str(out), "--pages", str(pages),
                    "--commits", str(commits), "--bench-configs", "--force"], check=True)


def write_map(out: Path) -> tuple[int, int]:
    """The synced map, plus prompt channels, a private space, and ids on half of the channels."""
    (out / "channel_map.yml").unlink(missing_ok=True)
    subprocess.run([str(BIN / "handbook"), "sync", "-f", "mkdocs-plain.yml"], cwd=out, check=True,
                   capture_output=True, env=ENV)
    text = (out / "channel_map.yml").read_text()
    counter = iter(range(10**6))

    def add_id(match: re.Match) -> str:
        n = next(counter)
        return match.group(0) + (f'\n        id: "8000000000000{n:05d}"' if n % 2 == 0 else "")

    text = re.sub(r"^      - name: [^\n]+$", add_id, text, flags=re.MULTILINE)
    text = re.sub(r"^server:\n", 'server:\n  guild_id: "700000000000000000"\n', text, flags=re.MULTILINE)
    if "roles:" not in text:
        text = text.replace("discord_categories:\n", "roles:\n  - name: moderator\ndiscord_categories:\n", 1)
    text = text.rstrip("\n") + "\n" + EXTRA
    (out / "channel_map.yml").write_text(text)
    for name, config in CONFIGS.items():
        (out / f"mkdocs-bench-{name}.yml").write_text(config)
    mentions = sum(len(re.findall(r"(?<![\w#/])#[a-z][\w-]*", p.read_text())) for p in (out / "docs").rglob("*.md"))
    return next(counter), mentions


def timed(config: str, out: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system, of the child) of one `mkdocs build`."""
    site = out / f"site-{config}"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([str(BIN / "mkdocs"), "build", "-q", "-f", f"mkdocs-bench-{config}.yml", "-d", str(site)],
                            cwd=out, capture_output=True, text=True, env=ENV)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"build {config} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def check_output(out: Path) -> tuple[int, int]:
    """Mention links and discuss links in the links-on site (so the benchmark measures real work)."""
    mentions = discuss = 0
    for page in (out / "site-links-on").rglob("*.html"):
        html = page.read_text()
        mentions += html.count('class="handbook-mention"')
        discuss += html.count("data-handbook-discuss")
    return mentions, discuss


def markdown_only(out: Path, runs: int) -> tuple[float, float, int]:
    """CPU seconds to convert every page with the site's Markdown extensions, without and with
    the mentions extension (in this process, alternating, median of `runs`): the part of the
    cost that grows with the amount of prose, measured away from theme rendering and I/O."""
    import markdown
    from markdown.extensions.toc import TocExtension
    from mkdocs.utils.meta import get_data

    from handbook.channelmap.loader import load_channel_map
    from handbook.site.links import ChannelLinks
    from handbook.site.mentions import MentionsExtension

    pages = [(p.relative_to(out / "docs").as_posix(), get_data(p.read_text())[0])
             for p in sorted((out / "docs").rglob("*.md"))]
    extensions = [TocExtension(permalink=True), "admonition", "attr_list", "tables"]
    links = ChannelLinks(load_channel_map(out / "channel_map.yml"), directory="channels.md")
    ext = MentionsExtension(links)

    def convert(with_mentions: bool) -> float:
        start = time.process_time()
        for uri, text in pages:
            if with_mentions:
                ext.begin_page(uri, text)
            md = markdown.Markdown(extensions=[*extensions, ext] if with_mentions else extensions)
            md.convert(text)
            if with_mentions:
                ext.end_page()
        return time.process_time() - start

    convert(True)
    off, on = [], []
    for run in range(runs):
        for with_mentions in ((False, True) if run % 2 == 0 else (True, False)):
            (on if with_mentions else off).append(convert(with_mentions))
    return statistics.median(off), statistics.median(on), len(pages)


# Entry points of the community links' work during a build (none calls another).
_ENTRY_POINTS = (
    ("handbook/mentions.py", "handleMatch"), ("handbook/mentions.py", "run"),
    ("handbook/mentions.py", "extendMarkdown"), ("handbook/mentions.py", "begin_page"),
    ("handbook/mentions.py", "end_page"), ("handbook/plugin.py", "on_page_context"),
    ("handbook/plugin.py", "_generate_pages"), ("handbook/plugin.py", "on_env"),
    ("handbook/plugin.py", "_setup_community_links"), ("partials/comments.html", "root"),
)


def profile_share(out: Path) -> tuple[float, float]:
    """Seconds inside the community links' code during one profiled links-on build, and the
    build's total, as cProfile counts them (both inflated alike by the profiler)."""
    import pstats

    prof = out / "links-on.prof"
    subprocess.run([str(BIN / "python"), "-m", "cProfile", "-o", str(prof), str(BIN / "mkdocs"), "build", "-q",
                    "-f", "mkdocs-bench-links-on.yml", "-d", str(out / "site-profile")],
                   cwd=out, check=True, capture_output=True, env=ENV)
    stats = pstats.Stats(str(prof)).stats  # type: ignore[attr-defined]
    ours = sum(v[3] for (path, _, func), v in stats.items()
               if any(path.endswith(f) and func == name for f, name in _ENTRY_POINTS))
    total = max(v[3] for v in stats.values())
    shutil.rmtree(out / "site-profile", ignore_errors=True)
    prof.unlink()
    return ours, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, nargs="+", default=[2000])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--commits", type=int, default=500)
    parser.add_argument("--work", type=Path, default=ROOT / "benchmarks" / "work")
    parser.add_argument("--markdown-only", action="store_true", help="only the in-process Markdown measurement")
    parser.add_argument("--profile-only", action="store_true", help="only the profiled share of one build")
    args = parser.parse_args()
    if args.profile_only:
        for pages in args.pages:
            out = args.work / f"links-{pages}"
            make(out, pages, commits=args.commits)
            write_map(out)
            ours, total = profile_share(out)
            print(f"| {pages} | {ours:.2f} s | {total:.2f} s | {ours / total:.2%} |")
        return
    if args.markdown_only:
        for pages in args.pages:
            out = args.work / f"links-{pages}"
            make(out, pages, commits=args.commits)
            if not (out / "channel_map.yml").exists():
                write_map(out)
            off, on, n = markdown_only(out, args.runs)
            print(f"| {n} | {off:.2f} s | {on:.2f} s | {on / off - 1:+.1%} |")
        return
    rows = []
    for pages in args.pages:
        out = args.work / f"links-{pages}"
        make(out, pages, commits=args.commits)
        channels, written = write_map(out)
        wall: dict[str, list[float]] = {name: [] for name in CONFIGS}
        cpu: dict[str, list[float]] = {name: [] for name in CONFIGS}
        timed("links-on", out)  # warm-up: file cache, bytecode
        for run in range(args.runs):
            order = list(CONFIGS) if run % 2 == 0 else list(reversed(CONFIGS))
            for name in order:
                w, c = timed(name, out)
                wall[name].append(w)
                cpu[name].append(c)
        linked, discuss = check_output(out)
        for name in CONFIGS:
            shutil.rmtree(out / f"site-{name}", ignore_errors=True)
        w = {name: statistics.median(values) for name, values in wall.items()}
        c = {name: statistics.median(values) for name, values in cpu.items()}
        rows.append((pages, channels, written, linked, discuss, w, c))
        print(f"{pages} pages, median of {args.runs}: " + ", ".join(
            f"{n} {w[n]:.2f} s wall / {c[n]:.2f} s CPU" for n in CONFIGS)
            + f"; links cost {w['links-on'] / w['links-off'] - 1:+.1%} wall, "
            f"{c['links-on'] / c['links-off'] - 1:+.1%} CPU", flush=True)
        md_off, md_on, _ = markdown_only(out, args.runs)
        print(f"   Markdown only (CPU, in-process): {md_off:.2f} s without mentions, {md_on:.2f} s with, "
              f"{md_on / md_off - 1:+.1%}")
        ours, total = profile_share(out)
        print(f"   profiled links-on build: {ours:.2f} s of {total:.2f} s in the community links' code, "
              f"{ours / total:.2%}")
        print("   wall:", {n: [round(x, 2) for x in v] for n, v in wall.items()})
        print("   CPU: ", {n: [round(x, 2) for x in v] for n, v in cpu.items()})
    print("\n| pages | channels | `#words` in docs | mention links | discuss links | plain | links off | links on"
          " | on / off (wall) | on / off (CPU) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for pages, channels, written, linked, discuss, w, c in rows:
        print(f"| {pages} | {channels} | {written} | {linked} | {discuss} | {w['plain']:.2f} s | "
              f"{w['links-off']:.2f} s | {w['links-on']:.2f} s | "
              f"{w['links-on'] / w['links-off'] - 1:+.1%} | {c['links-on'] / c['links-off'] - 1:+.1%} |")

if __name__ == "__main__":
    main()
