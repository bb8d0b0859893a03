"""The analyst's desk over HTTP: the read-only API over a sitrep database, and the map page.

    app = create_app("demo.db")                  # read-only
    app = create_app("demo.db", token="s3cret")  # POST /api/articles ingests, with that bearer token

Every request reads through its own read-only SQLite connection (WAL lets a writer work
meanwhile); only `POST /api/articles` writes, through a `Store`, one request at a time.
"""

from __future__ import annotations

import hmac
import io
import json
import sqlite3
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from ..control import control_as_of
from ..errors import SitrepError
from ..export.fused import write_control, write_fused
from ..storage import Store
from . import queries
from .highlight import highlights

__all__ = ["create_app", "DEFAULT_MAX_UPLOAD"]

STATIC = Path(__file__).parent / "static"
DEFAULT_MAX_UPLOAD = 1_000_000  # bytes: a long article is ~50 kB; more is a mistake or an abuse
MAX_PAGE = 5000


class ArticleIn(BaseModel):
    """An article to ingest: the fields of a line of a `.jsonl` input."""

    id: str = Field(min_length=1, max_length=200)
    text: str = Field(min_length=1)
    published: date | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None


class _Connections(threading.local):
    conn: sqlite3.Connection | None = None


class _ControlEvidence:
    """The evidence the control timeline replays (the fused events that can tell of control, the
    statements of control), read once per version of the database: the slider asks for one date
    after another, and reading it costs more than replaying it.  `PRAGMA data_version` on a
    connection of its own changes whenever another connection (ingest, fusion) commits."""

    def __init__(self, db: Path) -> None:
        self._db = db
        self._conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._version: int | None = None
        self._evidence: tuple[list[dict[str, Any]], list[Any]] = ([], [])

    def get(self) -> tuple[list[dict[str, Any]], list[Any]]:
        with self._lock:
            version = self._conn.execute("PRAGMA data_version").fetchone()[0]
            if version != self._version:
                # read after the version: a commit in between only makes the next call read again
                with Store(self._db) as store:
                    statements = store.control_statements()
                self._evidence = (queries.control_evidence(self._conn), statements)
                self._version = version
            return self._evidence


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    try:
        west, south, east, north = (float(v) for v in value.split(","))
    except ValueError:
        raise HTTPException(422, f"bbox must be west,south,east,north in degrees, not {value!r}") from None
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise HTTPException(422, f"bbox out of range or inverted: {value!r}")
    return west, south, east, north


def _event_filter(
    since: date | None = None, until: date | None = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north")] = None,
    event_type: str | None = None, sub_event_type: str | None = None,
    actor: Annotated[str | None, Query(description="part of an actor's name, or its id")] = None,
    country: Annotated[str | None, Query(description="ISO alpha-2 code or country name")] = None,
    admin1: str | None = None, modality: str | None = None,
    q: Annotated[str | None, Query(description="words of the sentences, notes or headlines")] = None,
) -> queries.EventFilter:
    """The filters of /api/events and /api/summary, from the query string."""
    return queries.EventFilter(since.isoformat() if since else None, until.isoformat() if until else None,
                               _bbox(bbox), event_type, sub_event_type, actor, country, admin1, modality, q)


