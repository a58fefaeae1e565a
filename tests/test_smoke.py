from eventwire.records import DocumentRecord


def test_pipeline_returns_a_record_for_a_written_text(extract):
    record = extract("Rebels shelled the town of Karvossa on Monday.", published="2030-05-02")
    assert isinstance(record, DocumentRecord)
    assert record.text == "Rebels shelled the town of Karvossa on Monday."
    assert record.to_json()["published"] == "2030-05-02"
