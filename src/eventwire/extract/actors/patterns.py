"""The role patterns each language reads people's titles with, behind one interface.

The shared assembly (``resolve``) asks a language for three things: the role a person's name carries
(``role_of_name``), the people named by a title alone (``title_actors``), and whether a named mention is in
fact a title (``starts_title``: the French model tags "ministre de la Défense" as an organisation). English
reads them in ``roles`` (on the English parse, with ``lexicons/actor_titles.tsv``); French in ``french``
(on the words, with ``lexicons/fr/actor_*.tsv``). A language with no patterns of its own gets the English ones.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from eventwire.extract.actors import french, roles
from eventwire.extract.actors.phrases import WordIndex
from eventwire.extract.actors.roles import Role, TitleActor


@dataclass(frozen=True)
class RolePatterns:
    role_of_name: Callable[[Doc, int, int], Role | None]
    title_actors: Callable[[Doc, list[Span], set[int], WordIndex], list[TitleActor]]
    starts_title: Callable[[Doc, int], bool]


def _no_title_names(doc: Doc, start: int) -> bool:
    return False


ENGLISH = RolePatterns(roles.role_of_name, roles.title_actors, _no_title_names)
BY_LANGUAGE = {"fr": RolePatterns(french.role_of_name, french.title_actors, french.starts_title)}


def role_patterns(lang: str) -> RolePatterns:
    """The role patterns for a document parsed by the pipeline of language ``lang``."""
    return BY_LANGUAGE.get(lang, ENGLISH)
