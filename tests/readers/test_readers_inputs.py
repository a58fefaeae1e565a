"""Every INPUT kind of SPEC §1, through the real readers, on files the tests write."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.read import Article, ReadError, read_inputs
from eventwire.read.boilerplate import boilerplate_spans

REPORT = (
    "Shelling hit the river town of Varnek overnight, local officials said.\n"
    "At least twelve people were wounded and dozens of families fled to the hills.\n"
)

PAGE = """<!doctype html><html lang="en"><head><title>Shelling hits Varnek</title>
<meta property="article:published_time" content="2024-03-04T08:00:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Shelling hits Varnek</h1>
<p>Shelling hit the river town of Varnek overnight, local officials said on Tuesday morning.</p>
<p>At least twelve people were wounded and dozens of families fled to the hills above the town.</p>
<p>The regional governor called for calm and promised shelters for everyone who had left home.</p>
</article><footer>Copyright 2031 The Varnek Courier. Cookie settings.</footer></body></html>"""


def read_all(*inputs: str | Path) -> list[Article | ReadError]:
    return list(read_inputs([str(i) for i in inputs]))


def test_plain_text_is_kept_byte_for_byte(tmp_path):
    text = "Line one,\r\nwith Windows endings\tand a tab.\n\n  Indented — em dash.\n"
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode("utf-8"))
    [article] = read_all(path)
    assert article.text == text


def test_jsonl_keeps_fields_and_input_order(tmp_path):
    path = tmp_path / "in.jsonl"
    rows = [{"id": "b", "text": "Second report.", "published": "2031-01-02", "title": "B"},
            {"id": "a", "text": "First report.", "url": "https://example.org/a"}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    articles = read_all(path)
    assert [a.id for a in articles] == ["b", "a"]
    assert articles[0].published == "2031-01-02" and articles[0].title == "B"
    assert articles[1].url == "https://example.org/a"


def test_missing_id_is_a_stable_content_hash(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"text": REPORT}) + "\n")
    first, second = read_all(path)[0], read_all(path)[0]
    assert first.id == second.id and len(first.id) == 16


def test_bad_lines_are_reported_and_good_ones_kept(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        b'{"id": "ok1", "text": "A good one."}\n'
        b'{"id": "broken", "text": \n'
        b'["a list"]\n'
        b'{"id": "notext"}\n'
        b'{"id": "bytes", "text": "caf\xe9"}\n'
        b'{"id": "num", "text": 42}\n'
        b'{"id": "date", "text": "x", "published": "yesterday"}\n'
        b'{"id": "ok2", "text": "Another good one."}\n'
    )
    items = read_all(path)
    assert [a.id for a in items if isinstance(a, Article)] == ["ok1", "ok2"]
    errors = [str(e) for e in items if isinstance(e, ReadError)]
    assert [e.split(": ", 1)[0] for e in errors] == [f"{path}:{n}" for n in (2, 3, 4, 5, 6, 7)]
    assert "malformed JSON" in errors[0] and "UTF-8" in errors[3] and "ISO date" in errors[5]


def test_a_headline_without_a_body_is_an_article_and_an_empty_record_is_not(tmp_path):
    path = tmp_path / "feed.jsonl"
    rows = [{"text": "", "title": "Gunfire at Varnek market wounds three", "published": "2031-01-02"},
            {"html": " ", "title": "Ferry strike in Ostrel ends"},
            {"id": "blank", "text": "  ", "title": " "}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    headline, ferry, blank = read_all(path)
    assert headline.text == "" and headline.title == "Gunfire at Varnek market wounds three"
    assert headline.id != ferry.id and ferry.text == "" and ferry.title == "Ferry strike in Ostrel ends"
    assert isinstance(blank, ReadError) and str(blank) == f"{path}:3: empty 'text' and no 'title'"


def test_html_page_main_text_title_date_and_language(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE)
    [article] = read_all(path)
    assert "twelve people were wounded" in article.text
    assert "Cookie settings" not in article.text and "Home" not in article.text
    assert article.title == "Shelling hits Varnek"
    assert article.published == "2024-03-04"
    assert article.lang == "en"


def test_jsonl_html_field_is_extracted(tmp_path):
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps({"id": "p1", "html": PAGE, "url": "https://example.org/varnek"}) + "\n")
    [article] = read_all(path)
    assert article.id == "p1" and article.url == "https://example.org/varnek"
    assert "dozens of families fled" in article.text


def _warc_bytes(pages: list[tuple[str, str, str]], gzipped: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    for url, content_type, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode()), http_headers=headers)
        writer.write_record(record)
    return buffer.getvalue()


def test_warc_gives_every_html_response(tmp_path):
    pages = [("https://example.org/1", "text/html; charset=utf-8", PAGE),
             ("https://example.org/logo.png", "image/png", "PNG"),
             ("https://example.org/2", "text/html", PAGE.replace("Varnek", "Osterby"))]
    for gzipped, name in ((False, "crawl.warc"), (True, "crawl.warc.gz")):
        path = tmp_path / name
        path.write_bytes(_warc_bytes(pages, gzipped))
        articles = read_all(path)
        assert [a.url for a in articles] == ["https://example.org/1", "https://example.org/2"]
        assert "Osterby" in articles[1].text


def test_truncated_warc_keeps_earlier_records_and_reports_one_line(tmp_path):
    data = _warc_bytes([("https://example.org/1", "text/html", PAGE)] * 3, gzipped=True)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 200])
    items = read_all(path)
    assert sum(isinstance(i, Article) for i in items) >= 2
    assert sum(isinstance(i, ReadError) for i in items) == 1


def test_rss_and_atom_entries(tmp_path):
    rss = tmp_path / "news.rss"
    rss.write_text("""<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title>
