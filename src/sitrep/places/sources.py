"""Our hand-written data files (data/*.tsv): where they are, and how each is read.

Every file is checked as it is read: a bad row raises GazetteerError naming its file and line.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import GazetteerError

__all__ = ["ADDITIONS", "ADMIN1", "COUNTRY_NAMES", "COUNTRY_POINTS", "DATA_FILES", "REGIONS", "SETTLED",
           "TOWN_NAMES", "load_additions", "load_admin1", "load_country_names", "load_country_points", "load_regions",
           "load_settled", "load_town_names", "settled_countries"]

DATA = Path(__file__).with_name("data")
ADDITIONS = DATA / "additions.tsv"
REGIONS = DATA / "regions.tsv"
COUNTRY_NAMES = DATA / "country_names.tsv"
COUNTRY_POINTS = DATA / "countries.tsv"
ADMIN1 = DATA / "admin1.tsv"
SETTLED = DATA / "settled_spelling.tsv"
TOWN_NAMES = DATA / "town_names.tsv"
DATA_FILES = (ADDITIONS, REGIONS, COUNTRY_NAMES, COUNTRY_POINTS, ADMIN1, SETTLED, TOWN_NAMES)
ADDITION_FEATURES = frozenset(
    "crossing airbase base dam bridge village river region border camp facility".split()
)
REGION_FILE_FEATURES = frozenset("ocean sea region county".split())


HEADERS = ("id", "iso2", "code", "kind", "geonameid")  # a header line's first field


def _rows(path: Path, ncols: int):
    """(line number, fields) of a TSV file, comments and the header skipped; exactly `ncols` fields."""
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip() or line.startswith("#") or line.split("\t", 1)[0] in HEADERS:
                continue
            f = line.rstrip("\n").split("\t")
            if len(f) != ncols:
                raise GazetteerError(f"{path}:{n}: expected {ncols} fields, got {len(f)}")
            yield n, f


def _point(path: Path, n: int, lat: str, lon: str) -> tuple[float, float]:
    try:
        la, lo = float(lat), float(lon)
    except ValueError:
        raise GazetteerError(f"{path}:{n}: bad coordinates {lat!r}, {lon!r}") from None
    if abs(la) > 90 or abs(lo) > 180:
        raise GazetteerError(f"{path}:{n}: coordinates out of range {la}, {lo}")
    return la, lo


def load_additions(path: Path = ADDITIONS) -> list[tuple]:
    """Parse additions.tsv into (id, name, aliases, feature, lat, lon, cc, admin1) tuples."""
    rows = []
    for n, f in _rows(path, 8):
        try:
            gid = int(f[0])
        except ValueError:
            raise GazetteerError(f"{path}:{n}: bad id {f[0]!r}") from None
        if gid >= 0 or f[3] not in ADDITION_FEATURES:
            raise GazetteerError(f"{path}:{n}: bad row {f!r}")
        lat, lon = _point(path, n, f[4], f[5])
        rows.append((gid, f[1], [a for a in f[2].split("|") if a], f[3], lat, lon, f[6] or None, f[7] or None))
    return rows


def load_regions(path: Path = REGIONS) -> list[tuple]:
    """Parse regions.tsv into (id, name, aliases, feature, lat, lon, cc, admin1, weight) tuples."""
    rows = []
    for n, f in _rows(path, 9):
        try:
            gid, weight = int(f[0]), int(f[8])
        except ValueError:
            raise GazetteerError(f"{path}:{n}: bad id or weight in {f!r}") from None
        if gid > -1000 or f[3] not in REGION_FILE_FEATURES:
            raise GazetteerError(f"{path}:{n}: bad row {f!r}")
        lat, lon = _point(path, n, f[4], f[5])
        rows.append((gid, f[1], [a for a in f[2].split("|") if a], f[3], lat, lon, f[6] or None, f[7] or None,
                     weight))
    return rows


def load_country_names(path: Path = COUNTRY_NAMES) -> dict[str, list[str]]:
    """country_names.tsv: the names the press uses for countries ("US", "Britain", "DRC")."""
    return {f[0]: [x for x in f[1].split("|") if x] for _, f in _rows(path, 2)}


def load_country_points(path: Path = COUNTRY_POINTS) -> dict[str, tuple[float, float]]:
    """countries.tsv: iso2 -> representative point."""
    return {f[0]: _point(path, n, f[1], f[2]) for n, f in _rows(path, 3)}


def load_admin1(path: Path = ADMIN1) -> dict[str, tuple[float, float, list[str]]]:
    """admin1.tsv: ISO 3166-2 code -> (lat, lon, the press's other names)."""
    return {f[0]: (*_point(path, n, f[1], f[2]), [a for a in f[3].split("|") if a]) for n, f in _rows(path, 4)}


def load_town_names(path: Path = TOWN_NAMES) -> list[tuple[int, int, list[str]]]:
    """town_names.tsv: (line, GeoNames id, the press's names) for towns GeoNames spells otherwise."""
    rows = []
    for n, f in _rows(path, 3):
        try:
            gid = int(f[0])
        except ValueError:
            raise GazetteerError(f"{path}:{n}: bad GeoNames id {f[0]!r}") from None  # (f[2]: a note)
        press = [x for x in f[1].split("|") if x]
        if gid <= 0 or not press:
            raise GazetteerError(f"{path}:{n}: bad row {f!r}")
        rows.append((n, gid, press))
    return rows


SETTLED_KINDS = ("language", "country", "continent")


def load_settled(path: Path = SETTLED) -> dict[str, frozenset[str]]:
    """settled_spelling.tsv: kind -> codes: the languages of settled Latin spelling, and the
    countries and continents excepted from them."""
    rows = list(_rows(path, 3))
    for n, f in rows:
        if f[0] not in SETTLED_KINDS:
            raise GazetteerError(f"{path}:{n}: kind must be one of {', '.join(SETTLED_KINDS)}, not {f[0]!r}")
    return {k: frozenset(f[1] for _, f in rows if f[0] == k) for k in SETTLED_KINDS}


def settled_countries(countries: dict[str, dict], settled: dict[str, frozenset[str]]) -> frozenset[str]:
    """The ISO codes of countries whose places need no fuzzy spelling: the first of their
    languages (GeoNames' `languages`, "en-US,es-US,haw") is of settled spelling, and neither
    they nor their continent (`continentcode`) are excepted. A country with no language
    listed is not one."""
    return frozenset(iso for iso, c in countries.items()
                     if iso not in settled["country"] and c.get("continentcode") not in settled["continent"]
                     and (c.get("languages") or "").split(",")[0].split("-")[0] in settled["language"])
