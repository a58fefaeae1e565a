"""More attribution patterns, each with sentences it must read right and one it must leave alone (our own
sentences, invented people and places)."""

import pytest

from eventwire.extract.base import Found
from eventwire.extract.entities import entities
from eventwire.extract.quotes import quotes


def run(parsed, text):
    doc = parsed(text)
    found = entities(doc, Found())
    names = {e.id: e.name for e in found}
    return [(q.content.text, q.speaker.text if q.speaker else None, names.get(q.speaker_entity),
             q.cue.text if q.cue else None) for q in quotes(doc, Found(entities=found))]


# -- a verb the parser gave two subjects: the one nearest before it speaks, not a word inside the quotation

@pytest.mark.parametrize(("text", "name"), [
    ("“We trusted him. Not once, always. One of the oldest families in the valley,” farmer Lena Ost said.",
     "Lena Ost"),
    ("“It works. Not perfectly, but it works. One of the cheapest fixes in the city,” engineer Marta Diaz said.",
     "Marta Diaz"),
    ("“Ready. Not nearly, fully. The strongest team in the whole region,” coach Ben Hardy said on Sunday.",
     "Ben Hardy"),
])
def test_the_subject_nearest_the_cue_speaks(parsed, text, name):
    [(content, _, entity, cue)] = run(parsed, text)
    assert content.startswith("“") and content.endswith("”")
    assert entity == name and cue == "said"


def test_a_verb_with_one_subject_keeps_it(parsed):
    [(content, speaker, _, _)] = run(parsed, "Ana Ruiz, who runs the clinic in Dorn, said the water was clean.")
    assert content == "the water was clean" and speaker.startswith("Ana Ruiz")


# -- a subordinate clause fronted before an inserted cue is part of what was said

@pytest.mark.parametrize("text", [
    "Because the budget was cut, the mayor said, the library would close in June.",
    "If the talks collapse, the union leader said, the strike will spread to the ports.",
    "Though the last handover was fairly smooth, he said, replacing the chairman now would be far more bitter.",
])
def test_a_fronted_condition_is_said_with_its_clause(parsed, text):
    [(content, _, _, cue)] = run(parsed, text)
    assert content == text.rstrip(".") and cue == "said"


def test_a_fronted_clause_of_time_is_the_setting_of_the_saying(parsed):
    [(content, speaker, _, _)] = run(parsed, "As the crowd left the square, the mayor said, “We will rebuild.”")
    assert content == "“We will rebuild.”" and speaker == "the mayor"


# -- a clause joined by "and" or "but" after an inserted cue is the writer's, not the speaker's

@pytest.mark.parametrize(("text", "said"), [
    ("It would probably take four to six months to clear the harbor, he said, and the delays could ruin the "
     "fishing season.", "It would probably take four to six months to clear the harbor"),
    ("The water was clean, the inspector said, but the pipes were old.", "The water was clean"),
    ("Prices will rise in spring, the analyst said, and wages will lag behind.", "Prices will rise in spring"),
])
def test_what_was_said_ends_at_an_inserted_cue_before_and(parsed, text, said):
    [(content, _, _, cue)] = run(parsed, text)
    assert content == said and cue == "said"


def test_a_quotation_resumed_with_and_after_the_cue_stays_whole(parsed):
    text = "“The pumps will hold,” she said, “and the levee too.”"
    [(content, speaker, _, _)] = run(parsed, text)
    assert content == text and speaker == "she"


# -- an adjective of stance after a copula (lexicons/quote_cues.tsv, ADJ rows): its subject holds the view

@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("The governor is skeptical of the new pipeline plan.", "the new pipeline plan", "The governor"),
    ("Farmers in Dorn are confident that the harvest will recover.", "that the harvest will recover",
     "Farmers in Dorn"),
    ("The union was eager to resume talks with the port authority.", "to resume talks with the port authority",
     "The union"),
])
def test_a_stance_adjective_reports_its_subjects_view(parsed, text, content, speaker):
    [(found, found_speaker, _, _)] = run(parsed, text)
    assert (found, found_speaker) == (content, speaker)


