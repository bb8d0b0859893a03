"""Choosing among a name's candidates, in the article's context: pure functions, no lookups.

CLIFF-style: the article's focus country, the other countries and divisions it names, and
the places already resolved near by outweigh raw population, so "Homs" in a Syria report is
the Syrian city and "Tripoli" follows the article to Libya or Lebanon. Two things outweigh
the context in turn: a qualifier written next to the name ("Paris, Texas", "London, Ont."),
and a world city's size: a bare "London" or "Moscow" is the capital even in a story full of
Ohio, because the press names the small namesakes with their state.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .gazetteer import Candidate, fold
from .names import close_spelling

__all__ = ["Context", "acceptable", "along", "choose", "haversine_km", "own_names", "score", "village_supported"]

# How much less likely a name is the place when it matches only through another form of it.
# Bonus for a candidate in one of the story's countries, times that country's share of the
# mentions: a story all about Syria gives Syrian towns +4; one split between two countries, +2 each.
FOCUS_K = 4.0
MATCH_PENALTY = {"exact": 0.0, "folded": 0.3, "alias": 1.0, "skeleton": 2.5}


@dataclass(frozen=True)
class Context:
    """What the article says about where it is."""

    focus: str | None = None  # the article's main country (ISO2)
    countries: frozenset[str] = frozenset()  # other countries it names or unambiguously places in
    shares: tuple[tuple[str, float], ...] = ()  # (ISO2, its share of the article's mentions)
    divisions: frozenset[tuple[str, str]] = frozenset()  # (cc, admin1) of divisions it names
    anchors: tuple[Candidate, ...] = ()  # places resolved with confidence
    # (cc, admin1) of the divisions the story is known to be in though it may name none: the
    # front line a monitor it names reports on (actors/conventions.py)
    theatre: frozenset[tuple[str, str]] = frozenset()
    front: tuple[tuple[float, float], ...] = ()  # points every few km along that front's course


# How near a front's course a place must lie to be by it (km), and what that is worth.
FRONT_KM, FRONT_BONUS = 20.0, 2.5


def along(lines: Iterable[Sequence[tuple[float, float]]], step_km: float = 4.0) -> tuple[tuple[float, float], ...]:
    """Points every `step_km` or less along each line (its points joined by straight segments)."""
    out: list[tuple[float, float]] = []
    for line in lines:
        for a, b in zip(line, line[1:], strict=False):
            n = max(1, math.ceil(haversine_km(a, b) / step_km))
            out += [(a[0] + (b[0] - a[0]) * k / n, a[1] + (b[1] - a[1]) * k / n) for k in range(n)]
        out += list(line[-1:])
    return tuple(out)


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km between two (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


# Words that name a kind of place, a direction or an assembly, never a place on their own
# ("Congress will debate the bill" is not Congress, Arizona).
GENERIC = frozenset("""
    centre center central north south east west northern southern eastern western capital city state
    district region union republic kingdom county province metro valley coast island islands the
    federal national international university college hall court town village street market
    congress parliament senate assembly airport
