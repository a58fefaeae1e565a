"""Event typing, frames and arguments, on sentences written for these tests (invented places and people).

The events step is run on its own over the parse (no other step's records), so these tests hold whatever
the entity, place and time steps do.
"""

from __future__ import annotations

import pytest

from eventwire.extract.base import Found
from eventwire.extract.events import events as events_step


@pytest.fixture
def code(parsed):
    def run(text: str, published: str = "2031-05-04"):
        return events_step(parsed(text, published), Found())
    return run


def first(events, type_=None):
    return next(e for e in events if type_ is None or e.type == type_)


def texts(refs):
    return [r.text for r in refs]


def test_shelling_is_an_assault_with_heavy_weapons(code):
    found = code("Valdorian forces shelled the border town of Kestrel on Monday.")
    event = found[0]
    assert event.type == "ASSAULT"
    assert event.mode == "heavy-weapons"
    assert event.cameo == "194"
    assert texts(event.actors) == ["Valdorian forces"]
    assert event.trigger.text == "shelled"
    assert event.id == "v1"


def test_passive_attack_takes_the_agent_as_actor_and_the_subject_as_recipient(code):
    event = code("The village of Orlan was attacked by rebel fighters armed with machetes.")[0]
    assert event.type == "ASSAULT"
    assert texts(event.actors) == ["rebel fighters"]
    assert texts(event.recipients) == ["village of Orlan"]
    assert event.mode == "primitive"


def test_weapon_of_an_event_noun_gives_the_mode_of_the_verb_it_merges_with(code):
    found = code("Kestrian air strikes destroyed two warehouses in the port of Tessa.")
    assert [e.type for e in found] == ["ASSAULT"]
    assert found[0].mode == "aerial"


def test_air_strikes_noun_takes_its_owner_as_actor(code):
    event = first(code("Russian air strikes on the port of Tessa continued on Sunday."), "ASSAULT")
    assert event.mode == "aerial"
    assert texts(event.actors) == ["Russian"]
    assert texts(event.recipients) == ["port of Tessa"]


def test_threaten_to_sanction_is_a_threat_not_a_sanction(code):
    found = code("Brelia threatened to impose sanctions on Norvania over the dam project.")
    assert [e.type for e in found] == ["THREATEN"]
    assert texts(found[0].actors) == ["Brelia"]
    assert texts(found[0].recipients) == ["Norvania"]
    assert found[0].status == "threatened"


def test_urging_someone_to_withdraw_is_a_request_to_them(code):
    event = code("The council urged Valdoria to withdraw its troops from the valley.")[0]
    assert event.type == "REQUEST"
    assert event.mode == "yield"
    assert texts(event.actors) == ["council"]
    assert texts(event.recipients) == ["Valdoria"]
    assert event.trigger.text == "urged"


def test_call_on_to_is_a_request(code):
    event = code("The regional alliance called on Ostria and Velm to pull back from the frontier.")[0]
    assert event.type == "REQUEST"
    assert texts(event.recipients) == ["Ostria", "Velm"]


def test_promised_future_aid_is_an_agreement(code):
    event = code("Norvania said it will send food aid to the flooded provinces of Kesh.")[0]
    assert event.type == "AGREE"
    assert texts(event.actors) == ["Norvania"]  # the pronoun stands for the speaker
    assert event.status in ("planned", "claimed")


def test_refusing_to_release_is_a_reject(code):
    found = code("The junta refused to release the detained journalists.")
    assert [e.type for e in found] == ["REJECT"]
    assert texts(found[0].actors) == ["junta"]


def test_will_not_accept_is_a_reject(code):
    assert code("Ostria declared that it will not accept refugees from the southern camps again.")[0].type == "REJECT"


def test_accusation_comes_first_and_the_accused_act_is_claimed(code):
    found = code("Tavish accused Brelia of shelling civilian areas near Orlan.")
    accuse, assault = found[0], first(found, "ASSAULT")
    assert accuse.type == "ACCUSE"
    assert texts(accuse.actors) == ["Tavish"]
    assert texts(accuse.recipients) == ["Brelia"]
    assert assault.status == "claimed"
    assert texts(assault.actors) == ["Brelia"]


