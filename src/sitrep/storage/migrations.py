"""The database schema as numbered migrations, applied in order by `Store`.

Each migration moves the schema from version N-1 to N (`PRAGMA user_version`).
Never edit a released migration: databases in the wild already ran it.  To change
the schema, register a new one with the next number.  Only the schema's DDL lives
here; every query the program runs is in store.py.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["MIGRATIONS", "Migration", "latest_version", "register"]


@dataclass(frozen=True)
class Migration:
    """One schema step: the statements that take the database to `version`."""

    version: int
    name: str
    statements: tuple[str, ...]


MIGRATIONS: list[Migration] = []


def register(version: int, name: str, *statements: str) -> Migration:
    """Append a migration; its number must be the next one, so order cannot drift."""
    expected = len(MIGRATIONS) + 1
    if version != expected:
        raise ValueError(f"migration {name!r} is numbered {version}, expected {expected}")
    migration = Migration(version, name, tuple(statements))
    MIGRATIONS.append(migration)
    return migration


def latest_version() -> int:
    """The schema version this code creates and understands."""
    return len(MIGRATIONS)


register(
    1,
    "articles, events, places, full-text index",
    # `id` aliases the rowid, so the FTS index can point at it directly.
    """
    CREATE TABLE articles (
        id           INTEGER PRIMARY KEY,
        article_id   TEXT NOT NULL,
        content_hash TEXT NOT NULL UNIQUE,
        published    TEXT,
        title        TEXT,
        url          TEXT,
        outlet       TEXT,
        source       TEXT,
        text         TEXT NOT NULL,
        added_at     TEXT NOT NULL
    )
    """,
    "CREATE INDEX articles_article_id ON articles(article_id)",
    # The flat columns are for querying; `json` is the whole Event.to_dict(), the
    # source of truth when reading back, so no field of the contract is lost.
    """
    CREATE TABLE events (
        id             TEXT PRIMARY KEY,
        article_row    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        event_date     TEXT,
        event_type     TEXT,
        sub_event_type TEXT,
        plover         TEXT,
        actor1_name    TEXT,
        actor2_name    TEXT,
        location_name  TEXT,
        latitude       REAL CHECK (latitude BETWEEN -90 AND 90),
        longitude      REAL CHECK (longitude BETWEEN -180 AND 180),
        country_code   TEXT,
        modality       TEXT NOT NULL,
        span_start     INTEGER NOT NULL,
        json           TEXT NOT NULL
    )
    """,
    "CREATE INDEX events_article_row ON events(article_row, span_start)",
    "CREATE INDEX events_event_date ON events(event_date)",
    # One row per (article, span): re-adding the same mentions is a no-op.
    """
    CREATE TABLE places (
        id           INTEGER PRIMARY KEY,
        article_row  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        "start"      INTEGER NOT NULL,
        "end"        INTEGER NOT NULL,
        text         TEXT NOT NULL,
        name         TEXT,
        geonameid    INTEGER,
        latitude     REAL CHECK (latitude BETWEEN -90 AND 90),
        longitude    REAL CHECK (longitude BETWEEN -180 AND 180),
        feature      TEXT,
        country_code TEXT,
        admin1       TEXT,
        role         TEXT NOT NULL,
        reason       TEXT,
        UNIQUE (article_row, "start", "end")
    )
    """,
    # External content: the FTS index stores no second copy of the text; the
    # triggers keep it in step with `articles` whatever writes to that table.
    # Porter stemming lets "airstrike" find "airstrikes"; remove_diacritics lets
    # "Maarat" find "Ma'arat"-style spellings with accents.
    """
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text,
        content='articles', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END
    """,
    """
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
    END
    """,
    """
    CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END
    """,
)


register(
    2,
    "fused events: clusters of events that tell the same happening",
    # A cluster is rebuilt whole by each fusion run; `json` is the fused event with its
    # sources (fusion.FusedEvent.to_dict()), the flat columns are for filtering.
    """
    CREATE TABLE clusters (
        id             TEXT PRIMARY KEY,
        event_date     TEXT,
        country_code   TEXT,
        sub_event_type TEXT,
        json           TEXT NOT NULL
    )
    """,
    "CREATE INDEX clusters_event_date ON clusters(event_date)",
    # Each stored event belongs to at most one cluster (none when below the confidence threshold).
    """
    CREATE TABLE cluster_members (
        event_id   TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
        cluster_id TEXT NOT NULL REFERENCES clusters(id) ON DELETE CASCADE
    )
    """,
    "CREATE INDEX cluster_members_cluster ON cluster_members(cluster_id)",
)



# The facet columns of a fused event `r` (a row of `clusters`), for the trigger and the backfill.
_FACETS = ("cluster_id, sort_key, event_date, event_type, sub_event_type, actor1, actor1_id, actor2, actor2_id,"
           " country_code, country, admin1, location_name, modality, latitude, longitude")
_FACET_VALUES = """{r}.id, coalesce({r}.event_date, '0000-00-00') || '~' || {r}.id, {r}.event_date,
    json_extract({r}.json, '$.event_type'), {r}.sub_event_type,
    json_extract({r}.json, '$.actor1.name'), json_extract({r}.json, '$.actor1.id'),
    json_extract({r}.json, '$.actor2.name'), json_extract({r}.json, '$.actor2.id'),
    {r}.country_code, json_extract({r}.json, '$.location.country'),
    json_extract({r}.json, '$.location.admin1'), json_extract({r}.json, '$.location.name'),
    json_extract({r}.json, '$.modality'),
    json_extract({r}.json, '$.location.latitude'), json_extract({r}.json, '$.location.longitude')"""
_FTS_VALUES = """json_extract({r}.json, '$.text'), json_extract({r}.json, '$.notes'),
    (SELECT group_concat(coalesce(json_extract(s.value, '$.headline'), '') || ' '
                         || coalesce(json_extract(s.value, '$.sentence'), ''), ' ')
     FROM json_each({r}.json, '$.sources') AS s)"""

register(
    3,
    "fused-event facets and full-text index, for the web API's filters",
    # One narrow row per fused event, kept in step with `clusters` by triggers, so filters
    # (type, actor, place, box, modality) never parse the JSON and the writer (store.py)
    # needs no change.  `sort_key` ("date~id", URL-safe) orders the feed and is the pagination cursor.
    """
    CREATE TABLE cluster_facets (
        id             INTEGER PRIMARY KEY,
        cluster_id     TEXT NOT NULL UNIQUE,
        sort_key       TEXT NOT NULL,
        event_date     TEXT,
        event_type     TEXT,
        sub_event_type TEXT,
        actor1         TEXT,
        actor1_id      TEXT,
        actor2         TEXT,
        actor2_id      TEXT,
        country_code   TEXT,
        country        TEXT,
        admin1         TEXT,
        location_name  TEXT,
        modality       TEXT,
        latitude       REAL,
        longitude      REAL
    )
    """,
    "CREATE INDEX cluster_facets_sort ON cluster_facets(sort_key)",
    "CREATE INDEX cluster_facets_type ON cluster_facets(event_type, sort_key)",
    "CREATE INDEX cluster_facets_sub_type ON cluster_facets(sub_event_type, sort_key)",
    "CREATE INDEX cluster_facets_admin1 ON cluster_facets(admin1 COLLATE NOCASE, sort_key)",
    "CREATE INDEX cluster_facets_place ON cluster_facets(longitude, latitude)",
    # The words of each fused event: its sentence, notes, and every source's headline and
    # sentence; rowid = cluster_facets.id.
    """
    CREATE VIRTUAL TABLE clusters_fts USING fts5(
        text, notes, sources,
        tokenize='porter unicode61 remove_diacritics 2'
    )
    """,
    f"""
    CREATE TRIGGER clusters_facets_insert AFTER INSERT ON clusters BEGIN
        INSERT INTO cluster_facets ({_FACETS}) VALUES ({_FACET_VALUES.format(r="new")});
        INSERT INTO clusters_fts (rowid, text, notes, sources)
        VALUES (last_insert_rowid(), {_FTS_VALUES.format(r="new")});
    END
    """,
    """
    CREATE TRIGGER clusters_facets_delete AFTER DELETE ON clusters BEGIN
        DELETE FROM clusters_fts WHERE rowid = (SELECT id FROM cluster_facets WHERE cluster_id = old.id);
        DELETE FROM cluster_facets WHERE cluster_id = old.id;
    END
    """,
    # A database fused before this migration: index what it already holds.
    f"INSERT INTO cluster_facets ({_FACETS}) SELECT {_FACET_VALUES.format(r='c')} FROM clusters c",
    f"""INSERT INTO clusters_fts (rowid, text, notes, sources)
        SELECT f.id, {_FTS_VALUES.format(r='c')} FROM clusters c JOIN cluster_facets f ON f.cluster_id = c.id""",
)


register(
    4,
    "statements of control: sentences that say who holds a place, with no event in them",
    # Evidence for the control timeline beside the territorial events; `json` is the whole
    # ControlStatement.to_dict(), the flat columns are for filtering by place and date.
    """
    CREATE TABLE control_statements (
        id            TEXT PRIMARY KEY,
        article_row   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        statement_date TEXT,
        geonameid     INTEGER,
        place_name    TEXT,
        controller_id TEXT,
        modality      TEXT NOT NULL,
        span_start    INTEGER NOT NULL,
        json          TEXT NOT NULL
    )
    """,
    "CREATE INDEX control_statements_date ON control_statements(statement_date)",
)


register(
    5,
    "fast web filters: a spatial index of fused events",
    # A bounding box is two ranges; the B-tree on (longitude, latitude) of migration 3 could use
    # only the first, then sorted every event in that band of longitude.  An R*Tree answers both
    # ranges at once; rowid = cluster_facets.id.  Points: min = max.
    """
    CREATE VIRTUAL TABLE cluster_facets_box USING rtree(
        id, west, east, south, north
    )
    """,
    """
    CREATE TRIGGER cluster_facets_box_insert AFTER INSERT ON cluster_facets
    WHEN new.longitude IS NOT NULL AND new.latitude IS NOT NULL BEGIN
        INSERT INTO cluster_facets_box (id, west, east, south, north)
        VALUES (new.id, new.longitude, new.longitude, new.latitude, new.latitude);
    END
    """,
    """
    CREATE TRIGGER cluster_facets_box_delete AFTER DELETE ON cluster_facets BEGIN
        DELETE FROM cluster_facets_box WHERE id = old.id;
    END
    """,
    # The planner preferred this half-useful index to walking the feed's order; the R*Tree replaces it.
    "DROP INDEX cluster_facets_place",
    # A database indexed by migration 3: put what it already holds in the box.
    """
    INSERT INTO cluster_facets_box (id, west, east, south, north)
    SELECT id, longitude, longitude, latitude, latitude FROM cluster_facets
    WHERE longitude IS NOT NULL AND latitude IS NOT NULL
    """,
)
