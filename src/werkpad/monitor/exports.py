"""The monitor's files: each indicator as CSV, all of them as one XLSX workbook, the open-data
CSV, and the quarterly PDF report for the board.

Every file takes its figures from `werkpad.monitor.tables.Table`, so it shows exactly what its
audience may see: exact for the programme team, "< 5" for the board. The open-data CSV and the
board's report are always suppressed, whoever downloads them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date
from xml.sax.saxutils import escape

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import (
    Table as PdfTable,
)

from werkpad.monitor.selectors import GoalProgress, Monitor, Point, goal_figure
from werkpad.monitor.tables import Kind, Table, figure_text, header

OPEN_DATA_HEADER = ("indicator", "indicator_title", "row", "measure", "value")


def _text_columns(table: Table) -> list[int]:
    return [i for i, column in enumerate(table.columns) if column.kind == Kind.TEXT]


def table_csv(table: Table) -> str:
    """One indicator: a header row with the column names, then the rows."""
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow(header(table.columns))
    for row in table.rows:
        writer.writerow(table.plain_values(row))
    return output.getvalue()


def workbook(tables: Sequence[Table], *, title: str) -> bytes:
    """All indicators in one workbook: a sheet each, with its title and description on top."""
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    bold = Font(bold=True)
    for table in tables:
        sheet = book.create_sheet(table.code[:31])
        sheet.append([str(table.title)])
        sheet["A1"].font = Font(bold=True, size=13)
        sheet.append([str(table.description)])
        sheet.append([title])
        sheet.append([])
        sheet.append(header(table.columns))
        for item in sheet[5]:
            item.font = bold
        for row in table.rows:
            sheet.append(table.plain_values(row))
        sheet.freeze_panes = "A6"
        for index, column in enumerate(table.columns, start=1):
            letter = sheet.cell(row=5, column=index).column_letter
            sheet.column_dimensions[letter].width = 30 if column.kind == Kind.TEXT else 16
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def open_data_csv(tables: Sequence[Table]) -> str:
    """Every figure as one line (indicator, row, measure, value), suppressed below 5.

    Whatever the audience of `tables`, every count from 1 to 4 is written as "< 5", a count that
    a total minus its other parts would give away is left empty, and no share or median
    computed from a hidden count is written at all.
    """
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow(OPEN_DATA_HEADER)
    for table in (table.for_audience(suppressed=True) for table in tables):
        labels = _text_columns(table)
        for row in table.rows:
            name = " / ".join(str(row.get(table.columns[i].key) or "") for i in labels) or str(
                table.title
            )
            for column, value in zip(table.columns, table.plain_values(row), strict=True):
                if column.kind in (Kind.TEXT, Kind.DATE):
                    continue
                writer.writerow((table.code, str(table.title), name, str(column.label), value))
    return output.getvalue()


# --- the quarterly report --------------------------------------------------------------------


def _text(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text: reportlab reads its own markup, so "<" and "&" are escaped."""
    return Paragraph(escape(text), style)


def _pdf_table(table: Table, style: TableStyle, font_size: float) -> PdfTable:
    """The table suppressed below 5, whoever asks: the report is for the board."""
    table = table.for_audience(suppressed=True)
    styles = getSampleStyleSheet()
    small = styles["BodyText"].clone("small", fontSize=font_size, leading=font_size + 2)
    data = [[Paragraph(f"<b>{escape(label)}</b>", small) for label in header(table.columns)]]
    for row in table.rows:
        data.append([Paragraph(escape(shown.text), small) for shown in table.cells(row)])
    pdf_table = PdfTable(data, repeatRows=1)
    pdf_table.setStyle(style)
    return pdf_table


def _goal_line(progress: GoalProgress) -> str:
    goal = progress.goal

    def text(point: Point) -> str:
        return figure_text(goal_figure(goal, point, suppressed=True))

    parts = [
        _("%(title)s: %(value)s on %(day)s (start %(start)s, target %(target)s on %(target_day)s).")
        % {
            "title": goal.title,
            "value": text(progress.current),
            "day": progress.current.day.strftime("%d-%m-%Y"),
            "start": figure_text(goal.baseline_value),
            "target": figure_text(goal.target_value),
            "target_day": goal.target_date.strftime("%d-%m-%Y"),
        }
    ]
    if progress.finished:
        parts.append(_("Reached.") if progress.reached else _("Not reached."))
    elif progress.projection is not None:
        parts.append(
            _("The trend of the last 12 months leads to %(value)s on the target date.")
            % {"value": text(progress.projection)}
        )
    return " ".join(parts)


def quarterly_report_pdf(monitor: Monitor, *, quarter: str) -> bytes:
    """The board's report on one quarter: goals, flows, groups, ladder, Zeg JA, placements,
    deals and pilots. Always suppressed: it is made to be passed on."""
    styles = getSampleStyleSheet()
    output = io.BytesIO()
    document = SimpleDocTemplate(
        output,
        pagesize=landscape(A4),
        leftMargin=1.5 * cm,
        rightMargin=1.5 * cm,
        topMargin=1.5 * cm,
        bottomMargin=1.5 * cm,
        title=_("BHAG monitor — report %(quarter)s") % {"quarter": quarter},
        lang="nl",
    )
    style = TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
    )
    story: list[object] = [
        _text(_("BHAG monitor — report %(quarter)s") % {"quarter": quarter}, styles["Title"]),
        _text(
            _(
                "Made on %(day)s. Counts from 1 to 4 are shown as “< 5”, and no share or "
                "median is given when it rests on such a count."
            )
            % {"day": timezone.localdate().strftime("%d-%m-%Y")},
            styles["BodyText"],
        ),
        Spacer(1, 0.4 * cm),
    ]
    if monitor.goals:
        story.append(_text(_("Goals"), styles["Heading2"]))
        story += [_text(_goal_line(progress), styles["BodyText"]) for progress in monitor.goals]
    for table in monitor.tables(REPORT_TABLES):
        story.append(
            KeepTogether(
                [
                    _text(str(table.title), styles["Heading2"]),
                    _text(str(table.description), styles["BodyText"]),
                    Spacer(1, 0.2 * cm),
                ]
            )
        )
        if table.rows:
            story.append(_pdf_table(table, style, 7 if len(table.columns) > 8 else 8))
        else:
            story.append(_text(_("No figures for this time."), styles["BodyText"]))
        story.append(Spacer(1, 0.4 * cm))
    document.build(story)
    return output.getvalue()


REPORT_TABLES = (
    "flows",
    "groups",
    "ladder_cohorts",
    "zeg_ja",
    "zeg_ja_knelpunten",
    "placements_kind",
    "placements_barrier",
    "deals",
    "pilots",
)


def file_stamp(today: date) -> str:
    return today.strftime("%Y%m%d")
