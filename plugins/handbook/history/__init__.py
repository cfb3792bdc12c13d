"""Git history: the only place that runs git (besides the GitBook importer's work-tree seam).

`git` is the seam: it opens the repository through GitPython and reads the history of `docs/` and
the channel map in one `git log` pass (in the background during a build; `.mailmap` for
co-authors in one `git check-mailmap`) and commits since a tag; `renames` finds what became of a
docs folder that is gone (for the map's drift check); `log` turns git's output into commits, `Changelog:` trailers, per-file dates and display names that are never
e-mail addresses (pure); `changelog` makes the changelog's entries and Markdown; `feed` renders
the Atom feed; `titles` reads when topics were last written and what their categories were
called then (for `stale-topic`, asked only about topics that do not name the current title). `page_changes`
folds the commits since a ref to one change per page (for `handbook discord announce --since`). A missing
git, a shallow clone or a folder outside a repository end as "no history" with a reason, never a
traceback.
"""
