"""The dossier of a crisis, assembled once from document records (SPEC §2) and incidents (SPEC §3).

The result is a plain JSON-ready dict; the renderers (markdown, HTML, JSON) only lay it out. Every item
that comes from an article keeps ``document`` (its id) and ``span`` ([start, end] into its text), so each
statement stays one click from its source.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from eventwire import lexicons
from eventwire.report.doc import Doc
from eventwire.report.figures import key_figures
from eventwire.report.happenings import BACKGROUND_DAYS, is_vague, own_place
from eventwire.report.happenings import timeline as build_timeline
from eventwire.report.unfolded import unfolded
from eventwire.report.worldmap import drawing, view_box

MAX_TIMELINE = 300
MAX_QUOTES_PER_SPEAKER = 12
MAX_ACTORS = 40
PLACE_TYPES = ("GPE", "LOC", "FAC")
STATUS_KEYS = frozenset(lexicons.lines("report_status_keys.txt"))
PRONOUNS = frozenset(lexicons.lines("report_pronouns.txt"))

def assemble(documents: Iterable[dict], incidents: Iterable[dict] = (), title: str | None = None,
             scope: dict[str, Any] | None = None, window: tuple[str | None, str | None] = (None, None),
             types: set[str] | None = None) -> dict[str, Any]:
    """The dossier: factbox, timeline, actors, who-said-what, figures, map and sources.

    ``window`` (first and last ISO day) and ``types`` narrow the timeline to the events asked for;
    the documents themselves are whatever the caller selected.
    """
    docs = [Doc(d) for d in documents if isinstance(d, dict) and d.get("id") is not None]
    incident_list = [i for i in incidents if isinstance(i, dict)]
    actors = _actors(docs)
    entries, older = build_timeline(docs, incident_list)
    entries = _narrowed(entries, window, types)
    older = [e for e in older if _wanted(e, window, types)]
    figures = key_figures(docs)
    places = _places(docs, incident_list)
    return {
        "title": title or _title(places, docs),
        "scope": {k: v for k, v in (scope or {}).items() if v not in (None, "", [], ())},
        "factbox": _factbox(docs, places, actors, entries, figures),
        "figures": figures,
        "timeline": entries,
        "background": older,
        "unfolded": unfolded(incident_list),
        "actors": actors,
        "quotes": _who_said_what(docs),
        "map": _map(places, docs, incident_list),
        "sources": _sources(docs),
    }


# --- places and map ---


def _places(docs: list[Doc], incidents: list[dict]) -> list[dict]:
    """Places with coordinates, merged by name, most mentioned first."""
    merged: dict[str, dict] = {}
    for doc in docs:
        inside = _organisation_spans(doc)
        for place in doc.record.get("places") or []:
            name = place.get("name") or place.get("text")
            if not name or _within_any(place, inside):
                continue
            entry = merged.setdefault(name.casefold(), {
                "name": name, "country": place.get("country"), "feature": place.get("feature"),
                "lat": place.get("lat"), "lon": place.get("lon"), "mentions": 0, "documents": [],
                "document": doc.id, "span": [place.get("start"), place.get("end")],
            })
            entry["mentions"] += 1
            if doc.id not in entry["documents"]:
                entry["documents"].append(doc.id)
    return sorted(merged.values(), key=lambda p: (-p["mentions"], p["name"]))


def _organisation_spans(doc: Doc) -> list[tuple[int, int]]:
    """Where the document names an organisation: a place inside its name ("… Co-operation in Europe") is no place."""
    return [(m["start"], m["end"]) for e in doc.entities.values() if e.get("type") == "ORG"
            for m in e.get("mentions") or [] if isinstance(m.get("start"), int) and isinstance(m.get("end"), int)]


def _within_any(place: dict, spans: list[tuple[int, int]]) -> bool:
    """A place named inside an organisation's name; a demonym ("Georgian forces") still points to its country."""
    start, end = place.get("start"), place.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or place.get("kind") == "demonym":
        return False
    return any(s <= start and end <= e and (s, e) != (start, end) for s, e in spans)


