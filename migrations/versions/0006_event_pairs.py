"""event pairs

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 20:55:00

One row for each two countries of an event ("BE-CN", in alphabetical order)
with the event's date_key, indexed (pair, date_key, event_id): a list filtered
by pair reads that pair's events newest first, where it walked one country's
events and checked each for the other. Filled from the event countries, and
counted by 0005's write counter like the other tables records are built from.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COUNTED = ("eventpair",)  # tables this migration adds to those 0005 counts
BUMP = "UPDATE datarevision SET n = n + 1"


def upgrade() -> None:
    op.create_table(
        "eventpair",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("pair", sa.String(length=5), nullable=False),
        sa.Column("date_key", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["event.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("event_id", "pair"),
    )
    op.create_index(
        "ix_eventpair_pair_date_key_event", "eventpair", ["pair", "date_key", "event_id"]
    )
    op.execute(
        "INSERT INTO eventpair (event_id, pair, date_key) "
        "SELECT a.event_id, a.country || '-' || b.country, a.date_key "
        "FROM eventcountry a JOIN eventcountry b "
        "ON b.event_id = a.event_id AND a.country < b.country"
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE TRIGGER readout_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
            "ON eventpair FOR EACH STATEMENT EXECUTE FUNCTION readout_bump_revision()"
        )
        return
    for action in ("INSERT", "UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER readout_revision_eventpair_{action.lower()} AFTER {action} "
            f"ON eventpair BEGIN {BUMP}; END"
        )


def downgrade() -> None:
    op.drop_index("ix_eventpair_pair_date_key_event", table_name="eventpair")
    op.drop_table("eventpair")  # its triggers go with it
