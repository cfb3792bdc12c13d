"""WCAG 2.1 A and AA on this repository's site: axe-core in Debian's Chromium, light and dark mode.

axe-core comes from the npm registry, pinned in `tests/browser/package-lock.json`;
`python3 dev.py test` installs it (`npm ci --prefix tests/browser`). One page of each kind is
checked in the light scheme, then Material's palette toggle is clicked (as a reader would) and
the same pages are checked in the dark scheme. Never skipped.
"""

from __future__ import annotations

import pytest
from paths import TESTS

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

AXE = TESTS / "browser" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")

SAMPLE = {
    "a topic page": "habits/tiny-habits/",
    "the channel directory": "channels/",
    "the roles page": "roles/",
    "the changelog": "changelog/",
    "a Discord manual page": "discord-manual/accessibility/",
    "the guidelines": "guidelines/",
}

RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: "tag", values: arguments[0]}, resultTypes: ["violations"]})
  .then(results => done(results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary})),
  }))))
  .catch(error => done([{id: "axe-error", impact: "error", help: String(error), nodes: []}]));
"""


@pytest.fixture(scope="module")
def axe_source():
    if not AXE.exists():
        pytest.fail("axe-core is not installed: run `npm ci --prefix tests/browser` "
                    "(`python3 dev.py test` does it)", pytrace=False)
    return AXE.read_text(encoding="utf-8")


def _scheme(browser) -> str:
    return browser.execute_script("return document.body.getAttribute('data-md-color-scheme')")


def _violations(browser, axe_source) -> list[dict]:
    browser.execute_script(axe_source)
    return browser.execute_async_script(RUN_AXE, list(WCAG_TAGS))


def _report(failures: dict[str, list[dict]]) -> str:
    lines = []
    for where, violations in failures.items():
        for v in violations:
            lines.append(f"{where}: {v['id']} ({v['impact']}): {v['help']}")
            for node in v["nodes"]:
                lines.append(f"    {node['target']}")
                if node["summary"]:
                    lines += [f"        {line}" for line in node["summary"].splitlines()]
    return "\n".join(lines)


def _check_sample(served, browser, axe_source, scheme: str) -> dict[str, list[dict]]:
    failures = {}
    for kind, path in SAMPLE.items():
        browser.get(served + path)
        assert _scheme(browser) == scheme, f"{path} is not in the {scheme} scheme"
        violations = _violations(browser, axe_source)
        if violations:
            failures[f"{path} ({kind}, {scheme})"] = violations
    return failures


def test_sampled_pages_have_no_wcag_violations_in_light_and_dark_mode(served, browser, axe_source):
    from selenium.webdriver.common.by import By

    # A reader whose system asks for neither: Material's first palette (light) applies.
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia",
                            {"features": [{"name": "prefers-color-scheme", "value": "light"}]})
    browser.get(served)
    browser.execute_script("localStorage.clear()")
    try:
        failures = _check_sample(served, browser, axe_source, "default")
        browser.get(served)
        toggle = browser.find_element(By.CSS_SELECTOR, "form[data-md-component=palette] label:not([hidden])")
        assert toggle.get_attribute("title") == "Switch to dark mode"
        toggle.click()
        assert _scheme(browser) == "slate"
        failures |= _check_sample(served, browser, axe_source, "slate")  # the choice is remembered
    finally:
        browser.execute_script("localStorage.clear()")  # other browser tests see the default scheme
    assert not failures, "WCAG 2.1 A/AA violations (axe-core):\n" + _report(failures)
