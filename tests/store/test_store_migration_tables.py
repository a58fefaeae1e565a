"""The migrations' column shorthand: ``NAME TYPE``, ``!`` NOT NULL, ``strN`` a VARCHAR, ``serial`` the row number."""

from __future__ import annotations

import sqlalchemy as sa

from eventwire.store.migrations.tables import column


def test_a_string_column_with_its_length_and_not_null():
    col = column("id str40!")
    assert col.name == "id"
    assert isinstance(col.type, sa.String) and col.type.length == 40
    assert col.nullable is False


def test_a_column_without_the_mark_may_be_null():
    col = column(" title text")
    assert col.name == "title"
    assert isinstance(col.type, sa.Text)
    assert col.nullable is True


def test_the_serial_column_counts_rows_and_is_never_null():
    col = column("seq serial")
    assert isinstance(col.type, sa.Integer)
    assert col.autoincrement is True
    assert col.nullable is False


def test_numbers_and_flags():
    assert isinstance(column("lat float").type, sa.Float)
    assert isinstance(column("day int").type, sa.Integer)
    flag = column("junk bool!")
    assert isinstance(flag.type, sa.Boolean) and flag.nullable is False
