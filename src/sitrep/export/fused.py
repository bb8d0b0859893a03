"""Writers for fused events (`sitrep events`) and control states (`sitrep control`).

A fused event is the contract's event object plus `sources` (and fusion's `disputed`,
`contradictions`, `first_reported`): JSON Lines and JSON keep it whole; CSV writes the ACLED
and sitrep columns of its representative event, then `sources` (how many) and `source_urls`;
GeoJSON puts the whole object in each Point's properties.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from sitrep.export.csv import CSV_COLUMNS, event_row
from sitrep.models import Event

__all__ = ["write_fused", "write_control"]

FUSED_CSV_COLUMNS = CSV_COLUMNS + ("sources", "source_urls", "disputed")


def _point(loc: dict[str, Any] | None) -> dict[str, Any] | None:
    if not loc or loc.get("latitude") is None or loc.get("longitude") is None:
        return None
    return {"type": "Point", "coordinates": [loc["longitude"], loc["latitude"]]}


def _feature_collection(features: list[dict[str, Any]], fp: TextIO) -> None:
    fp.write(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1))
    fp.write("\n")


def write_fused(fused: Iterable[dict[str, Any]], fp: TextIO, fmt: str) -> int:
    """Write fused events as jsonl, json, csv or geojson; return how many were written."""
    items = list(fused)
    if fmt == "jsonl":
        for d in items:
            fp.write(json.dumps(d, ensure_ascii=False) + "\n")
    elif fmt == "json":
        fp.write(json.dumps(items, ensure_ascii=False, indent=1) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(fp, fieldnames=FUSED_CSV_COLUMNS)
        writer.writeheader()
        for d in items:
            row = event_row(Event.from_dict(d))
            row["sources"] = len(d.get("sources", []))
            row["source_urls"] = " ".join(s["url"] for s in d.get("sources", []) if s.get("url")) or None
            row["disputed"] = d.get("disputed")
            writer.writerow(row)
    elif fmt == "geojson":
        _feature_collection([{"type": "Feature", "id": d["id"], "geometry": _point(d.get("location")),
                              "properties": d} for d in items], fp)
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return len(items)


def write_control(entries: Iterable[dict[str, Any]], fp: TextIO, fmt: str) -> int:
    """Write control entries (the contract's objects, or changes) as a JSON array or GeoJSON."""
    items = list(entries)
    if fmt == "json":
        fp.write(json.dumps(items, ensure_ascii=False, indent=1) + "\n")
    elif fmt == "geojson":
        _feature_collection([{"type": "Feature", "geometry": _point(e["place"]), "properties": e}
                             for e in items], fp)
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return len(items)
