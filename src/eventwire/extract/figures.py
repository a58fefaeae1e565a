"""Figures: casualties, displacement and other reported counts, with claimant, hedging, place and time.

Numbers are found in the text (``numbers.expressions``), counts told from dates, money and the like
(``numbers.noncounts``), each count given its unit and category from the words around it in the dependency tree
(``numbers.counts``), and linked to who claims it, the place and time of its clause. Most salient first:
casualties and displacement before other counts, definite before vague, earlier before later.
"""

from __future__ import annotations

import importlib
import re
from bisect import bisect_right
from collections.abc import Callable
from functools import cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventwire.extract.base import Found, Parsed, step
from eventwire.extract.numbers.categories import choose_categories
from eventwire.extract.numbers.cues import find_hedges, find_hypotheticals
from eventwire.extract.numbers.expressions import NumberMention, find_numbers
from eventwire.extract.numbers.model import Count
from eventwire.extract.numbers.noncounts import NonCounts
from eventwire.extract.numbers.nouns import find_counts
from eventwire.extract.numbers.totals import with_totals
from eventwire.extract.numbers.tree import TreeDistances
from eventwire.lexicons import lines
from eventwire.records import Figure, Quantity

TIERS = {
    "killed": 0, "injured": 0, "missing": 0,
    "displaced": 1, "evacuated": 1, "fled": 1, "refugees": 1, "sheltered": 1, "homeless": 1,
    "houses_destroyed": 2, "houses_damaged": 3, "arrested": 4, "deployed": 4, "affected": 5, "population": 6,
}
CLAIM_KINDS = {"casualties": 0, "houses_damaged": 2}  # figures told together: casualties, displacement, damage
HOUSE_CATEGORIES = frozenset({"houses_destroyed", "houses_damaged"})
HOUSE_UNITS = frozenset({"houses", "households"})
HEDGE_DISTANCE = 3
TELLER_TYPES = frozenset({"PERSON", "ORG", "NORP"})  # entities that may tell a figure
OWN_TELLER_DISTANCE = 1  # a teller whose verb takes the count itself ("claimed 80", "put the toll at 80")
EACH_FROM = re.compile(r"\s+each\s+from\s+", re.IGNORECASE)
_NAME = r"[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*)*"
NAME = re.compile(_NAME)
NAME_LIST = re.compile(rf"{_NAME}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_NAME})+")


@step(provides="figures", requires=("entities", "quotes", "times", "places"))
def figures(doc: Parsed, found: Found) -> list[Figure]:
    """Counts of people and things, each with its span, category, unit, claimant, place and time."""
    text = doc.text
    mentions = [m for m in find_numbers(text) if not doc.in_boilerplate(m.start, m.end)]
    if not mentions:
        return []
    sentences = doc.sentences
    starts = [s.start_char for s in sentences]
    by_sentence: dict[int, list[NumberMention]] = {}
    for mention in mentions:
        i = bisect_right(starts, mention.core_start) - 1
        if i >= 0 and mention.core_end <= sentences[i].end_char:
            by_sentence.setdefault(i, []).append(mention)
    noncounts = NonCounts(text)
    tree = TreeDistances()
    links = _Links(doc, found, tree)
    ranked: list[tuple[tuple, Figure, Count]] = []
    told: dict[int, dict[int, str]] = {}  # sentence -> kind of figure -> who told it there
    for i, sentence_mentions in by_sentence.items():
        sentence = sentences[i]
        counts = find_counts(doc.doc, sentence, sentence_mentions, noncounts, text)
        choose_categories(counts, text, tree)
        for count in _without_fractions(counts):
            if count.category is None:
                continue
            hedged, hypothetical = links.hedging(count)
            for figure in _figures_of(count, links, text, hedged):
                _carry_claimant(figure, told, i, links.told_in(sentence) or _new_paragraph(text, sentences, i))
                ranked.append((_salience(figure, hypothetical, count), figure, count))
    ranked.sort(key=lambda item: item[0])
    return with_totals(_linked([f for _, f, _ in ranked], [c for _, _, c in ranked]), starts, text)


def _carry_claimant(figure: Figure, told: dict[int, dict[int, str]], sentence: int, attributed: bool) -> None:
    """"X said seven people died. Twenty were wounded.": a figure of the same kind in the very next sentence,
    which no one is said to tell, is still the claimant's; a sentence that names its own teller keeps it."""
    kind = CLAIM_KINDS.get(figure.category or "", TIERS.get(figure.category or "", 9))
    if figure.claimant is None and not attributed:
        figure.claimant = told.get(sentence - 1, {}).get(kind)
    if figure.claimant is not None:
        told.setdefault(sentence, {}).setdefault(kind, figure.claimant)


def _new_paragraph(text: str, sentences: list[SpacySpan], i: int) -> bool:
    """Whether a blank line parts sentence ``i`` from the one before it."""
    if i == 0:
        return True
    before = text[sentences[i - 1].start_char:sentences[i].start_char]
    return "\n\n" in before[len(before.rstrip()):].replace(" ", "").replace("\t", "")


