"""French attribution frames the shared pass reads wrongly or not at all, on Universal Dependencies parses.

- Inverted subject: a cue after what was said takes its speaker after it ("…, a déclaré le ministre",
  "« … », a raconté un habitant"); the French parse labels that speaker ``obj`` and often hangs the cue on the
  clause it reports as ``conj``. The speaker is the nominal after the cue; the content is the clause before it.
- "selon X": set off by a comma, it attributes the rest of its sentence to X ("Selon l'armée, …",
  "…, selon des témoins"); without a comma it is no attribution ("varient selon la saison").
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from eventwire.extract.attribution.draft import Draft
from eventwire.extract.attribution.frames import sentence_of, trim
from eventwire.extract.attribution.lexicon import cue_rules, cue_tokens

INVERTED_DEPS = frozenset({"obj", "nsubj"})  # how the parse labels a subject placed after its verb
REPORTED_DEPS = frozenset({"conj", "parataxis", "ROOT"})
SELON = "selon"
SELON_WORDS = frozenset({SELON})
SELON_WEIGHT = 0.9
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "expl:subj"})


def french_drafts(drafts: list[Draft], doc: Doc, sentences: Iterable, text: str) -> list[Draft]:
    """The shared pass's drafts with French inverted speakers put right, plus the inverted cues it missed and
    the "selon X" attributions."""
    by_cue = {d.cue_token.i: d for d in drafts if d.cue_token is not None}
    rules = cue_rules("fr")
    out = list(drafts)
    for token in cue_tokens(doc, sentences, rules, SELON_WORDS):
        if token.lower_ == SELON:
            draft = _selon(token, text)
            if draft is not None:
                out.append(draft)
            continue
        if (token.lemma_.lower(), "VERB") not in rules or token.pos_ not in ("VERB", "AUX"):
            continue
        speaker = inverted_speaker(token, text)
        if speaker is None:
            continue
        known = by_cue.get(token.i)
        if known is not None:
            known.speaker = speaker
        else:
            draft = _inverted_draft(token, speaker, text, rules[(token.lemma_.lower(), "VERB")].weight)
            if draft is not None:
                out.append(draft)
    return out


def inverted_speaker(cue: Token, text: str) -> Token | None:
    """The subject after a cue that follows what was said: the cue opens after a comma or a closing quotation
    mark ("…, a indiqué X"; "a-t-il dit" has its pronoun as an ordinary subject and needs nothing here)."""
    if cue.dep_ not in REPORTED_DEPS:
        return None
    if cue.dep_ != "conj" and any(c.dep_ in SUBJECT_DEPS and c.i < cue.i for c in cue.children):
        return None  # "Le ministre, ému, a déclaré …": its subject is before it (a conj cue's is a misparse)
    first = min([cue, *(c for c in cue.children if c.dep_.startswith("aux") and c.i < cue.i)], key=lambda t: t.i)
    before = text[:first.idx].rstrip()
    if not before or before[-1] not in ",»”\"":
        return None
    after = [c for c in cue.children if c.i > cue.i and c.dep_ in INVERTED_DEPS and c.pos_ in ("NOUN", "PROPN")]
    return after[0] if after else None


def _inverted_draft(cue: Token, speaker: Token, text: str, weight: float) -> Draft | None:
    """ "Des rebelles ont tué X, a annoncé l'armée": the content runs from the sentence start to the comma."""
    sentence = sentence_of(cue)
    first = min([cue, *(c for c in cue.children if c.dep_.startswith("aux") and c.i < cue.i)], key=lambda t: t.i)
    start, end = trim(text, _line_start(text, sentence.start_char, first.idx), first.idx)
    if end - start < 2 and sentence.start > 0:  # the parser cut "« … »" off ", a prévenu X"
        start, end = trim(text, text.rfind("\n", 0, first.idx) + 1, first.idx)
    if end - start < 2:
        return None
    cue_span = (first.idx, cue.idx + len(cue))
    return Draft(start, end, cue_span, cue, speaker, weight, "head", sentence.end_char,
                 speaker_span=(speaker.left_edge.idx, _right_end(speaker)))


def _selon(selon: Token, text: str) -> Draft | None:
    """ "Selon X, …" / "…, selon X": X says the rest of the sentence, up to or from the comma."""
    source = selon.head
    if source is selon or source.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    sentence = sentence_of(selon)
    sentence_start = _line_start(text, sentence.start_char, selon.idx)
    sentence_end = _line_end(text, selon.idx, sentence.end_char)
    before = text[sentence_start:selon.idx].strip()
    source_end = _phrase_end(source, text)
    if not before:  # "Selon X, …"
        comma = text.find(",", selon.idx, sentence_end)
        if comma == -1:
            return None
        start, end = trim(text, comma + 1, sentence_end)
        speaker_end = min(source_end, comma)
    elif before.endswith(","):  # "…, selon X."
        start, end = trim(text, sentence_start, selon.idx)
        speaker_end = source_end
    else:
        return None
    if end - start < 2:
        return None
    speaker_start = selon.doc[selon.i + 1].idx
    return Draft(start, end, (selon.idx, selon.idx + len(selon)), selon, source, SELON_WEIGHT, "head",
                 sentence.end_char, speaker_span=trim(text, speaker_start, speaker_end))


def _line_start(text: str, start: int, at: int) -> int:
    """The sentence's start, or the start of ``at``'s line where the parser ran the sentence over a line break."""
    return max(start, text.rfind("\n", 0, at) + 1)


def _line_end(text: str, at: int, end: int) -> int:
    found = text.find("\n", at, end)
    return end if found == -1 else found


def _phrase_end(noun: Token, text: str) -> int:
    """Where the source's phrase ends: its subtree, cut at the first comma (the parse may hang the clause on it)."""
    end = _right_end(noun)
    comma = text.find(",", noun.idx, end)
    return end if comma == -1 else comma


def _right_end(token: Token) -> int:
    last = token.right_edge
    while last.is_punct and last.i > token.i:
        last = last.doc[last.i - 1]
    return last.idx + len(last)
