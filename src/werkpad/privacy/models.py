"""Consent, and the processing log (verwerkingenlog) after the VNG Verwerkingenlogging standard."""

from __future__ import annotations

from datetime import date
from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkpad.core.models import BaseModel
from werkpad.privacy.codes import Confidentiality, LogAction, Purpose
from werkpad.privacy.encryption import EncryptedTextField


class ConsentQuerySet(models.QuerySet["Consent"]):
    def active(self, on: date | None = None) -> ConsentQuerySet:
        """Consents in force on a day: granted, not expired, not revoked."""
        day = on or timezone.localdate()
        return self.filter(granted_on__lte=day, revoked_on__isnull=True).filter(
            models.Q(expires_on__isnull=True) | models.Q(expires_on__gte=day)
        )


class Consent(BaseModel):
    """The candidate's permission for one organisation, one purpose, a period."""

    candidate = models.ForeignKey(
        "candidates.Candidate", on_delete=models.CASCADE, related_name="consents"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="consents"
    )
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    granted_on = models.DateField(_("granted on"))
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    revoked_on = models.DateField(_("revoked on"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    evidence_note = EncryptedTextField(_("how the consent was given"), blank=True)

    objects = ConsentQuerySet.as_manager()

    class Meta:
        ordering = ["-granted_on"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        indexes = [models.Index(fields=["organisation", "candidate", "purpose"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_on__isnull=True)
                | models.Q(expires_on__gte=models.F("granted_on")),
                name="consent_expires_after_granted",
            )
        ]

    def is_active(self, on: date | None = None) -> bool:
        day = on or timezone.localdate()
        return (
            self.granted_on <= day
            and self.revoked_on is None
            and (self.expires_on is None or self.expires_on >= day)
        )


class AppendOnlyError(Exception):
    """The processing log is append-only."""


class ProcessingLogQuerySet(models.QuerySet["ProcessingLogEntry"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("The processing log is append-only.")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("The processing log is append-only.")


class ProcessingLogEntry(models.Model):
    """One processing of a candidate's personal data: who, for which organisation, what, why.

    Append-only: no update or delete through the ORM, and on PostgreSQL a trigger refuses them.
    The user and organisation are stored as values, not foreign keys, so the log stays whole
    when accounts change.
    """

    timestamp = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    user_id = models.UUIDField(_("user"), null=True, db_index=True)
    user_label = models.CharField(_("user"), max_length=254, blank=True)
    organisation = models.CharField(_("organisation"), max_length=60, blank=True)
    action = models.CharField(_("action"), max_length=10, choices=LogAction.choices)
    activity = models.CharField(_("processing activity"), max_length=60)
    purpose = models.CharField(_("purpose"), max_length=30)
    object_type = models.CharField(_("object type"), max_length=40)
    object_id = models.CharField(_("object"), max_length=64, blank=True)
    candidate = models.ForeignKey(
        "candidates.Candidate",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    confidentiality = models.CharField(
        _("confidentiality"),
        max_length=10,
        choices=Confidentiality.choices,
        default=Confidentiality.NORMAL,
    )

    objects = ProcessingLogQuerySet.as_manager()

    class Meta:
        ordering = ["-timestamp", "-id"]
        verbose_name = _("processing log entry")
        verbose_name_plural = _("processing log")
        indexes = [models.Index(fields=["candidate", "-timestamp"])]

    def __str__(self) -> str:
        return f"{self.timestamp:%Y-%m-%d %H:%M} {self.user_label} {self.action} {self.object_type}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("The processing log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("The processing log is append-only.")
