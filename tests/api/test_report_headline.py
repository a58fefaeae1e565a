"""The rules that write a happening's headline and fold its events, each on sentences of our own."""

from __future__ import annotations

from eventwire.report.figures import is_share
from eventwire.report.happenings import fold, own_place, retold_once
from eventwire.report.headline import headline, toll


def event(actors=(), recipients=(), kind="ASSAULT", mode=None, place=None, trigger="shelled", **extra) -> dict:
    return {"kind": "event", "type": kind, "mode": mode, "actors": list(actors), "recipients": list(recipients),
            "place": place, "trigger": trigger, "status": "asserted", "killed": None, "injured": None,
            "document": "d1", "span": [0, 10], "text": "", "date": "2031-01-01", "order": 0, **extra}


def claim(text, low, claimant, role=None, unit="people", category="killed", document="d1") -> dict:
    return {"text": text, "low": low, "high": low, "unit": unit, "category": category, "claimant": claimant,
            "claimant_role": role, "hedged": False, "document": document, "span": [0, 1]}


def test_a_demonym_standing_for_its_forces_is_written_as_forces():
    assert headline(event(["Russian"], ["Kharkiv"], mode="heavy-weapons"), "ASSAULT", None, {}) == \
        "Russian forces shell Kharkiv"
    assert headline(event(["Georgian"], ["Tskhinvali"]), "ASSAULT", None, {}) == "Georgian forces attack Tskhinvali"
    assert headline(event(["Israeli"], ["Rafah"], mode="air"), "ASSAULT", None, {}) == "Israeli forces bomb Rafah"
    # left alone: a country acts under its own name
    assert headline(event(["Russia"], ["Kharkiv"]), "ASSAULT", None, {}) == "Russia attacks Kharkiv"


def test_the_verb_agrees_with_a_plural_actor():
    assert headline(event(["Gunmen"], ["a bus"]), "ASSAULT", None, {}) == "Gunmen attack a bus"
    assert headline(event(["Police"], ["protesters"], kind="COERCE"), "COERCE", None, {}) == \
        "Police coerce protesters"
    assert headline(event(["Rebels"], ["Kadugli"]), "ASSAULT", None, {}) == "Rebels attack Kadugli"
    assert headline(event(["Hamas"], ["Sderot"]), "ASSAULT", None, {}) == "Hamas attacks Sderot"  # one group


def test_a_place_is_the_object_only_of_acts_done_to_places():
    talks = event(["Army delegates"], ["Jeddah"], kind="CONSULT", place="Jeddah")
    assert headline(talks, "CONSULT", "Jeddah", {}) == "Army delegates meet in Jeddah"
    appeal = event(["Mediators"], kind="REQUEST", place="Doha")
    assert headline(appeal, "REQUEST", "Doha", {}) == "Mediators appeal in Doha"
    aid = event(["Red Crescent"], kind="AID", place="Gaza")
    assert headline(aid, "AID", "Gaza", {}) == "Red Crescent sends aid to Gaza"
    # left alone: a shelled town is the object
    assert headline(event(["Army units"], place="Bakhmut"), "ASSAULT", "Bakhmut", {}) == "Army units attack Bakhmut"


def test_a_number_of_people_struck_is_the_toll_not_the_target():
    shelled = event(["Russian artillery"], ["Two men"], mode="heavy-weapons", place="Kupiansk")
    assert headline(shelled, "ASSAULT", "Kupiansk", {}) == "Russian artillery shells Kupiansk"
    assert headline(event(["Gunmen"], ["12 villagers"]), "ASSAULT", "Kaya", {}) == "Gunmen attack Kaya"
    assert headline(event(["Rebels"], ["three soldiers", "the garrison"]), "ASSAULT", None, {}) == \
        "Rebels attack the garrison"
    # left alone: a unit named by its ordinal is a target
    assert headline(event(["Rebels"], ["the Fifth Brigade"]), "ASSAULT", None, {}) == "Rebels attack the Fifth Brigade"


def test_each_toll_names_its_claimant_and_unknown_counts_are_left_out():
    tolls = toll([claim("hundreds of civilians", 200, "Ali Haddad", role="rebel leader"),
                  claim("several soldiers", 3, "Defence ministry", unit="troops")])
    text = headline(event(["Northern forces"], ["Hama"]), "ASSAULT", None, tolls)
    assert text == ("Northern forces attack Hama; hundreds of civilians killed, according to rebel leader Ali Haddad; "
                    "several soldiers killed, according to Defence ministry")
    assert tolls["killed"]["disputed"] is False  # civilians and soldiers are two counts, not a dispute
    assert "injured" not in tolls