def test_each_other_makes_the_actors_their_own_recipients(code):
    event = code("Both armies accuse each other of starting the fighting.")[0]
    assert event.type == "ACCUSE"
    assert texts(event.actors) == ["Both armies"]
    assert texts(event.recipients) == texts(event.actors)


def test_not_allowing_a_crime_to_go_unpunished_is_a_threat(code):
    found = code('Governor Almas said Ostria would "not allow the killing of our citizens to go unpunished."')
    assert found[0].type == "THREATEN"
    assert "Ostria" in texts(found[0].actors)
    assert "ASSAULT" not in [e.type for e in found[:1]]


def test_negated_attack_is_negated_and_not_first(code):
    found = code("Rebels did not attack the convoy, but they seized the bridge at Kell.")
    attack = first(found, "ASSAULT")
    assert attack.status == "negated"
    assert found[0] is not attack


def test_conditional_attack_is_hypothetical(code):
    found = code("Velm will meet the envoy if the rebels attack the capital again.")
    assert found[0].type == "AGREE"
    assert first(found, "ASSAULT").status == "hypothetical"


def test_conjoined_actors_are_listed_separately(code):
    event = code("Freedonia and Sylvania signed a trade agreement in Port Alma on Tuesday.")[0]
    assert event.type == "SUPPORT"
    assert texts(event.actors) == ["Freedonia", "Sylvania"]


def test_relative_clause_subject_is_its_antecedent(code):
    found = code("The offensive drew a furious response from Kestria, which sent troops and tanks to the border.")
    mobilize = first(found, "MOBILIZE")
    assert texts(mobilize.actors) == ["Kestria"]
    assert mobilize.mode == "troops"


def test_said_that_someone_must_act_is_a_request(code):
    event = code("The Red Crescent said the militias must let aid convoys reach the besieged city.")[0]
    assert event.type == "REQUEST"
    assert texts(event.actors) == ["Red Crescent"]
    assert texts(event.recipients) == ["militias"]


def test_ceasefire_imposed_is_a_concession(code):
    event = code("Ostria imposed a three-hour humanitarian cease-fire.")[0]
    assert event.type == "CONCEDE"
    assert texts(event.actors) == ["Ostria"]


def test_cutting_air_links_is_a_sanction_on_the_partner(code):
    event = code("Brelia said on Monday that it would halt every flight to Ostria from midnight.")[0]
    assert event.type == "SANCTION"
    assert texts(event.recipients) == ["Ostria"]


def test_evidence_is_the_sentence_and_events_follow_sentence_order(code):
    text = "Kestrian jets bombed the airport of Lusa. Later the Velmish army deployed two brigades."
    found = code(text)
    assert [e.type for e in found] == ["ASSAULT", "MOBILIZE"]
    assert text[found[0].evidence.start:found[0].evidence.end] == "Kestrian jets bombed the airport of Lusa."
    assert [e.id for e in found] == ["v1", "v2"]


def test_boilerplate_lines_are_skipped(code):
    text = "Watch: rebels attack a convoy near Lusa\nThe army arrested twelve protesters in Lusa."
    found = code(text)
    assert [e.type for e in found] == ["COERCE"]


def test_organisation_names_are_not_events(code):
    found = code("The Council for Peace and Cooperation in Tessaly met the ministers.")
    assert [e.type for e in found] == ["CONSULT"]
    assert found[0].actors[0].text.startswith("Council for Peace and Cooperation")


def test_released_a_statement_is_not_a_release_of_people(code):
    assert code("The ministry released a statement on the talks' progress.")[0].type == "CONSULT"
    found = code("The rebels released twelve hostages near Lusa.")
    assert found[0].type == "RETREAT" and found[0].mode == "release"


def test_storms_do_not_assault(code):
    assert [e.type for e in code("A powerful storm struck the coast of Velm, killing nine people.")] == []


def test_a_series_of_attacks_takes_the_launcher_as_actor(code):
    event = code("Kestrian forces launched a series of attacks on rebel positions.")[0]
    assert event.type == "ASSAULT"
    assert texts(event.actors) == ["Kestrian forces"]


