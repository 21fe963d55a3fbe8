"""Codes of the privacy app: consent purposes (DESIGN.md §4) and processing-log actions."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Purpose(models.TextChoices):
    WORK_GUIDANCE = "work_guidance", _("Guidance towards work")
    DEBT_HELP = "debt_help", _("Debt help")
    CARE = "care", _("Care and health")
    ZEG_JA_TEAM = "zeg_ja_team", _("Discussion in the Zeg JA Team")
    MATCHING = "matching", _("Proposals to providers and employers")


# The municipality's own teams process their clients' data on the Participatiewet, not on consent.
LEGAL_BASIS_PURPOSE = "legal_basis"


class LogAction(models.TextChoices):
    VIEW = "view", _("Viewed")
    LIST = "list", _("Shown in a list")
    CREATE = "create", _("Added")
    UPDATE = "update", _("Changed")
    EXPORT = "export", _("Exported")
    ERASE = "erase", _("Erased")


class Confidentiality(models.TextChoices):
    NORMAL = "normal", _("Personal data")
    SPECIAL = "special", _("Special-category personal data")
