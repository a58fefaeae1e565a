"""How a happening unfolded, computed from records alone (eventwire.store.unfold, no database)."""

from __future__ import annotations

from eventwire.store.unfold import changes, disputes, outlet, unfold


def doc(document: str, published: str | None, url: str | None, title: str = "t") -> dict:
    return {"document": document, "published": published, "url": url, "title": title}


def claim(document: str, value, claimant: str | None = "Interior Ministry", field: str = "killed",
          hedged: bool = False) -> dict:
    return {"field": field, "value": value, "claimant": claimant, "document": document, "hedged": hedged,
            "evidence": {"start": 0, "end": 5}}


def test_outlet_is_the_host_without_www_and_none_without_a_url():
    assert outlet("https://www.lakenews.example/a/b?c=1") == "lakenews.example"
    assert outlet("http://WWW.Wire.Example:8080/x") == "wire.example"
    assert outlet("https://news.www.example/x") == "news.www.example"
    assert outlet(None) is None
    assert outlet("") is None
    assert outlet("not a url") is None


def test_reports_follow_publication_with_undated_ones_last_in_arrival_order():
    documents = [doc("late", "2031-02-09", "https://c.example/1"), doc("undated", None, "https://d.example/2"),
                 doc("first", "2031-02-07T06:00", "https://www.a.example/3"), doc("nourl", "2031-02-08", None),
                 doc("first", "2031-02-07T06:00", "https://www.a.example/3")]
    result = unfold(documents, [])
    assert [r["document"] for r in result["reports"]] == ["first", "nourl", "late", "undated"]
    assert result["first_report"] == {"document": "first", "published": "2031-02-07T06:00",
                                      "outlet": "a.example", "title": "t"}
    assert result["reports"][1]["outlet"] is None
    assert result["reports"][3]["published"] is None


def test_a_toll_rising_across_three_outlets_reads_in_publication_order():
    documents = [doc("b", "2031-02-08", "https://wire.example/b"), doc("a", "2031-02-07", "https://lake.example/a"),
                 doc("c", "2031-02-09", "https://river.example/c")]
    claims = [claim("b", 9), claim("c", 11, claimant="Red Crescent"), claim("a", 6),
              claim("a", {"low": 100, "high": None}, field="displaced", claimant=None)]
    series = unfold(documents, claims)["figures_over_time"]
    assert [p["value"] for p in series["killed"]] == [6, 9, 11]
    assert [p["outlet"] for p in series["killed"]] == ["lake.example", "wire.example", "river.example"]
    assert series["displaced"] == [{"published": "2031-02-07", "low": 100, "high": None, "claimant": None,
                                    "document": "a", "outlet": "lake.example", "hedged": False,
                                    "evidence": {"start": 0, "end": 5}}]
    moves = changes(series)
    assert [(m["direction"], m["before"]["value"], m["after"]["value"]) for m in moves] == [("rose", 6, 9),
                                                                                            ("rose", 9, 11)]


def test_a_ministry_figure_repeated_by_later_outlets_is_an_echo_of_the_first():
    documents = [doc("a", "2031-02-07", "https://lake.example/a"), doc("b", "2031-02-08", "https://wire.example/b"),
                 doc("c", "2031-02-09", "https://river.example/c")]
    claims = [claim("a", 9), claim("b", 9, claimant="interior  ministry"), claim("c", 9),
              claim("c", 9, claimant="Mayor Osk")]
    found = unfold(documents, claims)["echoes"]
    assert [(e["document"], e["repeats"]["document"]) for e in found] == [("b", "a"), ("c", "a")]
    assert found[0]["repeats"] == {"document": "a", "outlet": "lake.example", "published": "2031-02-07"}


def test_a_different_number_or_an_unnamed_claimant_is_no_echo():
    documents = [doc("a", "2031-02-07", None), doc("b", "2031-02-08", None), doc("c", "2031-02-09", None)]
    claims = [claim("a", 9, claimant=None), claim("b", 9, claimant=None), claim("c", 10)]
    assert unfold(documents, claims)["echoes"] == []


def test_one_document_stating_a_figure_twice_gives_one_point_and_no_echo():
    documents = [doc("a", "2031-02-07", None)]
    result = unfold(documents, [claim("a", 4), claim("a", 4)])
    assert len(result["figures_over_time"]["killed"]) == 1
    assert result["echoes"] == []


def test_hedged_and_vague_claims_are_kept_but_are_no_change():
    documents = [doc("a", "2031-02-07", None), doc("b", "2031-02-08", None), doc("c", "2031-02-09", None)]
    claims = [claim("a", 5), claim("b", 40, hedged=True), claim("c", {"low": 10, "high": 20})]
    series = unfold(documents, claims)["figures_over_time"]
    assert [p["hedged"] for p in series["killed"]] == [False, True, False]
    assert changes(series) == []


def test_claims_of_documents_that_do_not_report_the_incident_are_left_out():
    result = unfold([doc("a", "2031-02-07", None)], [claim("zz", 3), claim("a", None)])
    assert result["figures_over_time"] == {}


def test_two_claimants_disagreeing_on_the_latest_day_is_a_dispute_a_rise_is_not():
    documents = [doc("a", "2031-02-07", None), doc("b", "2031-02-08", None), doc("c", "2031-02-08", None)]
    rising = unfold(documents, [claim("a", 5, claimant="Police"), claim("b", 8, claimant="Governor")])
    assert disputes(rising["figures_over_time"]) == []
    split = unfold(documents, [claim("b", 8, claimant="Governor"), claim("c", 3, claimant="Army")])
    found = disputes(split["figures_over_time"])
    assert [(d["field"], d["published"], sorted(p["value"] for p in d["claims"])) for d in found] == [
        ("killed", "2031-02-08", [3, 8])]


def test_no_documents_give_no_first_report():
    assert unfold([], []) == {"reports": [], "first_report": None, "figures_over_time": {}, "echoes": []}


def test_publication_order_counts_the_offset_of_a_time():
    documents = [doc("kyiv", "2031-02-07T09:30+02:00", None), doc("utc", "2031-02-07T08:00Z", None),
                 doc("bare", "2031-02-07", None), doc("next", "2031-02-08", None)]
    assert [r["document"] for r in unfold(documents, [])["reports"]] == ["bare", "kyiv", "utc", "next"]
