"""One test per pattern of recognition and resolution, on sentences written for them (packaged gazetteer)."""

from __future__ import annotations

from eventwire.extract.places import clause_place, most_specific
from eventwire.records import Place


def _by_text(record):
    return {p.text: p for p in record.places}


def test_city_state_qualifier_picks_the_namesake_in_that_state(extract):
    found = _by_text(extract("The county fair opened in Springfield, Illinois, on Saturday."))
    assert found["Springfield"].admin1 == "Illinois"
    found = _by_text(extract("A tornado damaged barns outside Springfield, Missouri, late on Friday."))
    assert found["Springfield"].admin1 == "Missouri"
    found = _by_text(extract("Teachers in Paris, Texas, voted to accept the contract."))
    assert found["Paris"].admin1 == "Texas" and found["Paris"].country == "US"


def test_georgia_the_country_in_a_caucasus_story(extract):
    found = _by_text(extract("Troops crossed from Georgia into Abkhazia while diplomats met in Tbilisi and Moscow."))
    assert found["Georgia"].country == "GE" and found["Georgia"].feature == "PCLI"


def test_georgia_the_state_in_an_atlanta_story(extract):
    found = _by_text(extract("Storms knocked out power across Georgia, and crews in Atlanta and Macon worked "
                             "through the night."))
    assert found["Georgia"].country == "US" and found["Georgia"].feature == "ADM1"


def test_qualifier_that_no_namesake_fits_gives_the_area(extract):
    found = _by_text(extract("Her family moved to Rio Piedras, Puerto Rico, when she was ten."))
    assert found["Rio Piedras"].country == "PR"  # not the namesake in Argentina
    assert abs(found["Rio Piedras"].lat - 18.2) < 1.0


def test_washington_dateline_and_government_are_the_capital(extract):
    found = _by_text(extract("WASHINGTON — The Senate passed the federal budget late on Thursday."))
    assert found["WASHINGTON"].feature == "PPLC" and found["WASHINGTON"].admin1 != "Washington"
    found = _by_text(extract("Cairo has long cooperated with Washington on security, the ambassador said."))
    assert found["Washington"].feature == "PPLC"
    found = _by_text(extract("Apple orchards in Washington state lost half their crop near Yakima."))
    assert found["Washington"].feature == "ADM1"


def test_armed_groups_and_parties_are_never_places(extract):
    record = extract("M23 rebels seized villages near Goma on Monday, while Hamas and al-Shabaab issued "
                     "statements from their bases.")
    texts = {p.text for p in record.places}
    assert not texts & {"M23", "Hamas", "al-Shabaab", "Shabaab"}
    assert "Goma" in texts
    assert not any(p.feature == "RD" for p in record.places)  # "M23" is no road here


def test_words_of_a_liberation_front_are_not_towns(extract):
    record = extract("The National Liberation Front said its fighters had left the valley.")
    assert not any(p.text in ("Liberation", "National") for p in record.places)


def test_demonyms_point_to_their_country_but_are_no_toponyms(extract):
    record = extract("Russian artillery shelled the outskirts of Kharkiv, Ukrainian officials said.")
    found = _by_text(record)
    assert found["Russian"].kind == "demonym" and found["Russian"].country == "RU"
    assert found["Ukrainian"].kind == "demonym" and found["Ukrainian"].country == "UA"
    assert found["Kharkiv"].kind is None and found["Kharkiv"].country == "UA"


def test_unknown_place_name_falls_back_to_its_known_end(extract):
    found = _by_text(extract("Heavy snow fell across Northeast Georgia and eastern Tennessee overnight."))
    georgia = [p for p in found.values() if "Georgia" in p.text]
    assert georgia and georgia[0].country == "US" and georgia[0].lat is not None


def test_the_event_place_is_the_city_of_a_city_state_chain():
    text = "Police said shots were fired in Portland, Oregon, on Sunday."
    start = text.index("Portland")
    portland = Place(start=start, end=start + 8, text="Portland", lat=45.5, lon=-122.7, feature="PPL")
    state_at = text.index("Oregon")
    oregon = Place(start=state_at, end=state_at + 6, text="Oregon", lat=44.0, lon=-120.5, feature="ADM1")
    places_ = [portland, oregon]
    assert most_specific(places_, 1, text) == 0
    assert clause_place(places_, text, (0, len(text)), (0, len(text)), text.index("fired"), []) == 0


