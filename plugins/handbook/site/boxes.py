"""The discuss box, the page history box and the review line for both paths, with the theme's
icons and words: `ThemeBoxes` for the plugin's partials under MkDocs, `Boxes` for the Markdown
extension Zensical runs (`handbook.site.standalone`). The markup is `box_markup`'s, so a page
gets the same bytes from both.

Under MkDocs the partials (`templates/partials/`, which `theme.py` puts on the theme's search
path) call `handbook_boxes` with the page's values; the three labels are the theme's own
translations (Material's `lang.t`), read once per build and language. Under Zensical a Jinja
environment on Zensical's template folders (`theme_dirs`) gives the icons, and the labels are the
same words from the handbook's catalogue. One object per build.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from handbook import i18n
from handbook.site.box_markup import Labels, discuss_box, history_box, review_line
from handbook.site.history_box import DISCUSS_ICON, ICONS, REVIEW_ICON
from handbook.site.theme import TEMPLATES, theme_icon

THEME_LABELS = {
    "source.file.date.updated": "history_updated",
    "source.file.date.created": "history_created",
    "source.file.contributors": "history_contributors",
}
"""Material's translation keys the history box names its facts by -> the catalogue's keys."""
_SEPARATOR = "\x00"
REVIEW_PARTIAL = "partials/handbook-review.html"
"""The review line's partial: a site that overrides it sees its own line inside the history box."""


def catalogue_labels(words: i18n.Words) -> Labels:
    """The labels in the handbook's own words (a theme without Material's translations)."""
    return Labels(*(words(key) for key in THEME_LABELS.values()))


class ThemeBoxes:
    """`handbook_boxes` in the theme's templates (a global set in `on_env`)."""

    def __init__(self, env: jinja2.Environment, config: Any, text: dict[str, str], words: i18n.Words) -> None:
        self.env, self.config, self.text, self.words = env, config, text, words
        self._labels: dict[str, Labels] = {}
        self._icons: dict[str, Markup] | None = None
        self._own_review: jinja2.Template | None = None
        self._discuss_icon: Markup | None = None

    def history(self, history: Any, review: Any, meta: Any, other_contributors: Any) -> Markup:
        """`other_contributors`: the page context's `git_info or committers` (git-authors',
        Material's), whose box the theme's own partial shows."""
        if not history and not review:
            return Markup("")
        if self._icons is None:
            self._icons = {key: theme_icon(self.env, name) for key, name in ICONS.items()}
            self._own_review = self._overridden(REVIEW_PARTIAL)
        own = self._own_review.render(handbook_review=review) if self._own_review and review else None
        return Markup(history_box(history, review, meta=meta, other_contributors=bool(other_contributors),
                                  labels=self.labels(), icons=self._icons, text=self.text, review_markup=own))

    def _overridden(self, name: str) -> jinja2.Template | None:
        """The site's own copy of our partial `name` (in its `custom_dir`), else None."""
        try:
            template = self.env.get_template(name)
        except jinja2.TemplateError:
            return None
        filename = template.filename or ""
        return None if Path(filename).is_relative_to(TEMPLATES) else template

    def review(self, review: Any) -> Markup:
        return Markup(review_line(review, self.text))

    def discuss(self, discuss: Any) -> Markup:
        if not discuss:
            return Markup("")
        if self._discuss_icon is None:
            self._discuss_icon = theme_icon(self.env, DISCUSS_ICON)
        return Markup(discuss_box(discuss, self.text, self._discuss_icon))

    def labels(self) -> Labels:
        """The theme's words for the facts, as its `lang.t` gives them on every page (its language
        is the build's `theme.language`, which mkdocs-static-i18n sets per language)."""
        language = str(self.config.theme.get("language") or "")
        if language not in self._labels:
            source = ('{% import "partials/language.html" as lang with context %}'
                      + _SEPARATOR.join(f"{{{{ lang.t('{key}') }}}}" for key in THEME_LABELS))
            try:
                words = self.env.from_string(source).render(config=self.config).split(_SEPARATOR)
                self._labels[language] = Labels(*words)
            except (jinja2.TemplateError, TypeError, ValueError):  # a theme without Material's translations
                self._labels[language] = catalogue_labels(self.words)
        return self._labels[language]


class Boxes:
    """The boxes of one Zensical build, in its language, with its theme's icons."""

    def __init__(self, theme_dirs: Iterable[str], words: i18n.Words) -> None:
        loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(TEMPLATES)),
                                      jinja2.FileSystemLoader([str(d) for d in theme_dirs])])
        self.env = jinja2.Environment(loader=loader, auto_reload=False)  # as MkDocs makes the theme's
        self.text = i18n.strings(words.language)
        self.icons = {key: theme_icon(self.env, name) for key, name in ICONS.items()}
        self.labels = catalogue_labels(words)
        self.review_icon: Markup = theme_icon(self.env, REVIEW_ICON)
        self.discuss_icon: Markup = theme_icon(self.env, DISCUSS_ICON)

    def discuss(self, discuss: Any) -> str:
        """The "Discuss this page" box for `discuss` (`links.Discuss`)."""
        return discuss_box(discuss, self.text, self.discuss_icon)

    def history(self, history: Any, review: Any, meta: dict[str, Any]) -> str:
        """The page history box (`page_history.PageHistory`, or None with `history: false`) with
        the review line in it (`review`: `reviews.ReviewFooter`, or None); '' when empty."""
        return history_box(history, review, meta=meta, other_contributors=False, labels=self.labels,
                           icons=self.icons, text=self.text)
