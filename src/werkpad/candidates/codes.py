"""The codes of the candidate dossier (DESIGN.md §4) with their Dutch labels."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class BarrierKind(models.TextChoices):
    PHYSICAL = "physical", _("Physical complaints")
    PSYCHOLOGICAL = "psychological", _("Psychological complaints")
    ADDICTION = "addiction", _("Addiction")
    CARE_DUTIES = "care_duties", _("Care duties")
    CHILDCARE = "childcare", _("Childcare")
    LANGUAGE = "language", _("Language")
    DEBTS = "debts", _("Debts")
    HOUSING = "housing", _("Housing")
    TRANSPORT = "transport", _("Transport")
    DIGITAL_SKILLS = "digital_skills", _("Digital skills")
    OTHER = "other", _("Other")


# Health: special-category data under the AVG (art. 9). Stored encrypted, shown only with
# consent for purpose `care` or the municipality's legal basis.
HEALTH_BARRIER_KINDS = frozenset(
    {BarrierKind.PHYSICAL, BarrierKind.PSYCHOLOGICAL, BarrierKind.ADDICTION}
)
HEALTH_CATEGORY = "health"


class BarrierStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    RESOLVED = "resolved", _("Resolved")


class Severity(models.IntegerChoices):
    LIGHT = 1, _("Light")
    MEDIUM = 2, _("Medium")
    SEVERE = 3, _("Severe")


class Household(models.TextChoices):
    SINGLE = "single", _("Single")
    SINGLE_PARENT = "single_parent", _("Single parent")
    COUPLE = "couple", _("Couple")


class DutchLevel(models.TextChoices):
    NONE = "none", _("None")
    A1 = "A1", "A1"
    A2 = "A2", "A2"
    B1 = "B1", "B1"
    B2 = "B2", "B2"
    C1 = "C1", "C1"
    C2 = "C2", "C2"


class Education(models.TextChoices):
    NONE = "none", _("No education")
    PRIMARY = "primary", _("Primary school")
    VMBO = "vmbo", "vmbo"
    MBO1 = "mbo1", _("mbo level 1")
    MBO2 = "mbo2", _("mbo level 2")
    MBO3 = "mbo3", _("mbo level 3")
    MBO4 = "mbo4", _("mbo level 4")
    HAVO = "havo", "havo"
    VWO = "vwo", "vwo"
    HBO = "hbo", "hbo"
    WO = "wo", _("university")


class EndReason(models.TextChoices):
    WORK = "work", _("Work")
    WORK_WITH_SUPPORT = "work_with_support", _("Work with support")
    OTHER_INCOME = "other_income", _("Other income")
    MOVED = "moved", _("Moved away")
    OTHER = "other", _("Other")


WORK_END_REASONS = frozenset({EndReason.WORK, EndReason.WORK_WITH_SUPPORT})


class LadderStep(models.IntegerChoices):
    """The official steps of the Participatieladder."""

    ISOLATED = 1, _("1 — Isolated")
    SOCIAL_CONTACTS = 2, _("2 — Social contacts outside the home")
    ORGANISED_ACTIVITIES = 3, _("3 — Taking part in organised activities")
    UNPAID_WORK = 4, _("4 — Unpaid work")
    PAID_WORK_WITH_SUPPORT = 5, _("5 — Paid work with support")
    PAID_WORK = 6, _("6 — Paid work")


class OfferKind(models.TextChoices):
    PAID_JOB = "paid_job", _("Paid job")
    SUPPORTED_JOB = "supported_job", _("Supported job")
    VOLUNTEER = "volunteer", _("Volunteer work")
    DAY_ACTIVITY = "day_activity", _("Day activity")
    LEARNING = "learning", _("Learning")
    WORK_EXPERIENCE = "work_experience", _("Work-experience place")
