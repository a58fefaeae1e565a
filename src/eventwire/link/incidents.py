"""Reports into incidents: one real-world happening, however many reports. A pure function of features.

``decide(features, candidates, rarity)`` takes a new document's features (eventwire.link.features) and the
features of stored documents that may report the same happening (each with its ``incident``, ``story`` and
``incident_seq``, the incident's age), and says which incident the document's main happening joins, which
incidents the document shows to be one (``merge``), and which further happenings it reports (a roundup).
The store finds the candidates (by the document's rarer keys and by day, place cell and type family) and
writes the decision; nothing here reads or writes a database.

Similarity of two reports: two cosines of rarity-weighted keys (eventwire.link.keys), one over names, one over
content words, mixed by ``NAME_SHARE`` (0 when they share fewer than ``MIN_SHARED_NAMES`` name keys); then
multiplied by how well they agree:

- their happenings (eventwire.link.happenings): the best pairing of one report's anchored happenings with
  the other's. A pairing is cut down when the kinds differ (a protest is not a shelling), the places
  disagree at city precision (two towns ``CITY_KM`` apart) or modes of one type differ (drone, shelling).
  A report's further happening that pairs files the report under that happening's incident. A report of a
  happening and a page that reports none join less easily (``ONE_SIDED_EVENTS``);
- their days: the main happenings' day spans (``GAP_FACTORS``: reports a day or a week apart must share more;
  ``BRIDGE_FACTOR`` at least when both name one person, a victim or a suspect: an arrest, a trial);
- one outlet's reports days apart (``SAME_OUTLET``: they share staff, style and beat more than a happening),
  and one report of deaths against one of none (``DEATHS_DISAGREE``).

Two reports whose main happenings pair at ``JOIN_SCORE`` or more are *bonded*; a report belongs with its
closest report, whichever arrived first, and a bond at ``MERGE_SCORE`` always holds (eventwire.link.groups).
So the document joins the incident of its best candidate when that candidate is closer to another stored
report than to this one; a candidate now closer to this document than to any report before (``pulls``) comes
to its incident with the reports that hang on it, or, when those reach its incident's first report, brings
the whole incident, which merges with the document's (the older surviving). Bonds through a roundup's
further happenings file the report under that happening's incident as before. So a weak first report of a
happening no longer decides where the later ones go, and the clusters do not hang on the arrival order.

Thresholds and factors were set by hand on two development sets at once and checked on both: incidents/
gva-even (3,050 reports of US shootings, 1,757 incidents) and incidents/war-dev (seven reports of four
happenings in one war); docs/benchmarks.md has the figures and how each was chosen.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field

from eventwire.link.happenings import CITY_KM, compatible, days_apart, distance_km, main_span, places_agree

JOIN_SCORE = 0.07
MERGE_SCORE = 0.25
# reports of happenings days apart must share more to join: (days between the day spans, factor)
WINDOW_DAYS = 30
GAP_FACTORS = ((0, 1.0), (1, 0.85), (3, 0.75), (7, 0.5), (WINDOW_DAYS, 0.2))
# reports that name one person (a victim, a suspect) weeks or months apart: an arrest, a trial, a sentence
BRIDGE_FACTOR = 0.3
PRIOR_DOCUMENTS = 200  # smooths key rarity while the store is still small
COMMON_SHARE = 0.05  # keys on more than this share of documents never find candidates on their own
LOOKUP_KEYS = 60  # the rarest keys of a document find its candidates; all keys count in the score
NAME_KINDS = ("n:", "w:", "a:", "g:", "p:", "f:", "v:")
PERSON_KIND = "v:"  # a person the report tells of: looked up across any gap (``BRIDGE_FACTOR``)
WORD_KINDS = ("t:",)
NAME_SHARE = 0.7
# reports of one happening share at least this many names (``shared_names``: a place and a person, a town's
# name and its word; a name of several words counts once); a page with only its headline to go by is exempt
MIN_SHARED_NAMES = 2
ONE_SIDED_EVENTS = 0.6
TOLD_APART = 0.25  # a further cut when a report names the other's place yet puts its happening elsewhere
SAME_OUTLET = 0.5
DEATHS_DISAGREE = 0.7
WORD_PRIOR = 5.0  # ordinary words are assumed this often in a store too small to know


def incident_id(first_document: str, happening: int = 0) -> str:
    key = first_document if not happening else f"{first_document}#{happening}"
    return "i" + hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:12]


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

    def lookup_keys(self, keys: list[str]) -> list[str]:
        """The document's rarest keys, the ones that find its candidates."""
        return sorted((k for k in keys if not self.common(k)), key=lambda k: -self.weight(k))[:LOOKUP_KEYS]


