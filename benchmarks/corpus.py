#!/usr/bin/env python3
"""Make a synthetic handbook with git history, for the benchmarks. Deterministic: the same
arguments give the same repository, commit for commit.

    python benchmarks/corpus.py --out benchmarks/work/handbook-500 --pages 500 --commits 1250 \
        --bench-configs --force

The tree: `--categories` folders under `docs/` (each with an `index.md` and pages of prose with
headings, lists, links between pages and `#channel` mentions), a Material `mkdocs.yml`, and a
history written with `git fast-import` (fast even at thousands of commits): one import commit, then
commits that edit, add and rename pages, a few by two people (`Co-authored-by:`), and the folder
renames of `CATEGORY_RENAMES`, each in a commit of its own. Dates advance by three hours a commit
from 2025-01-06, in UTC. `--bench-configs` also writes the variants the benchmarks compare
(listed in `.git/info/exclude`, so the work tree stays clean):

    mkdocs-plain.yml          Material + search only: the baseline of every ratio
    mkdocs-grdl.yml           + git-revision-date-localized (last update)
    mkdocs-grdl-created.yml   + git-revision-date-localized with creation dates
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
from pathlib import Path

TOPICS = ["habits", "journaling", "focus", "rest", "movement", "creative-practice", "reading",
          "writing", "music", "drawing", "cooking", "gardening", "languages", "meditation",
          "running", "coding", "photography", "woodwork", "knitting", "chess", "poetry", "theatre",
          "cycling", "swimming", "climbing", "pottery", "film", "birding", "hiking", "baking"]
CATEGORY_RENAMES = {"focus": "deep-focus", "rest": "recovery"}
"""Folders renamed during the history (old -> new), so drift checks meet real renames."""

AUTHORS = [("Ada Author", "ada@example.org"), ("Bo Builder", "bo@example.org"),
           ("Cy Writer", "cy@example.org"), ("Dee Editor", "dee@example.org"),
           ("Eli Host", "eli@example.org"), ("Fay Mod", "fay@example.org")]
WORDS = ("practice small steps notice kind together routine evening morning share show try "
         "again rest pause begin keep note page community habit craft week month gentle time").split()
START = 1736121600  # 2025-01-06T00:00:00Z
STEP = 3 * 3600

THEME = ("theme:\n  name: material\n  features:\n    - navigation.sections\n    - navigation.indexes\n"
         "    - content.code.copy\n")
BENCH_CONFIGS = {
    "mkdocs-plain.yml": "plugins:\n  - search\n",
    "mkdocs-grdl.yml": "plugins:\n  - search\n  - git-revision-date-localized\n",
    "mkdocs-grdl-created.yml": "plugins:\n  - search\n  - git-revision-date-localized:\n"
                               "      enable_creation_date: true\n",
}


def mkdocs_yml(plugins: str) -> str:
    return f"site_name: Synthetic Handbook\nsite_url: https://handbook.example.org/\n{THEME}{plugins}"


class Corpus:
    """The files of the tree as they are at the current commit, and the stream that builds it."""

    def __init__(self, pages: int, categories: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.categories = [TOPICS[i] if i < len(TOPICS) else f"topic-{i:02}" for i in range(categories)]
        for old in CATEGORY_RENAMES:  # the renamed folders must exist to be renamed
            if old not in self.categories:
                self.categories[-1 - list(CATEGORY_RENAMES).index(old)] = old
        self.files: dict[str, str] = {}
        self.stream: list[bytes] = []
        self.mark = 0
        self.when = START
        for index, category in enumerate(self.categories):
            self.files[f"docs/{category}/index.md"] = self.page(category.replace("-", " ").title(), category)
        for n in range(pages):
            category = self.categories[n % len(self.categories)]
            self.files[f"docs/{category}/page-{n:04}.md"] = self.page(f"Page {n}", category)
        self.files["docs/index.md"] = "# Synthetic Handbook\n\nWelcome. Start with a category.\n"

    def sentence(self, length: int = 12) -> str:
        words = [self.rng.choice(WORDS) for _ in range(length)]
        return " ".join(words).capitalize() + "."

    def page(self, title: str, category: str) -> str:
        rng = self.rng
        parts = [f"# {title}\n", self.sentence(18) + f" Talk about it in #{category}.\n"]
        for section in range(rng.randint(2, 4)):
            parts.append(f"## {self.sentence(3)[:-1]}\n")
            parts.append(" ".join(self.sentence() for _ in range(rng.randint(2, 5))) + "\n")
            parts.append("".join(f"- {self.sentence(6)}\n" for _ in range(rng.randint(0, 4))))
        return "\n".join(parts)

    # --- fast-import --------------------------------------------------------------------------

    def commit(self, message: str, changes: list[str], author: int, coauthor: int | None = None) -> None:
        name, email = AUTHORS[author]
        if coauthor is not None:
            co_name, co_email = AUTHORS[coauthor]
            message += f"\n\nCo-authored-by: {co_name} <{co_email}>"
        data = message.encode() + b"\n"
        head = (f"commit refs/heads/main\nauthor {name} <{email}> {self.when} +0000\n"
                f"committer {name} <{email}> {self.when} +0000\ndata {len(data)}\n").encode()
        self.stream.append(head + data + "".join(changes).encode() + b"\n")
        self.when += STEP

    def blob(self, path: str) -> str:
        data = self.files[path].encode()
        return f"M 100644 inline {path}\ndata {len(data)}\n" + data.decode() + "\n"

    def history(self, commits: int) -> None:
        rng = self.rng
        self.commit("Import the handbook", [self.blob(p) for p in sorted(self.files)], author=0)
        renames_at = {max(2, commits * (i + 1) // (len(CATEGORY_RENAMES) + 1)): pair
                      for i, pair in enumerate(CATEGORY_RENAMES.items())}
        for number in range(1, commits):
            author = rng.randrange(len(AUTHORS))
            coauthor = rng.randrange(len(AUTHORS)) if rng.random() < 0.1 else None
            if number in renames_at:
                old, new = renames_at[number]
                moved = {p: f"docs/{new}/" + p[len(f"docs/{old}/"):] for p in self.files if p.startswith(f"docs/{old}/")}
                for path, target in moved.items():
                    self.files[target] = self.files.pop(path)
                self.categories[self.categories.index(old)] = new
                self.commit(f"Rename {old} to {new}", [f"R docs/{old} docs/{new}\n"], author)
                continue
            pages = sorted(p for p in self.files if p.startswith("docs/") and p.count("/") == 2)
            roll = rng.random()
            if roll < 0.05:  # a page moves within its category
                path = rng.choice(pages)
                target = path.replace(".md", f"-moved-{number}.md")
                self.files[target] = self.files.pop(path)
                self.commit(f"Move {Path(path).stem} to a clearer name", [f"R {path} {target}\n"], author, coauthor)
            elif roll < 0.12:  # a new page
                category = rng.choice(self.categories)
                path = f"docs/{category}/new-{number:05}.md"
                self.files[path] = self.page(f"New page {number}", category)
                self.commit(f"Add a page to {category}", [self.blob(path)], author, coauthor)
            else:  # an edit of one to three pages
                touched = rng.sample(pages, k=min(len(pages), rng.randint(1, 3)))
                for path in touched:
                    self.files[path] += "\n" + self.sentence(14) + "\n"
                subject = rng.choice(["Clarify", "Expand", "Reword", "Fix typo in", "Update"])
                self.commit(f"{subject} {Path(touched[0]).stem}", [self.blob(p) for p in touched], author, coauthor)


def make(out: Path, pages: int, commits: int, categories: int, seed: int, bench_configs: bool) -> None:
    corpus = Corpus(pages, categories, seed)
    corpus.files["mkdocs.yml"] = mkdocs_yml(BENCH_CONFIGS["mkdocs-plain.yml"])
    corpus.history(commits)
    out.mkdir(parents=True)
    env_git = ["git", "-C", str(out), "-c", "init.defaultBranch=main"]
    subprocess.run([*env_git, "init", "-q"], check=True)
    subprocess.run([*env_git, "fast-import", "--quiet"], input=b"".join(corpus.stream), check=True)
    subprocess.run([*env_git, "checkout", "-q", "-f", "main"], check=True)
    if bench_configs:
        for name, plugins in BENCH_CONFIGS.items():
            (out / name).write_text(mkdocs_yml(plugins), encoding="utf-8")
        with (out / ".git" / "info" / "exclude").open("a", encoding="utf-8") as exclude:
            exclude.write("".join(f"{name}\n" for name in BENCH_CONFIGS) + "site*/\nchannel_map*\nmkdocs-*.yml\n")
    print(f"{out}: {sum(p.startswith('docs/') for p in corpus.files)} files, {commits} commits, "
          f"{len(CATEGORY_RENAMES)} category renames", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True, help="folder to create (must not exist, or --force)")
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--commits", type=int, default=1250)
    parser.add_argument("--categories", type=int, default=25)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--bench-configs", action="store_true", help="also write the mkdocs-*.yml variants")
    parser.add_argument("--force", action="store_true", help="replace --out if it exists")
    args = parser.parse_args()
    if args.out.exists():
        if not args.force:
            sys.exit(f"{args.out} exists: pass --force to replace it")
        shutil.rmtree(args.out)
    make(args.out, args.pages, args.commits, args.categories, args.seed, args.bench_configs)


if __name__ == "__main__":
    main()
