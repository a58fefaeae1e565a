"""What French says of an event's reality: negated ("ne … pas"), planned or threatened (the future, "aller"
+ infinitive, "menacer de"), hypothetical (the conditional, "pouvoir", "risquer de"), read off the French
parse's morphology and Universal Dependencies labels. Sentences written for these tests."""

from __future__ import annotations

import pytest

from helpers import extract_text


def statuses(text: str) -> list[tuple[str, str, str]]:
    return [(e.type, e.trigger.text, e.status) for e in extract_text(text, "2031-04-14", lang="fr").events]


@pytest.mark.parametrize(("text", "trigger"), [
    ("Les rebelles n'ont pas attaqué le village de Korbel.", "attaqué"),
    ("Les rebelles n'ont jamais attaqué le camp de Korbel.", "attaqué"),
    ("Aucun civil n'a été tué dans l'attaque du marché.", "tué"),
])
def test_ne_pas_negates_the_event(text, trigger):
    assert ("ASSAULT", trigger, "negated") in statuses(text)


def test_ne_que_restricts_and_does_not_negate():
    assert ("ASSAULT", "tué", "asserted") in statuses("Les rebelles n'ont tué que deux soldats près de Korbel.")


@pytest.mark.parametrize(("text", "trigger"), [
    ("Les rebelles vont attaquer le village de Korbel.", "attaquer"),
    ("Les rebelles attaqueront le village de Korbel demain.", "attaqueront"),
    ("Les jihadistes prévoient d'attaquer Korbel.", "attaquer"),
])
def test_a_future_attack_is_a_threat(text, trigger):
    assert ("THREATEN", trigger, "threatened") in statuses(text)


def test_menacer_de_is_one_threat_and_no_attack():
    found = statuses("Les rebelles menacent d'attaquer le village de Korbel.")
    assert found[0][0] == "THREATEN" and not any(t == "ASSAULT" for t, _, _ in found)


@pytest.mark.parametrize(("text", "trigger"), [
    ("Les rebelles pourraient attaquer le village de Korbel.", "attaquer"),
    ("Les rebelles risquent d'attaquer le village de Korbel.", "attaquer"),
    ("Les rebelles pourraient bombarder le camp de Korbel.", "bombarder"),
])
def test_the_conditional_and_pouvoir_make_an_event_hypothetical(text, trigger):
    assert ("ASSAULT", trigger, "hypothetical") in statuses(text)


@pytest.mark.parametrize("text", [
    "Les rebelles ont attaqué le village de Korbel dimanche.",
    "Les rebelles ont lancé une attaque contre Korbel dimanche.",
])
def test_a_past_attack_stays_asserted(text):
    assert [s for _, _, s in statuses(text)] == ["asserted"]


@pytest.mark.parametrize(("text", "trigger"), [
    ("Les rebelles auraient tué dix civils à Korbel.", "tué"),
    ("Un prêtre aurait été enlevé dimanche près de Korbel.", "enlevé"),
    ("Des hommes armés auraient attaqué un convoi humanitaire près de Korbel.", "attaqué"),
])
def test_the_press_conditional_of_an_unconfirmed_report_is_a_claim(text, trigger):
    # "auraient tué": reportedly killed; the conditional is on the auxiliary, the event is reported, not supposed
    assert ("ASSAULT", trigger, "claimed") in statuses(text)
