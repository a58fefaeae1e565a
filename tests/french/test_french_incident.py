"""A French and an English report of one happening, ingested by ``eventwire ingest``, form one incident."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson

from eventwire.store import Store

CLI = [sys.executable, "-m", "eventwire.cli"]

ENGLISH = ("Gunmen killed at least twelve villagers in an attack on Kanyabayonga in North Kivu on Sunday, local "
           "officials said. The attackers burned about forty houses before fleeing into the forest, and seven "
           "people were wounded. The army blamed the ADF rebel group for the raid.")
FRENCH = ("Des hommes armés ont tué au moins douze villageois lors d'une attaque contre Kanyabayonga, dans le "
          "Nord-Kivu, dimanche, ont indiqué les autorités locales. Les assaillants ont incendié une quarantaine "
          "de maisons avant de s'enfuir dans la forêt, et sept personnes ont été blessées. L'armée a accusé les "
          "rebelles des ADF.")
ELSEWHERE = [
    ("The council of Bukavu voted on Wednesday to repair the main road before the rainy season, the mayor said.",
     "2031-03-05"),
    ("Le conseil municipal de Bukavu a voté mercredi un budget pour réparer la route principale, a dit le maire.",
     "2031-03-05"),
    ("Floods damaged a bridge near Uvira on Thursday; no one was hurt, the provincial government said.",
     "2031-03-06"),
]


def test_a_french_and_an_english_report_of_one_attack_share_an_incident(tmp_path: Path):
    rows = [{"id": "en-attack", "text": ENGLISH, "title": "Gunmen kill 12 in North Kivu village",
             "published": "2031-03-10"},
            {"id": "fr-attack", "text": FRENCH, "title": "Nord-Kivu : douze villageois tués dans une attaque",
             "published": "2031-03-10", "lang": "fr"}]
    rows += [{"id": f"other-{i}", "text": text, "published": day} for i, (text, day) in enumerate(ELSEWHERE)]
    source = tmp_path / "reports.jsonl"
    source.write_bytes(b"".join(orjson.dumps(row) + b"\n" for row in rows))
    url = f"sqlite:///{tmp_path / 'store.db'}"
    done = subprocess.run([*CLI, "ingest", str(source), "--db", url], capture_output=True, timeout=600)
    assert done.returncode == 0, done.stderr.decode()
    with Store.open(url) as store:
        english, french = store.document("en-attack"), store.document("fr-attack")
        others = [store.document(f"other-{i}") for i in range(len(ELSEWHERE))]
    assert french["lang"] == "fr" and english["lang"] == "en"
    assert english["incident"] and french["incident"] == english["incident"]
    assert all(o["incident"] != english["incident"] for o in others)
