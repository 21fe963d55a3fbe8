"""The candidate dossier: the person, benefit periods, barriers, ladder scores and the plan.

Every read goes through `werkpad.privacy.access.visible_candidates`; every write through
`werkpad.candidates.services`, which logs it in the processing log in the same transaction.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from werkpad.candidates.codes import (
    HEALTH_BARRIER_KINDS,
    HEALTH_CATEGORY,
    BarrierKind,
    BarrierStatus,
    DutchLevel,
    Education,
    EndReason,
    Household,
    LadderStep,
    Severity,
)
from werkpad.core.models import BaseModel
from werkpad.privacy.encryption import EncryptedTextField


class Candidate(BaseModel):
    bsn_encrypted = EncryptedTextField(_("BSN (encrypted)"))
    bsn_hash = models.CharField(_("BSN lookup key"), max_length=64, unique=True, editable=False)
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=150)
    search_name = models.CharField(max_length=260, db_index=True, editable=False)
    birth_date = models.DateField(_("date of birth"))
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("telephone number"), max_length=30, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, db_index=True)
    house_number = models.CharField(_("house number"), max_length=10)
    household = models.CharField(_("household"), max_length=20, choices=Household.choices)
    children_under_12 = models.PositiveSmallIntegerField(_("children under 12"), default=0)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    dutch_level = models.CharField(
        _("level of Dutch"), max_length=4, choices=DutchLevel.choices, default=DutchLevel.NONE
    )
    education = models.CharField(
        _("education"), max_length=10, choices=Education.choices, default=Education.NONE
    )
    work_experience = models.TextField(_("work experience"), blank=True)
    skills = models.JSONField(_("skills"), default=list, blank=True)
    hours_available = models.PositiveSmallIntegerField(
        _("hours available per week"), default=0, validators=[MaxValueValidator(60)]
    )
    preferred_offer_kinds = models.JSONField(
        _("preferred kinds of offer"), default=list, blank=True
    )
    max_travel_km = models.PositiveSmallIntegerField(_("maximum travel distance (km)"), default=10)
    lead_organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="lead_candidates",
        verbose_name=_("lead organisation"),
    )
    case_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="managed_candidates",
        verbose_name=_("case manager"),
    )
    # Set when the candidate's personal data has been erased (anonymised) under the AVG.
    erased_at = models.DateTimeField(_("erased at"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        indexes = [models.Index(fields=["lead_organisation", "last_name"])]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def bsn(self) -> str:
        return self.bsn_encrypted

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def initials(self) -> str:
        return f"{self.first_name[:1]}.{self.last_name[:1]}.".upper()


class BenefitPeriod(BaseModel):
    """A period on bijstand, from the municipality's benefit administration."""

    candidate = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="benefit_periods"
    )
    start = models.DateField(_("start"), db_index=True)
    end = models.DateField(_("end"), null=True, blank=True, db_index=True)
    end_reason = models.CharField(
        _("reason for ending"), max_length=20, choices=EndReason.choices, blank=True
    )

    class Meta:
        ordering = ["-start"]
        verbose_name = _("benefit period")
        verbose_name_plural = _("benefit periods")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
                name="benefit_period_end_after_start",
            )
        ]


class Barrier(BaseModel):
    """Something standing between the candidate and work.

    For the health kinds only the category "health" is stored in plain text; the exact kind is
    encrypted like the note, so a database dump does not show who has which complaint.
    """

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="barriers")
    category = models.CharField(_("category"), max_length=20, db_index=True, editable=False)
    kind_encrypted = EncryptedTextField(editable=False, blank=True)
    severity = models.PositiveSmallIntegerField(
        _("severity"), choices=Severity.choices, default=Severity.MEDIUM
    )
    blocks_work = models.BooleanField(_("blocks work for now"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=BarrierStatus.choices, default=BarrierStatus.OPEN
    )
    owner_organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="owned_barriers",
        verbose_name=_("organisation working on it"),
    )
    opened_on = models.DateField(_("noted on"))
    resolved_on = models.DateField(_("resolved on"), null=True, blank=True)
    note = EncryptedTextField(_("note"), blank=True)

    class Meta:
        ordering = ["status", "-opened_on"]
        verbose_name = _("barrier")
        verbose_name_plural = _("barriers")

    @property
    def kind(self) -> str:
        return self.kind_encrypted if self.category == HEALTH_CATEGORY else self.category

    @kind.setter
    def kind(self, value: str) -> None:
        if value in HEALTH_BARRIER_KINDS:
            self.category = HEALTH_CATEGORY
            self.kind_encrypted = value
        else:
            self.category = value
            self.kind_encrypted = ""

    @property
    def is_special_category(self) -> bool:
        return self.category == HEALTH_CATEGORY

    def get_kind_display(self) -> str:
        return str(BarrierKind(self.kind).label)

    @property
    def is_open(self) -> bool:
        return self.status != BarrierStatus.RESOLVED


