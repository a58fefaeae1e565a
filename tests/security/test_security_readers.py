"""Reader defects found by the atheris campaign (tests/fuzz/fuzz_readers.py), fixed and kept as regression tests."""

from __future__ import annotations

import base64
import gzip
import json

import pytest

from eventwire.read import Article, ReadError, read_inputs

# found by the fuzzer from a seed of three JSON lines: a gzip stream whose deflate data is damaged
DAMAGED_GZIP = base64.b64decode("H4sIANPaBmsC/6tWCkqTcjKLM1LB2owMjA11DYDICKw9syQnFa5fqZaregibDgCEq2ekGgEAAA==")


def short_warc() -> bytes:
    """A WARC response record whose Content-Length stops short: the rest of the page, then a stray header line."""
    page = b"<html><body><p>" + b"Artillery hit the depot at Varnek overnight. " * 10 + b"</p></body></html>"
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Date: 2031-01-02T00:00:00Z\r\n"
            b"WARC-Target-URI: https://news.example/a\r\nContent-Type: application/http; msgtype=response\r\n"
            b"Content-Length: " + str(len(http) - 60).encode() + b"\r\n\r\n")
    return head + http + b"\r\nX-Stray: header\r\n\r\n"


def test_a_damaged_gzip_is_one_error_line_and_the_next_file_is_still_read(tmp_path):
    damaged = tmp_path / "a.jsonl.gz"
    damaged.write_bytes(DAMAGED_GZIP)
    good = tmp_path / "b.jsonl"
    good.write_text(json.dumps({"id": "after", "text": "Talks resumed in Varnek."}) + "\n")
    items = list(read_inputs([str(damaged), str(good)]))
    errors = [i for i in items if isinstance(i, ReadError)]
    assert len(errors) == 1 and errors[0].origin.startswith(str(damaged))
    assert [a.id for a in items if isinstance(a, Article)][-1] == "after"


def test_the_damaged_gzip_really_is_damaged():
    with pytest.raises(Exception, match="decompressing"):
        gzip.decompress(DAMAGED_GZIP)


def test_a_warc_with_a_wrong_length_gives_one_line_errors_and_nothing_else_on_stderr(tmp_path, capfd):
    path = tmp_path / "short.warc"
    path.write_bytes(short_warc())
    items = list(read_inputs([str(path)]))
    errors = [i for i in items if isinstance(i, ReadError)]
    assert len(errors) == 1, items
    assert errors[0].origin.startswith(f"{path}:") and "damaged or truncated WARC" in str(errors[0])
    assert "\n" not in str(errors[0]) and "\r" not in str(errors[0])
    pages = [i for i in items if isinstance(i, Article)]
    assert len(pages) == 1 and pages[0].text.startswith("Artillery hit the depot at Varnek overnight.")
    assert capfd.readouterr().err == ""


def test_a_feed_entry_with_an_unclosed_title_is_one_error_line_and_the_next_file_is_still_read(tmp_path):
    feed = tmp_path / "a.rss"
    feed.write_bytes(b"<rss><channel><item><title>Fire in Quellmoor</body></item></channel></rss>")
    good = tmp_path / "b.txt"
    good.write_text("Talks resumed in Varnek.")
    items = list(read_inputs([str(feed), str(good)]))
    assert len(items) == 2, items
    assert isinstance(items[0], ReadError) and items[0].origin.startswith(f"{feed}:")
    assert "\n" not in str(items[0])
    assert isinstance(items[1], Article) and items[1].text == "Talks resumed in Varnek."
