"""More figure patterns, each with sentences it must read right and one it must leave alone (our own sentences,
invented places and people). Through the real pipeline."""

import pytest


def figures_of(extract, text):
    return [(f.quantity.value, f.category, f.unit) for f in extract(text).figures]


def names_of(record):
    return {e.id: e.name for e in record.entities}


# -- event nouns and derivations: "200 injuries", "12 disappearances", "2,300 asylum seekers"

@pytest.mark.parametrize(("text", "expected"), [
    ("The blast in the Orsk market caused more than 140 injuries.", (140, "injured", "people")),
    ("Rights groups documented 37 disappearances in Varn province last year.", (37, "missing", "people")),
    ("Border guards registered 2,300 asylum seekers at the Dorn crossing.", (2300, "refugees", "people")),
])
def test_more_event_nouns_carry_their_count(extract, text, expected):
    assert expected in figures_of(extract, text)


def test_arrivals_coordinated_with_departures_are_traffic(extract):
    assert figures_of(extract, "The Orsk airport handles 4,500 arrivals and departures a day.") == []


# -- a quantity noun the verb sets to the count: "brings the number of X to N", "the number of those X rose to N"

@pytest.mark.parametrize(("text", "expected"), [
    ("The new shelling brings the total number of displaced people to 48,000, the agency said.",
     (48000, "displaced", "people")),
    ("The number of those displaced rose to 9,000 on Tuesday.", (9000, "displaced", "people")),
    ("This takes the total of people who have fled the fighting to about 65,000.", (65000, "fled", "people")),
])
def test_a_quantity_noun_set_by_its_verb_counts_what_it_is_of(extract, text, expected):
    assert expected in figures_of(extract, text)


def test_a_set_number_of_schools_is_no_figure(extract):
    assert figures_of(extract, "This brings the number of schools reopened in Varn to 12.") == []


# -- "N households - M people -", "N households, representing M people": one count said in two units

@pytest.mark.parametrize(("text", "first", "second"), [
    ("In Varn, 75 households - roughly 400 people - had to leave their homes.",
     (400, "fled", "people"), (75, "fled", "households")),
    ("An estimated 2,200 families, representing some 11,000 people, were evacuated from Dorn.",
     (11000, "evacuated", "people"), (2200, "evacuated", "households")),
    ("Around 300 families comprising 1,500 persons sought refuge in Orsk.",
     (1500, "fled", "people"), (300, "fled", "households")),
])
def test_a_count_said_in_two_units_is_two_linked_figures_people_first(extract, text, first, second):
    figures = extract(text).figures
    found = [(f.quantity.value, f.category, f.unit) for f in figures]
    assert found[:2] == [first, second]
    assert figures[0].same_as == 1


def test_housing_keeps_the_household_count_first(extract):
    figures = extract("Some 2,300 households (9,100 people) had their homes destroyed by the quake.").figures
    assert [(f.quantity.value, f.unit) for f in figures] == [(2300, "households"), (9100, "people")]
    assert figures[1].same_as == 0


def test_an_aside_between_dashes_restates_nothing(extract):
    figures = extract("The fire destroyed 40 homes - three of them in Dorn - and killed two people.").figures
    assert all(f.same_as is None for f in figures)


# -- PDF text: a word broken by a hyphen and a space on one line, a unit noun broken over two lines

@pytest.mark.parametrize(("text", "expected"), [
    ("About 1,800 people were dis- placed by the floods in Orsk.", (1800, "displaced", "people")),
    ("About 400 fami- lies were moved to safer ground in Varn.", (400, "evacuated", "households")),
    ("Some 300 house-\nholds fled the fighting near Dorn.", (300, "fled", "households")),
])
def test_words_broken_by_a_pdf_are_read_whole(extract, text, expected):
    record = extract(text)
    assert expected in [(f.quantity.value, f.category, f.unit) for f in record.figures]
    assert record.text == text
    assert all(record.text[f.start:f.end] == f.text for f in record.figures)


def test_a_broken_word_that_makes_no_cue_stays_apart(extract):
    assert figures_of(extract, "About 200 people attended the re- opening of the school in Dorn.") == []


# -- who tells it: the nearest teller, named or not; a toll told over two sentences

def test_a_rival_figure_is_not_the_first_tellers(extract):
    record = extract("Police in Varn said 12 protesters were injured, but organisers put the number at more than 200.")
    names = names_of(record)
    by_value = {f.quantity.value or f.quantity.low: (f.category, names.get(f.claimant, "")) for f in record.figures}
    assert by_value[200][0] == "injured"
    assert "Police" not in by_value[200][1]