def create_app(db: str | Path, token: str | None = None, max_upload: int = DEFAULT_MAX_UPLOAD) -> FastAPI:
    """The FastAPI app over the database at `db` (migrated on start); ingest only with a token."""
    db = Path(db)
    with Store(db):  # creates the file or brings its schema up to date, so readers find the tables
        pass
    local = _Connections()
    write_lock = threading.Lock()
    evidence = _ControlEvidence(db)

    def conn() -> sqlite3.Connection:
        if local.conn is None:
            local.conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, check_same_thread=False)
        return local.conn

    # Swagger UI from static/vendor, not its default CDN: the desk works with no connection.
    app = FastAPI(title="sitrep", summary="Fused, sourced, geocoded conflict events; control; reports.",
                  version="1", docs_url=None, redoc_url=None)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="sitrep API",
                                   swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg")

    @app.get("/api/events", summary="Fused events, newest first, filtered and paged")
    def events(
        f: Annotated[queries.EventFilter, Depends(_event_filter)],
        cursor: Annotated[str | None, Query(description="next_cursor of the previous page")] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
        format: Literal["json", "csv", "geojson"] = "json",
    ) -> Response:
        page = queries.find_events(conn(), f, limit, cursor)
        headers = {"X-Next-Cursor": page.next_cursor} if page.next_cursor else {}
        if format == "json":
            # the stored JSON texts as they are: parsing and re-encoding them was most of a page's cost
            body = (f'{{"events": [{", ".join(page.stored)}], "count": {len(page.stored)},'
                    f' "next_cursor": {json.dumps(page.next_cursor)}}}')
            return Response(body, media_type="application/json", headers=headers)
        out = io.StringIO()
        write_fused(page.events, out, format)
        if format == "csv":
            return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
        collection = json.loads(out.getvalue())
        collection["next_cursor"] = page.next_cursor
        return JSONResponse(collection, media_type="application/geo+json", headers=headers)

    @app.get("/api/summary", summary="Events matching the filters of /api/events, counted: per day and type,"
                                     " total, dates, bounds")
    def summary(f: Annotated[queries.EventFilter, Depends(_event_filter)]) -> dict[str, Any]:
        return queries.summary(conn(), f)

    @app.get("/api/events/{event_id}", summary="One fused event with its provenance")
    def event(event_id: str) -> dict[str, Any]:
        fused = queries.fused_event(conn(), event_id)
        if fused is None:
            raise HTTPException(404, f"no event {event_id!r}")
        stored = queries.article_titles(conn(), [s["article_id"] for s in fused["sources"]])
        provenance = []
        for s in fused["sources"]:
            article = stored.get(s["article_id"], {})
            provenance.append({**s, "title": s.get("headline") or article.get("title"),
                               "outlet": s.get("outlet") or article.get("outlet"),
                               "url": s.get("url") or article.get("url"),
                               "highlights": highlights(s.get("sentence") or "", fused,
                                                        queries.place_spans(conn(), s["event_id"]))})
        return {"event": fused, "sentence": fused.get("text"),
                "highlights": provenance[0]["highlights"] if provenance and provenance[0]["sentence"] == fused.get("text")
                else highlights(fused.get("text") or "", fused), "sources": provenance}

    def _control(as_of: date | None) -> list[dict[str, Any]]:
        fused, statements = evidence.get()
        return [s.to_dict() for s in control_as_of(fused, (as_of or date.today()).isoformat(), statements)]

    @app.get("/api/control", summary="Who holds each place as of a date (default today)")
    def control(as_of: date | None = None, format: Literal["json", "geojson"] = "json") -> Response:
        out = io.StringIO()
        write_control(_control(as_of), out, format)
        return Response(out.getvalue(), media_type="application/geo+json" if format == "geojson"
                        else "application/json")

    @app.get("/api/places", summary="Places of the fused events, with counts")
    def places() -> list[dict[str, Any]]:
        return queries.places(conn())

    @app.get("/api/actors", summary="Actors of the fused events, with counts")
    def actors() -> list[dict[str, Any]]:
        return queries.actors(conn())

    @app.get("/api/report", summary="The situation report of a period")
    def report(since: date, until: date, country: str | None = None,
               format: Literal["md", "html"] = "html") -> Response:
        from ..report import build_report, render

        if since > until:
            raise HTTPException(422, "since is after until")
        with Store(db) as store:
            built = build_report(store, since.isoformat(), until.isoformat(), country)
        text = render(built, format)
        return HTMLResponse(text) if format == "html" else PlainTextResponse(text, media_type="text/markdown")

    @app.post("/api/articles", summary="Ingest articles (needs the server's token)", status_code=201)
    async def post_articles(request: Request) -> dict[str, Any]:
        if token is None:
            raise HTTPException(403, "ingest is off: start `sitrep serve` with --token or SITREP_TOKEN")
        given = request.headers.get("authorization", "")
        if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
            raise HTTPException(401, "a valid 'Authorization: Bearer <token>' header is needed")
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > max_upload:
            raise HTTPException(413, f"body over {max_upload} bytes")
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > max_upload:
                raise HTTPException(413, f"body over {max_upload} bytes")
        articles = _parse_articles(body)
        return _ingest(db, articles, write_lock)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    @app.get("/report", include_in_schema=False)
    def report_page(since: date | None = None, until: date | None = None) -> Response:
        if since is None or until is None:
            row = conn().execute("SELECT min(event_date), max(event_date) FROM cluster_facets").fetchone()
            if row[0] is None:
                return HTMLResponse("<!doctype html><title>sitrep report</title><p>No events stored yet.</p>")
            since, until = since or date.fromisoformat(row[0]), until or date.fromisoformat(row[1])
        return report(since, until)

    app.mount("/static", StaticFiles(directory=STATIC, check_dir=False), name="static")
    return app


def _parse_articles(body: bytes) -> list[ArticleIn]:
    """One article object, a JSON array of them, or JSON Lines."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise HTTPException(400, f"body is not UTF-8: {exc}") from None
    try:
        data = json.loads(text)
        items = data if isinstance(data, list) else [data]
    except json.JSONDecodeError:
        items = []
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    items.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise HTTPException(400, f"body line {n}: not JSON: {exc.msg}") from None
    if not items:
        raise HTTPException(400, "no article in the body")
    articles = []
    for n, item in enumerate(items, 1):
        try:
            articles.append(ArticleIn.model_validate(item))
        except ValueError as exc:
            raise HTTPException(422, f"article {n}: {exc}") from None
    return articles


def _ingest(db: Path, items: list[ArticleIn], lock: threading.Lock) -> dict[str, Any]:
    from ..models import Article
    from ..pipeline import ingest, load_resources

    articles = [Article(a.id, a.text, a.published.isoformat() if a.published else None, a.title, a.url,
                        a.outlet, source="POST /api/articles") for a in items]
    with lock:
        try:
            with Store(db) as store:
                run = ingest(iter(articles), store, _resources(load_resources), lambda msg: None)
        except SitrepError as exc:
            raise HTTPException(500, str(exc)) from None
    return {"read": run.read, "added": run.added, "already_stored": run.already_stored, "events": run.events,
            "fused": run.fused, "errors": run.errors}


_loaded: list[Any] = []


def _resources(load: Callable[[], Any]) -> Callable[[], Any]:
    """The spaCy model and gazetteer, loaded by the first ingest and kept for the next ones."""
    def get() -> Any:
        if not _loaded:
            _loaded.append(load())
        return _loaded[0]
    return get

