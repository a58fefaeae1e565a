"""Names two reports share, on reports written for these tests: a name of several words is one name."""

from __future__ import annotations

from store_records import war_report

from eventwire.ingest import add_records
from eventwire.link.incidents import shared_names
from eventwire.store import Store

KESTRA = ("Kestra", "XV", 41.0, 21.0, "PPL")


def test_a_name_of_several_words_counts_once_and_a_place_keeps_its_word():
    assert shared_names(["n:relief mission", "w:relief", "w:mission"]) == 1
    assert shared_names(["n:amber legion", "w:amber", "w:legion", "w:vorin"]) == 2
    assert shared_names(["p:kestra", "w:kestra"]) == 2  # two reports of one town's bombing often share no more


def incidents_of(db_url: str, records: list[dict]) -> dict[str, str]:
    with Store.open(db_url) as store:
        for record in records:  # one at a time, as a feed delivers them
            add_records(store, [record])
        return {r["id"]: store.document(r["id"])["incident"] for r in records}


def report(doc_id: str, text: str, title: str, trigger: str) -> dict:
    return war_report(doc_id, text, "2024-06-11", title, events=({"trigger": trigger, "type": "ASSAULT"},))


def test_two_happenings_that_name_one_organisation_stay_apart(sqlite_url):
    convoy = report("convoy", "Gunmen ambushed a truck of the Northern Relief Mission on a mountain road, "
                    "burning its cargo of flour, the Northern Relief Mission said.\nThe driver escaped on foot "
                    "and walked for hours to reach the nearest checkpoint, where soldiers gave him water.",
                    "Northern Relief Mission truck ambushed", "ambushed")
    clinic = report("clinic", "A rocket hit a clinic run by the Northern Relief Mission in a river village, "
                    "wounding a nurse, the Northern Relief Mission said.\nPatients were moved to a school "
                    "across the valley while builders patched the roof of the damaged ward.",
                    "Rocket hits Northern Relief Mission clinic", "hit")
    incidents = incidents_of(sqlite_url, [convoy, clinic])
    assert incidents["convoy"] != incidents["clinic"]


def test_two_reports_of_one_bombing_in_a_town_join(sqlite_url):
    first = war_report("first", "A car bomb went off at the cattle market in Kestra on Tuesday, killing six.",
                       "2024-06-11", "Car bomb kills six at Kestra market", places=(KESTRA,),
                       times=(("on Tuesday", "2024-06-11"),),
                       events=({"trigger": "went off", "type": "ASSAULT", "mode": "explosives", "place": 0,
                                "time": 0, "killed": 6},))
    later = war_report("later", "The toll from Tuesday's car bomb at the market in Kestra rose to nine.",
                       "2024-06-12", "Kestra market toll rises to nine", places=(KESTRA,),
                       times=(("Tuesday", "2024-06-11"),),
                       events=({"trigger": "car bomb", "type": "ASSAULT", "mode": "explosives", "place": 0,
                                "time": 0, "killed": 9},))
    incidents = incidents_of(sqlite_url, [first, later])
    assert incidents["first"] == incidents["later"]
