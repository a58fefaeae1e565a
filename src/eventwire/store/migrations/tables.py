"""Shorthand for the revisions in ``versions/``: a table's columns, keys and indexes written as one call.

A table's columns are one spec string, in order, comma-separated, each ``NAME TYPE``: ``int``, ``float``,
``text``, ``bool``, ``strN`` (a VARCHAR of length N), or ``serial`` (the auto-incremented integer ``seq`` of a
table whose rows have a number). A type ending in ``!`` is NOT NULL; ``serial`` always is.

A revision is history: every database already migrated was built from what these helpers emit, so what a
helper emits never changes. A later revision that needs another shape adds a helper here; it does not edit one.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

TYPES = {"int": sa.Integer, "float": sa.Float, "text": sa.Text, "bool": sa.Boolean}


def column(spec: str) -> sa.Column:
    """``"id str40!"`` -> ``sa.Column("id", sa.String(length=40), nullable=False)``."""
    name, kind = spec.split()
    required = kind.endswith("!")
    kind = kind.rstrip("!")
    if kind == "serial":
        return sa.Column(name, sa.Integer(), autoincrement=True, nullable=False)
    if kind.startswith("str"):
        return sa.Column(name, sa.String(length=int(kind[3:])), nullable=not required)
    return sa.Column(name, TYPES[kind](), nullable=not required)


def create(name: str, spec: str, *, key: Sequence[str] = ("seq",), unique: Sequence[str] = (),
           of_document: bool = False, indexes: Sequence[str] = ()) -> None:
    """Create table ``name`` with the columns of ``spec``, its primary ``key``, the ``unique`` columns, and an
    index ``ix_<table>_<column>`` on each column of ``indexes``. ``of_document``: its ``doc`` column is a
    foreign key to ``documents.seq`` (a table of a document's items)."""
    constraints: list[sa.Constraint] = []
    if of_document:
        constraints.append(sa.ForeignKeyConstraint(["doc"], ["documents.seq"]))
    constraints.append(sa.PrimaryKeyConstraint(*key))
    constraints += [sa.UniqueConstraint(c) for c in unique]
    op.create_table(name, *(column(c) for c in spec.split(",")), *constraints)
    if indexes:
        with op.batch_alter_table(name, schema=None) as batch_op:
            for indexed in indexes:
                batch_op.create_index(batch_op.f(f"ix_{name}_{indexed}"), [indexed], unique=False)


def index(table: str, name: str, columns: Sequence[str]) -> None:
    """An index of several columns, under its own name."""
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.create_index(name, list(columns), unique=False)


def drop(*tables: str) -> None:
    """Drop the tables in this order (their indexes go with them)."""
    for name in tables:
        op.drop_table(name)
