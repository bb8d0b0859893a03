"""One ACLED-style sentence per event, made from its fields."""

from __future__ import annotations

from ..models import Actor, Location

__all__ = ["make_notes"]


def make_notes(ev_date: str | None, what: str, a1: Actor | None, a2: Actor | None,
               loc: Location | None, modality: str, attribution: list[str],
               fatalities: int | None = None) -> str:
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
    target = f" against {a2.name}" if a2 else ""
    when = f"On {ev_date}, " if ev_date else ""
    dead = f" {fatalities} fatalities." if fatalities else ""
    src = f" According to {', '.join(attribution)}." if attribution else ""
    mod = "" if modality in ("asserted", "reported") else f" [{modality}]"
    return f"{when}{who}: {what}{target}{where}.{mod}{dead}{src}"
