"""The generated directory page: related communities grouped by topic, with their health.

Each community appears once, under its first topic (the others are shown as tags), with its name
linking to its url, description, platform, cost, language and what the last link check found.
Each entry is an element with `data-link-status="ok|redirected|dead|unreachable|unchecked"` (and
`data-topics`, `data-platform`), so themes can style it and the filter can find it. The filter
is a small form hidden in plain HTML and shown by the page's script, so without JavaScript a
reader simply gets the whole list.
"""

from __future__ import annotations

import html
import json

from handbook.i18n import ENGLISH, Words, upper_first
from handbook.linkhealth.communities import Communities, Community
from handbook.linkhealth.extract import normalise
from handbook.linkhealth.status import LinkResult, LinkStatus

OTHER_TOPIC = "other"
# Worst first: the entry's status is the worst of its url's and its invite's.
SEVERITY = ("dead", "unreachable", "redirected", "unchecked", "ok")

SCRIPT = """<script>
(function () {
  var SHOWN = SHOWN_TEXT;
  function setup() {
    var root = document.querySelector(".handbook-communities");
    if (!root || root.dataset.ready) return;
    root.dataset.ready = "1";
    var form = root.querySelector(".handbook-communities-filter");
    var topic = form.querySelector("select[name=topic]");
    var platform = form.querySelector("select[name=platform]");
    var count = form.querySelector("output");
    function apply() {
      var shown = 0;
      root.querySelectorAll(".handbook-community").forEach(function (entry) {
        var topics = (entry.dataset.topics || "").split(" ");
        var ok = (!topic.value || topics.indexOf(topic.value) >= 0) &&
                 (!platform.value || entry.dataset.platform === platform.value);
        entry.hidden = !ok;
        if (ok) shown += 1;
      });
      root.querySelectorAll(".handbook-community-group").forEach(function (group) {
        group.hidden = !group.querySelector(".handbook-community:not([hidden])");
      });
      count.textContent = SHOWN.replace("{count}", shown);
    }
    topic.addEventListener("change", apply);
    platform.addEventListener("change", apply);
    form.hidden = false;
    apply();
  }
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(setup); } else { setup(); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", setup); }
})();
</script>"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _slug(topic: str) -> str:
    return "-".join(topic.split())


def _result(status: LinkStatus | None, url: str | None) -> LinkResult | None:
    return status.get(normalise(url)) if status is not None and url else None


def _status_of(status: LinkStatus | None, url: str) -> str:
    result = _result(status, url)
    return result.status if result is not None else "unchecked"


def entry_status(community: Community, status: LinkStatus | None) -> str:
    return min((_status_of(status, url) for url, _ in community.urls()), key=SEVERITY.index)


def _health(community: Community, status: LinkStatus | None, words: Words) -> str:
    site = _result(status, community.url)
    parts = []
    if site is None:
        parts.append(words("health_unchecked"))
    elif site.status == "redirected" and site.final_url:
        parts.append(words("moved_to", link=f'<a href="{_e(site.final_url)}">{_e(site.final_url)}</a>'))
    else:
        parts.append(words(f"health_{site.status}"))
    if community.invite:
        invite = _result(status, community.invite)
        if invite is None:
            parts.append(words("invite_unchecked"))
        elif invite.status == "ok" and invite.discord:
            members, online = (invite.discord.get(key) for key in ("members", "online"))
            counts = ([words.count("members", members)] if isinstance(members, int) else []) + \
                     ([words("online", count=words.number(online))] if isinstance(online, int) else [])
            parts.append(words("invite_ok") + (f": {', '.join(counts)}" if counts else ""))
        else:
            parts.append(words(f"invite_{invite.status}"))
    dates = sorted(r.checked_at[:10] for r in (site, _result(status, community.invite)) if r and r.checked_at)
    if dates:
        parts.append(words("checked_on", date=dates[0]))
    return "; ".join(parts)


def _platform(platform: str, words: Words) -> str:
    """A platform's name as the site shows it: "Discord"; "other" in the site's language."""
    return words("other_platform") if platform == "other" else platform


def _entry(community: Community, status: LinkStatus | None, words: Words) -> str:
    state = entry_status(community, status)
    facts = [upper_first(_platform(community.platform, words)) if community.platform else None,
             words(f"cost_{community.cost}") if community.cost else None, community.language]
    meta = " · ".join(_e(f) for f in facts if f)
    tags = " ".join(f'<span class="handbook-community-topic">{_e(t)}</span>' for t in community.topics)
    invite = (f' · <a href="{_e(community.invite)}">{_e(words("join_on_discord"))}</a>' if community.invite else "")
    return (
        f'<li class="handbook-community" data-link-status="{state}" '
        f'data-topics="{_e(" ".join(_slug(t) for t in community.topics) or OTHER_TOPIC)}" '
        f'data-platform="{_e(community.platform or "other")}">\n'
        f'<p><strong><a href="{_e(community.url)}">{_e(community.name)}</a></strong>{invite}<br>\n'
        f'{_e(community.description)}</p>\n'
        f'<p class="handbook-community-meta">{meta}{" · " if meta and tags else ""}{tags}</p>\n'
        f'<p class="handbook-community-health">{words("health", health=_health(community, status, words))}</p>\n'
        f'</li>'
    )


def _options(name: str, label: str, values: list[tuple[str, str]], words: Words) -> str:
    """A filter: `values` are (value, what the reader sees)."""
    options = "".join(f'<option value="{_e(_slug(v))}">{_e(shown)}</option>' for v, shown in values)
    return (f'<label>{_e(label)} <select name="{name}"><option value="">{_e(words("filter_all"))}</option>'
            f'{options}</select></label>')


def directory_page(communities: Communities, status: LinkStatus | None, words: Words = ENGLISH) -> str:
    """The page's Markdown (HTML blocks), in `words`' language; the script counts in it too."""
    groups: dict[str, list[Community]] = {}
    for community in communities.entries:
        groups.setdefault(community.topics[0] if community.topics else OTHER_TOPIC, []).append(community)
    order = sorted(groups, key=lambda t: (t == OTHER_TOPIC, t))
    topics = sorted({t for c in communities.entries for t in c.topics})
    platforms = sorted({c.platform or "other" for c in communities.entries})
    checked = words("communities_checked", date=status.checked_at[:10]) if status and status.checked_at else \
        words("communities_unchecked")
    lines = [
        f"# {words('communities_title')}", "",
        f"{words('communities_intro')} {checked}", "",
        '<div class="handbook-communities">',
        '<form class="handbook-communities-filter" hidden>',
        _options("topic", words("filter_topic"), [(t, t) for t in topics], words),
        _options("platform", words("filter_platform"), [(p, _platform(p, words)) for p in platforms], words),
        '<output aria-live="polite"></output>',
        "</form>",
    ]
    for topic in order:
        heading = topic.capitalize() if topic != OTHER_TOPIC else words("other_topic")
        lines += [f'<section class="handbook-community-group" data-topic="{_e(_slug(topic))}">',
                  f'<h2 id="topic-{_e(_slug(topic))}">{_e(heading)}</h2>', '<ul>']
        lines += [_entry(c, status, words) for c in sorted(groups[topic], key=lambda c: c.name.casefold())]
        lines += ["</ul>", "</section>"]
    # "{count} shown" as a JavaScript string (`<` escaped too: no text can close the script element)
    shown = json.dumps(words("communities_shown")).replace("<", "\\u003c")
    lines += ["</div>", "", SCRIPT.replace("SHOWN_TEXT", shown, 1), ""]
    return "\n".join(lines)
