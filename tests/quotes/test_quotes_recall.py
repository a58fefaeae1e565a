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


# -- a relative pronoun fronted before the cue: "the levy, which officials said [will take effect in May]"

@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("The council approved the levy, which officials said will take effect in May.",
     "will take effect in May", "officials"),
    ("They cut the tax on grain, which the minister believes will help farmers in Orsk.",
     "will help farmers in Orsk", "the minister"),
    ("It was what many engineers said was a sign of a thaw between the two towns.",
     "was a sign of a thaw between the two towns", "many engineers"),
])
def test_a_fronted_relative_pronoun_is_left_out_of_what_was_said(parsed, text, content, speaker):
    assert (content, speaker) in run(parsed, text)


def test_a_relative_clause_with_no_cue_is_no_claim(parsed):
    assert run(parsed, "The bridge over the Varn, which opened in May, is the longest in Orsk.") == []


# -- a headline's source, a colon and a quotation or a lower-case word for a body: "Vane camp: …"

@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Vane: 'We are going to build so much.'\n\nThe mayor spoke in Orsk.",
     "'We are going to build so much.'", "Vane"),
    ("Ruiz camp: Vane's plan threatens the economy of Orsk.\n\nThe vote is on Monday.",
     "Vane's plan threatens the economy of Orsk", "Ruiz camp"),
    ("Dorn Herald editorial: 'Send the governor home now.'\n\nThe paper ran it on Sunday.",
     "'Send the governor home now.'", "Dorn Herald editorial"),
])
def test_a_headline_source_before_a_colon(parsed, text, content, speaker):
    assert (content, speaker) in run(parsed, text)


def test_a_factbox_key_is_no_headline_source(parsed):
    found = run(parsed, "Population: about 12,000 in 2020.\n\nThe town of Orsk lies on the Varn.")
    assert [c for c, _ in found if "12,000" in c] == []


# -- a date inside what was proposed is no time tail: "proposing [projects like building bridges by 2030]"

@pytest.mark.parametrize(("text", "content"), [
    ("Ana Ruiz is proposing new projects like building 300 bridges by 2030 and giving towns money for buses.",
     "new projects like building 300 bridges by 2030 and giving towns money for buses"),
    ("Tom Vale praised plans such as opening ten clinics before 2027.",
     "plans such as opening ten clinics before 2027"),
    ("The mayor denounced schemes like closing the school in June.",
     "schemes like closing the school in June"),
])
def test_a_date_inside_the_object_stays_in_it(parsed, text, content):
    assert content in [c for c, _ in run(parsed, text)]


def test_a_closing_date_on_the_object_is_cut(parsed):
    assert "the attack" in [c for c, _ in run(parsed, "Governor Tom Vale denounced the attack on Monday.")]
