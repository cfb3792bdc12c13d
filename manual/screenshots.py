#!/usr/bin/env python3
"""The manual's and README's screenshots, made from the built sample handbook (never by hand).

    .venv/bin/python manual/screenshots.py            # writes manual/docs/assets/screenshots/*.png

It builds this repository's handbook (`mkdocs.yml`, `docs/`) into a temporary folder, serves it
on 127.0.0.1 and photographs pages in Debian's headless Chromium through chromedriver, as the
browser tests do. `tests/site/test_screenshots.py` runs `shoot` on the browser tests' own build
and checks that it makes every PNG, of the committed ones' size.
"""

from __future__ import annotations

import functools
import os
import shutil
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "manual" / "docs" / "assets" / "screenshots"
WINDOW = (1280, 800)

SHOTS = {
    # file -> (page, what the window shows: None for the top of the page, else a CSS selector to centre)
    "topic-page.png": ("habits/", None),
    "discuss-and-history.png": ("habits/tiny-habits/", "aside.handbook-history"),
}


def shoot(browser, base_url: str, out: Path = OUT) -> list[Path]:
    """Each of SHOTS from the site at `base_url`, into `out`; the files written."""
    from selenium.webdriver.common.by import By

    out.mkdir(parents=True, exist_ok=True)
    browser.set_window_size(*WINDOW)
    written = []
    for name, (page, selector) in SHOTS.items():
        browser.get(base_url + page)
        # No animation half-way (the header's title slides on scroll): the picture is the page at rest.
        browser.execute_script("const s = document.createElement('style'); s.textContent = "
                               "'*, *::before, *::after { transition: none !important; animation: none !important; }'; "
                               "document.head.appendChild(s);")
        target = out / name
        if selector is not None:
            element = browser.find_element(By.CSS_SELECTOR, selector)
            browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        browser.get_screenshot_as_file(str(target))
        written.append(target)
    return written


def _browser(profile: str):
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must never download a driver or browser
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
                 "--hide-scrollbars", f"--window-size={WINDOW[0]},{WINDOW[1]}", f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    return webdriver.Chrome(service=Service(executable_path=driver), options=options)


def main() -> int:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    with tempfile.TemporaryDirectory() as work:
        site = Path(work) / "site"
        build(load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(site)))
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(SimpleHTTPRequestHandler, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        browser = _browser(str(Path(work) / "profile"))
        try:
            for path in shoot(browser, f"http://127.0.0.1:{server.server_address[1]}/"):
                print(f"wrote {path.relative_to(ROOT)}")
        finally:
            browser.quit()
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
