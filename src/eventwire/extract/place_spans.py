"""Candidate toponym spans of a document, before the gazetteer and the context judge them.

Recognition starts from spaCy's GPE/LOC/FAC entities and adds what the small model misses or mislabels:
a place name inside an organisation's name ("the Richmond Police Department"), a town spaCy took for a
person, "X County"/"X Parish", datelines in capitals ("SALINA, Kan. —") or in title case at the head of a
line ("Goma, Congo —"), "D-Texas" party tags, "Butler and Warren counties", "the village of X", and runs
of capitalised words no entity covers. The last words of a place entity are candidates too, for when the
whole is unknown ("Northeast Georgia", "South Philadelphia", "United Georgia").
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span as SpacySpan

from eventwire import lexicons
from eventwire.extract.base import Parsed
from eventwire.gazetteer.index import name_key

ADMIN_WORDS = {"county", "parish", "province", "borough", "township", "district", "region", "oblast", "state",
               "governorate", "prefecture", "department", "territory", "republic"}
STREET = re.compile(
    r"\b(street|st|avenue|ave|road|rd|drive|dr|boulevard|blvd|lane|ln|highway|hwy|parkway|pkwy|way|court|ct|"
    r"place|pl|circle|trail|pike|route|interstate|expressway|freeway|turnpike|terrace|square)\.?$", re.I)
ROAD_NUMBER = re.compile(r"^(?:interstate|highway|route|state route|us|u\.s\.|i|sr|hwy)[- ]?\d+[A-Z]?$", re.I)
LETTER_ROAD = re.compile(r"^[A-Z]{1,2}[- ]?\d+[A-Z]?$")  # "A1", "M23": a road only where a road word says so
ROAD_WORDS = re.compile(r"^\s*(?:motorway|highway|road|expressway|exit|junction|interchange)\b", re.I)
COURT_HOUSE = re.compile(r"\b(?:superior|circuit|district|fiscal|county|municipal|commissioners|juvenile|probate|"
                         r"family|magistrate|supreme|appeals|city|general sessions)\s+court$", re.I)
DATELINE = re.compile(r"(?:^|(?<=\n)|(?<=\. ))([A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){0,3})"
                      r"(?=,? ?(?:\(AP\))?\s*(?:,|—|–|--| -|:))")
TITLE_DATELINE = re.compile(r"(?:^|(?<=\n))([A-Z][a-z’'.-]+(?: [A-Z][a-z’'.-]+){0,2})"
                            r"(?=(?:, [A-Z][\w.]*(?: [A-Z][\w.]*){0,3})?\s*(?:\([A-Za-z]+\))?\s*(?:—|–|--) )")
PARTY_STATE = re.compile(r"\b[DRI]-([A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,2})(?=[,)])")
COUNTY_LIST = re.compile(r"((?:[A-Z][\w'.-]+(?: [A-Z][\w'.-]+)?(?:, | and | or |, and |, or ))+[A-Z][\w'.-]+"
                         r"(?: [A-Z][\w'.-]+)?) (?:counties|parishes)\b")
DASH_DATELINE = re.compile(r"\b([A-Z]{3,}(?: [A-Z]{2,}){0,2})(?= (?:--|—|–) )")
ADMIN_AFTER = re.compile(r"\s+(?:province|county|parish|district|region|oblast|governorate|prefecture)\b")
NAMED = re.compile(r"\b(?:village|town|city|hamlet|suburb|district|province|region|county|township|oblast)"
                   r" of ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})")
HYPHENATED = re.compile(r"\b[A-Z][a-z]+(?:-[a-z]{1,4})+-[A-Z][a-z]+\b")
CITY_TAIL = re.compile(r"\s+[Cc]ity$")
INSTITUTION_POSSESSIVE = re.compile(r"['’]s?$")
RANK = {"county-list": 0, "ner": 1, "named": 2, "dateline": 3, "party": 4, "inner": 5, "as-ORG": 6, "as-PERSON": 7,
        "tail": 8, "bare": 9}
COMMON_OPENERS = frozenset({"the", "a", "an", "in", "on", "at", "but", "and", "he", "she", "it", "they", "we",
                            "i", "this", "that", "there", "when", "after", "as", "for", "if", "while", "some"})


class Candidate:
    """A span that may be a toponym, with where it came from."""

    __slots__ = ("start", "end", "text", "source", "key", "admin_word", "street", "label", "org", "city_tail")

    def __init__(self, text: str, start: int, end: int, source: str, label: str = "") -> None:
        self.start, self.end, self.text, self.source, self.label = start, end, text[start:end], source, label
        self.key = name_key(self.text)
        last = self.key.rsplit(" ", 1)[-1]
        self.admin_word = " " in self.key and last in ADMIN_WORDS
        self.street = (bool(STREET.search(self.text)) and not COURT_HOUSE.search(self.text)) or bool(
            ROAD_NUMBER.match(self.text))
        self.org = ""  # the organisation's name a span was found inside, if any
        self.city_tail = bool(CITY_TAIL.search(self.text))


def trim(text: str, start: int, end: int) -> tuple[int, int]:
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


def _pieces(text: str, start: int, end: int, source: str, label: str) -> list[Candidate]:
    """A span split at commas and slashes ("Alexandria, La." is two toponyms)."""
    out = []
    for m in re.finditer(r"[^,/;]+", text[start:end]):
        s, e = trim(text, start + m.start(), start + m.end())
        if e > s:
            out.append(Candidate(text, s, e, source, label))
            out.extend(_tails(text, s, e, label))
    return out


def _tails(text: str, start: int, end: int, label: str) -> list[Candidate]:
    """"United Georgia", "Northwest D.C.": the last words of a place entity, in case the whole is unknown."""
    out = []
    for m in re.finditer(r"\s+(?=[A-Z])", text[start:end]):
        tail = Candidate(text, start + m.end(), end, "tail", label)
        tail.org = text[start:end]  # "United Russia", a party: its end is no place either
        out.append(tail)
    return out


def candidate_spans(doc: Parsed) -> tuple[list[Candidate], set[str]]:
    """Every span worth a gazetteer look-up, one per (start, end), and the words of people's names."""
    text = doc.text
    spans: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    persons: set[str] = set()
    for ent in doc.doc.ents:
        if doc.in_boilerplate(ent.start_char, ent.end_char):
            continue
        taken.append((ent.start_char, ent.end_char))
        spans.extend(_entity_spans(text, ent, persons))
    spans.extend(_datelines(text))
    spans.extend(Candidate(text, m.start(1), m.end(1), "party") for m in PARTY_STATE.finditer(text))
    spans.extend(_county_lists(text))
    spans.extend(Candidate(text, m.start(1), m.end(1), "named") for m in NAMED.finditer(text))
    spans.extend(Candidate(text, m.start(), m.end(), "bare") for m in HYPHENATED.finditer(text))
    spans.extend(_bare_names(doc, taken))
    spans = _dedupe(spans + _with_admin_names(text, spans))
    for span in spans:  # "Sindh province": the name stays the span, but it names an area
        if ADMIN_AFTER.match(text, span.end):
            span.admin_word = True
    return spans, persons


