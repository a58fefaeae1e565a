"""Places: toponyms recognised in the text and resolved to GeoNames.

The step runs three parts: candidate spans (``place_spans``), whether each is a toponym here
(``place_keep``), and resolution by evidence (``eventwire.gazetteer.resolve``). Streets and roads are kept
as places without coordinates (feature ``ST``/``RD``). Demonyms ("Russian forces") are reported as places
of ``kind`` "demonym" resolved to their country, but they never vote in resolution and events and figures
are never placed at them (``most_specific``). "Washington" naming the US government ("Washington said",
"talks with Washington") is the capital, not the state.
"""

from __future__ import annotations

import re
from functools import cache

from eventwire import lexicons
from eventwire.extract.base import Found, Parsed, step
from eventwire.extract.city_parts import place_city_parts, set_aside
from eventwire.extract.place_keep import demonyms, is_demonym, strength, town_word, used_as_person
from eventwire.extract.place_spans import LETTER_ROAD, ROAD_NUMBER, STREET, Candidate, candidate_spans, lookup_keys
from eventwire.gazetteer import load
from eventwire.gazetteer.index import NAME_PRIMARY, Index
from eventwire.gazetteer.index import Candidate as GazetteerPlace
from eventwire.gazetteer.resolve import AREAS, Mention, inside, resolve
from eventwire.records import Place

GOVERNMENT_AFTER = re.compile(r"^(?:['’]s\b|\s+(?:said|says|has|have|will|would|wants|insisted|announced|is|was|"
                              r"believes|warned|accused|demanded|refused|agreed|urged|decided|officials?|policy|"
                              r"policies|administration)\b)")
GOVERNMENT_BEFORE = re.compile(r"\b(?:with|and|between|to|by|from|against|toward|towards|on)\s+$")
FEDERAL = re.compile(r"\b(?:Congress|Capitol|White House|Pentagon|Senate|federal|Obama|Bush|Clinton|Trump|Biden|"
                     r"State Department|administration|embassy|ambassador|U\.S\.|American)\b")
LIST_GOES_ON = re.compile(r",?\s+(?:and|or)\b|,\s*[A-Z]")
LIST_BEFORE = re.compile(r"(?:,|,?\s+(?:and|or))\s*$")  # the gap between two names of a list
LIST_AFTER = re.compile(r"(?:,|,?\s+(?:and|or))\s*")
CHAIN_GAP = re.compile(r"\s*,\s*|\s*\(\s*")


@cache
def _reference_point() -> re.Pattern[str]:
    """Text just before a place that makes it a reference point ("100 km east of", "30 miles from")."""
    words = {kind: "|".join(w.split("|")) for kind, w in lexicons.rows("places_reference_words.tsv")}
    return re.compile(rf"\b(?:{words['unit']})\s+(?:(?:to the\s+)?(?:{words['direction']})\s+of|(?:away\s+)?from)"
                      r"\s+(?:the\s+)?$", re.IGNORECASE)


def is_reference_point(place: Place, text: str) -> bool:
    """Whether the place only measures a distance: in "Velka, 40 km west of Durin" Durin is not the place."""
    return bool(_reference_point().search(text[max(0, place.start - 60):place.start]))
SPECIFIC = {"PPLC": 0, "PPLA": 0, "PPL": 0, "ADM2": 1, "ADM1": 2, "RGN": 3, "PCLI": 4, "CONT": 5}


@step(provides="places", requires=("entities",))
def places(doc: Parsed, found: Found) -> list[Place]:
    """Every toponym of the document, in text order, resolved where the gazetteer knows it."""
    index = load()
    mentions, demonym_spans = _recognise(doc, index)
    entities = found.get("entities") or []
    out = [_place(m, index, entities) for m in mentions]
    out += [_demonym_place(s, area, index, entities) for s, area in demonym_spans]
    return sorted((p for p in out if p is not None), key=lambda p: p.start)


