"""Events and their documents into incidents: one real-world happening, however many reports.

Incremental. A new document is compared with the documents that share one of its rarer keys (the inverted
index ``link_keys``: names, places, streets, ages, content words; see eventwire.link.features) and whose date
lies within ``WINDOW_DAYS``. Each key weighs by its rarity in the store (inverse document frequency, counts in
``link_terms``), so "Chicago" ties little and "Edwards Street" a lot; the similarity mixes a cosine over names
and one over words, and is cut down when dates lie apart or event families or death counts disagree, and when
one outlet's reports lie days apart (they share its staff, style and beat more than a happening). The
document joins the incident of the best-scoring candidate when the score reaches ``JOIN_SCORE``, otherwise
it starts an incident of its own. Junk pages (eventwire.link.junk) are not indexed and join nothing.

Incident ids are a hash of the first document's id: a new report joins an incident or starts one, and never
renumbers or regroups the incidents already stored (``merged_into`` is kept for a future merge step).
Rarity is learnt from the store itself, so a store of a few dozen documents links more eagerly than a large
one; the thresholds were set on a few thousand news reports.

Best estimates (``best_estimate``): for killed and injured, each document's own count counts once
(eventwire.link.casualties: its first, most salient asserted figure, else what its words of harm imply);
the incident takes the value most documents report, ties going to the larger death count (a wounded victim
who dies later raises it in later reports) and to the smaller injured count; when no document
reports one, the estimate is 0 (none reported).
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
# a report weeks or months after another (an arrest, a trial) must share more to join: (days apart, factor)
GAP_FACTORS = ((1, 1.0), (3, 0.75), (7, 0.5), (WINDOW_DAYS, 0.2))
JOIN_SCORE = 0.07
PRIOR_DOCUMENTS = 200  # smooths key rarity while the store is still small
MAX_CANDIDATES = 40
LOOKUP_KEYS = 60  # the rarest keys of a document find its candidates; all keys count in the score
COMMON_SHARE = 0.05  # keys on more than this share of documents never find candidates on their own
DOCUMENTS_KEY = ""
NAME_KINDS = ("n:", "w:", "a:", "g:", "p:")
WORD_KINDS = ("t:",)
NAME_SHARE = 0.7
ONE_SIDED_EVENTS = 0.6
SAME_OUTLET = 0.5
WORD_PRIOR = 5.0  # ordinary words are assumed this often in a store too small to know


def incident_id(first_document: str) -> str:
    return "i" + hashlib.sha1(first_document.encode("utf-8", "surrogatepass")).hexdigest()[:12]


class Rarity:
    """Inverse document frequency of keys over the documents indexed so far."""

    def __init__(self, total: int, frequency: dict[str, int]) -> None:
        self.total, self.frequency = total, frequency
        self._weights: dict[str, float] = {}

    def weight(self, key: str) -> float:
        found = self._weights.get(key)
        if found is None:
            prior = WORD_PRIOR if key.startswith(WORD_KINDS) else 1.0
            found = self._weights[key] = math.log((self.total + PRIOR_DOCUMENTS) / (self.frequency.get(key, 0) + prior))
        return found

    def common(self, key: str) -> bool:
        return self.frequency.get(key, 0) > max(20, COMMON_SHARE * self.total)


def read_rarity(conn: Connection, keys: list[str]) -> Rarity:
    frequency: dict[str, int] = {}
    wanted = [DOCUMENTS_KEY, *keys]
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        frequency.update(conn.execute(sa.select(s.link_terms.c.key, s.link_terms.c.df)
                                      .where(s.link_terms.c.key.in_(chunk))).all())
    return Rarity(frequency.pop(DOCUMENTS_KEY, 0), frequency)


def similarity(features: dict, other: dict, rarity: Rarity) -> float:
    """How strongly two reports look like reports of one happening, from 0 to 1.

    Two cosines of rarity-weighted keys, one over names (people, places, streets, businesses), one over
    the other content words, mixed by ``NAME_SHARE``; then cut down when dates lie apart or event families
    or death counts disagree.
    """
    mine, theirs = _weighted(features, rarity), _weighted(other, rarity)
    names = _cosine(mine[0], theirs[0])
    words = _cosine(mine[1], theirs[1])
    return (NAME_SHARE * names + (1 - NAME_SHARE) * words) * _agreement(features, other)


def _weighted(features: dict, rarity: Rarity) -> tuple[dict[str, float], dict[str, float]]:
    """The document's name keys and word keys with their squared weights (kept on the features dict)."""
    cached = features.get("_weighted")
    if cached is not None and cached[0] is rarity:
        return cached[1]
    names: dict[str, float] = {}
    words: dict[str, float] = {}
    for key in features.get("keys") or ():
        target = names if key.startswith(NAME_KINDS) else words if key.startswith(WORD_KINDS) else None
        if target is not None:
            target[key] = rarity.weight(key) ** 2
    features["_weighted"] = (rarity, (names, words))
    return names, words


def _cosine(mine: dict[str, float], theirs: dict[str, float]) -> float:
    if len(theirs) < len(mine):
        mine, theirs = theirs, mine
    shared = sum(weight for key, weight in mine.items() if key in theirs)
    if not shared:
        return 0.0
    return shared / math.sqrt(sum(mine.values()) * sum(theirs.values()))


