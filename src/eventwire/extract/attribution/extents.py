"""Where a cue's content starts and ends in a few shapes the plain subtree gets wrong: a relative pronoun fronted
before the cue, a gerund hung as an open complement, a passive subject with its agent, an infinitive on a noun
of intent."""

from __future__ import annotations

from functools import partial

from spacy.tokens import Token

from eventwire.lexicons import words

# Subordinators whose fronted clause is part of what an inserted cue reports ("If …, she said, …").
fronted_conditions = partial(words, "quote_fronted_conditions.txt")
# Verbs whose subject receives what their cue-noun object names ("the plan drew criticism from farmers").
receiving_verbs = partial(words, "quote_receiving_verbs.txt")


def subtree_range(token: Token) -> tuple[int, int]:
    return token.left_edge.idx, token.right_edge.idx + len(token.right_edge)


def gerund_object(cue: Token) -> tuple[int, int] | None:
    """A gerund clause the parser hung as an open complement where an object stands: "mentioned [raising the
    levy and forcing towns to pay]"."""
    gerunds = [c for c in cue.children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i > cue.i]
    return subtree_range(gerunds[0]) if gerunds else None


def passive_subject(cue: Token) -> tuple[int, int] | None:
    """What a passive cue with its agent says something of: "[the plan] was endorsed by the council"."""
    subjects = [c for c in cue.children if c.dep_ == "nsubjpass" and c.i < cue.i]
    if subjects and any(c.dep_ == "agent" for c in cue.children):
        return subtree_range(subjects[0])
    return None


def infinitive_on(noun: Token) -> tuple[int, int] | None:
    """The infinitive clause after a noun of intent: "his refusal [to sign the deal]"."""
    for child in noun.rights:
        if child.dep_ in ("acl", "relcl") and any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children):
            return subtree_range(child)
    return None


RELATIVE_TAGS = frozenset({"WDT", "WP"})


def without_fronted_relative(cue: Token, clause: Token) -> tuple[int, int]:
    """A complement clause, less the relative pronoun fronted before the cue that the parser hung on it ("the
    levy, which officials said [would double the cost]", "what he says [is a fair plan]"): the pronoun's
    clause is the writer's, what follows the cue is what was said."""
    start, end = subtree_range(clause)
    fronted = [t for t in clause.subtree if t.i < cue.i]
    if len(fronted) == 1 and cue.i < clause.right_edge.i and fronted[0].head.i == clause.i and (
            fronted[0].tag_ in RELATIVE_TAGS or fronted[0].lower_ == "that"):
        after = cue.doc[cue.i + 1]
        return after.idx, end
    return start, end


def opens_with_condition(clause: Token) -> bool:
    """A clause with a subject of its own led by a subordinator of condition, concession or cause ("if the
    talks fail", "though it went well")."""
    first = clause.left_edge
    return (first.dep_ == "mark" and first.head.i == clause.i and first.lower_ in fronted_conditions()
            and any(g.dep_ in ("nsubj", "nsubjpass") for g in clause.children))


def fronted_condition(cue: Token) -> Token | None:
    """The subordinate clause fronted before an inserted cue, part of what was said ("[If the talks fail], she
    said, the strike goes on"): it opens the sentence with a subordinator of condition, concession or cause
    (lexicons/quote_fronted_conditions.txt) and a subject of its own and ends at a comma, and the cue is set off
    by commas ("As the crowd left, he said, …" and "Because it rained, she said the match was off" have none)."""
    doc = cue.doc
    if cue.i + 1 >= len(doc) or doc[cue.i + 1].text != ",":
        return None
    for child in cue.lefts:
        first = child.left_edge
        if child.dep_ != "advcl" or not opens_with_condition(child):
            continue
        opens = first.is_sent_start or doc[first.i - 1].is_punct or doc[first.i - 1].is_space
        if doc[child.right_edge.i + 1].text == "," and opens:
            return child
    return None


def with_fronted_condition(cue: Token, clause: Token) -> tuple[int, int]:
    """A complement after an inserted cue, with the condition fronted before it ("If it rains, she said, [the
    match is off]" is "If it rains, …, the match is off")."""
    start, end = without_fronted_relative(cue, clause)
    condition = fronted_condition(cue) if clause.i > cue.i else None
    return (condition.left_edge.idx, end) if condition is not None else (start, end)


def claim_head(head: Token) -> Token:
    """The clause an "according to X" speaks for, from where the parser hung it: up to the main clause ("A was
    paid $5; B was paid $7; and C was paid $9, according to X" vouches for all three), but not out of a relative
    clause ("…, which stood at 263, according to X"), an apposition, brackets, a subordinate clause ("because,
    according to X, …") or the complement of another verb ("she said, according to X, that …")."""
    doc = head.doc
    while head.head.i != head.i and head.dep_ not in ("relcl", "appos", "ccomp", "xcomp"):
        if head.left_edge.i > 0 and doc[head.left_edge.i - 1].text == "(":
            break
        if any(c.dep_ == "mark" for c in head.children):
            break
        head = head.head
    return head


def clause_after_marker(cue: Token, preposition: str) -> tuple[int, int] | None:
    """The clause the parser hung on the cue with the cue's preposition as its marker: "called [for] [the state to
    act]" is a call for the state to act, whoever is to act."""
    for child in cue.rights:
        first = child.left_edge
        if child.dep_ == "advcl" and first.dep_ == "mark" and first.lower_ == preposition and first.i == cue.i + 1:
            after = cue.doc[first.i + 1]
            return after.idx, subtree_range(child)[1]
    return None


def received_by(noun: Token) -> tuple[int, int] | None:
    """Who or what a cue noun is aimed at when its subject receives it: "[the plan] drew criticism from farmers",
    "[she] won the support of the union" (lexicons/quote_receiving_verbs.txt), "[the mayor] came under
    criticism"; the giver, if named, speaks."""
    verb = None
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in receiving_verbs():
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ == "under" and noun.head.head.pos_ in ("VERB", "AUX"):
        verb = noun.head.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i] if verb else []
    return subtree_range(subjects[0]) if subjects else None
