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

from handbook.linkhealth.communities import Communities, Community
from handbook.linkhealth.extract import normalise
from handbook.linkhealth.status import LinkResult, LinkStatus

OTHER_TOPIC = "other"
# Worst first: the entry's status is the worst of its url's and its invite's.
SEVERITY = ("dead", "unreachable", "redirected", "unchecked", "ok")
HEALTH_TEXT = {"ok": "alive", "redirected": "moved", "dead": "dead", "unreachable": "unreachable",
               "unchecked": "not checked"}

SCRIPT = """<script>
(function () {
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
      count.textContent = shown + " shown";
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


def _health(community: Community, status: LinkStatus | None) -> str:
    site = _result(status, community.url)
    parts = []
    if site is None:
        parts.append("not checked")
    elif site.status == "redirected" and site.final_url:
        parts.append(f'moved to <a href="{_e(site.final_url)}">{_e(site.final_url)}</a>')
    else:
        parts.append(HEALTH_TEXT[site.status])
    if community.invite:
        invite = _result(status, community.invite)
        if invite is None:
            parts.append("invite not checked")
        elif invite.status == "ok" and invite.discord:
            counts = [f"{invite.discord[key]:,} {label}" for key, label in (("members", "members"), ("online", "online"))
                      if isinstance(invite.discord.get(key), int)]
            parts.append("invite alive" + (f": {', '.join(counts)}" if counts else ""))
        elif invite.status == "dead":
            parts.append("invite expired")
        else:
            parts.append(f"invite {HEALTH_TEXT[invite.status]}")
    dates = sorted(r.checked_at[:10] for r in (site, _result(status, community.invite)) if r and r.checked_at)
    if dates:
        parts.append(f"checked {dates[0]}")
    return "; ".join(parts)


def _entry(community: Community, status: LinkStatus | None) -> str:
    state = entry_status(community, status)
    facts = [community.platform.capitalize() if community.platform else None,
             community.cost, community.language]
    meta = " · ".join(_e(f) for f in facts if f)
    tags = " ".join(f'<span class="handbook-community-topic">{_e(t)}</span>' for t in community.topics)
    invite = (f' · <a href="{_e(community.invite)}">join on Discord</a>' if community.invite else "")
    return (
        f'<li class="handbook-community" data-link-status="{state}" '
        f'data-topics="{_e(" ".join(_slug(t) for t in community.topics) or OTHER_TOPIC)}" '
        f'data-platform="{_e(community.platform or "other")}">\n'
        f'<p><strong><a href="{_e(community.url)}">{_e(community.name)}</a></strong>{invite}<br>\n'
        f'{_e(community.description)}</p>\n'
        f'<p class="handbook-community-meta">{meta}{" · " if meta and tags else ""}{tags}</p>\n'
        f'<p class="handbook-community-health">Health: {_health(community, status)}</p>\n'
        f'</li>'
    )


def _options(name: str, label: str, values: list[str]) -> str:
    options = "".join(f'<option value="{_e(_slug(v))}">{_e(v)}</option>' for v in values)
    return f'<label>{label} <select name="{name}"><option value="">all</option>{options}</select></label>'


def directory_page(communities: Communities, status: LinkStatus | None, title: str = "Related communities") -> str:
    groups: dict[str, list[Community]] = {}
    for community in communities.entries:
        groups.setdefault(community.topics[0] if community.topics else OTHER_TOPIC, []).append(community)
    order = sorted(groups, key=lambda t: (t == OTHER_TOPIC, t))
    topics = sorted({t for c in communities.entries for t in c.topics})
    platforms = sorted({c.platform or "other" for c in communities.entries})
    checked = f"The last link check was on {status.checked_at[:10]}." if status and status.checked_at else \
        "These links have not been checked yet."
    lines = [
        f"# {title}", "",
        "Communities of practice near ours, and whether their links worked at the last check. "
        f"{checked}", "",
        '<div class="handbook-communities">',
        '<form class="handbook-communities-filter" hidden>',
        _options("topic", "Topic", topics),
        _options("platform", "Platform", platforms),
        '<output aria-live="polite"></output>',
        "</form>",
    ]
    for topic in order:
        heading = topic.capitalize() if topic != OTHER_TOPIC else "Other"
        lines += [f'<section class="handbook-community-group" data-topic="{_e(_slug(topic))}">',
                  f'<h2 id="topic-{_e(_slug(topic))}">{_e(heading)}</h2>', '<ul>']
        lines += [_entry(c, status) for c in sorted(groups[topic], key=lambda c: c.name.casefold())]
        lines += ["</ul>", "</section>"]
    lines += ["</div>", "", SCRIPT, ""]
    return "\n".join(lines)
