"""Dates in conflict reporting, resolved against the publication date.

News dates events relative to the day it is published: "on Thursday" in a Friday
report is the day before, "on Friday" in a Friday report is that day, "tomorrow"
the day after.  dateparser handles explicit dates ("5 December", "On 9 May 2020")
but is slow and gets weekdays wrong for this use, so weekdays and the common relative
phrases are handled here and dateparser is only called, through a cache, for the rest.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..nlp.views import doc_text

__all__ = ["BACKGROUND_DAYS", "ResolvedDate", "clause_offset", "is_background", "is_period", "is_recurring", "shifted", "mend_dates", "prepare", "resolve_date"]

# An event dated this many days before publication is background ("the cradle of
# the 2011 uprising"), not news: it is not coded as a new event.
BACKGROUND_DAYS = 45
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"]
# A stretch of months or years ("over the past few months", "in recent years", "a years-long
# siege", "for decades", also "for weeks") frames a summary of many happenings, not one event
# with a day.
_PERIOD = re.compile(
    r"\b(?:(?:past|last|previous|recent|coming)\s+(?:few\s+|several\s+|many\s+|couple\s+of\s+|\w+\s+)?"
    r"(?:months|years|decades)|(?:months|years|decades)[- ]long|for\s+(?:\w+\s+)?(?:weeks|months|years|decades)|"
    r"over\s+the\s+(?:past|last)\s+(?:year|decade))\b")

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_NUM_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
              "seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": 3, "few": 3, "couple": 2}
_UNIT_DAYS = {"minute": 0, "hour": 0, "day": 1, "week": 7, "month": 30, "year": 365, "decade": 3650}
_PRECISION = {"minute": "day", "hour": "day", "day": "day", "week": "week", "month": "month", "year": "year",
              "decade": "year"}


@dataclass(frozen=True)
class ResolvedDate:
    date: str  # YYYY-MM-DD
    precision: str  # day | week | month | year

    @property
    def as_date(self) -> dt.date:  # (the field `date` shadows the class in this scope)
        return date.fromisoformat(self.date)


def _d(day: date, precision: str = "day") -> ResolvedDate:
    return ResolvedDate(day.isoformat(), precision)


def _weekday(text: str, pub: date) -> ResolvedDate | None:
    for i, name in enumerate(WEEKDAYS):
        if re.search(rf"\b{name}\b", text):
            back = (pub.weekday() - i) % 7
            if re.search(r"\bnext\b|\bcoming\b", text):
                return _d(pub + timedelta(days=(i - pub.weekday()) % 7 or 7))
            if re.search(r"\blast\b", text) and back == 0:
                back = 7
            return _d(pub - timedelta(days=back))
    return None


def _named_month(text: str, pub: date) -> ResolvedDate | None:
    """'last April', 'this March', 'next June' (a named month with no day): the month, not the day
    of the report. 'Last April' is the latest April before the report's month."""
    m = re.search(r"\b(last|this|next|past)\s+(" + "|".join(_MONTHS) + r")\b", text)
    if m is None:
        return None
    month = _MONTHS.index(m.group(2)) + 1
    year = pub.year
    if m.group(1) in ("last", "past") and month >= pub.month:
        year -= 1
    elif m.group(1) == "next" and month <= pub.month:
        year += 1
    return ResolvedDate(date(year, month, 1).isoformat(), "month")


def _in_period(phrase: str, day: date, pub: date) -> date:
    """A day counted back from publication, kept inside the period the phrase names: "earlier this
    month" in a report of 3 March is not in February; "last month" in one of 31 March is February."""
    if phrase.endswith("this week"):
        return max(day, pub - timedelta(days=pub.weekday()))
    if phrase.endswith("this month"):
        return max(day, pub.replace(day=1))
    if phrase.endswith("this year"):
        return max(day, pub.replace(month=1, day=1))
    if phrase == "last month":
        first = pub.replace(day=1) - timedelta(days=1)  # the last day of the month before
        return first.replace(day=min(pub.day, first.day))
    return day


