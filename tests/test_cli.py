"""The `sitrep` command line, driven as a user drives it: `python -m sitrep ...` in a subprocess.

Everything is real: the spaCy model, the gazetteer, SQLite files under tmp_path.  Each
subprocess loads the model (a second or more), so each invocation runs once in a
module-scoped fixture and several tests read its result.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

# --- the contract, written out (from the output contract and ACLED's type list) ----------

EVENT_KEYS = [
    "id", "article_id", "event_date", "date_precision", "event_type", "sub_event_type",
    "plover", "actor1", "actor2", "assoc_actors", "location", "fatalities", "modality",
    "attribution", "text", "span", "notes", "confidence",
]  # fmt: skip
ACTOR_KEYS = {"name", "id", "kind", "country"}
LOCATION_KEYS = {"name", "geonameid", "latitude", "longitude", "admin1", "country",
                 "country_code", "precision", "geonames_name", "place_id"}  # fmt: skip
PLACE_KEYS = {"article_id", "start", "end", "text", "name", "geonameid", "latitude",
              "longitude", "feature", "country_code", "admin1", "role"}  # fmt: skip

ACLED_TYPES: dict[str, set[str]] = {
    "Battles": {
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    },
    "Explosions/Remote violence": {
        "Air/drone strike",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Suicide bomb",
        "Grenade",
        "Chemical weapon",
    },
    "Violence against civilians": {
        "Attack",
        "Abduction/forced disappearance",
        "Sexual violence",
    },
    "Protests": {
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    },
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    },
}
PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip
ACTOR_KINDS = {
    "State forces", "Rebel group", "Political militia", "Identity militia", "Rioters",
    "Protesters", "Civilians", "External/Other forces",
}  # fmt: skip
MODALITIES = {"asserted", "reported", "claimed", "denied", "planned", "expected",
              "hypothetical", "negated"}  # fmt: skip
DATE_PRECISIONS = {"day", "week", "month", "year"}

ACLED_CSV_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp",
]  # fmt: skip
SITREP_CSV_COLUMNS = ["plover", "modality", "attribution", "article_id", "span_start",
                      "span_end", "text"]  # fmt: skip

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# --- test articles (invented) --------------------------------------------------------

SYRIA_HEADER = (
    "id: syr-saraqib-01\n"
    "outlet: Levant Wire\n"
    "published: 2024-12-04\n"
    "headline: Rebels take Saraqib as jets strike Aleppo countryside\n"
    "---\n"
)
SYRIA_BODY = (
    "Rebel fighters seized the town of Saraqib in Idlib province on Tuesday after heavy "
    "clashes with government troops, a monitoring group said.\n"
    "Russian warplanes struck several villages south of Aleppo on Wednesday, killing at "
    "least seven civilians, according to rescuers.\n"
    "The Syrian army said it had withdrawn from positions near Hama to protect residents.\n"
)
UKRAINE_BODY = (
    "Ukrainian forces shelled Russian positions near Kupiansk on Sunday, the general staff said.\n"
    "Moscow said its air defences downed twenty Ukrainian drones over Belgorod overnight.\n"
)
SUDAN_BODY = (
    "The Rapid Support Forces shelled El Fasher on Friday, killing 12 civilians, medics said.\n"
    "Hundreds of residents protested in Port Sudan on Saturday against the siege of the city.\n"
)
PUBLISHED = "2024-11-10"  # for the articles that carry no date


# --- helpers -------------------------------------------------------------------------


@dataclass
class Run:
    args: list[str]
    returncode: int
    stdout: str
    stderr: str

    def jsonl(self) -> list[dict]:
        return [json.loads(line) for line in self.stdout.splitlines() if line.strip()]


def sitrep(*args: str | Path, input: str | None = None, cwd: Path | None = None,
           env_home: Path | None = None) -> Run:
    """Run `python -m sitrep ARGS` and return what it did."""
    argv = [str(a) for a in args]
    env = dict(os.environ)
    if env_home is not None:  # keep any default user database out of the real home
        env["XDG_DATA_HOME"] = str(env_home)
    proc = subprocess.run(
        [sys.executable, "-m", "sitrep", *argv],
        input=input, capture_output=True, text=True, encoding="utf-8",
        cwd=cwd, env=env, timeout=600,
    )  # fmt: skip
    # the one-time place index build announces itself; it is not an error
    stderr = "".join(line for line in proc.stderr.splitlines(keepends=True)
                     if not line.startswith("building place index"))
    return Run(argv, proc.returncode, proc.stdout, stderr)


def db_counts(db: Path) -> dict[str, int]:
    """Rows in `articles` and `events`, read with sqlite3 directly."""
    con = sqlite3.connect(db)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "events")}
    finally:
        con.close()


def no_empty_strings(value, where: str = "") -> None:
    """The contract: null where unknown, never an empty string."""
    if isinstance(value, str):
        assert value != "", f"empty string at {where}"
    elif isinstance(value, dict):
        for k, v in value.items():
            no_empty_strings(v, f"{where}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            no_empty_strings(v, f"{where}[{i}]")


def check_actor(actor, where: str) -> None:
    if actor is None:
        return
    assert isinstance(actor, dict), where
    assert set(actor) == ACTOR_KEYS, where
    assert isinstance(actor["name"], str) and actor["name"], where
    assert actor["kind"] is None or actor["kind"] in ACTOR_KINDS, f"{where}: kind {actor['kind']!r}"
    assert actor["country"] is None or re.fullmatch(r"[A-Z]{3}", actor["country"]), where


def check_event(ev: dict, bodies: dict[str, str]) -> None:
    """Every contract rule one event can be checked against on its own."""
    where = f"event {ev.get('id')} ({ev.get('text', '')[:40]!r})"
    assert list(ev) == EVENT_KEYS, where  # every field, in the contract's order
    no_empty_strings(ev, where)
    assert isinstance(ev["id"], str) and ev["id"], where
    assert ev["article_id"] in bodies, where
    # span indexes the article body (after the header block) and covers `text`
    body = bodies[ev["article_id"]]
    span = ev["span"]
    assert isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span), where
    assert 0 <= span[0] < span[1] <= len(body), where
    assert body[span[0] : span[1]] == ev["text"], where
    # dates
    assert ev["event_date"] is None or ISO_DATE.match(ev["event_date"]), where
    assert ev["date_precision"] is None or ev["date_precision"] in DATE_PRECISIONS, where
    # ACLED names, exactly; sub-type belongs to its type; both null for a verbal event
    if ev["event_type"] is None:
        assert ev["sub_event_type"] is None, where
        assert ev["plover"] in PLOVER_TYPES, f"{where}: a verbal event needs a PLOVER type"
    else:
        assert ev["event_type"] in ACLED_TYPES, f"{where}: type {ev['event_type']!r}"
        assert ev["sub_event_type"] in ACLED_TYPES[ev["event_type"]], (
            f"{where}: sub-type {ev['sub_event_type']!r} of {ev['event_type']!r}")
    assert ev["plover"] is None or ev["plover"] in PLOVER_TYPES, where
    # actors
    check_actor(ev["actor1"], where + " actor1")
    check_actor(ev["actor2"], where + " actor2")
    assert isinstance(ev["assoc_actors"], list), where
    for a in ev["assoc_actors"]:
        assert a is not None
        check_actor(a, where + " assoc")
    # location
    loc = ev["location"]
    if loc is not None:
        assert set(loc) == LOCATION_KEYS, where
        assert loc["precision"] in (1, 2, 3), where
        if loc["latitude"] is not None:
            assert -90 <= loc["latitude"] <= 90 and -180 <= loc["longitude"] <= 180, where
    assert ev["fatalities"] is None or (isinstance(ev["fatalities"], int) and ev["fatalities"] >= 0), where
    assert ev["modality"] in MODALITIES, where
    assert isinstance(ev["attribution"], list) and all(isinstance(s, str) for s in ev["attribution"]), where
    assert isinstance(ev["notes"], str) and ev["notes"], where


# --- extract: one folder, run twice into one database ----------------------------------


@pytest.fixture(scope="module")
def articles_dir(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """Three invented articles; returns the folder and each article id's body."""
    d = tmp_path_factory.mktemp("articles")
    (d / "syria-saraqib.txt").write_text(SYRIA_HEADER + SYRIA_BODY, encoding="utf-8")
    (d / "ukraine-kupiansk.txt").write_text(UKRAINE_BODY, encoding="utf-8")
    (d / "sudan-fasher.txt").write_text(SUDAN_BODY, encoding="utf-8")
    bodies = {"syr-saraqib-01": SYRIA_BODY, "ukraine-kupiansk": UKRAINE_BODY, "sudan-fasher": SUDAN_BODY}
    return d, bodies