class LadderScore(BaseModel):
    """A dated step on the Participatieladder, with the step the candidate could reach."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="ladder_scores")
    step = models.PositiveSmallIntegerField(_("step"), choices=LadderStep.choices)
    potential_step = models.PositiveSmallIntegerField(
        _("potential step"), choices=LadderStep.choices
    )
    assessed_on = models.DateField(_("assessed on"))
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assessed by"),
    )
    assessor_organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation of the assessor"),
    )
    note = EncryptedTextField(_("note"), blank=True)

    class Meta:
        ordering = ["-assessed_on", "-created_at"]
        verbose_name = _("ladder score")
        verbose_name_plural = _("ladder scores")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(step__gte=1, step__lte=6), name="ladder_step_1_to_6"
            ),
            models.CheckConstraint(
                condition=models.Q(potential_step__gte=models.F("step"), potential_step__lte=6),
                name="ladder_potential_at_least_step",
            ),
        ]


class PlanGoal(BaseModel):
    """A goal in the candidate's plan of action (plan van aanpak)."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="plan_goals")
    title = models.CharField(_("goal"), max_length=200)
    achieved_on = models.DateField(_("achieved on"), null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")


class PlanStep(BaseModel):
    """An agreed step towards a goal, owned by one organisation, with a due date."""

    goal = models.ForeignKey(PlanGoal, on_delete=models.CASCADE, related_name="steps")
    description = models.CharField(_("step"), max_length=300)
    owner_organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisation responsible"),
    )
    due_on = models.DateField(_("due on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        ordering = ["due_on"]
        verbose_name = _("step")
        verbose_name_plural = _("steps")

    def is_overdue(self, today: date) -> bool:
        return self.done_on is None and self.due_on < today


class Correction(BaseModel):
    """The history of corrections: who changed which field, when, from what to what."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="corrections")
    object_type = models.CharField(max_length=40)
    object_id = models.UUIDField()
    field = models.CharField(max_length=60)
    old_value = EncryptedTextField(blank=True)
    new_value = EncryptedTextField(blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")


class ImportJob(BaseModel):
    """One import of the benefit administration's export, and how far it has come.

    The uploaded file is kept encrypted only until the import has run, so a task runner
    (a thread in the quick start, Celery later) can read it by the job's id alone.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        VALIDATING = "validating", _("Checking the rows")
        SAVING = "saving", _("Saving the candidates")
        DONE = "done", _("Imported")
        REJECTED = "rejected", _("Not imported: the file has errors")
        FAILED = "failed", _("Not imported: something went wrong")

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.QUEUED
    )
    file_name = models.CharField(_("file name"), max_length=255)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("importing organisation"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("imported by"),
    )
    upload = EncryptedTextField(blank=True, editable=False)
    total_rows = models.PositiveIntegerField(_("rows in the file"), default=0)
    done_rows = models.PositiveIntegerField(_("rows checked"), default=0)
    created_count = models.PositiveIntegerField(_("candidates added"), default=0)
    updated_count = models.PositiveIntegerField(_("candidates changed"), default=0)
    unchanged_count = models.PositiveIntegerField(_("candidates unchanged"), default=0)
    error_count = models.PositiveIntegerField(_("errors"), default=0)
    # The first errors, as {"row", "column", "code", "params"}: shown in the reader's language.
    errors = models.JSONField(_("errors"), default=list, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.status})"

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.REJECTED, self.Status.FAILED}
