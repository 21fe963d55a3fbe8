"""What the panel app adds to the privacy app at start-up: its processing-log labels, its part
of the candidate's export (AVG art. 15 and 20) and its part of the erasure (art. 17)."""

from __future__ import annotations

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkpad.accounts.models import User
from werkpad.candidates.models import Candidate
from werkpad.panel.codes import (
    CORRECTION_ACTIVITY,
    NOTIFICATION_ACTIVITY,
    PANEL_ACTIVITY,
    PANEL_PURPOSE,
    PORTAL_ACCOUNT_ACTIVITY,
    PORTAL_ACTIVITY,
)
from werkpad.panel.models import CandidateAccount, CorrectionRequest, Idea, Invitation, PanelMember
from werkpad.privacy.avg import (
    ERASURE_STEPS,
    EXPORT_SECTIONS,
    ExportSection,
    Row,
    register_erasure_step,
    register_export_section,
)
from werkpad.privacy.codes import ACTIVITY_LABELS, PURPOSE_LABELS

LOG_ACTIVITIES = {
    PORTAL_ACTIVITY: _("The candidate's own portal"),
    PORTAL_ACCOUNT_ACTIVITY: _("The candidate's account for the portal"),
    PANEL_ACTIVITY: _("The candidate panel"),
    NOTIFICATION_ACTIVITY: _("E-mail to the candidate"),
    CORRECTION_ACTIVITY: _("Request for a correction"),
    "matching": _("Proposals of offers"),
}


def _correction_rows(candidate: Candidate) -> list[Row]:
    return [
        {
            "created_at": timezone.localtime(request.created_at),
            "organisation_name": request.organisation.name,
            "subject": request.subject,
            "subject_label": request.get_subject_display(),
            "description": request.description,
            "status": request.status,
            "status_label": request.get_status_display(),
            "answer": request.answer,
            "handled_on": request.handled_on,
        }
        for request in CorrectionRequest.objects.filter(candidate=candidate)
        .select_related("organisation")
        .order_by("created_at")
    ]


def _idea_rows(candidate: Candidate) -> list[Row]:
    return [
        {
            "received_on": idea.received_on,
            "text": idea.text,
            "status": idea.status,
            "status_label": idea.get_status_display(),
            "public_answer": idea.public_answer,
        }
        for idea in Idea.objects.filter(author=candidate).order_by("received_on", "created_at")
    ]


def _panel_rows(candidate: Candidate) -> list[Row]:
    return [
        {"joined_on": member.joined_on, "left_on": member.left_on}
        for member in PanelMember.objects.filter(candidate=candidate)
    ]


PANEL_EXPORT_SECTIONS = (
    ExportSection(
        key="correction_requests",
        title=_("Your requests for a correction"),
        rows=_correction_rows,
        columns=(
            ("created_at", _("asked on")),
            ("organisation_name", _("lead organisation")),
            ("subject_label", _("about")),
            ("description", _("what is wrong, and what it should be")),
            ("status_label", _("status")),
            ("answer", _("answer")),
        ),
    ),
    ExportSection(
        key="candidate_panel",
        title=_("The candidate panel"),
        rows=_panel_rows,
        columns=(("joined_on", _("member since")), ("left_on", _("left on"))),
    ),
    ExportSection(
        key="panel_ideas",
        title=_("Ideas you sent with your name"),
        rows=_idea_rows,
        columns=(
            ("received_on", _("received on")),
            ("text", _("idea")),
            ("status_label", _("status")),
            ("public_answer", _("what we did with it")),
        ),
    ),
)


def erase_panel_data(candidate: Candidate) -> None:
    """Erasure: the account and invitations go; requests lose their text; ideas stay (they
    are the panel's), but without their author; the panel membership goes."""
    now = timezone.now()
    user_ids = list(
        CandidateAccount.objects.filter(candidate=candidate).values_list("user_id", flat=True)
    )
    CandidateAccount.objects.filter(candidate=candidate).delete()
    User.objects.filter(pk__in=user_ids).delete()
    Invitation.objects.filter(candidate=candidate).delete()
    CorrectionRequest.objects.filter(candidate=candidate).update(
        description="", answer="", version=F("version") + 1, updated_at=now
    )
    Idea.objects.filter(author=candidate).update(
        author=None, version=F("version") + 1, updated_at=now
    )
    PanelMember.objects.filter(candidate=candidate).delete()


def register() -> None:
    """Called once from `PanelConfig.ready()`; a second call changes nothing."""
    for code, label in LOG_ACTIVITIES.items():
        ACTIVITY_LABELS.setdefault(code, label)
    PURPOSE_LABELS.setdefault(PANEL_PURPOSE, _("Taking part in the candidate panel, by choice"))
    for section in PANEL_EXPORT_SECTIONS:
        if section.key not in EXPORT_SECTIONS:
            register_export_section(section)
    if erase_panel_data not in ERASURE_STEPS:
        register_erasure_step(erase_panel_data)
