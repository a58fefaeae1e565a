"""Events and their documents into incidents: one real-world happening, however many reports.

Incremental. A new document is compared with the documents that share a name key with it (the inverted
index ``link_keys``) and whose date lies within ``WINDOW_DAYS``; each shared key counts by its rarity in the
store (inverse document frequency), so "Chicago" ties little and "Edwards Street" a lot. The score is cut
down when dates, event type families or casualty counts disagree. The document joins the incident of the
best-scoring candidate when the score reaches ``JOIN_SCORE``, otherwise it starts an incident of its own.

Incident ids are a hash of the first document's id, so they never change as reports arrive. When a new
document ties two incidents strongly, the younger merges into the older one and keeps a ``merged_into``
pointer.

Best estimates (``best_estimate``): for killed and injured, each document's own figure counts once
(its first, most salient asserted figure); the incident takes the value most documents report, ties going
to the most recent report (later reports know more, e.g. a victim who died in hospital). An incident with
reports but no casualty claim of a kind reports 0 of it when some claim of the other kind exists.
The date is the day most documents place the happening on, ties going to the earliest; the place is the
most often named main place. Every claim stays in ``claims`` with its document, claimant and evidence.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from eventwire.link.features import day_string
from eventwire.store import schema as s

WINDOW_DAYS = 30
JOIN_SCORE = 20.0
PRIOR_DOCUMENTS = 200  # smooths key rarity while the store is still small
MAX_CANDIDATES = 40


def incident_id(first_document: str) -> str:
    return "i" + hashlib.sha1(first_document.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def key_weights(conn: Connection, keys: list[str]) -> dict[str, float]:
    """Each key's inverse document frequency over the documents stored so far."""
    total = conn.execute(sa.select(sa.func.count()).select_from(s.documents)).scalar_one()
    frequency: dict[str, int] = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        query = (sa.select(s.link_keys.c.key, sa.func.count()).where(s.link_keys.c.key.in_(chunk))
                 .group_by(s.link_keys.c.key))
        frequency.update(dict(conn.execute(query).all()))
    return {key: math.log((total + PRIOR_DOCUMENTS) / (frequency.get(key, 0) + 1)) for key in keys}


def candidates(conn: Connection, seq: int, features: dict, weights: dict[str, float]) -> list[tuple[dict, float]]:
    """Stored documents sharing keys with this one inside the date window, with their summed key weights."""
    keys = list(weights)
    if not keys:
        return []
    shared: Counter = Counter()
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        query = (sa.select(s.link_keys.c.doc, s.link_keys.c.key)
                 .join(s.documents, s.documents.c.seq == s.link_keys.c.doc)
                 .where(s.link_keys.c.key.in_(chunk), s.link_keys.c.doc != seq))
        if features.get("day") is not None:
            query = query.where(sa.or_(s.documents.c.day.is_(None),
                                       s.documents.c.day.between(features["day"] - WINDOW_DAYS,
                                                                 features["day"] + WINDOW_DAYS)))
        for doc, key in conn.execute(query):
            shared[doc] += weights[key]
    top = [doc for doc, _ in shared.most_common(MAX_CANDIDATES)]
    if not top:
        return []
    columns = (s.documents.c.seq, s.documents.c.incident, s.documents.c.story, s.documents.c.features)
    rows = conn.execute(sa.select(*columns).where(s.documents.c.seq.in_(top))).all()
    found = []
    for row in rows:
        other = orjson.loads(row.features)
        other["seq"], other["incident"], other["story"] = row.seq, row.incident, row.story
        found.append((other, shared[row.seq]))
    return found


def pair_score(features: dict, other: dict, shared_weight: float) -> float:
    """How strongly two reports look like reports of one happening."""
    score = shared_weight
    gap = _gap(features.get("day"), other.get("day"))
    if gap is None or gap > 7:
        score *= 0.6
    elif gap > 1:
        score *= 0.8
    if features.get("family") and other.get("family") and features["family"] != other["family"]:
        score *= 0.5
    for field in ("killed",):
        a, b = features.get(field), other.get(field)
        if a is not None and b is not None and a != b and not (a and b):
            score *= 0.7
    return score


def _gap(a: int | None, b: int | None) -> int | None:
    return abs(a - b) if a is not None and b is not None else None