@pytest.fixture(scope="module")
def twice(articles_dir, tmp_path_factory):
    """`sitrep extract FOLDER` twice into the same database, with the counts after each."""
    folder, bodies = articles_dir
    work = tmp_path_factory.mktemp("twice")
    db = work / "events.db"
    first = sitrep("extract", folder, "--published", PUBLISHED, "--db", db, env_home=work)
    after_first = db_counts(db)
    second = sitrep("extract", folder, "--published", PUBLISHED, "--db", db, env_home=work)
    after_second = db_counts(db)
    return first, second, after_first, after_second, bodies


def test_extract_exit_status_and_json_lines(twice):
    first, second, *_ = twice
    for run in (first, second):
        assert run.returncode == 0, run.stderr
        assert run.stderr.strip() == ""
        lines = [line for line in run.stdout.splitlines() if line.strip()]
        assert lines, "no events"
        for line in lines:  # one JSON object per line
            assert isinstance(json.loads(line), dict), line


def test_extract_events_follow_the_contract(twice):
    first, _, _, _, bodies = twice
    events = first.jsonl()
    for ev in events:
        check_event(ev, bodies)
    # every article gave at least one event, and ids are distinct within the run
    assert {ev["article_id"] for ev in events} == set(bodies)
    assert len({ev["id"] for ev in events}) == len(events)


