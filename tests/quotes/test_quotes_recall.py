"""Attribution patterns added for recall on unseen news, each with three sentences of our own it must read right
and one it must leave alone (invented people and places)."""

import pytest

from eventwire.extract.base import Found
from eventwire.extract.entities import entities
from eventwire.extract.quotes import quotes


def run(parsed, text):
    doc = parsed(text)
    found = entities(doc, Found())
    return [(q.content.text, q.speaker.text if q.speaker else None) for q in quotes(doc, Found(entities=found))]


# -- a relative pronoun fronted before the cue: "the levy, which officials said [would double the cost]"

@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("The council approved the levy, which officials said would double the cost of water.",
     "would double the cost of water", "officials"),
    ("They cut the tax on grain, which the minister believes will help farmers in Orsk.",
     "will help farmers in Orsk", "the minister"),
    ("It was what many engineers said was proof that the dam had been neglected.",
     "was proof that the dam had been neglected", "many engineers"),
])
def test_a_fronted_relative_pronoun_is_left_out_of_what_was_said(parsed, text, content, speaker):
    assert (content, speaker) in run(parsed, text)


def test_a_relative_clause_with_no_cue_is_no_claim(parsed):
    assert run(parsed, "The bridge over the Varn, which opened in May, is the longest in Orsk.") == []


# -- a headline's source, a colon and a quotation or a lower-case word for a body: "Vane camp: …"

@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Vane: 'The port will reopen in a week.'\n\nThe mayor spoke in Orsk.",
     "'The port will reopen in a week.'", "Vane"),
    ("Ruiz camp: The levy will ruin the farms of Orsk.\n\nThe vote is on Monday.",
     "The levy will ruin the farms of Orsk", "Ruiz camp"),
    ("Dorn Herald editorial: 'Keep the clinic in Dorn open.'\n\nThe paper ran it on Sunday.",
     "'Keep the clinic in Dorn open.'", "Dorn Herald editorial"),
])
def test_a_headline_source_before_a_colon(parsed, text, content, speaker):
    assert (content, speaker) in run(parsed, text)


def test_a_factbox_key_is_no_headline_source(parsed):
    found = run(parsed, "Population: about 12,000 in 2020.\n\nThe town of Orsk lies on the Varn.")
    assert [c for c, _ in found if "12,000" in c] == []


# -- a date inside what was proposed is no time tail: "proposing [schemes such as planting trees by 2030]"

@pytest.mark.parametrize(("text", "content"), [
    ("Ana Ruiz is proposing schemes such as planting a million trees by 2030 in the valley.",
     "schemes such as planting a million trees by 2030 in the valley"),
    ("Tom Vale praised plans such as opening ten clinics before 2027.",
     "plans such as opening ten clinics before 2027"),
    ("The mayor denounced schemes like closing the school in June.",
     "schemes like closing the school in June"),
])
def test_a_date_inside_the_object_stays_in_it(parsed, text, content):
    assert content in [c for c, _ in run(parsed, text)]


def test_a_closing_date_on_the_object_is_cut(parsed):
    assert "the attack" in [c for c, _ in run(parsed, "Governor Tom Vale denounced the attack on Monday.")]


# -- a phrase on the cue after its object tells where or through what it was said: "attacked the mayor [in a post]"

@pytest.mark.parametrize(("text", "content"), [
    ("Tom Vale attacked the mayor in a late-night post.", "the mayor"),
    ("Ana Ruiz denounced the plan at a rally in Orsk.", "the plan"),
    ("The council criticized the levy during a long meeting.", "the levy"),
])
def test_where_or_how_it_was_said_is_no_part_of_it(parsed, text, content):
    assert content in [c for c, _ in run(parsed, text)]


def test_a_phrase_the_cue_takes_stays(parsed):
    found = [c for c, _ in run(parsed, "Ana Ruiz thanked the council for backing the dam.")]
    assert "the council for backing the dam" in found


def test_in_before_no_speech_noun_stays(parsed):
    found = [c for c, _ in run(parsed, "Ana Ruiz described a deep rift in the way the towns share water.")]
    assert "a deep rift in the way the towns share water" in found


# -- a closing clause of the writer's setting: "said the dam was safe[, although she declined to show why]"

@pytest.mark.parametrize(("text", "content"), [
    ("Ana Ruiz said the new dam was safe, although she again declined to show the survey.",
     "the new dam was safe"),
    ("Tom Vale said he had never met the builder, when photos show them at a dinner.", "he had never met the builder"),
    ("Ana Ruiz said the dam will hold, though engineers in Orsk doubt it.", "the dam will hold"),
])
def test_a_closing_clause_of_setting_is_cut(parsed, text, content):
    assert content in [c for c, _ in run(parsed, text)]


