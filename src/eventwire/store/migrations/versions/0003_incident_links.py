"""Incident links: a document in every incident it reports, and disputed tolls.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 15:00:00

``incident_reports`` lists each document under every incident it reports (a roundup under several; ``main``
marks the one ``documents.incident`` names); ``incidents.disputed`` is true when parties report conflicting
tolls. Documents stored before this revision are listed under their main incident.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from eventwire.store.migrations.tables import create

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create("incident_reports", "incident str40!, doc int!, main bool!, happening int!", key=("incident", "doc"),
           of_document=True, indexes=("doc",))
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("disputed", sa.Boolean(), nullable=True))
    op.execute("INSERT INTO incident_reports (incident, doc, main, happening) "
               "SELECT incident, seq, TRUE, 0 FROM documents WHERE incident IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.drop_column("disputed")
    with op.batch_alter_table("incident_reports", schema=None) as batch_op:
        batch_op.drop_index("ix_incident_reports_doc")
    op.drop_table("incident_reports")
