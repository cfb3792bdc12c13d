"""The manual's and README's screenshots are made by `manual/screenshots.py` from the built sample
handbook: run on the browser tests' own build, it makes every picture, as PNGs of the committed
ones' size, and they show what the manual says they show."""

from __future__ import annotations

import struct
import sys

import pytest
from paths import ROOT

sys.path.insert(0, str(ROOT / "manual"))
import screenshots  # noqa: E402

pytestmark = pytest.mark.browser


def png_size(path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is no PNG"
    return struct.unpack(">II", data[16:24])


def test_the_script_makes_every_screenshot_as_committed(served, browser, tmp_path):
    made = screenshots.shoot(browser, served, tmp_path)
    assert sorted(p.name for p in made) == sorted(screenshots.SHOTS)
    committed = {p.name for p in screenshots.OUT.glob("*.png")}
    assert committed == set(screenshots.SHOTS), "a committed screenshot the script no longer makes, or one missing"
    for path in made:
        assert png_size(path) == png_size(screenshots.OUT / path.name), path.name
        assert path.stat().st_size > 10_000, path.name  # a picture of a page, not a blank


def test_the_pictures_show_what_the_captions_say(served, browser):
    from selenium.webdriver.common.by import By

    for page, selector in screenshots.SHOTS.values():
        browser.get(served + page)
        if selector is not None:
            box = browser.find_element(By.CSS_SELECTOR, selector)
            browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
            discuss = browser.find_element(By.CSS_SELECTOR, "aside.handbook-discuss")
            assert box.is_displayed() and discuss.is_displayed() and "#habits" in discuss.text
        else:
            assert "Habits" in browser.find_element(By.CSS_SELECTOR, "article h1").text
