"""What a toponym does in its sentence: is it where something is (`location`), or does it stand
for a government, a people, a team or an institution (`metonym`)? And how precisely it places
an event (ACLED geo-precision).

Read from the dependency parse, following GeoWebNews's distinctions (Gritta et al. 2019):
- literal: "fighting in Homs", "flights to London", "the Aleppo countryside", "a London-based
  monitor", "the Durban court", "the New York City police shooting";
- metonymic: "Moscow said", "Britain blames Russia", "relations between China and the US",
  "the people of Mexico", "Russia's foreign ministry", and a place that qualifies who or what
  someone is: "U.S. officials", "a Brooklyn man", "the Fresno County Sheriff's Office".
A subject is where something is only with verbs of being and happening ("Homs witnessed",
"Aleppo fell"); a passive subject is acted upon, so it is a place ("Hama was captured").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from .gazetteer import AREA_FEATURES, Candidate

__all__ = ["precision", "role", "told_near"]

# Nouns that a toponym modifies or possesses as a place: "the Aleppo countryside", "Syria's coast".
PLACE_HEADS = frozenset("""
    area areas border borders city cities town towns village villages countryside province region district
    suburb suburbs outskirts neighborhood neighbourhood street streets road roads highway motorway airport
    airports station port harbour harbor base camp prison jail court courthouse office offices facility
    facilities factory plant market hospital clinic enclave junction intersection coast coastline shore beach
    island resort hotel home homes site farm quarry capital metro line bridge river valley mountain mountains
    hills desert lake sea park square centre center campus building compound mosque church cathedral
    stadium arena zone territory territories soil ground land frontier front frontline sky skies airspace
    waters landscape municipality county state states
    residence headquarters hq branch location locations venue store shop restaurant bar club mall
    economy industry sector population growth rate rates history development production pollution weather
    climate heat rain snow temperature temperatures
    airline airlines passenger passengers job jobs resident residents tally total unemployment neighbour
    neighbor schools school war
    foreshore foothills hotspot shoreline waterfront seafront college colleges universities
    township parish borough commune locality settlement governorate oblast prefecture subdistrict outlet
    route routes corridor
""".split())
# Happenings: a toponym that modifies them says where they happened ("the Paris attack").
EVENT_HEADS = frozenset("""
    attack attacks shooting shootings bombing bombings blast blasts explosion explosions strike strikes
    raid raids offensive fire fires crash crashes protest protests rally rallies march clash clashes
    fighting battle battles siege massacre earthquake quake flood floods flooding storm hurricane
    visit trip tour flight flights leg journey festival marathon race concert game match election
    elections vote referendum summit conference forum meeting talks rescue evacuation outbreak epidemic
    riot riots demonstration demonstrations incident accident derailment collapse landslide
    drought famine ceasefire operation operations campaign
    event events dinner lunch reception party gala ceremony wedding funeral show exhibition appearance
""".split())
# Nouns whose "of X" is a government, a people or an institution: "the president of France".
AGENT_HEADS = frozenset("""
    government governments president presidents prime minister ministers ministry governor governors
    mayor mayors ambassador ambassadors embassy envoy king queen prince princess ruler emir sultan
    leader leaders leadership parliament congress senate army military police authorities
    authority regime administration officials official delegation representative representatives
    foundation bank university interest interests success position stance policy policies request decision
    member members national nationals team squad fans coach future image dignity independence security
    law laws that those
""".split())
# Relations between parties: "relations between China and the US", "a deal with Iran".
RELATION_HEADS = frozenset("""
    relation relations relationship relationships tie ties agreement agreements deal deals talk talks
    tension tensions dispute disputes partnership cooperation comparison trade war conflict rivalry
    ceasefire truce accord negotiation negotiations hostility hostilities battle fight clash clashes
    exchange meeting summit friendship alliance match game
""".split())
# Verbs whose object is a government or a team, not a place: "Britain blames Russia".
AGENT_VERBS = frozenset("""
    accuse blame urge support back charge order tell punish beat defeat sanction warn condemn criticize
    criticise ask help recognize recognise thank pressure threaten invite persuade lobby congratulate praise
    call join sue fine outlast outplay edge rout top trail lead cut fight consolidate defend prompt spur
    give sell persuade convince allow force offer
