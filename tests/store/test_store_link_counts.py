"""How an incident combines its reports' counts of the killed and injured, and what one report counts."""

from __future__ import annotations

from store_records import make_record

from eventwire.extract.casualty_patterns import none_reported as none_statements
from eventwire.link.casualties import casualty_counts, toll_claims
from eventwire.link.estimate import best_estimate


def report(published: int, killed=None, injured=None, tolls=()) -> dict:
    return {"published": published, "killed": killed, "injured": injured, "day": 736000,
            "tolls": [{"field": f, "value": v, "claimant": c} for f, v, c in tolls]}


def test_a_rising_toll_takes_the_latest_stated_figure():
    reports = [report(736002, 7, tolls=[("killed", 7, "rescuers")]), report(736000, 3, tolls=[("killed", 3, "mayor")]),
               report(736001, 5, tolls=[("killed", 5, "mayor")])]
    estimate = best_estimate(reports)
    assert (estimate["killed"], estimate["disputed"]) == (7, False)


def test_a_count_only_implied_yields_to_a_stated_one():
    stated = report(736000, 2, tolls=[("killed", 2, None)])
    implied = report(736003, 1)  # "a man was shot and killed", no figure
    assert best_estimate([stated, implied])["killed"] == 2


def test_a_later_lower_count_from_another_party_is_a_dispute():
    army = report(736000, 40, tolls=[("killed", 40, "the army")])
    rebels = report(736001, 3, tolls=[("killed", 3, "the rebels")])
    estimate = best_estimate([army, rebels])
    assert (estimate["killed"], estimate["disputed"]) == (3, True)
    one_report = report(736000, 12, tolls=[("killed", 12, "the ministry"), ("killed", 4, "a local council")])
    assert best_estimate([one_report])["disputed"] is True


def claims(*given: tuple[str, int, str, bool]) -> list[dict]:
    return [{"field": f, "value": v, "claimant": c, "party": party} for f, v, c, party in given]


def test_a_witness_figure_for_part_of_the_toll_is_no_dispute():
    one = report(736000, injured=6, tolls=())
    one["tolls"] = claims(("injured", 6, "police", True), ("injured", 2, "Dana Reyes", False))
    assert (best_estimate([one])["injured"], best_estimate([one])["disputed"]) == (6, False)


def test_parties_named_alike_are_one_party():
    first = report(736000, injured=5)
    first["tolls"] = claims(("injured", 5, "the city police", True))
    later = report(736001, injured=4)
    later["tolls"] = claims(("injured", 4, "police", True))
    assert best_estimate([first, later])["disputed"] is False


def test_medical_staff_and_officials_are_one_voice():
    # wounded who die leave fewer wounded: the doctors' lower count is no rival to the officials'
    first = report(736000, injured=23)
    first["tolls"] = claims(("injured", 23, "local officials", True))
    later = report(736001, injured=17)
    later["tolls"] = claims(("injured", 17, "Doctors", True))
    assert (best_estimate([first, later])["injured"], best_estimate([first, later])["disputed"]) == (17, False)
    rebels = report(736002, injured=4)
    rebels["tolls"] = claims(("injured", 4, "the rebels", True))
    assert best_estimate([first, later, rebels])["disputed"] is True


def test_a_party_stands_by_its_last_figure_in_a_dispute():
    army = report(736000, 20)
    army["tolls"] = claims(("killed", 20, "the army", True))
    rebels = report(736001, 1)
    rebels["tolls"] = claims(("killed", 1, "rebel command", True))
    rebels_later = report(736002, 3)
    rebels_later["tolls"] = claims(("killed", 3, "rebel command", True))
    estimate = best_estimate([army, rebels, rebels_later])
    assert (estimate["killed"], estimate["disputed"]) == (3, True)  # the rebels' 1 was revised to 3


def test_silence_is_unknown_and_none_said_is_zero():
    assert best_estimate([report(736000), report(736001)])["injured"] is None
    assert best_estimate([report(736000), report(736001, injured=0)])["injured"] == 0


def none_reported(text: str) -> set[str]:
    """The fields (killed, injured) the text says outright that none were."""
    return {kind for _, kinds in none_statements(text) for kind in kinds}


