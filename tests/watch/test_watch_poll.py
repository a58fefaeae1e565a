"""The watcher against a real loopback site and webhook receiver: each article once, each alert once."""

from __future__ import annotations

import hashlib
import hmac

import orjson
from watchsite import SECRET, TOLL_RULE, Receiver, run_once, store_alerts, stored, write_config


def test_first_poll_repeat_poll_and_a_new_entry(site, receiver, db_url, tmp_path):
    for slug in ("mosul-market", "dhaka-floods", "kano-raid", "mosul-toll"):
        site.page(slug)
    site.feed("/rss", ["mosul-market", "dhaka-floods"])
    config = write_config(tmp_path / "watch.toml", [site.base + "/rss"], receiver.url,
                          TOLL_RULE + f'webhook = "{receiver.url}"\n')

    run_once(config, db_url)  # first poll: every entry once, the deadly attack alerted
    documents = stored(db_url)
    assert sorted(d["url"] for d in documents) == [site.base + "/news/dhaka-floods", site.base + "/news/mosul-market"]
    mosul = next(d for d in documents if d["url"].endswith("mosul-market"))
    assert mosul["published"] == "2026-11-30T08:00:00"  # the page has no date: the feed entry's is used
    assert mosul["title"] == "Car bomb kills seven at Mosul market"
    assert len(receiver.accepted) == 1
    (first,) = receiver.accepted.values()
    assert first["rule"] == "deadly attacks"
    assert first["incident"]["type"] == "ASSAULT" and first["incident"]["killed"] == 7
    assert first["incident"]["place"]["name"] == "Mosul"
    assert first["incident"]["documents"] == [mosul["id"]]
    assert first["links"]["documents"] == [f"http://127.0.0.1:8000/documents/{mosul['id']}"]

    pages_before = site.count("/news/")
    lines = run_once(config, db_url)  # repeat poll: the feed is not modified; nothing read, nothing alerted
    assert len(stored(db_url)) == 2
    assert [line["event"] for line in lines if line["event"] in ("not_modified", "polled")] == ["not_modified"]
    assert site.hits[-1][1].get("If-None-Match")
    assert site.count("/news/") == pages_before
    assert len(receiver.posts) == 1

    site.feed("/rss", ["mosul-market", "dhaka-floods", "kano-raid"])  # a new entry: one article, its alert
    run_once(config, db_url)
    assert len(stored(db_url)) == 3
    assert site.count("/news/") == pages_before + 1
    assert len(receiver.accepted) == 2
    kano = [a for a in receiver.accepted.values() if a["incident"]["place"]["name"] != "Mosul"]
    assert len(kano) == 1 and kano[0]["incident"]["killed"] == 5

    site.feed("/rss", ["mosul-market", "dhaka-floods", "kano-raid", "mosul-toll"])  # the toll rises
    run_once(config, db_url)
    rises = [a for a in receiver.accepted.values() if a["rule"] == "toll updates"]
    assert len(rises) == 1
    assert rises[0]["change"]["key"] == "killed=11"
    assert rises[0]["change"]["toll_rises"]["killed"] == {"from": 7, "to": 11}
    assert len(receiver.posts) == len(receiver.accepted) == 3
    assert all(a["status"] == "delivered" for a in store_alerts(db_url))


def test_signature_and_idempotency_key_verify(site, receiver, db_url, tmp_path):
    site.page("mosul-market")
    site.feed("/rss", ["mosul-market"])
    run_once(write_config(tmp_path / "watch.toml", [site.base + "/rss"], receiver.url), db_url)
    (post,) = receiver.posts
    body = post["body"]
    expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    assert post["headers"]["X-Eventwire-Signature"] == expected
    forged = "sha256=" + hmac.new(b"another secret", body, hashlib.sha256).hexdigest()
    assert post["headers"]["X-Eventwire-Signature"] != forged
    assert post["headers"]["Idempotency-Key"] == orjson.loads(body)["id"]
    assert post["headers"]["Content-Type"] == "application/json"
    assert "eventwire" in site.hits[0][1]["User-Agent"]


def test_receiver_failing_twice_gets_the_alert_once(site, db_url, tmp_path):
    flaky = Receiver(failures=2)
    try:
        site.page("mosul-market")
        site.feed("/rss", ["mosul-market"])
        lines = run_once(write_config(tmp_path / "watch.toml", [site.base + "/rss"], flaky.url), db_url)
        assert len(flaky.posts) == 3
        assert len({post["headers"]["Idempotency-Key"] for post in flaky.posts}) == 1
        assert len({post["body"] for post in flaky.posts}) == 1  # a redelivery is byte for byte the same
        assert len(flaky.accepted) == 1
        assert [line["attempt"] for line in lines if line["event"] == "alert_failed"] == [1, 2]
        (alert,) = store_alerts(db_url)
        assert alert["status"] == "delivered" and alert["attempts"] == 3
        run_once(tmp_path / "watch.toml", db_url)  # acknowledged: never sent again
        assert len(flaky.posts) == 3
    finally:
        flaky.close()


def test_robots_txt_is_obeyed(site, receiver, db_url, tmp_path):
    site.page("mosul-market")
    site.routes["/private/kano-raid"] = site.routes["/news/mosul-market"]
    site.feed("/rss", ["mosul-market"])
    body = site.routes["/rss"][2].replace(b"</channel>", f"<item><title>x</title><link>{site.base}/private/kano-raid"
                                          "</link></item></channel>".encode())
    site.routes["/rss"] = (200, {"Content-Type": "application/rss+xml"}, body)
    lines = run_once(write_config(tmp_path / "watch.toml", [site.base + "/rss"], None), db_url)
    assert site.count("/private/") == 0
    assert any("disallowed by robots.txt" in line.get("error", "") for line in lines)
    assert len(stored(db_url)) == 1


def test_same_article_at_two_addresses_is_stored_once(site, db_url, tmp_path):
    site.page("mosul-market")
    site.routes["/news/mosul-copy"] = site.routes["/news/mosul-market"]
    site.feed("/rss", ["mosul-market", "mosul-copy"])
    site.routes["/broken"] = (200, {"Content-Type": "text/html"}, b"<html><body>Not a feed at all</body></html>")
    lines = run_once(write_config(tmp_path / "watch.toml", [site.base + "/rss", site.base + "/broken"], None), db_url)
    assert len(stored(db_url)) == 1
    failed = [line for line in lines if line["event"] == "poll_failed"]
    assert len(failed) == 1 and "not an RSS/Atom feed" in failed[0]["error"]


def test_on_postgresql_each_article_and_alert_once(site, postgres_server, tmp_path):
    """The same outbox and feed state on PostgreSQL: first poll, repeat poll, a receiver that fails once."""
    db_url = postgres_server.new_database()
    flaky = Receiver(failures=1)
    try:
        site.page("mosul-market")
        site.page("kano-raid")
        site.feed("/rss", ["mosul-market"])
        config = write_config(tmp_path / "watch.toml", [site.base + "/rss"], flaky.url)
        run_once(config, db_url)
        run_once(config, db_url)
        site.feed("/rss", ["mosul-market", "kano-raid"])
        run_once(config, db_url)
        assert len(stored(db_url)) == 2
        assert len(flaky.accepted) == 2 and len(flaky.posts) == 3
        assert [a["status"] for a in store_alerts(db_url)] == ["delivered", "delivered"]
    finally:
        flaky.close()
