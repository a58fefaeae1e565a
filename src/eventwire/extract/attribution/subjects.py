"""Who speaks: the speaker a cue names — its subject (in either dependency scheme), the owner of a speech noun,
the object of "according to" or of "selon", the inverted subject of an inserted French cue, or a name beside a
cue the parser left without one."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.extract.attribution.extents import receiving_verbs
from eventwire.extract.attribution.frames import phrase_head, sentence_of
from eventwire.extract.attribution.lexicon import speech_act_verbs, speech_nouns


def speaker_of(cue: Token) -> Token | None:
    """The token naming who speaks: the cue's subject, or its governing verb's, or the object of "according to"."""
    if cue.lemma_ == "accord":
        for child in cue.children:
            if child.dep_ == "prep":
                for grand in child.children:
                    if grand.dep_ == "pobj":  # "according to a statement from X": X speaks
                        owner = _owner_of(grand) if grand.lemma_.lower() in speech_nouns() else None
                        return owner or grand
        return None
    if cue.pos_ == "ADP":  # "in his view", "in a new poll": the view's owner, or the poll itself
        objects = [c for c in cue.children if c.dep_ == "pobj"]
        return (_owner_of(objects[0]) or objects[0]) if objects else None
    if cue.pos_ in ("NOUN", "PROPN"):
        owner = _owner_of(cue) or _giver_of(cue)
        if owner is None and cue.dep_ == "dobj" and cue.head.lemma_.lower() in speech_act_verbs():
            return _subject_of(cue.head)  # "issued a statement", "expressed concern that …"
        return owner
    return _subject_of(cue) or _name_beside(cue) or _inverted_name(cue)


def _inverted_name(cue: Token) -> Token | None:
    """The name a sentence-opening cue was read into ("Said Ana Ruiz: “…”", "Added Voss:"): the parser made the
    verb a word of the name."""
    if cue.dep_ in ("compound", "amod", "nmod") and cue.head.pos_ == "PROPN" and cue.i == sentence_of(cue).start:
        return phrase_head(cue.head)
    return None


def _owner_of(noun: Token) -> Token | None:
    """Who a speech noun belongs to: "X's claim", "the claim by/from X", "a statement of the X ministry"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects and (child.lower_ != "of" or _names_someone(objects[0])):
                return objects[0]
    return None


def _giver_of(noun: Token) -> Token | None:
    """Who gives what a cue noun names when the parser hung "from X" on the receiving verb ("the plan received
    praise [from fishermen]")."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in receiving_verbs():
        return None
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "from" and child.i > noun.i:
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _names_someone(token: Token) -> bool:
    """A name or a word for a body that speaks ("of Ana Ruiz", "of the ministry"), not a topic ("of fraud")."""
    return token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")


def _subject_of(verb: Token) -> Token | None:
    """The subject of the verb, or of the verb it hangs from ("…, saying", "went on to add")."""
    token = verb
    for _ in range(3):
        agent = _agent_of(token)
        if agent is not None:  # "the plan was backed by [the council]": the agent speaks, not the subject
            return agent
        subject = _nearest_subject(token)
        if subject is not None:
            return subject
        for child in token.children:
            if child.dep_ in ("nsubjpass", "nsubj:pass") and verb.lemma_ not in PASSIVE_ADDRESSEES:
                return child
            if child.dep_ == "obl:agent":  # UD: "déclaré par [le ministre]"
                return child
        if token.dep_ == "relcl":
            return token.head
        if token.dep_ not in ("xcomp", "conj", "advcl", "pcomp", "acl", "acomp") or token.head.i == token.i:
            return None
        token = token.head.head if token.dep_ == "pcomp" else token.head
    return None


def _nearest_subject(verb: Token) -> Token | None:
    """The verb's active subject; where the parser gave it two, the one nearest before it ("“…, one of the best
    in the state,” Ana Ruiz said": Ana Ruiz, not the "one" inside the quotation)."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    before = [c for c in subjects if c.i < verb.i]
    return before[-1] if len(subjects) > 1 and before else (subjects[0] if subjects else None)


def _agent_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


MAX_SPEAKER_CHARS = 120  # between a quotation and the cue after it: room for "Texas delegate Bill Ames, 52,"
NAME_REACH = 3  # tokens between a main-clause cue and a name the parser failed to make its subject


def _name_beside(cue: Token) -> Token | None:
    """A name right next to a main-clause cue the parser left without subject ("“…,” Texas delegate Bill Ames,
    wearing a hat, said"; "“…,” said Dara Moss")."""
    if cue.dep_ not in ("ROOT", "parataxis"):
        return None
    sentence = sentence_of(cue)
    after = [t for t in sentence[cue.i - sentence.start + 1:] if not t.is_punct][:NAME_REACH]
    for token in after:
        if token.pos_ == "PROPN" and token.dep_ not in ("pobj",):
            return phrase_head(token)
    before = [t for t in reversed(sentence[: cue.i - sentence.start]) if not t.is_punct][:NAME_REACH + 3]
    for token in before:
        if token.pos_ in ("PROPN", "PRON") and token.lower_ not in ("it",) and token.dep_ not in ("pobj", "poss"):
            return phrase_head(token)
    return None



PASSIVE_ADDRESSEES = frozenset({"tell", "ask", "urge", "warn", "remind", "inform", "assure", "call", "dub", "label"})


HELPER_DEPS = frozenset({"aux", "auxpass", "neg", "advmod", "nsubj", "punct", "aux:tense", "aux:pass"})


def only_speaker_between(cue: Token, offset: int) -> bool:
    """Whether the words from ``offset`` to the cue are the cue's subject, its auxiliaries and punctuation
    ("“…,” Texas delegate Bill Ames, 52, had said")."""
    doc = cue.doc
    subject = speaker_of(cue)
    subject_range = (subject.left_edge.i, subject.right_edge.i) if subject is not None else (-1, -1)
    i = cue.i - 1
    depth = 0  # inside brackets: "Rep. Ada Lume (D-Md.) said"
    while i >= 0 and doc[i].idx >= offset:
        token = doc[i]
        depth += (token.text == ")") - (token.text == "(")
        inside = subject_range[0] <= i <= subject_range[1] or depth > 0 or token.text == "("
        helper = token.head.i == cue.i and token.dep_ in HELPER_DEPS
        if not (token.is_punct or token.is_space or inside or helper):
            return False
        if token.is_space and "\n" in token.text:
            return False
        i -= 1
    return True


INVERTED_DEPS = frozenset({"nsubj", "dobj", "attr", "npadvmod", "dative"})


def inverted_speaker(cue: Token, content_end: int) -> Token | None:
    """Who speaks after a cue that closes a quotation ("“…,” asked the boy", "“…,” tweeted another"): the noun
    phrase right after the cue, however the parser hung it on the cue, when only punctuation lies between the
    quotation and the cue."""
    doc = cue.doc
    if doc.text[content_end:cue.idx].strip(" ,\n\t\xa0") or cue.i + 1 >= len(doc):
        return None
    for token in doc[cue.i + 1:cue.i + 1 + NAME_REACH + 2]:
        if token.head.i == cue.i and token.dep_ in INVERTED_DEPS and token.pos_ in ("NOUN", "PROPN", "PRON"):
            return token if token.left_edge.i == cue.i + 1 else None
        if token.is_punct:
            return None
    return None