def test_a_report_that_says_none_were_hurt_counts_zero():
    assert none_reported("Nobody was hurt when the shell hit the empty school.") == {"killed", "injured"}
    assert none_reported("There were no casualties, the mayor said.") == {"killed", "injured"}
    assert none_reported("No injuries were reported at the depot.") == {"injured"}
    assert none_reported("Two guards died; no one else was hurt.") == set()
    sunk = make_record("s", "A drone hit a barge on the river at dawn. No one was injured, the port said.")
    assert casualty_counts(sunk)["injured"] == 0


def test_one_survivor_beside_several_dead_is_counted():
    record = make_record("c", "Three guards were killed and a cook was wounded when rockets hit the post.", killed=3)
    assert casualty_counts(record) == {"killed": 3, "injured": 1}
    mine = make_record("m", "Two deminers were killed and an officer was injured when a mine went off.", killed=2)
    assert casualty_counts(mine) == {"killed": 2, "injured": 1}
    # one dead and words of wounding: most often the wounds of the one who died
    alone = make_record("d", "A farmer was wounded by a stray shell and was killed before help came.")
    assert casualty_counts(alone) == {"killed": 1, "injured": None}


def test_a_headline_over_an_empty_page_still_counts_the_victim():
    wall = make_record("h", "Please confirm your email address to keep reading.", "2016-05-10",
                       title="Girl, 6, wounded in accidental shooting at Marlow home")
    assert casualty_counts(wall) == {"killed": 0, "injured": 1}
    himself = make_record("g", "Officers were called to a farm near Tolliver.", "2016-05-10",
                          title="Boy, 4, shoots himself with his father's pistol")
    assert casualty_counts(himself) == {"killed": 0, "injured": 1}


def _figure_record(text: str, *figures: tuple[str, int, str, str]) -> dict:
    """A record whose figures count ``(words, value, unit, claimant name)`` in ``text``, claimants as groups."""
    entities, items = [], []
    for i, (words, value, unit, claimant) in enumerate(figures):
        start = text.index(words)
        entities.append({"id": f"e{i}", "type": "ORG", "name": claimant, "mentions": []})
        items.append({"start": start, "end": start + len(words), "text": words, "unit": unit, "category": "killed",
                      "quantity": {"value": value, "low": None, "high": None, "approx": False},
                      "claimant": f"e{i}", "hedged": False})
    return {"text": text, "entities": entities, "figures": items}


def test_soldiers_killed_are_a_toll_claim_and_two_sides_counting_them_dispute_it():
    text = "The rebels said they killed 60 soldiers at the pass. The army said seven soldiers died."
    record = _figure_record(text, ("60 soldiers", 60, "troops", "rebels"), ("seven soldiers", 7, "troops", "army"))
    tolls = toll_claims(record)
    assert [(c["value"], c["claimant"], c["party"]) for c in tolls] == [(60, "rebels", True), (7, "army", True)]
    estimate = best_estimate([report(736000, 60, tolls=[(c["field"], c["value"], c["claimant"]) for c in tolls])])
    assert (estimate["killed"], estimate["disputed"]) == (7, True)  # the lowest credible figure, as ACLED does
    one_side = _figure_record("The army said nine soldiers were killed.", ("nine soldiers", 9, "troops", "army"))
    assert [c["value"] for c in toll_claims(one_side)] == [9]
    # left alone: a count of vehicles is no toll
    trucks = _figure_record("The army said four trucks were destroyed.", ("four trucks", 4, "vehicles", "army"))
    assert toll_claims(trucks) == []


def test_the_dead_are_among_those_shot():
    lead = make_record("a", "Six people were shot at a birthday cookout on Dunmore Street; two were killed.", killed=2)
    assert casualty_counts(lead) == {"killed": 2, "injured": 4}
    headline = make_record("b", "Police are investigating near Harlow Pond.", title="4 shot, 1 killed near Harlow Pond")
    assert casualty_counts(headline) == {"killed": 1, "injured": 3}
    # a figure that counts everyone hit ("five people were shot") as wounded is corrected by the dead
    figure = make_record("c", "A man was killed and the wounded were taken to Mercy Hall.", injured=5,
                         title="5 shot, 1 dead at Quill Park cookout")
    assert casualty_counts(figure) == {"killed": 1, "injured": 4}


