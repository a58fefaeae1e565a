"""Named mentions from spaCy's NER, corrected where news English fools it.

Corrections: determiners and possessive endings trimmed ("South Ossetia's" -> "South Ossetia"); titles
split off names ("Foreign Minister Sergei Lavrov"); names with digits dropped ("HTML5"); labels fixed
from the lexicons (countries are GPE, demonyms NORP, known organisations ORG); one label per name in a
document by majority, with surnames of people kept PERSON; names the model missed after a title
("President Bush") added; every later occurrence of a known name found again, whatever its case.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventwire.extract.actors.lexicon import actor_lexicon
from eventwire.extract.actors.phrases import (
    POSSESSIVE,
    Sentences,
    WordIndex,
    described_as_town,
    places_in,
    title_ending_at,
)

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
TRIM_LEFT = frozenset({"the", "a", "an"})
LOCATIVE = frozenset({"in", "near", "outside", "across"})
BODY_WORDS = frozenset({"office", "house", "palace", "staff", "administration", "government", "forces", "army",
                        "committee", "secretariat", "cabinet", "residence", "headquarters", "command"})
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "madam"})


@dataclass(slots=True)
class Name:
    """A named mention: token span, label, and the lexicon organisation it resolves to, if any."""

    start: int
    end: int
    label: str
    text: str
    canonical: str | None = None  # organisation name from the lexicon, or an acronym's expansion


def named_mentions(doc: Doc, text: str, skip: Callable[[int, int], bool], sentences: Sentences,
                   words: WordIndex) -> list[Name]:
    """Corrected named mentions, in document order, none inside boilerplate (``skip(start, end)``).

    ``text`` is the Doc's text (spaCy rebuilds ``doc.text`` on every access)."""
    capitals = _CapitalLines(text)
    names: list[Name] = []
    taken: set[int] = set()
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        name = _clean(ent)
        if name is not None and name.text.isupper() and capitals(ent.start_char) and not _known(name.text):
            continue  # NER guesses on all-capital lines; known names are found again below
        if name is None or skip(doc[name.start].idx, doc[name.end - 1].idx + len(doc[name.end - 1])):
            continue
        names.append(name)
        taken.update(range(name.start, name.end))
    names.extend(_names_after_titles(doc, taken, skip, sentences, words))
    names.extend(_lexicon_names(doc, taken, skip, words))
    names.sort(key=lambda n: n.start)
    _vote_labels(names)
    names.extend(_repeated_names(doc, text, names, skip, capitals))
    names.sort(key=lambda n: n.start)
    _link_acronyms(doc, names)
    return names


def _clean(ent: Span) -> Name | None:
    doc = ent.doc
    start, end = ent.start, ent.end
    while start < end and doc[start].lower_ in TRIM_LEFT:
        start += 1
    while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct and doc[end - 1].text != "."):
        end -= 1
    if start < end and ent.label_ == "PERSON":
        start = _after_title(doc, start, end)
    if start >= end:
        return None
    span = doc[start:end]
    text = span.text
    if not any(c.isalpha() for c in text) or (text.islower() and ent.label_ != "NORP"):
        return None
    if ent.label_ == "PERSON" and any(c.isdigit() for c in text):
        return None
    return Name(start, end, _corrected_label(span, ent.label_), text, _canonical(text))


def _corrected_label(span: Span, label: str) -> str:
    """The label the lexicons and the sentence give, where they disagree with the model."""
    text = span.text
    label = _lexicon_label(text, label)
    if label not in {"NORP", "GPE"} and (_demonyms_only(span) or _people_word(text)):
        return "NORP"  # "Bosnian Serbs", "Hutu"
    if label in {"PERSON", "ORG", "NORP", "FAC"} and not _known(text) and (
            described_as_town(span.doc, span.start, span.end) is not None
            or label == "PERSON" and _single_word_in_place(span)):
        return "GPE"  # "the Chechen capital, Grozny", "the Syrian city of Aleppo", "in Alexandria"
    return label


def _after_title(doc: Doc, start: int, end: int) -> int:
    """The first token of a person's name inside an entity that begins with a title."""
    for cut in range(end - 1, start, -1):
        title = title_ending_at(doc, cut, start)
        if title is not None and title[0] == start:
            return cut
    while start < end - 1 and doc[start].lower_ in HONORIFICS:
        start += 1
    return start


