"""Markdown and HTML renderings of a `Report` (the same content, line for line)."""

from __future__ import annotations

import html

from .build import Line, Report, Section

__all__ = ["render"]


def render(report: Report, fmt: str = "md") -> str:
    if fmt == "md":
        return _markdown(report)
    if fmt == "html":
        return _html(report)
    raise ValueError(f"unknown report format {fmt!r}")


def _source_label(s: dict) -> str:
    parts = [s.get("outlet") or "unknown outlet", f"\"{s['headline']}\"" if s.get("headline") else None,
             s.get("published")]
    return ", ".join(p for p in parts if p)


def _md_line(line: Line) -> str:
    refs = "".join(f" [[{n}]](#source-{n})" for n in line.refs)
    return f"- {line.text}{refs}"


def _md_section(section: Section, level: int) -> list[str]:
    out = [f"{'#' * level} {section.title}", ""]
    out += [_md_line(line) for line in section.lines]
    if section.lines:
        out.append("")
    for sub in section.subsections:
        out += _md_section(sub, level + 1)
    return out


def _markdown(report: Report) -> str:
    out = [f"# {report.title}", "", report.summary, ""]
    for section in report.sections:
        out += _md_section(section, 2)
    out += _md_chart(report.daily)
    out += ["## Sources", ""]
    for n, s in enumerate(report.sources, start=1):
        link = f" <{s['url']}>" if s.get("url") else ""
        out.append(f"{n}. <a id=\"source-{n}\"></a>{_source_label(s)}{link} — “{s['sentence'].strip()}”")
    return "\n".join(out) + "\n"


def _html_section(section: Section, level: int) -> list[str]:
    h = min(level, 6)
    out = [f"<h{h}>{html.escape(section.title)}</h{h}>"]
    if section.lines:
        out.append("<ul>")
        for line in section.lines:
            refs = "".join(f' <a href="#source-{n}">[{n}]</a>' for n in line.refs)
            out.append(f"<li>{html.escape(line.text)}{refs}</li>")
        out.append("</ul>")
    for sub in section.subsections:
        out += _html_section(sub, level + 1)
    return out


# one colour per ACLED event type, as on the map page
TYPE_COLOURS = {"Battles": "#c0392b", "Explosions/Remote violence": "#e67e22",
                "Violence against civilians": "#8e44ad", "Protests": "#2980b9", "Riots": "#16a085",
                "Strategic developments": "#7f8c8d", "Statements": "#bdc3c7"}


def _chart_svg(daily: list[tuple[str, dict[str, int]]]) -> str:
    """Events per day, stacked by type: an inline SVG (no script, no external file)."""
    if not daily:
        return ""
    top = max([sum(c.values()) for _, c in daily] + [1])
    bar, gap, height = 14, 4, 120
    width = len(daily) * (bar + gap) + 40
    parts = [f'<svg role="img" aria-label="Events per day by type" width="{width}" height="{height + 20}" '
             f'xmlns="http://www.w3.org/2000/svg" font-size="10" font-family="sans-serif">']
    for i, (day, counts) in enumerate(daily):
        x, y = 30 + i * (bar + gap), float(height)
        for kind, colour in TYPE_COLOURS.items():
            n = counts.get(kind, 0)
            if n:
                h = n * height / top
                y -= h
                parts.append(f'<rect x="{x}" y="{y:.1f}" width="{bar}" height="{h:.1f}" fill="{colour}">'
                             f"<title>{html.escape(day)}: {n} {html.escape(kind)}</title></rect>")
        if i % 2 == 0:
            parts.append(f'<text x="{x}" y="{height + 14}">{html.escape(day[5:])}</text>')
    parts.append(f'<text x="0" y="10">{top}</text><text x="0" y="{height}">0</text></svg>')
    legend = " ".join(f'<span style="color:{c}">■</span> {html.escape(k)}' for k, c in TYPE_COLOURS.items())
    return "".join(parts) + f"<figcaption>{legend}</figcaption>"


def _md_chart(daily: list[tuple[str, dict[str, int]]]) -> list[str]:
    """Events per day as a bar of blocks per line, for a reader of the plain text."""
    if not daily:
        return []
    out = ["## Events per day", "", "```"]
    for day, counts in daily:
        n = sum(counts.values())
        out.append(f"{day}  {'█' * n} {n}" if n else f"{day}  ·")
    return out + ["```", ""]


def _html(report: Report) -> str:
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>{html.escape(report.title)}</title>",
           "<style>body{font:15px/1.45 system-ui,sans-serif;max-width:52em;margin:2em auto;padding:0 1em}"
           "li{margin:.2em 0}.src{font-size:13px;color:#444}</style></head><body>",
           f"<h1>{html.escape(report.title)}</h1>", f"<p>{html.escape(report.summary)}</p>",
           "<h2>Events per day</h2>", f"<figure>{_chart_svg(report.daily)}</figure>"]
    for section in report.sections:
        out += _html_section(section, 2)
    out += ["<h2>Sources</h2>", '<ol class="src">']
    for n, s in enumerate(report.sources, start=1):
        label = html.escape(_source_label(s))
        if s.get("url"):
            label = f'<a href="{html.escape(s["url"])}">{label}</a>'
        out.append(f'<li id="source-{n}">{label}: “{html.escape(s["sentence"].strip())}”</li>')
    out += ["</ol>", "</body></html>"]
    return "\n".join(out) + "\n"