def most_specific(places_: list[Place], chosen: int, text: str) -> int:
    """The most specific place of the "CITY, REGION, COUNTRY" chain that place ``chosen`` is part of.

    "in Portland, Oregon" -> Portland: a city over an admin2 over an admin1 over a country; between places of
    one level the first.
    """
    chain = [chosen]
    for step_ in (-1, 1):
        i = chosen
        while 0 <= i + step_ < len(places_):
            a, b = (places_[i + step_], places_[i]) if step_ < 0 else (places_[i], places_[i + step_])
            if a.kind == "demonym" or b.kind == "demonym" or not CHAIN_GAP.fullmatch(text[a.end:b.start]):
                break
            i += step_
            chain.append(i)
    located = [i for i in chain if places_[i].lat is not None] or chain
    return min(located, key=lambda i: (_level(places_[i]), places_[i].start))


def clause_place(places_: list[Place], text: str, sentence: tuple[int, int], clause: tuple[int, int], anchor: int,
                 taken: list[tuple[int, int]]) -> int | None:
    """Index of the place of an event's clause: one the clause names, else the sentence's nearest to ``anchor``.

    Never an actor's own span (``taken``), never a demonym; of a "CITY, REGION" chain the city; a reference point
    ("40 km west of Durin") only when the sentence names no other place.
    """
    best: tuple[int, int] | None = None
    index = None
    for i, place in enumerate(places_):
        if place.start < sentence[0] or place.end > sentence[1] or place.kind == "demonym":
            continue
        if any(place.start < e and s < place.end for s, e in taken):
            continue
        inside = clause[0] <= place.start and place.end <= clause[1]
        rank = (2 if is_reference_point(place, text) else 0 if inside else 1, abs(place.start - anchor))
        if best is None or rank < best:
            best, index = rank, i
    return most_specific(places_, index, text) if index is not None else None


def _level(p: Place) -> int:
    feature = p.feature or ""
    return SPECIFIC.get(feature, 0 if feature.startswith("PPL") else 3)


def _recognise(doc: Parsed, index: Index) -> tuple[list[Mention], list[tuple[Candidate, str]]]:
    text = doc.text
    spans, persons = candidate_spans(doc)
    lookups = index.lookup_many(k for s in spans for k in lookup_keys(s))
    mentions, demonym_spans = [], []
    known: set[tuple[int, int]] = set()
    judged = []
    persons = persons | {span.key for span in spans if used_as_person(span, _candidates(span, lookups), text)}
    for span in spans:
        cands = _candidates(span, lookups)
        if span.key in demonyms() and span.source in ("ner", "as-NORP") and _demonym_alone(span, text):
            demonym_spans.append((span, demonyms()[span.key]))
            continue
        if is_demonym(span, cands):
            continue
        judged.append((span, cands, strength(span, cands, doc, persons)))
    judged = _listed_with_places(judged, text, persons)
    named = {span.key for span, cands, sure in judged if cands and sure >= 0.8 and span.source == "ner"}
    for span, cands, sure in judged:
        if sure <= 0 and span.source != "ner" and cands and span.key in named:
            sure = 0.8  # one sense per document: the document names this very name as a place elsewhere
        if sure > 0:
            street = span.street or bool(LETTER_ROAD.match(span.text))
            mentions.append(Mention(span.start, span.end, span.text, () if street else cands,
                                    admin_word=span.admin_word, strength=sure, subnational=_subnational(span),
                                    town_word=town_word(text, span.start, span.end)))
            if cands or street:
                known.add((span.start, span.end))
    mentions = _without_overlaps(mentions, known)
    demonym_spans = [(s, a) for s, a in demonym_spans
                     if all(s.end <= m.start or m.end <= s.start for m in mentions)]
    _link_qualifiers(mentions, text)
    _capital_for_government(mentions, text)
    peoples = {area: index.area(area) for _, area in demonym_spans}
    city_parts = set_aside(mentions, text)
    resolve(mentions, index.neighbours, tuple(a for a in peoples.values() if a is not None))
    _outside_qualifier(mentions, text)
    place_city_parts(mentions, city_parts)
    sure = [m for m in mentions if m.strength >= 0.8]
    return [m for m in mentions if m.strength >= 0.8 or _agrees(m, sure)], _one_per_span(demonym_spans)


def _subnational(span: Candidate) -> bool:
    """Whether the name ends in a word for a part of a country ("Guernsey County", "Kandahar Province")."""
    return span.key.rsplit(" ", 1)[-1] in lexicons.words("places_subnational_words.txt") and " " in span.key