def _linked(figures: list[Figure], counts: list[Count]) -> list[Figure]:
    """Point each figure that restates another in a different unit at it ("420 families (2,300 people)")."""
    first_of = {}
    for index, count in enumerate(counts):
        first_of.setdefault(id(count), index)
    for figure, count in zip(figures, counts, strict=True):
        restated = count.restates
        if restated is not None and id(restated) in first_of and figures[first_of[id(restated)]].unit != figure.unit:
            figure.same_as = first_of[id(restated)]
    return figures


def _without_fractions(counts: list[Count]) -> list[Count]:
    """Fractions, percentages and ratios ("two-thirds", "20 percent of the refugees") are shares, not counts of
    people: they qualify the count they are of, which stands as written."""
    return [c for c in counts if c.mention.kind != "fraction"]


def _quantity(mention: NumberMention) -> Quantity:
    if mention.kind in ("vague", "range"):
        return Quantity(None, mention.low, mention.high, mention.approx)
    return Quantity(mention.value, mention.low, mention.high, mention.approx)


def _figures_of(count: Count, links: _Links, text: str, hedged: bool) -> list[Figure]:
    start, end = count.start, count.end
    base = dict(start=start, end=end, text=text[start:end], unit=count.unit or "people", category=count.category,
                claimant=links.claimant(count), time=links.time(count), hedged=hedged)
    targets = _each_from_targets(count)
    if targets:
        return [Figure(quantity=_quantity(count.mention), place=links.place_in(a, b), **base)
                for a, b in targets]
    return [Figure(quantity=_quantity(count.mention), place=links.place(count), **base)]


def _each_from_targets(count: Count) -> list[tuple[int, int]]:
    """"300 monitors each from Ghana, Chile and Nepal": one span per place the count comes from."""
    if count.noun is None:
        return []
    text = count.text
    match = EACH_FROM.match(text, count.noun.idx + len(count.noun.text))
    if not match:
        return []
    listed = NAME_LIST.match(text, match.end(), count.sentence.end_char)
    if not listed:
        return []
    return [(m.start(), m.end()) for m in NAME.finditer(text, listed.start(), listed.end())]


def _salience(figure: Figure, hypothetical: bool, count: Count) -> tuple:
    """Casualties and displacement first, then damage, then the rest; definite before vague, what happened
    before what might, earlier (headline, lede) before later. Of a count said twice ("420 families (2,300
    people)"), the one in the category's own unit first: people for what befell people, the other for houses."""
    vague = figure.quantity.value is None
    tier = TIERS.get(figure.category or "", 9)
    pair = count.restates if count.restates is not None else count
    if pair is count and count.restated_by is None:
        return tier, vague, hypothetical, figure.start, 0
    own_unit = figure.unit in HOUSE_UNITS if figure.category in HOUSE_CATEGORIES else figure.unit == "people"
    return tier, vague, hypothetical, pair.start, 0 if own_unit else 1


@cache
def _reporting_verbs() -> frozenset[str]:
    return frozenset(lines("figure_reporting.txt"))


@cache
def _helper(module: str, name: str) -> Callable | None:
    """A helper another step exposes (``attribution_of`` in quotes, ``time_of`` in times), when it exists."""
    try:
        return getattr(importlib.import_module(f"eventwire.extract.{module}"), name, None)
    except ImportError:
        return None


