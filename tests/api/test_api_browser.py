"""The web page in Debian's headless Chromium, driven by Playwright, against the real server.

Load the page, filter, open a document, see the highlight; screenshots go to test-artifacts/.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.browser,  # tests/conftest.py fails these when Chromium or Playwright is missing
]


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    opened = context.new_page()
    opened.problems = []
    opened.on("pageerror", lambda error: opened.problems.append(str(error)))
    opened.on("console", lambda m: opened.problems.append(m.text) if m.type == "error" else None)
    # the page must work with no network: anything not on our server is a failure
    opened.requests = []
    opened.on("request", lambda request: opened.requests.append(request.url))
    yield opened
    context.close()


def test_load_filter_open_a_document_and_see_the_highlight(server, page):
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(server.base + "/")
    page.wait_for_selector("#timeline .entry.event")
    assert page.locator("#map path").count() > 3  # the offline world outline
    assert page.locator("#map circle.event").count() >= 2
    assert "Marenburg" in page.locator("#factbox").inner_text()
    assert page.locator("#timeline .entry.event").count() == 4
    page.screenshot(path=str(ARTIFACTS / "page-index.png"), full_page=True)

    page.select_option("select[name=type]", "AID")
    page.click("#apply")
    expect(page.locator("#timeline .entry.event")).to_have_count(1)  # polls without eval: the CSP forbids it
    assert "type=AID" in page.url
    entry = page.locator("#timeline .entry.event")
    assert "Red Lantern Society" in entry.inner_text()

    page.click("#use-map")  # the map's area becomes the bbox filter; Marenburg lies inside it
    expect(page.locator("input[name=bbox]")).not_to_have_value("")
    expect(page.locator("#timeline .entry.event")).to_have_count(1)
    assert "bbox=" in page.url
    entry.locator("a.cite").click()
    page.wait_for_selector("mark#focus")
    assert page.url.startswith(server.base + "/documents/vd-convoy?span=")
    focus = page.locator("mark.focus")
    assert "An aid convoy of the Red Lantern Society" in " ".join(focus.all_inner_texts())
    assert page.locator("#focus").evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 224, 102)"
    page.screenshot(path=str(ARTIFACTS / "page-document.png"))
    assert page.problems == []
    assert all(url.startswith(server.base) for url in page.requests), page.requests


def test_hostile_article_does_not_run(server, page):
    page.goto(server.base + "/")
    page.wait_for_selector("#sources li")
    assert page.title() == "eventwire"
    sources = page.locator("#sources").inner_text()
    assert "<script>alert('title')</script> Breaking" in sources  # shown as text
    assert page.locator("#dossier img, #dossier script, #dossier b").count() == 0
    page.goto(server.base + "/documents/vd-hostile")
    assert page.title().startswith("<script>")
    assert page.locator("#doc-text img, #doc-text script").count() == 0
    assert "onerror=alert('text')" in page.locator("#doc-text").inner_text()
    assert page.problems == []


def test_printable_dossier_is_styled_under_the_csp(server, page):
    page.goto(server.base + "/api/report?format=html")
    assert page.locator("h1").inner_text() == "Dossier: Marenburg"
    # the inline style block is allowed by its hash: were it blocked, the body would have no max-width
    assert page.locator("body").evaluate("e => getComputedStyle(e).maxWidth") != "none"
    assert page.locator("svg.map circle").count() >= 3
    page.screenshot(path=str(ARTIFACTS / "page-dossier.png"))
    assert page.problems == []