def test_the_event_place_is_never_a_demonym():
    text = "Russian drones hit Odesa."
    russian = Place(start=0, end=7, text="Russian", lat=60.0, lon=100.0, feature="PCLI", kind="demonym")
    odesa = Place(start=19, end=24, text="Odesa", lat=46.5, lon=30.7, feature="PPL")
    assert clause_place([russian, odesa], text, (0, len(text)), (0, len(text)), 0, []) == 1
    assert clause_place([russian], text, (0, len(text)), (0, len(text)), 0, []) is None


def test_a_surname_of_the_documents_people_is_not_a_town(extract):
    record = extract("Police chief Harold Brantley said the department would review the case. Brantley added "
                     "that two officers were on leave in Dayton.")
    assert not any(p.text == "Brantley" for p in record.places)
    assert any(p.text == "Dayton" for p in record.places)
    record = extract("Senator Mary Georgia Blake spoke in Atlanta. Georgia voters heard her plan.")
    assert any(p.text == "Georgia" and p.feature in ("ADM1", "PCLI") for p in record.places)  # a state stays


def test_a_country_abbreviation_is_the_country(extract):
    for sentence in ("The foreign minister thanked the UAE for its help.", "Talks were hosted by the UAE and Qatar."):
        found = _by_text(extract(sentence))
        assert found["UAE"].country == "AE" and found["UAE"].feature == "PCLI", sentence


def test_figures_and_events_are_not_placed_at_a_demonym(extract):
    record = extract("Artillery fire killed 12 Ukrainian soldiers near Kupiansk on Tuesday.")
    placed = [record.places[f.place] for f in record.figures if f.place is not None]
    placed += [record.places[e.place] for e in record.events if e.place is not None]
    assert placed, "the count or the attack should have a place"
    assert all(p.kind is None and p.text == "Kupiansk" for p in placed)


def test_a_party_named_after_a_country_is_not_that_country(extract):
    record = extract("Candidates of United Russia lost the mayoral race in Murmansk, and United Russia blamed "
                     "the local branch.")
    assert not any(p.country == "RU" and p.feature == "PCLI" and p.kind is None for p in record.places)
    assert any(p.text == "Murmansk" for p in record.places)


def test_a_capital_beats_a_hamlet_of_the_focus_state(extract):
    found = _by_text(extract("The governors of Texas and Arizona flew to Warsaw for the summit on Friday."))
    assert found["Warsaw"].country == "PL"
    found = _by_text(extract("Deputies in Warsaw, Ohio, closed the bridge on Friday."))
    assert found["Warsaw"].country == "US"  # unless the text says otherwise


def test_alliances_and_parties_are_not_places(extract):
    record = extract("NATO leaders met in Brussels while the Green Party campaigned in Leeds.")
    texts = {p.text for p in record.places}
    assert "NATO" not in texts and "Green Party" not in texts
    assert {"Brussels", "Leeds"} <= texts


def _event_place(record, trigger):
    event = next(e for e in record.events if e.trigger.text == trigger)
    return record.places[event.place].text if event.place is not None else None


def test_a_distance_from_a_city_makes_it_a_reference_point_not_the_event_place(extract):
    record = extract("Artillery shelled Izium, about 120 kilometres south-east of Kharkiv, on Monday night.")
    assert _event_place(record, "shelled") == "Izium"
    record = extract("Gunmen attacked a checkpoint near Kidal, some 300 km north of Gao, killing four soldiers.")
    assert _event_place(record, "attacked") == "Kidal"
    record = extract("A car bomb exploded 20 miles from Kabul in the town of Charikar on Friday.")
    assert _event_place(record, "exploded") == "Charikar"


def test_a_reference_point_is_still_the_place_when_the_sentence_names_no_other(extract):
    record = extract("Rebels ambushed a convoy 40 kilometres west of Goma on Sunday.")
    assert _event_place(record, "ambushed") == "Goma"


def _places_with_second_mention_read_as(text: str, name: str, label: str) -> list[str]:
    """The places step over a parse whose second mention of ``name`` the parser labelled ``label``."""
    from spacy.tokens import Span

    from eventwire.extract.base import Found
    from eventwire.extract.places import places
    from helpers import parse_text

    parsed = parse_text(text, published="2031-05-15")
    doc = parsed.doc
    second = text.index(name, text.index(name) + 1)
    span = doc.char_span(second, second + len(name))
    others = [e for e in doc.ents if e.end <= span.start or e.start >= span.end]
    doc.ents = sorted([*others, Span(doc, span.start, span.end, label=label)], key=lambda e: e.start)
    return [p.text for p in places(parsed, Found()) if p.start == second]


