"""Codes of the candidate portal and the candidate panel, with their Dutch labels."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

# Processing activities and purposes of this app, as they appear in the processing log.
PORTAL_ACTIVITY = "candidate_portal"  # the candidate reads or changes their own file
PORTAL_ACCOUNT_ACTIVITY = "candidate_portal_account"  # inviting, making the account
PANEL_ACTIVITY = "candidate_panel"  # the candidate panel: members, sessions, named ideas
NOTIFICATION_ACTIVITY = "candidate_notification"  # an e-mail to the candidate
CORRECTION_ACTIVITY = "correction_request"  # the candidate's request for a correction
# Taking part in the panel is the candidate's own choice (opt-in): its processing rests on it.
PANEL_PURPOSE = "candidate_panel"


class AccountOrigin(models.TextChoices):
    INVITATION = "invitation", _("Invitation by e-mail")
    OIDC = "oidc", _("DigiD (OpenID Connect)")
    DEMO = "demo", _("Demo account")


class IdeaSource(models.TextChoices):
    SESSION = "session", _("Panel session")
    PORTAL = "portal", _("Sent through the portal")


class CorrectionSubject(models.TextChoices):
    PERSONAL = "personal", _("My personal details")
    PLAN = "plan", _("My plan and actions")
    BARRIERS = "barriers", _("My barriers")
    LADDER = "ladder", _("My step on the ladder")
    CONSENTS = "consents", _("My consents")
    OTHER = "other", _("Something else")


class NotificationKind(models.TextChoices):
    PROPOSAL = "proposal", _("New proposal")
    ACTION = "action", _("New action")
    CONSENT_EXPIRING = "consent_expiring", _("Consent about to expire")
