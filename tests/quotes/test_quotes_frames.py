"""Cue classes and span rules added for recall: what someone wants, plans, knows or backs; what something seems;
a closing reporting clause cut from the content; a continued quotation split where the writer's words between its
pieces outweigh them. Our own sentences, invented people and places."""

import pytest

from eventwire.extract.base import Found
from eventwire.extract.entities import entities
from eventwire.extract.quotes import quotes


def run(parsed, text):
    doc = parsed(text)
    found = entities(doc, Found())
    return [(q.content.text, q.speaker.text if q.speaker else None, q.cue.text if q.cue else None)
            for q in quotes(doc, Found(entities=found))]


# -- intention: "X wants / plans / intends to …" is X's stated aim

@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Governor Ana Ruiz wants to close the mine at Orsk by June.", "to close the mine at Orsk by June",
     "Governor Ana Ruiz"),
    ("The Tolvan army plans to reopen the road to Dorn next week.", "to reopen the road to Dorn next week",
     "The Tolvan army"),
    ("Tom Vale intends to sue the city over the flooded cellars.", "to sue the city over the flooded cellars",
     "Tom Vale"),
])
def test_an_intention_verb_reports_its_subjects_aim(parsed, text, content, speaker):
    assert (content, speaker) in [(c, s) for c, s, _ in run(parsed, text)]


def test_a_plan_as_a_noun_reports_nothing(parsed):
    assert run(parsed, "Plans for a new bridge at Orsk were shelved in March.") == []


# -- stance and cognition: "X backs / supports Y", "X knows that …"

@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("The farmers' union backs the new water tax.", "the new water tax", "The farmers' union"),
    ("Senator Lia Brand supports a ban on diesel cars in Dorn.", "a ban on diesel cars in Dorn", "Senator Lia Brand"),
    ("Tom Vale knows that the levee at Dorn is too low.", "that the levee at Dorn is too low", "Tom Vale"),
])
def test_stance_and_knowledge_verbs_report_their_subjects_position(parsed, text, content, speaker):
    assert (content, speaker) in [(c, s) for c, s, _ in run(parsed, text)]


def test_knowing_a_place_is_no_claim(parsed):
    assert run(parsed, "Ana Ruiz knows the valley well.") == []


# -- seeming: "[X seems to Y]", "[X appears Z]" is a judgement with the cue inside and nobody named

@pytest.mark.parametrize(("text", "content"), [
    ("The ceasefire in Kessa seems likely to collapse.", "The ceasefire in Kessa seems likely to collapse"),
    ("The governor appears ready to resign.", "The governor appears ready to resign"),
    ("The new dam seems to have cracked after the storm.", "The new dam seems to have cracked after the storm"),
])
def test_a_verb_of_seeming_holds_a_judgement_with_nobody_named(parsed, text, content):
    assert (content, None) in [(c, s) for c, s, _ in run(parsed, text)]


def test_a_verb_of_seeming_inside_a_quotation_stays_the_quoted_speakers(parsed):
    text = '"The plan seems to be to wait," said Ana Ruiz.'
    assert [(c, s) for c, s, _ in run(parsed, text)] == [('"The plan seems to be to wait,"', "Ana Ruiz")]


def test_appearing_somewhere_is_no_judgement(parsed):
    assert run(parsed, "The governor appeared on television in Dorn on Monday.") == []


# -- a closing reporting clause of its own is cut from the content: ", citing …", "and warned …"

@pytest.mark.parametrize(("text", "content"), [
    ("Ana Ruiz said the bridge would stay shut, citing cracks in the pillars.", "the bridge would stay shut"),
    ("Officials in Dorn said the dam was safe and warned residents to stay calm.", "the dam was safe"),
    ("Tom Vale said the strike had ended, arguing that the miners had won.", "the strike had ended"),
])
def test_a_closing_reporting_clause_is_not_part_of_the_content(parsed, text, content):
    found = run(parsed, text)
    assert found[0][0] == content and len(found) == 2 and found[1][1] == found[0][1]


def test_a_closing_clause_of_another_verb_stays_in_the_content(parsed):
    found = run(parsed, "Ana Ruiz said the bridge would stay shut and the ferry would run instead.")
    assert [c for c, _, _ in found] == ["the bridge would stay shut and the ferry would run instead"]


