"""The Zeg JA Team: cases, meetings with an agenda and attendees, decisions, actions, principles.

Rules that belong to one row live here as database constraints (the three outcomes, the
texts each outcome needs); rules across rows (a decision cites a principle, a JA comes with
an action, solving needs every action done) live in `werkpad.cases.services`.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from werkpad.candidates.codes import BarrierKind
from werkpad.cases.workflow import CaseStatus
from werkpad.core.models import BaseModel
from werkpad.organisations.roles import Role
from werkpad.privacy.encryption import EncryptedTextField


class Urgency(models.TextChoices):
    NORMAL = "normal", _("Normal")
    HIGH = "high", _("High")
    URGENT = "urgent", _("Urgent")


class KnelpuntKind(models.TextChoices):
    """The kinds of barrier a case is about; the three health kinds count as one."""

    HEALTH = "health", _("Health")
    CARE_DUTIES = "care_duties", BarrierKind.CARE_DUTIES.label
    CHILDCARE = "childcare", BarrierKind.CHILDCARE.label
    LANGUAGE = "language", BarrierKind.LANGUAGE.label
    DEBTS = "debts", BarrierKind.DEBTS.label
    HOUSING = "housing", BarrierKind.HOUSING.label
    TRANSPORT = "transport", BarrierKind.TRANSPORT.label
    DIGITAL_SKILLS = "digital_skills", BarrierKind.DIGITAL_SKILLS.label
    OTHER = "other", BarrierKind.OTHER.label


class Outcome(models.TextChoices):
    """The only answers the Zeg JA Team gives: "no" is not one of them."""

    JA = "JA", _("Yes")
    JA_MITS = "JA_MITS", _("Yes, provided that")
    ESCALATED = "ESCALATED", _("Escalated")


YES_OUTCOMES = frozenset({Outcome.JA, Outcome.JA_MITS})


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


class Principle(BaseModel):
    """A principle of good customisation (beginsel van behoorlijk maatwerk).

    Retiring sets `active` off: the principle can no longer be cited, but stays readable on
    the decisions that cited it (they refer to it by code and it is never deleted).
    """

    code = models.CharField(_("code"), max_length=10, unique=True)
    title = models.CharField(_("title"), max_length=200)
    explanation = models.TextField(_("explanation"))
    active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("principle")
        verbose_name_plural = _("principles")

    def __str__(self) -> str:
        return f"{self.code} — {self.title}"


class Meeting(BaseModel):
    """A session of the Zeg JA Team, every three weeks by default."""

    held_on = models.DateField(_("date"), db_index=True)
    starts_at = models.TimeField(_("start time"))
    location = models.CharField(_("location"), max_length=200, blank=True)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("chair"),
    )

    class Meta:
        ordering = ["held_on", "starts_at"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return f"{self.held_on:%d-%m-%Y}"


class Attendance(BaseModel):
    """A member at the table of one meeting, with the mandate of their organisation."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="zeg_ja_attendances",
        verbose_name=_("member"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("mandate for"),
    )
    role = models.CharField(
        _("role"),
        max_length=30,
        choices=[(role.value, role.label) for role in (Role.ZEG_JA_MEMBER, Role.CHAIR)],
    )

    class Meta:
        ordering = ["organisation__name", "user__full_name"]
        verbose_name = _("attendee")
        verbose_name_plural = _("attendees")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="attendance_once_per_meeting")
        ]


class Case(BaseModel):
    """A candidate's situation that no single organisation can solve, brought to the team."""

    number = models.PositiveIntegerField(_("case number"), unique=True, editable=False)
    candidate = models.ForeignKey(
        "candidates.Candidate",
        on_delete=models.CASCADE,
        related_name="zeg_ja_cases",
        verbose_name=_("candidate"),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    submitting_organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("submitting organisation"),
    )
    barriers = models.ManyToManyField(
        "candidates.Barrier", blank=True, related_name="zeg_ja_cases", verbose_name=_("barriers")
    )
    knelpunt_kinds = models.JSONField(_("kinds of barrier"), default=list, blank=True)
    barrier_description = EncryptedTextField(_("the barriers in your own words"), blank=True)
    tried = EncryptedTextField(_("what has been tried"))
    question = EncryptedTextField(_("question to the team"))
    urgency = models.CharField(
        _("urgency"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=CaseStatus.choices,
        default=CaseStatus.SUBMITTED,
        db_index=True,
    )
    submitted_on = models.DateField(_("submitted on"))
    decided_on = models.DateField(_("first decision on"), null=True, blank=True)
    solved_on = models.DateField(_("solved on"), null=True, blank=True)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=CaseStatus.values), name="case_status_known"
            ),
            models.CheckConstraint(
                condition=Q(decided_on__isnull=True) | Q(decided_on__gte=models.F("submitted_on")),
                name="case_decided_after_submitted",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"ZJA-{self.number:03d}"

    @property
    def days_to_decision(self) -> int | None:
        return (self.decided_on - self.submitted_on).days if self.decided_on else None

    @property
    def days_to_solution(self) -> int | None:
        return (self.solved_on - self.submitted_on).days if self.solved_on else None


class AgendaItem(BaseModel):
    """A case on a meeting's agenda, in order, with a time box."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="agenda_items")
    position = models.PositiveSmallIntegerField(_("order"))
    time_box_minutes = models.PositiveSmallIntegerField(
        _("time box (minutes)"),
        default=15,
        validators=[MinValueValidator(5), MaxValueValidator(120)],
    )

    class Meta:
        ordering = ["meeting", "position", "created_at"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "case"], name="agenda_case_once"),
            models.CheckConstraint(
                condition=Q(time_box_minutes__gte=5, time_box_minutes__lte=120),
                name="agenda_time_box_5_to_120",
            ),
        ]


class CaseTransition(models.Model):
    """One step in the case's workflow: who made it, for which organisation, when."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="transitions")
    source = models.CharField(_("from"), max_length=20, choices=CaseStatus.choices, blank=True)
    target = models.CharField(_("to"), max_length=20, choices=CaseStatus.choices)
    by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    by_label = models.CharField(_("by"), max_length=254, blank=True)
    by_organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("for organisation"),
    )
    at = models.DateTimeField(_("when"))
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self) -> str:
        return f"{self.source} → {self.target}"


