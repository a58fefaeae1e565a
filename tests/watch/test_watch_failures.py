"""Sources that fail: each is one clear log line and a recorded error, while the other sources go on."""

from __future__ import annotations

import time

import pytest
from watchsite import run_once, stored, write_config

from eventwire.store import Store, outbox
from eventwire.watch.config import ConfigError, load_config


def slow(handler) -> None:
    time.sleep(2.5)
    handler._send(200, {"Content-Type": "application/rss+xml"}, b"<rss version='2.0'><channel></channel></rss>")


def test_broken_feeds_each_give_one_line_and_the_good_one_goes_on(site, db_url, tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_MAX_RECORD_BYTES", "200000")
    site.page("mosul-market")
    site.feed("/good", ["mosul-market"])
    site.routes["/malformed"] = (200, {"Content-Type": "application/rss+xml"}, b"\x00\x01<<<rss garbage")
    site.routes["/loop-a"] = (302, {"Location": "/loop-b"}, b"")
    site.routes["/loop-b"] = (302, {"Location": "/loop-a"}, b"")
    site.routes["/slow"] = slow
    site.routes["/huge"] = (200, {"Content-Type": "application/rss+xml"}, b"<rss>" + b" " * 300_000 + b"</rss>")
    bad = {"/malformed": "RSS/Atom feed", "/missing": "HTTP 404", "/loop-a": "more than 5 redirects",
           "/slow": "no answer within 1 s", "/huge": "larger than 200000 bytes"}
    feeds = [site.base + path for path in bad] + [site.base + "/good"]
    config = write_config(tmp_path / "watch.toml", feeds, None, settings={"timeout": "1s"})

    lines = run_once(config, db_url)
    failed = {line["source"].rsplit("/", 1)[1]: line["error"] for line in lines if line["event"] == "poll_failed"}
    assert sorted(failed) == sorted(path[1:] for path in bad)  # one line each
    for path, reason in bad.items():
        assert reason in failed[path[1:]], failed[path[1:]]
        assert "\n" not in failed[path[1:]]
    assert [d["url"] for d in stored(db_url)] == [site.base + "/news/mosul-market"]
    with Store.open(db_url) as store, outbox.reading(store.engine) as conn:
        health = {row["source"].rsplit("/", 1)[1]: row for row in outbox.feed_health(conn)}
    assert health["good"]["last_error"] is None and health["good"]["last_success"]
    assert "HTTP 404" in health["missing"]["last_error"] and health["missing"]["last_success"] is None


def test_an_unreadable_article_page_does_not_stop_the_feed(site, db_url, tmp_path):
    site.page("mosul-market")
    site.feed("/rss", ["kano-raid", "mosul-market"])  # kano-raid's page is missing (404)
    lines = run_once(write_config(tmp_path / "watch.toml", [site.base + "/rss"], None), db_url)
    assert [d["url"] for d in stored(db_url)] == [site.base + "/news/mosul-market"]
    errors = [line["error"] for line in lines if line["event"] == "entry_failed"]
    assert len(errors) == 1 and errors[0].endswith("/news/kano-raid: HTTP 404")


@pytest.mark.parametrize(("text", "message"), [
    ("[[feed]]\nurl = 'http://x.example/rss'\nevery = 'often'\n", "every must be a duration"),
    ("[[feed]]\nurl = 'ftp://x.example/rss'\n", "must be an http(s) URL"),
    ("[[feed]]\nurl = 'http://x.example/rss'\nevrey = '1m'\n", "unknown key 'evrey'"),
    ("[watch]\nper_host = '1s'\n", "no [[feed]] to follow"),
    ("[[feed]]\nurl = 'http://x.example/rss'\n[[alert]]\nname = 'a'\nwhen = { killed_at_least = -1 }\n",
     "killed_at_least must be a whole number"),
    ("[[feed]]\nurl = 'http://x.example/rss'\n[[alert]]\nname = 'a'\nwhen = { bbox = [1, 2, 3] }\n",
     "bbox must be four numbers"),
    ("[[feed]]\nurl = 'http://x.example/rss'\n[[alert]]\nname = 'a'\nwhen = { colour = 'red' }\n",
     "unknown key 'colour'"),
    ("[[feed]]\nurl = 'http://x.example/rss'\n[[alert]]\nname = 'a'\n[[alert]]\nname = 'a'\n", "named 'a'"),
    ("[[feed]\nurl = 1", "not valid TOML"),
])
def test_configuration_mistakes_are_one_clear_line(tmp_path, text, message):
    path = tmp_path / "watch.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert message in str(caught.value)
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)


def test_a_good_configuration_is_read(tmp_path):
    (tmp_path / "drop").mkdir()
    path = tmp_path / "watch.toml"
    path.write_text("[[feed]]\nurl = 'https://x.example/rss'\nevery = '10m'\n[[feed]]\nsitemap = "
                    "'https://x.example/sitemap.xml'\n[[feed]]\nfolder = 'drop'\n[[alert]]\nname = 'north'\n"
                    "when = { type = ['assault', 'COERCE'], bbox = [40, 30, 50, 40], new_incident = true }\n",
                    encoding="utf-8")
    config = load_config(path)
    assert [(s.kind, s.every) for s in config.sources] == [("feed", 600.0), ("sitemap", 900.0), ("folder", 900.0)]
    assert config.sources[2].location == str((tmp_path / "drop").resolve())
    assert config.rules[0].when == {"type": ["ASSAULT", "COERCE"], "bbox": (40.0, 30.0, 50.0, 40.0),
                                    "new_incident": True}
    assert config.settings.per_host == 1.0 and "eventwire" in config.settings.user_agent
