"""Which events of a report are its happenings, and when two reports' places tell happenings apart.

Reports written for these tests, in an invented country: Tarnovo, Dalsk (about 60 km east of it) and
Vesna (a suburb 8 km from Tarnovo); Belavin lies about 250 km away.
"""

from __future__ import annotations

from store_records import war_report

from eventwire.ingest import add_records
from eventwire.link import describe
from eventwire.link.happenings import PLACE_MISMATCH
from eventwire.link.incidents import TOLD_APART, agreement
from eventwire.link.keys import name_keys
from eventwire.store import Store

TARNOVO = ("Tarnovo", "XV", 45.0, 30.0, "PPL")
DALSK = ("Dalsk", "XV", 45.0, 30.77, "PPL")
VESNA = ("Vesna", "XV", 45.07, 30.02, "PPL")
BELAVIN = ("Belavin", "XV", 46.5, 32.5, "PPL")
KORSK = ("Korsk", "XV", 44.0, 35.0, "PPL")
ORLAN = ("Orlan", "XV", 45.0, 31.5, "PPL")  # 120 km east of Tarnovo, across the regional border
REGIONS = {"Tarnovo": "Tarn", "Dalsk": "Tarn", "Vesna": "Tarn", "Orlan": "Ork", "Belavin": "Bela",
           "Korsk": "Bela"}


FILLER = " Emergency crews worked at the scene for hours while neighbours cleared broken glass from the street."


def shelled(doc_id: str, text: str, trigger: str, places: tuple, place: int, when: str = "on Monday") -> dict:
    text += FILLER  # a report long enough to be news, not a brief
    record = war_report(doc_id, text, "2024-03-05", text.split(",")[0][:60], places=places,
                        times=((when, "2024-03-04"),),
                        events=({"trigger": trigger, "type": "ASSAULT", "mode": "heavy-weapons", "place": place,
                                 "time": 0},))
    for named in record["places"]:
        named["admin1"] = REGIONS.get(named["name"])
    return record


def features(record: dict) -> dict:
    return describe(record)[0]


def market() -> dict:
    return shelled("market", "Artillery shelled the covered market in Tarnovo on Monday, killing four traders, "
                   "the governor said.", "shelled", (TARNOVO,), 0)


