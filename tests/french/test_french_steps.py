"""Events, figures, quotes and places on French sentences written for these tests."""

from __future__ import annotations

import pytest

from helpers import extract_text


def french(text: str):
    return extract_text(text, "2031-03-10", lang="fr")


def event_types(text: str) -> list[tuple[str, str]]:
    return [(e.trigger.text, e.type) for e in french(text).events]


@pytest.mark.parametrize(("text", "trigger", "type_"), [
    ("Des hommes armés ont attaqué le village de Kamango dimanche.", "attaqué", "ASSAULT"),
    ("L'aviation a bombardé les positions rebelles près de Kidal.", "bombardé", "ASSAULT"),
    ("Les soldats ont tiré sur la foule devant la mairie.", "tiré", "ASSAULT"),
    ("Des inconnus ont incendié l'école du quartier.", "incendié", "ASSAULT"),
    ("Des milliers de personnes ont manifesté lundi à Niamey.", "manifesté", "PROTEST"),
    ("Le gouvernement a accusé l'opposition de préparer des troubles.", "accusé", "ACCUSE"),
    ("Des bandits ont enlevé deux enseignants sur la route de Kaya.", "enlevé", "ASSAULT"),
    ("Les soldats ont affronté des rebelles près du pont.", "affronté", "ASSAULT"),
    ("Des pillards ont pillé les entrepôts du port.", "pillé", "COERCE"),
    ("Au moins vingt civils ont été tués par des rebelles.", "tués", "ASSAULT"),
])
def test_french_triggers_give_plover_types(text, trigger, type_):
    assert (trigger, type_) in event_types(text)


def test_a_french_sentence_without_an_event_gives_none():
    assert event_types("Le marché de la ville ouvre ses portes chaque matin.") == []


def figures(text: str) -> list[tuple[str, str | None, float | None]]:
    return [(f.text, f.category, f.quantity.value if f.quantity else None) for f in french(text).figures]


def test_figures_in_words_with_at_least():
    assert ("Au moins vingt civils", "killed", 20) in figures("Au moins vingt civils ont été tués dans l'attaque.")


def test_figures_with_spaces_between_thousands():
    assert ("Plus de 3 000 personnes", "fled", 3000) in figures("Plus de 3 000 personnes ont fui leurs villages.")


def test_rough_french_amounts():
    found = figures("Une quinzaine de villageois ont été blessés.")
    assert [(category, value) for _, category, value in found] == [("injured", 15)]


def test_a_date_is_not_a_figure():
    assert figures("La réunion aura lieu le 12 mars à Dakar.") == []


def test_a_french_reporting_verb_with_a_que_clause():
    [quote] = french("Le porte-parole de l'armée a indiqué que trois soldats avaient été tués.").quotes
    assert quote.content.text == "que trois soldats avaient été tués"
    assert quote.speaker.text == "Le porte-parole de l'armée"


def test_a_quotation_in_guillemets_is_found():
    record = french("Le ministre a déclaré : « Nous ne reculerons pas devant ces groupes armés qui menacent la "
                    "population. »")
    assert [q.speaker.text for q in record.quotes] == ["Le ministre"]
    assert record.quotes[0].content.text.startswith("« Nous ne reculerons pas")


def test_a_french_sentence_without_a_cue_has_no_quote():
    assert french("Les rebelles ont attaqué le village dimanche.").quotes == []


@pytest.mark.parametrize(("text", "country"), [
    ("Des soldats ont été tués au Tchad, près de la frontière.", "TD"),
    ("Les combats ont repris dans le Nord-Kivu.", "CD"),
    ("Des jihadistes sont entrés dans Tombouctou.", "ML"),
    ("Le port a été fermé en Côte d'Ivoire.", "CI"),
])
def test_french_place_names_resolve(text, country):
    assert country in [p.country for p in french(text).places]


def test_perir_counts_the_dead_and_perimetre_counts_nothing():
    assert ("12 soldats", "killed", 12) in figures("Le 8 mars, 12 soldats avaient péri dans une embuscade.")
    assert figures("Le périmètre de sécurité compte trois barrages.") == []
