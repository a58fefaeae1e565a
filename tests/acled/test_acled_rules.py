"""Each ACLED sub-event rule on sentences written for it (cases.py), through the real pipeline: two
positives and one near miss per sub-event type, and non-political sentences left uncoded."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from cases import CASES, NON_POLITICAL  # noqa: E402


def first_code(record):
    coded = [e.acled for e in record.events if e.acled]
    return coded[0]["sub_event_type"] if coded else None


POSITIVES = [(sub, text) for sub, positives, _ in CASES for text in positives]
NEAR_MISSES = [(sub, text, expected) for sub, _, (text, expected) in CASES]


@pytest.mark.parametrize(("sub", "text"), POSITIVES, ids=[f"{s}:{i % 2}" for i, (s, _) in enumerate(POSITIVES)])
def test_positive(extract, sub, text):
    assert first_code(extract(text, "2031-06-15")) == sub


@pytest.mark.parametrize(("sub", "text", "expected"), NEAR_MISSES, ids=[s for s, _, _ in NEAR_MISSES])
def test_near_miss(extract, sub, text, expected):
    got = first_code(extract(text, "2031-06-15"))
    assert got != sub
    assert got == expected


@pytest.mark.parametrize("text", NON_POLITICAL)
def test_non_political_left_alone(extract, text):
    assert first_code(extract(text, "2031-06-15")) is None


def test_every_sub_event_type_but_other_has_cases():
    from eventwire.extract.acled.lexicon import sub_events

    assert {s for s, _, _ in CASES} == set(sub_events()) - {"Other"}
