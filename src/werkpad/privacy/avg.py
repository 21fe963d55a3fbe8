"""The candidate's rights under the AVG: a copy of their data, and erasure by anonymisation.

Who may act on these rights for a candidate: the professionals of the candidate's lead
organisation, when that organisation holds the legal basis (the municipality's teams) or the
candidate's consent for purpose `care`. The export holds everything, health and notes included,
because it is made for the person themself; that is why it needs that special-category access.
The candidate portal calls `candidate_export_for_self`.

Other apps add their data to the export and to the erasure by registering in their
`AppConfig.ready()`:

    register_export_section(ExportSection(key="zeg_ja_cases", title=_("Zeg JA Team"), ...))
    register_erasure_step(anonymise_cases)

Retention: personal data may be erased when the candidate's last benefit period ended more than
`settings.RETENTION_YEARS_AFTER_BENEFIT` years ago and no benefit period is open. Candidates
without any benefit period are not erased by this rule. Erasure keeps the rows the monitor
counts (benefit periods, ladder steps, barrier kinds, consents, plan dates) and blanks every
identifying or free-text value; the candidate is then invisible everywhere.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, F, Max, Model, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkpad.candidates.models import (
    Barrier,
    BenefitPeriod,
    Candidate,
    Correction,
    LadderScore,
    PlanGoal,
    PlanStep,
)
from werkpad.candidates.selectors import CandidateView, correction_list
from werkpad.organisations.models import Membership
from werkpad.privacy.access import CASEWORK_ROLES, Access, visible_candidates
from werkpad.privacy.codes import (
    CANDIDATE_SELF_PURPOSE,
    LEGAL_BASIS_PURPOSE,
    Confidentiality,
    ErasureReason,
    LogAction,
    Purpose,
)
from werkpad.privacy.models import Consent, ProcessingLogEntry
from werkpad.privacy.selectors import log_entries_described
from werkpad.privacy.services import processing_log_write, processing_log_write_for_access

EXPORT_FORMAT = "werkpad-avg-export"
EXPORT_FORMAT_VERSION = 1
AVG_ACCESS_ACTIVITY = "avg_access"
AVG_ERASURE_ACTIVITY = "avg_erasure"
ANONYMOUS_NAME = "Geanonimiseerd"

Label = str | Promise
Row = dict[str, Any]


# --- Who may act -------------------------------------------------------------------------


def avg_rights_access(*, user: Any, candidate: Candidate) -> Access | None:
    """The basis on which `user` may export or erase `candidate`, or None when they may not.

    Their organisation must be the candidate's lead organisation and hold the legal basis or
    an active consent for purpose `care`.
    """
    if not getattr(user, "is_authenticated", False) or candidate.erased_at is not None:
        return None
    lead = candidate.lead_organisation
    works_for_lead = Membership.objects.filter(
        user_id=user.pk, organisation_id=lead.pk, role__in=CASEWORK_ROLES
    ).exists()
    if not works_for_lead:
        return None
    if lead.has_legal_basis:
        return Access(lead, LEGAL_BASIS_PURPOSE, special_category=True)
    if (
        Consent.objects.active()
        .filter(candidate=candidate, organisation=lead, purpose=Purpose.CARE)
        .exists()
    ):
        return Access(lead, Purpose.CARE, special_category=True)
    return None


def avg_rights_check(*, user: Any, candidate: Candidate) -> Access:
    """`avg_rights_access`, or PermissionDenied (the user sees the candidate, so no 404)."""
    access = avg_rights_access(user=user, candidate=candidate)
    if access is None:
        raise PermissionDenied(
            _(
                "Only the candidate's lead organisation can do this, with the legal basis or "
                "the candidate's consent for care and health."
            )
        )
    return access


def _visible_candidate_for_avg(
    *, user: Any, candidate_id: uuid.UUID | str
) -> tuple[Candidate, Access]:
    candidate = (
        visible_candidates(user)
        .select_related("lead_organisation", "case_manager")
        .filter(pk=candidate_id)
        .first()
    )
    if candidate is None:
        raise Http404
    return candidate, avg_rights_check(user=user, candidate=candidate)


def candidate_for_erasure(*, user: Any, candidate_id: uuid.UUID | str, log_view: bool) -> Candidate:
    """The candidate for the erasure page: 404 and 403 as for the erasure itself.

    With `log_view` (the confirmation page shows who is erased) it writes one `view` entry.
    """
    with transaction.atomic():
        candidate, access = _visible_candidate_for_avg(user=user, candidate_id=candidate_id)
        if log_view:
            processing_log_write_for_access(
                user=user,
                access=access,
                action=LogAction.VIEW,
                activity=AVG_ERASURE_ACTIVITY,
                candidate=candidate,
            )
    return candidate


# --- Export (AVG art. 15 and 20) ---------------------------------------------------------


@dataclass(frozen=True)
class ExportSection:
    """One part of the export: a title, the columns a person reads, and how to get the rows.

    `rows(candidate)` returns JSON-ready dicts (dates and datetimes are serialised as ISO 8601);
    it may hold more keys than `columns` (codes next to their labels, for machines).
    `single` sections hold exactly one row (the person).
    """

    key: str
    title: Label
    columns: tuple[tuple[str, Label], ...]
    rows: Callable[[Candidate], list[Row]]
    single: bool = False


EXPORT_SECTIONS: dict[str, ExportSection] = {}


def register_export_section(section: ExportSection) -> ExportSection:
    """Add a section to every export, after the ones already registered."""
    if section.key in EXPORT_SECTIONS:
        raise ValueError(f"Export section {section.key!r} is registered twice.")
    EXPORT_SECTIONS[section.key] = section
    return section


def _columns(model: type[Model], *fields: str | tuple[str, str]) -> tuple[tuple[str, Label], ...]:
    """Columns labelled with the model's field names; ("key", "field") where the key differs."""
    pairs = [(field, field) if isinstance(field, str) else field for field in fields]
    return tuple(
        (key, model._meta.get_field(name).verbose_name)  # type: ignore[union-attr]
        for key, name in pairs
    )


