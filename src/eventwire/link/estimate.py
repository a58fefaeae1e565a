"""An incident's best estimates from its reports' features, by rules that keep every claim visible.

- **Tolls** (killed, injured). Each report counts once: its own count (eventwire.link.casualties) and the
  claims behind it (``tolls``: value and claimant). A toll that rises over time takes the latest report's
  figure: reports are read in order of publication and the last that states a count wins; a report that
  only implies one ("a man was shot and killed") yields to reports that state one. When parties dispute a
  toll, the incident is ``disputed`` (``disputing_claims``): two parties (organisations, governments, groups;
  not a witness, whose figure is most often a part of the toll) give different counts in one report (the
  army's 30 against the rebels' 2), or a later report's party gives fewer than an earlier report's other
  party (tolls do not fall; a lower count from someone else is a rival claim). A disputed toll takes the
  lowest figure the parties stand by, each at the last it gave (ACLED's convention: the lowest credible
  figure). With no report saying anything the toll is None
  (unknown); 0 only when a report says none. The wounded who died are among the dead (``survivors``): when
  the dead rose after the report the count of the wounded comes from, the rise comes off the wounded.
- **Date**: the happening's own day, never a later report's publication day: each report's main happening
  gives a span of days (eventwire.link.happenings); the day inside most spans wins, ties going to the day
  most reports name exactly, then to the earliest. Reports dated only by their publication day count only
  when no report dates the happening itself.
- **Type** the most reported, **place** the most named main place, ties going to a city over a region or
  country (with coordinates when one has them).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from eventwire.lexicons import lines
from eventwire.link.happenings import day_string, main_span


def best_estimate(features: list[dict]) -> dict[str, Any]:
    """The incident's type, date, place, killed, injured and whether a toll is disputed (module docstring)."""
    ordered = sorted(features, key=lambda f: (f.get("published") or 0, f.get("seq") or 0))
    killed, killed_disputed, _ = _toll(ordered, "killed")
    injured, injured_disputed, source = _toll(ordered, "injured")
    if not (killed_disputed or injured_disputed):
        injured = survivors(ordered, injured, source, killed)
    types = Counter(h["type"] for f in features for h in (f.get("happenings") or [])[:1])
    place = _most_named_place(features)
    return {
        "type": min(types, key=lambda name: (-types[name], name)) if types else None,
        "date": day_string(happening_day(features)),
        "place": place,
        "lat": place.get("lat") if place else None,
        "lon": place.get("lon") if place else None,
        "killed": killed,
        "injured": injured,
        "disputed": killed_disputed or injured_disputed,
    }


def happening_report(features: dict, index: int) -> dict:
    """What a roundup says about one of its further happenings, as the features of a report of it alone."""
    found = features.get("happenings") or []
    happening = found[index] if 0 <= index < len(found) else {}
    span = happening.get("span")
    return {"seq": features.get("seq"), "published": features.get("published"), "happenings": [happening],
            "day": span[0] if span else None, "day_source": "event" if span else "published",
            "killed": happening.get("killed"), "injured": happening.get("injured"), "tolls": [],
            "place": {k: v for k, v in (happening.get("place") or {}).items()
                      if k in ("name", "admin1", "country", "lat", "lon")} or None}


def toll(ordered: list[dict], field: str) -> tuple[int | None, bool]:
    """The incident's count of ``field`` from reports in order of publication, and whether it is disputed."""
    value, disputed, _ = _toll(ordered, field)
    return value, disputed


def _toll(ordered: list[dict], field: str) -> tuple[int | None, bool, int | None]:
    """``toll``, and the index of the report whose count it takes (None when disputed or unknown)."""
    claims = [[c for c in f.get("tolls") or [] if c.get("field") == field] for f in ordered]
    rival = disputing_claims([[c for c in report if c.get("party", True)] for report in claims])
    if rival:
        return min(rival), True, None
    stated = [i for i, (f, report) in enumerate(zip(ordered, claims, strict=True))
              if report and f.get(field) is not None]
    counts = stated or [i for i, f in enumerate(ordered) if f.get(field) is not None]
    return (ordered[counts[-1]][field], False, counts[-1]) if counts else (None, False, None)


def survivors(ordered: list[dict], injured: int | None, source: int | None, killed: int | None) -> int | None:
    """The wounded who have died are among the dead: when the count of the injured comes from a report
    (``source``, its index in ``ordered``) before the latest count of the killed, and the dead rose since ("a
    man shot on Friday has died"), the rise comes off the wounded. A later report that counts the wounded
    itself counts survivors already."""
    if not injured or source is None or killed is None:
        return injured
    own = ordered[source].get("killed")  # the dead that report counts beside its wounded, else those known then
    before = own if own is not None else _toll(ordered[: source + 1], "killed")[0] or 0
    return max(0, injured - (killed - before)) if killed > before else injured


def disputing_claims(reports: list[list[dict]]) -> list[int]:
    """The values of claims that dispute a toll (empty when none do): two parties that share no word of their
    names ("the army", "the rebel command") give different counts in one report, or a later report's party
    gives fewer than an earlier report's other party (tolls do not fall). Each party stands by the last figure
    it gave. A person's figure (a witness, a doctor) is one view of a part of the toll, not a party's claim,
    and parties named alike ("police", "the city police") are one party, as are the civil authorities ("police",
    "officials", "the coroner": ``_party``)."""
    latest: dict[str, int] = {}
    disputed = False
    for report in reports:
        here = {_party(c["claimant"]): c["value"] for c in report if c.get("claimant")}
        for name, value in here.items():
            others = [(n, v) for n, v in [*here.items(), *latest.items()] if not set(n) & set(name)]
            if any(v != value for n, v in others if n in here) or any(v > value for n, v in others if n in latest):
                disputed = True
        latest.update(here)
    return sorted(latest.values()) if disputed else []


def _party(name: str) -> frozenset[str]:
    """The words that name a claimant; every name of the civil authorities (``toll_authorities.txt``: "police",
    "officials", "the coroner") also carries ``@authorities``, so that they are one voice."""
    words = frozenset(w for w in name.lower().replace("\n", " ").split() if w not in ("the", "a", "an", "of"))
    return words | {"@authorities"} if words & _AUTHORITIES else words


_AUTHORITIES = frozenset(lines("toll_authorities.txt"))


def happening_day(features: list[dict]) -> int | None:
    """The day inside most of the reports' spans; ties to the day most name exactly, then the earliest."""
    dated = [f for f in features if f.get("day_source") != "published"] or features
    spans = [main_span(f) for f in dated]
    spans = [s for s in spans if s]
    if not spans:
        return None
    inside: Counter = Counter()
    exact: Counter = Counter()
    for low, high in spans:
        for day in range(low, high + 1):
            inside[day] += 1
        if low == high:
            exact[low] += 1
    return min(inside, key=lambda d: (-inside[d], -exact[d], d))




def _most_named_place(features: list[dict]) -> dict | None:
    places = [f["place"] for f in features if isinstance(f.get("place"), dict) and f["place"].get("name")]
    if not places:
        return None
    counts = Counter(p["name"] for p in places)
    precise = {p["name"] for p in places if p.get("level") == "city" and not p.get("guessed")}
    name = max(counts, key=lambda n: (counts[n], n in precise,
                                      any(p.get("lat") is not None for p in places if p["name"] == n)))
    return next((p for p in places if p["name"] == name and p.get("lat") is not None),
                next(p for p in places if p["name"] == name))
