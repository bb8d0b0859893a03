"""The cased entity ruler finds exactly the stock ruler's entities, with the same ids."""

import spacy

from sitrep.nlp import MODEL
from sitrep.nlp.ruler import CasedEntityRuler

PATTERNS = [
    {"label": "ORG", "pattern": [{"TEXT": "NLF"}], "id": "nlf"},  # an abbreviation: case kept
    {"label": "ORG", "pattern": [{"TEXT": "IS"}], "id": "is"},
    {"label": "ORG", "pattern": [{"TEXT": "NLF-B"}], "id": "nlfb"},  # split by the tokenizer: never one token
    {"label": "ORG", "pattern": "Northern Liberation Front", "id": "nlf"},
    {"label": "LOC", "pattern": "Tal Abyad"},
    {"label": "PERSON", "pattern": [{"LOWER": "commander"}, {"TEXT": "Rami"}]},
]
TEXTS = [
    "The Northern Liberation Front (NLF) said IS fighters had left Tal Abyad.",
    "It is not clear whether the nlf or NLF-B fighters were there; Commander Rami denied it.",
]


def _entities(ruler, nlp, text):
    doc = ruler(nlp.make_doc(text))
    return [(e.text, e.label_, e.ent_id_) for e in doc.ents]


def test_cased_ruler_matches_the_stock_ruler():
    nlp = spacy.load(MODEL, exclude=["ner"])
    stock = nlp.add_pipe("entity_ruler", config={"overwrite_ents": True, "phrase_matcher_attr": "LOWER"})
    stock.add_patterns(PATTERNS)
    cased = CasedEntityRuler(nlp, "cased", overwrite_ents=True, phrase_matcher_attr="LOWER")
    cased.add_patterns(PATTERNS)
    for text in TEXTS:
        assert _entities(cased, nlp, text) == _entities(stock, nlp, text)
    assert ("NLF", "ORG", "nlf") in _entities(cased, nlp, TEXTS[0])
    assert ("IS", "ORG", "is") in _entities(cased, nlp, TEXTS[0])
    assert all(e[0] != "is" for e in _entities(cased, nlp, TEXTS[1]))  # the verb is no group
    assert len(cased.patterns) == len(PATTERNS)


def test_sitrep_pipeline_uses_the_cased_ruler(res):
    assert isinstance(res.nlp.get_pipe("entity_ruler"), CasedEntityRuler)
