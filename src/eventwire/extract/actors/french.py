"""French roles: people named by their title, read on the words (the French parse often breaks these phrases:
"l'état-major" comes out as three nouns hung on different heads).

A title phrase is a title of ``lexicons/fr/actor_titles.tsv`` ("porte-parole", "ministre de la Défense"), the
adjectives after it ("malien", "local") and up to two "de" complements ("de l'armée", "de la région de Mopti").
Its holder is

- an unnamed actor when a definite determiner opens it ("le porte-parole de l'armée", "le chef de l'état-major")
  or an indefinite one with something more than the bare title ("un responsable local"); plural titles
  ("les ministres"), bare ones ("nommé ministre", "le poste de gouverneur") and "un ministre" name nobody;
- the role of a name it stands before ("le colonel Sadio Camara", "le ministre de la Défense, Jean Dupont") or
  after ("Jean Dupont, gouverneur de la province").

Country: a French country name or adjective in the phrase (``fr/actor_countries.tsv``); sector: the title's,
or for a weak title the body or adjective named with it (``fr/actor_modifiers.tsv``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from eventwire.extract.actors.code import INTERNATIONAL
from eventwire.extract.actors.lexicon import Title, split_hyphens
from eventwire.extract.actors.phrases import WordIndex
from eventwire.extract.actors.roles import FORMER_SECTOR, Role, TitleActor
from eventwire.lexicons import rows

LANG = "fr"


def _words_of(kind: str) -> frozenset[str]:
    """The words of one class in ``fr/actor_title_words.tsv`` (the small words around a French title)."""
    return frozenset(word.lower() for word, word_kind, *_ in rows("actor_title_words.tsv", "fr") if word_kind == kind)


DE = _words_of("de")  # "de", "du", "des", "d'": the preposition that joins a title to its office
ARTICLES = _words_of("article")
DEFINITE = _words_of("definite")
INDEFINITE = _words_of("indefinite")
FORMER = _words_of("former")  # "ancien", "ex-": a former holder of the title
BEFORE_TITLE = _words_of("before") | FORMER  # "nouveau", "haut": words between a determiner and its title
MAX_COMPLEMENTS = 2
MAX_NAME_GAP = 12  # tokens back from a name to look for the title before it
NOMINAL = frozenset({"NOUN", "PROPN"})
WORD = re.compile(r"[^\s'’]+['’]|[^\s'’]+")


@dataclass(frozen=True, slots=True)
class FrenchTitles:
    titles: dict[tuple[str, ...], Title]
    prefixes: frozenset[tuple[str, ...]]  # every beginning of a title key, to stop reading where none goes on
    longest: int
    first_words: frozenset[str]  # lower-case first tokens of every title, whole and before a hyphen
    modifiers: dict[str, str]  # body noun or adjective -> sector
    countries: dict[str, str]  # lower-case country name or adjective -> ISO3
    country_first_words: frozenset[str]
    longest_country: int


def _words(token_lower: str) -> list[str]:
    """One token's words for a title key: articles dropped, every "de" form as "de", hyphens as words."""
    if token_lower in ARTICLES:
        return []
    if token_lower in DE:
        return ["de"]
    return split_hyphens(token_lower)


def title_key(text: str) -> tuple[str, ...]:
    """The key of a title as a lexicon row writes it: "chef de l'état-major" -> (chef, de, état, -, major)."""
    return tuple(w for piece in WORD.findall(text.lower()) for w in _words(piece))


@cache
def french_titles() -> FrenchTitles:
    titles = {title_key(t): Title(sector or None, strength == "weak") for t, sector, strength in
              rows("actor_titles.tsv", LANG)}
    firsts = {WORD.findall(t.lower())[0] for t, *_ in rows("actor_titles.tsv", LANG)}
    countries: dict[str, str] = {}
    for iso3, names, adjectives in rows("actor_countries.tsv", LANG):
        for word in (names + "|" + adjectives).split("|"):
            if word.strip():
                countries.setdefault(word.strip().lower(), iso3)
    return FrenchTitles(
        titles=titles,
        prefixes=frozenset(k[:n] for k in titles for n in range(1, len(k) + 1)),
        longest=max(len(k) for k in titles),
        first_words=frozenset(firsts | {f.split("-")[0] for f in firsts}),
        modifiers={word.lower(): sector for word, sector in rows("actor_modifiers.tsv", LANG)},
        countries=countries,
        country_first_words=frozenset(w for c in countries for w in (WORD.findall(c)[0], c.split("-")[0])),
        longest_country=max(len(WORD.findall(c)) for c in countries),
    )