def test_extract_events_in_article_order(twice):
    first, _, _, _, bodies = twice
    events = first.jsonl()
    seen: list[str] = []
    for ev in events:  # articles come in folder order (sorted), not interleaved
        if not seen or seen[-1] != ev["article_id"]:
            assert ev["article_id"] not in seen, "an article's events are split"
            seen.append(ev["article_id"])
    assert seen == ["sudan-fasher", "syr-saraqib-01", "ukraine-kupiansk"]
    for aid in seen:
        starts = [ev["span"][0] for ev in events if ev["article_id"] == aid]
        assert starts == sorted(starts), f"{aid}: events not in text order"


def test_extract_header_block_honoured(twice):
    first, *_ = twice
    syria = [ev for ev in first.jsonl() if ev["article_id"] == "syr-saraqib-01"]
    assert syria
    # the header's published date (2024-12-04) beats --published (2024-11-10)
    dated = [ev["event_date"] for ev in syria if ev["event_date"]]
    assert dated and all(d.startswith("2024-12") for d in dated), dated
    # "seized the town of Saraqib ... on Tuesday": a territorial battle on 3 December
    takeovers = [ev for ev in syria if "Saraqib" in ev["text"] and ev["event_type"] == "Battles"]
    assert takeovers, [ev["sub_event_type"] for ev in syria]
    assert takeovers[0]["event_date"] == "2024-12-03"
    assert takeovers[0]["location"]["name"] == "Saraqib"
    assert takeovers[0]["location"]["country_code"] == "SY"


def test_extract_ids_are_stable(twice):
    first, second, *_ = twice
    assert [ev["id"] for ev in first.jsonl()] == [ev["id"] for ev in second.jsonl()]
    assert first.stdout == second.stdout


def test_extract_rerun_adds_nothing_to_the_db(twice):
    first, _, after_first, after_second, bodies = twice
    assert after_first["articles"] == len(bodies)
    assert after_first["events"] == len(first.jsonl())  # every printed event was stored
    assert after_second == after_first


# --- extract: csv, geojson, --output ---------------------------------------------------


@pytest.fixture(scope="module")
def csv_run(articles_dir, tmp_path_factory):
    folder, _ = articles_dir
    work = tmp_path_factory.mktemp("csv")
    return sitrep("extract", folder, "--published", PUBLISHED, "--format", "csv",
                  "--db", work / "csv.db", env_home=work)


@pytest.fixture(scope="module")
def geojson_run(articles_dir, tmp_path_factory):
    folder, _ = articles_dir
    work = tmp_path_factory.mktemp("geojson")
    out = work / "sub" / "events.geojson"
    run = sitrep("extract", folder, "--published", PUBLISHED, "--format", "geojson",
                 "--output", out, "--db", work / "geo.db", env_home=work)
    return run, out


