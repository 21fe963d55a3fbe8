"""Minutes of a meeting, generated from its agenda and decisions: a page and a PDF.

Two versions. The full one names the candidate of each case the reader may open (and logs
that read); any other case is shown pseudonymised. The pseudonymised one, for wider
circulation, shows case numbers and initials only: no candidate's name, no BSN, no names of
professionals, and free text is scrubbed of the names and BSNs of the meeting's candidates.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from werkpad.candidates.models import Candidate
from werkpad.cases.models import Action, AgendaItem, Decision, Meeting, Outcome
from werkpad.cases.selectors import (
    case_list_log,
    decision_queryset,
    meeting_attendances,
    visible_cases,
)
from werkpad.privacy.codes import LogAction

MINUTES_ACTIVITY = "zeg_ja_minutes"
# Any run of 8 or 9 digits, with optional spaces or dots between groups, may be a BSN.
NUMBER_LIKE_BSN = re.compile(r"(?<!\d)(?:\d[ .]?){7,8}\d(?!\d)")


@dataclass(frozen=True)
class MinutesAction:
    description: str
    organisation: str
    person: str
    due_on: date
    status: str


@dataclass(frozen=True)
class MinutesEntry:
    position: int
    reference: str
    who: str  # the candidate's name, or their initials
    time_box_minutes: int
    outcome: str  # JA, JA_MITS, ESCALATED, or "" when no decision was recorded
    outcome_label: str
    solution: str = ""
    condition: str = ""
    escalated_to: str = ""
    escalation_reason: str = ""
    rationale: str = ""
    principles: list[str] = field(default_factory=list)
    deviation_rule: str = ""
    deviation_reason: str = ""
    committed: list[str] = field(default_factory=list)
    actions: list[MinutesAction] = field(default_factory=list)


@dataclass(frozen=True)
class Minutes:
    meeting: Meeting
    pseudonymised: bool
    attendees: list[str]
    entries: list[MinutesEntry]

    @property
    def title(self) -> str:
        return _("Minutes of the Zeg JA Team, %(date)s") % {
            "date": date_format(self.meeting.held_on, "j F Y")
        }


def scrub(text: str, candidates: list[Candidate]) -> str:
    """Replace the candidates' names by their initials and anything like a BSN by [number]."""
    for candidate in candidates:
        bsn = candidate.bsn
        if bsn:
            text = re.sub(r"[ .]?".join(re.escape(d) for d in bsn), _("[number]"), text)
        names = sorted(
            {candidate.full_name, candidate.first_name, candidate.last_name}, key=len, reverse=True
        )
        for name in names:
            if len(name.strip()) >= 2:
                pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, name.split())) + r"(?!\w)"
                text = re.sub(pattern, candidate.initials, text, flags=re.IGNORECASE)
    return NUMBER_LIKE_BSN.sub(_("[number]"), text)


def _action_rows(actions: list[Action], *, pseudonymised: bool, clean: Any) -> list[MinutesAction]:
    return [
        MinutesAction(
            description=clean(action.description),
            organisation=action.owner_organisation.name,
            person=""
            if pseudonymised or action.owner_person is None
            else action.owner_person.get_full_name(),
            due_on=action.due_on,
            status=str(action.get_status_display()),
        )
        for action in actions
    ]


def _entry(item: AgendaItem, decision: Decision | None, *, named: bool, clean: Any) -> MinutesEntry:
    case = item.case
    who = case.candidate.full_name if named else f"{case.reference} ({case.candidate.initials})"
    base: dict[str, Any] = {
        "position": item.position,
        "reference": case.reference,
        "who": who,
        "time_box_minutes": item.time_box_minutes,
    }
    if decision is None:
        return MinutesEntry(**base, outcome="", outcome_label=_("No decision recorded"))
    return MinutesEntry(
        **base,
        outcome=decision.outcome,
        outcome_label=str(Outcome(decision.outcome).label),
        solution=clean(decision.solution),
        condition=clean(decision.condition),
        escalated_to=clean(decision.escalated_to),
        escalation_reason=clean(decision.escalation_reason),
        rationale=clean(decision.rationale),
        principles=[
            f"{p.code} — {p.title}" + ("" if p.active else f" ({_('retired')})")
            for p in decision.principles.all()
        ],
        deviation_rule=clean(decision.deviation_rule),
        deviation_reason=clean(decision.deviation_reason),
        committed=[o.name for o in decision.committed_organisations.all()],
        actions=_action_rows(list(decision.actions.all()), pseudonymised=not named, clean=clean),
    )


