"""The French patterns of attribution/french.py, eventcoding/french.py and line_breaks.py: for each, three
sentences written for these tests it must read right and one it must leave alone."""

from __future__ import annotations

import pytest

from helpers import extract_text


def french(text: str):
    return extract_text(text, "2031-05-20", lang="fr")


def quotes(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker.text if q.speaker else None, q.content.text) for q in french(text).quotes]


@pytest.mark.parametrize(("text", "speaker", "content"), [
    ("Deux ponts ont été détruits près de Gao, a indiqué le gouverneur de la région.",
     "le gouverneur de la région", "Deux ponts ont été détruits près de Gao"),
    ("« Nous ne savons pas où sont nos enfants », a raconté une mère de famille.",
     "une mère de famille", "« Nous ne savons pas où sont nos enfants »"),
    ("Les routes sont coupées depuis mardi, a affirmé mercredi le maire de Mopti.",
     "le maire de Mopti", "Les routes sont coupées depuis mardi"),
])
def test_an_inverted_subject_after_the_cue_is_the_speaker(text, speaker, content):
    assert (speaker, content) in quotes(text)


def test_a_cue_with_its_subject_before_it_keeps_that_subject():
    assert quotes("Le gouverneur a indiqué que deux ponts avaient été détruits.") == [
        ("Le gouverneur", "que deux ponts avaient été détruits")]


@pytest.mark.parametrize(("text", "speaker", "content"), [
    ("Selon la gendarmerie, trois camions ont été incendiés sur l'axe principal.",
     "la gendarmerie", "trois camions ont été incendiés sur l'axe principal"),
    ("Des tirs ont été entendus toute la nuit, selon des habitants du quartier.",
     "des habitants du quartier", "Des tirs ont été entendus toute la nuit"),
    ("Selon le chef du village, les récoltes ont été pillées.",
     "le chef du village", "les récoltes ont été pillées"),
])
def test_selon_set_off_by_a_comma_attributes_its_sentence(text, speaker, content):
    assert (speaker, content) in quotes(text)


def test_selon_without_a_comma_is_no_attribution():
    assert quotes("Les prix du riz varient selon la saison des pluies.") == []


def arguments(text: str) -> list[tuple[str, list[str], list[str]]]:
    return [(e.type, [a.text for a in e.actors], [r.text for r in e.recipients]) for e in french(text).events]


@pytest.mark.parametrize(("text", "actor", "recipient"), [
    ("Trois gendarmes ont été tués par des jihadistes.", "des jihadistes", "Trois gendarmes"),
    ("Les passagers ont été blessés au couteau par un inconnu.", "un inconnu", "Les passagers"),
    ("Des commerçants ont été abattus par des hommes armés.", "des hommes armés", "Des commerçants"),
])
def test_a_passive_agent_acts_and_its_subject_receives(text, actor, recipient):
    assert ("ASSAULT", [actor], [recipient]) in arguments(text)


@pytest.mark.parametrize(("text", "actor", "recipient"), [
    ("Des rebelles ont attaqué un convoi humanitaire.", "Des rebelles", "un convoi humanitaire"),
    ("Des militaires ont tiré sur des manifestants.", "Des militaires", "des manifestants"),
    ("Des miliciens ont incendié trois maisons.", "Des miliciens", "trois maisons"),
])
def test_an_active_verb_has_its_subject_act_on_its_object(text, actor, recipient):
    assert ("ASSAULT", [actor], [recipient]) in arguments(text)


def test_a_passive_without_an_agent_names_no_actor():
    assert ("ASSAULT", [], ["Deux policiers"]) in arguments("Deux policiers ont été blessés mardi.")


@pytest.mark.parametrize(("text", "actor"), [
    ("L'État islamique a revendiqué l'attentat contre la caserne.", "L'État islamique"),
    ("Un groupe armé a revendiqué l'attaque du poste frontière.", "Un groupe armé"),
    ("Les rebelles ont revendiqué l'embuscade tendue aux soldats.", "Les rebelles"),
])
def test_who_claims_an_attack_made_it(text, actor):
    assert any(e.type == "ASSAULT" and actor in [a.text for a in e.actors] for e in french(text).events)


def test_who_condemns_an_attack_did_not_make_it():
    found = [e for e in french("Le préfet a condamné l'attaque du poste frontière.").events if e.type == "ASSAULT"]
    assert found
    assert found[0].actors == []


@pytest.mark.parametrize(("text", "recipient"), [
    ("L'attaque contre la caserne a duré deux heures.", "la caserne"),
    ("Le bombardement contre le marché a fait des victimes.", "le marché"),
    ("L'attaque menée contre le camp a été repoussée.", "le camp"),
])
def test_an_attack_noun_is_aimed_at_its_contre_complement(text, recipient):
    assert any(recipient in [r.text for r in e.recipients] for e in french(text).events if e.type == "ASSAULT")


def test_an_attack_noun_without_contre_has_no_recipient():
    found = [e for e in french("L'attaque a duré deux heures.").events if e.type == "ASSAULT"]
    assert found
    assert found[0].recipients == []


@pytest.mark.parametrize("text", [
    "Mali : des tirs à Gao\nLes habitants ont fui, a indiqué le maire.",
    "Titre de la dépêche\n« Nous partons », a lancé un soldat.",
    "Niger : la route est coupée\nSelon la police, le pont a cédé.",
])
def test_a_line_break_ends_a_french_sentence(text):
    from helpers import parse_text
    doc = parse_text(text, "2031-05-20", lang="fr").doc
    second = text.index("\n") + 1
    assert any(s.start_char == second for s in doc.sents)


def test_a_french_sentence_without_a_line_break_stays_whole():
    from helpers import parse_text
    doc = parse_text("Les habitants ont fui vers Gao et Mopti.", "2031-05-20", lang="fr").doc
    assert len(list(doc.sents)) == 1


def times(text: str) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in french(text).times]


@pytest.mark.parametrize("text", [
    "Neuf soldats ont été tués et une quinzaine d'autres blessés.",
    "Une quinzaine de villageois ont fui vers la ville.",
    "Une quinzaine de camions ont franchi la frontière.",
])
def test_une_quinzaine_of_people_or_things_is_no_duration(text):
    assert times(text) == []


def test_une_quinzaine_alone_or_of_days_is_a_duration():
    assert times("Les combats ont duré une quinzaine.") == [("une quinzaine", "P2W")]
    assert times("Le siège a duré une quinzaine de jours.") == [("une quinzaine de jours", "P15D")]
