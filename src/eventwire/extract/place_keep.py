"""Whether a candidate span is a toponym here, and how sure that is.

Spans spaCy called GPE/LOC are kept unless a pattern says otherwise; other spans need the gazetteer and
the context to agree. What is never a toponym: a demonym ("Georgian" — reported apart, as a demonym of
its country), an armed group, party or movement (``places_organisations.txt``: "M23", "Hamas"), a word of
an organisation's name that only looks like a hamlet ("Liberation" in a liberation front), a person's
name ("Petrova said", "Mayor Mullins"), a letter-number code not next to a road word ("M23 rebels"),
a street number.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from eventwire import lexicons
from eventwire.extract.base import Parsed
from eventwire.extract.place_spans import LETTER_ROAD, Candidate, direction_words, letter_road
from eventwire.gazetteer.index import NAME_OTHER, NAME_PRIMARY, name_key
from eventwire.gazetteer.index import Candidate as Place
from eventwire.gazetteer.resolve import AREAS

DEMONYM_END = re.compile(r"(?:ians?|eans?|ese|ish|is|i|ans)$")
LOCATIVE = {"in", "near", "at", "from", "to", "outside", "across", "around", "of", "through", "toward", "towards",
            "into", "within", "throughout", "between", "north", "south", "east", "west", "northeast", "northwest",
            "southeast", "southwest", "visit", "visited", "native", "downtown", "rural", "central"}
SPEECH = re.compile(r"^\s*(?:said|says|told|added|wrote|asked|explained|noted|testified)\b")
TITLE = re.compile(r"(?:Mr|Mrs|Ms|Dr|Mayor|Sgt|Officer|Deputy|Rep|Sen|Gov|Judge|Coach|Capt|Lt|Chief|Rev|Sister)\.?\s+$")
GROUP_AFTER = re.compile(r"^[\s’'s]*(?:rebels?|militias?|militants?|fighters?|insurgents?|guerrillas?|movement|"
                         r"group|party|leaders?|spokes(?:man|woman|person))\b", re.I)
SHOP = re.compile(r"^['’]s\b(?! (?:government|capital|president|army|forces|people|borders?|largest|second|biggest))")
FEATURE_NOUN = re.compile(r"(?i)\b(?:islands?|rivers?|lakes?|bay|harbou?r|valley|mountains?|creek|gulf|sea|ocean|park|"
                          r"beach|falls|springs|heights|hills?|empire|republic|state|city|county|district)$")
NER_SOURCES = ("ner", "as-ORG", "as-PERSON", "as-LAW", "as-WORK_OF_ART")


@cache
def demonyms() -> dict[str, str]:
    """Demonym (name key) -> the area it points to: "US", "GE", "US.TX"."""
    out: dict[str, str] = {}
    for word, area in lexicons.rows("places_demonyms.tsv"):
        out.setdefault(name_key(word), area)
        if word.endswith(("n", "i")) and not word.endswith("ese"):
            out.setdefault(name_key(word + "s"), area)
    return out


@cache
def not_places() -> frozenset[str]:
    """Demonym-like words and adjectives that are no places at all ("Western", "Arab")."""
    return frozenset(name_key(d) for d in lexicons.lines("places_demonyms.txt"))


@cache
def organisations() -> frozenset[str]:
    return frozenset(name_key(w) for w in lexicons.lines("places_organisations.txt"))


@cache
def name_words() -> frozenset[str]:
    return frozenset(name_key(w) for w in lexicons.lines("places_name_words.txt"))


@cache
def institutions() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicons.lines("places_institutions.txt"))


@cache
def not_alone() -> frozenset[str]:
    return frozenset(name_key(w) for w in lexicons.lines("places_not_alone.txt"))


@cache
def _town_cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Words before and after a name that say a town is meant ("the city of X", "X police")."""
    sides: dict[str, list[str]] = {"before": [], "after": []}
    for side, words in lexicons.rows("places_town_cues.tsv"):
        sides[side].append(r"\s+".join(map(re.escape, words.split())))
    return (re.compile(rf"\b(?:{'|'.join(sides['before'])})\s+(?:the\s+)?$", re.IGNORECASE),
            re.compile(rf"^\s+(?:{'|'.join(sides['after'])})\b", re.IGNORECASE))


