"""The markup of the discuss box, the page history box and the review line, written in Python.

One source for both paths: the plugin's partials (`templates/partials/`) print what these
functions return (`boxes.ThemeBoxes`), and the Markdown extension Zensical runs puts the same into
the page (`boxes.Boxes`). Written here rather than in Jinja because a build renders them on every
page: a Jinja include costs some hundred function calls, these a few. The classes and data
attributes are Material's (`md-source-file`, `md-source-file__fact`, `md-icon`) and ours
(`handbook-*`), which the stylesheet and the tests know.

Values are escaped as the partials escaped them; the dates (Babel's words, ISO dates), the
theme's labels and the icons (the theme's SVG) are the theme's and go in as they are.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import escape


@dataclass(frozen=True)
class Labels:
    """The three facts as the theme names them (Material's `source.file.*` translations)."""

    updated: str
    created: str
    contributors: str


def review_line(review: Any, text: Mapping[str, str]) -> str:
    """"Reviewed on ... by ..." (`review`: `reviews.ReviewFooter`); '' without one."""
    if not review:
        return ""
    icon = (f'\n<span class="md-icon" title="{escape(text["reviewed"])}">{review.icon}</span>'
            if review.icon else "")
    owner = f' {escape(text["reviewed_by"])} {escape(review.owner)}' if review.owner else ""
    return (f'<span class="md-source-file__fact handbook-review" data-handbook-review="{review.reviewed_iso}">'
            f'{icon}\n<span>{escape(text["reviewed_on"])} <time datetime="{review.reviewed_iso}">'
            f'{escape(review.reviewed)}</time>{owner}</span>\n</span>')


def history_box(history: Any, review: Any, *, meta: Mapping[str, Any] | None, other_contributors: bool,
                labels: Labels, icons: Mapping[str, str], text: Mapping[str, str],
                review_markup: str | None = None) -> str:
    """The page's dates, contributors, note and review line (`history`: `PageHistory` or None,
    `review`: `ReviewFooter` or None); '' when there is nothing to show. A fact that another
    plugin already gives the theme (`meta`: git-revision-date-localized's dates;
    `other_contributors`: git-authors' or Material's committers) is left to the theme's box.
    `review_markup`: the review line as a site's own partial renders it, in place of ours."""
    line = review_line(review, text) if review_markup is None else review_markup.strip()
    if not history:
        return f'<aside class="md-source-file">\n{line}\n</aside>' if line else ""
    meta = meta or {}
    facts = []
    if history.updated and not (meta.get("git_revision_date_localized") or meta.get("revision_date")):
        facts.append(_fact("updated", labels.updated, icons.get("updated"), text,
                           f'<time datetime="{history.updated_iso}">{history.updated_text}</time>'))
    if history.created and not meta.get("git_creation_date_localized"):
        facts.append(_fact("created", labels.created, icons.get("created"), text,
                           f'<time datetime="{history.created_iso}">{history.created_text}</time>'))
    if history.contributors and not other_contributors:
        icon = icons.get("contributor" if len(history.contributors) == 1 else "contributors")
        facts.append(_fact("contributors", labels.contributors, icon, text,
                           f'<span>{escape(", ".join(history.contributors))}</span>'))
    if history.note:
        facts.append(f'<span class="md-source-file__fact handbook-history__note">{escape(history.note)}</span>')
    if line:
        facts.append(line)
    if not facts:
        return ""
    return (f'<aside class="md-source-file handbook-history" data-handbook-history="{escape(history.state)}">\n'
            + "\n".join(facts) + "\n</aside>")


def _fact(name: str, label: str, icon: str | None, text: Mapping[str, str], value: str) -> str:
    """One fact, named by the theme's icon (for screen readers and on hover), or in words where
    the theme has no such icon, so a date is never a bare date."""
    if icon:
        named = f'<span class="md-icon" role="img" title="{label}" aria-label="{label}">\n{icon}\n</span>'
    else:
        named = f'<span class="handbook-history__label">{escape(text["label_then"].replace("{label}", label))}</span>'
    return f'<span class="md-source-file__fact handbook-history__{name}">\n{named}\n{value}\n</span>'


def discuss_box(discuss: Any, text: Mapping[str, str], icon: str) -> str:
    """"Discuss this page in #channel" (`discuss`: `links.Discuss`), with the server's invite
    when there is one; '' without a channel."""
    if not discuss:
        return ""
    on_discord = f' {escape(text["on_discord"])}' if discuss.on_discord else ""
    invite = ""
    if discuss.invite:
        join = text["join"].replace("{server}", discuss.server) if discuss.server else text["join_the_server"]
        invite = (f'<span class="md-source-file__fact">\n<span>{escape(text["not_a_member"])}\n'
                  f'<a class="handbook-discuss__invite" href="{escape(discuss.invite)}">{escape(join)}</a>.</span>\n'
                  '</span>\n')
    return ('<aside class="md-source-file handbook-discuss" data-handbook-discuss>\n'
            f'<span class="md-source-file__fact">\n<span class="md-icon" aria-hidden="true">{icon}</span>\n'
            f'<span>{escape(text["discuss_in"])}\n'
            f'<a class="handbook-discuss__channel"{" data-handbook-post" if getattr(discuss, "post", False) else ""} '
            f'href="{escape(discuss.url)}">#{escape(discuss.channel)}</a>'
            f'{on_discord}.</span>\n</span>\n{invite}</aside>')
