"""Importing a GeoNames dump (village-level places) into the place index.

Design: imports live in their own SQLite file, `imports.sqlite`, next to the index. It holds
places(id, name, lat, lon, feature, cc, a1code, population), names(key, id, alt) and
skels(key, id), keyed by GeoNames id, so re-importing a file upserts and adds nothing twice.
After each import its rows are merged into the index's own places/names/skels tables (INSERT
OR IGNORE: the built rows of a place win), so `Gazetteer.candidates()` keeps its one query path.
The index is a cache that `Gazetteer.open` rebuilds when sitrep's data files change; the
rebuild merges `imports.sqlite` again (see gazetteer.py), so imports survive it.

What is imported from a "geoname" file (allCountries.zip, SY.zip, SY.txt):
populated places (feature class P, as 'city'); second-level divisions (ADM2, as 'county';
first-level divisions come from ISO 3166-2 in the build, so ADM1 rows would be duplicates);
and a few features conflict reports name: airports (AIRP -> 'facility'), military bases
(MILB -> 'base'), dams (DAM), bridges (BDG), mountains (MT -> 'region'), rivers (STM -> 'river').
A place's admin1 is the index's division name for its (country, admin1 code) group, learned
from the towns the index and the dump share.
An alternateNamesV2 file (.zip or .txt) adds names to places already imported or built.
"""

from __future__ import annotations

import io
import sqlite3
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import GazetteerError
from .build import _keep_alt
from .names import fold, skel_of_folded

__all__ = ["FEATURES", "import_geonames", "imports_path", "merge_imports"]

# GeoNames (class, code) or class -> sitrep feature
FEATURES = {"P": "city", ("A", "ADM2"): "county", ("S", "AIRP"): "facility", ("S", "MILB"): "base",
            ("H", "DAM"): "dam", ("S", "DAM"): "dam", ("S", "BDG"): "bridge", ("T", "MT"): "region",
            ("H", "STM"): "river"}
# alternateNames "languages" that are codes or links, not names
_CODE_LANGS = frozenset("link post iata icao faac abbr wkdt unlc tcid phon piny fr_1793".split())
BATCH = 20_000

_SCHEMA = """
    CREATE TABLE IF NOT EXISTS places(id INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL,
        lon REAL NOT NULL, feature TEXT NOT NULL, cc TEXT, a1code TEXT, population INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS names(key TEXT, id INTEGER, alt INTEGER NOT NULL, PRIMARY KEY(key, id)) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS skels(key TEXT, id INTEGER, PRIMARY KEY(key, id)) WITHOUT ROWID;
"""


