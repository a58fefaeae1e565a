"""Cross-document linking on reports written for these tests: incidents, stories, stable ids, estimates."""

from __future__ import annotations

import pytest
from store_records import make_record

from eventwire.extract.casualty_patterns import people_shot
from eventwire.ingest import add_records
from eventwire.link.casualties import casualty_counts
from eventwire.link.features import age_keys, document_features, name_keys, parse_day, prose, site_of
from eventwire.link.incidents import Rarity, similarity
from eventwire.link.junk import is_junk
from eventwire.store import Store

FIRST = ("Two men were shot late Friday outside the Gildenmoor Tavern on Vesperline Road in Ostrava Falls, police "
         "said. Corwin Aldemere, 34, was killed at the scene. A second man was wounded and taken to Saint Ilvane "
         "Hospital in stable condition. Detectives from the Ostrava Falls police department are looking for a "
         "gunman who fled on foot toward Brackwater Park.")
SECOND = ("Police in Ostrava Falls on Saturday named Corwin Aldemere as the man killed in the shooting outside the "
          "Gildenmoor Tavern. Another man was wounded in the Vesperline Road shooting and is recovering at Saint "
          "Ilvane Hospital. Investigators asked anyone who was near Brackwater Park late Friday to come forward.")
THIRD = ("Detectives arrested a suspect in the deadly shooting of Corwin Aldemere outside the Gildenmoor Tavern on "
         "Vesperline Road. Ostrava Falls detectives charged Halden Ruskvale, 27, with murder on Monday. Aldemere was "
         "killed and one other man was wounded in the attack, which happened late Friday.")
OTHER = ("A woman was wounded on Thursday when shots were fired into her car on Pemberlow Avenue in Ostrava Falls. "
         "Marisol Quentavine, 41, was treated at Norhaven Medical Center for a wound to her arm, according to "
         "the county sheriff. No arrest has been made and the shooter has not been identified.")
COOKIES = ("We use cookies to improve your experience. By continuing to browse you agree to our cookie policy.\n"
           "Please enable JavaScript in your browser.\nAccept all cookies")


def town_news(count: int = 24) -> list[dict]:
    """Other news from the same town and its neighbours: what tells a store that "Ostrava Falls" alone ties
    nothing together (rarity is learnt from the store, so a tiny store links more eagerly)."""
    topics = ["the council voted on a new budget for road repairs", "a fire damaged a warehouse near the river",
              "the high school football team won the regional final", "a water main broke and flooded a street",
              "police arrested a man after a robbery at a petrol station", "a new library opened downtown"]
    towns = ["Ostrava Falls", "Ostrava Falls", "Kelderwick", "Marrowby"]
    records = []
    for n in range(count):
        town, topic = towns[n % len(towns)], topics[n % len(topics)]
        text = (f"Officials in {town} said on Wednesday that {topic}. Residents of {town} were told to expect "
                f"updates from police and the mayor's office later in the week, a spokesperson said.")
        records.append(make_record(f"news-{n}", text, f"2016-05-{1 + n % 28:02d}", f"{town}: local news"))
    return records


def reports() -> list[dict]:
    place = ("Ostrava Falls", "Westmarch", 41.2, -81.6)
    return town_news() + [
        make_record("first", FIRST, "2016-05-14", "Man killed, another wounded outside Ostrava Falls tavern",
                    persons=("Corwin Aldemere",), place=place, event="shot", killed=1, injured=1),
        make_record("cookies-1", COOKIES, "2016-05-14", "Accept cookies"),
        make_record("other", OTHER, "2016-05-13", "Woman wounded in Ostrava Falls shooting",
                    persons=("Marisol Quentavine",), place=place, event="shots were fired", injured=1),
        make_record("second", SECOND, "2016-05-15", "Victim named in Gildenmoor Tavern shooting",
                    persons=("Corwin Aldemere",), place=place, event="shooting", killed=1, injured=1),
        make_record("cookies-2", COOKIES + "\n", "2016-05-15", "Accept cookies"),
        make_record("third", THIRD, "2016-05-17", "Arrest in Gildenmoor Tavern killing",
                    persons=("Corwin Aldemere", "Halden Ruskvale"), place=place, event="shooting", killed=2,
                    injured=1),
    ]


