"""Figure patterns, each with sentences it must read right and one it must leave alone (invented places and
people). Through the real pipeline."""

import pytest


def figures_of(extract, text):
    return [(f.quantity.value, f.category, f.unit) for f in extract(text).figures]


# -- event nouns carry the count: "3,400 displacements", "700 evacuations", "1,900 returnees", "85 casualties"

@pytest.mark.parametrize(("text", "expected"), [
    ("Relief workers recorded 3,400 displacements in Varn province in June.", (3400, "displaced", "people")),
    ("The clashes caused some 2,100 displacements, the agency said.", (2100, "displaced", "people")),
    ("In all, 950 conflict-related displacements were verified by the monitors.", (950, "displaced", "people")),
    ("Over 700 evacuations were carried out by boat from Lake Orris.", (700, "evacuated", "people")),
    ("A total of 1,900 returnees reached the villages of Dorn.", (1900, "returned", "people")),
    ("The earthquake left 85 casualties in Tolva.", (85, "casualties", "people")),
])
def test_an_event_noun_says_what_its_count_counts(extract, text, expected):
    assert expected in figures_of(extract, text)


def test_a_singular_event_noun_before_another_noun_counts_nothing(extract):
    assert figures_of(extract, "The plan lists 12 evacuation routes out of Tolva.") == []


# -- "brings to N the total number of X", "the total number of X, N,": the count is of X

@pytest.mark.parametrize(("text", "expected"), [
    ("The renewed shelling brings to 9,200 the total number of people displaced in Ardel.",
     (9200, "displaced", "people")),
    ("The floods raised to about 15,000 the number of people evacuated from the delta, monitors said.",
     (15000, "evacuated", "people")),
    ("The total number of people displaced, 4,800, is twice the figure for last year.",
     (4800, "displaced", "people")),
])
def test_an_inverted_or_appositive_total_counts_what_it_is_the_total_of(extract, text, expected):
    assert expected in figures_of(extract, text)


def test_an_inverted_total_of_visitors_is_no_figure(extract):
    assert figures_of(extract, "The festival brings to 40 the number of bands playing in Dorn this week.") == []


# -- "N households (M people)": two figures, one per unit, the second pointing at the first

@pytest.mark.parametrize(("text", "first", "second"), [
    ("About 420 families (2,300 people) lost their homes in the fire.",
     (420, "homeless", "households"), (2300, "homeless", "people")),
    ("Some 90 households, or 510 people, had their houses washed away in Varnok.",
     (90, "houses_destroyed", "households"), (510, "houses_destroyed", "people")),
    ("Nearly 60 households (around 330 people) were evacuated to a school in Tolva.",
     (60, "evacuated", "households"), (330, "evacuated", "people")),
])
def test_households_with_their_people_are_two_linked_figures(extract, text, first, second):
    figures = extract(text).figures
    found = [(f.quantity.value, f.category, f.unit) for f in figures]
    assert first in found and second in found
    people = figures[found.index(second)]
    assert people.same_as == found.index(first)


def test_two_counts_in_a_list_do_not_restate_each_other(extract):
    figures = extract("The storm destroyed 40 homes, and 300 people were evacuated.").figures
    assert [f.same_as for f in figures] == [None, None]


# -- "N of the M X": what happened befell the N; the M keep only what their noun says

@pytest.mark.parametrize(("text", "part", "whole_category"), [
    ("The army reported that 25 of the 60 soldiers had been killed.", (25, "killed", "troops"), "deployed"),
    ("Medics said 12 of the 30 passengers were injured near Kessa.", (12, "injured", "people"), None),
    ("Officials said 18 of the 40 villagers had fled to Dorn.", (18, "fled", "people"), None),
])
def test_a_part_of_a_whole_takes_the_verb_and_the_whole_does_not(extract, text, part, whole_category):
    found = figures_of(extract, text)
    assert part in found
    assert [c for v, c, _ in found if v != part[0]] in ([], [whole_category])


def test_drones_shot_down_are_not_people(extract):
    assert figures_of(extract, "Air defence units brought down 9 of the 13 drones over Dorn, the army said.") == []


# -- "lost N men": a side's own dead, as it says them

@pytest.mark.parametrize(("text", "expected"), [
    ("The militia said it lost 14 fighters in the battle for Ardel.", (14, "killed", "people")),
    ("The battalion lost 12 soldiers in the ambush near Tolva.", (12, "killed", "troops")),
    ("The rebels denied the toll, saying they had lost only two men.", (2, "killed", "people")),
])
def test_losing_men_is_a_count_of_the_dead(extract, text, expected):
    assert expected in figures_of(extract, text)


def test_losing_customers_is_no_toll(extract):
    assert figures_of(extract, "The shop in Dorn lost 40 customers after the scandal.") == []


# -- text from PDF reports: a ligature lost to a space, a word broken over two lines; the text stays as it was

@pytest.mark.parametrize(("text", "expected"), [
    ("The floods forced 2,400 families to  ee their villages in Varnok.", (2400, "fled", "households")),
    ("About 1,200 people  ed to the hills above Kessa.", (1200, "fled", "people")),
    ("About 900 people were left home-\nless by the fire in Dorn.", (900, "homeless", "people")),
    ("Officials said 340 people were evac-\nuated overnight from the riverbank.", (340, "evacuated", "people")),
])
def test_pdf_artefacts_do_not_hide_the_cue(extract, text, expected):
    record = extract(text)
    assert expected in [(f.quantity.value, f.category, f.unit) for f in record.figures]
    assert record.text == text
    assert all(record.text[f.start:f.end] == f.text for f in record.figures)


def test_a_single_space_before_a_word_is_no_lost_ligature(extract):
    assert figures_of(extract, "The 300 people in the ed centre of Dorn were counted.") == []


# -- reported speech: each side's figure with its own claimant

def test_each_side_keeps_its_own_toll_as_a_claim(extract):
    record = extract("The Varn army said 40 rebels were killed in Ardel, but the Tolvan Liberation Front denied the "
                     "toll, saying it had lost only two men.")
    names = {e.id: e.name for e in record.entities}
    claims = {(f.quantity.value, names.get(f.claimant, "")) for f in record.figures if f.category == "killed"}
    values = {v for v, _ in claims}
    assert values == {40, 2}
    by_value = dict(claims)
    assert "Varn" in by_value[40] or "army" in by_value[40]
    assert "Tolvan Liberation Front" in by_value[2]
