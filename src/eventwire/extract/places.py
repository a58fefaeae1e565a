"""Places: toponyms recognised in the text and resolved to GeoNames.

Recognition starts from spaCy's GPE/LOC/FAC entities and adds what the small model misses or mislabels,
when the gazetteer and the context agree: a place name inside an organisation's name ("the Richmond
Police Department"), a town spaCy took for a person, "X County"/"X Parish", a dateline ("SALINA, Kan."),
a known name after "in", "near", "north of". It drops what is not a place here: demonyms ("Georgian"),
"Washington" meaning the US government, street numbers. Streets and roads are kept as places without
coordinates (feature ``ST``/``RD``): they are places, but no gazetteer entry. Resolution is in
``eventwire.gazetteer.resolve``.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span as SpacySpan

from eventwire import lexicons
from eventwire.extract.base import Found, Parsed, step
from eventwire.gazetteer import load
from eventwire.gazetteer.index import NAME_OTHER, NAME_PRIMARY, Candidate, Index, name_key
from eventwire.gazetteer.resolve import AREAS, Mention, resolve
from eventwire.records import Place

ADMIN_WORDS = {"county", "parish", "province", "borough", "township", "district", "region", "oblast", "state",
               "governorate", "prefecture", "department", "territory", "republic"}
STREET = re.compile(
    r"\b(street|st|avenue|ave|road|rd|drive|dr|boulevard|blvd|lane|ln|highway|hwy|parkway|pkwy|way|court|ct|"
    r"place|pl|circle|trail|pike|route|interstate|expressway|freeway|turnpike|terrace|square)\.?$", re.I)
ROAD_NUMBER = re.compile(r"^(?:interstate|highway|route|state route|us|u\.s\.|i|sr|hwy|[A-Z]{1,2})[- ]?\d+[A-Z]?$",
                         re.I)
DEMONYM_END = re.compile(r"(?:ians?|eans?|ese|ish|is|i|ans)$")
LOCATIVE = {"in", "near", "at", "from", "to", "outside", "across", "around", "of", "through", "toward", "towards",
            "into", "within", "throughout", "between", "north", "south", "east", "west", "northeast", "northwest",
            "southeast", "southwest", "visit", "visited", "native", "downtown", "rural", "central"}
DATELINE = re.compile(r"(?:^|(?<=\n)|(?<=\. ))([A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){0,3})"
                      r"(?=,? ?(?:\(AP\))?\s*(?:,|—|–|--| -|:))")
SPEECH = re.compile(r"^\s*(?:said|says|told|added|wrote|asked|explained|noted|testified)\b")
TITLE = re.compile(r"(?:Mr|Mrs|Ms|Dr|Mayor|Sgt|Officer|Deputy|Rep|Sen|Gov|Judge|Coach|Capt|Lt|Chief|Rev|Sister)\.?\s+$")
PARTY_STATE = re.compile(r"\b[DRI]-([A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,2})(?=[,)])")
COUNTY_LIST = re.compile(r"((?:[A-Z][\w'.-]+(?: [A-Z][\w'.-]+)?(?:, | and | or |, and |, or ))+[A-Z][\w'.-]+"
                         r"(?: [A-Z][\w'.-]+)?) (?:counties|parishes)\b")
DASH_DATELINE = re.compile(r"\b([A-Z]{3,}(?: [A-Z]{2,}){0,2})(?= (?:--|—|–) )")
ADMIN_AFTER = re.compile(r"\s+(?:province|county|parish|district|region|oblast|governorate|prefecture)\b")
NAMED = re.compile(r"\b(?:village|town|city|hamlet|suburb|district|province|region|county|township|oblast)"
                   r" of ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})")
HYPHENATED = re.compile(r"\b[A-Z][a-z]+(?:-[a-z]{1,4})+-[A-Z][a-z]+\b")
GOVERNMENT_VERBS = {"said", "says", "has", "have", "will", "would", "wants", "insisted", "announced", "is", "was",
                    "believes", "warned", "accused", "demanded", "refused", "agreed", "urged", "decided"}


@cache
def _institutions() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicons.lines("places_institutions.txt"))


@cache
def _demonyms() -> frozenset[str]:
    return frozenset(name_key(d) for d in lexicons.lines("places_demonyms.txt"))


@step(provides="places", requires=("entities",))
def places(doc: Parsed, found: Found) -> list[Place]:
    """Every toponym of the document, in text order, resolved where the gazetteer knows it."""
    index = load()
    found_mentions = _recognise(doc, index)
    return [_place(m, index, found.get("entities") or []) for m in found_mentions]


# ------------------------------------------------------------------ recognition
class _Span:
    """A span that may be a toponym, with where it came from."""

    __slots__ = ("start", "end", "text", "source", "key", "admin_word", "street")

    def __init__(self, text: str, start: int, end: int, source: str) -> None:
        self.start, self.end, self.text, self.source = start, end, text[start:end], source
        self.key = name_key(self.text)
        last = self.key.rsplit(" ", 1)[-1]
        self.admin_word = " " in self.key and last in ADMIN_WORDS
        self.street = bool(STREET.search(self.text)) or bool(ROAD_NUMBER.match(self.text))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Without a leading "the", a possessive, surrounding punctuation."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] == "."):
        end -= 1
    if text[start:start + 4].lower() == "the ":
        start += 4
    for tail in ("'s", "’s"):
        if text[start:end].endswith(tail):
            end -= 2
    if end - start > 2 and text[end - 1] == "." and not _abbreviation(text[start:end]):
        end -= 1
    return start, end


def _abbreviation(s: str) -> bool:
    return bool(re.search(r"(?:^|[\s.])[A-Za-z]{1,4}\.$", s))


def _pieces(text: str, start: int, end: int, source: str) -> list[_Span]:
    """A span split at commas and slashes ("Alexandria, La." is two toponyms)."""
    out = []
    for m in re.finditer(r"[^,/;]+", text[start:end]):
        s, e = _trim(text, start + m.start(), start + m.end())
        if e > s:
            out.append(_Span(text, s, e, source))
    return out


def _recognise(doc: Parsed, index: Index) -> list[Mention]:
    text = doc.text
    spans: list[_Span] = []
    taken: list[tuple[int, int]] = []
    persons: set[str] = set()
    for ent in doc.doc.ents:
        if doc.in_boilerplate(ent.start_char, ent.end_char):
            continue
        taken.append((ent.start_char, ent.end_char))
        if ent.label_ in ("GPE", "LOC"):
            spans.extend(_pieces(text, ent.start_char, ent.end_char, "ner"))
        elif ent.label_ == "FAC":
            s, e = _trim(text, ent.start_char, ent.end_char)
            span = _Span(text, s, e, "ner")
            if span.street:
                spans.append(span)
            else:
                spans.extend(_inner(text, ent))
        elif ent.label_ in ("ORG", "PERSON", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"):
            if ent.label_ == "PERSON" and len(ent) > 1 and not STREET.search(ent.text):
                persons.update(t.lower_ for t in ent if t.is_title)
            spans.extend(_whole(text, ent))
            if ent.label_ in ("ORG", "PERSON", "FAC"):
                spans.extend(_inner(text, ent))
    spans.extend(_datelines(text))
    spans.extend(_Span(text, m.start(1), m.end(1), "party") for m in PARTY_STATE.finditer(text))
    spans.extend(_county_lists(text))
    spans.extend(_Span(text, m.start(1), m.end(1), "named") for m in NAMED.finditer(text))
    spans.extend(_Span(text, m.start(), m.end(), "bare") for m in HYPHENATED.finditer(text))
    spans.extend(_bare_names(doc, taken))
    spans = _dedupe(spans)
    for span in spans:  # "Sindh province": the name stays the span, but it names an area
        if ADMIN_AFTER.match(text, span.end):
            span.admin_word = True

    lookups = index.lookup_many(k for s in spans for k in _keys(s))
    mentions = []
    for span in spans:
        cands = _candidates(span, lookups)
        strength = _keep(span, cands, doc, persons)
        if strength > 0:
            mentions.append(Mention(span.start, span.end, span.text, () if span.street else cands,
                                    admin_word=span.admin_word, strength=strength))
    mentions = _without_overlaps(mentions)
    _link_qualifiers(mentions, text)
    resolve(mentions, index.neighbours)
    sure = [m for m in mentions if m.strength >= 0.8]
    return [m for m in mentions if m.strength >= 0.8 or _agrees(m, sure)]


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Overlapping mentions: the surer, then the longer one wins."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (-m.strength, -(m.end - m.start), m.start)):
        if all(m.end <= o.start or o.end <= m.start for o in out):
            out.append(m)
    return sorted(out, key=lambda m: m.start)


def _whole(text: str, ent: SpacySpan) -> list[_Span]:
    """An entity of another label that may be a toponym in full (a town spaCy took for a person)."""
    s, e = _trim(text, ent.start_char, ent.end_char)
    return [_Span(text, s, e, f"as-{ent.label_}")] if e > s else []


def _inner(text: str, ent: SpacySpan) -> list[_Span]:
    """A toponym opening an organisation's name ("Richmond Police Department") or after its "of"."""
    tokens = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
    out = []
    proper = []
    for t in tokens:
        if not (t.is_title or t.is_upper) or t.is_punct:
            break
        proper.append(t)
    for n in range(min(len(proper), 4), 0, -1):
        if n == len(tokens):
            continue
        out.append(_Span(text, proper[0].idx, proper[n - 1].idx + len(proper[n - 1]), "inner"))
    for i, t in enumerate(tokens[:-1]):
        if t.lower_ in ("of", "at", "in"):
            rest = []
            for u in tokens[i + 1:]:
                if not (u.is_title or u.is_upper):
                    break
                rest.append(u)
            if rest:
                out.append(_Span(text, rest[0].idx, rest[-1].idx + len(rest[-1]), "inner"))
    return out


