"""The HTTP API through a real server (uvicorn in a subprocess) over a real SQLite store."""

from __future__ import annotations

import re

import httpx
import pytest

LISTS = ("documents", "events", "incidents", "quotes", "figures", "stories")


def get(server, path: str, **params) -> httpx.Response:
    return server.client.get(path, params=params or None)


@pytest.mark.parametrize("path", [
    "/api/health", "/api/documents", "/api/events", "/api/incidents", "/api/quotes", "/api/figures",
    "/api/stories", "/api/search?q=convoy", "/api/report", "/api/report?format=md", "/api/report?format=html",
    "/api/documents/vd-shelling", "/", "/documents/vd-shelling", "/openapi.json", "/static/app.js",
    "/static/style.css", "/static/world.json",
])
def test_every_endpoint_answers(server, path):
    assert get(server, path).status_code == 200


def test_openapi_describes_the_endpoints(server):
    paths = get(server, "/openapi.json").json()["paths"]
    for name in (*LISTS, "search", "report"):
        assert f"/api/{name}" in paths
    assert "post" in paths["/api/documents"]


def test_lists_are_paginated_and_the_limit_is_capped(server):
    everything = get(server, "/api/documents").json()
    assert everything["count"] == 3 and everything["next_offset"] is None
    first = get(server, "/api/documents", limit=1).json()
    second = get(server, "/api/documents", limit=1, offset=1).json()
    assert first["count"] == second["count"] == 1 and first["next_offset"] == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]
    assert get(server, "/api/events", limit=10**9).json()["limit"] == 500
    assert get(server, "/api/events", limit=0).status_code == 422
    assert get(server, "/api/events", offset=-1).status_code == 422


def test_filters_narrow_the_lists(server):
    aid = get(server, "/api/events", type="aid").json()["items"]
    assert [e["type"] for e in aid] == ["AID"] and aid[0]["document"] == "vd-convoy"
    early = get(server, "/api/events", until="2031-03-03").json()["items"]
    assert {e["type"] for e in early} == {"ASSAULT"}
    assert get(server, "/api/events", bbox="100,-10,110,0").json()["count"] == 0
    assert get(server, "/api/events", bbox="21,47,22,48").json()["count"] >= 3
    quotes = get(server, "/api/quotes", actor="Holt").json()["items"]
    assert [q["document"] for q in quotes] == ["vd-convoy"]
    assert get(server, "/api/search", q="hospital").json()["items"][0]["id"] == "vd-convoy"


def test_bad_filters_are_refused_with_422(server):
    assert get(server, "/api/events", bbox="1,2,3").status_code == 422
    assert get(server, "/api/events", bbox="0,80,10,70").status_code == 422
    assert get(server, "/api/events", since="yesterday").status_code == 422
    assert get(server, "/api/report", format="pdf").status_code == 422
    assert get(server, "/api/search").status_code == 422


INJECTIONS = ["' OR 1=1 --", "\"; DROP TABLE documents; --", "%' UNION SELECT sql FROM sqlite_master --",
              "x') OR ('1'='1", "\\x00", "🙂' --"]


@pytest.mark.parametrize("text", INJECTIONS)
def test_injection_strings_are_data(server, text):
    for path in ("/api/events", "/api/quotes", "/api/documents", "/api/figures", "/api/incidents"):
        for name in ("actor", "type", "story"):
            response = get(server, path, **{name: text})
            assert response.status_code in (200, 422), (path, name)  # 422: longer than the field allows
            assert response.status_code == 422 or response.json()["count"] == 0
    assert get(server, "/api/search", q=text).json()["count"] == 0
    assert get(server, "/api/documents").json()["count"] == 3  # nothing dropped


def test_dossier_endpoint_in_three_formats(server):
    dossier = get(server, "/api/report").json()
    assert dossier["factbox"]["where"][0]["name"] == "Marenburg"
    assert {g["category"] for g in dossier["figures"]} >= {"killed", "population"}
    story = get(server, "/api/documents/vd-convoy").json()["story"]
    in_story = sorted(d["id"] for d in get(server, "/api/documents").json()["items"] if d["story"] == story)
    narrowed = get(server, "/api/report", story=story).json()
    assert sorted(s["id"] for s in narrowed["sources"]) == in_story
    assert "vd-convoy" in in_story and len(in_story) < 3
    md = get(server, "/api/report", format="md")
    assert md.headers["content-type"].startswith("text/markdown") and "## Timeline" in md.text
    page = get(server, "/api/report", format="html")
    assert "/documents/vd-shelling?span=" in page.text
    # its inline style is allowed by hash, not by 'unsafe-inline'
    assert "style-src 'sha256-" in page.headers["content-security-policy"]


def test_document_page_shows_the_article_with_its_evidence(server):
    text = get(server, "/api/documents/vd-shelling").json()["text"]
    start = text.index("40 civilians")
    page = get(server, "/documents/vd-shelling", span=f"{start}-{start + 12}").text
    assert "Artillery hits Marenburg" in page
    focus = re.search(r'<mark class="[^"]*focus[^"]*" id="focus"[^>]*>([^<]*)</mark>', page)
    assert focus and focus.group(1) == "40 civilians"
    assert page.count('class="hl') >= 6  # events, quotes, figures and places are all marked
    # and listed below the text, each linking to its own span: 2 events, 2 quotes, 3 figures
    assert page.count('<li><a href="/documents/vd-shelling?span=') == 7
    assert get(server, "/documents/no-such-doc").status_code == 404
    assert get(server, "/api/documents/no-such-doc").status_code == 404
    assert 'id="focus"' not in get(server, "/documents/vd-shelling", span="5-999999").text


def test_hostile_title_and_text_come_back_escaped(server):
    for path in ("/documents/vd-hostile", "/api/report?format=html", "/api/report?format=md"):
        body = get(server, path).text
        assert "<script>alert" not in body and "<script>document" not in body, path
        assert "<img src=x" not in body and "<img src=y" not in body and "<b>chief" not in body, path
        assert "&lt;script&gt;" in body, path
        assert "onerror=alert" in body, path  # still there, as inert text
    # JSON carries the text as data, served as JSON the browser will not sniff into HTML
    response = get(server, "/api/documents/vd-hostile")
    assert response.json()["title"].startswith("<script>")
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"


def test_security_headers_and_no_cors_by_default(server):
    response = httpx.get(server.base + "/", headers={"Origin": "https://elsewhere.example"})
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert response.headers["x-frame-options"] == "DENY"
    assert "access-control-allow-origin" not in response.headers
    preflight = httpx.options(server.base + "/api/documents", headers={
        "Origin": "https://elsewhere.example", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in preflight.headers
    page = response.text
    assert "<script src=" in page and not re.search(r"<script>(?!</script>)", page)  # no inline script