@dataclass(slots=True)
class TitlePhrase:
    """Tokens [start, end) of a title phrase; the title's own words (without country adjectives) give the role."""

    start: int  # the title's first word (after any determiner)
    end: int
    head: int  # the title's last word
    role: str
    title: Title
    country: str | None


def title_at(doc: Doc, start: int) -> TitlePhrase | None:
    """The title phrase whose title begins at token ``start``, if one does."""
    lexicon = french_titles()
    if doc[start].lower_ not in lexicon.first_words and doc[start].lower_.split("-")[0] not in lexicon.first_words:
        return None
    key: tuple[str, ...] = ()
    best: tuple[int, Title] | None = None
    words: list[int] = []
    for i in range(start, min(len(doc), start + 2 * lexicon.longest)):
        token = doc[i]
        if token.is_punct and token.text != "-" or len(key) >= lexicon.longest:
            break
        if i > start and _country_word(doc, i):
            continue  # "le ministre malien de la Défense"
        key += tuple(_words(token.lower_))
        if key not in lexicon.prefixes:
            break
        words.append(i)
        found = lexicon.titles.get(key)
        if found is not None:
            best = (i, found)
    if best is None or best[0] == start and doc[start].pos_ == "ADJ":
        return None  # "général" in "directeur général" qualifies the title before it
    head, title = best
    role = "".join(doc[j].text_with_ws for j in words if j <= head).strip()
    end = _phrase_end(doc, head + 1)
    return TitlePhrase(start, end, head, role, title, _country(doc, start, end))


def _country_word(doc: Doc, i: int) -> bool:
    return doc[i].pos_ == "ADJ" and doc[i].lower_ in french_titles().countries


def _phrase_end(doc: Doc, i: int) -> int:
    """Past the adjectives after a title and up to two "de" complements with their own adjectives."""
    i = _adjectives(doc, i)
    for _ in range(MAX_COMPLEMENTS):
        if i >= len(doc) or doc[i].lower_ not in DE:
            break
        j = i + 1
        while j < len(doc) and doc[j].lower_ in ARTICLES:
            j += 1
        if j >= len(doc) or doc[j].pos_ not in NOMINAL or doc[j].ent_type_ == "PERSON" and doc[j].dep_ == "appos":
            break
        j += 1
        while j < len(doc):
            if doc[j].text == "-" and j + 1 < len(doc) and doc[j + 1].pos_ in NOMINAL:
                j += 2  # "état-major", which the French tokenizer splits
            elif doc[j].pos_ == "PROPN" and doc[j].ent_type_ != "PERSON":
                j += 1  # "de la Maison Blanche"
            else:
                break
        i = _adjectives(doc, j)
    return i


def _adjectives(doc: Doc, i: int) -> int:
    while i < len(doc) and doc[i].pos_ == "ADJ" and not doc[i].is_sent_start:
        i += 1
    return i


def _country(doc: Doc, start: int, end: int) -> str | None:
    lexicon = french_titles()
    for i in range(start, end):
        if doc[i].lower_ not in lexicon.country_first_words:
            continue
        for j in range(min(end, i + lexicon.longest_country), i, -1):
            iso3 = lexicon.countries.get(doc[i:j].text.lower())
            if iso3 is not None:
                return iso3
    return None


def _sector(doc: Doc, phrase: TitlePhrase) -> str | None:
    """The title's sector; a weak title's gives way to the body or adjective after it, an international
    body's to every title ("le secrétaire général de l'ONU")."""
    modifiers = french_titles().modifiers
    found = None
    for i in range(phrase.head + 1, phrase.end):
        for j in (i + 3, i + 2, i + 1):
            sector = modifiers.get(doc[i:min(j, phrase.end)].text.lower())
            if sector is not None:
                found = found or sector
                if sector in INTERNATIONAL:
                    return sector
    if phrase.title.weak and found is not None:
        return found
    return phrase.title.sector


