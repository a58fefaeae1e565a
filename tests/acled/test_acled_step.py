"""The ACLED step's fields on the records: inter codes and interaction, actor kinds, events the cues add, and
the ACLED columns of an events export (real pipeline, real SQLite store, the real CLI)."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

from eventwire.extract.acled.decide import interaction
from eventwire.ingest import add_records
from eventwire.store import Store


def coded(record):
    return [e for e in record.events if e.acled]


def test_interaction_puts_the_lower_code_first_and_a_lone_actor_times_ten():
    assert interaction(2, 1) == 12
    assert interaction(3, 7) == 37
    assert interaction(6, None) == 60
    assert interaction(None, None) is None


def test_attack_on_civilians_by_rebels_is_rebels_against_civilians(extract):
    event = coded(extract("Rebels attacked the village of Orro, killing twelve villagers.", "2031-06-15"))[0]
    assert event.acled["event_type"] == "Violence against civilians"
    assert (event.acled["inter1"], event.acled["inter2"], event.acled["interaction"]) == (2, 7, 27)
    assert [(a.text, a.kind, a.inter) for a in event.actors] == [("Rebels", "rebel group", 2)]


def test_battle_between_army_and_militia_is_state_against_militia(extract):
    event = coded(extract("The army clashed with a local militia near the town of Sevra.", "2031-06-15"))[0]
    assert event.acled["sub_event_type"] == "Armed clash"
    assert event.acled["interaction"] == 13


def test_a_cue_without_an_event_adds_one(extract):
    text = "Bomb disposal teams defused two mines on the road to Kell."
    record = extract(text, "2031-06-15")
    event = coded(record)[0]
    assert event.acled["sub_event_type"] == "Disrupted weapons use"
    assert event.trigger.text == "defused"
    assert event.id == f"v{len(record.events)}"
    assert text[event.evidence.start:event.evidence.end] == text


def test_a_threat_is_not_coded(extract):
    assert coded(extract("The rebels threatened to attack the capital next week.", "2031-06-15")) == []


def test_only_the_sentence_of_the_happening_is_coded(extract):
    record = extract("The minister arrived in Tosa on Monday. Militants shelled the airport of Tosa overnight.",
                     "2031-06-15")
    subs = [e.acled["sub_event_type"] for e in coded(record)]
    assert subs and set(subs) == {"Shelling/artillery/missile attack"}
    second = record.text.index("Militants")
    assert all(e.evidence.start >= second for e in coded(record))  # nothing of the visit's sentence is coded


def test_events_export_has_acled_columns(extract, tmp_path):
    record = extract("Police fired live rounds at protesters in the square of Bela, killing three.", "2031-06-15")
    url = f"sqlite:///{tmp_path / 'acled.db'}"
    with Store.open(url) as store:
        add_records(store, [record.to_json()])
    done = subprocess.run([sys.executable, "-m", "eventwire.cli", "export", "--db", url, "--what", "events",
                           "--format", "csv"], capture_output=True, timeout=300, check=True)
    rows = list(csv.DictReader(io.StringIO(done.stdout.decode())))
    first = next(r for r in rows if r["sub_event_type"])
    assert first["event_type"] == "Protests"
    assert first["sub_event_type"] == "Excessive force against protesters"
    assert (first["inter1"], first["inter2"], first["interaction"]) == ("1", "6", "16")
