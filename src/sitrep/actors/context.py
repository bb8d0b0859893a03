"""What the resolver knows of an article, and what it returns.

`ArticleActors` holds the article's date (names change with regimes), its focus country
(whose police "the police" are), its lead armed actor (whom "the rebels" means) and the
abbreviations it introduces; `Resolution` is an actor with its associates and how it was
found.  Shared by `resolve.py`, `named.py` and `generic.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, overload

from spacy.tokens import Doc

from ..models import Actor
from ..nlp.views import doc_text
from .abbreviations import find_groups
from .conventions import frontline, gang_marks, held_side, monitored
from .kb import ActorKB

if TYPE_CHECKING:
    from .people import People

__all__ = ["ArticleActors", "Resolution"]

# violence between communities that a report names no side of
COMMUNAL = re.compile(r"\binter[- ]?(?:clan|communal|ethnic|tribal)\b|\b(?:clan|communal|tribal|ethnic) "
                      r"(?:clash|clashes|fighting|violence|feud|feuds)\b", re.IGNORECASE)
# generic actors ACLED names by the country of the event (kb.GENERIC prefixes)
SCENE_NAMED = frozenset({"protesters", "rioters", "civilians", "unidentified", "armed"})


@dataclass(frozen=True)
class Resolution:
    actor: Actor
    assoc: tuple[Actor, ...] = ()
    how: str = ""


@dataclass
class ArticleActors:
    """What the resolver knows of the article: its date, focus country, lead armed actor."""

    kb: ActorKB
    published: str | None = None
    focus: str | None = None  # ISO3 of the country the article is about
    lead_armed: str | None = None  # group id of its main non-state armed actor
    abbreviations: dict[str, str] = field(default_factory=dict)  # "(HTS)" -> group id
    # ISO3 -> how many distinct places below country level the article locates there
    place_votes: dict[str, int] = field(default_factory=dict)
    people: People | None = None  # the persons the article names and whom they speak for
    _countries: dict[int, str | None] = field(default_factory=dict, repr=False)
    _named: dict[int, set[str]] = field(default_factory=dict, repr=False)
    _scenes: dict[tuple[int, str | None], str | None] = field(default_factory=dict, repr=False)
    # the text's votes for countries, by hash of the text: read once, not once per event
    _text_votes: dict[int, dict[str, int]] = field(default_factory=dict, repr=False)

    def actor(self, actor_id: str, violent: bool = False, where: str | None = None) -> Actor:
        """The Actor for an id as of the article's date; a state named without a branch
        ("state:SYR") is its military in violence and its government otherwise; "a|b" is
        ACLED's "A and/or B" for a report that hesitates between two groups."""
        if "|" in actor_id:
            first, second = (self.actor(x, violent, where) for x in actor_id.split("|", 1))
            return Actor(name=f"{first.name} and/or {second.name}", id=actor_id, kind=first.kind,
                         country=first.country or second.country)
        if actor_id.startswith("state:"):
            actor_id = f"{actor_id[6:]}-{'military' if violent else 'government'}"
        if violent and actor_id.endswith("-government"):
            actor_id = actor_id[:-len("government")] + "military"
        return self.kb.actor(actor_id, on=self.published, where=where or self.focus)

    def country(self, doc: Doc) -> str | None:
        """The country whose people and forces unqualified nouns mean ("the police").

        The places' focus, unless the text never names it while it names another
        country outright (a gazetteer slip: "Lebanon" read as a town in the US)."""
        key = id(doc)
        if key not in self._countries:
            self._countries[key] = _text_country(self._votes(doc_text(doc)), self.focus, self.place_votes)
        return self._countries[key]

    def scene(self, doc: Doc | str, placed: str | None) -> str | None:
        """The country an event happens in: where the geocoder placed it (`placed`, ISO3)
        when the text supports that country, else the country the text points to.  A
        gazetteer slip ("Rafah" read in Gaza for North Sinai, "Gagarin" in Russia for a
        Donetsk mine) must not make a state's own forces foreign, nor crowds another
        country's."""
        text = doc if isinstance(doc, str) else doc_text(doc)
        key = (hash(text), placed)
        if key not in self._scenes:
            scene = _text_country(self._votes(text), placed, self.place_votes)
            if scene == placed and placed and self.focus and placed != self.focus \
                    and not self._votes(text).get(placed) and self.place_votes.get(placed, 0) < 2:
                scene = self.focus  # one stray place the text never supports: the places' focus
            self._scenes[key] = scene
        return self._scenes[key]

    def _votes(self, text: str) -> dict[str, int]:
        key = hash(text)
        if key not in self._text_votes:
            self._text_votes[key] = _votes(self.kb, text)
        return self._text_votes[key]

    @overload
    def in_scene(self, a: Actor, scene: str | None) -> Actor: ...
    @overload
    def in_scene(self, a: None, scene: str | None) -> None: ...
    def in_scene(self, a: Actor | None, scene: str | None) -> Actor | None:
        """ACLED codes a state's forces outside their own country as External/Other forces,
        and names crowds, civilians and unidentified groups by the country the event is in:
        "rioters" read against the article's focus (a gazetteer slip) take the scene's."""
        if a and a.kind == "State forces" and scene and a.country and a.country != scene:
            return replace(a, kind="External/Other forces")
        if a and scene and a.id and a.country != scene:
            prefix = a.id.rsplit("-", 1)[0] if a.country else a.id
            if prefix in SCENE_NAMED:
                return self.kb.actor(f"{prefix}-{scene}", on=self.published)
        return a

    def claimed(self, iso3: str | None) -> Actor | None:
        """Who violence the parse leaves agentless is laid to: the article's lead armed group,
        where it acts in the event's country ("... Al Shabaab claimed the attack", "officials
        said the Taliban planted the bomb"); None leaves it unattributed."""
        g = self.kb.groups.get(self.lead_armed or "")
        if g is None or g.kind not in ("Rebel group", "Political militia", "Identity militia") \
                or (g.country and iso3 and g.country != iso3):
            return None
        return self.actor(g.id, violent=True, where=iso3)

    def unattributed(self, text: str, iso3: str | None, on: str | None, place: str | None = None) -> Actor:
        """Whom violence nobody is named for is recorded against (`text`: the report around
        it; `place`: the name of the event's place): the article's lead group where it acts
        there, the side across a front line (`conventions.py`), a gang where the report bears
        gang marks in a country ACLED records gangs in, else the country's convention."""
        claimed = self.claimed(iso3)
        if claimed is not None:
            return claimed
        communal = COMMUNAL.search(text)
        if communal:  # "killed during inter-clan clashes": the communities' militias
            return self.kb.actor(f"{'clan' if 'clan' in communal.group(0).lower() else 'communal'}-{iso3}"
                                 if iso3 else "communal", on=on)
        f = frontline(iso3, on)
        if f is not None:
            return self.actor(f"{f.state}-military" if held_side(f, place, text) else f.group, True)
        if self.kb.gangland(iso3) and gang_marks(text):
            return self.kb.actor(f"gang-{iso3}", on=on)
        return self.kb.unattributed(iso3, on=on)

    def groups_named(self, doc: Doc) -> set[str]:
        """The ids of the groups the article names anywhere."""
        key = id(doc)
        if key not in self._named:
            self._named[key] = {gid for _, _, gid in find_groups(self.kb, doc_text(doc), self.abbreviations)}
        return self._named[key]


