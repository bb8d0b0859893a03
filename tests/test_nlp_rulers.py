"""sitrep's faster rulers give exactly what spaCy's own give: the cased entity ruler the same
entities with the same ids, the indexed attribute ruler the same tags, parts of speech,
morphology and lemmas (its word exceptions included)."""

import spacy

from sitrep.nlp import MODEL
from sitrep.nlp.attributes import IndexedAttributeRuler, use_indexed_attribute_ruler
from sitrep.nlp.lemmas import RememberingLemmatizer, use_remembering_lemmatizer
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


def test_sitrep_pipeline_uses_the_faster_rulers(res):
    assert isinstance(res.nlp.get_pipe("entity_ruler"), CasedEntityRuler)
    assert isinstance(res.nlp.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    assert isinstance(res.nlp.get_pipe("lemmatizer"), RememberingLemmatizer)


# our own sentences, with the forms the model's attribute rules single out
ATTRIBUTE_TEXTS = [
    "Y'all gonna see it: there's nothin' left, and they ain't coming back, the commander said.",
    "C'mon, let's go before the convoy got there; it was those who gets the blame that we saw.",
    "Which checkpoint  did they shell?\n\nAll of them, according to whom he asked.",
]


def _analyses(nlp, text):
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in nlp(text)]


def test_indexed_attribute_ruler_gives_the_stock_analyses():
    stock = spacy.load(MODEL, exclude=["ner"])
    indexed = spacy.load(MODEL, exclude=["ner"])
    use_indexed_attribute_ruler(indexed)
    ruler = indexed.get_pipe("attribute_ruler")
    assert isinstance(ruler, IndexedAttributeRuler)
    assert ruler.patterns == stock.get_pipe("attribute_ruler").patterns
    for text in ATTRIBUTE_TEXTS:
        assert _analyses(indexed, text) == _analyses(stock, text)
        with stock.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
            doc = stock(text)
        assert set(ruler.match(doc)) == set(stock.get_pipe("attribute_ruler").match(doc))
    assert ruler.tables and len(ruler.other_patterns) < 20  # most rules are looked up


LEMMA_TEXTS = [
    "The shelling killed three men; their families were mourning as the men's bodies were buried.",
    "She's been told the talks are over, but the envoys say they'll meet again, better prepared.",
    "Militias seized the villages, then the militia seized more villages and lost the best ones.",
]


def test_remembering_lemmatizer_gives_the_stock_lemmas():
    stock = spacy.load(MODEL, exclude=["ner"])
    remembering = spacy.load(MODEL, exclude=["ner"])
    use_remembering_lemmatizer(remembering)
    lemmatizer = remembering.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, RememberingLemmatizer)
    for _ in range(2):  # the second time every word form is remembered
        for text in LEMMA_TEXTS + ATTRIBUTE_TEXTS:
            assert _analyses(remembering, text) == _analyses(stock, text)
    assert lemmatizer.known  # word forms met are remembered
