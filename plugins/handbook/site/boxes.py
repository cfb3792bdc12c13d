"""The plugin's partials for the discuss box, the page history box and the review line, rendered
by the Markdown extension Zensical runs (`handbook.site.standalone`): one markup for both paths.

Under MkDocs the theme renders `templates/partials/` (`theme.py` puts them on its search path);
here a Jinja environment renders the same files with what the theme's templates would give them:
the theme's icons from Zensical's template folders (`theme_dirs`), the handbook's words
(`handbook_text`) and, for the three labels the partials take from Material's translations
(`lang.t`), the same words from the handbook's catalogue. One environment per build.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import jinja2
from markupsafe import Markup

from handbook import i18n
from handbook.site.history_box import ICONS, REVIEW_ICON
from handbook.site.theme import TEMPLATES, theme_icon

THEME_LABELS = {
    "source.file.date.updated": "history_updated",
    "source.file.date.created": "history_created",
    "source.file.contributors": "history_contributors",
}
"""Material's translation keys the history partial names its facts by -> the catalogue's keys."""


class _Labels:
    """`lang` for the partials: `lang.t(key)` as Material's `partials/language.html` answers it."""

    def __init__(self, words: i18n.Words) -> None:
        self.words = words

    def t(self, key: str) -> str:
        return self.words(THEME_LABELS[key])


class Boxes:
    """The partials of one build, in its language, with its theme's icons."""

    def __init__(self, theme_dirs: Iterable[str], words: i18n.Words) -> None:
        loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(TEMPLATES)),
                                      jinja2.FileSystemLoader([str(d) for d in theme_dirs])])
        self.env = jinja2.Environment(loader=loader, auto_reload=False)  # as MkDocs makes the theme's
        self.env.globals["handbook_text"] = i18n.strings(words.language)
        self.env.globals["handbook_icons"] = {key: theme_icon(self.env, name) for key, name in ICONS.items()}
        self.env.globals["lang"] = _Labels(words)
        self.review_icon: Markup = theme_icon(self.env, REVIEW_ICON)

    def discuss(self, discuss: Any) -> str:
        """The "Discuss this page" box for `discuss` (`links.Discuss`)."""
        return self._render("partials/handbook-discuss.html", handbook_discuss=discuss)

    def history(self, history: Any, review: Any, meta: dict[str, Any]) -> str:
        """The page history box (`page_history.PageHistory`, or None with `history: false`) with
        the review line in it (`review`: `reviews.ReviewFooter`, or None); '' when empty."""
        return self._render("partials/handbook-history.html", handbook_history=history,
                            handbook_review=review, page={"meta": meta})

    def _render(self, name: str, **context: Any) -> str:
        html = self.env.get_template(name).render(**context)
        return html if html.strip() else ""
