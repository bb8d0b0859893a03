"""CSV with ACLED's columns, in ACLED's order, then sitrep's own columns.

Existing ACLED tooling reads the file as it reads an ACLED export.  How each ACLED
column is filled:

=================== ==========================================================
event_id_cnty       the event's id (sitrep's ids are not ACLED's country-numbered ids)
event_date, year    ``YYYY-MM-DD`` and its year
time_precision      day → 1, week → 2, month or year → 3
disorder_type       from the (sub-)event type, as in ACLED's codebook:
                    Battles, Explosions/Remote violence, Violence against civilians and
                    Riots/Mob violence → ``Political violence``; Protests and
                    Riots/Violent demonstration → ``Demonstrations``;
                    Protests/Excessive force against protesters →
                    ``Political violence; Demonstrations``; Strategic developments →
                    ``Strategic developments``; empty for verbal events
event_type, ...     empty for verbal events (their type is in ``plover``)
actor1, actor2      the actors' names
assoc_actor_1       every associated actor's name joined by ``"; "`` (sitrep does not
                    say which side they are associated with); assoc_actor_2 is empty
inter1, inter2      ACLED's codes of the actors' kinds (1 State forces … 8 External/Other
                    forces); inter2 is 0 when there is no actor2, as in ACLED's files;
                    empty when an actor's kind is unknown
interaction         the two codes, smaller first (``12``, ``17``); a sole actor's code
                    followed by 0 (``20``); empty when a code is unknown
civilian_targeting  ``Civilian targeting`` when actor2's kind is Civilians
iso                 ISO 3166 numeric code of the location's country (pycountry)
region              empty (sitrep does not assign ACLED's regions)
country, admin1     from the location; admin2 and admin3 are empty
location            the location's name; latitude, longitude as given
geo_precision       the location's precision (1-3)
source              the event's attribution joined by ``"; "``
source_scale        empty
notes               the event's notes
fatalities          the count, empty when the text gives none (ACLED would write 0)
tags, timestamp     empty
=================== ==========================================================

sitrep's columns: ``plover``, ``modality``, ``attribution`` (joined by ``"; "``),
``article_id``, ``span_start``, ``span_end``, ``text``.  Unknown values are empty cells.
Rows end with ``\\r\\n`` (RFC 4180, as ACLED's files): open ``fp`` with ``newline=""``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, TextIO

from sitrep.models import Actor, Event

__all__ = [
    "ACLED_COLUMNS",
    "SITREP_COLUMNS",
    "CSV_COLUMNS",
    "INTER_CODES",
    "disorder_type",
    "inter_code",
    "interaction",
    "event_row",
    "write_csv",
]

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
    "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2",
    "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region",
    "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip
SITREP_COLUMNS: tuple[str, ...] = (
    "plover", "modality", "attribution", "article_id", "span_start", "span_end", "text",
)  # fmt: skip
CSV_COLUMNS: tuple[str, ...] = ACLED_COLUMNS + SITREP_COLUMNS

INTER_CODES: dict[str, int] = {
    "State forces": 1,
    "Rebel group": 2,
    "Political militia": 3,
    "Identity militia": 4,
    "Rioters": 5,
    "Protesters": 6,
    "Civilians": 7,
    "External/Other forces": 8,
}

_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}

_DISORDER_BY_TYPE = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
_DISORDER_BY_SUBTYPE = {
    "Excessive force against protesters": "Political violence; Demonstrations",
    "Mob violence": "Political violence",
}


def disorder_type(event_type: str | None, sub_event_type: str | None) -> str | None:
    """ACLED's disorder type of an (event type, sub-event type) pair; None if unknown."""
    if event_type is None:
        return None
    if sub_event_type in _DISORDER_BY_SUBTYPE:
        return _DISORDER_BY_SUBTYPE[sub_event_type]
    return _DISORDER_BY_TYPE.get(event_type)


def inter_code(actor: Actor | None) -> int | None:
    """ACLED's inter code of an actor's kind: 0 for no actor, None for an unknown kind."""
    if actor is None:
        return 0
    return INTER_CODES.get(actor.kind or "")


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: both codes smaller first, a sole actor's code then 0."""
    if not inter1 or inter2 is None:
        return None
    if inter2 == 0:
        return inter1 * 10
    lo, hi = sorted((inter1, inter2))
    return lo * 10 + hi


@lru_cache(maxsize=512)
def _iso_numeric(country_code: str) -> int | None:
    import pycountry  # a dependency; imported here so that importing sitrep stays cheap

    country = pycountry.countries.get(alpha_2=country_code.upper())
    return int(country.numeric) if country is not None else None


def event_row(event: Event) -> dict[str, Any]:
    """The event as a CSV row: a dict over :data:`CSV_COLUMNS` (None for an empty cell)."""
    loc = event.location
    inter1 = inter_code(event.actor1) if event.actor1 is not None else None
    inter2 = inter_code(event.actor2)
    date = event.event_date
    return {
        "event_id_cnty": event.id,
        "event_date": date,
        "year": int(date[:4]) if date and date[:4].isdigit() else None,
        "time_precision": _TIME_PRECISION.get(event.date_precision or ""),
        "disorder_type": disorder_type(event.event_type, event.sub_event_type),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1.name if event.actor1 else None,
        "assoc_actor_1": "; ".join(a.name for a in event.assoc_actors) or None,
        "inter1": inter1,
        "actor2": event.actor2.name if event.actor2 else None,
        "assoc_actor_2": None,
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": (
            "Civilian targeting"
            if event.actor2 is not None and event.actor2.kind == "Civilians"
            else None
        ),
        "iso": _iso_numeric(loc.country_code) if loc and loc.country_code else None,
        "region": None,
        "country": loc.country if loc else None,
        "admin1": loc.admin1 if loc else None,
        "admin2": None,
        "admin3": None,
        "location": loc.name if loc else None,
        "latitude": loc.latitude if loc else None,
        "longitude": loc.longitude if loc else None,
        "geo_precision": loc.precision if loc else None,
        "source": "; ".join(event.attribution) or None,
        "source_scale": None,
        "notes": event.notes,
        "fatalities": event.fatalities,
        "tags": None,
        "timestamp": None,
        "plover": event.plover,
        "modality": event.modality,
        "attribution": "; ".join(event.attribution) or None,
        "article_id": event.article_id,
        "span_start": event.span[0],
        "span_end": event.span[1],
        "text": event.text,
    }


def write_csv(events: Iterable[Event], fp: TextIO) -> int:
    """Write a header and one row per event; return how many events were written."""
    writer = csv.DictWriter(fp, fieldnames=CSV_COLUMNS)  # None is written as ""
    writer.writeheader()
    n = 0
    for event in events:
        writer.writerow(event_row(event))
        n += 1
    return n
