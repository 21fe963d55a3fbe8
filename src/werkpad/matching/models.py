"""A city-wide plan run: the engine's plan over all visible candidates and open offers."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from werkpad.core.models import BaseModel


class PlanRunStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting")
    RUNNING = "running", _("Running")
    REVIEW = "review", _("Ready for review")
    SENT = "sent", _("Proposals sent")
    FAILED = "failed", _("Failed")


class PlanRun(BaseModel):
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=PlanRunStatus.choices, default=PlanRunStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    message = models.CharField(_("message"), max_length=300, blank=True)
    candidate_count = models.PositiveIntegerField(default=0)
    offer_count = models.PositiveIntegerField(default=0)
    assigned_count = models.PositiveIntegerField(default=0)
    total_score = models.FloatField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("plan run")
        verbose_name_plural = _("plan runs")

    def __str__(self) -> str:
        return f"{self.created_at:%d-%m-%Y %H:%M} ({self.get_status_display()})"
