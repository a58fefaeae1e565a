"""The helpers other steps use: actor_code, entity_at, actor_at."""

from __future__ import annotations

import pytest

from eventwire.extract.base import Found
from eventwire.extract.entities import actor_at, actor_code, entities, entity_at
from eventwire.records import Entity, Span


def phrase(parsed, text, words):
    doc = parsed(text).doc
    start = text.index(words)
    return doc.char_span(start, start + len(words))


@pytest.mark.parametrize(
    ("sentence", "words", "expected"),
    [
        ("Georgian troops entered the village.", "Georgian troops", ("GEO", "MIL")),
        ("The move angered the Russian government.", "the Russian government", ("RUS", "GOV")),
        ("Hungarian officials met on Tuesday.", "Hungarian officials", ("HUN", "GOV")),
        ("The White House declined to comment.", "The White House", ("USA", "GOV")),
        ("Israeli police detained two men.", "Israeli police", ("ISR", "COP")),
        ("Observers from the OSCE arrived.", "the OSCE", (None, "IGO")),
        ("A spokesman for the rebels denied it.", "A spokesman for the rebels", (None, "REB")),
        ("Afghan rebel leaders met in Peshawar.", "Afghan rebel leaders", ("AFG", "REB")),
        ("Sudan's government rejected the plan.", "Sudan's government", ("SDN", "GOV")),
        ("Rebels in the Ivory Coast took the town.", "Rebels in the Ivory Coast", ("CIV", "REB")),
        ("The Kremlin said nothing.", "The Kremlin", ("RUS", "GOV")),
        ("Nigeria closed its border.", "Nigeria", ("NGA", "GOV")),
        ("A Saudi businessman paid the ransom.", "A Saudi businessman", ("SAU", "BUS")),
        ("An Argentine judge ordered the arrest.", "An Argentine judge", ("ARG", "JUD")),
        ("Chilean students marched.", "Chilean students", ("CHL", "EDU")),
        ("The men walked home.", "The men", (None, None)),
    ],
)
def test_actor_code(parsed, sentence, words, expected):
    assert actor_code(phrase(parsed, sentence, words)) == expected


def test_entity_at_prefers_the_closest_fit():
    outer = Entity("e1", "PERSON", "commander of the peacekeeping force", [Span(10, 46, "...")])
    inner = Entity("e2", "ORG", "peacekeeping force", [Span(28, 46, "...")])
    assert entity_at([outer, inner], 10, 46) is outer
    assert entity_at([outer, inner], 28, 46) is inner
    assert entity_at([outer, inner], 30, 35) is inner
    assert entity_at([outer, inner], 0, 5) is None


def test_actor_at_reads_the_span_words_first(parsed):
    text = "Hungarian and Romanian officials agreed to cooperate."
    doc = parsed(text)
    found = entities(doc, Found())
    start = text.index("Romanian")
    _, country, sector = actor_at(doc.doc, found, start, start + len("Romanian"))
    assert (country, sector) == ("ROU", "GOV")


@pytest.mark.parametrize(
    ("sentence", "words", "expected"),
    [
        ("The Dayton Police Department said it would investigate.", "The Dayton Police Department", (None, "COP")),
        ("The Polish Workers' Union called a strike.", "The Polish Workers' Union", ("POL", "LAB")),
        ("Bosnian Serbs shelled the road.", "Bosnian Serbs", ("BIH", "CVL")),
        ("Iraqi Kurds protested.", "Iraqi Kurds", ("IRQ", "CVL")),
        ("The state's needy residents waited.", "The state's needy residents", (None, "CVL")),
        ("A spokesman for NATO said.", "A spokesman for NATO", (None, "IGO")),
        ("Militants loyal to al-Qaeda attacked.", "Militants loyal to al-Qaeda", (None, "REB")),
    ],
)
def test_actor_code_of_names_and_owners(parsed, sentence, words, expected):
    assert actor_code(phrase(parsed, sentence, words)) == expected


def test_actor_at_takes_the_entity_at_the_head(parsed):
    text = "French National Assembly president Paul Marchal met the envoy."
    doc = parsed(text)
    found = entities(doc, Found())
    words = "French National Assembly president Paul Marchal"
    entity, country, sector = actor_at(doc.doc, found, 0, len(words))
    assert entity is not None and entity.name == "Paul Marchal"
    assert (country, sector) == ("FRA", "GOV")
