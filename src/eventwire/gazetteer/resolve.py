"""Resolution by evidence: which GeoNames place each toponym of one document refers to.

Every candidate gets a score from what it is (feature, population, how its name matched) and from the
document: an explicit qualifier ("Paris, Texas", "Gori, Georgia"), the countries (and their neighbours)
and admin1 areas the other toponyms resolve to, the counties named, and nearness to the document's
other places. The scores
of a mention's candidates become a confidence (softmax share of the winner).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from eventwire.gazetteer.index import NAME_ALIAS, NAME_OTHER, NAME_PRIMARY, Candidate

FEATURE_PRIOR = {"PCLI": 3.0, "CONT": 2.5, "ADM1": 2.0, "RGN": 1.5, "PPLC": 1.5, "ADM2": 0.3}
KIND_PRIOR = {NAME_ALIAS: -0.3, NAME_OTHER: -2.0}
AREAS = ("PCLI", "ADM1", "ADM2")
# Weight of the admin1 area most of the document's names could lie in, and the least a far-fetched reading counts
# there (geo/lgl acc@161: without 0.887; 1.0 0.897, 1.5 0.900, 2.5 0.898 with the floor at 0.5; floor 1.0: 0.899).
REGION_FOCUS = 1.5
REGION_FLOOR = 0.5
DEMONYM_WEIGHT = 0.5  # a demonym's vote for its country, beside a resolved name's 0.5-1.5 (geo/lgl: 0.9058 -> 0.9066)
COUNTRY_FOCUS = 3.0  # weight of the document's countries (share of the other mentions' votes)


@dataclass
class Mention:
    """A toponym in the text and what the gazetteer offers for it."""

    start: int
    end: int
    text: str
    candidates: tuple[Candidate, ...] = ()
    admin_word: bool = False  # "County", "Parish", "Province" ... is part of the name
    subnational: bool = False  # the name ends in a word of a country's part ("Guernsey County"): no country
    town_word: int = 0  # "city of X", "X police" (1), "12 Elm St., X" (2): a town is meant
    qualifier: Mention | None = None  # the "Texas" of "Paris, Texas"
    strength: float = 1.0  # how sure recognition is that this is a toponym (weights its vote)
    best: Candidate | None = None
    confidence: float = 0.0


def _feature_prior(c: Candidate) -> float:
    """What being a country, a capital, an admin1 area ... is worth; a small admin1 area less.

    A parish of 20,000 people ("Portland", Jamaica) is rarely what a bare name means where a city of the same
    name exists; the admin1 bonus grows from a quarter at 30,000 people to all of it at 300,000.
    """
    bonus = FEATURE_PRIOR.get(c.feature, 0.0)
    if c.feature == "ADM1":
        bonus *= min(1.0, max(0.25, math.log10(c.population + 1) - 4.5))
    return bonus


def prior(c: Candidate, mention: Mention) -> float:
    score = math.log10(c.population + 10) * 0.8 + _feature_prior(c) + KIND_PRIOR.get(c.kind, 0.0)
    if mention.town_word and c.feature_class != "P":
        score -= 3.0 * mention.town_word  # "the city of Saida", "Berea police": a town, not the province of its name
    if c.feature == "ADM2" and not mention.admin_word:
        score -= 1.5
    if c.feature in ("ADM1", "ADM2") and c.kind != NAME_PRIMARY and not mention.admin_word:
        score -= 1.0  # an area's alias is often its capital's name: "Moscow" for Moscow Oblast
    if mention.admin_word and c.feature not in AREAS:
        score -= 3.0
    if mention.subnational and c.feature == "PCLI":
        score -= 10.0  # "Guernsey County" is no country
    return score


def inside(c: Candidate, area: Candidate) -> bool:
    """Whether place ``c`` lies in country/admin1/admin2 ``area`` (or is it)."""
    if c.country != area.country or c is area:
        return c is area
    if area.feature in ("PCLI", "PCLD", "RGN"):  # a region of one country: as far as we know, its country
        return True
    if area.feature == "ADM1":
        return c.admin1 == area.admin1
    if area.feature == "ADM2":
        return c.admin1 == area.admin1 and c.admin2 == area.admin2
    return False


def _town_shadowed(c: Candidate, cands: tuple[Candidate, ...]) -> bool:
    """An area sharing its name with a large town inside it: a bare mention means the town (Moscow, Paris)."""
    if c.feature not in ("ADM1", "ADM2"):
        return False
    return any(t.feature.startswith("PPL") and t.kind <= c.kind and inside(t, c) and t.population * 5 >= c.population
               for t in cands)


def resolve(mentions: list[Mention], neighbours: dict[str, frozenset[str]] | None = None,
            peoples: tuple[Candidate, ...] = ()) -> None:
    """Set ``best`` and ``confidence`` of every mention with candidates.

    Mentions of one name are one group and get one referent (one sense per discourse); a group's
    context is what the *other* groups resolve to, so a name repeated ten times cannot vote for itself.
    ``peoples`` are the areas the document's demonyms point to ("Ukrainian" -> Ukraine), one each: they
    vote for their country with ``DEMONYM_WEIGHT`` but are no toponyms to resolve.
    """
    groups: dict[tuple, _Group] = {}
    for m in mentions:
        if m.candidates:
            groups.setdefault(_group_key(m), _Group()).add(m)
    if not groups:
        return
    base = {key: g.base_scores() for key, g in groups.items()}
    _add_common_region(groups, base)
    for key, g in groups.items():  # pass 1: priors and explicit qualifiers only
        g.choose(base[key])
    for _ in range(2):  # then the document's other places as evidence
        context = _Context(list(groups.values()), neighbours or {}, peoples)
        for key, g in groups.items():
            g.choose([b + context.support(c, g) for b, c in zip(base[key], g.candidates, strict=True)])


def _regions(g: _Group, scores: list[float]) -> dict[tuple[str, str], float]:
    """The admin1 areas any reading of a group's name lies in (towns, counties, the area itself), each with how
    plausible its best reading there is beside the group's best reading anywhere (1 for that one, never under
    ``REGION_FLOOR``): a hamlet's state still counts, a city's more."""
    out: dict[tuple[str, str], float] = {}
    peak = max(scores, default=0.0)
    for c, score in zip(g.candidates, scores, strict=True):
        if c.admin1 and c.kind != NAME_OTHER and (c.feature.startswith("PPL") or c.feature in ("ADM1", "ADM2")):
            region = (c.country, c.admin1)
            out[region] = max(out.get(region, 0.0), REGION_FLOOR + (1 - REGION_FLOOR) * math.exp((score - peak) / 2))
    return out


def _add_common_region(groups: dict[tuple, _Group], base: dict[tuple, list[float]]) -> None:
    """The admin1 area that the most names of the document *could* lie in, whatever each one's best reading.

    "Watertown", "Delano", "Plainview" and "Scott County" each name places in many states, but one state has
    them all: that state is the document's focus. A candidate gets ``REGION_FOCUS`` times the share of the
    other names (those with any reading inside an admin1 area) that have a reading in its admin1 area.
    """
    regions = {key: _regions(g, base[key]) for key, g in groups.items()}
    counted = [key for key, r in regions.items() if r]
    if len(counted) < 3:
        return
    votes: dict[tuple[str, str], float] = defaultdict(float)
    for key in counted:
        for region, share in regions[key].items():
            votes[region] += share
    for key, g in groups.items():
        own = regions[key]
        others = len(counted) - bool(own)
        for i, c in enumerate(g.candidates):
            region = (c.country, c.admin1)
            if region in own and c.feature not in ("PCLI", "CONT"):
                base[key][i] += REGION_FOCUS * (votes[region] - own[region]) / others


def _group_key(m: Mention) -> tuple:
    return tuple(sorted(c.geonameid for c in m.candidates)), m.admin_word


class _Group:
    """The mentions of one name in one document."""

    def __init__(self) -> None:
        self.mentions: list[Mention] = []
        self.best: Candidate | None = None
        self.confidence = 0.0

    def add(self, m: Mention) -> None:
        self.mentions.append(m)

    @property
    def candidates(self) -> tuple[Candidate, ...]:
        return self.mentions[0].candidates

    @property
    def weight(self) -> float:
        return max(m.strength for m in self.mentions) * (0.5 + self.confidence)

    def base_scores(self) -> list[float]:
        first = self.mentions[0]
        admin_word = first.admin_word
        return [prior(c, first) + max(_qualifier(c, m) for m in self.mentions)
                - 2.0 * (not admin_word) * _town_shadowed(c, self.candidates) for c in self.candidates]

    def choose(self, scores: list[float]) -> None:
        top = max(range(len(scores)), key=scores.__getitem__)
        peak = scores[top]
        self.best = self.candidates[top]
        self.confidence = round(1.0 / sum(math.exp(s - peak) for s in scores), 3)
        for m in self.mentions:
            m.best, m.confidence = self.best, self.confidence


def _qualifier(c: Candidate, m: Mention) -> float:
    q = m.qualifier
    if q is None or not q.candidates:
        return 0.0
    areas = [a for a in q.candidates if a.feature in AREAS or (a.feature == "RGN" and a.country)]
    return 6.0 if any(inside(c, area) for area in areas) else -1.0


class _Context:
    """What the groups' current choices say: countries, admin1 and admin2 areas, and points."""

    def __init__(self, groups: list[_Group], neighbours: dict[str, frozenset[str]],
                 peoples: tuple[Candidate, ...] = ()) -> None:
        self.neighbours = neighbours
        self.votes: list[tuple[_Group | None, Candidate, float]] = [(g, g.best, g.weight) for g in groups if g.best]
        self.votes += [(None, area, DEMONYM_WEIGHT) for area in peoples]

    def support(self, c: Candidate, g: _Group) -> float:
        country = admin1 = admin2 = 0.0
        country_all = admin1_all = admin2_all = 0.0
        near = 0
        next_door = self.neighbours.get(c.country, frozenset())
        for other, b, w in self.votes:
            if other is g:
                continue
            country_all += w
            country += w * (1.0 if b.country == c.country else 0.4 if b.country in next_door else 0.0)
            if b.feature not in ("PCLI", "CONT", "RGN") and b.admin1:
                admin1_all += w
                admin1 += w * (b.country == c.country and b.admin1 == c.admin1)
                if b.feature != "ADM1" and b.admin2:
                    admin2_all += w
                    admin2 += w * (b.country == c.country and b.admin1 == c.admin1 and b.admin2 == c.admin2)
            if (c.feature.startswith("PPL") or c.feature == "ADM2") and b.feature not in ("PCLI", "CONT", "RGN") \
                    and abs(c.lat - b.lat) < 0.75 and km(c.lat, c.lon, b.lat, b.lon) < 80:
                near += 1
        score = 0.0
        if country_all:
            score += COUNTRY_FOCUS * country / country_all
        if admin1_all and c.feature not in ("PCLI", "CONT"):
            score += 4.0 * admin1 / admin1_all + 1.0 * min(admin1, 2.0)
        if admin2_all and c.feature not in ("PCLI", "CONT", "ADM1"):
            score += 1.5 * admin2 / admin2_all
        return score + 0.7 * min(near, 3)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))