<item><title>Bridge closed</title><link>https://example.org/bridge</link>
<pubDate>Tue, 04 Mar 2031 08:00:00 GMT</pubDate>
<description>&lt;p&gt;The army closed the bridge at Varnek after the shelling.&lt;/p&gt;</description></item>
<item><title>Talks resume</title><link>https://example.org/talks</link>
<description>Negotiators met again in Osterby on Wednesday.</description></item>
</channel></rss>""")
    atom = tmp_path / "news.atom"
    atom.write_text("""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Courier</title><entry><title>Aid arrives</title><id>urn:courier:aid</id>
<link href="https://example.org/aid"/><updated>2031-03-05T10:00:00Z</updated>
<content type="html">&lt;p&gt;Twenty trucks of food reached Varnek on Thursday.&lt;/p&gt;</content></entry></feed>""")
    articles = read_all(rss, atom)
    assert [a.title for a in articles] == ["Bridge closed", "Talks resume", "Aid arrives"]
    assert "closed the bridge" in articles[0].text and articles[0].published.startswith("2031-03-04")
    assert articles[2].id == "urn:courier:aid"


def test_feed_with_external_entity_is_not_expanded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    feed = tmp_path / "evil.rss"
    feed.write_text(f"""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>
<rss version="2.0"><channel><title>t</title><item><title>i</title>
<description>Before &x; after the shelling of Varnek.</description></item></channel></rss>""")
    for item in read_all(feed):
        assert "TOP-SECRET-VALUE" not in (item.text if isinstance(item, Article) else str(item))


def test_directory_is_read_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("Report A from Varnek.")
    (tmp_path / "b" / "c.txt").write_text("Report C from Osterby.")
    (tmp_path / "b" / "notes.md").write_text("not an input kind")
    (tmp_path / "d.jsonl").write_text(json.dumps({"id": "d", "text": "Report D."}) + "\n")
    texts = [a.text for a in read_all(tmp_path)]
    assert texts == ["Report A from Varnek.", "Report C from Osterby.", "Report D."]


def test_gzipped_jsonl_and_decompression_limit(tmp_path):
    from eventwire.read import Limits

    path = tmp_path / "in.jsonl.gz"
    path.write_bytes(gzip.compress((json.dumps({"id": "z", "text": "x" * 5000}) + "\n").encode()))
    assert [a.id for a in read_all(path)] == ["z"]
    items = list(read_inputs([str(path)], Limits(max_decompressed_bytes=1000)))
    assert len(items) == 1 and isinstance(items[0], ReadError) and "decompression" in items[0].reason


def test_missing_and_unknown_files_are_errors(tmp_path):
    odd = tmp_path / "data.bin"
    odd.write_bytes(b"\x00\x01\x02")
    items = read_all(tmp_path / "nope.txt", odd)
    assert all(isinstance(i, ReadError) for i in items) and len(items) == 2


def test_boilerplate_lines_are_marked_not_removed(tmp_path):
    text = ("Troops entered Varnek on Monday.\nYour browser doesn't support HTML5\n"
            "(Video: armoured vehicles on the road to Varnek.)\nShare this article\nResidents fled.\n")
    path = tmp_path / "page.txt"
    path.write_text(text)
    [article] = read_all(path)
    assert article.text == text
    marked = [text[s:e] for s, e in article.boilerplate]
    assert marked == ["Your browser doesn't support HTML5", "(Video: armoured vehicles on the road to Varnek.)",
                      "Share this article"]


@pytest.mark.parametrize(("line", "furniture"), [
    ("TM and © Copyright 2019 Larkfield Radio Inc. and its subsidiaries. Used under license.", True),
    ("(© 2021 KXVB)", True),
    ("(Source: Dalby Wire © Dalby Herald 2020. All Rights Reserved. No part may be reprinted.)", True),
    ("™ & © 2018 Harrow Media Group. All rights reserved.", True),
    ("The singer sued the label for copyright infringement last spring, her lawyer said.", False),
    ("Gunmen seized the radio station, which had reserved all its airtime for the election.", False),
])
def test_legal_notices_are_furniture(line: str, furniture: bool) -> None:
    text = f"Two men were wounded in Dalby on Friday.\n{line}\nPolice are investigating.\n"
    marked = [text[s:e] for s, e in boilerplate_spans(text)]
    assert marked == ([line] if furniture else [])
