"""Code the events of one sentence: type, mode, actors, recipients and how sure the text is.

Each trigger word is coded on its own, climbing the dependency tree from the trigger to the sentence root.
On the way, framing words recode it (PLOVER's rules): "threaten to X" is a THREATEN whose mode is X's,
"urge Y to X" a REQUEST to Y, "agree/offer/promise to X" an AGREE, "will X" an intention, "refuse to X" a
REJECT, "said that X" leaves X an event claimed by the speaker, "accused Y of X" leaves X claimed with Y as
actor. A framing word that recodes an event is absorbed by it, so it is not reported again on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from eventwire.extract.eventcoding.lexicon import TriggerRule, frame_roles, mode_cues, rules, trigger_rules
from eventwire.extract.eventcoding.syntax import (
    governor,
    has_condition,
    is_future,
    is_hypothetical,
    is_negated,
    is_passive,
    is_reciprocal,
    lemma,
    noun_actor_heads,
    object_heads,
    obligation,
    passive_subjects,
    prep_objects,
    subject_heads,
)
from eventwire.extract.eventcoding.triggers import Trigger, find_triggers

MAX_CLIMB = 12
NOUN_FRAMES = frozenset({"request", "threat", "commit"})
ACTS_ON_OBJECT = frozenset({"SANCTION", "REJECT", "RETREAT", "CONCEDE", "COERCE"})
STATUS_PRIORITY = ("denied", "negated", "hypothetical", "threatened", "planned", "claimed", "asserted")


@dataclass
class Draft:
    """An event being coded, before it is linked to entities, places and times."""

    trigger: Trigger
    type: str
    mode: str | None
    cameo: str | None
    context: list[str]
    shown: Token  # the word reported as the trigger (the framing verb when it set the type)
    anchors: list[Token]  # clause heads whose arguments give actors and recipients, the outermost last
    embedded_type: str | None = None  # the type before a frame recoded it
    depth: int = 0
    absorbed: set[int] = field(default_factory=set)
    flags: set[str] = field(default_factory=set)  # claimed, denied, negated, hypothetical, future, threatened ...
    speaker: list[Token] = field(default_factory=list)
    recipient_heads: list[Token] | None = None
    recast: bool = False  # a frame (threaten, request, agree ...) has set the type
    path: list[Token] = field(default_factory=list)  # the words climbed so far, trigger first
    noun_proxy: int = -1  # a measure noun standing for the event noun ("a series of attacks")
    accused: list[Token] = field(default_factory=list)  # "accused X of ...": X did it, unless the act names its doer

    @property
    def status(self) -> str:
        for status in STATUS_PRIORITY:
            if status in self.flags:
                return status
        return "asserted"


def code_sentence(sent: Span) -> list[Draft]:
    """Every event of the sentence, frames applied and absorbed framing words dropped."""
    drafts = [_code(trigger) for trigger in find_triggers(sent)]
    drafts += _obligations(sent, drafts)
    absorbed = {i for d in drafts for i in d.absorbed}
    absorbed |= _acted_on(drafts)
    absorbed |= _outframed(drafts)
    absorbed |= _protest_aims(drafts)
    absorbed |= {d.trigger.token.i for d in drafts if d.type == "ASSAULT" and _natural_agent(d)}
    kept: dict[tuple[str, int], Draft] = {}
    for draft in sorted(drafts, key=lambda d: (d.depth, d.trigger.token.i)):
        if draft.trigger.token.i in absorbed:
            continue
        # several event words under one frame ("called on them to pull back from the brink of war") make one event
        key = (draft.type, draft.shown.i) if draft.recast else (draft.type, -1 - draft.trigger.token.i)
        kept.setdefault(key, draft)
    return sorted(kept.values(), key=lambda d: d.trigger.token.i)


def _outframed(drafts: list[Draft]) -> set[int]:
    """Events recoded by a framing word that another event has taken in ("would not allow the killing to go
    unpunished": the allowing belongs to the threat, so the killing is not recoded as a refusal)."""
    shown_by: dict[int, set[int]] = {}
    for d in drafts:
        for i in d.absorbed:
            shown_by.setdefault(i, set()).add(d.shown.i)
    return {d.trigger.token.i for d in drafts
            if d.shown.i != d.trigger.token.i and shown_by.get(d.shown.i, set()) - {d.shown.i}}


def _protest_aims(drafts: list[Draft]) -> set[int]:
    """"Staged a sit-in to demand equal pay": what a protest demands is its topic, not an event of its own."""
    protesting = {a.i for d in drafts if d.type == "PROTEST" for a in d.anchors}
    return {d.trigger.token.i for d in drafts
            if d.type == "REQUEST" and d.shown.dep_ in ("advcl", "xcomp") and d.shown.head.i in protesting}


def _natural_agent(draft: Draft) -> bool:
    """"The storm hit the coast", "the quake killed 40": harm done by nature or accident is not an ASSAULT."""
    agents = rules()["natural_agents"]
    return any(lemma(t) in agents for t in actor_heads(draft))


def _acted_on(drafts: list[Draft]) -> set[int]:
    """Event nouns that another event acts on ("suspended aid", "ended the talks") are its object, not events."""
    acting = {d.trigger.token.i for d in drafts if d.type in ACTS_ON_OBJECT and d.trigger.kind == "V"}
    return {d.trigger.token.i for d in drafts if d.trigger.kind == "N"
            and d.trigger.token.dep_ in ("dobj", "nsubjpass") and d.trigger.token.head.i in acting}


def _code(trigger: Trigger) -> Draft:
    rule = trigger.rule
    draft = Draft(trigger, rule.type, rule.mode, rule.cameo, list(rule.context), trigger.token, [trigger.token])
    _mark_clause(draft, trigger.token)
    token = trigger.token
    draft.path.append(token)
    for _ in range(MAX_CLIMB):
        head, edge = governor(token)
        if head is None:
            break
        if _purpose(token, head, edge):
            draft.flags.add("planned")
        if not _apply_frame(draft, token, head, edge):
            draft.depth += 0 if edge in ("acomp", "mod") else 1
            if edge == "subj" and head.pos_ in ("VERB", "AUX"):
                draft.depth += 1
            if _first_verb(draft, head) and edge.startswith("prep:") and is_future(head):
                draft.flags.add("future")  # "will travel to Tokyo for talks": the talks lie ahead too
                _recode_future(draft)
        token = head
        draft.path.append(token)
    _finish(draft)
    return draft


def _first_verb(draft: Draft, head: Token) -> bool:
    return (draft.trigger.kind == "N" and head.pos_ == "VERB" and "future" not in draft.flags
            and not any(t.pos_ == "VERB" for t in draft.path))


def _purpose(token: Token, head: Token, edge: str) -> bool:
    """'sent troops to repel the attack': an infinitive of purpose is planned, not done."""
    return (edge in ("advcl", "x") and token.pos_ == "VERB" and head.pos_ == "VERB" and not frame_roles(head)
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children))


