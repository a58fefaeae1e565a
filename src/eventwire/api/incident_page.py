"""The incident page ``/incidents/{id}``: how a happening unfolded, rendered on the server.

The template ``templates/incident.html.j2`` (Jinja2, autoescaped) lists the reports in publication order;
``web/incident.js`` draws the step chart of each toll (Observable Plot) and the map (Leaflet with clustered
markers over the project's own country outlines), from data embedded as JSON in a non-executed
``<script type="application/json">`` whose ``<``, ``>`` and ``&`` are escaped, so no article text can end it.
Every chart point and map marker links to its evidence in the document page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import orjson
from markupsafe import Markup

from eventwire.api.pages import safe_url, templates

MAX_MAPPED_DOCUMENTS = 200  # the map reads each reporting document's places: at most this many documents
MAX_MARKERS = 2000


def embedded_json(data: Any) -> Markup:
    """JSON safe inside an HTML ``<script type="application/json">``: no ``</script>``, no comment opener."""
    text = orjson.dumps(data).decode()
    for raw, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"),
                         ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return Markup(text)


def chart_points(record: dict, link: Callable[[str | None, list | None], str | None]) -> list[dict]:
    """Every dated point of ``figures_over_time`` with a number, for the step chart, with its evidence link."""
    points = []
    for field, series in (record.get("figures_over_time") or {}).items():
        for point in series:
            value = point.get("value")
            if value is None and point.get("low") is not None:
                value = point["low"]  # a vague amount is drawn at its lower bound and says so in its label
            if value is None or not point.get("published"):
                continue
            points.append({"field": field, "published": point["published"][:10], "value": value,
                           "vague": point.get("value") is None, "hedged": bool(point.get("hedged")),
                           "claimant": point.get("claimant"), "outlet": point.get("outlet"),
                           "document": point["document"], "link": link(point["document"], _span(point))})
    return points


def _span(point: dict) -> list | None:
    evidence = point.get("evidence") or {}
    return [evidence.get("start"), evidence.get("end")] if evidence else None


def map_markers(documents: list[dict], link: Callable[[str | None, list | None], str | None]) -> list[dict]:
    """A marker per place with coordinates each reporting document names, linking to its mention."""
    markers: list[dict] = []
    for record in documents[:MAX_MAPPED_DOCUMENTS]:
        seen: set[tuple] = set()
        for place in record.get("places") or []:
            lat, lon = place.get("lat"), place.get("lon")
            if not isinstance(lat, int | float) or not isinstance(lon, int | float):
                continue
            key = (place.get("name"), round(lat, 3), round(lon, 3))
            if key in seen:
                continue
            seen.add(key)
            markers.append({"lat": lat, "lon": lon, "name": str(place.get("name") or place.get("text") or ""),
                            "document": record.get("id"), "title": str(record.get("title") or record.get("id")),
                            "link": link(record.get("id"), [place.get("start"), place.get("end")])})
    return markers[:MAX_MARKERS]


def incident_page(record: dict, documents: list[dict], link: Callable[[str | None, list | None], str | None]) -> str:
    """The page of one incident record, given the records of its reporting documents."""
    reports = [report | {"link": link(report["document"], None)} for report in record.get("reports") or []]
    urls = {doc.get("id"): safe_url(doc.get("url")) for doc in documents}
    data = {"incident": record["incident"], "points": chart_points(record, link),
            "markers": map_markers(documents, link), "place": record.get("place")}
    series = {field: [point | {"link": link(point["document"], _span(point))} for point in points]
              for field, points in (record.get("figures_over_time") or {}).items()}
    place = record.get("place") or {}
    page = templates().get_template("incident.html.j2").render(
        record=record, reports=reports, urls=urls, place_name=place.get("name"), data=embedded_json(data),
        echoes=record.get("echoes") or [], series=series)
    return page.rstrip("\n") + "\n"


def incident_not_found_page(identifier: str) -> str:
    return templates().get_template("incident_not_found.html.j2").render(identifier=identifier).rstrip("\n") + "\n"
