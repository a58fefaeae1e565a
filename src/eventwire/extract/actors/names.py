"""Named mentions from spaCy's NER, corrected where news English fools it.

Corrections: determiners and possessive endings trimmed ("South Ossetia's" -> "South Ossetia"); titles
split off names ("Foreign Minister Sergei Lavrov"); names with digits dropped ("HTML5"); labels fixed
from the lexicons (countries are GPE, demonyms NORP, known organisations ORG); one label per name in a
document by majority, with surnames of people kept PERSON; names the model missed after a title
("President Bush") added; every later occurrence of a known name found again, whatever its case.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from eventwire.extract.actors.lexicon import actor_lexicon
from eventwire.extract.actors.phrases import POSSESSIVE, title_ending_at

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
TRIM_LEFT = frozenset({"the", "a", "an"})
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "madam"})


@dataclass(slots=True)
class Name:
    """A named mention: token span, label, and the lexicon organisation it resolves to, if any."""

    start: int
    end: int
    label: str
    text: str
    canonical: str | None = None  # organisation name from the lexicon, or an acronym's expansion


def named_mentions(doc: Doc, skip: Callable[[int, int], bool]) -> list[Name]:
    """Corrected named mentions, in document order, none inside boilerplate (``skip(start, end)``)."""
    names: list[Name] = []
    taken: set[int] = set()
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        name = _clean(ent)
        if name is not None and _in_capitals_line(doc.text, ent.start_char) and not _known(name.text):
            continue  # NER guesses on all-capital lines; known names are found again below
        if name is None or skip(doc[name.start].idx, doc[name.end - 1].idx + len(doc[name.end - 1])):
            continue
        names.append(name)
        taken.update(range(name.start, name.end))
    names.extend(_names_after_titles(doc, taken, skip))
    names.sort(key=lambda n: n.start)
    _vote_labels(names)
    names.extend(_repeated_names(doc, names, skip))
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
    return Name(start, end, _lexicon_label(text, ent.label_), text, _canonical(text))


def _after_title(doc: Doc, start: int, end: int) -> int:
    """The first token of a person's name inside an entity that begins with a title."""
    for cut in range(end - 1, start, -1):
        if title_ending_at(doc, cut, start) is not None and title_ending_at(doc, cut, start)[0] == start:
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


def _known(text: str) -> bool:
    lexicon = actor_lexicon()
    return lexicon.place(text) is not None or lexicon.organisation(text) is not None


def _canonical(text: str) -> str | None:
    organisation = actor_lexicon().organisation(text)
    return organisation.name if organisation else None


def _names_after_titles(doc: Doc, taken: set[int], skip: Callable[[int, int], bool]) -> list[Name]:
    """Capitalised words right after a capitalised title that NER left out: "President Bush"."""
    found: list[Name] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if i in taken or not token.text[:1].isupper() or token.pos_ != "PROPN" or i == 0:
            i += 1
            continue
        title = title_ending_at(doc, i)
        if title is None or not doc[i - 1].text[:1].isupper():
            i += 1
            continue
        end = i
        while end < len(doc) and end not in taken and doc[end].tag_ == "NNP" and doc[end].text[:1].isupper():
            end += 1
        if _headline(token.sent):
            i = max(end, i + 1)
            continue
        text = doc[i:end].text
        known = actor_lexicon().place(text) is not None or actor_lexicon().organisation(text) is not None
        if end > i and not known and not skip(doc[i].idx, doc[end - 1].idx + len(doc[end - 1])):
            found.append(Name(i, end, "PERSON", text))
        i = max(end, i + 1)
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


def _repeated_names(doc: Doc, names: list[Name], skip: Callable[[int, int], bool]) -> list[Name]:
    """Occurrences of people's and organisations' names the model missed (all-capital lines, surnames)."""
    wanted: dict[str, str] = {}
    for name in names:
        if name.label in {"PERSON", "ORG"} and len(name.text) > 2:
            wanted.setdefault(name.text.lower(), name.label)
            if name.label == "PERSON" and len(name.text.split()) > 1:
                surname = name.text.split()[-1]
                if len(surname) > 2 and actor_lexicon().place(surname) is None:
                    wanted.setdefault(surname.lower(), "PERSON")
    if not wanted:
        return []
    covered = [False] * (len(doc.text) + 1)
    for name in names:
        for c in range(doc[name.start].idx, doc[name.end - 1].idx + len(doc[name.end - 1])):
            covered[c] = True
    alternatives = sorted(wanted, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(a) for a in alternatives) + r")\b", re.IGNORECASE)
    found: list[Name] = []
    for match in pattern.finditer(doc.text):
        s, e = match.span()
        if any(covered[s:e]) or skip(s, e):
            continue
        text = match.group()
        if text.islower() or (text.isupper() and not _in_capitals_line(doc.text, s)):
            continue
        span = doc.char_span(s, e, alignment_mode="strict")
        if span is None:
            continue
        found.append(Name(span.start, span.end, wanted[text.lower()], text))
        for c in range(s, e):
            covered[c] = True
    return found


def _in_capitals_line(text: str, at: int) -> bool:
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line = text[line_start:line_end if line_end != -1 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _link_acronyms(doc: Doc, names: list[Name]) -> None:
    """"Organization for Security and Cooperation in Europe (OSCE)": the acronym names the same body."""
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
