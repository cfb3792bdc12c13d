"""The tool's manual passes the same accessibility check as the handbook: axe-core's WCAG 2.1 A
and AA rules in Chromium, light and dark mode, on a page of each kind (its generated reference
pages, with their long tables, included)."""

from __future__ import annotations

import sys

import pytest
from paths import TESTS
from test_accessibility import _check_both_schemes, _report, axe_source  # noqa: F401  (fixture)

sys.path.insert(0, str(TESTS / "manual"))
from manualkit import build_manual  # noqa: E402

pytestmark = pytest.mark.browser

SAMPLE = {  # page -> what axe checks on it (None: the whole page)
    "": None,  # the home page, with the screenshots
    "tutorial/": None,  # console and file blocks
    "how-to/add-to-an-existing-site/": None,
    "reference/1-options/": None,  # generated: tables, admonition, YAML examples
    "reference/2-findings/": None,
    "reference/3-commands/": None,
    "explanation/categories-and-channels/": None,
}


@pytest.fixture(scope="module")
def manual(tmp_path_factory, serve):
    return serve(build_manual(tmp_path_factory.mktemp("manual-site")))


def test_the_manual_has_no_wcag_violations_in_light_and_dark_mode(manual, browser, axe_source):  # noqa: F811
    failures, passed = _check_both_schemes(manual, browser, axe_source, SAMPLE)
    assert not failures, "WCAG 2.1 A/AA violations in the manual (axe-core):\n" + _report(failures)
    assert all("color-contrast" in passed[page] for page in SAMPLE)