def clusters(db_url: str, records: list[dict]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    with Store.open(db_url) as store:
        for record in records:
            add_records(store, [record])
        for record in records:
            groups.setdefault(store.document(record["id"])["incident"], set()).add(record["id"])
    return {frozenset(group) for group in groups.values()}


# --- a report that names the other's place yet puts its happening elsewhere tells the two apart


def test_a_town_placed_by_its_distance_from_a_city_is_not_that_city():
    dalsk = shelled("dalsk", "Guns shelled the town of Dalsk, about 60 km east of Tarnovo, on Monday, killing "
                    "two men.", "shelled", (DALSK, TARNOVO), 0)
    assert agreement(features(dalsk), features(market())) == PLACE_MISMATCH * TOLD_APART


def test_telling_apart_works_whichever_report_names_both_places():
    dalsk = shelled("dalsk", "Guns shelled the town of Dalsk, about 60 km east of Tarnovo, on Monday, killing "
                    "two men.", "shelled", (DALSK, TARNOVO), 0)
    assert agreement(features(market()), features(dalsk)) == agreement(features(dalsk), features(market()))


def test_a_strike_launched_from_a_named_town_is_not_a_happening_there(sqlite_url):
    belavin = shelled("belavin", "Rockets fired from near Korsk hit a depot in Belavin on Monday, the council of "
                      "Belavin said.", "hit", (KORSK, BELAVIN), 1)
    korsk = shelled("korsk", "Rockets hit the Korsk rail yard on Monday, railway officials in Korsk said.", "hit",
                    (KORSK,), 0)
    assert agreement(features(belavin), features(korsk)) == PLACE_MISMATCH * TOLD_APART
    assert clusters(sqlite_url, [korsk, belavin]) == {frozenset({"korsk"}), frozenset({"belavin"})}


def test_a_named_city_in_another_region_tells_nothing_apart():
    # a name the gazetteer put in another region is as likely a wrong pick as a second place
    orlan = shelled("orlan", "Guns shelled the town of Orlan, a long drive from Tarnovo, on Monday, killing two "
                    "men.", "shelled", (ORLAN, TARNOVO), 0)
    assert agreement(features(orlan), features(market())) == PLACE_MISMATCH


def test_places_far_apart_that_neither_report_names_are_only_cut_down():
    # a gazetteer's wrong pick of a town is not a report telling two places apart
    belavin = shelled("belavin", "Guns shelled a depot in Belavin on Monday, killing four traders, the governor "
                      "said.", "shelled", (BELAVIN,), 0)
    assert agreement(features(belavin), features(market())) == PLACE_MISMATCH


def test_a_suburb_named_beside_its_city_agrees_with_it():
    vesna = shelled("vesna", "Artillery shelled the market in Vesna, a suburb of Tarnovo, on Monday, killing four "
                    "traders.", "shelled", (VESNA, TARNOVO), 0)
    assert agreement(features(vesna), features(market())) == 1.0


# --- a report's events that are not happenings of their own are facets of its main happening


def inquiry() -> dict:
    text = ("Prosecutors opened an inquiry on Monday after artillery shelled the covered market in Tarnovo, "
            "killing four traders." + FILLER)
    return war_report("inquiry", text, "2024-03-05", "Inquiry into Tarnovo market shelling", places=(TARNOVO,),
                      times=(("on Monday", "2024-03-04"),),
                      events=({"trigger": "inquiry", "type": "ACCUSE", "mode": "investigate", "place": 0,
                               "time": 0},
                              {"trigger": "shelled", "type": "ASSAULT", "mode": "heavy-weapons", "place": 0,
                               "time": 0}))


def test_a_report_led_by_an_inquiry_joins_the_happening_it_looks_into(sqlite_url):
    assert clusters(sqlite_url, [market(), inquiry()]) == {frozenset({"market", "inquiry"})}


def test_a_report_of_the_happening_joins_a_report_led_by_an_inquiry(sqlite_url):
    assert clusters(sqlite_url, [inquiry(), market()]) == {frozenset({"market", "inquiry"})}


def test_an_inquiry_into_a_happening_elsewhere_joins_nothing_here(sqlite_url):
    text = ("Military prosecutors in Belavin opened an inquiry on Monday after rockets shelled a grain store on the "
            "edge of the city and killed four guards. Farmers fear the harvest cannot be kept anywhere safe now.")
    elsewhere = war_report("elsewhere", text, "2024-03-05", "Inquiry into Belavin shelling", places=(BELAVIN,),
                           times=(("on Monday", "2024-03-04"),),
                           events=({"trigger": "inquiry", "type": "ACCUSE", "mode": "investigate", "place": 0,
                                    "time": 0},
                                   {"trigger": "shelled", "type": "ASSAULT", "mode": "heavy-weapons", "place": 0,
                                    "time": 0}))
    assert clusters(sqlite_url, [market(), elsewhere]) == {frozenset({"market"}), frozenset({"elsewhere"})}


# --- background: events whose own time names no day near publication are not the report's happenings


def background(doc_id: str, lead: str, when: str, value: str) -> dict:
    text = lead + " On Monday artillery shelled the covered market in Tarnovo, killing four traders." + FILLER
    return war_report(doc_id, text, "2024-03-05", "Tarnovo market shelled", places=(TARNOVO, DALSK),
                      times=((when, value), ("On Monday", "2024-03-04")),
                      events=({"trigger": "fighting", "type": "ASSAULT", "mode": "firearms", "place": 1, "time": 0},
                              {"trigger": "shelled", "type": "ASSAULT", "mode": "heavy-weapons", "place": 0,
                               "time": 1}))


def test_a_situation_since_a_season_is_not_the_reports_happening():
    found = features(background("b1", "Dalsk has seen fighting since the winter.", "the winter", "2023-WI"))
    assert [(h["mode"], h["place"]["name"]) for h in found["happenings"]] == [("heavy-weapons", "Tarnovo")]


def test_a_happening_of_another_year_is_background():
    found = features(background("b2", "Dalsk saw fighting in 2019.", "2019", "2019"))
    assert [h["place"]["name"] for h in found["happenings"]] == ["Tarnovo"]


def test_a_habitual_happening_is_background():
    found = features(background("b3", "Dalsk has fighting daily.", "daily", "P1D"))
    assert found["place"]["name"] == "Tarnovo"  # the main place is the concrete happening's


def test_a_report_of_background_alone_keeps_it_as_its_happening():
    text = "Dalsk has seen fighting since the winter, officials said." + FILLER
    record = war_report("only", text, "2024-03-05", "Fighting around Dalsk", places=(DALSK,),
                        times=(("the winter", "2023-WI"),),
                        events=({"trigger": "fighting", "type": "ASSAULT", "mode": "firearms", "place": 0,
                                 "time": 0},))
    assert [h["place"]["name"] for h in features(record)["happenings"]] == ["Dalsk"]


# --- a country's name ties no two reports together


def test_a_countrys_name_and_its_adjective_make_no_key():
    keys = name_keys("Velarian troops crossed into Velaria near Tarnovo.", frozenset({"tarnovo"}),
                     frozenset({"velaria", "velarian"}))
    assert keys == ["p:tarnovo", "w:tarnovo"]


def test_two_reports_sharing_only_their_country_share_no_name_key():
    one = war_report("c1", "Velaria's parliament passed a budget on Monday after a long debate about taxes and "
                     "pensions, the speaker said in a statement to the press.", "2024-03-05", "Budget passed",
                     places=(("Velaria", "XV", 45.5, 31.0, "PCLI"),))
    two = war_report("c2", "A flood in Velaria closed two bridges on Monday and forced farmers to move their "
                     "herds to higher ground, the weather office said.", "2024-03-05", "Flood closes bridges",
                     places=(("Velaria", "XV", 45.5, 31.0, "PCLI"),))
    shared = set(features(one)["keys"]) & set(features(two)["keys"])
    assert not {key for key in shared if key.startswith(("p:", "w:", "n:"))}


def test_a_country_resolved_from_a_city_name_still_keys_the_city():
    # only what the gazetteer calls a country is dropped: a city of the same name stays a key
    record = war_report("c3", "Guns shelled Velgrad on Monday, killing two men, as Velgrad's mayor asked for help "
                        "from the national government and the army said.", "2024-03-05", "Velgrad shelled",
                        places=(("Velgrad", "XV", 45.0, 30.0, "PPL"),))
    assert "p:velgrad" in features(record)["keys"]
