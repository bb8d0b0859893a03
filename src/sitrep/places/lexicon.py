"""The toponym tagger's word lists (data/tagging.yaml), read once."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml

__all__ = ["words"]


@cache
def words(name: str) -> frozenset[str]:
    """The lowercased words of list `name` in data/tagging.yaml."""
    with resources.files("sitrep.places").joinpath("data/tagging.yaml").open(encoding="utf-8") as fp:
        data = yaml.safe_load(fp)
    return frozenset(w.lower() for w in data[name])
