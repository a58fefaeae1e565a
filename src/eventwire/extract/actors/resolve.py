"""One entity per actor in a document: names, titles, groups and pronouns merged, every mention kept.

"Saakashvili", "Mikheil Saakashvili", "the Georgian President" and a following "he" become one entity:
surnames join the full name they end, a title phrase joins the person who holds that role, and a
third-person pronoun joins the most recent person that was a subject nearby.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token

from eventwire.extract.actors.code import actor_code
from eventwire.extract.actors.groups import group_actors
from eventwire.extract.actors.lexicon import actor_lexicon
from eventwire.extract.actors.names import Name, named_mentions
from eventwire.extract.actors.patterns import RolePatterns, role_patterns
from eventwire.extract.actors.phrases import Sentences, WordIndex, town_country
from eventwire.extract.actors.roles import place_near
from eventwire.extract.base import Parsed
from eventwire.lexicons import rows
from eventwire.records import Entity
from eventwire.records import Span as TextSpan

PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
GENDERED = {
    "mr": "m", "mr.": "m", "sir": "m", "spokesman": "m", "congressman": "m", "businessman": "m", "king": "m",
    "prince": "m", "policeman": "m", "father": "m", "brother": "m", "son": "m", "husband": "m",
    "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "madam": "f", "dame": "f", "lady": "f",
    "spokeswoman": "f", "congresswoman": "f", "businesswoman": "f", "chairwoman": "f", "queen": "f",
    "princess": "f", "policewoman": "f", "mother": "f", "sister": "f", "daughter": "f", "wife": "f",
}
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
PRONOUN_WINDOW = 2  # sentences back to look for a pronoun's antecedent
ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent"})


@dataclass
class Actor:
    """An entity being assembled: its mentions are token spans until the record is made."""

    type: str
    name: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    role: str | None = None
    country: str | None = None
    sector: str | None = None

    def add(self, start: int, end: int) -> None:
        self.mentions.append((start, end))

    def learn(self, role: str | None, country: str | None, sector: str | None) -> None:
        self.role = self.role or role
        self.country = self.country or country
        self.sector = self.sector or sector


@dataclass
class Assembly:
    doc: Doc
    sentences: list[Span]
    all_sentences: Sentences
    words: WordIndex
    patterns: RolePatterns
    actors: dict[object, Actor] = field(default_factory=dict)
    taken: set[int] = field(default_factory=set)  # tokens used by names and titles
    people: set[int] = field(default_factory=set)  # tokens of people's names and their titles

    def actor(self, key: object, type_: str, name: str) -> Actor:
        if key not in self.actors:
            self.actors[key] = Actor(type_, name)
        return self.actors[key]


def build_entities(parsed: Parsed) -> list[Entity]:
    """The document's entities (SPEC §2), numbered e1, e2 ... in order of first mention."""
    doc = parsed.doc
    assembly = Assembly(doc, parsed.sentences, Sentences(doc), WordIndex(doc), role_patterns(doc.lang_))
    names = named_mentions(doc, parsed.text, parsed.in_boilerplate, assembly.all_sentences, assembly.words)
    names = [n for n in names if n.label == "PERSON" or not assembly.patterns.starts_title(doc, n.start)]
    _add_people(assembly, [n for n in names if n.label == "PERSON"])
    _add_other_names(assembly, [n for n in names if n.label != "PERSON"])
    _add_title_actors(assembly)
    _add_groups(assembly)
    _add_pronouns(assembly, parsed.text)
    return _records(assembly, parsed.text)


