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
    # Totals for the review screen: per offer kind, unmatched, groups left out, upper bound.
    summary = models.JSONField(default=dict, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("plan run")
        verbose_name_plural = _("plan runs")

    def __str__(self) -> str:
        return f"{self.created_at:%d-%m-%Y %H:%M} ({self.get_status_display()})"


class PlanProposal(BaseModel):
    """A pair the plan run proposes, waiting for the programme lead's review.

    Nothing reaches a candidate or provider from here: sending the run turns its proposals into
    matches with status `proposed`.
    """

    plan_run = models.ForeignKey(PlanRun, on_delete=models.CASCADE, related_name="proposals")
    candidate = models.ForeignKey(
        "candidates.Candidate", on_delete=models.CASCADE, related_name="+"
    )
    offer = models.ForeignKey("offers.Offer", on_delete=models.CASCADE, related_name="+")
    score = models.FloatField(_("score"))
    explanation = models.JSONField(_("explanation"), default=dict)

    class Meta:
        ordering = ["-score", "id"]
        verbose_name = _("proposal of a plan run")
        verbose_name_plural = _("proposals of a plan run")
        constraints = [
            models.UniqueConstraint(
                fields=["plan_run", "candidate"], name="plan_proposal_one_per_candidate"
            )
        ]
