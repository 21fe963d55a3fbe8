"""Reads of the privacy app: the processing-log search.

The log search is the programme lead's tool for accountability (AVG art. 5(2)); it reads the
log, not the dossier, so it does not go through `visible_candidates`. Filtering the log on one
candidate is itself a processing of that candidate's personal data, so it is logged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, TypeVar
from uuid import UUID

from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from werkpad.accounts.models import User
from werkpad.candidates.models import Candidate
from werkpad.organisations.models import Membership, Organisation
from werkpad.organisations.roles import Role
from werkpad.privacy.codes import (
    ACCOUNTABILITY_PURPOSE,
    ACTIVITY_LABELS,
    LogAction,
    activity_label,
    purpose_label,
)
from werkpad.privacy.encryption import bsn_hash
from werkpad.privacy.models import ProcessingLogEntry
from werkpad.privacy.services import processing_log_write

LOG_SEARCH_ROLES = frozenset({Role.PROGRAMME_LEAD, Role.ADMIN})
LOG_SEARCH_ACTIVITY = "processing_log_search"


@dataclass(frozen=True)
class LogFilters:
    """What the processing log can be searched by. Every filter is optional."""

    bsn: str = ""
    candidate_id: UUID | None = None
    organisation: str = ""
    user_email: str = ""
    action: str = ""
    activity: str = ""
    date_from: date | None = None
    date_to: date | None = None

    @property
    def names_a_candidate(self) -> bool:
        return bool(self.bsn or self.candidate_id)


def log_search_organisation(*, user: Any) -> Organisation:
    """The organisation for which `user` searches the log; Http404 without the role.

    Only the programme lead and administrators may search; for anyone else the page does not
    exist, so its existence does not leak.
    """
    if not getattr(user, "is_authenticated", False):
        raise Http404
    membership = (
        Membership.objects.filter(user_id=user.pk, role__in=LOG_SEARCH_ROLES)
        .select_related("organisation")
        .order_by("organisation__name")
        .first()
    )
    if membership is None:
        raise Http404
    return membership.organisation


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def processing_log_search(
    *, user: Any, filters: LogFilters, action: LogAction = LogAction.VIEW
) -> QuerySet[ProcessingLogEntry]:
    """Log entries matching `filters`, newest first, for the programme lead or an administrator.

    When the filters name a candidate (exact BSN or id), this search is logged for that
    candidate with `action` (VIEW for the page, EXPORT for the CSV download) and purpose
    accountability, under the searcher's organisation. A BSN or id that matches nobody gives
    an empty result and no entry.
    """
    organisation = log_search_organisation(user=user)
    entries = ProcessingLogEntry.objects.all()
    if filters.names_a_candidate:
        # Any candidate, erased ones included: the lead accounts for all processing.
        candidates = Candidate.objects.all()
        if filters.bsn:
            candidates = candidates.filter(bsn_hash=bsn_hash(filters.bsn))
        if filters.candidate_id:
            candidates = candidates.filter(pk=filters.candidate_id)
        candidate = candidates.only("pk").first()  # the key only: no BSN is decrypted
        if candidate is None:
            return ProcessingLogEntry.objects.none()
        with transaction.atomic():
            processing_log_write(
                user=user,
                organisation=organisation,
                purpose=ACCOUNTABILITY_PURPOSE,
                action=action,
                activity=LOG_SEARCH_ACTIVITY,
                object_type="processing_log",
                candidate=candidate,
            )
        entries = entries.filter(candidate_id=candidate.pk)
    if filters.organisation:
        entries = entries.filter(organisation=filters.organisation)
    if filters.user_email:
        # By account (indexed); by the label kept in the log when the account is gone.
        email = filters.user_email.strip().lower()
        user_ids = list(User.objects.filter(email=email).values_list("pk", flat=True))
        entries = (
            entries.filter(user_id__in=user_ids) if user_ids else entries.filter(user_label=email)
        )
    if filters.action:
        entries = entries.filter(action=filters.action)
    if filters.activity:
        entries = entries.filter(activity=filters.activity)
    if filters.date_from:
        entries = entries.filter(timestamp__gte=_start_of(filters.date_from))
    if filters.date_to:
        entries = entries.filter(timestamp__lt=_start_of(filters.date_to + timedelta(days=1)))
    return entries.order_by("-timestamp", "-id")


EntryT = TypeVar("EntryT", bound=ProcessingLogEntry)


def log_entries_described(entries: list[EntryT]) -> list[EntryT]:
    """Set `organisation_name`, `activity_label` and `purpose_label` on each entry (one query).

    The log keeps organisations by slug, so it stays whole when an organisation changes.
    """
    names = dict(
        Organisation.objects.filter(slug__in={entry.organisation for entry in entries}).values_list(
            "slug", "name"
        )
    )
    for entry in entries:
        entry.organisation_name = names.get(entry.organisation, entry.organisation)  # type: ignore[attr-defined]
        entry.activity_label = activity_label(entry.activity)  # type: ignore[attr-defined]
        entry.purpose_label = purpose_label(entry.purpose)  # type: ignore[attr-defined]
    return entries


def log_activity_choices() -> list[tuple[str, str]]:
    """The processing activities known to Werkpad, for the search form."""
    return sorted(
        ((code, str(label)) for code, label in ACTIVITY_LABELS.items()), key=lambda c: c[1]
    )


def organisation_choices() -> list[tuple[str, str]]:
    return list(Organisation.objects.order_by("name").values_list("slug", "name"))
