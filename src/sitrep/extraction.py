"""The one place where a parsed article becomes Event and PlaceMention objects.

Order of work: toponyms (with the article's focus country) -> actor context (lead armed
actor, abbreviations) -> triggers per sentence -> arguments, date, modality, attribution,
type -> article-level passes (an unattributed air strike takes the air force named for
the strikes beside it; a follow-up sentence about the same attack adds its casualties
instead of making a new event; an event told twice is kept once).

A paragraph keeps its time frame and its place: an undated sentence happens on the
date the paragraph last gave, and an event with no place of its own happens where the
paragraph's last event did. History is not news: an event dated well before publication
or only to a year, and the undated sentence after one opened in history, are not coded.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .actors.abbreviations import by_scene, introduced
from .actors.conventions import front_course, theatre
from .actors.kb import ActorKB
from .actors.people import read_people
from .actors.resolve import ArticleActors, lead_armed_actor
from .actors.vocab import AGENTS
from .events.clues import outlaw_victim, protest_words, weapon_of
from .events.coding import ARMED_VICTIMS, CIVILIAN_VICTIMS, TriggerContext, code_event
from .events.confidence import article_style, confidence
from .events.dates import (
    ResolvedDate,
    clause_offset,
    is_background,
    mend_dates,
    narrated_offset,
    resolve_date,
    shifted,
)
from .events.detect import Trigger, find_triggers, past_perfect
from .events.fatalities import fatalities_in
from .events.followups import PROTESTERS, answered, crowd_conduct, to_riot
from .events.frames import lemma_of, place_like
from .events.lexicon import Lexicon
from .events.location import LocationFinder
from .events.merge import LETHAL_TYPES, crowd_first, drop_subsumed, drop_vague_repeats, one_per_place_day
from .events.modality import attribution_of, licensing_verb, modality_of, refused, speaker_heads
from .events.notes import make_notes, with_notes
from .events.roles import actors_for, date_for, resolve
from .events.vocab import COMMENTING, HELD_GROUND
from .models import Actor, Article, ControlStatement, Event, Location, PlaceMention
from .nlp.long import parse
from .nlp.views import sent_ents
from .places.gazetteer import Gazetteer
from .places.resolve import find_toponyms

__all__ = ["Resources", "extract_article", "extract_with_statements"]

# what only a state's forces do: a state named as their subject means its military
FORCE_MOVES = {"deploy", "deployment", "withdraw", "withdrawal", "base", "advance"}
VIOLENT = {"air_attack", "shelling", "explosive", "attack", "kill", "clash", "takeover", "advance",
           "lose_control", "withdraw", "destroy", "deploy", "shooting", "sexual", "withdrawal"}
# what is done to things in an attack: told "in the attack", part of it
DAMAGE = {"destroy", "riot", "steal"}
# the sub-type a definite noun points back to ("killed in the strike"); other nouns, any violence
NOUN_SUB_TYPES = {"air_attack": "Air/drone strike", "shelling": "Shelling/artillery/missile attack"}
# the perpetrator ACLED records when a report names none: "Unidentified Armed Group (X)"
UNIDENTIFIED_OK = {"Attack", "Abduction/forced disappearance", "Remote explosive/landmine/IED", "Shelling/artillery/missile attack",
                   "Armed clash", "Grenade", "Suicide bomb", "Sexual violence"}
ARMED_GROUPS = {"Rebel group", "Political militia", "Identity militia"}
COOPERATIVE = {"RETREAT", "AID", "CONCEDE", "COOPERATE", "SUPPORT", "CONSULT", "AGREE"}
# ACLED codes arrests only when they are politically significant or en masse; an arrest
# at a protest is the protest's intervention, and a suspect's arrest after a crime is not news
POLITICAL_ARRESTEES = {"activist", "activists", "journalist", "journalists", "opposition", "leader",
                       "leaders", "politician", "politicians", "protesters", "demonstrators", "dissident",
                       "dissidents", "lawyer", "lawyers", "blogger", "bloggers", "candidate", "candidates",
                       "mp", "mps", "lawmaker", "lawmakers", "students", "unionists", "members", "supporters",
                       "critics", "reporter", "reporters", "editor", "cleric", "clerics", "minister",
                       "mayor", "governor", "commander", "officials", "organisers", "organizers"}
INTERVENE = {"intervene", "detain", "remove", "prevent", "drag", "disperse", "evict", "stop", "block",
             "arrest", "push", "break", "move"}
# developments that, after violence in the same paragraph, are its aftermath
AFTERMATH = {"Arrests", "Disrupted weapons use", "Other", "Non-violent transfer of territory"}
CROWD_FORCE = {"kill", "beat", "lynch", "attack", "stone", "burn", "torch", "pelt", "throw", "hurl", "clash"}
FORCE = {"shot", "shoot", "shooting", "fired", "fire", "opened", "killed", "killing", "beat", "beaten",
         "wounded", "injured", "injuring", "bullets"}
GENERIC_SOURCES = {"monitor", "war monitor", "the monitor", "observatory", "agency", "news agency",
                   "the agency", "watchdog", "rights group"}


@dataclass
class Resources:
    """Heavy objects built once per process and shared by every article."""

    nlp: Language
    gazetteer: Gazetteer
    kb: ActorKB
    lexicon: Lexicon


# A printed paragraph holds a few sentences. In a text with no line breaks (a scraped page, a
# feed run together) what a paragraph established lasts this many sentences, so that a date, a
# place or an event is not carried from one story of the article into another.
FRAME_SENTENCES = 3


@dataclass
class _Paragraph:
    """What a paragraph has established in its last few sentences: a date, a place, events."""

    index: int = -1
    sentence: int = 0  # the sentence being read, counted from the paragraph's first
    dated: tuple[int, ResolvedDate | None] = (0, None)  # (sentence, date) last established
    placed: tuple[int, Location | None] = (0, None)
    told: list[tuple[int, int]] = field(default_factory=list)  # (sentence, event position)
    # the events of the paragraph before, for a toll told in a paragraph of its own ("Ten
    # people were killed, he said."): they never make this paragraph's frame
    before: list[tuple[int, int]] = field(default_factory=list)

    def _recent(self, at: int) -> bool:
        return self.sentence - at < FRAME_SENTENCES

    @property
    def date(self) -> ResolvedDate | None:
        return self.dated[1] if self._recent(self.dated[0]) else None

    @date.setter
    def date(self, value: ResolvedDate | None) -> None:
        self.dated = (self.sentence, value)

    @property
    def location(self) -> Location | None:
        return self.placed[1] if self._recent(self.placed[0]) else None

    @location.setter
    def location(self, value: Location | None) -> None:
        self.placed = (self.sentence, value)

    @property
    def events(self) -> list[int]:
        """Positions of the events told in the frame's recent sentences, in order."""
        # the sentence count only grows, so an event out of the frame never comes back into
        # it: dropping those keeps a long unbroken text from rescanning all its events
        self.told = [(at, i) for at, i in self.told if self._recent(at)]
        return [i for _, i in self.told]

    @property
    def events_before(self) -> list[int]:
        """Positions of the previous paragraph's events told in the frame's recent sentences."""
        return [i for at, i in self.before if self._recent(at)]

    def add(self, position: int) -> None:
        self.told.append((self.sentence, position))


