"""The casualties step through the real pipeline: each count of the report's happening with the words it comes
from, on reports written for these tests (invented places and people)."""

from __future__ import annotations

from eventwire.extract.casualties import report_casualties
from eventwire.extract.casualty_patterns import bare_count
from eventwire.link.casualties import casualty_counts


def main_counts(record) -> dict[str, tuple[int, str, str, str]]:
    return {c.kind: (c.value, c.basis, c.where, c.text) for c in record.casualties if c.main}


def test_a_headline_count_is_kept_with_its_words_in_the_title(extract):
    record = extract("Gunfire broke out at a dance hall in Larchmere late on Friday.",
                     title="3 dead, 2 wounded in dance hall shooting")
    found = main_counts(record)
    assert found["killed"] == (3, "headline", "title", "3 dead")
    assert found["injured"] == (2, "headline", "title", "2 wounded")


def test_a_single_victim_is_counted_from_the_word_of_death(extract):
    record = extract("A man was shot and killed outside a barber shop on Tessel Street on Monday night.")
    found = main_counts(record)
    assert found["killed"][:2] == (1, "harm word")
    assert record.text[record.casualties[0].start : record.casualties[0].end] == found["killed"][3]
    assert "injured" not in found  # the wounds are the dead man's: silence about others is no count


def test_none_hurt_is_a_zero_with_its_statement(extract):
    record = extract("A shell hit an empty school in Dorvan on Tuesday. No one was hurt, the mayor said.")
    found = main_counts(record)
    assert found["injured"][:2] == (0, "none reported")
    assert found["injured"][3] == "No one was hurt"


def test_every_count_of_a_figure_stays_a_claim(extract):
    record = extract("The army said 30 fighters were killed in the clash near Orvel. The rebels said only two "
                     "of their men were killed.")
    values = sorted(c.value for c in record.casualties if c.figure is not None)
    assert values == [2, 30]


def test_a_bare_number_counts_people_only_next_to_a_word_of_harm():
    text = "The gunman killed 5 and wounded 3 before police arrived; 2 died later."
    assert bare_count(text, text.index("5"), text.index("5") + 1)
    assert bare_count(text, text.index("3"), text.index("3") + 1)
    assert bare_count(text, text.index("2"), text.index("2") + 1)
    other = "Her brother called 911 and told Channel 8 that a man was killed on Route 35."
    for number in ("911", "8", "35"):
        assert not bare_count(other, other.index(number), other.index(number) + len(number))


def bare(text: str, number: str) -> bool:
    return bare_count(text, text.index(number), text.index(number) + len(number))


def test_a_bare_number_is_a_count_as_the_value_of_a_toll():
    assert bare("The toll from Sunday's ferry fire on Lake Orvan rose to 31, the coast guard said.", "31")
    assert bare("Health officials put the death toll at 12 on Friday.", "12")
    assert bare("The blast left a toll of 40 in the old quarter.", "40")
    assert not bare("The toll booth on Route 35 was closed after the crash.", "35")


def test_a_rising_toll_is_the_report_s_count(extract):
    record = extract("The death toll from Monday's truck bomb at the bus depot in Varno rose to 11, doctors "
                     "said on Tuesday.\nMany more were wounded.", title="Varno depot toll rises to 11")
    assert main_counts(record)["killed"][:2] == (11, "figure")


def test_a_phone_number_is_no_toll():
    text = "A woman was shot at her home in Pell Creek. Her husband dialled 911 to get help for her; she died."
    start = text.index("911")
    figure = {"start": start, "end": start + 3, "text": "911", "quantity": {"value": 911}, "unit": "people",
              "category": "killed", "hedged": False}
    found = report_casualties("", text, [figure], [])
    assert [(c.kind, c.value, c.basis) for c in found] == [("killed", 1, "harm word")]
    kept = text.replace("dialled 911 to get help for her", "said she was killed by 1 shot")
    start = kept.index("1 shot")
    figure |= {"start": start, "end": start + 1, "text": "1", "quantity": {"value": 1}}
    assert [(c.kind, c.value, c.basis) for c in report_casualties("", kept, [figure], [])] == [("killed", 1, "figure")]


def test_a_record_written_without_casualties_gets_the_same_counts(extract):
    record = extract("Four people were shot, one fatally, at a bus stop in Varlow on Saturday.").to_json()
    given = casualty_counts(record)
    del record["casualties"]
    assert casualty_counts(record) == given == {"killed": 1, "injured": 3}


def counts(extract, title: str, text: str) -> dict:
    return casualty_counts(extract(text, title=title).to_json())