def test_a_reason_given_by_the_speaker_stays(parsed):
    found = [c for c, _ in run(parsed, "Tom Vale said he would stay because the town needed him.")]
    assert "he would stay because the town needed him" in found


# -- a noun of intent with its owner and an infinitive: "the mayor's refusal [to sign the deal]"

@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("The mayor's refusal to sign the deal angered the town of Orsk.", "to sign the deal", "mayor"),
    ("Tom Vale's promise to rebuild the bridge in Dorn was broken.", "to rebuild the bridge in Dorn", "Tom Vale's"),
    ("Ana Ruiz's decision to close the port surprised the traders.", "to close the port", "Ana Ruiz's"),
])
def test_a_noun_of_intent_with_its_owner(parsed, text, content, speaker):
    found = run(parsed, text)
    assert content in [c for c, _ in found]
    assert any(speaker in (s or "") for c, s in found if c == content)


def test_a_noun_of_intent_owned_by_no_one_is_no_claim(parsed):
    assert run(parsed, "The plan to close the school in Dorn was dropped in May.") == []


# -- a noun cue with its owner and its preposition: "Ana Ruiz's call [for a ceasefire]"

@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Ana Ruiz's call for a ceasefire in Orsk went unanswered.", "a ceasefire in Orsk", "Ana Ruiz's"),
    ("The mayor's criticism of the new levy grew louder.", "the new levy", "mayor"),
    ("Tom Vale's opposition to the dam cost him the vote.", "the dam", "Tom Vale's"),
])
def test_a_noun_cue_with_its_preposition(parsed, text, content, speaker):
    found = run(parsed, text)
    assert any(c == content and speaker in (s or "") for c, s in found)


def test_a_noun_cue_owned_by_no_one_is_no_claim(parsed):
    assert run(parsed, "A call for calm came too late for the town of Dorn.") == []


# -- a passive cue with its agent: "[the plan] was endorsed by the council" (the agent speaks)

@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("The plan was endorsed by the council of Orsk.", "The plan", "the council of Orsk"),
    ("The new levy is supported by most farmers in Orsk.", "The new levy", "most farmers in Orsk"),
    ("The new dam was criticized by engineers in Dorn.", "The new dam", "engineers in Dorn"),
])
def test_a_passive_cue_speaks_through_its_agent(parsed, text, content, speaker):
    assert (content, speaker) in run(parsed, text)


def test_a_passive_act_that_reports_nothing_is_no_claim(parsed):
    assert run(parsed, "The bridge was built by the army in 1990.") == []


# -- verbs of stance with what they are for or against: "voted for the levy", "campaigned against the dam"

@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Tom Vale voted against the new levy.", "the new levy", "Tom Vale"),
    ("Ana Ruiz campaigned for a new bridge in Dorn.", "a new bridge in Dorn", "Ana Ruiz"),
    ("The mayor is aiming to cut the water tax.", "to cut the water tax", "The mayor"),
])
def test_a_verb_of_stance_with_its_object(parsed, text, content, speaker):
    assert (content, speaker) in run(parsed, text)


def test_a_vote_count_is_no_stance(parsed):
    assert run(parsed, "About 300 people in Orsk voted on Sunday.") == []


# -- an inverted speaker after a quotation, however the parser hung it: "“When does it leave?” asked the girl"

@pytest.mark.parametrize(("text", "speaker"), [
    ("“When does the ferry leave?” asked the girl, who was holding a blue kite.", "the girl"),
    ("“The ferry to Dorn is late again,” tweeted another.", "another"),
    ("“Is the road to Dorn open again?” asked a driver.", "a driver"),
])
def test_an_inverted_speaker_after_a_quotation(parsed, text, speaker):
    [(_, found)] = run(parsed, text)
    assert found is not None and found.startswith(speaker)


def test_an_object_after_a_cue_with_its_own_subject_is_no_speaker(parsed):
    [(_, found)] = run(parsed, "“The water is rising,” Ana Ruiz told the mayor.")
    assert found == "Ana Ruiz"


# -- a gerund clause where an object stands, hung as an open complement: "mentioned [raising the levy]"

@pytest.mark.parametrize(("text", "content"), [
    ("Tom Vale has mentioned raising the levy and selling the old mill.",
     "raising the levy and selling the old mill"),
    ("Ana Ruiz proposed building a second bridge over the Varn.", "building a second bridge over the Varn"),
    ("The mayor denounced closing the clinic in Dorn.", "closing the clinic in Dorn"),
])
def test_a_gerund_object_is_what_was_said(parsed, text, content):
    assert content in [c for c, _ in run(parsed, text)]


def test_a_gerund_after_a_verb_of_no_saying_is_no_claim(parsed):
    assert run(parsed, "The crews kept working through the night in Orsk.") == []
