"""Who said what: quotations and claims with their speakers.

The finding is done in ``extract/attribution/``: reporting cues from a lexicon (``lexicons/quote_*``) with their
content taken from the dependency parse, quotation-mark spans, quotations that continue an attribution or name
their speaker without a cue, and speaker resolution (entities, pronouns, descriptions). Each quotation is its
own record; a continued one carries the speaker of the attribution it continues and no cue.
Other steps call :func:`attribution_of` to learn who claims a figure or an event.
"""

from __future__ import annotations

from eventwire.extract.attribution.finder import Draft, find_attributions, kind_of
from eventwire.extract.attribution.frames import trim
from eventwire.extract.attribution.quotemarks import QuoteMarks, quote_spans
from eventwire.extract.attribution.speakers import SpeakerResolver, speaker_range
from eventwire.extract.base import Found, Parsed, step
from eventwire.records import Quote, Span


@step(provides="quotes", requires=("entities",))
def quotes(doc: Parsed, found: Found) -> list[Quote]:
    """Every attribution in the document, in text order, each with content, cue, speaker and kind."""
    text = doc.text
    marks = [m for m in quote_spans(text) if not doc.in_boilerplate(m.start, m.end)]
    drafts = find_attributions(doc.doc, doc.sentences, marks, text=text)
    resolver = SpeakerResolver(found.get("entities") or [], doc.doc)
    records: dict[int, Quote] = {}
    out: list[Quote] = []
    for draft in sorted(drafts, key=lambda d: d.start):
        quote = _quote_of(draft, text, marks, resolver, records)
        records[id(draft)] = quote
        out.append(quote)
    return out


def _quote_of(
    draft: Draft, text: str, marks: list[QuoteMarks], resolver: SpeakerResolver, records: dict[int, Quote]
) -> Quote:
    speaker: Span | None = None
    entity_id: str | None = None
    earlier = records.get(id(draft.speaker_from)) if draft.speaker_from is not None else None
    if earlier is not None:
        speaker, entity_id = earlier.speaker, earlier.speaker_entity
    elif draft.speaker is not None:
        start, end = draft.speaker_span or speaker_range(draft.speaker, draft.cue_token, (draft.start, draft.end))
        start, end = trim(text, *_within_line(text, draft.speaker.idx, start, end))
        speaker = Span.of(text, start, end)
        entity = resolver.resolve(draft.speaker, (start, end), (draft.start, draft.end))
        entity_id = entity.id if entity is not None else None
    cue = Span.of(text, *draft.cue) if draft.cue else None
    return Quote(
        content=Span.of(text, draft.start, draft.end),
        cue=cue,
        speaker=speaker,
        speaker_entity=entity_id,
        kind="direct" if draft.frame == "colon" else kind_of(text, draft.start, draft.end, marks),
    )


def _within_line(text: str, at: int, start: int, end: int) -> tuple[int, int]:
    """Keep a speaker's phrase on the line of its head word ("11:15 a.m.\n\nHillary Clinton" is "Hillary Clinton")."""
    first = text.rfind("\n", start, at) + 1 if "\n" in text[start:at] else start
    last = text.find("\n", at, end)
    return first, end if last == -1 else last


def attribution_of(quotes: list[Quote], start: int, end: int) -> Quote | None:
    """The quote whose content contains [start, end): the innermost when several nest, skipping inner ones
    that name nobody ("Lavrov said Moscow had reports that …": Lavrov's, not the anonymous reports');
    None when no content contains the span."""
    best: Quote | None = None
    for quote in quotes:
        content = quote.content
        if not (content.start <= start and end <= content.end):
            continue
        if best is None or (_names_someone(quote), -_length(quote)) > (_names_someone(best), -_length(best)):
            best = quote
    return best


def _names_someone(quote: Quote) -> bool:
    return quote.speaker is not None or quote.speaker_entity is not None


def _length(quote: Quote) -> int:
    return quote.content.end - quote.content.start
