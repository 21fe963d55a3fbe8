"""Accessible SVG charts written by hand: no library, no script, no inline style (strict CSP).

Each chart is an `<svg role="img">` named by its `<title>` and summarised by its `<desc>`;
the page shows the same numbers in a table beside it, so the chart is never the only way to
read them. Series differ in line pattern and marker shape as well as colour, and the legend
names them in words. Colours have at least 4.5:1 contrast on white. A value that may not be
shown to this audience (a suppressed count) is passed as None and leaves a gap.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 16, 40
COLOURS = ("#0b5394", "#a63d00", "#1b7a4b", "#6a3d9a", "#545454", "#7a5c00")
DASHES = {"solid": "", "dashed": "8 5", "dotted": "2 4", "dashdot": "10 4 2 4"}
MARKERS = ("circle", "square", "triangle", "diamond", "circle", "square")


@dataclass(frozen=True)
class Series:
    name: str
    points: Sequence[tuple[date, float | None]]
    dash: str = "solid"


@dataclass(frozen=True)
class Line:
    """A straight reference line (such as a goal line) from one point to another."""

    name: str
    start: tuple[date, float]
    end: tuple[date, float]
    dash: str = "dashed"


@dataclass(frozen=True)
class Chart:
    """The SVG and, for lines, a legend in words with a sample of each line."""

    svg: SafeString
    legend: SafeString = mark_safe("")  # noqa: S308 - empty


def _swatch(colour: str, dash: str, marker: str | None) -> str:
    mark = _marker(marker, 14, 6, colour) if marker else ""
    return (
        f'<svg class="monitor-legend__swatch" viewBox="0 0 28 12" width="28" height="12" '
        f'aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg">'
        f'<path d="M0 6 L28 6" stroke="{colour}" stroke-width="2.5" '
        f'stroke-dasharray="{DASHES[dash]}"/>{mark}</svg>'
    )


def _legend(series: Sequence[Series], lines: Sequence[Line]) -> SafeString:
    items = [
        (item.name, _swatch(COLOURS[i % len(COLOURS)], item.dash, MARKERS[i % len(MARKERS)]))
        for i, item in enumerate(series)
    ] + [
        (line.name, _swatch(COLOURS[(len(series) + i) % len(COLOURS)], line.dash, "diamond"))
        for i, line in enumerate(lines)
    ]
    return mark_safe(  # noqa: S308 - the names went through escape()
        '<ul class="monitor-legend">'
        + "".join(f"<li>{swatch} {escape(name)}</li>" for name, swatch in items)
        + "</ul>"
    )


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values (1, 2 or 5 times a power of ten) covering low..high."""
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    ticks = [math.floor(low / step) * step]
    while ticks[-1] < high:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def _number(value: float) -> str:
    return str(number_format(round(value), force_grouping=True))


class _Frame:
    """Maps dates and values to the plot area."""

    def __init__(self, first: date, last: date, ticks: list[float]) -> None:
        self.first, self.span = first.toordinal(), max(1, (last - first).days)
        self.low, self.high = ticks[0], ticks[-1]

    def x(self, day: date) -> float:
        return LEFT + (day.toordinal() - self.first) / self.span * (WIDTH - LEFT - RIGHT)

    def y(self, value: float) -> float:
        share = (value - self.low) / ((self.high - self.low) or 1)
        return TOP + (1 - share) * (HEIGHT - TOP - BOTTOM)


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "square":
        return f'<rect x="{x - 3.5:.1f}" y="{y - 3.5:.1f}" width="7" height="7" fill="{colour}"/>'
    if shape == "triangle":
        return (
            f'<path d="M{x:.1f} {y - 4.5:.1f} L{x + 4.5:.1f} {y + 3.5:.1f} '
            f'L{x - 4.5:.1f} {y + 3.5:.1f} Z" fill="{colour}"/>'
        )
    if shape == "diamond":
        return (
            f'<path d="M{x:.1f} {y - 5:.1f} L{x + 5:.1f} {y:.1f} L{x:.1f} {y + 5:.1f} '
            f'L{x - 5:.1f} {y:.1f} Z" fill="{colour}"/>'
        )
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}"/>'


def _paths(frame: _Frame, points: Sequence[tuple[date, float | None]]) -> list[str]:
    """One path per run of known values; a None breaks the line."""
    runs: list[list[str]] = [[]]
    for day, value in points:
        if value is None:
            runs.append([])
            continue
        runs[-1].append(f"{frame.x(day):.1f} {frame.y(value):.1f}")
    return ["M" + " L".join(run) for run in runs if run]


