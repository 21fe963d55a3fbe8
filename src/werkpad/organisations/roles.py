"""The roles of DESIGN.md §4; a user holds a role in an organisation through a Membership."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PROFESSIONAL = "professional", _("Professional")
    ZEG_JA_MEMBER = "zeg_ja_member", _("Zeg JA Team member (with mandate)")
    CHAIR = "chair", _("Zeg JA Team chair")
    PROGRAMME_LEAD = "programme_lead", _("Programme lead")
    EMPLOYER_ADVISER = "employer_adviser", _("Employer adviser")
    BOARD = "board", _("Board member")
    ADMIN = "admin", _("Administrator")


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality team")
    CARE = "care", _("Care")
    WELFARE = "welfare", _("Welfare")
    WORK_TRAINING = "work_training", _("Work and training")
    DEBT_HELP = "debt_help", _("Debt help")
    VOLUNTEERING = "volunteering", _("Volunteering")
    EMPLOYER_SERVICE = "employer_service", _("Employer service")
