"""Which spans of a parsed article may name places: the NER's entities, cleaned, and datelines.

The statistical NER labels places GPE/LOC/FAC, but also calls Arabic town names ORG or
PERSON, and misses capitalised datelines ("SAN ANTONIO (AP) —"). A span keeps its label,
so that the choice can ask more of a weak one (an ORG or PERSON must be a convincing place).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from .kinds import abbreviations, before_place_noun, facility, facility_parts, named_being, roads
from .lexicon import words

__all__ = ["CONTINENT_ADJECTIVES", "Hit", "find_spans", "person_words", "PLACE_LABELS"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
ROAD_NOUNS = frozenset("street streets road roads avenue avenues highway intersection junction roundabout".split())
# the statistical NER often calls Arabic town names ORG or PERSON
WEAK_LABELS = frozenset({"ORG", "PERSON", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT"})
# labels of names that are places where they are written as where something happens ("at X")
VENUE_LABELS = frozenset({"ORG", "EVENT"})
# "US-backed", "Iran-led": the place qualifies an actor, it is not where anything is
ACTOR_SUFFIXES = frozenset("backed led aligned allied supported sponsored owned run controlled funded "
                           "armed trained financed brokered".split())
# "London-based", "Kenyan-born": where someone or something is (GeoWebNews: a literal modifier)
PLACE_SUFFIXES = frozenset("based born headquartered area bound".split())
# words a paragraph may open with in capitals that are not a dateline's place
_NOT_DATELINES = frozenset("AP UPDATE UPDATED BREAKING EXCLUSIVE WATCH VIDEO PHOTOS PHOTO LIVE OPINION "
                           "EDITORIAL ANALYSIS REVIEW NOTE EDITOR EDITORS WARNING CORRECTION FILE".split())
_DATELINE_ENDS = frozenset({",", "(", "—", "–", "-", ":", "--"})
# Nouns that make a demonym say where, not who (GeoWebNews: a literal modifier): "the Syrian
# border", "an English city", "Indian states", "the American market". Not "state" or
# "government": "the Russian state" is the government. What happens in a place counts too: "the
# American economy", "European flights", "a South Korean court", "the African development".
DEMONYM_PLACE_HEADS = frozenset("""
    border borders frontier city cities town towns village villages capital enclave countryside coast
    coastline soil territory territories mainland region regions province provinces states countries
    airspace waters port ports airbase airbases base bases jail jails prison prisons farm farms factory
    factories plant plants market markets industry jurisdictions island islands side
    country economy economies job jobs level site sites flight flights tour tours beach beaches court
    courts grid development history
""".split())
# Continents' adjectives, which no country's demonym list holds: "European countries".
CONTINENT_ADJECTIVES = {"european": "Europe", "african": "Africa", "asian": "Asia",
                        "north american": "North America", "south american": "South America",
                        "latin american": "Latin America"}


@dataclass
class Hit:
    """A span that may name a place, with what found it."""

    span: Span
    label: str  # the NER label, or DATELINE
    strong: bool  # labelled a place (or a dateline): any gazetteer match may be meant
    modifier: bool = False  # "London-based": locates something else
    lookup: str | None = None  # what to look up when not the span's text: "British" -> "GBR"
    held: bool = False  # the first of two names the NER ran together over "in": "Qoqfin in Idleb"


def _clean(span: Span) -> Span:
    """Drop leading articles and lowercase words ('The', 'eastern Ghouta') and a trailing possessive."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_lower or doc[start].lower_ in ("the", "a", "an") or
                           not doc[start].is_alpha and not doc[start].text[:1].isupper()):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].text in ("'s", "’s", "’", "'")):
        end -= 1
    return doc[start:end]


