"""Sitemaps and dropped-file folders as sources; the alert rules as pure functions on incident records."""

from __future__ import annotations

import orjson
from watchsite import STORIES, run_once, stored

from eventwire.watch.config import Rule
from eventwire.watch.rules import alert_id, change_of, disputed_fields, fired


def write_sitemap_config(path, sitemap: str, folder=None) -> None:
    source = f'[[feed]]\nsitemap = "{sitemap}"\n' if sitemap else f'[[feed]]\nfolder = "{folder}"\n'
    path.write_text('[watch]\nper_host = "0s"\ntimeout = "2s"\n' + source, encoding="utf-8")


def test_a_sitemap_index_and_its_news_sitemap(site, db_url, tmp_path):
    site.page("kano-raid")
    site.page("dhaka-floods")
    news = (f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
            f"<url><loc>{site.base}/news/kano-raid</loc><news:news><news:publication_date>2026-11-29"
            f"</news:publication_date><news:title>Raid near Kano</news:title></news:news></url>"
            f"<url><loc>{site.base}/news/dhaka-floods</loc><lastmod>2026-11-28</lastmod></url></urlset>")
    site.routes["/news-sitemap.xml"] = (200, {"Content-Type": "application/xml"}, news.encode())
    index = (f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             f"<sitemap><loc>{site.base}/news-sitemap.xml</loc></sitemap></sitemapindex>")
    site.routes["/sitemap.xml"] = (200, {"Content-Type": "application/xml"}, index.encode())
    config = tmp_path / "watch.toml"
    write_sitemap_config(config, site.base + "/sitemap.xml")
    run_once(config, db_url)
    dates = {d["url"].rsplit("/", 1)[1]: d["published"] for d in stored(db_url)}
    assert dates == {"kano-raid": "2026-11-29", "dhaka-floods": "2026-11-28"}
    run_once(config, db_url)
    assert site.count("/news/") == 2  # the second pass reads the sitemaps again, no page


def test_a_folder_of_dropped_files(db_url, tmp_path):
    drop = tmp_path / "drop"
    drop.mkdir()
    _city, title, text = STORIES["kano-raid"]
    (drop / "kano.jsonl").write_text(orjson.dumps({"id": "kano", "title": title, "text": text,
                                                   "published": "2026-11-29"}).decode() + "\n", encoding="utf-8")
    config = tmp_path / "watch.toml"
    write_sitemap_config(config, "", drop)
    run_once(config, db_url)
    assert [d["id"] for d in stored(db_url)] == ["kano"]
    (drop / "notes.txt").write_text(STORIES["dhaka-floods"][2], encoding="utf-8")
    run_once(config, db_url)
    assert len(stored(db_url)) == 2
    run_once(config, db_url)  # nothing new dropped
    assert len(stored(db_url)) == 2


def incident(**fields) -> dict:
    record = {"incident": "i1", "documents": ["d1"], "type": "ASSAULT", "killed": 6, "injured": None,
              "actors": ["Northern Brigade"], "claims": [],
              "place": {"name": "Mosul", "country": "IQ", "lat": 36.3, "lon": 43.1}}
    return record | fields


def test_rule_conditions_are_anded():
    rule = Rule("r", {"type": ["ASSAULT"], "killed_at_least": 5, "country": "IQ", "actor": "brigade",
                      "bbox": (40.0, 30.0, 50.0, 40.0)})
    found = fired(rule, incident(), change_of(incident(), None))
    assert found is not None and found[0] == "matched"
    for other in (incident(type="PROTEST"), incident(killed=4), incident(actors=["Harbour Police"]),
                  incident(place={"name": "Dhaka", "country": "BD", "lat": 23.7, "lon": 90.4})):
        assert fired(rule, other, change_of(other, None)) is None


def test_changes_new_incident_rising_toll_and_disagreement():
    new_rule = Rule("n", {"new_incident": True})
    rises = Rule("t", {"toll_rises": True})
    disagree = Rule("d", {"sources_disagree": True})
    record = incident()
    assert fired(new_rule, record, change_of(record, None))[0] == "new"
    assert fired(rises, record, change_of(record, None)) is None  # a new incident has no toll to rise from
    before = {"documents": 1, "killed": 6, "injured": None, "disputed": []}
    later = incident(documents=["d1", "d2"], killed=9)
    assert fired(rises, later, change_of(later, before))[0] == "killed=9"
    assert fired(new_rule, later, change_of(later, before)) is None
    assert fired(rises, record, change_of(record, before)) is None  # nothing rose

    # a later report with a lower figure is a dispute; one that only raises the toll is not
    rising = incident(documents=["d1", "d2"], claims=[{"field": "killed", "value": 6, "document": "d1"},
                                                      {"field": "killed", "value": 9, "document": "d2"}])
    assert disputed_fields(rising) == []
    lower = incident(documents=["d1", "d2"], claims=[{"field": "killed", "value": 9, "document": "d1"},
                                                     {"field": "killed", "value": 4, "document": "d2"}])
    assert disputed_fields(lower) == ["killed"]
    assert fired(disagree, lower, change_of(lower, before))[0] == "disputed:killed"
    two_voices = incident(claims=[{"field": "killed", "value": 40, "document": "d1", "claimant": "the governor"},
                                  {"field": "killed", "value": 12, "document": "d1", "claimant": "the minister"}])
    assert disputed_fields(two_voices) == ["killed"]


def test_alert_ids_are_stable_and_distinct():
    assert alert_id("r", "i1", "new") == alert_id("r", "i1", "new")
    assert len({alert_id("r", "i1", "new"), alert_id("r", "i2", "new"), alert_id("s", "i1", "new"),
                alert_id("r", "i1", "killed=9")}) == 4


def test_the_readme_example_configuration_is_valid(tmp_path, monkeypatch):
    import re
    from pathlib import Path

    from eventwire.watch.config import load_config

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Watching feeds", 1)[1]
    example = re.search(r"```toml\n(.*?)```", section, re.S).group(1)
    (tmp_path / "crawl" / "incoming").mkdir(parents=True)
    (tmp_path / "watch.toml").write_text(example, encoding="utf-8")
    monkeypatch.setenv("EVENTWIRE_HOOK_SECRET", "s3cret-value")
    config = load_config(tmp_path / "watch.toml")
    assert [s.kind for s in config.sources] == ["feed", "sitemap", "folder"]
    assert [r.name for r in config.rules] == ["deadly attacks", "rising tolls in northern Iraq", "disputed figures"]
    assert config.rules[0].secret == "s3cret-value"


def test_live_status_shows_sources_and_escapes_their_names(capsys):
    from eventwire.watch.display import LiveStatus

    with LiveStatus() as status:
        status.event("polled", source="feed http://x.example/[bold]rss", entries=3, new=2)
        status.event("poll_failed", source="feed http://y.example/rss", error="http://y.example/rss: HTTP 404")
        status.set_pending(4)
    shown = capsys.readouterr().err
    assert "alerts pending: 4" in shown
    assert "feed http://x.example/[bold]rss" in shown  # markup in a name is shown, not applied
    assert "http://y.example/rss: HTTP 404" in shown
