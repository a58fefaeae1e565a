"""What keeps linking's cost flat as the store grows: bounded far look-ups and story counts kept per batch."""

from __future__ import annotations

from datetime import date

from store_records import make_record
from test_store_linking import FIRST, SECOND, THIRD

from eventwire.ingest import add_records
from eventwire.store import Store
from eventwire.store import linking as stored
from eventwire.store.writer import insert_documents

PLACE = ("Ostrava Falls", "Westmarch", 41.2, -81.6)


def indexed_documents(store: Store, days: list[int], key: str) -> list[int]:
    """One stored document per day, each indexed under ``key``; their seqs in the order of ``days``."""
    records = [make_record(f"doc-{n}", f"Report number {n} about the Kelderwick council.") for n in range(len(days))]
    with store.writing() as conn:
        seqs = insert_documents(conn, records)
        for seq, day in zip(seqs, days, strict=True):
            stored.index_document(conn, seq, day, [key], [])
    return seqs


def test_a_name_looked_up_across_any_gap_reads_its_nearest_reports_only(db_url):
    before = stored.FAR_POSTINGS + 20
    # days 1000, 1001, … before the window; three inside it; two after it
    days = [1000 + n for n in range(before)] + [5000, 5010, 5029] + [9000, 7000]
    with Store.open(db_url) as store:
        seqs = indexed_documents(store, days, "v:ana ruiz")
        with store.engine.connect() as conn:
            found = stored.far_postings(conn, "v:ana ruiz", 5000, 30, seq=-1)
    nearest_before = [seqs[n] for n in range(before - 1, before - 1 - stored.FAR_POSTINGS, -1)]
    assert found == [*nearest_before, seqs[-1], seqs[-2]]


def test_a_far_look_up_leaves_out_the_window_the_document_and_other_names(db_url):
    with Store.open(db_url) as store:
        seqs = indexed_documents(store, [100, 4990, 5040, 8000], "v:ana ruiz")
        with store.writing() as conn:  # a second name on one of them
            stored.index_document(conn, seqs[1], 4990, ["v:jon vale"], [])
        with store.engine.connect() as conn:
            assert stored.far_postings(conn, "v:ana ruiz", 5000, 30, seq=seqs[3]) == [seqs[0], seqs[2]]
            assert stored.far_postings(conn, "v:jon vale", 6000, 30, seq=-1) == [seqs[1]]


def test_story_counts_grow_batch_by_batch_with_the_first_title_and_the_day_span(db_url):
    first = make_record("first", FIRST, "2016-05-14", None, persons=("Corwin Aldemere",), place=PLACE,
                        event="shot", killed=1, injured=1)
    second = make_record("second", SECOND, "2016-05-15", "Victim named in Gildenmoor Tavern shooting",
                         persons=("Corwin Aldemere",), place=PLACE, event="shooting", killed=1, injured=1)
    third = make_record("third", THIRD, "2016-05-17", "Arrest in Gildenmoor Tavern killing",
                        persons=("Corwin Aldemere", "Halden Ruskvale"), place=PLACE, event="shooting", killed=2,
                        injured=1)
    with Store.open(db_url) as store:
        add_records(store, [first])
        add_records(store, [second, third])
        story_id = store.document("first")["story"]
        assert store.document("third")["story"] == story_id
        [story] = [s for s in store.stories(limit=10) if s["story"] == story_id]
    assert story["documents"] == 3
    assert story["title"] == "Victim named in Gildenmoor Tavern shooting"  # the first has none
    # "late Friday" in the first (the 13th), "charged … on Monday" in the third (the 16th)
    assert (story["first"], story["last"]) == (str(date(2016, 5, 13)), str(date(2016, 5, 16)))
