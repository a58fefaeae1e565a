"""Group actors, unnamed actors, organisations and states."""

from __future__ import annotations

import pytest

from eventwire.extract.base import Found
from eventwire.extract.entities import entities

TEXT = (
    "Armenian forces shelled the border town of Velora overnight, and Azerbaijani troops returned fire.\n"
    "Armenian forces later pulled back, according to the commander of the Turkish peacekeeping force.\n"
    "Separatists in the hills said their positions held. Police arrested 40 protesters in the capital.\n"
    "The International Committee of the Red Cross said hundreds of refugees had reached Kars.\n"
    "The International Organization for Migration (IOM) urged both sides to stop. The IOM "
    "sent monitors.\n"
    "Azerbaijan accused Armenia of breaking the truce. Kurdish civilians fled toward Iran.\n"
)


@pytest.fixture(scope="module")
def found():
    from helpers import parse_text

    return entities(parse_text(TEXT), Found())


def named(found, name):
    matches = [e for e in found if e.name == name]
    assert len(matches) == 1, [e.name for e in found]
    return matches[0]


def test_nationality_and_noun_is_one_group_with_every_mention(found):
    forces = named(found, "Armenian forces")
    assert (forces.country, forces.sector, forces.code) == ("ARM", "MIL", "ARMMIL")
    assert len(forces.mentions) == 2
    troops = named(found, "Azerbaijani troops")
    assert (troops.country, troops.sector) == ("AZE", "MIL")


def test_unnamed_commander_is_an_actor(found):
    commander = [e for e in found if e.role == "commander"]
    assert len(commander) == 1
    assert commander[0].name == "commander of the Turkish peacekeeping force"
    assert (commander[0].type, commander[0].country, commander[0].sector) == ("PERSON", "TUR", "MIL")


@pytest.mark.parametrize(
    ("word", "sector"),
    [("Separatists", "REB"), ("Police", "COP"), ("protesters", "CVL"), ("refugees", "REF")],
)
def test_bare_groups_take_their_sector(found, word, sector):
    group = [e for e in found if any(m.text.endswith(word) for m in e.mentions)]
    assert group, [e.name for e in found]
    assert group[0].sector == sector


def test_international_bodies(found):
    red_cross = named(found, "International Committee of the Red Cross")
    assert (red_cross.type, red_cross.country, red_cross.sector, red_cross.code) == ("ORG", None, "NGO", "NGO")
    iom = [e for e in found if any(m.text == "IOM" for m in e.mentions)]
    assert len(iom) == 1
    assert len(iom[0].mentions) == 3
    assert iom[0].sector == "IGO"


def test_states_acting_are_government(found):
    azerbaijan = named(found, "Azerbaijan")
    assert (azerbaijan.type, azerbaijan.country, azerbaijan.sector) == ("GPE", "AZE", "GOV")
    assert named(found, "Armenia").country == "ARM"


def test_cities_are_places_without_a_state_code(found):
    velora = [e for e in found if e.name == "Velora"]
    assert velora
    assert all(e.sector != "GOV" for e in velora)


def test_towns_take_the_country_their_mention_gives(parsed):
    from eventwire.extract.entities import entities as run

    text = ("Shelling hit Gori, Georgia, on Friday. Troops entered the Syrian town of Qusayr. "
            "Rebels shelled the Chechen capital, Grozny.")
    found = run(parsed(text), Found())
    country = {e.name: e.country for e in found}
    assert country.get("Gori") == "GEO"
    assert country.get("Qusayr") == "SYR"
    assert country.get("Grozny") == "RUS"
    assert [e.sector for e in found if e.name == "Georgia"] == [None]
