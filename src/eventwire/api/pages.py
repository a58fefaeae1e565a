"""The source document page: the article with its evidence spans highlighted, rendered on the server.

The page is the template ``templates/document.html.j2`` (Jinja2, autoescaped); the highlighted text is built
here, every piece of article text through ``markupsafe.escape``. The page carries no inline script or style.
"""

from __future__ import annotations

from functools import cache
from typing import Any
from urllib.parse import quote as url_quote
from urllib.parse import urlsplit

from markupsafe import Markup, escape

KINDS = ("event", "quote", "figure", "place")


def evidence_spans(record: dict[str, Any]) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, label) of every item that points into the text."""
    spans: list[tuple[int, int, str, str]] = []
    for event in record.get("events") or []:
        evidence = event.get("evidence") or event.get("trigger") or {}
        spans.append((evidence.get("start"), evidence.get("end"), "event",
                      f"{event.get('type')} ({event.get('status') or 'asserted'})"))
    for quote in record.get("quotes") or []:
        content = quote.get("content") or {}
        spans.append((content.get("start"), content.get("end"), "quote", f"quote, {quote.get('kind')}"))
    for figure in record.get("figures") or []:
        spans.append((figure.get("start"), figure.get("end"), "figure",
                      f"figure: {figure.get('category') or 'count'}"))
    for place in record.get("places") or []:
        spans.append((place.get("start"), place.get("end"), "place", f"place: {place.get('name') or ''}"))
    size = len(record.get("text") or "")
    return [s for s in spans if isinstance(s[0], int) and isinstance(s[1], int) and 0 <= s[0] < s[1] <= size]


def highlighted(text: str, spans: list[tuple[int, int, str, str]], focus: tuple[int, int] | None) -> str:
    """The text as escaped HTML, every piece covered by spans wrapped in a <mark> naming their kinds.

    One sweep over the span boundaries, so a long article with thousands of spans stays fast.
    """
    marks = list(spans) + ([(focus[0], focus[1], "focus", "")] if focus else [])
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for index, (start, end, _, _) in enumerate(marks):
        starts.setdefault(start, []).append(index)
        ends.setdefault(end, []).append(index)
    cuts = sorted({0, len(text), *starts, *ends})
    active: set[int] = set()
    out: list[str] = []
    focus_opened = False
    for start, end in zip(cuts, cuts[1:], strict=False):
        active.difference_update(ends.get(start, ()))
        active.update(starts.get(start, ()))
        piece = escape(text[start:end])
        if not active:
            out.append(piece)
            continue
        covering = [marks[i] for i in sorted(active)]
        in_focus = any(m[2] == "focus" for m in covering)
        kinds = sorted({m[2] for m in covering if m[2] != "focus"}, key=KINDS.index)
        classes = " ".join(["hl", *kinds] + (["focus"] if in_focus else []))
        labels = "; ".join(dict.fromkeys(m[3] for m in covering if m[3]))
        anchor = ' id="focus"' if in_focus and not focus_opened else ""
        focus_opened = focus_opened or in_focus
        out.append(f'<mark class="{classes}"{anchor} title="{escape(labels)}">{piece}</mark>')
    return "".join(out)


def parse_span(value: str | None, size: int) -> tuple[int, int] | None:
    """``START-END`` from the query string, when it is a valid span of the text; else None."""
    if not value or "-" not in value or len(value) > 40:
        return None
    start, _, end = value.partition("-")
    if not (start.isdigit() and end.isdigit()):
        return None
    first, last = int(start), int(end)
    return (first, last) if 0 <= first < last <= size else None


def safe_url(url: Any) -> str | None:
    """The article's URL when it is plain http(s); anything else (javascript:, data:) is not linked."""
    if not isinstance(url, str):
        return None
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https") else None


@cache
def templates():
    from jinja2 import Environment, PackageLoader

    return Environment(loader=PackageLoader("eventwire.api", "templates"), autoescape=True, trim_blocks=True,
                       lstrip_blocks=True)


def document_page(record: dict[str, Any], span: str | None = None) -> str:
    text = record.get("text") or ""
    focus = parse_span(span, len(text))
    spans = evidence_spans(record)
    page = templates().get_template("document.html.j2").render(
        title=str(record.get("title") or record.get("id") or "document"),
        published=str(record.get("published") or "undated"), doc_id=str(record.get("id")),
        story=str(record["story"]) if record.get("story") else None, url=safe_url(record.get("url")),
        counts=", ".join(f"{sum(1 for s in spans if s[2] == kind)} {kind}s" for kind in KINDS), focus=focus,
        text=Markup(highlighted(text, spans, focus)), sections=_item_lists(record),
        link_id=url_quote(str(record.get("id")), safe=""))
    return page.rstrip("\n") + "\n"


def _item_lists(record: dict[str, Any]) -> list[tuple[str, list[tuple[str, tuple[int, int] | None]]]]:
    """What was found in the article: (heading, [(label, span in the text or None)]) for the template."""
    text = record.get("text") or ""
    names = {e.get("id"): e.get("name") for e in record.get("entities") or []}

    def item(label: str, where: dict | None) -> tuple[str, tuple[int, int] | None]:
        start, end = (where or {}).get("start"), (where or {}).get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            return label, None
        return label, (start, end)

    def words(where: dict | None, limit: int = 160) -> str:
        start, end = (where or {}).get("start"), (where or {}).get("end")
        piece = " ".join(text[start:end].split()) if isinstance(start, int) and isinstance(end, int) else ""
        return piece if len(piece) <= limit else piece[: limit - 1] + "…"

    events = []
    for event in record.get("events") or []:
        label = f"{event.get('type')} ({(event.get('trigger') or {}).get('text') or ''}), "
        label += f"{event.get('status') or 'asserted'} {event.get('date') or ''}"
        events.append(item(label.strip(), event.get("evidence")))
    quotes = []
    for quote in record.get("quotes") or []:
        speaker = names.get(quote.get("speaker_entity")) or (quote.get("speaker") or {}).get("text") or "unattributed"
        quotes.append(item(f"{speaker}: {words(quote.get('content'))}", quote.get("content")))
    figures = []
    for figure in record.get("figures") or []:
        claimant = names.get(figure.get("claimant"))
        label = f"{figure.get('text')} ({figure.get('category') or 'count'}{', ' + claimant if claimant else ''})"
        figures.append(item(label, figure))
    return [(heading, items) for heading, items in (("Events", events), ("Quotes", quotes), ("Figures", figures))
            if items]


def not_found_page(doc_id: str) -> str:
    return templates().get_template("not_found.html.j2").render(doc_id=doc_id).rstrip("\n") + "\n"
