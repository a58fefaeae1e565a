"""Document records the store tests write themselves (no extraction needed), spans computed from the text, and
the helpers that store them one at a time and read back their incidents."""

from __future__ import annotations

from eventwire.ingest import add_records
from eventwire.store import Store


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



def war_report(doc_id: str, text: str, published: str, title: str, *, places: tuple = (), times: tuple = (),
               events: tuple = (), tolls: tuple = (), url: str | None = None) -> dict:
    """A SPEC §2 record for a war report written for the tests, items pointing at the words they name.

    ``places``: (name, country, lat, lon, feature); ``times``: (text, TIMEX3 value); ``events``: dicts with
    ``trigger``, ``type``, ``mode``, ``place`` and ``time`` (indexes), ``killed``, ``injured``; ``tolls``:
    (category, value, the words of the figure, the claimant's name as the text gives it)."""
    record = make_record(doc_id, text, published, title)
    record["url"] = url or f"https://wire.example/{doc_id}"
    record["places"] = [span(text, name) | {"name": name, "admin1": None, "country": country, "lat": lat,
                                            "lon": lon, "feature": feature, "geonameid": None, "entity": None}
                        for name, country, lat, lon, feature in places]
    record["times"] = [span(text, words) | {"type": "DATE", "value": value} for words, value in times]
    entities = []
    for _, _, _, claimant in tolls:
        if claimant and claimant not in [e["name"] for e in entities]:
            entities.append({"id": f"e{len(entities) + 1}", "type": "ORG", "name": claimant,
                             "mentions": [span(text, claimant)], "role": None, "country": None, "sector": None})
    ids = {e["name"]: e["id"] for e in entities}
    record["entities"] = entities
    record["figures"] = [span(text, words) | {"quantity": {"value": value, "low": None, "high": None,
                                                           "approx": False},
                                              "unit": "people", "category": category, "claimant": ids.get(claimant),
                                              "place": None, "time": None, "hedged": False}
                         for category, value, words, claimant in tolls]
    record["events"] = [{"id": f"v{n + 1}", "type": e["type"], "mode": e.get("mode"), "context": [], "cameo": None,
                         "acled": None, "trigger": span(text, e["trigger"]), "actors": [], "recipients": [],
                         "place": e.get("place"), "time": e.get("time"), "date": None, "status": "asserted",
                         "source": None, "killed": e.get("killed"), "injured": e.get("injured"),
                         "evidence": {"start": span(text, e["trigger"])["start"],
                                      "end": span(text, e["trigger"])["end"]}}
                        for n, e in enumerate(events)]
    return record


def stored(db_url: str, records: list[dict]) -> Store:
    """A store at ``db_url`` with the records added one at a time, as a feed delivers them."""
    store = Store.open(db_url)
    for record in records:
        add_records(store, [record])
    return store


def clusters(store: Store, ids: list[str]) -> set[frozenset[str]]:
    """The documents ``ids`` grouped by their main incident."""
    groups: dict[str, set[str]] = {}
    for doc in ids:
        groups.setdefault(store.document(doc)["incident"], set()).add(doc)
    return {frozenset(group) for group in groups.values()}
