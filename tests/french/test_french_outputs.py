"""French reports through the whole product: `ingest`, the dossier (`report`), the exports and the served pages
keep the labels English and the text French, accented and escaped. Reports written for this test."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from served import ServedProcess

CLI = [sys.executable, "-m", "eventwire.cli"]

AMBUSH = ("Au moins neuf soldats ont été tués dimanche dans une embuscade tendue par des hommes armés près "
          "d'Abéché, dans l'est du Tchad, a déclaré le porte-parole de l'armée. « Nos troupes ont riposté et "
          "poursuivent les assaillants », a affirmé le colonel Idriss Malloum. Selon une source hospitalière, une "
          "quinzaine de blessés ont été évacués vers la ville.")
PROTEST = ("Plusieurs centaines de personnes ont manifesté mardi à Port-au-Prince pour réclamer la fin de "
           "l'insécurité, selon des journalistes sur place.")
REPORTS = [
    {"id": "fr-embuscade", "lang": "fr", "published": "2031-04-14", "text": AMBUSH,
     "title": "Tchad : une embuscade fait neuf morts <script>alert('é')</script>"},
    {"id": "fr-manif", "lang": "fr", "published": "2031-04-15", "text": PROTEST,
     "title": "Haïti : manifestation à Port-au-Prince"},
]


def cli(*args: str) -> str:
    done = subprocess.run([*CLI, *args], capture_output=True, timeout=600)
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout.decode()


@pytest.fixture(scope="module")
def french_db(tmp_path_factory) -> tuple[str, Path]:
    folder = tmp_path_factory.mktemp("french-outputs")
    source = folder / "reports.jsonl"
    source.write_bytes(b"".join(orjson.dumps(row) + b"\n" for row in REPORTS))
    url = f"sqlite:///{folder / 'store.db'}"
    cli("ingest", str(source), "--db", url)
    return url, folder


def test_the_dossier_has_english_labels_and_french_text(french_db):
    url, _ = french_db
    dossier = cli("report", "--db", url, "--format", "md")
    assert "## Key figures" in dossier and "## Who said what" in dossier
    assert "Abéché" in dossier and "« Nos troupes ont riposté" in dossier
    assert "**killed** (people): 9" in dossier and "**injured** (people): 15" in dossier
    page = cli("report", "--db", url, "--format", "html")
    assert "Abéché" in page and "<script>alert" not in page and "&lt;script&gt;" in page


def test_the_exports_code_french_incidents_and_events(french_db):
    url, folder = french_db
    cli("export", "--db", url, "--what", "incidents", "-o", str(folder / "incidents.jsonl"))
    incidents = {tuple(r["documents"]): r for r in map(orjson.loads, (folder / "incidents.jsonl").read_bytes()
                                                       .splitlines())}
    ambush = incidents[("fr-embuscade",)]
    assert (ambush["type"], ambush["date"], ambush["killed"], ambush["injured"]) == ("ASSAULT", "2031-04-13", 9, 15)
    assert (ambush["place"]["name"], ambush["place"]["country"]) == ("Abéché", "TD")
    assert incidents[("fr-manif",)]["place"]["country"] == "HT"
    cli("export", "--db", url, "--what", "events", "--format", "csv", "-o", str(folder / "events.csv"))
    with (folder / "events.csv").open(encoding="utf-8") as handle:
        rows = {(r["document"], r["type"]): r for r in csv.DictReader(handle)}
    assert rows[("fr-embuscade", "ASSAULT")]["event_type"] == "Battles"  # armed men against soldiers
    assert rows[("fr-manif", "PROTEST")]["sub_event_type"] == "Peaceful protest"


def test_the_served_pages_show_the_french_text_escaped(french_db):
    url, _ = french_db
    served = ServedProcess(url, client_timeout=60)
    try:
        incident = served.client.get("/api/documents/fr-embuscade").json()["incident"]
        page = served.client.get(f"/incidents/{incident}").text
        document = served.client.get("/documents/fr-embuscade").text
    finally:
        served.stop()
    for body in (page, document):
        assert "Abéché" in body and "<script>alert" not in body
    assert "Au moins neuf soldats ont été tués" in document and "&lt;script&gt;" in document