def test_an_adjective_with_nobody_holding_the_view_is_no_attribution(parsed):
    assert run(parsed, "It is certain that prices will rise.") == []


# -- "X said A, while Y said B": two records, each with its own speaker

@pytest.mark.parametrize(("text", "first", "second"), [
    ("Some farmers said the new dam had helped their fields, while other residents said they had seen no change "
     "at all.", "the new dam had helped their fields", "they had seen no change at all"),
    ("The mayor said the budget was balanced, whereas the auditors said the figures were wrong.",
     "the budget was balanced", "the figures were wrong"),
    ("Officials in Dorn said the road was open, while drivers told reporters that it was still blocked.",
     "the road was open", "that it was still blocked"),
])
def test_a_contrasting_claim_is_its_own_record(parsed, text, first, second):
    assert [content for content, *_ in run(parsed, text)] == [first, second]


def test_a_clause_of_time_after_while_stays_in_what_was_said(parsed):
    [(content, _, _, _)] = run(parsed, "Ana Ruiz said the clinic would reopen while the nurses were on strike.")
    assert content == "the clinic would reopen while the nurses were on strike"


# -- "according to X" vouches for the whole main clause, however the parser hung it

@pytest.mark.parametrize(("text", "content"), [
    ("The ferry to Orsk was cancelled twice, the bus was late and the trains stopped at noon, according to the "
     "transport office.", "The ferry to Orsk was cancelled twice, the bus was late and the trains stopped at noon"),
    ("One of the options the council has weighed, according to two people at the meeting, is to close the old "
     "bridge.", "One of the options the council has weighed, according to two people at the meeting, is to close "
     "the old bridge"),
    ("Right now the dam holds back twice its planned volume when the spring rains are counted, according to "
     "engineers in Dorn.", "Right now the dam holds back twice its planned volume when the spring rains are counted"),
])
def test_according_to_speaks_for_the_main_clause(parsed, text, content):
    [(found, _, _, cue)] = run(parsed, text)
    assert found == content and cue == "according to"


def test_according_to_inside_a_subordinate_clause_speaks_for_that_clause(parsed):
    [(found, speaker, _, _)] = run(parsed, "The mine closed because, according to the owners, the seam was exhausted.")
    assert "The mine closed" not in found and found.endswith("the seam was exhausted") and speaker == "the owners"


# -- the "that"-clause of a claim someone else owns is no clause of the verb around it

@pytest.mark.parametrize(("text", "content"), [
    ("The mayor rejected the claim by the union that the budget had been cut.",
     "the claim by the union that the budget had been cut"),
    ("Critics pointed to her remark that the plan was a joke.", "her remark that the plan was a joke"),
    ("Officials dismissed his suggestion that the port be closed.", "his suggestion that the port be closed"),
])
def test_an_owned_claim_stays_with_its_owner(parsed, text, content):
    [(found, _, _, _)] = run(parsed, text)
    assert found == content


def test_a_that_clause_on_an_addressee_is_the_speakers(parsed):
    [(found, speaker, _, _)] = run(parsed, "She told reporters that the port was shut.")
    assert (found, speaker) == ("that the port was shut", "She")


# -- "called for X to do Y" parsed as a clause marked by the preposition: the call is for X to do Y

@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("The senator is calling for the government to raise the minimum wage.",
     "the government to raise the minimum wage", "The senator"),
    ("The mayor has called for the dam to be inspected before the rains.",
     "the dam to be inspected before the rains", "The mayor"),
    ("Residents pushed for the council to reopen the pool.", "the council to reopen the pool", "Residents"),
])
def test_a_call_for_someone_to_act(parsed, text, content, speaker):
    [(found, found_speaker, _, _)] = run(parsed, text)
    assert (found, found_speaker) == (content, speaker)


def test_a_verb_that_is_no_cue_with_for_and_an_infinitive_is_left_alone(parsed):
    assert run(parsed, "She waited for the rain to stop.") == []


# -- a cue that opens the sentence before the speaker's name ("Said Ana Ruiz: …"), read by the parser into the name

@pytest.mark.parametrize(("text", "speaker"), [
    ("Wrote Tamsin Reyes: “The council has failed the town again and again.”", "Tamsin Reyes"),
    ("Said Osei: “Nobody on the council has read the harbor report, and it shows.”", "Osei"),
    ("He spoke on the radio on Monday.\n\nAdded Voss:\n\n“I think the stakes are very high, and anybody who says "
     "otherwise has not looked.”", "Voss"),
])
def test_an_inverted_speaker_after_an_opening_cue(parsed, text, speaker):
    [(content, found_speaker, _, _)] = run(parsed, text)
    assert content.startswith("“") and found_speaker == speaker


def test_a_street_named_like_a_cue_is_no_speaker(parsed):
    assert run(parsed, "Said Street is closed to traffic on weekends.") == []


# -- a cue noun its subject receives ("drew criticism from X", lexicons/quote_receiving_verbs.txt): X speaks of it

@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("The new levy has drawn sharp criticism from shop owners in Dorn.", "The new levy", "shop owners in Dorn"),
    ("The ferry plan received praise from fishermen and harbor workers.", "The ferry plan",
     "fishermen and harbor workers"),
    ("Mayor Lund won the backing of Senator Ana Ruiz.", "Mayor Lund", "Senator Ana Ruiz"),
])
def test_a_received_cue_noun_names_its_giver(parsed, text, content, speaker):
    [(found, found_speaker, _, _)] = run(parsed, text)
    assert (found, found_speaker) == (content, speaker)


def test_a_received_cue_noun_with_no_giver_is_no_attribution(parsed):
    assert run(parsed, "The mayor came under criticism after the flood.") == []


# -- headlines: a title-case cue the parser did read as a verb, and a lower-case headline's cue no frame read

BODY = "\n\nDORN — The senator spoke on Monday."


@pytest.mark.parametrize(("headline", "content", "speaker"), [
    ("Senator Vale Promises Action On Harbor Dredging In First Month.", "Action On Harbor Dredging In First Month",
     "Senator Vale"),
    ("Senator Ana Ruiz Proposes Ban On Night Flights Over Dorn.", "Ban On Night Flights Over Dorn",
     "Senator Ana Ruiz"),
    ("Union plans walkout at three ports.", "walkout at three ports", "Union"),
])
def test_a_headline_claim_runs_to_the_end_of_the_line(parsed, headline, content, speaker):
    [(found, found_speaker, _, _)] = run(parsed, headline + BODY)
    assert (found, found_speaker) == (content, speaker)


def test_a_headline_without_a_cue_is_no_claim(parsed):
    assert run(parsed, "Floods close roads across the valley." + BODY) == []


@pytest.mark.parametrize(("headline", "content", "speaker"), [
    ("Governor Ruiz Urges Farmers To Plant Early This Spring.", "Farmers To Plant Early This Spring",
     "Governor Ruiz"),
    ("Mayor Lund Vows To Reopen Harbor Before Summer.", "To Reopen Harbor Before Summer", "Mayor Lund"),
    ("Coach Ben Hardy Blasts League Over Schedule Change.", "League Over Schedule Change", "Coach Ben Hardy"),
])
def test_a_title_case_headline_speaker_by_its_proper_nouns(parsed, headline, content, speaker):
    [(found, found_speaker, _, _)] = run(parsed, headline + BODY)
    assert (found, found_speaker) == (content, speaker)


def test_a_title_case_headline_with_no_cue_is_no_claim(parsed):
    assert run(parsed, "Dorn City Council Meeting Draws Big Crowd." + BODY) == []
