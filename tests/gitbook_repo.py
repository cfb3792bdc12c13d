"""GitBook repositories for the import tests, made with real git commits in a temporary folder."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import git

IDENTITY = {
    "GIT_AUTHOR_NAME": "Ada Author",
    "GIT_AUTHOR_EMAIL": "ada@example.org",
    "GIT_COMMITTER_NAME": "Ada Author",
    "GIT_COMMITTER_EMAIL": "ada@example.org",
}


def png(seed: int) -> bytes:
    """A tiny valid PNG whose bytes differ by seed (so git's rename detection pairs files exactly)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    pixel = bytes([0, seed % 256, (seed * 7) % 256, (seed * 13) % 256])
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(pixel))
        + chunk(b"IEND", b"")
    )


def write(root: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def commit_all(repo: git.Repo, message: str) -> str:
    repo.git.add("-A")
    repo.git.commit("-q", "-m", message)
    return repo.head.commit.hexsha


def make_repo(root: Path) -> git.Repo:
    root.mkdir(parents=True, exist_ok=True)
    repo = git.Repo.init(root)
    repo.git.checkout("-q", "-b", "main")
    return repo


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "handbook.cli", *args],
        capture_output=True, text=True, cwd=cwd, env=os.environ.copy(),
    )


def mkdocs_build(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(folder / "site")],
        capture_output=True, text=True, cwd=folder,
    )


SUMMARY = """\
# Table of contents

* [Welcome](README.md)

## Getting started <a href="#getting-started" id="getting-started"></a>

* [Getting started](getting-started/README.md)
  * [Install](getting-started/install.md)
  * [Tabs and code](getting-started/tabs.md)

## Practice

* [Habits](habits/README.md)
  * [Tiny habits](habits/tiny-habits.md)
    * [Going deeper](habits/deeper/README.md)
* [GitBook](https://www.gitbook.com/)
"""

GITBOOK_YAML = """\
root: ./

structure:
  readme: README.md
  summary: SUMMARY.md

redirects:
  old/setup: getting-started/install.md
"""

INSTALL = """\
---
description: How to install the campfire tools on your computer.
---

# Install guide

Functions like f\\(x\\) and names like snake\\_case look plain in GitBook; 2 \\* 3 \\* 4 needs no escape but \\*stars\\* do.

{% hint style="warning" %}
Back up your notes **before** you start.
{% endhint %}

{% hint style="success" %}
## All set
You are ready.
{% endhint %}

![The setup screen](<../.gitbook/assets/Screen Shot (1).png>)

![Café corner](../.gitbook/assets/caf%C3%A9%20corner.png)

Escaped too: ![escaped](../.gitbook/assets/screen\\_shot.png)

{% file src="../.gitbook/assets/guide (final).pdf" caption="The printable guide" %}

{% embed url="https://www.youtube.com/watch?v=dQw4w9WgXcQ" %}
Welcome video
{% endembed %}

{% embed url="https://example.org/slides" %}

{% page-ref page="tabs.md" %}

```python
# a GitBook tag inside code stays as it is
print("{% hint %} \\_")
```
"""

TABS = """\
# Tabs and code

{% tabs %}
{% tab title="macOS" %}
Open the **Terminal**.

{% code title="setup.sh" lineNumbers="true" %}
```bash
brew install campfire
```
{% endcode %}
{% endtab %}

{% tab title="Windows" %}
Open PowerShell.
{% endtab %}
{% endtabs %}

<pre class="language-python" data-title="streak.py"><code class="lang-python">def streak(days):
<strong>    return len(days) &#x26;&#x26; max(days)
</strong></code></pre>

{% stepper %}
{% step %}
### Pick a cue

Something you already do.
{% endstep %}

{% step %}
### Make it tiny

Two minutes at most.\\
Really.
{% endstep %}
{% endstepper %}

{% columns %}
{% column %}
Morning **pages**
{% endcolumn %}

{% column %}
Evening review
{% endcolumn %}
{% endcolumns %}
"""

TINY_HABITS = """\
# Tiny habits

Start with [the guide](../getting-started/README.md) or go [deeper](deeper/).

<figure><img src="../.gitbook/assets/habit loop.png" alt="The habit loop"><figcaption><p>The habit loop</p></figcaption></figure>

<img src="../images/diagram.png" alt="Diagram" width="200">

## Cue <a href="#the-cue" id="the-cue"></a>

Steps:
1. Notice the cue
   * after coffee
   * after lunch
2. Do the tiny thing

   Then celebrate.

## Café au lait

{% swagger method="get" path="/habits" summary="List habits" %}
The API lists habits.
{% endswagger %}
"""