def test_csv_header_is_acled_then_sitrep(csv_run):
    assert csv_run.returncode == 0, csv_run.stderr
    assert csv_run.stdout.splitlines()[0].split(",") == ACLED_CSV_COLUMNS + SITREP_CSV_COLUMNS
    rows = list(csv.reader(io.StringIO(csv_run.stdout, newline="")))
    assert rows[0] == ACLED_CSV_COLUMNS + SITREP_CSV_COLUMNS


def test_csv_rows_match_jsonl(csv_run, twice):
    first, *_ = twice
    events = first.jsonl()
    rows = list(csv.DictReader(io.StringIO(csv_run.stdout, newline="")))
    assert len(rows) == len(events)
    # same input, another database: the same ids (stable across runs and databases)
    assert [r["event_id_cnty"] for r in rows] == [ev["id"] for ev in events]
    for row, ev in zip(rows, events, strict=True):
        assert row["event_date"] == (ev["event_date"] or "")
        assert row["event_type"] == (ev["event_type"] or "")
        assert row["sub_event_type"] == (ev["sub_event_type"] or "")
        assert row["article_id"] == ev["article_id"]
        assert (int(row["span_start"]), int(row["span_end"])) == tuple(ev["span"])
        assert row["text"] == ev["text"]
        if ev["location"] and ev["location"]["latitude"] is not None:
            assert float(row["latitude"]) == pytest.approx(ev["location"]["latitude"])
            assert float(row["longitude"]) == pytest.approx(ev["location"]["longitude"])


def test_geojson_output_file(geojson_run, twice):
    run, out = geojson_run
    first, _, _, _, bodies = twice
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == ""  # --output: nothing on stdout
    assert out.is_file()
    fc = json.loads(out.read_text(encoding="utf-8"))
    assert fc["type"] == "FeatureCollection"
    feats = fc["features"]
    assert len(feats) == len(first.jsonl())
    points = 0
    for f in feats:
        assert f["type"] == "Feature"
        props = f["properties"]
        check_event(props, bodies)
        loc = props["location"]
        if f["geometry"] is None:
            assert loc is None or loc["latitude"] is None
            continue
        points += 1
        assert f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert (lon, lat) == (loc["longitude"], loc["latitude"])
    assert points > 0
    # [lon, lat], not [lat, lon]: Saraqib is at about 36.8 E, 35.9 N
    saraqib = [f for f in feats if (f["properties"]["location"] or {}).get("name") == "Saraqib"]
    assert saraqib
    lon, lat = saraqib[0]["geometry"]["coordinates"]
    assert 36 < lon < 37.5 and 35 < lat < 36.5


# --- places ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def places_run(articles_dir, tmp_path_factory):
    folder, bodies = articles_dir
    work = tmp_path_factory.mktemp("places")
    run = sitrep("places", folder / "syria-saraqib.txt", folder / "ukraine-kupiansk.txt",
                 "--published", PUBLISHED, env_home=work)
    return run, bodies


def test_places_mentions(places_run):
    run, bodies = places_run
    assert run.returncode == 0, run.stderr
    mentions = run.jsonl()
    assert mentions
    for m in mentions:
        assert PLACE_KEYS <= set(m), set(m) ^ PLACE_KEYS
        assert m["role"] in ("location", "metonym"), m
        body = bodies[m["article_id"]]
        assert body[m["start"] : m["end"]] == m["text"], m
        if m["geonameid"] is None:
            assert m["latitude"] is None and m["longitude"] is None
            assert m.get("reason"), f"unresolved mention without a reason: {m}"
    by_text = {(m["article_id"], m["text"]): m for m in mentions}
    for aid, name in [("syr-saraqib-01", "Saraqib"), ("syr-saraqib-01", "Hama"),
                      ("ukraine-kupiansk", "Belgorod")]:
        assert (aid, name) in by_text, f"{name} not found"
        assert by_text[(aid, name)]["role"] == "location"
    saraqib = by_text[("syr-saraqib-01", "Saraqib")]
    assert saraqib["country_code"] == "SY" and saraqib["geonameid"] is not None
    # "Moscow said ...": the city stands for the Russian government
    assert by_text[("ukraine-kupiansk", "Moscow")]["role"] == "metonym"


# --- a batch with bad inputs ----------------------------------------------------------


