import pytest

from eventwire.extract.base import Found
from eventwire.extract.quotes import attribution_of, quotes
from eventwire.records import Entity, Quote, Span


def run(parsed, text, entities=()):
    return quotes(parsed(text), Found(entities=list(entities)))


def only(found, cue):
    matching = [q for q in found if q.cue is not None and q.cue.text == cue]
    assert len(matching) == 1, [(q.cue, q.content.text) for q in found]
    return matching[0]


def test_indirect_speech_takes_the_clause_and_the_subject(parsed):
    text = "Interior Minister Arvo Tellen said the bridge at Kessel had been destroyed overnight."
    quote = only(run(parsed, text), "said")
    assert quote.content.text == "the bridge at Kessel had been destroyed overnight"
    assert quote.speaker.text == "Interior Minister Arvo Tellen"
    assert quote.kind == "indirect"


def test_direct_quote_before_an_inverted_cue_keeps_its_marks(parsed):
    text = "“We will hold the line at the river,” said Dara Moss, a spokeswoman for the Varn militia."
    quote = only(run(parsed, text), "said")
    assert quote.content.text == "“We will hold the line at the river,”"
    assert quote.speaker.text.startswith("Dara Moss")
    assert quote.kind == "direct"


def test_a_quotation_continued_after_the_cue_is_one_record_with_its_speaker(parsed):
    text = '"The shelling started at dawn," she said. "Nobody in the village slept after that."'
    [quote] = run(parsed, text)
    assert quote.content.start == 0 and quote.content.end == len(text)
    assert quote.cue.text == "said" and quote.speaker.text == "she"


def test_a_quotation_after_an_unrelated_sentence_is_not_joined(parsed):
    text = '"The shelling started at dawn," she said. The river rose overnight. "No."'
    assert [q.content.text for q in run(parsed, text)] == ['"The shelling started at dawn,"']


def test_according_to_gives_the_rest_of_the_sentence_as_content(parsed):
    text = "According to the commander of the border guard, the village of Orsk is almost empty."
    quote = only(run(parsed, text), "According to")
    assert quote.content.text == "the village of Orsk is almost empty"
    assert quote.speaker.text == "the commander of the border guard"


def test_a_claim_carries_its_claimant(parsed):
    text = "The rebel leader Ilan Varga claimed dozens of houses have burned in Telbin."
    quote = only(run(parsed, text), "claimed")
    assert quote.content.text == "dozens of houses have burned in Telbin"
    assert "Ilan Varga" in quote.speaker.text


def test_quote_inside_reported_clause_is_mixed(parsed):
    text = 'The governor said the town would "never surrender to the raiders."'
    quote = only(run(parsed, text), "said")
    assert quote.kind == "mixed"
    assert quote.content.text == 'the town would "never surrender to the raiders."'


def test_a_quotation_introduced_by_a_colon(parsed):
    text = 'The mayor told reporters: "Water is running out in the eastern districts."'
    quote = only(run(parsed, text), "told")
    assert quote.content.text == '"Water is running out in the eastern districts."'
    assert quote.speaker.text == "The mayor"


def test_sentences_without_a_cue_give_no_quotes(parsed):
    assert run(parsed, "Heavy rain fell on the valley for three days and the roads flooded.") == []


def test_speaker_links_to_the_entity_mentioned_there_and_pronouns_follow_it(parsed):
    text = 'Mayor Ona Brell said the shelters were full. "We need tents," she said.'
    brell = Entity("e1", "PERSON", "Ona Brell", [Span(6, 15, "Ona Brell")])
    found = run(parsed, text, [brell])
    assert [q.speaker_entity for q in found] == ["e1", "e1"]
    assert found[1].speaker.text == "she"


def test_pronoun_they_skips_people_for_groups(parsed):
    text = ('The Red Lantern Society said aid convoys were blocked near Dorn. Its director, Pem Oste, flew to the '
            'capital. "We cannot reach the wounded," they said.')
    society = Entity("e1", "ORG", "Red Lantern Society", [Span(4, 23, "Red Lantern Society")])
    oste = Entity("e2", "PERSON", "Pem Oste", [Span(text.index("Pem"), text.index("Pem") + 8, "Pem Oste")])
    found = run(parsed, text, [society, oste])
    assert found[-1].speaker.text == "they"
    assert found[-1].speaker_entity == "e1"


