"""Who did an event and to whom: the heads of its actor and recipient phrases, read off the parse."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.extract.eventcoding.draft import Draft
from eventwire.extract.eventcoding.french import french_doers, french_recipients, is_french
from eventwire.extract.eventcoding.lexicon import NOT_AN_EVENT, rules, rules_for, trigger_rules
from eventwire.extract.eventcoding.syntax import (
    is_passive,
    is_reciprocal,
    lemma,
    noun_actor_heads,
    object_heads,
    passive_subjects,
    prep_objects,
    subject_heads,
)
from eventwire.extract.eventcoding.triggers import is_weapon


def actor_heads(draft: Draft) -> list[Token]:
    """Heads of the actor phrases. A weapon or an attack named as the doer ("Russian missiles hit", "the
    rebels' attack killed") stands for whoever owns it when the phrase names an owner."""
    out: list[Token] = []
    for head in doer_heads(draft):
        party = (noun_actor_heads(head) or [head])[0] if is_weapon(head) else head
        if party not in out:
            out.append(party)
    return out


def doer_heads(draft: Draft) -> list[Token]:
    """The shared reading below; on a French parse where it finds nobody, the French one (eventcoding.french)."""
    found = _shared_doers(draft)
    return french_doers(draft) if not found and is_french(draft) else found


def _shared_doers(draft: Draft) -> list[Token]:
    """The outermost clause's subject, else the noun's owner, the claimer, the accused."""
    trigger = draft.trigger.token
    if _undergone(draft):
        return prep_objects(trigger, ("from",))  # "came under fire from rebels"
    if draft.trigger.kind == "N" and draft.anchors[-1].i == trigger.i:
        owners = noun_actor_heads(trigger) or claimed_by(trigger) or draft.credited
        if owners:
            return owners
        head = trigger.head
        if trigger.dep_ == "pobj" and head.lower_ in ("on", "during") and head.head.pos_ == "VERB":
            return subject_heads(head.head)  # "Putin, on a visit to Beijing, said ..."
        return draft.accused
    if draft.credited:
        return draft.credited
    for anchor in reversed(draft.anchors):
        found = noun_actor_heads(anchor) if anchor.pos_ == "NOUN" else subject_heads(anchor)
        if found:
            return found
    if draft.accused:
        return draft.accused
    if draft.type == "ASSAULT" and is_passive(trigger):
        return _time_clause_subject(trigger)
    if draft.trigger.kind == "N":
        return noun_actor_heads(trigger)
    return []


CLAIMED_DEPS = frozenset({"dobj", "obj", "nsubjpass", "nsubj:pass"})


def claimed_by(noun: Token) -> list[Token]:
    """Who owns up to an event noun: "X claimed the attack", "X was behind the bombing"."""
    head = noun.head
    if noun.dep_ in CLAIMED_DEPS and lemma(head) in rules_for(noun)["claiming_verbs"]:
        return subject_heads(head)  # active: its subject; passive ("was claimed by X"): its agent
    if noun.dep_ == "pobj" and head.lower_ == "behind" and head.head.pos_ in ("AUX", "VERB") \
            and lemma(head.head) == "be":
        return subject_heads(head.head)
    return []


def _undergone(draft: Draft) -> bool:
    """"The patrol came under fire": the subject suffers the attack."""
    return draft.trigger.kind == "V" and draft.trigger.rule.lemma in rules()["undergoing_verbs"]


def _time_clause_subject(verb: Token) -> list[Token]:
    """"Five villagers were killed when rebels raided the camp": the harm's author is the when-clause's subject
    (the clause may hang from the last of conjoined harms: "two were killed and one was hurt when ...")."""
    for child in [c for v in [verb, *verb.conjuncts] for c in v.children]:
        if child.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "as", "after")
                                         for m in child.children):
            subjects = [c for c in child.children if c.dep_ == "nsubj"]
            if subjects:
                return subjects
    return []


def recipient_heads(draft: Draft) -> list[Token]:
    """Heads of the recipient phrases: who the event's clauses act on, innermost clause first.

    A recipient is someone: a thing in object position ("a suspension of air links with Serbia", "an Indian
    proposal") is searched for the party it concerns. Violent and coercive acts may target things too
    ("shelled positions near the town"). Failing all that, the subject or object of a complement clause
    ("demanded that the US cancel ...", "threatened to impose a curfew in Algiers")."""
    if draft.recipient_heads is not None:
        return draft.recipient_heads
    if is_french(draft):
        return _shared_recipients(draft) or french_recipients(draft)
    return _shared_recipients(draft)


def _shared_recipients(draft: Draft) -> list[Token]:
    if _undergone(draft):
        return [t for t in draft.trigger.token.children if t.dep_ == "nsubj"]
    for anchor in draft.anchors:
        found = _recipients_at(anchor, draft)
        if found:
            return found
    for anchor in draft.anchors:
        for clause in anchor.children:
            purpose = draft.type == "MOBILIZE" and clause.dep_ == "advcl"  # "sent troops to repel X": X
            if (clause.dep_ not in ("ccomp", "xcomp") and not purpose) or clause.i == draft.trigger.token.i:
                continue
            subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and _actorish(c)]
            if clause.dep_ == "ccomp" and subjects:
                return subjects
            found = _recipients_at(clause, draft)
            if found:
                return found
    return []


