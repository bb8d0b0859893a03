"""The GeoWebNews parser and scorer (sitrep.evaluate.places, used by benchmarks/geoparse.py).

The scorer is tested on a tiny article written here in GWN's XML layout (invented text, no
dataset content); one test runs sitrep on 3 real GeoWebNews articles read from
../shared/bench/geowebnews at test time, and skips when the shared folder is absent.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from sitrep.evaluate import places as gp
from sitrep.models import PlaceMention

REPO = Path(__file__).resolve().parents[1]
GWN_XML = REPO.parent / "shared" / "bench" / "geowebnews" / "GWN.xml"

TEXT = "Officials in Paris said the Lyon plant near Marseille will close. Berlin refused."
#       0         1         2         3         4         5         6         7
#       0123456789012345678901234567890123456789012345678901234567890123456789012345678


def _span(name: str, typ: str, gid: str = "", lat: str = "", lon: str = "", modifier: str = "") -> str:
    start = TEXT.index(name)
    geo = f"<geonamesID>{gid}</geonamesID><latitude>{lat}</latitude><longitude>{lon}</longitude>" if lat else ""
    return (f"<toponym><extractedName>{name}</extractedName><normalisedName/><type>{typ}</type>"
            f"<modifierType>{modifier}</modifierType><nonLocational>No</nonLocational>"
            f"<start>{start}</start><end>{start + len(name)}</end>{geo}</toponym>")


XML = f"""<?xml version="1.0" ?>
<articles>
  <article file="7">
    <title>t</title><link>l</link>
    <text>{TEXT}</text>
    <toponyms>
      {_span("Paris", "Literal", "2988507", "48.85", "2.35")}
      {_span("Lyon", "Literal_Modifier", "2996944", "45.75", "4.85", "Noun")}
      {_span("Marseille", "Literal", "", "43.30", "5.37")}
      {_span("Berlin", "Metonymic", "2950159", "52.52", "13.40")}
      {_span("plant", "Literal_Expression")}
    </toponyms>
  </article>
  <article file="8">
    <title>empty</title><link>l</link>
    <text>Nothing here.</text>
    <toponyms/>
  </article>
