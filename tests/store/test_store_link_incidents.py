"""Incidents in a war, on reports written for these tests: roundups, rising and disputed tolls, merges, order."""

from __future__ import annotations

import pytest
from store_records import clusters, stored, war_report

from eventwire.ingest import add_records

# an invented country: Tarnovo and Belavin lie about 250 km apart, Korsk on the border, Ostrel the capital
TARNOVO = ("Tarnovo", "XV", 45.0, 30.0, "PPL")
BELAVIN = ("Belavin", "XV", 46.5, 32.5, "PPL")
KORSK = ("Korsk", "XV", 44.0, 35.0, "PPL")
OSTREL = ("Ostrel", "XV", 47.0, 25.0, "PPLC")


def market() -> dict:
    text = ("Artillery shelled the covered market in Tarnovo early on Monday, killing four traders and wounding "
            "nine shoppers, the regional governor said. Stalls of the Tarnovo market burned for hours.")
    return war_report("market", text, "2024-03-05", "Shelling of Tarnovo market kills four", places=(TARNOVO,),
                      times=(("early on Monday", "2024-03-04"),),
                      events=({"trigger": "shelled", "type": "ASSAULT", "mode": "heavy-weapons", "place": 0,
                               "time": 0, "killed": 4, "injured": 9},),
                      tolls=(("killed", 4, "four traders", "regional governor"),
                             ("injured", 9, "nine shoppers", "regional governor")))


def depot() -> dict:
    text = ("A drone struck a fuel depot in Belavin late on Monday night, wounding two workers, the city council "
            "said. Firefighters put out the blaze at the Belavin depot by dawn.")
    return war_report("depot", text, "2024-03-05", "Drone sets Belavin fuel depot ablaze", places=(BELAVIN,),
                      times=(("Monday night", "2024-03-04"),),
                      events=({"trigger": "struck", "type": "ASSAULT", "mode": "drone", "place": 0, "time": 0,
                               "injured": 2},),
                      tolls=(("injured", 2, "two workers", "city council"),))


def roundup() -> dict:
    text = ("Attacks across the east. In Tarnovo, artillery shelled the covered market early on Monday, killing "
            "four traders. Separately, a drone struck a fuel depot in Belavin on Monday night, wounding two workers.")
    return war_report("roundup", text, "2024-03-05", "Market shelled and depot hit in two attacks",
                      places=(TARNOVO, BELAVIN),
                      times=(("early on Monday", "2024-03-04"), ("Monday night", "2024-03-04")),
                      events=({"trigger": "shelled", "type": "ASSAULT", "mode": "heavy-weapons", "place": 0,
                               "time": 0, "killed": 4},
                              {"trigger": "struck", "type": "ASSAULT", "mode": "drone", "place": 1, "time": 1,
                               "injured": 2}),
                      tolls=(("killed", 4, "four traders", None), ("injured", 2, "two workers", None)))


def protest() -> dict:
    text = ("Thousands marched through central Ostrel on Monday to demand more shelters, blocking the main avenue "
            "for hours, the capital's police said. The rally in Ostrel ended peacefully in the evening.")
    return war_report("protest", text, "2024-03-05", "Thousands rally in Ostrel for shelters", places=(OSTREL,),
                      times=(("on Monday", "2024-03-04"),),
                      events=({"trigger": "marched", "type": "PROTEST", "mode": None, "place": 0, "time": 0},))


def toll_reports() -> list[dict]:
    """One missile strike on a Belavin dormitory, its toll rising over three days."""
    texts = [("Missile hits Belavin dormitory", "2024-04-02", "A missile hit a student dormitory in Belavin on "
              "Tuesday, killing three people, the city council said. Rescuers searched the dormitory ruins.",
              "three people", 3, "city council", "on Tuesday", "2024-04-02"),
             ("Belavin dormitory toll rises to seven", "2024-04-03", "The toll of Tuesday's missile strike on a "
              "student dormitory in Belavin rose to seven, the rescue service said, as more bodies were found.",
              "seven", 7, "rescue service", "Tuesday's", "2024-04-02"),
             ("Eleven dead in Belavin dormitory strike", "2024-04-04", "Eleven people died in Tuesday's missile "
              "strike on a Belavin student dormitory, the rescue service said on Thursday after the search ended.",
              "Eleven people", 11, "rescue service", "Tuesday's", "2024-04-02")]
    reports = []
    for n, (title, published, text, words, value, claimant, when, day) in enumerate(texts):
        trigger = "hit" if n == 0 else "strike"
        reports.append(war_report(f"toll-{n}", text, published, title, places=(BELAVIN,), times=((when, day),),
                                  events=({"trigger": trigger, "type": "ASSAULT", "mode": "heavy-weapons",
                                           "place": 0, "time": 0, "killed": value},),
                                  tolls=(("killed", value, words, claimant),)))
    return reports


def clash_reports() -> list[dict]:
    """A border clash at Korsk: the army claims thirty rebels killed, the rebels admit two."""
    army = war_report(
        "clash-army", "Troops repelled a rebel raid near Korsk on Saturday and killed thirty fighters, the army "
        "said. The army said the Korsk border post was secure again.", "2024-03-10", "Army repels raid near Korsk",
        places=(KORSK,), times=(("on Saturday", "2024-03-09"),),
        events=({"trigger": "repelled", "type": "ASSAULT", "mode": "firearms", "place": 0, "time": 0,
                 "killed": 30},), tolls=(("killed", 30, "thirty fighters", "army"),))
    rebels = war_report(
        "clash-rebels", "The rebel command said two of its fighters were killed in Saturday's clash at the Korsk "
        "border post and denied losing more.", "2024-03-11", "Rebels say two lost in Korsk clash",
        places=(KORSK,), times=(("Saturday's", "2024-03-09"),),
        events=({"trigger": "clash", "type": "ASSAULT", "mode": "firearms", "place": 0, "time": 0,
                 "killed": 2},), tolls=(("killed", 2, "two of its fighters", "rebel command"),))
    return [army, rebels]


