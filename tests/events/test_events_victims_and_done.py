"""Two patterns of event status, each on three sentences of our own it must get right and one it must leave alone.

- A participle standing as a noun phrase ("six of the wounded died") names the people an earlier happening
  harmed: it is no new happening.
- An event noun with a relative clause in the past ("to bury victims of the shelling that tore through the
  market") is told as done, though an infinitive of purpose surrounds it.
"""

from __future__ import annotations

import pytest


def events(extract, text: str):
    return extract(text, published="2031-05-04").events


@pytest.mark.parametrize("text", [
    "Four of the wounded died overnight in the clinic at Varno.",
    "Nurses at the field hospital struggled to treat the injured.",
    "Doctors said three of the injured were still in a critical condition.",
])
def test_the_wounded_are_people_not_a_happening(extract, text):
    assert [e.trigger.text for e in events(extract, text)] == []


def test_a_wounding_told_as_a_verb_stays_a_happening(extract):
    found = events(extract, "Five people were wounded when a grenade went off at the Varno bus station.")
    assert "wounded" in [e.trigger.text for e in found]


@pytest.mark.parametrize("text, trigger", [
    ("Mourners gathered to bury victims of the shelling that tore through the fish market.", "shelling"),
    ("Police arrived to inspect the blast that had destroyed the fuel depot.", "blast"),
    ("Villagers met to remember the ambush that left nine rangers dead last spring.", "ambush"),
])
def test_an_event_told_as_done_is_no_purpose(extract, text, trigger):
    event = next(e for e in events(extract, text) if e.trigger.text == trigger)
    assert event.type == "ASSAULT"
    assert event.status in ("asserted", "claimed")  # what someone tells of, not what someone plans


def test_a_purpose_without_a_past_clause_stays_planned(extract):
    found = events(extract, "The militia sent fighters to attack the convoy near the ford.")
    assert next(e for e in found if e.trigger.text == "attack").status == "planned"
