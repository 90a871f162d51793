"""Time of the merge lookup on a large database: how long a new report takes to find
the known event it describes, or to learn there is none.

    python bench/merge_lookup.py DATABASE_URL [--reports 300]

Run it on a database `readout synth` made (schema brought to the newest
migration first). From --reports stored events picked at random, it makes the
reports a new text would bring: the same countries, type and participants,
dated to another day of the same month, and the same again undated. It prints,
for each kind, the mean, median, 90th percentile and largest time of the
store's lookup, which reads candidates through the indexes and scores them.
Nothing is written.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from sqlalchemy import text

from app import store
from app.db import make_engine, upgrade_schema
from app.merge import EventView

DAYS = text("SELECT id FROM event WHERE length(date_key) = 10 ORDER BY id")
EVENT = text("SELECT type, date FROM event WHERE id = :id")
COUNTRIES = text("SELECT country FROM eventcountry WHERE event_id = :id")
PEOPLE = text("SELECT person_id FROM eventparticipant WHERE event_id = :id")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database_url")
    parser.add_argument("--reports", type=int, default=300)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    engine = make_engine(args.database_url)
    upgrade_schema(engine)
    rng = random.Random(args.seed)
    with engine.connect() as conn:
        dated, undated = [], []
        for event_id in rng.sample(list(conn.execute(DAYS).scalars()), args.reports):
            kind, date = conn.execute(EVENT, {"id": event_id}).one()
            countries = frozenset(conn.execute(COUNTRIES, {"id": event_id}).scalars())
            people = frozenset(conn.execute(PEOPLE, {"id": event_id}).scalars())
            day = f"{date[:8]}{rng.randint(1, 28):02d}"
            dated.append(EventView(kind, day, countries, people, primary=True))
            undated.append(EventView(kind, None, countries, people, primary=True))
        for label, reports in (("dated to a day", dated), ("undated", undated)):
            times = []
            for report in reports:
                started = time.perf_counter()
                store._match(conn, view=report, exclude=())
                times.append(1000 * (time.perf_counter() - started))
            times.sort()
            print(
                f"{label}: mean {statistics.fmean(times):.2f} ms, median "
                f"{statistics.median(times):.2f}, p90 {times[int(0.9 * len(times))]:.2f}, "
                f"max {times[-1]:.1f} ({len(times)} reports)"
            )
    engine.dispose()


if __name__ == "__main__":
    main()
