"""The ACLED scorer (sitrep.evaluate.acled*) and its benchmark (benchmarks/acled.py) on made-up
gold rows and events.

The rows and events here are invented; no ACLED text is copied.  The last test runs the real
pipeline on 20 notes read in place from ../shared (skipped when the folder is absent).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from _bench import load_benchmark
from sitrep.evaluate import acled as reader
from sitrep.evaluate import acled_score as scorer
from sitrep.evaluate.common import haversine_km, hungarian
from sitrep.models import Actor, Event, Location

acled = load_benchmark("acled")

# Made-up places: two towns ~11 km apart, one ~300 km away.
TOWN_A = (34.50, 38.00)
TOWN_B = (34.55, 38.10)
FAR = (36.50, 39.50)


def gold(eid: str = "XX1", etype: str = "Battles", sub: str = "Armed clash",
         date: str = "2020-03-22", where: tuple[float, float] | None = TOWN_A, fat: int = 0,
         actor1: str = "Military Forces of Freedonia (2011-)", inter1: int = 1,
         region: str = "Region One", note: str = "n1") -> Any:
    return reader.GoldRow(
        event_id=eid, event_date=date, event_type=etype, sub_event_type=sub, actor1=actor1,
        inter1=inter1, latitude=where[0] if where else None, longitude=where[1] if where else None,
        fatalities=fat, region=region, country="Freedonia", location="Town", notes=note,
    )  # fmt: skip


def event(etype: str | None = "Battles", sub: str | None = "Armed clash", date: str = "2020-03-22",
          where: tuple[float, float] | None = TOWN_A, fat: int | None = None,
          actor1: str | None = "Military Forces of Freedonia", kind: str | None = "State forces",
          eid: str = "e1", article: str = "XX1") -> Event:
    loc = None if where is None else Location(
        name="Town", geonameid=None, latitude=where[0], longitude=where[1], admin1=None,
        country="Freedonia", country_code="FD")
    return Event(
        id=eid, article_id=article, event_date=date, date_precision="day", event_type=etype,
        sub_event_type=sub, plover=None, actor1=Actor(actor1, kind=kind) if actor1 else None,
        actor2=None, location=loc, fatalities=fat, modality="asserted", text="", span=(0, 0),
        notes="",
    )  # fmt: skip


def note(nid: str, rows: list[Any]) -> Any:
    return reader.Note(id=nid, text=f"made-up note {nid}", published="2020-03-24", rows=rows)


# --- small functions -------------------------------------------------------------


def test_acled_date_and_gold_row() -> None:
    row = reader.gold_row({
        "event_id_cnty": "XX7", "event_date": "28-Mar-20", "event_type": "Protests",
        "sub_event_type": "Peaceful protest", "actor1": "Protesters (Freedonia)", "inter1": "6",
        "latitude": "1.5", "longitude": "", "fatalities": "", "region": "R", "notes": "x",
    })  # fmt: skip
    assert row.event_date == "2020-03-28"
    assert row.inter1 == 6 and row.latitude == 1.5 and row.longitude is None
    assert row.fatalities == 0


def test_haversine() -> None:
    assert haversine_km(0, 0, 0, 0) == 0
    assert haversine_km(0, 0, 1, 0) == pytest.approx(111.2, abs=0.2)


def test_actor_name_normalization() -> None:
    m = scorer.actor_name_matches
    assert m("military forces of freedonia", "Military Forces of Freedonia (2011-)")
    assert m("Police Forces of Freedonia (2011-2019)", "Police Forces of Freedonia (2011-)")
    assert m("Military Forces of Freedonia (2011-) Navy", "Military Forces of Freedonia (2015-) Navy")
    assert m("Protesters (Freedonia)", "protesters (freedonia)")
    assert not m("Protesters", "Protesters (Freedonia)")  # the country parentheses count
    assert not m(None, "Protesters (Freedonia)")
    assert not m("", "")


def test_hungarian_is_optimal_and_rectangular() -> None:
    cost = [[4, 1, 3], [2, 0, 5], [3, 2, 2]]
    pairs = hungarian(cost)
    assert sum(cost[r][c] for r, c in pairs) == 5  # (0,1),(1,0),(2,2)
    assert len({c for _, c in pairs}) == 3
    # more rows than columns: only as many pairs as columns, each column once
    tall = hungarian([[5], [1], [3]])
    assert tall == [(1, 0)]
    wide = hungarian([[9, 1, 7]])
    assert wide == [(0, 1)]
    assert hungarian([]) == []


def test_match_prefers_type_then_subtype_then_distance() -> None:
    rows = [gold(eid="g0", etype="Explosions/Remote violence", sub="Air/drone strike", where=FAR),
            gold(eid="g1", sub="Armed clash", where=TOWN_A)]
    # event 0 is a clash at the far place, event 1 an air strike near town A: type wins over place
    events = [event(sub="Armed clash", where=FAR),
              event(etype="Explosions/Remote violence", sub="Air/drone strike", where=TOWN_A)]
    assert sorted(scorer.match_note(rows, events)) == [(0, 1), (1, 0)]
    # same type, sub-type decides
    rows = [gold(eid="g0", etype="Protests", sub="Peaceful protest", where=FAR),
            gold(eid="g1", etype="Protests", sub="Protest with intervention", where=TOWN_A)]
    events = [event(etype="Protests", sub="Protest with intervention", where=FAR),
              event(etype="Protests", sub="Peaceful protest", where=TOWN_A)]
    assert sorted(scorer.match_note(rows, events)) == [(0, 1), (1, 0)]
    # same sub-type everywhere: the nearest place decides
    rows = [gold(eid="g0", where=FAR), gold(eid="g1", where=TOWN_A)]
    events = [event(where=TOWN_B), event(where=FAR)]
    assert sorted(scorer.match_note(rows, events)) == [(0, 1), (1, 0)]


def test_checks_for() -> None:
    g = gold(fat=0)
    c = scorer.checks_for(g, event(where=TOWN_B))  # ~11 km away
    assert all(c.values()), c
    c = scorer.checks_for(g, event(where=FAR, fat=2, date="2020-03-23", kind="Rebel group",
                                  actor1="Freedonian Liberation Front", sub="Government regains territory"))
    assert c == {"event_type": True, "sub_type": False, "date": False, "location": False,
                 "fatalities": False, "actor1_type": False, "actor1_name": False}  # fmt: skip
    assert not scorer.checks_for(g, event(where=None))["location"]
    assert scorer.checks_for(gold(fat=3), event(fat=3))["fatalities"]
    assert not any(scorer.checks_for(g, None).values())


# --- score and metrics -------------------------------------------------------------


def _scenario() -> tuple[Any, Any]:
    notes = [
        # one note, two gold rows, two output events (one right, one wrong sub-type and place)
        note("N1", [gold(eid="N1"), gold(eid="N1b", etype="Explosions/Remote violence",
                                          sub="Shelling/artillery/missile attack", where=TOWN_B)]),
        # a protest, coded right, but sitrep gave no actor and no location
        note("N2", [gold(eid="N2", etype="Protests", sub="Peaceful protest", actor1="Protesters (Freedonia)",
                         inter1=6, region="Region Two")]),
        # nothing coded: a verbal event only
        note("N3", [gold(eid="N3", etype="Violence against civilians", sub="Attack", fat=1,
                         region="Region Two")]),
    ]  # fmt: skip
    events = {
        "N1": [event(article="N1"),
               event(etype="Explosions/Remote violence", sub="Air/drone strike", where=FAR,
                     article="N1", eid="e2"),
               event(etype="Riots", sub="Mob violence", article="N1", eid="e3")],
        "N2": [event(etype="Protests", sub="Peaceful protest", where=None, actor1=None, kind=None,
                     article="N2")],
        "N3": [event(etype=None, sub=None, article="N3")],
    }  # fmt: skip
    return notes, events


def test_score_and_metrics() -> None:
    notes, events = _scenario()
    sc = scorer.score(notes, events)
    assert len(sc.pairs) == 4 and len(sc.outputs) == 4  # the verbal event takes no part
    assert [p.event is not None for p in sc.pairs] == [True, True, True, False]
    assert len(sc.unmatched_outputs) == 1 and sc.unmatched_outputs[0].sub_event_type == "Mob violence"
    m = scorer.metrics(sc, seconds=2.0)
    assert m["event_type_acc"] == pytest.approx(3 / 4)
    assert m["sub_type_acc"] == pytest.approx(2 / 4)
    assert m["date_exact"] == pytest.approx(3 / 4)
    assert m["location_25km"] == pytest.approx(1 / 4)
    assert m["fatalities_exact"] == pytest.approx(3 / 4)  # N3's gold fat=1 is unmatched
    assert m["actor1_type_acc"] == pytest.approx(2 / 4)
    assert m["actor1_name_acc"] == pytest.approx(2 / 4)
    assert m["match_rate"] == pytest.approx(3 / 4)
    assert m["events_per_note"] == pytest.approx(4 / 3)
    assert m["matched"]["event_type_acc"] == pytest.approx(3 / 3)
    assert m["matched"]["sub_type_acc"] == pytest.approx(2 / 3)
    assert m["notes_per_second"] == pytest.approx(1.5)
    # per sub-type: Armed clash P=1 R=1; Peaceful protest P=1 R=1; Shelling R=0; Attack R=0
    sub = m["per_subtype"]
    assert set(sub) == {"Armed clash", "Shelling/artillery/missile attack", "Peaceful protest", "Attack"}
    assert sub["Armed clash"]["f1"] == 1.0 and sub["Attack"]["f1"] == 0.0
    assert m["sub_type_macro_f1"] == pytest.approx(0.5)
    assert m["by_region"]["Region One"]["gold_rows"] == 2
    assert m["by_region"]["Region Two"]["actor1_type_acc"] == 0.0
    assert m["counts"]["unmatched_gold"] == 1 and m["counts"]["notes_without_coded_event"] == 1
    conf = scorer.confusions(sc)
    assert conf[("Shelling/artillery/missile attack", "Air/drone strike")] == 1
    assert conf[("Attack", scorer.NONE_LABEL)] == 1
    fails = acled.failures(sc)
    assert {p.gold.event_id for p in fails} == {"N1b", "N2", "N3"}
    assert {p.gold.event_id for p in acled.failures(sc, fail_on=("sub_type",))} == {"N1b", "N3"}
    assert [p.gold.event_id for p in acled.failures(sc, subtype="attack")] == ["N3"]
    assert [p.gold.event_id for p in acled.failures(sc, subtype="Shell")] == ["N1b"]
    report = acled.format_report(sc, m, n_failures=2)
    assert "2 of 3 failures" in report and "== figures" in report
    assert report.rstrip().splitlines()[-1].startswith("  time 2.0 s")


def test_select_notes() -> None:
    notes = [note(f"N{i}", [gold(eid=f"N{i}", region="A" if i % 2 else "B")]) for i in range(10)]
    assert [n.id for n in reader.select_notes(notes, limit=3)] == ["N0", "N1", "N2"]
    assert all(n.region == "A" for n in reader.select_notes(notes, region="a"))
    s1 = reader.select_notes(notes, sample=4, seed=7)
    assert len(s1) == 4 and s1 == reader.select_notes(notes, sample=4, seed=7)


def test_main_skips_without_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert acled.main(["--csv", str(tmp_path / "absent.csv")]) == 0
    assert "skipped" in capsys.readouterr().out


# --- the real pipeline on 20 notes ---------------------------------------------------


@pytest.mark.skipif(not acled.CSV_PATH.is_file(), reason=f"{acled.CSV_PATH} absent (no shared folder)")
def test_real_pipeline_on_20_notes() -> None:
    notes = reader.select_notes(reader.load_notes(acled.CSV_PATH), limit=20)
    assert len(notes) == 20
    events, seconds = acled.run_sitrep(notes)
    m = scorer.metrics(scorer.score(notes, events), seconds)
    for key in scorer.RATE_KEYS:
        assert 0.0 <= m[key] <= 1.0, key
        assert 0.0 <= m["matched"][key] <= 1.0, key
    assert m["events_per_note"] >= 0
    assert m["seconds"] > 0 and m["notes_per_second"] > 0
    for region in m["by_region"].values():
        assert 0.0 <= region["actor1_type_acc"] <= 1.0 and 0.0 <= region["actor1_name_acc"] <= 1.0
    for v in m["per_subtype"].values():
        assert 0.0 <= v["f1"] <= 1.0