def _opening(doc: Doc, start: int) -> tuple[int, str | None]:
    """Where a title phrase begins before its title (determiner and "haut", "ancien" …) and that determiner."""
    i = start
    while i > 0 and doc[i - 1].lower_ in BEFORE_TITLE:
        i -= 1
    if i > 0 and doc[i - 1].pos_ == "DET" and doc[i - 1].lower_ in DEFINITE | INDEFINITE:
        return i - 1, doc[i - 1].lower_
    return i, None


def _role(doc: Doc, phrase: TitlePhrase, spans: list[tuple[int, int]]) -> Role:
    opening, _ = _opening(doc, phrase.start)
    former = any(t.lower_ in FORMER for t in doc[opening:phrase.start]) or doc[phrase.start].lower_.startswith("ex-")
    return Role(phrase.role, phrase.country, FORMER_SECTOR if former else _sector(doc, phrase), spans)


def role_of_name(doc: Doc, start: int, end: int) -> Role | None:
    """The role a person's name carries: a title phrase just before it (a comma between allowed), else one
    in apposition after it ("Jean Dupont, gouverneur de la province, …")."""
    lower = max(doc[start].sent.start, start - MAX_NAME_GAP)
    gap = start - 1 if start > 0 and doc[start - 1].text == "," else start
    for s in range(gap - 1, lower - 1, -1):
        phrase = title_at(doc, s)
        if phrase is not None and phrase.end == gap:
            return _role(doc, phrase, [(_opening(doc, s)[0], start)])
    if end + 1 < len(doc) and doc[end].text == ",":
        at = end + 1
        while at + 1 < len(doc) and (doc[at].pos_ == "DET" and doc[at].lower_ in DEFINITE | INDEFINITE
                                     or doc[at].lower_ in BEFORE_TITLE):
            at += 1
        phrase = title_at(doc, at)
        if phrase is not None:
            return _role(doc, phrase, [(end + 1, phrase.end)])
    return None


def title_actors(doc: Doc, sentences: list[Span], taken: set[int], words: WordIndex) -> list[TitleActor]:
    """People named by a French title phrase alone, outside tokens already used by names and their titles."""
    found: list[TitleActor] = []
    candidates = words.positions(french_titles().first_words)
    for sentence in sentences:
        i = sentence.start
        while i < sentence.end:
            actor = _title_actor(doc, i, sentence.end) if i in candidates and i not in taken else None
            if actor is None or any(j in taken for j in range(actor.start, i + 1)):
                i += 1
                continue
            found.append(actor)
            i = actor.end
    return found


def _title_actor(doc: Doc, i: int, sentence_end: int) -> TitleActor | None:
    phrase = title_at(doc, i)
    if phrase is None or not _singular(doc, phrase):
        return None
    opening, determiner = _opening(doc, i)
    if determiner is None or phrase.end < len(doc) and doc[phrase.end].ent_type_ == "PERSON":
        return None
    definite = determiner in DEFINITE
    if not definite and phrase.end == phrase.head + 1:
        return None  # "un ministre", "un haut responsable": nobody in particular
    role = _role(doc, phrase, [])
    return TitleActor(opening + 1, phrase.end, phrase.role, role.country, role.sector, definite)


def _singular(doc: Doc, phrase: TitlePhrase) -> bool:
    """Whether the title's noun is singular ("les ministres de la Défense" are no one person)."""
    nouns = [t for t in doc[phrase.start:phrase.head + 1] if t.pos_ == "NOUN"]
    return not nouns or "Plur" not in nouns[0].morph.get("Number")


def starts_title(doc: Doc, start: int) -> bool:
    """Whether a named mention begins with a title ("ministre de la Défense", which the French model calls an
    organisation): the title reading, not the name, gives that actor."""
    if doc[start].lower_ in DEFINITE | INDEFINITE and start + 1 < len(doc):
        start += 1
    return doc[start].pos_ != "PROPN" and title_at(doc, start) is not None