@cache
def _admin_name_after() -> re.Pattern[str]:
    """A capitalised word for a part of a country right after a name (``places_subnational_words.txt``): in
    "Palm Beach County" or "Orleans Parish" the area's name runs on past where the parser cut it."""
    words = sorted(lexicons.words("places_subnational_words.txt"), key=len, reverse=True)
    return re.compile(rf"\s+(?:{'|'.join(w.capitalize() for w in words)})\b")


def _with_admin_names(text: str, spans: list[Candidate]) -> list[Candidate]:
    """A span the area word right after it completes ("Palm Beach County" where the parser found "Palm Beach")."""
    out = []
    for span in spans:
        found = _admin_name_after().match(text, span.end)
        if found and span.source not in ("tail", "dateline", "county-list"):
            longer = Candidate(text, span.start, found.end(), span.source, span.label)
            longer.org = span.org
            out.append(longer)
    return out


def _entity_spans(text: str, ent: SpacySpan, persons: set[str]) -> list[Candidate]:
    label = ent.label_
    if label in ("GPE", "LOC"):
        return _pieces(text, ent.start_char, ent.end_char, "ner", label) + _before_institution(text, ent)
    if label == "FAC":
        s, e = trim(text, ent.start_char, ent.end_char)
        span = Candidate(text, s, e, "ner", label)
        if span.street:
            return [span]
        return _whole(text, ent) + _inner(text, ent)  # "Sirte", a town the parser took for a building
    if label not in ("ORG", "PERSON", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "LANGUAGE"):
        return []
    if label == "PERSON" and len(ent) > 1 and not STREET.search(ent.text):
        persons.update(t.lower_ for t in ent if t.is_title)
    out = _whole(text, ent)
    if label in ("ORG", "PERSON"):
        out.extend(_inner(text, ent))
    return out


def _before_institution(text: str, ent: SpacySpan) -> list[Candidate]:
    """The place opening a place entity that runs on into an institution's name ("Salt Lake County Jail",
    "Allegheny County Police": ``places_institution_nouns.txt``), as a span the parser called a place."""
    for t in ent[1:]:
        if INSTITUTION_POSSESSIVE.sub("", t.lower_) in institution_nouns():
            s, e = trim(text, ent.start_char, t.idx)
            return [Candidate(text, s, e, "ner", ent.label_)] if e > s else []
    return []


@cache
def institution_nouns() -> frozenset[str]:
    return lexicons.words("places_institution_nouns.txt")


def _whole(text: str, ent: SpacySpan) -> list[Candidate]:
    """An entity of another label that may be a toponym in full (a town spaCy took for a person)."""
    s, e = trim(text, ent.start_char, ent.end_char)
    return [Candidate(text, s, e, f"as-{ent.label_}", ent.label_)] if e > s else []


