"""Link bonds: each report's bonds to the reports of its happening, so a later report can take it over.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 16:30:00

``link_bonds`` holds every bond of a report's main happening to another report's main happening that reached
the join score, once in each direction (doc, other, score). A report belongs with its closest report; when a
later report is closer to it than any report before, it moves to that report's incident with the reports
that hang on it (eventwire.link.groups). Documents stored before this revision are pinned where they are:
a bond of 1, the highest score, to themselves, so no later report is closer to them.
"""

from __future__ import annotations

from alembic import op

from eventwire.store.migrations.tables import create, drop

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create("link_bonds", "doc int!, other int!, score float!", key=("doc", "other"), of_document=True)
    op.execute("INSERT INTO link_bonds (doc, other, score) SELECT seq, seq, 1.0 FROM documents "
               "WHERE incident IS NOT NULL")


def downgrade() -> None:
    drop("link_bonds")
