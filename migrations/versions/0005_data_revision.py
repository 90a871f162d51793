"""data revision

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 19:55:00

A one-row counter of writes, and triggers that add one to it whenever a table
the published records are built from is written, in the writing transaction.
A reader that reads the counter first can keep the records it built until the
counter moves (app.record_cache), whoever wrote: the API, the CLI, another
worker, or someone with a SQL shell.

SQLite has row triggers only; PostgreSQL counts once per statement. On
PostgreSQL the counter's row is locked from a transaction's first write to its
commit, so writing transactions take turns.
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Every table a published event or statement (or a topic) is built from.
TABLES = (
    "document",
    "person",
    "event",
    "eventcountry",
    "eventsource",
    "eventparticipant",
    "eventtopic",
    "statement",
    "statementtopic",
    "topic",
)
BUMP = "UPDATE datarevision SET n = n + 1"


def upgrade() -> None:
    table = op.create_table(
        "datarevision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("n", sa.BigInteger(), nullable=False),
        sa.Column("epoch", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.bulk_insert(table, [{"id": 1, "n": 0, "epoch": uuid.uuid4().hex}])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION readout_bump_revision() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN {BUMP}; RETURN NULL; END $$"
        )
        for name in TABLES:
            op.execute(
                f"CREATE TRIGGER readout_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
                f"ON {name} FOR EACH STATEMENT EXECUTE FUNCTION readout_bump_revision()"
            )
        return
    for name in TABLES:
        for action in ("INSERT", "UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER readout_revision_{name}_{action.lower()} AFTER {action} "
                f"ON {name} BEGIN {BUMP}; END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name in TABLES:
            op.execute(f"DROP TRIGGER readout_revision ON {name}")
        op.execute("DROP FUNCTION readout_bump_revision()")
    else:
        for name in TABLES:
            for action in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER readout_revision_{name}_{action}")
    op.drop_table("datarevision")
