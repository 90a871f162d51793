"""The journey of one text, stage by stage.

clean -> segment -> actors -> dates -> events -> statements -> topics.
Merging with events known from other texts is the store's job (app/merge.py).
"""

from __future__ import annotations

from app.extract import actors, clean, dates, events, segment, statements, topics
from app.extract.records import Extraction, Source


def extract(source: Source) -> Extraction:
    """Turn one source text into people, events and statements with exact spans."""
    cleaned = clean.clean(source)
    sentences = segment.segment(cleaned)
    people = actors.find_actors(cleaned.text, sentences)
    found_dates = dates.find_dates(sentences, cleaned.reference_date)
    found_events = events.find_events(source, cleaned, sentences, people, found_dates)
    found_statements = statements.find_statements(cleaned.text, sentences, people)
    linked = events.link_statements(found_statements, found_events, people)
    tagged = topics.tag_statements(linked)
    topical_events = topics.tag_events(found_events, sentences, people, tagged)
    return Extraction(
        people=people.people,
        events=topical_events,
        statements=tagged,
        reference_date=cleaned.reference_date,
    )
