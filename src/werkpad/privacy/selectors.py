"""Reads of the privacy app: the corrections history and the processing-log search.

The log search is the programme lead's tool for accountability (AVG art. 5(2)); it reads the
log, not the dossier, so it does not go through `visible_candidates`. Filtering the log on one
candidate is itself a processing of that candidate's personal data, so it is logged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from werkpad.accounts.models import User
from werkpad.candidates.codes import HEALTH_CATEGORY
from werkpad.candidates.models import Barrier, Candidate, Correction
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

if TYPE_CHECKING:
    from werkpad.candidates.selectors import CandidateView

LOG_SEARCH_ROLES = frozenset({Role.PROGRAMME_LEAD, Role.ADMIN})
LOG_SEARCH_ACTIVITY = "processing_log_search"

# Fields whose values are special-category data (free-text notes, the exact health kind).
SPECIAL_CATEGORY_FIELDS = frozenset({"note", "evidence_note", "kind", "kind_encrypted"})


def _describe_correction(correction: Correction) -> None:
    """Set `object_label` and `field_label`: the record and field in words, not codes."""
    correction.object_label = correction.object_type  # type: ignore[attr-defined]
    correction.field_label = correction.field  # type: ignore[attr-defined]
    try:
        model = apps.get_model("candidates", correction.object_type)
    except LookupError:
        return
    correction.object_label = str(model._meta.verbose_name)  # type: ignore[attr-defined]
    try:
        correction.field_label = str(model._meta.get_field(correction.field).verbose_name)  # type: ignore[attr-defined]
    except FieldDoesNotExist:
        return


def corrections_described(corrections: Iterable[Correction]) -> list[Correction]:
    rows = list(corrections)
    for correction in rows:
        _describe_correction(correction)
    return rows


def correction_list(*, view: CandidateView) -> list[Correction]:
    """Who changed what in the dossier, when, newest first (`visible_old_value`/`_new_value`).

    Without access to special-category data the corrections of health barriers are left out
    (as the barriers themselves are), and the old and new values of notes are None. Opening the
    dossier already logged the view; this read adds no entry of its own.
    """
    corrections = corrections_described(
        view.candidate.corrections.select_related("changed_by", "organisation").order_by(
            "-created_at", "id"
        )
    )
    if view.may_see_special_category:
        hidden_objects: set[UUID] = set()
    else:
        hidden_objects = set(
            Barrier.objects.filter(candidate=view.candidate, category=HEALTH_CATEGORY).values_list(
                "pk", flat=True
            )
        )
    visible = []
    for correction in corrections:
        if correction.object_id in hidden_objects:
            continue
        hide_values = (
            not view.may_see_special_category and correction.field in SPECIAL_CATEGORY_FIELDS
        )
        correction.visible_old_value = None if hide_values else correction.old_value  # type: ignore[attr-defined]
        correction.visible_new_value = None if hide_values else correction.new_value  # type: ignore[attr-defined]
        visible.append(correction)
    return visible


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
