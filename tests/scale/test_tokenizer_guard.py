"""The guarded tokenizer regexes give the stock tokens, and each guard row is proved against spaCy's pattern."""

from __future__ import annotations

import re
from re import _constants as sre_constants  # the regex parser, to prove a guard row (Python 3.11+)
from re import _parser as sre_parse

import pytest
import spacy
from spacy.tokenizer import Tokenizer

from eventwire import lexicons
from eventwire.parse import MODELS
from eventwire.tokenizer_guard import GUARDS, GuardedMatch, guard_tokenizer

# Written for these tests: hyphenated compounds, elisions, URLs, dotted abbreviations, dashes.
FRENCH = [
    "Le porte-parole de l'armée a affirmé aujourd'hui que la contre-attaque avait échoué près de Saint-Louis.",
    "Selon le site www.exemple-info.fr, les casques bleus ont quitté l'aéroport vers 6 h 30 — sans incident.",
    "« C'est un cessez-le-feu de façade », a dit Jean-Pierre M. à l’envoyé de http://radio.exemple.org/direct.",
    "Les États-Unis et l'Union africaine ont appelé à l'arrêt des combats ; entr'ouverte, la frontière reste tendue.",
    "Le sous-préfet a fait état de vingt-trois morts, dont des grands-parents, et d'un black-out d'une nuit.",
]
ENGLISH = [
    "The ministry's site, data.example.gov/tolls, listed 1.5 million displaced — up from 900,000 in May.",
    "A self-described spokesman e-mailed reporters at 6 a.m. from a Gmail address, user.name@example.com.",
]


def needs_one_of(pattern: str, allowed: str) -> bool:
    """Whether every match of ``pattern`` must hold one of the characters ``allowed`` (non-letters only, which
    case-insensitive matching leaves as they are); False when that cannot be shown."""
    assert not any(ch.isalnum() or ch.lower() != ch.upper() for ch in allowed)
    return _needs(sre_parse.parse(pattern), set(allowed))


def _needs(items, allowed: set[str]) -> bool:
    return any(_needs_one(op, arg, allowed) for op, arg in items)


def _needs_one(op, arg, allowed: set[str]) -> bool:
    c = sre_constants
    if op is c.LITERAL:
        return chr(arg) in allowed
    if op is c.IN:
        chars = [chr(v) for o, v in arg if o is c.LITERAL]
        return len(chars) == len(arg) and set(chars) <= allowed  # no NEGATE, RANGE or CATEGORY
    if op is c.SUBPATTERN:
        return _needs(arg[-1], allowed)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        return arg[0] >= 1 and _needs(arg[2], allowed)
    if op is c.BRANCH:
        return all(_needs(branch, allowed) for branch in arg[1])
    return False


def test_the_prover_finds_what_a_pattern_needs():
    assert needs_one_of(r"^a[-–]b$", "-–")
    assert not needs_one_of(r"^a[-–]b$", "-")  # "a–b" holds no hyphen
    assert needs_one_of(r"^(?:x\.y|[ab]:c)$", ".:")
    assert needs_one_of(r"^(?:x y-z|a-b)$", "-")  # a branch may need other characters as well
    assert not needs_one_of(r"^x(?:-)?y$", "-")  # an optional hyphen is not needed
    assert not needs_one_of(r"^(?:a-b|cd)$", "-")  # one branch needs nothing
    assert not needs_one_of(r"^[^-]+$", "-")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_guard_row_is_proved_on_the_installed_pattern(lang):
    nlp = spacy.load(MODELS[lang])
    rows = lexicons.rows(GUARDS, lang)
    assert rows
    for attribute, needed, *_ in rows:
        stock = getattr(nlp.tokenizer, attribute)
        assert needs_one_of(stock.__self__.pattern, needed), attribute


@pytest.mark.parametrize(("lang", "texts"), [("fr", FRENCH), ("en", ENGLISH)])
def test_guarded_tokens_are_the_stock_tokens(lang, texts):
    stock, guarded = spacy.load(MODELS[lang]), spacy.load(MODELS[lang])
    guard_tokenizer(guarded)
    assert isinstance(guarded.tokenizer.url_match, GuardedMatch)
    for text in texts:
        assert [t.text for t in guarded.tokenizer(text)] == [t.text for t in stock.tokenizer(text)]
    if lang == "fr":
        assert isinstance(guarded.tokenizer.token_match, GuardedMatch)
        assert "porte-parole" in [t.text for t in guarded.tokenizer(FRENCH[0])]  # kept whole by token_match
        assert "www.exemple-info.fr" in [t.text for t in guarded.tokenizer(FRENCH[1])]  # kept whole by url_match


def test_a_guarded_tokenizer_saves_the_stock_regexes():
    nlp, stock = spacy.load(MODELS["fr"]), spacy.load(MODELS["fr"])
    guard_tokenizer(nlp)
    copy = Tokenizer(nlp.vocab).from_bytes(nlp.tokenizer.to_bytes())
    for attribute in ("token_match", "url_match"):
        assert getattr(copy, attribute).__self__.pattern == getattr(stock.tokenizer, attribute).__self__.pattern
    assert [t.text for t in copy(FRENCH[2])] == [t.text for t in nlp.tokenizer(FRENCH[2])]


def test_a_text_without_the_needed_characters_is_answered_without_the_regex():
    asked: list[str] = []
    guard = GuardedMatch(lambda text: asked.append(text) or re.match(r"^a-b$", text), "-")
    assert guard("ab") is None and asked == []
    assert guard("a-b") is not None and asked == ["a-b"]
