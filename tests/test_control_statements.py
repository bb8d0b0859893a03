"""Statements of control in sentences that tell no event: real model, real SQLite files in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.control import control_as_of, control_changes
from sitrep.models import Article
from sitrep.pipeline import ingest, load_resources
from sitrep.storage import Store

MANBIJ = 167357
SALAMIYAH = 164947


@pytest.fixture(scope="module")
def res():
    return load_resources()


def _ingest(db: Path, res, *articles: Article) -> Store:
    store = Store(db)
    report = ingest(articles, store, lambda: res)
    assert not report.errors
    return store


def test_a_statement_of_control_with_no_event_gives_the_place_its_holder(tmp_path: Path, res) -> None:
    text = ("Markets in Manbij were busy again on Tuesday as traders returned.\n"
            "The town is held by the Syrian Democratic Forces, residents told our reporter.")
    with _ingest(tmp_path / "s.db", res, Article("manbij-market", text, "2024-12-04")) as store:
        assert store.events() == []  # a standing situation is no event
        statements = store.control_statements()
        state = [s for s in control_as_of(store.clusters(), "2024-12-05", statements)
                 if s.place["geonameid"] == MANBIJ]
    assert [st.controller.id for st, _ in statements] == ["sdf"]
    assert state and state[0].status == "controlled" and state[0].controller is not None
    assert state[0].controller.id == "sdf" and state[0].since == "2024-12-04"
    assert state[0].evidence == [statements[0][0].id]
    assert "held by the Syrian Democratic Forces" in statements[0][0].sentence


def test_the_holders_own_claim_alone_makes_the_place_contested(tmp_path: Path, res) -> None:
    text = "Hayat Tahrir al-Sham says it controls Salamiyah, a claim no one else has confirmed."
    with _ingest(tmp_path / "c.db", res, Article("salamiyah-claim", text, "2024-12-06")) as store:
        statements = store.control_statements()
        state = [s for s in control_as_of(store.clusters(), "2024-12-07", statements)
                 if s.place["geonameid"] == SALAMIYAH]
    assert [(st.modality, st.controller.id) for st, _ in statements] == [("claimed", "hts")]
    assert state and state[0].status == "contested" and state[0].controller is None
    assert state[0].challenger is not None and state[0].challenger.id == "hts"


def test_a_later_statement_revises_the_holder_and_dates_read_in_the_sentence(tmp_path: Path, res) -> None:
    first = Article("tabqa-1", "Life returned to Tabqa, now under government control, as shops reopened.",
                    "2024-12-02")
    later = Article("tabqa-2", "Tabqa, which is under the control of the Syrian Democratic Forces since "
                    "Thursday, was calm.", "2024-12-07")
    with _ingest(tmp_path / "r.db", res, first, later) as store:
        statements = store.control_statements()
        fused = store.clusters()
        before = [s for s in control_as_of(fused, "2024-12-03", statements) if s.place["name"] == "Tabqa"]
        after = [s for s in control_as_of(fused, "2024-12-08", statements) if s.place["name"] == "Tabqa"]
        changes = control_changes(fused, "2024-12-04", "2024-12-08", statements)
    assert before and before[0].controller is not None and before[0].controller.kind == "State forces"
    assert after and after[0].controller is not None and after[0].controller.id == "sdf"
    assert after[0].since == "2024-12-05"  # Thursday before the Saturday it was published
    assert [c.date for c in changes if c.place["name"] == "Tabqa"] == ["2024-12-05"]


def test_a_denied_holding_is_not_read(tmp_path: Path, res) -> None:
    text = "The army no longer controls Manbij, and rebel-held Azaz is quiet."
    with _ingest(tmp_path / "n.db", res, Article("denied", text, "2024-12-04")) as store:
        places = {st.place["name"] for st, _ in store.control_statements()}
    assert "Manbij" not in places and "Azaz" in places