def _county_lists(text: str) -> list[_Span]:
    """"Butler, Clark and Warren counties": each name is a county."""
    out = []
    for m in COUNTY_LIST.finditer(text):
        for name in re.finditer(r"[A-Z][\w'.-]+(?: [A-Z][\w'.-]+)?", m.group(1)):
            span = _Span(text, m.start(1) + name.start(), m.start(1) + name.end(), "county-list")
            span.admin_word = True
            out.append(span)
    return out


def _datelines(text: str) -> list[_Span]:
    """"SALINA, Kan. —", "BEIRUT:", "PATASKALA --" near the top of the text."""
    found = [(m.start(1), m.end(1)) for m in DATELINE.finditer(text[:2000]) if len(m.group(1)) > 2]
    found += [(m.start(1), m.end(1)) for m in DASH_DATELINE.finditer(text[:400])]
    return [_Span(text, s, e, "dateline") for s, e in found]


def _bare_names(doc: Parsed, taken: list[tuple[int, int]]) -> list[_Span]:
    """Runs of capitalised words that no entity covers, with "County"-like tails or a locative before them."""
    text = doc.text
    covered = set()
    for s, e in taken:
        covered.update(range(s, e))
    out = []
    run: list = []

    def flush() -> None:
        if run:
            start = run[0].idx
            for n in range(len(run), 0, -1):
                out.append(_Span(text, start, run[n - 1].idx + len(run[n - 1]), "bare"))
            run.clear()

    for t in doc.doc:
        if t.idx in covered or not t.is_title or not t.is_alpha:
            flush()
            continue
        if t.is_sent_start and not run and t.lower_ in _COMMON_OPENERS:
            continue
        run.append(t)
    flush()
    return out


