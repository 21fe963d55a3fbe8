"""The BHAG monitor's own records: the goals it tracks and the register of pilots.

Everything else the monitor shows is computed from the other apps' rows by
`werkpad.monitor.indicators` (aggregates in the database); nothing is copied here.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from werkpad.core.models import BaseModel


class Metric(models.TextChoices):
    """What a goal measures; `werkpad.monitor.selectors` computes each from the flows."""

    ON_BIJSTAND = "on_bijstand", _("People on bijstand")
    LONG_TERM = "long_term", _("People on bijstand for 5 years or more")
    OUTFLOW_TO_WORK = "outflow_to_work", _("Outflow to work since the start date")
    EXTRA_TO_WORK = "extra_to_work", _("Outflow to work above the usual since the start date")


#: Metrics counted from the start date on (0 on that day), as opposed to a stock on a day.
CUMULATIVE_METRICS = frozenset({Metric.OUTFLOW_TO_WORK, Metric.EXTRA_TO_WORK})


class Goal(BaseModel):
    """A target of the programme: a metric, where it stood (baseline) and where it should be.

    For `extra_to_work` the usual outflow to work is `usual_outflow_per_year` times
    `usual_share_to_work`; an empty share is measured from the three years before the
    baseline date.
    """

    title = models.CharField(_("title"), max_length=200)
    metric = models.CharField(_("what is measured"), max_length=30, choices=Metric.choices)
    baseline_value = models.PositiveIntegerField(_("starting value"))
    baseline_date = models.DateField(_("starting date"))
    target_value = models.PositiveIntegerField(_("target value"))
    target_date = models.DateField(_("target date"))
    usual_outflow_per_year = models.PositiveIntegerField(
        _("usual outflow per year"),
        default=500,
        help_text=_("People who leave bijstand in a year without the programme."),
    )
    usual_share_to_work = models.DecimalField(
        _("usual share of outflow to work"),
        max_digits=4,
        decimal_places=3,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("1"))],
        help_text=_(
            "A number from 0 to 1. Leave empty to measure it from the three years before the "
            "starting date."
        ),
    )
    position = models.PositiveSmallIntegerField(_("order on the dashboard"), default=0)

    class Meta:
        ordering = ["position", "title"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(target_date__gt=models.F("baseline_date")),
                name="goal_target_after_baseline",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_decrease(self) -> bool:
        """The goal is reached by going down to the target (such as halving the stock)."""
        return self.target_value < self.baseline_value


class PilotStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    RUNNING = "running", pgettext_lazy("pilot status", "Running")
    FINISHED = "finished", _("Finished")
    STOPPED = "stopped", _("Stopped early")


class Pilot(BaseModel):
    """An experiment of the programme, with what it is linked to, so its results can be counted.

    Its participants are the candidates of its cases and placements (also placements on its
    offers, and on offers whose "pilot" field names it). `every_zeg_ja_case` makes every
    case of the Zeg JA Team part of the pilot (the team itself is a pilot).
    """

    name = models.CharField(_("name"), max_length=100, unique=True)
    aim = models.TextField(_("aim"))
    partners = models.ManyToManyField(
        "organisations.Organisation", blank=True, related_name="pilots", verbose_name=_("partners")
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=PilotStatus.choices, default=PilotStatus.PLANNED
    )
    lessons = models.TextField(_("lessons learned"), blank=True)
    every_zeg_ja_case = models.BooleanField(_("every case of the Zeg JA Team"), default=False)
    offers = models.ManyToManyField(
        "offers.Offer", blank=True, related_name="pilots", verbose_name=_("offers")
    )
    cases = models.ManyToManyField(
        "cases.Case", blank=True, related_name="pilots", verbose_name=_("cases")
    )
    placements = models.ManyToManyField(
        "offers.Placement", blank=True, related_name="pilots", verbose_name=_("placements")
    )

    class Meta:
        ordering = ["-starts_on", "name"]
        verbose_name = _("pilot")
        verbose_name_plural = _("pilots")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="pilot_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.name
