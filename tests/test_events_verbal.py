"""Verbal events (PLOVER): one only where a named speaker addresses something or someone, typed
by what the verb means and by its arguments. The sentences are written for these tests."""

from __future__ import annotations

import pytest


def plovers(evs):
    return [e.plover for e in evs if e.event_type is None]


@pytest.mark.parametrize("text", [
    "The Ghanaian president posted on Tuesday that the junta should hand power back to civilians.",
    "A spokesman for the Kurdish-led Syrian Democratic Forces said on Friday that they would not release "
    "anyone but foreign governments must take their citizens home.",
    "Nigeria's foreign minister said on Wednesday that the abducted pupils must be freed at once.",
])
def test_what_a_named_speaker_says_must_be_done_is_a_request(extract, text):
    assert plovers(extract(text, published="2019-03-05")) == ["REQUEST"], text


@pytest.mark.parametrize("text", [
    # a view of how things ought to be, with the copula: nobody is asked anything
    "Kenya must be ready to hold the suspects for years, the Kenyan interior minister said on Monday.",
    "The region's first task should be to rebuild the schools, the Malian prime minister said on Monday.",
    # the speaker's own duty
    "We must protect our villages ourselves, the Burkinabe defence minister said on Monday.",
    # an order told as done before, with nothing asked here
    "Supplies will run short as the French draw down their garrison, as Macron has ordered.",
    # a saying that is only the subject of the writer's own judgment
    "That the Malian junta has announced an election must be treated with caution.",
])
def test_what_ought_to_be_or_an_order_told_before_is_no_request(extract, text):
    assert "REQUEST" not in plovers(extract(text, published="2019-03-05")), text


def test_insisting_demands_rejects_or_only_says(extract):
    said = "The Turkish defence minister insisted on Tuesday"
    assert plovers(extract(f"{said} on the withdrawal of the militias from the border.")) == ["REQUEST"]
    assert plovers(extract(f"{said} that Turkish jets had not struck the village.")) == ["REJECT"]
    assert plovers(extract(f"{said} that the operation would go on.")) == []