def test_others_shot_and_counts_of_the_wounded_are_survivors_already():
    others = make_record("d", "A man was killed and four others were shot on Orrin Lane late on Saturday.")
    assert casualty_counts(others) == {"killed": 1, "injured": 4}
    wounded = make_record("e", "Police said four people were shot on Marl Street.", title="1 dead, 3 wounded in Marl "
                          "Street shooting")
    assert casualty_counts(wounded) == {"killed": 1, "injured": 3}
    # "shot dead" counts the dead, not everyone hit: nothing is said of the wounded
    shot_dead = make_record("f", "Police are looking for a gunman who fled in a grey van.",
                            title="2 shot dead on Tallow Street")
    assert casualty_counts(shot_dead) == {"killed": 2, "injured": None}


def test_the_civil_authorities_are_one_voice_not_parties_to_a_dispute():
    police_and_officials = report(736000, 4, tolls=[("injured", 3, "police"), ("injured", 4, "city officials")])
    assert best_estimate([police_and_officials])["disputed"] is False
    later = [report(736000, 3, tolls=[("killed", 3, "the sheriff's office")]),
             report(736001, 2, tolls=[("killed", 2, "the county coroner")])]
    assert best_estimate(later)["disputed"] is False
    # left alone: belligerents still dispute a toll
    sides = report(736000, 30, tolls=[("killed", 30, "the army"), ("killed", 2, "the rebel command")])
    assert (best_estimate([sides])["killed"], best_estimate([sides])["disputed"]) == (2, True)


def test_a_murder_suicide_and_a_double_fatal_shooting_count_two_dead():
    home = make_record("m", "Deputies said a man shot his wife and then himself in an apparent murder-suicide.")
    assert casualty_counts(home)["killed"] == 2
    ruled = make_record("n", "Investigators on Friday called the deaths on Quarry Lane a murder suicide.")
    assert casualty_counts(ruled)["killed"] == 2
    double = make_record("o", "Police identified the victims of a double fatal shooting on Brindle Avenue.")
    assert casualty_counts(double)["killed"] == 2
    # left alone: one death is one
    single = make_record("p", "A man was killed in a shooting on Brindle Avenue on Sunday.")
    assert casualty_counts(single)["killed"] == 1


def test_the_wounded_who_died_are_counted_among_the_dead():
    # "a man was shot and taken to hospital in critical condition" ... "the man shot on Friday has died"
    shot, died = report(736000, injured=1), report(736001, killed=1)
    assert (best_estimate([shot, died])["killed"], best_estimate([shot, died])["injured"]) == (1, 0)
    # "two killed, three wounded" ... "the toll rose to four": two of the wounded died
    first, rose = report(736000, 2, 3), report(736002, 4, tolls=[("killed", 4, "police")])
    assert best_estimate([rose, first])["injured"] == 1
    # "five wounded" ... "one of the wounded died" ... "a second victim died"
    reports = [report(736000, injured=5), report(736001, killed=1), report(736003, killed=2)]
    assert best_estimate(reports)["injured"] == 3


def test_a_later_count_of_the_wounded_or_a_steady_toll_is_left_alone():
    # the later report counts the wounded itself: they are survivors already
    first, later = report(736000, 1, 3), report(736001, 2, 3)
    assert best_estimate([first, later])["injured"] == 3
    # the dead did not rise after the count of the wounded
    steady = [report(736000, 1, 2), report(736001, 1)]
    assert best_estimate(steady)["injured"] == 2


def test_the_dead_a_report_counts_beside_its_wounded_are_the_baseline():
    # "the toll rose to 14; doctors still treat 17" ... "officials now put the toll at 16": two more died
    first = report(736000, 8, 23, tolls=[("killed", 8, "officials"), ("injured", 23, "officials")])
    doctors = report(736001, 14, 17, tolls=[("injured", 17, "doctors")])
    last = report(736002, 16, tolls=[("killed", 16, "officials")])
    assert best_estimate([first, doctors, last])["injured"] == 15