def _in_parts(ent: Span) -> list[Span]:
    """The names on either side of a lowercase "in" inside an entity ("Qoqfin in Idleb"), or []
    when there is none, or either side is not a capitalised name. A name never holds a lowercase
    "in" ("Stratford-upon-Avon" is one token), so the NER ran two names together."""
    cut = next((t.i for t in ent[1:-1] if t.text == "in"), None)
    if cut is None:
        return []
    parts = [_clean(ent.doc[ent.start:cut]), _clean(ent.doc[cut + 1:ent.end])]
    return parts if all(len(p) and p.text[:1].isupper() for p in parts) else []


INSIDE = ("in", "within", "across", "throughout", "inside", "outside")
LOCATIVE = INSIDE + ("at", "to", "from", "into", "near")


def _inside(ent: Span, preps: Collection[str] = INSIDE) -> bool:
    """A name written as an area something is in: "airports in the EU", "across the EU" (the
    gazetteer then says whether it is one; a group is in none); `preps` widen it to any
    locative ("to Congo-Brazzaville")."""
    t = ent.root
    while t.dep_ in ("conj", "appos") and t.head != t:
        t = t.head
    return t.dep_ == "pobj" and t.head.lower_ in preps


def _at(sp: Span) -> bool:
    """Whether the span is the object of "at" ("at the Reserve Bank of Australia", "at Costco and
    Tesco"): where something happens, not who acts."""
    t = sp.root
    while t.dep_ in ("conj", "appos") and t.head != t:
        t = t.head
    if t.dep_ != "pobj" or t.head.lower_ != "at":
        return False
    # "a senior analyst at Fitch": where someone works (the noun may be a compound's head)
    return not (t.head.head.pos_ in ("NOUN", "PROPN") and t.head.head.lemma_.lower() in words("roles_at_work"))


def _suffix(doc: Doc, end: int) -> str | None:
    """The word after a hyphen that follows the span ("US-backed" -> 'backed'), if any."""
    if end + 1 < len(doc) and doc[end].text in ("-", "–") and not doc[end].whitespace_:
        return doc[end + 1].lower_
    return None


def _caps(t) -> bool:
    """A word of a capitalised dateline: 'SAN', 'ST.', 'D.C.' (not a number, not 'A')."""
    return t.is_upper and len(t.text) > 1 and t.text.replace(".", "").replace("&", "").isalpha()


def _datelines(doc: Doc) -> list[Span]:
    """Capitalised place names that open a story or a paragraph: "SAN ANTONIO (AP) —", "MANILA, Philippines –".

    At a paragraph's start the name may run straight into the text ("LONDON Pope Francis ...");
    elsewhere it must end in a dash or an agency's bracket ("... Press WASHINGTON (AP) —").
    """
    def run(i: int) -> int:
        j = i
        while j < len(doc) and j - i < 4 and (_caps(doc[j]) or _abbr_dot(j)):
            j += 1
        return j

    def _abbr_dot(j: int) -> bool:
        # "ST. PAUL", "FT. WORTH": the tokenizer splits the abbreviation's full stop off
        return doc[j].text == "." and j > 0 and _caps(doc[j - 1]) and not doc[j - 1].whitespace_ \
            and j + 1 < len(doc) and _caps(doc[j + 1])

    out = []
    for i in range(len(doc)):
        if not _caps(doc[i]) or i > 0 and (_caps(doc[i - 1]) or _abbr_dot(i - 1)):
            continue
        j = run(i)
        if doc[i:j].text in _NOT_DATELINES or j >= len(doc) or len(doc[i:j].text) < 4:
            continue
        para = i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_
        names = [doc[i:j]]
        if para and doc[j].text in ("&", "AND") and j + 1 < len(doc) and _caps(doc[j + 1]):
            k = run(j + 1)  # "EL PASO & LAS CRUCES, MAY 4 --": a story filed from two places
            if k < len(doc):
                names, j = names + [doc[j + 1:k]], k
        nxt = doc[j]
        agency = nxt.text == "(" and j + 2 < len(doc) and doc[j + 2].text == ")" and doc[j + 1].is_upper
        # only at a paragraph's start may the name run straight into the text ("LIMA Police
        # said"): a sentence may open with a capitalised name that is no dateline ("U.S. Envoy")
        if agency or nxt.text in ("—", "–", "--") or \
                (para or doc[i].is_sent_start) and nxt.text in _DATELINE_ENDS or para and nxt.is_title:
            out += names
    return out


