"""The word patterns a report uses to count its dead and hurt, built once per language from
``casualty_words.tsv`` and ``casualty_none.tsv`` (eventwire/lexicons): a count before a word of death in a
headline ("3 dead"), a count of the shot ("four people were shot", "shot two men", "a triple shooting"),
"a double homicide", "no one was hurt", and the words of death and wounding themselves.

Each reader returns matches (positions in the text it was given) so that the counts keep their evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from eventwire.extract.numbers.words import word_value, word_values
from eventwire.lexicons import has, rows

WORDS_FILE = "casualty_words.tsv"
NONE_FILE = "casualty_none.tsv"


def _words(table: tuple[tuple[str, ...], ...], kind: str) -> list[str]:
    return sorted((row[1] for row in table if row[0] == kind), key=len, reverse=True)


def _any(table: tuple[tuple[str, ...], ...], *kinds: str) -> str:
    """The phrases of ``kinds`` as one regex alternation, longest first, any white space between words."""
    entries = sorted({w for kind in kinds for w in _words(table, kind)}, key=len, reverse=True)
    if not entries:
        return "(?!)"  # a class a language leaves empty matches nothing (an empty alternation would match anywhere)
    return "(?:" + "|".join(re.escape(w).replace("\\ ", r"\s+") for w in entries) + ")"


@dataclass(frozen=True)
class Patterns:
    """The compiled patterns of one language."""

    death: re.Pattern[str]
    weak_death: re.Pattern[str]
    wound: re.Pattern[str]
    title_wound: re.Pattern[str]
    another_hurt: re.Pattern[str]
    one_hurt: re.Pattern[str]
    title_count: dict[str, re.Pattern[str]]
    title_shot: re.Pattern[str]
    others: re.Pattern[str]
    hit: re.Pattern[str]
    shot_dead: re.Pattern[str]
    shot: tuple[re.Pattern[str], ...]
    multiple: dict[str, int]
    multiple_killing: re.Pattern[str]
    multiple_shooting: re.Pattern[str]
    none: re.Pattern[str]
    none_fields: dict[tuple[str, str], tuple[str, ...]]
    not_count: re.Pattern[str]
    age_after: re.Pattern[str]
    harm_before: re.Pattern[str]
    title_part: re.Pattern[str]
    count_wound: re.Pattern[str]
    harm_after: re.Pattern[str]
    toll_before: re.Pattern[str]
    partitive: re.Pattern[str]
    unreal_before: re.Pattern[str]
    unreal_after: re.Pattern[str]
    aggregate: re.Pattern[str]
    superlative_before: re.Pattern[str]


TOLL_REACH = 80  # characters between a toll's noun and its number ("the toll from Monday's bombing … rose to 11")


@cache
def patterns(lang: str = "en") -> Patterns:
    """The patterns of ``lang``, or English ones where the language has no casualty words of its own."""
    lang = lang if has(WORDS_FILE, lang) else "en"
    t = rows(WORDS_FILE, lang)
    flags = re.IGNORECASE
    small = sorted((w for w, (value, kind) in word_values()[0].items() if kind == "unit" and 0 < value < 20),
                   key=len, reverse=True)
    number = r"(\d{1,3}|" + "|".join(map(re.escape, small)) + ")"
    few = r"(?:[\w-]+\s+)"
    multiple = {row[1].lower(): int(row[2]) for row in t if row[0] in ("multiple", "self_killing")}
    none_table = rows(NONE_FILE, lang if has(NONE_FILE, lang) else "en")
    none_fields = {(word, form): tuple(fields.split(",")) for word, form, fields in none_table}
    participles = "|".join(word for word, form in none_fields if form == "participle")
    nouns = "|".join(word for word, form in none_fields if form == "noun")
    return Patterns(
        death=re.compile(rf"\b{_any(t, 'death')}\b", flags),
        weak_death=re.compile(rf"\b{_any(t, 'weak_death')}\b", flags),
        wound=re.compile(rf"\b{_any(t, 'wound')}\b", flags),
        title_wound=re.compile(rf"\b{_any(t, 'title_wound')}\b", flags),
        another_hurt=re.compile(rf"\b{_any(t, 'another')}\b[^.]{{0,60}}?\b{_any(t, 'survived')}\b", flags),
        one_hurt=re.compile(rf"\b{_any(t, 'one')}\s+{few}{{0,2}}{_any(t, 'was')}\s+(?:{_any(t, 'also')}\s+)?"
                            rf"{_any(t, 'hurt')}\b", flags),
        title_count={"killed": re.compile(rf"\b{number}\s+{few}?{_any(t, 'count_death')}\b", flags),
                     "injured": re.compile(rf"\b{number}\s+{few}?{_any(t, 'count_wound')}\b", flags)},
        title_shot=re.compile(rf"\b{number}\s+{few}?{_any(t, 'shooter')}\b", flags),
        others=re.compile(rf"\b{_any(t, 'others')}\b", flags),
        hit=re.compile(rf"\b{_any(t, 'hit')}\b", flags),
        shot_dead=re.compile(rf"\s*,?\s*{_any(t, 'shot_dead')}\b", flags),
        shot=(re.compile(rf"\b{number}\s+{few}{{0,2}}{_any(t, 'were')}\s+{_any(t, 'hit', 'wounded')}\b", flags),
              re.compile(rf"\b{_any(t, 'shooter')}\s+{number}\s+{few}{{0,2}}{_any(t, 'people')}\b", flags),
              re.compile(rf"\b{number}\s+{few}{{0,1}}{_any(t, 'people')}\s+{_any(t, 'shooter', 'wounded')}\b",
                         flags)),
        multiple=multiple,
        multiple_killing=re.compile(
            rf"\b({_any(t, 'multiple')})[- ](?:{_any(t, 'killing_modifier')}[- ])?{_any(t, 'killing_noun')}s?\b"
            rf"|\b({_any(t, 'self_killing')})\b", flags),
        multiple_shooting=re.compile(rf"\b({_any(t, 'multiple')})[- ]{_any(t, 'shooting_noun')}", flags),
        none=re.compile(rf"\b{_any(t, 'nobody')}\s+{_any(t, 'none_aux')}\s+"
                        rf"(?:{_any(t, 'none_participle_modifier')}\s+)?({participles})\b"
                        rf"|\b{_any(t, 'none_determiner')}\s+(?:{_any(t, 'none_noun_modifier')}\s+)?({nouns})\b",
                        flags),
        none_fields=none_fields,
        not_count=re.compile(rf"\b{_any(t, 'not_count')}\b", flags),
        age_after=re.compile(rf"^\s*(?:-?\s*{_any(t, 'age')}|-{_any(t, 'age')}|\)|to \d)", flags),
        title_part=re.compile(rf"(?:(?!\s+{_any(t, 'part_joiner')}\s+)[^,;])+", flags),
        count_wound=re.compile(rf"\b{_any(t, 'count_wound')}\b", flags),
        harm_before=re.compile(rf"\b{_any(t, 'harm_verb')}\W{{0,3}}$", flags),
        harm_after=re.compile(rf"^\W{{0,3}}(?:{_any(t, 'people', 'others')}\s+)?{_any(t, 'harm_verb')}\b", flags),
        partitive=re.compile(rf"^\S+\s+{_any(t, 'partitive')}\b", flags),
        unreal_before=re.compile(rf"\b{_any(t, 'unreal_before')}\W{{0,2}}$", flags),
        unreal_after=re.compile(rf"^\s+{_any(t, 'unreal_after')}\b", flags),
        superlative_before=re.compile(rf"\b{_any(t, 'superlative')}\b[^.;,]*$", flags),
        aggregate=re.compile(rf"\b{_any(t, 'aggregate_in')}\s+(?:\d+|{_any(t, 'aggregate_count')})\s+(?:[\w-]+\s+)?"
                             rf"{_any(t, 'aggregate_noun')}\b|\b{_any(t, 'aggregate_across')}\s+"
                             rf"{_any(t, 'aggregate_area')}\b", flags),
        toll_before=re.compile(
            rf"\b{_any(t, 'toll_noun')}\b[^.;!?\n]{{0,{TOLL_REACH}}}?\b{_any(t, 'toll_link')}\W{{0,3}}$", flags),
    )


def real_harm(pattern: re.Pattern[str], text: str, lang: str = "en") -> re.Match[str] | None:
    """The first match of a word of death that tells of a death: not negated, attempted or hypothetical
    ("non-fatal", "attempted murder", "could have been killed", "nobody died"), nor a thing ("a deadly weapon")."""
    p = patterns(lang)
    for match in pattern.finditer(text):
        start, end = match.span()
        before, after = text[max(0, start - 30) : start], text[end : end + 20]
        if not p.unreal_before.search(before) and not p.unreal_after.match(after):
            return match
    return None


def title_survivor(title: str, lang: str = "en") -> re.Match[str] | None:
    """The word of wounding in a headline that tells of a death in one part and a wound in another ("Man
    killed, woman wounded in …", "Teen dies; child hurt"): one survivor beside the dead."""
    p = patterns(lang)
    parts = [m for m in p.title_part.finditer(title)]
    dying = [i for i, m in enumerate(parts) if p.death.search(m.group(0))]
    for i, part in enumerate(parts):
        wound = p.count_wound.search(part.group(0))
        if wound and dying and any(j != i for j in dying) and not p.death.search(part.group(0)):
            return p.count_wound.search(title, part.start(), part.end())
    return None


def bare_count(text: str, start: int, end: int, lang: str = "en") -> bool:
    """Whether a number written alone (no noun: "49", "2") at ``start:end`` counts people: only next to a word
    of harm ("killed 49", "kill 2, injure 2", "the 22 hurt"), not a channel, road, phone number or photo
    counter ("Local News 8", "Route 35", "called 911", "Image 2 of 8")."""
    p = patterns(lang)
    return bool(p.harm_before.search(text[max(0, start - 30) : start]) or p.harm_after.match(text[end : end + 30])
                or p.toll_before.search(text[max(0, start - TOLL_REACH - 30) : start]))


def count_value(word: str) -> int:
    """A count as the patterns matched it: digits, or a number word (eventwire.extract.numbers)."""
    return int(word) if word.isdigit() else word_value(word) or 0


def title_counts(title: str, lang: str = "en") -> dict[str, re.Match[str]]:
    """The counts a headline states outright ("1 dead, 3 wounded in …"): the match of each field."""
    found = {}
    for field, pattern in patterns(lang).title_count.items():
        match = pattern.search(title)
        if match:
            found[field] = match
    return found


def shot_match(title: str, lead: str, lang: str = "en") -> tuple[re.Match[str], bool, bool] | None:
    """The count of people the headline, else the lead, says were shot: its match, whether it is in the
    headline, and whether they are ``others`` beside the killed ("one killed, four others shot") rather than
    all who were hit ("5 shot, 1 killed")."""
    p = patterns(lang)
    match = p.title_shot.search(title)
    if match and not p.shot_dead.match(title, match.end()):
        return match, True, bool(p.others.search(match.group(0)))
    found = first_shot(lead, lang)
    return (found[0], False, found[1]) if found else None


def first_shot(text: str, lang: str = "en") -> tuple[re.Match[str], bool] | None:
    """The first count of the shot in ``text``, and whether it counts survivors only ("four others were shot",
    "three people were wounded") rather than all who were hit."""
    p = patterns(lang)
    found = []
    for pattern in p.shot:
        match = next((m for m in pattern.finditer(text) if not p.shot_dead.match(text, m.end())), None)
        if match:
            survivors = bool(p.others.search(match.group(0))) or not p.hit.search(match.group(0))
            found.append((match.start(), match, survivors))
    match = p.multiple_shooting.search(text)
    if match:
        found.append((match.start(), match, False))
    if not found:
        return None
    _, match, survivors = min(found, key=lambda item: item[0])
    return match, survivors


def shot_value(match: re.Match[str], lang: str = "en") -> int:
    """The count a match of :func:`first_shot` or :func:`shot_match` stands for."""
    multiple = patterns(lang).multiple.get(match.group(1).lower())
    return multiple if multiple is not None else count_value(match.group(1))


def people_shot(text: str, lang: str = "en") -> int | None:
    """How many people the text first says were shot ("four people were shot", "a triple shooting")."""
    found = first_shot(text, lang)
    return shot_value(found[0], lang) if found else None


def none_reported(text: str, lang: str = "en") -> list[tuple[re.Match[str], tuple[str, ...]]]:
    """Each statement that none were hurt ("No one was hurt" sets killed and injured to 0) and its fields."""
    p = patterns(lang)
    found = []
    for match in p.none.finditer(text):
        word = (match.group(1) or match.group(2)).lower()
        found.append((match, p.none_fields[(word, "participle" if match.group(1) else "noun")]))
    return found


def multiple_killed(text: str, lang: str = "en") -> tuple[re.Match[str], int] | None:
    """"A double homicide", "a murder-suicide": the match and how many died."""
    p = patterns(lang)
    match = p.multiple_killing.search(text)
    return (match, p.multiple[match.group(match.lastindex or 1).lower()]) if match else None