# -- a continued quotation: one record when the words between are short, one per stretch when they are long

@pytest.mark.parametrize("text", [
    '"Not now," said Ana Ruiz, an engineer who has run the pumping station at Orsk since 1990 and sits on the boards '
    'of three water firms. "Never again."',
    '"It leaks," Tom Vale said of the dam that the army engineers finished in a hurry two winters ago after the '
    'floods. "Very badly."',
    '"We wait," the mayor of Dorn told a crowd of several hundred farmers gathered outside the town hall on a cold '
    'Monday morning. "Then we vote."',
])
def test_a_quotation_continued_after_a_long_aside_is_one_record_per_stretch(parsed, text):
    found = run(parsed, text)
    assert len(found) == 2 and found[0][1] == found[1][1] and found[1][0].startswith('"') and found[1][2] is None


def test_a_quotation_continued_after_a_short_cue_stays_one_record(parsed):
    text = '"The water is rising fast," Ana Ruiz said. "We are moving everyone to the school."'
    assert [c for c, _, _ in run(parsed, text)] == [text]


# -- a column of signed quotations: each takes the name after it, not the one that signs the one before

def test_each_signed_quotation_takes_its_own_signature(parsed):
    text = ("“The river took our house and the school.” ― Ana Ruiz\n"
            "“Nobody came to help us for three days.”―\xa0Tom Vale\n"
            "“We will rebuild Orsk with our own hands.” — Lia Brand.")
    assert [s.split()[-1] for _, s, _ in run(parsed, text)] == ["Ruiz", "Vale", "Brand"]


def test_a_dash_after_a_quotation_before_no_name_signs_nothing(parsed):
    found = run(parsed, "“We will rebuild the whole town this year.” ― and then the crowd went home.")
    assert [s for _, s, _ in found] == [None]


# -- a transcript whose turns each open with a mark: a turn is its own speaker's, not the turn before's

def test_a_transcript_turn_is_not_continued_into_the_next_speakers_turn(parsed):
    text = ('The interview went as follows:\n\n"VALE: Will the levee at Dorn hold through the spring floods?\n\n'
            '"RUIZ: It will hold, and we have sandbags for every street in the lower town.\n\n'
            '"VALE: And the bridge over the Orsk river, the one that cracked last winter?')
    found = run(parsed, text)
    assert [(c.split()[0], s) for c, s, _ in found] == [("Will", "VALE"), ("It", "RUIZ"), ("And", "VALE")]


# -- "In a new poll, …", "In her view, …": the clause is the finding or view of the poll, of her

@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("In a new poll by the Orsk Tribune, the mayor leads her rival by ten points.",
     "the mayor leads her rival by ten points", "the Orsk Tribune"),
    ("In her view, the dam at Dorn will not survive another winter.",
     "the dam at Dorn will not survive another winter", "her"),
    ("The governor lost ground among farmers in a survey published on Monday.",
     "The governor lost ground among farmers", "a survey published on Monday"),
])
def test_a_clause_in_a_poll_or_a_view_is_its_finding(parsed, text, content, speaker):
    assert (content, speaker, "in") in [(c, s, cue.lower()) for c, s, cue in run(parsed, text)]


def test_a_clause_in_a_speech_noun_with_its_own_cue_is_the_cues(parsed):
    found = run(parsed, "In a speech on Monday, Ana Ruiz said the mine would close.")
    assert [(c, s) for c, s, _ in found] == [("the mine would close", "Ana Ruiz")]


# -- naming: "called X Y" holds what is named with its name; "what she called Y" takes the fronted "what"

@pytest.mark.parametrize(("text", "content", "speaker"), [
    ('Ana Ruiz called the new toll a "tax on the poor" in a radio interview.', 'the new toll a "tax on the poor"',
     "Ana Ruiz"),
    ("The mayor of Dorn called the flood barrier a waste of money.", "the flood barrier a waste of money",
     "The mayor of Dorn"),
    ('Tom Vale dubbed the deal "a surrender" on Monday.', 'the deal "a surrender"', "Tom Vale"),
])
def test_a_naming_verb_holds_what_is_named_and_its_name(parsed, text, content, speaker):
    assert (content, speaker) in [(c, s) for c, s, _ in run(parsed, text)]