def test_a_name_the_document_places_elsewhere_is_a_place_where_the_parser_misread_it():
    text = "Two men were killed in Kupiansk. Kupiansk, near the front line, was shelled again at dawn."
    assert _places_with_second_mention_read_as(text, "Kupiansk", "ORG") == ["Kupiansk"]
    text = "Protesters gathered in Bamako on Friday. Bamako, the capital, stayed calm overnight."
    assert _places_with_second_mention_read_as(text, "Bamako", "ORG") == ["Bamako"]
    text = "Shells fell on Mosul overnight. Mosul, a city of millions, woke to sirens."
    assert _places_with_second_mention_read_as(text, "Mosul", "PERSON") == ["Mosul"]


def test_a_name_the_document_never_places_is_left_alone(extract):
    record = extract("Marlow said the fund would grow. Marlow, a banker, spoke for an hour.")
    assert [p.text for p in record.places] == []


def test_the_state_most_names_could_lie_in_is_the_documents_focus(extract):
    found = _by_text(extract("Farmers near Salem, Lebanon and Albany lost their crops to the early frost."))
    assert {found[n].admin1 for n in ("Salem", "Lebanon", "Albany")} == {"Oregon"}
    found = _by_text(extract("Deputies from Waverly, Clarksville and Dover searched the lake shore."))
    assert {found[n].admin1 for n in ("Waverly", "Clarksville", "Dover")} == {"Tennessee"}
    found = _by_text(extract("Ministers met in Paris and Rome to discuss the budget."))  # left alone: capitals
    assert (found["Paris"].country, found["Rome"].country) == ("FR", "IT")


def test_a_small_parish_does_not_outweigh_a_city_of_its_name(extract):
    assert _by_text(extract("Flooding closed schools in Portland on Tuesday."))["Portland"].country == "US"
    assert _by_text(extract("Snow fell across St. Paul overnight and buses ran late."))["St. Paul"].admin1 == \
        "Minnesota"  # "St." spelled out finds the city's own name, not only its alias
    found = _by_text(extract("She grew up in Portland, Jamaica, before moving to Kingston."))
    assert found["Portland"].country == "JM"  # left alone: the qualifier names the country


def test_town_words_say_a_town_is_meant_not_its_province(extract):
    assert _by_text(extract("Shells fell on the city of Idlib overnight."))["Idlib"].feature.startswith("PPL")
    assert _by_text(extract("Rebels returned to the town of Kidal after the talks."))["Kidal"].feature.startswith("PPL")
    assert _by_text(extract("Idlib police arrested two men at a checkpoint."))["Idlib"].feature.startswith("PPL")
    found = _by_text(extract("Fighting spread across Idlib as shells fell."))  # left alone: no town word
    assert found["Idlib"].feature == "ADM1"


def test_a_small_border_town_of_a_war_is_in_the_gazetteer(extract):
    found = _by_text(extract("Gunmen attacked a checkpoint near Bunagana, close to the Ugandan border."))
    assert found["Bunagana"].country == "CD"
    assert abs(found["Bunagana"].lat + 1.28) < 0.1 and abs(found["Bunagana"].lon - 29.6) < 0.1


def test_a_country_in_brackets_constrains_the_town_before_it(extract):
    found = _by_text(extract("Aid trucks waited at Rafah (Egypt) for a second day."))
    assert found["Rafah"].country == "EG"  # not the larger Rafah in Gaza
    found = _by_text(extract("Two soldiers were wounded near Tripoli (Lebanon) on Friday."))
    assert found["Tripoli"].country == "LB"  # not Libya's capital
    found = _by_text(extract("Refugees reached Rafah (Gaza) before dawn."))
    assert found["Rafah"].country == "PS"  # a region of one country qualifies as its country
    found = _by_text(extract("Protesters marched in Tripoli (and in Benghazi) on Saturday."))
    assert found["Tripoli"].country == "LY"  # left alone: no area in the brackets


def test_a_shop_named_after_its_owner_is_no_place_but_a_towns_mayor_is(extract):
    assert not extract("Shoppers lined up outside Harrington's before the store opened on Friday.").places
    assert not extract("The fire started in the kitchen of Dayton's, a diner on the corner.").places
    found = _by_text(extract("Dayton's mayor said the curfew would end on Monday."))
    assert found["Dayton"].admin1 == "Ohio"
    found = _by_text(extract("Berea's police chief resigned on Monday."))
    assert found["Berea"].country == "US"  # a town, not Lesotho's district of that name


