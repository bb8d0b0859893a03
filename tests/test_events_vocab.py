"""The shared vocabulary: one file of word classes, classes built on others, and clear errors."""

from __future__ import annotations

import pytest
import yaml

from sitrep.errors import SitrepError
from sitrep.events import vocab
from sitrep.events.vocab import load_vocabulary
from sitrep.wordclasses import parse_word_classes


def test_a_class_includes_another_by_name():
    words = parse_word_classes({"pilots": ["aviators", "flyers"], "crew": ["+pilots", "stewards"]}, "t.yaml")
    assert words["crew"] == {"aviators", "flyers", "stewards"}
    assert words["pilots"] == {"aviators", "flyers"}


def test_an_unknown_include_names_the_file_and_the_class():
    with pytest.raises(SitrepError, match=r"my\.yaml.*'crew'.*'pilots'"):
        parse_word_classes({"crew": ["+pilots"]}, "my.yaml")


def test_a_class_that_includes_itself_is_an_error():
    with pytest.raises(SitrepError, match="includes itself"):
        parse_word_classes({"a": ["+b"], "b": ["+a"]}, "t.yaml")


def test_yaml_booleans_are_refused_not_read_as_words():
    raw = yaml.safe_load("particles: [up, off, on]")  # YAML 1.1 reads off/on as booleans
    with pytest.raises(SitrepError, match="'particles'"):
        parse_word_classes(raw, "t.yaml")


def test_the_packaged_vocabulary_builds_the_protester_family_on_one_class():
    words = load_vocabulary()
    plurals = words["protester_plurals"]
    assert plurals <= words["protester_nouns"] <= words["protest_crowd"] <= words["protesters"]
    assert plurals <= words["protests_and_protesters"]
    assert words["exchange_of_fire"] <= words["answered_fire"]
    # the module's names are the file's classes
    for name, value in words.items():
        assert getattr(vocab, name.upper()) == value, name
    assert all(w == w.lower() and w.strip() == w for ws in words.values() for w in ws)