def _inner(text: str, ent: SpacySpan) -> list[Candidate]:
    """A toponym opening an organisation's name ("Richmond Police Department") or after its "of"."""
    tokens = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
    out = []
    proper = []
    for t in tokens:
        if not (t.is_title or t.is_upper) or t.is_punct:
            break
        proper.append(t)
    out.extend(_prefixes(text, proper, ent.label_, whole=len(tokens)))
    if len(proper) > 1 and proper[0].text in direction_words():  # "Northeast Texas Community College": Texas
        out.extend(_prefixes(text, proper[1:], ent.label_, whole=len(tokens) - 1))
    for i, t in enumerate(tokens[:-1]):
        if t.lower_ in ("of", "at", "in"):
            rest = []
            for u in tokens[i + 1:]:
                if not (u.is_title or u.is_upper):
                    break
                rest.append(u)
            out.extend(_prefixes(text, rest, ent.label_))  # "University of Kentucky College of Law": Kentucky
    for span in out:
        span.org = ent.text
    return out


def _prefixes(text: str, tokens: list, label: str, whole: int = 0) -> list[Candidate]:
    """The first one to four of ``tokens`` as candidates, never all of an entity's ``whole`` tokens."""
    return [Candidate(text, tokens[0].idx, tokens[n - 1].idx + len(tokens[n - 1]), "inner", label)
            for n in range(min(len(tokens), 4), 0, -1) if n != whole]


@cache
def direction_words() -> frozenset[str]:
    return frozenset(lexicons.lines("places_direction_words.txt"))


def _county_lists(text: str) -> list[Candidate]:
    """"Butler, Clark and Warren counties": each name is a county."""
    out = []
    for m in COUNTY_LIST.finditer(text):
        for name in re.finditer(r"[A-Z][\w'.-]+(?: [A-Z][\w'.-]+)?", m.group(1)):
            span = Candidate(text, m.start(1) + name.start(), m.start(1) + name.end(), "county-list")
            span.admin_word = True
            out.append(span)
    return out


def _datelines(text: str) -> list[Candidate]:
    """"SALINA, Kan. —", "BEIRUT:", "PATASKALA --", "Goma, Congo —" near the top of the text."""
    found = [(m.start(1), m.end(1)) for m in DATELINE.finditer(text[:2000]) if len(m.group(1)) > 2]
    found += [(m.start(1), m.end(1)) for m in DASH_DATELINE.finditer(text[:400])]
    found += [(m.start(1), m.end(1)) for m in TITLE_DATELINE.finditer(text[:600])]
    return [Candidate(text, s, e, "dateline") for s, e in found]


def _bare_names(doc: Parsed, taken: list[tuple[int, int]]) -> list[Candidate]:
    """Runs of capitalised words that no entity covers, with "County"-like tails or a locative before them."""
    text = doc.text
    covered = set()
    for s, e in taken:
        covered.update(range(s, e))
    out = []
    run: list = []

    def flush() -> None:
        if run:
            starts = [0, 1] if len(run) > 1 and run[0].text in direction_words() else [0]  # "Western Ohio X"
            for first in starts:
                for n in range(len(run), first, -1):
                    out.append(Candidate(text, run[first].idx, run[n - 1].idx + len(run[n - 1]), "bare"))
                    if first or n < len(run):
                        out[-1].org = text[run[0].idx:run[-1].idx + len(run[-1])]  # a part of the whole run
            run.clear()

    for t in doc.doc:
        if t.idx in covered or not t.is_title or not t.is_alpha:
            flush()
            continue
        if t.is_sent_start and not run and t.lower_ in COMMON_OPENERS:
            continue
        run.append(t)
    flush()
    return out


def _dedupe(spans: list[Candidate]) -> list[Candidate]:
    """One span per (start, end), the most trusted source first."""
    best: dict[tuple[int, int], Candidate] = {}
    for s in spans:
        key = (s.start, s.end)
        if key not in best or RANK.get(s.source, 6) < RANK.get(best[key].source, 6):
            best[key] = s
    return list(best.values())


def lookup_keys(span: Candidate) -> list[str]:
    """The names to look a span up by: itself, "St."/"Ft."/"Mt." spelled out, without "County" or "City"."""
    key = span.key
    keys = [key]
    for short, long in (("st ", "saint "), ("ft ", "fort "), ("mt ", "mount "), ("saint ", "st ")):
        if key.startswith(short):
            keys.append(long + key[len(short):])
    if span.admin_word or span.city_tail:
        keys.append(key.rsplit(" ", 1)[0])
    return keys


def letter_road(text: str, span: Candidate) -> bool:
    """"the A1 motorway", "exit 12 of the M4": a letter-number code is a road where a road word is next to it."""
    return bool(ROAD_WORDS.match(text[span.end:span.end + 15]))
