"""Web pages: main text with trafilatura, publication date with htmldate."""

from __future__ import annotations

import logging
import re

from eventwire.read.article import Article, ReadError, content_id

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

_LANG_ATTR = re.compile(rb"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)


def page_to_article(page: str | bytes, origin: str, url: str | None = None) -> Article | ReadError:
    """The main text and metadata of one HTML page, or why there is none."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            page, url=url, with_metadata=True, include_comments=False, include_tables=True
        )
    except Exception as err:  # trafilatura raises many kinds on broken markup
        return ReadError(origin, f"unreadable HTML ({type(err).__name__})")
    text = (doc.text if doc is not None else None) or _fallback_text(page)
    if not text or not text.strip():
        return ReadError(origin, "no main text found in the page")
    published = (doc.date if doc is not None else None) or _page_date(page, url)
    return Article(
        id=content_id(text),
        text=text,
        title=(doc.title if doc is not None else None) or None,
        url=url or (doc.url if doc is not None else None) or None,
        published=published,
        lang=_language(page, doc),
        origin=origin,
    )


def _fallback_text(page: str | bytes) -> str | None:
    import trafilatura

    try:
        _, text, _ = trafilatura.baseline(page)
    except Exception:
        return None
    return text


def _page_date(page: str | bytes, url: str | None) -> str | None:
    from htmldate import find_date

    try:
        return find_date(page, url=url, extensive_search=False, outputformat="%Y-%m-%d")
    except Exception:
        return None


def _language(page: str | bytes, doc: object) -> str | None:
    lang = getattr(doc, "language", None)
    if lang:
        return str(lang)[:2].lower()
    raw = page.encode("utf-8", "replace") if isinstance(page, str) else page
    match = _LANG_ATTR.search(raw[:4096])
    return match.group(1).decode().lower()[:2] if match else None


def html_file_to_article(data: bytes, origin: str) -> Article | ReadError:
    return page_to_article(data, origin)