def _agreement(features: dict, other: dict) -> float:
    factor = 1.0
    gap = _gap(features.get("day"), other.get("day"))
    factor *= next((f for days, f in GAP_FACTORS if gap is not None and gap <= days), GAP_FACTORS[-1][1])
    mine, theirs = set(features.get("families") or ()), set(other.get("families") or ())
    if features.get("headline_only") or other.get("headline_only"):
        pass  # events read off a wall or a two-line brief say too little to tell happenings apart
    elif mine and theirs and not mine & theirs:
        factor *= 0.5
    elif bool(mine) != bool(theirs):  # a report of a happening and a page that reports none
        factor *= ONE_SIDED_EVENTS
    if gap is not None and gap >= 2 and features.get("site") and features.get("site") == other.get("site"):
        factor *= SAME_OUTLET  # one outlet's reports days apart share its house style, staff and beat
    a, b = features.get("killed"), other.get("killed")
    if a is not None and b is not None and (a == 0) != (b == 0):
        factor *= 0.7
    return factor


def _gap(a: int | None, b: int | None) -> int | None:
    return abs(a - b) if a is not None and b is not None else None


def candidates(conn: Connection, seq: int, features: dict, rarity: Rarity) -> list[dict]:
    """Documents inside the date window that share one of this document's rarer keys, most promising first."""
    day = features.get("day")
    lookup = sorted((k for k in features["keys"] if not rarity.common(k)), key=lambda k: -rarity.weight(k))
    lookup = lookup[:LOOKUP_KEYS]
    if day is None or not lookup:
        return []
    hits: Counter = Counter()
    query = (sa.select(s.link_keys.c.doc, s.link_keys.c.key)
             .where(s.link_keys.c.key.in_(lookup), s.link_keys.c.day.between(day - WINDOW_DAYS, day + WINDOW_DAYS),
                    s.link_keys.c.doc != seq))
    for doc, key in conn.execute(query):
        hits[doc] += rarity.weight(key)
    top = [doc for doc, _ in hits.most_common(MAX_CANDIDATES)]
    if not top:
        return []
    columns = (s.documents.c.seq, s.documents.c.incident, s.documents.c.story, s.documents.c.features)
    found = []
    for row in conn.execute(sa.select(*columns).where(s.documents.c.seq.in_(top))):
        other = orjson.loads(row.features)
        other["seq"], other["incident"], other["story"] = row.seq, row.incident, row.story
        found.append(other)
    return found


def index_document(conn: Connection, seq: int, features: dict) -> None:
    """Add the document's keys to the inverted index and to the key counts."""
    keys = features["keys"]
    conn.execute(sa.insert(s.link_keys), [{"key": key, "doc": seq, "day": features.get("day")} for key in keys])
    insert = _upsert_function(conn)
    statement = insert(s.link_terms).on_conflict_do_update(index_elements=[s.link_terms.c.key],
                                                           set_={"df": s.link_terms.c.df + 1})
    conn.execute(statement, [{"key": key, "df": 1} for key in [DOCUMENTS_KEY, *keys]])


def _upsert_function(conn: Connection):
    """SQLite's and PostgreSQL's INSERT … ON CONFLICT share one API in SQLAlchemy; pick the dialect's."""
    if conn.dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:
        from sqlalchemy.dialects.postgresql import insert
    return insert


def scored_candidates(conn: Connection, seq: int, features: dict) -> list[tuple[dict, float]]:
    """Score the document against its candidates (best first), then index it."""
    if features.get("junk") or not features.get("keys"):
        return []
    rarity = read_rarity(conn, features["keys"])
    scored = [(other, similarity(features, other, rarity)) for other in candidates(conn, seq, features, rarity)]
    index_document(conn, seq, features)
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
    types = Counter(f.get("type") for f in features if f.get("type"))
    killed = _most_reported([f.get("killed") for f in features], larger=True)
    injured = _most_reported([f.get("injured") for f in features])
    # no report of a death (or of a wound) among the incident's documents: none known, 0
    killed = 0 if killed is None else killed
    injured = 0 if injured is None else injured
    days = Counter(f.get("day") for f in features if f.get("day") is not None and f.get("day_source") != "published")
    if not days:
        days = Counter(f.get("day") for f in features if f.get("day") is not None)
    day = min(days, key=lambda d: (-days[d], d)) if days else None
    place = _most_named_place(features)
    return {
        "type": min(types, key=lambda name: (-types[name], name)) if types else None,
        "date": day_string(day),
        "place": orjson.dumps(place).decode() if place else None,
        "lat": place.get("lat") if place else None,
        "lon": place.get("lon") if place else None,
        "killed": killed,
        "injured": injured,
    }


def _most_reported(values: list[Any], larger: bool = False) -> int | None:
    """The value most documents report; ties go to the smaller value (the more cautious count), or to the
    larger with ``larger`` (deaths: a wounded victim who dies later raises the count in the later reports)."""
    counts = Counter(v for v in values if isinstance(v, int))
    return min(counts, key=lambda v: (-counts[v], -v if larger else v)) if counts else None


def _most_named_place(features: list[dict]) -> dict | None:
    places = [f["place"] for f in features if isinstance(f.get("place"), dict) and f["place"].get("name")]
    if not places:
        return None
    counts = Counter(p["name"] for p in places)
    name = max(counts, key=lambda n: (counts[n], any(p.get("lat") is not None for p in places if p["name"] == n)))
    return next((p for p in places if p["name"] == name and p.get("lat") is not None),
                next(p for p in places if p["name"] == name))
