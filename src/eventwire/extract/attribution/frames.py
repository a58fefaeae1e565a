"""Where a reporting cue's content and speaker sit in the dependency parse.

A frame names one way a cue holds its content:

- ``ccomp``: a clausal complement ("said [that the town fell]", "[“It fell,”] he said")
- ``xcomp``: an open complement ("urged them [to withdraw]", "vowed [to fight]")
- ``dobj``: a direct object ("denounced [the attack]"), or the subject of a passive with its agent ("[the plan] was
  backed by the council")
- ``prep:P``: the object of the preposition P ("accused Russia [of shelling]", "called for [a ceasefire]")
- ``acl``: a clause on a cue noun ("the claim [that troops had left]")
- ``toinf``: an infinitive on a cue noun of intent ("her refusal [to sign]", "the plan [to close the port]")
- ``head``: the clause the cue is inserted in ("The town, he said, [had fallen]"; "according to X, [...]")
- ``quote``: a quotation right next to the cue ("He said: [“...”]")
- ``raise``: a subject with what it seems to be or do, the cue inside ("[The deal seems likely to fail]")
- ``name``: what is named with the name it is given ("called [the plan a farce]", "[what] she called [a farce]")
- ``received``: what receives a cue noun from its giver ("[the plan] drew criticism from farmers")
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventwire.extract.attribution.extents import (
    claim_head,
    clause_after_marker,
    fronted_condition,
    gerund_object,
    infinitive_on,
    opens_with_condition,
    passive_subject,
    received_by,
    subtree_range,
    with_fronted_condition,
    without_fronted_relative,
)
from eventwire.extract.attribution.lexicon import (
    circumstance_prepositions,
    contrast_conjunctions,
    cue_rules,
    setting_conjunctions,
    setting_prepositions,
    speech_nouns,
)

INSERTED = ("parataxis", "advcl", "prep", "npadvmod")
OPENERS = frozenset("“„«\"'`‘")
CLOSERS = frozenset("”»\"'’")
TRIM = frozenset(" \t\n\xa0\u2009\u200b,;:.—–-")
PUNCTUATION = " \t\n\xa0\u2009\u200b,;:.—–-()"


def content_of(cue: Token, frame: str, text: str) -> tuple[int, int] | None:
    """The character span the cue's content takes in this frame, or None when the frame does not fit."""
    if frame == "head":
        return _inserted_in(cue, text)
    if frame.startswith("prep:"):
        return _prepositional(cue, frame[5:])
    if frame == "raise":
        return _raised(cue)
    if frame == "name":
        return _named(cue)
    if frame == "toinf":
        return infinitive_on(cue)
    if frame == "received":
        return received_by(cue)
    if frame in ("ccomp", "xcomp", "dobj", "acl"):
        deps = {"ccomp": ("ccomp",), "xcomp": ("xcomp",), "dobj": ("dobj",), "acl": ("acl", "ccomp")}[frame]
        fitting = [c for c in cue.children if c.dep_ in deps and not (frame == "acl" and not _has_complementiser(c))]
        if fitting:
            chosen = min(fitting, key=lambda c: abs(c.i - cue.i))
            if frame == "dobj":
                return _with_object_complements(cue, chosen)
            if frame == "xcomp":
                return _with_addressee(cue, chosen)
            if frame == "ccomp":
                return with_fronted_condition(cue, chosen)
            return without_fronted_relative(cue, chosen)
        if frame == "ccomp":
            return _object_clause(cue)
        if frame == "dobj":
            return gerund_object(cue) or passive_subject(cue)
    return None


RAISED_COMPLEMENTS = frozenset({"xcomp", "acomp", "oprd", "attr"})


def _raised(cue: Token) -> tuple[int, int] | None:
    """A subject and the complement a verb of seeming says it fits: "[the plan seems to work]", "[he appears
    tired]"; None without either (the cue is then no judgement: "she appeared on television")."""
    subjects = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i]
    complements = [c for c in cue.children if c.dep_ in RAISED_COMPLEMENTS and c.i > cue.i]
    if not subjects or not complements or subjects[0].lower_ in ("there",):
        return None
    return subjects[0].left_edge.idx, subtree_range(complements[0])[1]


NAME_COMPLEMENTS = frozenset({"oprd", "xcomp", "ccomp", "attr", "dobj", "npadvmod", "appos"})


