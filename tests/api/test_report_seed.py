"""End to end on the project's seed article (shared/data, beside the repository): ingest, then the dossier.

The seed is read where it lies, never copied; without it the test is skipped.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from components import shared_data

SEED = (shared_data() or Path("/nonexistent")) / "seed" / "articles.jsonl"

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="shared/data/seed is not beside the repository")


def eventwire(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "eventwire.cli", *args], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('seed') / 'seed.db'}"
    eventwire("ingest", str(SEED), "--db", url)
    return url


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_the_seed_dossier_names_the_crisis(seed_db, fmt):
    text = eventwire("report", "--db", seed_db, "--format", fmt)
    for needle in ("Tskhinvali", "Lavrov", "Saakashvili", "Kokoity", "75,000", "2008-08-07", "2008-08-08"):
        assert needle in text, needle


def test_the_seed_dossier_keeps_kokoitys_claim_and_the_population_disagreement(seed_db):
    dossier = orjson.loads(eventwire("report", "--db", seed_db, "--format", "json"))
    claims = [c for g in dossier["figures"] for c in g["claims"]]
    assert any("Kokoity" in (c["claimant"] or "") for c in claims)
    population = [g for g in dossier["figures"] if g["category"] == "population"]
    assert population and population[0]["disagreement"]
    assert {e["date"] for e in dossier["timeline"]} >= {"2008-08-07", "2008-08-08"}
