"""What `eventwire serve` shows of the watcher: /alerts.atom, /api/alerts, the event stream, feed health."""

from __future__ import annotations

import feedparser
import orjson


def test_alerts_atom_validates_and_filters_by_rule(server):
    answer = server.client.get("/alerts.atom")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/atom+xml")
    parsed = feedparser.parse(answer.content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert len(parsed.entries) == 2
    titles = sorted(entry.title for entry in parsed.entries)
    assert titles[0].startswith("deadly attacks: assault in Kano, 5 killed")
    assert titles[1].startswith("deadly attacks: assault in Mosul, 7 killed")
    assert all(entry.id.startswith("urn:eventwire:alert:") for entry in parsed.entries)
    assert all(entry.link.startswith(server.base + "/documents/") for entry in parsed.entries)
    assert orjson.loads(parsed.entries[0].content[0].value)["rule"] == "deadly attacks"

    none = feedparser.parse(server.client.get("/alerts.atom", params={"rule": "toll updates"}).content)
    assert none.bozo == 0 and none.entries == []
    one = feedparser.parse(server.client.get("/alerts.atom", params={"rule": "deadly attacks"}).content)
    assert len(one.entries) == 2


def test_health_reports_each_feed(server, watched_site):
    health = server.client.get("/api/health").json()
    assert health["status"] == "ok"
    (feed,) = health["feeds"]
    assert feed["source"] == f"feed {watched_site.base}/rss"
    assert feed["last_success"] and feed["last_error"] is None and feed["articles"] == 2


def test_event_stream_sends_alerts_after_a_position(server):
    listed = server.client.get("/api/alerts").json()
    assert listed["count"] == 2 and {item["status"] for item in listed["items"]} == {"feed-only"}
    first = min(item["seq"] for item in listed["items"])
    with server.client.stream("GET", "/api/alerts/stream", params={"after": first}) as stream:
        assert stream.headers["content-type"].startswith("text/event-stream")
        events = []
        for line in stream.iter_lines():
            if line.startswith("data: "):
                events.append(orjson.loads(line[6:]))
                break
    assert events[0]["seq"] > first and events[0]["rule"] == "deadly attacks"
