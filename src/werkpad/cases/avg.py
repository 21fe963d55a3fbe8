"""The Zeg JA Team's part of the candidate's AVG rights: its data in the export (art. 15 and 20)
and its part of the erasure (art. 17). Registered with the privacy app when this module is
imported, from `CasesConfig.ready()`.

Erasure blanks the free texts (what the case asks, what was tried, the decision's reasons,
the actions' descriptions, notes on status changes) and keeps what the monitor and the learning
page count: the case with its status, dates and kinds of barrier, the decision's outcome, date,
principles and committed organisations, the actions' owners, due dates and status. A decision
must say something (the database refuses an empty rationale, or a JA without a solution), so
its texts become `ERASED_TEXT` instead of empty.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkpad.candidates.models import Candidate
from werkpad.cases.models import Action, Case, CaseTransition, Decision, KnelpuntKind
from werkpad.privacy.avg import ExportSection, Row, register_erasure_step, register_export_section

ERASED_TEXT = "[gewist]"
DECISION_TEXTS = ("solution", "condition", "escalation_reason", "rationale", "deviation_reason")


def _kind_label(code: str) -> str:
    return str(KnelpuntKind(code).label) if code in KnelpuntKind.values else code


def _case_rows(candidate: Candidate) -> list[Row]:
    cases = (
        Case.objects.filter(candidate=candidate)
        .select_related("submitting_organisation")
        .prefetch_related("transitions")
        .order_by("submitted_on", "number")
    )
    return [
        {
            "id": str(case.pk),
            "reference": case.reference,
            "submitted_on": case.submitted_on,
            "submitting_organisation": case.submitting_organisation.slug,
            "submitting_organisation_name": case.submitting_organisation.name,
            "urgency": case.urgency,
            "urgency_label": case.get_urgency_display(),
            "knelpunt_kinds": list(case.knelpunt_kinds),
            "knelpunt_labels": [_kind_label(code) for code in case.knelpunt_kinds],
            "barrier_description": case.barrier_description,
            "tried": case.tried,
            "question": case.question,
            "status": case.status,
            "status_label": case.get_status_display(),
            "decided_on": case.decided_on,
            "solved_on": case.solved_on,
            "history": [
                {
                    "at": timezone.localtime(step.at),
                    "from": step.source,
                    "to": step.target,
                    "note": step.note,
                }
                for step in case.transitions.all()
            ],
        }
        for case in cases
    ]


def _decision_rows(candidate: Candidate) -> list[Row]:
    decisions = (
        Decision.objects.filter(case__candidate=candidate)
        .select_related("case", "meeting")
        .prefetch_related("principles", "committed_organisations")
        .order_by("decided_on", "created_at")
    )
    return [
        {
            "case": decision.case.reference,
            "decided_on": decision.decided_on,
            "meeting_on": decision.meeting.held_on if decision.meeting else None,
            "outcome": decision.outcome,
            "outcome_label": decision.get_outcome_display(),
            "solution": decision.solution,
            "condition": decision.condition,
            "escalated_to": decision.escalated_to,
            "escalation_reason": decision.escalation_reason,
            "rationale": decision.rationale,
            "principles": [str(principle) for principle in decision.principles.all()],
            "deviation_rule": decision.deviation_rule,
            "deviation_reason": decision.deviation_reason,
            "committed_organisations": [o.name for o in decision.committed_organisations.all()],
        }
        for decision in decisions
    ]


def _action_rows(candidate: Candidate) -> list[Row]:
    return [
        {
            "case": action.case.reference,
            "description": action.description,
            "owner_organisation": action.owner_organisation.slug,
            "owner_organisation_name": action.owner_organisation.name,
            "due_on": action.due_on,
            "status": action.status,
            "status_label": action.get_status_display(),
            "done_on": action.done_on,
        }
        for action in Action.objects.filter(case__candidate=candidate)
        .select_related("case", "owner_organisation")
        .order_by("due_on", "created_at")
    ]


CASE_EXPORT_SECTIONS = (
    ExportSection(
        key="zeg_ja_team_cases",
        title=_("Your cases at the Zeg JA Team"),
        rows=_case_rows,
        columns=(
            ("reference", _("case number")),
            ("submitted_on", _("submitted on")),
            ("submitting_organisation_name", _("submitting organisation")),
            ("knelpunt_labels", _("kinds of barrier")),
            ("barrier_description", _("the barriers in your own words")),
            ("tried", _("what has been tried")),
            ("question", _("question to the team")),
            ("status_label", _("status")),
            ("decided_on", _("first decision on")),
            ("solved_on", _("solved on")),
        ),
    ),
    ExportSection(
        key="zeg_ja_team_decisions",
        title=_("Decisions of the Zeg JA Team"),
        rows=_decision_rows,
        columns=(
            ("case", _("case")),
            ("decided_on", _("decided on")),
            ("outcome_label", _("outcome")),
            ("solution", _("the solution")),
            ("condition", _("the condition")),
            ("escalated_to", _("escalated to")),
            ("escalation_reason", _("why escalated")),
            ("rationale", _("rationale")),
            ("principles", _("principles")),
            ("deviation_rule", _("which rule")),
            ("deviation_reason", _("why we deviate from it")),
            ("committed_organisations", _("organisations that committed")),
        ),
    ),
    ExportSection(
        key="zeg_ja_team_actions",
        title=_("Actions agreed in the Zeg JA Team"),
        rows=_action_rows,
        columns=(
            ("case", _("case")),
            ("description", _("what")),
            ("owner_organisation_name", _("organisation")),
            ("due_on", _("due on")),
            ("status_label", _("status")),
            ("done_on", _("done on")),
        ),
    ),
)


def erase_case_texts(candidate: Candidate) -> None:
    """Blank the free texts of the candidate's cases; keep what is counted (module docstring)."""
    now = timezone.now()
    bump = {"version": models.F("version") + 1, "updated_at": now}
    Case.objects.filter(candidate=candidate).update(
        barrier_description="", tried="", question="", **bump
    )
    Decision.objects.filter(case__candidate=candidate).update(
        **{
            field: models.Case(
                models.When(models.Q(**{field: ""}), then=models.Value("")),
                default=models.Value(ERASED_TEXT),
            )
            for field in DECISION_TEXTS
        },
        **bump,
    )
    Action.objects.filter(case__candidate=candidate).update(description="", **bump)
    CaseTransition.objects.filter(case__candidate=candidate).update(note="")


for _section in CASE_EXPORT_SECTIONS:
    register_export_section(_section)
register_erasure_step(erase_case_texts)