def scored_candidates(conn: Connection, seq: int, features: dict) -> list[tuple[dict, float]]:
    """Index the document's keys and score it against every candidate document (best first)."""
    if features.get("junk") or not features.get("keys"):
        return []
    weights = key_weights(conn, features["keys"])
    conn.execute(sa.insert(s.link_keys), [{"key": key, "doc": seq} for key in features["keys"]])
    found = candidates(conn, seq, features, weights)
    scored = [(other, pair_score(features, other, shared)) for other, shared in found]
    return sorted(scored, key=lambda pair: -pair[1])


def choose_incident(conn: Connection, doc_id: str, scored: list[tuple[dict, float]]) -> str:
    """The incident of the best candidate at or above ``JOIN_SCORE``, else a new incident for this document."""
    for other, score in scored:
        if score >= JOIN_SCORE and other.get("incident"):
            return _resolve_merged(conn, other["incident"])
    return _new_incident(conn, doc_id)


def _new_incident(conn: Connection, doc_id: str) -> str:
    identifier = incident_id(doc_id)
    if conn.execute(sa.select(s.incidents.c.id).where(s.incidents.c.id == identifier)).first() is None:
        conn.execute(sa.insert(s.incidents).values(id=identifier, documents=0))
    return identifier


def _resolve_merged(conn: Connection, identifier: str) -> str:
    for _ in range(100):
        target = conn.execute(sa.select(s.incidents.c.merged_into).where(s.incidents.c.id == identifier)).scalar()
        if not target:
            return identifier
        identifier = target
    return identifier


def refresh(conn: Connection, identifiers: set[str]) -> None:
    """Recompute the best estimates of these incidents from their documents' features and claims."""
    for identifier in identifiers:
        docs = conn.execute(sa.select(s.documents.c.seq, s.documents.c.features)
                            .where(s.documents.c.incident == identifier).order_by(s.documents.c.seq)).all()
        features = [orjson.loads(row.features) for row in docs]
        conn.execute(sa.update(s.incidents).where(s.incidents.c.id == identifier)
                     .values(**best_estimate(features), documents=len(docs)))


def best_estimate(features: list[dict]) -> dict[str, Any]:
    """The incident's type, date, place, killed and injured by the rule in the module docstring."""
    family_types = Counter(f.get("family") for f in features if f.get("family"))
    killed = _most_reported([f.get("killed") for f in features])
    injured = _most_reported([f.get("injured") for f in features])
    if killed is None and injured is not None:
        killed = 0
    if injured is None and killed is not None:
        injured = 0
    days = Counter(f.get("day") for f in features if f.get("day") is not None and f.get("day_source") != "published")
    if not days:
        days = Counter(f.get("day") for f in features if f.get("day") is not None)
    day = min(days, key=lambda d: (-days[d], d)) if days else None
    place = _most_named_place(features)
    return {
        "type": _main_type(family_types),
        "date": day_string(day),
        "place": orjson.dumps(place).decode() if place else None,
        "lat": place.get("lat") if place else None,
        "lon": place.get("lon") if place else None,
        "killed": killed,
        "injured": injured,
    }


def _most_reported(values: list[Any]) -> int | None:
    """The value most documents report; ties go to the latest report."""
    reported = [v for v in values if isinstance(v, int)]
    if not reported:
        return None
    counts = Counter(reported)
    best = max(counts.values())
    return next(v for v in reversed(reported) if counts[v] == best)


def _most_named_place(features: list[dict]) -> dict | None:
    places = [f["place"] for f in features if isinstance(f.get("place"), dict) and f["place"].get("name")]
    if not places:
        return None
    counts = Counter(p["name"] for p in places)
    name = max(counts, key=lambda n: (counts[n], any(p.get("lat") is not None for p in places if p["name"] == n)))
    return next((p for p in places if p["name"] == name and p.get("lat") is not None),
                next(p for p in places if p["name"] == name))


_FAMILY_TYPE = {"violence": "ASSAULT", "protest": "PROTEST", "aid": "AID", "talks": "CONSULT", "words": "ACCUSE"}


def _main_type(families: Counter) -> str | None:
    return _FAMILY_TYPE.get(families.most_common(1)[0][0]) if families else None
