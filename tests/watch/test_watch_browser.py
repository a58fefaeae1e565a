"""The web page in Debian's headless Chromium: a new alert appears without a reload (server-sent events)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from watchsite import run_once

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not Path(shutil.which("chromium") or "/usr/bin/chromium").exists(),
                                                   reason="Debian's chromium is not installed")]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def test_a_new_alert_appears_without_reload(server, watched_site, watched):
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page()
            problems: list[str] = []
            page.on("pageerror", lambda error: problems.append(str(error)))
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.goto(server.base + "/")
            alerts = page.locator("#alerts li.alert")
            expect(alerts).to_have_count(2)
            page.evaluate("window.notReloaded = true")

            watched_site.feed("/rss", ["mosul-market", "kano-raid", "mosul-toll"])  # the Mosul toll rises to 11
            run_once(*watched)
            expect(alerts).to_have_count(3, timeout=30_000)
            assert "toll updates: assault in Mosul, 11 killed (killed=11)" in alerts.first.inner_text()
            assert page.evaluate("window.notReloaded") is True
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "page-alerts.png"))
            assert problems == []
        finally:
            browser.close()