def _local(moment: datetime) -> datetime:
    return timezone.localtime(moment)


def _name(organisation: Any) -> str:
    return organisation.name if organisation is not None else ""


def _person_rows(candidate: Candidate) -> list[Row]:
    return [
        {
            "id": str(candidate.pk),
            "bsn": candidate.bsn,
            "first_name": candidate.first_name,
            "last_name": candidate.last_name,
            "birth_date": candidate.birth_date,
            "email": candidate.email,
            "phone": candidate.phone,
            "postcode": candidate.postcode,
            "house_number": candidate.house_number,
            "household": candidate.household,
            "household_label": candidate.get_household_display(),
            "children_under_12": candidate.children_under_12,
            "languages": list(candidate.languages),
            "dutch_level": candidate.dutch_level,
            "education": candidate.education,
            "education_label": candidate.get_education_display(),
            "work_experience": candidate.work_experience,
            "skills": list(candidate.skills),
            "hours_available": candidate.hours_available,
            "preferred_offer_kinds": list(candidate.preferred_offer_kinds),
            "max_travel_km": candidate.max_travel_km,
            "lead_organisation": candidate.lead_organisation.slug,
            "lead_organisation_name": candidate.lead_organisation.name,
            "case_manager": candidate.case_manager.get_full_name()
            if candidate.case_manager
            else "",
            "registered_at": _local(candidate.created_at),
        }
    ]


def _benefit_period_rows(candidate: Candidate) -> list[Row]:
    return [
        {
            "start": period.start,
            "end": period.end,
            "end_reason": period.end_reason,
            "end_reason_label": period.get_end_reason_display(),
        }
        for period in BenefitPeriod.objects.filter(candidate=candidate).order_by("start")
    ]


