"""One ACLED-style sentence per event, made from its fields."""

from __future__ import annotations

from dataclasses import replace

from ..models import Actor, Event, Location

__all__ = ["make_notes", "with_notes"]

# how the target of a verbal event reads after its PLOVER type ("support for the army",
# "talks with Iran"): "against" is for hostile words only
TARGET_PREPOSITION = {"ACCUSE": "against", "THREATEN": "against", "SANCTION": "against",
                      "COERCE": "against", "ASSAULT": "against", "PROTEST": "against",
                      "REQUEST": "to", "AID": "to", "CONCEDE": "to", "RETREAT": "from",
                      "REJECT": "by", "SUPPORT": "for", "CONSULT": "with", "AGREE": "with",
                      "COOPERATE": "with", "MOBILIZE": "against"}


def make_notes(ev_date: str | None, what: str, a1: Actor | None, a2: Actor | None,
               loc: Location | None, modality: str, attribution: list[str],
               fatalities: int | None = None, plover: str | None = None) -> str:
    """'On 2024-12-05, Hayat Tahrir al-Sham: Non-state actor overtakes territory in Hama (Hama, Syria).'"""
    who = a1.name if a1 else "Unidentified actors"
    where = ""
    if loc:
        pre = {1: "in", 2: "near", 3: "in"}.get(loc.precision, "in")
        where = f" {pre} {loc.name}"
        if loc.admin1 and loc.country:
            where += f" ({loc.admin1}, {loc.country})"
        elif loc.country and loc.country != loc.name:
            where += f" ({loc.country})"
    preposition = TARGET_PREPOSITION.get(plover or "", "against") if what != what.capitalize() else "against"
    target = f" {preposition} {a2.name}" if a2 else ""
    when = f"On {ev_date}, " if ev_date else ""
    dead = f" {fatalities} fatalities." if fatalities else ""
    src = f" According to {', '.join(attribution)}." if attribution else ""
    mod = "" if modality in ("asserted", "reported") else f" [{modality}]"
    return f"{when}{who}: {what}{target}{where}.{mod}{dead}{src}"


def with_notes(ev: Event) -> Event:
    """The event with its notes written anew from its final fields, so that they say what the
    columns say (an actor or a place settled after the sentence was read included)."""
    what = ev.sub_event_type or (ev.plover or "event").lower()
    notes = make_notes(ev.event_date, what, ev.actor1, ev.actor2, ev.location, ev.modality,
                       list(ev.attribution), ev.fatalities, ev.plover)
    return replace(ev, notes=notes)
