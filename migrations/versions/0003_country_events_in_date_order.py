"""country events in date order

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 18:10:00

Each event country carries its event's date_key, and the (country, date_key,
event_id) index replaces (country, event_id): a list filtered by country reads
that country's events newest first, however many it has.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("eventcountry", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("date_key", sa.String(length=10), nullable=False, server_default="")
        )
    op.execute(
        "UPDATE eventcountry SET date_key = "
        "(SELECT event.date_key FROM event WHERE event.id = eventcountry.event_id)"
    )
    with op.batch_alter_table("eventcountry", schema=None) as batch_op:
        batch_op.drop_index("ix_eventcountry_country_event")
        batch_op.create_index(
            "ix_eventcountry_country_date_key_event",
            ["country", "date_key", "event_id"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("eventcountry", schema=None) as batch_op:
        batch_op.drop_index("ix_eventcountry_country_date_key_event")
        batch_op.create_index(
            "ix_eventcountry_country_event", ["country", "event_id"], unique=False
        )
        batch_op.drop_column("date_key")
