"""participant dates

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 19:20:00

Each event participant carries its event's date_key, indexed (person_id,
date_key, event_id). A report looks up the known events it may describe
through it: those of its participants at dates compatible with its own. The
lookup read every undated event of the report's type before, whatever its
country, and for an undated report every event of its type and first country.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "eventparticipant",
        sa.Column("date_key", sa.String(length=10), nullable=False, server_default=""),
    )
    op.execute(
        "UPDATE eventparticipant SET date_key = "
        "(SELECT event.date_key FROM event WHERE event.id = eventparticipant.event_id)"
    )
    op.create_index(
        "ix_eventparticipant_person_date_key_event",
        "eventparticipant",
        ["person_id", "date_key", "event_id"],
    )


def downgrade() -> None:
    op.drop_index("ix_eventparticipant_person_date_key_event", table_name="eventparticipant")
    # ALTER TABLE, not a copy of the table: the copy would lose 0005's write triggers
    op.drop_column("eventparticipant", "date_key")