def gitbook_files() -> dict[str, str | bytes]:
    return {
        ".gitbook.yaml": GITBOOK_YAML,
        "book.json": '{"title": "Campfire Handbook"}\n',  # the legacy GitBook's settings: the book's name
        "SUMMARY.md": SUMMARY,
        "README.md": (
            "# Campfire Handbook\n\nWelcome! Start with [installing](getting-started/install.md).\n\n"
            '<table data-view="cards"><thead><tr><th></th></tr></thead><tbody><tr>'
            '<td><a href="getting-started/install.md"><strong>Install</strong></a></td>'
            '<td><img src=".gitbook/assets/habit loop.png" alt=""></td></tr></tbody></table>\n'
        ),
        "LICENSE": "MIT License\n",
        "getting-started/README.md": (
            "# Getting started\n\n"
            '{% content-ref url="install.md" %}\n[install.md](install.md)\n{% endcontent-ref %}\n\n'
            '{% include "../.gitbook/includes/ask.md" %}\n'
        ),
        ".gitbook/includes/ask.md": (
            '---\ntitle: Ask\n---\n\n{% hint style="info" %}\nStuck? Ask in [the habits section](../../habits/README.md).\n'
            "{% endhint %}\n"
        ),
        "getting-started/install.md": INSTALL,
        "getting-started/tabs.md": TABS,
        "habits/README.md": (
            "# Habits\n\nSee [tiny habits](tiny-habits.md#the-cue), [café](tiny-habits.md#café-au-lait),\n"
            "[gone](tiny-habits.md#nowhere) and [here](#start-here).\n\n## Start here\n"
        ),
        "habits/tiny-habits.md": TINY_HABITS,
        "habits/deeper/README.md": "# Going deeper\n\nBack to [Habits](../README.md).\n",
        "extra/orphan.md": "# Orphan page\n\nNot in SUMMARY.md.\n",
        "extra/[draft] notes*.md": "# Draft notes\n\nA name full of glob characters.\n",
        "changelog.md": "# Changelog\n\nOur own, written by hand.\n",
        "images/diagram.png": png(1),
        "habits/cue-card.pdf": b"%PDF-1.4 cue card\n",
        "tools/check-links.sh": "#!/bin/sh\necho checking\n",
        ".gitbook/assets/Screen Shot (1).png": png(2),
        ".gitbook/assets/café corner.png": png(3),
        ".gitbook/assets/screen_shot.png": png(4),
        ".gitbook/assets/habit loop.png": png(5),
        ".gitbook/assets/guide (final).pdf": b"%PDF-1.4 guide\n",
        ".gitbook/assets/unused.png": png(6),
    }


def make_gitbook(root: Path) -> git.Repo:
    """A GitBook-synced repository with three commits of history."""
    repo = make_repo(root)
    files = gitbook_files()
    first = {k: v for k, v in files.items() if k != "getting-started/tabs.md"}
    first["getting-started/install.md"] = "# Install guide\n\nTo be written.\n"
    write(root, first)
    commit_all(repo, "GitBook: first pages")
    write(root, {"getting-started/install.md": files["getting-started/install.md"]})
    commit_all(repo, "GitBook: write the install guide")
    write(root, {"getting-started/tabs.md": files["getting-started/tabs.md"]})
    commit_all(repo, "GitBook: add tabs and code")
    return repo


def load_mkdocs_yml(path: Path) -> dict:
    """mkdocs.yml as MkDocs reads it (its loader knows `!!python/name:`, which Material's emoji
    extension is configured with)."""
    import yaml
    from mkdocs.utils.yaml import get_yaml_loader

    return yaml.load(path.read_text(encoding="utf-8"), Loader=get_yaml_loader())  # noqa: S506 - MkDocs' own


def isolated_git(monkeypatch) -> None:
    """Commit as a test identity without reading or writing anyone's git config."""
    for key, value in IDENTITY.items():
        monkeypatch.setenv(key, value)
    empty = Path(os.devnull)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(empty))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")


class Tags:
    """The attributes of every tag of some kind in an HTML page (stdlib parser, no regex)."""

    def __init__(self, html_text: str) -> None:
        from html.parser import HTMLParser

        found: list[tuple[str, dict[str, str]]] = []

        class Parser(HTMLParser):
            def handle_starttag(self, tag, attrs):
                found.append((tag, {k: v or "" for k, v in attrs}))

        Parser().feed(html_text)
        self.found = found

    def __call__(self, tag: str, **where: str) -> list[dict[str, str]]:
        return [
            attrs for name, attrs in self.found
            if name == tag and all(where_value in attrs.get(key, "").split() or attrs.get(key) == where_value
                                   for key, where_value in where.items())
        ]
