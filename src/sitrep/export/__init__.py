"""Writers for sitrep's output formats (the output contract's JSONL, CSV and GeoJSON).

Each writer takes an iterable of :class:`sitrep.models.Event` and an open text file,
writes the whole document and returns the number of events written.
"""

from __future__ import annotations

from sitrep.export.csv import ACLED_COLUMNS, CSV_COLUMNS, SITREP_COLUMNS, event_row, write_csv
from sitrep.export.geojson import event_feature, write_geojson
from sitrep.export.jsonl import write_jsonl

__all__ = [
    "ACLED_COLUMNS",
    "SITREP_COLUMNS",
    "CSV_COLUMNS",
    "event_row",
    "event_feature",
    "write_csv",
    "write_geojson",
    "write_jsonl",
]