def _barrier_rows(candidate: Candidate) -> list[Row]:
    return [
        {
            "kind": barrier.kind,
            "kind_label": barrier.get_kind_display(),
            "severity": barrier.severity,
            "severity_label": barrier.get_severity_display(),
            "blocks_work": barrier.blocks_work,
            "status": barrier.status,
            "status_label": barrier.get_status_display(),
            "owner_organisation": barrier.owner_organisation.slug,
            "owner_organisation_name": barrier.owner_organisation.name,
            "opened_on": barrier.opened_on,
            "resolved_on": barrier.resolved_on,
            "note": barrier.note,
        }
        for barrier in Barrier.objects.filter(candidate=candidate)
        .select_related("owner_organisation")
        .order_by("opened_on", "created_at")
    ]


def _ladder_rows(candidate: Candidate) -> list[Row]:
    return [
        {
            "assessed_on": score.assessed_on,
            "step": score.step,
            "step_label": score.get_step_display(),
            "potential_step": score.potential_step,
            "potential_step_label": score.get_potential_step_display(),
            "assessor_organisation": _name(score.assessor_organisation),
            "note": score.note,
        }
        for score in LadderScore.objects.filter(candidate=candidate)
        .select_related("assessor_organisation")
        .order_by("assessed_on", "created_at")
    ]


def _plan_goal_rows(candidate: Candidate) -> list[Row]:
    return [
        {"id": str(goal.pk), "title": goal.title, "achieved_on": goal.achieved_on}
        for goal in PlanGoal.objects.filter(candidate=candidate).order_by("created_at")
    ]


def _plan_step_rows(candidate: Candidate) -> list[Row]:
    return [
        {
            "goal": str(step.goal_id),
            "goal_title": step.goal.title,
            "description": step.description,
            "owner_organisation": step.owner_organisation.slug,
            "owner_organisation_name": step.owner_organisation.name,
            "due_on": step.due_on,
            "done_on": step.done_on,
        }
        for step in PlanStep.objects.filter(goal__candidate=candidate)
        .select_related("goal", "owner_organisation")
        .order_by("due_on", "created_at")
    ]


def _consent_rows(candidate: Candidate) -> list[Row]:
    return [
        {
            "organisation": consent.organisation.slug,
            "organisation_name": consent.organisation.name,
            "purpose": consent.purpose,
            "purpose_label": consent.get_purpose_display(),
            "granted_on": consent.granted_on,
            "expires_on": consent.expires_on,
            "revoked_on": consent.revoked_on,
            "evidence_note": consent.evidence_note,
        }
        for consent in Consent.objects.filter(candidate=candidate)
        .select_related("organisation")
        .order_by("granted_on", "created_at")
    ]


def _correction_rows(candidate: Candidate) -> list[Row]:
    # The person sees every value of their own corrections: full (special-category) access.
    view = CandidateView(
        candidate=candidate,
        access=Access(candidate.lead_organisation, CANDIDATE_SELF_PURPOSE, special_category=True),
    )
    return [
        {
            "changed_at": _local(row.correction.created_at),
            "organisation_name": _name(row.correction.organisation),
            "object_type": row.correction.object_type,
            "object_label": row.object_label,
            "field": row.correction.field,
            "field_label": row.field_label,
            "old_value": row.correction.old_value,
            "new_value": row.correction.new_value,
        }
        for row in reversed(correction_list(view=view))
    ]


def _processing_log_rows(candidate: Candidate) -> list[Row]:
    """The candidate's own log entries, without internal fields (no user, no object ids)."""
    entries = log_entries_described(
        list(
            ProcessingLogEntry.objects.filter(candidate_id=candidate.pk).order_by("timestamp", "id")
        )
    )
    return [
        {
            "timestamp": _local(entry.timestamp),
            "organisation": entry.organisation,
            "organisation_name": entry.organisation_name,  # type: ignore[attr-defined]
            "action": entry.action,
            "action_label": entry.get_action_display(),
            "activity": entry.activity,
            "activity_label": entry.activity_label,  # type: ignore[attr-defined]
            "purpose": entry.purpose,
            "purpose_label": entry.purpose_label,  # type: ignore[attr-defined]
        }
        for entry in entries
    ]


