"""The dossier's timeline: one entry per happening, its events folded below it, and the background apart.

A happening is an incident (SPEC §3), or the events of a document no incident holds. Below its headline come
its events, at most one line per sentence: the sentence's most telling event, the others of that sentence
named as ``also``. A vague nominal event ("the violence", "the fighting"; ``report_vague_events.txt``) folds
into its sentence's line, and a sentence with nothing but such events is dropped unless it names an actor,
a recipient or a count of its own. No sentence is shown twice in the dossier. Events dated long before the
first report (``BACKGROUND_DAYS``) are the crisis's background: a section of their own, never a happening.

The timeline is a flat list, for the web page and the JSON reader alike: each happening (``kind``
"happening") is followed by its event lines (``kind`` "event", with ``happening``, the happening's id).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from eventwire import lexicons
from eventwire.report.doc import Doc, day
from eventwire.report.figures import claims_of
from eventwire.report.headline import headline, toll

BACKGROUND_DAYS = 60
VAGUE = frozenset(lexicons.lines("report_vague_events.txt"))
PRONOUNS = frozenset(lexicons.lines("report_pronouns.txt"))
WEAK_STATUSES = ("planned", "hypothetical", "denied", "negated", "hedged")
MAX_HAPPENING_ACTORS = 6


def timeline(docs: list[Doc], incidents: list[dict]) -> tuple[list[dict], list[dict]]:
    """(the timeline of happenings with their folded events, the background lines)."""
    cutoff = _cutoff(docs)
    seen: set[str] = set()
    happenings, background = [], []
    for number, (incident, members) in enumerate(_groups(docs, incidents)):
        entries = [event_entry(doc, event, order) for doc in members
                   for order, event in enumerate(doc.record.get("events") or [])]
        older = [e for e in entries if _is_background(e, cutoff)]
        current = [e for e in entries if e not in older]
        happening = _happening(f"h{number + 1}", incident, members, current, cutoff)
        lines = retold_once(fold(current, seen, keep_dated=False))
        for line in lines:
            line["happening"] = happening["happening"]
            line["same_day"] = line["date"] == happening["date"]
        happening["events"] = len(lines)
        happenings.append((happening, lines))
        background += older
    happenings.sort(key=lambda pair: (pair[0]["date"] or "9999", pair[0]["happening"]))
    flat = [entry for happening, lines in happenings if lines or happening["headline_event"]
            for entry in (happening, *lines)]
    for entry in flat:
        entry.pop("headline_event", None)
    background.sort(key=lambda e: (e["date"] or "9999", e.get("order", 0)))
    return flat, fold(background, seen, keep_dated=True)


def _groups(docs: list[Doc], incidents: list[dict]) -> list[tuple[dict | None, list[Doc]]]:
    by_id = {doc.id: doc for doc in docs}
    groups, held = [], set()
    for incident in incidents:
        members = [by_id[d] for d in incident.get("documents") or [] if d in by_id and d not in held]
        if members:
            held.update(doc.id for doc in members)
            groups.append((incident, members))
    return groups + [(None, [doc]) for doc in docs if doc.id not in held]


def _cutoff(docs: list[Doc]) -> str | None:
    published = sorted(d.record["published"][:10] for d in docs if isinstance(d.record.get("published"), str))
    try:
        return (date.fromisoformat(published[0]) - timedelta(days=BACKGROUND_DAYS)).isoformat()
    except (IndexError, ValueError):
        return None


def _is_background(entry: dict, cutoff: str | None) -> bool:
    return bool(cutoff and entry["date"] and not entry.get("reported") and entry["date"] < cutoff)


def _happening(key: str, incident: dict | None, members: list[Doc], events: list[dict],
               cutoff: str | None) -> dict[str, Any]:
    place = ((incident or {}).get("place") or {}).get("name")
    kind = (incident or {}).get("type")
    main = _main_event(events, kind, place)
    place = place or (main or {}).get("place")
    claims = [c for doc in members for c in claims_of(doc) if not (cutoff and c.get("date") and c["date"] < cutoff)]
    tolls = toll(claims, incident.get("disputed") if incident else None)
    documents = [doc.id for doc in members]
    when = day((incident or {}).get("date")) or (main or {}).get("date") or day(members[0].record.get("published"))
    return {
        "kind": "happening", "happening": key, "incident": (incident or {}).get("incident"), "date": when,
        "type": kind or (main or {}).get("type"), "place": place, "actors": _actors(events),
        "toll": tolls, "text": headline(main, kind, place, tolls), "documents": documents,
        "document": (main or {}).get("document") or documents[0], "span": (main or {}).get("span"),
        "headline_event": main is not None,
    }


def _main_event(events: list[dict], kind: str | None, place: str | None) -> dict | None:
    """The event the headline is written from: of the happening's type, concrete, with the most said about it."""
    candidates = [e for e in events if not _vague(e) and (not kind or e["type"] == kind)] or \
        [e for e in events if not _vague(e)]
    if not candidates:
        return None

    def score(entry: dict) -> int:
        where = entry.get("place") or " ".join(entry.get("recipients") or [])
        return (3 * bool(entry["actors"]) + 2 * bool(entry["recipients"])
                + 2 * bool(place and place.casefold() in where.casefold())
                + 2 * (entry.get("killed") is not None) - 6 * (entry.get("status") in WEAK_STATUSES))

    return max(candidates, key=lambda e: (score(e), -candidates.index(e)))


