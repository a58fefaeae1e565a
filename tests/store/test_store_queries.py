"""The Store on SQLite and PostgreSQL: schema, idempotent writes, every list query and its filters."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from store_records import make_record

from eventwire.errors import EventwireError
from eventwire.ingest import add_records
from eventwire.store import Store

HARBOUR = ("Twelve people were wounded when a gunman opened fire at the Lanterndock ferry terminal in Port Vessany, "
           "police said. Captain Odile Farrowgate said: \"We are searching every boat in the harbour.\"")
VALLEY = ("Three farmers were killed in an ambush near Cindermoor in the Ashgrove valley. Mayor Pell Quintavaro "
          "condemned the attack and promised help.")
TALKS = "Delegates met in Harrowgate for a second round of talks on the water dispute; no agreement was reached."


def corpus() -> list[dict]:
    return [
        make_record("harbour", HARBOUR, "2021-03-04", "Gunman wounds twelve at Port Vessany ferry terminal",
                    persons=("Odile Farrowgate",), place=("Port Vessany", "Coastia", 44.5, -63.5),
                    event="opened fire", event_date="2021-03-03", injured=12,
                    quote="We are searching every boat in the harbour."),
        make_record("valley", VALLEY, "2021-06-10", "Ambush near Cindermoor", persons=("Pell Quintavaro",),
                    place=("Cindermoor", "Ashgrove", 10.0, 20.0), event="ambush", event_date="2021-06-09",
                    killed=3),
        make_record("talks", TALKS, "2021-06-12", "Water talks stall"),
    ]


@pytest.fixture
def store(db_url):
    with Store.open(db_url) as opened:
        add_records(opened, corpus())
        yield opened


def test_adding_the_same_records_twice_changes_nothing(store):
    before = {table: _count(store, table) for table in ("documents", "events", "figures", "quotes", "incidents")}
    assert add_records(store, corpus()) == 0
    assert add_records(store, corpus()[:1] + corpus()[:1]) == 0
    assert {table: _count(store, table) for table in before} == before
    assert before["documents"] == 3


def test_document_round_trips_with_links_filled_in(store):
    record = store.document("harbour")
    original = corpus()[0]
    assert record["text"] == original["text"]
    assert record["events"] == original["events"] and record["figures"] == original["figures"]
    assert record["incident"] and record["story"]
    assert store.document("no such document") is None


def test_reopening_keeps_data_and_schema(db_url, store):
    with Store.open(db_url) as again:
        assert again.count() == 3


def test_list_filters(store):
    assert [d["id"] for d in store.documents(since="2021-06-01")] == ["talks", "valley"]
    assert [d["id"] for d in store.documents(until="2021-03-04")] == ["harbour"]
    assert [e["document"] for e in store.events(bbox=(-70, 40, -60, 50))] == ["harbour"]
    assert store.events(type="assault", limit=1, offset=1)[0]["document"] == "harbour"
    assert [d["id"] for d in store.documents(actor="quintavaro")] == ["valley"]
    assert [q["speaker_name"] for q in store.quotes(actor="farrowgate")] == ["Odile Farrowgate"]
    assert [f["category"] for f in store.figures(since="2021-06-01")] == ["killed"]
    assert store.figures()[0]["lat"] is not None


def test_actor_ids_are_shared_across_documents(db_url):
    first = make_record("a", "Inspector Mara Velloquin arrived.", "2021-01-01", persons=("Mara Velloquin",))
    second = make_record("b", "Later Mara Velloquin spoke again.", "2021-02-01", persons=("Mara Velloquin",))
    with Store.open(db_url) as store:
        add_records(store, [first])
        add_records(store, [second])
        with store.engine.connect() as conn:
            actors = conn.execute(sa.text("SELECT DISTINCT actor FROM entities")).scalars().all()
        assert len(actors) == 1
        assert {d["id"] for d in store.documents(actor=actors[0])} == {"a", "b"}


def test_full_text_search(store):
    assert [d["id"] for d in store.search("ferry terminal")] == ["harbour"]
    assert [d["id"] for d in store.search("farmers AMBUSH")] == ["valley"]
    assert store.search("ferry ambush") == []
    assert [d["id"] for d in store.documents(query="talks")] == ["talks"]
    assert [e["document"] for e in store.events(query="ferry")] == ["harbour"]


def test_incident_records_follow_the_spec(store):
    by_document = {i["documents"][0]: i for i in store.incidents(limit=10)}
    valley = by_document["valley"]
    assert set(valley) >= {"incident", "documents", "type", "date", "place", "killed", "injured", "actors", "events",
                           "claims"}
    assert valley["killed"] == 3 and valley["date"] == "2021-06-09" and valley["type"] == "ASSAULT"
    assert valley["place"]["name"] == "Cindermoor" and valley["place"]["lat"] == 10.0
    claim = valley["claims"][0]
    assert {"field": "killed", "value": 3, "claimant": None, "document": "valley"}.items() <= claim.items()
    assert [i["documents"] for i in store.incidents(bbox=(0, 0, 30, 30))] == [["valley"]]
    assert store.stories(limit=10)


HOSTILE = ["' OR 1=1 --", "\"; DROP TABLE documents; --", "%", "_", "\\", "a' UNION SELECT id FROM documents --",
           "NEAR(qzx", "*", "zq\x00zq", "ü' OR ''='"]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_filter_values_match_nothing_and_break_nothing(store, value):
    for query in (store.documents, store.events, store.quotes, store.figures, store.incidents, store.stories):
        assert query(actor=value, story=value, query=value) == []
    assert store.search(value) == []
    assert store.count() == 3


def test_bad_filters_are_one_clear_error(store):
    with pytest.raises(EventwireError, match="since"):
        store.documents(since="yesterday'; --")
    with pytest.raises(EventwireError, match="bbox"):
        store.events(bbox=(10, 10, 0, 0))


def test_invalid_record_is_refused_and_nothing_is_written(store):
    with pytest.raises(EventwireError, match="no text"):
        add_records(store, [make_record("fresh", "Fine text here.", "2021-01-01"), {"id": "broken"}])
    assert store.document("fresh") is None


def _count(store: Store, table: str) -> int:
    with store.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(sa.table(table))).scalar_one()


def test_unreachable_database_is_one_clear_error(tmp_path):
    with pytest.raises(EventwireError, match="cannot open database"):
        Store.open(f"postgresql://nobody@/nothing?host={tmp_path}")
    with pytest.raises(EventwireError, match="unsupported database URL"):
        Store.open("mysql://somewhere/db")
    with pytest.raises(EventwireError, match="does not exist"):
        Store.open(f"sqlite:///{tmp_path}/missing/dir/x.db")


def test_migrations_create_exactly_the_schema(db_url):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from eventwire.store.schema import metadata

    with Store.open(db_url) as store, store.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), metadata)
    assert [d for d in differences if not _full_text_part(d)] == []


def _full_text_part(difference) -> bool:
    """The full-text index lives outside the Core schema: FTS5 tables on SQLite, tsv and its index on PostgreSQL."""
    text = repr(difference)
    return "documents_fts" in text or "'tsv'" in text or "ix_documents_tsv" in text


def test_long_names_and_odd_text_store_on_both_databases(db_url):
    long_name = " ".join(["Verylongcapitalisedword"] * 20)
    text = f"{long_name} said the shooting on Quarry Lane left one man wounded.\x00 Police came."
    with Store.open(db_url) as store:
        assert add_records(store, [make_record("long", text, "2020-02-02", long_name)]) == 1
        assert store.document("long")["text"] == text.replace("\x00", "\ufffd")