def bridge_reports() -> list[dict]:
    """Two reports of one ambush at Korsk that share little; a third that names what each named."""
    first = war_report(
        "ambush-1", "Gunmen ambushed a supply convoy on the Velmar bridge outside Korsk on Wednesday, burning "
        "three lorries, the Drovenko battalion said.", "2024-05-09", "Convoy ambushed at Velmar bridge",
        places=(KORSK,), times=(("on Wednesday", "2024-05-08"),),
        events=({"trigger": "ambushed", "type": "ASSAULT", "mode": "firearms", "place": 0, "time": 0},))
    second = war_report(
        "ambush-2", "Quarry workers near Korsk heard heavy gunfire on Wednesday and saw smoke rising over the "
        "Ilsko orchards, a farmer told our correspondent.", "2024-05-09", "Gunfire heard at Ilsko orchards",
        places=(KORSK,), times=(("on Wednesday", "2024-05-08"),),
        events=({"trigger": "gunfire", "type": "ASSAULT", "mode": "firearms", "place": 0, "time": 0},),
        url="https://ledger.example/ambush-2")
    bridge = war_report(
        "ambush-3", "The ambush of the Drovenko battalion convoy on the Velmar bridge on Wednesday was the heavy "
        "gunfire quarry workers heard from the Ilsko orchards near Korsk, officials said.", "2024-05-10",
        "Velmar bridge ambush explains Ilsko orchards gunfire", places=(KORSK,),
        times=(("on Wednesday", "2024-05-08"),),
        events=({"trigger": "ambush", "type": "ASSAULT", "mode": "firearms", "place": 0, "time": 0},),
        url="https://courier.example/ambush-3")
    return [first, second, bridge]



@pytest.mark.parametrize("order", ["reports first", "roundup first"])
def test_a_roundup_belongs_to_each_happening_it_names(sqlite_url, order):
    reports = [market(), depot(), protest()]
    records = [*reports, roundup()] if order == "reports first" else [roundup(), *reports]
    with stored(sqlite_url, records) as store:
        document = store.document("roundup")
        market_incident = store.document("market")["incident"]
        depot_incident = store.document("depot")["incident"]
        assert market_incident != depot_incident
        assert document["incident"] == market_incident  # its main happening is the first it names
        assert document["incidents"] == [market_incident, depot_incident]
        [depot_record] = store.incidents(incident=depot_incident)
        assert depot_record["documents"] == ["depot"] and depot_record["also_reported_in"] == ["roundup"]
        assert depot_record["injured"] == 2 and depot_record["date"] == "2024-03-04"


def test_a_protest_in_the_capital_is_never_the_shelling_in_the_east(sqlite_url):
    with stored(sqlite_url, [market(), protest(), depot()]) as store:
        assert clusters(store, ["market", "protest", "depot"]) == {
            frozenset({"market"}), frozenset({"protest"}), frozenset({"depot"})}


def test_a_rising_toll_takes_the_latest_report_and_the_happening_day(sqlite_url):
    with stored(sqlite_url, toll_reports()) as store:
        [incident] = store.incidents()
        assert incident["documents"] == ["toll-0", "toll-1", "toll-2"]
        assert (incident["killed"], incident["disputed"]) == (11, False)
        assert incident["injured"] is None  # no report says anything of the wounded
        assert incident["date"] == "2024-04-02"  # the strike's day, not the last report's
        claimed = [(c["document"], c["value"], c["claimant"]) for c in incident["claims"] if c["field"] == "killed"]
        assert ("toll-0", 3, "city council") in claimed and ("toll-2", 11, "rescue service") in claimed


def test_a_disputed_toll_keeps_both_claims_and_takes_the_lowest(sqlite_url):
    with stored(sqlite_url, clash_reports()) as store:
        [incident] = store.incidents()
        assert incident["disputed"] is True and incident["killed"] == 2
        claimed = {(c["value"], c["claimant"]) for c in incident["claims"] if c["field"] == "killed"}
        assert {(30, "army"), (2, "rebel command")} <= claimed


def test_a_report_that_bridges_two_incidents_merges_them_and_the_old_id_resolves(sqlite_url):
    first, second, bridge = bridge_reports()
    with stored(sqlite_url, [first, second]) as store:
        before = store.document("ambush-1")["incident"], store.document("ambush-2")["incident"]
        assert before[0] != before[1]
        add_records(store, [bridge])
        assert {store.document(doc)["incident"] for doc in ("ambush-1", "ambush-2", "ambush-3")} == {before[0]}
        [merged] = store.incidents(incident=before[1])  # the absorbed id names the survivor
        assert merged["incident"] == before[0]
        assert merged["documents"] == ["ambush-1", "ambush-2", "ambush-3"]
        assert [i["incident"] for i in store.incidents()] == [before[0]]


def test_reports_in_reverse_order_give_the_same_clusters(sqlite_url, tmp_path):
    records = [market(), depot(), protest(), roundup(), *toll_reports(), *clash_reports(), *bridge_reports()]
    ids = [r["id"] for r in records]
    with stored(sqlite_url, records) as forward:
        expected = clusters(forward, ids)
    with stored(f"sqlite:///{tmp_path / 'reverse.db'}", records[::-1]) as backward:
        assert clusters(backward, ids) == expected
    assert frozenset({"ambush-1", "ambush-2", "ambush-3"}) in expected
    assert frozenset({"toll-0", "toll-1", "toll-2"}) in expected