if not Token.has_extension("sitrep_place"):
    Token.set_extension("sitrep_place", default=False)


def _victim_window(t: Token) -> set[str]:
    """Who was hit, read off the words beside the verb where the parse lost its object
    ("killed 4 IS militants", with "IS" taken for a verb): the noun phrase after an active
    verb, the one before a passive one ("1 security personnel was shot and killed by")."""
    passive = any(c.dep_ == "auxpass" for c in t.children) or (t.tag_ == "VBN" and t.dep_ == "conj")
    out: set[str] = set()
    if passive:
        for x in reversed(t.doc[max(t.sent.start, t.i - 8):t.i]):
            if x.text in (",", ";") or x.ent_type_ == "DATE":
                break
            out.add(x.lower_)
    else:
        for x in t.doc[t.i + 1:min(t.sent.end, t.i + 7)]:
            if x.pos_ in ("ADP", "PUNCT", "VERB") and x.lower_ not in ("of", "is"):
                break
            out.add(x.lower_)
    return out


def _said_where_told(evs: list[Event], iso2_to_3: dict[str, str]) -> list[Event]:
    """A speaker's words of one day are said where the article tells that the speaker spoke, met
    or visited that day ("Erdoğan was speaking at Chatham House in London", "Abadi visited Mosul"):
    statements placed only at the speaker's own country (no place told) take that place."""
    venues: dict[tuple[str | None, str | None], Location] = {}
    for e in evs:
        if e.event_type is None and e.actor1 and e.location and e.location.precision < 3:
            venues.setdefault((e.actor1.id, e.event_date), e.location)
    out = []
    for e in evs:
        key = (e.actor1.id if e.actor1 else None, e.event_date)
        if e.event_type is None and e.actor1 and e.location and e.location.precision == 3 and key in venues \
                and iso2_to_3.get(e.location.country_code or "") == e.actor1.country:
            e = replace(e, location=venues[key])
        out.append(e)
    return out


def _officials_leaving(t: Token) -> bool:
    """"Another senior official joined the exodus": officials leave posts, they do not flee."""
    verb = t.head if t.dep_ in ("dobj", "pobj") else t
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in AGENTS for c in verb.children)


def _event_id(article_id: str, start: int, trig: int, label: str) -> str:
    return hashlib.sha1(f"{article_id}|{start}|{trig}|{label}".encode()).hexdigest()[:16]


def _back_reference(names: list[str], named: list[str]) -> list[str]:
    """'the monitor said': the monitor the article named before."""
    return [named[-1] if n.lower() in GENERIC_SOURCES and named else n for n in names]


def extract_article(article: Article, res: Resources, doc: Doc | None = None) -> tuple[list[Event], list[PlaceMention]]:
    """Events and place mentions of one article."""
    events, mentions, _ = extract_with_statements(article, res, doc)
    return events, mentions


