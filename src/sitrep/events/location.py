"""Where an event happened: the nearest place in its clause, else its sentence, else nearby.

Destinations are not locations for departures ("fled south to Damascus", "instructed
nationals to leave Syria"); metonyms are never locations; "the city" points back to the
last city named; a border or crossing between two countries is the border between them.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..models import Location
from ..places.gazetteer import Candidate, Gazetteer
from ..places.resolve import Toponym
from .roles import clause_distance

__all__ = ["LocationFinder"]

DEPARTURE = {"flee", "evacuate", "withdraw", "order_leave"}
BORDER_WORDS = {"border", "borders", "crossing", "crossings", "frontier", "border-crossing"}
ANAPHORS = {"city", "town", "village", "capital"}


class LocationFinder:
    """Finds event locations in one article, given its resolved toponyms."""

    def __init__(self, toponyms: list[Toponym], gaz: Gazetteer, country_names: dict[str, str],
                 focus_iso2: str | None, demonym_country) -> None:
        self.tops = [t for t in toponyms if t.candidate is not None]
        self.by_token = {}
        for tp in self.tops:
            for tok in tp.span:
                self.by_token[tok.i] = tp
        self.gaz = gaz
        self.country_names = country_names  # iso2 -> English name
        self.focus = focus_iso2
        self.demonym_country = demonym_country  # text -> iso2 list

    def _loc(self, c: Candidate, precision: int) -> Location:
        country = self.country_names.get(c.country_code or "", None)
        return Location(name=c.name, geonameid=c.geonameid, latitude=c.latitude, longitude=c.longitude,
                        admin1=c.admin1, country=country, country_code=c.country_code,
                        precision=max(precision, 3 if c.feature in ("admin1", "country", "border", "river", "region") else 1))

    def _excluded(self, tp: Toponym, cls: str, trigger: Token) -> bool:
        if tp.role != "location":
            return True
        if cls in DEPARTURE:
            r = tp.span.root
            if r.dep_ == "pobj" and r.head.lower_ in ("to", "towards", "toward", "into"):
                return True
            if cls == "order_leave" and any(a.dep_ == "xcomp" and a.head == trigger for a in r.ancestors):
                return True
        return False

    def _border(self, scope: list[Token], actor_iso2: str | None) -> Location | None:
        words = {t.lower_ for t in scope}
        if not words & BORDER_WORDS:
            return None
        countries: list[str] = []
        for t in scope:
            tp = self.by_token.get(t.i)
            if tp and tp.candidate.feature == "country" and tp.candidate.country_code not in countries:
                countries.append(tp.candidate.country_code)
            for cc in self.demonym_country(t.text):
                if cc not in countries:
                    countries.append(cc)
        if actor_iso2 and actor_iso2 not in countries:
            countries.append(actor_iso2)
        if len(countries) == 1 and self.focus and self.focus != countries[0]:
            countries.append(self.focus)
        if len(countries) < 2:
            return None
        a, b = (self.country_names.get(c) for c in countries[:2])
        for name in (f"{a}-{b} border", f"{b}-{a} border"):
            for c in self.gaz.candidates(name, limit=3):
                if c.feature == "border":
                    return self._loc(c, 3)
        return None

    def _anaphor(self, scope: list[Token]) -> Candidate | None:
        for t in scope:
            if t.lower_ in ANAPHORS and any(c.lower_ == "the" for c in t.children) and \
                    not any(c.dep_ in ("prep", "appos") and any(g.i in self.by_token for g in c.subtree)
                            for c in t.children):
                before = [tp for tp in self.tops if tp.span.end <= t.i and tp.role == "location"
                          and tp.candidate.feature == "city"]
                if before:
                    return before[-1].candidate
        return None

    def find(self, trigger: Token, cls: str, sent: Span, actor_iso2: str | None,
             previous: Location | None) -> Location | None:
        """The event's Location, or None when not even a country is known."""
        scopes = [list(trigger.subtree)]
        clause = trigger
        while clause.dep_ not in ("ROOT", "ccomp", "parataxis") and clause.head != clause:
            clause = clause.head
            if clause.pos_ in ("VERB", "AUX"):
                break
        if clause != trigger:
            scopes.append(list(clause.subtree))
        scopes.append(list(sent))
        for level, scope in enumerate(scopes):
            border = self._border(scope, actor_iso2)
            cands = []
            for t in scope:
                tp = self.by_token.get(t.i)
                if tp is None or tp.span.root != t or self._excluded(tp, cls, trigger):
                    continue
                dist = clause_distance(t, trigger) if level == 0 else 0
                cands.append((dist if dist is not None else 9, abs(t.i - trigger.i), tp))
            if border and (not cands or all(c[2].candidate.feature == "country" for c in cands)):
                return border
            ana = self._anaphor(scope) if level < 2 else None
            if cands:
                cands.sort(key=lambda x: (x[0], x[1]))
                tp = cands[0][2]
                if ana is not None and tp.candidate.feature == "country" and level == 0:
                    return self._loc(ana, 1)
                return self._loc(tp.candidate, tp.precision)
            if ana is not None:
                return self._loc(ana, 2 if any(t.lower_ in ("north", "south", "east", "west", "near",
                                                            "outside") for t in scope) else 1)
        if previous is not None:
            return previous
        if self.focus:
            c = self.gaz.country(self.focus)
            if c is not None:
                return self._loc(c, 3)
        return None
