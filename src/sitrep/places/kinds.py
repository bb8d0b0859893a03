"""What kind of thing a name is, read off the words around it: a street or a building ("Royal
Street", "the Air Balloon roundabout"), a numbered road ("the A417"), or a person, pet or storm
("his wife, Julia"). spans.py asks these before it trusts the NER's label.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .lexicon import words

__all__ = ["abbreviations", "before_place_noun", "facility", "facility_parts", "named_being", "road_number", "roads"]

# British, Irish and Middle Eastern road numbers: A417, M5, N1; US interstates: I-95.
_ROAD = re.compile(r"^(?:[AMN]\d{1,4}|I-\d{1,3})$")
_LIST = frozenset({"the", "via", "on", "along", "onto", "off", "and", "or", ","})


def roads(doc: Doc) -> list[Span]:
    """Numbered roads: a road number before a road word ("the M5 highway", "the A417 southbound"),
    or in a list or after "the" in a sentence about traffic ("a crash on the A120")."""
    out = []
    for t in doc:
        if not _ROAD.match(t.text):
            continue
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if nxt is not None and nxt.lower_ in words("road_words"):
            out.append(doc[t.i:t.i + 1])
            continue
        prev = doc[t.i - 1].lower_ if t.i else ""
        if prev not in _LIST or nxt is not None and nxt.is_lower and nxt.pos_ == "NOUN":
            continue  # "an M16", "the M4 carbine"
        if any(w.lower_ in words("road_words") for w in t.sent):
            out.append(doc[t.i:t.i + 1])
    return out


def road_number(text: str) -> bool:
    """Whether `text` is a road's number ("A417", "M5", "I-95")."""
    return bool(_ROAD.match(text))


def facility(sp: Span) -> bool:
    """A name ending in a word for a built or natural place: "Royal Street", "Glenrock Lagoon";
    not a denomination ("the Lutheran Church"); or opening with one: "Lake Winnipesaukee", "Cape Agulhas"."""
    if len(sp) < 2:
        return False
    if sp[0].lower_.rstrip(".") in words("place_heads_before") and sp[1].is_title:
        return True
    if sp[-2].is_lower or sp[-1].lower_.rstrip(".") not in words("facility_heads"):
        return False
    return not (len(sp) == 2 and sp[0].lower_ in words("faiths"))


def facility_parts(sp: Span) -> list[Span]:
    """A facility's name, split at a possessive: "Harare's Third Street" is the town and its street."""
    cut = next((t.i for t in sp if t.tag_ == "POS" and sp.start < t.i < sp.end - 1), None)
    return [sp] if cut is None else [sp.doc[sp.start:cut], sp.doc[cut + 1:sp.end]]


def before_place_noun(sp: Span) -> bool:
    """A name that qualifies a place noun: "the Air Balloon roundabout", "Bourbon and Dauphine
    streets" (the first name through the list)."""
    doc, j = sp.doc, sp.end
    while j < len(doc) and (doc[j].lower_ in ("and", "/", ",") or doc[j].is_title and j > sp.end):
        j += 1  # over the list's later names: "Chartres/Franklin intersection"
    return j < len(doc) and doc[j].is_lower and doc[j].lower_ in words("place_nouns_after")


def named_being(ent: Span) -> bool:
    """A name in apposition to a noun for a person, a pet or a storm: "his mother Michelle",
    "Rozen's wife, Julia", "hurricanes Harvey, Irma and Maria"."""
    doc, t = ent.doc, ent.root
    nxt = doc[ent.end] if ent.end < len(doc) else None
    if nxt is not None and nxt.is_lower and (nxt.tag_ in ("NN", "NNS") or nxt.i + 1 < len(doc)
                                             and doc[nxt.i + 1].tag_ == "POS"):
        return False  # "the mayor and Leeds councils' budgets": Leeds qualifies the councils
    while t.dep_ == "conj" and t.head != t:
        t = t.head  # "hurricanes, Harvey, Irma and Maria": the list may hang on the noun itself
        if t.pos_ == "NOUN":
            return t.lemma_.lower() in words("person_nouns")
    if t.dep_ == "appos" and t.head.pos_ == "NOUN" and t.head.lemma_.lower() in words("person_nouns"):
        return True
    # the parser may hang the name elsewhere: read the noun written before it ("his yellow lab,
    # Levi", "daughters North and Chicago"), back over a comma and the list's earlier names
    i = ent.start - 1
    while i >= 0 and (doc[i].text == "," or doc[i].lower_ == "and" or doc[i].pos_ == "PROPN"):
        i -= 1
    return i >= 0 and doc[i].pos_ == "NOUN" and doc[i].lemma_.lower() in words("person_nouns")


_GLUE = frozenset({"of", "the", "and", "&", "for", "de", "du", "des", "la", "-", "'s", "’s"})


def abbreviations(doc: Doc, place_labels: frozenset[str]) -> tuple[dict[str, bool], set[int]]:
    """Abbreviations the article introduces in brackets after a name ("Air India (AI)",
    "the Central African Republic (CAR)"): each abbreviation, and whether its name
    is a place (the NER's label over the name, where it gave one); and the token index of each
    bracketed one."""
    kinds: dict[str, bool] = {}
    at: set[int] = set()
    for t in doc[1:-2]:
        a = doc[t.i + 1]
        if t.text != "(" or doc[t.i + 2].text != ")" or not (a.is_upper and a.is_alpha and 2 <= len(a) <= 6):
            continue
        words, i = [], t.i - 1
        while i >= 0 and t.i - i <= 10 and (doc[i].is_title or doc[i].is_upper or doc[i].lower_ in _GLUE):
            if doc[i].is_alpha:
                words.append(doc[i])
            i -= 1
        words.reverse()
        # the initials of the name's last words spell the abbreviation, with or without its
        # small words ("Bank of Canada (BOC)", "Reserve Bank of India (RBI)", "(CAR)")
        for k in range(len(words)):
            if words[k].text[:1].isupper() and a.text in (
                    "".join(w.text[0] for w in words[k:] if w.text[:1].isupper()).upper(),
                    "".join(w.text[0] for w in words[k:]).upper()):
                if words[-1].ent_type_:  # a name the NER left untyped says nothing
                    kinds[a.text] = words[-1].ent_type_ in place_labels
                at.add(a.i)
                break
    return kinds, at
