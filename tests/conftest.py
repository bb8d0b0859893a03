"""Shared fixtures: the real model and place index, loaded once per test session."""

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared beside the project; tests that read it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"../shared is absent ({SHARED}): benchmark data not available")
    return SHARED


@pytest.fixture(scope="session")
def res():
    """The model, gazetteer, actor KB and lexicon (built once; the index build takes ~15 s)."""
    from sitrep.pipeline import load_resources

    return load_resources()


@pytest.fixture(scope="session")
def extract(res):
    """Events of a text, as `sitrep.extract` gives them, sharing the session's resources."""
    from sitrep.extraction import extract_article
    from sitrep.ingest import read_text

    def run(text: str, published: str = "2024-12-06"):
        return extract_article(read_text(text, id="t", published=published), res)[0]

    return run


@pytest.fixture(scope="session")
def tops(res):
    """The toponyms of a text, as the pipeline resolves them (find_toponyms with the actor KB)."""
    from sitrep.places.resolve import find_toponyms

    kb = res.kb

    def run(text: str):
        return find_toponyms(res.nlp(text), res.gazetteer, kb.ruler_countries(), set(kb.capitals),
                             dict(kb.demonyms))[0]

    return run