def extract_with_statements(article: Article, res: Resources, doc: Doc | None = None
                            ) -> tuple[list[Event], list[PlaceMention], list[ControlStatement]]:
    """Events and place mentions of one article, and its statements of control: the sentences
    that told no event but say who holds a place (a standing situation, evidence of control)."""
    from .control.statements import read_statements

    kb, gaz = res.kb, res.gazetteer
    doc = doc if doc is not None else parse(res.nlp, article.text)
    mend_dates(doc)
    # a report of one front line's monitor or armed group is in the divisions the line runs through
    named = {e.ent_id_ for e in doc.ents if e.ent_id_}
    toponyms, focus2 = find_toponyms(doc, gaz, kb.ruler_countries(), set(kb.capitals), kb.demonyms,
                                     theatre=theatre(article.text, named, article.published),
                                     front=front_course(article.text, named, article.published))
    for tp in toponyms:
        for tok in tp.span:
            tok._.sitrep_place = True
            tok._.sitrep_country = tp.candidate is not None and tp.candidate.feature == "country"
    focus3 = kb.iso2_to_3.get(focus2 or "")
    places: dict[str, set[str]] = {}
    for tp in toponyms:
        c = tp.candidate
        if c is not None and tp.role == "location" and c.feature != "country" and c.country_code:
            places.setdefault(kb.iso2_to_3.get(c.country_code, ""), set()).add(c.name)
    own = introduced(article.text, kb)
    abbreviations = {**by_scene(article.text, kb, focus3, own, article.published), **own}
    ctx = ArticleActors(kb=kb, published=article.published, focus=focus3,
                        lead_armed=lead_armed_actor(article.text, kb, abbreviations),
                        abbreviations=abbreviations,
                        place_votes={iso: len(v) for iso, v in places.items() if iso})
    ctx.people = read_people(doc, ctx)
    iso3_to_2 = {v: k for k, v in kb.iso2_to_3.items()}
    names2 = {iso3_to_2[s.iso3]: s.name for s in kb.states.values() if s.iso3 in iso3_to_2}

    def demonym_country(text: str) -> list[str]:
        return [iso3_to_2.get(iso, "") for _, _, iso, how in kb.find_states(text) if how == "demonym"]

    builder = _Builder(article, res, ctx, LocationFinder(toponyms, gaz, names2, focus2, demonym_country),
                       {s.lower() for s in kb.sources})
    for sent in doc.sents:
        if sent.text.strip():
            builder.sentence(sent)
    events = builder.finish()
    told = {e.span[0] for e in events}
    quiet = [s for s in doc.sents if s.text.strip() and s.start_char not in told]
    statements = read_statements(quiet, toponyms, ctx, article.id, article.published)
    return events, [t.mention(article.id) for t in toponyms], statements


