"""How a happening unfolded: who reported it first, and how each figure moved from report to report.

Pure (no database): the incident queries hand it the reporting documents and the claims of an incident;
it returns the SPEC §3 fields ``reports``, ``first_report``, ``figures_over_time`` and ``echoes``, and
``changes`` / ``disputes`` for the dossier. It lives in ``store`` because the store builds incident records
and layers import downward only; nothing here reads the store.

Order is the reporting document's publication: dated documents by their ``published`` instant (ISO; an
offset counts), undated ones after them, ties in the order the store received them.
A claim *echoes* an earlier one when it gives the same field, the same value and the same claimant in a
later document: ten outlets citing one ministry figure are one source, not ten.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

__all__ = ["changes", "disputes", "echoes", "figures_over_time", "outlet", "reports", "unfold"]


def outlet(url: Any) -> str | None:
    """The URL's host, lower-cased, without a leading ``www.``; None without a URL or a host."""
    if not isinstance(url, str) or not url.strip():
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.") or None


def _when(published: Any) -> tuple[int, str]:
    """A sort key: dated first, by instant (an offset is turned to UTC; a bare date is its midnight UTC),
    then undated. A date that does not parse sorts by its text."""
    if not isinstance(published, str) or not published.strip():
        return (1, "")
    text = published.strip()
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    except ValueError:
        return (0, text)
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return (0, moment.isoformat())


def reports(documents: list[dict]) -> list[dict]:
    """``{document, published, outlet, title}`` per document (given as ``{document, published, url, title}``,
    in storage order), in publication order; a document listed twice counts once."""
    seen: dict[str, tuple[int, dict]] = {}
    for order, doc in enumerate(documents):
        if doc["document"] not in seen:
            seen[doc["document"]] = (order, doc)
    ordered = sorted(seen.values(), key=lambda item: (_when(item[1].get("published")), item[0]))
    return [{"document": doc["document"], "published": doc.get("published") or None,
             "outlet": outlet(doc.get("url")), "title": doc.get("title") or None} for _, doc in ordered]


def _amount(value: Any) -> dict | None:
    """``{"value": n}`` or ``{"low": a, "high": b}`` from a claim's value; None when it says no number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return {"value": value}
    if isinstance(value, dict):
        if isinstance(value.get("value"), int | float) and not isinstance(value.get("value"), bool):
            return {"value": value["value"]}
        low, high = value.get("low"), value.get("high")
        if low is not None or high is not None:
            return {"low": low, "high": high}
    return None


def _claimant_key(claimant: Any) -> str | None:
    return " ".join(claimant.casefold().split()) if isinstance(claimant, str) and claimant.strip() else None


def figures_over_time(claims: list[dict], ordered_reports: list[dict]) -> dict[str, list[dict]]:
    """Per field, the claims in the order of their document's publication, one point per document, field,
    amount and claimant: ``{published, value | low/high, claimant, document, outlet, hedged, evidence}``.
    Claims of documents not among ``ordered_reports`` are left out."""
    rank = {report["document"]: (index, report) for index, report in enumerate(ordered_reports)}
    series: dict[str, list[tuple[int, int, dict]]] = {}
    seen: set[tuple] = set()
    for position, claim in enumerate(claims):
        amount = _amount(claim.get("value"))
        if amount is None or claim.get("document") not in rank or not claim.get("field"):
            continue
        key = (claim["document"], claim["field"], tuple(sorted(amount.items())), _claimant_key(claim.get("claimant")))
        if key in seen:
            continue
        seen.add(key)
        index, report = rank[claim["document"]]
        point = {"published": report["published"], **amount, "claimant": claim.get("claimant") or None,
                 "document": claim["document"], "outlet": report["outlet"], "hedged": bool(claim.get("hedged")),
                 "evidence": claim.get("evidence")}
        series.setdefault(claim["field"], []).append((index, position, point))
    return {field: [point for _, _, point in sorted(points, key=lambda p: (p[0], p[1]))]
            for field, points in sorted(series.items())}


def _amount_key(point: dict) -> tuple:
    return (point.get("value"), point.get("low"), point.get("high"))


def echoes(series: dict[str, list[dict]]) -> list[dict]:
    """Points that repeat an earlier point of another document: same field, amount and claimant. Each names
    the claim it repeats in ``repeats`` (``{document, outlet, published}``)."""
    found = []
    for field, points in series.items():
        first: dict[tuple, dict] = {}
        for point in points:
            who = _claimant_key(point.get("claimant"))
            if who is None:
                continue
            key = (who, _amount_key(point))
            earlier = first.setdefault(key, point)
            if earlier is not point and earlier["document"] != point["document"]:
                found.append({"field": field, **_plain_amount(point), "claimant": point["claimant"],
                              "document": point["document"], "outlet": point["outlet"],
                              "published": point["published"],
                              "repeats": {name: earlier[name] for name in ("document", "outlet", "published")}})
    return found


def _plain_amount(point: dict) -> dict:
    if point.get("value") is not None:
        return {"value": point["value"]}
    return {"low": point.get("low"), "high": point.get("high")}


def changes(series: dict[str, list[dict]]) -> list[dict]:
    """Each time a field's stated number (hedged and vague claims aside) differs from the one before:
    ``{field, direction: rose|fell, before: point, after: point}``."""
    found = []
    for field, points in series.items():
        previous = None
        for point in points:
            if point.get("hedged") or point.get("value") is None:
                continue
            if previous is not None and point["value"] != previous["value"]:
                direction = "rose" if point["value"] > previous["value"] else "fell"
                found.append({"field": field, "direction": direction, "before": previous, "after": point})
            previous = point
    return found


def disputes(series: dict[str, list[dict]]) -> list[dict]:
    """Fields whose latest reports (the last publication day that states the field) disagree: two claimants
    giving different numbers that day. ``{field, published, claims: [points]}``, one point per claimant."""
    found = []
    for field, points in series.items():
        stated = [p for p in points if p.get("value") is not None and not p.get("hedged") and p.get("published")]
        if not stated:
            continue
        day = max(p["published"][:10] for p in stated)
        latest: dict[str, dict] = {}
        for point in stated:
            who = _claimant_key(point.get("claimant"))
            if point["published"][:10] == day and who is not None:
                latest[who] = point
        if len({p["value"] for p in latest.values()}) > 1:
            found.append({"field": field, "published": day, "claims": list(latest.values())})
    return found


def unfold(documents: list[dict], claims: list[dict]) -> dict[str, Any]:
    """The SPEC §3 fields ``reports``, ``first_report``, ``figures_over_time`` and ``echoes`` of an incident
    from its reporting documents (``{document, published, url, title}``) and claims (``{field, value,
    claimant, document, hedged?, evidence?}``)."""
    ordered = reports(documents)
    series = figures_over_time(claims, ordered)
    return {"reports": ordered, "first_report": ordered[0] if ordered else None,
            "figures_over_time": series, "echoes": echoes(series)}
