"""French patterns, each with three sentences written for these tests that it must get right and one it must
leave alone: who acts in a passive ("tués par X"), who claims an attack ("revendiqué par X"), the inverted
subject of an inserted cue ("« … », a déclaré X"), "selon X" as a cue, people named by the French model, and
"une quinzaine de blessés" as a count rather than a fortnight."""

from __future__ import annotations

import pytest

from helpers import extract_text


def french(text: str):
    return extract_text(text, "2031-03-10", lang="fr")


def actors_of(text: str, trigger: str) -> list[str]:
    event = next(e for e in french(text).events if e.trigger.text == trigger)
    return [a.text for a in event.actors]


@pytest.mark.parametrize(("text", "trigger", "actor"), [
    ("Au moins vingt civils ont été tués par des rebelles près de Beni.", "tués", "des rebelles"),
    ("Trois policiers ont été blessés par des hommes armés à Kaya.", "blessés", "des hommes armés"),
    ("Le convoi a été attaqué par des jihadistes sur la route de Gao.", "attaqué", "des jihadistes"),
])
def test_the_agent_of_a_french_passive_is_the_actor(text, trigger, actor):
    assert actors_of(text, trigger) == [actor]


def test_a_passive_without_agent_names_no_actor():
    assert actors_of("Au moins vingt civils ont été tués près de Beni.", "tués") == []


@pytest.mark.parametrize(("text", "trigger", "actor"), [
    ("L'attaque a été revendiquée par le groupe Ansar Dine.", "attaque", "le groupe Ansar Dine"),
    ("L'embuscade a été revendiquée par les rebelles du M23.", "embuscade", "les rebelles du M23"),
    ("Le mouvement Katiba Macina a revendiqué l'attentat de Sévaré.", "attentat", "Katiba Macina"),
])
def test_who_claims_an_attack_made_it(text, trigger, actor):
    assert actors_of(text, trigger) == [actor]


def test_an_attack_that_is_only_condemned_has_no_actor_from_it():
    assert actors_of("Le gouvernement a condamné l'attaque de Sévaré.", "attaque") == []


def speakers(text: str) -> list[str | None]:
    return [q.speaker.text if q.speaker else None for q in french(text).quotes]


@pytest.mark.parametrize(("text", "speaker"), [
    ("« Les assaillants sont venus à moto », a déclaré un élu local.", "un élu local"),
    ("« Nous avons perdu trois hommes », a reconnu un officier de la garnison.", "un officier de la garnison"),
    ("« La route est coupée depuis lundi », a expliqué le maire de la commune.", "le maire de la commune"),
])
def test_the_inverted_subject_of_an_inserted_cue_speaks(text, speaker):
    assert speakers(text) == [speaker]


def test_an_inserted_cue_with_its_own_subject_keeps_it():
    assert speakers("« La route est coupée », le maire a expliqué la situation.") == ["le maire"]


def quotes(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker.text if q.speaker else None, q.content.text) for q in french(text).quotes]


@pytest.mark.parametrize(("text", "speaker", "content"), [
    ("Selon le ministre de la Défense, quinze soldats ont été blessés.", "le ministre de la Défense",
     "quinze soldats ont été blessés"),
    ("Douze civils ont été tués lundi dans le village, selon des sources locales.", "des sources locales",
     "Douze civils ont été tués lundi dans le village"),
    ("Selon la Croix-Rouge, deux mille familles ont fui les combats.", "la Croix-Rouge",
     "deux mille familles ont fui les combats"),
])
def test_selon_x_attributes_its_sentence_to_x(text, speaker, content):
    assert quotes(text) == [(speaker, content)]


def test_selon_that_names_no_source_is_no_quote():
    assert quotes("Les prix du mil varient selon la saison des pluies.") == []


@pytest.mark.parametrize(("text", "name"), [
    ("Le colonel Amadou Keïta commande la garnison de Mopti.", "Amadou Keïta"),
    ("Le président Issa Baldé a reçu les délégués lundi.", "Issa Baldé"),
    ("Marie Dufour, porte-parole de l'ONG, est arrivée à Goma.", "Marie Dufour"),
])
def test_french_people_are_people(text, name):
    assert (name, "PERSON") in [(e.name, e.type) for e in french(text).entities]


def test_a_french_town_is_not_a_person():
    assert "PERSON" not in [e.type for e in french("La ville de Mopti est calme depuis lundi.").entities]


def times(text: str) -> list[str]:
    return [t.text for t in french(text).times]


@pytest.mark.parametrize("text", [
    "Une quinzaine de blessés ont été évacués vers Gao.",
    "Une dizaine de maisons ont brûlé dans la nuit.",
    "Une centaine de manifestants se sont rassemblés devant la mairie.",
])
def test_an_approximate_count_of_people_or_things_is_no_time(text):
    assert not any("quinzaine" in t or "dizaine" in t or "centaine" in t for t in times(text))


def test_an_approximate_count_of_days_is_still_a_duration():
    assert any("dizaine de jours" in t or t.startswith("une dizaine") for t in times(
        "Les combats ont duré une dizaine de jours."))


def test_a_length_of_time_followed_by_de_stays_a_duration():
    assert "deux ans" in times("Il a été condamné à deux ans de prison ferme.")
