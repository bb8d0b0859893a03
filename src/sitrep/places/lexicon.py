"""The toponym tagger's word lists (data/tagging.yaml), read once."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml

__all__ = ["words"]


@cache
def _lists() -> dict[str, list[str]]:
    """data/tagging.yaml, parsed once."""
    with resources.files("sitrep.places").joinpath("data/tagging.yaml").open(encoding="utf-8") as fp:
        return yaml.safe_load(fp)


@cache
def words(name: str) -> frozenset[str]:
    """The lowercased words of list `name` in data/tagging.yaml."""
    return frozenset(w.lower() for w in _lists()[name])
