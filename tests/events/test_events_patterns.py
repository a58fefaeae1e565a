"""The event coder's general patterns, each on three sentences it must get right and one it must leave alone.

Every sentence here is written for these tests (invented groups and places). The whole pipeline runs, so
actors are resolved against the entities the entity step finds.
"""

from __future__ import annotations

import pytest


@pytest.fixture
def events(extract):
    def run(text: str):
        return extract(text, published="2031-05-04").events
    return run


def texts(refs):
    return [r.text for r in refs]


def assault(found):
    return next(e for e in found if e.type == "ASSAULT")


# ---------------------------------------------------------------- X claimed responsibility (credit) for V-ing Y

@pytest.mark.parametrize("text, actor, recipient", [
    ("The Amber Legion claimed responsibility for bombing a power station outside Calder.", "Amber Legion",
     "power station"),
    ("A separatist cell claimed credit for torching a recruiting office in the harbour district.",
     "separatist cell", "recruiting office"),
    ("The Ninth Column took responsibility for the attack on a customs post.", "Ninth Column", "customs post"),
])
def test_the_claimer_of_responsibility_is_the_actor(events, text, actor, recipient):
    event = events(text)[0]
    assert event.type == "ASSAULT"
    assert texts(event.actors) == [actor]
    assert recipient in texts(event.recipients)[0]


def test_denied_responsibility_stays_denied(events):
    event = assault(events("The Amber Legion denied responsibility for the bombing of the depot."))
    assert event.status == "denied"


# ---------------------------------------------------------------- X was suspected of (blamed for) V-ing

@pytest.mark.parametrize("text, actor", [
    ("Two brothers were suspected of bombing a bank in the city centre.", "Two brothers"),
    ("A criminal gang was blamed for abducting a businessman on his way home.", "criminal gang"),
    ("The Eastern Shield is accused of attacking a police convoy.", "Eastern Shield"),
])
def test_the_suspect_of_a_passive_accusation_is_the_actor(events, text, actor):
    event = assault(events(text))
    assert texts(event.actors) == [actor]
    assert event.status == "claimed"


def test_suspecting_an_accident_is_no_attack(events):
    assert all(e.type != "ASSAULT" for e in events("Police suspected that faulty wiring caused the outage."))


# ---------------------------------------------------------------- X claimed the attack / X was behind it

@pytest.mark.parametrize("text, actor", [
    ("The Crimson Veil claimed the attack on the customs post.", "Crimson Veil"),
    ("Police said the Crimson Veil was behind the bombing of the bridge.", "Crimson Veil"),
    ("The Sable Front admitted the raid on the barracks in a statement.", "Sable Front"),
])
def test_who_owns_up_to_an_attack_is_its_actor(events, text, actor):
    assert texts(assault(events(text)).actors) == [actor]


def test_claiming_a_vote_is_not_an_attack(events):
    assert all(e.type != "ASSAULT" for e in events("The minister claimed victory in the vote."))


# ---------------------------------------------------------------- the reporting source is not the actor

@pytest.mark.parametrize("text", [
    "Valdorian officials said, killing at least four villagers.",
    "The ministry said on Monday, wounding two guards.",
    "Police reported, killing three people.",
])
def test_a_speaker_does_not_do_what_follows_the_comma(events, text):
    event = assault(events(text))
    assert event.actors == []


def test_a_participle_after_an_attack_keeps_its_attacker(events):
    event = assault(events("Rebels shelled the town of Ketch, killing five civilians."))
    assert texts(event.actors) == ["Rebels"]


# ---------------------------------------------------------------- a time is never a party

@pytest.mark.parametrize("text", [
    "The rebel council declared a unilateral ceasefire on Sunday.",
    "The militia announced a truce on Tuesday evening.",
    "Norvania imposed a curfew on Friday.",
])
def test_a_time_is_not_a_recipient(events, text):
    event = events(text)[0]
    assert not any(day in r for r in texts(event.recipients) for day in ("Sunday", "Tuesday", "Friday"))


def test_a_party_beside_a_time_is_still_the_recipient(events):
    event = events("Brelia imposed sanctions on Norvania on Monday.")[0]
    assert event.type == "SANCTION"
    assert texts(event.recipients) == ["Norvania"]


# ---------------------------------------------------------------- a weapon as subject: "a missile hit X"

@pytest.mark.parametrize("text, target", [
    ("A missile hit an apartment block in the city centre.", "apartment block"),
    ("Shells landed on the market before dawn.", "market"),
    ("A car bomb ripped through the lobby of the hotel.", "lobby"),
])
def test_an_impact_verb_with_a_weapon_subject_is_an_attack(events, text, target):
    event = events(text)[0]
    assert event.type == "ASSAULT"
    assert target in texts(event.recipients)[0]


def test_an_impact_verb_with_another_subject_is_no_attack(events):
    assert all(e.type != "ASSAULT" for e in events("The price rise hit farmers hard last year."))


# ---------------------------------------------------------------- came under fire

@pytest.mark.parametrize("text, recipient, actor", [
    ("A patrol came under fire from rebels near the village.", "patrol", ["rebels"]),
    ("The convoy came under attack on the mountain road.", "convoy", []),
    ("The outpost came under heavy shelling overnight.", "outpost", []),
])
def test_what_comes_under_fire_is_the_recipient(events, text, recipient, actor):
    event = events(text)[0]
    assert event.type == "ASSAULT"
    assert texts(event.recipients) == [recipient]
    assert texts(event.actors) == actor


