"""A small made-up world of five documents, stored through the real store step."""

from __future__ import annotations

import datetime as dt

from tests.factories import event, person, put_document, said

ODHIAMBO = person("Amina Odhiambo", "KE", "President")
SATO = person("Kenji Sato", "JP", "Prime Minister")
HANSEN = person("Ingrid Hansen", "NO", "Foreign Minister")
MENDES = person("Carlos Mendes", "BR", "President")

KE_JP_CALL = (
    "President Amina Odhiambo held a video call with Prime Minister Kenji Sato. "
    "Odhiambo said Kenya wants more trade with Japan. "
    "Sato said climate change threatens both nations."
)
NO_BR_MEETING = (
    "Foreign Minister Ingrid Hansen met President Carlos Mendes in Oslo. "
    "Hansen said Norway supports green development in the Amazon."
)
KE_NO_CALL = (
    'Odhiambo spoke by phone with Hansen. "We will expand trade and investment," Odhiambo said.'
)
JP_BR_MESSAGE = "Sato and Mendes exchanged messages. Mendes said the friendship is strong."
KE_BR_MEETING = "Odhiambo met Mendes. Mendes said security cooperation matters."


def build() -> dict[str, dict]:
    """Store the five documents; returns each one's ids by name."""
    return {
        "ke_jp": put_document(
            KE_JP_CALL,
            published=dt.date(2022, 3, 5),
            title="Kenya and Japan leaders talk",
            people=(ODHIAMBO, SATO),
            events=(event("e0", "video_call", "2022-03-04", ("KE", "JP"), (ODHIAMBO.id, SATO.id)),),
            statements=(
                said(
                    KE_JP_CALL,
                    "Odhiambo said Kenya wants more trade with Japan.",
                    ODHIAMBO.id,
                    topics=("trade",),
                ),
                said(
                    KE_JP_CALL,
                    "Sato said climate change threatens both nations.",
                    SATO.id,
                    topics=("climate-change",),
                ),
            ),
        ),
        "no_br": put_document(
            NO_BR_MEETING,
            published=dt.date(2021, 6, 10),
            people=(HANSEN, MENDES),
            events=(
                event(
                    "e0",
                    "meeting",
                    "2021-06-10",
                    ("NO", "BR"),
                    (HANSEN.id, MENDES.id),
                    location="Oslo",
                ),
            ),
            statements=(
                said(
                    NO_BR_MEETING,
                    "Hansen said Norway supports green development in the Amazon.",
                    HANSEN.id,
                    topics=("green-development",),
                ),
            ),
        ),
        "ke_no": put_document(
            KE_NO_CALL,
            people=(ODHIAMBO, HANSEN),
            events=(
                event("e0", "phone_call", "2021-01-15", ("KE", "NO"), (ODHIAMBO.id, HANSEN.id)),
            ),
            statements=(
                said(
                    KE_NO_CALL,
                    "We will expand trade and investment,",
                    ODHIAMBO.id,
                    topics=("trade", "investment"),
                    kind="direct",
                ),
            ),
        ),
        "jp_br": put_document(
            JP_BR_MESSAGE,
            people=(SATO, MENDES),
            events=(event("e0", "message", "2019", ("JP", "BR"), (SATO.id, MENDES.id)),),
            statements=(said(JP_BR_MESSAGE, "Mendes said the friendship is strong.", MENDES.id),),
        ),
        "ke_br": put_document(
            KE_BR_MEETING,
            people=(ODHIAMBO, MENDES),
            events=(event("e0", "meeting", None, ("KE", "BR"), (ODHIAMBO.id, MENDES.id)),),
            statements=(
                said(
                    KE_BR_MEETING,
                    "Mendes said security cooperation matters.",
                    MENDES.id,
                    topics=("security",),
                ),
            ),
        ),
    }