def _map(places: list[dict], docs: list[Doc], incidents: list[dict]) -> dict[str, Any]:
    points = [{"kind": "place", "name": p["name"], "feature": p["feature"], "lat": p["lat"], "lon": p["lon"],
               "count": p["mentions"], "document": p["document"], "span": p["span"]}
              for p in places if _has_coordinates(p)]
    happened: dict[tuple, dict] = {}
    for doc in docs:
        inside = _organisation_spans(doc)
        for event in doc.record.get("events") or []:
            place = doc.item(event.get("place"), "places")
            actors = [doc.entity_name(r.get("entity")) or r.get("text") for r in event.get("actors") or []]
            trigger = (event.get("trigger") or {}).get("text")
            source = doc.entity_name(event.get("source"))
            if (not place or not _has_coordinates(place) or not own_place(place, actors, source) or is_vague(trigger)
                    or _within_any(place, inside)):
                continue  # as in the timeline: a vague "violence" is no point of its own
            name = place.get("name") or place.get("text")
            key = (name, place["lat"], place["lon"], event.get("type"))
            if key in happened:
                happened[key]["count"] += 1
                continue
            evidence = event.get("evidence") or {}
            happened[key] = {"kind": "event", "name": name, "feature": place.get("feature"),
                             "type": event.get("type"), "lat": place["lat"], "lon": place["lon"], "count": 1,
                             "document": doc.id, "span": [evidence.get("start"), evidence.get("end")]}
    points += happened.values()
    for incident in incidents:
        place = incident.get("place") or {}
        if _has_coordinates(place):
            points.append({"kind": "incident", "name": place.get("name"), "feature": None,
                           "type": incident.get("type"), "lat": place["lat"], "lon": place["lon"],
                           "count": len(incident.get("documents") or []), "incident": incident.get("incident"),
                           "document": (incident.get("documents") or [None])[0], "span": None})
    shown = {"points": points, "view_box": list(view_box(_focus(points)))}
    return shown | {"drawing": drawing(shown)}


def _focus(points: list[dict], reach: float = 12.0) -> list[tuple[float, float]]:
    """Where the map should look: around the spot where most happened, within ``reach`` degrees.

    Whole countries are left out when something more precise is there: a country's centroid (Russia's
    lies in Siberia) or a passing mention of a far-off capital would zoom the frame out to a continent.
    """
    precise = [p for p in points if not _is_broad(p)] or points
    if not precise:
        return []
    weight: Counter = Counter()
    for point in precise:
        weight[(point["lon"], point["lat"])] += point["count"] * (1 if point["kind"] == "place" else 3)
    lon, lat = max(weight, key=lambda spot: (weight[spot], spot))
    return [spot for spot in weight if abs(spot[0] - lon) <= reach and abs(spot[1] - lat) <= reach]


def _is_broad(point: dict) -> bool:
    feature = str(point.get("feature") or "")
    return feature.startswith("PCL") or feature in ("CONT", "OCN", "SEA")


def _has_coordinates(item: dict) -> bool:
    return isinstance(item.get("lat"), int | float) and isinstance(item.get("lon"), int | float)


# --- actors ---