def _add_people(assembly: Assembly, names: list[Name]) -> None:
    doc = assembly.doc
    full = [n for n in names if len(n.text.split()) > 1]
    short = [n for n in names if len(n.text.split()) == 1]
    by_surname: dict[str, list[tuple[int, Actor]]] = {}
    by_given_name: dict[str, set[int]] = {}
    for name in full:
        actor = assembly.actor(("PERSON", name.text.lower()), "PERSON", name.text)
        for key in _surname_keys(name.text):
            by_surname.setdefault(key, []).append((name.start, actor))
        by_given_name.setdefault(name.text.split()[0].lower(), set()).add(id(actor))
    owners: list[tuple[Actor, tuple[int, int]]] = []
    for name in full + short:
        if name in short:
            actor = _full_name_for(assembly, name, by_surname, by_given_name)
        else:
            actor = assembly.actors[("PERSON", name.text.lower())]
        actor.add(name.start, name.end)
        assembly.taken.update(range(name.start, name.end))
        assembly.people.update(range(name.start, name.end))
        role = assembly.patterns.role_of_name(doc, name.start, name.end)
        if role is not None:
            actor.learn(role.role, role.country, role.sector)
            if role.owner is not None:
                owners.append((actor, role.owner))
            for start, end in role.spans:
                assembly.taken.update(range(start, end))
                assembly.people.update(range(start, end))
    _known_people(assembly)
    _countries_from_owners(assembly, owners)
    _countries_from_context(assembly)


def _surname_keys(full_name: str) -> set[str]:
    """Ways a surname may stand alone: "al-Bashir" also as "Bashir"."""
    last = full_name.split()[-1].lower()
    keys = {last}
    for prefix in ("al-", "el-", "ad-", "as-", "ash-", "an-", "ar-", "at-", "az-"):
        if last.startswith(prefix) and len(last) > len(prefix) + 2:
            keys.add(last[len(prefix):])
    return keys


def _full_name_for(assembly: Assembly, name: Name, by_surname: dict, by_given_name: dict) -> Actor:
    """The person a one-word name belongs to: the full name it ends (the latest before it, else any),
    else the one full name it begins ("Hillary" for "Hillary Clinton"), else a person of its own."""
    key = name.text.lower()
    candidates = by_surname.get(key) or []
    earlier = [a for s, a in candidates if s < name.start]
    if candidates:
        return (earlier or [a for _, a in candidates])[-1]
    given = by_given_name.get(key) or set()
    if len(given) == 1:
        [actor] = [a for a in assembly.actors.values() if id(a) in given]
        return actor
    return assembly.actor(("PERSON", key), "PERSON", name.text)


def _known_people(assembly: Assembly) -> None:
    """Country and sector of well-known figures the text names without a title ("Putin said"):
    by full name when the document gives one, else by the surname alone."""
    lexicon = actor_lexicon()
    for actor in assembly.actors.values():
        if actor.type != "PERSON" or actor.country:
            continue
        person = lexicon.person(actor.name)
        if person is not None:
            actor.learn(None, person.country, person.sector)


def _countries_from_owners(assembly: Assembly, owners: list[tuple[Actor, tuple[int, int]]]) -> None:
    """A title held under another person takes that person's country ("Yeltsin spokesman X" -> RUS)."""
    for actor, (start, end) in owners:
        if actor.country:
            continue
        for other in assembly.actors.values():
            if other is not actor and other.country and any(s < end and start < e for s, e in other.mentions):
                actor.country = other.country
                break


def _countries_from_context(assembly: Assembly) -> None:
    """A state title without a country ("President Dmitry Medvedev") takes the country named nearest
    it in its sentence ("... said Russia would ...")."""
    doc = assembly.doc
    for actor in assembly.actors.values():
        if actor.type != "PERSON" or actor.country or actor.sector != "GOV" or not actor.mentions:
            continue
        start, _ = actor.mentions[0]
        sentence = assembly.all_sentences.of(start)
        skip = assembly.people - set(range(start, actor.mentions[0][1]))
        place = place_near(doc, sentence, start, skip)
        if place is not None:
            actor.country = place.iso3