def _misread_date(ent: Span) -> bool:
    """A DATE or TIME entity made only of capitalised names that are no month, weekday or feast:
    the NER's reading of an unfamiliar town ("in Manbij" tagged DATE). Left to the proper-noun
    runs below, as a weak hit."""
    return ent.label_ in ("DATE", "TIME") and all(
        t.is_title and t.is_alpha and t.pos_ == "PROPN" and t.lower_ not in words("calendar_names") for t in ent)


def person_words(doc: Doc) -> set[str]:
    """Lowercased surnames of the article's multi-word PERSON names ("Mary Doyle" -> doyle; a
    first word is as often a place the NER ran into a name: "Halden Nils Bakery"), of one-word
    PERSON names after a capitalised first name the NER left out ("Ewan Morley"), and the
    words of names in apposition to a person ("his wife, Julia" -> julia)."""
    out = {t.lower_ for e in doc.ents if named_being(e) for t in e if t.is_alpha}
    inside = {i for e in doc.ents for i in range(e.start, e.end)}
    for e in doc.ents:
        names = [t.lower_ for t in e if t.is_alpha]
        if e.label_ == "PERSON" and len(names) > 1:
            out.add(names[-1])
        elif e.label_ == "PERSON" and len(names) == 1 and e.start > 0 and e.start - 1 not in inside:
            # "boxer Ewan Morley" tagged PERSON over the surname only: the capitalised
            # name before it, in no entity, is a first name
            first = doc[e.start - 1]
            if first.is_title and first.is_alpha and first.pos_ == "PROPN" and not first.is_sent_start:
                out.add(names[0])
    return out


def _place_demonym(ent: Span, demonyms: Collection[str] | Mapping[str, str]) -> str | None:
    """What a demonym that modifies a place noun stands for ("the Syrian border" -> 'SYR',
    "European countries" -> 'Europe'), else None: "Syrian forces" are people."""
    key = ent.text.lower().replace("’", "'")
    code = CONTINENT_ADJECTIVES.get(key) or (demonyms.get(key) if isinstance(demonyms, Mapping) else None)
    root = ent.root
    if code is None or root.dep_ not in ("amod", "compound", "nmod") or root.head.i < ent.end:
        return None
    return code if root.head.lower_ in DEMONYM_PLACE_HEADS else None