for _section in (
    ExportSection(
        key="person",
        title=gettext_lazy("Personal details"),
        single=True,
        rows=_person_rows,
        columns=(("bsn", gettext_lazy("BSN")),)
        + _columns(
            Candidate,
            "first_name",
            "last_name",
            "birth_date",
            "email",
            "phone",
            "postcode",
            "house_number",
            ("household_label", "household"),
            "children_under_12",
            "languages",
            "dutch_level",
            ("education_label", "education"),
            "work_experience",
            "skills",
            "hours_available",
            "preferred_offer_kinds",
            "max_travel_km",
            ("lead_organisation_name", "lead_organisation"),
            "case_manager",
        )
        + (("registered_at", gettext_lazy("registered at")),),
    ),
    ExportSection(
        key="benefit_periods",
        title=gettext_lazy("Benefit periods"),
        rows=_benefit_period_rows,
        columns=_columns(BenefitPeriod, "start", "end", ("end_reason_label", "end_reason")),
    ),
    ExportSection(
        key="barriers",
        title=gettext_lazy("Barriers"),
        rows=_barrier_rows,
        columns=(("kind_label", gettext_lazy("kind")),)
        + _columns(
            Barrier,
            ("severity_label", "severity"),
            "blocks_work",
            ("status_label", "status"),
            ("owner_organisation_name", "owner_organisation"),
            "opened_on",
            "resolved_on",
            "note",
        ),
    ),
    ExportSection(
        key="ladder_scores",
        title=gettext_lazy("Steps on the participation ladder"),
        rows=_ladder_rows,
        columns=_columns(
            LadderScore,
            "assessed_on",
            ("step_label", "step"),
            ("potential_step_label", "potential_step"),
            "assessor_organisation",
            "note",
        ),
    ),
    ExportSection(
        key="plan_goals",
        title=gettext_lazy("Plan of action: goals"),
        rows=_plan_goal_rows,
        columns=_columns(PlanGoal, "title", "achieved_on"),
    ),
    ExportSection(
        key="plan_steps",
        title=gettext_lazy("Plan of action: steps"),
        rows=_plan_step_rows,
        columns=_columns(PlanGoal, ("goal_title", "title"))
        + _columns(
            PlanStep,
            "description",
            ("owner_organisation_name", "owner_organisation"),
            "due_on",
            "done_on",
        ),
    ),
    ExportSection(
        key="consents",
        title=gettext_lazy("Consents"),
        rows=_consent_rows,
        columns=_columns(
            Consent,
            ("organisation_name", "organisation"),
            ("purpose_label", "purpose"),
            "granted_on",
            "expires_on",
            "revoked_on",
            "evidence_note",
        ),
    ),
    ExportSection(
        key="corrections",
        title=gettext_lazy("Corrections"),
        rows=_correction_rows,
        columns=(
            ("changed_at", gettext_lazy("when")),
            ("organisation_name", gettext_lazy("organisation")),
            ("object_label", gettext_lazy("record")),
            ("field_label", gettext_lazy("field")),
            ("old_value", gettext_lazy("old value")),
            ("new_value", gettext_lazy("new value")),
        ),
    ),
    ExportSection(
        key="processing_log",
        title=gettext_lazy("Who used your data"),
        rows=_processing_log_rows,
        columns=(
            ("timestamp", gettext_lazy("when")),
            ("organisation_name", gettext_lazy("organisation")),
            ("action_label", gettext_lazy("action")),
            ("activity_label", gettext_lazy("processing activity")),
            ("purpose_label", gettext_lazy("purpose")),
        ),
    ),
):
    register_export_section(_section)


def _build_export(candidate: Candidate) -> dict[str, Any]:
    sections: dict[str, Any] = {}
    for key, section in EXPORT_SECTIONS.items():
        rows = section.rows(candidate)
        sections[key] = rows[0] if section.single else rows
    return {
        "format": EXPORT_FORMAT,
        "format_version": EXPORT_FORMAT_VERSION,
        "exported_at": _local(timezone.now()),
        "candidate_id": str(candidate.pk),
        "sections": sections,
    }