def _relative(text: str, pub: date) -> ResolvedDate | None:
    simple = {
        "today": (0, "day"), "tonight": (0, "day"), "this morning": (0, "day"),
        "this afternoon": (0, "day"), "this evening": (0, "day"),
        "yesterday": (-1, "day"), "last night": (-1, "day"), "overnight": (-1, "day"),
        "tomorrow": (1, "day"), "this week": (0, "week"), "earlier this week": (-2, "week"),
        "last week": (-7, "week"), "next week": (7, "week"), "this month": (0, "month"),
        "earlier this month": (-7, "month"), "last month": (-30, "month"),
        "next month": (30, "month"), "this year": (0, "year"), "earlier this year": (-30, "year"),
        "last year": (-365, "year"), "next year": (365, "year"),
        "recent days": (-3, "week"), "recent weeks": (-14, "month"),
        "recent months": (-60, "month"), "recent years": (-730, "year"),
        "years-long": (-730, "year"), "decades-long": (-3650, "year"), "for years": (-730, "year"),
    }
    # the longest phrase first: "earlier this month" before "this month"
    for phrase, (days, prec) in sorted(simple.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{phrase}\b", text):
            return _d(_in_period(phrase, pub + timedelta(days=days), pub), prec)
    # "three days ago", "over a decade ago", "in (little) over a week", "the past week"
    m = re.search(r"\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|couple)"
                  r"\s+(?:of\s+)?(day|week|month|year|decade)s?\s+(ago|earlier|before)\b", text)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else _NUM_WORDS[m.group(1)]
        return _d(pub - timedelta(days=n * _UNIT_DAYS[m.group(2)]), _PRECISION[m.group(2)])
    m = re.search(r"\b(?:(?:in|within|over|during|for)\s+|(?=the\s+(?:past|last)))(?:the\s+)?(?:little\s+|just\s+|a\s+little\s+)?"
                  r"(?:over|under|more than|less than|past|last)?\s*(\d+|a|an|one|two|three|four|five|six|"
                  r"several|few|couple)?\s*(?:of\s+)?(day|week|month|year|decade)s?\b", text)
    if m:
        k = _NUM_WORDS.get(m.group(1) or "a", None) if not (m.group(1) or "").isdigit() else int(m.group(1))
        return _d(pub - timedelta(days=(k or 1) * _UNIT_DAYS[m.group(2)]), _PRECISION[m.group(2)])
    return None


@lru_cache(maxsize=4096)
def _explicit(text: str, pub_iso: str) -> ResolvedDate | None:
    """Explicit dates through dateparser (cached: it is slow)."""
    if not re.search(r"\d|january|february|march|april|may|june|july|august|september|october|"
                     r"november|december|jan\b|feb\b|mar\b|apr\b|jun\b|jul\b|aug\b|sept?\b|oct\b|nov\b|dec\b",
                     text):
        return None
    import dateparser  # slow to import: only when an explicit date is seen

    pub = date.fromisoformat(pub_iso)
    # "Around 12 March 2023 (week of)", "late on 4 June", "as of 2 June": the date inside
    cleaned = re.sub(r"\([^)]*\)", " ", text.strip())
    cleaned = re.sub(r"^(?:(?:around|about|approximately|circa|early|late|as of|as reported on|reported on|"
                     r"on|in|since|from|by|until|during|at|the night of|the morning of|the evening of)\s+)+",
                     "", cleaned.strip()).strip(" ,")
    # "July 28 and 29", "28 to 30 May": two days of one happening, dated by the first (not the
    # second number read as a year)
    cleaned = re.sub(r"\b(\d{1,2})(?:st|nd|rd|th)?\s*(?:and|to|-|–)\s*\d{1,2}(?:st|nd|rd|th)?\b(?![\d:])",
                     r"\1", cleaned)
    if re.fullmatch(r"(?:in\s+)?(1[89]\d\d|20\d\d)", cleaned):
        return ResolvedDate(f"{cleaned[-4:]}-01-01", "year")
    has_day = bool(re.search(r"\b\d{1,2}(st|nd|rd|th)?\b(?!\d)", cleaned)) and not re.fullmatch(
        r"(1[89]\d\d|20\d\d)", cleaned)
    parsed = dateparser.parse(
        cleaned, languages=["en"],
        settings={"RELATIVE_BASE": _midday(pub), "PREFER_DATES_FROM": "current_period",
                  "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": []})
    if parsed is None:
        return None
    day = parsed.date()
    # A day-and-month date without a year in a report is the latest such day not far
    # after publication ("December 5" in a 6 December report is 5 December).
    if not re.search(r"\b(1[89]\d\d|20\d\d)\b", cleaned) and day > pub + timedelta(days=7):
        try:
            day = day.replace(year=day.year - 1)
        except ValueError:
            pass
    return _d(day, "day" if has_day else "month")


def _midday(d: date):
    from datetime import datetime

    return datetime(d.year, d.month, d.day, 12, 0)


def resolve_date(text: str, published: str) -> ResolvedDate | None:
    """Resolve a date expression (a spaCy DATE entity's text) against the publication date."""
    pub = date.fromisoformat(published)
    low = text.lower().replace("’", "'")
    return _weekday(low, pub) or _named_month(low, pub) or _relative(low, pub) or _explicit(low, published)


def prepare() -> None:
    """Load dateparser and let it build its tables now (its import and its time zones' patterns,
    some 0.2 s of CPU on its first date): a process pays that when its resources are loaded,
    not on the first article that spells out a date."""
    _explicit("1 January 2000", "2000-01-02")


def is_background(d: ResolvedDate, pub: date) -> bool:
    """A date that sets an event in the story's past rather than in its news: well before
    publication, or known only to the year ("earlier this year", "in 2015") and not after it."""
    if d.as_date < pub - timedelta(days=BACKGROUND_DAYS):
        return True
    return d.precision == "year" and d.as_date <= pub


def is_period(text: str) -> bool:
    """A date expression that names a stretch of months or years, not a point in time."""
    return bool(_PERIOD.search(text.lower()))


# "every day", "each night", "every Friday": what happens at each such time is a habit
_RECURRING = re.compile(r"^(?:every|each)\b|\b(?:daily|nightly|weekly)\b")


def is_recurring(text: str) -> bool:
    """A date expression that names a recurring time ('every day', 'each Friday'), not one."""
    return bool(_RECURRING.search(text.lower().strip()))


_MONTH = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_FULL_DATE = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\s+\d{{4}}\b|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b")


def mend_dates(doc: Doc) -> None:
    """'28 Apr 2020' that the model splits into a number and a year ('28' CARDINAL, '2020'
    DATE) is one date: without the mend the event is dated to the year and dropped as background."""
    spans = []
    ents = doc.ents  # built once: spaCy builds every entity of the document on each access
    for m in _FULL_DATE.finditer(doc_text(doc)):
        sp = doc.char_span(m.start(), m.end(), label="DATE", alignment_mode="expand")
        if sp is not None and not any(e.label_ == "DATE" and e.start <= sp.start and e.end >= sp.end for e in ents):
            spans.append(sp)
    if spans:
        keep = [e for e in ents if not any(e.start < sp.end and sp.start < e.end for sp in spans)]
        doc.ents = sorted(keep + spans, key=lambda e: e.start)


_SPAN = re.compile(r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|couple)\s+"
                   r"(?:of\s+)?(minute|hour|day|week|month|year)s?")


