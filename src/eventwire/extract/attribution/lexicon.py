"""The reporting-cue lexicon: which words introduce what someone said, and where their content sits.

``lexicons/quote_cues.tsv`` rows: lemma, part of speech (VERB | NOUN), the content frames the word takes in
order of preference (see ``frames.py``), and a weight in [0, 1] (how reliably the word reports speech).
``lexicons/quote_phrases.tsv`` rows: multi-word cues matched on lower-cased tokens ("according to").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from eventwire.lexicons import DEFAULT_LANG, has, lines, rows

MIN_WEIGHT = 0.0  # rows below this weight are kept in the file for reference but not used


@dataclass(frozen=True, slots=True)
class CueRule:
    lemma: str
    pos: str
    frames: tuple[str, ...]
    weight: float


@cache
def cue_rules(lang: str = DEFAULT_LANG) -> dict[tuple[str, str], CueRule]:
    """(lemma, POS) -> rule, from the cue lexicon (the language's own ``quote_cues.tsv`` where it has one)."""
    lang = lang if has("quote_cues.tsv", lang) else DEFAULT_LANG
    table: dict[tuple[str, str], CueRule] = {}
    for lemma, pos, frames, weight, *_ in rows("quote_cues.tsv", lang):
        rule = CueRule(lemma.lower(), pos.upper(), tuple(f for f in frames.split(",") if f), float(weight or 1))
        if rule.weight >= MIN_WEIGHT:
            table[(rule.lemma, rule.pos)] = rule
    return table


@cache
def speech_nouns() -> frozenset[str]:
    """Nouns that name an act of saying ("statement", "interview"): "in a statement" is part of the cue."""
    return frozenset(w.lower() for w in lines("quote_speech_nouns.txt"))


@cache
def view_nouns() -> frozenset[str]:
    """Nouns that, after a clause-opening "in", name whose finding or view the clause gives ("In a poll, …")."""
    return frozenset(w.lower() for w in lines("quote_view_nouns.txt"))


@cache
def setting_prepositions() -> frozenset[str]:
    """Prepositions whose closing phrase is the writer's setting for a claim ("… amid fears of a flood")."""
    return frozenset(w.lower() for w in lines("quote_setting_prepositions.txt"))


@cache
def circumstance_prepositions() -> frozenset[str]:
    """Prepositions whose phrase on a cue verb tells when, where or how it was said ("… in a post", "… at a rally")."""
    return frozenset(w.lower() for w in lines("quote_circumstance_prepositions.txt"))


@cache
def setting_conjunctions() -> frozenset[str]:
    """Subordinators whose closing clause is the writer's setting for a claim (", although …", ", when …")."""
    return frozenset(w.lower() for w in lines("quote_setting_conjunctions.txt"))


@cache
def pronoun_kinds() -> dict[str, str]:
    """Pronoun -> the kind of speaker it stands for: 'person', 'group', 'thing' or 'any'."""
    return {pronoun.lower(): kind for pronoun, kind, *_ in rows("quote_pronouns.tsv")}


@cache
def gender_words() -> dict[str, str]:
    """Pronouns and honorifics that tell a person's gender: word -> 'm' | 'f'."""
    return {word.lower(): gender for word, gender, *_ in rows("quote_gender_words.tsv")}


@cache
def speaker_nouns() -> dict[str, str]:
    """Nouns for who speaks in a role or for a body ("minister", "ministry") -> 'person' | 'group'."""
    return {noun.lower(): kind for noun, kind, *_ in rows("quote_speaker_nouns.tsv")}


@cache
def subject_pronouns() -> frozenset[str]:
    """The gendered pronouns that can be a clause's subject ("he", "she")."""
    return frozenset(row[0].lower() for row in rows("quote_gender_words.tsv") if row[2:3] == ("subject",))


@cache
def speech_act_verbs() -> frozenset[str]:
    """Verbs whose subject utters their object noun: "issued a statement", "voiced concern that …"."""
    return frozenset(w.lower() for w in lines("quote_speech_act_verbs.txt"))


@cache
def given_names() -> dict[str, str]:
    """Common given names -> 'm' | 'f', a hint for which person a "he" or a "she" can be."""
    return {name.lower(): gender for name, gender, *_ in rows("quote_given_names.tsv")}
