"""The SQLite event store: articles (deduplicated by content), their events and place mentions.

Every query sitrep runs against the database is in this module; the schema itself
is in migrations.py.  Transactions are explicit (the connection is in autocommit
mode and we issue BEGIN/COMMIT), so one `save` is exactly one transaction.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Self

import platformdirs

from sitrep.errors import StorageError
from sitrep.models import Article, ControlStatement, Event, PlaceMention
from sitrep.storage import migrations

__all__ = ["Store", "content_hash", "default_db_path"]

# Long enough to ride out another process's save (a few ms), short enough that a
# stuck writer surfaces as an error instead of a hang.
BUSY_TIMEOUT_MS = 5000


def default_db_path() -> Path:
    """`sitrep.db` in the per-user data directory (platformdirs)."""
    return Path(platformdirs.user_data_dir("sitrep")) / "sitrep.db"


def content_hash(text: str) -> str:
    """The sha256 hex digest of an article's body text: its identity for deduplication."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _quote_terms(query: str) -> str:
    """Each whitespace-separated word as an FTS5 string, so punctuation is not syntax."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in query.split())


class Store:
    """An open sitrep database; use as a context manager or call `close()`."""

    def __init__(self, path: str | Path) -> None:
        """Open (creating if needed) the database at `path` and bring its schema up to date."""
        self.path = Path(path).expanduser()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(f"{self.path}: cannot create directory {self.path.parent}: {exc}") from exc
        try:
            # isolation_level=None: no implicit BEGINs, our _transaction() is the only one.
            self._conn = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
            )
        except sqlite3.Error as exc:
            raise StorageError(f"{self.path}: cannot open database: {exc}") from exc
        self._conn.row_factory = sqlite3.Row
        try:
            self._open()
        except BaseException as exc:
            self._conn.close()
            if isinstance(exc, sqlite3.Error):
                raise StorageError(f"{self.path}: cannot open database: {exc}") from exc
            raise

    def _open(self) -> None:
        """Set per-connection pragmas, refuse a too-new schema, run pending migrations."""
        conn = self._conn
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
        # Foreign keys are off by default in SQLite and the setting is per connection.
        conn.execute("PRAGMA foreign_keys = ON")
        # Check before touching the file: a newer sitrep's database must stay as it was.
        self._check_version(self.schema_version())
        # WAL lets readers (the CLI, a web view) work while a run writes; it is
        # persistent in the file, and NORMAL sync is durable enough under WAL.
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        self._migrate()

    def _check_version(self, version: int) -> None:
        latest = migrations.latest_version()
        if version > latest:
            raise StorageError(
                f"{self.path}: database schema version {version} is newer than this "
                f"version of sitrep supports ({latest}); upgrade sitrep or use another database file"
            )

    def schema_version(self) -> int:
        """The schema version recorded in the file (`PRAGMA user_version`)."""
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        """Apply each registered migration newer than the file, one transaction each."""
        for migration in migrations.MIGRATIONS:
            if migration.version <= self.schema_version():
                continue
            with self._transaction(f"migrating to schema version {migration.version} ({migration.name})"):
                # Re-read under the write lock: another process may have just migrated.
                current = self.schema_version()
                self._check_version(current)
                if migration.version <= current:
                    continue
                for statement in migration.statements:
                    self._conn.execute(statement)
                # user_version lives in the file header, which is journaled, so it
                # commits or rolls back together with the DDL above.
                self._conn.execute(f"PRAGMA user_version = {migration.version:d}")

    @contextmanager
    def _transaction(self, what: str) -> Iterator[None]:
        """One write transaction; nested use joins the outer one, which commits or rolls back."""
        if self._conn.in_transaction:
            yield
            return
        # IMMEDIATE takes the write lock now, so the dedupe look-up and the insert
        # that follows cannot interleave with another process's save.
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StorageError(f"{self.path}: {what} failed: {exc}") from exc
        try:
            yield
            self._conn.execute("COMMIT")
        except BaseException as exc:
            # Some errors (disk full, I/O) make SQLite roll back by itself already.
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StorageError(f"{self.path}: {what} failed: {exc}") from exc
            raise

    def _read(self, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise StorageError(f"{self.path}: query failed: {exc}") from exc

    def add_article(self, article: Article) -> tuple[int, bool]:
        """Store an article unless its text is already stored; return (row id, is_new)."""
        digest = content_hash(article.text)
        with self._transaction(f"adding article {article.id!r}"):
            found = self._conn.execute(
                "SELECT id FROM articles WHERE content_hash = ?", (digest,)
            ).fetchone()
            if found is not None:
                return int(found[0]), False
            cursor = self._conn.execute(
                "INSERT INTO articles (article_id, content_hash, published, title, url,"
                " outlet, source, text, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article.id, digest, article.published, article.title, article.url,
                    article.outlet, article.source, article.text,
                    datetime.now(UTC).isoformat(timespec="seconds"),
                ),
            )
            assert cursor.lastrowid is not None
            return cursor.lastrowid, True

    def add_events(self, article_row: int, events: Iterable[Event]) -> int:
        """Store events for an article row, skipping ids already stored; return how many were new."""
        added = 0
        with self._transaction(f"adding events to article row {article_row}"):
            for event in events:
                loc = event.location
                # ON CONFLICT(id) rather than INSERT OR IGNORE: only a duplicate id
                # is skipped; a NOT NULL or CHECK failure still raises.
                cursor = self._conn.execute(
                    "INSERT INTO events (id, article_row, event_date, event_type, sub_event_type,"
                    " plover, actor1_name, actor2_name, location_name, latitude, longitude,"
                    " country_code, modality, span_start, json)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT(id) DO NOTHING",
                    (
                        event.id, article_row, event.event_date, event.event_type,
                        event.sub_event_type, event.plover,
                        event.actor1.name if event.actor1 else None,
                        event.actor2.name if event.actor2 else None,
                        loc.name if loc else None,
                        loc.latitude if loc else None,
                        loc.longitude if loc else None,
                        loc.country_code if loc else None,
                        event.modality, event.span[0],
                        json.dumps(event.to_dict(), ensure_ascii=False),
                    ),
                )
                added += cursor.rowcount
        return added

    def add_places(self, article_row: int, mentions: Iterable[PlaceMention]) -> int:
        """Store place mentions for an article row, skipping spans already stored; return how many were new."""
        added = 0
        with self._transaction(f"adding places to article row {article_row}"):
            for m in mentions:
                cursor = self._conn.execute(
                    'INSERT INTO places (article_row, "start", "end", text, name, geonameid,'
                    " latitude, longitude, feature, country_code, admin1, role, reason)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    ' ON CONFLICT(article_row, "start", "end") DO NOTHING',
                    (
                        article_row, m.start, m.end, m.text, m.name, m.geonameid,
                        m.latitude, m.longitude, m.feature, m.country_code, m.admin1,
                        m.role, m.reason,
                    ),
                )
                added += cursor.rowcount
        return added

    def add_statements(self, article_row: int, statements: Iterable[ControlStatement]) -> int:
        """Store statements of control for an article row, skipping ids already stored; return how many were new."""
        added = 0
        with self._transaction(f"adding statements of control to article row {article_row}"):
            for st in statements:
                cursor = self._conn.execute(
                    "INSERT INTO control_statements (id, article_row, statement_date, geonameid, place_name,"
                    " controller_id, modality, span_start, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT(id) DO NOTHING",
                    (st.id, article_row, st.date, st.place.get("geonameid"), st.place.get("name"),
                     st.controller.id, st.modality, st.span[0], json.dumps(st.to_dict(), ensure_ascii=False)),
                )
                added += cursor.rowcount
        return added

    def control_statements(self, until: str | None = None) -> list[tuple[ControlStatement, dict[str, str | None]]]:
        """Stored statements of control dated by `until`, each with its article's metadata
        (article_id, outlet, url, title, published), in the order the articles arrived."""
        sql = ("SELECT s.json, a.article_id, a.outlet, a.url, a.title, a.published FROM control_statements s"
               " JOIN articles a ON a.id = s.article_row")
        params: tuple = ()
        if until is not None:
            sql += " WHERE s.statement_date <= ?"
            params = (until,)
        sql += " ORDER BY s.article_row, s.span_start, s.id"
        return [(ControlStatement.from_dict(json.loads(row[0])),
                 {k: row[k] for k in ("article_id", "outlet", "url", "title", "published")})
                for row in self._read(sql, params)]

    def save(self, article: Article, events: list[Event], mentions: list[PlaceMention],
             statements: Iterable[ControlStatement] = ()) -> bool:
        """Store an article with its events, places and statements of control in one transaction;
        False if it was already stored."""
        with self._transaction(f"saving article {article.id!r}"):
            row, is_new = self.add_article(article)
            if not is_new:
                # Same text seen before: its events are already here, from its first run.
                return False
            self.add_events(row, events)
            self.add_places(row, mentions)
            self.add_statements(row, statements)
        return True

    def events(
        self, article_id: str | None = None, since: str | None = None, until: str | None = None
    ) -> list[Event]:
        """Stored events, optionally for one article and an inclusive ISO date range."""
        where: list[str] = []
        params: list[str] = []
        if article_id is not None:
            where.append("a.article_id = ?")
            params.append(article_id)
        if since is not None:
            where.append("e.event_date >= ?")
            params.append(since)
        if until is not None:
            where.append("e.event_date <= ?")
            params.append(until)
        sql = "SELECT e.json FROM events e JOIN articles a ON a.id = e.article_row"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY e.article_row, e.span_start, e.id"
        return [Event.from_dict(json.loads(row[0])) for row in self._read(sql, tuple(params))]

    def has_content(self, digest: str) -> bool:
        """Whether an article with this content hash is stored (checked before parsing a new one)."""
        return bool(self._read("SELECT 1 FROM articles WHERE content_hash = ?", (digest,)))

    def sourced_events(self) -> list[tuple[Event, dict[str, str | None]]]:
        """Every stored event with its article's metadata, in the order the articles arrived.

        The metadata: article_id, outlet, url, title, published.  Arrival order is what
        keeps fused event ids stable (fusion assigns events in this order).
        """
        sql = (
            "SELECT e.json, a.article_id, a.outlet, a.url, a.title, a.published"
            " FROM events e JOIN articles a ON a.id = e.article_row"
            " ORDER BY e.article_row, e.span_start, e.id"
        )
        out = []
        for row in self._read(sql):
            meta = {k: row[k] for k in ("article_id", "outlet", "url", "title", "published")}
            out.append((Event.from_dict(json.loads(row[0])), meta))
        return out

    def replace_clusters(self, clusters: Iterable[tuple[dict, list[str]]]) -> int:
        """Store the fused events (each a dict and its member event ids), replacing the last fusion's."""
        n = 0
        with self._transaction("storing fused events"):
            self._conn.execute("DELETE FROM cluster_members")
            self._conn.execute("DELETE FROM clusters")
            for fused, members in clusters:
                loc = fused.get("location") or {}
                self._conn.execute(
                    "INSERT INTO clusters (id, event_date, country_code, sub_event_type, json)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (fused["id"], fused.get("event_date"), loc.get("country_code"),
                     fused.get("sub_event_type"), json.dumps(fused, ensure_ascii=False)),
                )
                self._conn.executemany(
                    "INSERT INTO cluster_members (event_id, cluster_id) VALUES (?, ?)",
                    [(event_id, fused["id"]) for event_id in members],
                )
                n += 1
        return n

    def clusters(self, since: str | None = None, until: str | None = None,
                 country: str | None = None) -> list[dict]:
        """Stored fused events (dicts), optionally in an inclusive date range and one country.

        `country` matches the ISO alpha-2 code or the country's name, case-insensitively.
        """
        where: list[str] = []
        params: list[str] = []
        if since is not None:
            where.append("event_date >= ?")
            params.append(since)
        if until is not None:
            where.append("event_date <= ?")
            params.append(until)
        if country is not None:
            where.append("(lower(country_code) = lower(?)"
                         " OR lower(json_extract(json, '$.location.country')) = lower(?))")
            params += [country, country]
        sql = "SELECT json FROM clusters"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY event_date, id"
        return [json.loads(row[0]) for row in self._read(sql, tuple(params))]

    def places(self, article_id: str | None = None) -> list[PlaceMention]:
        """Stored place mentions, optionally for one article, in text order."""
        sql = (
            'SELECT a.article_id, p."start", p."end", p.text, p.name, p.geonameid, p.latitude,'
            " p.longitude, p.feature, p.country_code, p.admin1, p.role, p.reason"
            " FROM places p JOIN articles a ON a.id = p.article_row"
        )
        params: tuple = ()
        if article_id is not None:
            sql += " WHERE a.article_id = ?"
            params = (article_id,)
        sql += ' ORDER BY p.article_row, p."start", p."end"'
        return [PlaceMention(**dict(row)) for row in self._read(sql, params)]

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str]]:
        """Full-text search over article titles and text, best match first: (article_id, snippet)."""
        if not query.strip():
            return []
        sql = (
            "SELECT a.article_id, snippet(articles_fts, -1, '[', ']', '…', 12)"
            " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"
        )
        try:
            rows = self._conn.execute(sql, (query, limit)).fetchall()
        except sqlite3.OperationalError:
            # Not FTS5 syntax (e.g. "al-Bab", "Deir ez-Zor"): search the words literally.
            rows = self._read(sql, (_quote_terms(query), limit))
        return [(row[0], row[1]) for row in rows]

    def counts(self) -> dict[str, int]:
        """How many articles, events and place mentions are stored."""
        row = self._read(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events),"
            " (SELECT count(*) FROM places)"
        )[0]
        return {"articles": row[0], "events": row[1], "places": row[2]}

    def cluster_count(self) -> int:
        """How many fused events the last fusion stored."""
        return int(self._read("SELECT count(*) FROM clusters")[0][0])

    def close(self) -> None:
        """Close the connection; calling it again does nothing."""
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