class _Links:
    """Claimant, hedging, place and time of a count, from what the other steps found."""

    def __init__(self, doc: Parsed, found: Found, tree: TreeDistances) -> None:
        self.doc, self.found, self.tree = doc, found, tree
        self.places = list(found.get("places") or [])
        self.times = list(found.get("times") or [])
        self.quotes = list(found.get("quotes") or [])
        self.entities = list(found.get("entities") or [])

    def _token_at(self, start: int, end: int) -> Token | None:
        span = self.doc.doc.char_span(start, end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    def _in_sentence(self, sentence: SpacySpan, start: int, end: int) -> bool:
        return sentence.start_char <= start and end <= sentence.end_char

    def _nearest(self, items: list, count: Count) -> int | None:
        best, best_key = None, None
        for index, item in enumerate(items):
            if not self._in_sentence(count.sentence, item.start, item.end):
                continue
            token = self._token_at(item.start, item.end)
            if token is None:
                continue
            key = (self.tree.nearest(count.nodes, [token]), abs(item.start - count.start))
            if best_key is None or key < best_key:
                best, best_key = index, key
        return best

    def place(self, count: Count) -> int | None:
        """The place nearest the count in its sentence's tree; of "Georgia's region of South Ossetia", the region."""
        toponyms = [i for i, p in enumerate(self.places) if p.kind != "demonym"]  # "Russian" is no place to count at
        best = self._nearest([self.places[i] for i in toponyms], count)
        if best is None:
            return None
        best = toponyms[best]
        token = self._token_at(self.places[best].start, self.places[best].end)
        if token is not None and token.dep_ == "poss":
            named = [g for c in token.head.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
            for index, place in enumerate(self.places):
                if named and place.start <= named[0].idx < place.end:
                    return index
        return best

    def place_in(self, start: int, end: int) -> int | None:
        for index, place in enumerate(self.places):
            if place.start < end and start < place.end:
                return index
        return None

    def time(self, count: Count) -> int | None:
        """The time expression governing the count's clause (the times step's ``time_of``), in its sentence."""
        time_of = _helper("times", "time_of")
        if time_of is None:
            return self._nearest(self.times, count)
        if not self.times:
            return None
        index = time_of(self.doc, self.times, count.start, count.end)[0]
        if index is None:
            return None
        chosen = self.times[index]
        return index if self._in_sentence(count.sentence, chosen.start, chosen.end) else None

    def told_in(self, sentence: SpacySpan) -> bool:
        """Whether the sentence may say who tells it: a reporting verb, a quotation or its speaker, or a person or
        organisation named in it other than after a preposition (a caption's "Photo: Ana Ruiz", a new subject)."""
        if any(t.lemma_.lower() in _reporting_verbs() or t.lower_ in _reporting_verbs() for t in sentence):
            return True
        start, end = sentence.start_char, sentence.end_char
        for entity in self.entities:
            if getattr(entity, "type", None) not in TELLER_TYPES:
                continue
            for mention in getattr(entity, "mentions", []) or []:
                token = self._token_at(mention.start, mention.end) if start <= mention.start < end else None
                if token is not None and token.dep_ != "pobj":  # "in Varn" is where, not who
                    return True
        for quote in self.quotes:
            for part in (quote.content, getattr(quote, "speaker", None), getattr(quote, "cue", None)):
                if part is not None and part.start < end and start < part.end:
                    return True
        return False

    def hedging(self, count: Count) -> tuple[bool, bool]:
        sentence = count.sentence
        hedged = self._near_any(find_hedges(self.doc.text, sentence.start_char, sentence.end_char), count)
        hypothetical = self._near_any(find_hypotheticals(self.doc.text, sentence.start_char, sentence.end_char), count)
        return hedged, hypothetical

    def _near_any(self, spans: list[tuple[int, int]], count: Count) -> bool:
        for start, end in spans:
            if count.start <= start and end <= count.end:
                return True
            token = self._token_at(start, end)
            if token is not None and self.tree.nearest(count.nodes, [token]) <= HEDGE_DISTANCE:
                return True
        return False

    def claimant(self, count: Count) -> str | None:
        """Who tells the figure: the speaker of the quotation it is in, unless a teller of its own stands nearer
        to it than that quotation's cue ("the army said 12 died; the rebels claimed 80")."""
        quote = self._quote_of(count)
        reporter = self._reporter(count)
        if (quote is not None and getattr(quote, "speaker_entity", None)
                and (reporter is None or not self._nearer_than_cue(count, reporter, quote))):
            return quote.speaker_entity
        return reporter[1] if reporter is not None else None

    def _nearer_than_cue(self, count: Count, reporter: tuple[int, str | None, Token], quote) -> bool:
        cue = getattr(quote, "cue", None)
        verb = reporter[2]
        if cue is None or cue.start <= verb.idx < cue.end:
            return False
        token = self._token_at(cue.start, cue.end)
        return (token is not None and reporter[0] <= OWN_TELLER_DISTANCE
                and reporter[0] < self.tree.nearest(count.nodes, [token]))

    def _quote_of(self, count: Count):
        if not self.quotes:
            return None
        attribution_of = _helper("quotes", "attribution_of")
        if attribution_of is not None:
            return attribution_of(self.quotes, count.start, count.end)
        for quote in self.quotes:
            content = quote.content
            if content is not None and content.start <= count.start and count.end <= content.end:
                return quote
        return None

    def _reporter(self, count: Count) -> tuple[int, str | None, Token] | None:
        """The nearest teller of the figure in its own sentence ("X said ...", "according to X"), named or not
        ("but organisers put it at 200"): its tree distance, its entity, its verb."""
        if not self.entities:
            return None
        best = None
        for token in count.sentence:
            if token.lemma_.lower() not in _reporting_verbs() and token.lower_ not in _reporting_verbs():
                continue
            for source in self._sources_of(token):
                entity = self._entity_over(source.left_edge.idx, source.right_edge.idx + len(source.right_edge))
                distance = self.tree.nearest(count.nodes, [token])
                if best is None or distance < best[0] or (distance == best[0] and best[1] is None):
                    best = (distance, entity, token)
        return best

    @staticmethod
    def _sources_of(verb: Token) -> list[Token]:
        if verb.lower_ == "according":
            return [g for c in verb.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
        return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]

    def _entity_over(self, start: int, end: int) -> str | None:
        for entity in self.entities:
            for mention in getattr(entity, "mentions", []) or []:
                if mention.start < end and start < mention.end:
                    return entity.id
        return None