def test_claims_of_one_count_that_differ_are_a_dispute():
    tolls = toll([claim("12 people", 12, "the army"), claim("40 civilians", 40, "Ilse Varga", role="governor")])
    assert tolls["killed"]["disputed"] is True
    text = headline(event(["Valdorian army"], ["Marenburg"]), "ASSAULT", None, tolls)
    assert text.endswith("40 civilians killed, according to governor Ilse Varga (12 people, according to the army)")


def test_a_toll_that_rose_between_reports_is_no_dispute_when_the_incident_says_so():
    rising = [claim("four people", 4, "the governor"),
              claim("eleven people", 11, "the interior ministry", document="d2")]
    tolls = toll(rising, disputed=False)  # the linker's judgement: one side's count rose from report to report
    assert tolls["killed"]["disputed"] is False
    text = headline(event(["Gunmen"], ["Ostrava"]), "ASSAULT", None, tolls)
    assert text == ("Gunmen attack Ostrava; eleven people killed, according to the interior ministry "
                    "(four people, according to the governor)")
    assert toll(rising, disputed=True)["killed"]["disputed"] is True  # the incident's dispute stands


def test_an_event_is_not_placed_in_its_own_actor():
    russia = {"name": "Russia"}
    assert own_place(russia, ["Russia"]) is None  # "air strikes by Russia on Georgian territory"
    assert own_place({"name": "Israel"}, ["Israel", "Hezbollah"]) is None
    assert own_place({"name": "Mali"}, ["Mali"]) is None
    assert own_place({"name": "Gori"}, ["Russia"]) == "Gori"  # left alone: another place


def test_an_event_is_not_placed_in_the_country_of_the_one_who_reports_it():
    russia = {"name": "Russia", "feature": "PCLI"}
    assert own_place(russia, [], "Russia's defence ministry") is None  # "… said its forces struck a depot"
    assert own_place({"name": "Ukraine", "feature": "PCLI"}, [], "Ukraine") is None
    assert own_place({"name": "Israel", "feature": "PCLI"}, [], "Israel’s army") is None
    # left alone: a city's own officials report what happened in their city
    assert own_place({"name": "Kharkiv", "feature": "PPLA"}, [], "Kharkiv officials") == "Kharkiv"


def test_vague_events_fold_into_their_sentence_or_drop_when_they_add_nothing():
    seen: set[str] = set()
    mixed = [event(["Army"], ["Gori"], trigger="shelled", text="The army shelled Gori amid the fighting."),
             event(trigger="fighting", text="The army shelled Gori amid the fighting.")]
    lone = [event(trigger="violence", text="The violence went on.", span=[20, 40])]
    named = [event(["Rebels"], trigger="clashes", text="Rebels clashed in town.", span=[50, 70])]
    lines = fold(mixed + lone + named, seen, keep_dated=False)
    assert [line["trigger"] for line in lines] == ["shelled", "clashes"]
    assert lines[0]["also"] == []  # the fighting is the shelling's, not an act of its own
    assert fold(mixed, seen, keep_dated=False) == []  # a sentence already shown is not shown again


def test_a_share_of_a_population_is_never_a_count():
    assert is_share("two-thirds Valdorian") and is_share("40% of the town") and is_share("half of the residents")
    assert is_share("one third of the villagers")
    assert not is_share("20,000 residents") and not is_share("half a million refugees")  # left alone: counts
    tolls = toll([claim("a third of the fighters", 300, "the army"), claim("90 fighters", 90, "the army")])
    assert [c["text"] for c in tolls["killed"]["claims"]] == ["90 fighters"]


def test_reports_retelling_one_act_of_a_happening_give_one_line():
    first = event(["Army"], ["Gori"], place="Gori", document="r1", text="The army shelled Gori.")
    again = event([], ["Gori"], place="Gori", document="r2", text="Gori came under shelling.", trigger="shelling")
    unnamed = event(["Artillery"], document="r3", span=[5, 9], text="Artillery pounded the town.", trigger="pounded")
    later = event(["Army"], ["Gori"], place="Gori", document="r4", text="Shells hit Gori.", killed=4)
    lines = retold_once([first, again, unnamed, later])
    assert len(lines) == 1
    assert [r["document"] for r in lines[0]["retold"]] == ["r2", "r3", "r4"]
    assert lines[0]["killed"] == 4  # a count only the retelling gives is kept


def test_acts_elsewhere_or_in_one_report_keep_their_own_lines():
    first = event(["Army"], ["Gori"], place="Gori", document="r1", text="The army shelled Gori.")
    same_report = event(["Army"], ["a depot"], document="r1", span=[20, 30], text="It also hit a depot.")
    elsewhere = event(["Army"], ["Kareli"], place="Kareli", document="r2", text="Shells fell on Kareli.")
    other_kind = event(["Army"], kind="MOBILIZE", document="r2", span=[40, 60], text="Reservists were called up.")
    assert len(retold_once([first, same_report, elsewhere, other_kind])) == 4
