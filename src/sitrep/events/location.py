"""Where an event happened: the nearest place in its clause, else its sentence, else nearby.

Destinations are not locations for departures ("fled south to Damascus", "instructed
nationals to leave Syria"); metonyms are never locations; "the city" points back to the
last city named; a border or crossing between two countries is the border between them.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from spacy.tokens import Span, Token

from ..models import Location
from ..nlp.views import doc_text
from ..places.divisions import is_district
from ..places.gazetteer import AREA_FEATURES, Candidate, Gazetteer
from ..places.names import fold
from ..places.public import ascii_name, capital_of, division_name, place_ids, press_spellings
from ..places.qualifiers import PLACE_NOUNS, PROVINCE_WORDS
from ..places.resolve import Toponym, is_dateline
from ..places.roles import told_near
from .roles import clause_distance
from .vocab import SEQUENCE_WORDS, SPEAKING

__all__ = ["LocationFinder"]

DEPARTURE = {"flee", "evacuate", "withdraw", "order_leave"}
WATERS = frozenset({"river", "sea", "ocean"})
BORDER_WORDS = {"border", "borders", "crossing", "crossings", "frontier", "border-crossing"}
ANAPHORS = {"city", "town", "village", "capital"}
# what a place the text once called X may later be called ("the provincial capital of X" ... "the
# city"; reporters call a town a city, not a city a town)
SAME_KIND = {"city": {"city", "capital", "town", None}, "capital": {"capital", "city", None},
             "town": {"town", "village", None}, "village": {"village", "town", None}}
# nouns a country names the place of when it modifies them: "the Syria border", "Lebanon side"
COUNTRY_PLACE_NOUNS = BORDER_WORDS | {"side", "territory", "soil", "coast", "mainland", "interior", "countryside"}


# fire that travels: its place is where it landed, not where it was launched
STANDOFF = {"air_attack", "shelling", "attack"}


def _launched_from(r: Token, trigger: Token) -> bool:
    """The toponym sits in a 'from' phrase of the trigger's verb ("attacked from an air base in
    X", "fired from Monywa")."""
    x = r
    while x.head != x and x != trigger:
        if x.dep_ == "prep" and x.lower_ == "from" and x.head == trigger:
            return True
        x = x.head
    return False


def _sequenced(r: Token, trigger: Token) -> bool:
    """The place is in a phrase that sets another happening before or after the trigger's."""
    for anc in r.ancestors:
        if anc == trigger:
            return False
        if anc.dep_ in ("prep", "acl", "mark", "advcl") and anc.lower_ in SEQUENCE_WORDS:
            return True
    return False


def _bracketed(t: Token) -> bool:
    """A word in the brackets right after a noun: "the Sirwah front (Sirwah, Marib)"."""
    return any(x.text == "(" for x in t.doc[max(0, t.left_edge.i - 1):t.left_edge.i + 1])


def _describes(tp: Toponym) -> bool:
    """"the US dollar", "a Russia probe": a country describing a thing, not a place."""
    r = tp.span.root
    return tp.place.feature == "country" and r.dep_ in ("compound", "nmod", "amod") \
        and r.head.i >= tp.span.end and r.head.pos_ == "NOUN" and r.head.lower_ not in COUNTRY_PLACE_NOUNS


def _quoted(t: Token) -> bool:
    """Whether a word stands inside the quotation marks or the brackets of its sentence."""
    before = t.doc[t.sent.start:t.i]
    marks = sum(x.text in ('"', "“", "”") for x in before)
    return marks % 2 == 1 or t.i > 0 and t.nbor(-1).text in ("[", "(")


