"""The dossier's "How it unfolded" section, on the invented bombing (tests/unfold_records.py) read back from a
real store, in Markdown, HTML and JSON."""

from __future__ import annotations

import json

import pytest

from unfold_records import bombing_reports


@pytest.fixture(scope="module")
def dossier(tmp_path_factory) -> dict:
    from eventwire.ingest import add_records
    from eventwire.report.collect import dossier_from_store
    from eventwire.store import Store

    url = f"sqlite:///{tmp_path_factory.mktemp('unfolded') / 'bombing.db'}"
    records = bombing_reports()
    records[0]["title"] = "Bomb hits <b>Korvath</b> market"
    with Store.open(url) as store:
        add_records(store, records)
        return dossier_from_store(store)


def test_the_main_incident_tells_its_first_report_and_its_rise(dossier):
    entry = dossier["unfolded"][0]
    assert entry["first"]["text"] == "First reported by lakenews.example on 7 Feb: Bomb hits <b>Korvath</b> market"
    assert [line["text"] for line in entry["changes"]] == [
        "killed rose from 6 (lakenews.example, 7 Feb) to 9 (continentwire.example, 8 Feb)"]
    assert entry["changes"][0]["document"] == "kv-wire" and entry["changes"][0]["span"] is not None
    assert entry["outlets"] == ["continentwire.example", "lakenews.example", "riverbulletin.example"]
    assert [line["text"] for line in entry["echoes"]] == [
        "killed 9 from Korvath Health Ministry, repeated by riverbulletin.example on 9 Feb, first given by "
        "continentwire.example on 8 Feb"]
    assert entry["disputes"] == []


def test_markdown_html_and_json_carry_the_section_escaped(dossier):
    from eventwire.report.render import render

    markdown = render(dossier, "md", lambda document, span: f"/documents/{document}")
    assert "## How it unfolded" in markdown
    assert ("- killed rose from 6 (lakenews.example, 7 Feb) to 9 (continentwire.example, 8 Feb) "
            "([kv-wire](</documents/kv-wire>))") in markdown.splitlines()
    assert "- First reported by lakenews.example (undated): Dalmir traders close early " \
           "([kv-undated](</documents/kv-undated>))" in markdown.splitlines()
    assert "&lt;b&gt;Korvath&lt;/b&gt;" in markdown and "<b>Korvath" not in markdown
    html = render(dossier, "html")
    assert '<h2 id="unfolded">How it unfolded</h2>' in html
    assert "killed rose from 6 (lakenews.example, 7 Feb) to 9 (continentwire.example, 8 Feb)" in html
    assert "&lt;b&gt;Korvath&lt;/b&gt;" in html and "<b>Korvath" not in html
    assert json.loads(render(dossier, "json"))["unfolded"][0]["first"]["document"] == "kv-lake"


def test_a_dispute_between_claimants_on_the_latest_day_is_said():
    from eventwire.report.unfolded import incident_story

    def point(document, value, claimant, outlet):
        return {"published": "2031-02-08", "value": value, "claimant": claimant, "document": document,
                "outlet": outlet, "hedged": False, "evidence": {"start": 1, "end": 2}}

    incident = {"incident": "i1", "type": "ASSAULT", "date": "2031-02-07", "place": {"name": "Korvath"},
                "reports": [{"document": "a", "published": "2031-02-08", "outlet": "lake.example", "title": None}],
                "first_report": {"document": "a", "published": "2031-02-08", "outlet": "lake.example", "title": None},
                "figures_over_time": {"killed": [point("a", 8, "Governor", "lake.example"),
                                                 point("b", 3, "Army", "wire.example")]}, "echoes": []}
    story = incident_story(incident)
    assert story["label"] == "assault in Korvath, 2031-02-07"
    assert [line["text"] for line in story["disputes"]] == [
        "killed disputed on 8 Feb: 8 by Governor (lake.example, 8 Feb); 3 by Army (wire.example, 8 Feb)"]
    assert story["first"]["text"] == "First reported by lake.example on 8 Feb"
