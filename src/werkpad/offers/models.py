"""Employers, BHAG Deals, round tables (ondernemerstafels), offers, matches and placements."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from werkpad.candidates.codes import DutchLevel, LadderStep, OfferKind
from werkpad.core.models import BaseModel
from werkpad.offers.codes import (
    EmployerSize,
    LeadStatus,
    MatchStatus,
    OfferStatus,
    PhysicalDemand,
    PlacementOutcome,
    Schedule,
    Sector,
    skill_labels,
)
from werkpad.privacy.encryption import EncryptedTextField

kvk_validator = RegexValidator(r"^\d{8}$", _("A KvK number has 8 digits, for example 12345678."))


class Employer(BaseModel):
    name = models.CharField(_("name"), max_length=200)
    kvk_number = models.CharField(
        _("KvK number"), max_length=8, unique=True, validators=[kvk_validator]
    )
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    size = models.CharField(_("size"), max_length=10, choices=EmployerSize.choices)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7)
    city = models.CharField(_("place"), max_length=100, default="Delft")
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=30, blank=True)
    account_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="managed_employers",
        verbose_name=_("account manager"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("employer")
        verbose_name_plural = _("employers")

    def __str__(self) -> str:
        return self.name


class Deal(BaseModel):
    """A BHAG Deal: an employer promises places of some kinds within a period."""

    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="deals")
    signed_on = models.DateField(_("signed on"))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-signed_on"]
        verbose_name = _("BHAG Deal")
        verbose_name_plural = _("BHAG Deals")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="deal_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.employer} ({self.starts_on:%Y}–{self.ends_on:%Y})"


class DealPromise(BaseModel):
    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="promises")
    offer_kind = models.CharField(_("kind of place"), max_length=20, choices=OfferKind.choices)
    places = models.PositiveIntegerField(_("places promised"), validators=[MinValueValidator(1)])

    class Meta:
        verbose_name = _("promise")
        verbose_name_plural = _("promises")
        constraints = [
            models.UniqueConstraint(fields=["deal", "offer_kind"], name="deal_promise_one_per_kind")
        ]


class EmployerMeeting(BaseModel):
    """A round table with employers (ondernemerstafel)."""

    held_on = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=200)
    location = models.CharField(_("location"), max_length=200, blank=True)
    employers = models.ManyToManyField(
        Employer, related_name="meetings", blank=True, verbose_name=_("employers present")
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["-held_on"]
        verbose_name = _("round table")
        verbose_name_plural = _("round tables")

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on:%d-%m-%Y})"


class FollowUp(BaseModel):
    meeting = models.ForeignKey(
        EmployerMeeting, on_delete=models.CASCADE, related_name="follow_ups"
    )
    employer = models.ForeignKey(
        Employer, on_delete=models.CASCADE, null=True, blank=True, related_name="follow_ups"
    )
    description = models.CharField(_("follow-up"), max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    due_on = models.DateField(_("due on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        ordering = ["due_on"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")


class EmployerLead(BaseModel):
    """An employer's interest, left on the public page, for the employer advisers."""

    company_name = models.CharField(_("company name"), max_length=200)
    contact_name = models.CharField(_("your name"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    phone = models.CharField(_("telephone number"), max_length=30, blank=True)
    kvk_number = models.CharField(
        _("KvK number"), max_length=8, blank=True, validators=[kvk_validator]
    )
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices, blank=True)
    message = models.TextField(_("message"), max_length=2000, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=LeadStatus.choices, default=LeadStatus.NEW
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    employer = models.ForeignKey(
        Employer, on_delete=models.SET_NULL, null=True, blank=True, related_name="leads"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("employer lead")
        verbose_name_plural = _("employer leads")


class Offer(BaseModel):
    """A place for candidates: a job, volunteer place, day activity, learning or work experience.

    The provider is an employer or a partner organisation, never both.
    """

    kind = models.CharField(_("kind"), max_length=20, choices=OfferKind.choices)
    employer = models.ForeignKey(
        Employer,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="offers",
        verbose_name=_("employer"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="offers",
        verbose_name=_("partner organisation"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7)
    hours_min = models.PositiveSmallIntegerField(_("hours per week, at least"), default=0)
    hours_max = models.PositiveSmallIntegerField(
        _("hours per week, at most"), default=40, validators=[MaxValueValidator(60)]
    )
    schedule = models.CharField(
        _("when"), max_length=20, choices=Schedule.choices, default=Schedule.DAYTIME
    )
    capacity = models.PositiveIntegerField(_("places"), default=1)
    is_group = models.BooleanField(_("group offer (starts together)"), default=False)
    group_min = models.PositiveSmallIntegerField(_("minimum group size"), default=0)
    skills_required = models.JSONField(_("skills required"), default=list, blank=True)
    skills_desired = models.JSONField(_("skills that help"), default=list, blank=True)
    min_dutch_level = models.CharField(
        _("Dutch needed"), max_length=4, choices=DutchLevel.choices, default=DutchLevel.NONE
    )
    physical_demand = models.CharField(
        _("physical demand"),
        max_length=10,
        choices=PhysicalDemand.choices,
        default=PhysicalDemand.LOW,
    )
    certificates = models.CharField(_("certificates needed"), max_length=300, blank=True)
    job_coach = models.BooleanField(_("job coach available"), default=False)
    adjusted_hours = models.BooleanField(_("hours can be adjusted"), default=False)
    childcare_friendly = models.BooleanField(_("childcare-friendly"), default=False)
    # The explicit 1–6 range keeps the API schema the same on every database backend.
    ladder_min = models.PositiveSmallIntegerField(
        _("suits from ladder step"),
        choices=LadderStep.choices,
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(6)],
    )
    ladder_max = models.PositiveSmallIntegerField(
        _("suits up to ladder step"),
        choices=LadderStep.choices,
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(6)],
    )
    open_from = models.DateField(_("open from"))
    open_until = models.DateField(_("open until"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=OfferStatus.choices, default=OfferStatus.OPEN
    )
    pilot = models.CharField(_("pilot"), max_length=100, blank=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        indexes = [models.Index(fields=["status", "kind"])]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(employer__isnull=False, organisation__isnull=True)
                    | models.Q(employer__isnull=True, organisation__isnull=False)
                ),
                name="offer_has_one_provider",
            ),
            models.CheckConstraint(
                condition=models.Q(hours_max__gte=models.F("hours_min")),
                name="offer_hours_min_below_max",
            ),
            models.CheckConstraint(
                condition=models.Q(ladder_max__gte=models.F("ladder_min")),
                name="offer_ladder_range",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def provider_name(self) -> str:
        return str(self.employer or self.organisation)

    @property
    def within_school_hours(self) -> bool:
        return self.schedule == Schedule.SCHOOL_HOURS

    @property
    def skills_required_labels(self) -> list[str]:
        return skill_labels(self.skills_required)

    @property
    def skills_desired_labels(self) -> list[str]:
        return skill_labels(self.skills_desired)


class Match(BaseModel):
    """A proposed candidate–offer pairing with its explanation, and where it stands."""

    candidate = models.ForeignKey(
        "candidates.Candidate", on_delete=models.CASCADE, related_name="matches"
    )
    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="matches")
    score = models.FloatField(_("score"))
    explanation = models.JSONField(_("explanation"), default=dict)
    status = models.CharField(
        _("status"), max_length=20, choices=MatchStatus.choices, default=MatchStatus.PROPOSED
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    plan_run = models.ForeignKey(
        "matching.PlanRun", on_delete=models.SET_NULL, null=True, blank=True, related_name="matches"
    )
    decline_reason = EncryptedTextField(_("reason"), blank=True)

    class Meta:
        ordering = ["-score"]
        verbose_name = _("match")
        verbose_name_plural = _("matches")


class Placement(BaseModel):
    """A candidate started on an offer."""

    candidate = models.ForeignKey(
        "candidates.Candidate", on_delete=models.CASCADE, related_name="placements"
    )
    offer = models.ForeignKey(Offer, on_delete=models.PROTECT, related_name="placements")
    match = models.OneToOneField(
        Match, on_delete=models.SET_NULL, null=True, blank=True, related_name="placement"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=OfferKind.choices)
    start = models.DateField(_("start"))
    hours = models.PositiveSmallIntegerField(_("hours per week"))
    job_coach = models.BooleanField(_("job coach"), default=False)
    adjusted_hours = models.BooleanField(_("adjusted hours"), default=False)
    end = models.DateField(_("end"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=PlacementOutcome.choices, blank=True
    )

    class Meta:
        ordering = ["-start"]
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        indexes = [models.Index(fields=["start"]), models.Index(fields=["kind", "start"])]


class MatchTransition(BaseModel):
    """One step of a match through the flow: who moved it from which status to which, when.

    The first row of a match has no source: it records who proposed it. ``created_at`` is when.
    """

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="transitions")
    source = models.CharField(_("from"), max_length=20, choices=MatchStatus.choices, blank=True)
    target = models.CharField(_("to"), max_length=20, choices=MatchStatus.choices)
    acting_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("for organisation"),
    )

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("step in the flow")
        verbose_name_plural = _("steps in the flow")
