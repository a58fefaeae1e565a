"""A report's main happening is the happening it tells of, not the reaction that opens it ("Police asked for help
after two men were shot"): reports written for these tests, through the real extraction."""

from __future__ import annotations

from eventwire.link import describe

FILLER = (" Officers closed the road for several hours while detectives spoke with witnesses and neighbours."
          " The investigation is continuing, a spokesman said.")


def main_family(extract, text: str) -> str:
    happenings = describe(extract(text + FILLER, published="2024-05-06").to_json())[0]["happenings"]
    assert happenings, text
    return happenings[0]["family"]


def test_an_appeal_for_help_opening_a_shooting_report(extract):
    assert main_family(extract, "Police asked residents for help on Sunday after two men were shot outside a bar "
                                "in Dorrance.") == "violence"


def test_thanks_opening_a_report_of_a_shelling(extract):
    assert main_family(extract, "Villagers thanked the rescuers on Sunday, hours after artillery shelled the "
                                "market in Kelso and wounded six traders.") == "violence"


def test_a_condemnation_opening_a_report_of_an_attack(extract):
    assert main_family(extract, "The governor condemned the gunmen who opened fire on a minibus near Harlow on "
                                "Sunday, killing three passengers.") == "violence"


def test_a_prisoner_exchange_stays_an_exchange(extract):
    # "war" names the situation, not an act: the exchange is the happening
    assert main_family(extract, "The two sides exchanged prisoners of war on Sunday at a crossing near Harlow, "
                                "officials said.") == "cooperation"


def test_a_meeting_with_an_attack_told_far_below_stays_a_meeting(extract):
    later = " The ministers also discussed trade, farming quotas and a new rail link." * 25
    text = ("The foreign ministers met in Harlow on Sunday to discuss the border." + later
            + " A soldier was shot at a checkpoint last week.")
    assert main_family(extract, text) == "cooperation"
