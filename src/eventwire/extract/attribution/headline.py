"""Headlines in title case: "Senator Rips Governor As A ‘Danger’", "Mayor Vows To Rebuild Orsk".

The parser reads a title-case headline as one long name, so its reporting verb is no verb to it. On the
document's first line, a capitalised word whose lower-case form is a reporting verb of the lexicon, with words
before it naming someone (an entity, or a title or body of the lexicon), and no preposition after it, is read as
the headline's cue: the words before are the speaker, the rest of the line the content.
"""

from __future__ import annotations

from itertools import takewhile

from spacy.tokens import Doc, Token

from eventwire.extract.attribution.draft import Draft
from eventwire.extract.attribution.frames import phrase_head, trim
from eventwire.extract.attribution.lexicon import CueRule, speaker_nouns

VERB_ENDINGS = ("", "s", "es", "d", "ed")  # "Rips", "Vows", "Pushes", "Urged": the forms a headline takes
MIN_CONTENT_CHARS = 3
HEADLINE_TENSES = frozenset({"VBZ", "VBP"})  # a headline reports in the present: "Union plans walkout"


def headline_claims(doc: Doc, text: str, rules: dict[tuple[str, str], CueRule]) -> list[Draft]:
    """The title-case headline's attribution, when its first line has one the parser missed."""
    line_end = text.find("\n")
    line_end = len(text) if line_end == -1 else line_end
    tokens = list(takewhile(lambda t: t.idx < line_end, doc))  # the first line's tokens, not the whole text's
    if len(tokens) < 3 or not _title_case(tokens):
        return []
    for token in tokens[1:]:
        if token.pos_ not in ("PROPN", "NOUN", "VERB") or not token.is_title:
            continue
        rule = _verb_rule(token.lower_, rules)
        if rule is None:
            continue
        if not _names_a_speaker(doc[token.i - 1]) or (token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "ADP"):
            continue  # "One Tweet Sums Up …", "Clinton Plan for Taxes …": a noun, not a verb
        speaker_start, speaker_end = trim(text, 0, token.idx)
        start, end = trim(text, token.idx + len(token), line_end)
        if end - start < MIN_CONTENT_CHARS or speaker_end <= speaker_start:
            return []
        speaker = phrase_head(doc[token.i - 1])
        return [Draft(start, end, (token.idx, token.idx + len(token)), None, speaker, rule.weight, "headline",
                      sentence_end=end, speaker_span=(speaker_start, speaker_end))]
    return []


def headline_verb_claim(doc: Doc, text: str, rules: dict[tuple[str, str], CueRule],
                        drafts: list[Draft]) -> list[Draft]:
    """A lower-case headline whose main verb, in the present as headlines have it, is a cue no frame read
    ("Mayor plans new tax after deficit"): its subject speaks, the rest of the line is what is claimed; only when
    nothing found so far lies on the first line."""
    line_end = text.find("\n")
    if line_end == -1 or any(d.start < line_end for d in drafts):
        return []  # a text of one line has no headline
    tokens = list(takewhile(lambda t: t.idx < line_end, doc))
    roots = [t for t in tokens if t.dep_ == "ROOT" and t.tag_ in HEADLINE_TENSES]
    if len(tokens) < 3 or len(roots) != 1 or rules.get((roots[0].lemma_.lower(), "VERB")) is None:
        return []
    cue = roots[0]
    subjects = [c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i]
    start, end = trim(text, cue.idx + len(cue), line_end)
    if not subjects or end - start < MIN_CONTENT_CHARS or any(t.is_punct and t.text in ":;" for t in tokens):
        return []
    speaker = subjects[0]
    return [Draft(start, end, (cue.idx, cue.idx + len(cue)), cue, speaker, 0.4, "headline", sentence_end=end)]


def _names_a_speaker(token: Token) -> bool:
    """A name the parser knows, a word for who speaks by title or as a body ("Senator", "Lawmakers"), or the
    last of two proper nouns ("Governor Ruiz") the parser tagged as no entity."""
    if token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or token.lemma_.lower().rstrip("s") in speaker_nouns():
        return True
    return token.pos_ == "PROPN" and token.i > 0 and token.doc[token.i - 1].pos_ == "PROPN"


def _title_case(tokens: list[Token]) -> bool:
    """Whether most words of the line are capitalised, as title-case headlines are."""
    words = [t for t in tokens if t.is_alpha and len(t) > 3]
    return bool(words) and sum(t.is_title or t.is_upper for t in words) >= 0.8 * len(words)


def _verb_rule(word: str, rules: dict[tuple[str, str], CueRule]) -> CueRule | None:
    for ending in VERB_ENDINGS:
        if ending and not word.endswith(ending):
            continue
        rule = rules.get((word[: len(word) - len(ending)], "VERB"))
        if rule is not None:
            return rule
    return None
