"""The incident page in Debian's headless Chromium, driven by Playwright, against the real server: the step
chart renders and its points link to their evidence; the map zooms and a marker's popup opens the evidence.
The reports are the invented bombing of tests/unfold_records.py; screenshots go to test-artifacts/."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from served import ServedProcess
from unfold_records import bombing_reports

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

pytestmark = [pytest.mark.slow, pytest.mark.browser]


@pytest.fixture(scope="module")
def bombing_server(tmp_path_factory):
    from eventwire.ingest import add_records
    from eventwire.store import Store

    url = f"sqlite:///{tmp_path_factory.mktemp('unfold-browser') / 'bombing.db'}"
    with Store.open(url) as store:
        add_records(store, bombing_reports())
        incident = next(r["incident"] for r in store.incidents(limit=None) if "kv-lake" in r["documents"])
    running = ServedProcess(url, client_timeout=30)
    running.incident = incident
    yield running
    running.stop()


@pytest.fixture
def page(browser, bombing_server):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    opened = context.new_page()
    opened.problems = []
    opened.on("pageerror", lambda error: opened.problems.append(str(error)))
    opened.on("console", lambda m: opened.problems.append(m.text) if m.type in ("error", "warning") else None)
    opened.requests = []
    opened.on("request", lambda request: opened.requests.append(request.url))
    opened.goto(f"{bombing_server.base}/incidents/{bombing_server.incident}")
    opened.wait_for_selector("body[data-drawn=yes]")
    yield opened
    assert opened.problems == []  # no script error, no CSP refusal
    assert all(url.startswith(bombing_server.base) for url in opened.requests), opened.requests
    context.close()


def test_the_reports_are_listed_first_to_last(page):
    items = page.locator("ol.reports li")
    expect(items).to_have_count(4)
    assert "lakenews.example" in items.nth(0).inner_text() and "first report" in items.nth(0).inner_text()
    assert "no outlet" in items.nth(3).inner_text()


def test_the_step_chart_renders_and_its_points_open_their_evidence(page, bombing_server):
    ARTIFACTS.mkdir(exist_ok=True)
    chart = page.locator("#toll-chart svg")
    expect(chart).to_have_count(1)
    points = page.locator("#toll-chart svg a")
    expect(points).to_have_count(4)  # killed 6, 9, 9 and injured 11
    links = sorted(points.nth(i).get_attribute("href") for i in range(4))
    assert all(link.startswith("/documents/kv-") and "?span=" in link for link in links)
    assert page.locator("#toll-chart svg path[stroke]").count() >= 2  # a step line per field
    page.screenshot(path=str(ARTIFACTS / "page-incident.png"), full_page=True)
    page.locator('#toll-chart svg circle[aria-label^="killed 9 (continentwire.example"]').click()
    page.wait_for_selector("mark#focus")
    assert page.url.startswith(bombing_server.base + "/documents/kv-wire?span=")
    assert page.locator("mark#focus").inner_text() == "9 people"


def test_the_map_zooms_and_a_markers_popup_opens_its_evidence(page, bombing_server):
    holder = page.locator("#incident-map")
    expect(holder).to_have_attribute("data-basemap", "ready")
    assert page.locator("#incident-map path.country").count() > 100  # the offline outlines, no tiles
    assert page.locator("#incident-map img.leaflet-tile").count() == 0
    expect(page.locator("#incident-map .marker-cluster")).to_have_count(1)  # four reports name Korvath
    before = int(holder.get_attribute("data-zoom"))
    page.click("#incident-map .leaflet-control-zoom-in")
    expect(holder).to_have_attribute("data-zoom", str(before + 1))
    page.click("#incident-map .leaflet-control-zoom-out")
    expect(holder).to_have_attribute("data-zoom", str(before))
    page.locator('#incident-map .leaflet-marker-icon[title="Selvan"]').click()
    link = page.locator("#incident-map .leaflet-popup-content a.evidence")
    expect(link).to_have_text("Korvath market toll rises to nine")
    link.click()
    page.wait_for_selector("mark#focus")
    assert page.url.startswith(bombing_server.base + "/documents/kv-wire?span=")
    assert page.locator("mark#focus").inner_text() == "Selvan"


def test_the_cluster_opens_into_its_markers(page):
    cluster = page.locator("#incident-map .marker-cluster")
    expect(cluster).to_have_count(1)
    expect(cluster).to_have_text("4")
    cluster.click()
    expect(page.locator('#incident-map .leaflet-marker-icon[title="Korvath"]')).to_have_count(4)


def test_the_main_page_timeline_leads_to_the_incident_page(page, bombing_server):
    page.goto(bombing_server.base + "/")
    link = page.locator(f'#timeline a.unfolded[href="/incidents/{bombing_server.incident}"]')
    expect(link).to_have_count(1)
    link.click()
    page.wait_for_selector("body[data-drawn=yes]")
    assert page.url == f"{bombing_server.base}/incidents/{bombing_server.incident}"
