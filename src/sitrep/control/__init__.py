"""Territorial control: who holds each place from when, read from fused events.

    from sitrep.control import control_as_of, control_changes
    control_as_of(store.clusters(), "2024-12-09")   # one entry per place, as the contract says
    control_changes(store.clusters(), since, until) # what changed hands in a window

A change of territory (overtaken, regained, handed over) told in the outlets' own voice gives
the place to its taker; a claim alone, a denied or disputed report, taking ground only near
a place, or an actor entering, encircling or storming it makes the place contested; a holder's
withdrawal hands it to whoever was contesting it.  Each state keeps its evidence (fused event
ids), and a report published later that dates a change earlier revises the timeline.
"""

from __future__ import annotations

from .timeline import ControlChange, ControlState, control_as_of, control_changes, observations

__all__ = ["ControlChange", "ControlState", "control_as_of", "control_changes", "observations"]