def _lexicon_label(text: str, label: str) -> str:
    lexicon = actor_lexicon()
    if lexicon.organisation(text) is not None and label != "PERSON":
        return "ORG"
    place = lexicon.place(text)
    if place is not None:
        return "NORP" if place.kind in {"adjective", "people"} else "GPE"
    return label


def _single_word_in_place(span: Span) -> bool:
    """One capitalised word governed by "in" or "near" ("in Alexandria") is a place, not a person."""
    root = span.root
    return len(span) == 1 and root.dep_ == "pobj" and root.head.lower_ in LOCATIVE


def _people_word(text: str) -> bool:
    """An ethnic or religious group's name ("Hutu", "Kurds"), which NER often takes for a person."""
    nouns = actor_lexicon().nouns_by_key
    for key in (text.lower(), text.lower() + "s"):
        noun = nouns.get((key,))
        if noun is not None and noun.type == "NORP" and text[:1].isupper():
            return True
    return False


def _demonyms_only(span: Span) -> bool:
    """A name made of country words ending in a people: "Bosnian Serbs"."""
    places = places_in(span)
    covered = sum(len(p) for p, _ in places)
    return bool(places) and covered == len(span) and places[-1][1].kind == "people"


def _known(text: str) -> bool:
    lexicon = actor_lexicon()
    return lexicon.place(text) is not None or lexicon.organisation(text) is not None


def _canonical(text: str) -> str | None:
    organisation = actor_lexicon().organisation(text)
    return organisation.name if organisation else None


def _names_after_titles(doc: Doc, taken: set[int], skip: Callable[[int, int], bool],
                        sentences: Sentences, words: WordIndex) -> list[Name]:
    """Capitalised words right after a capitalised title that NER left out: "President Bush"."""
    found: list[Name] = []
    for title_end in sorted(words.positions(actor_lexicon().title_last_words)):
        i = title_end + 1
        if i >= len(doc) or i in taken or not doc[title_end].text[:1].isupper():
            continue
        if doc[title_end].ent_type_ == "ORG" or title_end > 0 and doc[title_end - 1].lower_ == "the":
            continue  # "the General Staff" names a body, not General Staff the person
        token = doc[i]
        if token.pos_ != "PROPN" or not token.text[:1].isupper() or title_ending_at(doc, i) is None:
            continue
        if token.lower_ in BODY_WORDS or token.lower_ in actor_lexicon().modifiers:
            continue  # "Prime Minister Office", "General Staff"
        if found and found[-1].end > i:
            continue
        end = i
        while end < len(doc) and end not in taken and doc[end].tag_ == "NNP" and doc[end].text[:1].isupper():
            end += 1
        if end == i or _headline(sentences.of(i)):
            continue
        text = doc[i:end].text
        if not _known(text) and not skip(doc[i].idx, doc[end - 1].idx + len(doc[end - 1])):
            found.append(Name(i, end, "PERSON", text))
    return found


def _lexicon_names(doc: Doc, taken: set[int], skip: Callable[[int, int], bool], words: WordIndex) -> list[Name]:
    """Countries and known organisations the model did not tag ("SPLM/A", a sentence-initial "Uzbekistan")."""
    lexicon = actor_lexicon()
    found: list[Name] = []
    covered = set(taken)
    for i in sorted(words.positions(lexicon.name_first_words_lower)):
        if i in covered or not doc[i].text[:1].isupper():
            continue
        for j in range(min(len(doc), i + 8), i, -1):
            if j - 1 in covered or doc[j - 1].is_space or doc[j - 1].is_punct and doc[j - 1].text != ".":
                continue
            text = doc[i:j].text
            organisation = lexicon.organisation(text)
            place = lexicon.place(text) if organisation is None else None
            if organisation is None and (place is None or place.kind not in {"country", "region", "capital"}):
                continue
            if not skip(doc[i].idx, doc[j - 1].idx + len(doc[j - 1])):
                canonical = organisation.name if organisation else None
                found.append(Name(i, j, "ORG" if organisation else "GPE", text, canonical))
                covered.update(range(i, j))
            break
    return found


