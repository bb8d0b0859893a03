"""Toponyms in a parsed article: which spans are places, which place, and in what role.

Candidates come from the gazetteer; the choice is made in context, CLIFF-style: the
article's focus country (the country its unambiguous places and actors point to) and
the places already resolved nearby outweigh raw population, so "Homs" in a Syria
report is the Syrian city and "Tripoli" follows the article to Libya or Lebanon.

Roles: a capital or country that acts or speaks ("Moscow said", "Damascus's allies",
"forces loyal to Damascus") is a `metonym`, not where anything happened.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..models import PlaceMention
from .gazetteer import Candidate, Gazetteer, fold

__all__ = ["Toponym", "find_toponyms", "haversine_km"]

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# the statistical NER often calls Arabic town names ORG or PERSON
WEAK_LABELS = {"ORG", "PERSON", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT"}
DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
              "north-east", "north-west", "south-east", "south-west", "outskirts", "countryside",
              "vicinity", "edge", "edges", "suburbs", "environs", "outside", "surroundings",
              "northern", "southern", "eastern", "western", "periphery", "countryside", "road",
              "highway", "gates", "approaches", "parts", "area", "areas", "miles", "kilometres",
              "kilometers", "km"}
NEAR_PREPS = {"near", "outside", "around", "between", "towards", "toward", "beyond", "close",
              "nearby", "along"}
# verbs whose subject is where something happened, not who did it
LOCATIVE_VERBS = {"sit", "lie", "witness", "see", "experience", "fall", "border", "neighbour",
                  "neighbor", "become", "suffer", "host", "remain_calm", "be", "house", "have"}
METONYM_HEADS = {"loyal", "ally", "allies", "support", "message", "aid", "statements", "forces",
                 "force", "troops", "government", "regime", "officials", "delegation", "envoy"}
FACILITIES = {"crossing", "airbase", "base", "dam", "bridge", "prison", "camp", "airport", "port",
              "border", "plant", "field"}
PARTY_HEADS = {"ceasefire", "truce", "deal", "agreement", "talks", "clash", "fighting", "war",
               "conflict", "negotiation", "tension", "relation", "hostility", "battle", "accord",
               "dispute", "exchange", "meeting", "summit"}
REGION_FEATURES = {"admin1", "country", "border", "river", "region"}


@dataclass
class Toponym:
    """A place mention inside the Doc, resolved or not."""

    span: Span
    candidate: Candidate | None
    role: str
    precision: int
    reason: str | None = None

    def mention(self, article_id: str) -> PlaceMention:
        c = self.candidate
        return PlaceMention(
            article_id=article_id, start=self.span.start_char, end=self.span.end_char,
            text=self.span.text, name=c.name if c else None, geonameid=c.geonameid if c else None,
            latitude=c.latitude if c else None, longitude=c.longitude if c else None,
            feature=c.feature if c else None, country_code=c.country_code if c else None,
            admin1=c.admin1 if c else None, role=self.role, reason=self.reason)


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _clean(span: Span) -> Span:
    """Drop a leading 'the' and a trailing possessive from an entity span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in ("the", "a"):
        start += 1
    while end > start and doc[end - 1].tag_ == "POS" or (end > start and doc[end - 1].text in ("'s", "’s", "’")):
        end -= 1
    return doc[start:end]


def _spans(doc: Doc, actor_ids: set[str], demonyms: set[str]) -> list[tuple[Span, bool]]:
    """Entity spans that may be places; the flag says the NER label itself was a place."""
    out = []
    for ent in doc.ents:
        if ent.ent_id_ and ent.ent_id_ in actor_ids:
            continue  # the ruler knows it is a group, a leader or a news source
        if ent.text.lower().replace("’", "'") in demonyms or (ent.label_ == "NORP" and ent.root.pos_ == "ADJ"):
            continue  # "Syrian", "Lebanese" describe; they do not name a place
        if ent.end < len(doc) - 1 and doc[ent.end].text == "-" and \
                doc[ent.end + 1].lower_ in ("backed", "led", "aligned", "allied", "supported", "based"):
            continue  # "US-backed", "UK-based": a modifier of an actor, not a place
        if ent.label_ in PLACE_LABELS or ent.label_ in WEAK_LABELS:
            sp = _clean(ent)
            if len(sp) and sp.text[:1].isupper():
                out.append((sp, ent.label_ in PLACE_LABELS))
    # The statistical NER misses some well-known names ("west of Aleppo"): runs of
    # proper nouns outside any entity are weak candidates too.
    i = 0
    while i < len(doc):
        t = doc[i]
        if t.pos_ == "PROPN" and not t.ent_type_ and t.text[:1].isupper() and t.is_alpha \
                and t.lower_ not in demonyms:
            j = i
            while j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN" and not doc[j + 1].ent_type_ \
                    and (doc[j + 1].text[:1].isupper() or doc[j + 1].text == "-"):
                j += 1
            out.append((doc[i:j + 1], False))
            i = j + 1
        else:
            i += 1
    out.sort(key=lambda x: x[0].start)
    return out


