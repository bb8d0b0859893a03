"""The model's attribute ruler, with its one-token patterns looked up instead of tried.

The English model's `attribute_ruler` (tag -> part of speech and morphology, and a few word
exceptions) holds about 180 patterns, nearly all of one token (`{"TAG": "NNS"}`, `{"LOWER":
"whom", "TAG": "WP"}`).  spaCy's `Matcher` tries each of them at every token: a tenth of the
whole pipeline's time.  Here a one-token pattern of plain values (or `IN` lists) is put in a
table keyed by those values, and each token looks its values up: the same matches, sorted as
the stock ruler sorts them, so the same attributes are set in the same order.  Patterns with
regular expressions, `NOT_IN` or more than one token stay with a `Matcher`.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from operator import itemgetter
from typing import Any

import numpy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.vocab import Vocab

__all__ = ["IndexedAttributeRuler", "use_indexed_attribute_ruler"]

# the token attributes a pattern may test to be looked up (Doc.to_array's columns)
_COLUMNS: list[int | str] = ["TAG", "LOWER", "DEP", "IS_SPACE"]

Match = tuple[int, int, int, int]  # (rule number, match id, start, end), as AttributeRuler.match gives


class IndexedAttributeRuler(AttributeRuler):
    """An `AttributeRuler` whose plain one-token patterns are matched by table lookup."""

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler", **config: Any) -> None:
        super().__init__(vocab, name, **config)
        self.other_patterns = Matcher(vocab)  # what a table cannot hold
        # (tested attribute names) -> (their values' hashes -> [(rule number, match id)])
        self.tables: dict[tuple[str, ...], dict[Any, list[tuple[int, int]]]] = {}

    def add(self, patterns: Iterable[list[dict[int | str, Any]]], attrs: dict, index: int = 0) -> None:
        rule = len(self.attrs)
        patterns = list(patterns)
        super().add(patterns, attrs, index)  # the stock bookkeeping (.patterns, attrs, indices)
        match_id = self.vocab.strings.add(str(rule))
        for pattern in patterns:
            keys = self._table_keys(pattern)
            if keys is None:
                self.other_patterns.add(str(rule), [pattern])  # type: ignore[list-item]  # spaCy's own type
                continue
            names, values = keys
            table = self.tables.setdefault(names, {})
            for value in values:
                table.setdefault(value, []).append((rule, match_id))

    def _table_keys(self, pattern: list[dict[int | str, Any]]) -> tuple[tuple[str, ...], list[Any]] | None:
        """The attribute names a one-token pattern tests and every tuple of values that
        matches it (hashes, as Doc.to_array gives them), or None when it needs the Matcher."""
        if len(pattern) != 1 or not pattern[0] or not set(pattern[0]) <= set(_COLUMNS):
            return None
        names = tuple(sorted(str(n) for n in pattern[0]))
        choices: list[list[int]] = []
        for name in names:
            spec = pattern[0][name]
            if isinstance(spec, dict) and set(spec) == {"IN"} and isinstance(spec["IN"], list):
                options = spec["IN"]
            elif isinstance(spec, str | bool):
                options = [spec]
            else:
                return None  # REGEX, NOT_IN, numbers: left to the Matcher
            if name == "IS_SPACE":
                if not all(isinstance(o, bool) for o in options):
                    return None
                choices.append([int(o) for o in options])
            elif all(isinstance(o, str) for o in options):
                choices.append([self.vocab.strings.add(o) for o in options])
            else:
                return None
        values = list(itertools.product(*choices))
        return names, [v[0] if len(names) == 1 else v for v in values]

    def match(self, doc: Doc) -> list[Match]:
        matches = [(int(self.vocab.strings[m_id]), m_id, s, e)
                   for m_id, s, e in self.other_patterns(doc, allow_missing=True, as_spans=False)]
        array = doc.to_array(_COLUMNS)
        rows = array.tolist()  # Python ints: quick to hash, as the tables' keys are
        for names, table in self.tables.items():
            values_of = itemgetter(*(_COLUMNS.index(n) for n in names))
            for i in self._candidate_rows(array, names, table):
                for rule, match_id in table.get(values_of(rows[i]), ()):
                    matches.append((rule, match_id, i, i + 1))
        matches.sort()  # by rule number, as the stock ruler does: later rules win
        return matches


    @staticmethod
    def _candidate_rows(array: numpy.ndarray, names: tuple[str, ...], table: dict) -> list[int]:
        """The tokens whose most telling attribute (the word before the dependency before the
        tag) has a value of the table: the only ones worth looking up, found at numpy's speed."""
        name = next(n for n in ("LOWER", "DEP", "TAG", "IS_SPACE") if n in names)
        at = names.index(name)
        wanted = [key[at] if len(names) > 1 else key for key in table]
        column = array[:, _COLUMNS.index(name)]
        return numpy.flatnonzero(numpy.isin(column, numpy.array(wanted, dtype=column.dtype))).tolist()


@Language.factory("sitrep_attribute_ruler", default_config={"validate": False})
def make_indexed_attribute_ruler(nlp: Language, name: str, validate: bool) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate)


def use_indexed_attribute_ruler(nlp: Language) -> None:
    """Swap the model's attribute ruler for the indexed one, with the same rules in the same order."""
    rules = nlp.get_pipe("attribute_ruler").patterns  # type: ignore[attr-defined]
    nlp.replace_pipe("attribute_ruler", "sitrep_attribute_ruler")
    nlp.get_pipe("attribute_ruler").add_patterns(rules)  # type: ignore[attr-defined]
