"""Territorial control: who holds each place from when, read from fused events.

    from sitrep.control import control_as_of, control_changes
    control_as_of(store.clusters(), "2024-12-09")   # one entry per place, as the contract says
    control_changes(store.clusters(), since, until) # what changed hands in a window

A change of territory (overtaken, regained, handed over) told in the outlets' own voice gives
the place to its taker; a claim alone, a denied or disputed report, taking ground only near
a place, or an actor entering, encircling or storming it makes the place contested; a holder's
withdrawal hands it to whoever was contesting it.  Each state keeps its evidence (fused event
ids), and a report published later that dates a change earlier revises the timeline.

Statements of control in sentences that tell no event ("the town is held by the SDF",
"government-held Deraa"; control.statements reads them, the store keeps them) are evidence
too: one confirms or sets the holder from its date, the holder's own claim alone contests.

    control_as_of(store.clusters(), "2024-12-09", store.control_statements("2024-12-09"))
"""

from __future__ import annotations

from .timeline import (
    ControlChange,
    ControlState,
    control_as_of,
    control_changes,
    observations,
    statement_observations,
    telling_phrases,
)

__all__ = ["ControlChange", "ControlState", "control_as_of", "control_changes", "observations",
           "statement_observations", "telling_phrases"]