def minutes_build(*, user: Any, meeting: Meeting, pseudonymised: bool) -> Minutes:
    """The minutes as `user` may read them; reading named cases is logged (full version)."""
    items = list(
        meeting.agenda_items.select_related(
            "case", "case__candidate", "case__candidate__lead_organisation"
        ).order_by("position", "created_at")
    )
    decisions = {d.case_id: d for d in decision_queryset().filter(meeting=meeting)}
    named_ids: set[Any] = set()
    if not pseudonymised:
        named_ids = set(
            visible_cases(user)
            .filter(pk__in=[i.case_id for i in items])
            .values_list("pk", flat=True)
        )
    candidates = [i.case.candidate for i in items]

    def clean(text: str) -> str:
        return text if not pseudonymised else scrub(text, candidates)

    entries = [
        _entry(item, decisions.get(item.case_id), named=item.case_id in named_ids, clean=clean)
        for item in items
    ]
    attendees = [
        a.organisation.name
        if pseudonymised
        else f"{a.user.get_full_name()} ({a.organisation.name})"
        for a in meeting_attendances(meeting=meeting)
    ]
    if named_ids:
        case_list_log(
            user=user,
            cases=[i.case for i in items if i.case_id in named_ids],
            activity=MINUTES_ACTIVITY,
            action=LogAction.VIEW,
            about=meeting,
        )
    return Minutes(
        meeting=meeting,
        pseudonymised=pseudonymised,
        attendees=sorted(set(attendees)) if pseudonymised else attendees,
        entries=entries,
    )


# --- PDF -------------------------------------------------------------------------------------


def _paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _labelled(label: str, text: str, style: ParagraphStyle) -> list[Paragraph]:
    return [_paragraph(f"{label}: {text}", style)] if text else []


def _entry_flowables(entry: MinutesEntry, styles: dict[str, ParagraphStyle]) -> list[Any]:
    body = styles["body"]
    parts: list[Any] = [
        _paragraph(f"{entry.position}. {entry.who} — {entry.outcome_label}", styles["h3"])
    ]
    parts += _labelled(_("Solution"), entry.solution, body)
    parts += _labelled(_("Condition"), entry.condition, body)
    parts += _labelled(_("Escalated to"), entry.escalated_to, body)
    parts += _labelled(_("Why escalated"), entry.escalation_reason, body)
    parts += _labelled(_("Rationale"), entry.rationale, body)
    parts += _labelled(_("Principles"), "; ".join(entry.principles), body)
    if entry.deviation_rule:
        parts += _labelled(
            _("Outside the existing rules"),
            f"{entry.deviation_rule} — {entry.deviation_reason}",
            body,
        )
    parts += _labelled(_("Committed"), ", ".join(entry.committed), body)
    if entry.actions:
        rows = [[_("Action"), _("Organisation"), _("Due on"), _("Status")]] + [
            [
                _paragraph(a.description + (f" ({a.person})" if a.person else ""), styles["cell"]),
                _paragraph(a.organisation, styles["cell"]),
                date_format(a.due_on, "d-m-Y"),
                a.status,
            ]
            for a in entry.actions
        ]
        table = Table(rows, colWidths=[8 * cm, 4.5 * cm, 2.3 * cm, 2.2 * cm], repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                    ("FONTSIZE", (0, 0), (-1, -1), 9),
                    ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        parts += [Spacer(1, 0.2 * cm), table]
    return [KeepTogether(parts), Spacer(1, 0.4 * cm)]


def minutes_pdf(minutes: Minutes) -> bytes:
    """The minutes as an A4 PDF (reportlab, standard fonts)."""
    sheet = getSampleStyleSheet()
    styles = {
        "h1": sheet["Heading1"],
        "h2": sheet["Heading2"],
        "h3": sheet["Heading3"],
        "body": sheet["BodyText"],
        "cell": ParagraphStyle("cell", parent=sheet["BodyText"], fontSize=9, leading=11),
    }
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=minutes.title,
        author="Werkpad",
        subject=_("Pseudonymised minutes") if minutes.pseudonymised else _("Minutes"),
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
    )
    meeting = minutes.meeting
    story: list[Any] = [_paragraph(minutes.title, styles["h1"])]
    if minutes.pseudonymised:
        story.append(
            _paragraph(_("Pseudonymised version: case numbers and initials only."), styles["body"])
        )
    story += [
        _paragraph(
            _("Date and place: %(date)s, %(time)s, %(location)s")
            % {
                "date": date_format(meeting.held_on, "l j F Y"),
                "time": meeting.starts_at.strftime("%H:%M"),
                "location": meeting.location or "—",
            },
            styles["body"],
        ),
        _paragraph(_("Present (with mandate)"), styles["h2"]),
        _paragraph(", ".join(minutes.attendees) or "—", styles["body"]),
        _paragraph(_("Cases and decisions"), styles["h2"]),
    ]
    if not minutes.entries:
        story.append(_paragraph(_("There were no cases on the agenda."), styles["body"]))
    for entry in minutes.entries:
        story += _entry_flowables(entry, styles)
    story.append(
        _paragraph(
            _("Made by Werkpad on %(date)s.")
            % {"date": date_format(timezone.localdate(), "j F Y")},
            styles["body"],
        )
    )
    document.build(story)
    return buffer.getvalue()
