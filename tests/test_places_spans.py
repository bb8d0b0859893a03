"""Span repairs before the choice (sitrep.places.spans and resolve._candidates): names the NER
ran together, or cut short. Real model and index; the entities are set by hand where the test
is about what happens when the NER errs, so the test does not depend on the model erring."""

from __future__ import annotations

from spacy.tokens import Span

from sitrep.places.resolve import find_toponyms


def _resolve(res, text: str, ents: list[tuple[str, str]]):
    """find_toponyms over `text` whose entities are exactly `ents` ((text, label), in order)."""
    doc = res.nlp(text)
    spans, at = [], 0
    for words, label in ents:
        start = text.index(words, at)
        spans.append(doc.char_span(start, start + len(words), label=label))
        at = start + len(words)
    doc.ents = spans
    kb = res.kb
    return find_toponyms(doc, res.gazetteer, kb.ruler_countries(), set(kb.capitals), dict(kb.demonyms))


def test_two_names_run_together_over_in_are_both_places(res) -> None:
    found, focus = _resolve(res, "Army artillery shelled Zorbat in Hama overnight, a monitor said.",
                            [("Zorbat in Hama", "ORG")])
    by_text = {t.span.text: t for t in found}
    assert set(by_text) == {"Zorbat", "Hama"}, list(by_text)
    assert by_text["Hama"].candidate.country_code == "SY" and focus == "SY"
    # the village the gazetteer lacks is kept, and placed at the place that holds it
    zorbat = by_text["Zorbat"]
    assert zorbat.role == "location" and zorbat.candidate is not None and zorbat.candidate.country_code == "SY"


def test_an_organisation_with_in_at_its_edge_is_not_split(res) -> None:
    found, _ = _resolve(res, "The Bank of Ghana opened a branch in Kumasi.", [("Bank of Ghana", "ORG"),
                                                                               ("Kumasi", "GPE")])
    assert "Kumasi" in [t.span.text for t in found]
    assert not any(t.span.text == "Bank" for t in found)


def test_a_name_runs_on_over_a_romance_particle(res) -> None:
    # the NER stops at "de"; the gazetteer knows the longer name, so "Macoris" is no place of its own
    found, focus = _resolve(res, "Police arrested two men in San Pedro de Macoris on Friday.",
                            [("San Pedro", "GPE")])
    assert [t.span.text for t in found] == ["San Pedro de Macoris"]
    assert found[0].candidate.country_code == "DO" and focus == "DO"


def test_a_name_that_took_the_particle_but_not_the_word_after(res) -> None:
    found, _ = _resolve(res, "Gunmen attacked a checkpoint in San Juan de los Morros late on Sunday.",
                        [("San Juan de los", "GPE")])
    assert [t.span.text for t in found] == ["San Juan de los Morros"]
    assert found[0].candidate.country_code == "VE"


def test_a_particle_without_a_longer_name_leaves_the_span(res) -> None:
    found, _ = _resolve(res, "The mayor of San Antonio de Cuentos said nothing.", [("San Antonio", "GPE")])
    assert "San Antonio" in [t.span.text for t in found]