def _listed_with_places(judged: list, text: str, persons: set[str]) -> list:
    """A name listed next to a sure toponym ("Kharkiv, Sumy and Izium") is a toponym as surely, and so on down the list.

    An unsure span becomes sure; one the parser took for a person or a building whose only readings are
    other-language names of a city of 100,000 ("Misrata") is kept too, unless the document names a person so.
    """
    for _ in range(3):
        sure = [(s.start, s.end) for s, c, v in judged if v >= 0.8 and c]
        starts, ends = {st for st, _ in sure}, {e for _, e in sure}
        out = []
        for span, cands, v in judged:
            if v < 0.8 and cands and span.key not in persons and _listed(span, text, starts, ends):
                weak = v > 0 or ((span.source == "bare" or span.source.startswith("as-"))
                                 and max(c.population for c in cands) >= 100_000)
                v = 0.8 if weak else v
            out.append((span, cands, v))
        if out == judged:
            break
        judged = out
    return judged


def _listed(span, text: str, starts: set[int], ends: set[int]) -> bool:
    before = LIST_BEFORE.search(text, max(0, span.start - 8), span.start)
    after = LIST_AFTER.match(text, span.end)
    return bool((before and before.start() in ends) or (after and after.end() in starts))


def _demonym_alone(span: Candidate, text: str) -> bool:
    """A demonym that is not part of a longer name: "African American", "Native Americans" are no country."""
    before = text[max(0, span.start - 12):span.start]
    return not re.search(r"(?:African|Native|Latin|Asian|Irish|Italian|Mexican|Arab|Anglo)[- ]$", before)


def _one_per_span(found: list[tuple[Candidate, str]]) -> list[tuple[Candidate, str]]:
    seen, out = set(), []
    for span, area in sorted(found, key=lambda x: (x[0].start, -(x[0].end - x[0].start))):
        if not any(s < span.end and span.start < e for s, e in seen):
            seen.add((span.start, span.end))
            out.append((span, area))
    return out


def _candidates(span: Candidate, lookups: dict[str, tuple[GazetteerPlace, ...]]) -> tuple[GazetteerPlace, ...]:
    keys = lookup_keys(span)
    if span.city_tail and lookups.get(keys[0]):
        keys = keys[:1]  # "Kansas City" is a city of its own; "Fargo City" is Fargo
    best: dict[int, GazetteerPlace] = {}  # a place found under two keys keeps its better name kind:
    for key in keys:                       # "St. Paul" is an alias of Saint Paul, "Saint Paul" its own name
        for c in lookups.get(key, ()):
            if c.geonameid not in best or c.kind < best[c.geonameid].kind:
                best[c.geonameid] = c
    out = list(best.values())
    if span.admin_word:
        areas = [c for c in out if c.feature in AREAS]
        out = areas or out
    return tuple(out)


