"""When two events may be one happening: compatible type, place, date, actors and framing.

Each test is lenient where a report is vague (a province for a place, a month for a date,
an unnamed armed group for an actor) and strict where reports are precise, because two
precise reports that differ are two happenings, and a vague one cannot tell them apart.
"""

from __future__ import annotations

import math
from datetime import date

from ..models import Actor, Event, Location

__all__ = ["TERRITORIAL", "same_kind", "near", "same_time", "actors_agree", "same_framing",
           "distance_km", "could_be_same", "vague", "conflicting_actor", "same_actor"]

TERRITORIAL = frozenset({
    "Non-state actor overtakes territory", "Government regains territory", "Non-violent transfer of territory",
})
# Types whose sub-types reporters mix up for one happening (a "strike" that one outlet calls
# shelling, an "attack on civilians" another calls an abduction); others must match exactly.
_LOOSE_TYPES = frozenset({"Explosions/Remote violence", "Violence against civilians"})

# How far apart two reports may place one happening, by the vaguer report's ACLED geo-precision
# (1 the place itself, 2 near it, 3 only a region): a town's centre, its outskirts, a district.
RADIUS_KM = {1: 10.0, 2: 30.0, 3: 80.0}
# How many days apart two reports may date one happening, by the vaguer date's precision.
# A day-precise date may be a day off: "overnight", or the day of the report vs the day before.
DAYS = {"day": 1, "week": 7, "month": 31, "year": 366}
# What may happen fuses only with its like; a report that something did *not* happen fuses with
# the reports that it did, where it is flagged as a contradiction.
_IRREALIS = frozenset({"planned", "expected", "hypothetical"})


def same_kind(a: Event, b: Event) -> bool:
    """Compatible types: the same sub-type, any two changes of territory, or loose types' sub-types."""
    if a.event_type is None or b.event_type is None:  # verbal events: the same PLOVER type
        return a.event_type is None and b.event_type is None and a.plover == b.plover
    if a.sub_event_type == b.sub_event_type:
        return True
    if a.sub_event_type in TERRITORIAL and b.sub_event_type in TERRITORIAL:
        return True
    return a.event_type == b.event_type and a.event_type in _LOOSE_TYPES


def distance_km(a: Location, b: Location) -> float | None:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))  # type: ignore[arg-type]
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def near(a: Location | None, b: Location | None) -> bool:
    """The same place, or within the radius the vaguer of the two allows, in the same country."""
    if a is None or b is None:
        return a is None and b is None
    if a.country_code and b.country_code and a.country_code != b.country_code:
        return False
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    km = distance_km(a, b)
    if km is None:
        return a.name == b.name
    return km <= RADIUS_KM.get(max(a.precision, b.precision), RADIUS_KM[3])


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def same_time(a: Event, b: Event) -> bool:
    """Dates within the tolerance of the vaguer one's precision (both unknown counts as the same)."""
    da, db = _day(a.event_date), _day(b.event_date)
    if da is None or db is None:
        return da is None and db is None
    slack = max(DAYS.get(a.date_precision or "day", 1), DAYS.get(b.date_precision or "day", 1))
    return abs((da - db).days) <= slack


def vague(actor: Actor | None) -> bool:
    """No actor, or one that names nobody in particular ("gunmen", "an unidentified group")."""
    return actor is None or actor.id is None or actor.name.startswith("Unidentified")


def same_actor(a: Actor, b: Actor) -> bool:
    """One actor, or one side: a state's government and its forces count as one."""
    if a.id == b.id or a.name == b.name:
        return True
    # a state's government and its forces are one side ("the army", "Damascus", "the regime")
    return a.kind == b.kind == "State forces" and a.country is not None and a.country == b.country


def _side_agrees(a: Actor | None, b: Actor | None) -> bool:
    return vague(a) or vague(b) or same_actor(a, b)  # type: ignore[arg-type]


def actors_agree(a: Event, b: Event) -> bool:
    """Each side agrees (or one report leaves it vague); in a clash the sides may come in either order."""
    if _side_agrees(a.actor1, b.actor1) and _side_agrees(a.actor2, b.actor2):
        return True
    return a.sub_event_type == "Armed clash" and _side_agrees(a.actor1, b.actor2) and _side_agrees(a.actor2, b.actor1)


def conflicting_actor(a: Event, b: Event) -> bool:
    """Both reports name who did it, and they name different actors."""
    return not (vague(a.actor1) or vague(b.actor1)) and not same_actor(a.actor1, b.actor1)  # type: ignore[arg-type]


def same_framing(a: Event, b: Event) -> bool:
    """What happened (told, relayed, claimed, denied, negated) fuses; what may happen only with its like."""
    if a.modality in _IRREALIS or b.modality in _IRREALIS:
        return a.modality == b.modality
    return True


def could_be_same(a: Event, b: Event) -> bool:
    """Everything but the actors agrees: the happening is the same if the actors agree too."""
    return same_framing(a, b) and same_kind(a, b) and same_time(a, b) and near(a.location, b.location)