def test_coming_under_pressure_is_no_attack(events):
    assert all(e.type != "ASSAULT" for e in events("The minister came under pressure from lawmakers."))


# ---------------------------------------------------------------- the mode comes from the weapon

@pytest.mark.parametrize("text, mode", [
    ("The Amber Legion bombed a police station in the hill town.", "explosives"),
    ("Rebels threw grenades at a police post.", "explosives"),
    ("Activists hurled firebombs at the embassy.", "explosives"),
    ("Arsonists set fire to a mosque in the old town.", "primitive"),
])
def test_the_weapon_gives_the_mode(events, text, mode):
    assert assault(events(text)).mode == mode


def test_an_aircraft_outranks_the_bomb_it_drops(events):
    assert assault(events("Warplanes bombed the rebel-held town.")).mode == "aerial"


# ---------------------------------------------------------------- strikes: workers' and missiles'

@pytest.mark.parametrize("text", [
    "Teachers struck for a second day over pay.",
    "Dock workers went on strike on Monday over unpaid wages.",
    "Nurses at three hospitals began a two-day strike.",
])
def test_a_strike_of_workers_is_a_protest(events, text):
    event = events(text)[0]
    assert (event.type, event.mode) == ("PROTEST", "strike")


def test_a_strike_that_hits_a_building_is_an_attack(events):
    found = events("The strike hit the school directly.")
    assert found[0].type == "ASSAULT"
    assert all(e.type != "PROTEST" for e in found)


def test_jets_striking_positions_stay_an_attack(events):
    assert events("Brelian jets struck rebel positions along the ridge.")[0].type == "ASSAULT"


# ---------------------------------------------------------------- "the group" is the group the article named

@pytest.mark.parametrize("text, group", [
    ("The Southern Resistance Front is active in the delta. On Monday the group ambushed an army convoy.",
     "Southern Resistance Front"),
    ("The Amber Legion wants independence for the highlands. The rebels kidnapped three tourists on Saturday.",
     "Amber Legion"),
    ("The Crescent Legion has held the hills since spring. Residents said the militants attacked a village.",
     "Crescent Legion"),
])
def test_the_group_resolves_to_the_named_group(events, text, group):
    assert texts(assault(events(text)).actors) == [group]


def test_the_group_stays_itself_when_no_group_is_named(events):
    assert texts(assault(events("The group attacked a police station on Friday.")).actors) == ["group"]


# ---------------------------------------------------------------- a mobilization's purpose names its target

@pytest.mark.parametrize("text, target", [
    ("Brelia sent troops and tanks to repel Norvanian forces.", "Norvanian forces"),
    ("The government deployed soldiers to confront the rebels in the north.", "rebels"),
    ("The army dispatched troops to fight the separatists.", "separatists"),
])
def test_the_purpose_of_a_mobilization_gives_its_recipient(events, text, target):
    event = next(e for e in events(text) if e.type == "MOBILIZE")
    assert target in texts(event.recipients)[0]


def test_troops_sent_are_not_their_own_target(events):
    event = next(e for e in events("Brelia sent troops to the border.") if e.type == "MOBILIZE")
    assert "troops" not in texts(event.recipients)


# ---------------------------------------------------------------- kidnapping is an attack (PLOVER abduct)

@pytest.mark.parametrize("text", [
    "Bandits kidnapped forty students from a boarding school.",
    "Armed men abducted an aid worker at a checkpoint.",
    "The militia took the passengers hostage at a roadblock.",
])
def test_kidnapping_is_an_abduction(events, text):
    event = events(text)[0]
    assert (event.type, event.mode) == ("ASSAULT", "abduct")


def test_arresting_kidnappers_is_coercion(events):
    assert events("Police arrested the kidnappers at a farm.")[0].type == "COERCE"


# ---------------------------------------------------------------- senses that are not events

@pytest.mark.parametrize("text", [
    "A film crew shot footage of the ruins.",
    "The envoy met rebel leaders in a government building.",
    "A house fire killed three children in the suburb.",
])
def test_senses_that_are_not_attacks_or_deployments(events, text):
    assert all(e.type not in ("ASSAULT", "MOBILIZE") for e in events(text))


def test_shooting_people_is_still_an_attack(events):
    event = events("Gunmen shot two guards outside the bank.")[0]
    assert (event.type, event.mode) == ("ASSAULT", "firearms")


# ---------------------------------------------------------------- the lead reports the news

def test_violence_of_the_lead_sentence_comes_first(events):
    found = events("The toll from Tuesday's missile strike on the market rose to nine. "
                   "Police arrested two men on Wednesday.")
    assert found[0].type == "ASSAULT"
    assert found[0].trigger.text == "strike"


def test_a_dated_war_in_the_background_comes_after_the_news(events):
    found = events("Gunmen attacked a bus near Karsh on Friday. The two countries fought a war over the "
                   "province in 1991-92.")
    assert found[0].trigger.text == "attacked"
    assert [e.trigger.text for e in found].index("attacked") < [e.trigger.text for e in found].index("fought")