@dataclass
class Decision:
    """Where a new document goes: ``incident`` (None: a new one), the incidents ``merge`` folds into it,
    ``also`` its further happenings (incident id, or None for a new one with that happening index), and the
    ``story`` (None: a new one). ``bonds``: the stored reports (seq, score) whose main happening its main
    happening pairs with at ``JOIN_SCORE``; ``pulls``: those of them it is the closest report to now, which
    come to its incident with the reports that hang on them (eventwire.link.groups)."""

    incident: str | None = None
    merge: list[str] = field(default_factory=list)
    also: list[tuple[int, str | None]] = field(default_factory=list)
    story: str | None = None
    scored: list[tuple[dict, float]] = field(default_factory=list)
    bonds: list[tuple[int, float]] = field(default_factory=list)
    pulls: list[tuple[int, float]] = field(default_factory=list)


def decide(features: dict, candidates: list[dict], rarity: Rarity) -> Decision:
    """The incident, merges, further happenings and story of a new document (see the module docstring)."""
    if features.get("junk") or not features.get("keys"):
        return Decision()
    scored, main, further = [], {}, {}
    decision = Decision(scored=scored)
    distinct = set(distinct_happenings(features))
    for other in candidates:
        score = similarity(features, other, rarity)
        scored.append((other, score))
        _, mine, theirs = _best_pairing(features, other)
        incident = _filed(other, theirs)
        if not incident or score < JOIN_SCORE:
            continue
        if mine not in distinct and incident == other.get("incident") and "seq" in other:
            decision.bonds.append((other["seq"], score))
            if score > (other.get("bond") or 0.0) or score >= MERGE_SCORE:
                decision.pulls.append((other["seq"], score))  # it brings its group (eventwire.link.groups)
                continue
        reached = main if mine not in distinct else further.setdefault(mine, {})
        if score > reached.get(incident, (0.0, 0))[0]:
            reached[incident] = (score, other.get("incident_seq") or 0)
    scored.sort(key=lambda pair: -pair[1])
    pulled = max((score for _, score in decision.pulls), default=0.0)
    if main and (main[max(main, key=lambda i: main[i][0])][0] >= pulled):
        ranked = sorted(main, key=lambda i: -main[i][0])
        reached = [ranked[0], *(i for i in ranked[1:] if main[i][0] >= MERGE_SCORE)]
        decision.incident = min(reached, key=lambda i: main[i][1])  # the older incident survives
        decision.merge = [i for i in reached if i != decision.incident]
    taken = {decision.incident, *decision.merge}
    decision.also = [(index, _best_of(further.get(index), taken) or match)
                     for index, match in _further_happenings(features, candidates, taken)]
    decision.story = _story(decision, scored)
    return decision


def _best_of(reached: dict | None, taken: set) -> str | None:
    options = [(score, incident) for incident, (score, _) in (reached or {}).items() if incident not in taken]
    return max(options)[1] if options else None