def _absorb(draft: Draft, head: Token, *, shown: bool = False, requestee_first: bool = False) -> None:
    """The framing word ``head`` becomes part of the event: its subject is the actor from now on."""
    draft.absorbed.add(head.i)
    if requestee_first:
        draft.anchors.insert(0, head)
    draft.anchors.append(head)
    if shown:
        draft.shown = head
    _mark_clause(draft, head)


def _mark_clause(draft: Draft, clause: Token) -> None:
    """Tense, negation and condition of one clause of the event; future and negation recode at once."""
    r = rules()
    source = according_to(clause)
    if source:
        draft.flags.add("claimed")
        draft.speaker = draft.speaker or source
    if is_hypothetical(clause):
        draft.flags.add("hypothetical")
    if has_condition(clause):
        draft.flags.add("conditional")
    if is_future(clause) and "future" not in draft.flags:
        draft.flags.add("future")
        _recode_future(draft)
    if is_negated(clause) and draft.type != "THREATEN":
        if draft.type in r["negated_becomes_reject"]:
            _recast(draft, "REJECT", _request_mode(draft))
            draft.shown = clause
        else:
            draft.flags.add("negated")


def according_to(clause: Token) -> list[Token]:
    """The source of an "according to X" phrase on the clause."""
    for child in clause.children:
        if child.dep_ == "prep" and child.lower_ in rules()["by_speaker_preps"]:
            for to in child.children:
                sources = [o for o in to.children if o.dep_ == "pobj"] if to.dep_ == "prep" else []
                if sources:
                    return sources
    return []


