"""Keys that tie reports of one happening together, for the inverted index and the similarity.

``p:`` a place the record resolved, ``n:`` a whole proper name of two or more words, ``w:`` a name's
distinctive words, ``a:`` a numbered street address, ``t:`` a content word (light suffixes off, so
"exchanged" and "exchange" meet), ``g:`` a person's age, ``f:`` a count a figure gives ("75"), ``v:`` the
whole name of a person the report tells of who is not named by a role (a victim, a suspect: "v:jon vale").
Names are read from the headline and the lead's sentences; the words that never make a key are data files
(``link_common_words.txt``, ``link_stop_words.txt``).
"""

from __future__ import annotations

import re

from eventwire.lexicons import lines, rows

_NAME = re.compile(r"\b[A-Z][\w'’\-]*\.?(?:[ \t]+(?:(?:of|de|la|del|van|von|der|da|al)[ \t]+)?[A-Z][\w'’\-]*\.?)*")
_NUMBERED_STREET = re.compile(r"\b(\d{2,5})\s+(?:block\s+of\s+)?((?:[A-Z][\w'’]*\s?){1,3})")
_COMMON = frozenset(lines("link_common_words.txt"))
_STOP_WORDS = frozenset(lines("link_stop_words.txt"))
PROSE_MIN_WORDS = 12
MIN_FIGURE_KEY = 5  # counts below this ("two killed") are too common to tell happenings apart



# lines that name the outlet, its reporters and photographers: shared by its reports of unrelated happenings
CREDIT_LINE_CHARS = 160
_CREDIT_LINE = re.compile(r"\b(?:contact|follow (?:him|her|us)|photo|caption|getty|images|staff writer|reporter|"
                          r"refresh|watch|download|app|newsletter|e-?mail|twitter)\b|@|©", re.IGNORECASE)
# "RIVERTON, Va. (WXYZ) —": a station's call sign in a dateline; "said Officer Jo Vane, a police spokeswoman"
_OUTLET_NAMES = re.compile(r"\([A-Z0-9][\w .&-]{1,20}\)(?=\s*[—–-])|"
                           r"\b[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3}(?=,\s(?:an?|the)\s[\w\s]{0,30}spokes(?:wo)?(?:man|person))")


def prose(text: str, limit: int) -> str:
    """The first ``limit`` characters of lines that read as sentences, skipping menus, bylines, link lists."""
    kept, size = [], 0
    for line in text.splitlines():
        words = line.split()
        if _CREDIT_LINE.search(line) and len(line) < CREDIT_LINE_CHARS:
            continue
        if len(words) >= PROSE_MIN_WORDS or (len(words) >= 6 and line.rstrip().endswith((".", '"', "”"))):
            kept.append(_OUTLET_NAMES.sub(" ", line))
            size += len(line)
            if size >= limit:
                break
    return "\n".join(kept)[:limit]


def name_keys(text: str, places: frozenset[str] = frozenset(), countries: frozenset[str] = frozenset()) -> list[str]:
    """Proper names in ``text`` as keys, in order: ``p:`` a place the record resolved (one key, as a town says
    little), ``n:`` other whole names of two or more words, ``w:`` their distinctive words, ``a:`` numbered
    street addresses. A country's name ("Israel", "Israeli", "the United States") makes no key: half the
    reports of a conflict name its countries, so they tell no happening from another (the country still
    counts in the happenings' places and the index cells)."""
    keys: list[str] = []
    for match in _NAME.finditer(text):
        words = [w.strip(".'’").lower() for w in match.group(0).split()]
        words = [w for w in words if w and w not in _COMMON and not w.isdigit()]
        if not words or " ".join(words) in countries:
            continue
        if " ".join(words) in places:
            keys.append("p:" + " ".join(words))
        elif len(words) >= 2:
            keys.append("n:" + " ".join(words))
        keys.extend("w:" + w for w in words if len(w) > 2)
    for number, street in _NUMBERED_STREET.findall(text):
        street_words = [w.lower() for w in street.split() if w.lower() not in _COMMON]
        if street_words:
            keys.append(f"a:{number} {' '.join(street_words)}")
    return keys


def place_names(record: dict, countries: bool = False) -> frozenset[str]:
    """The record's places as name keys compare them (lower case, common words out): those below a country,
    or (``countries``) the countries', as named and as written ("israel", "israeli")."""
    names = set()
    for place in record.get("places") or []:
        if isinstance(place, dict) and str(place.get("feature") or "").startswith("PCL") == countries:
            names.update(filter(None, (place_key(place.get("name")), place_key(place.get("text")))))
    return frozenset(names)


def place_key(name: object) -> str:
    """A place's name as a ``p:`` key spells it ("" for none): lower case, common words out."""
    words = [w.strip(".'’").lower() for w in str(name or "").split()]
    return " ".join(w for w in words if w and w not in _COMMON)


_WORDS = re.compile(r"(?<![\w'’\-])[a-z][a-z'’\-]{3,}")


def word_keys(text: str) -> list[str]:
    """Lower-case content words (``t:``): what happened and where ("basketball", "vigil", "carjacking")."""
    return ["t:" + stem(w) for w in _WORDS.findall(text) if w not in _STOP_WORDS]


_AGE_WORDS = {word: value for word, value, kind, *_ in rows("number_words.tsv")
              if kind == "unit" and value.isdigit() and 0 < int(value) < 20}
_AGE = re.compile(r"(?i:\b(\d{1,3}|" + "|".join(_AGE_WORDS) + r")[- ]years?[- ]old\b)|\b[A-Z][\w'’\-]+,\s(\d{1,3}),")


def age_keys(text: str) -> list[str]:
    """Ages of the people in the report (``g:16``): "a 16-year-old", "a four-year-old", "Jon Vale, 16,"."""
    return [f"g:{_AGE_WORDS.get(a.lower(), a) or b}" for a, b in _AGE.findall(text)]


_SUFFIXES = (("ations", "at"), ("ation", "at"), ("ings", ""), ("ing", ""), ("ers", ""), ("ed", ""), ("es", ""),
             ("er", ""), ("s", ""))


def stem(word: str) -> str:
    """A word without its commonest English suffix, so inflections of one word meet ("exchanged", "exchange",
    "mediation", "mediated")."""
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return (word[: -len(suffix)] + replacement).rstrip("e")
    return word.rstrip("e") if len(word) > 4 else word


def figure_keys(record: dict) -> list[str]:
    """Counts the record's figures give (``f:75``): reports of one happening repeat its numbers."""
    keys = []
    for figure in record.get("figures") or []:
        quantity = figure.get("quantity") if isinstance(figure, dict) else None
        value = quantity.get("value") if isinstance(quantity, dict) else None
        if isinstance(value, int | float) and not isinstance(value, bool) and value >= MIN_FIGURE_KEY:
            keys.append(f"f:{value:g}")
    return keys


def person_keys(record: dict) -> list[str]:
    """The people a report tells of (``v:``): entities of type PERSON named in two words or more that hold no
    role. A victim's, a suspect's or a relative's name ties a report to the happening weeks later (an arrest, a
    trial), where officials named by their role speak in the reports of many happenings."""
    keys = []
    for entity in record.get("entities") or []:
        if not isinstance(entity, dict) or entity.get("type") != "PERSON" or entity.get("role"):
            continue
        words = [w.strip(".'’,").lower() for w in str(entity.get("name") or "").split()]
        words = [w for w in words if w]
        if len(words) >= 2:
            keys.append("v:" + " ".join(words))
    return keys
