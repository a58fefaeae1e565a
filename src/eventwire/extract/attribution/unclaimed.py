"""Quotations no cue claims: a continuation of the attribution just before ("“…,” he said. “…”"), a quotation
whose own sentence names the speaker without a lexicon cue ("X shot back: “…”", "“…” ― Ana Ruiz"), or speech
whose speaker is the latest one named nearby.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from eventwire.extract.attribution.draft import Draft
from eventwire.extract.attribution.frames import phrase_head, sentence_of
from eventwire.extract.attribution.quotemarks import QuoteMarks, is_speech
from eventwire.extract.attribution.subjects import MAX_SPEAKER_CHARS, only_speaker_between, speaker_of

MIN_ORPHAN_WORDS = 6  # shorter unclaimed quotations are scare quotes or titles, not speech
MAX_SIGNATURE_TOKENS = 5
MAX_ORPHAN_PARAGRAPHS = 1  # how far back an unclaimed quotation's speaker may have been named
MIN_CONTINUED_WORDS = 6  # a shorter quotation after an attribution is a scare quote or a title
DASHES = frozenset({"―", "—", "–", "-", "--"})


def _is_sentence(text: str, mark: QuoteMarks) -> bool:
    """A quoted full sentence, however short ("“People are drinking rainwater.”"), not a scare quote."""
    inner = text[mark.start + 1:mark.end - 1].strip(" '‘’\"")
    return len(inner.split()) >= 2 and inner[:1].isupper() and inner[-1:] in ".!?"


def _covered(mark: QuoteMarks, drafts: list[Draft]) -> bool:
    return any(d.start <= mark.start and mark.end <= d.end for d in drafts)


def extend_continued(drafts: list[Draft], marks: list[QuoteMarks], text: str) -> None:
    """Quotations that follow an attribution with only punctuation between ("“…,” he said. “…”"): each extends
    that attribution, so one source's continued quotation is one record (its content runs over the cue)."""
    for mark in marks:
        if _covered(mark, drafts):
            continue
        previous = _previous_attribution(drafts, mark.start)
        if previous is None or any(d.start < mark.end and mark.start < d.end for d in drafts):
            continue  # a quotation holding another attribution ('"PENCE: …' in a transcript) is that one's
        if _resumes_sentence(text, previous, mark):
            previous.extend_to(mark.start, mark.end)  # "“The town,” he said, “is lost.”": one sentence, one quotation
            continue
        if not (is_speech(text, mark, MIN_CONTINUED_WORDS) or _is_sentence(text, mark)):
            continue
        gap = text[max(previous.outer_end, previous.sentence_end):mark.start]
        if re.fullmatch(r"[\s.,;:!?—–-]*", gap) and gap.count("\n") <= 2:
            previous.extend_to(mark.start, mark.end)  # one source, one record: the quotation continues it
            previous.sentence_end = max(previous.sentence_end, mark.end)


def _resumes_sentence(text: str, previous: Draft, mark: QuoteMarks) -> bool:
    """Whether the quotation picks up the sentence a quotation before the cue left open."""
    if previous.cue is None or previous.end > previous.cue[0] or text[previous.end - 2:previous.end - 1] != ",":
        return False
    return bool(re.fullmatch(r"\s*,\s*", text[previous.outer_end:mark.start]))


def _previous_attribution(drafts: list[Draft], offset: int) -> Draft | None:
    best = None
    for draft in drafts:
        later = best is None or draft.outer_end > best.outer_end
        if later and draft.outer_end <= offset and draft.frame != "orphan":
            best = draft
    return best


def orphans(drafts: list[Draft], marks: list[QuoteMarks], doc: Doc, text: str) -> list[Draft]:
    """Quotations no cue claims, long enough to be speech: their speaker is named in their own sentence
    ("X reacted sharply: “…”", "Pew Research: “…”") or is the latest earlier speaker."""
    out: list[Draft] = []
    for mark in marks:
        if _covered(mark, drafts) or any(d.start < mark.end and mark.start < d.end for d in drafts):
            continue
        if not is_speech(text, mark, MIN_ORPHAN_WORDS):
            continue
        local = _speaker_in_sentence(doc, mark, text)
        if local is not None:
            cue, speaker = local
            out.append(Draft(mark.start, mark.end, cue, None, speaker, 0.4, "orphan"))
            continue
        source = _latest_speaker_before(drafts, mark.start)
        if source is not None and _paragraphs_between(text, source.outer_end, mark.start) <= MAX_ORPHAN_PARAGRAPHS:
            out.append(Draft(mark.start, mark.end, None, None, source.speaker, 0.3, "orphan",
                             speaker_from=source))
        else:  # speech with nobody near enough to have said it: keep it, speaker unknown
            out.append(Draft(mark.start, mark.end, None, None, None, 0.2, "orphan"))
    return out


