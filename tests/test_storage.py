"""Tests for sitrep.storage: real SQLite files under tmp_path."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import platformdirs
import pytest

from sitrep.errors import StorageError
from sitrep.models import Actor, Article, Event, Location, PlaceMention
from sitrep.storage import Store, content_hash, default_db_path, latest_version, migrations

IDLIB_TEXT = (
    "Airstrikes by Syrian government forces hit the town of Maarat al-Numan in Idlib "
    "province on Tuesday, killing at least 12 civilians, according to the Syrian "
    "Observatory for Human Rights. Hay'at Tahrir al-Sham fighters later shelled "
    "government positions near Saraqib."
)
KHARKIV_TEXT = (
    "Russian forces launched a missile strike on Kharkiv overnight, damaging an "
    "apartment block and wounding five people, the regional governor said."
)
GOMA_TEXT = (
    "M23 rebels clashed with the Congolese army near Sake, west of Goma, on Friday; "
    "local officials reported dozens of displaced families fleeing toward the city."
)


def span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def make_article(
    text: str = IDLIB_TEXT, id: str = "idlib-2024-03-05", title: str = "Government airstrikes kill 12 in Idlib"
) -> Article:
    return Article(
        id=id,
        text=text,
        published="2024-03-05",
        title=title,
        url="https://example.org/news/idlib-airstrikes",
        outlet="Example Wire",
        source="reports/syria.jsonl:3",
    )


def idlib_events(article_id: str = "idlib-2024-03-05") -> list[Event]:
    maarat = Location(
        name="Maarat al-Numan", geonameid=169304, latitude=35.64344, longitude=36.67497,
        admin1="Idlib", country="Syria", country_code="SY", precision=1,
    )
    saraqib = Location(
        name="Saraqib", geonameid=169113, latitude=35.86472, longitude=36.80583,
        admin1="Idlib", country="Syria", country_code="SY", precision=2,
    )
    govt = Actor(name="Military Forces of Syria (2000-2024)", id="SYR-MIL", kind="State forces", country="SYR")
    civilians = Actor(name="Civilians (Syria)", kind="Civilians", country="SYR")
    hts = Actor(name="HTS: Hay'at Tahrir al-Sham", id="HTS", kind="Rebel group", country="SYR")
    strike_span = span(IDLIB_TEXT, "Airstrikes by Syrian government forces hit the town of Maarat al-Numan")
    shell_span = span(IDLIB_TEXT, "Hay'at Tahrir al-Sham fighters later shelled government positions near Saraqib")
    return [
        # Deliberately out of text order: reading back must sort by span start.
        Event(
            id=f"{article_id}:e2", article_id=article_id, event_date="2024-03-05", date_precision="day",
            event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
            plover="ATTACK", actor1=hts, actor2=govt, location=saraqib, fatalities=None,
            modality="asserted", text=IDLIB_TEXT[slice(*shell_span)], span=shell_span,
            notes="HTS shelled government positions near Saraqib.",
        ),
        Event(
            id=f"{article_id}:e1", article_id=article_id, event_date="2024-03-05", date_precision="day",
            event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
            plover="ATTACK", actor1=govt, actor2=civilians, location=maarat, fatalities=12,
            modality="asserted", text=IDLIB_TEXT[slice(*strike_span)], span=strike_span,
            notes="Airstrikes hit Maarat al-Numan — at least 12 civilians killed.",
            assoc_actors=(Actor(name="Military Forces of Russia (2000-)", kind="External forces", country="RUS"),),
            attribution=("Syrian Observatory for Human Rights",),
        ),
    ]


def idlib_places(article_id: str = "idlib-2024-03-05") -> list[PlaceMention]:
    return [
        PlaceMention(
            article_id=article_id, **dict(zip(("start", "end"), span(IDLIB_TEXT, "Maarat al-Numan"), strict=True)),
            text="Maarat al-Numan", name="Ma`arrat an Nu`man", geonameid=169304, latitude=35.64344,
            longitude=36.67497, feature="city", country_code="SY", admin1="Idlib",
        ),
        PlaceMention(
            article_id=article_id, **dict(zip(("start", "end"), span(IDLIB_TEXT, "Idlib"), strict=True)),
            text="Idlib", name="Idlib", geonameid=169387, latitude=35.83333, longitude=36.5,
            feature="admin1", country_code="SY", admin1="Idlib",
        ),
        PlaceMention(
            article_id=article_id, **dict(zip(("start", "end"), span(IDLIB_TEXT, "Syrian"), strict=True)),
            text="Syrian", name=None, geonameid=None, latitude=None, longitude=None,
            feature=None, country_code=None, admin1=None, role="metonym", reason="demonym",
        ),
    ]


def simple_event(article_id: str, text: str, phrase: str, n: int, **changes) -> Event:
    s = span(text, phrase)
    event = Event(
        id=f"{article_id}:e{n}", article_id=article_id, event_date="2024-03-08", date_precision="day",
        event_type="Battles", sub_event_type="Armed clash", plover="FIGHT",
        actor1=Actor(name="M23: March 23 Movement", kind="Rebel group", country="COD"),
        actor2=Actor(name="Military Forces of the Democratic Republic of Congo (2019-)", kind="State forces"),
        location=Location(
            name="Sake", geonameid=204953, latitude=-1.57361, longitude=29.045, admin1="North Kivu",
            country="Democratic Republic of the Congo", country_code="CD",
        ),
        fatalities=None, modality="asserted", text=text[slice(*s)], span=s, notes="",
    )
    return replace(event, **changes)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "sitrep.db"


@pytest.fixture
def store(db_path: Path):
    with Store(db_path) as s:
        yield s


def raw(path: Path, sql: str):
    """Run one statement on a separate plain connection, as another process would."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