def candidate_export(*, acting_user: Any, candidate_id: uuid.UUID | str) -> dict[str, Any]:
    """Everything Werkpad holds about one candidate, for the candidate (AVG art. 15 and 20).

    404 when `acting_user` may not see the candidate; PermissionDenied when they see them but
    are not the lead organisation with special-category access (see the module docstring).
    Writes one `export` entry in the same transaction; the export holds the log entries made
    before it.
    """
    with transaction.atomic():
        candidate, access = _visible_candidate_for_avg(user=acting_user, candidate_id=candidate_id)
        export = _build_export(candidate)
        processing_log_write_for_access(
            user=acting_user,
            access=access,
            action=LogAction.EXPORT,
            activity=AVG_ACCESS_ACTIVITY,
            candidate=candidate,
        )
    return export


@transaction.atomic
def candidate_export_for_self(*, candidate: Candidate) -> dict[str, Any]:
    """The same export for the candidate themself (the portal authenticates them first).

    Logged as an `export` by the candidate, for their own request.
    """
    if candidate.erased_at is not None:
        raise Http404
    export = _build_export(candidate)
    processing_log_write(
        user=None,
        organisation=None,
        purpose=CANDIDATE_SELF_PURPOSE,
        action=LogAction.EXPORT,
        activity=AVG_ACCESS_ACTIVITY,
        object_type="candidate",
        object_id=candidate.pk,
        candidate=candidate,
        confidentiality=Confidentiality.SPECIAL,
    )
    return export


@dataclass(frozen=True)
class SectionView:
    """A section of the export as a person reads it: headers and rows of display values."""

    key: str
    title: Label
    single: bool
    headers: list[Label]
    rows: list[list[Any]]

    @property
    def pairs(self) -> list[tuple[Label, Any]]:
        """For a single-row section: (label, value) pairs."""
        return list(zip(self.headers, self.rows[0], strict=True)) if self.rows else []


def _display(value: Any) -> Any:
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if value is None:
        return ""
    return value


def export_presentation(export: dict[str, Any]) -> list[SectionView]:
    """The export's sections in registry order, ready for the readable page."""
    views = []
    for key, section in EXPORT_SECTIONS.items():
        data = export["sections"].get(key)
        rows = [data] if section.single else (data or [])
        views.append(
            SectionView(
                key=key,
                title=section.title,
                single=section.single,
                headers=[label for _key, label in section.columns],
                rows=[
                    [_display(row.get(column)) for column, _l in section.columns] for row in rows
                ],
            )
        )
    return views


# --- Erasure by anonymisation (AVG art. 17 and the retention rule) ---------------------------


ErasureStep = Callable[[Candidate], None]
ERASURE_STEPS: list[ErasureStep] = []


def register_erasure_step(step: ErasureStep) -> ErasureStep:
    """Add a step that blanks another app's personal data of an erased candidate.

    Steps run inside the erasure's transaction; they keep what the monitor counts.
    """
    ERASURE_STEPS.append(step)
    return step


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year + years, day=28)


def retention_years() -> int:
    return int(settings.RETENTION_YEARS_AFTER_BENEFIT)


def erasure_due(*, on: date) -> QuerySet[Candidate]:
    """Candidates the retention rule says to erase on `on`, oldest last benefit end first.

    Due: not erased, no benefit period open on `on` (no end, or an end on or after `on`), and
    the last one ended more than RETENTION_YEARS_AFTER_BENEFIT years before `on`. Each row has
    `last_benefit_end`. The rule concerns all candidates, not one user's: it is for the
    scheduled retention run and the erasure page.
    """
    open_periods = BenefitPeriod.objects.filter(candidate=OuterRef("pk")).filter(
        Q(end__isnull=True) | Q(end__gte=on)
    )
    return (
        Candidate.objects.filter(erased_at__isnull=True)
        .annotate(last_benefit_end=Max("benefit_periods__end"))
        .filter(last_benefit_end__lt=_add_years(on, -retention_years()))
        .exclude(Exists(open_periods))
        .order_by("last_benefit_end", "id")
    )


@dataclass(frozen=True)
class RetentionStatus:
    """Where one candidate stands under the retention rule, for the erasure page."""

    due: bool
    last_benefit_end: date | None
    has_open_period: bool
    retention_ends_on: date | None