def _score(c: Candidate, focus: str | None, anchors: list[Candidate], strong: bool,
           province: bool = False) -> float:
    s = math.log10(c.population + 10)
    if c.feature == "country":
        s += 4
    if c.feature == "admin1":
        # "Idlib" alone is the city; "Idlib province" the governorate
        s += 3 if province else -0.5
    if c.geonameid < 0 and c.feature not in ("admin1",):
        s += 2  # our own additions exist because GeoNames under-ranks them
    if focus and c.country_code == focus:
        s += 4
    if anchors:
        d = min(haversine_km((c.latitude, c.longitude), (a.latitude, a.longitude)) for a in anchors)
        s += 2 if d < 150 else 1 if d < 500 else 0
    s -= {"exact": 0, "folded": 0.3, "skeleton": 2.5}.get(c.match, 3)
    return s


def _acceptable(c: Candidate, strong: bool, focus: str | None, text: str = "") -> bool:
    """Weak NER labels (ORG/PERSON) need a convincing place: not fuzzy, and big or local.

    A skeleton (consonant) match is only trusted for longer names that begin alike:
    "UK" must never become Lagos.
    """
    if text.isupper() and len(text) <= 4 and c.feature not in ("country", "admin1") and c.geonameid > 0:
        return False  # "US", "UK": abbreviations of countries, never a village called Us
    if c.match == "skeleton":
        a, b = fold(text, True), fold(c.name, True)
        if len(a) < 5 or a[:1] != b[:1] or text.isupper():
            return False
        if focus is not None and c.country_code != focus and c.geonameid > 0:
            return False  # a fuzzy spelling is only trusted inside the article's country
        if not strong:  # "Tal Rifaat" (tagged PERSON) for "Tall Rif'at": a sizeable local town
            return focus is not None and c.country_code == focus and c.population >= 10_000
    if strong:
        return True
    return c.feature in ("country", "admin1") or c.geonameid < 0 or c.population >= 100_000 or \
        (focus is not None and c.country_code == focus and c.population >= 5_000)


def _role(span: Span, cand: Candidate | None, capitals: set[str]) -> str:
    """`metonym` where a capital or country stands for its government or people."""
    if cand is None or not (cand.feature == "country" or span.text.lower() in capitals):
        return "location"
    root = span.root
    dep, head = root.dep_, root.head
    if dep == "poss" or (span.end < len(span.doc) and span.doc[span.end].tag_ == "POS"):
        return "metonym"
    if dep in ("nsubj", "nsubjpass") and head.lemma_.lower() not in LOCATIVE_VERBS:
        return "metonym"
    if dep == "appos" and root.head.dep_ in ("nsubj",) and root.head.head.lemma_.lower() not in LOCATIVE_VERBS:
        return "metonym"
    if dep == "pobj" and head.lower_ in ("to", "from", "by", "with", "against") and \
            head.head.lower_ in METONYM_HEADS:
        return "metonym"
    if dep == "compound" and head.lower_ in ("government", "officials", "regime"):
        return "metonym"
    # "a ceasefire between Israel and Hezbollah": the parties, not a place
    party = root
    while party.dep_ == "conj":
        party = party.head
    if party.dep_ == "pobj" and party.head.lower_ == "between" and party.head.head.lemma_.lower() in PARTY_HEADS:
        return "metonym"
    return "location"


