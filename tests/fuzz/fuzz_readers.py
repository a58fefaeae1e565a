"""Coverage-guided fuzzing of every input reader with atheris: the long campaign behind tests/readers' hypothesis tests.

Not a pytest file (pytest collects only test_*.py) and atheris is not a project dependency. Install it apart from
the project's environment and run this file directly, from the repository root:

    .venv/bin/pip install --target /tmp/atheris atheris==3.0.0    # a cp311 manylinux wheel; 3.1.0 works alike
    PYTHONPATH=/tmp/atheris .venv/bin/python tests/fuzz/fuzz_readers.py -max_total_time=600 -timeout=20 /tmp/corpus

Arguments after the script are libFuzzer's (-runs=N, -max_total_time=S, -timeout=S for hangs, -max_len=BYTES,
a corpus directory to keep and reuse the inputs found). Each input picks a reader by its file suffix (JSON lines,
gzipped JSON lines, text, HTML, WARC, gzipped WARC, RSS/Atom, Parquet) and feeds it the remaining bytes as a
file. The promise checked is the project's: only articles and one-line errors come out, never an exception;
anything else stops the run with the input saved as crash-<hash> for `python tests/fuzz/fuzz_readers.py FILE`.
Size limits are small here so that a decompression bomb or a huge line is exercised within -max_len. An empty
corpus directory is first filled with a small valid input of each kind.
"""

from __future__ import annotations

import gzip
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["eventwire", "trafilatura", "htmldate", "warcio", "feedparser", "courlan",
                                         "justext"]):
    import feedparser  # noqa: F401  (the readers import these lazily: imported here to be instrumented)
    import htmldate  # noqa: F401
    import trafilatura  # noqa: F401
    import warcio.archiveiterator  # noqa: F401

    from eventwire.read import Article, Limits, ReadError, read_inputs

SUFFIXES = [".jsonl", ".jsonl.gz", ".txt", ".html", ".warc", ".warc.gz", ".rss", ".atom", ".parquet"]
LIMITS = Limits(max_record_bytes=64 * 1024, max_decompressed_bytes=256 * 1024, max_text_chars=100_000)
WORK = Path(tempfile.mkdtemp(prefix="eventwire-fuzz-"))


def test_one_input(data: bytes) -> None:
    if not data:
        return
    path = WORK / f"input{SUFFIXES[data[0] % len(SUFFIXES)]}"  # the first byte picks the reader
    path.write_bytes(data[1:])
    for item in read_inputs([str(path)], LIMITS):
        if isinstance(item, ReadError):
            message = str(item)
            if "\n" in message or not message.startswith(str(path)):
                raise AssertionError(f"not one error line naming the file: {message!r}")
        elif not isinstance(item, Article) or not isinstance(item.text, str):
            raise AssertionError(f"a reader gave {type(item).__name__}")


def seeds() -> dict[str, bytes]:
    """Small valid inputs of each kind (written here), so the fuzzer starts from real structure."""
    page = (b"<html lang='en'><head><title>Floods in Quellmoor</title></head><body><article><p>Floodwater closed "
            b"the bridge at Quellmoor on Monday, officials said.</p></article></body></html>")
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
    warc = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Date: 2031-01-02T00:00:00Z\r\n"
            b"WARC-Target-URI: https://news.example/a\r\nContent-Type: application/http; msgtype=response\r\n"
            b"Content-Length: " + str(len(http)).encode() + b"\r\n\r\n" + http + b"\r\n\r\n")
    rss = (b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title><item><title>Fire</title>"
           b"<pubDate>Mon, 02 Jan 2031 10:00:00 GMT</pubDate><description>A fire broke out in Ostravane."
           b"</description></item></channel></rss>")
    line = b'{"id": "q1", "text": "Talks resumed in Varnek.", "published": "2031-01-02", "title": "Talks"}\n'
    return {".jsonl": line * 2, ".txt": b"Talks resumed in Varnek on Monday.", ".html": page, ".warc": warc,
            ".rss": rss, ".jsonl.gz": gzip.compress(line * 3), ".warc.gz": gzip.compress(warc)}


def write_seeds(corpus: Path) -> None:
    for suffix, payload in seeds().items():
        (corpus / f"seed{suffix}").write_bytes(bytes([SUFFIXES.index(suffix)]) + payload)


def main() -> None:
    directories = [Path(a) for a in sys.argv[1:] if not a.startswith("-") and Path(a).is_dir()]
    if directories and not any(directories[0].iterdir()):
        write_seeds(directories[0])
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