def clause_offset(t: Token) -> tuple[Token, int, str] | None:
    """'three days after militants stormed a checkpoint', 'a week before the talks began': a clause
    set that long before (after) the clause it hangs on. Returns the verb it hangs on, the days to
    add to that verb's date, and the precision the offset keeps."""
    clause = next((x for x in (t, *t.ancestors) if x.dep_ in ("advcl", "ccomp", "relcl", "ROOT")), None)
    if clause is None or clause.dep_ != "advcl":
        return None
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ in ("after", "before")), None)
    if mark is None:
        return None
    for d in (c for c in (*mark.children, *clause.children) if c.dep_ == "npadvmod"):
        m = _SPAN.fullmatch(" ".join(x.lower_ for x in d.subtree))
        if m is None:
            continue
        n = int(m.group(1)) if m.group(1).isdigit() else _NUM_WORDS[m.group(1)]
        days = n * _UNIT_DAYS[m.group(2)]
        return clause.head, -days if mark.lower_ == "after" else days, _PRECISION[m.group(2)]
    return None


def shifted(base: ResolvedDate, days: int, precision: str) -> ResolvedDate:
    """A date moved by an offset, as precise as the less precise of the two."""
    order = ["day", "week", "month", "year"]
    prec = max(base.precision, precision, key=order.index)
    return _d(base.as_date + timedelta(days=days), prec)


# the units of a span counted from a time the story told earlier ("three weeks later"), and the
# words that count it so ("the following year", "the next month")
_LATER = ("later", "afterwards", "afterward", "on")
_FOLLOWING = ("following", "next", "subsequent")


def narrated_offset(t: Token) -> tuple[int, str] | None:
    """'Three weeks later, ...', 'killed a few months later', 'the following year': the clause is
    set that long after a time the story told before, not counted from the report's own day.
    Returns the days to add to that time and the precision the offset keeps."""
    chain = {x.i for x in (t, *t.ancestors)}
    for tok in t.sent:
        if tok.lower_ in _LATER and tok.dep_ == "advmod" and tok.head.i in chain:
            span = next((c for c in tok.children if c.dep_ == "npadvmod"), None)
            words = " ".join(x.lower_ for x in span.subtree) if span is not None else ""
            words = re.sub(r"^a\s+(?=few|couple)", "", words)  # "a few months", "a couple of years"
            m = _SPAN.fullmatch(words) or re.fullmatch(r"(?:some\s+|many\s+)?(minute|hour|day|week|month|year)s", words)
            if m is None:
                continue
            n_text, unit = (m.group(1), m.group(2)) if m.re is _SPAN else ("several", m.group(1))
            n = int(n_text) if n_text.isdigit() else _NUM_WORDS[n_text]
            return n * _UNIT_DAYS[unit], _PRECISION[unit]
        if tok.lemma_.lower() in _UNIT_DAYS and tok.dep_ in ("npadvmod", "pobj") and any(
                c.dep_ == "amod" and c.lower_ in _FOLLOWING for c in tok.children):
            anchor = tok.head.head if tok.dep_ == "pobj" else tok.head
            if anchor.i in chain:
                unit = tok.lemma_.lower()
                return _UNIT_DAYS[unit], _PRECISION[unit]
    return None
