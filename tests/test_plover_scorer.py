"""The PLOVER benchmark's label mapping and scorer (benchmarks/plover.py).

Every sentence and record here is made up for the test.  One test runs sitrep on five
sentences of the real gold sets, read from ../shared at test time; it skips when the
shared folder is absent.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from _bench import load_benchmark

pl = load_benchmark("plover")

TABLE = """# a made-up excerpt in the CAMEO2PLOVER layout
03: AGREE
036: AGREE,  , diplomatic # Express intent to meet
04: CONSULT
042: CONSULT, visit,   # Make a visit
08: CONCEDE
080: CONCEDE,   ,  # Yield
08: RETREAT
0871: RETREAT, ceasefire, military # Declare truce
11: ACCUSE
112: ACCUSE, disapprove,    # Accuse
1123: ACCUSE, allege, military # Accuse of aggression
19: ASSAULT
190: ASSAULT, , military # Use conventional military force
175: ASSAULT, pro_autocracy , military # Use violent repression
175: ASSAULT, pro_autocracy , military # the same code twice, same type
~~~~~
"""


def ev(plover: str | None, a1: dict | None = None, a2: dict | None = None) -> dict[str, Any]:
    return {"plover": plover, "actor1": a1, "actor2": a2}


def sent(sid: str, *events: Any, no_event: bool = False) -> Any:
    return pl.GoldSentence(id=sid, text=f"made-up sentence {sid}", published=None,
                           events=list(events), no_event=no_event)


def gold(label: str, source: tuple = (), target: tuple = ()) -> Any:
    t, why = pl.map_old_plover(label)
    return pl.GoldEvent(plover=t, raw=label, excluded=why, source=source, target=target)


# --- mapping -------------------------------------------------------------------------


@pytest.mark.parametrize("old,new", [("FIGHT", "ASSAULT"), ("DISAPPROVE", "ACCUSE"), ("DEMAND", "REQUEST"),
                                     ("AGREE", "AGREE"), ("assault", "ASSAULT"), ("PROTEST", "PROTEST")])
def test_old_labels_map_to_modern_types(old: str, new: str) -> None:
    assert pl.map_old_plover(old) == (new, None)


@pytest.mark.parametrize("label", ["INVESTIGATE", "CRIME", "DOCUMENT"])
def test_labels_without_modern_type_are_excluded_with_a_reason(label: str) -> None:
    t, why = pl.map_old_plover(label)
    assert t is None and label in why


def test_cameo_table_parsing_drops_the_ambiguous_08_header() -> None:
    table = pl.parse_cameo_table(TABLE)
    assert table["036"] == "AGREE" and table["1123"] == "ACCUSE" and table["175"] == "ASSAULT"
    assert table["03"] == "AGREE" and table["19"] == "ASSAULT"
    assert "08" not in table  # CONCEDE and RETREAT both claim it
    assert table["080"] == "CONCEDE" and table["0871"] == "RETREAT"


@pytest.mark.parametrize("code,expected", [
    ("1123", "ACCUSE"),  # exact 4-digit
    ("1124", "ACCUSE"),  # not listed: its 3-digit parent 112
    ("113", "ACCUSE"),  # not listed: its 2-digit parent 11
    ("0361", "AGREE"),  # 4 -> 3 digits
    ("042", "CONSULT"),
    ("080", "CONCEDE"),
    ("0871", "RETREAT"),
    ("193", "ASSAULT"),
])
def test_cameo_codes_map_by_most_specific_prefix(code: str, expected: str) -> None:
    assert pl.cameo_to_plover(code, pl.parse_cameo_table(TABLE)) == (expected, None)


@pytest.mark.parametrize("code,reason", [("015", "dropped"), ("0211", "dropped"), ("089", "not in the table"),
                                         ("999", "not in the table")])
def test_unmappable_cameo_codes_are_excluded(code: str, reason: str) -> None:
    t, why = pl.cameo_to_plover(code, pl.parse_cameo_table(TABLE))
    assert t is None and reason in why


@pytest.mark.parametrize("raw,iso", [("2008-08-04", "2008-08-04"), ("20150312", "2015-03-12"), ("121108", None),
                                     ("20151340", None), (None, None), ("", None)])
def test_dates(raw: Any, iso: str | None) -> None:
    assert pl.parse_date(raw) == iso


def test_loaders_read_both_layouts(tmp_path: Path) -> None:
    plover = [
        {"id": "DOC", "event": "DOCUMENT", "eventText": "about this file"},
        {"id": "X-1", "date": "2000-01-01", "event": "DEMAND", "eventText": "demanded",
         "source": [{"actorText": "Freedonian", "code": "FRD"}], "target": "",
         "text": "Freedonian officials demanded that Sylvania pay its debts."},
        {"id": "X-2", "date": "2000-01-01", "event": "INVESTIGATE", "eventText": "probed",
         "text": "Inspectors probed the depot."},
    ]
    (tmp_path / "gsr.txt").write_text(json.dumps(plover), encoding="utf-8")
    got = pl.load_plover_gsr(tmp_path / "gsr.txt")
    assert [s.id for s in got] == ["X-1", "X-2"]
    assert got[0].published == "2000-01-01" and got[0].events[0].plover == "REQUEST"
    assert got[0].events[0].source == (pl.GoldActor("Freedonian", "FRD"),) and got[0].events[0].target == ()
    assert got[1].scorable == [] and "INVESTIGATE" in got[1].events[0].excluded

    rows = [
        {"id": "P1", "date": "20080806", "text": "Sylvania and Freedonia held talks.",
         "expected_events": [{"eventcode": "042", "sourcecode": "SYLGOV", "targetcode": "FRD"},
                             {"eventcode": "015", "sourcecode": "SYL", "targetcode": "FRD"}]},
        {"id": "P2", "date": "121108", "text": "Nothing happened.", "expected_events": [{"noevents": "True"}]},
    ]
    (tmp_path / "p.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    got = pl.load_petrarch_gsr(tmp_path / "p.jsonl", pl.parse_cameo_table(TABLE))
    assert got[0].published == "2008-08-06" and [g.plover for g in got[0].events] == ["CONSULT", None]
    assert got[0].events[0].source == (pl.GoldActor(code="SYLGOV"),)
    assert got[1].published is None and got[1].no_event and got[1].events == []


# --- scoring -------------------------------------------------------------------------


def test_matching_is_one_to_one() -> None:
    assert pl.match_types(["CONSULT", "CONSULT"], ["CONSULT"]) == [0, None]
    assert pl.match_types(["AGREE", "CONSULT"], ["CONSULT", "ASSAULT", "AGREE"]) == [2, 0]
    assert pl.match_types(["AGREE"], []) == [None]
    assert pl.match_types([], ["AGREE"]) == []


def test_score_on_made_up_sentences() -> None:
    items = [
        # hit, and first event right
        (sent("a", gold("AGREE")), [ev("AGREE"), ev("CONSULT")]),
        # hit, but the first output event is another type
        (sent("b", gold("DEMAND")), [ev("ASSAULT"), ev("REQUEST")]),
        # miss: confused
        (sent("c", gold("FIGHT")), [ev("COERCE")]),
        # miss: nothing output
        (sent("d", gold("PROTEST")), []),
        # two gold CONSULT, one output: one hit, one miss
        (sent("e", gold("CONSULT"), gold("CONSULT")), [ev("CONSULT")]),
        # excluded gold only: not scored; recorded with what sitrep said
        (sent("f", gold("INVESTIGATE")), [ev("ACCUSE")]),
        # no-event sentences: one false alarm of two
        (sent("g", no_event=True), [ev("ASSAULT")]),
        (sent("h", no_event=True), []),
    ]
    m = pl.score(items)
    assert m["sentences"] == 8 and m["scored_sentences"] == 5 and m["gold_events"] == 6
    assert m["matched"] == 3 and m["accuracy"] == pytest.approx(3 / 6)
    assert m["distinct_type_accuracy"] == pytest.approx(3 / 5)  # a, b, e of a, b, c, d, e
    assert m["first_event_accuracy"] == pytest.approx(2 / 5)  # a, e
    assert m["coverage"] == pytest.approx(4 / 5)
    assert m["per_type"]["CONSULT"] == {"gold": 2, "hit": 1, "recall": 0.5}
    assert m["per_type"]["ASSAULT"]["recall"] == 0.0
    assert m["output_types"]["CONSULT"] == {"output": 2, "matched": 1}  # a's CONSULT is extra
    assert ["ASSAULT", "COERCE", 1] in m["confusion"] and ["PROTEST", "-", 1] in m["confusion"]
    assert ["CONSULT", "-", 1] in m["confusion"]
    assert m["extra_outputs"] == {"CONSULT": 1, "ASSAULT": 1}
    assert m["excluded"] == {"INVESTIGATE (no modern PLOVER type)": {"ACCUSE": 1}}
    assert m["no_event_sentences"] == 2 and m["no_event_false_alarm_rate"] == 0.5
    assert {f["id"] for f in m["failures"]} == {"c", "d", "e"}
    for k in ("accuracy", "distinct_type_accuracy", "first_event_accuracy", "coverage"):
        assert 0.0 <= m[k] <= 1.0


def test_score_of_nothing_is_zero_not_an_error() -> None:
    m = pl.score([])
    assert m["accuracy"] == 0.0 and m["coverage"] == 0.0 and m["confusion"] == []


def test_gold_actor_keys_from_codes_texts_and_igos() -> None:
    countries, names = pl.gold_actor_keys(pl.GoldActor(code="USAGOV"))
    assert countries == {"USA"} and "United States" in names
    countries, names = pl.gold_actor_keys(pl.GoldActor(code="IGOUNOMIL"))
    assert countries == set() and {"United Nations", "UN"} <= names
    assert pl.gold_actor_keys(pl.GoldActor(code="---REB")) == (set(), set())
    # a text actor, with a made-up demonym finder standing in for the actor KB
    keys = pl.gold_actor_keys(pl.GoldActor(text="Hungarian officials", code="HUN"),
                              known_iso3=lambda c: {"HUN": "Hungary"}.get(c),
                              find_countries=lambda t: ["HUN"] if "Hungarian" in t else [])
    assert keys == ({"HUN"}, {"Hungarian officials", "Hungary"})


def test_actor_hits_are_loose_but_not_anything() -> None:
    usa = pl.gold_actor_keys(pl.GoldActor(code="USAMIL"))
    assert pl.actor_hit(usa, {"name": "Military Forces of United States", "country": "USA"})
    assert pl.actor_hit(usa, {"name": "Government of United States", "country": None})  # by name
    assert not pl.actor_hit(usa, {"name": "Government of Iran", "country": "IRN"})
    assert not pl.actor_hit(usa, None)
    un = pl.gold_actor_keys(pl.GoldActor(code="IGOUNO"))
    assert pl.actor_hit(un, {"name": "UN peacekeepers", "country": None})
    assert not pl.actor_hit(un, {"name": "Unidentified Armed Group", "country": None})  # whole words only
    text = pl.gold_actor_keys(pl.GoldActor(text="the Freedonian People's Front"), known_iso3=lambda c: None)
    assert pl.actor_hit(text, {"name": "Freedonian People's Front", "country": None})  # output inside gold text


def test_actor_scores_on_matched_pairs() -> None:
    src, tar = (pl.GoldActor(code="USAGOV"),), (pl.GoldActor(code="IRNGOV"),)
    usa = {"name": "Government of United States", "country": "USA"}
    irn = {"name": "Government of Iran", "country": "IRN"}
    items = [
        (sent("a", gold("ACCUSE", src, tar)), [ev("ACCUSE", usa, irn)]),  # both right
        (sent("b", gold("ACCUSE", src, tar)), [ev("ACCUSE", irn, usa)]),  # swapped
        (sent("c", gold("ACCUSE", src, tar)), [ev("REJECT", usa, irn)]),  # not matched: not scored
        (sent("d", gold("ACCUSE", (pl.GoldActor(code="---"),), ())), [ev("ACCUSE", usa)]),  # unscorable gold
    ]
    a = pl.score(items)["actors"]
    assert a["actor1"] == {"scored": 2, "hit": 1, "rate": 0.5}
    assert a["actor2"] == {"scored": 2, "hit": 1, "rate": 0.5}
    assert a["either1"]["rate"] == 1.0 and a["either2"]["rate"] == 1.0


def test_report_prints_and_missing_shared_folder_skips(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    m = pl.score([(sent("c", gold("FIGHT")), [ev("COERCE")])])
    text = pl.format_report("made-up", m, failures=1)
    assert "ASSAULT    -> COERCE" in text and "made-up sentence c" in text
    assert "accuracy 0.0%" in pl.headline("made-up", m)
    assert pl.main(["--shared", str(tmp_path / "absent")]) == 0
    assert "skipped" in capsys.readouterr().out


# --- a real run on five sentences ----------------------------------------------------


@pytest.mark.skipif(not (pl.SHARED / pl.PLOVER_GSR).is_file() or not (pl.SHARED / pl.PETRARCH_GSR).is_file(),
                    reason=f"gold sets not found under {pl.SHARED / 'bench'} (the shared folder is absent)")
def test_real_run_on_five_sentences() -> None:
    table = pl.parse_cameo_table((pl.SHARED / pl.CAMEO_TABLE).read_text(encoding="utf-8"))
    sents = pl.load_plover_gsr(pl.SHARED / pl.PLOVER_GSR)[:3] + \
        pl.load_petrarch_gsr(pl.SHARED / pl.PETRARCH_GSR, table)[:2]
    assert len(sents) == 5
    items = pl.run_sitrep(sents)
    assert [g.id for g, _ in items] == [s.id for s in sents]
    m = pl.score(items)
    for k in ("accuracy", "distinct_type_accuracy", "first_event_accuracy", "coverage",
              "no_event_false_alarm_rate"):
        assert 0.0 <= m[k] <= 1.0, k
    for v in m["actors"].values():
        assert 0.0 <= v["rate"] <= 1.0
    assert all(o["plover"] in (*pl.PLOVER_TYPES, None) for _, outs in items for o in outs)