@pytest.fixture
def linked(db_url):
    with Store.open(db_url) as store:
        for record in reports():  # one at a time, as a feed delivers them
            add_records(store, [record])
        yield store


def test_background_news_links_nothing_to_the_shooting(linked):
    shooting = incident_of(linked, "first")
    assert all(incident_of(linked, f"news-{n}") != shooting for n in range(24))


def incident_of(store: Store, doc_id: str) -> str:
    return store.document(doc_id)["incident"]


def test_reports_of_one_happening_share_an_incident(linked):
    assert incident_of(linked, "first") == incident_of(linked, "second") == incident_of(linked, "third")
    assert incident_of(linked, "other") != incident_of(linked, "first")


def test_junk_pages_join_nothing(linked):
    incidents = {incident_of(linked, doc) for doc in ("first", "other", "cookies-1", "cookies-2")}
    assert len(incidents) == 4
    assert all(incident_of(linked, "cookies-1") != incident_of(linked, f"news-{n}") for n in range(24))
    assert linked.document("cookies-1")["story"] != linked.document("cookies-2")["story"]


def test_incident_estimates_take_the_latest_stated_count_and_keep_every_claim(linked):
    [incident] = [i for i in linked.incidents(limit=20) if "first" in i["documents"]]
    assert incident["documents"] == ["first", "second", "third"]
    # the last report states 2 killed: a later stated count replaces earlier ones (tolls rise)
    assert incident["killed"] == 2 and incident["injured"] == 1 and incident["disputed"] is False
    killed_claims = sorted((c["document"], c["value"]) for c in incident["claims"] if c["field"] == "killed")
    # each report's figure and its event both claim a count
    assert killed_claims == [("first", 1), ("first", 1), ("second", 1), ("second", 1), ("third", 2), ("third", 2)]
    assert all(c["evidence"] for c in incident["claims"])
    assert incident["place"]["name"] == "Ostrava Falls" and incident["type"] == "ASSAULT"
    assert incident["date"] == "2016-05-13"  # "late Friday", published on Saturday the 14th


def test_new_reports_never_renumber_incidents(db_url):
    records = reports()
    with Store.open(db_url) as store:
        add_records(store, records[:27])
        before = {doc: incident_of(store, doc) for doc in ("first", "other", "cookies-1", "news-3")}
        add_records(store, records[27:])
        assert {doc: incident_of(store, doc) for doc in before} == before
        assert incident_of(store, "third") == before["first"]


def test_reports_of_one_happening_share_a_story(linked):
    stories = {linked.document(doc)["story"] for doc in ("first", "second", "third")}
    assert len(stories) == 1
    [story] = [s for s in linked.stories(limit=50) if s["story"] in stories]
    assert story["first"] <= story["last"]
    members = {d["id"] for d in linked.documents(story=story["story"], limit=100)}
    assert {"first", "second", "third"} <= members  # a story is looser than an incident: "other" may join
    assert not any(doc.startswith(("news-", "cookies")) for doc in members)


def test_linking_is_the_same_in_one_batch_or_many(db_url, tmp_path):
    with Store.open(db_url) as one_by_one:
        for record in reports():
            add_records(one_by_one, [record])
        separate = {r["id"]: incident_of(one_by_one, r["id"]) for r in reports()}
    with Store.open(f"sqlite:///{tmp_path / 'batch.db'}") as batch:
        add_records(batch, reports())
        together = {r["id"]: incident_of(batch, r["id"]) for r in reports()}
    assert together == separate