def _precision(span: Span, cand: Candidate | None) -> int:
    if cand is None:
        return 3
    if cand.feature in REGION_FEATURES:
        return 3
    doc = span.doc
    t = span.root
    # "the Hama countryside", "Homs province"
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.lower_ in DIRECTIONS | {"countryside", "province", "governorate", "region"}:
        return 2 if nxt.lower_ in DIRECTIONS | {"countryside"} else 3
    # climb through appositions and "the city of X" to the governing preposition
    for _ in range(4):
        if t.dep_ in ("appos", "compound") or (t.dep_ == "pobj" and t.head.lower_ == "of" and
                                              t.head.head.lower_ in ("city", "town", "village", "province")):
            t = t.head if t.dep_ != "pobj" else t.head.head
            continue
        break
    if t.dep_ == "pobj":
        prep = t.head
        if prep.lower_ in NEAR_PREPS:
            return 2
        if prep.lower_ in ("of", "from") and (prep.head.lower_ in DIRECTIONS or prep.head.lemma_.lower() in DIRECTIONS):
            return 2
        if prep.lower_ == "from" and any(c.like_num or c.lower_ in ("miles", "kilometres", "km")
                                         for c in prep.head.subtree):
            return 2
    left = doc[max(span.start - 3, 0):span.start].text.lower()
    if re.search(r"\b(north|south|east|west|near|outside|outskirts)\w*\s+(of\s+)?(the\s+)?$", left):
        return 2
    return 1


def find_toponyms(doc: Doc, gaz: Gazetteer, actor_ids: set[str], capitals: set[str],
                  demonyms: set[str] = frozenset(), focus_hint: str | None = None) -> tuple[list[Toponym], str | None]:
    """Resolve the article's toponyms; returns them (in text order) and the focus country (ISO2).

    `actor_ids`: entity-ruler ids that mark a span as an actor, not a place;
    `capitals`: lower-cased capitals that can stand for their state (from the actor KB);
    `demonyms`: lower-cased demonyms, which are never toponyms.
    """
    spans = _spans(doc, actor_ids, demonyms)
    cands = {}
    for i, (sp, strong) in enumerate(spans):
        # "the Jaber crossing", "Hmeimim air base": the facility is the place
        ext = doc[sp.start:min(sp.end + 2, len(doc))]
        for k in (2, 1):
            tail = doc[sp.end:sp.end + k]
            if len(tail) == k and tail[-1].lower_ in FACILITIES:
                found = [c for c in gaz.candidates(doc[sp.start:sp.end + k].text) if c.match != "skeleton"]
                if found:
                    sp = doc[sp.start:sp.end + k]
                    spans[i] = (sp, True)
                    cands[sp.start] = found
                    break
        cands.setdefault(sp.start, gaz.candidates(sp.text))
    # Focus: a vote of the top candidates of confidently-labelled mentions, plus the hint.
    # Each mention's vote is split among the countries its name could be in ("Ariha"
    # is in Syria and in Palestine), so unambiguous names decide.
    votes: Counter[str] = Counter()
    for sp, strong in spans:
        cs = [c for c in cands[sp.start][:8] if _acceptable(c, strong, None, sp.text)
              and c.match != "skeleton" and c.country_code]
        if cs:
            countries = {c.country_code for c in cs}
            weight = 0.5 if cs[0].feature == "country" else 1.0
            for cc in countries:
                votes[cc] += weight / len(countries)
    if focus_hint:
        votes[focus_hint] += 1
    focus = votes.most_common(1)[0][0] if votes else None
    # Anchors: unambiguous, focus-country places, then choose every mention with them.
    anchors = [cands[sp.start][0] for sp, strong in spans
               if cands[sp.start] and cands[sp.start][0].country_code == focus
               and cands[sp.start][0].feature == "city" and cands[sp.start][0].match != "skeleton"]
    out: list[Toponym] = []
    # one sense per discourse: a name resolved once stands for the same place throughout
    settled: dict[str, Candidate] = {}
    for sp, strong in spans:
        cs = [c for c in cands[sp.start] if _acceptable(c, strong, focus, sp.text)]
        if cs and strong:
            settled.setdefault(fold(sp.text), max(cs, key=lambda c: _score(c, focus, anchors, strong)))
    for sp, strong in spans:
        cs = [c for c in cands[sp.start] if _acceptable(c, strong, focus, sp.text)]
        if not cs and fold(sp.text) in settled:
            cs = [settled[fold(sp.text)]]
        if not cs:
            if strong:
                out.append(Toponym(sp, None, "location", 3, reason="not in gazetteer"))
            continue
        nxt = doc[sp.end].lower_ if sp.end < len(doc) else ""
        province = nxt in ("province", "governorate", "region", "oblast", "state", "district")
        best = max(cs, key=lambda c: _score(c, focus, anchors, strong, province))
        out.append(Toponym(sp, best, _role(sp, best, capitals), _precision(sp, best)))
    return out, focus