def find_spans(doc: Doc, actor_ids: Collection[str], demonyms: Collection[str] | Mapping[str, str]) -> list[Hit]:
    """Spans that may be places, in text order, none overlapping.

    A demonym is a place only where it qualifies a place noun: a Hit labelled DEMONYM, a
    modifier, whose `lookup` is the country's ISO code or the continent's name."""
    out: list[Hit] = []
    taken: set[int] = set()
    for sp in _datelines(doc):
        out.append(Hit(sp, "DATELINE", True))
        taken.update(range(sp.start, sp.end))
    for sp in roads(doc):  # "the A417", "the M5 highway"
        out.append(Hit(sp, "FAC", True))
        taken.update(range(sp.start, sp.end))
    # "Air India (AI)": the bracketed abbreviation repeats its name, and elsewhere stands
    # for what the name is ("AI" is no place, whatever town is called Ai)
    abbr, bracketed = abbreviations(doc, PLACE_LABELS)
    for ent in doc.ents:
        if ent.text in abbr and not abbr[ent.text] or ent.start in bracketed:
            continue
        if taken.intersection(range(ent.start, ent.end)):
            if ent.start not in taken or ent.end - 1 in taken:
                continue
            cut = max(taken.intersection(range(ent.start, ent.end))) + 1  # "A429 Cirencester": the town
            ent = Span(doc, cut, ent.end, label=ent.label_, span_id=ent.id_)
        if ent.ent_id_ and ent.ent_id_ in actor_ids and not _inside(ent):
            continue  # the ruler knows it is a group, a leader or a news source
        if named_being(ent):
            continue  # "his wife, Julia": a person
        # (a demonym that is also a place's name, written as a place: "in the Vatican", "in
        # Congo-Brazzaville", is the place)
        named_place = ent.label_ in PLACE_LABELS and ent.root.pos_ == "PROPN" and _inside(ent, LOCATIVE)
        if not named_place and ent.text.lower().replace("’", "'") in demonyms or ent.label_ == "NORP" and (
                ent.root.pos_ == "ADJ" or ent.text.lower() in CONTINENT_ADJECTIVES):
            code = _place_demonym(ent, demonyms)
            if code:
                out.append(Hit(ent, "DEMONYM", True, modifier=True, lookup=code))
            continue  # "Syrian", "Lebanese" describe; they do not name a place
        if ent.label_ not in PLACE_LABELS and ent.label_ not in WEAK_LABELS:
            continue
        parts = _in_parts(ent)
        if parts:
            # "shelled Qoqfin in Idleb" as one ORG: a place and the place that holds it, each
            # weak (the NER vouched for neither alone)
            out += [Hit(parts[0], ent.label_, False, held=True), Hit(parts[1], ent.label_, False)]
            continue
        suffix = _suffix(doc, ent.end)
        if suffix in ACTOR_SUFFIXES:
            continue
        sp = _clean(ent)
        if len(sp) and sp.text[:1].isupper():
            if ent.label_ not in PLACE_LABELS and facility(sp):
                parts = facility_parts(sp)  # a facility is a place (FAC), whatever the NER called it
                out += [Hit(p, "FAC", True, modifier=p is parts[-1] and suffix in PLACE_SUFFIXES) for p in parts]
                continue
            if ent.label_ not in PLACE_LABELS and before_place_noun(sp):
                # "the Airport road" names a road (the event may be in the town after it); "Nagaur
                # district", "the Riverdale area" are the place itself
                road = sp.end < len(doc) and doc[sp.end].lower_ in ROAD_NOUNS
                out.append(Hit(sp, "FAC", True, modifier=road))
                continue
            # "on Airport Road in Kabul": a road named after a town is not that town
            road = sp.end < len(doc) and doc[sp.end].lower_ in ROAD_NOUNS
            if ent.label_ in VENUE_LABELS and _at(sp):
                # "a tasting at Costco", "the final at the Hong Kong Sevens": an organisation
                # or an event written as where something happens is that place (its premises)
                out.append(Hit(sp, "FAC", True, modifier=road))
                continue
            out.append(Hit(sp, ent.label_, ent.label_ in PLACE_LABELS, modifier=suffix in PLACE_SUFFIXES or road))
    # The NER misses some well-known names ("west of Aleppo", "“Idlib, Hama, Homs"): runs of
    # proper nouns outside any entity are weak hits (the choice then asks for a sizeable town).
    covered = taken | bracketed | {i for e in doc.ents if not _misread_date(e) for i in range(e.start, e.end)}
    i = 0
    while i < len(doc):
        t = doc[i]
        if t.pos_ == "PROPN" and i not in covered and t.is_title and t.is_alpha and t.lower_ not in demonyms:
            j = i
            while j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN" and j + 1 not in covered \
                    and doc[j + 1].is_title and doc[j + 1].is_alpha:
                j += 1
            out.append(Hit(doc[i:j + 1], "PROPN", False, modifier=j + 1 < len(doc) and doc[j + 1].lower_ in ROAD_NOUNS))
            i = j + 1
        else:
            i += 1
    out.sort(key=lambda h: h.span.start)
    return out
