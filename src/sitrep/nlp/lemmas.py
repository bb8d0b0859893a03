"""The model's rule lemmatizer, with every answer it gives remembered.

spaCy's rule lemmatizer works a word out from its text, part of speech and morphology, and
remembers only the words it had to run the rules for: a singular noun or a base-form verb (the
base-form test answers first, most words of a news text) is worked out again at every token,
each time through Python attribute look-ups, a tenth of the whole parse.  Here every answer is
kept under the same key spaCy uses (text, part of speech, morphology, which are all the rules
read), and the lemmas are written in one step: the same lemmas, once per word form.  The
memory grows with the vocabulary, not with the text.

A word form met for the first time is worked out by spaCy's own rules, but against word lists
held as sets: the model's tables keep each part of speech's known words as a list (57,000
nouns), which the rules scan once per candidate form.  A set answers `in` the same way at once.
(These tables are for reading: the lemmatizer is not written back to disk.)
"""

from __future__ import annotations

from typing import Any, cast

import numpy
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.tokens import Doc

__all__ = ["RememberingLemmatizer", "use_remembering_lemmatizer"]


class RememberingLemmatizer(EnglishLemmatizer):
    """An English rule lemmatizer that looks up the lemma of a (text, part of speech,
    morphology) it has met before."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.known: dict[tuple[int, int, int], int] = {}  # (orth, pos, morph) -> lemma's hash

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables()
        if not len(doc):
            return doc
        rows = doc.to_array(["ORTH", "POS", "MORPH", "LEMMA"]).tolist()
        lemmas: list[int] = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not self.overwrite:  # set before (the attribute ruler's word exceptions)
                lemmas.append(lemma)
                continue
            key = (orth, pos, morph)
            known = self.known.get(key)
            if known is None:
                known = self.known[key] = self.vocab.strings.add(self.lemmatize(doc[i])[0])
            lemmas.append(known)
        doc.from_array(["LEMMA"], cast(Any, numpy.array(lemmas, dtype="uint64").reshape(-1, 1)))
        return doc


@Language.factory("sitrep_lemmatizer", default_config={"model": None, "mode": "rule", "overwrite": False})
def make_remembering_lemmatizer(nlp: Language, model: Any, name: str, mode: str, overwrite: bool
                                ) -> RememberingLemmatizer:
    return RememberingLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite)


def use_remembering_lemmatizer(nlp: Language) -> None:
    """Swap the model's lemmatizer for the remembering one, with the model's own tables."""
    stock = nlp.get_pipe("lemmatizer")
    if stock.mode != "rule":  # type: ignore[attr-defined]  # a Lemmatizer
        return  # a lookup lemmatizer is one table look-up already
    nlp.replace_pipe("lemmatizer", "sitrep_lemmatizer",
                     config={"mode": "rule", "overwrite": stock.overwrite})  # type: ignore[attr-defined]
    nlp.get_pipe("lemmatizer").lookups = _with_word_sets(stock.lookups)  # type: ignore[attr-defined]


def _with_word_sets(lookups: Lookups) -> Lookups:
    """The lemmatizer's tables, with the lists of known words per part of speech as sets."""
    out = Lookups()
    for name in lookups.tables:
        table = lookups.get_table(name)
        fast = out.add_table(name)
        for key, value in table.items():  # keys are the hashes of the part-of-speech names
            fast[key] = frozenset(value) if name == "lemma_index" else value
    return out