def _named(cue: Token) -> tuple[int, int] | None:
    """What a verb of naming names, with the name: "called [the senator a liar]", "[what] they called [a
    farce]" (a fronted "what" or "that", or a passive subject, is what is named); None without both."""
    after = [c for c in cue.children if c.dep_ in NAME_COMPLEMENTS and c.i > cue.i]
    fronted = [c for c in cue.children if c.dep_ in ("dobj", "nsubjpass") and c.i < cue.i]
    if not fronted and cue.dep_ == "relcl" and cue.head.lower_ in ("what", "that", "which"):
        fronted = [cue.head]
    if fronted and after:
        named = fronted[0]
        start = named.idx if named is cue.head else named.left_edge.idx
    elif len(after) >= 2:
        start = after[0].left_edge.idx
    else:
        return None
    return start, _without_channel_tail(after[-1])


def _without_channel_tail(name: Token) -> int:
    """Where a name ends, without a closing "in an interview" or "on Monday" the parser hung on it."""
    end = subtree_range(name)[1]
    tail = [c for c in name.rights if c.dep_ == "prep"]
    if tail and tail[-1].right_edge.i == name.right_edge.i:
        objects = [g for g in tail[-1].children if g.dep_ == "pobj"]
        if _is_time(tail[-1]) or (objects and objects[0].lemma_.lower() in speech_nouns()):
            previous = name.doc[tail[-1].i - 1]
            end = previous.idx + len(previous)
    return end


def experiencer_of(cue: Token) -> Token | None:
    """Whom something seems so to: "it seems unfair [to me]" (the subject of a verb of seeming is no speaker)."""
    for child in cue.children:
        if child.dep_ == "prep" and child.lower_ == "to":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                return objects[0]
    complements = [c for c in cue.children if c.dep_ in RAISED_COMPLEMENTS]
    return experiencer_of(complements[0]) if complements and complements[0].pos_ == "ADJ" else None


OBJECT_COMPLEMENTS = frozenset({"prep", "dative", "oprd", "xcomp", "ccomp", "acomp"})


def _with_object_complements(cue: Token, obj: Token) -> tuple[int, int]:
    """An object with what the cue says about it: "mocked [Trump for calling himself …]", "described [her as …]"."""
    start, end = _without_time_tail(obj)
    for child in cue.children:
        if child.i <= obj.i:
            continue
        between = cue.doc[obj.right_edge.i + 1:child.left_edge.i]
        if child.dep_ not in OBJECT_COMPLEMENTS or any(t.is_punct for t in between) or _is_time(child):
            break
        if _is_circumstance(cue, child):
            break
        end = max(end, subtree_range(child)[1])
    return start, end


def _is_circumstance(cue: Token, child: Token) -> bool:
    """A phrase on the cue that tells when, where or through what it was said ("attacked her [in a post]"), unless
    the cue's own frames take its preposition."""
    if child.dep_ != "prep":
        return False
    if child.lower_ == "in":  # "in a late-night post": the channel
        return any(g.dep_ == "pobj" and g.lemma_.lower() in speech_nouns() for g in child.children)
    if child.lower_ not in circumstance_prepositions():
        return False
    rule = cue_rules(cue.doc.lang_).get((cue.lemma_.lower(), "VERB"))
    return rule is None or f"prep:{child.lower_}" not in rule.frames


def _with_addressee(cue: Token, clause: Token) -> tuple[int, int]:
    """An open complement with the object it is addressed to: "urged [Russia to withdraw]"."""
    start, end = subtree_range(clause)
    objects = [c for c in cue.children if c.dep_ in ("dobj", "dative") and cue.i < c.i < clause.i]
    return (objects[0].left_edge.idx, end) if objects else (start, end)


def _without_time_tail(noun: Token) -> tuple[int, int]:
    """A noun phrase without a closing "on Monday" the parser hung on it rather than on the verb."""
    start, end = subtree_range(noun)
    tail = [c for c in noun.rights if c.dep_ == "prep"]
    if tail and tail[-1].right_edge.i == noun.right_edge.i and _is_time(tail[-1]):
        previous = noun.doc[tail[-1].i - 1]
        end = previous.idx + len(previous)
    return start, end


def _is_time(token: Token) -> bool:
    """A phrase of time: a preposition whose object is a date ("on Monday", "in the summer of 2015"), not one
    whose object merely holds one ("like building bridges by 2030"); else any date in the phrase."""
    objects = [c for c in token.children if c.dep_ in ("pobj", "pcomp")]
    if token.dep_ == "prep" and objects:
        return objects[0].dep_ == "pobj" and objects[0].ent_type_ in TIME_TYPES
    return any(t.ent_type_ in TIME_TYPES for t in token.subtree)


TIME_TYPES = frozenset({"DATE", "TIME"})


