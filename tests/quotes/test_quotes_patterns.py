"""Attribution patterns, each with sentences it must read right and one it must leave alone (our own sentences,
invented people and places)."""

import pytest

from eventwire.extract.base import Found
from eventwire.extract.entities import entities
from eventwire.extract.quotes import quotes


def run(parsed, text):
    doc = parsed(text)
    found = entities(doc, Found())
    names = {e.id: e.name for e in found}
    return [(q.content.text, q.speaker.text if q.speaker else None, names.get(q.speaker_entity))
            for q in quotes(doc, Found(entities=found))]


# -- one record per stretch: a claim inside a claim is part of what the outer speaker says

@pytest.mark.parametrize(("text", "speaker"), [
    ("Governor Tom Vale said the army believes the town of Orsk is lost.", "Governor Tom Vale"),
    ("The mayor of Dorn told reporters that officials had warned the dam could fail.", "The mayor of Dorn"),
    ("Ana Ruiz said she thinks the talks in Kessa will fail.", "Ana Ruiz"),
])
def test_a_claim_inside_a_claim_is_one_record_of_the_outer_speaker(parsed, text, speaker):
    [(_, found_speaker, _)] = run(parsed, text)
    assert found_speaker == speaker


def test_two_claims_side_by_side_stay_two(parsed):
    found = run(parsed, "Ana Ruiz said the road was open. Tom Vale said the bridge was closed.")
    assert [s for _, s, _ in found] == ["Ana Ruiz", "Tom Vale"]


# -- a quotation continued after its cue is one record with its speaker

@pytest.mark.parametrize("text", [
    '"The water is rising," Ana Ruiz said. "We are moving everyone to the school."',
    '“The shelling started at dawn,” said Tom Vale. “Nobody in Orsk slept after that.”',
    '"We have no more fuel," the mayor said on Monday. "The generators will stop tonight."',
])
def test_a_continued_quotation_is_one_record(parsed, text):
    [(content, speaker, _)] = run(parsed, text)
    assert content == text and speaker is not None


def test_a_quotation_a_new_paragraph_after_another_source_is_not_continued(parsed):
    text = '"The water is rising," Ana Ruiz said.\n\nTom Vale disagreed. "The levee will hold," he said.'
    found = run(parsed, text)
    assert len(found) == 2 and found[0][0] == '"The water is rising,"'


# -- "according to a statement from X": X speaks, not the statement

@pytest.mark.parametrize(("text", "speaker"), [
    ("According to a statement from the Tolvan army, the town was taken at dawn.", "the Tolvan army"),
    ("According to a report by the Red Cross, the clinic in Dorn has closed.", "the Red Cross"),
    ("According to a statement of Ana Ruiz, the border will stay closed.", "Ana Ruiz"),
])
def test_according_to_a_speech_noun_gives_its_owner(parsed, text, speaker):
    [(_, found_speaker, _)] = run(parsed, text)
    assert found_speaker == speaker


def test_according_to_a_plain_source_is_that_source(parsed):
    [(_, speaker, _)] = run(parsed, "According to Mayor Ilse Dorne, the water supply will hold for two days.")
    assert speaker == "Mayor Ilse Dorne"


# -- noun cues: "the claim by X that …", "the warning from X that …", "X's assertion that …"

@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("The claim by the Varn ministry that the bridge was intact was false.",
     "that the bridge was intact", "the Varn ministry"),
    ("The warning from the Red Cross that hospitals were full went unheeded.",
     "that hospitals were full", "the Red Cross"),
    ("Ana Ruiz's assertion that the vote was rigged angered the council.",
     "that the vote was rigged", "Ana Ruiz's"),
])
def test_a_cue_noun_with_its_owner(parsed, text, content, speaker):
    found = run(parsed, text)
    assert (content, speaker) in [(c, s) for c, s, _ in found]


def test_a_noun_cue_of_a_topic_names_no_speaker(parsed):
    found = run(parsed, "The claim of fraud that the council heard was dismissed.")
    assert all(s != "fraud" for _, s, _ in found)


# -- "The minister was blunt: …": a clause on how someone put it, a colon, then what they said

@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("The minister was blunt: the border will stay closed until the spring.",
     "the border will stay closed until the spring", "The minister"),
    ("The message from the Red Cross was clear: the hospitals in Dorn are full.",
     "the hospitals in Dorn are full", "the Red Cross"),
    ("Ana Ruiz was firm: the vote in Kessa will go ahead.", "the vote in Kessa will go ahead", "Ana Ruiz"),
])
def test_a_colon_after_how_someone_put_it_introduces_their_words(parsed, text, content, speaker):
    assert (content, speaker) in [(c, s) for c, s, _ in run(parsed, text)]


def test_a_colon_after_a_description_of_weather_is_no_speech(parsed):
    assert run(parsed, "The night was cold: snow fell on Dorn until dawn.") == []


# -- "the official added": a title with no name of its own is the person named before it

@pytest.mark.parametrize("text", [
    "Governor Alma Brennick said the levee would hold. The official added that 300 people had left.",
    "Minister Tom Vale said the talks had failed. The minister added that Orsk would not sign.",
    "Mayor Ilse Dorne said the water was rising. Later the mayor said the school would open as a shelter.",
])
def test_a_bare_title_speaks_for_the_person_named_before(parsed, text):
    found = run(parsed, text)
    assert len(found) == 2 and found[1][2] is not None and found[1][2] == found[0][2]


def test_a_bare_title_with_no_person_before_takes_no_one(parsed):
    found = run(parsed, "The storm reached Dorn on Monday. The official said 300 people had left.")
    assert found[-1][2] in (None, "official")