def _without_overlaps(mentions: list[Mention], known: set[tuple[int, int]]) -> list[Mention]:
    """Overlapping mentions: the surer, then one the gazetteer knows, then the longer one wins."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (-m.strength, (m.start, m.end) not in known, -(m.end - m.start),
                                             m.start)):
        if all(m.end <= o.start or o.end <= m.start for o in out):
            out.append(m)
    return sorted(out, key=lambda m: m.start)


def _agrees(m: Mention, sure: list[Mention]) -> bool:
    """Whether an unsure mention's place lies in the admin1 area of a sure one.

    A country, its capital, or an admin1 area named by a whole entity (strength 0.5), needs only a sure
    place in the same country.
    """
    b = m.best
    if b is None:
        return False
    for other in sure:
        o = other.best
        if o is None or o.country != b.country:
            continue
        if b.feature in ("PCLI", "PPLC") or (b.feature == "ADM1" and m.strength >= 0.5):
            return True
        if o.admin1 and o.admin1 == b.admin1 and o.feature != "PCLI":
            return True
    return False


def _link_qualifiers(mentions: list[Mention], text: str) -> None:
    """"Paris, Texas", "Gori, Georgia", "Rafah (Egypt)", "Rafah (Gaza)": the second names the area the first lies in.

    A region of one country (the Gaza Strip, South Ossetia) qualifies as its country does.
    """
    for a, b in zip(mentions, mentions[1:], strict=False):
        gap = text[a.end:b.start]
        joined = (gap.strip() == "," or re.fullmatch(r"\s*\(\s*", gap)) is not None
        if joined and any(c.feature in AREAS or (c.feature == "RGN" and c.country) for c in b.candidates):
            a.qualifier = b


def _outside_qualifier(mentions: list[Mention], text: str) -> None:
    """"Rio Piedras, Puerto Rico" when no Rio Piedras the gazetteer knows lies in Puerto Rico: the area's point.

    The second name constrains the first; a namesake elsewhere is no answer, the area is a near one.
    """
    for m in mentions:
        q = m.qualifier
        if m.best is None or q is None or q.best is None or q.best.feature not in ("ADM1", "PCLI"):
            continue
        if not m.best.feature.startswith("PPL") or m.best.population >= 100_000 or LIST_GOES_ON.match(text, q.end):
            continue
        if not any(inside(c, area) for c in m.candidates for area in q.candidates if area.feature in AREAS):
            m.best, m.confidence = q.best, round(min(m.confidence, q.confidence) / 2, 3)


def _capital_for_government(mentions: list[Mention], text: str) -> None:
    """"Washington said", "ties with Washington", a "WASHINGTON —" dateline: the capital, not the state.

    Only when no qualifier or "state" says otherwise and the document reads as federal news or uses the
    name as a government.
    """
    federal = FEDERAL.search(text) is not None
    for m in mentions:
        if m.text.lower() != "washington" or m.qualifier is not None:
            continue
        if re.match(r"\s*(?:state|State)\b", text[m.end:m.end + 8]) or re.match(r",\s*D\.?C", text[m.end:]):
            continue
        head = m.start < 300 and re.match(r"\s*(?:,|—|–|--|\(AP\))", text[m.end:m.end + 6])
        government = GOVERNMENT_AFTER.match(text[m.end:m.end + 20]) or GOVERNMENT_BEFORE.search(
            text[max(0, m.start - 12):m.start])
        if federal and (head or government):
            capital = [c for c in m.candidates if c.feature == "PPLC"]
            m.candidates = tuple(capital) or m.candidates


def _place(m: Mention, index: Index, entities: list) -> Place:
    b = m.best
    place = Place(start=m.start, end=m.end, text=m.text, name=m.text, entity=_entity(m.start, m.end, entities))
    if b is None:
        if STREET.search(m.text) or ROAD_NUMBER.match(m.text) or LETTER_ROAD.match(m.text):
            road = ROAD_NUMBER.match(m.text) or LETTER_ROAD.match(m.text) or re.search(r"(?i)highway|route|road|rd",
                                                                                        m.text)
            place.feature = "RD" if road else "ST"
        return place
    _fill(place, b, index)
    place.name = b.name if b.kind == NAME_PRIMARY or b.feature == "PCLI" else _tidy(m.text)
    place.confidence = m.confidence
    return place


def _fill(place: Place, b: GazetteerPlace, index: Index) -> None:
    place.geonameid = b.geonameid if b.geonameid > 0 else None
    place.lat, place.lon = b.lat, b.lon
    place.country = b.country or None
    place.feature = b.feature
    place.admin1 = index.admin1_name(b.country, b.admin1) if b.feature not in ("PCLI", "CONT") else None


def _demonym_place(span: Candidate, area: str, index: Index, entities: list) -> Place | None:
    """"Russian" -> a place of kind "demonym" at Russia's point."""
    target = index.area(area)
    if target is None:
        return None
    place = Place(start=span.start, end=span.end, text=span.text, name=target.name, kind="demonym",
                  entity=_entity(span.start, span.end, entities))
    _fill(place, target, index)
    place.confidence = 1.0
    return place


def _tidy(text: str) -> str:
    return text.title() if text.isupper() and len(text) > 3 else text


def _entity(start: int, end: int, entities: list) -> str | None:
    for entity in entities:
        for mention in getattr(entity, "mentions", ()):
            if mention.start < end and start < mention.end:
                return entity.id
    return None
