"""Parts of a city named by where they lie in it ("the South Side", "Downtown", "the West End") belong to the
city the report names, never to a far town of that name; sentences written for the pattern."""

from __future__ import annotations

import pytest

from eventwire.extract.city_parts import is_city_part


def _places(record):
    return [(p.text, p.country, p.admin1) for p in record.places]


def _near(place, lat: float, lon: float) -> bool:
    return place.lat is not None and abs(place.lat - lat) < 0.5 and abs(place.lon - lon) < 0.5


def test_a_side_of_the_city_named_before_it(extract):
    record = extract("DETROIT — Two brothers were shot on the city's East Side late on Friday, police said.")
    part = next(p for p in record.places if p.text == "East Side")
    assert (part.country, part.admin1) == ("US", "Michigan")
    assert _near(part, 42.33, -83.05)
    assert record.events and record.events[0].place is not None
    assert record.places[record.events[0].place].admin1 == "Michigan"


def test_a_side_whose_direction_words_open_the_span(extract):
    record = extract("A delivery driver was wounded on the Far Northwest Side of Houston on Tuesday night.")
    assert record.places and all((p.country, p.admin1) == ("US", "Texas") for p in record.places), _places(record)
    assert record.events[0].place is not None and record.places[record.events[0].place].admin1 == "Texas"


def test_a_list_of_sides_ending_in_the_common_noun(extract):
    record = extract("Five men were wounded in shootings on the North and West sides of Milwaukee overnight.")
    assert all((p.country, p.admin1) == ("US", "Wisconsin") for p in record.places), _places(record)


def test_sides_named_before_their_city_take_the_surest_city(extract):
    record = extract("Three men were wounded in shootings on the North and West sides overnight. One was taken "
                     "to Roseland Community Hospital, and Chicago police said no one had been arrested.")
    parts = [p for p in record.places if p.text in ("North", "West")]
    assert len(parts) == 2 and all((p.country, p.admin1) == ("US", "Illinois") for p in parts), _places(record)


def test_a_district_of_a_city_abroad(extract):
    record = extract("Police in London said a cyclist was robbed at knifepoint in the East End on Sunday.")
    part = next(p for p in record.places if p.text == "East End")
    assert part.country == "GB" and _near(part, 51.5, -0.1)


def test_a_city_part_with_no_city_named_is_left_out(extract):
    record = extract("A bus driver was shot on the South Side early Saturday, police said.")
    assert not any(p.text in ("South Side", "Side") for p in record.places), _places(record)


def test_direction_words_naming_regions_are_left_alone(extract):
    record = extract("Separatist fighters raided villages in the North and South regions of Cameroon on Monday.")
    found = {p.text: p for p in record.places}
    assert found["North"].country == "CM" and found["North"].feature == "ADM1"
    assert found["South"].country == "CM"


@pytest.mark.parametrize(("text", "name", "expected"), [
    ("shot on the Lower East Side", "Lower East Side", True),
    ("a rally Downtown", "Downtown", True),
    ("on the North and South sides of town", "North", True),
    ("the West Bank town", "West Bank", False),
    ("in South Sudan", "South Sudan", False),
    ("the Southend pier", "Southend", False),
])
def test_which_names_are_city_parts(text: str, name: str, expected: bool) -> None:
    start = text.index(name)
    assert is_city_part(text, start, start + len(name)) is expected