class Decision(BaseModel):
    """The team's answer: JA (the solution), JA_MITS (the condition) or ESCALATED (to whom, why).

    There is no "no": the check constraint refuses any other outcome in the database itself.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="decisions")
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("meeting"),
    )
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    solution = models.TextField(_("the solution"), blank=True)
    condition = models.TextField(_("the condition"), blank=True)
    escalated_to = models.CharField(_("escalated to"), max_length=200, blank=True)
    escalation_reason = models.TextField(_("why escalated"), blank=True)
    rationale = models.TextField(_("rationale"))
    principles: models.ManyToManyField[Principle, DecisionPrinciple] = models.ManyToManyField(
        Principle,
        through="DecisionPrinciple",
        related_name="decisions",
        verbose_name=_("principles"),
    )
    deviation_rule = models.CharField(_("which rule"), max_length=300, blank=True)
    deviation_reason = models.TextField(_("why we deviate from it"), blank=True)
    committed_organisations = models.ManyToManyField(
        "organisations.Organisation",
        blank=True,
        related_name="+",
        verbose_name=_("organisations that committed"),
    )
    decided_on = models.DateField(_("decided on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        ordering = ["decided_on", "created_at"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome__in=Outcome.values), name="decision_outcome_never_no"
            ),
            models.CheckConstraint(condition=~Q(rationale=""), name="decision_has_rationale"),
            models.CheckConstraint(
                condition=~Q(outcome__in=YES_OUTCOMES) | ~Q(solution=""),
                name="decision_yes_has_solution",
            ),
            models.CheckConstraint(
                condition=~Q(outcome=Outcome.JA_MITS) | ~Q(condition=""),
                name="decision_ja_mits_has_condition",
            ),
            models.CheckConstraint(
                condition=~Q(outcome=Outcome.ESCALATED)
                | (~Q(escalated_to="") & ~Q(escalation_reason="")),
                name="decision_escalation_says_to_whom_and_why",
            ),
            models.CheckConstraint(
                condition=Q(deviation_rule="", deviation_reason="")
                | (~Q(deviation_rule="") & ~Q(deviation_reason="")),
                name="decision_deviation_names_rule_and_reason",
            ),
        ]

    @property
    def goes_beyond_rules(self) -> bool:
        return bool(self.deviation_rule)


class DecisionPrinciple(models.Model):
    """A principle a decision cites. PROTECT: a cited principle is retired, never deleted."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE)
    principle = models.ForeignKey(Principle, on_delete=models.PROTECT)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "principle"], name="decision_principle_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.decision_id} {self.principle_id}"


class Action(BaseModel):
    """A task for one organisation, with an owner and a due date, followed to the end."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="actions")
    decision = models.ForeignKey(
        Decision, on_delete=models.CASCADE, null=True, blank=True, related_name="actions"
    )
    description = models.CharField(_("what"), max_length=500)
    owner_organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="zeg_ja_actions",
        verbose_name=_("organisation"),
    )
    owner_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="zeg_ja_actions",
        verbose_name=_("person"),
    )
    due_on = models.DateField(_("due on"), db_index=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "created_at"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        constraints = [
            models.CheckConstraint(
                condition=Q(status=ActionStatus.DONE, done_on__isnull=False)
                | (~Q(status=ActionStatus.DONE) & Q(done_on__isnull=True)),
                name="action_done_has_date",
            )
        ]

    def is_overdue(self, today: date) -> bool:
        return self.status != ActionStatus.DONE and self.due_on < today
