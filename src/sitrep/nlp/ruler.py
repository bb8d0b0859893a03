"""spaCy's entity ruler, with its one-word, case-kept patterns looked up instead of tried.

Our abbreviations ("HTS", "SDF": case matters, "IS" is not "is") are one-token patterns
(`[{"TEXT": "HTS"}]`).  spaCy's `Matcher` tries every token pattern at every token, so the
few hundred of them cost the ruler about a tenth of the whole parse.  A `PhraseMatcher` on
the exact text (ORTH) finds the same one-token matches with one hash lookup per token.
The matches, their keys and the way overlaps are settled are the stock ruler's, so the
entities are the same; patterns that are not one plain token stay in the `Matcher`.
"""

from __future__ import annotations

import warnings
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc

__all__ = ["CasedEntityRuler"]


class CasedEntityRuler(EntityRuler):
    """An `EntityRuler` whose patterns of one exact token are matched by a PhraseMatcher."""

    def __init__(self, nlp: Language, name: str = "entity_ruler", **config: Any) -> None:
        super().__init__(nlp, name, **config)
        self.cased_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")

    def _one_token(self, entry: dict) -> str | None:
        """The text of a pattern that matches exactly one token by its text, else None."""
        pattern = entry["pattern"]
        if not isinstance(pattern, list) or len(pattern) != 1 or set(pattern[0]) != {"TEXT"}:
            return None
        text = pattern[0]["TEXT"]
        # one that the tokenizer splits ("FC-G5S") never matches one token: left as it was
        return text if isinstance(text, str) and len(self.nlp.make_doc(text)) == 1 else None

    def add_patterns(self, patterns: list[dict]) -> None:
        looked_up = [e for e in patterns if self._one_token(e) is not None]
        super().add_patterns([e for e in patterns if self._one_token(e) is None])
        for entry in looked_up:
            label = entry["label"]
            if "id" in entry:  # the key and entity id the stock ruler would give it
                label = self._create_label(entry["label"], entry["id"])
                self._ent_ids[self.matcher._normalize_key(label)] = (entry["label"], entry["id"])
            self.token_patterns[label].append(entry["pattern"])  # still listed in .patterns
            self.cased_matcher.add(label, [self.nlp.make_doc(entry["pattern"][0]["TEXT"])])

    def match(self, doc: Doc) -> list[tuple[int, int, int]]:
        self._require_patterns()
        with warnings.catch_warnings():  # W036, a matcher left without patterns, as the stock ruler does
            warnings.filterwarnings("ignore", message="\\[W036")
            matches = list(self.matcher(doc)) + list(self.phrase_matcher(doc)) + list(self.cased_matcher(doc))
        # from here on exactly the stock ruler's: longest first, then earliest
        final = {(m_id, start, end) for m_id, start, end in matches if start != end}
        return sorted(final, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)


@Language.factory("sitrep_entity_ruler", default_config={"phrase_matcher_attr": None, "overwrite_ents": False})
def make_cased_entity_ruler(nlp: Language, name: str, phrase_matcher_attr: str | None,
                            overwrite_ents: bool) -> CasedEntityRuler:
    return CasedEntityRuler(nlp, name, phrase_matcher_attr=phrase_matcher_attr, overwrite_ents=overwrite_ents)
