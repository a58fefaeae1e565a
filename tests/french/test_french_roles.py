"""French roles (extract/actors/french.py) on sentences written for these tests: people named by their title,
titles before and after names, the country and sector a title phrase gives."""

from __future__ import annotations

import pytest

from helpers import extract_text


def french(text: str):
    return extract_text(text, "2031-03-10", lang="fr")


def people(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(e.name, e.role, e.code) for e in french(text).entities if e.type == "PERSON"]


# A definite title phrase names one person.
@pytest.mark.parametrize(("text", "person"), [
    ("Le chef de l'état-major a démenti toute perte dans les rangs de l'armée.",
     ("chef de l'état-major", "chef de l'état-major", "MIL")),
    ("Le gouverneur de la région a décrété un couvre-feu dans trois communes.",
     ("gouverneur de la région", "gouverneur", "GOV")),
    ("Selon la porte-parole de la police, deux suspects ont été interpellés.",
     ("porte-parole de la police", "porte-parole", "COP")),
])
def test_a_definite_title_phrase_is_a_person(text, person):
    assert person in people(text)


def test_plural_or_bare_titles_name_nobody():
    assert people("Les ministres de la Défense se retrouveront à Lomé et il sera nommé ministre en mai.") == []


def test_a_quote_of_the_army_spokesman_is_his():
    record = french("« Les assaillants ont été repoussés », a déclaré le porte-parole de l'armée.")
    [quote] = record.quotes
    [speaker] = [e for e in record.entities if e.id == quote.speaker_entity]
    assert (speaker.type, speaker.role, speaker.sector) == ("PERSON", "porte-parole", "MIL")
    assert speaker.name == "porte-parole de l'armée"


def test_the_defence_minister_acts_in_an_event():
    record = french("Le ministre de la Défense a condamné l'attaque contre le camp militaire.")
    [condemn] = [e for e in record.events if e.trigger.text == "condamné"]
    [actor] = condemn.actors
    [minister] = [e for e in record.entities if e.id == actor.entity]
    assert (minister.type, minister.name) == ("PERSON", "ministre de la Défense")
    assert minister.role == "ministre de la Défense"
    assert actor.code == "GOV"


def test_the_french_model_s_organisation_reading_of_a_title_is_dropped():
    found = [(e.type, e.name) for e in french("Le ministre de la Justice a saisi le parquet.").entities]
    assert ("ORG", "ministre de la Justice") not in found
    assert ("PERSON", "ministre de la Justice") in found


# An indefinite title names someone when something qualifies it.
@pytest.mark.parametrize(("text", "person"), [
    ("Un responsable local a affirmé que le pont avait été détruit.", ("responsable local", "responsable", "GOV")),
    ("Un haut responsable militaire a confirmé l'embuscade.",
     ("haut responsable militaire", "haut responsable", "MIL")),
    ("Une porte-parole de l'ONU a appelé au calme.", ("porte-parole de l'ONU", "porte-parole", "IGO")),
])
def test_a_qualified_indefinite_title_is_a_person(text, person):
    assert person in people(text)


def test_a_bare_indefinite_title_names_nobody():
    assert people("Un ministre doit être désigné avant la fin du mois.") == []


# A title before a name, or in apposition after it, is that person's role.
@pytest.mark.parametrize(("text", "person"), [
    ("Le colonel Issa Tandja a pris le commandement de la zone.", ("Issa Tandja", "colonel", "MIL")),
    ("Le ministre de la Défense, Paul Ebanga, a visité les blessés.", ("Paul Ebanga", "ministre de la Défense", "GOV")),
    ("Marie Kaboré, préfète de la province, a ordonné l'évacuation.", ("Marie Kaboré", "préfète", "GOV")),
])
def test_a_title_beside_a_name_is_its_role(text, person):
    assert person in people(text)


def test_an_adjective_after_a_title_is_no_title_of_its_own():
    [(name, role, code)] = people("Le directeur général Alain Boka a quitté ses fonctions.")
    assert (name, role, code) == ("Alain Boka", "directeur", "GOV")


def test_a_name_with_an_age_in_apposition_has_no_role():
    assert people("Ibrahim Sanou, 42 ans, a été blessé au marché.") == [("Ibrahim Sanou", None, None)]


# The country of a title: a French adjective or country name in the phrase.
@pytest.mark.parametrize(("text", "person"), [
    ("Le ministre malien de la Défense a démenti ces accusations.",
     ("ministre malien de la Défense", "ministre de la Défense", "MLIGOV")),
    ("Le ministre de l'Intérieur tchadien a annoncé des renforts.",
     ("ministre de l'Intérieur tchadien", "ministre de l'Intérieur", "TCDGOV")),
    ("Le porte-parole du gouvernement burkinabè a dénoncé une attaque lâche.",
     ("porte-parole du gouvernement burkinabè", "porte-parole", "BFAGOV")),
])
def test_the_country_of_a_title(text, person):
    assert person in people(text)


def test_a_title_without_a_country_word_has_none():
    assert people("Le ministre de la Santé a visité l'hôpital.") == [
        ("ministre de la Santé", "ministre de la Santé", "GOV")]


# A former holder is an elite, not in office.
@pytest.mark.parametrize(("text", "name"), [
    ("L'ancien ministre Jean Kouassi a été arrêté.", "Jean Kouassi"),
    ("L'ancien président Omar Dembélé a quitté le pays.", "Omar Dembélé"),
    ("L'ancienne ministre Awa Diallo a été entendue par les juges.", "Awa Diallo"),
])
def test_a_former_holder_is_an_elite(text, name):
    assert [code for n, _, code in people(text) if n == name] == ["ELI"]


def test_a_title_in_office_is_no_elite():
    assert ("Jean Kouassi", "ministre", "GOV") in people("Le ministre Jean Kouassi a été reçu à la présidence.")
