"""Reading who did what to whom off the dependency parse (ClearNLP labels, as spaCy's English models give)."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.extract.eventcoding.lexicon import frame_roles, rules, rules_for

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
# Universal Dependencies labels (the French pipeline) next to the English pipeline's ClearNLP ones: a direct
# object, a passive subject and passive markers, and an agent that is the noun itself ("tués par [les rebelles]").
OBJECT_DEPS = frozenset({"dobj", "dative", "obj", "iobj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "nsubj:pass"})
PASSIVE_DEPS = PASSIVE_SUBJECT_DEPS | {"auxpass", "aux:pass"}
UD_AGENT = "obl:agent"
CLAUSE_EDGES = frozenset({"xcomp", "ccomp", "parataxis", "advcl", "relcl", "acl", "conj", "acomp", "pcomp"})
OBJECT_CONTROL = frozenset({"urge", "ask", "call", "order", "force", "allow", "permit", "persuade", "tell", "encourage",
                            "invite", "help", "want", "expect", "request", "command", "instruct", "appeal", "press",
                            "implore", "exhort", "pressure", "accuse", "blame", "charge", "let", "enable", "compel"})
REFLEXIVE = frozenset({"itself", "themselves", "himself", "herself", "ourselves"})


def lemma(token: Token) -> str:
    return token.lemma_.lower()


def governor(token: Token) -> tuple[Token | None, str]:
    """The word that embeds this one's clause or phrase, and how: ('x', 'c', 'obj', 'prep:of', 'acl', ...)."""
    head = token.head
    if head.i == token.i:
        return None, ""
    dep = token.dep_
    if dep in ("pobj", "pcomp") and head.dep_ in ("prep", "agent") and head.head.i != head.i:
        return head.head, f"prep:{lemma(head)}"
    if dep == "xcomp":
        return head, "x"
    if dep in ("ccomp", "parataxis"):
        return head, "c"
    if dep in ("dobj", "nsubjpass", "attr", "oprd", "dative", "obj", "nsubj:pass"):
        return head, "obj"
    if dep in CLAUSE_EDGES:
        return head, dep
    if dep in ("nsubj", "csubj"):
        return head, "subj"
    if dep in ("compound", "amod", "nmod", "appos", "npadvmod", "poss"):
        return head, "mod"
    return head, dep


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_DEPS for c in verb.children)


def subject_heads(token: Token, depth: int = 0) -> list[Token]:
    """Heads of the noun phrases that perform the clause of ``token`` (its subject, agent or controller)."""
    if depth > 6:
        return []
    for child in token.children:
        if child.dep_ == "agent":
            return [c for c in child.children if c.dep_ == "pobj"]
        if child.dep_ == UD_AGENT:
            return [child]
    if is_passive(token):
        return []
    subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
    if subjects:
        subject = subjects[0]
        if subject.lower_ in rules()["relative_pronouns"] and subject.tag_ in ("WDT", "WP"):
            return _relative_antecedent(token)
        return [subject]
    dep = token.dep_
    head = token.head
    if head.i == token.i:
        return []
    if dep == "xcomp" or (dep == "pcomp" and head.dep_ == "prep"):
        controller = head if dep == "xcomp" else head.head
        if lemma(controller) in OBJECT_CONTROL:
            objects = object_heads(controller, preps=("on", "upon")) if dep == "xcomp" else object_heads(controller)
            if objects:
                return objects[:1]
        return subject_heads(controller, depth + 1)
    if dep == "advcl" and "report" in frame_roles(head):
        return []  # "officials said, killing five": the speaker did not do the killing
    if dep in ("conj", "acomp", "advcl"):
        return subject_heads(head, depth + 1)
    if dep == "relcl":
        return [head]
    if dep == "acl":
        if token.tag_ != "VBG":
            return []
        if lemma(head) in rules()["speech_nouns"] and head.dep_ in ("dobj", "attr") and depth < 6:
            return subject_heads(head.head, depth + 1)  # "issued a statement demanding ...": the issuer demands
        return [head]
    return []


def _relative_antecedent(token: Token) -> list[Token]:
    """The noun a relative clause hangs from ("Russia, which sent troops" -> Russia)."""
    node = token
    for _ in range(4):
        if node.dep_ == "relcl":
            return [node.head]
        if node.head.i == node.i:
            break
        node = node.head
    return []


def object_heads(verb: Token, preps: tuple[str, ...] = ()) -> list[Token]:
    """Direct objects (and datives) of a verb, or the objects of the given prepositions."""
    found = [c for c in verb.children if c.dep_ in OBJECT_DEPS and c.lower_ not in REFLEXIVE]
    if not found and preps:
        for prep in verb.children:
            if prep.dep_ == "prep" and lemma(prep) in preps:
                found = [c for c in prep.children if c.dep_ == "pobj"]
                if found:
                    break
    return found


def passive_subjects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS]


