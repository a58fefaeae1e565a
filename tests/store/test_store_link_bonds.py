"""A report belongs with its closest report, whichever arrived first: bonds, groups, and the order of arrival.

The war here is invented: the market town of Dolmec, the city of Sorvik 20 km away, and the Ruzany camp for
displaced families outside Sorvik. The market is shelled on Monday, the camp bombed on Tuesday; two reports
of each name the other's town, so a weak report that arrives first can draw the other happening's reports.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from store_records import clusters, stored, war_report

from eventwire.ingest import add_records
from eventwire.link import group_of

DOLMEC = ("Dolmec", "XV", 45.00, 30.00, "PPL")
SORVIK = ("Sorvik", "XV", 45.15, 30.15, "PPL")
RUZANY = ("Ruzany", "XV", 45.17, 30.18, "PPL")


def heavy(place: int, killed: int, trigger: str = "attack") -> dict:
    return {"trigger": trigger, "type": "ASSAULT", "mode": "heavy-weapons", "place": place, "time": 0,
            "killed": killed}


def market_reports() -> list[dict]:
    first = war_report(
        "market-1", "Rockets slammed into the crowded Dolmec market on Monday morning, killing eight shoppers and "
        "wounding dozens, the district governor said. Smoke rose over the Dolmec stalls for hours.", "2024-06-03",
        "Rockets hit Dolmec market, eight dead", places=(DOLMEC,), times=(("on Monday morning", "2024-06-03"),),
        events=(heavy(0, 8, "slammed"),), tolls=(("killed", 8, "eight shoppers", "district governor"),))
    second = war_report(
        "market-2", "The toll of Monday's rocket attack on the Dolmec market rose to fourteen, the district governor "
        "said, as traders counted their losses among the burned stalls.", "2024-06-04",
        "Dolmec market rocket toll rises to fourteen", places=(DOLMEC,), times=(("Monday's", "2024-06-03"),),
        events=(heavy(0, 14),), tolls=(("killed", 14, "fourteen", "district governor"),))
    third = war_report(
        "market-3", "Doctors in Sorvik said sixteen people have now died of wounds from the rocket attack on the "
        "Dolmec market on Monday, and eleven remain in hospital in Sorvik.", "2024-06-05",
        "Dolmec market deaths reach sixteen", places=(SORVIK, DOLMEC), times=(("on Monday", "2024-06-03"),),
        events=(heavy(1, 16),), tolls=(("killed", 16, "sixteen people", "Doctors"),))
    return [first, second, third]


def camp_reports() -> list[dict]:
    first = war_report(
        "camp-1", "A bomb exploded at the Ruzany camp for displaced families outside Sorvik on Tuesday, killing five "
        "people, camp workers said.", "2024-06-04", "Bomb kills five at Ruzany camp", places=(RUZANY, SORVIK),
        times=(("on Tuesday", "2024-06-04"),),
        events=({"trigger": "exploded", "type": "ASSAULT", "mode": "explosives", "place": 0, "time": 0,
                 "killed": 5},), tolls=(("killed", 5, "five people", "camp workers"),))
    later = war_report(
        "camp-2", "Families in Sorvik buried six people killed by the bomb at the Ruzany camp, a day after the rocket "
        "attack on the Dolmec market, and aid groups suspended work at the camp.", "2024-06-06",
        "Ruzany camp bomb victims buried in Sorvik", places=(SORVIK, RUZANY, DOLMEC),
        events=({"trigger": "bomb", "type": "ASSAULT", "mode": "explosives", "place": 1, "time": None,
                 "killed": 6},), tolls=(("killed", 6, "six people", None),))
    return [first, later]



MARKET = frozenset({"market-1", "market-2", "market-3"})
CAMP = frozenset({"camp-1", "camp-2"})


@pytest.mark.parametrize("order", ["published", "reversed", "camp's follow-up first"])
def test_two_happenings_nearby_stay_two_whatever_the_order(sqlite_url, order):
    market, camp = market_reports(), camp_reports()
    records = {"published": [*market, *camp], "reversed": [*market, *camp][::-1],
               "camp's follow-up first": [camp[1], market[2], camp[0], market[1], market[0]]}[order]
    with stored(sqlite_url, records) as store:
        assert clusters(store, [r["id"] for r in records]) == {MARKET, CAMP}
        killed = {frozenset(i["documents"]): i["killed"] for i in store.incidents()}
        assert killed == {MARKET: 16, CAMP: 6}  # each toll from its own happening's latest report


def test_a_weak_report_leaves_for_the_report_it_is_closest_to(db_url):
    """The market's follow-up first joins the camp's follow-up (it names Sorvik); the camp's first report is
    closer to that one; then the market's own report takes its follow-up back, and the camp keeps its id."""
    market, camp = market_reports(), camp_reports()
    with stored(db_url, [camp[1], market[2], camp[0]]) as store:
        camp_incident = store.document("camp-2")["incident"]
        assert store.document("market-3")["incident"] == store.document("camp-1")["incident"] == camp_incident
        add_records(store, [market[1]])
        assert store.document("market-3")["incident"] == store.document("market-2")["incident"] != camp_incident
        assert store.document("camp-2")["incident"] == store.document("camp-1")["incident"] == camp_incident
        [left] = store.incidents(incident=camp_incident)
        assert left["documents"] == ["camp-2", "camp-1"] and left["killed"] == 6  # its estimate is recomputed
        [market_incident] = store.incidents(incident=store.document("market-2")["incident"])
        assert market_incident["documents"] == ["market-3", "market-2"] and market_incident["killed"] == 16
        assert store.document("market-3")["incidents"] == [market_incident["incident"]]  # filed once, not twice