_COMMON_OPENERS = frozenset({"the", "a", "an", "in", "on", "at", "but", "and", "he", "she", "it", "they", "we",
                             "i", "this", "that", "there", "when", "after", "as", "for", "if", "while", "some"})


def _dedupe(spans: list[_Span]) -> list[_Span]:
    """One span per (start, end), the most trusted source first."""
    rank = {"county-list": 0, "ner": 1, "named": 2, "dateline": 3, "party": 4, "inner": 5, "as-ORG": 6,
            "as-PERSON": 7, "bare": 8}
    best: dict[tuple[int, int], _Span] = {}
    for s in spans:
        key = (s.start, s.end)
        if key not in best or rank.get(s.source, 6) < rank.get(best[key].source, 6):
            best[key] = s
    return list(best.values())


def _keys(span: _Span) -> list[str]:
    key = span.key
    keys = [key]
    for short, long in (("st ", "saint "), ("ft ", "fort "), ("mt ", "mount "), ("saint ", "st ")):
        if key.startswith(short):
            keys.append(long + key[len(short):])
    if span.admin_word:
        keys.append(key.rsplit(" ", 1)[0])
    return keys


def _candidates(span: _Span, lookups: dict[str, tuple[Candidate, ...]]) -> tuple[Candidate, ...]:
    seen, out = set(), []
    for key in _keys(span):
        for c in lookups.get(key, ()):
            if c.geonameid not in seen:
                seen.add(c.geonameid)
                out.append(c)
    if span.admin_word:
        areas = [c for c in out if c.feature in AREAS]
        out = areas or out
    return tuple(out)