def _text_country(text_votes: dict[str, int], focus: str | None, places: dict[str, int] | None = None) -> str | None:
    """The country the text points to, from its votes (`_votes`): its name (3), a group based there (2), a capital,
    demonym or leader (1), and each town or province the article locates there (2: "Turkey and
    Russia conducted a patrol in Darbasiyah, al-Hasakeh" is in Syria).  The places' focus stands
    unless the text never points to it while pointing elsewhere at least twice as strongly as
    one demonym."""
    votes = dict(text_votes)
    for iso, n in (places or {}).items():
        if n >= 2:  # one place alone may be a gazetteer slip
            votes[iso] = votes.get(iso, 0) + 2 * n
    if focus and (votes.get(focus) or not votes):
        return focus
    best = max(votes, key=lambda k: votes[k], default=None)
    if best and (votes[best] >= 2 or not focus):
        return best
    return focus


_ACROSS_BORDER = re.compile(r"\b(?:border|frontier|boundary)\s+with\s+$|\bbordering\s+$|\bneighbou?ring\s+$",
                            re.IGNORECASE)


def _votes(kb: ActorKB, text: str) -> dict[str, int]:
    """The text's votes for countries (see `_text_country`)."""
    votes: dict[str, int] = {}

    def vote(iso: str | None, w: int) -> None:
        if iso:
            votes[iso] = votes.get(iso, 0) + w

    for s, e, iso, how in kb.find_states(text):
        if re.match(r"\s*-\s*(backed|led|based|supported|born|funded|aligned)", text[e:e + 12]):
            continue  # "US-backed", "UK-based": someone else's sponsor, not the scene
        if _ACROSS_BORDER.search(text[max(0, s - 24):s]):
            continue  # "a town on the border with Uganda": the neighbour marks where the scene ends
        vote(iso, {"country": 3, "capital": 1, "demonym": 1}[how])
    for _, _, gid in kb.find_groups(text):
        g = kb.groups.get(gid)
        if g is not None and g.country and g.kind != "External/Other forces":
            vote(g.country, 2)
    for _, _, aid in kb.find_leaders(text):
        vote(aid.split("-")[0] if aid[:3].isupper() else None, 1)
    for iso in monitored(text):
        vote(iso, 3)  # a monitoring mission named for its country (the OSCE SMM in Ukraine)
    return votes
