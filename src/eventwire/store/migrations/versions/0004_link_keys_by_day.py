"""Link keys by day and document: every candidate look-up an index range that stops where it has enough.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 08:30:00

``ix_link_keys_key_day_doc`` (key, day, doc) takes the place of ``ix_link_keys_key_day`` (key, day): a
look-up of the keys within a date window reads the index alone (doc is in it), and the nearest reports of a
name outside the window (nearest day first, the later document first within a day) are read in index order
and stop at the limit instead of sorting every report of the name.
"""

from __future__ import annotations

from alembic import op

from eventwire.store.migrations.tables import index

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    index("link_keys", "ix_link_keys_key_day_doc", ("key", "day", "doc"))
    with op.batch_alter_table("link_keys", schema=None) as batch_op:
        batch_op.drop_index("ix_link_keys_key_day")


def downgrade() -> None:
    index("link_keys", "ix_link_keys_key_day", ("key", "day"))
    with op.batch_alter_table("link_keys", schema=None) as batch_op:
        batch_op.drop_index("ix_link_keys_key_day_doc")
