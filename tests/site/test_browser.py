"""The repository's own handbook in a real browser: Debian's Chromium, headless, via chromedriver.

Builds `mkdocs.yml` at the repository root, serves the site on 127.0.0.1, and checks what a
reader does: a topic page's "discuss" link, a channel mention, the channel directory, search.
Needs `chromium` and `chromium-driver` (Debian); `dev.py test` installs them. Never skipped.
The site and the browser are shared with `test_accessibility.py` (see conftest.py).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def _wait(driver, condition, timeout=60):  # generous: CI machines are shared
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition)


def _by_css(selector):
    from selenium.webdriver.common.by import By

    return By.CSS_SELECTOR, selector


def test_topic_page_discuss_link_and_mention(served, browser):
    browser.get(served + "habits/")
    discuss = browser.find_element(*_by_css("a.handbook-discuss__channel"))
    assert discuss.text == "#habits"
    # The community's map has no guild id yet, so the channel opens at its directory entry.
    assert discuss.get_attribute("href") == served + "channels/#habits"
    invite = browser.find_element(*_by_css("a.handbook-discuss__invite"))
    assert invite.get_attribute("href") == "https://discord.gg/campfire-practice"
    mentions = {m.text: m.get_attribute("href") for m in browser.find_elements(*_by_css("a.handbook-mention"))}
    assert mentions["#habits"] == served + "channels/#habits"
    assert all(href.startswith(served + "channels/#") for href in mentions.values())


def test_a_mention_takes_the_reader_to_the_channel_entry(served, browser):
    browser.get(served + "habits/")
    mention = browser.find_element(*_by_css("a.handbook-mention"))
    name = mention.text.lstrip("#")
    mention.click()
    _wait(browser, lambda d: d.current_url == served + f"channels/#{name}")
    entry = browser.find_element(*_by_css(f"span[id='{name}']"))
    row = entry.find_element("xpath", "./ancestor::tr")
    assert row.find_element(*_by_css("th[scope=row]")).text == f"#{name}"  # the row's header cell


def test_channel_directory_lists_spaces_and_hides_private_names(served, browser):
    browser.get(served + "channels/")
    headings = [h.text.rstrip("¶").strip() for h in browser.find_elements(*_by_css("article h2"))]
    assert headings[:3] == ["Welcome", "Base Camp", "Handbook Topics"]
    assert headings.count("Private space") == 2
    names = [th.text for th in browser.find_elements(*_by_css("article table tbody th[scope=row]"))]
    assert "#show-me" in names and "#habits" in names and "Campfire" in names
    body = browser.find_element(*_by_css("article")).text
    assert "mod-team" not in body and "cohort-2026-autumn" in body  # a role may be named, a channel not


def test_search_finds_a_page(served, browser):
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support import expected_conditions as ec

    browser.get(served)
    # The search box sits in the header at desktop width; wait until Material has wired it up.
    # Material may replace the header's elements while it starts, so every look-up is fresh.
    for attempt in range(3):
        try:
            box = _wait(browser, ec.element_to_be_clickable(_by_css("input.md-search__input")))
            box.click()
            box.send_keys("tiny habits")
            break
        except StaleElementReferenceException:
            if attempt == 2:
                raise

    def result_links(driver):
        try:
            return [a.get_attribute("href") for a in driver.find_elements(*_by_css(".md-search-result__item a"))]
        except StaleElementReferenceException:
            return []  # the results list was re-rendered while we read it: look again

    hrefs = _wait(browser, result_links, timeout=90)
    assert any(href.startswith(served + "habits/tiny-habits/") for href in hrefs), hrefs


def _visible_communities(driver) -> list[str]:
    return [e.find_element(*_by_css("strong a")).text
            for e in driver.find_elements(*_by_css(".handbook-community")) if e.is_displayed()]


def test_the_communities_directory_filters_by_topic_and_platform(served, browser):
    from selenium.webdriver.support.ui import Select

    browser.get(served + "communities/")
    form = _wait(browser, lambda d: next((f for f in d.find_elements(*_by_css("form.handbook-communities-filter"))
                                          if f.is_displayed()), None))
    everyone = _visible_communities(browser)
    assert len(everyone) == 15 and form.find_element(*_by_css("output")).text == "15 shown"
    Select(form.find_element(*_by_css("select[name=topic]"))).select_by_value("journaling")
    assert sorted(_visible_communities(browser)) == ["Obsidian Forum", "Obsidian Members Group", "Zettelkasten Forum",
                                                     "r/Journaling", "r/bulletjournal"]
    Select(form.find_element(*_by_css("select[name=platform]"))).select_by_value("discourse")
    assert _visible_communities(browser) == ["Obsidian Forum"]
    groups = [g.get_attribute("data-topic") for g in browser.find_elements(*_by_css(".handbook-community-group"))
              if g.is_displayed()]
    assert groups == ["journaling"]  # groups left empty by the filter are hidden too


def test_the_filter_works_after_instant_navigation(served, browser):
    browser.get(served)
    link = _wait(browser, lambda d: next((a for a in d.find_elements(*_by_css("a[href$='communities/']"))), None))
    browser.execute_script("arguments[0].click()", link)
    _wait(browser, lambda d: d.current_url == served + "communities/")
    _wait(browser, lambda d: any(f.is_displayed() for f in d.find_elements(*_by_css("form.handbook-communities-filter"))))
    assert len(_visible_communities(browser)) == 15


def test_an_old_address_of_an_archived_month_opens_that_month_on_its_year_page(tmp_path, serve, browser):
    from changelog_years import make_years_site
    from sitekit import build_site

    built = build_site(make_years_site(tmp_path / "handbook").root, strict=True)
    assert built.aborted is None, built.aborted
    site = serve(built.site_dir)
    browser.get(site + "changelog/#june-2024")  # the changelog's address of June 2024 before the yearly pages
    _wait(browser, lambda d: d.current_url == site + "changelog/2024/#june-2024")
    assert browser.find_element(*_by_css("h2[id='june-2024']")).text == "June 2024"
    browser.get(site + "changelog/#june-2025")  # a month the changelog page still shows stays there
    assert browser.current_url == site + "changelog/#june-2025"
    assert browser.find_element(*_by_css("h2[id='june-2025']")).is_displayed()