@pytest.fixture(scope="module")
def bad_batch(tmp_path_factory):
    work = tmp_path_factory.mktemp("bad")
    d = work / "inbox"
    d.mkdir()
    (d / "a-good.txt").write_text(SYRIA_BODY, encoding="utf-8")
    (d / "b-empty.txt").write_bytes(b"")
    (d / "c-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    (d / "d-latin1.txt").write_bytes("Bombardement à Kharkiv, déclare l'armée.\n".encode("latin-1"))
    (d / "e-report.docx").write_bytes(b"PK\x03\x04\x14\x00\x06\x00word/document.xml")
    good1 = {"id": "ukr-1", "text": UKRAINE_BODY, "published": "2024-11-10"}
    good2 = {"id": "sdn-1", "text": SUDAN_BODY, "published": "2024-11-17"}
    (d / "f-feed.jsonl").write_text(
        json.dumps(good1) + "\n" + '{"id": "bad-1", "text": "unterminated\n' + json.dumps(good2) + "\n",
        encoding="utf-8",
    )
    missing = work / "no-such-file.txt"
    db = work / "bad.db"
    run = sitrep("extract", d, missing, "--published", PUBLISHED, "--db", db, env_home=work)
    bodies = {"a-good": SYRIA_BODY, "ukr-1": UKRAINE_BODY, "sdn-1": SUDAN_BODY}
    return run, db, bodies


def test_bad_inputs_exit_1_and_one_stderr_line_each(bad_batch):
    run, _, _ = bad_batch
    assert run.returncode == 1
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    names = ["b-empty.txt", "c-binary.txt", "d-latin1.txt", "e-report.docx", "f-feed.jsonl", "no-such-file.txt"]
    assert len(lines) == len(names), run.stderr
    for name in names:
        hits = [line for line in lines if name in line]
        assert len(hits) == 1, f"{name}: {hits}"
    (jsonl_line,) = [line for line in lines if "f-feed.jsonl" in line]
    assert "f-feed.jsonl:2" in jsonl_line  # the malformed line's number
    assert not any("a-good" in line for line in lines)
    assert "Traceback" not in run.stderr


def test_bad_inputs_good_articles_still_processed(bad_batch):
    run, db, bodies = bad_batch
    events = run.jsonl()
    for ev in events:
        check_event(ev, bodies)
    assert {ev["article_id"] for ev in events} == set(bodies)
    counts = db_counts(db)
    assert counts["articles"] == 3
    assert counts["events"] == len(events)


# --- standard input -------------------------------------------------------------------


@pytest.fixture(scope="module")
def stdin_run(tmp_path_factory):
    work = tmp_path_factory.mktemp("stdin")
    db = work / "stdin.db"
    run = sitrep("extract", "-", "--published", "2024-11-17", "--db", db, input=SUDAN_BODY, env_home=work)
    return run, db


def test_extract_from_stdin(stdin_run):
    run, db = stdin_run
    assert run.returncode == 0, run.stderr
    events = run.jsonl()
    assert events
    for ev in events:
        check_event(ev, {"stdin": SUDAN_BODY})
    shelling = [ev for ev in events if "El Fasher" in ev["text"] and ev["event_type"]]
    assert shelling
    assert shelling[0]["event_date"] == "2024-11-15"  # "on Friday" before Sunday 17 November
    assert shelling[0]["fatalities"] == 12
    assert db_counts(db) == {"articles": 1, "events": len(events)}


# --- undated articles -------------------------------------------------------------------


def test_extract_without_published_warns_once_of_undated_articles(tmp_path):
    d = tmp_path / "undated"
    d.mkdir()
    (d / "one.txt").write_text(SYRIA_BODY, encoding="utf-8")
    (d / "two.txt").write_text(SUDAN_BODY, encoding="utf-8")
    run = sitrep("extract", d, "--db", tmp_path / "u.db", env_home=tmp_path)
    assert run.returncode == 0, run.stderr
    warnings = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(warnings) == 1, run.stderr  # two undated articles, one warning
    assert "undated" in warnings[0] and "--published" in warnings[0] and "one.txt" in warnings[0]
    events = run.jsonl()
    assert events and all(ev["event_date"] is None for ev in events)
    dated = sitrep("extract", d / "one.txt", "--published", PUBLISHED, "--db", tmp_path / "d.db",
                   env_home=tmp_path)
    assert dated.returncode == 0 and dated.stderr.strip() == "", dated.stderr


# --- help ------------------------------------------------------------------------------


def _parsers(parser):
    """The parser and every subcommand's parser below it."""
    import argparse

    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _parsers(sub)


def test_every_cli_option_has_help():
    import argparse

    from sitrep.cli import _parser

    missing = [f"{p.prog}: {'/'.join(a.option_strings) or a.dest}"
               for p in _parsers(_parser()) for a in p._actions
               if not isinstance(a, (argparse._HelpAction, argparse._SubParsersAction)) and not a.help]
    assert missing == []
    names = {p.prog for p in _parsers(_parser())}
    assert {"sitrep extract", "sitrep places", "sitrep demo", "sitrep eval", "sitrep gazetteer import"} <= names


# --- usage errors (argparse: exit 2, before any model is loaded) ------------------------


def test_help_exits_0_and_lists_commands(tmp_path):
    run = sitrep("--help", env_home=tmp_path)
    assert run.returncode == 0
    for cmd in ("extract", "places", "demo"):
        assert cmd in run.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["frobnicate"],  # unknown command
        [],  # no command
        ["extract", "x.txt", "--published", "2024-13-45"],  # not a date
        ["extract", "x.txt", "--published", "yesterday"],
        ["extract", "x.txt", "--format", "xlsx"],
        ["extract"],  # no PATH
    ],
)
def test_usage_errors_exit_2(args, tmp_path):
    run = sitrep(*args, cwd=tmp_path, env_home=tmp_path)
    assert run.returncode == 2, run.stderr
    assert "usage:" in run.stderr
    assert run.stdout == ""
    assert not (tmp_path / "sitrep").exists()  # nothing written to a default database


