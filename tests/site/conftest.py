"""The browser tests' shared site and browser: one build of this repository's site, one Chromium.

Both fixtures are session-wide, and under `pytest -n` the browser modules all run on one worker
(tests/conftest.py schedules them together), so the site is built once and one browser serves
every browser test.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from paths import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
INSTALL = ("the browser test needs Debian's Chromium and its driver: "
           "`apt-get install -y chromium chromium-driver` (as root; `python3 dev.py test` does this)")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 (the stdlib's name)
        pass


@pytest.fixture(scope="session")
def serve():
    """Serves a built site's folder on 127.0.0.1 (until the session ends); returns its base URL."""
    servers = []

    def start(site_dir) -> str:
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site_dir)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def served(tmp_path_factory, serve):
    """This repository's site, built from its `mkdocs.yml` and served on 127.0.0.1."""
    site_dir = tmp_path_factory.mktemp("own-site")
    config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(site_dir))
    build(config)
    return serve(site_dir)


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    """Debian's Chromium, headless, through chromedriver (never a downloaded browser)."""
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        pytest.fail(INSTALL, pytrace=False)
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must never download a driver or browser
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1280,900",
                 # A desktop reader's mouse: headless Chromium reports none, and Material makes
                 # code blocks that scroll reachable by keyboard only where there is one.
                 "--blink-settings=primaryHoverType=2,availableHoverTypes=2,"
                 "primaryPointerType=4,availablePointerTypes=4",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    yield driver
    driver.quit()