# --- opening and migrating ---------------------------------------------------


def test_open_creates_parent_directory_and_sets_pragmas(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "deeper" / "sitrep.db"
    with Store(path) as store:
        assert path.exists()
        assert store._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store._conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    # WAL is a property of the file, so a fresh connection sees it too.
    assert raw(path, "PRAGMA journal_mode") == [("wal",)]


def test_schema_version_is_set(store: Store, db_path: Path) -> None:
    assert latest_version() >= 1
    assert store.schema_version() == latest_version()
    assert raw(db_path, "PRAGMA user_version") == [(latest_version(),)]
    tables = {r[0] for r in raw(db_path, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"articles", "events", "places", "articles_fts"} <= tables


def test_reopen_runs_no_migration_twice(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Store(db_path).close()
    Store(db_path).close()  # v1's CREATE TABLEs would fail if they ran again

    monkeypatch.setattr(migrations, "MIGRATIONS", list(migrations.MIGRATIONS))
    version = latest_version() + 1
    migrations.register(
        version, "test: record each run",
        "CREATE TABLE migration_runs (n INTEGER)",
        "INSERT INTO migration_runs VALUES (1)",
    )
    for _ in range(3):
        with Store(db_path) as store:
            assert store.schema_version() == version
    assert raw(db_path, "SELECT count(*) FROM migration_runs") == [(1,)]


def test_failed_migration_leaves_database_at_previous_version(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(db_path) as store:
        store.save(make_article(), idlib_events(), idlib_places())
    before = latest_version()
    monkeypatch.setattr(migrations, "MIGRATIONS", list(migrations.MIGRATIONS))
    migrations.register(before + 1, "test: broken", "CREATE TABLE half_done (x)", "THIS IS NOT SQL")

    with pytest.raises(StorageError, match=f"schema version {before + 1}") as info:
        Store(db_path)
    assert str(db_path) in str(info.value)
    assert raw(db_path, "PRAGMA user_version") == [(before,)]
    assert raw(db_path, "SELECT name FROM sqlite_master WHERE name = 'half_done'") == []
    assert raw(db_path, "SELECT count(*) FROM events") == [(2,)]


def test_newer_database_raises_storage_error(db_path: Path) -> None:
    Store(db_path).close()
    raw(db_path, f"PRAGMA user_version = {latest_version() + 5}")
    with pytest.raises(StorageError, match="newer than this version of sitrep") as info:
        Store(db_path)
    assert str(db_path) in str(info.value)
    assert raw(db_path, "PRAGMA user_version") == [(latest_version() + 5,)]


def test_file_that_is_not_a_database_raises_storage_error(db_path: Path) -> None:
    db_path.write_bytes(b"this is a CSV export, not SQLite\n" * 100)
    with pytest.raises(StorageError) as info:
        Store(db_path)
    assert str(db_path) in str(info.value)


def test_default_db_path() -> None:
    path = default_db_path()
    assert path.name == "sitrep.db"
    assert path.parent == Path(platformdirs.user_data_dir("sitrep"))


# --- articles and deduplication ------------------------------------------------


def test_same_article_twice_is_stored_once(store: Store, db_path: Path) -> None:
    article = make_article()
    assert store.save(article, idlib_events(), idlib_places()) is True
    assert store.counts() == {"articles": 1, "events": 2, "places": 3}

    # Running the same file again: nothing is added, not even new-looking events.
    extra = simple_event(article.id, IDLIB_TEXT, "shelled", 9)
    assert store.save(article, idlib_events() + [extra], idlib_places()) is False
    assert store.counts() == {"articles": 1, "events": 2, "places": 3}

    row, is_new = store.add_article(article)
    assert is_new is False
    # The same text under another id and title is still the same article.
    assert store.add_article(replace(article, id="other-id", title="Repost")) == (row, False)
    stored = raw(db_path, "SELECT article_id, content_hash, title, outlet, source FROM articles")
    assert stored == [(article.id, content_hash(IDLIB_TEXT), article.title, "Example Wire", "reports/syria.jsonl:3")]


def test_add_article_returns_distinct_rows(store: Store) -> None:
    row1, new1 = store.add_article(make_article())
    row2, new2 = store.add_article(make_article(KHARKIV_TEXT, id="kharkiv-1"))
    assert new1 and new2 and row1 != row2


# --- events ------------------------------------------------------------------


def test_events_round_trip_exactly(store: Store) -> None:
    events = idlib_events()
    store.save(make_article(), events, [])
    back = store.events()
    by_start = sorted(events, key=lambda e: e.span[0])
    assert [e.to_dict() for e in back] == [e.to_dict() for e in by_start]
    assert back == by_start
    assert back[0].notes.endswith("— at least 12 civilians killed.")


def test_events_ordered_by_article_then_span_and_filtered(store: Store) -> None:
    store.save(make_article(), idlib_events(), [])
    goma = make_article(GOMA_TEXT, id="goma-1")
    goma_events = [
        simple_event("goma-1", GOMA_TEXT, "fleeing", 2, event_date="2024-03-09"),
        simple_event("goma-1", GOMA_TEXT, "clashed", 1),
    ]
    store.save(goma, goma_events, [])

    assert [e.id for e in store.events()] == [
        "idlib-2024-03-05:e1", "idlib-2024-03-05:e2", "goma-1:e1", "goma-1:e2",
    ]
    assert [e.id for e in store.events(article_id="goma-1")] == ["goma-1:e1", "goma-1:e2"]
    assert [e.id for e in store.events(since="2024-03-08")] == ["goma-1:e1", "goma-1:e2"]
    assert [e.id for e in store.events(until="2024-03-08")] == [
        "idlib-2024-03-05:e1", "idlib-2024-03-05:e2", "goma-1:e1",
    ]
    assert [e.id for e in store.events(article_id="goma-1", since="2024-03-09", until="2024-03-09")] == ["goma-1:e2"]
    assert store.events(article_id="no-such-article") == []


def test_add_events_skips_known_ids(store: Store) -> None:
    row, _ = store.add_article(make_article())
    assert store.add_events(row, idlib_events()) == 2
    assert store.add_events(row, idlib_events()) == 0
    assert store.add_events(row, [simple_event("idlib-2024-03-05", IDLIB_TEXT, "shelled", 3)]) == 1
    assert store.counts()["events"] == 3


def test_add_events_to_missing_article_is_refused(store: Store) -> None:
    with pytest.raises(StorageError, match="FOREIGN KEY"):
        store.add_events(999, idlib_events())
    assert store.counts()["events"] == 0


# --- places ------------------------------------------------------------------


def test_places_round_trip(store: Store) -> None:
    places = idlib_places()
    store.save(make_article(), [], places)
    store.save(make_article(KHARKIV_TEXT, id="kharkiv-1"), [], [
        PlaceMention(
            article_id="kharkiv-1", start=KHARKIV_TEXT.index("Kharkiv"), end=KHARKIV_TEXT.index("Kharkiv") + 7,
            text="Kharkiv", name="Kharkiv", geonameid=706483, latitude=49.98081, longitude=36.25272,
            feature="city", country_code="UA", admin1="Kharkiv",
        )
    ])
    assert store.places(article_id="idlib-2024-03-05") == sorted(places, key=lambda p: p.start)
    assert [p.to_dict() for p in store.places("idlib-2024-03-05")] == [
        p.to_dict() for p in sorted(places, key=lambda p: p.start)
    ]
    assert [p.text for p in store.places()] == ["Syrian", "Maarat al-Numan", "Idlib", "Kharkiv"]
    row, _ = store.add_article(make_article())
    assert store.add_places(row, places) == 0  # same spans again: nothing new


# --- full-text search ---------------------------------------------------------


def test_search_finds_words_from_article_text(store: Store) -> None:
    store.save(make_article(), idlib_events(), idlib_places())
    store.save(make_article(KHARKIV_TEXT, id="kharkiv-1", title="Ukraine: missile strike on Kharkiv"), [], [])

    hits = store.search("civilians")
    assert [h[0] for h in hits] == ["idlib-2024-03-05"]
    assert "[civilians]" in hits[0][1]
    assert [h[0] for h in store.search("missile")] == ["kharkiv-1"]
    assert [h[0] for h in store.search("airstrike")] == ["idlib-2024-03-05"]  # stemmed: "Airstrikes"
    assert [h[0] for h in store.search("Ukraine")] == ["kharkiv-1"]  # only in the title
    assert store.search("Goma") == []
    assert store.search("   ") == []
    # Punctuation that is FTS5 syntax is searched literally rather than raising.
    assert [h[0] for h in store.search("al-Numan")] == ["idlib-2024-03-05"]
    assert [h[0] for h in store.search('Hay\'at "Tahrir')] == ["idlib-2024-03-05"]


# --- transactions ---------------------------------------------------------------


def test_failing_save_rolls_back_that_article_only(store: Store, db_path: Path) -> None:
    assert store.save(make_article(), idlib_events(), idlib_places())
    before = store.counts()

    goma = make_article(GOMA_TEXT, id="goma-1")
    good = simple_event("goma-1", GOMA_TEXT, "clashed", 1)
    bad_place = PlaceMention(
        article_id="goma-1", start=GOMA_TEXT.index("Goma"), end=GOMA_TEXT.index("Goma") + 4,
        text="Goma", name="Goma", geonameid=216281, latitude=-167.0, longitude=29.22,  # lat out of range
        feature="city", country_code="CD", admin1="North Kivu",
    )
    # Places are written after events, so the event insert had succeeded when this fails.
    with pytest.raises(StorageError, match="goma-1") as info:
        store.save(goma, [good], [bad_place])
    assert str(db_path) in str(info.value)

    assert store.counts() == before
    assert store.search("Congolese") == []  # the FTS row went with the article
    assert [e.id for e in store.events()] == ["idlib-2024-03-05:e1", "idlib-2024-03-05:e2"]
    # A separate connection sees the same: nothing half-written was committed.
    assert raw(db_path, "SELECT count(*) FROM articles") == [(1,)]

    # The article was not marked as seen, so a corrected retry stores it.
    fixed = replace(bad_place, latitude=-1.67917)
    assert store.save(goma, [good], [fixed]) is True
    assert store.counts() == {"articles": 2, "events": 3, "places": 4}


def test_exception_from_event_rolls_back_and_propagates(store: Store) -> None:
    store.save(make_article(), idlib_events(), [])

    class Broken(Event):
        def to_dict(self):
            raise RuntimeError("cannot serialise")

    kharkiv = make_article(KHARKIV_TEXT, id="kharkiv-1")
    ok = simple_event("kharkiv-1", KHARKIV_TEXT, "missile strike", 1)
    broken = Broken(**{f: getattr(ok, f) for f in ok.__dataclass_fields__} | {"id": "kharkiv-1:e2"})
    with pytest.raises(RuntimeError, match="cannot serialise"):
        store.save(kharkiv, [ok, broken], [])
    assert store.counts() == {"articles": 1, "events": 2, "places": 0}
    assert store.events(article_id="kharkiv-1") == []
    # The connection is usable afterwards (no transaction left open).
    assert store.save(kharkiv, [ok], []) is True


def test_second_connection_reads_while_store_open(store: Store, db_path: Path) -> None:
    store.save(make_article(), idlib_events(), idlib_places())
    with Store(db_path) as other:
        assert other.counts() == {"articles": 1, "events": 2, "places": 3}
        assert other.save(make_article(), idlib_events(), []) is False


def test_a_database_indexed_by_migration_3_gets_its_places_in_the_box(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Migration 5 fills the R*Tree from what migration 3 indexed, and keeps it in step afterwards."""
    with monkeypatch.context() as m:
        m.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:3])
        Store(db_path).close()
    located = {"id": "f1", "event_date": "2024-03-05", "location": {"latitude": 35.9, "longitude": 36.6}}
    nowhere = {"id": "f2", "event_date": "2024-03-06", "location": None}
    with sqlite3.connect(db_path) as conn:
        conn.executemany("INSERT INTO clusters (id, event_date, json) VALUES (?, ?, ?)",
                         [(c["id"], c["event_date"], json.dumps(c)) for c in (located, nowhere)])
    assert raw(db_path, "PRAGMA user_version") == [(3,)]
    box = ("SELECT f.cluster_id, b.west, b.south FROM cluster_facets_box b"
           " JOIN cluster_facets f ON f.id = b.id ORDER BY 1")
    with Store(db_path) as store:
        assert store.schema_version() == latest_version()
    assert [(r[0], round(r[1], 4), round(r[2], 4)) for r in raw(db_path, box)] == [("f1", 36.6, 35.9)]
    with sqlite3.connect(db_path) as conn:
        conn.execute("DELETE FROM clusters WHERE id = 'f1'")
        conn.execute("INSERT INTO clusters (id, event_date, json) VALUES ('f3', '2024-03-07', ?)",
                     (json.dumps({**located, "id": "f3"}),))
    assert [r[0] for r in raw(db_path, box)] == ["f3"]
