"""How the bombing of the invented tests/unfold_records.py unfolded, read back from a real SQLite store:
the incident record, the story, `export --what incidents|claims`, `/api/incidents/{id}` and its page."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from unfold_records import MINISTRY, bombing_reports


@pytest.fixture(scope="module")
def bombing_db(tmp_path_factory) -> str:
    from eventwire.ingest import add_records
    from eventwire.store import Store

    url = f"sqlite:///{tmp_path_factory.mktemp('unfold') / 'bombing.db'}"
    records = bombing_reports()
    records[2]["title"] = "<script>alert('x')</script> Korvath mourns"
    store = Store.open(url)
    try:
        add_records(store, records)
    finally:
        store.close()
    return url


@pytest.fixture(scope="module")
def bombing(bombing_db) -> dict:
    from eventwire.store import Store

    with Store.open(bombing_db) as store:
        found = [r for r in store.incidents(limit=None) if "kv-lake" in r["documents"]]
        assert len(found) == 1
        return found[0]


def test_the_first_report_is_the_earliest_outlet(bombing):
    assert bombing["first_report"] == {"document": "kv-lake", "published": "2031-02-07",
                                       "outlet": "lakenews.example", "title": "Bomb hits Korvath market"}
    outlets = [r["outlet"] for r in bombing["reports"]]
    assert outlets[:3] == ["lakenews.example", "continentwire.example", "riverbulletin.example"]
    assert {r["document"]: r["outlet"] for r in bombing["reports"]}["kv-nourl"] is None


def test_the_killed_series_rises_from_six_to_nine_and_the_echo_names_its_source(bombing):
    killed = bombing["figures_over_time"]["killed"]
    assert [(p["value"], p["outlet"]) for p in killed] == [(6, "lakenews.example"), (9, "continentwire.example"),
                                                            (9, "riverbulletin.example")]
    assert all(p["claimant"] == MINISTRY and p["hedged"] is False for p in killed)
    assert [p["value"] for p in bombing["figures_over_time"]["injured"]] == [11]
    assert [(e["document"], e["repeats"]["document"], e["value"]) for e in bombing["echoes"]] == [
        ("kv-river", "kv-wire", 9)]


def test_the_evidence_of_each_point_is_the_figure_in_its_text(bombing):
    texts = {r["id"]: r["text"] for r in bombing_reports()}
    spans = [texts[p["document"]][p["evidence"]["start"]:p["evidence"]["end"]]
             for p in bombing["figures_over_time"]["killed"]]
    assert spans == ["6 people", "9 people", "9 people"]


def test_one_incident_by_id_and_the_story_with_its_first_report(bombing_db, bombing):
    from eventwire.store import Store

    with Store.open(bombing_db) as store:
        assert store.incident(bombing["incident"]) == bombing
        assert store.incident("no-such-incident") is None
        story = next(s for s in store.stories(limit=None) if s["first_report"]["document"] == "kv-lake")
    assert story["reports"][0]["outlet"] == "lakenews.example"
    assert len(story["reports"]) == story["documents"]


def _export(db: str, *args: str) -> str:
    from eventwire.cli import app

    result = CliRunner().invoke(app, ["export", "--db", db, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_export_incidents_carries_the_new_fields(bombing_db):
    rows = [json.loads(line) for line in _export(bombing_db, "--what", "incidents").splitlines()]
    row = next(r for r in rows if "kv-lake" in r["documents"])
    assert row["first_report"]["document"] == "kv-lake"
    assert [p["value"] for p in row["figures_over_time"]["killed"]] == [6, 9, 9]
    header = next(csv.reader(io.StringIO(_export(bombing_db, "--what", "incidents", "--format", "csv"))))
    assert {"reports", "first_report", "figures_over_time", "echoes"} <= set(header)


def test_export_claims_gives_one_row_a_claim_with_incident_outlet_and_publication(bombing_db, bombing):
    rows = [json.loads(line) for line in _export(bombing_db, "--what", "claims").splitlines()]
    killed = [r for r in rows if r["field"] == "killed" and r["document"] == "kv-wire"]
    assert killed and killed[0]["incident"] == bombing["incident"]
    assert killed[0]["outlet"] == "continentwire.example" and killed[0]["published"] == "2031-02-08"
    assert killed[0]["value"] == 9 and killed[0]["claimant"] == MINISTRY
    table = list(csv.DictReader(io.StringIO(_export(bombing_db, "--what", "claims", "--format", "csv"))))
    assert len(table) == len(rows)
    assert list(table[0]) == ["incident", "document", "outlet", "published", "title", "field", "value", "claimant",
                              "evidence"]


@pytest.fixture(scope="module")
def client(bombing_db):
    from eventwire.api.app import Settings, create_app

    with TestClient(create_app(Settings(db_url=bombing_db))) as running:
        yield running


def test_the_incident_endpoint_and_a_missing_one(client, bombing):
    answer = client.get(f"/api/incidents/{bombing['incident']}")
    assert answer.status_code == 200
    assert answer.json()["first_report"]["outlet"] == "lakenews.example"
    assert client.get("/api/incidents/nothing-here").status_code == 404
    assert client.get("/incidents/nothing-here").status_code == 404


def test_the_incident_page_escapes_article_text_in_html_and_in_its_json(client, bombing):
    page = client.get(f"/incidents/{bombing['incident']}").text
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Korvath mourns" in page
    data = page.split('<script type="application/json" id="incident-data">', 1)[1].split("</script>", 1)[0]
    assert "\\u003cscript\\u003e" in data
    parsed = json.loads(data)
    assert [p["value"] for p in parsed["points"] if p["field"] == "killed"] == [6, 9, 9]
    assert {m["name"] for m in parsed["markers"]} == {"Korvath", "Selvan"}
    assert all(m["link"].startswith("/documents/kv-") and "?span=" in m["link"] for m in parsed["markers"])


def test_embedded_json_cannot_close_its_script_or_open_a_comment():
    from eventwire.api.incident_page import embedded_json

    text = str(embedded_json({"title": "</script><!-- & \u2028"}))
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"title": "</script><!-- & \u2028"}