def test_words_of_harm_give_counts_when_no_figure_does():
    record = make_record("x", "Four people were shot on Tallow Street on Sunday; one of them died in hospital.")
    assert people_shot(record["text"]) == 4
    assert casualty_counts(record) == {"killed": 1, "injured": 3}
    one_dead = make_record("w", "A man was shot and killed on Orrin Lane; another man was wounded in the leg.")
    assert casualty_counts(one_dead) == {"killed": 1, "injured": 1}
    alone = make_record("v", "A teenager was shot and killed near Dunmore Park and died at Lakeside Hospital.")
    assert casualty_counts(alone) == {"killed": 1, "injured": None}  # nothing said of the wounded
    assert casualty_counts(make_record("u", "Detectives charged a man in the double homicide."))["killed"] == 2
    headline = make_record("t", "Police were called to Marl Street late on Friday.",
                           title="2 dead, 1 hurt in Marl shooting")
    assert casualty_counts(headline) == {"killed": 2, "injured": 1}
    quiet = make_record("y", "The council met on Tuesday to discuss the budget for the new library.")
    assert casualty_counts(quiet) == {"killed": None, "injured": None}
    ages = make_record("z", "Dorrin Vale, 25, was killed in the attack.", killed=25)
    ages["figures"][0] |= {"start": 13, "end": 15, "text": "25"}
    assert casualty_counts(ages)["killed"] == 1


def test_date_comes_from_the_sentence_that_reports_the_happening():
    text = ("A boy was in critical condition Tuesday after he was shot on Monday evening near Harlow Pond. "
            "A vigil is planned for Wednesday.")
    record = make_record("d", text, "2015-03-04")
    record["times"] = [
        {"start": text.index("Tuesday"), "end": text.index("Tuesday") + 7, "text": "Tuesday", "type": "DATE",
         "value": "2015-03-03"},
        {"start": text.index("Monday"), "end": text.index("Monday") + 6, "text": "Monday", "type": "DATE",
         "value": "2015-03-02"},
        {"start": text.index("Wednesday"), "end": text.index("Wednesday") + 9, "text": "Wednesday",
         "type": "DATE", "value": "2015-03-04"},
    ]
    features = document_features(record)
    assert features["day_source"] == "event"
    assert features["day"] == document_features(make_record("p", "x", "2015-03-02"))["published"]


def test_cookie_walls_and_captchas_are_junk_and_articles_are_not():
    assert is_junk(COOKIES)
    assert is_junk("Please type the characters you see in the image below to prove you are not a robot.")
    assert not is_junk(FIRST)


def test_a_headline_without_a_body_joins_the_incident_it_names(db_url):
    headline_only = make_record("headline", "", "2016-05-15",
                                "Corwin Aldemere named as man killed outside Gildenmoor Tavern on Vesperline Road")
    with Store.open(db_url) as store:
        for record in [*town_news(), reports()[24], headline_only]:
            add_records(store, [record])
        assert incident_of(store, "headline") == incident_of(store, "first")


def test_the_outlet_is_the_host_even_through_an_archive_copy():
    assert site_of("https://www.ostravafalls-courier.example/news/1") == "ostravafalls-courier.example"
    archived = "http://web.archive.org/web/20310704120000/http://www.kelder.example:80/story?id=4"
    assert site_of(archived) == "kelder.example"
    assert site_of("kelder.example/story") == "kelder.example"
    assert site_of(None) is None and site_of("") is None


def test_one_outlets_reports_days_apart_need_more_in_common():
    first = make_record("a", FIRST, "2016-05-14", "Man killed outside Ostrava Falls tavern")
    # two names in common (a town of two words counts once): enough to be alike, so the outlet's cut shows
    later = make_record("b", OTHER + " Her car was parked near the Gildenmoor Tavern.", "2016-05-18",
                        "Woman wounded in Ostrava Falls shooting")
    first["url"], later["url"] = "https://courier.example/a", "https://courier.example/b"
    features = [document_features(r) for r in (first, later)]
    for record, features_of in zip((first, later), features, strict=True):
        features_of["day"] = parse_day(record["published"])
    rarity = Rarity(10, {})
    same_outlet = similarity(features[0], features[1], rarity)
    features[1]["site"] = "ledger.example"
    assert same_outlet < similarity(features[0], features[1], rarity)


def test_bylines_call_signs_and_spokespeople_are_not_keys():
    text = ("KELDERWICK, Westmarch (WKLD) — Two men were shot outside a grocery store on Pemberlow Avenue late on "
            "Friday, said Officer Jessamy Thorncastle, a police spokeswoman.\n"
            "Contact Orla Penhallow: orla@courier.example or follow her on Twitter.\n")
    keys = name_keys(prose(text, 3000))
    assert "w:pemberlow" in keys
    assert not {"w:wkld", "w:thorncastle", "w:penhallow"} & set(keys)


