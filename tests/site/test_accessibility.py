"""WCAG 2.1 A and AA in a real browser: axe-core in Debian's Chromium, light and dark mode.

axe-core comes from the npm registry, pinned in `tests/browser/package-lock.json`;
`python3 dev.py test` installs it (`npm ci --prefix tests/browser`). Each site is checked in the
light scheme, then Material's palette toggle is clicked (as a reader would) and the same pages
are checked in the dark scheme. Two sites:

- this repository's handbook, every rule on whole pages of each kind (its palette is ours);
- a community's site on Material's own default palette, where only what the plugin adds is
  checked (the discuss and history boxes, mentions, the generated pages): those must pass
  whatever palette a community picks.

Never skipped.
"""

from __future__ import annotations

import pytest
from links_site import build_site
from paths import TESTS

pytestmark = pytest.mark.browser

AXE = TESTS / "browser" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")

OWN_SAMPLE = {  # page -> what axe checks on it (None: the whole page)
    "habits/tiny-habits/": None,  # a topic page: discuss and history boxes, mentions
    "channels/": None,
    "roles/": None,
    "changelog/": None,
    "communities/": None,  # the communities directory, with its filters
    "discord-manual/accessibility/": None,
    "guidelines/": None,
}

OURS_ON_A_TOPIC_PAGE = (".handbook-discuss", ".handbook-history", "a.handbook-mention")
COMMUNITY_SAMPLE = {
    "habits/tiny/": OURS_ON_A_TOPIC_PAGE,
    "channels/": (".handbook-generated",),
    "roles/": (".handbook-generated",),
    "changelog/": (".handbook-generated",),
    "communities/": (".handbook-generated",),
}
COMMUNITIES = """\
- name: Walkers
  url: https://walkers.example.org/
  description: A circle of people who walk every day, and [their guide](https://walkers.example.org/guide).
  platform: forum
  topics: [habits]
"""
COMMUNITY_DOCS = {
    "index.md": "# Home\n\nWelcome to the circle.\n",
    "habits/index.md": "# Habits\n\nSay hello in #introductions, then show your week in #show-me.\n",
    "habits/tiny.md": "# Tiny habits\n\nStart with one small step and tell us how it went in #show-me today.\n",
}
MATERIAL_DEFAULT_PALETTE = [  # no colours chosen: Material's indigo, with a light/dark toggle
    {"media": "(prefers-color-scheme: light)", "scheme": "default",
     "toggle": {"icon": "material/weather-night", "name": "Switch to dark mode"}},
    {"media": "(prefers-color-scheme: dark)", "scheme": "slate",
     "toggle": {"icon": "material/weather-sunny", "name": "Switch to light mode"}},
]

RUN_AXE = """
const [tags, include, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
const context = include ? {include: include.map(selector => [selector])} : document;
axe.run(context, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})
  .then(results => done({
    passed: results.passes.map(rule => rule.id),
    violations: results.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary})),
    })),
  }))
  .catch(error => done({passed: [], violations: [{id: "axe-error", impact: "error", help: String(error), nodes: []}]}));
"""


@pytest.fixture(scope="module")
def axe_source():
    if not AXE.exists():
        pytest.fail("axe-core is not installed: run `npm ci --prefix tests/browser` "
                    "(`python3 dev.py test` does it)", pytrace=False)
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def community(tmp_path_factory, serve):
    """A small community site with history, a channel map and a communities directory, on
    Material's default palette."""
    root = tmp_path_factory.mktemp("community")
    (root / "communities.yml").write_text(COMMUNITIES, encoding="utf-8")
    site = build_site(root, COMMUNITY_DOCS, plugin={"history": True}, git=True,
                      config={"theme": {"name": "material", "palette": MATERIAL_DEFAULT_PALETTE}})
    assert site.warnings() == []
    return serve(site.site_dir)


def _scheme(browser) -> str:
    return browser.execute_script("return document.body.getAttribute('data-md-color-scheme')")


def _report(failures: dict[str, list[dict]]) -> str:
    lines = []
    for where, violations in failures.items():
        for v in violations:
            lines.append(f"{where}: {v['id']} ({v['impact']}): {v['help']}")
            for node in v["nodes"]:
                lines.append(f"    {node['target']}")
                lines += [f"        {line}" for line in (node["summary"] or "").splitlines()]
    return "\n".join(lines)


def _check_sample(base, browser, axe_source, sample, scheme):
    """axe on each page of `sample` in `scheme`: ({page: violations}, {page: rules passed})."""
    failures, passed = {}, {}
    for path, include in sample.items():
        browser.get(base + path)
        assert _scheme(browser) == scheme, f"{path} is not in the {scheme} scheme"
        browser.execute_script(axe_source)
        result = browser.execute_async_script(RUN_AXE, list(WCAG_TAGS), list(include) if include else None)
        passed[path] = set(result["passed"])
        if result["violations"]:
            failures[f"{path} ({scheme})"] = result["violations"]
    return failures, passed


def _check_both_schemes(base, browser, axe_source, sample):
    """The sample in the light scheme, then in the dark one chosen with the palette toggle."""
    from selenium.webdriver.common.by import By

    # A reader whose system asks for light: Material's first palette applies.
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia",
                            {"features": [{"name": "prefers-color-scheme", "value": "light"}]})
    browser.get(base)
    browser.execute_script("localStorage.clear()")
    try:
        failures, passed = _check_sample(base, browser, axe_source, sample, "default")
        browser.get(base)
        toggle = browser.find_element(By.CSS_SELECTOR, "form[data-md-component=palette] label:not([hidden])")
        assert toggle.get_attribute("title") == "Switch to dark mode"
        toggle.click()
        assert _scheme(browser) == "slate"
        dark_failures, _ = _check_sample(base, browser, axe_source, sample, "slate")  # the choice is kept
    finally:
        browser.execute_script("localStorage.clear()")  # other browser tests see the default scheme
    return failures | dark_failures, passed


def test_this_handbook_has_no_wcag_violations_in_light_and_dark_mode(served, browser, axe_source):
    failures, passed = _check_both_schemes(served, browser, axe_source, OWN_SAMPLE)
    assert not failures, "WCAG 2.1 A/AA violations (axe-core):\n" + _report(failures)
    assert "color-contrast" in passed["habits/tiny-habits/"]


def test_what_the_plugin_adds_passes_on_materials_default_palette(community, browser, axe_source):
    failures, passed = _check_both_schemes(community, browser, axe_source, COMMUNITY_SAMPLE)
    assert not failures, "WCAG 2.1 A/AA violations (axe-core) in the plugin's output:\n" + _report(failures)
    # The rules that matter were run on our elements, not skipped for want of them.
    for path in ("habits/tiny/", "changelog/"):
        assert "link-in-text-block" in passed[path], path
    for path in ("channels/", "roles/"):
        assert {"th-has-data-cells", "td-has-header"} & passed[path], path
