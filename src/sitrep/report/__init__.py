"""Situation reports: what changed in a period, readable in two minutes, every line sourced.

The report is built as data first (`Report`: sections of lines, each line with the numbers of
the sources it rests on), then rendered as Markdown or HTML, so both say exactly the same.
Order: changes of control, key events by area, claims versus confirmed reports, the most
active actors, then the numbered sources (outlet, headline, date, link, and the sentence).
"""

from __future__ import annotations

from .build import Line, Report, build_report
from .render import render

__all__ = ["Line", "Report", "build_report", "render"]