def test_invalid_published_names_the_value(tmp_path):
    run = sitrep("extract", "x.txt", "--published", "2024-13-45", cwd=tmp_path, env_home=tmp_path)
    assert run.returncode == 2
    assert "2024-13-45" in run.stderr and "--published" in run.stderr


# --- demo -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    work = tmp_path_factory.mktemp("demo")
    out = work / "demo-out"
    run = sitrep("demo", "--output", out, cwd=work, env_home=work)
    return run, out, work


def test_demo(demo_run):
    run, out, work = demo_run
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    header = lines[0].split()
    assert header == ["date", "event", "modality", "actor1", "actor2", "place"]  # a table
    dated = [line[:10] for line in lines if ISO_DATE.match(line[:10])]
    assert len(dated) >= 6
    assert dated == sorted(dated)  # in date order
    csv_path, geo_path = out / "events.csv", out / "events.geojson"
    assert csv_path.is_file() and geo_path.is_file()
    with open(csv_path, encoding="utf-8", newline="") as fp:
        rows = list(csv.reader(fp))
    assert rows[0] == ACLED_CSV_COLUMNS + SITREP_CSV_COLUMNS
    assert len(rows) > 1
    # every actor's whole name, and every event's modality, stand in the table
    table = "\n".join(lines[1:len(rows)])
    col = {name: i for i, name in enumerate(rows[0])}
    for row in rows[1:]:
        for name in (row[col["actor1"]], row[col["actor2"]]):
            assert not name or name in table, name
    assert {row[col["modality"]] for row in rows[1:]} <= set(table.split())
    fc = json.loads(geo_path.read_text(encoding="utf-8"))
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == len(rows) - 1
    # the database it names
    m = re.search(r"database (.+?) holds (\d+) articles and (\d+) events", run.stdout)
    assert m, run.stdout[-400:]
    db = Path(m.group(1))
    if not db.is_absolute():
        db = work / db
    assert db.is_file()
    counts = db_counts(db)
    assert counts["articles"] == len(list((Path(__file__).parents[1] / "src/sitrep/demo/articles").glob("*.txt")))
    assert counts == {"articles": int(m.group(2)), "events": int(m.group(3))}
    # fusion, the control timeline and the report
    assert re.search(r"^  Damascus +controlled +HTS", run.stdout, re.M), run.stdout
    assert (out / "report.md").read_text(encoding="utf-8").startswith("# Situation report")
    assert (out / "report.html").is_file()
    assert counts["events"] == len(rows) - 1  # every event written is stored