def _filed(other: dict, index: int) -> str | None:
    """The incident the candidate's happening ``index`` is filed under: its own when the report filed it as a
    further happening, else the report's main incident (a happening not told apart from the main one, such
    as the shooting behind a report whose first event is the police's inquiry, is the main one)."""
    filed = other.get("happening_incidents") or {}
    return filed.get(index) or filed.get(str(index)) or other.get("incident")


STORY_SCORE = 0.05




def _story(decision: Decision, scored: list[tuple[dict, float]]) -> str | None:
    """The story of the incident joined, else of the best candidate at ``STORY_SCORE`` (a follow-up or a
    related happening nearby), else None (a new story)."""
    for other, _ in scored:
        if decision.incident and other.get("incident") == decision.incident and other.get("story"):
            return other["story"]
    for other, score in scored:
        if score >= STORY_SCORE and other.get("story"):
            return other["story"]
    return None


def similarity(features: dict, other: dict, rarity: Rarity) -> float:
    """How strongly two reports look like reports of one happening, from 0 to 1 (module docstring)."""
    mine, theirs = _weighted(features, rarity), _weighted(other, rarity)
    if not (features.get("headline_only") or other.get("headline_only")) \
            and shared_names([key for key in mine[0] if key in theirs[0]]) < MIN_SHARED_NAMES:
        return 0.0  # one name in common ("the United Nations", a country's capital) is no happening in common
    names = _cosine(mine[0], theirs[0])
    words = _cosine(mine[1], theirs[1])
    return (NAME_SHARE * names + (1 - NAME_SHARE) * words) * agreement(features, other)


def shared_names(keys: list[str]) -> int:
    """How many names two reports share: a name of several words counts once, its words (``w:united``,
    ``w:nations`` beside ``n:united nations``) not again. A place keeps its words' count: a city two reports
    name is a name in common, and its name's words a second (the reports of a car bomb in one town often share
    nothing else by name)."""
    covered = {word for key in keys if key.startswith("n:") for word in key[2:].split()}
    return sum(1 for key in keys if not key.startswith("w:") or key[2:] not in covered)


def agreement(features: dict, other: dict) -> float:
    """The factor by which happenings, days, outlets and death counts cut a similarity down."""
    factor = _happenings_agree(features, other)
    if not factor:
        return 0.0
    gap = days_apart(main_span(features), main_span(other))
    gap_factor = next((f for days, f in GAP_FACTORS if gap is not None and gap <= days), GAP_FACTORS[-1][1])
    if gap_factor < BRIDGE_FACTOR and shared_people(features, other):
        gap_factor = BRIDGE_FACTOR  # the victim or suspect of a happening named again at the arrest or the trial
    factor *= gap_factor
    if gap is not None and gap >= 2 and features.get("site") and features.get("site") == other.get("site"):
        factor *= SAME_OUTLET
    a, b = features.get("killed"), other.get("killed")
    if a is not None and b is not None and (a == 0) != (b == 0):
        factor *= DEATHS_DISAGREE
    return factor


def shared_people(features: dict, other: dict) -> bool:
    """Whether two reports tell of one person by name (``v:`` keys): a victim, a suspect."""
    mine = {k for k in features.get("keys") or () if k.startswith(PERSON_KIND)}
    return bool(mine) and any(k in mine for k in other.get("keys") or () if k.startswith(PERSON_KIND))


def _happenings_agree(features: dict, other: dict) -> float:
    return _best_pairing(features, other)[0]


def _best_pairing(features: dict, other: dict) -> tuple[float, int, int]:
    """The factor of the best pairing of anchored happenings, and the indexes of this report's and the other
    report's happening in it (0, 0: the main ones, when none pairs or neither reports any). A pairing of
    main happenings wins a tie."""
    mine, theirs = features.get("happenings") or [], other.get("happenings") or []
    if features.get("headline_only") or other.get("headline_only"):
        return 1.0, 0, 0  # events read off a wall or a two-line brief say too little to tell happenings apart
    if bool(mine) != bool(theirs):
        return ONE_SIDED_EVENTS, 0, 0
    if not mine:
        return 1.0, 0, 0
    best = (0.0, 0, 0)
    named = (features.get("named_places") or [], other.get("named_places") or [])
    for i, h in enumerate(mine):
        for j, g in enumerate(theirs):
            if h.get("anchored", True) and g.get("anchored", True):
                factor = compatible(h, g) * _told_apart(h, g, named)
                if factor > best[0] or factor == best[0] and factor and i + j < best[1] + best[2]:
                    best = (factor, i, j)
    return best


