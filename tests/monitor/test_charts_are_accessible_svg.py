"""The charts: SVG named by its title and described in words, with a legend in words, gaps
for figures that may not be shown, and axes that cover the data."""

from __future__ import annotations

import datetime as dt
import re

from werkpad.monitor.charts import Line, Series, bar_chart, line_chart, nice_ticks

D = dt.date


def test_line_chart_is_an_image_named_and_described() -> None:
    chart = line_chart(
        chart_id="goal-1",
        title="Bijstand <halveren>",
        description="Van 3.500 naar 1.750.",
        series=[Series("Gemeten", [(D(2019, 1, 1), 3500.0), (D(2020, 1, 1), 3300.0)])],
        lines=[Line("Doellijn", (D(2019, 1, 1), 3500.0), (D(2023, 12, 31), 1750.0))],
    )
    svg = str(chart.svg)
    assert 'role="img"' in svg
    assert 'aria-labelledby="goal-1-title goal-1-desc"' in svg
    assert '<title id="goal-1-title">Bijstand &lt;halveren&gt;</title>' in svg
    assert '<desc id="goal-1-desc">Van 3.500 naar 1.750.</desc>' in svg
    assert "style=" not in svg  # the strict CSP allows no inline styles
    legend = str(chart.legend)
    assert legend.count("<li>") == 2
    assert legend.index("Gemeten") < legend.index("Doellijn")
    assert 'aria-hidden="true"' in legend  # the line samples; the words carry the meaning


def test_a_figure_that_may_not_be_shown_leaves_a_gap() -> None:
    points = [(D(2019, m, 1), v) for m, v in ((1, 10.0), (2, None), (3, 12.0), (4, 13.0))]
    svg = str(
        line_chart(chart_id="c", title="t", description="d", series=[Series("s", points)]).svg
    )
    assert len(re.findall(r'<path d="M[^"]*" fill="none" stroke="#0b5394"', svg)) == 2


def test_axes_cover_the_data() -> None:
    assert nice_ticks(0, 120) == [0, 50, 100, 150]
    assert nice_ticks(-580, 0)[0] <= -580
    assert nice_ticks(0, 3500)[-1] >= 3500


def test_bar_chart_labels_and_values_in_words() -> None:
    svg = str(
        bar_chart(
            chart_id="ladder",
            title="Treden",
            description="Mensen per trede.",
            bars=[("1 — Geïsoleerd", 7.0), ("6 — Betaald werk", None)],
        ).svg
    )
    assert "1 — Geïsoleerd" in svg and ">7<" in svg
    assert "6 — Betaald werk" in svg
    assert svg.count("<rect") == 1
