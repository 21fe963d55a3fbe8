"""Codes of the privacy app: consent purposes (DESIGN.md §4), processing-log actions and
activities, and the legal grounds of an erasure."""

from __future__ import annotations

from django.db import models
from django.utils.functional import Promise
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


# Purposes of processings that are not casework on consent or on the legal basis.
CANDIDATE_SELF_PURPOSE = "candidate_self"  # the candidate acts themself (portal)
ACCOUNTABILITY_PURPOSE = "accountability"  # the programme lead checks the log (AVG art. 5(2))


class ErasureReason(models.TextChoices):
    """The legal ground of an erasure, recorded as the purpose of its `erase` log entry.

    Only `retention` needs no request: it applies once the retention period has ended. The
    others are the grounds of AVG art. 17(1) and may be used at any time.
    """

    RETENTION = "retention", _("The retention period has ended")
    CANDIDATE_REQUEST = (
        "avg17_request",
        _("The candidate asked for erasure and the data are no longer needed (AVG art. 17)"),
    )
    CONSENT_WITHDRAWN = (
        "avg17_consent_withdrawn",
        _("The candidate withdrew consent and there is no other ground (AVG art. 17)"),
    )
    OBJECTION = "avg17_objection", _("The candidate objected to the processing (AVG art. 17)")
    UNLAWFUL = "avg17_unlawful", _("The data were processed unlawfully (AVG art. 17)")


PURPOSE_LABELS: dict[str, str | Promise] = {
    **{str(purpose.value): purpose.label for purpose in Purpose},
    LEGAL_BASIS_PURPOSE: _("Legal basis (Participatiewet)"),
    CANDIDATE_SELF_PURPOSE: _("At the candidate's own request"),
    ACCOUNTABILITY_PURPOSE: _("Accountability for the processing of personal data"),
    **{str(reason.value): reason.label for reason in ErasureReason},
}

# Processing activities (the register of processing activities) by the code in the log.
ACTIVITY_LABELS: dict[str, str | Promise] = {
    "candidate_registration": _("Registering a candidate"),
    "candidate_dossier": _("Working on the candidate's dossier"),
    "candidate_list": _("Finding candidates"),
    "candidate_plan": _("Plan of action"),
    "candidate_import": _("Import from the benefit administration"),
    "benefit_administration": _("Benefit administration"),
    "consent_management": _("Recording consent"),
    "avg_access": _("Giving the candidate their data (AVG art. 15 and 20)"),
    "avg_erasure": _("Erasing personal data (AVG art. 17 and retention)"),
    "processing_log_search": _("Checking the processing log"),
    "candidate_portal": _("The candidate's own portal"),
    "candidate_portal_account": _("Portal account of the candidate"),
    "candidate_notification": _("Messages to the candidate"),
    "candidate_panel": _("Candidate panel"),
    "correction_request": _("Request for a correction"),
    "matching": _("Matching with offers"),
    "zeg_ja_case": _("Case in the Zeg JA Team"),
    "zeg_ja_action": _("Action agreed in the Zeg JA Team"),
    "zeg_ja_minutes": _("Minutes of the Zeg JA Team"),
    "zeg_ja_reminder": _("Reminder of an action"),
}


def purpose_label(code: str) -> str:
    return str(PURPOSE_LABELS.get(code, code))


def activity_label(code: str) -> str:
    return str(ACTIVITY_LABELS.get(code, code))
