"""What every evaluation format shares: distances, one-to-one assignment, reading JSON lines."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..places.disambiguate import haversine_km as _haversine

__all__ = ["haversine_km", "hungarian", "parse_jsonl", "read_jsonl", "read_text_file"]

def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (the geoparser's own formula)."""
    return _haversine((lat1, lon1), (lat2, lon2))


def hungarian(cost: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Minimum-cost one-to-one assignment of rows to columns (as many pairs as the smaller side).

    Returns ``(row, col)`` pairs sorted by row.  Plain O(n^2 m) Kuhn-Munkres with potentials.
    """
    n = len(cost)
    if n == 0:
        return []
    m = len(cost[0])
    if m == 0:
        return []
    if n > m:  # the algorithm wants rows <= columns
        return sorted((r, c) for c, r in hungarian([list(col) for col in zip(*cost, strict=True)]))
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    p = [0] * (m + 1)  # p[j]: the row (1-based) assigned to column j
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    return sorted((p[j] - 1, j - 1) for j in range(1, m + 1) if p[j] != 0)


def parse_jsonl(text: str, where: str) -> list[dict[str, Any]]:
    """The JSON objects of a JSON-lines text (blank lines skipped); InputError names the bad line."""
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"not JSON: {exc}", where, n) from exc
        if not isinstance(obj, dict):
            raise InputError("not a JSON object", where, n)
        out.append(obj)
    return out


def read_text_file(path: str | Path, what: str = "file") -> str:
    """A UTF-8 file's text; InputError names the file when it cannot be read."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{what} not found", str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise InputError(f"cannot read the {what}: {reason}", str(path)) from exc


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSON-lines file (sitrep's event output, for instance)."""
    return parse_jsonl(read_text_file(path, "events file"), str(path))
