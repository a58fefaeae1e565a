"""What linking knows about one document, computed once from its SPEC §2 record when it is stored.

Everything here is read from the record: its events (eventwire.link.happenings), times (the day of its
happening, eventwire.link.dates), places, figures and counts (eventwire.link.casualties), and the keys that
tie reports of one happening together (eventwire.link.keys: names in the headline and lead, figures' counts).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from eventwire.link.casualties import casualty_counts, toll_claims
from eventwire.link.dates import ASSERTED, TYPE_FAMILIES, headline, incident_day, parse_day
from eventwire.link.happenings import happenings, main_place, named_places
from eventwire.link.junk import is_junk, is_junk_title
from eventwire.link.keys import age_keys, figure_keys, name_keys, person_keys, place_names, prose, word_keys

__all__ = ["ASSERTED", "TYPE_FAMILIES", "document_claims", "document_features", "parse_day", "site_of"]

MAX_KEYS = 500
MAX_KEY_CHARS = 200  # the width of link_keys.key
PROSE_CHARS = 3000
PLACE_FIELDS = ("name", "admin1", "country", "lat", "lon", "level", "guessed")


def document_features(record: dict) -> dict[str, Any]:
    """The linking features of a record: junk flag, day, happenings, keys, counts, place, claims of tolls."""
    text = record.get("text") or ""
    body = _without_boilerplate(text, record.get("boilerplate"))
    junk = is_junk(body)
    published = parse_day(record.get("published"))
    day, day_source = incident_day(record, body if not junk else "", published)
    places, countries = place_names(record), place_names(record, countries=True) - place_names(record)
    title = headline(record.get("title") or "")
    keys = name_keys(title, places, countries)
    if junk:  # the headline over a cookie wall or an empty body is all there is to link by
        keys = [] if is_junk_title(title) else keys + word_keys(title) + age_keys(title)
    else:
        lead = prose(body, PROSE_CHARS)
        keys += name_keys(lead, places, countries)
        keys += word_keys(title + "\n" + lead)
        keys += age_keys(lead)
        keys += figure_keys(record)
        keys += person_keys(record)
    place = main_place(record)
    found = happenings(record, day, published, place)
    counts = casualty_counts(record)
    return {
        "junk": junk and not keys,  # a junk page with a telling title still links by its title
        "headline_only": junk,
        "site": site_of(record.get("url")),
        "day": day,
        "day_source": day_source,
        "published": published,
        "families": sorted({h["family"] for h in found}),
        "type": found[0]["type"] if found else None,
        "happenings": found,
        "keys": list(dict.fromkeys(key[:MAX_KEY_CHARS] for key in keys))[:MAX_KEYS],
        "killed": counts.get("killed"),
        "injured": counts.get("injured"),
        "tolls": toll_claims(record),
        "place": {k: v for k, v in place.items() if k in PLACE_FIELDS} if place else None,
        "named_places": named_places(record),
    }


def site_of(url: Any) -> str | None:
    """The outlet a page comes from: its host name without "www.", looking through web.archive.org copies."""
    if not isinstance(url, str) or not url:
        return None
    parts = urlsplit(url if "://" in url else "http://" + url)
    if parts.netloc.lower().endswith("archive.org") and parts.path.startswith("/web/") and parts.path.count("/") >= 3:
        inner = parts.path.split("/", 3)[3]
        parts = urlsplit(inner if "://" in inner else "http://" + inner)
    host = parts.netloc.lower().rsplit("@", 1)[-1].split(":")[0]
    return host.removeprefix("www.") or None


def _without_boilerplate(text: str, spans: Any) -> str:
    if not isinstance(spans, list) or not spans:
        return text
    keep, cursor = [], 0
    for span in sorted((s for s in spans if isinstance(s, dict)), key=lambda s: s.get("start", 0)):
        start, end = span.get("start"), span.get("end")
        if isinstance(start, int) and isinstance(end, int) and cursor <= start <= end:
            keep.append(text[cursor:start])
            cursor = end
    keep.append(text[cursor:])
    return "\n".join(keep)



def document_claims(record: dict) -> list[dict]:
    """Every killed / injured / date figure the document reports, with claimant and evidence span."""
    claims = []
    names = {e.get("id"): e.get("name") for e in record.get("entities") or [] if isinstance(e, dict)}
    for figure in record.get("figures") or []:
        if not isinstance(figure, dict) or figure.get("category") not in ("killed", "injured"):
            continue
        quantity = figure.get("quantity") if isinstance(figure.get("quantity"), dict) else {}
        value = quantity.get("value")
        if value is None:
            value = {"low": quantity.get("low"), "high": quantity.get("high")}
        claims.append(_claim(figure["category"], value, names.get(figure.get("claimant")),
                             figure.get("start"), figure.get("end")))
    for event in record.get("events") or []:
        if not isinstance(event, dict) or event.get("status") not in ASSERTED:
            continue
        evidence = event.get("evidence") if isinstance(event.get("evidence"), dict) else {}
        for field in ("killed", "injured"):
            if isinstance(event.get(field), int) and not isinstance(event.get(field), bool):
                claims.append(_claim(field, event[field], names.get(event.get("source")),
                                     evidence.get("start"), evidence.get("end")))
    return claims


def _claim(field: str, value: Any, claimant: Any, start: Any, end: Any) -> dict:
    import orjson

    return {"field": field, "value": orjson.dumps(value).decode(),
            "claimant": str(claimant) if claimant else None,
            "evidence_start": start if isinstance(start, int) else None,
            "evidence_end": end if isinstance(end, int) else None}