def _add_other_names(assembly: Assembly, names: list[Name]) -> None:
    doc = assembly.doc
    lexicon = actor_lexicon()
    for name in names:
        if name.label == "NORP" and not _stands_alone(doc, name):
            continue
        key = ("ORG", name.canonical) if name.canonical else (name.label, name.text.lower())
        actor = assembly.actor(key, name.label, name.canonical or name.text)
        if not name.canonical and _better_name(name.text, actor.name):
            actor.name = name.text
        actor.add(name.start, name.end)
        assembly.taken.update(range(name.start, name.end))
        if actor.sector or (actor.country and name.label not in {"GPE", "LOC", "FAC"}):
            continue
        place = lexicon.place(name.text)
        if name.label in {"GPE", "LOC", "FAC"} and place is not None:
            actor.learn(None, place.iso3, None)
            if place.kind in {"country", "capital"} and _acts(doc, name):
                actor.learn(None, None, "GOV")
        elif name.label in {"GPE", "LOC", "FAC"}:
            actor.learn(None, town_country(doc, name.start, name.end), None)
        elif name.label in {"ORG", "NORP"}:
            country, sector = actor_code(doc[name.start:name.end])
            actor.learn(None, country, sector)


def _better_name(new: str, old: str) -> bool:
    """The longest form of a name, written in ordinary case ("Moscow" over a dateline's "MOSCOW")."""
    if old.isupper() != new.isupper():
        return old.isupper()
    return len(new) > len(old)


def _acts(doc: Doc, name: Name) -> bool:
    """Whether a country or capital acts as a state here: a subject, an owner, an agent."""
    root = doc[name.start:name.end].root
    while root.dep_ == "conj":
        root = root.head
    if root.dep_ in ACTING_DEPS:
        return True
    return root.dep_ == "pobj" and root.head.lower_ in {"by", "from", "between"}


def _stands_alone(doc: Doc, name: Name) -> bool:
    """A people named by its demonym ("South Ossetians"), not an adjective ("Russian troops")."""
    root = doc[name.start:name.end].root
    if root.dep_ in {"amod", "compound"} and root.head.i >= name.end:
        return False
    place = actor_lexicon().place(name.text)
    return place is None or place.kind == "people" or root.tag_ in {"NNPS", "NNS"}


def _add_title_actors(assembly: Assembly) -> None:
    people = [a for a in assembly.actors.values() if a.type == "PERSON" and a.role]
    for found in assembly.patterns.title_actors(assembly.doc, assembly.sentences, assembly.taken, assembly.words):
        holder = _holder(people, found.role, found.country, found.start) if found.definite else None
        if holder is None:
            text = assembly.doc[found.start:found.end].text
            key = ("TITLE", text.lower()) if found.definite else ("TITLE", found.start)
            holder = assembly.actor(key, "PERSON", text)
            holder.learn(found.role, found.country, found.sector)
        holder.add(found.start, found.end)
        assembly.taken.update(range(found.start, found.end))
        assembly.people.update(range(found.start, found.end))


def _holder(people: list[Actor], role: str, country: str | None, at: int) -> Actor | None:
    """The named person whose role a definite title phrase repeats ("the Georgian President"): the only
    one, else the one mentioned last before it."""
    role = role.lower()
    matches = [
        p for p in people
        if p.role and p.role.lower().split()[-1] == role.split()[-1]
        and (p.role.lower() == role or role.split()[-1] == role)
        and (country is None or p.country in {None, country})
    ]
    if len(matches) == 1:
        return matches[0]
    earlier = [(max(s for s, _ in p.mentions if s < at), i) for i, p in enumerate(matches)
               if any(s < at for s, _ in p.mentions)]
    return matches[max(earlier)[1]] if earlier else None


def _add_groups(assembly: Assembly) -> None:
    for group in group_actors(assembly.doc, assembly.sentences, assembly.taken, assembly.people, assembly.words):
        bare = group.end - group.start == len(group.head)
        actor = _earlier_group(assembly, group.head[-1]) if bare else None
        if actor is None:
            words = tuple(t.lower_ for t in assembly.doc[group.start:group.end])
            key = ("GROUP", group.country, group.sector, group.head, words)
            actor = assembly.actor(key, group.type, assembly.doc[group.start:group.end].text)
            actor.learn(None, group.country, group.sector)
        actor.add(group.start, group.end)


