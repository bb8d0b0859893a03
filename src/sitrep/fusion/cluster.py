"""Fusion: events of many articles grouped into happenings, each keeping all its sources.

Events are taken in the order their articles arrived and each joins the happening it agrees
with best, else starts one named after itself.  Arrival order makes a fused event's id stable
as articles come in (it is the id of its first-arrived event), and makes fusing incrementally
the same as fusing everything again: a new article can join happenings, never re-split old ones.
Two events of one article never fuse (the extractor has already merged an article's
repeats).  An event joins only if it agrees with every event already in the happening (no chains of
"near enough" drifting across a province).  Reports that tell the same happening with another
perpetrator, or deny it, are kept and flagged.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from ..models import Event
from .match import DAYS, TERRITORIAL, actors_agree, conflicting_actor, could_be_same, distance_km, vague
from .model import DENIALS, FusedEvent, Source

__all__ = ["fuse"]


def fuse(reports: Iterable[tuple[Event, Source]]) -> list[FusedEvent]:
    """Group (event, source) pairs, given in arrival order, into fused events; order of creation."""
    clusters: list[_Cluster] = []
    by_week: dict[int, list[_Cluster]] = defaultdict(list)  # a coarse index: candidates share a week
    for event, source in reports:
        week = _week(event)
        candidates = [c for w in (week - 1, week, week + 1) for c in by_week.get(w, [])]
        best = max((c for c in candidates if c.accepts(event)), key=lambda c: c.affinity(event), default=None)
        if best is None:
            best = _Cluster(event)
            clusters.append(best)
            # vague dates (a month, a year) are filed under their week too; `accepts` checks the span
            by_week[week].append(best)
        best.add(event, source)
    fused = [c.fused() for c in clusters]
    _flag_rival_versions(clusters, fused)
    return fused


def _week(event: Event) -> int:
    try:
        return date.fromisoformat(event.event_date or "").toordinal() // 7
    except ValueError:
        return -1


class _Cluster:
    def __init__(self, first: Event) -> None:
        self.id = first.id
        self.events: list[Event] = []
        self.sources: list[Source] = []

    def accepts(self, event: Event) -> bool:
        # Two events of one article are two happenings: the extractor already merged its repeats.
        if any(e.article_id == event.article_id for e in self.events):
            return False
        return all(could_be_same(event, e) and actors_agree(event, e) for e in self.events)

    def affinity(self, event: Event) -> tuple[int, float]:
        """Prefer the happening with the same sub-type, then the nearest one."""
        rep = self.events[0]
        km = distance_km(rep.location, event.location) if rep.location and event.location else None
        return (int(rep.sub_event_type == event.sub_event_type), -(km or 0.0))

    def add(self, event: Event, source: Source) -> None:
        self.events.append(event)
        self.sources.append(source)

    def representative(self) -> Event:
        """The best-told report: a place of its own, precise place and date, then the most confident."""
        def rank(e: Event) -> tuple:
            loc = e.location
            return (loc is None, loc.precision if loc else 9, DAYS.get(e.date_precision or "year", 400),
                    vague(e.actor1), e.modality in DENIALS, -(e.confidence or 0.0))
        return min(self.events, key=rank)

    def fused(self) -> FusedEvent:
        fused = FusedEvent(self.id, self.representative(), list(self.sources))
        denials = [s for s in self.sources if s.modality in DENIALS]
        if fused.disputed:
            for s in denials:
                who = ", ".join(s.attribution) or s.outlet or s.article_id
                fused.contradictions.append(f"denied by {who}: {s.sentence.strip()}")
        return fused


def _flag_rival_versions(clusters: list[_Cluster], fused: list[FusedEvent]) -> None:
    """Two happenings alike in all but who did it (or who took the place) are flagged, not merged."""
    by_week: dict[int, list[int]] = defaultdict(list)
    for i, c in enumerate(clusters):
        by_week[_week(c.events[0])].append(i)
    for i, c in enumerate(clusters):
        rep = fused[i].event
        week = _week(c.events[0])
        for j in (j for w in (week - 1, week, week + 1) for j in by_week.get(w, []) if j > i):
            other = fused[j].event
            if not (could_be_same(rep, other) and conflicting_actor(rep, other)):
                continue
            what = "taken by" if rep.sub_event_type in TERRITORIAL else "carried out by"
            assert rep.actor1 is not None and other.actor1 is not None
            fused[i].contradictions.append(f"also reported as {what} {other.actor1.name} ({fused[j].id})")
            fused[j].contradictions.append(f"also reported as {what} {rep.actor1.name} ({fused[i].id})")
