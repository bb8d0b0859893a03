"""The control timeline: observations of territorial change, replayed place by place in date order."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from ..fusion.match import TERRITORIAL, same_actor
from ..fusion.model import Source, fused_modality
from ..models import Actor, ControlStatement

__all__ = ["Observation", "ControlState", "ControlChange", "observations", "statement_observations",
           "control_as_of", "control_changes", "telling_phrases"]

# Replaying one day: a place contested, then given up, then taken ends taken.
_ORDER = {"contested": 0, "lost": 1, "taken": 2}


@lru_cache(maxsize=1)
def _word_lists() -> dict[str, list[str]]:
    path = resources.files("sitrep.control").joinpath("data/control_words.yaml")
    with path.open(encoding="utf-8") as fp:
        return yaml.safe_load(fp)


@lru_cache(maxsize=1)
def _words() -> dict[str, re.Pattern[str]]:
    return {k: re.compile(r"\b(?:" + "|".join(re.escape(w) for w in v) + r")", re.I)
            for k, v in _word_lists().items()}


def telling_phrases() -> list[str]:
    """The phrases that can make an event of a sub-type outside TERRITORIAL tell of control: with
    those of TERRITORIAL sub-types, the events that use one are all that `observations` can keep, as
    of any date (as of an earlier one an event has fewer sources, so fewer words).  A reader of many
    events may look these up in a full-text index and replay only the events found."""
    lists = _word_lists()
    return lists["lost"] + lists["contested"]


@dataclass(frozen=True)
class Observation:
    """One fused event read as a change of control: `kind` is taken, contested or lost."""

    date: str
    kind: str
    actor: Actor | None
    place: dict[str, Any]
    evidence: str  # the fused event's id, or the statement of control's


@dataclass
class ControlState:
    """Who holds a place from when, and on what evidence."""

    place: dict[str, Any]
    controller: Actor | None = None
    status: str = "contested"
    since: str | None = None
    evidence: list[str] = field(default_factory=list)
    challenger: Actor | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "place": self.place,
            "controller": self.controller.to_dict() if self.controller else None,
            "status": self.status,
            "since": self.since,
            "evidence": list(self.evidence),
            "challenger": self.challenger.to_dict() if self.challenger else None,
        }


@dataclass(frozen=True)
class ControlChange:
    """A place changing hands (or becoming contested) on a date."""

    date: str
    place: dict[str, Any]
    before: dict[str, Any]  # {"controller": ..., "status": ...}
    after: dict[str, Any]
    evidence: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date, "place": self.place, "before": self.before, "after": self.after,
                "evidence": list(self.evidence)}


def _actor(d: dict | None) -> Actor | None:
    return Actor(**d) if d else None


def _place(loc: dict[str, Any]) -> dict[str, Any]:
    return {k: loc.get(k) for k in ("name", "geonameid", "latitude", "longitude", "admin1", "country_code")}


def _place_key(loc: dict[str, Any]) -> tuple:
    if loc.get("geonameid") is not None:
        return ("g", loc["geonameid"])
    return ("n", loc.get("name"), round(loc.get("latitude") or 0, 2), round(loc.get("longitude") or 0, 2))


def _kind(fused: dict[str, Any], sources: list[Source]) -> str | None:
    """What the fused event says of control, from its type and the words of its sources."""
    words = _words()
    text = " ".join(s.sentence for s in sources)
    if fused.get("sub_event_type") in TERRITORIAL:
        if words["lost"].search(text) and not words["held"].search(text):
            return "lost"  # "the army withdrew from the city", coded as a transfer by the army
        if words["held"].search(text) or not words["contested"].search(text):
            return "taken"
        return "contested"
    if words["lost"].search(text):
        return "lost"
    if words["contested"].search(text) and fused.get("event_type") in ("Battles", "Strategic developments"):
        return "contested"
    return None


def observations(fused_events: Iterable[dict[str, Any]], as_of: str | None = None) -> list[Observation]:
    """Every change of control the fused events tell, using only reports published by `as_of`."""
    out = []
    for f in fused_events:
        loc, date = f.get("location"), f.get("event_date")
        if not loc or not date or (as_of and date > as_of) or loc.get("precision", 3) > 2:
            continue
        sources = [Source.from_dict(s) for s in f.get("sources", [])]
        sources = [s for s in sources if not as_of or not s.published or s.published <= as_of]
        if not sources:
            continue
        kind = _kind(f, sources)
        if kind is None:
            continue
        modality, disputed = fused_modality(sources)
        doubtful = disputed or modality not in ("asserted", "reported") or loc.get("precision") == 2
        if kind == "taken" and doubtful:
            kind = "contested"  # a claim, a denial, or ground taken near the place: not yet taken
        if kind == "lost" and (disputed or modality == "denied"):
            continue
        out.append(Observation(date, kind, _actor(f.get("actor1")), _place(loc), f["id"]))
    return out


def statement_observations(statements: Iterable[tuple[ControlStatement, dict[str, Any]]],
                           as_of: str | None = None) -> list[Observation]:
    """Statements of control as observations, from reports published by `as_of`: one saying who
    holds a place confirms or sets that holder from its date; the holder's own word alone
    ("the group says it controls the town") only contests the place."""
    out = []
    for st, meta in statements:
        published = meta.get("published")
        if not st.date or (as_of and (st.date > as_of or (published and published > as_of))):
            continue
        kind = "contested" if st.modality == "claimed" else "taken"
        out.append(Observation(st.date, kind, st.controller, st.place, st.id))
    return out


def _same(a: Actor | None, b: Actor | None) -> bool:
    return a is not None and b is not None and same_actor(a, b)


def _apply(state: ControlState, ob: Observation) -> None:
    held = state.status == "controlled"
    if ob.kind == "taken":
        if not (held and _same(state.controller, ob.actor)):
            state.controller, state.status, state.since, state.evidence = ob.actor, "controlled", ob.date, []
        state.challenger = None
    elif ob.kind == "contested":
        if held and _same(state.controller, ob.actor):
            pass  # the holder's own forces in the place: no challenge
        elif state.status != "contested" or not _same(state.challenger, ob.actor):
            state.status, state.challenger, state.since, state.evidence = "contested", ob.actor, ob.date, []
    elif ob.kind == "lost":
        if state.controller is not None and not _same(state.controller, ob.actor):
            return  # the actor gave up what it did not hold here: says nothing of the holder
        if state.challenger is not None and not _same(state.challenger, ob.actor):
            state.controller, state.status = state.challenger, "controlled"
        else:
            state.controller, state.status = None, "contested"
        state.since, state.evidence, state.challenger = ob.date, [], None
    state.evidence.append(ob.evidence)


def _replay(obs: list[Observation]) -> tuple[dict[tuple, ControlState], list[ControlChange]]:
    states: dict[tuple, ControlState] = {}
    changes: list[ControlChange] = []
    for ob in sorted(obs, key=lambda o: (o.date, _ORDER[o.kind], o.evidence)):
        key = _place_key(ob.place)
        state = states.setdefault(key, ControlState(ob.place))
        before = _summary(state) if state.since else {"controller": None, "status": None, "challenger": None}
        _apply(state, ob)
        after = _summary(state)
        if after != before:
            changes.append(ControlChange(ob.date, state.place, before, after, tuple(state.evidence)))
    return states, changes


def _summary(state: ControlState) -> dict[str, Any]:
    return {"controller": state.controller.to_dict() if state.controller else None, "status": state.status,
            "challenger": state.challenger.to_dict() if state.challenger else None}


Statements = Iterable[tuple[ControlStatement, dict[str, Any]]]


def control_as_of(fused_events: Iterable[dict[str, Any]], as_of: str | None = None,
                  statements: Statements = ()) -> list[ControlState]:
    """The control state of every place any territorial event or statement of control touched,
    as of a date (default: all).  `statements`: (statement, its article's metadata) pairs."""
    states, _ = _replay(observations(fused_events, as_of) + statement_observations(statements, as_of))
    return sorted(states.values(), key=lambda s: (s.place.get("country_code") or "", s.place.get("name") or ""))


def control_changes(fused_events: Iterable[dict[str, Any]], since: str | None, until: str | None,
                    statements: Statements = ()) -> list[ControlChange]:
    """The changes of control dated in [since, until], from reports published by `until`."""
    _, changes = _replay(observations(fused_events, until) + statement_observations(statements, until))
    return [c for c in changes if not since or c.date >= since]