@pytest.mark.parametrize("text", [
    "The Orsk health ministry said seven people died in the strike on Varn. Twenty were wounded, including a boy.",
    "The Orsk health ministry said seven people died in the strike on Varn.\nTwenty people were hurt in total.",
    "The Orsk health ministry said seven people died in the strike. Some twenty were injured in Varn.",
])
def test_a_toll_told_over_two_sentences_keeps_its_teller(extract, text):
    record = extract(text)
    names = names_of(record)
    tellers = {f.category: names.get(f.claimant, "") for f in record.figures}
    assert "ministry" in tellers["killed"]
    assert tellers["injured"] == tellers["killed"]


def test_a_sentence_that_names_its_own_teller_keeps_it(extract):
    record = extract("The Orsk health ministry said seven people died in the strike on Varn. Another 20 people were "
                     "injured in Dorn, the Red Crescent said.")
    names = names_of(record)
    tellers = {f.category: names.get(f.claimant, "") for f in record.figures}
    assert "ministry" not in tellers["injured"]


# -- a floor and a ceiling of one amount: "more than N but fewer than M"

@pytest.mark.parametrize(("text", "low", "high", "category"), [
    ("More than 2,000 but fewer than 3,000 people were evacuated from Varn.", 2000, 3000, "evacuated"),
    ("At least 40 and no more than 60 homes were destroyed in Dorn.", 40, 60, "houses_destroyed"),
    ("Officials said over 500 but under 800 families fled Orsk.", 500, 800, "fled"),
])
def test_a_floor_and_a_ceiling_make_a_range(extract, text, low, high, category):
    [figure] = extract(text).figures
    assert (figure.quantity.value, figure.quantity.low, figure.quantity.high, figure.category) == \
        (None, low, high, category)


def test_a_ceiling_before_a_floor_is_two_amounts(extract):
    quantities = [(f.quantity.value, f.quantity.low, f.quantity.high)
                  for f in extract("Up to 300 people fled Varn and at least 200 fled Dorn.").figures]
    assert (300, None, 300) in quantities


# -- labels: "Houses destroyed: 321", a number alone under its label line

@pytest.mark.parametrize(("text", "expected"), [
    ("Houses destroyed: 321", (321, "houses_destroyed", "houses")),
    ("Families displaced\n1,250", (1250, "displaced", "households")),
    ("People evacuated\n4,100", (4100, "evacuated", "people")),
])
def test_a_label_names_the_count_it_heads(extract, text, expected):
    assert figures_of(extract, text) == [expected]


def test_a_label_of_bridges_is_no_figure(extract):
    assert figures_of(extract, "Bridges destroyed: 12") == []


# -- fleeing told by where people went: "have taken refuge", "crossed into"

@pytest.mark.parametrize(("text", "expected"), [
    ("Around 4,000 people have taken refuge in schools and churches in Dorn.", (4000, "fled", "people")),
    ("An estimated 30,000 people have crossed into neighbouring Kessa.", (30000, "fled", "people")),
    ("Some 900 families found refuge with relatives in Varn.", (900, "fled", "households")),
])
def test_where_people_went_says_they_fled(extract, text, expected):
    assert expected in figures_of(extract, text)


def test_trucks_crossing_a_border_are_no_figure(extract):
    assert figures_of(extract, "Over 300 trucks crossed the border at Orsk on Monday.") == []


# -- "3,000 others", "20 more": the word after the number stands for its noun where the verb's words hang

@pytest.mark.parametrize(("text", "expected"), [
    ("The storm killed two people in Varn and left 3,000 others homeless.", (3000, "homeless", "people")),
    ("Four people died and 20 more were hurt in the crash near Dorn.", (20, "injured", "people")),
    ("The floods displaced 900 people in Orsk and forced 400 others to flee to Kessa.", (400, "fled", "people")),
])
def test_a_stand_in_word_takes_the_cue_of_its_own_clause(extract, text, expected):
    assert expected in figures_of(extract, text)


def test_more_of_a_thing_that_counts_no_one_is_no_figure(extract):
    assert figures_of(extract, "The council in Dorn plans 30 more parks.") == []


# -- people held where they are: stranded, trapped, cut off

@pytest.mark.parametrize(("text", "expected"), [
    ("The landslide left 80 people stranded in the mountain village of Varn.", (80, "affected", "people")),
    ("Some 3,000 people remain trapped by floodwaters in Kessa.", (3000, "affected", "people")),
    ("About 2,000 villagers were cut off by the floods near Dorn.", (2000, "affected", "people")),
])
def test_people_held_in_place_are_affected(extract, text, expected):
    assert expected in figures_of(extract, text)