def test_the_place_after_a_direction_word_inside_an_organisations_name(extract):
    found = _by_text(extract("She graduated from Northeast Texas Community College in May."))
    assert found["Texas"].feature == "ADM1"
    found = _by_text(extract("The Western Pennsylvania Kennel Club met on Sunday."))
    assert found["Pennsylvania"].feature == "ADM1"
    found = _by_text(extract("Graduates of the University of Kentucky's College of Law met downtown."))
    assert found["Kentucky"].feature == "ADM1"
    assert "Law" not in found  # left alone: the "of" of "College of Law" is part of the name, not a locative
    assert not extract("Eastern Airlines flights were delayed on Monday.").places


def test_a_name_the_document_uses_for_a_person_is_no_town_anywhere_in_it(extract):
    assert not extract("Police shot Marlow after a chase. Marlow, 19, was taken to the hospital.").places
    assert not extract("Prosecutors said Harlan fled the state. Harlan's attorney denied it.").places
    assert not extract("Mr. Corbin testified on Monday. Corbin had lived there for years.").places
    found = _by_text(extract("Moscow said the talks would resume. Officials in Moscow agreed."))
    assert found["Moscow"].country == "RU"  # left alone: a capital speaking is its government


def test_a_lake_or_park_the_gazetteer_lacks_is_a_place_without_a_point_not_its_town(extract):
    for sentence, name in (("Volunteers picked up trash around Lake Dunmore on Saturday.", "Lake Dunmore"),
                           ("Kids played in Shelby Park until dark.", "Shelby Park"),
                           ("Fishing boats left for the Gulf of Alaska before the storm.", "Gulf of Alaska")):
        found = _by_text(extract(sentence))
        assert found[name].lat is None, sentence  # not Dunmore, Shelby or the state of Alaska
        assert len(found) == 1, sentence
    found = _by_text(extract("Rangers patrolled the Kanawha River after the flood."))
    assert "Kanawha River" in found and found["Kanawha River"].lat is None
    found = _by_text(extract("The Kensington Fire Department answered the call."))  # left alone: no feature word
    assert found["Kensington"].lat is not None


def test_a_name_after_a_street_address_is_a_town_not_a_country(extract):
    found = _by_text(extract("The service will be held at 12 Elm St., Lebanon, on Friday."))
    assert found["Lebanon"].country == "US"
    for sentence in ("She lived at 400 Oak Ave., Jordan, with her sister.",
                     "The funeral is at 301 W. Main St., Jordan, on Saturday."):
        assert _by_text(extract(sentence))["Jordan"].feature.startswith("PPL"), sentence
    found = _by_text(extract("Troops returned to Lebanon on Friday."))  # left alone: no address
    assert found["Lebanon"].feature == "PCLI"


def test_a_name_listed_with_sure_toponyms_is_a_toponym(extract):
    found = _by_text(extract("Shelling hit Kharkiv, Sumy and Izium overnight, officials said."))
    assert found["Sumy"].country == "UA"  # the parser takes it for a person
    found = _by_text(extract("Clashes were reported in Tripoli, Misrata and Zawiya."))
    assert found["Misrata"].country == "LY" and found["Zawiya"].country == "LY"  # down the list
    found = _by_text(extract("Aid reached Goma, Bukavu and Uvira by road."))
    assert {found[n].country for n in ("Goma", "Bukavu", "Uvira")} == {"CD"}
    found = _by_text(extract("Kyiv, Lviv and Dunmore were quiet on Sunday, Dunmore said."))
    assert "Dunmore" not in found  # left alone: the document names a person so


def test_a_town_the_parser_took_for_a_building(extract):
    found = _by_text(extract("Clashes were reported in Tripoli, Misrata and Sirte."))
    assert found["Sirte"].country == "LY"


def test_the_documents_demonyms_vote_for_their_country(extract):
    assert _by_text(extract("Lebanese soldiers patrolled Tripoli after the clashes."))["Tripoli"].country == "LB"
    assert _by_text(extract("Venezuelan troops were sent to Valencia."))["Valencia"].country == "VE"
    assert _by_text(extract("Argentine farmers protested in Cordoba."))["Cordoba"].country == "AR"
    found = _by_text(extract("American tourists visited Paris and Rome."))  # left alone: capitals abroad
    assert (found["Paris"].country, found["Rome"].country) == ("FR", "IT")