def test_withdrawal_of_peacekeepers_unless_a_condition_is_met_is_a_threat(code):
    event = code("Ostria said it will withdraw its peacekeeping force from Velm unless the fighting stops.")[0]
    assert event.type == "THREATEN"
    assert texts(event.actors) == ["Ostria"]


def test_denied_attack_is_denied_by_the_denier(code):
    found = code("The Kestrian army denied that its jets bombed the market in Lusa.")
    bombing = first(found, "ASSAULT")
    assert bombing.status == "denied"
    assert texts(bombing.actors) == ["its jets"]


def test_hyphenated_titles_stay_in_the_actor_phrase(code):
    event = code("Alliance Secretary-General Mara Velt urged Ostria to free the detained reporters.")[0]
    assert event.type == "REQUEST"
    assert texts(event.actors) == ["Alliance Secretary-General Mara Velt"]


def test_what_a_protest_demands_is_not_a_separate_request(code):
    found = code("Thousands of nurses staged demonstrations in Port Alma to demand higher wages.")
    assert [e.type for e in found] == ["PROTEST"]
    assert texts(found[0].actors) == ["Thousands of nurses"]


def test_drivers_blockading_highways_protest(code):
    event = code("Truck drivers blockaded the main highways around Kestrel.")[0]
    assert (event.type, event.mode) == ("PROTEST", "obstruct")


def test_agreeing_to_demands_is_a_concession(code):
    assert code("The council agreed to the demands of the striking miners.")[0].type == "CONCEDE"


def test_the_recipient_of_a_suspension_is_the_partner_it_names(code):
    event = code("Ostria announced a suspension of air links with Velmland on Wednesday.")[0]
    assert event.type == "SANCTION"
    assert texts(event.recipients) == ["Velmland"]


def test_rejecting_a_foreign_proposal_names_its_author(code):
    event = code("Brelia rejected a Russian proposal for talks on the dam.")[0]
    assert event.type == "REJECT"
    assert texts(event.recipients) == ["Russian"]


def test_blamed_for_an_attack_makes_the_blamed_its_claimed_actor(code):
    found = code("Tavish blamed Brelia for the bombing of the market in Lusa.")
    assert found[0].type == "ACCUSE"
    bombing = first(found, "ASSAULT")
    assert texts(bombing.actors) == ["Brelia"]
    assert bombing.status == "claimed"


def test_according_to_makes_a_claim(code):
    event = code("Kestrian soldiers arrested forty villagers in Orlan, according to the regional health office.")[0]
    assert (event.type, event.status) == ("COERCE", "claimed")


def test_troops_withdrawn_are_not_the_recipients(code):
    event = code("Ostria withdrew its troops from the Velmish border province of Harn.")[0]
    assert (event.type, event.mode) == ("RETREAT", "withdraw")
    assert "its troops" not in texts(event.recipients)


def test_conjoined_nationalities_are_separate_parties(code):
    event = code("The Turkish and Greek delegations agreed to reopen the crossing at Pyla.")[0]
    assert event.type == "AGREE"
    assert texts(event.actors) == ["Turkish", "Greek"]


def test_calling_a_plan_unacceptable_rejects_it(code):
    event = code("Velmland said the Ostrian plan for the river was unacceptable.")[0]
    assert event.type == "REJECT"
    assert texts(event.actors) == ["Velmland"]


def test_letting_inspectors_in_is_a_retreat_with_access(code):
    event = code("Ostria allowed the weapons inspectors to visit the plant at Harn.")[0]
    assert (event.type, event.mode) == ("RETREAT", "access")


def test_an_apology_is_a_concession(code):
    assert code("Velmland apologized to Ostria for the border incident.")[0].type == "CONCEDE"


def test_a_title_with_a_country_keeps_the_country_in_the_actor_phrase(code):
    event = code("Qatar's emir, Sheikh Hamad bin Khalifa, launched a mediation effort between Ostria and Velmland.")[0]
    assert event.type == "CONSULT"
    assert event.actors[0].text.startswith("Qatar's emir")