def quote_at(start, end, speaker="she"):
    return Quote(content=Span(start, end), speaker=Span(0, 3, speaker) if speaker else None)


def test_attribution_of_returns_the_innermost_containing_quote():
    outer, inner = quote_at(0, 100), quote_at(20, 60)
    assert attribution_of([outer, inner], 30, 40) is inner
    assert attribution_of([outer, inner], 70, 80) is outer


def test_attribution_of_prefers_a_named_speaker_to_an_anonymous_inner_report():
    outer, inner = quote_at(0, 100), quote_at(20, 60, speaker=None)
    assert attribution_of([inner, outer], 30, 40) is outer
    assert attribution_of([inner], 30, 40) is inner


@pytest.mark.parametrize("span", [(90, 110), (120, 130)])
def test_attribution_of_needs_the_span_wholly_inside(span):
    assert attribution_of([quote_at(0, 100)], *span) is None


def test_a_pronoun_takes_the_person_named_earlier_in_its_own_sentence(parsed):
    text = ('Minister Eda Rusk said the talks had failed. After Governor Tom Vale toured Orsk, he said the raid '
            'was "a cowardly act."')
    rusk = Entity("e1", "PERSON", "Eda Rusk", [Span(9, 17, "Eda Rusk")])
    at = text.index("Tom Vale")
    vale = Entity("e2", "PERSON", "Tom Vale", [Span(at, at + 8, "Tom Vale")])
    found = run(parsed, text, [rusk, vale])
    said = [q for q in found if q.speaker is not None and q.speaker.text == "he"]
    assert [q.speaker_entity for q in said] == ["e2"]


def test_according_to_in_brackets_leaves_the_figure_as_content(parsed):
    text = "Population: about 12,000 (according to the 2001 census, mostly herders)"
    quote = only(run(parsed, text), "according to")
    assert quote.content.text == "about 12,000"
    assert quote.speaker.text.startswith("the 2001 census")


def test_a_speech_act_verb_and_its_cue_noun_are_one_claim_of_the_subject(parsed):
    text = "The health ministry voiced concern that the clinics in Marrow would run out of insulin."
    [quote] = run(parsed, text)
    assert quote.speaker.text == "The health ministry"
    assert quote.content.text.startswith("concern that the clinics in Marrow")


def test_a_received_report_inside_a_claim_is_the_claim_of_who_said_it(parsed):
    text = "Lavrin said the capital was receiving reports that the bridge had collapsed."
    [quote] = run(parsed, text)
    assert quote.speaker.text == "Lavrin"
    at = text.index("the bridge")
    assert attribution_of([quote], at, at + 10) is quote


def test_the_channel_after_the_cue_belongs_to_the_cue(parsed):
    text = "Hallan's ministry of defence said in a statement that the border would stay closed."
    quote = only(run(parsed, text), "said in a statement")
    assert quote.content.text == "that the border would stay closed"


def test_a_quotation_running_over_paragraphs_keeps_its_speaker(parsed):
    text = ('The mayor, Ilse Dorne, said: “We have lost the eastern bridge.\n'
            '“The water supply will hold for two more days at most,” she added.')
    found = run(parsed, text)
    assert [q.content.text for q in found] == [
        "“We have lost the eastern bridge.", "“The water supply will hold for two more days at most,”"]
    assert "Ilse Dorne" in found[0].speaker.text
    assert found[1].speaker.text == "she"


def test_officials_who_said_name_the_officials(parsed):
    text = "Aid workers who reached Pell on Sunday said the town had no clean water."
    quote = only(run(parsed, text), "said")
    assert quote.speaker.text.startswith("Aid workers")
    assert quote.content.text == "the town had no clean water"


def test_a_quotation_signed_with_a_dash_and_a_name(parsed):
    text = "Readers wrote to us.\n“The floods took everything we had in the lower town.” ― Mara Quell\n"
    [quote] = run(parsed, text)
    assert quote.speaker.text == "Mara Quell"
    assert quote.cue.text == "―"