""".split())
# Verbs of taking a party for something: "sees Australia as a partner" (not "visiting Russia as envoy").
REGARD_VERBS = frozenset("see regard view consider recognize recognise treat describe name designate label "
                         "brand count list call".split())
# Verbs whose subject is where something is or happens, not who acts.
LOCATIVE_VERBS = frozenset("""
    sit lie witness see experience fall border neighbour neighbor become suffer host be house
    have include contain cover stretch span boast record
""".split())
# Verbs whose passive subject is a party, not a place: "Moscow is accused", "Europe was forced to".
PASSIVE_AGENT_VERBS = frozenset("""
    accuse allege force expect require oblige concern engage involve represent compel advise encourage
    believe consider see suppose say report criticise criticize reward entitle
""".split())
# Nouns whose "for X" is a party, not a place: "consequences for Ohio", "a bigger say for Japan".
FOR_HEADS = frozenset("""
    consequence consequences issue issues role implication implications concern concerns challenge challenges
    threat threats risk risks opportunity opportunities support plan plans strategy priority priorities
    victory defeat win loss deal benefit benefits cost costs problem problems blow boost setback
    responsibility credit respect sympathy solidarity ambition ambitions vision
""".split())
# Nouns and verbs whose "on X" bears on a party, not a place: "pressure on Venezuela", "blamed on Belarus".
ON_HEADS = frozenset("""
    pressure sanction sanctions tariff tariffs embargo ban restriction restrictions duty duties stance
    position policy policies
""".split())
ON_VERBS = frozenset("blame call rely depend prevail impose".split())
# Verbs whose "to X" hands something to a government: "sell artillery to Saudi Arabia".
TO_VERBS = frozenset("""
    sell give explain request apologize apologise appeal write pledge offer lend donate grant hand transfer
    propose recommend promise supply provide report
""".split())
# Adjectives of a subject that thinks or acts: "Russia is concerned", "France is ready".
AGENT_STATES = frozenset("""
    concerned responsible ready willing determined committed keen eager aware happy unhappy worried
    confident prepared interested able unable opposed involved engaged reluctant unwilling right wrong
    grateful proud angry alone serious
""".split())
# Prepositions of "loyal to Damascus", "aid from Tehran", "support by Moscow" after METONYM_HEADS.
METONYM_HEADS = frozenset("""
    loyal ally allies support message aid statements forces force troops government regime officials
    delegation envoy pressure demands sanctions independence permission backing approval response loan