def test_a_headline_verb_of_wounding_counts_one_hurt(extract):
    body = "Officers were called to the scene and the investigation continues, a spokeswoman said."
    assert counts(extract, "Teen shot in leg near Orchard Park", body) == {"killed": 0, "injured": 1}
    assert counts(extract, "Boy, 6, shoots self with a pistol he found", body) == {"killed": 0, "injured": 1}
    assert counts(extract, "Clerk shot during robbery at Hale gas station", body) == {"killed": 0, "injured": 1}
    assert counts(extract, "Man shot dead outside Varn bar", body) == {"killed": 1, "injured": None}


def test_to_death_is_a_death(extract):
    body = "Detectives are asking neighbours for any camera footage from the street."
    assert counts(extract, "Teen found shot to death in Orvel", body)["killed"] == 1
    assert counts(extract, "Woman stabbed to death at bus depot", body)["killed"] == 1
    assert counts(extract, "Man beaten to death after a quarrel in Dunmore", body)["killed"] == 1
    assert counts(extract, "Man beaten after a quarrel in Dunmore", body)["killed"] is None


def test_succumbing_to_injuries_is_a_death(extract):
    assert counts(extract, "Clerk dies days after robbery", "A clerk shot during a robbery in Kelso succumbed to "
                  "his injuries on Tuesday, relatives said.")["killed"] == 1
    assert counts(extract, "Update on the Harlow shooting", "The man shot outside a bar in Harlow last week has "
                  "succumbed to his wounds, police said.")["killed"] == 1
    assert counts(extract, "Victim of Dorrance attack", "A woman shot in Dorrance on Friday succumbs to her "
                  "injuries, her family says.")["killed"] == 1
    assert counts(extract, "A town in mourning", "The town succumbed to grief after the floods, the mayor said. "
                  "No one was hurt.")["killed"] == 0


def test_a_headline_that_names_a_death_and_a_wound_apart_counts_one_survivor(extract):
    body = "The shooting happened shortly after midnight, police said."
    assert counts(extract, "Man killed, woman wounded in Elmwood shooting", body) == {"killed": 1, "injured": 1}
    assert counts(extract, "Girl, 7, killed and grandfather hurt when shots hit home", body)["injured"] == 1
    assert counts(extract, "Teen dies; child injured in drive-by on Sorrel Street", body)["injured"] == 1
    assert counts(extract, "Man wounded in shooting last week dies in hospital", body) == {"killed": 1,
                                                                                         "injured": None}


def test_a_part_of_a_group_counted_is_no_count_of_the_happening(extract):
    record = extract("Three of the injured were children, the mayor of Orvel said. In all 15 people were hurt.")
    assert main_counts(record)["injured"][:2] == (15, "figure")
    assert [c.value for c in record.casualties if c.kind == "injured" and not c.main] == [3]  # kept as a claim
    died = extract("The toll in Varno rose to nine after four of the wounded died in the clinic overnight.")
    assert "injured" not in main_counts(died)
    them = extract("Rockets hit a bus near Kell, wounding 14 passengers; two of them were flown to the capital.")
    assert main_counts(them)["injured"][:2] == (14, "figure")
    # a count with no group before it stays the count
    assert main_counts(extract("Eleven people were wounded when a shell hit the school in Orvel."))["injured"][0] == 11


def test_a_negated_attempted_or_hypothetical_death_is_no_death(extract):
    wounds = extract("A man was shot on Corran Avenue late on Sunday and suffered non-fatal wounds, police said.")
    assert main_counts(wounds)["killed"][:2] == (0, "no death named")
    charged = extract("A teenager was charged with attempted murder after a man was shot outside a Velby bakery.")
    assert main_counts(charged)["killed"][:2] == (0, "no death named")
    luck = extract("A stray bullet went through a bedroom wall on Dane Street and grazed a girl. She could have "
                   "been killed, her mother said; nobody died.")
    assert main_counts(luck)["killed"][:2] == (0, "no death named")
    weapon = extract("A man shot in the arm on Wend Road was arrested; officers found he had carried a deadly "
                     "weapon into the tavern.")
    assert main_counts(weapon)["killed"][:2] == (0, "no death named")
    # left alone: a real death beside such words
    killed = extract("A woman was killed on Harle Street on Friday; her neighbour could have died too.")
    assert main_counts(killed)["killed"][:2] == (1, "harm word")


