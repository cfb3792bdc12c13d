"""Coming from GitBook: `handbook import gitbook` turns a GitBook repository into a handbook.

One job per module:

- `source`: find the GitBook space and read `.gitbook.yaml` (with line numbers for errors).
- `summary`: `SUMMARY.md` → a tree of parts, pages and links.
- `layout`: where every file goes (`docs/`, `README.md` → `index.md`, `.gitbook/assets/` → `docs/assets/`).
- `links`: resolve a link written in a GitBook page and rewrite it for its new place.
- `markup`: GitBook Markdown → Material for MkDocs Markdown (block tags, links, inline tags).
- `rawhtml`: the HTML GitBook writes (figures, images, card tables, `<pre>` code) → Markdown.
- `syntax`: the Markdown patterns and small helpers the modules share.
- `lists`: CommonMark list indentation (2-3 spaces) → Python-Markdown's 4 spaces per level.
- `escapes`: drop GitBook's backslash escapes where Python-Markdown renders the same without them.
- `anchors`: point `#anchor` links at the ids MkDocs gives the converted headings.
- `site`: the generated `mkdocs.yml`, redirect pages and the starter `channel_map.yml`.
- `leftovers`: GitBook's legacy files (`book.json`, whose title names the book; `package.json`, `Makefile`).
- `importer`: plan (reads only, for `--dry-run`) and apply (two git commits).
- `worktree`: the import's only git access (GitPython): tracked files, readiness, `git mv`, commits.
- The `handbook import gitbook` subcommand itself is `handbook.cli.gitbook`.
"""