</articles>
"""


def _m(text: str, name: str | None = None, gid: int | None = None, lat: float | None = None,
       lon: float | None = None, role: str = "location", start: int | None = None, end: int | None = None,
       feature: str | None = "city", cc: str | None = "FR") -> PlaceMention:
    s = TEXT.index(text) if start is None else start
    return PlaceMention(article_id="7", start=s, end=s + len(text) if end is None else end, text=text,
                        name=name, geonameid=gid, latitude=lat, longitude=lon,
                        feature=feature if lat is not None else None, country_code=cc if lat is not None else None,
                        admin1=None, role=role)


def test_parse_reads_spans_types_and_coordinates() -> None:
    arts = gp.parse_gwn(XML)
    assert [a.id for a in arts] == ["7", "8"]
    a = arts[0]
    assert a.text == TEXT
    assert all(s.aligned and TEXT[s.start:s.end] == s.text for s in a.spans)
    gold = {s.text: s for s in a.gold}
    assert set(gold) == {"Paris", "Lyon", "Marseille"}  # Metonymic and expressions are not gold
    assert gold["Paris"].geonameid == 2988507 and gold["Paris"].coords == (48.85, 2.35)
    assert gold["Lyon"].modifier == "Noun"
    assert gold["Marseille"].geonameid is None and gold["Marseille"].coords == (43.30, 5.37)
    assert arts[1].spans == ()


def test_score_counts_tp_fp_fn_and_resolution() -> None:
    arts = gp.parse_gwn(XML)
    preds = {"7": [
        _m("Paris", "Paris", 2988507, 48.8534, 2.3488),            # TP, right id, 0 km
        _m("Lyon plant", "Lyon", 1, 45.76, 4.84),                  # TP by overlap (wider span), wrong id, <161 km
        _m("Berlin", "Berlin", 2950159, 52.52, 13.40, cc="DE"),   # FP: the gold calls it Metonymic
        _m("Officials", None),                                      # FP: unannotated, unresolved
        _m("Marseille", "Marseille", 2995469, 43.3, 5.37, role="metonym"),  # metonym role: not a prediction
    ]}
    sc = gp.score(arts, preds)
    m = sc.metrics
    assert (m["gold"], m["predicted"], m["tp"], m["fp"], m["fn"]) == (3, 4, 2, 2, 1)
    assert m["precision"] == pytest.approx(0.5)
    assert m["recall"] == pytest.approx(2 / 3)
    assert m["f1"] == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    assert m["exact_extent"] == pytest.approx(0.5)
    assert m["resolution_n"] == 2 and m["acc161_found"] == 1.0
    assert m["exact_id_n"] == 2 and m["exact_id_found"] == pytest.approx(0.5)
    assert m["acc161_all_n"] == 3 and m["acc161_all"] == pytest.approx(2 / 3)
    assert m["metonym_mentions"] == 1 and m["metonym_on_locational_gold"] == 1
    assert sc.per_type["Literal"] == {"gold": 2, "found": 1, "recall": 0.5}
    assert sc.per_type["Literal_Modifier"]["found"] == 1
    assert sc.per_type["Coercion"] == {"gold": 0, "found": 0, "recall": None}
    assert [x["text"] for x in sc.missed] == ["Marseille"] and sc.missed[0]["cause"] == "metonym role"
    assert {(x["text"], x["overlaps"]) for x in sc.false_positives} == {("Berlin", "Metonymic"), ("Officials", None)}
    assert m["precision_lenient"] == pytest.approx(2 / 3)  # Berlin (Metonymic) ignored
    assert 0.0 <= m["auc_log_error"] < 0.1


def test_resolution_errors_are_classified() -> None:
    arts = gp.parse_gwn(XML)
    preds = {"7": [
        _m("Paris", "Paris", 4717560, 33.66, -95.56, cc="US"),  # same name, the wrong Paris
        _m("Lyon", None),                                        # found but unresolved
        _m("Marseille", "Marseilles", 5, 41.33, -88.71, cc="US"),  # other name, > 161 km
    ]}

    def lookup(text: str) -> list[tuple[int | None, float, float]]:
        return {"Paris": [(4717560, 33.66, -95.56), (2988507, 48.85, 2.35)]}.get(text, [])

    sc = gp.score(arts, preds, lookup)
    m = sc.metrics
    assert m["tp"] == 3 and m["fp"] == 0
    assert m["acc161_found"] == 0.0 and m["unresolved_found"] == 1
    assert m["exact_id_found"] == 0.0 and m["acc161_all"] == 0.0
    causes = {r["gold"]["text"]: r["cause"] for r in sc.resolution}
    assert causes["Paris"] == "wrong place (same name), right one a candidate"
    assert causes["Lyon"] == "unresolved: not in gazetteer"
    assert causes["Marseille"] == "wrong place (other name), right one not in gazetteer"
    assert m["auc_log_error"] > 0.5


def test_match_is_one_to_one_by_largest_overlap() -> None:
    g = [gp.GoldSpan(0, 10, "Washington", "Literal"), gp.GoldSpan(12, 16, "D.C.", "Literal")]
    p = [gp.GoldSpan(0, 16, "x", "p"), gp.GoldSpan(12, 16, "y", "p")]
    assert gp.match(g, p) == [(0, 0), (1, 1)]
    assert gp.match(g, p[:1]) == [(0, 0)]  # one prediction finds one gold span only
    assert gp.match(g, []) == []


def test_auc_and_haversine() -> None:
    assert gp.auc_log_error([]) is None
    assert gp.auc_log_error([0, 0, 0]) == 0.0
    assert gp.auc_log_error([gp.MAX_KM] * 3) == pytest.approx(1.0)
    assert gp.haversine_km((0.0, 0.0), (0.0, 1.0)) == pytest.approx(111.19, abs=0.1)
    assert math.isclose(gp.haversine_km((10.0, 10.0), (10.0, 10.0)), 0.0)


def test_no_predictions_scores_zero_without_crashing() -> None:
    sc = gp.score(gp.parse_gwn(XML), {})
    m = sc.metrics
    assert m["tp"] == 0 and m["fn"] == 3 and m["precision"] is None and m["recall"] == 0.0
    assert m["acc161_found"] is None and m["acc161_all"] == 0.0


@pytest.mark.skipif(not GWN_XML.is_file(), reason=f"{GWN_XML} absent (the team's shared folder)")
def test_real_run_on_three_articles() -> None:
    arts = gp.parse_gwn(GWN_XML)[:3]
    for a in arts:  # the text we pass is the text the offsets index
        assert all(a.text[s.start:s.end] == s.text for s in a.gold)
    preds, seconds = gp.run_sitrep(arts)
    assert seconds > 0 and set(preds) <= {a.id for a in arts}
    sc = gp.score(arts, preds)
    for key in ("precision", "recall", "f1", "acc161_found", "exact_id_found", "acc161_all",
                "auc_log_error", "acc161_or_id_found", "exact_extent", "precision_lenient", "f1_lenient"):
        assert key in sc.metrics
        v = sc.metrics[key]
        assert v is None or 0.0 <= v <= 1.0, (key, v)
    assert sc.metrics["gold"] == sum(len(a.gold) for a in arts) > 0
    assert sc.metrics["f1"] is not None


LGL = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="38765806">
    <text>Officials in Paris said so.</text>
    <toponyms>
      <toponym><start>13</start><end>18</end>
        <gaztag geonameid="2988507"><name>Paris</name><fclass>P</fclass><fcode>PPLC</fcode>
          <lat>48.85341</lat><lon>2.3488</lon><country>FR</country><admin1>Ile-de-France</admin1></gaztag>
        <phrase>Paris</phrase></toponym>
      <toponym><start>0</start><end>9</end><phrase>Officials</phrase></toponym>
    </toponyms>
  </article>
</articles>
"""