def _recipients_at(anchor: Token, draft: Draft) -> list[Token]:
    r = rules()
    things_ok = draft.type in r["thing_targets"]
    if anchor.pos_ in ("NOUN", "PROPN"):
        candidates = [t for t in prep_objects(anchor, r["noun_recipient_preps"]) if t.pos_ in ("NOUN", "PROPN", "PRON")]
    else:
        candidates = object_heads(anchor) or (passive_subjects(anchor) if is_passive(anchor) else [])
        if _moves_own_forces(draft) and anchor.i == draft.trigger.token.i:
            # "sent troops", "withdrew its forces": the forces moved are the actor's own, not recipients
            candidates = [c for c in candidates if lemma(c) not in r["force_nouns"]]
        acts = [t for t in candidates if _is_event_word(t, draft) and t.i != draft.trigger.token.i]
        candidates = [t for t in candidates if not _is_event_word(t, draft)] or [
            t for t in candidates if t.i in draft.trigger.consumed]
    found = _parties(candidates, draft, things_ok)
    if not found and anchor.pos_ not in ("NOUN", "PROPN"):
        # "rejected a US proposal", "welcomed the Brelian offer": the party the act it acts on names
        found = [p for p in (_party_within(t) for t in acts) if p is not None]
    if found or anchor.pos_ in ("NOUN", "PROPN"):
        return found
    return _parties(prep_objects(anchor, r["recipient_preps"]), draft, things_ok)


def _moves_own_forces(draft: Draft) -> bool:
    rule = draft.trigger.rule
    return rule.type == "MOBILIZE" or (rule.type == "RETREAT" and rule.mode in ("withdraw", "disarm"))


def _parties(candidates: list[Token], draft: Draft, things_ok: bool) -> list[Token]:
    """The candidates that are parties; for a thing, the party it concerns, if it names one."""
    out: list[Token] = []
    for token in candidates:
        if _counted_people(token):
            out.append(token)  # "hundreds of civilians"
            continue
        if token.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY") or is_time_word(token):
            continue  # "declared a truce on Sunday": a time is never a party
        if (_actorish(token) or things_ok) and not _is_event_word(token, draft):
            out.append(token)  # a party, or the target of an attack ("the port of Tessa")
            continue
        party = _party_within(token)
        if party is not None:
            out.append(party)
    return out


def is_time_word(token: Token) -> bool:
    return lemma(token) in rules()["time_nouns"] or token.lower_ in rules()["time_nouns"]


def _counted_people(token: Token) -> bool:
    return any(p.dep_ == "prep" and p.lower_ == "of" and any(_actorish(o) for o in p.children if o.dep_ == "pobj")
               for p in token.children) and (token.ent_type_ == "CARDINAL" or token.pos_ == "NUM")


def _actorish(token: Token) -> bool:
    """Whether a word names a party: a name, a pronoun, or a noun for people, forces or institutions."""
    if token.ent_type_ in ("PERSON", "NORP", "GPE", "ORG", "LOC", "FAC") or token.pos_ in ("PROPN", "PRON"):
        return True
    r = rules()
    word = lemma(token)
    return word in r["people_nouns"] or word in r["actor_nouns"]


def _party_within(thing: Token) -> Token | None:
    """The first party named inside a thing's phrase: its owner, a national adjective, or a preposition's
    object ("air links with Serbia", "an Indian proposal", "calls by Belarus's rulers")."""
    queue = [thing]
    seen = 0
    while queue and seen < 30:
        node = queue.pop(0)
        seen += 1
        for child in node.children:
            if child.dep_ in ("amod", "compound", "poss", "nmod") and child.pos_ != "PRON" and (
                    child.ent_type_ in ("NORP", "GPE", "ORG") or child.pos_ == "PROPN"):
                return child
        for child in node.children:
            if child.dep_ in ("prep", "agent", "acl"):
                for grand in child.children:
                    if grand.dep_ in ("pobj", "dobj") and grand.pos_ != "PRON" and _actorish(grand):
                        return grand
                    queue.append(grand)
            elif child.dep_ == "pobj":
                queue.append(child)
    return None


def _is_event_word(token: Token, draft: Draft) -> bool:
    """The event's own words, or another event noun ("fought a war"): not a recipient."""
    if token.i == draft.trigger.token.i or token.i in draft.trigger.consumed or token.pos_ == "VERB":
        return True
    return token.pos_ == "NOUN" and any(r.type != NOT_AN_EVENT for r in trigger_rules().get(("N", lemma(token)), ()))


def reciprocal(draft: Draft) -> bool:
    """'accuse each other': the actors are their own recipients."""
    return any(is_reciprocal(t) for a in draft.anchors for t in object_heads(a))
