"""Where spaCy's NER is corrected: digits, possessives, capitals, conflicting labels, names after titles."""

from __future__ import annotations

from eventwire.extract.base import Found
from eventwire.extract.entities import entities


def run(parsed, text):
    return entities(parsed(text), Found())


def test_no_person_with_digits(parsed):
    found = run(parsed, "Your browser does not support HTML5\nThe minister Anna Kovac left Zagreb on Monday.")
    assert not [e for e in found if "HTML5" in e.name]


def test_possessive_is_trimmed_from_the_name(parsed):
    text = "Moldova's prime minister Ion Rusu said Moldova's army would stay in its barracks."
    found = run(parsed, text)
    moldova = [e for e in found if e.name == "Moldova"]
    assert moldova and all(m.text == "Moldova" for m in moldova[0].mentions)
    rusu = [e for e in found if e.name == "Ion Rusu"]
    assert rusu and (rusu[0].role, rusu[0].country, rusu[0].sector) == ("prime minister", "MDA", "GOV")


def test_surname_alone_joins_full_name_and_capitals_line(parsed):
    text = ("KESSLER VOWS TO FIGHT ON\n"
            "Opposition leader Dana Kessler told supporters in Vienna that she would appeal. "
            "Kessler said the vote had been rigged.")
    found = run(parsed, text)
    kessler = [e for e in found if "Kessler" in e.name]
    assert len(kessler) == 1
    texts = [m.text for m in kessler[0].mentions]
    assert {"KESSLER", "Dana Kessler", "Kessler"} <= set(texts)
    assert (kessler[0].role, kessler[0].sector) == ("Opposition leader", "OPP")


def test_name_after_a_title_is_a_person(parsed):
    found = run(parsed, "Colonel Brandt ordered the convoy to halt outside Bihac.")
    brandt = [e for e in found if "Brandt" in e.name]
    assert brandt and brandt[0].type == "PERSON"
    assert (brandt[0].role, brandt[0].sector) == ("Colonel", "MIL")


def test_well_known_figure_without_title(parsed):
    found = run(parsed, "Putin warned that the talks could collapse.")
    putin = [e for e in found if e.name == "Putin"]
    assert putin and (putin[0].country, putin[0].sector) == ("RUS", "GOV")


def test_countries_and_bodies_the_model_missed_are_found(parsed):
    text = "Uzbekistan reopened the bridge. The SPLM/A signed the accord with the government in Khartoum."
    found = run(parsed, text)
    names = {e.name: (e.type, e.country, e.sector) for e in found}
    assert names.get("Uzbekistan") == ("GPE", "UZB", "GOV")
    splm = [e for e in found if any(m.text == "SPLM/A" for m in e.mentions)]
    assert splm and (splm[0].country, splm[0].sector) == ("SDN", "REB")


def test_group_noun_modifying_equipment_is_the_actor(parsed):
    text = "Israeli army bulldozers razed three houses near Rafah."
    found = run(parsed, text)
    army = [e for e in found if e.name == "Israeli army"]
    assert army and (army[0].country, army[0].sector) == ("ISR", "MIL")