def _frame_svg(
    chart_id: str, title: str, description: str, body: list[str], *, height: int = HEIGHT
) -> SafeString:
    return mark_safe(  # noqa: S308 - every text in it went through escape()
        f'<svg class="monitor-chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" focusable="false" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>' + "".join(body) + "</svg>"
    )


def _y_axis(frame: _Frame, ticks: list[float]) -> list[str]:
    parts = []
    for tick in ticks:
        y = frame.y(tick)
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="#d0d0d0" stroke-width="1"/>'
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="12" '
            f'fill="#1a1a1a">{escape(_number(tick))}</text>'
        )
    return parts


def _x_axis(frame: _Frame, first: date, last: date) -> list[str]:
    years = range(first.year + (first.month > 1 or first.day > 1), last.year + 1)
    every = max(1, math.ceil(len(years) / 8))
    parts = [
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{HEIGHT - BOTTOM}" y2="{HEIGHT - BOTTOM}" '
        f'stroke="#1a1a1a" stroke-width="1"/>'
    ]
    for year in list(years)[::every]:
        x = frame.x(date(year, 1, 1))
        parts.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{HEIGHT - BOTTOM}" y2="{HEIGHT - BOTTOM + 5}" '
            f'stroke="#1a1a1a" stroke-width="1"/>'
            f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 20}" text-anchor="middle" font-size="12" '
            f'fill="#1a1a1a">{year}</text>'
        )
    return parts


def line_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    series: Sequence[Series],
    lines: Sequence[Line] = (),
    first: date | None = None,
    last: date | None = None,
) -> Chart:
    """Lines over time; the x axis runs from `first` to `last` (else the data's own range)."""
    days = [day for s in series for day, _v in s.points] + [
        day for line in lines for day in (line.start[0], line.end[0])
    ]
    values = [v for s in series for _d, v in s.points if v is not None] + [
        value for line in lines for value in (line.start[1], line.end[1])
    ]
    legend = _legend(series, lines)
    if not days or not values:
        return Chart(_frame_svg(chart_id, title, description, []), legend)
    first, last = first or min(days), last or max(days)
    ticks = nice_ticks(min(0.0, min(values)), max(values))
    frame = _Frame(first, last, ticks)
    body = _y_axis(frame, ticks) + _x_axis(frame, first, last)
    for index, line in enumerate(lines):
        colour = COLOURS[(len(series) + index) % len(COLOURS)]
        body.append(
            f'<path d="M{frame.x(line.start[0]):.1f} {frame.y(line.start[1]):.1f} '
            f'L{frame.x(line.end[0]):.1f} {frame.y(line.end[1]):.1f}" fill="none" '
            f'stroke="{colour}" stroke-width="2" stroke-dasharray="{DASHES[line.dash]}"/>'
            + _marker("diamond", frame.x(line.end[0]), frame.y(line.end[1]), colour)
        )
    for index, item in enumerate(series):
        colour = COLOURS[index % len(COLOURS)]
        for path in _paths(frame, item.points):
            body.append(
                f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="2.5" '
                f'stroke-dasharray="{DASHES[item.dash]}"/>'
            )
        known = [(d, v) for d, v in item.points if v is not None]
        step = max(1, len(known) // 24)
        for day, value in known[::step]:
            body.append(
                _marker(MARKERS[index % len(MARKERS)], frame.x(day), frame.y(value), colour)
            )
    return Chart(_frame_svg(chart_id, title, description, body), legend)


BAR_ROW = 40


def bar_chart(
    *, chart_id: str, title: str, description: str, bars: Sequence[tuple[str, float | None]]
) -> Chart:
    """Horizontal bars, each with its label above it and its value beside it."""
    known = [value for _label, value in bars if value is not None]
    height = TOP + BAR_ROW * len(bars) + 8
    scale = (WIDTH - RIGHT - 56) / (nice_ticks(0, max(known) if known else 1)[-1] or 1)
    body = []
    for index, (label, value) in enumerate(bars):
        y = TOP + index * BAR_ROW
        body.append(
            f'<text x="0" y="{y + 12}" font-size="13" fill="#1a1a1a">{escape(label)}</text>'
        )
        if value is None:
            continue
        width = max(0.0, value * scale)
        body.append(
            f'<rect x="0" y="{y + 17}" width="{width:.1f}" height="16" fill="{COLOURS[0]}"/>'
            f'<text x="{width + 6:.1f}" y="{y + 30}" font-size="13" '
            f'fill="#1a1a1a">{escape(_number(value))}</text>'
        )
    return Chart(_frame_svg(chart_id, title, description, body, height=height))