def prep_objects(token: Token, preps: frozenset[str] | tuple[str, ...]) -> list[Token]:
    """Objects of the first preposition (among ``preps``) that the word governs."""
    for prep in token.children:
        if prep.dep_ == "prep" and lemma(prep) in preps:
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if objects:
                return objects
    return []


def noun_actor_heads(noun: Token) -> list[Token]:
    """Who performs an event noun: "Russia's intervention", "Russian air strikes", "an attack by rebels"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return [child]
    by = prep_objects(noun, ("by", "from"))
    if by:
        return by
    for child in noun.children:
        if child.dep_ in ("amod", "compound") and (child.ent_type_ in ("NORP", "GPE", "ORG") or child.pos_ == "PROPN"):
            return [child]
    return []


def is_reciprocal(token: Token) -> bool:
    if token.lower_ in ("other", "another"):
        return any(c.lower_ in ("each", "one") for c in token.children) or (
            token.i > 0 and token.doc[token.i - 1].lower_ in ("each", "one"))
    return False


AUX_DEPS = ("aux", "auxpass", "aux:tense", "aux:pass")  # ClearNLP's and Universal Dependencies' labels


def aux_words(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in AUX_DEPS}


def _morph(token: Token, feature: str, value: str) -> bool:
    """Whether the token or one of its auxiliaries carries a morphological feature (French "attaqueront",
    "seront attaqués": Tense=Fut; English pipelines mark no future)."""
    return any(value in t.morph.get(feature) for t in (token, *(c for c in token.children if c.dep_ in AUX_DEPS)))


def _governing(token: Token, key: str) -> bool:
    """Whether the token is the open complement of a verb of the rules' ``key`` list in its language ("vont
    attaquer", "pourraient attaquer"), or of such a verb in the conditional."""
    head = token.head
    if token.dep_ != "xcomp" or head is token:
        return False
    return lemma(head) in rules_for(token).get(key, ()) or (key == "hypothetical_verbs" and _morph(head, "Mood", "Cnd"))


def is_negated(token: Token) -> bool:
    negators = rules()["negators"]
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ == "never"):
            return True
        if child.dep_ == "det" and child.lower_ == "no" and token.pos_ == "NOUN":
            return True
    if token.pos_ == "VERB" and any(c.lower_ in negators and c.dep_ == "neg" for c in token.children):
        return True
    # Universal Dependencies hang "ne … pas" on the verb as adverbs of negative polarity; "ne … que" restricts
    # ("n'ont tué que deux soldats": they killed two) unless another negative word is there
    if token.pos_ not in ("VERB", "AUX"):
        return False
    negative = [c for c in token.children if c.dep_ == "advmod" and "Neg" in c.morph.get("Polarity")]
    restricted = any(g.dep_ == "mark" and g.lower_ in rules_for(token).get("restrictive_marks", ())
                     for c in token.children if c.i > token.i for g in c.children)
    return len(negative) > 1 or (len(negative) == 1 and not restricted)


def is_future(token: Token) -> bool:
    words = aux_words(token)
    if words & rules()["future_aux"] or _morph(token, "Tense", "Fut") or _governing(token, "future_verbs"):
        return True
    # "is going to sign": the verb is xcomp of "go" with a progressive auxiliary
    head = token.head
    return token.dep_ == "xcomp" and lemma(head) == "go" and head.tag_ == "VBG"


def is_hypothetical(token: Token) -> bool:
    # the conditional of the verb itself ("pourraient"); on an auxiliary ("auraient attaqué") it is the press's
    # conditional of a report not yet confirmed, an alleged event rather than a hypothetical one
    if aux_words(token) & rules()["hypothetical_aux"] or "Cnd" in token.morph.get("Mood"):
        return True
    if _governing(token, "hypothetical_verbs"):
        return True
    if token.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in rules()["conditional_marks"] for c in token.children)
    return False


def is_alleged(token: Token) -> bool:
    """The conditional on an auxiliary ("les rebelles auraient tué dix civils", "aurait été enlevé"): the
    press's conditional of a report the writer does not confirm. English pipelines mark no conditional."""
    return any("Cnd" in c.morph.get("Mood") for c in token.children if c.dep_ in AUX_DEPS)


def has_condition(token: Token) -> bool:
    """Whether the clause carries an if/unless condition ("... unless Baghdad accepts")."""
    marks = rules()["conditional_marks"]
    for child in token.children:
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in child.children):
            return True
        if child.dep_ == "prep" and child.lower_ == "unless":
            return True
    return False


def obligation(token: Token) -> bool:
    """'must', 'should', 'ought to', 'has to', 'needs to' on a clause."""
    modals = rules()["modals_of_obligation"]
    words = aux_words(token)
    if words & {"must", "should", "ought"}:
        return True
    head = token.head
    return token.dep_ == "xcomp" and lemma(head) in modals and head.lower_ not in ("had",) and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
