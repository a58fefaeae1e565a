"""Within a document: repeated groups, pronouns after quotes, title phrases."""

from __future__ import annotations

from eventwire.extract.base import Found
from eventwire.extract.entities import entities


def run(parsed, text):
    return entities(parsed(text), Found())


def owner_of(found, mention_start):
    return [e for e in found if any(m.start == mention_start for m in e.mentions)]


def test_bare_group_noun_repeats_the_earlier_group(parsed):
    text = "Three Malian police officers were wounded. The officers had stopped a truck near Gao."
    found = run(parsed, text)
    [group] = owner_of(found, text.index("officers had"))
    assert group.sector == "COP"
    assert group.country == "MLI"


def test_pronoun_after_a_quote_skips_people_inside_the_quote(parsed):
    text = ('Inspector Nadia Brel said the search was over. "The sergeant opened fire first," she said.')
    found = run(parsed, text)
    [speaker] = owner_of(found, text.index("she said"))
    assert speaker.name == "Nadia Brel"


def test_pronoun_joins_the_latest_subject(parsed):
    text = ("Prime Minister Oskar Lind met Jonas Berg in Oslo on Friday. "
            "Lind said he would call new elections.")
    found = run(parsed, text)
    [person] = owner_of(found, text.index("he would"))
    assert person.name == "Oskar Lind"
    assert (person.role, person.sector) == ("Prime Minister", "GOV")
    assert person.country == "NOR"


def test_unknown_title_phrase_stays_its_own_actor(parsed):
    text = "The Chilean ambassador left the capital on Monday."
    found = run(parsed, text)
    ambassador = [e for e in found if e.role == "ambassador"]
    assert len(ambassador) == 1
    assert (ambassador[0].type, ambassador[0].country, ambassador[0].sector) == ("PERSON", "CHL", "GOV")


def test_the_president_joins_the_president_mentioned_last(parsed):
    text = ("Chilean President Ana Soto met Peruvian President Luis Vargas in Lima. "
            "Later the president flew home.")
    found = run(parsed, text)
    [holder] = owner_of(found, text.index("president flew"))
    assert holder.name == "Luis Vargas"
    assert (holder.country, holder.sector) == ("PER", "GOV")


def test_odd_texts_give_no_entities_and_no_errors(parsed):
    for text in ["", "  \n ", "he said.", "HE SAID", "President", "-", "’s"]:
        assert run(parsed, text) == []


def test_short_forms_of_a_name_join_it(parsed):
    text = ("Sudanese President Hamid al-Rashid flew to Cairo. Rashid met officials there. "
            "Later Hamid told reporters the talks had gone well.")
    found = run(parsed, text)
    [rashid] = owner_of(found, text.index("Rashid met"))
    assert rashid.name == "Hamid al-Rashid"
    assert owner_of(found, text.index("Hamid told")) == [rashid]
    assert (rashid.country, rashid.sector) == ("SDN", "GOV")