def _recode_future(draft: Draft) -> None:
    r = rules()
    target = r["future"].get(draft.type)
    if draft.type in r["future_keep_with_threat"] and "conditional" in draft.flags:
        target = "THREATEN"
    if target == "THREATEN":
        _recast(draft, "THREATEN", _threat_mode(draft))
        draft.flags.add("threatened")
    elif target:
        _recast(draft, target, None)
        draft.flags.add("planned")
    else:
        draft.flags.add("planned")


def _recast(draft: Draft, type_: str, mode: str | None) -> None:
    if draft.embedded_type is None:
        draft.embedded_type = draft.type
    draft.type, draft.mode, draft.recast = type_, mode, True
    draft.cameo = None


def _threat_mode(draft: Draft) -> str | None:
    r = rules()
    return r["threat_mode_by_mode"].get(draft.mode or "") or r["threat_mode"].get(draft.type)


def _request_mode(draft: Draft) -> str | None:
    r = rules()
    words = r["request_mode_words"]
    for token in draft.path or [draft.trigger.token]:
        if lemma(token) in words:
            return words[lemma(token)]
    return r["request_mode"].get(draft.type)


def _hostile(draft: Draft) -> bool:
    return draft.type in rules()["hostile"]


def _apply_frame(draft: Draft, token: Token, head: Token, edge: str) -> bool:
    """Apply the frame of ``head`` to the event embedded under it; False when ``head`` frames nothing here."""
    roles = frame_roles(head)
    measure = edge in ("prep:of", "mod") and lemma(head) in rules()["measure_nouns"]
    if not roles and not measure:
        return edge in ("acomp",)
    is_noun_trigger = draft.trigger.kind == "N" and token.i in (draft.trigger.token.i, draft.noun_proxy)
    if is_noun_trigger and measure:
        # "a series of attacks", "ten days of war games", "a mediation effort" stand for the event noun
        draft.noun_proxy = head.i
        return True
    if "report" in roles and (edge == "c" or (edge == "x" and lemma(head) == "claim")):
        noun = _framing_object(head)
        if noun is not None and noun.i != draft.trigger.token.i:
            # "reiterated its demand that X ease ...": the clause is the content of the demand
            return _apply_frame(draft, token, noun, "acl")
        return _report(draft, token, head)
    if "aspect" in roles and edge == "x":
        _absorb(draft, head)
        return True
    if "light" in roles and edge == "obj" and is_noun_trigger:
        _absorb(draft, head)
        return True
    if "commit" in roles and edge in ("x", "acl", "prep:to"):
        hostile = _hostile(draft)
        _recast(draft, "THREATEN" if hostile else "AGREE", _threat_mode(draft) if hostile else None)
        draft.flags.add("threatened" if hostile else "planned")
        _absorb(draft, head, shown=True)
        return True
    if "intent" in roles and edge == "x":
        _absorb(draft, head)
        if "future" not in draft.flags:
            draft.flags.add("future")
            _recode_future(draft)
        return True
    if "prepare" in roles and edge in ("x", "prep:for"):
        if _hostile(draft):
            _recast(draft, "MOBILIZE", "weapons" if draft.mode in ("heavy-weapons", "aerial") else "troops")
        else:
            _recast(draft, "AGREE", None)
        draft.flags.add("planned")
        _absorb(draft, head, shown=True)
        return True
    if "threat" in roles and edge in ("x", "c", "obj", "prep:with", "prep:of") and not (
            edge == "prep:of" and lemma(head) == "warn"):
        if draft.type != "THREATEN":
            _recast(draft, "THREATEN", _threat_mode(draft))
        draft.flags.add("threatened")
        _absorb(draft, head, shown=True)
        return True
    if "order" in roles and edge in ("x", "obj") and draft.type in ("ASSAULT", "COERCE", "MOBILIZE", "SANCTION"):
        _absorb(draft, head)
        return True
    if ("request" in roles or "order" in roles) and _requests(head, edge):
        if draft.type != "REQUEST":
            _recast(draft, "REQUEST", _request_mode(draft))
        if edge == "c":
            draft.recipient_heads = subject_heads(token) or None
        _absorb(draft, head, shown=True, requestee_first=True)
        return True
    if "refuse" in roles and edge in ("x", "obj", "c"):
        _recast(draft, "REJECT", _request_mode(draft))
        _absorb(draft, head, shown=True)
        return True
    if "fail" in roles and edge == "x":
        if draft.type in rules()["cooperative"]:
            _recast(draft, "REJECT", _request_mode(draft))
            _absorb(draft, head, shown=True)
        else:
            draft.flags.add("negated")
            _absorb(draft, head)
        return True
    if "allow" in roles and edge in ("x", "c", "obj") and draft.type == "THREATEN":
        _absorb(draft, head)  # "would not allow X to go unpunished": the threat is the allowing clause's
        return True
    if "allow" in roles and edge in ("x", "c", "obj"):
        allowed = subject_heads(token)
        draft.recipient_heads = allowed or None
        if any(lemma(t) in rules()["access_parties"] for t in allowed + [token]):
            _recast(draft, "RETREAT", "access")  # letting inspectors, observers or aid in is material
        else:
            _recast(draft, "CONCEDE", None)
        _absorb(draft, head, shown=True, requestee_first=True)
        return True
    if "accuse" in roles and edge in ("prep:of", "prep:for", "prep:over", "c", "prep:with"):
        draft.flags.add("claimed")
        draft.speaker = draft.speaker or subject_heads(head)
        if edge != "c" and not draft.accused:
            draft.accused = object_heads(head)
        draft.depth += 1
        return True
    if "deny" in roles and edge in ("c", "obj"):
        draft.flags.add("denied")
        draft.speaker = draft.speaker or subject_heads(head)
        return True
    return False


