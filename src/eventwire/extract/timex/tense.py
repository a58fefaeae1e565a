"""The tense of the clause a time expression sits in: it decides which way an underspecified date points.

English reads the Penn tags of the verb and its auxiliaries; French (and any language whose pipeline fills
spaCy's morphology) reads ``Tense``, ``Mood`` and ``VerbForm``. The words involved ('will', 'aller' …) are
cue lists of each language's ``time_words.json``.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.extract.timex.grammar import cues
from eventwire.extract.timex.values import FUTURE, PAST, PRESENT

CLAUSE_LINKS = ("xcomp", "conj", "ccomp", "advcl", "pcomp")


def _is_aux(token: Token) -> bool:
    return token.dep_.startswith("aux")  # 'aux', 'auxpass'; UD's 'aux:tense', 'aux:pass'


def governing_verb(token: Token) -> Token | None:
    """The nearest verb (or auxiliary heading a clause) above ``token`` in the dependency tree."""
    seen = 0
    while seen < 12:
        if token.pos_ in ("VERB", "AUX") and not _is_aux(token):
            return token
        if token.head.i == token.i:
            return token if token.pos_ in ("VERB", "AUX") else None
        token = token.head
        seen += 1
    return None


def clause_tense(token: Token) -> str | None:
    """'past', 'future' or 'present' for the clause ``token`` belongs to; None without a finite verb."""
    verb = governing_verb(token)
    lang = token.doc.lang_
    english = lang == "en"
    for _ in range(4):
        if verb is None:
            return None
        tense = _verb_tense(verb) if english else _morph_tense(verb, lang)
        if tense is not None:
            return tense
        if verb.dep_ == "xcomp" and verb.head.lemma_ in cues("plan_lemmas", lang):
            had = any(c.lower_ in cues("had_aux", lang) for c in verb.head.children if _is_aux(c))
            return PAST if had else FUTURE
        if verb.dep_.split(":")[0] in CLAUSE_LINKS and verb.head.i != verb.i:
            verb = governing_verb(verb.head)
        else:
            return None
    return None


def _verb_tense(verb: Token) -> str | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    aux_words = {a.lower_ for a in auxes}
    going, to = cues("going_to")
    if aux_words & cues("future_aux") or (verb.lemma_ == going and any(c.lower_ == to for c in verb.rights)
                                          and verb.tag_ == "VBG"):
        return FUTURE
    if verb.lemma_ in cues("plan_lemmas") and verb.tag_ != "VBD" and not any(a.tag_ == "VBD" for a in auxes):
        return FUTURE
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return PAST
    if any(a.lemma_ == "have" for a in auxes) or (verb.tag_ == "VBN" and not auxes):
        return PAST
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return PRESENT
    return None


def _morph_tense(verb: Token, lang: str) -> str | None:
    """Tense from morphology: 'a annoncé', 'annonça', 'annonçait' past; 'annoncera', 'va annoncer' future."""
    auxes = [c for c in verb.children if _is_aux(c)]
    finite = auxes[0] if auxes else verb
    tenses = set(finite.morph.get("Tense"))
    if "Fut" in tenses or (auxes and auxes[0].lemma_ in cues("plan_lemmas", lang)):
        return FUTURE
    if "Cnd" in finite.morph.get("Mood"):
        return PAST if auxes else FUTURE
    if verb.lemma_ in cues("plan_lemmas", lang) and any(c.dep_ == "xcomp" for c in verb.children):
        return FUTURE if "Pres" in tenses else PAST
    if "Part" in verb.morph.get("VerbForm"):
        if any(a.dep_ != "aux:pass" for a in auxes):
            return PAST  # 'a annoncé', 'est arrivé', 'a été tué'
        if verb.lemma_ in cues("plan_lemmas", lang) and not tenses & {"Past", "Imp"}:
            return FUTURE  # 'est prévu', 'prévue'
        if not auxes:
            return None
    if tenses & {"Past", "Imp"}:
        return PAST
    if "Pres" in tenses:
        return PRESENT
    return None