ADDRESS = re.compile(r"\b\d+\s+(?:[NSEW]\.?\s+)?(?:[A-Z][\w'.-]*\s+){1,3}(?:St|Street|Ave|Avenue|Rd|Road|Dr|Drive|"
                     r"Blvd|Boulevard|Ln|Lane|Ct|Court|Pl|Place|Way|Pike|Hwy|Highway)\.?,\s+$")


def town_word(text: str, start: int, end: int) -> int:
    """How strongly the words around a name say it is a town: 2 after a street address ("12 Elm St., Lebanon"),
    1 for "the city of Saida", "Berea police", "Avon's mayor", else 0."""
    if ADDRESS.search(text[max(0, start - 60):start]):
        return 2
    before, after = _town_cues()
    return int(bool(before.search(text[max(0, start - 30):start]) or after.match(
        text[end:end + 30].replace("'s ", " ").replace("’s ", " "))))


AGE = re.compile(r"^,\s+\d{1,3},")  # "Marlow, 19, of Elm Street": a person's age


@cache
def _possessed_by_people() -> re.Pattern[str]:
    nouns = "|".join(r"\s+".join(map(re.escape, w.split())) for w in lexicons.lines("places_person_cues.txt"))
    return re.compile(rf"^['’]s\s+(?:{nouns})\b", re.IGNORECASE)


def used_as_person(span: Candidate, cands: tuple[Place, ...], text: str) -> bool:
    """A one-word name this mention uses as a person's ("Marlow said", "Mr. Marlow", "Marlow, 19,", "Marlow's
    lawyer"), and not a country, state, capital or city of 100,000. One use makes the name a person's in the
    whole document (one sense per discourse): "police shot Marlow" is no town either."""
    if " " in span.key or _well_known(cands):
        return False
    after = text[span.end:span.end + 40]
    cue = _locative_cue(span, cands, text)
    return bool((SPEECH.match(after) and not cue) or TITLE.search(text[:span.start][-12:]) or AGE.match(after)
                or _possessed_by_people().match(after))


@cache
def feature_words() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicons.lines("places_feature_words.txt"))


def part_of_a_feature(span: Candidate) -> bool:
    """A known name inside a longer one that ends (or opens) with a word of a natural feature or a park ("Lake
    Vermont", "Griffith Park", "Gulf of Alaska"): the whole is a place the gazetteer lacks, not this town or state.
    A feature word inside the longer name ("Texas Forest Service") says nothing."""
    if not span.org or name_key(span.org) == span.key or span.text not in span.org:
        return False
    before, _, after = span.org.partition(span.text)
    words = [w.lower().strip(".,") for w in (before.split()[:1] + after.split()[-1:])]
    return any(w in feature_words() for w in words)


def names_a_feature(span: Candidate) -> bool:
    """A capitalised name of two words or more that ends or opens with a feature word ("Kanawha River"), not
    itself a part of a longer name ("Texas Forest" of the Texas Forest Service)."""
    words = span.text.split()
    return len(words) > 1 and not span.org and span.text[:1].isupper() and (
        words[-1].lower().strip(".,") in feature_words() or words[0].lower() in feature_words())


def is_demonym(span: Candidate, cands: tuple[Place, ...]) -> bool:
    """A people or nationality word: listed, or "-ian"/"-ese"-like and unknown to the gazetteer."""
    if span.key in demonyms() or span.key in not_places():
        return True
    return not cands and bool(DEMONYM_END.search(span.key)) and span.text[:1].isupper() and " " not in span.key


def never_a_place(span: Candidate, text: str) -> bool:
    """An organisation, a word of an organisation's name, a letter-number code that is no road."""
    key = span.key
    if key in organisations() or (key.startswith("al ") and key[3:] in organisations()):
        return True
    if span.org and ((key in name_words() and span.source != "tail") or name_key(span.org) in organisations()):
        return True
    if LETTER_ROAD.match(span.text) and not letter_road(text, span):
        return True
    return bool(re.fullmatch(r"[A-Z]{1,3}\d+", span.text)) and bool(GROUP_AFTER.match(text[span.end:span.end + 20]))


