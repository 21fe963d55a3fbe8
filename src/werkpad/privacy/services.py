"""Writes of the privacy app: the processing log, consent."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from werkpad.organisations.models import Organisation
from werkpad.privacy.access import Access, access_map
from werkpad.privacy.codes import CANDIDATE_SELF_PURPOSE, Confidentiality, LogAction, Purpose
from werkpad.privacy.models import Consent, ProcessingLogEntry

if TYPE_CHECKING:
    from werkpad.candidates.models import Candidate


def processing_log_write(
    *,
    user: Any,
    organisation: Organisation | None,
    purpose: str,
    action: LogAction,
    activity: str,
    object_type: str,
    object_id: Any = "",
    candidate: Candidate | None,
    confidentiality: Confidentiality = Confidentiality.NORMAL,
) -> ProcessingLogEntry:
    """Record one processing of personal data. Call it inside the transaction of the work."""
    return ProcessingLogEntry.objects.create(
        user_id=getattr(user, "pk", None),
        user_label=getattr(user, "email", "") or "",
        organisation=organisation.slug if organisation else "",
        action=action,
        activity=activity,
        purpose=purpose,
        object_type=object_type,
        object_id=str(object_id or ""),
        candidate=candidate,
        confidentiality=confidentiality,
    )


def processing_log_write_for_access(
    *,
    user: Any,
    access: Access,
    action: LogAction,
    activity: str,
    candidate: Candidate,
    object_type: str = "candidate",
    object_id: Any = None,
) -> ProcessingLogEntry:
    return processing_log_write(
        user=user,
        organisation=access.organisation,
        purpose=access.purpose,
        action=action,
        activity=activity,
        object_type=object_type,
        object_id=object_id if object_id is not None else candidate.pk,
        candidate=candidate,
        confidentiality=Confidentiality.SPECIAL
        if access.special_category
        else Confidentiality.NORMAL,
    )


def processing_log_write_list(*, user: Any, candidates: Iterable[Candidate], activity: str) -> int:
    """Record that these candidates were shown to `user` in a list: one entry per candidate."""
    shown = list(candidates)
    accesses = access_map(user, shown)
    now = timezone.now()
    entries = [
        ProcessingLogEntry(
            timestamp=now,
            user_id=user.pk,
            user_label=user.email,
            organisation=accesses[candidate.pk].organisation.slug,
            action=LogAction.LIST,
            activity=activity,
            purpose=accesses[candidate.pk].purpose,
            object_type="candidate",
            object_id=str(candidate.pk),
            candidate=candidate,
        )
        for candidate in shown
        if candidate.pk in accesses
    ]
    ProcessingLogEntry.objects.bulk_create(entries)
    return len(entries)


@transaction.atomic
def consent_grant(
    *,
    acting_user: Any,
    access: Access | None,
    candidate: Candidate,
    organisation: Organisation,
    purpose: Purpose,
    granted_on: date,
    expires_on: date | None = None,
    evidence_note: str = "",
) -> Consent:
    """Record the candidate's consent for one organisation and purpose.

    `access` is the recording professional's basis (None when the candidate records it in
    the portal).
    """
    if expires_on is not None and expires_on < granted_on:
        raise ValidationError({"expires_on": _("The end date must be on or after the start date.")})
    consent = Consent.objects.create(
        candidate=candidate,
        organisation=organisation,
        purpose=purpose,
        granted_on=granted_on,
        expires_on=expires_on,
        recorded_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
        evidence_note=evidence_note,
    )
    _log_consent_change(
        acting_user=acting_user, access=access, consent=consent, action=LogAction.CREATE
    )
    return consent


@transaction.atomic
def consent_revoke(*, acting_user: Any, access: Access | None, consent: Consent) -> Consent:
    """Revoke a consent. It takes effect at once: the organisation loses access now."""
    if consent.revoked_on is not None:
        raise ValidationError(_("This consent was already revoked."))
    consent.revoked_on = timezone.localdate()
    consent.save(update_fields=["revoked_on", "updated_at"])
    _log_consent_change(
        acting_user=acting_user, access=access, consent=consent, action=LogAction.UPDATE
    )
    return consent


def _log_consent_change(
    *, acting_user: Any, access: Access | None, consent: Consent, action: LogAction
) -> None:
    processing_log_write(
        user=acting_user,
        organisation=access.organisation if access else None,
        purpose=access.purpose if access else CANDIDATE_SELF_PURPOSE,
        action=action,
        activity="consent_management",
        object_type="consent",
        object_id=consent.pk,
        candidate=consent.candidate,
    )
