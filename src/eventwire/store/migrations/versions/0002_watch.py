"""Watching feeds: the followed sources, the addresses already read, incident snapshots, the alert outbox.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02 15:00:00
"""

from __future__ import annotations

from eventwire.store.migrations.tables import create, drop, index

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create("watch_feeds", "source str500!, etag text, last_modified text, last_poll str40, last_success str40, "
           "last_error text, articles int!", key=("source",))
    create("watch_seen", "key str64!, address text!, document str200, source str500, seen_at str40", key=("key",))
    create("watch_incidents", "incident str40!, documents int!, killed int, injured int, disputed text",
           key=("incident",))
    create("alerts", "seq serial, id str64!, rule str200!, incident str40!, change str300!, created str40!, "
           "payload text!, webhook text, status str16!, attempts int!, next_attempt float!, delivered_at str40, "
           "last_error text", unique=("id",), indexes=("rule",))
    index("alerts", "ix_alerts_status_next", ("status", "next_attempt"))


def downgrade() -> None:
    drop("alerts", "watch_incidents", "watch_seen", "watch_feeds")
