"""The dossier assembled from records of an invented crisis, and its three renderings."""

from __future__ import annotations

import orjson

from eventwire.report import assemble, render, source_url_links


def test_factbox_names_place_time_people_and_the_status(crisis_records):
    dossier = assemble(crisis_records)
    box = dossier["factbox"]
    assert box["where"][0]["name"] == "Marenburg"
    assert box["when"] == {"first": "2031-03-03", "last": "2031-03-04", "published_first": "2031-03-04",
                           "published_last": "2031-03-05"}
    who = {w["name"]: w["roles"] for w in box["who"]}
    assert who["Ilse Varga"] == ["Regional governor"]
    assert who["Tomas Brell"] == ["Defence Minister"]
    assert "3 events" in box["status"][0]["value"]


def test_key_figures_keep_every_claimant_and_flag_disagreement(crisis_records):
    figures = {g["category"]: g for g in assemble(crisis_records)["figures"]}
    killed = figures["killed"]
    assert (killed["low"], killed["high"]) == (12, 40)
    assert killed["disagreement"] is True
    assert {c["claimant"] for c in killed["claims"]} == {"Ilse Varga", "Tomas Brell"}
    population = figures["population"]
    texts = {c["text"]: c["claimant"] for c in population["claims"]}
    # the fact line becomes a claim by its source, so the two population counts stand side by side
    assert texts == {"20,000 residents": None, "Population: about 18,000 (2011 census)": "2011 census"}
    assert population["disagreement"] is True
    assert figures["fled"]["disagreement"] is False
    assert (figures["fled"]["low"], figures["fled"]["high"]) == (1000, 9999)


def test_timeline_lists_happenings_each_with_its_events_below(crisis_records):
    timeline = assemble(crisis_records)["timeline"]
    assert [(e["kind"], e["date"], e["type"]) for e in timeline] == [
        ("happening", "2031-03-03", "ASSAULT"), ("event", "2031-03-03", "ASSAULT"), ("event", "2031-03-04", "REJECT"),
        ("happening", "2031-03-04", "AID"), ("event", "2031-03-04", "AID")]
    shelling, assault, reject, convoy, aid = timeline
    assert shelling["text"].startswith("Valdorian army shells Marenburg; 40 civilians killed, according to")
    assert {e["happening"] for e in (assault, reject)} == {shelling["happening"]}
    assert aid["happening"] == convoy["happening"] != shelling["happening"]
    assert assault["actors"] == ["Valdorian army"] and assault["recipients"] == ["Marenburg"]
    assert aid["date"] == "2031-03-04" and aid["reported"] is False  # from the time expression "on March 4"
    assert reject["reported"] is True and reject["status"] == "denied" and reject["source"] == "Tomas Brell"
    text = crisis_records[0]["text"]
    start, end = assault["span"]
    assert text[start:end].startswith("Valdorian artillery shelled")


def test_who_said_what_groups_quotes_by_speaker(crisis_records):
    quotes = {q["speaker"]: q for q in assemble(crisis_records)["quotes"]}
    assert quotes["Ilse Varga"]["count"] == 2
    assert quotes["Ilse Varga"]["role"] == "Regional governor"
    assert quotes["Anna Holt"]["quotes"][0]["text"] == "The hospital has no power and little water,"


def test_actors_carry_roles_and_what_they_did(crisis_records):
    actors = {a["name"]: a for a in assemble(crisis_records)["actors"]}
    assert actors["Valdorian army"]["as_actor"] == {"ASSAULT": 1}
    assert "Marenburg" not in actors  # a town that is only shelled is a place, not an actor
    assert actors["Red Lantern Society"]["as_actor"] == {"AID": 1}
    assert actors["Ilse Varga"]["quotes"] == 2


def test_map_frames_the_points(crisis_records):
    map_data = assemble(crisis_records)["map"]
    names = {(p["kind"], p["name"]) for p in map_data["points"]}
    assert ("place", "Osterby") in names and ("event", "Marenburg") in names
    x, y, w, h = map_data["view_box"]
    assert x < 21.43 < x + w and y < -47.21 < y + h
    assert w < 30  # a region, not the world


def test_markdown_html_and_json_show_the_same_dossier(crisis_records):
    dossier = assemble(crisis_records)
    links = source_url_links(dossier)
    md = render(dossier, "md", links)
    page = render(dossier, "html", links)
    data = orjson.loads(render(dossier, "json"))
    for text in (md, page):
        for needle in ("Marenburg", "Ilse Varga", "Tomas Brell", "2031-03-03", "2011 census", "18,000",
                       "12–40", "https://news.example/vd-shelling"):
            assert needle in text, needle
    assert "sources disagree" in md and "sources disagree" in page
    assert "<svg" in page and "<circle" in page and "<path d=" in page and "<script" not in page
    assert data["factbox"]["where"][0]["name"] == "Marenburg"
    assert data["factbox"]["when"]["first"] == "2031-03-03"
    killed = {g["category"]: g for g in data["figures"]}["killed"]
    assert (killed["low"], killed["high"], killed["disagreement"]) == (12, 40, True)
    assert [(e["kind"], e["type"]) for e in data["timeline"]] == [
        ("happening", "ASSAULT"), ("event", "ASSAULT"), ("event", "REJECT"), ("happening", "AID"), ("event", "AID")]
    headline = data["timeline"][0]["text"]
    assert headline in md.replace("\\", "") and headline in page
    assert {q["speaker"] for q in data["quotes"]} >= {"Ilse Varga", "Anna Holt"}
    assert "https://news.example/vd-shelling" in {s["url"] for s in data["sources"]}


