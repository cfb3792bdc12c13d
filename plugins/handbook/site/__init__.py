"""The MkDocs adapter: everything a build shows that is not the community's own Markdown.

`theme` puts our partials and stylesheet (`templates/`) on the theme's search path and marks the
generated pages for that stylesheet; `links` turns channels into URLs and works out where each
page is discussed; `mentions` is the Python-Markdown extension that links `#channel` in prose;
`pages` writes the generated channel directory and roles page; `history` puts page dates, the
changelog and the feed into the build; `privacy` is the private vocabulary and the one redaction
step for text from git and front matter; `page_privacy` finds private names in what authors wrote
(front matter, link text, alt text, code spans) and redacts the page; `reviews` puts owners and
review dates in (findings, the reviews page, the overdue banner, the footer line); `generated`
adds generated pages and files to MkDocs' `Files` (backed by `.handbook-cache/`, never over a
file of the user's); `i18n` has our words in the site's language and formats dates with Babel.
`publication` says which pages the site publishes and what it calls and addresses them, for the
announcements sent to Discord. `project_pages` reads the pages from the docs folder without a build, for
`handbook review` and the page findings of `handbook check`.
`handbook.plugin` wires these to MkDocs' events.
"""
