"""The records of SPEC §2–3 and their JSON form.

Plain typed classes; nothing here imports the rest of eventwire. Every extracted item carries
character offsets (Python string indices, end exclusive) into its document's ``text``.
Field order follows the SPEC so that the JSON reads the same way the contract does.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


def to_json(value: Any) -> Any:
    """Turn a record (or a list/dict of them) into plain JSON-ready Python objects."""
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: to_json(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    return value


@dataclass(slots=True)
class Span:
    start: int
    end: int
    text: str | None = None

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])


@dataclass(slots=True)
class Spanned:
    """The first fields of an item that is itself a stretch of the text (a place, a time, a figure, an actor)."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Entity:
    id: str
    type: str  # PERSON | ORG | GPE | LOC | NORP | FAC
    name: str
    mentions: list[Span] = field(default_factory=list)
    role: str | None = None
    country: str | None = None  # ISO 3166 alpha-3
    sector: str | None = None  # CAMEO/PLOVER actor type: GOV, MIL, REB, MED ...
    code: str | None = None  # country + sector, e.g. GEOMIL


@dataclass(slots=True)
class Place(Spanned):
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO 3166 alpha-2, as GeoNames gives it
    feature: str | None = None  # GeoNames feature code: PPLC, PPLA, ADM1, PCLI ...
    entity: str | None = None
    admin1: str | None = None
    confidence: float | None = None
    kind: str | None = None  # "demonym" for a people word ("Russian") placed at its country; else a toponym


@dataclass(slots=True)
class TimeContext:
    """What a time expression's sentence and words say about the happening's day (eventwire.extract.dating)."""

    sentence: list[int]  # [start, end] of its sentence
    flags: list[str] = field(default_factory=list)  # reports, aside, follow-up, statement, stamp, names-day ...


@dataclass(slots=True)
class TimeExpr(Spanned):
    type: str  # DATE | TIME | DURATION | SET
    value: str | None = None
    context: TimeContext | None = None  # set by the dating step


@dataclass(slots=True)
class DayCue(Spanned):
    """A weekday or "yesterday" in the headline or lead: the day of a report whose times date nothing."""

    kind: str  # weekday | yesterday
    where: str = "text"  # text | title (offsets into the title)


@dataclass(slots=True)
class Quote:
    content: Span
    cue: Span | None = None
    speaker: Span | None = None
    speaker_entity: str | None = None
    kind: str = "direct"  # direct | indirect | mixed


@dataclass(slots=True)
class Quantity:
    value: float | int | None = None
    low: float | int | None = None
    high: float | int | None = None
    approx: bool = False


@dataclass(slots=True)
class Figure(Spanned):
    quantity: Quantity
    unit: str = "people"
    category: str | None = None
    claimant: str | None = None
    place: int | None = None
    time: int | None = None
    hedged: bool = False
    same_as: int | None = None  # index of the figure this one restates in another unit ("420 families (2,300 people)")
    sum_of: list[int] | None = None  # indices of the figures this total adds up ("600 in Varn and 400 in Dorn")


@dataclass(slots=True)
class Fact:
    """A key-value line such as a factbox's "Capital: Tskhinvali", with its source span."""

    start: int
    end: int
    key: str
    value: str
    source: str | None = None  # who or what the line attributes the value to ("the 1989 census")


@dataclass(slots=True)
class ActorRef(Spanned):
    entity: str | None = None
    code: str | None = None
    kind: str | None = None  # ACLED actor kind: state forces, rebel group, ... civilians (set by the acled step)
    inter: int | None = None  # its ACLED inter code, 1-8


@dataclass(slots=True)
class Event:
    id: str
    type: str  # PLOVER 2.0 event type
    trigger: Span
    evidence: Span
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    acled: dict[str, Any] | None = None  # event_type, sub_event_type, inter1, inter2, interaction
    actors: list[ActorRef] = field(default_factory=list)
    recipients: list[ActorRef] = field(default_factory=list)
    place: int | None = None
    time: int | None = None
    date: str | None = None
    status: str = "asserted"
    source: str | None = None
    killed: int | None = None
    injured: int | None = None


