"""topic statements in date order

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 18:15:00

Each statement topic carries its statement's date_key, and the (topic,
date_key, statement_id) index replaces (topic, statement_id): a list filtered
by topic reads that topic's statements newest first, however many it has.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("statementtopic", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("date_key", sa.String(length=10), nullable=False, server_default="")
        )
    op.execute(
        "UPDATE statementtopic SET date_key = "
        "(SELECT statement.date_key FROM statement "
        "WHERE statement.id = statementtopic.statement_id)"
    )
    with op.batch_alter_table("statementtopic", schema=None) as batch_op:
        batch_op.drop_index("ix_statementtopic_topic_statement")
        batch_op.create_index(
            "ix_statementtopic_topic_date_key_statement",
            ["topic", "date_key", "statement_id"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("statementtopic", schema=None) as batch_op:
        batch_op.drop_index("ix_statementtopic_topic_date_key_statement")
        batch_op.create_index(
            "ix_statementtopic_topic_statement", ["topic", "statement_id"], unique=False
        )
        batch_op.drop_column("date_key")
