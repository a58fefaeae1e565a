"""``eventwire report`` over a real SQLite store."""

from __future__ import annotations

import subprocess
import sys

import orjson
import pytest


def eventwire(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eventwire.cli", *args], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_report_writes_the_dossier_in_each_format(crisis_db, tmp_path, fmt):
    out = tmp_path / f"dossier.{fmt}"
    done = eventwire("report", "--db", crisis_db, "--format", fmt, "-o", str(out))
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    for needle in ("Marenburg", "Ilse Varga", "Tomas Brell", "2031-03-03", "2011 census", "Anna Holt"):
        assert needle in text, needle
    if fmt == "json":
        assert orjson.loads(text)["factbox"]["where"][0]["name"] == "Marenburg"
    if fmt == "html":
        assert "<svg" in text and "<script>alert" not in text


def test_filters_select_the_documents(crisis_db):
    done = eventwire("report", "--db", crisis_db, "--format", "json", "--since", "2031-03-04", "--until",
                     "2031-03-04")
    dossier = orjson.loads(done.stdout)
    assert {e["date"] for e in dossier["timeline"] if e["kind"] == "event"} == {"2031-03-04"}
    searched = orjson.loads(eventwire("report", "--db", crisis_db, "--format", "json", "--query", "hospital").stdout)
    assert [s["id"] for s in searched["sources"]] == ["vd-convoy"]
    far = orjson.loads(eventwire("report", "--db", crisis_db, "--format", "json", "--bbox", "100,0,110,10").stdout)
    assert far["sources"] == []


@pytest.mark.parametrize("args, message", [
    (["--format", "pdf"], "unknown format"),
    (["--since", "last week"], "--since must be a date"),
    (["--bbox", "1,2"], "--bbox must be four numbers"),
    (["-o", "/no/such/dir/out.md"], "output directory does not exist"),
])
def test_bad_options_fail_in_one_line(crisis_db, args, message):
    done = eventwire("report", "--db", crisis_db, *args)
    assert done.returncode == 2
    assert message in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr
