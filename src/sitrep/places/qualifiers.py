"""Places that say where another place is: "Paris, Texas", "Kanyabayonga (Lubero, North Kivu)",
"Novoselivka, Donetsk", "Kafr Nabl in the southern countryside of Idlib".

The press, and ACLED's notes above all, write a small place with the district, province or
town that holds it after it, in brackets or after a comma or "in". Such a qualifier chooses
the small place's sense (its country and division), reads as a division itself where it can
be one, and is only the fallback for where the event happened. Pure functions over the
(Hit, candidates) pairs of resolve.py.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .divisions import is_district
from .gazetteer import Candidate, fold
from .names import close_spelling
from .spans import Hit

__all__ = ["DISTRICT_WORDS", "PLACE_NOUNS", "PROVINCE_WORDS", "SETTLEMENT_WORDS", "close_spelling", "districts",
           "division_word", "group", "larger", "minor", "qualifier"]

PROVINCE_WORDS = frozenset({"province", "governorate", "region", "oblast", "state", "district"})
SETTLEMENT_WORDS = {"city", "town", "village", "municipality", "township", "locality", "settlement"}
DIRECTIONS = frozenset("""north south east west northern southern eastern western central northeastern
    northwestern southeastern southwestern north-eastern north-western south-eastern south-western the""".split())
ARABIC_ARTICLES = frozenset("al el ad ed as es ash esh ar er az ez an en at et adh ath".split())
SURROUNDS = frozenset("countryside outskirts suburbs environs vicinity part parts area".split())
# Words between a place and the brackets that say where it is: "Uri sector (Baramulla district)".
PLACE_NOUNS = SETTLEMENT_WORDS | {"area", "district", "subdistrict", "sector", "region", "camp", "county",
                                  "neighbourhood", "neighborhood", "governorate", "province", "front", "frontline",
                                  "checkpoint", "township", "sub-division", "subdivision", "taluka", "tehsil",
                                  # the local units of many countries: "X commune (Y)", "X upazila (Y)"
                                  "commune", "upazila", "lga", "raion", "rayon", "woreda", "kebele", "department",
                                  "prefecture", "ward", "hamlet", "suburb", "quarter"}


def group(doc: Doc, pairs: list, i: int) -> list[int]:
    """Indices of the places written right after span i to say where it is: the one after a
    comma or "in" ("Paris, Texas", "Ariha in Idlib province"), or every one in the brackets
    that follow it ("Kanyabayonga (Lubero, North Kivu)", "Zabid (Zabid, Al Hudaydah)").

    Not a list of places: "meetings in Washington, Chicago and Denver".
    """
    if i + 1 >= len(pairs):
        return []
    sp, nxt = pairs[i][0].span, pairs[i + 1][0].span
    gap = doc[sp.end:nxt.start]
    while len(gap) >= 2 and (gap[-1].text in ("-", "‘", "'") or gap[-1].lower_ in ARABIC_ARTICLES):
        gap = gap[:-1]  # "Tal Tamr in al-Hasakeh": the article the NER left out of the name
    while len(gap) >= 2 and gap[0].lower_ in PLACE_NOUNS and gap[1].lower_ in PLACE_NOUNS | {"(", ",", "in"}:
        gap = gap[1:]  # "Uri sector (Baramulla district)", "Zabid city in western Yemen", "the Keran sector area ("
    if len(gap) >= 3 and gap[0].lower_ in ("in", ",") and gap[-1].lower_ == "of" \
            and gap[-2].lower_ in SURROUNDS and all(t.lower_ in DIRECTIONS for t in gap[1:-2]):
        gap = gap[:1]  # "the town of Kafr Nabl in the southern countryside of Idlib"
    if len(gap) >= 2 and gap[0].lower_ in ("in", ",") and all(t.lower_ in DIRECTIONS for t in gap[1:]):
        gap = gap[:1]  # "Zabid city in western Yemen", "Kafr Nabl, southern Idlib"
    if len(gap) != 1 or gap[0].lower_ not in (",", "(", "in"):
        return []
    if gap[0].text == "(":
        close = next((t.i for t in doc[nxt.start:min(len(doc), nxt.start + 20)] if t.text == ")"), None)
        if close is None:
            return []
        return [k for k in range(i + 1, len(pairs)) if pairs[k][0].span.end <= close]
    if i + 2 < len(pairs):
        after, end = pairs[i + 2][0].span.start, nxt.end
        between = doc[end:after].text.strip().lower()
        if between in (",", "and", ", and", "or", ", or"):
            return []
    return [i + 1]


def minor(doc: Doc, pairs: list, i: int) -> bool:
    """Whether span i may be a small town that the names after it place: written before
    brackets, or a name with no large town ("Novoselivka, Donetsk" but not "Besides Paris,
    Berlin", "a restaurant in New York", "Johns Hopkins University in Baltimore")."""
    sp = pairs[i][0].span
    if any(t.text == "(" for t in doc[sp.end:sp.end + 2]):
        return True
    towns = [c for c in pairs[i][1] if c.feature in ("city", "county")]
    towns = [c for c in towns if c.match != "alias"] or towns  # a village name a city once bore
    return bool(towns) and all(c.population < 100_000 for c in towns) and not any(
        c.feature in ("country", "admin1") and c.match in ("exact", "folded") for c in pairs[i][1])


def division_word(doc: Doc, pairs: list, k: int) -> bool:
    """Whether the writer calls span k a division: "in Guarenas, Miranda state"."""
    end = pairs[k][0].span.end
    return end < len(doc) and doc[end].lower_ in PROVINCE_WORDS | {"department", "county", "prefecture"}


DISTRICT_WORDS = frozenset("district districts subdistrict lga municipality municipio raion rayon territory "
                           "county commune tehsil upazila department sector".split())


def districts(doc: Doc, h: Hit, cands: list[Candidate], focus: str | None, slot: bool,
               last: bool = False) -> list[Candidate]:
    """Districts (GeoNames' second-level divisions, feature 'county' outside the US) are many
    and their names common: one is meant where the writer says so ("in Maywand district",
    "Egbado North LGA"), and then before a namesake town; else only in the story's country,
    for a name the NER calls a place or that brackets or a comma place ("Lawdar (Lawdar,
    Abyan)")."""
    end = h.span.end
    settlements = [c for c in cands if c.feature == "city"]
    if settlements and _called_settlement(doc, h):
        # "in X city (X, Y)", "the town of X": the town, not the district or province of its name
        return settlements
    said = end < len(doc) and doc[end].lower_ in DISTRICT_WORDS
    districts = [c for c in cands if is_district(c)]
    if said and districts:
        # the district meant, unless it is another country's namesake of a town the gazetteer
        # holds without its district ("Poonch district, J&K": India's, where only its town is listed)
        held = {c.country_code for c in districts}
        return districts + [c for c in cands if c.feature == "city" and c.match != "skeleton"
                            and c.country_code not in held]
    if not districts:
        return cands
    towns = {(c.country_code, fold(c.name)) for c in cands if c.feature == "city"}
    if last:  # "Maywand district, Kandahar": the province; "Arbinda (Arbinda, Soum)": a district
        admin1 = [c for c in cands if c.feature in ("admin1", "county") and not is_district(c)]
        return admin1 or [c for c in districts if (c.country_code, fold(c.name)) not in towns] or \
            [c for c in cands if not is_district(c)]
    keep = slot or h.strong and focus is not None
    return [c for c in cands if not is_district(c) or keep and (focus is None or c.country_code == focus)
            and (c.country_code, fold(c.name)) not in towns]  # "Ariha" is the town, not its district


# What the writer calls a populated place, not a division: "X town", "the city of X".
SETTLEMENT_NOUNS = frozenset({"city", "town", "village"})


def _called_settlement(doc: Doc, h: Hit) -> bool:
    """Whether the text calls the place a town, a city or a village: the word written after its
    name ("Khulna city", not "Kuwait City", a name of its own) or the noun it is "of"."""
    end, root = h.span.end, h.span.root
    if end < len(doc) and doc[end].lower_ in SETTLEMENT_NOUNS and doc[end].is_lower:
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in SETTLEMENT_NOUNS


def larger(pairs: list, i: int, k: int) -> bool:
    """Whether the place written after span i is far larger than any town i may be: "Al Bab in
    Aleppo" (the city of two million holds the town)."""
    def top(j: int) -> int:
        return max((c.population for c in pairs[j][1] if c.match in ("exact", "folded")), default=0)
    return top(k) > 3 * top(i)




def qualifier(doc: Doc, pairs: list, i: int) -> frozenset:
    """(cc, admin1 or None) of the divisions and countries that qualify span i (see group),
    and, for a small place (minor), the divisions of the towns that do: "Novoselivka,
    Donetsk" is the village of that name in Donetsk's oblast (the press often names a division
    by its capital)."""
    small = minor(doc, pairs, i)
    members = group(doc, pairs, i)
    said: list[set] = []  # what each member says as a division or country
    for k in members:
        text = pairs[k][0].span.text
        found = set()
        for c in pairs[k][1]:
            if c.feature in ("admin1", "country") and (c.match != "skeleton" or close_spelling(text, c.name)):
                found.add((c.country_code, c.name if c.feature == "admin1" else None))
        said.append(found)
    out: set = set()
    for n, k in enumerate(members):
        # a member is itself placed by the members after it: "Rafah (Rafah, North Sinai)" is the
        # Egyptian Rafah's district, "(Poonch district, J&K)" the Indian Poonch
        later = set().union(*said[n + 1:]) if n + 1 < len(said) else set()
        out |= said[n]
        towns = [c for c in pairs[k][1] if c.feature == "city" and c.match in ("exact", "folded")
                 and _fits(c, later)]
        for c in pairs[k][1]:
            if c.feature not in ("admin1", "country") and is_district(c) and c.admin1 and c.match != "skeleton" \
                    and _fits(c, later):  # "Arbinda (Arbinda, Soum)"
                out.add((c.country_code, c.admin1))
        for c in (towns[:1] + [c for c in towns[1:] if c.population >= 100_000]) if small else ():
            if c.admin1:
                out.add((c.country_code, c.admin1))
    return frozenset(out)


def _fits(c: Candidate, divisions: set) -> bool:
    """Whether a candidate lies in one of the (cc, admin1 or None) divisions (any, when none)."""
    return not divisions or (c.country_code, c.admin1) in divisions or (c.country_code, None) in divisions
