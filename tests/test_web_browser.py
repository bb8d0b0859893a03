"""The map page in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright): offline,
base layer and markers drawn, the control slider, the event panel.  Screenshots are kept in the
folder the first test prints (SITREP_SCREENSHOTS, else a pytest temporary folder)."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlparse

import pytest

from _web import ingest_demo, serving

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run"]
VENDOR = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "web" / "static" / "vendor"

pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium: `make setup-test` installs Debian's "
                                                     "chromium (apt-get install chromium)"),
    pytest.mark.skipif(not (VENDOR / "leaflet.js").exists(), reason="web assets not built: run `make setup` "
                                                                   "(npm ci in web/, then web/build.sh)"),
]


@pytest.fixture(scope="module")
def site(res, tmp_path_factory):
    db = ingest_demo(res, tmp_path_factory.mktemp("web") / "demo.db")
    with serving(db) as base:
        yield base


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("SITREP_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"\nscreenshots: {folder}")
    return folder


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


def _open(browser, site: str, width: int = 1280, height: int = 800):
    page = browser.new_page(viewport={"width": width, "height": height})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(site + "/")
    page.wait_for_selector("body[data-ready='true']", state="attached", timeout=30_000)
    return page, requests


def _local_only(requests: list[str]) -> None:
    hosts = {urlparse(u).hostname for u in requests if not u.startswith("data:")}
    assert hosts == {"127.0.0.1"}, sorted(u for u in requests if "127.0.0.1" not in u)


def _hama_fill(page) -> str:
    return page.locator("path.place-170017").get_attribute("fill") or ""


def test_page_loads_offline_with_base_layer_and_markers(browser, site: str, shots: Path) -> None:
    page, requests = _open(browser, site)
    assert page.evaluate("document.body.dataset.error") is None
    _local_only(requests)
    assert page.locator("path.country").count() > 100  # Natural Earth countries
    page.wait_for_selector(".ev-icon, .marker-cluster", state="attached")
    n = int(page.evaluate("document.body.dataset.events"))
    assert n > 20
    # markers and clusters together stand for every placed event
    assert page.locator(".ev-icon, .marker-cluster").count() > 0
    assert page.locator("#feed li").count() > 0 and page.locator("#chart rect").count() > 0
    page.screenshot(path=str(shots / "map-laptop.png"))
    page.close()


def test_first_level_divisions_are_drawn_from_zoom_4(browser, site: str, shots: Path) -> None:
    page, requests = _open(browser, site)
    admin1 = page.locator("#map path.admin1")
    assert page.evaluate("map.getZoom()") >= 4
    # one line work per country that has divisions; Syria's governorates are in view
    assert admin1.count() > 100 and page.locator("path.admin1-syr").count() == 1
    assert len(page.locator("path.admin1-syr").get_attribute("d") or "") > 200
    page.screenshot(path=str(shots / "admin1-laptop.png"))
    page.evaluate("map.setZoom(3, { animate: false })")
    page.wait_for_function("document.querySelectorAll('#map path.admin1').length === 0")
    page.evaluate("map.setZoom(5, { animate: false })")
    page.wait_for_function("document.querySelectorAll('#map path.admin1').length > 100")
    page.screenshot(path=str(shots / "admin1-zoom5-laptop.png"))
    _local_only(requests)
    assert sum(u.endswith("/static/vendor/admin1.json") for u in requests) == 1  # fetched once
    page.close()


def test_moving_the_slider_changes_hamas_control_colour(browser, site: str, shots: Path) -> None:
    page, _ = _open(browser, site)
    days = page.evaluate("state.days")
    for day in ("2024-11-28", "2024-12-09"):
        assert day in days
    page.evaluate(f"setDay({days.index('2024-11-28')})")
    page.wait_for_selector("body[data-control-as-of='2024-11-28']", state="attached")
    before = _hama_fill(page)
    page.screenshot(path=str(shots / "control-2024-11-28.png"))
    # from the keyboard: focus the slider, step with the arrow keys to 9 December
    page.focus("#slider")
    for _ in range(days.index("2024-12-09") - days.index("2024-11-28")):
        page.keyboard.press("ArrowRight")
    page.wait_for_selector("body[data-control-as-of='2024-12-09']", state="attached")
    after = _hama_fill(page)
    assert before and after and before != after, (before, after)
    assert page.locator("path.place-170017").get_attribute("data-status") == "controlled"
    page.screenshot(path=str(shots / "control-2024-12-09.png"))
    page.close()


def test_clicking_an_event_shows_its_sentence_and_sources(browser, site: str, shots: Path) -> None:
    page, _ = _open(browser, site)
    first = page.locator("#feed li button").first
    event_id = first.get_attribute("data-id")
    first.click()
    panel = page.locator("#event-panel")
    panel.wait_for(state="visible")
    event = page.evaluate(f"fetch('/api/events/{event_id}').then(r => r.json())")
    assert panel.locator("blockquote.sentence").inner_text().strip() == event["sentence"].strip()
    assert panel.locator("ul > li").count() == len(event["sources"])
    page.screenshot(path=str(shots / "event-panel.png"))
    page.keyboard.press("Escape")
    assert panel.is_hidden()
    page.close()


def test_phone_width_and_report_page(browser, site: str, shots: Path) -> None:
    page, requests = _open(browser, site, 390, 844)
    assert page.locator("#map").bounding_box()["width"] <= 390
    assert page.locator("#map path.admin1").count() > 0
    assert page.locator("#feed li").count() > 0
    page.screenshot(path=str(shots / "map-phone-screen.png"))
    page.screenshot(path=str(shots / "map-phone.png"), full_page=True)
    page.click("#report-link")
    page.wait_for_load_state()
    assert "Situation report" in page.content()
    page.screenshot(path=str(shots / "report.png"))
    _local_only(requests)
    page.close()
