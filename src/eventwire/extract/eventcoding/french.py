"""French event arguments: who did an event and to whom, read on Universal Dependencies parses.

The shared readers of ``roles`` follow English labels (dobj, nsubjpass, agent, pobj); a French parse labels the
same parts ``obj``, ``nsubj:pass``, ``obl:agent`` and puts prepositions under their nouns (``case``).

- active verb: the subject acts, the object and a "sur/contre" complement receive ("X a attaqué Y",
  "X a tiré sur Y"); a conjoined verb without a subject takes its first verb's ("… et ont tiré sur Y");
- passive: the "par" agent acts, the passive subject receives ("Y ont été tués par X"), the agent found where
  the parse hangs it under another complement ("tuées à la machette par X");
- event noun: its "de" owner acts when it is a name ("l'attaque du poste" is aimed at the post), its
  "contre/sur" complement (or that of the participle on it: "l'attaque menée contre Y") receives;
  "X a revendiqué l'attaque" makes the claimant its doer.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from eventwire import lexicons
from eventwire.extract.eventcoding.draft import Draft

SUBJECTS = frozenset({"nsubj"})
PASSIVE_SUBJECTS = frozenset({"nsubj:pass"})
OBJECTS = frozenset({"obj"})
COMPLEMENTS = frozenset({"obl:arg", "obl:mod", "obl", "nmod", "obl:agent"})
PLACE_LABELS = frozenset({"LOC", "GPE", "FAC", ""})  # a bare name the French model left untyped may be a place
PARTY_POS = frozenset({"NOUN", "PROPN", "PRON"})
CLIMB = frozenset({"xcomp", "advcl", "conj"})
CLIMB_DEPTH = 2
AGENT_DEPTH = 2  # how far under the verb's complements the parse may hang the "par" agent


@cache
def table() -> dict[str, frozenset[str]]:
    raw = lexicons.data("event_arguments.json", "fr")
    return {k: frozenset(v) for k, v in raw.items() if isinstance(v, list)}


def is_french(draft: Draft) -> bool:
    return draft.trigger.token.doc.lang_ == "fr"


def french_doers(draft: Draft) -> list[Token]:
    """Heads of the event's actor phrases."""
    token = draft.trigger.token
    if draft.trigger.kind == "N":
        return _noun_owners(token) or _claimant(token)
    if _is_passive(token):
        return _agents(token)
    for anchor in [*_governors(token), *draft.anchors]:
        found = _subjects(anchor)
        if found:
            return found
    return []


def _governors(verb: Token) -> list[Token]:
    """The verb and the verbs it completes ("ont manifesté pour dénoncer", "avant d'incendier"): their
    subject is its own."""
    out = [verb]
    while out[-1].dep_ in CLIMB and len(out) <= CLIMB_DEPTH and out[-1].head is not out[-1]:
        out.append(out[-1].head)
    return out


def french_recipients(draft: Draft) -> list[Token]:
    """Heads of the event's recipient phrases."""
    token = draft.trigger.token
    if draft.trigger.kind == "N":
        found = _cased(token, table()["target_cases"])
        for child in token.children:
            if not found and child.dep_ == "acl":  # "l'attaque menée contre la base"
                found = _cased(child, table()["target_cases"])
        return found
    if _is_passive(token):
        return _parties([c for c in _self_and_head(token) if c.dep_ in PASSIVE_SUBJECTS])
    objects = [c for c in token.children if c.dep_ in OBJECTS and _case_of(c) is None]  # "près de X" is no object
    return _parties(objects) or _cased(token, table()["target_cases"])


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("aux:pass", "nsubj:pass") for c in verb.children)


def _self_and_head(verb: Token) -> list[Token]:
    """The verb's children, or its first conjunct's where it shares that verb's subject ("tués et blessés")."""
    own = list(verb.children)
    if verb.dep_ == "conj" and not any(c.dep_ in SUBJECTS | PASSIVE_SUBJECTS for c in own):
        own += list(verb.head.children)
    return own


def _subjects(verb: Token) -> list[Token]:
    return _parties([c for c in _self_and_head(verb) if c.dep_ in SUBJECTS and c.i != verb.i])


def _agents(verb: Token) -> list[Token]:
    """ "par X" under the verb, or under one of its complements (the parse's misattachment)."""
    frontier, found = [verb], []
    for _ in range(AGENT_DEPTH):
        nxt = []
        for node in frontier:
            for child in node.children:
                if child.dep_ in COMPLEMENTS:
                    if _case_of(child) in table()["agent_cases"]:
                        found.append(child)
                    nxt.append(child)
        frontier = nxt
    return _parties(found)


def _noun_owners(noun: Token) -> list[Token]:
    """ "l'attaque des rebelles": the noun's "de" complement when it names a party."""
    owners = [c for c in noun.children if c.dep_ == "nmod" and _case_of(c) in table()["owner_cases"]]
    return _parties([o for o in owners if o.ent_type_ in ("ORG", "PER", "PERSON")
                     or (o.pos_ == "PROPN" and o.ent_type_ not in PLACE_LABELS)])  # not "l'attaque de Gao"


def _claimant(noun: Token) -> list[Token]:
    """ "X a revendiqué l'attaque": X."""
    head = noun.head
    if noun.dep_ == "obj" and head.lemma_.lower() in table()["claiming_verbs"]:
        return _subjects(head)
    return []


def _cased(head: Token, cases: frozenset[str]) -> list[Token]:
    return _parties([c for c in head.children if c.dep_ in COMPLEMENTS and _case_of(c) in cases])


def _case_of(noun: Token) -> str | None:
    for child in noun.children:
        if child.dep_ == "case" and child.i < noun.i:
            return child.lower_
    return None


def _parties(heads: list[Token]) -> list[Token]:
    return [h for h in heads if h.pos_ in PARTY_POS and h.lemma_.lower() not in table()["not_parties"]]