def _told_apart(mine: dict, theirs: dict, named: tuple[list[dict], list[dict]]) -> float:
    """``TOLD_APART`` when two happenings' places disagree and one report names the other's place (a city
    within ``CITY_KM`` of it) yet puts its own happening elsewhere ("shelled the town of X, 100 km east of
    Y") in the same region (admin1): the report itself tells two towns of one region apart. A gazetteer's
    wrong pick of a name ("Ward" for a surname, a second "Capitol Hill") most often lands in another region,
    so a report's places in two regions tell nothing apart. Else 1."""
    a, b = mine.get("place") or {}, theirs.get("place") or {}
    if a.get("guessed") or b.get("guessed") or places_agree(a, b):
        return 1.0
    for place, other, names in ((a, b, named[0]), (b, a, named[1])):
        if any(_near(known, other) and not _near(known, place) and _one_region(known, place) for known in names):
            return TOLD_APART
    return 1.0


def _one_region(a: dict, b: dict) -> bool:
    return bool(a.get("admin1")) and a.get("admin1") == b.get("admin1")


def _near(a: dict, b: dict) -> bool:
    km = distance_km(a, b)
    return km is not None and km <= CITY_KM




def _further_happenings(features: dict, candidates: list[dict], taken: set) -> list[tuple[int, str | None]]:
    """A roundup's other happenings: dated, placed at city precision, unlike its main one. Each joins the
    incident of a candidate that reports a compatible happening on an overlapping day in the same city, or
    starts its own."""
    found = features.get("happenings") or []
    return [(index, _filed_happening(found[index], candidates, taken)) for index in distinct_happenings(features)]


def distinct_happenings(features: dict) -> list[int]:
    """The indexes of a report's further happenings that are happenings of their own (``_distinct_happening``);
    any other event of the report is a facet of its main happening."""
    found = features.get("happenings") or []
    out: list[int] = []
    seen: list[dict] = found[:1]
    for index, happening in enumerate(found[1:], start=1):
        if _distinct_happening(happening, seen):
            seen.append(happening)
            out.append(index)
    return out


def _filed_happening(happening: dict, candidates: list[dict], taken: set) -> str | None:
    """The incident of a candidate's happening that is this one (same kind, city and day), if any."""
    for other in candidates:
        for index, theirs in enumerate(other.get("happenings") or []):
            incident = _filed(other, index)
            if incident and incident not in taken and _same_happening(happening, theirs):
                return incident
    return None


def _distinct_happening(happening: dict, seen: list[dict]) -> bool:
    """Dated, placed in a city, and in another place than the report's main happening and those found so far
    (a roundup's happenings lie in different places; one place on another day is most often background)."""
    place = happening.get("place") or {}
    if not happening.get("dated") or place.get("guessed") or place.get("level") != "city":
        return False
    return not any(places_agree(place, h.get("place")) for h in seen)


def _same_happening(mine: dict, theirs: dict) -> bool:
    place = theirs.get("place") or {}
    return (compatible(mine, theirs) == 1.0 and place.get("level") == "city" and not place.get("guessed")
            and days_apart(mine.get("span"), theirs.get("span")) == 0)


def _weighted(features: dict, rarity: Rarity) -> tuple[dict[str, float], dict[str, float]]:
    """The document's name keys and word keys with their squared weights (cached on the features dict)."""
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