def test_stranded_cars_are_no_figure(extract):
    assert figures_of(extract, "The rains left 40 cars stranded on the road to Dorn.") == []


# -- a rival teller's bare number counts what the first count counted, and is the rival's

@pytest.mark.parametrize(("text", "rival", "value"), [
    ("The Orsk health ministry reported 23 deaths, while the Tolvan Medical Union counted 71.",
     "Tolvan Medical Union", 71),
    ("The Varn army said 12 soldiers were killed in Ardel, but the Dorn Liberation Front claimed 80.",
     "Dorn Liberation Front", 80),
    ("The Kessa governor said 2,000 families had fled, while the Orsk Refugee Council estimated 5,000.",
     "Orsk Refugee Council", 5000),
])
def test_a_rival_tellers_bare_number_is_a_claim_of_the_same_kind(extract, text, rival, value):
    record = extract(text)
    names = names_of(record)
    first, second = sorted(record.figures, key=lambda f: f.start)
    assert second.quantity.value == value and second.category == first.category
    assert rival in names.get(second.claimant, "")
    assert rival not in names.get(first.claimant, "")


def test_a_bare_number_seized_is_no_claim(extract):
    assert figures_of(extract, "Police in Dorn arrested 12 people and seized 40.") == [(12, "arrested", "people")]


# -- a cue word inside a name is part of the name: "the Orsk Refugee Council", "the Displacement Monitoring Centre"

@pytest.mark.parametrize("text", [
    "The Kessa Refugee Council said 3,000 people attended the fair in Dorn.",
    "According to the Varn Displacement Monitoring Centre, 3,000 people live in Dorn.",
    "The Orsk Evacuation Bureau employs 40 people in Varn.",
])
def test_a_cue_inside_a_name_says_nothing_of_the_count(extract, text):
    assert figures_of(extract, text) == []


def test_a_title_case_headline_verb_is_still_a_cue(extract):
    assert (3000, "displaced", "people") in figures_of(extract, "Floods Displace 3,000 People In Varn Province")


@pytest.mark.parametrize(("text", "expected"), [
    ("A gunman killed a guard and at least six others were shot at the Varn depot.", (6, "injured", "people")),
    ("The blast left two workers dead and three others in hospital in Dorn.", (3, "injured", "people")),
    ("The crash left one man dead and four others with serious injuries near Orsk.", (4, "injured", "people")),
])
def test_others_are_not_the_ones_before_them(extract, text, expected):
    found = figures_of(extract, text)
    assert expected in found
    assert (expected[0], "killed", "people") not in found


def test_a_sentence_naming_someone_new_takes_no_teller_from_before(extract):
    record = extract("The Orsk health ministry said seven people died in the strike. Nurse Ana Ruiz was among "
                     "20 people wounded.")
    names = names_of(record)
    tellers = {f.category: names.get(f.claimant, "") for f in record.figures}
    assert "ministry" in tellers["killed"]
    assert "ministry" not in tellers["injured"]


def test_no_teller_is_carried_over_a_blank_line(extract):
    record = extract("The Orsk health ministry said seven people died in the strike.\n\n"
                     "Twenty people were hurt in Varn.")
    assert [f.claimant is None for f in record.figures if f.category == "injured"] == [True]


# -- a year before an event noun dates it: "the 2011 evacuations"; before people it may still count them

@pytest.mark.parametrize("text", [
    "Survivors of the 2011 evacuations from Varn met in Dorn.",
    "The inquiry into the 1998 Orsk killings reopened on Monday.",
    "Families still mark the 2004 deaths at the Kessa mine.",
])
def test_a_year_before_an_event_noun_is_a_date(extract, text):
    assert figures_of(extract, text) == []


def test_a_year_like_number_of_people_is_still_a_count(extract):
    assert (2000, "evacuated", "people") in figures_of(extract, "Some 2000 people were evacuated from Varn.")


# -- a number alone on its line, its short label on the lines below (a table cell of a PDF report)

@pytest.mark.parametrize(("text", "expected"), [
    ("214\nHomes\ndestroyed", (214, "houses_destroyed", "houses")),
    ("1,870\nPeople displaced", (1870, "displaced", "people")),
    ("56\nFamilies\nevacuated", (56, "evacuated", "households")),
])
def test_a_label_below_a_lone_number_names_it(extract, text, expected):
    record = extract(text)
    assert [(f.quantity.value, f.category, f.unit) for f in record.figures] == [expected]
    assert all(record.text[f.start:f.end] == f.text for f in record.figures)


def test_a_month_below_a_number_is_no_label(extract):
    assert figures_of(extract, "12\nSeptember 2014") == []