def _actors(docs: list[Doc]) -> list[dict]:
    merged: dict[str, dict] = {}
    by_entity: dict[tuple[str, str], dict] = {}
    for doc in docs:
        for entity in doc.entities.values():
            name = entity.get("name")
            if not name or _name_key(name) in PRONOUNS:
                continue
            entry = merged.setdefault(_name_key(name), {
                "name": name, "type": entity.get("type"), "roles": [], "country": entity.get("country"),
                "sector": entity.get("sector"), "mentions": 0, "documents": [], "as_actor": Counter(),
                "as_recipient": Counter(), "quotes": 0,
            })
            entry["mentions"] += len(entity.get("mentions") or []) or 1
            role = entity.get("role")
            if role and role not in entry["roles"]:
                entry["roles"].append(role)
            if doc.id not in entry["documents"]:
                entry["documents"].append(doc.id)
            by_entity[(doc.id, entity.get("id"))] = entry
        for event in doc.record.get("events") or []:
            for side, key in (("actors", "as_actor"), ("recipients", "as_recipient")):
                for ref in event.get(side) or []:
                    entry = by_entity.get((doc.id, ref.get("entity")))
                    if entry:
                        entry[key][event.get("type")] += 1
        for quote in doc.record.get("quotes") or []:
            entry = by_entity.get((doc.id, quote.get("speaker_entity")))
            if entry:
                entry["quotes"] += 1
    place_names = {_name_key(p.get("name") or p.get("text") or "") for d in docs for p in d.record.get("places") or []}
    chosen = [a for a in merged.values() if _is_actor(a, place_names)]
    chosen.sort(key=lambda a: (-(a["mentions"] + 3 * a["quotes"] + 2 * sum(a["as_actor"].values())), a["name"]))
    for actor in chosen:
        actor["as_actor"] = dict(actor["as_actor"].most_common())
        actor["as_recipient"] = dict(actor["as_recipient"].most_common())
    return chosen[:MAX_ACTORS]


def _is_actor(actor: dict, place_names: set[str]) -> bool:
    """Whoever acts, is acted on or speaks; people and organisations also when named with a role or often.

    A place is an actor only when it acts or speaks as a government ("Moscow said"), and then never a person.
    """
    if actor["type"] in PLACE_TYPES or _name_key(actor["name"]) in place_names:
        if actor["type"] in ("PERSON", None):
            actor["type"] = "GPE"
        return bool(actor["as_actor"] or actor["quotes"])
    if actor["as_actor"] or actor["as_recipient"] or actor["quotes"]:
        return True
    return actor["type"] in ("PERSON", "ORG") and bool(actor["roles"] or actor["mentions"] >= 2)


def _name_key(name: str) -> str:
    name = " ".join(name.split()).casefold()
    return name[4:] if name.startswith("the ") else name


# --- timeline ---


def _narrowed(entries: list[dict], window: tuple[str | None, str | None], types: set[str] | None) -> list[dict]:
    """The event lines asked for, each under its happening; a happening stays when it or one of its lines does."""
    kept_lines = [e for e in entries if e["kind"] == "event" and _wanted(e, window, types)]
    wanted_under = {e.get("happening") for e in kept_lines}
    out = []
    for entry in entries:
        if entry["kind"] == "happening":
            if entry["happening"] in wanted_under or (_wanted(entry, window, types) and not entry["events"]):
                out.append(entry)
        elif entry in kept_lines:
            out.append(entry)
    return out[:MAX_TIMELINE]


def _wanted(entry: dict, window: tuple[str | None, str | None], types: set[str] | None) -> bool:
    if types and entry.get("type") not in types:
        return False
    first, last = window
    date = entry.get("date")
    if date and first and date < str(first)[:10]:
        return False
    return not (date and last and date[:10] > str(last)[:10])


# --- who said what ---


def _who_said_what(docs: list[Doc]) -> list[dict]:
    speakers: dict[str, dict] = {}
    for doc in docs:
        for quote in doc.record.get("quotes") or []:
            content = quote.get("content") or {}
            text = doc.cut(content.get("start"), content.get("end"), 600)
            if not text:
                continue
            name = _speaker_name(doc, quote)
            key = _name_key(name) if name else ""
            entry = speakers.setdefault(key, {"speaker": name or "unattributed", "role": None, "quotes": []})
            entity = doc.entities.get(quote.get("speaker_entity")) or {}
            entry["role"] = entry["role"] or entity.get("role")
            entry["quotes"].append({"text": text, "kind": quote.get("kind"), "document": doc.id,
                                    "span": [content.get("start"), content.get("end")]})
    ordered = sorted(speakers.values(), key=lambda s: (s["speaker"] == "unattributed", -len(s["quotes"])))
    for entry in ordered:
        entry["count"] = len(entry["quotes"])
        entry["quotes"] = entry["quotes"][:MAX_QUOTES_PER_SPEAKER]
    return ordered