def _framing_object(verb: Token) -> Token | None:
    """A request, threat or promise noun that a reporting verb takes as its object."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.pos_ == "NOUN" and frame_roles(child) & NOUN_FRAMES:
            return child
    return None


def _requests(head: Token, edge: str) -> bool:
    """Whether ``head`` asks for the embedded act here ("call on X to", "call for X", "urge X to", "demand X")."""
    if edge in ("x", "c", "acl"):
        return lemma(head) != "call" or any(c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in head.children)
    if edge == "obj":
        return lemma(head) not in ("call", "order")
    return edge in ("prep:for", "prep:to")


def _report(draft: Draft, token: Token, head: Token) -> bool:
    """A reported clause: the event is claimed by the speaker; "X said Y must Z" is X's REQUEST to Y."""
    speaker = subject_heads(head)
    if obligation(token) and draft.type not in ("REQUEST", "THREATEN") and speaker:
        recipients = subject_heads(token)
        _recast(draft, "REQUEST", _request_mode(draft))
        draft.recipient_heads = recipients or None
        _absorb(draft, head)
        draft.anchors = [head]
        return True
    if speaker and not draft.speaker:
        draft.speaker = speaker
    draft.flags.add("claimed")
    return True


def _obligations(sent: Span, drafts: list[Draft]) -> list[Draft]:
    """'X said Y must Z' with no event word in Z: still X's REQUEST to Y."""
    covered = {t.i for d in drafts for t in d.anchors} | {d.trigger.token.i for d in drafts}
    out: list[Draft] = []
    for token in sent:
        if token.dep_ != "ccomp" or token.i in covered or not obligation(token):
            continue
        head = token.head
        if "report" not in frame_roles(head):
            continue
        speaker = subject_heads(head)
        if not speaker:
            continue
        rule = TriggerRule("V", lemma(token), frozenset(), frozenset(), "REQUEST", None, "100", ())
        draft = Draft(Trigger(token, rule), "REQUEST", None, "100", [], token, [head])
        draft.recipient_heads = subject_heads(token) or None
        draft.recast = True
        out.append(draft)
    return out