def test_ages_in_words_and_figures_are_the_same_key():
    ages = age_keys("Both the four-year-old and her cousin, a 16-year-old, got out; Jon Vale, 25, did not.")
    assert ages == ["g:4", "g:16", "g:25"]
    assert age_keys("The Four-Year-Old was taken to hospital.") == age_keys("The 4-year-old was taken to hospital.")


def test_a_headline_alone_gives_the_counts():
    assert casualty_counts(make_record("a", "", title="Four shot during gunfight near Tarrow Square")) == {
        "killed": 0, "injured": 4}
    assert casualty_counts(make_record("b", "", title="Accidental gun discharge kills boy in Quill Park"))[
        "killed"] == 1
    recovering = make_record("c", "A teenager is recovering after an accidental shooting on Bethel Row on Saturday.")
    assert casualty_counts(recovering) == {"killed": 0, "injured": 1}


SENTENCED = ("Halden Ruskvale was sentenced on Tuesday to 40 years in prison for the killing of Corwin Aldemere "
             "outside the Gildenmoor Tavern on Vesperline Road in Ostrava Falls last spring. A judge said the "
             "attack, in which a second man was wounded, was planned days before.")
ANOTHER_TAVERN_SHOOTING = ("A bartender was shot in the hand outside the Gildenmoor Tavern on Vesperline Road in "
                           "Ostrava Falls late on Saturday. Tamsin Orrowby, 29, was treated at Saint Ilvane "
                           "Hospital and released, police said.")


def test_a_trial_months_later_joins_the_happening_of_the_victim_it_names(db_url):
    place = ("Ostrava Falls", "Westmarch", 41.2, -81.6)
    later = [make_record("sentenced", SENTENCED, "2016-10-19", "Gunman sentenced for Gildenmoor Tavern killing",
                         persons=("Halden Ruskvale", "Corwin Aldemere"), place=place, event="killing", killed=None),
             # left alone: the same tavern months later, another victim: another happening
             make_record("again", ANOTHER_TAVERN_SHOOTING, "2016-10-23", "Bartender shot outside Gildenmoor Tavern",
                         persons=("Tamsin Orrowby",), place=place, event="shot")]
    with Store.open(db_url) as store:
        for record in [*reports(), *later]:
            add_records(store, [record])
        assert incident_of(store, "sentenced") == incident_of(store, "first")
        assert incident_of(store, "again") not in (incident_of(store, "first"), incident_of(store, "other"))


def test_reports_that_share_one_name_only_are_not_alike():
    more = " More details would be given at a briefing later in the week, and residents were asked for calm."
    protest = make_record("p", "Farmers in Tessaly protested on Monday against a new tax on diesel fuel, blocking "
                          "two roads into the market town for most of the day." + more, "2016-05-16",
                          "Farmers block roads in tax protest")
    strike = make_record("s", "A drone struck a fuel depot near Tessaly on Monday, setting three storage tanks on "
                         "fire and cutting power to the district for hours." + more, "2016-05-16",
                         "Drone sets fuel tanks on fire")
    follow_up = make_record("f", "The Varnel fuel depot near Tessaly was still burning on Tuesday, a day after a drone "
                            "struck three of its storage tanks." + more, "2016-05-17", "Depot still burning")
    depot = make_record("d", "A drone hit the Varnel fuel depot near Tessaly on Monday and set three storage tanks "
                        "on fire, the district governor said." + more, "2016-05-16", "Drone hits fuel depot")
    rarity = Rarity(10, {})
    features = {r["id"]: document_features(r) for r in (protest, strike, follow_up, depot)}
    assert not any(f["headline_only"] for f in features.values())
    assert similarity(features["p"], features["s"], rarity) == 0.0  # only "Tessaly" in common
    assert similarity(features["f"], features["d"], rarity) > 0.07  # "Varnel" and "Tessaly"