""".split())


def _head_conjunct(t: Token) -> Token:
    while t.dep_ == "conj" and t.head != t:
        t = t.head
    return t


def _modifies_a_place(t: Token) -> bool:
    """A compound modifier: does the chain of nouns it modifies end in a place or a happening?"""
    return _modifies(t, PLACE_HEADS | EVENT_HEADS)


def _paired(span: Span) -> bool:
    """A name joined by a hyphen to another: "the Chile-Peru summit", "the Iraqi-Iranian border"."""
    doc = span.doc
    after = span.end + 1 < len(doc) and doc[span.end].text in ("-", "–") and not doc[span.end - 1].whitespace_ \
        and doc[span.end + 1].text[:1].isupper()
    before = span.start >= 2 and doc[span.start - 1].text in ("-", "–") and not doc[span.start - 1].whitespace_ \
        and doc[span.start - 2].text[:1].isupper()
    return after or before


def _modifies(t: Token, heads: frozenset[str]) -> bool:
    """Whether the chain of nouns a compound modifier modifies ends in one of `heads`."""
    for _ in range(4):
        h = t.head
        if h == t:
            return False
        if h.lemma_.lower() in heads or h.lower_ in heads:
            return True
        if h.dep_ not in ("compound", "nmod") or h.pos_ not in ("NOUN", "PROPN"):
            return False
        t = h
    return False


def role(span: Span, cand: Candidate | None, modifier: bool = False) -> str:
    """`location` or `metonym` (a place standing for its government, people, team or institution)."""
    if modifier:
        return "location"  # "a London-based group": where the group is
    doc = span.doc
    t = _head_conjunct(span.root)
    dep, head = t.dep_, t.head
    hl = head.lemma_.lower()
    written = _written_preposition(span, t) if dep != "pobj" else None
    if written is not None:
        return _object_role(written, cand)  # the parse lost it: "in Europe, the Gulf and Africa"
    if dep == "poss" or (span.end < len(doc) and doc[span.end].tag_ == "POS"):
        owner = head if dep == "poss" else (doc[span.end + 1] if span.end + 1 < len(doc) else head)
        while owner.dep_ in ("compound", "amod") and owner.head != owner and owner.i < owner.head.i:
            owner = owner.head
        ol = owner.lemma_.lower()
        return "location" if ol in PLACE_HEADS or ol in EVENT_HEADS else "metonym"
    if dep == "nsubj":
        if head.tag_ == "VBP" or any(c.dep_ == "aux" and c.tag_ == "VBP" for c in head.children):
            return "metonym"  # a plural verb: "Liverpool have", "Portland are" (a team)
        if hl == "be" and any(c.dep_ == "acomp" and c.lemma_.lower() in AGENT_STATES for c in head.children):
            return "metonym"  # "Russia is concerned"
        if any(c.dep_ == "xcomp" for c in head.children):
            return "metonym"  # "China had to initiate", "Britain is to expel": who acts
        return "location" if hl in LOCATIVE_VERBS else "metonym"
    if dep == "nsubjpass":
        # "Hama was captured" is a place; "Moscow is accused", "Europe was forced to" a party
        return "metonym" if hl in PASSIVE_AGENT_VERBS or hl in AGENT_VERBS else "location"
    if dep == "dobj":
        if hl in REGARD_VERBS and any(c.dep_ == "prep" and c.lower_ == "as" and c.i > t.i for c in head.children):
            return "metonym"  # "sees Australia as a partner": what a party is taken for
        return "metonym" if hl in AGENT_VERBS else "location"
    if dep == "dative":
        return "metonym"  # "sell Saudi Arabia artillery", "give Russia a chance"
    if dep == "compound" and head.ent_type_ in ("DATE", "TIME") and head.dep_ == "pobj":
        return _object_role(head.head, cand)  # "in central Mali Sunday": the day was hung on the place
    if dep in ("compound", "nmod", "amod") and head.pos_ in ("NOUN", "PROPN") and t.i < head.i:
        if _paired(span) and _modifies(t, RELATION_HEADS):
            return "metonym"  # "the Chile-Peru summit", "Canada-EU relations": the parties to it
        return "location" if _modifies_a_place(t) else "metonym"
    if dep == "pobj":
        return _object_role(head, cand)
    return "location"


def _object_role(prep: Token, cand: Candidate | None) -> str:
    """The role of a place governed by `prep`: "backed by Moscow", "relations with China"."""
    noun = prep.head
    nl = noun.lemma_.lower()
    if prep.lower_ == "of" and (nl in AGENT_HEADS or noun.lower_ in AGENT_HEADS):
        return "metonym"
    if prep.lower_ == "of" and nl in ("people", "citizen") and cand is not None \
            and cand.feature in ("country", "admin1"):
        return "metonym"  # "the people of Chile" are the nation; "the people of Homs" live there
    if prep.lower_ in ("between", "with") and (nl in RELATION_HEADS or noun.lower_ in RELATION_HEADS):
        return "metonym"
    if prep.lower_ in ("to", "from", "by", "with", "against") and noun.lower_ in METONYM_HEADS:
        return "metonym"
    if prep.lower_ == "against" or (prep.lower_ == "by" and nl not in PLACE_HEADS):
        return "metonym"  # "backed by Moscow", "an investigation by the US", "the game against Portland"
    if prep.lower_ == "for" and (nl in FOR_HEADS or noun.lower_ in FOR_HEADS):
        return "metonym"
    if prep.lower_ == "on" and (nl in ON_HEADS or noun.pos_ in ("VERB", "AUX") and nl in ON_VERBS):
        return "metonym"  # "sanctions on Myanmar", "blamed on Belarus", "called on Peru to act"
    if prep.lower_ == "to" and noun.pos_ == "VERB" and nl in TO_VERBS:
        return "metonym"
    if prep.lower_ == "with" and cand is not None and cand.feature == "country" and nl not in PLACE_HEADS:
        return "metonym"  # "talks with the United States", but "a border with Syria"
    return "location"


# Prepositions whose object is where something is, read off the text when the parse lost them.
WRITTEN_PREPS = frozenset("in at from to into near across throughout within inside between around "
                          "towards toward".split())


def _written_preposition(span: Span, t: Token) -> Token | None:
    """A locative preposition written before a place the parser attached elsewhere, or None.

    Only where the parse is implausible: a place in a list hung on a common noun ("offices in
    Europe, the Gulf and Africa": Africa the conjunct of "offices"), or a place modifying a name or
    a noun further on ("between Ashford and Elm Hey", "a flight from Paris to Lisbon burns
    two tonnes"). Walks back over "the" and over earlier names of the list.
    """
    doc = span.doc
    root = span.root
    lost_list = root.dep_ == "conj" and t.pos_ == "NOUN"
    nxt = doc[span.end].lower_ if span.end < len(doc) else ""
    far_head = t.dep_ in ("compound", "nmod") and (
        t.head.pos_ == "PROPN" and nxt in ("and", "or", ",") and t.head.dep_ == "pobj"  # "Ashford and Elm Hey"
        or t.head.pos_ == "NOUN" and t.head.i > span.end + 2)  # "Lisbon burns two tonnes"
    if not (lost_list or far_head):
        return None
    i = span.start - 1
    while i >= 0:
        w = doc[i]
        if w.lower_ == "the":
            i -= 1
        elif w.lower_ in WRITTEN_PREPS:
            return w
        elif w.text == "," or w.lower_ in ("and", "or"):
            i -= 1  # over the list's earlier name
            while i >= 0 and doc[i].lower_ == "the":
                i -= 1
            if i < 0 or not doc[i].ent_type_ and doc[i].pos_ != "PROPN":
                return None
            while i >= 0 and (doc[i].ent_type_ or doc[i].pos_ == "PROPN") and doc[i].lower_ != "the":
                i -= 1
        else:
            return None
    return None


# Words after a toponym that make it vaguer: "the Hama countryside", "Homs province".
DIRECTIONS = frozenset("""
    north south east west northeast northwest southeast southwest north-east north-west south-east
    south-west outskirts countryside vicinity edge edges suburbs environs outside surroundings northern
    southern eastern western periphery road highway gates approaches parts area areas miles kilometres
    kilometers km
""".split())
NEAR_PREPS = frozenset("near outside around between towards toward beyond close nearby along".split())


def precision(span: Span, cand: Candidate | None) -> int:
    """ACLED geo-precision: 1 the place itself, 2 near it or part of it, 3 only a larger region."""
    if cand is None or cand.feature in AREA_FEATURES:
        return 3
    doc = span.doc
    t = span.root
    # "the Hama countryside", "Homs province"
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.lower_ in DIRECTIONS | {"province", "governorate", "region"}:
        return 2 if nxt.lower_ in DIRECTIONS else 3
    if t.dep_ == "poss" and (t.head.lower_ in DIRECTIONS or t.head.lemma_.lower() in DIRECTIONS):
        return 2  # "Idlib's southern countryside", "Kabul's outskirts"
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
    return 2 if told_near(doc, span.start) else 1


def told_near(doc: Doc, start: int) -> bool:
    """The words before a place set it beside another: "north of", "outside (of) the",
    "on the outskirts of"."""
    left = doc[max(start - 3, 0):start].text.lower()
    return re.search(r"\b((north|south)(east|west)?(ern)?|(east|west)(ern)?|near|outside|outskirts)(\s+of)?(\s+the)?$", left) is not None