def strength(span: Candidate, cands: tuple[Place, ...], doc: Parsed, persons: set[str]) -> float:
    """How sure it is that a span is a toponym here: 1 yes, 0 no, between: if the document agrees.

    A span between 0 and 1 stays only when its resolved place lies where the document's sure places are.
    """
    text = doc.text
    if is_demonym(span, cands) or never_a_place(span, text) or part_of_a_feature(span):
        return 0.0
    if span.street:
        numbered = text[max(0, span.start - 8):span.start].rstrip()[-1:].isdigit()
        return float(span.source in NER_SOURCES and not numbered and span.text[:1].isupper())
    cue = _locative_cue(span, cands, text)
    personal = (SPEECH.match(text[span.end:span.end + 12]) and not cue) or TITLE.search(text[:span.start][-12:])
    if " " not in span.key and personal and not any(c.feature in ("PCLI", "PPLC") for c in cands):
        return 0.0  # "Petrova said", "Mayor Mullins": a person
    if span.source in ("ner", "named"):
        if " " not in span.key and span.key in persons and not _well_known(cands):
            return 0.0  # "Henry Farrin ... Farrin said": a surname of the document's people
        return float(bool(span.key) and not span.key.isdigit())
    # below: spans spaCy did not call places; the gazetteer and the context must agree
    good = [c for c in cands if c.kind != NAME_OTHER]
    if not good and names_a_feature(span) and span.key not in persons:
        return 1.0  # a lake, river or park the gazetteer lacks: a place all the same, without a point
    if not good or span.key in persons or span.key in not_alone() or _common_word(span, text):
        return 0.0
    if span.source == "tail":  # the known end of an unknown place name
        return float(not FEATURE_NOUN.search(span.text) and any(
            c.population >= 10_000 or (c.feature in ("PCLI", "ADM1") and c.kind == NAME_PRIMARY) for c in good))
    town = town_word(text, span.start, span.end)
    if span.label in ("ORG", "FAC", "PRODUCT") and span.source.startswith("as-") and SHOP.match(text[span.end:]) \
            and not town:
        return 0.0  # "Alexander's", a shop; not "Dayton's mayor"
    if span.admin_word and any(c.feature in AREAS for c in good):
        return 1.0
    if span.source in ("dateline", "party", "county-list"):
        return 1.0
    qualified = bool(re.match(r"(?:,\s+|\s*\(\s*)[A-Z]", text[span.end:span.end + 20]))  # "X, Area", "X (Area)"
    if any(c.feature in ("PCLI", "CONT") and c.kind == NAME_PRIMARY for c in good):
        return 1.0
    if span.text.isupper() and len(span.text) >= 2 and any(c.feature == "PCLI" for c in good):
        return 1.0  # "the UAE", "the DRC": a country's abbreviation
    if max(c.population for c in good) < 1000:
        return 0.0
    following = text[span.end:span.end + 30].split()
    institution = bool(following) and following[0].strip(".,’'").lower() in institutions()
    if cue or qualified or institution or town:
        return 0.8
    return 0.5 if span.source.startswith("as-") else 0.3


def _locative_cue(span: Candidate, cands: tuple[Place, ...], text: str) -> bool:
    """A locative word ("in", "near", "north") or a region's opening word ("Western") just before the span.

    Inside an organisation's name "of" is part of the name ("College of Law"): there it is a cue only for a
    well-known place ("University of Kentucky").
    """
    before = text[max(0, span.start - 25):span.start].split()
    if not before:
        return False
    word = before[-1].strip(",")
    if span.source == "inner" and word.lower() in ("of", "at", "in") and not _well_known(cands):
        return False
    return word.lower() in LOCATIVE or word in direction_words()


def _well_known(cands: tuple[Place, ...]) -> bool:
    """A country, a state or province, a capital or a city of 100,000: not taken for a surname."""
    return any(c.feature in ("PCLI", "ADM1", "PPLC") or c.population >= 100_000 for c in cands if c.kind != NAME_OTHER)


def _common_word(span: Candidate, text: str) -> bool:
    """A one-word span whose word also appears in lower case in the text ("Hope", "Commerce")."""
    if " " in span.key:
        return False
    if WORD.fullmatch(span.key):  # the same test as the search below, on the text's words found once
        return span.key in _words_of(text)
    return re.search(rf"(?<![\w.]){re.escape(span.key)}(?!\w)", text) is not None


WORD = re.compile(r"\w+")
WORD_NOT_AFTER_DOT = re.compile(r"(?<![\w.])\w+")


@lru_cache(maxsize=4)
def _words_of(text: str) -> frozenset[str]:
    """Every whole word of a text not right after a full stop, as written."""
    return frozenset(m.group() for m in WORD_NOT_AFTER_DOT.finditer(text))
