"""Toponyms in a parsed article: which spans are places, which place, and in what role.

The stages, each in its own module: spans.py finds the spans that may name places;
gazetteer.py offers candidates for each; disambiguate.py chooses among them in the
article's context; roles.py says whether the place is where something is or stands for a
government or people, and how precisely it places an event. This module runs them in order:

1. candidates for every span, the spans mended where the NER cut them badly (candidates.py);
2. a surname is not a place: a one-word span that is part of a person's name in the same
   article ("John Kelly ... Kelly said") is that person;
3. the focus country: a vote of the mentions, unambiguous ones weighing most;
4. a first choice, which tells the context (countries and divisions named, places resolved
   with confidence); then the final choice with it, and with qualifiers ("Paris, Texas").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from ..models import PlaceMention
from .candidates import DIVISION_WORDS, candidates
from .disambiguate import (
    FRONT_KM,
    GENERIC,
    Context,
    acceptable,
    along,
    choose,
    haversine_km,
    margin,
    own_names,
    score,
    village_supported,
)
from .divisions import division_of_code
from .gazetteer import Candidate, Gazetteer, fold
from .kinds import facility, road_number
from .local import contained, named_within, neighbourhoods, strays
from .names import close_spelling
from .public import place_ids
from .qualifiers import (
    DISTRICT_WORDS,
    PROVINCE_WORDS,
    SETTLEMENT_WORDS,
    SURROUNDS,
    districts,
    division_word,
    group,
    larger,
    minor,
    qualifier,
)
from .roles import precision, role
from .spans import PLACE_LABELS, Hit, find_spans, person_words

__all__ = ["Toponym", "find_toponyms", "haversine_km", "is_dateline"]

@dataclass
class Toponym:
    """A place mention inside the Doc, resolved or not."""

    span: Span
    candidate: Candidate | None
    role: str
    precision: int
    reason: str | None = None
    modifier: bool = False  # "London-based": it locates something else, not an event
    source: str = ""  # what found the span: its NER label, DATELINE or PROPN
    qualifier: bool = False  # it says where the place before it is: "Paris, Texas", "Kanyabayonga (Lubero, North Kivu)"

    @property
    def place(self) -> Candidate:
        """The candidate of a toponym known to be resolved (one kept for its candidate)."""
        assert self.candidate is not None, f"{self.span.text!r} is not resolved"
        return self.candidate

    def mention(self, article_id: str) -> PlaceMention:
        c = self.candidate
        gid, own = place_ids(c.geonameid) if c else (None, None)
        return PlaceMention(
            article_id=article_id, start=self.span.start_char, end=self.span.end_char,
            text=self.span.text, name=c.name if c else None, geonameid=gid, place_id=own,
            latitude=c.latitude if c else None, longitude=c.longitude if c else None,
            feature=c.feature if c else None, country_code=c.country_code if c else None,
            admin1=c.admin1 if c else None, role=self.role, reason=self.reason)


def _demonym_votes(doc: Doc, demonyms: Mapping[str, str], gaz: Gazetteer) -> Counter[str]:
    """Half a vote per demonym for its country: "a British soldier", "Syrian forces"."""
    votes: Counter[str] = Counter()
    cache: dict[str, str | None] = {}
    for e in doc.ents:
        code = demonyms.get(e.text.lower().replace("’", "'")) if e.label_ == "NORP" else None
        if code:
            if code not in cache:
                c = gaz.country(code)
                cache[code] = c.country_code if c else None
            cc = cache[code]
            if cc:
                votes[cc] += 0.5  # type: ignore[assignment]  # typeshed's Counter holds ints; these are weights
    return votes


def _actor_votes(doc: Doc, actor_countries: Mapping[str, str | None]) -> Counter[str]:
    """A vote per mention of a named actor of one country ("Houthi", "the Taliban"): an armed
    group fights where it is from far more often than a place name is its namesake abroad."""
    votes: Counter[str] = Counter()
    for e in doc.ents:
        cc = actor_countries.get(e.ent_id_) if e.ent_id_ else None
        if cc:
            votes[cc] += 1.0  # type: ignore[assignment]  # typeshed's Counter holds ints; these are weights
    return votes


def _mention_votes(pairs: list[tuple[Hit, list[Candidate]]], slots: Collection[int] = ()) -> list[Counter[str]]:
    """Which countries the article is about, mention by mention: each votes for the country of
    its likeliest sense out of context, split with other countries whose sense is nearly as
    likely ("Ontario" is the province, not the Californian city; "Ariha" is in Syria or in
    Palestine)."""
    out: list[Counter[str]] = []
    for i, (h, cands) in enumerate(pairs):
        votes: Counter[str] = Counter()
        out.append(votes)
        if h.label == "DEMONYM":
            continue  # counted once, as a demonym (_demonym_votes)
        cs = [c for c in own_names(cands[:10], h.strong) if acceptable(c, h.strong, None, h.span.text)
              and c.match != "skeleton"]
        if not cs:
            continue
        scored = [(score(c, Context(), others=cs, province=i in slots), c) for c in cs]
        top, first = max(scored, key=lambda t: t[0])
        if first.country_code is None:
            continue  # "the Middle East", "the Atlantic": no country's story
        countries = {c.country_code for s, c in scored if s >= top - 1.0 and c.country_code}
        weight = 0.5 if first.feature == "country" else 1.0
        for cc in countries:
            votes[cc] += weight / len(countries)  # type: ignore[assignment]  # Counter of weights (as above)
    return out


def _votes(pairs: list[tuple[Hit, list[Candidate]]], hint: str | None, slots: Collection[int] = ()) -> Counter[str]:
    """The countries the article's mentions vote for (_mention_votes), and the hint's."""
    votes: Counter[str] = Counter()
    for v in _mention_votes(pairs, slots):
        votes.update(v)
    if hint:
        votes[hint] += 1
    return votes


def _shares_but(votes: Counter[str], own: Counter[str], shares: tuple) -> tuple:
    """The countries' shares of the article without a name's own votes: a name does not vote
    for its own sense, so "Balad" in a report of Somali troops and al-Shabaab is Somalia's
    village, not the Iraqi town its vote alone would make the story about. The shares of all
    the votes where the name is all the article names."""
    rest = votes - own
    total = sum(rest.values())
    return tuple((cc, v / total) for cc, v in rest.items()) if total else shares


def find_toponyms(doc: Doc, gaz: Gazetteer, actor_ids: Collection[str] | Mapping[str, str | None],
                  capitals: Collection[str] = frozenset(), demonyms: Collection[str] | Mapping[str, str] = frozenset(),
                  focus_hint: str | None = None, theatre: Collection[str] = (),
                  front: Sequence[Sequence[tuple[float, float]]] = ()) -> tuple[list[Toponym], str | None]:
    """Resolve the article's toponyms; returns them (in text order) and the focus country (ISO2).

    `actor_ids`: entity-ruler ids that mark a span as an actor, not a place; given as a mapping
    to the actor's country (ISO2 or None), a named armed group votes for its country the way
    a demonym does ("pro-Houthi forces ... (Lawdar, Abyan)" is a Yemeni story);
    `capitals`: lower-cased capitals that can stand for their state (from the actor KB; the
    gazetteer now flags national capitals itself, so this is kept for callers only);
    `demonyms`: lower-cased demonyms, which are never toponyms; given as a mapping to their
    country's ISO code ("british" -> "GBR"), they also tell which country the story is about;
    `theatre`: ISO 3166-2 codes of divisions the story is known to be in though it may name
    none (a monitor of one front line named, see actors/conventions.py): each votes for its
    country, and its places rank as if the story had named the division; `front`: the course
    of that front line, as (lat, lon) points along each: of a name's namesakes in those
    divisions, the one by the line is meant.
    """
    theatre_divisions = frozenset(d for d in (division_of_code(code) for code in theatre) if d is not None)
    course = along(front) if theatre_divisions else ()
    persons = person_words(doc)
    pairs = candidates(doc, find_spans(doc, actor_ids, demonyms), gaz)
    # The village layer's candidates apart: they neither vote for the focus nor tell which
    # names qualify which; a village joins its name's options only where the text supports it.
    hamlets = [[c for c in cs if c.village] for _, cs in pairs]
    pairs = [(h, [c for c in cs if not c.village]) for h, cs in pairs]
    # A name that says where the place before it is reads as a division where it can be one:
    # "Zabid (Zabid, Al Hudaydah)", "in Lawdar (Abyan)" are governorates, not namesake towns.
    # which places qualify which, and what they say: read once (they depend on the spans and
    # their candidates only)
    groups = [group(doc, pairs, i) for i in range(len(pairs))]
    small = [minor(doc, pairs, i) for i in range(len(pairs))]
    withins = [qualifier(doc, pairs, i) for i in range(len(pairs))]
    slots = {k for i, g in enumerate(groups) if small[i] for k in g}
    per_mention = _mention_votes(pairs, slots)
    votes: Counter[str] = Counter()
    for v in per_mention:
        votes.update(v)
    if focus_hint:
        votes[focus_hint] += 1
    for cc, _ in theatre_divisions:
        votes[cc] += 1
    by_name: dict[str, Counter[str]] = {}  # the votes of each name, all its mentions together
    for (h, _), v in zip(pairs, per_mention, strict=True):
        by_name.setdefault(fold(h.span.text), Counter()).update(v)
    people: Counter[str] = Counter()  # the countries of the people and groups the story names
    if isinstance(demonyms, Mapping):
        people.update(_demonym_votes(doc, demonyms, gaz))
    if isinstance(actor_ids, Mapping):
        people.update(_actor_votes(doc, actor_ids))
    votes.update(people)
    focus = votes.most_common(1)[0][0] if votes else None
    total = sum(votes.values())
    shares = tuple((cc, v / total) for cc, v in votes.items())
    # A weak label after "in", "from", "to" ... reads as a place: "in Klamath Falls" tagged PERSON.
    # So does one in brackets after a place, or with its division written after it: "Kanyabayonga
    # (Lubero, North Kivu)", "Zabid (Zabid, Al Hudaydah)" - the NER often calls such names persons.
    # "Aintree, Merseyside", "Gleneagles (Perthshire)": a name with a division or a country written
    # right after it is a place, whether or not the gazetteer has it
    divided = {i for i, g in enumerate(groups) if g and _division_after(doc, pairs[i][0].span, pairs[g[0]])}
    placed = slots | divided | {i for i in range(len(pairs)) if any(t.text == "(" for t in doc[
        pairs[i][0].span.end:pairs[i][0].span.end + 2]) and groups[i]}
    for k, (h, cands) in enumerate(pairs):
        if not h.strong and len(h.span) <= 4 and (_locative(h.span) or k in placed) \
                and h.span.text.lower() not in persons:
            pairs[k] = (replace(h, strong=True, label=h.label + "@loc"), cands)
    last = {g[-1] for i, g in enumerate(groups) if small[i] and g}
    options = [districts(doc, h, [c for c in own_names(cands + [v for v in hamlets[k] if village_supported(
                                      v, focus, shares, withins[k], _district_said(doc, h.span))], h.strong)
                                  if acceptable(c, h.strong, focus, h.span.text, h.label)],
                          focus, k in slots, k in last) for k, (h, cands) in enumerate(pairs)]
    for k, (h, cands) in enumerate(pairs):
        # (where nothing qualifies a town's name, the front a monitor reports on may hold it)
        where = withins[k] or (theatre_divisions if all(c.feature == "city" for c in options[k]) else frozenset())
        if not withins[k] and where and course:
            options[k] = _respelt_by_front(gaz, h, options[k], where, course)
        else:
            options[k] = _respelt_in_division(gaz, h, options[k], where, [pairs[g][1] for g in groups[k]])
        if not options[k] and h.label in PLACE_LABELS:  # the NER's own place, not any word after "in"
            options[k] = _one_place(cands, hamlets[k])
        if not options[k] and h.strong:
            named = [c for j, (_, cs) in enumerate(pairs) if j != k for c in cs]
            options[k] = _respelt_in_country(gaz, h, cands + hamlets[k], focus, shares, named)

    # First choice, without context beyond the focus: what the article names with confidence.
    base = Context(focus=focus, shares=shares, theatre=theatre_divisions, front=course)
    countries, divisions, anchors = set(), set(), []
    anchored: set[tuple[int, float, float]] = set()
    for (h, _), cs in zip(pairs, options, strict=True):
        first = choose(cs, base)
        if first is None or first.match == "skeleton" or (not h.strong and first.feature == "city"):
            continue
        if first.feature == "country" and first.country_code:
            countries.add(first.country_code)
        elif first.feature == "admin1" and first.country_code:
            divisions.add((first.country_code, first.name))
        elif first.feature == "city" and margin(cs, base) >= 2 and \
                (first.geonameid, first.latitude, first.longitude) not in anchored:
            # each place once: scoring takes the distance to the nearest anchor, which a
            # place named again does not change, and a long text names its places often
            anchored.add((first.geonameid, first.latitude, first.longitude))
            anchors.append(first)
    ctx = Context(focus=focus, countries=frozenset(countries), divisions=frozenset(divisions),
                  anchors=tuple(anchors), shares=shares, theatre=theatre_divisions, front=course)

    out: list[Toponym] = []
    # one sense per discourse: a name resolved once stands for the same place throughout
    settled: dict[str, Candidate] = {}
    placed_by_text: dict[str, Candidate] = {}  # names the text once placed in a larger place
    chosen: list[Candidate | None] = []
    for i, ((h, _), cs) in enumerate(zip(pairs, options, strict=True)):
        sp = h.span
        nxt = doc[sp.end].lower_ if sp.end < len(doc) else ""
        within = withins[i]
        plural = _listed_divisions(doc, pairs, i)
        if plural and not any(c.feature == "admin1" for c in cs):
            # "Kharkiv and Sumy regions": the divisions, which the gazetteer names "Kharkiv region"
            cs = [c for c in gaz.candidates(f"{sp.text} {plural[:-1]}")
                  if c.feature == "admin1" and c.match != "skeleton"] or cs
        own = replace(ctx, shares=_shares_but(votes, by_name[fold(sp.text)], shares))
        best = choose(cs, own, province=nxt in PROVINCE_WORDS or i in slots or plural is not None, within=within)
        lands = {cc for cc, _ in within}
        if best is not None and within and best.country_code not in lands and best.feature in ("city", "county"):
            # "the town of Santa Cruz (Santa Cruz, Laguna)": the Philippine town, however small
            alt = best
            best = choose([c for c in cs if c.country_code in lands], own, within=within)
            foreign = not any(c.country_code in lands for c in pairs[i][1] + hamlets[i])
            if best is None and (not small[i] or foreign) and alt.match in ("exact", "folded") \
                    and alt.population >= 100_000:
                # a city the qualifier may not hold after all; nor can it where no place of the
                # name lies in the qualifier's country: "X (Y, Nord-Ouest)" names a division in
                # French that the index knows in English, and the same words name another
                # country's division
                best = alt
            # else a Donetsk village the gazetteer lacks, not its namesake in another country
        if best is not None and within and not _in(best, within) and (
                best.match == "skeleton" or best.feature == "city" and best.population < 100_000
                and any(cc == best.country_code and a1 for cc, a1 in within)):
            # a quarter of Delhi written "X, Delhi" is no fuzzy respelling of a city of another
            # state; "Wadgaon, Lucknow" no namesake in another state of the country: a place
            # the gazetteer lacks, which is then placed at its qualifier
            best = None
        if within and best is not None:
            placed_by_text.setdefault(fold(sp.text), best)
        elif not within and fold(sp.text) in placed_by_text:
            # "the village of Kani in Sagaing ... a resident of Kani": the place the text placed
            best = placed_by_text[fold(sp.text)]
        chosen.append(best)
        if best is not None and h.strong:
            settled.setdefault(fold(sp.text), best)
    qualified = {i for i, g in enumerate(groups) if g and (
        withins[i] or small[i] or larger(pairs, i, g[-1]) or division_word(doc, pairs, g[-1]))}
    qualifiers = {k for i in qualified for k in groups[i]}
    # the qualifier lies in its place's country: "La Ceiba, Atlantida" is Honduras's department,
    # not Uruguay's town, once La Ceiba is known to be Honduran
    for i in qualified:
        mine = chosen[i]  # (groups[i] holds the places after i, never i)
        if mine is not None:
            for k in groups[i]:
                same = [c for c in options[k] if c.country_code == mine.country_code]
                other = chosen[k]
                if other is not None and other.country_code != mine.country_code and same:
                    chosen[k] = choose(same, ctx, province=True)
    _like_the_list(doc, pairs, options, chosen)
    _nearest_namesakes(doc, pairs, options, chosen, groups, withins, ctx)
    lost = _far_from_the_scene(pairs, options, chosen)
    for i in lost:
        chosen[i] = None
    for i, ((h, _), best) in enumerate(zip(pairs, chosen, strict=True)):
        sp = h.span
        if best is None and i not in lost:
            best = settled.get(fold(sp.text))
        if len(sp) == 1 and sp.text.lower() in persons and not (
                h.label in ("GPE", "LOC", "DATELINE") and best is not None
                and (best.feature != "city" or best.capital or best.population >= 1_000_000)):
            continue  # "Kelly" in a story about John Kelly
        if best is None:
            # a name the gazetteer lacks is kept where the text says it is a place: a place
            # label or a place word after a locative ("in Soweto", "on Cable Street"); a
            # division written after it ("Aintree, Merseyside"); a locative name the NER ran
            # together with the place holding it ("shelled Qoqfin in Idleb", not any
            # organisation "in Idleb"); a numbered road ("a pile-up on the M62"); a name taken
            # from its namesake far off (_far_from_the_scene), a place still
            place = h.label in PLACE_LABELS and (_placed(sp) or road_number(sp.text)) or h.label.endswith("@loc") \
                and (sp[-1].lower_ in PLACE_WORDS or h.held and withins[i] or _named_as(sp))
            # (not a word for a kind of place, "the Valley"; nor an acronym, "in ER", "in LMP2")
            acronym = len(sp) == 1 and sp.text.replace(".", "").replace("&", "").isupper() and not road_number(sp.text)
            if (place or i in divided or i in lost) and sp.text.lower() not in persons and fold(sp.text) not in GENERIC \
                    and not acronym:
                # a name that is no street, lake or road is read in its sentence like any place:
                # "Oregon State's coach" is the team's
                physical = i in divided or facility(sp) or road_number(sp.text)
                said = "location" if physical else role(sp, None, h.modifier)
                inner = named_within(sp, gaz, ctx)
                if inner is not None:  # "the Vienna Harp Academy", "the Chicago Boat Show"
                    out.append(Toponym(sp, replace(inner, match="context"), said, 2, modifier=h.modifier,
                                       reason=f"not in gazetteer; placed at {inner.name} (named in it)",
                                       source=h.label))
                else:
                    out.append(Toponym(sp, None, said, 3, reason="not in gazetteer", modifier=h.modifier,
                                       source=h.label))
            continue
        # a dateline, and the state or country that qualifies a place ("Paris, Texas"), locate
        # "in Irapuato, Guanajuato, vendors marched": a place whose division is written
        # after it is a place, whatever the parse makes of it
        located = h.label in ("DATELINE", "DEMONYM") or i in qualifiers or i in qualified or is_dateline(sp)
        if not located and _club(sp, gaz) and not _locative(sp):  # "a trip to Hull City": its ground
            out.append(Toponym(sp, best, "metonym", precision(sp, best), source=h.label))
            continue
        out.append(Toponym(sp, best, "location" if located else role(sp, best, h.modifier),
                           precision(sp, best), modifier=h.modifier, source=h.label, qualifier=i in qualifiers))
    out = neighbourhoods(out)
    # The story's country, once its places are chosen: each chosen place votes (a named
    # country half as much), so "Ariha in Idlib province" is a Syrian story, whatever Ariha
    # might have meant alone.
    final: Counter[str] = Counter()
    for t in out:
        if t.candidate is not None and t.candidate.country_code:
            final[t.candidate.country_code] += 0.5 if t.candidate.feature == "country" else 1.0  # type: ignore[assignment]  # weights
    if final:
        focus = max(final, key=lambda cc: (final[cc], votes.get(cc, 0.0)))
        out = strays(out, focus, final, people)
    sure = {a.geonameid for a in anchors}
    towns = [t for t in out if t.candidate is not None and t.candidate.feature in ("city", "admin1", "county")]
    boxes = [t for t in towns if t.place.geonameid in sure or t.place.feature != "city"]
    return [contained(t, towns, boxes) if t.candidate is None else t for t in out], focus


def _in(c: Candidate, within: frozenset) -> bool:
    """Whether a candidate lies in one of the (cc, admin1 or None) divisions a qualifier names."""
    return (c.country_code, c.admin1) in within or (c.country_code, None) in within


# Namesakes of equal standing (scores within TIE of the chosen one's): the one nearest the place
# beside it, if within NEAR_KM of it and NEARER_KM nearer than the chosen one. A village right by
# it (CLOSE_KM) outranks a small town of its name (scores within SMALL) far off (FAR_KM).
TIE, NEAR_KM, NEARER_KM = 1.0, 60.0, 10.0
SMALL, CLOSE_KM, FAR_KM = 2.5, 30.0, 100.0


def _nearest_namesakes(doc: Doc, pairs: list, options: list[list[Candidate]], chosen: list,
                       groups: list[list[int]], withins: list[frozenset], ctx: Context) -> None:
    """A small place among namesakes of equal standing (villages of one name in one province,
    which nothing in their scores tells apart) is the one nearest the places written beside it:
    its qualifier's ("X (Y district, Z)": the X near Y), else the other places of its sentence,
    else of the story. Changes `chosen` in place."""
    def point(c: Candidate) -> tuple[float, float]:
        return c.latitude, c.longitude

    of_sentence = _by_sentence(pairs)
    for i, best in enumerate(chosen):
        if best is None or best.feature != "city" or best.population >= 100_000:
            continue
        name = fold(pairs[i][0].span.text)

        def beside(k: int, i: int = i, name: str = name) -> bool:
            c = chosen[k]
            return k != i and c is not None and c.feature in ("city", "county") \
                and fold(pairs[k][0].span.text) != name

        # the first place beside it (only the first is measured from): its qualifier's, its sentence's, the story's
        first = next((k for k in groups[i] if beside(k)), None)
        if first is None:
            first = next((k for k in of_sentence[pairs[i][0].span.sent.start] if beside(k)), None)
        if first is None:
            first = next((k for k in range(len(chosen)) if beside(k)), None)
        if first is None:
            continue
        ref = point(chosen[first])
        top = score(best, ctx, within=withins[i], others=options[i])
        rivals = [(c, score(c, ctx, within=withins[i], others=options[i])) for c in options[i]
                  if c.feature == "city" and c.match != "skeleton"]
        rivals = [(c, s) for c, s in rivals if s >= top - SMALL]
        if not rivals:
            continue
        near, s = min(rivals, key=lambda t: haversine_km(point(t[0]), ref))
        d, now = haversine_km(point(near), ref), haversine_km(point(best), ref)
        if s >= top - TIE and d <= NEAR_KM and d < now - NEARER_KM or d <= CLOSE_KM and now > FAR_KM:
            chosen[i] = near


def _by_sentence(pairs: list) -> dict[int, list[int]]:
    """The mentions' numbers by the start of their sentence, in order: a sentence's places
    without a look at every place of the story (which made long stories quadratic)."""
    out: dict[int, list[int]] = {}
    for k, (h, _) in enumerate(pairs):
        out.setdefault(h.span.sent.start, []).append(k)
    return out


# A small place (under STRAY_POP) chosen over STRAY_KM from, and outside the divisions of, all
# the other places of its sentence, which lie together, is suspect.
STRAY_KM, STRAY_POP = 250.0, 50_000


def _together(a: Candidate, b: Candidate) -> bool:
    """Whether two places lie in one area: a place in a division, or two places near each other."""
    if "admin1" in (a.feature, b.feature):
        return a.country_code == b.country_code and a.admin1 == b.admin1
    return haversine_km((a.latitude, a.longitude), (b.latitude, b.longitude)) <= STRAY_KM


def _far_from_the_scene(pairs: list, options: list[list[Candidate]], chosen: list) -> set[int]:
    """The small places chosen far from the one area that two or more other places of their
    sentence lie in, whose name other places far apart bear or which matched only as another
    name or a fuzzy spelling: in "a clash in Gopalpur village near Amreli town (Amreli,
    Gujarat)" Gopalpur is no town of that name a thousand km off but a place the gazetteer
    lacks (then placed at the sentence's town, see contained). A sentence of two places says
    no more of one than of the other ("born in Llandudno, he moved to London")."""
    out: set[int] = set()
    of_sentence = _by_sentence(pairs)
    for i, best in enumerate(chosen):
        if best is None or best.feature != "city" or best.population >= STRAY_POP and best.match in ("exact", "folded"):
            continue  # (a city's other name counts for little: a village may bear a city's old name)
        sp = pairs[i][0].span
        name = fold(sp.text)
        others = [c for k in of_sentence[sp.sent.start] if k != i and (c := chosen[k]) is not None
                  and c.feature in ("city", "county", "admin1") and fold(pairs[k][0].span.text) != name]
        if len({c.geonameid for c in others}) < 2 or any(_together(best, o) for o in others) \
                or not all(_together(o, others[0]) for o in others[1:]):
            continue
        namesakes = any(c.feature == "city" and haversine_km((c.latitude, c.longitude), (best.latitude, best.longitude)) > 50
                        for c in pairs[i][1] + options[i])
        if namesakes or best.match not in ("exact", "folded"):
            out.add(i)
    return out


def _one_place(towns: list[Candidate], villages: list[Candidate]) -> list[Candidate]:
    """A name no town bears, whose villages of that name all lie in one country within a few
    km of each other ("near Dolynivka" where the layer holds one Dolynivka): the name itself says
    where it is, with nothing better known to compete, whatever else the story names."""
    if any(c.match in ("exact", "folded", "alias") for c in towns):
        return []
    named = [c for c in villages if c.match in ("exact", "folded") and c.feature == "city"]
    if not named or len({c.country_code for c in named}) != 1:
        return []
    first = (named[0].latitude, named[0].longitude)
    return named[:1] if all(haversine_km(first, (c.latitude, c.longitude)) <= 15 for c in named) else []


def _respelt_in_country(gaz: Gazetteer, h: Hit, cands: list[Candidate], focus: str | None,
                        shares: Sequence[tuple[str, float]], named: Sequence[Candidate]) -> list[Candidate]:
    """A place name no place bears, not even another way than its skeleton's, in a story of a
    country whose names are transliterated: the towns and villages of the story's countries
    that spell it another way ("Nabatiyeh" for a Nabatiye: the ending, an article, a doubled
    letter or a vowel written otherwise), as the press writes the names ACLED spells its own way.

    Where the story names other places of that country (`named`: the other spans' candidates),
    only a respelling near one of its towns (RESPELT_NEAR_KM), else in one of its provinces:
    of the many villages a loose key matches in a country, the one among the places the story
    is about ("X near Y", "X village of Y district, Z"), else none, and the event stays at the
    place the text names beside it."""
    if any(c.match != "skeleton" for c in cands):
        return []  # a name some place bears is that place or none
    countries = [cc for cc, v in sorted(shares, key=lambda t: -t[1]) if v >= 0.3 or cc == focus]
    out = []
    for cc in countries:
        found = [c for c in gaz.spelt_loosely_in(h.span.text, cc) if close_spelling(h.span.text, c.name, 0.7, 5)]
        told = [c for c in named if c.country_code == cc and c.match in ("exact", "folded")]
        towns = [(t.latitude, t.longitude) for t in told if t.feature in ("city", "county")]
        provinces = {t.name for t in told if t.feature == "admin1"}
        if towns:
            found = [c for c in found if min(haversine_km((c.latitude, c.longitude), p) for p in towns)
                     <= RESPELT_NEAR_KM]
        elif provinces:
            found = [c for c in found if c.admin1 in provinces]
        out += found
    return out


# How near a town the story names a loose respelling of a village must lie (see above).
RESPELT_NEAR_KM = 50.0


def _respelt_by_front(gaz: Gazetteer, h: Hit, options: list[Candidate], divisions: frozenset,
                      course: Sequence[tuple[float, float]]) -> list[Candidate]:
    """A village named in a report of one front, none of whose candidates lies by the line: the
    places by the line in the front's divisions that spell it another way ("Hrozne" for a
    Groznyy), if any, and a large town elsewhere that may still be meant."""
    def by_line(c: Candidate) -> bool:
        return min(haversine_km((c.latitude, c.longitude), p) for p in course) <= FRONT_KM

    if not h.strong or any(_in(c, divisions) and by_line(c) for c in options):
        return options
    near = [c for c in gaz.spelt_like_in(h.span.text, divisions) if by_line(c)]
    if not near:
        return options
    return near + [c for c in options if c.match in ("exact", "folded") and c.population >= 100_000]


def _respelt_in_division(gaz: Gazetteer, h: Hit, options: list[Candidate], within: frozenset,
                         qualifiers: list[list[Candidate]]) -> list[Candidate]:
    """A name its qualifier places in a division where none of its candidates lies ("the village
    of Bughayliyeh in Deir ez-Zor", "Dablaan (Deir ez-Zor)"): the division's town or village that spells
    it another way, if any; then only a large town elsewhere may still be meant (a city the
    qualifier may not hold after all). A name the index lacks altogether is also looked for in
    the division of the town that qualifies it ("X in Deir ez-Zor": the city's governorate)."""
    divisions = {(cc, a1) for cc, a1 in within if cc and a1}
    if not options:
        for cands in qualifiers:
            town = next((c for c in cands if c.feature == "city" and c.match in ("exact", "folded", "alias")
                         and not c.village), None)
            if town is not None and town.country_code and town.admin1:
                divisions.add((town.country_code, town.admin1))
    if not divisions or not h.strong or any((c.country_code, c.admin1) in divisions for c in options):
        return options
    near = gaz.spelt_like_in(h.span.text, divisions)
    if not near:
        return options
    return near + [c for c in options if c.match in ("exact", "folded") and c.population >= 100_000]


# Prepositions after which a name the gazetteer lacks is still a place: "in Khayelitsha".
LOCATIVE_PREPS = frozenset("in at from to into near outside around across through toward towards throughout "
                           "within inside onto via along between".split())
# Last words that make a name a place: "Nenagh Municipal District", "Ainsworth Parade".
PLACE_WORDS = frozenset("""
    street st avenue ave road rd boulevard lane drive parade square place way highway motorway
    county township district municipality province region state valley island islands lake river
    mountain mountains hills park bay beach coast harbour harbor port airport station bridge canal
    estate village town city hospital cathedral church mosque temple chapel palace castle stadium
    arena centre center hall court prison camp base airbase market mall quarter racecourse campus
    hotel inn theatre theater cemetery graveyard plantation gardens lagoon reserve forest zoo museum
    library university college school institute academy farm farms estate club circuit
""".split())


# verbs whose object is a place in conflict reporting: "shelled Kafr Shamsin", "entered Rastan"
PLACE_OBJECT_VERBS = {"shell", "bomb", "strike", "attack", "raid", "storm", "capture", "seize", "enter",
                      "overrun", "retake", "recapture", "besiege", "encircle", "target", "pound", "occupy",
                      "reach", "liberate", "evacuate", "flee", "abandon", "bombard", "invade", "surround"}


# nouns of force whose "of", "on" or "against" names the place it fell on: "the bombardment of
# Kherson" (which the NER may call a person), "the siege of Mariupol", "an assault on Bakhmut"
PLACE_OBJECT_NOUNS = {"bombardment", "shelling", "siege", "capture", "fall", "liberation", "recapture",
                      "occupation", "bombing", "invasion", "encirclement", "evacuation", "storming",
                      "seizure", "attack", "assault", "offensive", "strike", "strikes", "raid", "raids",
                      "airstrike", "airstrikes", "battle", "blockade"}


def _locative(sp: Span) -> bool:
    """After a locative preposition ("in Khayelitsha", "from Misrata", "at Barclays Center"), or
    the object of a verb that acts on places ("shelled Kafr Shamsin", "captured Saraqib"), or the
    town a road is named after ("blocked the Jounieh highway": the road runs to it; the span is
    a modifier, the event's place only where nothing else is named)."""
    doc = sp.doc
    if sp.end < len(doc) and doc[sp.end].lower_ in TOWN_ROADS and sp.start > 0 and doc[sp.start - 1].lower_ == "the":
        return True
    t = sp.root
    while t.dep_ in ("conj", "appos", "compound") and t.head != t:
        t = t.head
    if t.dep_ == "dobj" and t.head.lemma_.lower() in PLACE_OBJECT_VERBS:
        return True
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ in NAMED_AS:
        return True  # "the city of Zabid", "the village of Kafr Nabl"
    if t.dep_ == "pobj" and t.head.lower_ in ("of", "on", "against") and t.head.head.pos_ == "NOUN" and \
            t.head.head.lemma_.lower() in PLACE_OBJECT_NOUNS:
        return True  # "the bombardment of Kherson", "an assault on Bakhmut"
    return t.dep_ == "pobj" and t.head.lower_ in LOCATIVE_PREPS


# Roads the press names after the town they lead to or pass: "the X highway", "the X roundabout".
TOWN_ROADS = frozenset({"highway", "road", "roundabout", "bridge", "motorway"})


# Nouns for a kind of place whose "of" names one: "the village of Umm Batnah", "the suburb of X".
# ("the outskirts of X" too: X is the place it surrounds; not "part of X", which may be anything)
NAMED_AS = frozenset(SETTLEMENT_WORDS | PROVINCE_WORDS | SURROUNDS - {"part", "parts"} | {
    "suburb", "neighbourhood", "neighborhood", "subdistrict", "island", "hamlet", "camp"})


def _named_as(sp: Span) -> bool:
    """The name after "the village of", "the suburb of" ...: the text says it is a place of that
    kind, whether or not the gazetteer has it."""
    t = sp.root
    return t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ in NAMED_AS \
        and t.head.head.i == t.head.i - 1


# "in Idlib, Hama and Latakia governorates": a plural division word closing a list of names
PLURAL_DIVISIONS = frozenset(w + "s" for w in DIVISION_WORDS)


def _district_said(doc: Doc, sp: Span) -> bool:
    """The name is followed by a word for a district: "Maywand district", "Gwoza LGA"."""
    return sp.end < len(doc) and doc[sp.end].lower_ in DISTRICT_WORDS


def _listed_divisions(doc: Doc, pairs: list, i: int) -> str | None:
    """The plural division word that closes the list name i is in ("in Idlib, Hama and
    Latakia governorates", "Kharkiv and Sumy regions"): each of them is a division. Else None."""
    j, k = pairs[i][0].span.end, i + 1
    while j < len(doc):
        if doc[j].lower_ in PLURAL_DIVISIONS:
            return doc[j].lower_
        if doc[j].text in (",", "&") or doc[j].lower_ == "and":
            j += 1
        elif k < len(pairs) and pairs[k][0].span.start == j:
            j, k = pairs[k][0].span.end, k + 1
        else:
            return None
    return None


def _division_after(doc: Doc, sp: Span, after: tuple[Hit, list[Candidate]]) -> bool:
    """Whether the name after `sp` is a division or a country written to say where `sp` is:
    "Aintree, Merseyside", "Gleneagles (Perthshire)"; not a town ("Lancaster" has a county of its
    name), nor the start of an aside ("the Chamber (Chile's lower house)")."""
    h, cands = after
    if doc[sp.end].text not in (",", "(") or h.span.end >= len(doc):
        return False
    if doc[sp.end].text == "(" and doc[h.span.end].text not in (")", ","):
        return False
    exact = [c for c in cands if c.match in ("exact", "folded")]
    return not any(c.feature == "city" for c in exact) and any(
        c.feature in ("admin1", "county", "country", "region") for c in exact)


def _like_the_list(doc: Doc, pairs: list, options: list[list[Candidate]], chosen: list) -> None:
    """A name in a list of states is the state: "Utah, Colorado, Idaho and Washington" (not the
    capital), as a name in a list of countries is the country. Changes `chosen` in place."""
    def listed(a: int, b: int) -> bool:
        between = doc[pairs[a][0].span.end:pairs[b][0].span.start].text.strip().lower()
        return between in (",", "and", ", and", "or", ", or")
    for i, best in enumerate(chosen):
        if best is None or best.feature != "city" or qualifier(doc, pairs, i):
            continue  # "Washington, D.C.": the district qualifies the city, it is no list
        near = [chosen[k] for k in (i - 1, i + 1) if 0 <= k < len(chosen) and chosen[k] is not None
                and listed(min(i, k), max(i, k))]
        kinds = {(c.feature, c.country_code) for c in near}
        if len(kinds) != 1 or next(iter(kinds))[0] not in ("admin1", "country"):
            continue
        feature, cc = next(iter(kinds))
        same = [c for c in options[i] if c.feature == feature and c.country_code == cc and c.match != "skeleton"]
        if same:
            chosen[i] = same[0]


# Words that make a town's name a football club's: "Hull City", "Oxford United", "Wycombe
# Wanderers" (the NER often tags the town alone).
CLUB_WORDS = frozenset("city united fc afc rovers wanderers athletic albion hotspur rangers".split())


def _club(sp: Span, gaz: Gazetteer) -> bool:
    """Whether the place names a club: followed by a capitalised club word, the two no place's
    name ("Stoke City" is a team; "Panama City", "Quezon City" are places)."""
    doc = sp.doc
    if sp.end >= len(doc) or not doc[sp.end].is_title or doc[sp.end].lower_ not in CLUB_WORDS:
        return False
    return not any(c.match in ("exact", "folded") for c in gaz.candidates(doc[sp.start:sp.end + 1].text, limit=5))


def is_dateline(sp: Span) -> bool:
    """A place opening a paragraph as a dateline, in any case: "Muscat: The ...", "Hanoi (VNA) –",
    "Moscow, SANA- ...", "MANILA, Philippines –" (after a caption). Where the story was filed."""
    doc, i, j = sp.doc, sp.start, sp.end
    para = i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_ or sp.text.isupper() and sp[0].is_sent_start
    if not para or j >= len(doc):
        return False
    if doc[j].text in (":", "—", "–", "--") or doc[j].text == "(" and j + 2 < len(doc) and doc[j + 2].text == ")":
        return True
    # "Moscow, SANA-", "MANILA, Philippines –": a comma, one or two names, then a dash
    return doc[j].text == "," and any(t.text in ("—", "–", "-", "--") or t.text.endswith("-")
                                      for t in doc[j + 1:j + 4])


def _placed(sp: Span) -> bool:
    """Whether a name the gazetteer lacks reads as a place: after a locative preposition, or
    ending in a word like Street or District, or opening with one like Lake or Cape. Else an
    unknown GPE is usually a firm or a person."""
    return sp[-1].lower_ in PLACE_WORDS or facility(sp) or _locative(sp)


