"""Where a cue's content starts and ends in a few shapes the plain subtree gets wrong: a relative pronoun fronted
before the cue, a gerund hung as an open complement, a passive subject with its agent, an infinitive on a noun
of intent."""

from __future__ import annotations

from spacy.tokens import Token


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