def _speaker_in_sentence(doc: Doc, mark: QuoteMarks, text: str) -> tuple[tuple[int, int], Token] | None:
    """(cue span, speaker) when the quotation's own sentence names who speaks, before or after it; a signature
    after it first ("“…” ― Ana Ruiz"), since in a column of signed quotations the name before one signs the last."""
    return _signed(doc, mark, text) or _speaker_before(doc, mark) or _speaker_after(doc, mark)


SIGNATURE = re.compile(r"[ \t\xa0]*([―—–-]{1,2})[ \t\xa0]*")


def _signed(doc: Doc, mark: QuoteMarks, text: str) -> tuple[tuple[int, int], Token] | None:
    """A dash and a name right after the quotation, however the dash and the spaces around it are tokenised
    ("”― Ana Ruiz", "” ―\xa0Ana Ruiz")."""
    found = SIGNATURE.match(text[mark.end:mark.end + 12]) if mark.end < len(text) else None
    if found is None:
        return None
    after = doc.char_span(mark.end + found.end(), mark.end + found.end() + 1, alignment_mode="expand")
    if after is None or len(after) == 0:
        return None
    name = []
    for token in doc[after[0].i:after[0].i + MAX_SIGNATURE_TOKENS]:
        if token.pos_ != "PROPN" or token.idx < mark.end + found.end():
            break
        name.append(token)
    dash = (mark.end + found.start(1), mark.end + found.end(1))
    return (dash, phrase_head(name[-1])) if name else None


def _speaker_after(doc: Doc, mark: QuoteMarks) -> tuple[tuple[int, int], Token] | None:
    """Any verb whose subject directly follows the quotation: "“…,” Bennett shot back."."""
    last = doc.char_span(mark.end - 1, mark.end, alignment_mode="expand")
    if last is None or len(last) == 0:
        return None
    signed = _signature(doc, last[-1].i + 1)
    if signed is not None:
        return signed
    for token in doc[last[-1].i + 1:last[-1].i + 12]:
        if token.idx - mark.end > MAX_SPEAKER_CHARS or (token.is_space and "\n" in token.text):
            return None
        if token.pos_ == "VERB":
            subject = speaker_of(token)
            if subject is not None and subject.i < token.i and only_speaker_between(token, mark.end):
                return (token.idx, token.idx + len(token)), subject
            return None
    return None


def _signature(doc: Doc, i: int) -> tuple[tuple[int, int], Token] | None:
    """A quotation signed with a dash and a name: "“…” ― Ana Ruiz"."""
    while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
        i += 1
    if i >= len(doc) - 1 or doc[i].text not in DASHES:
        return None
    name = []
    for token in doc[i + 1:i + 1 + MAX_SIGNATURE_TOKENS]:
        if token.pos_ != "PROPN":
            break
        name.append(token)
    if not name:
        return None
    return (doc[i].idx, doc[i].idx + len(doc[i])), phrase_head(name[-1])


def _speaker_before(doc: Doc, mark: QuoteMarks) -> tuple[tuple[int, int], Token] | None:
    """(cue span, speaker) when the quotation's own sentence names who speaks before it."""
    first = doc.char_span(mark.start, mark.start + 1, alignment_mode="expand")
    if first is None or len(first) == 0 or first[0].i == 0:
        return None
    before = doc[first[0].i - 1]
    if before.text == ":" and before.i > 0:
        lead = doc[before.i - 1]
        if lead.pos_ in ("VERB", "AUX"):
            speaker = speaker_of(lead)
            return ((lead.idx, lead.idx + len(lead)), speaker) if speaker is not None else None
        if lead.pos_ in ("PROPN", "NOUN") and not before.is_sent_start:
            return (before.idx, before.idx + 1), lead
    sentence = sentence_of(first[0])
    root = sentence.root
    if sentence.start_char >= mark.start - 1 or root.pos_ not in ("VERB", "AUX") or root.idx > mark.start:
        return None
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.idx < mark.start]
    if not subjects or subjects[0].right_edge.idx >= mark.start:
        return None
    return (root.idx, root.idx + len(root)), subjects[0]


def _paragraphs_between(text: str, start: int, end: int) -> int:
    return len([p for p in text[start:end].split("\n") if p.strip()])


def _latest_speaker_before(drafts: list[Draft], offset: int) -> Draft | None:
    best = None
    for draft in drafts:
        later = best is None or draft.outer_end > best.outer_end
        if later and draft.speaker is not None and draft.outer_end <= offset:
            best = draft
    return best