def test_a_headline_that_counts_the_wounded_and_names_no_death_leads_the_count(extract):
    sidebar = ("Five people were hurt when gunfire broke out at a Pelham Road party.\n\nIn other news, a dead whale "
               "washed up.")
    assert main_counts(extract(sidebar, title="Five injured in Pelham Road shooting"))["killed"][0] == 0
    related = "A boy was wounded by a stray bullet in Ostley.\n\nRelated: man killed in crash on Route 9"
    assert main_counts(extract(related, title="Boy, 9, wounded by stray bullet"))["killed"][0] == 0
    hurt = "Two officers were treated for cuts after a brawl in Merrow.\n\nA man who died in a fire was named."
    assert main_counts(extract(hurt, title="2 officers hurt in Merrow brawl"))["killed"][0] == 0
    # left alone: a headline that says only "shot" may lead to a death in the text
    shot = "A man shot on Brisk Lane on Saturday died at Holm General Hospital, police said."
    assert main_counts(extract(shot, title="Man shot on Brisk Lane"))["killed"][:2] == (1, "harm word")


DETAIL = ("Neighbours said the street had been quiet for years. A woman who lives across the road said she heard "
          "loud voices, then a car drove off towards the river. Detectives spent the night knocking on doors and "
          "asked anyone with a doorbell camera to come forward. The bar's owner said he would close for a week. ")


def test_a_count_far_below_the_lead_is_kept_as_a_claim_not_the_count(extract):
    # the lead tells of one death; a city's weekend toll further down is another happening's count
    text = ("A man was shot and killed outside a bar on Ferrow Lane early Sunday, police said. " + DETAIL * 5
            + "Across the city, at least nine people were killed in shootings over the weekend.")
    record = extract(text, "2016-05-10")
    assert len(text) > 1600
    assert main_counts(record)["killed"][:2] == (1, "harm word")
    assert [(c.kind, c.value, c.main) for c in record.casualties if c.basis == "figure"] == [("killed", 9, False)]


def test_a_count_in_the_lead_stays_the_count(extract):
    text = ("Three people were killed in a shooting outside a bar on Ferrow Lane early Sunday. " + DETAIL * 5
            + "Across the city, at least nine people were killed in shootings over the weekend.")
    assert main_counts(extract(text, "2016-05-10"))["killed"][:2] == (3, "figure")


def test_a_toll_dated_by_a_year_is_no_count_of_the_happening(extract):
    for text, kind, value in [
        ("This year, 14 people have been killed in shootings in the city, police said. On Friday a man was shot "
         "dead outside a bar on Ferrow Lane.", "killed", 1),
        ("In 2015, 74 people were shot in the county. On Friday night two men were wounded outside a bar on "
         "Ferrow Lane.", "injured", 2),
        ("Last year 30 people died in shootings in Brisa. A woman was shot and killed at a bus stop on Monday.",
         "killed", 1),
    ]:
        assert main_counts(extract(text, "2016-05-10"))[kind][0] == value, text
    # a count dated by its own day is the count, a year's toll beside it a claim
    record = extract("Four people were killed in a shooting at a bar on Ferrow Lane on Friday, police said. In "
                     "2015, 74 people were killed in the county.", "2016-05-10")
    assert main_counts(record)["killed"][:2] == (4, "figure")
    assert ("killed", 74, False) in [(c.kind, c.value, c.main) for c in record.casualties]


def test_a_count_told_of_several_happenings_is_no_count_of_one(extract):
    for text, kind, value in [
        ("Three people were wounded in two shootings on Monday night, police said. A man was shot in the leg "
         "outside a bar on Ferrow Lane.", "injured", 1),
        ("At least 20 residents were wounded by gunfire across the city during the holiday. Among them, a woman "
         "was killed outside a bar on Ferrow Lane on Saturday.", "killed", 1),
        ("Seven people were killed in a series of bombings in the capital on Sunday. The deadliest blast, at a "
         "market in Orvel, killed four.", "killed", 4),
    ]:
        record = extract(text, "2016-05-10")
        assert main_counts(record)[kind][0] == value, text
        assert any(not c.main and c.basis == "figure" for c in record.casualties), text  # the total stays a claim
    roundup = ("At least 20 residents were wounded by gunfire across the city during the holiday. Among them, a "
               "woman was killed outside a bar.")
    assert "injured" not in main_counts(extract(roundup, "2016-05-10"))


def test_a_barrage_on_one_place_is_one_happening_s_count(extract):
    # plural strikes on one town, without a count of them, are one happening
    found = main_counts(extract("Twelve civilians were killed in strikes on Orvel overnight, the governor said.",
                                "2016-05-10"))
    assert found["killed"][:2] == (12, "figure")


def test_a_year_that_scopes_a_superlative_or_beside_a_day_does_not_date_the_count(extract):
    for text in ["In the deadliest attack this year, a car bomb killed 12 people at a market in Orvel on Sunday.",
                 "The deadliest attack this year killed 12 people at a market in Orvel.",
                 "A car bomb killed 12 people at a market in Orvel on Sunday, the worst attack this year."]:
        assert main_counts(extract(text, "2016-05-10"))["killed"][:2] == (12, "figure"), text