def test_calling_a_meeting_names_nothing(parsed):
    assert run(parsed, "The governor of Tolva called an emergency meeting on Sunday.") == []


# -- headlines: "Survey: …" names its source; a title-case "Senator Rips Governor …" has a verb the parser missed

@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Survey: Young Voters Desert Tolvan Party for Ana Ruiz.\n\nThe survey was published on Monday.",
     "Young Voters Desert Tolvan Party for Ana Ruiz", "Survey"),
    ("Senator Lia Brand Vows To Rebuild Every School In Orsk.\n\nShe spoke in Dorn on Monday.",
     "To Rebuild Every School In Orsk", "Senator Lia Brand"),
    ("Farm Lawmakers Rip Water Tax As A ‘Disaster For Dorn.’\n\nThe vote is on Friday.",
     "Water Tax As A ‘Disaster For Dorn.’", "Farm Lawmakers"),
])
def test_a_headline_names_its_source(parsed, text, content, speaker):
    assert (content, speaker) in [(c, s) for c, s, _ in run(parsed, text)]


@pytest.mark.parametrize("text", [
    "The Latest: Floods Cut The Road To Orsk.\n\nRivers rose overnight.",
    "Mayor Ruiz Plan For Dorn Bridge Is Costly.\n\nThe bridge would cost more than the school.",
])
def test_a_headline_with_a_story_label_or_a_noun_names_no_source(parsed, text):
    assert run(parsed, text) == []


# -- "painted X as Y", "blasted X for Y", "offers X to Y": what is said of the object takes the object along

@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Ana Ruiz painted her rival as a friend of the mining firms.", "her rival as a friend of the mining firms",
     "Ana Ruiz"),
    ("The union blasted the company for closing the plant at Orsk.", "the company for closing the plant at Orsk",
     "The union"),
    ("Senator Lia Brand praised the volunteers for their work in Dorn.", "the volunteers for their work in Dorn",
     "Senator Lia Brand"),
])
def test_a_prepositional_claim_about_an_object_holds_the_object(parsed, text, content, speaker):
    assert (content, speaker) in [(c, s) for c, s, _ in run(parsed, text)]


def test_a_prepositional_claim_with_no_object_is_the_prepositions_object(parsed):
    assert [(c, s) for c, s, _ in run(parsed, "Tom Vale called for a ceasefire in Kessa.")] == [
        ("a ceasefire in Kessa", "Tom Vale")]


# -- a closing participle clause after a comma is the writer's comment, not the claim

@pytest.mark.parametrize(("text", "content"), [
    ("Ana Ruiz said the border at Orsk was open, contradicting the army's account of the day.",
     "the border at Orsk was open"),
    ("Tom Vale said the dam had been inspected in May, prompting questions from the farmers of Dorn.",
     "the dam had been inspected in May"),
    ("The mayor said the school would reopen on Monday, ending a week of uncertainty for parents.",
     "the school would reopen on Monday"),
])
def test_a_closing_participle_clause_is_not_part_of_the_claim(parsed, text, content):
    assert content in [c for c, _, _ in run(parsed, text)]


def test_a_participle_without_a_comma_stays_in_the_claim(parsed):
    found = run(parsed, "Ana Ruiz said the river kept rising all night.")
    assert [c for c, _, _ in found] == ["the river kept rising all night"]


# -- a closing "amid …" phrase is the writer's setting

@pytest.mark.parametrize(("text", "content"), [
    ("Ana Ruiz urged residents to stay indoors amid fears of another flood in Dorn.", "residents to stay indoors"),
    ("Tom Vale said the talks would resume, amid growing anger in Orsk.", "the talks would resume"),
    ("The governor called for calm amid reports of looting in Kessa.", "calm"),
])
def test_a_closing_amid_phrase_is_not_part_of_the_claim(parsed, text, content):
    assert content in [c for c, _, _ in run(parsed, text)]


def test_amid_inside_the_claim_stays(parsed):
    found = run(parsed, "Ana Ruiz said that amid the floods the school had stayed open.")
    assert [c for c, _, _ in found] == ["that amid the floods the school had stayed open"]
