"""Places inside places: neighbourhoods, streets and hamlets the gazetteer lacks, and small
towns abroad that nothing in a one-country story points to. Each is placed at the town the
story puts it in (ACLED's practice: the nearest named town, precision 2), or at the one its
own name holds ("the Vienna Harp Academy")."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Span

from .disambiguate import GENERIC, Context, choose, haversine_km
from .gazetteer import Candidate, Gazetteer, fold
from .qualifiers import DIRECTIONS, PLACE_NOUNS

if TYPE_CHECKING:
    from .resolve import Toponym

__all__ = ["contained", "named_within", "neighbourhoods", "strays"]


# Words that make a name a part of a town: "the Bela Vista neighbourhood", "Colonia Roma", "Bairro Alto".
NEIGHBOURHOOD_AFTER = frozenset("neighbourhood neighborhood neighbourhoods neighborhoods quarter suburb".split())
NEIGHBOURHOOD_BEFORE = frozenset("colonia col. barrio bairro fraccionamiento vila jardim".split())


def strays(out: list[Toponym], focus: str, final: Counter[str], people: Counter[str]) -> list[Toponym]:
    """A small town abroad that nothing else in a one-country story points to is a local
    place the gazetteer lacks, not its namesake: "Armas square" in a Peruvian story is not
    Armash (Armenia), "the Vasna area of Ahmedabad" not a namesake abroad. Unresolved, it is then
    placed at the story's town (see contained). Without the name's own votes the story must be
    mostly about another country (its places and people there weigh at least 1, and twice all
    other countries'), and the town under 100,000 people with no other place or person of its
    country named; a name the NER itself calls a GPE keeps its sense ("Saipan" in an American
    story). (`focus`: the story's country, with all the names' votes.)"""
    weight = final + people
    # one sense per discourse: a name the NER calls a place once keeps its sense throughout
    kept = {fold(t.span.text) for t in out if t.source in ("GPE", "DATELINE") or t.qualifier}
    own: dict[str, Counter[str]] = {}  # what each name adds to `final` (resolve.py weighs so)
    for t in out:
        if t.candidate is not None and t.candidate.country_code:
            own.setdefault(fold(t.span.text), Counter())[t.candidate.country_code] += \
                0.5 if t.candidate.feature == "country" else 1.0  # type: ignore[assignment]  # weights

    def elsewhere(t: Toponym, cc: str | None) -> bool:
        """Whether the story, without this name, is mostly about a country other than cc."""
        rest = weight - own.get(fold(t.span.text), Counter())
        if not rest:
            return False
        home = max(rest, key=lambda k: (rest[k], k == focus))
        return home != cc and rest[home] >= 1 and rest[home] >= 2 * (sum(rest.values()) - rest[home])

    def stray(t: Toponym) -> bool:
        c = t.candidate
        return c is not None and c.feature == "city" and c.population < 100_000 \
            and fold(t.span.text) not in kept and not people.get(c.country_code or "") and elsewhere(t, c.country_code)

    res = []
    for t in out:
        c = t.candidate
        # another place of its country vouches for it, unless that one is a stray too ("the
        # Liberty cinema" and "Fairview's Mill Lane" in a Yorkshire story are no two US towns)
        if c is not None and stray(t) and not any(o is not t and o.candidate is not None and o.candidate.country_code == c.country_code
                                and fold(o.span.text) != fold(t.span.text) and not stray(o) for o in out):
            t = replace(t, candidate=None, precision=3, reason="not in gazetteer")
        res.append(t)
    return res


def neighbourhoods(out: list[Toponym]) -> list[Toponym]:
    """A neighbourhood is inside the town the story names, not its namesake town elsewhere:
    "in Culiacan, Sinaloa ... in Colonia Centro", "in Recife ... in the Boa Viagem
    neighbourhood". A part-of-town name whose town lies over 30 km from the last town named
    before it is unresolved (then placed at that town, see contained)."""
    res: list[Toponym] = []
    for t in out:
        c, sp = t.candidate, t.span
        doc = sp.doc
        lead = [t for t in doc[max(0, sp.start - 3):sp.start + 1]]  # "Colonia Canon Palmeras", split by the NER
        part = any(t.lower_ in NEIGHBOURHOOD_BEFORE and all(u.is_title for u in doc[t.i:sp.start]) for t in lead) \
            or sp.end < len(doc) and doc[sp.end].lower_ in NEIGHBOURHOOD_AFTER \
            or sp.end + 1 < len(doc) and doc[sp.end].lower_ in ("area", "district") and doc[sp.end + 1].lower_ == "of"
        if not (part and c is not None and c.feature == "city"):
            res.append(t)  # no part of a town: its town is not looked for (a scan of every place)
            continue
        # its town: the one written right after it ("the Kibera neighbourhood of Nairobi"),
        # else the last one named before it in the sentence
        after = [r.candidate for r in out if r.candidate is not None and r.candidate.feature == "city"
                 and 0 < r.span.start - sp.end <= 3 and doc[r.span.start - 1].lower_ in ("of", "in", ",")]
        town = after[0] if after else next((
            r.candidate for r in reversed(res) if r.candidate is not None and r.candidate.feature == "city"
            and r.role == "location" and r.candidate.match != "context" and r.span.sent == sp.sent), None)
        if c is not None and town is not None and town.geonameid != c.geonameid \
                and haversine_km((c.latitude, c.longitude), (town.latitude, town.longitude)) > 30:
            t = replace(t, candidate=None, precision=3, reason="not in gazetteer")
        res.append(t)
    return res


def contained(t: Toponym, towns: list[Toponym], boxes: list[Toponym]) -> Toponym:
    """A street, building or hamlet the gazetteer lacks, placed at the town the story puts it in.

    ACLED's practice for a place too small to find: the nearest named town, precision 2. The
    town is the one written right after it ("Royal Street in New Orleans", "Colchester
    Hospital, Essex", "an estate in north-west London"), else the last town resolved with
    confidence, or division (`boxes`), named before it in the sentence. Where the story is mostly about one
    country, that town must be in it: an estate in a London story is not placed at the US
    state an aside named earlier, nor a Cape Town clinic at a namesake of a person's name.
    The mention keeps its own text, and its reason says so.
    """
    doc, end = t.span.doc, t.span.end
    if end < len(doc) and doc[end].lower_ in PLACE_NOUNS:
        end += 1  # "the Wadi Saba area (Lawdar, Abyan)"
    lead = end
    if lead < len(doc) and doc[lead].lower_ in ("in", "of", "near"):  # "in north-west London"
        k = lead + 1 + (lead + 1 < len(doc) and doc[lead + 1].lower_ == "the")
        while k < len(doc) and k - lead <= 4 and (doc[k].lower_ in DIRECTIONS or doc[k].text == "-"):
            k += 1
        lead = k - 1 if k > lead + 1 else lead
    nxt = [s for s in towns if s.span.start in (end + 1, end + 2) and doc[end].lower_ in (",", "in", "at", "near", "of", "(")
           or s.span.start == end + 3 and doc[end:end + 2].text.lower() in ("in the", "of the", "near the")
           or lead > end and s.span.start == lead + 1]
    part = t.span[0].lower_ in NEIGHBOURHOOD_BEFORE or end < len(doc) and doc[end].lower_ in NEIGHBOURHOOD_AFTER
    before = [s for s in towns if s.span.start < t.span.start and not s.qualifier]  # the town, not its province
    # the story's country: that of most of the distinct places it names, if over half of them
    # (distinct names, not mentions: a person's name a town shares, "Noma", recurs far more),
    # counting only names written as they are and tagged as places, not "Royal" for Royal Oak
    seen = Counter(cc for _, cc in {(fold(s.span.text), s.place.country_code) for s in towns
                                    if s.place.match in ("exact", "folded")
                                    and s.source.split("@")[0] in ("GPE", "LOC", "FAC", "DATELINE")} if cc)
    main = next((cc for cc, n in seen.most_common(1) if n * 2 > sum(seen.values())), None)
    ours = [s for s in boxes if s.place.country_code == main] if main else boxes
    local = [s for s in towns if s.place.country_code == main] if main else []
    # "a tasting at Costco on Thursday in Tucson": the town the sentence goes on to place it in
    later = [s for s in towns if s.span.sent == t.span.sent and 0 < s.span.start - end <= 12
             and doc[s.span.start - 1].lower_ == "in" and not s.qualifier
             and not any(u.text in (";", ":") or u.lower_ in ("and", "but", "while") for u in doc[end:s.span.start])]
    near = nxt[:1] or part and [s for s in before if s.place.feature == "city"][-1:] or later[:1] or []
    near = near or [s for s in boxes if s.span.start < t.span.start and s.span.sent == t.span.sent
                    and not s.qualifier][-1:] \
        or [s for s in ours if s.span.start < t.span.start and not s.qualifier][-1:] \
        or [s for s in ours if s.span.start < t.span.start][-1:] \
        or [s for s in local if s.span.start < t.span.start and not s.qualifier][-1:] \
        or [s for s in local if s.span.start > t.span.start][:1] \
        or [s for s in boxes if s.span.start < t.span.start and not s.qualifier][-1:] \
        or [s for s in boxes if s.span.start < t.span.start][-1:]
    if not near:
        return t
    box = near[0].place
    return replace(t, candidate=replace(box, match="context"), precision=2,
                   reason=f"not in gazetteer; placed at {box.name}")


# Last words of names that are named after a place elsewhere, not in it: "Topeka Avenue",
# "Galveston Bay", "the Danube Delta".
NAMED_AFTER = frozenset("""
    street st avenue ave road rd drive dr lane boulevard way place parade square terrace crescent close
    harbor harbour delta bay lake river mountain mountains valley island islands beach point creek
""".split())


def named_within(sp: Span, gaz: Gazetteer, ctx: Context) -> Candidate | None:
    """The place a name the gazetteer lacks names within it, if any: "the Vienna Harp
    Academy" is in Vienna, "Ohio Northern University" in Ohio, "the Canadian Embassy Lima"
    in Lima. The first run of capitalised words (not the whole name; the longest at that
    place) that is exactly a country, a division or a town of 20,000 (a smaller town is as
    often a surname) of the story's countries ("the Bell Centre" in a Montreal story is not
    in Bell, California), or a capital or a city of a million anywhere; none in a street or a
    natural feature named after a place ("Topeka Avenue", "Galveston Bay"), nor in a person's
    ("Jackson's Mill"). None either where a town is written right after the name: that one
    says where it is (see contained)."""
    doc = sp.doc
    if sp[0].lower_ in NEIGHBOURHOOD_BEFORE:
        return None  # "Colonia Las Quintas" is a part of the town the story is in, not in Colonia, Uruguay
    if sp[-1].lower_.rstrip(".") in NAMED_AFTER or sp.end + 1 < len(doc) and doc[sp.end].lower_ in (
            ",", "in", "at", "near", "of", "(") and doc[sp.end + 1].is_title:
        return None
    home = {ctx.focus} | set(ctx.countries)
    for k in range(len(sp)):
        for n in range(min(len(sp) - 1, 3, len(sp) - k), 0, -1):
            words = sp[k:k + n]
            if not all(w.is_title or w.is_upper for w in words) or fold(words.text) in GENERIC \
                    or words.end < len(doc) and doc[words.end].tag_ == "POS" \
                    or k and not sp[k - 1].whitespace_ or k + n < len(sp) and not words[-1].whitespace_:
                continue  # not "Winston" in "Winston-Salem"
            found = [c for c in gaz.candidates(words.text, limit=10) if c.match == "exact" and (
                c.feature in ("country", "admin1")
                or c.feature in ("city", "county") and c.population >= 20_000 and c.country_code in home
                or c.feature == "city" and (c.capital or c.population >= 1_000_000))]
            if found:
                return choose(found, ctx)
    return None
