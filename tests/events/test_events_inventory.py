"""The trigger inventory: verbs and nouns of each PLOVER type, their derivational families and support
constructions, and senses that must be left alone. Sentences written for these tests."""

from __future__ import annotations

import pytest

from eventwire.extract.base import Found
from eventwire.extract.events import events as events_step


@pytest.fixture
def code(parsed):
    def run(text: str):
        return events_step(parsed(text, "2031-05-04"), Found())
    return run


@pytest.mark.parametrize("text, type_, mode", [
    # bomb / bombing / firebomb / detonate / go off
    ("Separatists firebombed a recruiting office overnight.", "ASSAULT", "explosives"),
    ("The firebombing of the tax office shocked the town.", "ASSAULT", "explosives"),
    ("A device went off outside the courthouse.", "ASSAULT", "explosives"),
    ("The detonation shattered windows across the square.", "ASSAULT", "explosives"),
    ("A man blew himself up at the gate of the barracks.", "ASSAULT", "suicide-attack"),
    # arson, stabbing, beating, hijacking, execution
    ("Arson destroyed the village clinic.", "ASSAULT", "primitive"),
    ("A stabbing at the station left one man dead.", "ASSAULT", "primitive"),
    ("Rioters set the police car alight.", "PROTEST", "riot"),
    ("The hijacking of the ferry lasted two days.", "ASSAULT", "abduct"),
    ("The execution of three prisoners took place at dawn.", "ASSAULT", "targeted"),
    # light verbs and support constructions
    ("The militia carried out a raid on the border post.", "ASSAULT", None),
    ("Gunmen opened fire on a minibus near the market.", "ASSAULT", "firearms"),
    ("The rebels committed an attack on the airfield.", "ASSAULT", None),
    # other types
    ("Brelia made an offer of talks to the rebels.", "AGREE", None),
    ("The foreign minister spoke with his Norvanian counterpart by video link.", "CONSULT", None),
    ("The council stood by the mayor after the vote.", "SUPPORT", None),
    ("The two agencies teamed up to trace the smugglers.", "COOPERATE", None),
    ("The lenders approved a bailout for the utility.", "AID", None),
    ("The government dropped its demand for new elections.", "CONCEDE", None),
    ("The rebels handed back the seized trucks.", "RETREAT", "release"),
    ("The two armies swapped prisoners at the bridge.", "RETREAT", "release"),
    ("The opposition railed against the new tax.", "ACCUSE", "disapprove"),
    ("The ministry brushed aside the complaint.", "REJECT", None),
    ("The bank revoked the licence of the exchange house.", "SANCTION", "discontinue"),
    ("The army redeployed two brigades to the coast.", "MOBILIZE", "troops"),
    ("Customs officers impounded the cargo at the port.", "COERCE", "seize"),
    ("The roundup of opposition activists continued.", "COERCE", "arrest"),
])
def test_the_inventory_types_verbs_and_nouns(code, text, type_, mode):
    event = code(text)[0]
    assert event.type == type_
    assert event.mode == mode


@pytest.mark.parametrize("text", [
    "The photographer shot a portrait of the general.",
    "Engineers inspected the building after the storm.",
    "The alarm went off during the school assembly.",
    "The price rise hit exporters hard.",
])
def test_senses_left_alone(code, text):
    assert all(e.type not in ("ASSAULT", "MOBILIZE") for e in code(text))
