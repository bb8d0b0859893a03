"""The HTTP API (`sitrep serve`) against a real database built from the sample corpus, over real HTTP."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from urllib.parse import quote

import pytest

from _web import get, ingest_demo, serving
from sitrep.storage import Store


@pytest.fixture(scope="module")
def demo_db(res, tmp_path_factory) -> Path:
    return ingest_demo(res, tmp_path_factory.mktemp("web") / "demo.db")


@pytest.fixture(scope="module")
def api(demo_db: Path):
    with serving(demo_db) as base:
        yield base


def _json(url: str):
    status, _, body = get(url)
    assert status == 200, body[:300]
    return json.loads(body)


def _stored(demo_db: Path) -> list[dict]:
    with Store(demo_db) as store:
        return store.clusters()


def test_events_pages_through_every_fused_event_newest_first(api: str, demo_db: Path) -> None:
    seen, cursor, pages = [], None, 0
    while True:
        page = _json(f"{api}/api/events?limit=10" + (f"&cursor={cursor}" if cursor else ""))
        seen += page["events"]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    stored = _stored(demo_db)
    assert sorted(e["id"] for e in seen) == sorted(f["id"] for f in stored)
    assert len(seen) == len({e["id"] for e in seen})  # no event on two pages
    assert pages == -(-len(stored) // 10)
    dates = [e["event_date"] or "" for e in seen]
    assert dates == sorted(dates, reverse=True)


def test_each_filter_keeps_exactly_the_matching_events(api: str, demo_db: Path) -> None:
    stored = _stored(demo_db)

    def ids(query: str) -> set[str]:
        return {e["id"] for e in _json(f"{api}/api/events?limit=5000&{quote(query, safe='=&')}")["events"]}

    assert ids("since=2024-12-05&until=2024-12-06") == {
        f["id"] for f in stored if f["event_date"] and "2024-12-05" <= f["event_date"] <= "2024-12-06"}
    assert ids("event_type=Battles") == {f["id"] for f in stored if f["event_type"] == "Battles"}
    hts = {f["id"] for f in stored if any(a and a["id"] == "hts" for a in (f["actor1"], f["actor2"]))}
    assert hts and ids("actor=hts") == hts
    assert ids("actor=Tahrir") >= hts
    in_box = {f["id"] for f in stored if f["location"] and 36.0 <= f["location"]["longitude"] <= 37.5
              and 34.5 <= f["location"]["latitude"] <= 36.0}
    assert in_box and ids("bbox=36.0,34.5,37.5,36.0") == in_box
    assert ids("country=SY") == ids("country=syria") == {
        f["id"] for f in stored if f["location"] and f["location"]["country_code"] == "SY"}
    claimed = {f["id"] for f in stored if f["modality"] == "claimed"}
    assert ids("modality=claimed") == claimed
    hama = ids("q=Hama")
    assert hama and all("hama" in json.dumps(f, ensure_ascii=False).lower()
                        for f in stored if f["id"] in hama)
    assert ids("q=Deir ez-Zor") and ids("q=nosuchwordanywhere") == set()


def test_csv_and_geojson_carry_the_same_page(api: str) -> None:
    page = _json(f"{api}/api/events?limit=7&event_type=Battles")
    status, headers, body = get(f"{api}/api/events?limit=7&event_type=Battles&format=csv")
    rows = list(csv.DictReader(io.StringIO(body.decode())))
    assert status == 200 and headers["content-type"].startswith("text/csv")
    assert [r["event_id_cnty"] for r in rows] == [e["id"] for e in page["events"]]
    assert headers.get("x-next-cursor") == page["next_cursor"]
    geo = _json(f"{api}/api/events?limit=7&event_type=Battles&format=geojson")
    assert geo["type"] == "FeatureCollection"
    assert [f["id"] for f in geo["features"]] == [e["id"] for e in page["events"]]


def test_bad_parameters_are_usage_errors(api: str) -> None:
    assert get(f"{api}/api/events?bbox=1,2,3")[0] == 422
    assert get(f"{api}/api/events?since=yesterday")[0] == 422
    assert get(f"{api}/api/events?limit=0")[0] == 422
    assert get(f"{api}/api/events/no-such-event")[0] == 404


def test_an_event_shows_its_sentence_and_every_source(api: str, demo_db: Path) -> None:
    hama = next(f for f in _stored(demo_db) if f["location"] and f["location"]["geonameid"] == 170017
                and len(f["sources"]) > 1)
    d = _json(f"{api}/api/events/{hama['id']}")
    assert d["event"]["id"] == hama["id"] and d["sentence"] == hama["text"]
    assert [s["event_id"] for s in d["sources"]] == [s["event_id"] for s in hama["sources"]]
    for s in d["sources"]:
        assert s["sentence"] and s["title"] and s["outlet"] and s["article_id"]
        for h in s["highlights"]:
            assert s["sentence"][h["start"]:h["end"]]
    marked = [s["sentence"][h["start"]:h["end"]] for s in d["sources"] for h in s["highlights"]
              if h["role"] == "place"]
    assert any(m.lower() in ("hama", "ḩamāh") for m in marked), marked
    # a member event's own id leads to its fused event
    assert _json(f"{api}/api/events/{hama['sources'][-1]['event_id']}")["event"]["id"] == hama["id"]


def test_control_as_of_a_date_follows_the_timeline(api: str) -> None:
    before = _json(f"{api}/api/control?as_of=2024-11-28")
    after = _json(f"{api}/api/control?as_of=2024-12-09")
    hama = [e for e in after if e["place"]["geonameid"] == 170017]
    assert not [e for e in before if e["place"]["geonameid"] == 170017]
    assert hama and hama[0]["status"] == "controlled" and hama[0]["controller"]["id"] == "hts"
    geo = _json(f"{api}/api/control?as_of=2024-12-09&format=geojson")
    assert len(geo["features"]) == len(after)


def _days(first: str, last: str) -> list[str]:
    from datetime import date, timedelta

    start, end = date.fromisoformat(first), date.fromisoformat(last)
    return [(start + timedelta(days=n)).isoformat() for n in range((end - start).days + 1)]


def test_control_of_every_day_is_what_all_the_stored_events_say(api: str, demo_db: Path) -> None:
    """The server replays only the events that can tell of control: the same states, day by day."""
    from sitrep.control import control_as_of

    with Store(demo_db) as store:
        fused, statements = store.clusters(), store.control_statements()
    dated = sorted(f["event_date"] for f in fused if f["event_date"])
    changed = 0
    previous = None
    for day in _days(dated[0], dated[-1]):
        served = _json(f"{api}/api/control?as_of={day}")
        assert served == [s.to_dict() for s in control_as_of(fused, day, statements)], day
        changed += served != previous
        previous = served
    assert changed > 3  # the demo's control changes on several days


def test_control_follows_a_change_of_the_database(demo_db: Path, tmp_path: Path) -> None:
    import sqlite3

    from sitrep.control import control_as_of

    db = tmp_path / "copy.db"
    with sqlite3.connect(demo_db) as src, sqlite3.connect(db) as dst:
        src.backup(dst)
    with serving(db) as base:
        before = _json(f"{base}/api/control?as_of=2024-12-09")
        with Store(db) as store:  # another writer (a new fusion) leaves no event at Hama
            kept = [f for f in store.clusters() if (f["location"] or {}).get("geonameid") != 170017]
            store.replace_clusters((f, []) for f in kept)
            statements = store.control_statements()
        after = _json(f"{base}/api/control?as_of=2024-12-09")
    assert any(e["place"]["geonameid"] == 170017 for e in before)
    assert after != before
    assert after == [s.to_dict() for s in control_as_of(kept, "2024-12-09", statements)]


def test_summary_counts_what_the_events_filter_finds(api: str) -> None:
    for query in ("", "event_type=Battles", "actor=hts", "since=2024-12-01&until=2024-12-06", "q=Hama"):
        events = _json(f"{api}/api/events?limit=5000&{query}")["events"]
        got = _json(f"{api}/api/summary?{query}")
        assert got["total"] == len(events), query
        per_day: dict[tuple, int] = {}
        for e in events:
            if e["event_date"]:
                key = (e["event_date"], e["event_type"])
                per_day[key] = per_day.get(key, 0) + 1
        assert {(d["date"], d["event_type"]): d["events"] for d in got["per_day"]} == per_day, query
        dated = sorted(e["event_date"] for e in events if e["event_date"])
        assert (got["first"], got["last"]) == (dated[0], dated[-1])
        lons = [e["location"]["longitude"] for e in events if e["location"] and e["location"]["longitude"] is not None]
        assert got["bounds"][0] == min(lons) and got["bounds"][2] == max(lons)
    assert _json(f"{api}/api/summary?q=nosuchwordanywhere") == {"total": 0, "first": None, "last": None,
                                                                "bounds": None, "per_day": []}


def test_places_actors_and_report(api: str, demo_db: Path) -> None:
    places = _json(f"{api}/api/places")
    stored = _stored(demo_db)
    assert sum(p["events"] for p in places) == sum(1 for f in stored if f["location"])
    actors = {a["id"]: a for a in _json(f"{api}/api/actors")}
    assert actors["hts"]["events"] == len(_json(f"{api}/api/events?actor=hts&limit=5000")["events"])
    status, headers, body = get(f"{api}/api/report?since=2024-11-27&until=2024-12-08")
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert "Changes of control" in body.decode()
    status, _, body = get(f"{api}/api/report?since=2024-11-27&until=2024-12-08&format=md")
    assert body.decode().startswith("# Situation report")
    assert get(f"{api}/api/report?since=2024-12-08&until=2024-11-27")[0] == 422


def test_openapi_and_docs_are_served_locally(api: str) -> None:
    schema = _json(f"{api}/openapi.json")
    assert {"/api/events", "/api/events/{event_id}", "/api/summary", "/api/control", "/api/places",
            "/api/actors", "/api/report", "/api/articles"} <= set(schema["paths"])
    status, _, body = get(f"{api}/docs")
    assert status == 200 and b"/static/vendor/swagger-ui/swagger-ui-bundle.js" in body and b"https://" not in body


def test_ingest_is_off_without_a_token(api: str, demo_db: Path) -> None:
    before = _stored(demo_db)
    status, _, body = get(f"{api}/api/articles", data=b'{"id": "x", "text": "Shelling hit Idlib."}',
                          headers={"content-type": "application/json"})
    assert status == 403 and b"token" in body
    assert _stored(demo_db) == before


def test_ingest_with_the_token_adds_an_article_and_refuses_big_or_unauthorised_bodies(res, tmp_path: Path) -> None:
    import sitrep.web.app as web_app

    web_app._loaded[:] = [res]  # the session's model, so the server does not load a second copy
    db = tmp_path / "live.db"
    article = {"id": "web-1", "published": "2024-12-02", "outlet": "Test Wire",
               "text": "Government warplanes struck the town of Saraqib on Monday, killing four civilians, "
                       "a war monitor said."}
    with serving(db, token="s3cret", max_upload=2000) as base:
        body = json.dumps(article).encode()
        assert get(f"{base}/api/articles", data=body, headers={"authorization": "Bearer wrong"})[0] == 401
        assert get(f"{base}/api/articles", data=b"x" * 3000, headers={"authorization": "Bearer s3cret"})[0] == 413
        assert get(f"{base}/api/articles", data=b'{"id": "no text"}',
                   headers={"authorization": "Bearer s3cret"})[0] == 422
        status, _, reply = get(f"{base}/api/articles", data=body, headers={"authorization": "Bearer s3cret"})
        assert status == 201, reply
        run = json.loads(reply)
        assert run["added"] == 1 and run["events"] >= 1 and not run["errors"]
        events = _json(f"{base}/api/events?q=Saraqib")["events"]
        assert events and events[0]["sources"][0]["outlet"] == "Test Wire"
        again = json.loads(get(f"{base}/api/articles", data=body, headers={"authorization": "Bearer s3cret"})[2])
        assert again["added"] == 0 and again["already_stored"] == 1


@pytest.mark.parametrize("params", [{"bbox": (36.0, 34.5, 37.5, 36.0)}, {"q": "Hama"}, {"q": "forces"},
                                    {"bbox": (35.0, 33.0, 38.0, 37.0), "since": "2024-11-01", "until": "2024-12-31"}])
def test_both_plans_of_a_box_or_a_word_find_the_same_pages(demo_db: Path, params, monkeypatch) -> None:
    """Few candidates are looked up and sorted, many are met walking the feed: the pages must not differ."""
    import sqlite3

    from sitrep.web import queries

    def pages() -> list[list[str]]:
        out, cursor = [], None
        with sqlite3.connect(demo_db) as conn:
            while True:
                page = queries.find_events(conn, queries.EventFilter(**params), 2, cursor)
                out.append([e["id"] for e in page.events])
                if not (cursor := page.next_cursor):
                    return out
    looked_up = pages()
    monkeypatch.setattr(queries, "_FEW", 1)  # every filter now counts as having many candidates
    assert sum(map(len, looked_up)) > 0 and pages() == looked_up