def imports_path(index: str | Path) -> Path:
    """The imports file that goes with an index: imports.sqlite in the same folder."""
    return Path(index).with_name("imports.sqlite")


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, text) of a .txt file or of the one .txt inside a .zip, streamed."""
    try:
        if zipfile.is_zipfile(path):
            zf = zipfile.ZipFile(path)
            txt = [n for n in zf.namelist() if n.endswith(".txt") and not n.lower().startswith("readme")]
            if not txt:
                raise GazetteerError(f"{path}: no .txt file inside the zip")
            fh: IO[str] = io.TextIOWrapper(zf.open(txt[0]), encoding="utf-8", newline="\n")
        else:
            fh = open(path, encoding="utf-8", newline="\n")
    except OSError as e:
        raise GazetteerError(f"cannot read {path}: {e.strerror or e}") from e
    except zipfile.BadZipFile as e:
        raise GazetteerError(f"cannot read {path}: {e}") from e
    with fh:
        try:
            yield from enumerate((ln.rstrip("\r\n") for ln in fh), 1)
        except UnicodeDecodeError as e:
            raise GazetteerError(f"{path}: not UTF-8 text ({e})") from e


def _keys(n: str) -> tuple[str, ...]:
    full = fold(n)
    return (full, fold(full, True), skel_of_folded(full)) if full and full.isascii() else ()


def _add_names(names: list, skels: list, gid: int, raw, alt: int) -> None:
    for n in raw:
        ks = _keys(n)
        if ks:
            names.extend((k, gid, alt) for k in set(ks[:2]) if k)
            if len(ks[2]) >= 2 and len(ks[0]) >= 4:  # as the builder: "Md." must not meet "Miami-Dade"
                skels.append((ks[2], gid))


def _geoname(f: list[str]) -> tuple | None:
    """One geoname row -> (place row, main names, alternates), None for a feature we skip."""
    feature = FEATURES.get(f[6]) or FEATURES.get((f[6], f[7]))
    gid, lat, lon = int(f[0]), float(f[4]), float(f[5])  # ValueError: malformed
    if not f[1] or abs(lat) > 90 or abs(lon) > 180:
        raise ValueError("bad name or coordinates")
    if feature is None:
        return None
    pop = int(f[14]) if f[14] else 0
    alts = [a for a in f[3].split(",") if a and _keep_alt(a)]
    return (gid, f[1], lat, lon, feature, f[8] or None, f[10] or None, pop), [f[1], f[2]], alts


def import_geonames(path: str | Path, index: str | Path | None = None,
                    on_error: Callable[[str], None] | None = None) -> dict:
    """Import a GeoNames geoname or alternateNamesV2 file into the index (built first if missing).

    Returns {'file', 'kind', 'lines', 'rows', 'names', 'skipped', 'failed', 'seconds'}: rows = new
    places, names = new names in the index. Malformed lines are reported through `on_error`
    ("FILE:LINE: ...") and counted in 'failed'; the rest imports. Raises GazetteerError for a file
    that cannot be read; what earlier batches stored stays.
    """
    from .gazetteer import Gazetteer, default_index_path

    t0 = time.perf_counter()
    path = Path(path)
    if not path.is_file():
        raise GazetteerError(f"cannot read {path}: no such file")
    index = default_index_path() if index is None else Path(index)
    if not index.exists():
        Gazetteer.open(index).close()  # builds it
    report = on_error or (lambda msg: None)
    con = sqlite3.connect(imports_path(index))
    con.executescript(_SCHEMA)
    stats: dict[str, Any] = {"file": str(path), "kind": None, "lines": 0, "rows": 0, "names": 0, "skipped": 0, "failed": 0}
    before = con.execute("SELECT count(*) FROM places").fetchone()[0]
    places: list[tuple] = []
    names: list[tuple] = []
    skels: list[tuple] = []

    def flush() -> None:
        with con:  # one transaction per batch
            con.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?)", places)
            con.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", names)
            con.executemany("INSERT OR IGNORE INTO skels VALUES (?,?)", skels)
        places.clear()
        names.clear()
        skels.clear()

    try:
        for n, line in _lines(path):
            stats["lines"] = n
            if not line.strip() or line.startswith("#"):
                continue
            f = line.split("\t")
            if stats["kind"] is None:
                stats["kind"] = "alternateNames" if len(f) in (8, 10) else "geoname"
            try:
                if stats["kind"] == "geoname":
                    if len(f) != 19:
                        raise ValueError(f"expected 19 tab-separated fields, got {len(f)}")
                    got = _geoname(f)
                    if got is None:
                        stats["skipped"] += 1
                        continue
                    row, main, alts = got
                    places.append(row)
                    _add_names(names, skels, row[0], main, 0)
                    _add_names(names, skels, row[0], alts, 1)
                else:
                    if len(f) not in (8, 10):
                        raise ValueError(f"expected 10 tab-separated fields, got {len(f)}")
                    gid, lang, alt = int(f[1]), f[2], f[3]
                    if lang in _CODE_LANGS or not alt or not _keep_alt(alt):
                        stats["skipped"] += 1
                        continue
                    _add_names(names, skels, gid, [alt], 1)
            except (ValueError, IndexError) as e:
                stats["failed"] += 1
                report(f"{path}:{n}: malformed line skipped ({e})")
                continue
            if len(places) + len(names) >= BATCH:
                flush()
        flush()
        stats["rows"] = con.execute("SELECT count(*) FROM places").fetchone()[0] - before
    finally:
        con.close()
    stats["names"] = merge_imports(index)["names"]
    stats["seconds"] = round(time.perf_counter() - t0, 2)
    return stats


def merge_imports(index: str | Path) -> dict:
    """Copy imports.sqlite's rows into the index (one transaction); {'rows', 'names'} added."""
    index, imp = Path(index), imports_path(index)
    if not imp.exists():
        return {"rows": 0, "names": 0}
    con = sqlite3.connect(index)
    try:
        con.execute("ATTACH DATABASE ? AS imp", (str(imp),))
        with con:
            rows0 = con.total_changes
            # admin1: the division of the index's towns that share the (country, admin1 code)
            con.execute("DROP TABLE IF EXISTS temp.a1")
            con.execute("""CREATE TEMP TABLE a1 AS SELECT i.cc, i.a1code, m.admin1, max(m.population)
                           FROM imp.places i JOIN main.places m ON m.id = i.id
                           WHERE m.admin1 IS NOT NULL AND i.a1code IS NOT NULL GROUP BY i.cc, i.a1code""")
            con.execute("""INSERT OR IGNORE INTO main.places(id, name, lat, lon, feature, cc, admin1,
                                                            population, capital)
                           SELECT i.id, i.name, i.lat, i.lon, i.feature, i.cc, a1.admin1, i.population, 0
                           FROM imp.places i LEFT JOIN temp.a1 ON a1.cc = i.cc AND a1.a1code = i.a1code""")
            rows = con.total_changes - rows0
            con.execute("""INSERT OR IGNORE INTO main.names SELECT n.key, n.id, n.alt FROM imp.names n
                           WHERE EXISTS (SELECT 1 FROM main.places p WHERE p.id = n.id)""")
            names = con.total_changes - rows0 - rows
            con.execute("""INSERT OR IGNORE INTO main.skels SELECT s.key, -p.population, s.id
                           FROM imp.skels s JOIN main.places p ON p.id = s.id
                           WHERE NOT EXISTS (SELECT 1 FROM main.skels k WHERE k.key = s.key AND k.id = s.id)
                           -- as the builder: no fuzzy spellings in countries of settled spelling
                           AND instr(',' || coalesce((SELECT v FROM main.meta WHERE k = 'settled'), '') || ',',
                                     ',' || coalesce(p.cc, '?') || ',') = 0""")
    except sqlite3.Error as e:
        raise GazetteerError(f"cannot merge {imp} into the place index {index}: {e}") from e
    finally:
        con.close()
    return {"rows": rows, "names": names}
