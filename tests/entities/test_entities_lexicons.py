"""The actor lexicons are well formed: ISO 3166 alpha-3 codes, known sectors, entries that resolve."""

from __future__ import annotations

import re

import pytest

from eventwire.extract.actors.lexicon import actor_lexicon
from eventwire.lexicons import rows

SECTORS = {"GOV", "MIL", "REB", "OPP", "CVL", "MED", "IGO", "NGO", "COP", "REF", "BUS", "JUD", "LEG", "EDU", "HLH",
           "REL", "SPY", "UAF", "CRM", "LAB", "AGR", "PTY", "IMG", "MNC", "ELI", "PRM"}
ISO3 = re.compile(r"^[A-Z]{3}$")


def test_country_codes_are_alpha3():
    lexicon = actor_lexicon()
    assert all(ISO3.match(place.iso3) for place in lexicon.places.values())
    assert all(o.country is None or ISO3.match(o.country) for o in lexicon.organisations.values())
    assert all(p.country is None or ISO3.match(p.country) for p in lexicon.people.values())


def test_sectors_are_known_codes():
    lexicon = actor_lexicon()
    assert {t.sector for t in lexicon.titles_by_key.values()} <= SECTORS
    assert {n.sector for n in lexicon.nouns_by_key.values()} <= SECTORS
    assert set(lexicon.modifiers.values()) <= SECTORS
    assert {o.sector for o in lexicon.organisations.values()} <= SECTORS
    assert {p.sector for p in lexicon.people.values()} <= SECTORS


@pytest.mark.parametrize(
    ("word", "iso3", "kind"),
    [("Georgia", "GEO", "country"), ("Georgian", "GEO", "adjective"), ("Georgians", "GEO", "people"),
     ("South Ossetia", "GEO", "region"), ("Moscow", "RUS", "capital"), ("U.S.", "USA", "country"),
     ("RUSSIA", "RUS", "country"), ("the Netherlands", "NLD", "country")],
)
def test_place_words(word, iso3, kind):
    place = actor_lexicon().place(word)
    assert place is not None and (place.iso3, place.kind) == (iso3, kind)


def test_lower_case_words_are_not_countries():
    assert actor_lexicon().place("us") is None
    assert actor_lexicon().place("chad") is None


def test_every_country_row_has_a_name():
    for iso3, names, *_ in rows("actor_countries.tsv"):
        assert names, iso3
