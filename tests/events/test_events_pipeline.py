"""Events through the whole pipeline: entities, codes, claims, dates and boilerplate, on a story written here."""

from __future__ import annotations

STORY = (
    "Peruvian forces overnight began shelling the border town of Santa Lucia, a local official said.\n"
    "Both sides accuse each other of starting the clashes.\n"
    "Chilean Defence Minister Ana Robles said Peruvian jets bombed a bridge near Tacna on Thursday.\n"
    'President Tomas Ortega said Chile would "not allow the killing of our soldiers to go unpunished."\n'
    "Chile said on Monday that it would halt every flight to Peru from midnight.\n"
    "Watch: rebels attack a convoy near Tacna\n"
    "The two countries fought a war over the region in the early 1990s.\n"
)


def by_type(record, type_):
    return [e for e in record.events if e.type == type_]


def test_story_events_are_coded_with_actors_codes_and_claims(extract):
    record = extract(STORY, published="2031-03-14")
    first = record.events[0]
    assert (first.type, first.mode) == ("ASSAULT", "heavy-weapons")
    assert first.actors[0].text == "Peruvian forces"
    assert (first.actors[0].code or "PER")[:3] == "PER"
    assert record.text[first.evidence.start:first.evidence.end].startswith("Peruvian forces overnight")

    accuse = by_type(record, "ACCUSE")[0]
    assert [a.text for a in accuse.recipients] == [a.text for a in accuse.actors]

    bombing = next(e for e in by_type(record, "ASSAULT") if e.trigger.text == "bombed")
    assert bombing.status == "claimed"
    assert bombing.mode == "aerial"
    speaker = next(en for en in record.entities if "Robles" in en.name)
    assert bombing.source == speaker.id

    threat = by_type(record, "THREATEN")[0]
    assert threat.status == "threatened"
    assert any("Chile" in a.text for a in threat.actors)

    sanction = by_type(record, "SANCTION")[0]
    assert [r.text for r in sanction.recipients] == ["Peru"]


def test_boilerplate_and_background(extract):
    record = extract(STORY, published="2031-03-14")
    caption = STORY.index("Watch:")
    assert all(not (caption <= e.trigger.start < caption + 40) for e in record.events)
    war = next(e for e in record.events if e.trigger.text in ("fought", "war"))
    assert war.date.startswith("199")
    assert record.events.index(war) > record.events.index(by_type(record, "SANCTION")[0])
    assert [e.id for e in record.events] == [f"v{i}" for i in range(1, len(record.events) + 1)]


def test_place_time_and_casualties_are_linked(extract):
    record = extract("Taliban fighters attacked a police post in Kandahar on Monday, killing seven officers.",
                     published="2031-06-04")
    event = record.events[0]
    assert event.type == "ASSAULT"
    assert [a.text for a in event.actors] == ["Taliban fighters"]
    assert record.places[event.place].text == "Kandahar"
    assert record.times[event.time].text.endswith("Monday")
    assert event.date == "2031-06-02"
    assert event.killed == 7


def test_a_phrase_owned_through_a_pronoun_takes_the_owners_country(extract):
    record = extract("The Russian army denied that its jets bombed the market in Aleppo.", published="2031-06-04")
    bombing = next(e for e in record.events if e.type == "ASSAULT")
    assert bombing.status == "denied"
    assert [a.text for a in bombing.actors] == ["its jets"]
    assert bombing.actors[0].code.startswith("RUS")