def _speaker_name(doc: Doc, quote: dict) -> str | None:
    name = doc.entity_name(quote.get("speaker_entity"))
    if name:
        return name
    text = ((quote.get("speaker") or {}).get("text") or "").strip()
    return text if text and text.casefold() not in PRONOUNS else None




# --- factbox and sources ---


def _factbox(docs: list[Doc], places: list[dict], actors: list[dict], timeline: list[dict],
             figures: list[dict]) -> dict[str, Any]:
    published = sorted(d.record["published"][:10] for d in docs if isinstance(d.record.get("published"), str))
    dates = _current(sorted(e["date"] for e in timeline if e["date"] and not e.get("reported")), published)
    facts = [_fact_line(doc, f) for doc in docs for f in doc.record.get("facts") or []]
    status = [f for f in facts if str(f["key"]).casefold() in STATUS_KEYS]
    return {
        "where": [{k: p[k] for k in ("name", "country", "feature", "lat", "lon", "mentions")} for p in places[:6]],
        "when": {"first": dates[0] if dates else None, "last": dates[-1] if dates else None,
                 "published_first": published[0] if published else None,
                 "published_last": published[-1] if published else None},
        "who": [{"name": a["name"], "type": a["type"], "roles": a["roles"], "mentions": a["mentions"]}
                for a in actors if a["type"] in ("PERSON", "ORG")][:8],
        "status": status or [{"key": "status", "value": _status_line(timeline, docs), "source": None,
                              "document": None, "span": None}],
        "facts": [f for f in facts if f not in status],
        "key_figures": [{"category": g["category"], "unit": g["unit"], "low": g["low"], "high": g["high"],
                         "claims": [{"text": c["text"], "claimant": c["claimant"], "document": c["document"],
                                     "span": c["span"]} for c in g["claims"]],
                         "disagreement": g["disagreement"]} for g in figures[:8]],
    }


def _current(dates: list[str], published: list[str], days: int = BACKGROUND_DAYS) -> list[str]:
    """The dates of the crisis itself: background ("a 1991-92 war") stays in the timeline, not in "when"."""
    if not published:
        return dates
    try:
        cutoff = (date.fromisoformat(published[0]) - timedelta(days=days)).isoformat()
    except ValueError:
        return dates
    return [d for d in dates if d >= cutoff] or dates


def _fact_line(doc: Doc, fact: dict) -> dict:
    return {"key": fact.get("key"), "value": fact.get("value"), "source": fact.get("source"),
            "document": doc.id, "span": [fact.get("start"), fact.get("end")]}


def _status_line(timeline: list[dict], docs: list[Doc]) -> str:
    events = [e for e in timeline if e["kind"] == "event"]
    statuses = Counter(e["status"] for e in events if e["status"])
    kinds = Counter(e["type"] for e in events if e["type"])
    parts = [f"{len(docs)} reports, {len(events)} events"]
    if kinds:
        parts.append("mostly " + ", ".join(f"{k} ({n})" for k, n in kinds.most_common(3)))
    if statuses:
        parts.append(", ".join(f"{n} {s}" for s, n in statuses.most_common()))
    return "; ".join(parts)


def _sources(docs: list[Doc]) -> list[dict]:
    return [{"id": d.id, "title": d.record.get("title"), "url": d.record.get("url"),
             "published": d.record.get("published"), "story": d.record.get("story"),
             "events": len(d.record.get("events") or []), "quotes": len(d.record.get("quotes") or []),
             "figures": len(d.record.get("figures") or [])} for d in docs]


def _title(places: list[dict], docs: list[Doc]) -> str:
    if places:
        top = places[0]
        precise = [p for p in places if not _is_broad(p) and p["mentions"] * 2 >= top["mentions"]]
        return f"Dossier: {(precise or places)[0]['name']}"
    titled = [d.record.get("title") for d in docs if d.record.get("title")]
    return f"Dossier: {titled[0]}" if titled else "Dossier"
