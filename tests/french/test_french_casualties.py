"""The casualties step on French reports (lexicons/fr/casualty_words.tsv, casualty_none.tsv): a word of death
counts one, "aucune victime" and "personne n'a été blessé" count none. Sentences written for these tests."""

from __future__ import annotations

import pytest

from helpers import extract_text


def main_counts(text: str) -> dict[str, tuple[int, str]]:
    record = extract_text(text, "2031-04-14", lang="fr")
    return {c.kind: (c.value, c.basis) for c in record.casualties if c.main}


@pytest.mark.parametrize(("text", "expected"), [
    ("Un soldat a été tué et deux autres ont été blessés dimanche dans une embuscade près de Korbel.",
     {"killed": 1, "injured": 2}),
    ("Un casque bleu a été tué lundi près de Korbel, a annoncé la mission.", {"killed": 1}),
    ("Au moins douze civils ont été tués dans l'attaque du marché de Korbel.", {"killed": 12}),
    ("Aucune victime n'est à déplorer après l'explosion d'un engin près de Korbel.", {"killed": 0, "injured": 0}),
    ("Personne n'a été blessé lors de l'explosion d'un obus près du marché de Korbel.", {"injured": 0}),
])
def test_french_reports_count_their_dead_and_wounded(text, expected):
    found = main_counts(text)
    assert {kind: found[kind][0] for kind in expected} == expected


def test_a_person_hurt_is_no_statement_of_none():
    found = main_counts("Une personne a été blessée lors de l'explosion d'un obus près du marché de Korbel.")
    assert found["injured"][0] == 1


def test_a_french_report_without_harm_counts_nothing():
    assert main_counts("Le marché de Korbel a rouvert lundi après trois semaines de travaux.") == {}


def test_a_french_roundup_total_is_no_count_of_one_happening():
    # the French words of several happenings ("dans deux attaques distinctes") are read as the English ones
    found = main_counts("Cinq personnes ont été blessées dans deux attaques distinctes lundi. Un homme a été blessé "
                        "par balle près du marché de Korbel.")
    assert found["injured"][0] == 1