@dataclass(slots=True)
class Casualty(Spanned):
    """How many the report says were killed or injured in its happening, with the words that say so.

    ``main`` marks the report's own count of its main happening (one of each kind at most); the others are
    every count of a figure, kept as claims with the figure's index. ``where`` is "title" when the span is in
    the headline (offsets into the title), else "text"."""

    kind: str  # killed | injured
    value: int
    basis: str  # headline | figure | event | none reported | multiple | harm word | shot count | survivor
    where: str = "text"
    figure: int | None = None
    main: bool = True


@dataclass(slots=True)
class Header:
    """What a source says of a document before it is read: its id and text, and the metadata it gives."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    lang: str | None = None


@dataclass(slots=True)
class DocumentRecord(Header):
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    casualties: list[Casualty] = field(default_factory=list)
    day_cues: list[DayCue] = field(default_factory=list)
    story: str | None = None
    incident: str | None = None
    boilerplate: list[Span] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The SPEC §2 document record, keys in the SPEC's order."""
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "published": self.published,
            "lang": self.lang,
            "text": self.text,
            "entities": to_json(self.entities),
            "places": to_json(self.places),
            "times": to_json(self.times),
            "quotes": to_json(self.quotes),
            "figures": to_json(self.figures),
            "events": to_json(self.events),
            "facts": to_json(self.facts),
            "casualties": to_json(self.casualties),
            "day_cues": to_json(self.day_cues),
            "story": self.story,
            "incident": self.incident,
            "boilerplate": to_json(self.boilerplate),
        }


@dataclass(slots=True)
class IncidentPlace:
    name: str | None = None
    admin1: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(slots=True)
class Claim:
    field: str  # killed | injured | date ...
    value: Any
    claimant: str | None
    document: str
    evidence: Span | None = None


@dataclass(slots=True)
class Incident:
    incident: str
    documents: list[str]
    type: str | None = None
    date: str | None = None
    place: IncidentPlace | None = None
    killed: int | None = None
    injured: int | None = None
    actors: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    # how it unfolded (eventwire.store.unfold): reporting documents in publication order, the first of them,
    # per figure field the claims in that order, and the claims that repeat an earlier one of their claimant
    reports: list[Report] = field(default_factory=list)
    first_report: Report | None = None
    figures_over_time: dict[str, list[FigurePoint]] = field(default_factory=dict)
    echoes: list[Echo] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return to_json(self)


@dataclass(slots=True)
class Report:
    """A document reporting an incident or story; ``outlet`` is its URL's host without ``www.``."""

    document: str
    published: str | None = None
    outlet: str | None = None
    title: str | None = None


@dataclass(slots=True)
class FigurePoint:
    """One claim of a figure in ``figures_over_time``: ``value``, or ``low``/``high`` for a vague amount."""

    published: str | None
    claimant: str | None
    document: str
    outlet: str | None
    hedged: bool = False
    value: float | int | None = None
    low: float | int | None = None
    high: float | int | None = None
    evidence: Span | None = None


@dataclass(slots=True)
class Echo:
    """A claim repeating an earlier one of the same claimant; ``repeats`` names that one's report."""

    field: str
    claimant: str
    document: str
    outlet: str | None
    published: str | None
    repeats: Report
    value: float | int | None = None
    low: float | int | None = None
    high: float | int | None = None


@dataclass(slots=True)
class ClaimRow:
    """A row of ``export --what claims``: one claim with its document's incident, outlet and publication."""

    incident: str | None
    document: str
    outlet: str | None
    published: str | None
    title: str | None
    field: str
    value: Any
    claimant: str | None
    evidence: Span | None = None
