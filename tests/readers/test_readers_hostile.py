"""Hostile input: every reader and `extract` give articles or one error line each, never an exception or a hang."""

from __future__ import annotations

import gzip
import io
import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.engine import Extracted, process_batch
from eventwire.read import Article, Limits, ReadError, read_inputs
from eventwire.read.article import content_id

SUFFIXES = [".jsonl", ".txt", ".html", ".warc", ".warc.gz", ".rss", ".parquet", ".jsonl.gz"]
FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def read_all(*paths, limits: Limits | None = None) -> list[Article | ReadError]:
    return list(read_inputs([str(p) for p in paths], limits))


@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_never_raise(tmp_path, data, suffix):
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    for item in read_all(path):
        assert isinstance(item, Article | ReadError)
        if isinstance(item, ReadError):
            assert "\n" not in str(item) and str(item).startswith(str(path))


JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                                        max_size=3), max_leaves=8)


@FUZZ
@given(objects=st.lists(JSON_VALUES | st.fixed_dictionaries({"text": st.text(min_size=1, max_size=50)}), max_size=8))
def test_every_json_line_gives_one_article_or_one_error(tmp_path, objects):
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(o) + "\n" for o in objects))
    assert len(read_all(path)) == len(objects)


def test_bom_is_dropped_and_nul_bytes_kept(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffShots were fired\x00 near the bridge.".encode())
    [article] = read_all(path)
    assert article.text == "Shots were fired\x00 near the bridge."
    [result] = process_batch([article])
    assert isinstance(result, Extracted) and json.loads(result.line)["text"] == article.text


def test_fifty_megabyte_line_is_one_error_and_the_next_line_still_read(tmp_path):
    path = tmp_path / "big.jsonl"
    with open(path, "w") as f:
        f.write(json.dumps({"id": "huge", "text": "x" * (50 * 1024 * 1024)}) + "\n")
        f.write(json.dumps({"id": "after", "text": "Talks resumed in Osterby."}) + "\n")
    items = read_all(path)
    assert isinstance(items[0], ReadError) and "longer than" in items[0].reason
    assert [a.id for a in items if isinstance(a, Article)] == ["after"]


def test_text_over_the_character_limit_is_rejected(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("word " * 3000)
    [item] = read_all(path, limits=Limits(max_text_chars=10_000))
    assert isinstance(item, ReadError) and "characters" in item.reason


def test_gzip_bomb_stops_at_the_limit(tmp_path):
    path = tmp_path / "bomb.jsonl.gz"
    with gzip.open(path, "wb") as f:
        line = (json.dumps({"text": "a" * 1000}) + "\n").encode()
        for _ in range(20_000):  # 20 MB expanded, a few KB on disk
            f.write(line)
    items = read_all(path, limits=Limits(max_decompressed_bytes=1_000_000))
    errors = [i for i in items if isinstance(i, ReadError)]
    assert len(errors) == 1 and "decompression" in errors[0].reason
    assert 0 < len(items) - 1 < 1000


def test_warc_record_lying_about_its_length(tmp_path):
    body = b"<html><body><p>" + b"Artillery hit the depot at Varnek overnight. " * 20 + b"</p></body></html>"
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
            f"WARC-Target-URI: https://example.org/x\r\nContent-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http) + 5000}\r\n\r\n").encode()
    path = tmp_path / "liar.warc"
    path.write_bytes(head + http)
    items = read_all(path)
    assert len(items) == 1 and isinstance(items[0], ReadError)


def test_deeply_nested_html_is_one_error_line_fast(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 100_000 + "deep" + "</div>" * 100_000 + "</body></html>")
    items = read_all(path)
    assert len(items) == 1 and isinstance(items[0], ReadError)


def test_billion_laughs_feed_does_not_expand(tmp_path):
    entities = '<!ENTITY a "lol">' + "".join(f'<!ENTITY {c} "{("&" + p + ";") * 10}">'
                                              for p, c in zip("abcdefgh", "bcdefghi", strict=True))
    path = tmp_path / "laughs.rss"
    path.write_text(f'<?xml version="1.0"?><!DOCTYPE rss [{entities}]><rss version="2.0"><channel><title>t</title>'
                    "<item><title>x</title><description>&i;</description></item></channel></rss>")
    for item in read_all(path):
        assert len(getattr(item, "text", "")) < 100_000


def test_symlinks_and_odd_entries_in_a_directory(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("Private notes that are not in the crawl.")
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    (crawl / "a.txt").write_text("Fighting resumed near Varnek.")
    (crawl / "link.txt").symlink_to(outside)
    (crawl / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    (crawl / "folder.txt").mkdir()
    items = read_all(crawl)
    assert [a.text for a in items if isinstance(a, Article)] == ["Fighting resumed near Varnek."]
    assert sorted(e.reason for e in items if isinstance(e, ReadError)) == ["symbolic link not followed"] * 2


def test_unreadable_file_is_one_error_line(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("Closed report.")
    os.chmod(path, 0)
    try:
        items = read_all(path)
    finally:
        os.chmod(path, 0o600)
    if os.geteuid() == 0:  # root reads anything; the error path is then that of a non-file
        items = read_all(tmp_path / "nothing-here.txt")
    assert len(items) == 1 and isinstance(items[0], ReadError)


@settings(max_examples=15, deadline=None)
@given(text=st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=400))
def test_extract_never_raises_on_odd_text(text):
    article = Article(id=content_id(text), text=text, origin="fuzz:1")
    [result] = process_batch([article])
    assert isinstance(result, Extracted), result
    assert json.loads(result.line)["text"] == text


def test_mixed_good_and_bad_stream_keeps_every_good_record():
    good = [json.dumps({"id": f"g{i}", "text": f"Report {i} from Varnek."}) for i in range(5)]
    lines = [good[0], "{", good[1], "\xff", good[2], "[]", good[3], '{"text": 5}', good[4]]
    stream = io.BytesIO(("\n".join(lines) + "\n").encode("utf-8", "surrogateescape"))
    from eventwire.read.jsonl import read_jsonl

    items = list(read_jsonl(stream, "mixed", Limits()))
    assert [a.id for a in items if isinstance(a, Article)] == [f"g{i}" for i in range(5)]
    assert [str(e).split(":")[1] for e in items if isinstance(e, ReadError)] == ["2", "4", "6", "8"]
