"""A count given place by place in one sentence implies its total: the total follows its parts and names them.
Our own sentences, invented places."""

import pytest


def totals_of(extract, text):
    figures = extract(text).figures
    return [(f.quantity.value, f.category, [figures[i].quantity.value for i in f.sum_of])
            for f in figures if f.sum_of]


@pytest.mark.parametrize(("text", "expected"), [
    ("The floods displaced 1,200 people in Varn and 800 people in Dorn.", (2000, "displaced", [1200, 800])),
    ("In Orsk, 40 houses were destroyed, while in Kessa, 25 houses were destroyed.",
     (65, "houses_destroyed", [40, 25])),
    ("In Tolva 500 people were evacuated, and in Ardel 350 people were evacuated.", (850, "evacuated", [500, 350])),
])
def test_a_count_given_place_by_place_has_its_total(extract, text, expected):
    assert totals_of(extract, text) == [expected]


def test_a_total_comes_after_its_parts(extract):
    figures = extract("The floods displaced 1,200 people in Varn and 800 people in Dorn.").figures
    assert [f.quantity.value for f in figures][-1] == 2000


@pytest.mark.parametrize("text", [
    "The floods displaced 1,200 people in Varn, and 2,000 in the whole province.",
    "Some 1,200 people fled on Monday and 800 more on Tuesday.",
    "The blast killed 12 people in Varn and 8 in Dorn.",
])
def test_no_total_where_a_total_is_stated_no_place_parts_them_or_the_dead_are_counted(extract, text):
    assert totals_of(extract, text) == []


# -- counts listed place by place share the first one's predicate, with their noun or without one

@pytest.mark.parametrize(("text", "expected"), [
    ("Officials evacuated 300 people in Tolva, 450 people in Ardel and 150 people in Dorn.",
     [(300, "evacuated"), (450, "evacuated"), (150, "evacuated")]),
    ("The floods displaced 1,200 people in Varn and 800 in Dorn.", [(1200, "displaced"), (800, "displaced")]),
    ("Rebels killed 12 soldiers in Varn and 8 in Dorn on Monday.", [(12, "killed"), (8, "killed")]),
])
def test_counts_listed_place_by_place_share_the_predicate(extract, text, expected):
    found = [(f.quantity.value, f.category) for f in extract(text).figures if not f.sum_of]
    assert found == expected


def test_a_count_of_another_noun_in_the_list_does_not_share_it(extract):
    text = "The storm destroyed 40 houses in Orsk and 2 bridges in Kessa."
    found = [(f.quantity.value, f.category) for f in extract(text).figures]
    assert found == [(40, "houses_destroyed")]