def test_article_text_is_escaped_in_every_format(hostile):
    dossier = assemble([hostile])
    page = render(dossier, "html")
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in page  # Jinja2's autoescape: ' is &#39;
    assert "onerror=alert(&#39;text&#39;)" in page  # shown as text, inert
    md = render(dossier, "md")
    assert "<script" not in md and "<img" not in md
    assert "&lt;img src=x onerror=alert('text')&gt;" in md


def test_an_empty_selection_still_renders():
    dossier = assemble([])
    for fmt in ("md", "html", "json"):
        assert "Dossier" in render(dossier, fmt)


def test_the_same_claim_in_several_reports_is_listed_once_with_its_count(crisis_records):
    again = {**crisis_records[0], "id": "vd-shelling-copy"}
    killed = {g["category"]: g for g in assemble([*crisis_records, again])["figures"]}["killed"]
    varga = [c for c in killed["claims"] if c["claimant"] == "Ilse Varga"]
    assert len(varga) == 1
    assert varga[0]["reports"] == 2 and varga[0]["documents"] == ["vd-shelling", "vd-shelling-copy"]
    assert "(in 2 reports)" in render(assemble([*crisis_records, again]), "md")


def test_background_events_have_their_own_section_and_stay_out_of_when(crisis_records):
    text = crisis_records[0]["text"]
    start = text.index("The town had")
    old_war = {**crisis_records[0]["events"][0], "id": "v9", "date": "1994", "time": None,
               "evidence": {"start": start, "end": text.index("\n", start)}}
    crisis_records[0]["events"].append(old_war)
    dossier = assemble(crisis_records)
    assert [e["date"] for e in dossier["background"]] == ["1994"]
    assert "1994" not in {e["date"] for e in dossier["timeline"]}
    assert dossier["factbox"]["when"]["first"] == "2031-03-03"
    assert "## Background" in render(dossier, "md") and 'id="background"' in render(dossier, "html")


def test_a_place_is_an_actor_only_when_it_acts_as_a_government_and_never_a_person(crisis_records):
    shelling, convoy = crisis_records
    # the tagger took the town the residents fled to for a person, named twice: still a place, not an actor
    convoy["entities"].append({"id": "e9", "type": "PERSON", "name": "Osterby", "mentions": [{}, {}],
                               "role": None, "country": None, "sector": None})
    # the town speaks as its government: an actor, typed as a place
    shelling["quotes"].append({**shelling["quotes"][0], "speaker_entity": "e4"})
    actors = {a["name"]: a for a in assemble(crisis_records)["actors"]}
    assert actors["Marenburg"]["type"] == "GPE" and actors["Marenburg"]["quotes"] == 1
    assert "Osterby" not in actors
    assert "Osterby" not in {a["name"] for a in assemble(crisis_records)["factbox"]["who"]}
    assert actors["Tomas Brell"]["type"] == "PERSON"  # left alone: a person who is no place


def test_a_place_inside_an_organisations_name_is_no_place_of_the_crisis(crisis_records):
    convoy = crisis_records[1]
    text = ("Envoys of the Bank of Osterby, the University of Marenburg and the Forum for Peace in Osterby met "
            "officials in Osterby.")
    convoy["text"] += text
    offset = convoy["text"].index(text)
    names = ("Bank of Osterby", "University of Marenburg", "Forum for Peace in Osterby", "officials")
    convoy["entities"] += [{"id": f"o{i}", "type": "ORG", "name": name, "role": None, "country": None,
                            "sector": None, "mentions": [{"start": offset + text.index(name),
                                                          "end": offset + text.index(name) + len(name)}]}
                           for i, name in enumerate(names)]
    convoy["places"] = [at_place(convoy["text"], "Osterby", n) for n in (1, 2, 3)]
    convoy["places"].append(at_place(convoy["text"], "Marenburg", 1))
    places = {p["name"]: p for p in assemble([convoy])["factbox"]["where"]}
    assert places["Osterby"]["mentions"] == 1  # left alone: "officials in Osterby"
    assert "Marenburg" not in places


def at_place(text: str, name: str, nth: int) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return {"start": start, "end": start + len(name), "text": name, "name": name, "lat": 47.0, "lon": 22.0,
            "country": "VD", "feature": "PPL"}
