"""The reporting-cue lexicon: which words introduce what someone said, and where their content sits.

``lexicons/quote_cues.tsv`` rows: lemma, part of speech (VERB | NOUN | ADJ, the last a stance after a copula:
"was wary of"), the content frames the word takes in
order of preference (see ``frames.py``), and a weight in [0, 1] (how reliably the word reports speech).
``lexicons/quote_phrases.tsv`` rows: multi-word cues matched on lower-cased tokens ("according to").
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, partial

from spacy.attrs import LEMMA, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from eventwire.lexicons import DEFAULT_LANG, has, rows, word_map, words

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


def cue_tokens(doc: Doc, sentences: Iterable, rules: dict[tuple[str, str], CueRule],
               words: frozenset[str] = frozenset()) -> Iterable[Token]:
    """The tokens of ``sentences``, in order, that may be cues: a rule's lemma (in lower case) or a lower-case form
    in ``words``. Every other token's rule lookup finds nothing; they are skipped over spaCy's arrays, no Token
    made for them."""
    lemmas = frozenset(lemma for lemma, _ in rules)
    lowers = frozenset(get_string_id(w) for w in words)
    strings = doc.vocab.strings
    known: dict[int, bool] = {}
    positions = []
    for i, (lemma, lower) in enumerate(doc.to_array([LEMMA, LOWER]).tolist() if len(doc) else []):
        hit = known.get(lemma)
        if hit is None:
            hit = known[lemma] = strings[lemma].lower() in lemmas
        if hit or lower in lowers:
            positions.append(i)
    for sentence in sentences:
        for i in positions[bisect_left(positions, sentence.start):bisect_left(positions, sentence.end)]:
            yield doc[i]


# Nouns that name an act of saying ("statement", "interview"): "in a statement" is part of the cue.
speech_nouns = partial(words, "quote_speech_nouns.txt")
# Nouns that, after a clause-opening "in", name whose finding or view the clause gives ("In a poll, …").
view_nouns = partial(words, "quote_view_nouns.txt")
# Prepositions whose closing phrase is the writer's setting for a claim ("… amid fears of a flood").
setting_prepositions = partial(words, "quote_setting_prepositions.txt")
# Verbs whose subject utters their object noun: "issued a statement", "voiced concern that …".
speech_act_verbs = partial(words, "quote_speech_act_verbs.txt")
# Pronoun -> the kind of speaker it stands for: 'person', 'group', 'thing' or 'any'.
pronoun_kinds = partial(word_map, "quote_pronouns.tsv")
# Pronouns and honorifics that tell a person's gender: word -> 'm' | 'f'.
gender_words = partial(word_map, "quote_gender_words.tsv")
# Nouns for who speaks in a role or for a body ("minister", "ministry") -> 'person' | 'group'.
speaker_nouns = partial(word_map, "quote_speaker_nouns.tsv")
# Common given names -> 'm' | 'f', a hint for which person a "he" or a "she" can be.
given_names = partial(word_map, "quote_given_names.tsv")
# Prepositions whose phrase on a cue verb tells when, where or how it was said ("… in a post", "… at a rally").
circumstance_prepositions = partial(words, "quote_circumstance_prepositions.txt")
# Subordinators that set a second source's claim against the first (", while residents said …").
contrast_conjunctions = partial(words, "quote_contrast_conjunctions.txt")
# Subordinators whose closing clause is the writer's setting for a claim (", although …", ", when …").
setting_conjunctions = partial(words, "quote_setting_conjunctions.txt")


@cache
def subject_pronouns() -> frozenset[str]:
    """The gendered pronouns that can be a clause's subject ("he", "she")."""
    return frozenset(row[0].lower() for row in rows("quote_gender_words.tsv") if row[2:3] == ("subject",))
