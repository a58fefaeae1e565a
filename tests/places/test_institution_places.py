"""A place inside an institution's name ("the Travis County Sheriff's Office", "Orleans Parish Prison") is the
place, resolved, and a county is never the country of its name; sentences written for these patterns."""

from __future__ import annotations


def _found(record) -> dict:
    return {p.text: p for p in record.places}


def test_a_place_entity_running_on_into_an_institution(extract):
    found = _found(extract("The suspect spent the night in the Tulsa County Jail, deputies said."))
    assert (found["Tulsa County"].feature, found["Tulsa County"].admin1) == ("ADM2", "Oklahoma")
    found = _found(extract("Henrico County Police said the boy was found near a trail."))
    assert (found["Henrico County"].feature, found["Henrico County"].admin1) == ("ADM2", "Virginia")
    found = _found(extract("Harris County Sheriff’s Office deputies found the car abandoned."))
    assert (found["Harris County"].feature, found["Harris County"].admin1) == ("ADM2", "Texas")
    record = extract("Troopers of the West Virginia State Police closed the highway on Sunday.")
    assert [(p.feature, p.admin1) for p in record.places] == [("ADM1", "West Virginia")]


def test_a_city_whose_name_ends_in_city_keeps_it(extract):
    found = _found(extract("Salt Lake City police said two people were wounded outside a bar on Friday."))
    assert found["Salt Lake City"].admin1 == "Utah"


def test_the_area_word_after_a_name_completes_it(extract):
    found = _found(extract("The Palm Beach County Sheriff's Office said two men were wounded in Greenacres."))
    assert (found["Palm Beach County"].feature, found["Palm Beach County"].admin1) == ("ADM2", "Florida")
    assert found["Greenacres"].admin1 == "Florida"
    found = _found(extract("A third suspect was booked into Orleans Parish Prison on Friday, deputies said."))
    assert found["Orleans Parish"].admin1 == "Louisiana"


def test_an_area_word_in_lower_case_stays_outside_the_name(extract):
    found = _found(extract("Floods swept through villages in Sindh province on Tuesday, officials said."))
    assert found["Sindh"].country == "PK"


def test_a_county_is_never_the_country_of_its_name(extract):
    found = _found(extract("Records were kept in the attic of the Guernsey County Courthouse for decades."))
    assert found["Guernsey County"].country == "US" and found["Guernsey County"].feature == "ADM2"


def test_countries_named_with_an_area_word_stay_countries(extract):
    found = _found(extract("Ferries from Guernsey reached the Czech Republic's trucks at the port on Monday."))
    assert found["Guernsey"].feature == "PCLI"
    assert found["Czech Republic"].feature == "PCLI"