def _has_complementiser(clause: Token) -> bool:
    return any(t.dep_ == "mark" and t.lower_ in ("that", "whether", "if") for t in clause.children)


def _object_clause(cue: Token) -> tuple[int, int] | None:
    """A "that"-clause the parser hung on an object ("told reporters that …") or on the channel ("said in a
    statement that …"): its subtree. Not the clause of a claim someone else owns ("rejected [the union's claim]
    that …", "pointed to her remark that …"): that is the owner's."""
    for child in cue.children:
        if child.i < cue.i:
            continue
        holders = [child] if child.dep_ in ("dobj", "dative", "npadvmod") else []
        if child.dep_ == "prep":
            holders = [g for g in child.children if g.dep_ == "pobj"]
        for holder in (h for h in holders if not _owned(h)):
            for grand in holder.children:
                if grand.dep_ in ("ccomp", "relcl", "acl") and _has_complementiser(grand):
                    return subtree_range(grand)
    return None


def _owned(noun: Token) -> bool:
    return any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("by", "from")) for c in noun.children)


def _prepositional(cue: Token, preposition: str) -> tuple[int, int] | None:
    """The preposition's object, with the cue's direct object before it: "painted [him as a crook]",
    "blasted [the firm for cutting jobs]" say something of the object, not only of the crook or the cutting."""
    for child in cue.children:
        if child.dep_ == "prep" and child.lower_ == preposition:
            objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            if objects:
                start, end = subtree_range(objects[0])
                before = [c for c in cue.children if c.dep_ == "dobj" and cue.i < c.i < child.i]
                return (before[0].left_edge.idx if before else start), end
    return clause_after_marker(cue, preposition)


def _inserted_in(cue: Token, text: str) -> tuple[int, int] | None:
    """The clause around an inserted cue, minus the cue's own phrase when it sits at an edge."""
    if cue.dep_ not in INSERTED or cue.head.i == cue.i:
        return None
    if cue.dep_ == "advcl" and not any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        return None  # "..., saying X" holds its own content; only "as X said" is inserted
    head = cue.head
    if cue.lemma_ == "accord" and head.dep_ == "pobj":  # "... the town, according to X" hung on a noun
        head = head.head.head if head.head.dep_ == "prep" else head
    if cue.lemma_ == "accord":
        head = claim_head(head)
    if head.dep_ == "advcl" and head.i < cue.i < head.head.i and opens_with_condition(head):
        head = head.head  # "Though it went well, he said, the next will not": the whole sentence is said
    start, end = subtree_range(head)
    own_start, own_end = subtree_range(cue)
    condition = fronted_condition(cue)
    if condition is not None:  # "[If it rains], she said, the match is off": the condition is said too
        own_start = cue.doc[condition.right_edge.i + 1].idx
    if text[start:own_start].rstrip().endswith("("):  # "70,000 (according to the census, …)"
        return start, text.rindex("(", start, own_start)
    return _without_cue(text, (start, end), (own_start, own_end), head)


def _without_cue(text: str, clause: tuple[int, int], cue: tuple[int, int], head: Token) -> tuple[int, int] | None:
    """A clause's characters without the cue's phrase: cut at the edge it sits at, else one side of it."""
    (start, end), (own_start, own_end) = clause, cue
    if not text[start:own_start].strip(PUNCTUATION):
        start = own_end
    elif not text[own_end:end].strip(PUNCTUATION):
        end = own_start
    else:
        return _one_side(text, (start, own_start), (own_end, end), head)
    return (start, end) if end > start else None


def _one_side(
    text: str, left: tuple[int, int], right: tuple[int, int], head: Token | None = None
) -> tuple[int, int]:
    """For a cue inside its clause: the quotation on one side when the other side is no part of what was said
    ("Asked about it, Ames said, “…”"), else the whole clause ("The levee, Ames said, “will not hold.”")."""
    right_text = text[right[0]:right[1]].strip(PUNCTUATION)
    left_text = text[left[0]:left[1]].strip(PUNCTUATION)
    if right_text[:1] in OPENERS and len(right_text) > len(left_text) and _adverbial_start(head, left[0]):
        return right
    if left_text[-1:] in CLOSERS and len(left_text) > len(right_text):
        return left
    if _clause_on_left(head, left) and right_text.split(" ", 1)[0].lower() in ("and", "but"):
        return left  # "The pier is safe, she said, and [the writer's next clause]": what she said ends at the cue
    return left[0], right[1]


def _clause_on_left(head: Token | None, left: tuple[int, int]) -> bool:
    return head is not None and head.pos_ in ("VERB", "AUX") and left[0] <= head.idx < left[1]


