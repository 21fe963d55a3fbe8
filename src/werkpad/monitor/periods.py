"""Months and quarters: the periods the monitor reports in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class Granularity(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"

    @property
    def months(self) -> int:
        return 1 if self == Granularity.MONTH else 3

    @property
    def label(self) -> str:
        return str(GRANULARITY_LABELS[self])


GRANULARITY_LABELS = {
    Granularity.MONTH: gettext_lazy("Per month"),
    Granularity.QUARTER: gettext_lazy("Per quarter"),
}


def add_months(day: date, months: int) -> date:
    """The first day of the month `months` after the month of `day`."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def month_of(day: date) -> date:
    return day.replace(day=1)


def quarter_of(day: date) -> date:
    return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)


def months_from(first: date, last: date) -> list[date]:
    """The first days of the months from `first`'s month to `last`'s month, both included."""
    months = []
    month = month_of(first)
    while month <= last:
        months.append(month)
        month = add_months(month, 1)
    return months


@dataclass(frozen=True)
class Period:
    """A month or a quarter: `start` is its first day, `end` its last."""

    start: date
    end: date
    granularity: Granularity

    @property
    def label(self) -> str:
        if self.granularity == Granularity.MONTH:
            return self.start.strftime("%Y-%m")
        return _("%(year)s Q%(quarter)s") % {
            "year": self.start.year,
            "quarter": (self.start.month - 1) // 3 + 1,
        }

    @property
    def months(self) -> list[date]:
        return months_from(self.start, self.end)


@dataclass(frozen=True)
class Range:
    """The periods from the one holding `first` to the one holding `last`."""

    first: date
    last: date
    granularity: Granularity = Granularity.QUARTER

    def __post_init__(self) -> None:
        start = quarter_of(self.first) if self.granularity == Granularity.QUARTER else self.first
        object.__setattr__(self, "first", month_of(start))
        step = self.granularity.months
        end_start = quarter_of(self.last) if self.granularity == Granularity.QUARTER else self.last
        object.__setattr__(self, "last", add_months(end_start, step) - timedelta(days=1))

    @property
    def periods(self) -> list[Period]:
        step = self.granularity.months
        periods = []
        start = self.first
        while start <= self.last:
            following = add_months(start, step)
            periods.append(Period(start, following - timedelta(days=1), self.granularity))
            start = following
        return periods

    def stock_day(self, today: date) -> date:
        """The last day of the range on which a stock can be counted: not after today."""
        return min(self.last, today)
