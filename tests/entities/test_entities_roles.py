"""Named people with their roles, countries and sectors, each one entity with all its mentions."""

from __future__ import annotations

import pytest

from eventwire.extract.base import Found
from eventwire.extract.entities import entities

TEXT = (
    "Ruritanian Defence Minister Anton Velikov said on Monday that Kazakh troops had crossed the river.\n"
    "Marta Ostrova, a Polish radio correspondent who reached the town late on Sunday, said civilians were "
    "leaving by the hundreds.\n"
    "\"The shelling has not stopped for a minute,\" she said.\n"
    "Velikov later told reporters the army would hold its positions.\n"
    "President Ilham Torosyan, in turn, said Armenia would not accept the ultimatum.\n"
    "Speaking in Paris, French Prime Minister Claude Martel urged restraint. The French Prime Minister also "
    "called the Armenian President, who he said had promised a ceasefire.\n"
    "Transnistria's rebel leader Oleg Bratu claimed his fighters controlled the bridge.\n"
)


@pytest.fixture(scope="module")
def found(request):
    from helpers import parse_text

    return entities(parse_text(TEXT), Found())


def by_name(found, name):
    matches = [e for e in found if name in e.name]
    assert len(matches) == 1, [e.name for e in found]
    return matches[0]


def mention_texts(entity):
    return [m.text for m in entity.mentions]


def test_title_gives_role_country_and_sector(found):
    velikov = by_name(found, "Velikov")
    assert velikov.name == "Anton Velikov"
    assert velikov.type == "PERSON"
    assert (velikov.role, velikov.sector) == ("Defence Minister", "GOV")
    assert mention_texts(velikov) == ["Anton Velikov", "Velikov"]


def test_apposition_gives_role_and_country(found):
    ostrova = by_name(found, "Ostrova")
    assert (ostrova.role, ostrova.country, ostrova.sector) == ("radio correspondent", "POL", "MED")
    assert ostrova.code == "POLMED"


def test_pronoun_after_quote_joins_the_speaker(found):
    ostrova = by_name(found, "Ostrova")
    assert "she" in mention_texts(ostrova)


def test_bare_state_title_takes_country_from_its_sentence(found):
    torosyan = by_name(found, "Torosyan")
    assert (torosyan.role, torosyan.country, torosyan.sector) == ("President", "ARM", "GOV")


def test_title_phrase_joins_the_named_holder(found):
    martel = by_name(found, "Martel")
    assert (martel.role, martel.country) == ("Prime Minister", "FRA")
    texts = mention_texts(martel)
    assert texts[0] == "Claude Martel"
    assert "French Prime Minister" in texts


def test_possessive_region_before_rebel_title(found):
    bratu = by_name(found, "Bratu")
    assert (bratu.role, bratu.country, bratu.sector) == ("rebel leader", "MDA", "REB")
    assert "his" in mention_texts(bratu)


def test_mention_spans_index_the_text(found):
    for entity in found:
        for mention in entity.mentions:
            assert TEXT[mention.start:mention.end] == mention.text


def test_ids_follow_first_mention(found):
    assert [e.id for e in found] == [f"e{i}" for i in range(1, len(found) + 1)]
    firsts = [e.mentions[0].start for e in found]
    assert firsts == sorted(firsts)


def test_title_held_under_a_person_takes_their_country(parsed):
    text = ("Kazakh President Nurlan Abenov arrived in Minsk on Monday. "
            "Abenov spokesman Dias Temirov said the visit would last two days.")
    found = entities(parsed(text), Found())
    [temirov] = [e for e in found if e.name == "Dias Temirov"]
    assert (temirov.role, temirov.country) == ("spokesman", "KAZ")


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Former President Jan Novak spoke in Prague.", "Jan Novak", ("Former President", "ELI")),
        ("The ex-president, Askar Bekov, fled to Moscow.", "Askar Bekov", ("president", "ELI")),
        ("The head of the OSCE mission in Armenia, Lena Holm, said so.", "Lena Holm", ("head", "IGO")),
    ],
)
def test_former_officials_and_international_staff(parsed, text, name, expected):
    found = entities(parsed(text), Found())
    [person] = [e for e in found if e.name == name]
    assert (person.role, person.sector) == expected


def test_title_of_a_body_is_not_a_name(parsed):
    text = "Gen. Pavel Orlov, deputy chief of the Russian General Staff, said the troops would stay."
    found = entities(parsed(text), Found())
    assert not [e for e in found if e.name == "Staff"]
    [orlov] = [e for e in found if e.name == "Pavel Orlov"]
    assert (orlov.role, orlov.country, orlov.sector) == ("Gen.", "RUS", "MIL")
