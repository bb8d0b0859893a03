"""GeoJSON: a FeatureCollection with one Point feature per event.

Each feature's ``properties`` are the event's contract fields (``Event.to_dict()``, the
location kept as an object), and its ``id`` is the event id.  An event whose location is
unknown or has no coordinates is still written, with ``"geometry": null`` (allowed by
RFC 7946 §3.2 for "unlocated" features), so that the file holds every event; GIS tools
such as QGIS skip or list such features without geometry.  Coordinates are
``[longitude, latitude]`` (RFC 7946 order).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from sitrep.models import Event

__all__ = ["event_feature", "write_geojson"]


def event_feature(event: Event) -> dict[str, Any]:
    """The event as a GeoJSON Feature (a Point, or ``geometry: null`` when unlocated)."""
    loc = event.location
    geometry: dict[str, Any] | None = None
    if loc is not None and loc.latitude is not None and loc.longitude is not None:
        geometry = {"type": "Point", "coordinates": [loc.longitude, loc.latitude]}
    return {
        "type": "Feature",
        "id": event.id,
        "geometry": geometry,
        "properties": event.to_dict(),
    }


def write_geojson(events: Iterable[Event], fp: TextIO) -> int:
    """Write one FeatureCollection holding every event; return how many were written.

    Features are written one per line as they come, so the whole collection is never
    held in memory.
    """
    fp.write('{"type": "FeatureCollection", "features": [')
    n = 0
    for event in events:
        fp.write(",\n" if n else "\n")
        fp.write(json.dumps(event_feature(event), ensure_ascii=False))
        n += 1
    fp.write("\n]}\n")
    return n
