"""Word classes read from a data file: the one format of sitrep's curated word lists.

A file maps each class name to a list of lower-case words; an item "+other" includes every
word of class `other`, so that a class built on another says so and the two cannot drift
apart.  Each class is loaded as a frozenset.  A malformed file is an error naming the file
and the class.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

from .errors import SitrepError

__all__ = ["load_word_classes", "parse_word_classes"]


def parse_word_classes(raw: Any, source: str) -> dict[str, frozenset[str]]:
    """Each class of a parsed word-class file as a frozenset, its "+includes" expanded."""
    if not isinstance(raw, dict):
        raise SitrepError(f"{source}: expected a mapping of word classes")
    for name, words in raw.items():
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            raise SitrepError(f"{source}: class {name!r} must be a list of words (quote YAML's yes/no/on/off)")
    done: dict[str, frozenset[str]] = {}

    def expand(name: str, path: tuple[str, ...]) -> frozenset[str]:
        if name in done:
            return done[name]
        if name not in raw:
            raise SitrepError(f"{source}: class {path[-1]!r} includes unknown class {name!r}")
        if name in path:
            raise SitrepError(f"{source}: class {name!r} includes itself ({' > '.join((*path, name))})")
        words: set[str] = set()
        for w in raw[name]:
            words |= expand(w[1:], (*path, name)) if w.startswith("+") else {w}
        done[name] = frozenset(words)
        return done[name]

    for name in raw:
        expand(name, ())
    return done


def load_word_classes(package: str, path: str) -> dict[str, frozenset[str]]:
    """The word classes of a packaged data file, e.g. ("sitrep.events", "data/vocabulary.yaml")."""
    source = f"{package.replace('.', '/')}/{path}"
    with resources.files(package).joinpath(path).open(encoding="utf-8") as fp:
        try:
            raw = yaml.safe_load(fp)
        except yaml.YAMLError as exc:
            raise SitrepError(f"{source}: {exc}") from None
    return parse_word_classes(raw, source)
