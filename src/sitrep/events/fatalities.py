"""Fatalities as ACLED counts them: the most conservative figure the text gives.

"dozens" -> 12, "hundreds" -> 100, "a dozen" -> 12; a number that is part of a date
("On 12 March 2023, 4 guards were killed") is never a count.  None when the text
says nothing (ACLED's files write 0; sitrep keeps "not reported" apart from "none").
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from ..nlp.views import sent_ents

__all__ = ["fatalities_in"]

_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
          "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
          "thirty": 30, "forty": 40, "fifty": 50, "a dozen": 12, "dozens": 12, "hundreds": 100,
          "scores": 20, "a": 1, "an": 1, "both": 2, "several": None}
_NUM = r"(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|" \
       r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|a dozen|dozens|hundreds|scores)"
_Q = r"(?:at least|some|about|around|nearly|almost|more than|over|up to|a total of)?\s*"
_PATTERNS = [
    rf"{_Q}{_NUM}\s+(?:[\w-]+\s+){{0,4}}(?:were|was|have been|had been|are|being)?\s*(?:killed|dead|died|slain|lost their lives)",
    rf"\bkill(?:ed|ing)\s+{_Q}{_NUM}\b",
    rf"\b(?:shot dead|shooting dead|gunned down|gunning down|executed|executing|massacred|massacring|"
    rf"murdered|murdering|slaughtered|slaughtering|beheaded|beheading)\s+{_Q}{_NUM}\b",
    rf"death toll\s+(?:\w+\s+){{0,4}}{_Q}{_NUM}",
    rf"{_Q}{_NUM}\s+(?:\w+\s+){{0,2}}(?:deaths|fatalities|people dead|bodies)",
    rf"\b(?:left|leaving)\s+{_Q}{_NUM}\s+(?:\w+\s+){{0,2}}dead",
]
_SINGLE = [r"\b(?:the|a|one)\s+(?:victim|man|woman|boy|girl|soldier|civilian|child|person|fighter|officer|policeman)\s+"
           r"(?:was killed|died|was shot dead|succumbed)", r"\bshot (?:him|her) dead\b", r"\bkilling (?:him|her)\b"]


def _value(raw: str) -> int | None:
    raw = raw.replace(",", "")
    return int(raw) if raw.isdigit() else _WORDS.get(raw)


_BLANKS = re.compile(r"\s{50,}")


def fatalities_in(sent: Span) -> int | None:
    """The fatalities a sentence reports, or None."""
    text = sent.text
    # blank out dates so that "30 April 2020" is never read as a count
    for ent in sent_ents(sent):
        if ent.label_ in ("DATE", "TIME"):
            a, b = ent.start_char - sent.start_char, ent.end_char - sent.start_char
            text = text[:a] + " " * (b - a) + text[b:]
    # a long run of blanks (a padded page) to a short one: the counts' patterns, unanchored and
    # opening with \s*, would otherwise retry at each of its characters (quadratic in its length)
    low = _BLANKS.sub("\t\t", text.lower())
    if not re.search(r"\bkill|\bdead\b|\bdied\b|\bdeaths?\b|\bfatalit|\bslain\b|\blives\b|\bbodies\b|"
                     r"\bgunn(?:ed|ing) down\b|\bexecut|\bmassacr|\bmurder|\bslaughter|\bbehead", low):
        return None
    if re.search(r"\bno (?:one|fatalities|deaths|casualties)\b|\bnobody\b", low):
        return 0
    best = None
    for p in _PATTERNS:
        for m in re.finditer(p, low):
            v = _value(m.group(1))
            if v is not None and v < 100_000:
                best = v if best is None else max(best, v)
    if best is None and any(re.search(p, low) for p in _SINGLE):
        best = 1
    if best is None and re.search(r"\bboth (?:victims|men|of them)\s+(?:were killed|died)", low):
        best = 2
    return best