def _finish(draft: Draft) -> None:
    """Fill the mode from weapon and manner words of the clause, and close the cameo code."""
    if draft.type in ("ASSAULT", "MOBILIZE", "PROTEST", "CONSULT") and not draft.recast:
        cue_mode = _mode_from_cues(draft)
        if cue_mode and (draft.mode is None or cue_mode in ("suicide-attack", "drone", "unconventional")):
            draft.mode = cue_mode
            if draft.type == "ASSAULT" and draft.cameo in (None, "190", "183"):
                draft.cameo = None  # the weapon decides the CAMEO code (195 air, 194 artillery ...)
    if draft.type == "ASSAULT" and not draft.recast and _by_protesters(draft):
        draft.type, draft.mode, draft.cameo = "PROTEST", "riot", "145"  # violence done by a crowd is a riot
    if draft.type == "COERCE" and draft.mode == "restrict" and not draft.recast and _by_civilians(draft):
        draft.type, draft.mode, draft.cameo = "PROTEST", "obstruct", "144"  # drivers blockading roads protest
    if draft.type == "MOBILIZE" and draft.trigger.kind == "N" and _joint(draft):
        draft.type, draft.mode, draft.cameo = "COOPERATE", None, "062"
    if draft.type == "THREATEN":
        draft.flags.add("threatened")
    if draft.cameo is None:
        draft.cameo = _cameo_after_recast(draft)


def _by_protesters(draft: Draft) -> bool:
    nouns = rules()["protester_nouns"]
    return any(lemma(t) in nouns for t in actor_heads(draft))


def _by_civilians(draft: Draft) -> bool:
    r = rules()
    return any(lemma(t) in r["protester_nouns"] or lemma(t) in r["civilian_words"] for t in actor_heads(draft))


def _mode_from_cues(draft: Draft) -> str | None:
    cues = mode_cues().get(draft.type)
    if not cues:
        return None
    clause = draft.anchors[0]
    words = {lemma(t) for t in clause.subtree} | {t.lower_ for t in clause.subtree}
    words |= {lemma(t) for t in draft.trigger.token.subtree}
    for cue, mode in cues:
        if cue in words:
            return mode
    return None


def _joint(draft: Draft) -> bool:
    r = rules()
    if lemma(draft.trigger.token) not in r["exercise_nouns"]:
        return False
    words = {lemma(t) for t in draft.trigger.token.subtree} | {lemma(t) for t in draft.anchors[-1].subtree}
    if words & r["joint_markers"]:
        return True
    subjects = subject_heads(draft.anchors[-1])
    return any(s.conjuncts or any(c.conjuncts for c in s.children if c.dep_ in ("amod", "compound")) for s in subjects)


def _cameo_after_recast(draft: Draft) -> str | None:
    codes = rules()["cameo_after"]
    by_type = codes.get(draft.type, {})
    return by_type.get(draft.mode or "") or by_type.get(draft.embedded_type or "") or by_type.get("*")


# ------------------------------------------------------------------ arguments


def actor_heads(draft: Draft) -> list[Token]:
    """Heads of the actor phrases: the outermost clause's subject, else the noun's owner, else the accused."""
    trigger = draft.trigger.token
    if draft.trigger.kind == "N" and draft.anchors[-1].i == trigger.i:
        owners = noun_actor_heads(trigger)
        if owners:
            return owners
        head = trigger.head
        if trigger.dep_ == "pobj" and head.lower_ in ("on", "during") and head.head.pos_ == "VERB":
            return subject_heads(head.head)  # "Putin, on a visit to Beijing, said ..."
        return draft.accused
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


def _time_clause_subject(verb: Token) -> list[Token]:
    """"Five villagers were killed when rebels raided the camp": the harm's author is the when-clause's subject."""
    for child in verb.children:
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
    for anchor in draft.anchors:
        found = _recipients_at(anchor, draft)
        if found:
            return found
    for anchor in draft.anchors:
        for clause in anchor.children:
            if clause.dep_ not in ("ccomp", "xcomp") or clause.i == draft.trigger.token.i:
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
        candidates = [t for t in candidates if not _is_event_word(t, draft)] or [
            t for t in candidates if t.i in draft.trigger.consumed]
    found = _parties(candidates, draft, things_ok)
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
        if token.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY"):
            continue
        if (_actorish(token) or things_ok) and not _is_event_word(token, draft):
            out.append(token)  # a party, or the target of an attack ("the port of Tessa")
            continue
        party = _party_within(token)
        if party is not None:
            out.append(party)
    return out


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
    return token.pos_ == "NOUN" and ("N", lemma(token)) in trigger_rules()


def reciprocal(draft: Draft) -> bool:
    """'accuse each other': the actors are their own recipients."""
    return any(is_reciprocal(t) for a in draft.anchors for t in object_heads(a))
