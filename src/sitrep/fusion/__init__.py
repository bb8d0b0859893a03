"""Fusion: the events of many articles that tell one happening become one fused event.

    from sitrep.fusion import fuse_store
    fuse_store(store)            # re-fuse everything stored; ids stay stable
    store.clusters(since=...)    # the fused events, each with its sources

Only events at or above the calibrated confidence threshold take part (the one `sitrep
extract` uses by default); the others stay stored, unfused.
"""

from __future__ import annotations

from ..events.confidence import default_min_confidence
from .cluster import fuse
from .model import FusedEvent, Source, fused_modality, independent_confirmation

__all__ = ["fuse", "fuse_store", "FusedEvent", "Source", "fused_modality", "independent_confirmation"]


def fuse_store(store, min_confidence: float | None = None) -> list[FusedEvent]:
    """Fuse every stored event at or above the threshold and store the result; returns it."""
    threshold = default_min_confidence() if min_confidence is None else min_confidence
    reports = []
    for event, meta in store.sourced_events():
        if (1.0 if event.confidence is None else event.confidence) < threshold:
            continue
        source = Source(
            event_id=event.id, article_id=meta["article_id"], outlet=meta["outlet"], url=meta["url"],
            headline=meta["title"], published=meta["published"], sentence=event.text,
            modality=event.modality, attribution=event.attribution, confidence=event.confidence,
        )
        reports.append((event, source))
    fused = fuse(reports)
    store.replace_clusters((f.to_dict(), [s.event_id for s in f.sources]) for f in fused)
    return fused
