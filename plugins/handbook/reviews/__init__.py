"""Owners and review dates: which pages are due for a re-read, who owns them, and when.

One job per module, all pure apart from reading files:

- `frontmatter`: a page's front matter keys with their line numbers (`owner`, `last_reviewed`,
  `review_every`, `title`), never a traceback on broken YAML.
- `dates`: durations ("6 months", "30d") and dates (ISO 8601, month ends, leap years, time zones),
  and "today" (`HANDBOOK_TODAY`, `SOURCE_DATE_EPOCH`, else the clock), so results are reproducible.
- `codeowners`: a CODEOWNERS file as GitHub reads it (the last matching pattern wins).
- `status`: one page's review (owner, last review, due date, status) and the findings for its
  bad values; `collect` does it for every page, the same way for the build and the command line.
- `page`: the generated reviews page's Markdown and the overdue banner's HTML.
- `spread`: new review dates that spread a review storm over the review period, and the edit of
  exactly those front-matter lines.
- `announce`: the webhook message of the pages due within a window, grouped by owner.
- `setup`: the options, CODEOWNERS and "today" turned into what `status` needs, for build and CLI alike.

The MkDocs glue is `handbook.site.reviews`; the command is `handbook.cli.review`.
"""
