"""Document records the store tests write themselves (no extraction needed), spans computed from the text."""

from __future__ import annotations


def span(text: str, part: str, after: int = 0) -> dict:
    start = text.index(part, after)
    return {"start": start, "end": start + len(part), "text": part}


def make_record(doc_id: str, text: str, published: str | None = None, title: str | None = None, *,
                persons: tuple[str, ...] = (), place: tuple[str, str, float, float] | None = None,
                event: str | None = None, event_date: str | None = None, killed: int | None = None,
                injured: int | None = None, quote: str | None = None) -> dict:
    """A SPEC §2 document record for ``text``, with items whose spans point at the words they name."""
    entities = [{"id": f"e{i + 1}", "type": "PERSON", "name": name, "mentions": [span(text, name)],
                 "role": None, "country": None, "sector": None} for i, name in enumerate(persons)]
    places = []
    if place:
        name, admin1, lat, lon = place
        places.append(span(text, name) | {"name": name, "admin1": admin1, "country": "US", "lat": lat,
                                          "lon": lon, "geonameid": None, "feature": "PPL", "entity": None})
    figures, events, quotes = [], [], []
    for category, value, word in (("killed", killed, "killed"), ("injured", injured, "wounded")):
        if value is not None and word in text:
            figures.append(span(text, word) | {"quantity": {"value": value, "low": None, "high": None,
                                                            "approx": False},
                                               "unit": "people", "category": category, "claimant": None,
                                               "place": 0 if places else None, "time": None, "hedged": False})
    if event:
        trigger = span(text, event)
        events.append({"id": "v1", "type": "ASSAULT", "mode": None, "context": [], "cameo": None, "acled": None,
                       "trigger": trigger, "actors": [], "recipients": [
                           {"start": e["mentions"][0]["start"], "end": e["mentions"][0]["end"],
                            "text": e["name"], "entity": e["id"], "code": None} for e in entities[:1]],
                       "place": 0 if places else None, "time": None, "date": event_date, "status": "asserted",
                       "source": None, "killed": killed, "injured": injured,
                       "evidence": {"start": trigger["start"], "end": trigger["end"]}})
    if quote:
        content = span(text, quote)
        quotes.append({"content": {"start": content["start"], "end": content["end"]}, "cue": None,
                       "speaker": None, "speaker_entity": "e1" if entities else None, "kind": "direct"})
    return {"id": doc_id, "title": title, "url": f"https://news.example/{doc_id}", "published": published,
            "lang": "en", "text": text, "entities": entities, "places": places, "times": [], "quotes": quotes,
            "figures": figures, "events": events, "facts": [], "story": None, "incident": None,
            "boilerplate": []}