def test_transcript_lines_name_their_speaker_but_factbox_lines_do_not(parsed):
    transcript = "HOST: Why did the convoy turn back?\nGENERAL ODIN: The road past Kell was mined."
    found = run(parsed, transcript)
    assert [(q.speaker.text, q.content.text) for q in found] == [
        ("HOST", "Why did the convoy turn back?"), ("GENERAL ODIN", "The road past Kell was mined")]
    assert {q.kind for q in found} == {"direct"}
    assert run(parsed, "Capital: Orsk\nLanguages: Orsk Tatar, Russian\nReligion: Orthodox Christianity") == []


def test_they_after_unnamed_officials_stays_unlinked(parsed):
    text = ('The Varn Aid Agency sent two trucks to Pell. Local officials said the trucks never arrived. '
            '"We waited all night at the checkpoint," they said.')
    agency = Entity("e1", "ORG", "Varn Aid Agency", [Span(4, 19, "Varn Aid Agency")])
    found = run(parsed, text, [agency])
    assert found[-1].speaker.text == "they"
    assert found[-1].speaker_entity is None


@pytest.mark.parametrize("text", ["", "   \n\n", "“", "\"\"\"", "He said.", "According to"])
def test_degenerate_texts_give_no_quotes_and_no_errors(parsed, text):
    assert run(parsed, text) == []


def test_the_writers_aside_after_the_content_is_left_out(parsed):
    text = "General Oster said the shelling came from Varna, which has denied any role in the attack."
    quote = only(run(parsed, text), "said")
    assert quote.content.text == "the shelling came from Varna"


def test_an_object_claim_needs_someone_to_make_it(parsed):
    assert run(parsed, "Rejecting the ceasefire plan would be a grave mistake.") == []
    quote = only(run(parsed, "The council rejected the ceasefire plan on Monday."), "rejected")
    assert quote.speaker.text == "The council"
    assert quote.content.text == "the ceasefire plan"


def test_a_sentence_broken_by_the_cue_stays_one_quotation(parsed):
    text = "“The eastern district,” the governor said, “is already under water.”"
    [quote] = run(parsed, text)
    assert quote.content.start == 0 and quote.content.end == len(text)
    assert quote.speaker.text == "the governor"


def test_british_single_quotation_marks(parsed):
    text = "‘The convoy will not reach Dorn before dark,’ a spokesman for the relief agency said."
    quote = only(run(parsed, text), "said")
    assert quote.content.text == "‘The convoy will not reach Dorn before dark,’"
    assert quote.kind == "direct"


def test_she_skips_a_man_named_later(parsed):
    text = ('Mayor Ana Ruiz met Governor Tom Vale in Pell on Sunday. '
            '"The shelters are full and the river is still rising," she said.')
    at_ruiz, at_vale = text.index("Ana Ruiz"), text.index("Tom Vale")
    ruiz = Entity("e1", "PERSON", "Ana Ruiz", [Span(at_ruiz, at_ruiz + 8, "Ana Ruiz")])
    vale = Entity("e2", "PERSON", "Tom Vale", [Span(at_vale, at_vale + 8, "Tom Vale")])
    [quote] = run(parsed, text, [ruiz, vale])
    assert quote.speaker.text == "she" and quote.speaker_entity == "e1"


def test_a_persons_own_pronouns_tell_their_gender(parsed):
    text = ('Dr. Sefa Okoro worked in the ward until she collapsed. Her colleague, Kwame Adu, said he would stay. '
            '"We have no more bandages," she said.')
    at_okoro, at_adu = text.index("Sefa Okoro"), text.index("Kwame Adu")
    okoro = Entity("e1", "PERSON", "Sefa Okoro", [Span(at_okoro, at_okoro + 10, "Sefa Okoro")])
    adu = Entity("e2", "PERSON", "Kwame Adu", [Span(at_adu, at_adu + 9, "Kwame Adu")])
    assert run(parsed, text, [okoro, adu])[-1].speaker_entity == "e1"


def test_a_cue_inside_a_mixed_sentence_keeps_the_subject_with_the_quotation(parsed):
    text = "The old levee, the engineer said, “will not hold another night of rain.”"
    quote = only(run(parsed, text), "said")
    assert quote.content.start == 0 and quote.content.end == len(text)
    assert quote.speaker.text == "the engineer"
