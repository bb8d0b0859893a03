"""Candidates for every span that may name a place: the gazetteer's, after the spans are
mended where the NER cut them badly (stage 1 of resolve.py).

"the Jaber crossing" extends to the facility; "San Jose" + "del Monte" runs on over the
particle, and "Costa" + "Rica" are joined, where the gazetteer has the longer name; a
run the NER merged, "Peru Chile", is split when only its parts are places; "Sidon City"
drops the settlement word; "Salem, TN" reads the state's abbreviation.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from .gazetteer import Candidate, Gazetteer
from .qualifiers import DISTRICT_WORDS, PROVINCE_WORDS, SETTLEMENT_WORDS
from .spans import Hit

__all__ = ["FACILITIES", "STATE_ABBREVIATIONS", "candidates", "villages"]

# The press's abbreviations of US states (AP style and postal), read only right after a place:
# "Bend, Ore.", "Polk County (Fla.)", "YAKIMA COUNTY, WA".
_STATES = """Alabama Ala. AL|Alaska Alaska AK|Arizona Ariz. AZ|Arkansas Ark. AR|California Calif. CA|
Colorado Colo. CO|Connecticut Conn. CT|Delaware Del. DE|Florida Fla. FL|Georgia Ga. GA|Hawaii Hawaii HI|
Idaho Idaho ID|Illinois Ill. IL|Indiana Ind. IN|Iowa Iowa IA|Kansas Kan. KS|Kentucky Ky. KY|Louisiana La. LA|
Maine Maine ME|Maryland Md. MD|Massachusetts Mass. MA|Michigan Mich. MI|Minnesota Minn. MN|Mississippi Miss. MS|
Missouri Mo. MO|Montana Mont. MT|Nebraska Neb. NE|Nevada Nev. NV|New_Hampshire N.H. NH|New_Jersey N.J. NJ|
New_Mexico N.M. NM|New_York N.Y. NY|North_Carolina N.C. NC|North_Dakota N.D. ND|Ohio Ohio OH|Oklahoma Okla. OK|
Oregon Ore. OR|Pennsylvania Pa. PA|Rhode_Island R.I. RI|South_Carolina S.C. SC|South_Dakota S.D. SD|
Tennessee Tenn. TN|Texas Tex. TX|Utah Utah UT|Vermont Vt. VT|Virginia Va. VA|Washington Wash. WA|
West_Virginia W.Va. WV|Wisconsin Wis. WI|Wyoming Wyo. WY|District_of_Columbia D.C. DC"""
STATE_ABBREVIATIONS = {abbr: name.replace("_", " ") for entry in _STATES.replace("\n", "").split("|")
                       for name, *abbrs in [entry.split()] for abbr in abbrs}
# Words after a name that make it a first-level division's ("Kharkiv oblast", "Idlib province").
DIVISION_WORDS = frozenset(PROVINCE_WORDS - {"district"})
FACILITIES = frozenset({"crossing", "airbase", "base", "dam", "bridge", "prison", "camp", "airport", "port",
                        "border", "plant", "field"})


def _big(c: Candidate) -> bool:
    """A place that a run of names may hold on its own: a country, a division, a large town."""
    return c.match in ("exact", "folded") and (c.feature != "city" or c.population >= 100_000)


def _split(doc: Doc, h: Hit) -> list[Hit]:
    """"Henley, Oxfordshire", "Amritsar (Punjab" tagged as one entity: its parts."""
    sp, parts, start = h.span, [], h.span.start
    for t in list(sp) + [None]:
        if t is None or t.text in (",", "(", ")"):
            end = sp.end if t is None else t.i
            if end > start and doc[start].text[:1].isupper():
                parts.append(Hit(doc[start:end], h.label, h.strong, h.modifier if t is None else False))
            start = end + 1
    return parts if len(parts) > 1 else [h]


# Lowercase particles inside Romance (and Arabic-Spanish) place names: "San Jose del Monte",
# "Rio de Janeiro", "Vila Nova de Gaia", "Santa Cruz de la Sierra", "Puerto el Triunfo".
PARTICLES = frozenset("de del la las los lo do da dos das di du des della delle dei degli el le y e".split())


def _extend(doc: Doc, h: Hit, gaz: Gazetteer) -> Hit:
    """The hit run on over a particle and the capitalised words after it, where the gazetteer
    has that longer name: the NER often stops at the particle ("San Jose" + "del Monte")."""
    sp, best = h.span, None
    j = sp.end
    while j - 1 > sp.start and doc[j - 1].lower_ in PARTICLES and doc[j - 1].is_lower:
        j -= 1  # "Santa Cruz de la" + "Sierra": the NER took the particles, not the word after
    while j < len(doc) and j - sp.end < 3 and doc[j].lower_ in PARTICLES and doc[j].is_lower:
        j += 1
        k = j
        while k < len(doc) and k - j < 3 and doc[k].is_title and doc[k].is_alpha:
            k += 1
            if any(c.match in ("exact", "folded") for c in gaz.candidates(doc[sp.start:k].text, limit=5)):
                best = k
    return h if best is None else replace(h, span=doc[sp.start:best])


def _hyphenated(doc: Doc, h: Hit, gaz: Gazetteer) -> Hit:
    """The hit run on over a hyphen and the capitalised word after it, written close ("Sud" +
    "-Kivu", "Nord" + "-Ubangi"), where the gazetteer has that hyphenated name."""
    j = h.span.end
    if j + 1 >= len(doc) or doc[j].text not in ("-", "‑") or doc[j - 1].whitespace_ or doc[j].whitespace_ \
            or not doc[j + 1].is_title:
        return h
    longer = doc[h.span.start:j + 2]
    if any(c.match in ("exact", "folded") for c in gaz.candidates(longer.text, limit=5)):
        return replace(h, span=longer)
    return h


def candidates(doc: Doc, hits: list[Hit], gaz: Gazetteer) -> list[tuple[Hit, list[Candidate]]]:
    out: list[tuple[Hit, list[Candidate]]] = []
    reach = 0  # the end of the last hit that took in the next ones (joined, or run on over a particle)
    parts = [p for hit in hits for p in _split(doc, hit)]
    for n, h in enumerate(parts):
        if h.span.start < reach:
            continue
        nxt = parts[n + 1] if n + 1 < len(parts) else None
        if nxt is not None and nxt.span.start == h.span.end and "DEMONYM" not in (h.label, nxt.label) \
                and any(c.match in ("exact", "folded")
                        for c in gaz.candidates(doc[h.span.start:nxt.span.end].text, limit=5)):
            # two names the NER cut apart: "Costa" + "Rica" is Costa Rica
            h = replace(h, span=doc[h.span.start:nxt.span.end], strong=h.strong or nxt.strong)
            reach = h.span.end
        if h.label != "DEMONYM":
            joined = _hyphenated(doc, h, gaz)
            if joined is not h:  # "Sud" + "-Kivu": the NER stopped at the hyphen
                h = joined
                reach = max(reach, h.span.end)
        if h.label != "DEMONYM" and (h.span.end < len(doc) and doc[h.span.end].lower_ in PARTICLES
                                     or doc[h.span.end - 1].lower_ in PARTICLES):
            h = _extend(doc, h, gaz)
            reach = max(reach, h.span.end)
        sp = h.span
        if h.label == "DEMONYM":  # "the Syrian border": the country; "African countries": the continent
            code = h.lookup or ""
            named = [gaz.country(code)] if code.isupper() else [
                c for c in gaz.candidates(code) if c.feature in ("continent", "region")][:1]
            out.append((h, [c for c in named if c is not None]))
            continue
        if out and sp.text in STATE_ABBREVIATIONS and out[-1][0].span.end == sp.start - 1 \
                and doc[sp.start - 1].text in (",", "(") and any(
                    c.country_code == "US" and c.admin1 == STATE_ABBREVIATIONS[sp.text] for c in out[-1][1]):
            # only after a town that the state has: "Salem, TN" is in Tamil Nadu when no Salem
            # of Tennessee is known
            state = [c for c in gaz.candidates(STATE_ABBREVIATIONS[sp.text])
                     if c.feature == "admin1" and c.country_code == "US"]
            out.append((Hit(sp, h.label, True), state))
            continue
        found: list[Candidate] | None = None
        # "the Jaber crossing", "Hmeimim air base": the facility is the place
        for k in (2, 1):
            tail = doc[sp.end:sp.end + k]
            if len(tail) == k and tail[-1].lower_ in FACILITIES | {"river"}:  # and "the Dnipro river"
                found = [c for c in gaz.candidates(doc[sp.start:sp.end + k].text) if c.match != "skeleton"]
                if found:
                    h = replace(h, span=doc[sp.start:sp.end + k], strong=True)
                    break
        after = doc[sp.end].lower_ if sp.end < len(doc) else ""
        if not found and after in DIVISION_WORDS:
            # "the Zaporizhzhia region", "Donetsk oblast": the division, named by its capital
            # (the gazetteer holds "Donetsk oblast", not a bare "Donetsk", as the oblast's name)
            found = [c for c in gaz.candidates(doc[sp.start:sp.end + 1].text)
                     if c.match != "skeleton" and c.feature == "admin1"]
            if found:
                h = replace(h, span=doc[sp.start:sp.end + 1], strong=True)
                sp = h.span
        if not found:
            found = gaz.candidates(sp.text)
            if len(sp) == 1 and sp[0].pos_ == "NOUN":
                # a word the tagger reads as a common noun ("Gunmen" opening a sentence) is a place
                # only by its own spelling, never by a name that merely sounds like it
                found = [c for c in found if c.match != "skeleton"]
        if len(sp) >= 2 and sp[-1].lower_ in SETTLEMENT_WORDS and sp[-1].is_lower or \
                all(c.match == "skeleton" for c in found) and len(sp) >= 2 \
                and sp[-1].lower_ in SETTLEMENT_WORDS | DISTRICT_WORDS:
            # "Sidon City", "Jammu Town", "Kasoa Village": the settlement word is not in the name;
            # "Zabid city" is any Zabid, not only a town once called so
            bare = gaz.candidates(sp[:-1].text)
            if any(c.match != "skeleton" for c in bare):
                found, h, sp = bare, replace(h, span=sp[:-1]), sp[:-1]
        if len(sp) >= 2 and sp[-1].lower_ in DIVISION_WORDS and all(c.match == "skeleton" for c in found):
            # "Al-Jazirah State", "Sennar State": the division by its name alone
            bare = [c for c in gaz.candidates(sp[:-1].text) if c.match != "skeleton" and c.feature in ("admin1", "admin2")]
            if bare:
                found = bare
        k = len(sp)
        while not found and k > 1 and sp[k - 1].is_lower:  # "Pacific equatorial (region)": the name
            k -= 1
            if not sp[k - 1].is_lower:
                h, sp = replace(h, span=sp[:k]), sp[:k]
                found = gaz.candidates(sp.text)
        if h.strong and len(sp) >= 2 and not any(_big(c) for c in found):
            # "Peru Chile": two places the NER ran together
            for k in range(1, len(sp)):
                left, right = gaz.candidates(sp[:k].text), gaz.candidates(sp[k:].text)
                if any(_big(c) for c in left) and any(_big(c) for c in right):
                    out += [(Hit(sp[:k], h.label, True), left), (Hit(sp[k:], h.label, True), right)]
                    break
            else:
                out.append((h, found))
            continue
        out.append((h, found + villages(gaz, h.span.text)))
    return out


def villages(gaz: Gazetteer, name: str) -> list[Candidate]:
    """The village layer's places of a name, offered after the span is mended on the towns alone
    (a hamlet of every other name must not change where a span starts or ends); resolve.py keeps
    one only where the text supports it."""
    return [c for c in gaz.candidates(name, villages=True) if c.village]