def retention_status(*, candidate: Candidate, on: date) -> RetentionStatus:
    periods = list(BenefitPeriod.objects.filter(candidate=candidate).values_list("end", flat=True))
    has_open = any(end is None or end >= on for end in periods)
    ends = [end for end in periods if end is not None]
    last_end = max(ends) if ends and not has_open else None
    return RetentionStatus(
        due=erasure_due(on=on).filter(pk=candidate.pk).exists(),
        last_benefit_end=last_end,
        has_open_period=has_open,
        retention_ends_on=_add_years(last_end, retention_years()) if last_end else None,
    )


def _blank(queryset: QuerySet[Any], **values: Any) -> None:
    queryset.update(**values, version=F("version") + 1, updated_at=timezone.now())


def _anonymise_dossier(candidate: Candidate) -> None:
    """Blank what identifies the person; keep the rows and codes the monitor counts."""
    _blank(
        Candidate.objects.filter(pk=candidate.pk),
        first_name=ANONYMOUS_NAME,
        last_name=ANONYMOUS_NAME,
        search_name="",
        bsn_encrypted="",
        # A random, unique placeholder: the unique index on the hash stays satisfied and no
        # BSN can ever be looked up to this row again.
        bsn_hash=f"erased:{uuid.uuid4().hex}",
        birth_date=date(candidate.birth_date.year, 1, 1),
        email="",
        phone="",
        postcode=candidate.postcode[:4],
        house_number="",
        languages=[],
        skills=[],
        work_experience="",
        case_manager=None,
        erased_at=timezone.now(),
    )
    _blank(Barrier.objects.filter(candidate=candidate), note="")
    _blank(LadderScore.objects.filter(candidate=candidate), note="")
    _blank(PlanGoal.objects.filter(candidate=candidate), title="")
    _blank(PlanStep.objects.filter(goal__candidate=candidate), description="")
    _blank(Consent.objects.filter(candidate=candidate), evidence_note="")
    _blank(Correction.objects.filter(candidate=candidate), old_value="", new_value="")


register_erasure_step(_anonymise_dossier)


@transaction.atomic
def candidate_erase(*, acting_user: Any, candidate: Candidate, reason: str) -> Candidate:
    """Erase a candidate's personal data by anonymisation, and log it once (`erase`).

    Rules:
    - `reason` is an ErasureReason; it is recorded as the purpose of the log entry.
    - `retention` only when the retention rule makes the candidate due today; before that an
      AVG art. 17 ground is needed.
    - With `acting_user`, they must see the candidate (else 404) and act for the lead
      organisation (`avg_rights_access`, else PermissionDenied). Without one, it is the
      scheduled retention run, which may only use `retention`.
    - An erased candidate cannot be erased again.
    """
    try:
        ground = ErasureReason(reason)
    except ValueError as error:
        raise ValidationError({"reason": _("Choose the legal ground for the erasure.")}) from error
    access = None
    if acting_user is not None:
        candidate, access = _visible_candidate_for_avg(user=acting_user, candidate_id=candidate.pk)
    elif ground != ErasureReason.RETENTION:
        raise PermissionDenied("Only a professional can erase on an AVG art. 17 ground.")
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if candidate.erased_at is not None:
        raise ValidationError(_("The personal data of this candidate were already erased."))
    if (
        ground == ErasureReason.RETENTION
        and not erasure_due(on=timezone.localdate()).filter(pk=candidate.pk).exists()
    ):
        raise ValidationError(
            {
                "reason": _(
                    "The retention period has not ended yet. Erasing now needs a legal ground "
                    "under AVG article 17, such as the candidate's request."
                )
            }
        )
    for step in ERASURE_STEPS:
        step(candidate)
    processing_log_write(
        user=acting_user,
        organisation=access.organisation if access else None,
        purpose=ground,
        action=LogAction.ERASE,
        activity=AVG_ERASURE_ACTIVITY,
        object_type="candidate",
        object_id=candidate.pk,
        candidate=candidate,
    )
    candidate.refresh_from_db()
    return candidate