def _called(tp: Toponym) -> str | None:
    """What the text called a place: "the town of X", "X town", "X, a town in ..." -> "town"."""
    doc, root = tp.span.doc, tp.span.root
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in ANAPHORS | PROVINCE_WORDS:
        return root.head.head.lower_  # "the town of X"; "the state of Sennar" is no city
    if tp.span.end < len(doc) and doc[tp.span.end].lower_ in ANAPHORS:
        return doc[tp.span.end].lower_
    if tp.span.start > 0 and doc[tp.span.start - 1].lower_ in ANAPHORS:
        return doc[tp.span.start - 1].lower_  # "the capital Damascus", "the town Kidal"
    return next((c.lower_ for c in root.children if c.dep_ == "appos" and c.lower_ in ANAPHORS), None)


def _inside(loc: Location, area: Location) -> bool:
    """Whether a place lies in an area (a country, or a first-level division of one)."""
    if loc.country_code is None or loc.country_code != area.country_code:
        return False
    return area.admin1 is None or loc.admin1 == area.admin1 or area.name == area.country


class LocationFinder:
    """Finds event locations in one article, given its resolved toponyms."""

    def __init__(self, toponyms: list[Toponym], gaz: Gazetteer, country_names: dict[str, str],
                 focus_iso2: str | None, demonym_country) -> None:
        self.tops = [t for t in toponyms if t.candidate is not None]
        ends = [t.span.end for t in self.tops]
        self._ends = ends if ends == sorted(ends) else None
        self._facts: dict[int, tuple[bool, str | None, int]] = {}  # id of a toponym -> _read's
        self.by_token = {}
        for tp in self.tops:
            for tok in tp.span:
                self.by_token[tok.i] = tp
        self.gaz = gaz
        self.country_names = country_names  # iso2 -> English name
        # the story's country is a fallback place only where something places it there, not
        # where the only mention is "the high US dollar rate"
        named = [t for t in self.tops if t.place.country_code == focus_iso2]
        self.focus = focus_iso2 if not named or not all(_describes(t) for t in named) else None
        self.demonym_country = demonym_country  # text -> iso2 list
        # GeoNames name -> the article's own spelling of the place ("Hama" for Ḩamāh)
        # (a demonym names no place: "an Afghan base" is in Afghanistan, not in "Afghan")
        self.spelling = press_spellings((t.span.text, t.place.match, t.place.name) for t in self.tops
                                        if t.source != "NORP" and not demonym_country(t.span.text))
        # the same by folded name: a division's name may differ from its capital's only in its
        # apostrophes ("Dar'ā", "Dar‘ā")
        self.folded_spelling = {fold(k): v for k, v in self.spelling.items()}
        self.divisions: dict[tuple[str | None, str], str] = {}

    def _press(self, name: str) -> str | None:
        """The article's own spelling of a place of this GeoNames name, if it wrote one."""
        return self.spelling.get(name) or self.folded_spelling.get(fold(name))

    def _division(self, name: str, cc: str | None) -> str:
        """How the press writes a first-level division: the article's spelling, else its
        capital's English name where GeoNames transliterates it ("Ḩalab" -> "Aleppo")."""
        if (cc, name) not in self.divisions:
            namesakes = self.gaz.candidates(name, limit=20)
            capital = capital_of(name, cc, namesakes)
            # "in Deir ez-Zor countryside": the governorate as the article writes its capital
            self.divisions[(cc, name)] = self._press(name) or capital is not None and self._press(capital.name) \
                or division_name(name, cc, namesakes)
        return self.divisions[(cc, name)]

    def _loc(self, c: Candidate, precision: int) -> Location:
        country = self.country_names.get(c.country_code or "", None)
        district = is_district(c) or c.village and c.feature == "county"  # GeoNames' own districts too
        area = 2 if district else 3 if c.feature in AREA_FEATURES else 1  # a district: near its town
        gid, own = place_ids(c.geonameid)
        admin1 = self._division(c.admin1, c.country_code) if c.admin1 else None
        name = self._division(c.name, c.country_code) if c.feature == "admin1" else \
            self._press(c.name) or ascii_name(c.name)
        # an event known only to its province is at the province's seat (ACLED's practice),
        # where the data names one, not at the middle of the province
        lat, lon = (self.gaz.seat(c.country_code, c.admin1) if c.feature == "admin1" else None) \
            or (c.latitude, c.longitude)
        return Location(name=name, geonameid=gid,
                        geonames_name=c.name if gid is not None else None, place_id=own,
                        latitude=lat, longitude=lon,
                        admin1=admin1, country=country, country_code=c.country_code,
                        precision=max(precision, area) if not district else min(max(precision, 1), 2))

    def _excluded(self, tp: Toponym, cls: str, trigger: Token) -> bool:
        if tp.role != "location":
            return True  # metonyms are not where things happen
        end = tp.span.end
        if tp.modifier and end + 1 < len(tp.span.doc) and tp.span.doc[end].text in ("-", "–"):
            return True  # "a Britain-based monitor": where the monitor is (a road named after a town may be)
        if _describes(tp):
            return True
        r = tp.span.root
        if r.dep_ == "nsubj" and r.head.pos_ == "VERB" and r.head != trigger and \
                any(c.dep_ == "xcomp" for c in r.head.children) and not self._filed_at(tp):
            return True  # "as Moscow continues to advance": who acts, not where
        if r.dep_ == "pobj" and r.head.lower_ == "for" and tp.place.capital and tp.span.root.ent_type_ != "FAC" \
                and r.head.head.pos_ == "NOUN":
            return True  # "gains for Moscow", "a setback for Kyiv": the government, not a place
        if cls in STANDOFF and _launched_from(r, trigger):
            return True  # "jets attacked from an air base in X", "shelled the area from Monywa": where fire came from
        if cls in DEPARTURE:
            if r.dep_ == "pobj" and r.head.lower_ in ("to", "towards", "toward", "into"):
                return True
            if cls == "order_leave" and any(a.dep_ == "xcomp" and a.head == trigger for a in r.ancestors):
                return True
        return False

    def _border(self, scope: list[Token], actor_iso2: str | None) -> Location | None:
        """'closed its crossings into Syrian territory', 'a border crossing between Lebanon and
        Syria': the border between the countries named (the actor's own first)."""
        words = {t.lower_ for t in scope}
        if not words & BORDER_WORDS:
            return None
        countries: list[str] = []
        for t in scope:
            tp = self.by_token.get(t.i)
            if tp and tp.role == "location" and tp.place.feature == "country" and tp.place.country_code and \
                    tp.place.country_code not in countries:
                countries.append(tp.place.country_code)
            for cc in self.demonym_country(t.text):
                if cc and cc not in countries:
                    countries.append(cc)
        # the countries the phrase names come first; then the actor's own; then the focus
        for extra in (actor_iso2, self.focus):
            if len(countries) < 2 and extra and extra not in countries:
                countries.append(extra)
        if len(countries) < 2:
            return None
        pairs = [(countries[0], c) for c in countries[1:]]
        if len(countries) > 2:
            pairs.append((countries[1], countries[2]))  # "between Lebanon and Syria", said by Israel
        for x, y in pairs:
            a, b = self.country_names.get(x), self.country_names.get(y)
            for name in (f"{a}-{b} border", f"{b}-{a} border"):
                for c in self.gaz.candidates(name, limit=3):
                    if c.feature == "border":
                        return self._loc(c, 3)
        return None

    def _anaphor(self, t: Token) -> Candidate | None:
        """'the city' is the last city named before it; 'the provincial capital' the capital
        of the last province named."""
        if t.lower_ not in ANAPHORS or not any(c.lower_ == "the" for c in t.children):
            return None
        if any(c.dep_ in ("prep", "appos", "compound") and
               any(g.i in self.by_token and self.by_token[g.i].place.feature not in AREA_FEATURES
                   for g in c.subtree) for c in t.children):
            return None  # "the city of Hama" names its place (a river or a region does not)
        # not the dateline ("MOGADISHU - ... a base in the town"): where the reporter was
        before = [tp for tp in self.tops[:self._named_before(t.i)]
                  if tp.span.end <= t.i and tp.role == "location" and not self._read(tp)[0]]
        if t.lower_ == "capital" and any(c.lower_ == "provincial" for c in t.children):
            for tp in reversed(before):
                if tp.place.feature == "admin1":
                    for c in self.gaz.candidates(tp.span.text, limit=5):
                        if c.feature == "city" and c.country_code == tp.place.country_code:
                            return c
            return None
        cities = [tp for tp in before if tp.place.feature == "city"]
        if not cities:
            # "the capital's presidential palace" in a story of one country: its capital
            return self.gaz.national_capital(self.focus) if t.lower_ == "capital" and self.focus else None
        # not a place the text called something else: "the northern town of Khan al-Assal ...
        # Aleppo city ... the town" is Khan al-Assal
        cities = [tp for tp in cities if self._read(tp)[1] in SAME_KIND[t.lower_]] or cities
        # of the sentence that named a city last, the city it is about, not a point it is measured
        # from ("overran Balad, 30 km north of Mogadishu. When they took the city ...": Balad)
        last = self._read(cities[-1])[2]
        told = [tp for tp in cities if self._read(tp)[2] == last]
        return next((tp for tp in reversed(told) if tp.precision == 1), told[-1]).place

    def _read(self, tp: Toponym) -> tuple[bool, str | None, int]:
        """Whether a place is the dateline, what the text called it, where its sentence starts:
        read once per place, not once per anaphor that looks back over it."""
        facts = self._facts.get(id(tp))
        if facts is None:
            facts = self._facts[id(tp)] = (self._filed_at(tp), _called(tp), tp.span.sent.start)
        return facts

    def _told_elsewhere(self, filed: Location) -> bool:
        """Whether the story places its news in towns of its country other than where it was
        filed ("BAMAKO - ... attacks on bases in Sevare and Niono"): then the dateline is only
        where the reporter sat."""
        body = [tp for tp in self.tops if tp.role == "location" and not self._filed_at(tp)
                and tp.place.feature == "city" and tp.place.country_code == self.focus]
        if any(tp.place.geonameid == filed.geonameid for tp in body):
            return False  # "IZIUM, Ukraine -- ... the reclaimed city of Izium": the story's own town
        return bool(body)

    @staticmethod
    def _filed_at(tp: Toponym) -> bool:
        """"BEIRUT (Reuters) - Rebels battled ...": a dateline says where the reporter was, which is
        where it happened only when nothing else places it and it lies in the story's country."""
        return tp.source == "DATELINE" or is_dateline(tp.span)

    def _aside(self, t: Token, trigger: Token) -> bool:
        """A place inside a relative clause or apposition that does not hold the trigger
        ('Suwayda province, which neighbours Deraa'; 'Tehran, which ... arch-foe Israel')."""
        for anc in [t, *t.ancestors]:
            if anc == trigger:
                return False
            if anc.dep_ in ("relcl", "appos") and anc.head != trigger and trigger not in anc.subtree \
                    and not (anc.dep_ == "appos" and (anc.head._.sitrep_place or anc.head.lower_ in ANAPHORS
                                                      or anc.head.lower_ in PLACE_NOUNS
                                                      or _bracketed(anc))):
                return True  # but "in the Keran sector (Kupwara district, J&K)" says where
        return False

    def _conjoined(self, tp: Toponym | None, trigger: Token, cls: str) -> list[Location]:
        """'on the Kreminna (Luhansk), Bakhmut (Donetsk) and Zaporizhzhia fronts': ACLED codes one event
        per place, so the other places of a coordination become events of their own."""
        if tp is None or tp.place.feature in AREA_FEATURES - {"admin1", "county"} or \
                tp.span.root.head.lower_ == "between":
            return []  # "between Zawiya and Zintan": one place between two
        out: list[Location] = []
        seen = {tp.place.geonameid}
        listed = [(o, False) for o in (self.by_token.get(c.i) for c in tp.span.root.conjuncts)] + self._listed(tp)
        for other, by_list in listed:
            if other is not None and other.candidate is not None and (by_list or not other.qualifier) \
                    and not self._excluded(other, cls, trigger) \
                    and other.candidate.feature not in AREA_FEATURES - {"admin1", "county"} \
                    and other.candidate.geonameid not in seen:
                seen.add(other.candidate.geonameid)
                out.append(self._loc(other.candidate, other.precision))
        return out

    def _listed(self, tp: Toponym) -> list[tuple[Toponym, bool]]:
        """The places listed after tp, each with its bracketed qualifier, where the parser lost
        the coordination ("on the Kreminna (Luhansk) and Bakhmut (Donetsk) fronts"); an item the
        gazetteer lacks stands by the first place of its qualifier ("on the fronts of Tell Kabir
        (Maarrat an Numan, Idlib), Hill 312 (Atarib, Aleppo) ...")."""
        doc = tp.span.doc
        out: list[tuple[Toponym, bool]] = []  # a place, and whether it stands in as a qualifier
        i = tp.span.end
        opened = [j for j in range(max(0, i - 12), i) if doc[j].text in ("(", ")")]
        if opened and doc[opened[-1]].text == "(":  # tp is itself a qualifier: go past its bracket
            i = next((j + 1 for j in range(i, min(len(doc), i + 12)) if doc[j].text == ")"), len(doc))
        while i < len(doc):
            if doc[i].text == "(":  # the qualifier of the place just listed
                close = next((j for j in range(i, min(len(doc), i + 12)) if doc[j].text == ")"), None)
                if close is None:
                    break
                i = close + 1
                continue
            if doc[i].lower_ in ("front", "frontline", "frontlines", "fronts", "area", "areas"):
                i += 1  # "Tell Kabir front (Maarrat an Numan, Idlib)"
                continue
            if doc[i].text not in (",", "and"):
                break
            i += 1
            while i < len(doc) and doc[i].text in (",", "and", "the"):
                i += 1
            nxt = self.by_token.get(i)
            if nxt is not None and nxt.span.start == i:
                out.append((nxt, False))
                i = nxt.span.end
                continue
            j = i  # a name the gazetteer lacks, then its bracketed qualifier
            while j < len(doc) and j - i < 5 and doc[j].text[:1].isupper():
                j += 1
            inner = self.by_token.get(j + 1) if j > i and j < len(doc) and doc[j].text == "(" else None
            if inner is None or inner.span.start != j + 1:
                break
            out.append((inner, True))
            i = j
        return out

    @staticmethod
    def _venue_preps(verbs: list[Token]) -> list[Token]:
        """The prepositions that can say where words were spoken: on the verb ("met in Doha",
        "on the sidelines of a forum in Doha"), on the speaking that frames it ("Speaking to
        reporters in Istanbul, he offered ..."), and on its object or partners ("held talks with
        his counterparts in Baghdad"); not inside what was said ("accused Russia of bombing
        hospitals in Idlib" was not said in Idlib)."""
        on_verb = ("in", "at", "from", "on", "during", "outside")
        on_noun = ("in", "at")  # "condemned the attack on Douma": Douma is what was condemned
        out: list[Token] = []
        for v in verbs:
            holders = [v, *[c for c in v.children if c.dep_ == "advcl" and c.lemma_.lower() in SPEAKING]]
            nouns = [c for c in v.children if c.dep_ == "dobj"]
            nouns += [o for p in v.children if p.dep_ == "prep" and p.lower_ == "with"
                      for o in p.children if o.dep_ == "pobj"]
            out += [p for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ in on_verb]
            out += [p for h in nouns for p in h.children if p.dep_ == "prep" and p.lower_ in on_noun]
        return out

    def said_at(self, trigger: Token, speaker_iso2: str | None) -> Location | None:
        """Where a statement, a meeting or a call was made: a place the text attaches to the verb
        ("told reporters in Ankara", "met in Doha", "speaking at Chatham House in London"), else
        the speaker's country, at precision 3; never the place the statement is about."""
        verbs = [trigger, *[a for a in trigger.ancestors if a.pos_ in ("VERB", "AUX")][:2]]
        if trigger.lemma_.lower() == "visit":  # "Abadi visited Mosul": the visit is there
            for x in (c for c in trigger.children if c.dep_ == "dobj"):
                tp = self.by_token.get(x.i)
                if tp is not None and tp.role == "location":
                    return self._loc(tp.place, tp.precision)
        where = trigger if trigger.dep_ == "relcl" else next(
            (a for a in trigger.ancestors if a.dep_ == "relcl"), None)
        if where is not None and any(c.lower_ == "where" for c in where.children):
            tp = self.by_token.get(where.head.i)  # "travelled to Cairo, where he met ...": Cairo
            if tp is not None and tp.role == "location":
                return self._loc(tp.place, tp.precision)
        for prep in self._venue_preps(verbs):
            if _quoted(prep):
                continue  # "demanded 'steps to destroy this hotbed [in Idlib]'": what the words are about
            for x in prep.subtree:
                tp = self.by_token.get(x.i)
                if tp is not None and tp.role == "location" and not self._excluded(tp, "consult", trigger):
                    return self._loc(tp.place, tp.precision)
        if speaker_iso2:
            c = self.gaz.country(speaker_iso2)
            if c is not None:
                return self._loc(c, 3)
        return None

    def _scene(self, trigger: Token) -> Location | None:
        """The place the paragraph set its scene in before the trigger's sentence, where that
        sentence names none: the last town or district named as a location before it, in the
        same paragraph, not a dateline, a qualifier or a modifier."""
        doc = trigger.doc
        start = trigger.sent.start
        # the paragraph's last line break before the sentence: a place before it is another paragraph's
        para_start = doc_text(doc).rfind("\n", 0, doc[start].idx)
        for tp in reversed(self.tops[:self._named_before(start)]):
            if tp.span.end > start:
                continue
            if doc[tp.span.start].idx <= para_start:
                return None  # another paragraph
            if tp.role == "location" and not tp.modifier and not tp.qualifier and tp.precision < 3 \
                    and tp.place.feature not in AREA_FEATURES - {"county"} and not self._filed_at(tp):
                return self._loc(tp.place, tp.precision)
        return None

    def _named_before(self, token: int) -> int:
        """How many of the toponyms (in text order, as they come) end by `token`: those after
        them need no look (a look at every later place per trigger made long texts quadratic)."""
        if self._ends is None:
            return len(self.tops)  # not in text order: every one is looked at
        return bisect.bisect_right(self._ends, token)

    def find(self, trigger: Token, cls: str, sent: Span, actor_iso2: str | None,
             previous: Location | None) -> Location | None:
        """The event's Location, or None when not even a country is known.

        The other places coordinated with it are left in `self.conjoined`."""
        self.conjoined: list[Location] = []
        scopes = [list(trigger.subtree)]
        clause = trigger
        while clause.dep_ not in ("ROOT", "ccomp", "parataxis") and clause.head != clause:
            clause = clause.head
            if clause.pos_ in ("VERB", "AUX"):
                break
        if clause != trigger:
            scopes.append(list(clause.subtree))
        scopes.append(list(sent))
        asides: list[tuple] = []  # places of the sentence in a relative clause or apposition
        wide: tuple | None = None  # the area the trigger's clause names, when it names no place in it
        filed: list[Location] = []  # the dateline: where the story was filed
        for level, scope in enumerate(scopes):
            own = [t for t in scope if level > 0 or clause_distance(t, trigger) == 0]
            border = self._border(own, actor_iso2)
            cands: list[tuple[int, int, Location, Toponym | None]] = []
            for t in scope:
                dist = clause_distance(t, trigger) if level == 0 else 0
                key = (dist if dist is not None else 9, abs(t.i - trigger.i))
                tp = self.by_token.get(t.i)
                if tp is not None and tp.span.root == t and not self._excluded(tp, cls, trigger):
                    if self._filed_at(tp):
                        filed.append(self._loc(tp.place, tp.precision))
                    elif self._aside(t, trigger):
                        asides.append((tp.precision == 3, abs(t.i - trigger.i), self._loc(tp.place, tp.precision)))
                    else:
                        cands.append((*key, self._loc(tp.place, tp.precision), tp))
                elif level < 2:
                    ana = self._anaphor(t)
                    if ana is not None:
                        near = any(x.lower_ in ("north", "south", "east", "west", "near", "outside",
                                                "outskirts", "road") for x in t.head.subtree) or \
                            t.head.lower_ == "of" and t.head.head.lower_ in ("north", "south", "east", "west") or \
                            told_near(t.doc, t.left_edge.i)  # "villages outside of the city"
                        cands.append((*key, self._loc(ana, 2 if near else 1), None))
            if border and (not cands or all(c[2].precision == 3 for c in cands)):
                return border
            if wide is not None:  # a town or district inside the area the clause names
                cands = [c for c in cands if c[2].precision < 3 and _inside(c[2], wide[2])
                         and not (c[3] is not None and (c[3].modifier or c[3].place.feature in WATERS))]
                if cands:
                    cands.sort(key=lambda x: (x[3] is not None and x[3].qualifier, x[0], x[1]))
                    self.conjoined = self._conjoined(cands[0][3], trigger, cls)
                    return cands[0][2]
                continue
            if cands:
                # the most precise place; a town before the division or town that qualifies it
                # ("shopkeepers in Jarablus in Aleppo went on strike")
                # modifiers ("a London-based group", "on Airport Road in Kabul") only when
                # nothing else is named; nor a river or a sea, which is no point on a map ("by the
                # Euphrates river in Raqqa province" is in the province)
                # a province before its country ("in Somalia's Bay region": Bay)
                # and a place of another happening set before or after this one ("killed in Syria
                # ... following the Manchester bombing") only when it names nothing else
                cands.sort(key=lambda x: (x[3] is not None and x[3].modifier,
                                          x[3] is not None and _sequenced(x[3].span.root, trigger),
                                          x[3] is not None and x[3].place.feature in WATERS, x[2].precision == 3,
                                          x[3] is not None and x[3].qualifier,
                                          x[3] is not None and x[3].place.feature == "country", x[0], x[1]))
                if cands[0][2].precision == 3 and level + 1 < len(scopes):
                    # only an area in the clause ("protested ... the lack of water in Argentina"):
                    # a place inside it that the sentence names is where, the most precise
                    wide = cands[0]
                    continue
                self.conjoined = self._conjoined(cands[0][3], trigger, cls)
                return cands[0][2]
        if wide is not None:
            inner = [a for a in asides if not a[0] and _inside(a[2], wide[2])]
            if inner:
                return min(inner, key=lambda a: a[:2])[2]
            self.conjoined = self._conjoined(wide[3], trigger, cls)
            return wide[2]
        if previous is not None:
            return previous
        if asides:  # "beat a trader who was still out after the curfew in Polokwane"
            return min(asides, key=lambda a: a[:2])[2]
        scene = self._scene(trigger)
        if scene is not None:  # "In Niteroi, police raided a hill. A shoot-out broke out.": in Niteroi
            return scene
        filed += [self._loc(tp.place, tp.precision) for tp in self.tops if self._filed_at(tp)]
        if filed and filed[0].country_code == self.focus and filed[0].precision < 3 and not self._told_elsewhere(filed[0]):
            # "MOGADISHU (Reuters) - A car bomb exploded ...", in the story's own country: near it,
            # for a reporter files from the city nearest the news
            return replace(filed[0], precision=2)
        if self.focus:
            c = self.gaz.country(self.focus)
            if c is not None:
                return self._loc(c, 3)
        return None