class _Builder:
    """Builds an article's events sentence by sentence, keeping the paragraph's frame."""

    def __init__(self, article: Article, res: Resources, ctx: ArticleActors,
                 finder: LocationFinder, sources: set[str]) -> None:
        self.article, self.res, self.ctx, self.finder, self.sources = article, res, ctx, finder, sources
        self.events: list[tuple[tuple, Event]] = []
        self.para = _Paragraph()
        self.named_sources: list[str] = []
        self.ante: Actor | None = None
        self.pub = date.fromisoformat(article.published) if article.published else None
        self._lines = (0, 0)  # (offset, line breaks before it): sentences come in text order
        self._outlaw: bool | None = None
        self._told: int | None = None  # the position of the event a trigger's "the attack" points to
        self._same_hands: dict[str, str] = {}  # event id -> the id of the attack "the attack" told before
        self.story_date: ResolvedDate | None = None  # the last day the article set an event on
        self.lead: Event | None = None  # the first paragraph's dated event: the story's news
        self._first_paragraph: int | None = None

    def _paragraph_index(self, offset: int) -> int:
        """Line breaks before `offset`, counted on from the last sentence's (not from the
        start of the text each time, which made long texts quadratic)."""
        at, count = self._lines
        if offset < at:
            at, count = 0, 0
        count += self.article.text.count("\n", at, offset)
        self._lines = (offset, count)
        return count

    def _outlaw_victim(self) -> bool:
        """Whether the report tells a victim's criminal past: read once per article."""
        if self._outlaw is None:
            self._outlaw = outlaw_victim(self.article.text)
        return self._outlaw

    def sentence(self, sent: Span) -> None:
        index = self._paragraph_index(sent.start_char)
        if self._first_paragraph is None:
            self._first_paragraph = index
        if index != self.para.index:
            # news prints a sentence or two a paragraph: the place told lately carries
            # over the break, for as many sentences as within a paragraph; its date and events do not
            old = self.para
            self.para = _Paragraph(index, old.sentence, placed=old.placed, before=old.told)
        self.para.sentence += 1
        text = sent.text.rstrip()
        span = (sent.start_char, sent.start_char + len(text))
        self._sentence_date(sent)
        made = 0
        for tr in find_triggers(sent, self.res.lexicon):
            ev, own_place, own_date = self._build(tr, sent, text, span)
            if ev is None:
                continue
            if self._told is not None and (ev.actor1 is None or ev.actor1.name.startswith("Unidentified")):
                self._same_hands[ev.id] = self.events[self._told][1].id
            if self._when_retold(ev, tr.token) or self._retold(ev) or self._elaborates(ev, own_place, own_date) or self._force_on_protest(ev, sent) or \
                    self._aftermath(ev, own_date) or answered(self.events, self.para.events, ev, tr.token) or \
                    crowd_conduct(self.events, self.para.events, ev, tr, self.ctx):
                continue
            made += 1
            if ev.location and (ev.location.precision < 3 or ev.location.admin1 is not None):
                # a town or a province sets the scene; a country does not
                self.para.location = ev.location
            if ev.actor1 and ev.actor1.kind not in ("Rioters", "Protesters", "Civilians"):
                self.ante = ev.actor1  # a crowd is "they", never "it said"
            for k, one in enumerate(self._per_place(ev)):
                self.para.add(len(self.events))
                self.events.append(((span[0], len(list(tr.token.ancestors)), tr.token.i, k), one))
        if not made:
            self._casualties_only(sent)
        self._intervention(sent)

    def _per_place(self, ev: Event) -> list[Event]:
        """One event per place, as ACLED codes it; reported fatalities are split among them."""
        others = [loc for loc in self.finder.conjoined if ev.event_type]
        if not others:
            return [ev]
        n = len(others) + 1
        share = [None] * n if ev.fatalities is None else \
            [ev.fatalities // n + (1 if i < ev.fatalities % n else 0) for i in range(n)]
        out = [replace(ev, fatalities=share[0])]
        for i, loc in enumerate(others, 1):
            out.append(replace(ev, location=loc, fatalities=share[i],
                               id=_event_id(ev.article_id, ev.span[0], i, f"{ev.id}|{loc.geonameid}")))
        return out

    def _sentence_date(self, sent: Span) -> None:
        """'On 9 May 2020, ...' opening a sentence sets the paragraph's date, even when the
        sentence itself holds no event ('On 7 May, in Beni, a trader was ...; ... shot')."""
        if not self.article.published:
            return
        for ent in sent_ents(sent):
            if ent.label_ == "DATE" and ent.start - sent.start <= 2:
                d = resolve_date(ent.text, self.article.published)
                if d is not None:
                    # a paragraph opened in history ("In 2014, ...") stays there
                    self.para.date = self.story_date = d
                return

    def _told_before(self, tr: Trigger) -> int | None:
        """The position of the violent event told before that a definite noun of the trigger
        points back to ("the attack", "in the strike", "this ambush"), or None."""
        # the trigger's own noun, or the one it happened in ("killed in the strike"; not "after the
        # attack", which is another happening)
        verbs = [tr.token, *(c for c in tr.token.children if c.dep_ == "conj")]  # "burned ... and took ... during"
        nouns = [x for x in (tr.token, *tr.merged, *tr.token.children, *(g for v in verbs for c in v.children
                                                                          if c.dep_ == "prep" and c.lower_ in ("in", "during")
                                                                          for g in c.children))
                 if x.pos_ == "NOUN" and self.res.lexicon.nouns.get(x.lower_) in VIOLENT]
        # "the attack", and the attack a group "claimed responsibility for", told before
        named = [x for x in nouns if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in x.children)
                 or x.head.lower_ == "for" and x.head.head.lower_ == "responsibility"]
        if not named:
            return None
        # "the strike" is the air strike told before, "the shelling" the shelling; "the attack" any
        sub = NOUN_SUB_TYPES.get(self.res.lexicon.nouns.get(named[0].lower_, ""))
        fits = [i for i, (_, e) in enumerate(self.events) if e.event_type in LETHAL_TYPES and sub in (None, e.sub_event_type)]
        if not fits:
            return None
        # of the sentence that told it last, its main event (a counter-attack told beside it is not it)
        last = self.events[fits[-1]][0][0]
        return min((i for i in fits if self.events[i][0][0] == last), key=lambda i: self.events[i][0])

    def _when_retold(self, ev: Event, t: Token) -> bool:
        """"When militants took over the city on Friday, they went to the radio station": a
        time clause that tells again what the report told (its sub-type, at its place) is the
        setting of the news, not news."""
        clause = next((x for x in (t, *t.ancestors) if x.dep_ in ("advcl", "ccomp", "relcl", "ROOT")), t)
        if clause.dep_ != "advcl" or not any(c.dep_ == "advmod" and c.lower_ == "when" for c in clause.children):
            return False
        place = ev.location.place_key if ev.location else None
        return any(e.sub_event_type == ev.sub_event_type and e.location is not None and e.location.place_key == place
                   for _, e in self.events)

    def _retold(self, ev: Event) -> bool:
        """'Ten people had been killed in the strike': the strike told before, on its day and at
        its place, told again; its toll goes to it."""
        if self._told is None:
            return False
        key, told = self.events[self._told]
        # its day, and its place or none of its own ("claimed responsibility for the attack")
        placed = ev.location is None or ev.location.admin1 is None or (
            told.location is not None and ev.location.place_key == told.location.place_key)
        same = told.event_date == ev.event_date and placed and (
            ev.sub_event_type == told.sub_event_type or ev.location is None or ev.location.admin1 is None)
        if same:  # what the retelling adds: who did it, how many died
            self.events[self._told] = (key, replace(told, actor1=told.actor1 or ev.actor1,
                                                    fatalities=told.fatalities or ev.fatalities))
        return same

    def _elaborates(self, ev: Event, own_place: bool, own_date: bool) -> bool:
        """'Three soldiers were wounded.' after an attack told just before: the same attack.
        Its casualties go to that event; no new event is made."""
        if ev.actor1 is not None or own_place or own_date or ev.event_type not in LETHAL_TYPES:
            return False
        # across a paragraph break only a toll ("Ten people were killed, he said.")
        for i in reversed(self.para.events or (self.para.events_before if ev.fatalities else [])):
            prev = self.events[i][1]
            if prev.event_type in LETHAL_TYPES:
                # a toll already shared among the places of one telling is not told again
                counted = any(e.fatalities for k, e in self.events if k[0] == self.events[i][0][0])
                if ev.fatalities and not counted:
                    self.events[i] = (self.events[i][0], replace(prev, fatalities=ev.fatalities))
                return True
        return False

    def _aftermath(self, ev: Event, own_date: bool) -> bool:
        """'Police seized a pistol and drugs.', '16 people were arrested.', 'The assailants also
        looted households.' after a clash, a riot or an attack told in the same paragraph: what
        followed that event belongs to it (ACLED codes the one event), it is no new development."""
        if ev.sub_event_type not in AFTERMATH:
            return False
        for i in reversed(self.para.events):
            prev = self.events[i][1]
            if prev.event_type in LETHAL_TYPES:
                return not own_date or prev.event_date == ev.event_date
        return False

    def _force_on_protest(self, ev: Event, sent: Span) -> bool:
        """'At the rally, militiamen fired on the crowd and killed a student': force used on the paragraph's
        protest is that protest's sub-type (ACLED codes one event), not a second, violent event."""
        if ev.event_type not in ("Battles", "Violence against civilians", "Explosions/Remote violence") and \
                ev.sub_event_type != "Excessive force against protesters":
            return False
        words = {t.lower_ for t in sent}
        if not words & PROTESTERS or not words & FORCE:
            return False
        lethal = words & {"killed", "killing", "dead", "live", "bullets", "wounded", "injured", "injuring"} and \
            not words & {"rubber", "warning"}
        # "demonstrators killed a suspect", "youths clashed with the forces, who fired live rounds":
        # the crowd's own violence makes the protest a violent demonstration
        rioting = words & {"clash", "clashed", "clashes", "stones", "stoned", "pelted", "torched"} or any(
            c.dep_ == "nsubj" and c.lower_ in PROTESTERS | {"youths", "rioters"} and
            {lemma_of(v) for v in (c.head, *c.head.conjuncts)} & CROWD_FORCE for c in sent)
        # every protest of the paragraph: "During the protest, ..." names the one told before
        found = False
        for i in self.para.events:
            key, prev = self.events[i]
            if prev.sub_event_type == "Violent demonstration":
                found = True  # force met a riot told before: ACLED codes the riot
            elif prev.event_type == "Protests":
                found = True
                if rioting:
                    self.events[i] = (key, to_riot(prev, ev, self.ctx))
                elif prev.sub_event_type != "Excessive force against protesters":
                    sub = "Excessive force against protesters" if lethal else "Protest with intervention"
                    self.events[i] = (key, replace(prev, sub_event_type=sub,
                                                   fatalities=prev.fatalities or ev.fatalities))
        return found

    def _intervention(self, sent: Span) -> None:
        """'Police stepped in and pushed the marchers back': the paragraph's protest met intervention."""
        forces = {"police", "policemen", "gendarmes", "guards", "security", "forces", "troops", "soldiers"}
        acted = any(t.pos_ == "VERB" and t.lemma_.lower() in INTERVENE and
                    any(c.dep_ in ("nsubj", "agent") and {x.lower_ for x in c.subtree} & forces for c in t.children)
                    for t in sent)
        if not acted:
            return
        for i in reversed(self.para.events):
            key, prev = self.events[i]
            if prev.event_type == "Protests":
                if prev.sub_event_type == "Peaceful protest":
                    self.events[i] = (key, replace(prev, sub_event_type="Protest with intervention"))
                return

    def _casualties_only(self, sent: Span) -> None:
        """'2 fatalities.', 'The victim died.': a count for the paragraph's last violent event."""
        n = fatalities_in(sent)
        if n is None:
            return
        for i in reversed(self.para.events):
            key, prev = self.events[i]
            if prev.event_type in LETHAL_TYPES:
                if not prev.fatalities:
                    self.events[i] = (key, replace(prev, fatalities=n))
                return

    def _build(self, tr: Trigger, sent: Span, text: str, span: tuple[int, int]
               ) -> tuple[Event | None, bool, bool]:
        ctx, res, t = self.ctx, self.res, tr.token
        violent = tr.cls in VIOLENT
        roles = actors_for(t, tr.cls, tr.noun, ctx, violent, self.ante, tr.merged)
        a1 = roles.actor1.actor if roles.actor1 else None
        if tr.cls in FORCE_MOVES and a1 is not None and a1.id and a1.id.endswith("-government"):
            a1 = ctx.actor(a1.id, violent=True)  # "Turkey conducted a patrol": its forces did
        movers = {x.lower_ for c in t.children if c.dep_ == "nsubj" for x in c.subtree}
        troops = bool(movers & {"convoy", "convoys", "column", "columns", "reinforcements", "troops",
                                "vehicles", "military", "forces", "soldiers", "fighters", "militants"})
        if tr.cls == "advance" and (a1 is None and not troops or a1 is not None and
                                    a1.kind in ("Civilians", "Protesters") or
                                    any(c.dep_ == "nsubj" and (c.ent_type_ == "PERSON" or c.lower_ in ("he", "she", "i"))
                                        for c in t.children)):
            return None, False, False  # "Assad arrived in Moscow" is travel, not an advance
        a2 = roles.actor2.actor if roles.actor2 else None
        assoc = list(roles.actor1.assoc) if roles.actor1 else []
        if tr.cls == "kill" and a1 is not None and a1.kind == "Civilians":
            a1 = None  # "two people died ... and several more were injured": the people are its victims
        self._told = self._told_before(tr) if violent or tr.cls in DAMAGE else None
        told = self.events[self._told][1] if self._told is not None else None
        if told is not None and a1 is not None and told.actor1 is not None and a1.id != told.actor1.id:
            told = self._told = None  # another side's attack
        if told is not None:
            if tr.cls in DAMAGE:
                # "houses were destroyed in the strike", "burned vehicles during the assault": its damage
                return None, False, False
            # "The attack took place on Friday in Deou", "killed in the strike": the attack the
            # report told before, by the same hands
            a1, a2, assoc = a1 or told.actor1, a2 or told.actor2, assoc or list(told.assoc_actors)
        if tr.cls == "disperse":
            # ACLED codes the protesters as actor1 and the force that broke them up as actor2
            a1, a2 = a2 or ctx.actor(f"protesters-{ctx.focus or ''}".rstrip("-")), a1
        if tr.cls in ("consult", "talks", "agree") and a2 is None and assoc:
            a2 = assoc.pop(0)  # "the foreign ministers of Turkey, Iran and Russia are to meet"
        actor_iso2 = next((k for k, v in ctx.kb.iso2_to_3.items() if a1 and v == a1.country), None)
        loc = self.finder.find(t, tr.cls, sent, actor_iso2, self.para.location)
        conjoined = self.finder.conjoined
        for m in tr.merged:  # one happening told with two words: the more precise place wins
            other = self.finder.find(m, tr.cls, sent, actor_iso2, self.para.location)
            if other is not None and (loc is None or other.precision < loc.precision):
                loc, conjoined = other, self.finder.conjoined
        self.finder.conjoined = conjoined
        own_place = loc is not None and loc is not self.para.location
        loc_iso3 = ctx.kb.iso2_to_3.get(loc.country_code) if loc and loc.country_code else None
        d = date_for(t, sent, self.article.published)
        offset = clause_offset(t)
        if offset is not None and self.pub:
            # "three days after militants stormed the checkpoint": that long before its main clause
            anchor, days, offset_precision = offset
            base = date_for(anchor, sent, self.article.published) or self.para.date or \
                ResolvedDate(self.pub.isoformat(), "day")
            d = shifted(base, days, offset_precision)
        later = narrated_offset(t) if d is None else None
        if later is not None:
            # "three weeks later": counted from the time the story told last, not from its day; with
            # no such time it goes on a past the article set without a day, and weeks or more after
            # it is no news of the report's own
            narrated = self.para.date or self.story_date
            d = shifted(narrated, *later) if narrated is not None else None
            if d is not None and self.pub and d.as_date > self.pub:
                d = None  # counted from a time of another thread of the story: it is not known
            if d is None and later[0] >= 7:
                return None, False, False
        if d and self.pub and is_background(d, self.pub):
            return None, False, False  # history told as background, not a new event
        own_date = d is not None
        if d is not None:
            self.para.date = self.story_date = d
        if d is None and self.pub and self.para.date and is_background(self.para.date, self.pub):
            if self.para.sentence - self.para.dated[0] <= 1:
                # the sentence after one opened in history goes on telling it ("In 2014 the group
                # swept across the north. Its fighters seized Mosul ..."); later ones need a day
                return None, False, False
            self.para.date = None
        if told is not None and not own_date and told.event_date and told.date_precision:
            d = ResolvedDate(told.event_date, told.date_precision)  # "killed in the strike": its day
        d = d or self.para.date
        ev_date = d.date if d else self.article.published
        precision = d.precision if d else ("day" if self.article.published else None)
        attribution = _back_reference(attribution_of(t, self.sources), self.named_sources)
        speakers = [resolve(h, ctx, violent, None) for h in speaker_heads(t)]
        self_claim = a1 is not None and any(
            r and (r.actor.id == a1.id or (r.actor.country and r.actor.country == a1.country
                                           and a1.kind == "State forces")) for r in speakers)
        modality = modality_of(t, self_claim, bool(attribution), tr.xcomp_of)
        if not own_date and modality == "asserted" and past_perfect(t):
            # "the army had retaken the town", told in the report's own voice with no date: what
            # happened before the story, not news (a source's "said it had retaken" is news)
            return None, False, False
        self.named_sources.extend(a for a in attribution if a.lower() in self.sources)
        words = {x.lower_ for x in sent} | {x.lemma_.lower() for x in sent}
        if tr.cls == "protest":
            words = protest_words(t)
        clause_words = {x.lower_ for x in t.subtree} | {x.lower_ for m in tr.merged for x in m.subtree}
        subj = [c for c in t.children if c.dep_ == "nsubj"]
        clause_words |= {x.lower_ for s in subj for x in s.subtree}
        if t.head.lower_ in res.lexicon.weapons and t.head.i < t.i and t.head.tag_ in ("VBZ", "NNS", "NN"):
            clause_words.add(t.head.lower_)  # "junta airstrikes ... killed 16", the noun parsed as a verb
        # what was hit is no weapon: "strikes on 14 Houthi missiles", "an attack on artillery positions"
        hit = {x.lower_ for v in (t, *tr.merged) for p in v.children
               if p.dep_ == "prep" and p.lower_ in ("on", "against") for x in p.subtree}
        weapon = weapon_of(tr, clause_words - hit, words - hit, res.lexicon)
        if weapon == "Suicide bomb" and not ({x.lower_ for x in subj for x in x.subtree} | {
                c.lower_ for c in t.children} | {t.lower_}) & {"suicide", "self-detonated", "bomber", "bombers",
                                                                "himself", "herself", "themselves"}:
            # "troops shot one of the suicide bombers": a suicide bombing is the bomber's own blast
            weapon = None
        # who or what was hit: objects, passive subjects, and "fire on/at/against X"
        # the trigger, the words merged into it, and coordinated violent verbs ("shot and killed");
        # not "... and left warehouses burnt", whose object is no victim
        violent_verb = {w for w, c in res.lexicon.verbs.items() if c in ("kill", "attack", "clash")}
        verbs = [t, *tr.merged, *([t.head] if t.dep_ == "conj" and lemma_of(t.head) in violent_verb else []),
                 *[c for c in t.children if c.dep_ == "conj" and lemma_of(c) in violent_verb]]
        heads = [c for v in verbs for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
        heads += [o for v in (t, *heads) for p in v.children if p.dep_ == "prep" and p.lower_ in ("on", "at", "against", "upon")
                  for o in p.children if o.dep_ == "pobj"]
        heads += [c for h in heads for c in h.conjuncts]
        # "a group of three men", "dozens of residents": the people counted
        heads += [o for h in heads if h.lower_ in ("group", "groups", "number", "dozens", "hundreds", "staff")
                  for p in h.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        # the heads of what was hit, and their modifiers ("a civilian vehicle", "a security officer")
        victims = frozenset([h.lower_ for h in heads] + [h.lemma_.lower() for h in heads] +
                            [c.lower_ for h in heads for c in h.children if c.dep_ in ("amod", "compound", "nummod")])
        subject = frozenset(x.lower_ for c in t.children if c.dep_ in ("nsubj", "agent") for x in c.subtree)
        if tr.noun:  # "a clash between the army and ELN members": the parties are its subject
            # ("a clash took place between ...": the parties may hang off the licensing verb)
            subject |= {x.lower_ for h in (t, t.head) for c in h.children
                        if c.dep_ == "prep" and c.lower_ in ("between", "among") for x in c.subtree}
        has_place = loc is not None and loc.precision < 3 if tr.cls not in ("withdraw", "withdrawal") else \
            any(x._.sitrep_place or x.lower_ in ("area", "city", "town", "positions") for x in t.subtree)
        if not victims & (ARMED_VICTIMS | CIVILIAN_VICTIMS):
            victims = victims | _victim_window(t)
        if any(place_like(h) for h in heads):
            victims = victims | {"<place>"}  # "attacked the village of X"
        if tr.cls in ("kill", "shooting", "attack") and self._outlaw_victim():
            victims = victims | {"<outlaw>"}
        etype, sub, plover = code_event(tr.cls, TriggerContext(
            a1, a2, weapon if tr.cls not in ("withdraw",) else None, words, tr.nonviolent, has_place, loc_iso3,
            t.lemma_.lower(), victims, subject, _withdrawn_from_place(t)))
        scene = ctx.scene(t.doc, loc_iso3)  # the geocoded country, unless the text disowns it
        country = scene or ctx.country(t.doc)
        if sub == "Arrests" and a1 is None and country:
            a1 = ctx.actor(f"{country}-police")  # "a blogger was arrested": the police arrest
        if etype in ("Protests", "Riots") and (a1 is None or a1.kind in ("Civilians", "Political militia",
                                                                         "Rebel group", "Identity militia")):
            # ACLED names the crowd; a party or group that leads it is an associate
            if a1 is not None and a1.kind != "Civilians":
                assoc.insert(0, a1)
            crowd = "rioters" if etype == "Riots" else "protesters"
            a1 = ctx.actor(f"{crowd}-{country or ''}".rstrip("-"))
        elif tr.cls == "protest" and not tr.noun and a1 is not None and a1.id and a1.id.endswith("-government"):
            etype, sub, plover = None, None, "ACCUSE"  # a government "protests": a complaint
        if etype in ("Protests", "Riots") and tr.cls in ("protest",) and not (
                a2 and a2.kind == "State forces" and not (a2.id or "").endswith("-government")):
            a2 = None  # what a protest is against is its grievance, not a second actor
        if modality == "planned" and etype is not None:
            # an announced operation is a statement of intent (PLOVER), not an ACLED event
            plover = "AGREE" if plover in COOPERATIVE else "THREATEN"
            etype = sub = None
        if modality == "negated" and a1 is not None and lemma_of(t) not in COMMENTING and (refused(t) or tr.noun and (
                (licence := licensing_verb(t)) is not None and refused(licence))):
            # "France said it would not repatriate them": a refusal is said, and that is the event
            plover, etype, sub, modality = "REJECT", None, None, "asserted"
        if sub == "Arrests" and not self._arrest_is_news(victims):
            return None, False, False
        if tr.cls in ("flee", "displacement") and (a1 is None or a1.kind == "Civilians") and \
                any(e.event_type in LETHAL_TYPES for _, e in self.events):
            # people fleeing in a report of violence are its toll, not news of their own; a
            # report of nothing but the flight (a note, a brief) is still an event
            return None, False, False
        if tr.cls in ("flee", "displacement") and (a1 is not None and a1.id and a1.id.endswith("-government") or
                                                   _officials_leaving(t)):
            return None, False, False  # "an official joined the White House exodus": no one fled
        if etype is None and (a1 is None or a1.kind == "Civilians"):
            return None, False, False  # a verbal event is a named speaker's, not anyone's words
        a1, a2 = ctx.in_scene(a1, scene), ctx.in_scene(a2, scene)
        speaker_iso2 = next((k for k, v in ctx.kb.iso2_to_3.items() if a1 and v == a1.country), None)
        fighting_at_home = a1 is not None and a1.kind in ARMED_GROUPS and loc is not None and \
            loc.country_code == speaker_iso2
        if etype is None and not fighting_at_home:
            # words are placed where they were said, not where they point; but an armed group's
            # call in its own war is made where it fights ("insurgents called on the people of Homs")
            loc = self.finder.said_at(t, speaker_iso2)
        if d is None and self.lead is not None and etype and sub == self.lead.sub_event_type and \
                a1 is not None and self.lead.actor1 is not None and a1.name == self.lead.actor1.name:
            # the lead's happening told in detail further down ("Jets bombed X village ..."): on
            # the lead's day, not the report's
            ev_date, precision = self.lead.event_date, self.lead.date_precision
        fatalities = fatalities_in(sent) if etype in LETHAL_TYPES else None
        label = sub or plover or tr.cls
        what = sub if sub else (plover or tr.cls).lower()
        ev = Event(
            id=_event_id(self.article.id, span[0], t.i, label), article_id=self.article.id,
            event_date=ev_date, date_precision=precision, event_type=etype, sub_event_type=sub,
            plover=plover, actor1=a1, actor2=a2, location=loc, fatalities=fatalities,
            modality=modality, text=text, span=span,
            notes=make_notes(ev_date, what, a1, a2, loc, modality, attribution, fatalities),
            assoc_actors=tuple(ctx.in_scene(a, scene) for a in assoc), attribution=tuple(attribution))
        if own_date and etype and self.lead is None and self.para.index == self._first_paragraph:
            self.lead = ev
        return ev, own_place, own_date

    def _arrest_is_news(self, arrested: frozenset[str]) -> bool:
        """Arrests at a protest make it a protest with intervention; others count when political."""
        at_protest = arrested & {"protesters", "demonstrators", "participants", "marchers", "people",
                                 "dozens", "hundreds", "several", "students", "some"} or \
            any(w.isdigit() for w in arrested)
        for i in reversed(self.para.events):
            key, prev = self.events[i]
            if prev.event_type == "Protests":
                if prev.sub_event_type == "Peaceful protest" and at_protest:
                    self.events[i] = (key, replace(prev, sub_event_type="Protest with intervention"))
                return False
        many = any(w.isdigit() and int(w) >= 10 for w in arrested) or arrested & {"dozens", "hundreds", "scores"}
        return bool(arrested & POLITICAL_ARRESTEES or many)

    def finish(self) -> list[Event]:
        """Article-level passes; events in article order, the main event of a sentence first."""
        evs = [e for _, e in sorted(self.events, key=lambda x: x[0])]
        kb = self.ctx.kb
        for i, e in enumerate(evs):
            if e.actor1 is None and e.sub_event_type == "Air/drone strike":
                # an unattributed air strike: the air force named for strikes beside it
                near = [o for o in evs[max(0, i - 2):i + 3] if o is not e and o.actor1
                        and o.sub_event_type == "Air/drone strike"]
                if near:
                    evs[i] = replace(e, actor1=near[0].actor1, assoc_actors=near[0].assoc_actors)
            elif e.actor1 is None and e.event_type:
                placed = kb.iso2_to_3.get(e.location.country_code) if e.location and e.location.country_code \
                    else self.ctx.focus
                iso = self.ctx.scene(self.article.text, placed)
                if e.sub_event_type in UNIDENTIFIED_OK or kb.has_convention(iso, e.event_date):
                    around = self.article.text[e.span[0]:e.span[1] + 200]  # actors/conventions.py
                    evs[i] = replace(e, actor1=self.ctx.unattributed(around, iso, e.event_date,
                                                                     e.location.name if e.location else None))
        by_id = {e.id: e for e in evs}
        for i, e in enumerate(evs):
            told = by_id.get(self._same_hands.get(e.id, ""))
            if told is not None and told.actor1 is not None and (e.actor1 is None or e.actor1.name.startswith("Unidentified")):
                # "The attack took place on Friday": by whoever the attack was found to be by
                evs[i] = replace(e, actor1=told.actor1, actor2=e.actor2 or told.actor2)
        evs = _said_where_told(evs, kb.iso2_to_3)
        evs = drop_vague_repeats(drop_subsumed(one_per_place_day(evs, self.article.text), self.article.text))
        evs = [crowd_first(e, self.ctx) for e in evs]
        out: list[Event] = []
        seen: dict[tuple, int] = {}
        for e in evs:
            # a town taken and villages "outside the city" taken are two happenings
            key = (e.sub_event_type or e.plover, e.actor1.id if e.actor1 else None,
                   (e.location.place_key, e.location.precision) if e.location else None,
                   e.actor2.id if e.actor2 else None, e.event_date)
            if e.event_type and e.actor1 and seen.get(key, e.span[0]) != e.span[0]:
                continue  # the same happening told again in a later sentence of the article
            seen.setdefault(key, e.span[0])
            if e.actor1 and e.actor2 and e.actor1.name == e.actor2.name:
                e = replace(e, actor2=None)  # "fighters on both sides", both read as the lead group
            out.append(e)
        style = article_style(self.article.text)
        return [with_notes(replace(e, confidence=confidence(e, style, self.article.published))) for e in out]


def _withdrawn_from_place(t: Token) -> bool:
    """'withdrew its troops from the villages', 'the withdrawal of troops from Kherson': ground
    left, named below a country's size ('from Syria' is a pull-out, no town handed on)."""
    return any(p.lower_ == "from" and any(
        (x._.sitrep_place and not x._.sitrep_country) or x.lower_ in HELD_GROUND
        for o in p.children if o.dep_ == "pobj" for x in (o, *o.conjuncts))
        for p in t.subtree if p.dep_ == "prep")
