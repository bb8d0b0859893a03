"""The web API's read-only queries over the fused events (tables `clusters`, `cluster_facets`, `clusters_fts`).

The filters work on `cluster_facets` (narrow, indexed) and full-text search on `clusters_fts`,
both kept in step with `clusters` by the triggers of storage migration 3; only the page of
results is read back as JSON.  Pagination is by keyset: newest first, on `sort_key`
(date, then id), so a page costs the same however deep it is.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from ..control import telling_phrases
from ..fusion.match import TERRITORIAL

__all__ = ["EventFilter", "EventPage", "find_events", "fused_event", "article_titles", "places", "actors",
           "fts_query", "summary", "control_evidence"]


@dataclass(frozen=True)
class EventFilter:
    """What `GET /api/events` may filter on; None means no filter."""

    since: str | None = None
    until: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    country: str | None = None
    admin1: str | None = None
    modality: str | None = None
    q: str | None = None


@dataclass(frozen=True)
class EventPage:
    stored: list[str]  # the events as stored: JSON texts, newest first
    next_cursor: str | None

    @property
    def events(self) -> list[dict[str, Any]]:
        return [json.loads(text) for text in self.stored]


def fts_query(text: str) -> str:
    """The words of a search box as an FTS5 query: every word must occur (as a prefix of a word).

    Quoting each word keeps punctuation ("Deir ez-Zor", "al-Bab") from being read as FTS syntax.
    """
    return " AND ".join('"' + w.replace('"', '""') + '"*' for w in text.split())


# Below this many candidates, reading them all and sorting them beats walking the feed's order.
_FEW = 2000


def _few(conn: sqlite3.Connection, candidates: str, params: list[Any]) -> bool:
    """Whether a filter's candidates (a query of cluster_facets ids) are few enough to read and sort.

    A rare word or a small box has few: look them up and sort them.  A common one matches many
    events: then walking the feed newest first finds a page after a few hundred rows, and stops.
    SQLite cannot tell the two cases apart from a MATCH or an R*Tree, so we count, up to _FEW.
    """
    return conn.execute(f"SELECT count(*) FROM ({candidates} LIMIT {_FEW})", params).fetchone()[0] < _FEW


def _where(f: EventFilter, conn: sqlite3.Connection) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    # sort_key starts with the ISO date, so a date range is also a range of sort_key: the implied
    # bound lets the feed's own index walk just that range, newest first, instead of the whole feed.
    # Implied (so results are unchanged) because both are YYYY-MM-DD: the API parses them as dates
    # and the output contract stores no other form; the id after '~' is ASCII, below U+FFFF.
    if f.since:
        where.append("x.event_date >= ? AND x.sort_key >= ?")
        params += [f.since, f.since]
    if f.until:
        where.append("x.event_date <= ? AND x.sort_key < ?")
        params += [f.until, f.until + "~\uffff"]
    if f.bbox:
        west, south, east, north = f.bbox
        where.append("x.longitude BETWEEN ? AND ? AND x.latitude BETWEEN ? AND ?")
        params += [west, east, south, north]
        box = "SELECT id FROM cluster_facets_box WHERE east >= ? AND west <= ? AND north >= ? AND south <= ?"
        box_params = [west, east, south, north]
        if _few(conn, box, box_params):  # otherwise the columns' test above, row by row, is cheaper
            where.append(f"x.id IN ({box})")
            params += box_params
    for column, value in (("event_type", f.event_type), ("sub_event_type", f.sub_event_type),
                          ("modality", f.modality)):
        if value:
            where.append(f"x.{column} = ?")
            params.append(value)
    if f.admin1:
        where.append("x.admin1 = ? COLLATE NOCASE")
        params.append(f.admin1)
    if f.country:
        where.append("(x.country_code = upper(?) OR x.country = ? COLLATE NOCASE)")
        params += [f.country, f.country]
    if f.actor:
        # An analyst types part of a name ("Tahrir") or an id ("hts"): either actor matches.
        like = "%" + f.actor.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        where.append("(x.actor1 LIKE ? ESCAPE '\\' OR x.actor2 LIKE ? ESCAPE '\\'"
                     " OR x.actor1_id = ? COLLATE NOCASE OR x.actor2_id = ? COLLATE NOCASE)")
        params += [like, like, f.actor, f.actor]
    if f.q and f.q.split():
        words = "SELECT rowid FROM clusters_fts WHERE clusters_fts MATCH ?"
        # The unary `+` keeps SQLite from driving the query from many candidates, one by one.
        where.append(f"{'' if _few(conn, words, [fts_query(f.q)]) else '+'}x.id IN ({words})")
        params.append(fts_query(f.q))
    return where, params


def find_events(conn: sqlite3.Connection, f: EventFilter, limit: int, cursor: str | None = None) -> EventPage:
    """One page of fused events matching the filter, newest first, and the cursor of the next page."""
    where, params = _where(f, conn)
    if cursor:
        where.append("x.sort_key < ?")
        params.append(cursor)
    # The page is chosen on the narrow facets alone; only its rows read the (large) JSON.
    page = "SELECT x.sort_key, x.cluster_id FROM cluster_facets x"
    if where:
        page += " WHERE " + " AND ".join(where)
    page += " ORDER BY x.sort_key DESC LIMIT ?"
    sql = f"SELECT p.sort_key, c.json FROM ({page}) p JOIN clusters c ON c.id = p.cluster_id ORDER BY p.sort_key DESC"
    rows = conn.execute(sql, (*params, limit + 1)).fetchall()
    more = len(rows) > limit
    rows = rows[:limit]
    return EventPage([r[1] for r in rows], rows[-1][0] if more and rows else None)


def fused_event(conn: sqlite3.Connection, event_id: str) -> dict[str, Any] | None:
    """A fused event by its id, or by the id of any event fused into it."""
    row = conn.execute("SELECT json FROM clusters WHERE id = ?", (event_id,)).fetchone()
    if row is None:
        row = conn.execute("SELECT c.json FROM cluster_members m JOIN clusters c ON c.id = m.cluster_id"
                           " WHERE m.event_id = ?", (event_id,)).fetchone()
    return json.loads(row[0]) if row else None


def article_titles(conn: sqlite3.Connection, article_ids: list[str]) -> dict[str, dict[str, Any]]:
    """Stored metadata of articles by id: title, outlet, url, published."""
    if not article_ids:
        return {}
    marks = ",".join("?" * len(article_ids))
    rows = conn.execute(f"SELECT article_id, title, outlet, url, published FROM articles"
                        f" WHERE article_id IN ({marks})", article_ids).fetchall()
    return {r[0]: {"title": r[1], "outlet": r[2], "url": r[3], "published": r[4]} for r in rows}


def places(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every place a fused event is located at, with how many events and their date range."""
    rows = conn.execute(
        "SELECT location_name, admin1, country_code, country, round(latitude, 5), round(longitude, 5),"
        " count(*), min(event_date), max(event_date) FROM cluster_facets"
        " WHERE location_name IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY count(*) DESC, 1").fetchall()
    keys = ("name", "admin1", "country_code", "country", "latitude", "longitude", "events", "first", "last")
    return [dict(zip(keys, r, strict=True)) for r in rows]