def _adverbial_start(head: Token | None, offset: int) -> bool:
    """Whether the clause text at ``offset`` opens with an adverbial: a participle, a subordinator or a
    preposition ("Asked …", "When …", "In a speech …"), not the subject of what was said."""
    if head is None:
        return True
    first = next((t for t in head.subtree if t.idx >= offset and not t.is_punct and not t.is_space), None)
    return first is None or first.tag_ in ("VBN", "VBG", "IN", "WRB", "RB") or first.dep_ in ("advcl", "mark", "prep")


def sentence_of(token: Token) -> SpacySpan:
    """The sentence around a token, found by walking to the sentence starts (``Token.sent`` re-splits the doc)."""
    doc = token.doc
    start = token.i
    while start > 0 and not doc[start].is_sent_start:
        start -= 1
    end = token.i + 1
    while end < len(doc) and not doc[end].is_sent_start:
        end += 1
    return doc[start:end]


def phrase_head(token: Token) -> Token:
    """The last word of a name, which its other words hang on ("Ana Ruiz" gives "Ruiz")."""
    while token.dep_ in ("compound", "flat") and token.head.i != token.i:
        token = token.head
    return token


# verbs whose passive subject is who is addressed or named, not who speaks ("she was told", "he was called a liar")


ASIDE_OPENERS = frozenset({"which", "who", "whom", "whose"})


def without_trailing_aside(doc, start: int, end: int) -> tuple[int, int]:
    """Cut a closing non-restrictive relative clause, the writer's aside rather than the speaker's words
    ("said the road was Ada's, [which the army disputes]")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return start, end
    for token in reversed(span):
        if token.dep_ == "relcl" and token.left_edge.lower_ in ASIDE_OPENERS and token.left_edge.i > span.start:
            before = doc[token.left_edge.i - 1]
            if before.text == "," and token.right_edge.i >= span.end - 2:
                return start, before.idx
    return start, end


TRAILING_DEPS = frozenset({"advcl", "conj"})


def without_trailing_cue(doc, start: int, end: int, is_cue) -> tuple[int, int]:
    """Cut a closing clause led by a reporting verb of its own, the writer's report of a further act of saying
    rather than part of the first ("said the levee held, [arguing that …]", "said it was opposed [and warned …]");
    ``is_cue`` tells a reporting verb. The clause is a record of its own; one with a subject of its own only after
    a subordinator of contrast ("said the dam helped[, while residents said …]",
    lexicons/quote_contrast_conjunctions.txt)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return start, end
    for token in span[1:]:
        if token.dep_ not in TRAILING_DEPS or token.pos_ != "VERB" or not is_cue(token):
            continue
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
        if token.right_edge.i < span.end - 2 or (own_subject and token.left_edge.lower_ not in contrast_conjunctions()):
            continue
        first = token.left_edge
        while first.i > span.start and doc[first.i - 1].text in (",", "and", ";", "—"):
            first = doc[first.i - 1]
        if first.i > span.start and (first.text in (",", "and", ";", "—")):
            return start, doc[first.i - 1].idx + len(doc[first.i - 1])
    return start, end


def without_trailing_participle(doc, start: int, end: int) -> tuple[int, int]:
    """Cut a closing participle clause set off by a comma, the writer's comment on what was said rather than
    part of it ("said the hands were raised[, contradicting the police]"), and a closing phrase of setting
    ("urged calm [amid fears of a flood]", lexicons/quote_setting_prepositions.txt) or of a subordinate
    clause of setting ("said the dam was safe[, though nobody saw the survey]",
    lexicons/quote_setting_conjunctions.txt)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return start, end
    for token in span[2:]:
        before = doc[token.i - 1]
        if token.right_edge.i < span.end - 2 or before.i <= span.start:
            continue
        if token.dep_ == "prep" and token.lower_ in setting_prepositions():
            return start, (before.idx if before.text == "," else token.idx)
        opener = doc[token.left_edge.i - 1]
        if token.dep_ == "advcl" and opener.text == "," and opener.i > span.start and _opens_with_setting(token):
            return start, opener.idx
        if token.dep_ != "advcl" or token.tag_ != "VBG" or token.left_edge.i != token.i:
            continue
        if before.text == ",":
            return start, before.idx
    return start, end



def _opens_with_setting(clause: Token) -> bool:
    """A clause led by a subordinator of the writer's setting (", although …", ", when asked …")."""
    first = clause.left_edge
    return first.dep_ in ("mark", "advmod") and first.head.i == clause.i and first.lower_ in setting_conjunctions()


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop outer spaces and clause punctuation, keeping quotation marks."""
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end
