"""The actor lexicons (countries, regions, titles, group nouns, modifiers, organisations), loaded once.

All lookups go through :func:`actor_lexicon`, built once per process from the data files
``lexicons/actor_*.tsv``. Country words are matched case-sensitively ("US" is a country, "us" is not);
an all-capitals form is retried in title case so headlines still match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from eventwire.lexicons import rows

DETERMINERS = ("the ", "The ", "THE ")


@dataclass(frozen=True, slots=True)
class Place:
    """What a country word says: the ISO3 code and the kind of word it is."""

    iso3: str
    kind: str  # country | region | capital | adjective | people


@dataclass(frozen=True, slots=True)
class Title:
    sector: str | None
    weak: bool  # gives way to the sector of the organisation the holder belongs to


@dataclass(frozen=True, slots=True)
class GroupNoun:
    sector: str
    type: str  # entity type of the group: ORG or NORP
    weak: bool


@dataclass(frozen=True, slots=True)
class Organisation:
    name: str  # canonical name: every alias of one organisation resolves to the same entity
    country: str | None
    sector: str | None


@dataclass(frozen=True)
class ActorLexicon:
    places: dict[str, Place]
    titles_by_key: dict[tuple[str, ...], Title]
    nouns_by_key: dict[tuple[str, ...], GroupNoun]
    modifiers: dict[str, str]
    organisations: dict[str, Organisation]
    people: dict[str, Organisation]  # well-known figures by name or distinctive surname
    longest_title: int
    longest_noun: int
    title_last_words: frozenset[str]
    noun_last_words: frozenset[str]
    place_first_words: frozenset[str]  # first token of every place name, to skip most windows at once
    organisation_first_words: frozenset[str]
    name_first_words_lower: frozenset[str]  # the same, lower case, for spaCy's LOWER index

    def place(self, text: str) -> Place | None:
        """The country a name, adjective, demonym or capital stands for ("Russian" -> RUS)."""
        return _looked_up(self.places, text, 3)

    def organisation(self, text: str) -> Organisation | None:
        """A known organisation by any of its names ("OSCE", "the Red Cross")."""
        return _looked_up(self.organisations, text, 5)


    def person(self, text: str) -> Organisation | None:
        """A well-known political figure by full name or distinctive surname ("Putin" -> RUS, GOV)."""
        text = text.strip()
        found = self.people.get(text)
        if found is None and text.isupper() and len(text) > 3:
            found = self.people.get(text.title())
        return found


def strip_determiner(text: str) -> str:
    for det in DETERMINERS:
        if text.startswith(det):
            return text[len(det):]
    return text


def split_hyphens(word: str) -> list[str]:
    """"secretary-general" -> ["secretary", "-", "general"], the way spaCy tokenises it."""
    if "-" not in word or word == "-":
        return [word]
    parts: list[str] = []
    for i, piece in enumerate(word.split("-")):
        if i:
            parts.append("-")
        if piece:
            parts.append(piece)
    return parts


def lexicon_key(entry: str) -> tuple[str, ...]:
    """The lookup key of a lexicon phrase: lower-case words, hyphens as words of their own."""
    out: list[str] = []
    for word in entry.lower().split():
        out.extend(split_hyphens(word))
    return tuple(out)


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _people_forms(adjective: str) -> list[str]:
    """Plural demonyms made regularly from an adjective: Russian -> Russians, Iraqi -> Iraqis, Serb -> Serbs.
    Adjectives that make no plural this way (French, Chinese, Swiss, Turkish) are left alone."""
    if not adjective[:1].isupper() or not adjective[-1:].isalpha():
        return []
    if adjective.endswith(("ish", "ese", "ss", "ch")) and adjective != "Czech":
        return []
    return [adjective + "s"]


def _load_places() -> dict[str, Place]:
    places: dict[str, Place] = {}

    def add(text: str, place: Place) -> None:
        places.setdefault(strip_determiner(text), place)

    for iso3, names, adjectives, *rest in rows("actor_countries.tsv"):
        for name in _split(names):
            add(name, Place(iso3, "country"))
        for capital in _split(rest[0] if rest else ""):
            add(capital, Place(iso3, "capital"))
        for adjective in _split(adjectives):
            add(adjective, Place(iso3, "adjective"))
            for people in _people_forms(adjective):
                add(people, Place(iso3, "people"))
    for iso3, names, adjectives in rows("actor_regions.tsv"):
        for name in _split(names):
            add(name, Place(iso3, "region"))
        for adjective in _split(adjectives):
            add(adjective, Place(iso3, "adjective"))
            for people in _people_forms(adjective):
                add(people, Place(iso3, "people"))
    return places


def _load_organisations() -> dict[str, Organisation]:
    found: dict[str, Organisation] = {}
    for name, aliases, country, sector in rows("actor_organisations.tsv"):
        organisation = Organisation(name, country or None, sector or None)
        for alias in [name, *_split(aliases)]:
            found.setdefault(strip_determiner(alias), organisation)
    return found


def _load_people() -> dict[str, Organisation]:
    found: dict[str, Organisation] = {}
    for name, aliases, country, sector in rows("actor_people.tsv"):
        names = _split(name)
        person = Organisation(names[0], country or None, sector or None)
        for alias in names + _split(aliases):
            found.setdefault(alias, person)
    return found


def _first_words(names: dict[str, object]) -> frozenset[str]:
    """First words as spaCy splits them ("Greek-Cypriot" -> "Greek"), in the case written and in capitals."""
    firsts = {re.split(r"[\s\-]", name, maxsplit=1)[0] for name in names}
    return frozenset(firsts | {f.upper() for f in firsts} | {f.title() for f in firsts})


@cache
def actor_lexicon() -> ActorLexicon:
    """The actor lexicons, loaded once per process."""
    titles = {
        lexicon_key(title): Title(sector or None, strength == "weak")
        for title, sector, strength in rows("actor_titles.tsv")
    }
    nouns = {
        lexicon_key(noun): GroupNoun(sector, kind, strength == "weak")
        for noun, sector, kind, strength in rows("actor_nouns.tsv")
    }
    modifiers = {word: sector for word, sector in rows("actor_modifiers.tsv")}
    places = _load_places()
    organisations = _load_organisations()
    return ActorLexicon(
        places=places,
        titles_by_key=titles,
        nouns_by_key=nouns,
        modifiers=modifiers,
        organisations=organisations,
        people=_load_people(),
        longest_title=max(len(t) for t in titles),
        longest_noun=max(len(n) for n in nouns),
        title_last_words=frozenset(t[-1] for t in titles),
        noun_last_words=frozenset(n[-1] for n in nouns),
        place_first_words=_first_words(places),
        organisation_first_words=_first_words(organisations),
        name_first_words_lower=frozenset(w.lower() for w in _first_words(places) | _first_words(organisations)),
    )


def _looked_up(table: dict, text: str, shortest_caps: int):
    """A name's entry, determiner stripped; a name in capitals longer than ``shortest_caps`` is also looked up
    in title case ("GEORGIA" -> "Georgia"), shorter ones are acronyms."""
    text = strip_determiner(text.strip())
    found = table.get(text)
    if found is None and text.isupper() and len(text) > shortest_caps:
        found = table.get(text.title())
    return found