def _actors(events: list[dict]) -> list[str]:
    names: dict[str, None] = {}
    for entry in events:
        if _vague(entry) or entry.get("status") in WEAK_STATUSES:
            continue
        for name in entry["actors"]:
            if name[:1].isupper():  # a named party, not "strike" or "the attack"
                names.setdefault(name, None)
    return list(names)[:MAX_HAPPENING_ACTORS]


def fold(entries: list[dict], seen: set[str], keep_dated: bool) -> list[dict]:
    """At most one line per sentence, vague events merged into it or dropped, no sentence already in ``seen``.

    ``also`` names the sentence's other concrete events ("sent troops … to repel": MOBILIZE, also ASSAULT)."""
    sentences: dict[tuple, list[dict]] = {}
    for entry in entries:
        sentences.setdefault((entry["document"], tuple(entry["span"] or ())), []).append(entry)
    lines = []
    for group in sentences.values():
        text = " ".join((group[0].get("text") or "").split()).casefold()
        concrete = [e for e in group if not _vague(e)]
        if not concrete and not (keep_dated or any(_says_more(e) for e in group)):
            continue
        if text and text in seen:
            continue
        seen.add(text)
        best = max(concrete or group, key=lambda e: (_weight(e), -group.index(e)))
        line = dict(best)
        line["also"] = list(dict.fromkeys(f"{e['type']} ({e['trigger']})" for e in group if e is not best
                                          and (e["trigger"], e["type"]) != (best["trigger"], best["type"])
                                          and (not _vague(e) or not concrete)))  # "the violence" merges in
        for key in ("killed", "injured"):
            line[key] = next((e[key] for e in group if e.get(key) is not None), None)
        line.pop("order", None)
        lines.append(line)
    return lines


def retold_once(lines: list[dict]) -> list[dict]:
    """One line for an act that several reports of the happening retell: the first report's, citing the others.

    A line from a later report merges into the first line of its type that an earlier report gave, when their
    places agree (the same, or either unnamed): the linker already judged the reports to be of one happening.
    Lines of one report stay apart (one report may tell two strikes), as do acts in other places.
    """
    kept: list[dict] = []
    for line in lines:
        into = next((k for k in kept if k["document"] != line["document"] and k["type"] == line["type"]), None)
        if into is None or not _places_agree(into.get("place"), line.get("place")):
            kept.append({**line, "retold": []})
            continue
        into["retold"].append({"document": line["document"], "span": line["span"], "text": line["text"]})
        for key in ("killed", "injured"):
            into[key] = into[key] if into[key] is not None else line.get(key)
    return kept


def _places_agree(one: str | None, other: str | None) -> bool:
    return not one or not other or one.casefold() == other.casefold()


def _weight(entry: dict) -> int:
    return (2 * bool(entry["actors"]) + bool(entry["recipients"]) + (entry.get("killed") is not None)
            - 3 * (entry.get("status") in WEAK_STATUSES))


def _vague(entry: dict) -> bool:
    return is_vague(entry.get("trigger"))


def is_vague(trigger: str | None) -> bool:
    """A nominal event that names no act of its own ("the violence", "the fighting")."""
    return str(trigger or "").casefold() in VAGUE


def _says_more(entry: dict) -> bool:
    return bool(entry["actors"] or entry["recipients"] or entry.get("killed") is not None)


def event_entry(doc: Doc, event: dict, order: int) -> dict:
    """One event as the timeline shows it, with its sentence and where it came from."""
    time = doc.item(event.get("time"), "times")
    place = doc.item(event.get("place"), "places")
    when = day(event.get("date")) or day((time or {}).get("value"))
    evidence = event.get("evidence") or event.get("trigger") or {}
    trigger = event.get("trigger") or {}
    actors = [_ref_name(doc, r) for r in event.get("actors") or []]
    return {
        "kind": "event", "date": when or day(doc.record.get("published")), "reported": when is None,
        "type": event.get("type"), "mode": event.get("mode"), "status": event.get("status"), "order": order,
        "trigger": trigger.get("text") or doc.cut(trigger.get("start"), trigger.get("end")),
        "actors": [a for a in actors if a and a.casefold() not in PRONOUNS],
        "recipients": [r for r in (_ref_name(doc, r) for r in event.get("recipients") or []) if r],
        "place": own_place(place, actors, doc.entity_name(event.get("source"))),
        "when": (time or {}).get("text"),
        "source": doc.entity_name(event.get("source")),
        "killed": event.get("killed"), "injured": event.get("injured"),
        "text": doc.cut(evidence.get("start"), evidence.get("end")),
        "document": doc.id, "span": [evidence.get("start"), evidence.get("end")],
    }


def own_place(place: dict | None, actors: list[str], source: str | None = None) -> str | None:
    """The event's place, unless it is only its actor's own name ("air strikes by Russia" happen elsewhere),
    or the country of the one who reports it ("Russia's defence ministry said its forces struck …")."""
    name = (place or {}).get("name") or (place or {}).get("text")
    if not name:
        return None
    key = name.casefold()
    if any(key == (a or "").casefold() for a in actors):
        return None
    speaker = (source or "").casefold()
    country = str((place or {}).get("feature") or "").startswith("PCL")
    return None if country and (speaker == key or speaker.startswith((key + "'s ", key + "’s "))) else name


def _ref_name(doc: Doc, ref: dict) -> str:
    return doc.entity_name(ref.get("entity")) or ref.get("text") or ""