def _headline(sentence: Span) -> bool:
    """A title-case line ("Civilian Casualties Feared"), where capitals say nothing about names."""
    words = [t for t in sentence if t.is_alpha and len(t) > 3]
    return len(words) >= 2 and all(t.text[:1].isupper() for t in words)


def _vote_labels(names: list[Name]) -> None:
    """One label per name in a document; single words that end a person's full name are PERSON."""
    surnames = {n.text.split()[-1] for n in names if n.label == "PERSON" and len(n.text.split()) > 1}
    votes: dict[str, Counter] = defaultdict(Counter)
    for name in names:
        votes[name.text][name.label] += 1
    for name in names:
        if name.canonical is not None:
            continue
        if name.text in surnames and actor_lexicon().place(name.text) is None:
            name.label = "PERSON"
            continue
        counts = votes[name.text]
        best = max(counts.items(), key=lambda kv: (kv[1], kv[0] != "PERSON"))[0]
        name.label = best


def _repeated_names(doc: Doc, text: str, names: list[Name], skip: Callable[[int, int], bool],
                    capitals: _CapitalLines) -> list[Name]:
    """Occurrences of people's and organisations' names the model missed (all-capital lines, surnames)."""
    wanted: dict[str, str] = {}
    for name in names:
        if name.label in {"PERSON", "ORG"} and len(name.text) > 2:
            wanted.setdefault(name.text.lower(), name.label)
            if name.label == "PERSON" and name.end - name.start > 1 and _surname_alone_is_a_name(doc[name.end - 1]):
                wanted.setdefault(doc[name.end - 1].lower_, "PERSON")
    if not wanted:
        return []
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lowered; offsets would drift
        return []
    covered = bytearray(len(text))
    for n in names:
        start, end = doc[n.start].idx, doc[n.end - 1].idx + len(doc[n.end - 1])
        covered[start:end] = b"\x01" * (end - start)
    found: list[Name] = []
    for words in sorted(wanted, key=len, reverse=True):
        at = lowered.find(words)
        while at != -1:
            end = at + len(words)
            if _whole_word(lowered, at, end) and covered.find(1, at, end) == -1:
                name = _name_at(doc, text, at, end, wanted[words], skip, capitals)
                if name is not None:
                    found.append(name)
                    covered[at:end] = b"\x01" * (end - at)
            at = lowered.find(words, end)
    return found


def _whole_word(text: str, start: int, end: int) -> bool:
    return (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum())


def _name_at(doc: Doc, text: str, start: int, end: int, label: str, skip: Callable[[int, int], bool],
             capitals: _CapitalLines) -> Name | None:
    found_text = text[start:end]
    if found_text.islower() or (found_text.isupper() and not capitals(start)) or skip(start, end):
        return None
    span = doc.char_span(start, end, alignment_mode="strict")
    return Name(span.start, span.end, label, found_text) if span is not None else None


def _surname_alone_is_a_name(token: Token) -> bool:
    text = token.text
    return len(text) > 2 and text[:1].isupper() and not text.isupper() and actor_lexicon().place(text) is None


class _CapitalLines:
    """Whether the line around an offset is written in capitals (a headline, a slug), cached per line."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.seen: dict[int, bool] = {}

    def __call__(self, at: int) -> bool:
        line_start = self.text.rfind("\n", 0, at) + 1
        if line_start not in self.seen:
            line_end = self.text.find("\n", at)
            line = self.text[line_start:line_end if line_end != -1 else len(self.text)]
            letters = [c for c in line if c.isalpha()]
            self.seen[line_start] = bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8
        return self.seen[line_start]


def _link_acronyms(doc: Doc, names: list[Name]) -> None:
    """"International Committee of the Red Cross (ICRC)": the acronym in brackets names the same body."""
    by_start = {n.start: n for n in names}
    canonical_of: dict[str, str] = {}
    for name in names:
        if name.label != "ORG":
            continue
        after = name.end
        if after + 2 < len(doc) and doc[after].text == "(" and doc[after + 2].text == ")":
            acronym = by_start.get(after + 1)
            if acronym is not None and acronym.text.isupper():
                key = name.canonical or name.text
                acronym.canonical = acronym.canonical or key
                name.canonical = name.canonical or key
                canonical_of[acronym.text] = key
    for name in names:
        if name.canonical is None and name.text in canonical_of:
            name.canonical = canonical_of[name.text]
