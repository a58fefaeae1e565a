"""ACLED coding of French events: the French cue words and actor nouns (lexicons/fr/acled_cues.json,
lexicons/fr/acled_kinds.tsv) feed the same decision rules as English. Sentences written for these tests."""

from __future__ import annotations

import pytest

from helpers import extract_text


def codes(text: str) -> list[dict]:
    return [e.acled for e in extract_text(text, "2031-04-14", lang="fr").events if e.acled]


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("Des jihadistes ont attaqué dimanche le village de Korbel et tué douze civils.", "Attack"),
    ("Les soldats ont affronté des rebelles lundi près de la frontière.", "Armed clash"),
    ("Une frappe de drone a touché un marché de la ville de Dorsa, tuant sept personnes.", "Air/drone strike"),
    ("Des centaines de manifestants ont défilé pacifiquement mardi dans les rues de Vanta.", "Peaceful protest"),
    ("La police a dispersé les manifestants à coups de gaz lacrymogène devant le parlement.",
     "Protest with intervention"),
    ("Des hommes armés ont enlevé vingt élèves dans une école de Marsa.", "Abduction/forced disappearance"),
    ("Un engin explosif improvisé a explosé au passage d'un convoi militaire, tuant trois soldats.",
     "Remote explosive/landmine/IED"),
    ("Les rebelles se sont emparés de la ville de Korbel après deux jours de combats.",
     "Non-state actor overtakes territory"),
    ("L'armée a repris le contrôle de la ville de Korbel, a annoncé un porte-parole.", "Government regains territory"),
    ("Un kamikaze s'est fait exploser devant une mosquée de Marsa, tuant cinq fidèles.", "Suicide bomb"),
    ("Des obus sont tombés sur un quartier de Dorsa, blessant quatre enfants.", "Shelling/artillery/missile attack"),
])
def test_french_events_get_their_acled_sub_event_type(text, sub_event_type):
    assert sub_event_type in [c["sub_event_type"] for c in codes(text)]


def test_french_actor_nouns_give_the_inter_codes():
    # soldiers (1) against rebels (2), read off the French parse (subject and object in UD labels)
    assert [(c["inter1"], c["inter2"], c["interaction"]) for c in codes(
        "Les soldats ont affronté des rebelles lundi près de la frontière.")] == [(1, 2, 12)]
    found = codes("Des jihadistes ont attaqué dimanche le village de Korbel et tué douze civils.")
    assert found and all((c["inter1"], c["interaction"]) == (2, 27) for c in found)


@pytest.mark.parametrize("text", [
    "Le ministre a inauguré une nouvelle école à Vanta en présence des parents d'élèves.",
    "Des inondations ont fait dix morts dans la région de Dorsa, selon la protection civile.",
    "Un carambolage sur l'autoroute a fait trois blessés près de Vanta.",
])
def test_french_sentences_that_are_no_political_violence_get_no_acled_code(text):
    assert codes(text) == []


def test_french_cues_name_the_english_cues_with_their_families_and_tags():
    from eventwire.extract.acled.lexicon import cues

    english, french = cues("en"), cues("fr")
    assert len(french) >= 30
    assert {name: (c.family, c.tags) for name, c in french.items()} == \
        {name: (english[name].family, english[name].tags) for name in french}