def test_each_bond_is_stored_both_ways(sqlite_url):
    market = market_reports()
    with stored(sqlite_url, market[:2]) as store, store.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT d.id, o.id FROM link_bonds b JOIN documents d ON d.seq = b.doc "
                                    "JOIN documents o ON o.seq = b.other")).all()
    assert sorted(rows) == [("market-1", "market-2"), ("market-2", "market-1")]


# --- the groups, as a pure function of bonds (reports numbered by arrival; 1 is the incident's first)

def test_a_report_takes_along_the_reports_that_hang_on_it():
    bonds = {1: {2: 0.2}, 2: {1: 0.2, 3: 0.1, 9: 0.3}, 3: {2: 0.1}, 4: {3: 0.15, 1: 0.12}}
    bonds[3][4] = 0.15
    # 2's closest is now 9, outside; 1's closest is 2, so 1 and 2 stay together, and 3 hangs on 4 (not 2)
    assert group_of(2, {1, 2, 3, 4}, bonds, strong=0.5) == {1, 2}
    bonds[1] = {2: 0.2, 4: 0.25}  # now 1 is closest to 4: 2 goes alone
    assert group_of(2, {1, 2, 3, 4}, bonds, strong=0.5) == {2}


def test_a_strong_bond_holds_though_each_is_closer_to_another():
    bonds = {1: {2: 0.5, 3: 0.6}, 2: {1: 0.5, 4: 0.7}, 3: {1: 0.6}}
    assert group_of(2, {1, 2, 3}, bonds, strong=0.4) == {1, 2, 3}
    assert group_of(2, {1, 2, 3}, bonds, strong=0.55) == {2}


def test_a_report_without_bonds_is_a_group_of_its_own():
    assert group_of(5, {1, 5}, {1: {5: 0.1}, 5: {}}, strong=0.5) == {1, 5}  # 1's closest is 5
    assert group_of(5, {1, 5}, {1: {}, 5: {}}, strong=0.5) == {5}


def test_reports_pinned_where_they_are_hold_together():
    bonds = {1: {1: 1.0}, 2: {2: 1.0}, 3: {2: 0.1, 7: 0.3}}
    assert group_of(2, {1, 2, 3}, bonds, strong=0.5) == {1, 2}  # 3's closest is 7, outside
    assert group_of(3, {1, 2, 3}, bonds, strong=0.5) == {3}


def test_reports_stored_before_bonds_were_kept_stay_where_they_are(tmp_path):
    """A store made before revision 0005: its reports keep their incidents when later reports are closer."""
    from alembic import command
    from alembic.config import Config

    from eventwire.store.database import MIGRATIONS

    market, camp = market_reports(), camp_reports()
    url = f"sqlite:///{tmp_path / 'old.db'}"
    with stored(url, [camp[1], market[2]]) as store:
        camp_incident = store.document("market-3")["incident"]
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        for revision, step in (("0004", command.downgrade), ("head", command.upgrade)):
            with store.engine.begin() as connection:
                config.attributes["connection"] = connection
                step(config, revision)
        for record in (camp[0], market[1], market[0]):
            add_records(store, [record])
        assert store.document("market-3")["incident"] == store.document("camp-2")["incident"] == camp_incident
        # as the linker did before bonds were kept: the market's report joins the incident of its closest report
        assert store.document("market-2")["incident"] == store.document("market-1")["incident"] == camp_incident
