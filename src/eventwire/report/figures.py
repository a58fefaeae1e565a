"""The dossier's key figures: every claim of a count, grouped by category, with its claimant and its source."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from eventwire import lexicons
from eventwire.report.doc import Doc, day

MAX_CLAIMS = 25
FACT_CATEGORIES = dict(row[:2] for row in lexicons.rows("report_fact_categories.tsv"))
MULTIPLIERS = {word: int(value) for word, value in lexicons.rows("report_scales.tsv")}
NUMBER = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(" + "|".join(MULTIPLIERS) + ")?", re.IGNORECASE)
SHARE_WORDS = [row[0] for row in lexicons.rows("number_fractions.tsv")] + list(lexicons.lines("report_share_words.txt"))
SHARE = re.compile(r"%|\b(" + "|".join(re.escape(w) for w in SHARE_WORDS) + r")\b(?!\s+an?\s)",  # not "half a million"
                   re.IGNORECASE)
APPROX = re.compile(r"\b(" + "|".join(re.escape(w) for w in lexicons.lines("report_approx_words.txt")) + r")\b",
                    re.IGNORECASE)


def key_figures(docs: list[Doc]) -> list[dict]:
    """Figures grouped by what they count, with the range, every claim and who made it."""
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for doc in docs:
        for claim in claims_of(doc):
            if claim["low"] is not None and not is_share(claim["text"]):
                groups[(claim.pop("category"), claim.pop("unit"))].append(claim)
    result = [_figure_group(category, unit, claims) for (category, unit), claims in groups.items()]
    result.sort(key=lambda g: (g["category"] == "other", -len(g["claims"]), g["category"]))
    return result


def is_share(text: str | None) -> bool:
    """A fraction, percentage or ratio ("two-thirds", "40%", "half of"): it qualifies a count, it is none."""
    return bool(SHARE.search(str(text or "")))


def claims_of(doc: Doc) -> list[dict]:
    """Every claim of a count in one document: its figures, then its factbox lines that no figure covers."""
    claims = [_figure_claim(doc, f) for f in doc.record.get("figures") or []]
    return claims + _fact_claims(doc, claims)


def _figure_claim(doc: Doc, figure: dict) -> dict:
    quantity = figure.get("quantity") or {}
    value = quantity.get("value")
    low = value if value is not None else quantity.get("low")
    high = value if value is not None else quantity.get("high", low)
    place = doc.item(figure.get("place"), "places") or {}
    time = doc.item(figure.get("time"), "times") or {}
    return {
        "category": figure.get("category") or "other", "unit": figure.get("unit") or "people",
        "text": figure.get("text") or doc.cut(figure.get("start"), figure.get("end")),
        "value": value, "low": low, "high": high if high is not None else low,
        "approx": bool(quantity.get("approx")), "hedged": bool(figure.get("hedged")),
        "claimant": doc.entity_name(figure.get("claimant")),
        "claimant_role": (doc.entities.get(figure.get("claimant")) or {}).get("role"),
        "place": place.get("name") or place.get("text"),
        "when": time.get("text"), "date": day(time.get("value")) or day(doc.record.get("published")),
        "document": doc.id, "span": [figure.get("start"), figure.get("end")],
    }


def _fact_claims(doc: Doc, figure_claims: list[dict]) -> list[dict]:
    """Factbox lines such as "Population: about 70,000 (1989 census)" as claims by their source.

    A figure already found inside the line is kept and only gains the line's source as its claimant.
    """
    claims = []
    for fact in doc.record.get("facts") or []:
        category = FACT_CATEGORIES.get(str(fact.get("key") or "").strip().casefold())
        if not category:
            continue
        start, end = fact.get("start"), fact.get("end")
        inside = [c for c in figure_claims if _within(c["span"], start, end)]
        if inside:
            for claim in inside:
                claim["claimant"] = claim["claimant"] or fact.get("source")
            continue
        value, approx = _number(str(fact.get("value") or ""))
        if value is None:
            continue
        claims.append({"category": category, "unit": "people", "text": f"{fact.get('key')}: {fact.get('value')}",
                       "value": value, "low": value, "high": value, "approx": approx, "hedged": False,
                       "claimant": fact.get("source"), "claimant_role": None, "place": None, "when": None,
                       "date": day(doc.record.get("published")), "document": doc.id, "span": [start, end]})
    return claims


def _within(span: list, start: Any, end: Any) -> bool:
    return all(isinstance(x, int) for x in (*span, start, end)) and start <= span[0] and span[1] <= end


def _number(text: str) -> tuple[float | int | None, bool]:
    match = NUMBER.search(text)
    if not match:
        return None, False
    number = float(match.group(1).replace(",", ""))
    number *= MULTIPLIERS.get((match.group(2) or "").casefold(), 1)
    return (int(number) if number.is_integer() else number), bool(APPROX.search(text[: match.start() + 1]))


def _figure_group(category: str, unit: str, claims: list[dict]) -> dict:
    lows = [c["low"] for c in claims]
    highs = [c["high"] for c in claims]
    distinct = {(c["low"], c["high"]) for c in claims}
    return {
        "category": category, "unit": unit, "low": min(lows), "high": max(highs),
        "claims": _same_claims_once(claims)[:MAX_CLAIMS], "claimants": sorted({c["claimant"] for c in claims
                                                                               if c["claimant"]}),
        "disagreement": len(distinct) > 1,
    }


def _same_claims_once(claims: list[dict]) -> list[dict]:
    """One entry per distinct claim (same words, same claimant), counting the reports that carry it.

    ``documents`` lists the claim's first few sources; ``reports`` counts them all."""
    merged: dict[tuple, dict] = {}
    sources: dict[tuple, set] = defaultdict(set)
    for claim in claims:
        key = (" ".join(str(claim["text"]).split()).casefold(), claim["claimant"], claim["low"], claim["high"])
        entry = merged.setdefault(key, {**claim, "mentions": 0, "reports": 0, "documents": []})
        entry["mentions"] += 1
        if claim["document"] not in sources[key]:
            sources[key].add(claim["document"])
            entry["reports"] += 1
            if len(entry["documents"]) < 10:
                entry["documents"].append(claim["document"])
    return sorted(merged.values(), key=lambda c: (-c["reports"], -c["mentions"]))