""".split())


# Features of places that lie in no one country: oceans, seas, continents, world regions.
WORLD_FEATURES = frozenset({"ocean", "sea", "continent", "region"})


def acceptable(c: Candidate, strong: bool, focus: str | None, text: str = "", label: str = "") -> bool:
    """Whether `c` may be what `text` means at all; weak NER labels (ORG/PERSON) need a convincing place.

    A skeleton (consonant) match is only trusted for longer names that begin alike:
    "UK" must never become Lagos.
    """
    if text.isupper() and len(text) <= 4 and c.feature in ("city", "continent"):
        return False  # "US", "UK": abbreviations of countries, never a village called Us
    if c.match == "alias" and len(fold(text).replace(" ", "")) <= 3:
        return False  # "MoD" is not Maud, once spelt Mod
    if fold(text) in GENERIC:
        return False  # "the Centre" (India's government), "South", "Valley"
    if c.match == "skeleton":
        if text.isupper() or not close_spelling(text, c.name, ratio=0.7, min_len=5):
            return False  # "Saipan" is not Spanaway, nor "Soviet Union" Sveta Ana
        if focus is not None and c.country_code != focus:
            return False  # a fuzzy spelling is only trusted inside the article's country
        if not strong or label.endswith("@loc"):
            # "Tal Rifaat" (tagged PERSON) for "Tall Rif'at": a sizeable local town; so too after
            # "in" or "at" ("at the Harvest" is not Harvey, "on Parade" not Paradis)
            return focus is not None and c.country_code == focus and c.population >= 10_000
    if strong:
        return True
    if c.feature != "city":
        return True
    # "Talbiseh" tagged ORG in a Syria report; a PERSON must be a larger town ("Levi", "Milton")
    if focus is not None and c.country_code == focus and c.population >= (20_000 if label == "PERSON" else 5_000):
        return True
    # elsewhere only a large town: not "Gisborne" (NZ); "Hama" (Ḩamāh's English name) is one
    return c.population >= 100_000


def own_names(cands: Sequence[Candidate], strong: bool) -> list[Candidate]:
    """A weak name that is some place's own name means none of the towns it was only another
    name of: "Lemberg" (a word of a film's title, tagged nothing better than a proper noun) is not
    Lviv, once called Lemberg, since a Lemberg is called so; "Hama", no town's own name, is Ḩamāh."""
    if strong or not any(c.match in ("exact", "folded") and not c.village for c in cands):
        return list(cands)
    return [c for c in cands if c.match != "alias"]


def village_supported(c: Candidate, focus: str | None, shares: Sequence[tuple[str, float]],
                      within: frozenset = frozenset(), district: bool = False) -> bool:
    """Whether the text supports a village of the village layer (build.py), among its ~10 times
    more namesakes than towns: a qualifier written by the name that holds it ("X, Idlib
    province", "X (Nangarhar)", "X district"); else, with no qualifier, a village of the
    article's focus country or of one it is largely about (a third of its mentions). Which of
    a country's namesakes it is, score() decides by the places resolved near by."""
    if district and c.feature == "county":
        return True  # "Maywand district": the writer says it is a district
    if within:
        return (c.country_code, c.admin1) in within or (c.country_code, None) in within
    return c.country_code is not None and (c.country_code == focus or dict(shares).get(c.country_code, 0.0) >= 0.3)


def _namesake_city(c: Candidate, cands: Iterable[Candidate]) -> bool:
    """A division whose namesake town in it is the usual sense of the name ("New York", "Idlib")."""
    return any(d.feature == "city" and d.country_code == c.country_code and d.admin1 == c.name
               and d.population * 10 >= c.population and d.match != "skeleton" for d in cands)


def score(c: Candidate, ctx: Context, *, province: bool = False, within: frozenset = frozenset(),
          others: Sequence[Candidate] = ()) -> float:
    """How likely `c` is meant, in log10-population units.

    `province`: the name is followed by "province", "state" ...; `within`: (cc, admin1 or None)
    pairs of a qualifier written after the name; `others`: the name's other candidates.
    """
    s = math.log10(c.population + 10)
    if c.feature == "country":
        s += 4
    elif c.feature == "admin1":
        # "Idlib" alone is the city; "Idlib province" the governorate
        s += 3 if province else -3.5 if _namesake_city(c, others) else -0.5
    elif c.geonameid < 0 and c.population == 0 and c.feature != "county":
        s += 6  # our own additions exist because GeoNames under-ranks them
    if c.capital:
        s += 1
    # the story's countries, by how much of it is about each (its share of the mentions)
    share = dict(ctx.shares).get(c.country_code or "", 1.0 if ctx.focus and c.country_code == ctx.focus and
                                 not ctx.shares else 0.0)
    if c.country_code is None and c.feature in WORLD_FEATURES:
        # an ocean or continent lies in no country, yet is in every story's reach: it ranks
        # with the story's own places, so "the Atlantic" in an American hurricane story is the
        # ocean, not Atlantic, Iowa
        share = max((v for _, v in ctx.shares), default=1.0 if ctx.focus else 0.0)
    s += max(FOCUS_K * share, 1.5 if c.country_code in ctx.countries else 0.0)
    if c.feature != "admin1" and (c.country_code, c.admin1) in ctx.theatre:
        s += 4  # "explosions near X" in a monitor's report of one front: X on that front
        if c.feature == "city" and ctx.front and \
                min(haversine_km((c.latitude, c.longitude), p) for p in ctx.front) <= FRONT_KM:
            s += FRONT_BONUS  # and of its namesakes there, the one by the line
    elif c.feature != "admin1" and (c.country_code, c.admin1) in ctx.divisions:
        s += 2  # "Columbus" in a story that names Ohio
    anchors = [a for a in ctx.anchors if a.geonameid != c.geonameid and a.feature not in ("country", "admin1")]
    if anchors and c.feature in ("city", "county", "admin1"):
        d = min(haversine_km((c.latitude, c.longitude), (a.latitude, a.longitude)) for a in anchors)
        s += 2 if d < 150 else 1 if d < 500 else 0
    if within and ((c.country_code, c.admin1) in within or (c.country_code, None) in within):
        s += 6
    s -= MATCH_PENALTY.get(c.match, 3)
    if c.match == "alias" and any(d.match in ("exact", "folded") for d in others):
        s -= 1.5  # "Franklin" is the towns of that name before Columbus, once called so
    return s


def _dominant(best: Candidate, cands: Sequence[Candidate]) -> Candidate | None:
    """A world city that a smaller namesake must not take: a national capital 8 times its size,
    a city of a million 20 times, or any large city 50 times. (Tripoli, Libya is only 5 times
    Tripoli, Lebanon: that one the article's context decides.)"""
    if best.feature not in ("city", "county"):
        return None
    small = max(best.population, 1)
    for d in cands:
        if d.feature == "city" and d.match in ("exact", "folded") and d.geonameid != best.geonameid and (
                d.capital and d.population >= 300_000 and d.population >= 8 * small
                or d.population >= 1_000_000 and d.population >= 20 * small
                or d.population >= 200_000 and d.population >= 50 * small):
            return d
    return None


def choose(cands: Sequence[Candidate], ctx: Context, *, province: bool = False,
           within: frozenset = frozenset()) -> Candidate | None:
    """The most likely candidate in this context, or None when there are none."""
    if not cands:
        return None
    if any(c.match != "skeleton" for c in cands):
        cands = [c for c in cands if c.match != "skeleton"]  # a fuzzy spelling only when nothing else
    best = max(cands, key=lambda c: score(c, ctx, province=province, within=within, others=cands))
    if not within or (best.country_code, best.admin1) not in within and (best.country_code, None) not in within:
        big = _dominant(best, cands)
        if big is not None:
            return big
    return best


def margin(cands: Sequence[Candidate], ctx: Context = Context()) -> float:
    """How far the best candidate's score leads the next one at another place (inf when alone)."""
    if not cands:
        return 0.0
    scored = sorted(((score(c, ctx, others=cands), c) for c in cands), key=lambda t: -t[0])
    top = scored[0][1]
    for s, c in scored[1:]:
        if haversine_km((c.latitude, c.longitude), (top.latitude, top.longitude)) > 50:
            return scored[0][0] - s
    return math.inf