def test_parse_reads_lgl_toponyms_as_locational() -> None:
    [a] = gp.parse_gwn(LGL)
    assert a.id == "38765806"
    paris, other = {s.text: s for s in a.gold}["Paris"], {s.text: s for s in a.gold}["Officials"]
    assert paris.aligned and paris.type == "Literal" and paris.name == "Paris"
    assert paris.geonameid == 2988507 and paris.coords == (48.85341, 2.3488)
    assert other.geonameid is None and other.coords is None


def test_the_benchmark_ceilings() -> None:
    from _bench import load_benchmark

    bench = load_benchmark("geoparse")
    paris = {"gold": {"geonameid": 2988507, "latitude": 48.85, "longitude": 2.35, "text": "Paris", "name": "Paris"},
             "pred": {"text": "Paris"}, "within_161": False}
    street = {"gold": {"geonameid": 99, "latitude": 48.87, "longitude": 2.30, "text": "Rue X", "name": None},
              "pred": {"text": "Rue X"}, "within_161": False}
    no_id = {"gold": {"geonameid": None, "latitude": 10.0, "longitude": 10.0, "text": "Y", "name": None},
             "pred": {"text": "Y"}, "within_161": True}
    assert bench.id_ceiling([paris, street, no_id], lambda gid: gid == 2988507) == 0.5
    assert bench.id_ceiling([no_id], lambda gid: True) is None

    def lookup(text: str) -> list:
        return [(2988507, 48.8534, 2.3488)] if text == "Paris" else []

    assert bench.gazetteer_ceiling([paris, street, no_id], lookup) == 2 / 3