def _earlier_group(assembly: Assembly, head: str) -> Actor | None:
    """The group a bare noun repeats: "the forces" after "Georgian forces" (the most recently mentioned)."""
    best: Actor | None = None
    for key, actor in assembly.actors.items():
        if key[0] == "GROUP" and key[3][-1] == head and (best is None or max(actor.mentions) > max(best.mentions)):
            best = actor
    return best


def _add_pronouns(assembly: Assembly, text: str) -> None:
    """Third-person pronouns join the latest person before them (a subject first), within two sentences,
    never a person inside a quotation, never one whose known gender differs."""
    doc = assembly.doc
    owner: dict[tuple[int, int], Actor] = {}
    for actor in assembly.actors.values():
        if actor.type == "PERSON":
            for mention in actor.mentions:
                owner[mention] = actor
    if not owner:
        return
    gender = _genders(doc, assembly.actors.values())
    ordered = sorted(owner)
    starts = [s for s, _ in ordered]
    sentence_starts = assembly.all_sentences.starts
    pronouns = assembly.words.positions(frozenset(PRONOUNS))
    for sentence in assembly.sentences:
        for i in range(sentence.start, sentence.end):
            if i not in pronouns:
                continue
            token = doc[i]
            if token.pos_ != "PRON" or _inside_quote(text, sentence, token):
                continue
            wanted = PRONOUNS[token.lower_]
            window_start = sentence_starts[max(0, bisect_right(sentence_starts, token.i) - 1 - PRONOUN_WINDOW)]
            before = [m for m in ordered[:bisect_right(starts, token.i - 1)]
                      if m[0] >= window_start and gender.get(id(owner[m]), wanted) == wanted
                      and not _inside_quote(text, assembly.all_sentences.of(m[0]), doc[m[0]])]
            if not before:
                continue
            subjects = [m for m in before if doc[m[0]:m[1]].root.dep_ in SUBJECT_DEPS]
            actor = owner[(subjects or before)[-1]]
            actor.add(token.i, token.i + 1)
            gender[id(actor)] = wanted


def _genders(doc: Doc, actors) -> dict[int, str]:
    """What the text says of people's gender: an honorific before a mention, a gendered title."""
    found: dict[int, str] = {}
    for actor in actors:
        if actor.type != "PERSON":
            continue
        words = [doc[s - 1].lower_ for s, _ in actor.mentions if s > 0]
        words += (actor.role or "").lower().split()[-1:]
        for word in words:
            if word in GENDERED:
                found[id(actor)] = GENDERED[word]
                break
        else:
            given = _given_names().get(actor.name.split()[0]) if " " in actor.name else None
            if given is not None:
                found[id(actor)] = given
    return found


@cache
def _given_names() -> dict[str, str]:
    return {name: gender for name, gender in rows("actor_first_names.tsv")}


def _inside_quote(text: str, sentence: Span, token: Token) -> bool:
    before = text[sentence.start_char:token.idx]
    return (before.count('"') + before.count("“") + before.count("”")) % 2 == 1


def _records(assembly: Assembly, text: str) -> list[Entity]:
    doc = assembly.doc
    actors = [a for a in assembly.actors.values() if a.mentions]
    actors.sort(key=lambda a: min(a.mentions))
    records: list[Entity] = []
    for number, actor in enumerate(actors, 1):
        spans = sorted(set(actor.mentions))
        mentions = [_text_span(doc, text, s, e) for s, e in spans]
        code = (actor.country or "") + (actor.sector or "")
        records.append(Entity(f"e{number}", actor.type, actor.name, mentions, actor.role, actor.country,
                              actor.sector, code or None))
    return records


def _text_span(doc: Doc, text: str, start: int, end: int) -> TextSpan:
    s = doc[start].idx
    e = doc[end - 1].idx + len(doc[end - 1].text)
    return TextSpan.of(text, s, e)
