"""The page history box (and the review line in it) as HTML, for the Markdown extension Zensical runs (`handbook.site.standalone`).

The same markup as the plugin's `partials/source-file.html` (its classes, `<time datetime>`,
`data-handbook-history`), so the theme's styles and our stylesheet apply to both. Pure: the
icons are passed in (the theme's SVGs, or none, when the label is written out instead).
"""

from __future__ import annotations

import html

from handbook.i18n import Words
from handbook.site.page_history import PageHistory

ICONS = {
    "updated": "material/clock-edit-outline",
    "created": "material/clock-plus-outline",
    "contributor": "material/account",
    "contributors": "material/account-group",
}
"""The theme icon of each fact (Material's and Zensical's `.icons/` names)."""
REVIEW_ICON = "material/calendar-check-outline"


def history_html(hb: PageHistory, words: Words, icons: dict[str, str] | None = None, extra: str = "") -> str:
    """The box for `hb` ('' when it has nothing to say); `extra` is more facts (the review line)."""
    icons = icons or {}
    facts = []
    if hb.updated:
        facts.append(_fact("updated", "history_updated", words, icons.get("updated", ""),
                           f'<time datetime="{hb.updated_iso}">{html.escape(hb.updated_text or "")}</time>'))
    if hb.created:
        facts.append(_fact("created", "history_created", words, icons.get("created", ""),
                           f'<time datetime="{hb.created_iso}">{html.escape(hb.created_text or "")}</time>'))
    if hb.contributors:
        icon = icons.get("contributor" if len(hb.contributors) == 1 else "contributors", "")
        facts.append(_fact("contributors", "history_contributors", words, icon,
                           f'<span>{html.escape(", ".join(hb.contributors))}</span>'))
    if hb.note:
        facts.append(f'<span class="md-source-file__fact handbook-history__note">{html.escape(hb.note)}</span>')
    if extra:
        facts.append(extra)
    if not facts:
        return ""
    return (f'\n<aside class="md-source-file handbook-history" data-handbook-history="{html.escape(hb.state)}">'
            + "".join(facts) + "</aside>\n")


def review_line_html(reviewed_iso: str, reviewed_text: str, owner: str | None, words: Words, icon: str = "") -> str:
    """"Reviewed on March 1, 2024 by @docs", as the plugin's `partials/handbook-review.html`."""
    lead = f'<span class="md-icon" title="{html.escape(words("reviewed"))}">{icon}</span>' if icon else ""
    by = f' {html.escape(words("reviewed_by"))} {html.escape(owner)}' if owner else ""
    return (f'<span class="md-source-file__fact handbook-review" data-handbook-review="{html.escape(reviewed_iso)}">'
            f'{lead}<span>{html.escape(words("reviewed_on"))} <time datetime="{html.escape(reviewed_iso)}">'
            f'{html.escape(reviewed_text)}</time>{by}</span></span>')


def review_box_html(line: str) -> str:
    """The review line alone, where there is no history box to hold it."""
    return f'\n<aside class="md-source-file">{line}</aside>\n'


def _fact(kind: str, key: str, words: Words, icon: str, value: str) -> str:
    label = html.escape(words(key))
    if icon:  # as the theme shows it: the icon, named for screen readers and on hover
        lead = f'<span class="md-icon" role="img" title="{label}" aria-label="{label}">{icon}</span>'
    else:  # no icon to show: the label itself, so the date is never a bare date
        lead = f'<span class="handbook-history__label">{html.escape(words("label_then", label=words(key)))}</span> '
    return f'<span class="md-source-file__fact handbook-history__{kind}">{lead}{value}</span>'