def actors(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every actor of a fused event (as actor1 or actor2), with how many events."""
    rows = conn.execute(
        "SELECT name, id, count(*) FROM (SELECT actor1 AS name, actor1_id AS id FROM cluster_facets"
        " UNION ALL SELECT actor2, actor2_id FROM cluster_facets) WHERE name IS NOT NULL"
        " GROUP BY 1, 2 ORDER BY count(*) DESC, 1").fetchall()
    return [{"name": r[0], "id": r[1], "events": r[2]} for r in rows]


def place_spans(conn: sqlite3.Connection, event_id: str) -> list[tuple[int, int, int | None]]:
    """The toponyms the geoparser found in an event's sentence: (start, end, geonameid), sentence offsets."""
    rows = conn.execute(
        'SELECT p."start" - e.span_start, p."end" - e.span_start, p.geonameid FROM events e'
        " JOIN places p ON p.article_row = e.article_row"
        ' WHERE e.id = ? AND p."start" >= e.span_start AND p."end" <= json_extract(e.json, \'$.span[1]\')'
        ' ORDER BY p."start"', (event_id,)).fetchall()
    return [(r[0], r[1], r[2]) for r in rows]


def summary(conn: sqlite3.Connection, f: EventFilter) -> dict[str, Any]:
    """What the events matching a filter add up to, for the page's chart and framing: their number,
    first and last dates, the box around the placed ones, and events per day by type (None: a
    statement, with no ACLED type), counted in SQL so the page need not fetch every event."""
    where, params = _where(f, conn)
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    # The day as sort_key's head (event_date, '0000-00-00' for none): unfiltered, the (type, sort_key)
    # index then holds all the query reads.
    rows = conn.execute("SELECT substr(x.sort_key, 1, instr(x.sort_key, '~') - 1), x.event_type, count(*)"
                        f" FROM cluster_facets x{clause} GROUP BY 1, 2 ORDER BY 1, 2", params).fetchall()
    west, south, east, north = conn.execute(
        f"SELECT min(x.longitude), min(x.latitude), max(x.longitude), max(x.latitude) FROM cluster_facets x{clause}",
        params).fetchone()
    per_day = [{"date": day, "event_type": kind, "events": n} for day, kind, n in rows if day != "0000-00-00"]
    return {"total": sum(r[2] for r in rows),
            "first": per_day[0]["date"] if per_day else None, "last": per_day[-1]["date"] if per_day else None,
            "bounds": [west, south, east, north] if west is not None else None, "per_day": per_day}


def control_evidence(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """The fused events that can tell of a change of control, in date order: those of a territorial
    sub-type and those whose words include one of control's telling phrases.  The full-text index
    finds the latter, so the (few) candidates are parsed, not the whole feed; `control_as_of`
    decides on them exactly as on every event."""
    phrases = " OR ".join('"' + p.replace('"', '""') + '"*' for p in telling_phrases())
    marks = ",".join("?" * len(TERRITORIAL))
    rows = conn.execute(
        "SELECT c.json FROM cluster_facets x JOIN clusters c ON c.id = x.cluster_id"
        f" WHERE x.sub_event_type IN ({marks})"
        " OR x.id IN (SELECT rowid FROM clusters_fts WHERE clusters_fts MATCH ?)"
        " ORDER BY x.event_date, c.id", (*sorted(TERRITORIAL), phrases)).fetchall()
    return [json.loads(r[0]) for r in rows]
