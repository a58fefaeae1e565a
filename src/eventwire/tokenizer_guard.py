"""A cheaper ``token_match`` / ``url_match`` for spaCy's tokenizer: the same tokens, the regex run less often.

The tokenizer asks both regexes about every whitespace-separated chunk of text and about every piece left as
it strips prefixes and suffixes, and it does not cache the answers. French's ``token_match`` is an alternation
of 266 patterns (``^porte[-]…$``, ``^entr['’]…$``): over half the French tokenizer's time (0.52 s -> 0.24 s
with the guard, on 162 documents), a tenth of the whole pipeline's. Yet every one of its patterns needs a
hyphen or an elision mark, and a URL needs a full stop, so a chunk holding none of those characters cannot
match: the guard answers it without the regex.

Which characters a regex needs is data, ``lexicons/<lang>/tokenizer_guards.tsv`` (one row per tokenizer
attribute). ``tests/scale/test_tokenizer_guard.py`` proves each row against the installed spaCy's pattern,
so a spaCy whose pattern could match without them fails the suite instead of changing tokens.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.language import Language

from eventwire import lexicons

GUARDS = "tokenizer_guards.tsv"
Match = Callable[[str], Any]


class GuardedMatch:
    """``match(text)`` only for a text holding one of ``needed``; else None, as the regex would answer.

    ``__self__`` is the regex, as on the bound ``Pattern.match`` this stands for: spaCy serialises a tokenizer
    by ``token_match.__self__.pattern``, so a saved pipeline keeps the stock regex."""

    def __init__(self, match: Match, needed: str) -> None:
        self.match = match
        self.__self__ = getattr(match, "__self__", None)
        self._holds = re.compile("[" + re.escape(needed) + "]").search

    def __call__(self, text: str) -> Any:
        return self.match(text) if self._holds(text) else None


def guard_tokenizer(nlp: Language) -> None:
    """Guard the tokenizer's regexes that ``nlp``'s language lists in ``tokenizer_guards.tsv``."""
    if not lexicons.has(GUARDS, nlp.lang):
        return
    tokenizer = nlp.tokenizer
    for attribute, needed, *_ in lexicons.rows(GUARDS, nlp.lang):
        current = getattr(tokenizer, attribute, None)
        if current is not None and needed and not isinstance(current, GuardedMatch):
            setattr(tokenizer, attribute, GuardedMatch(current, needed))