def _keep(span: _Span, cands: tuple[Candidate, ...], doc: Parsed, persons: set[str]) -> float:
    """How sure it is that a span is a toponym here: 1 yes, 0 no, between: if the document agrees.

    A span between 0 and 1 stays only when its resolved place lies where the document's sure places are
    (``_agrees``).
    """
    text = doc.text
    if span.key in _demonyms() or (not cands and DEMONYM_END.search(span.key) and span.text[:1].isupper()
                                   and " " not in span.key):
        return 0.0
    if span.street:
        numbered = text[max(0, span.start - 8):span.start].rstrip()[-1:].isdigit()
        return float(span.source in ("ner", "as-ORG", "as-PERSON", "as-LAW", "as-WORK_OF_ART") and not numbered
                     and span.text[:1].isupper())
    before = text[max(0, span.start - 25):span.start].split()
    cue = bool(before) and before[-1].lower().strip(",") in LOCATIVE
    personal = (SPEECH.match(text[span.end:span.end + 12]) and not cue) or TITLE.search(text[:span.start][-12:])
    if " " not in span.key and personal and not any(c.feature in ("PCLI", "PPLC") for c in cands):
        return 0.0  # "Petrova said", "Mayor Mullins": a person
    if span.key == "washington" and _government(text, span.end):
        return 0.0
    if span.source in ("ner", "named"):
        return float(bool(span.key) and not span.key.isdigit())
    # below: spans spaCy did not call places; the gazetteer and the context must agree
    good = [c for c in cands if c.kind != NAME_OTHER]
    if not good or span.key in persons or span.key in _not_alone() or _common_word(span, text):
        return 0.0
    if span.admin_word and any(c.feature in AREAS for c in good):
        return 1.0
    if span.source in ("dateline", "party", "county-list"):
        return 1.0
    qualified = bool(re.match(r",\s+[A-Z]", text[span.end:span.end + 20]))
    if any(c.feature in ("PCLI", "CONT") and c.kind == NAME_PRIMARY for c in good):
        return 1.0
    if max(c.population for c in good) < 1000:
        return 0.0
    following = text[span.end:span.end + 30].split()
    institution = bool(following) and following[0].strip(".,’'").lower() in _institutions()
    if cue or qualified or institution:
        return 0.8
    return 0.5 if span.source.startswith("as-") else 0.3


@cache
def _not_alone() -> frozenset[str]:
    return frozenset(name_key(w) for w in lexicons.lines("places_not_alone.txt"))


def _common_word(span: _Span, text: str) -> bool:
    """A one-word span whose word also appears in lower case in the text ("Hope", "Commerce")."""
    if " " in span.key:
        return False
    return re.search(rf"(?<![\w.]){re.escape(span.key)}(?!\w)", text) is not None


def _agrees(m: Mention, sure: list[Mention]) -> bool:
    """Whether an unsure mention's place lies in the admin1 area of a sure one.

    A country, or an admin1 area named by a whole entity (strength 0.5), needs only a sure place in the
    same country.
    """
    b = m.best
    if b is None:
        return False
    for other in sure:
        o = other.best
        if o is None or o.country != b.country:
            continue
        if b.feature == "PCLI" or (b.feature == "ADM1" and m.strength >= 0.5):
            return True
        if o.admin1 and o.admin1 == b.admin1 and o.feature != "PCLI":
            return True
    return False


def _government(text: str, end: int) -> bool:
    """"Washington" as the US government: "Washington said", "Washington's allies"."""
    if text[end:end + 2] in ("'s", "’s"):
        return True
    after = text[end:end + 20].split()
    return bool(after) and after[0].lower() in GOVERNMENT_VERBS


def _link_qualifiers(mentions: list[Mention], text: str) -> None:
    """"Paris, Texas", "Gori, Georgia": the second names the area the first lies in."""
    for a, b in zip(mentions, mentions[1:], strict=False):
        gap = text[a.end:b.start]
        joined = (gap.strip() == "," or re.fullmatch(r"\s*\(\s*", gap)) is not None
        if joined and any(c.feature in AREAS for c in b.candidates):
            a.qualifier = b


def _place(m: Mention, index: Index, entities: list) -> Place:
    b = m.best
    place = Place(start=m.start, end=m.end, text=m.text, name=m.text, entity=_entity(m, entities))
    if b is None:
        if STREET.search(m.text) or ROAD_NUMBER.match(m.text):
            place.feature = "RD" if ROAD_NUMBER.match(m.text) or re.search(r"(?i)highway|route|road|rd", m.text) \
                else "ST"
        return place
    place.name = b.name if b.kind == NAME_PRIMARY or b.feature == "PCLI" else _tidy(m.text)
    place.geonameid = b.geonameid if b.geonameid > 0 else None
    place.lat, place.lon = b.lat, b.lon
    place.country = b.country or None
    place.feature = b.feature
    place.admin1 = index.admin1_name(b.country, b.admin1) if b.feature not in ("PCLI", "CONT") else None
    place.confidence = m.confidence
    return place


def _tidy(text: str) -> str:
    return text.title() if text.isupper() and len(text) > 3 else text


def _entity(m: Mention, entities: list) -> str | None:
    for entity in entities:
        for mention in getattr(entity, "mentions", ()):
            if mention.start < m.end and m.start < mention.end:
                return entity.id
    return None
