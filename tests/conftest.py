import os

import pytest

# Material prints an end-of-life banner on every build; keep test output to what we assert on.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

# The browser tests share one build of the repository's site and one Chromium (tests/site/conftest.py):
# under `pytest -n`, they all go to one worker; every other test is spread as usual.
BROWSER_MODULES = ("tests/site/test_browser.py::", "tests/site/test_accessibility.py::",
                   "tests/site/test_screenshots.py::", "tests/site/test_manual_accessibility.py::")


@pytest.hookimpl(optionalhook=True, tryfirst=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") != "load":
        return None  # a distribution asked for on the command line is left alone
    from xdist.scheduler import LoadScopeScheduling

    class BrowserTestsTogether(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return "browser" if nodeid.startswith(BROWSER_MODULES) else nodeid

    return BrowserTestsTogether(config, log)
