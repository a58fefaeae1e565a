"""Checks on four French reports of our own (tests/french/reports.py), counted the way the issue counts them:
times, quotes, events and places; at least 26 of the 30 must hold."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.french.reports import REPORTS

from eventwire.records import DocumentRecord
from helpers import extract_text

Check = tuple[str, str, Callable[[DocumentRecord], bool]]


def time_is(text: str, value: str) -> Callable[[DocumentRecord], bool]:
    return lambda r: any(t.text == text and t.value == value for t in r.times)


def quote_by(speaker: str, content_start: str) -> Callable[[DocumentRecord], bool]:
    return lambda r: any(q.speaker is not None and q.speaker.text == speaker
                         and q.content.text.lstrip("« ").startswith(content_start) for q in r.quotes)


def event(type_: str, actor: str | None = None, recipient: str | None = None) -> Callable[[DocumentRecord], bool]:
    def found(r: DocumentRecord) -> bool:
        return any(e.type == type_ and (actor is None or actor in [a.text for a in e.actors])
                   and (recipient is None or recipient in [a.text for a in e.recipients]) for e in r.events)
    return found


def place(text: str, country: str) -> Callable[[DocumentRecord], bool]:
    return lambda r: any(p.text == text and p.country == country for p in r.places)


def no_place(text: str) -> Callable[[DocumentRecord], bool]:
    return lambda r: not any(p.text == text for p in r.places)


CHECKS: list[Check] = [
    ("mali", "time", time_is("dimanche", "2031-04-13")),
    ("mali", "time", time_is("18 heures", "2031-04-13T18:00")),
    ("mali", "quote", quote_by("un habitant joint par téléphone", "Les assaillants sont arrivés")),
    ("mali", "quote", quote_by("Le porte-parole de l'armée malienne, le colonel Souleymane Traoré",
                               "que des renforts")),
    ("mali", "quote", quote_by("un élu local", "plus de 1 500 personnes")),
    ("mali", "event", event("ASSAULT", actor="Les assaillants")),
    ("mali", "place", place("Tombouctou", "ML")),
    ("mali", "place", place("Mali", "ML")),
    ("kivu", "time", time_is("la nuit de samedi à dimanche", "2031-05-31TNI")),
    ("kivu", "time", time_is("il y a deux semaines", "2031-W21")),
    ("kivu", "quote", quote_by("l'armée congolaise", "Des rebelles des ADF")),
    ("kivu", "quote", quote_by("la société civile locale", "Les victimes")),
    ("kivu", "quote", quote_by("le maire de la ville", "Nous avons retrouvé")),
    ("kivu", "event", event("ASSAULT", actor="Des rebelles des ADF", recipient="quatorze personnes")),
    ("kivu", "event", event("ASSAULT", actor="des assaillants", recipient="Les victimes")),
    ("kivu", "place", place("Nord-Kivu", "CD")),
    ("kivu", "place", place("Beni", "CD")),
    ("niamey", "time", time_is("samedi", "2031-09-20")),
    ("niamey", "time", time_is("le 1er octobre", "2031-10-01")),
    ("niamey", "quote", quote_by("Le ministre de l'Intérieur", "que quarante-deux personnes")),
    ("niamey", "quote", quote_by("un responsable syndical", "Nous reviendrons")),
    ("niamey", "event", event("PROTEST", actor="Des milliers de personnes")),
    ("niamey", "event", event("ASSAULT", actor="La police", recipient="les manifestants")),
    ("niamey", "place", place("Niamey", "NE")),
    ("tchad", "time", time_is("jeudi", "2031-11-06")),
    ("tchad", "quote", quote_by("le ministre de la Défense", "Neuf soldats")),
    ("tchad", "event", event("ASSAULT", recipient="Neuf soldats")),
    ("tchad", "event", event("ASSAULT", recipient="une base militaire")),
    ("tchad", "place", place("Tchad", "TD")),
    ("tchad", "place", no_place("Haram")),
]


@pytest.fixture(scope="module")
def records() -> dict[str, DocumentRecord]:
    return {name: extract_text(text, date, lang="fr") for name, (date, text) in REPORTS.items()}


def test_there_are_thirty_checks_on_four_reports():
    assert len(CHECKS) == 30
    assert {name for name, _, _ in CHECKS} == set(REPORTS)


def test_at_least_26_of_30_checks_hold(records):
    failed = [(name, kind, i) for i, (name, kind, check) in enumerate(CHECKS) if not check(records[name])]
    assert len(CHECKS) - len(failed) >= 26, failed
