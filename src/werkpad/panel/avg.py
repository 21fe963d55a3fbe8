"""The portal account in the candidate's export (AVG art. 15 and 20): the account with its
e-mail settings, and the invitations sent. Registered with the privacy app when this module is
imported, from `PanelConfig.ready()`.

The rest of the panel's part lives in `werkpad.panel.registry`: correction requests, panel
membership and ideas sent with a name in the export, and the erasure, which deletes the account
(its e-mail settings with it) and the invitations. Ideas sent anonymously hold no author, so they
are in no one's export and nothing of them can be erased for one candidate; a named idea is in
its author's export and loses its author on erasure, while its text and public answer stay with
the panel.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkpad.candidates.models import Candidate
from werkpad.panel.models import CandidateAccount, Invitation, NotificationPreference
from werkpad.privacy.avg import ExportSection, Row, register_export_section


def _account_rows(candidate: Candidate) -> list[Row]:
    rows = []
    for account in CandidateAccount.objects.filter(candidate=candidate).select_related(
        "user", "notification_preference"
    ):
        try:
            preference: NotificationPreference | None = account.notification_preference
        except NotificationPreference.DoesNotExist:
            preference = None
        last_login = account.user.last_login
        rows.append(
            {
                "email": account.user.email,
                "origin": account.origin,
                "origin_label": account.get_origin_display(),
                "created_at": timezone.localtime(account.created_at),
                "last_login": timezone.localtime(last_login) if last_login else None,
                # Without settings saved, every e-mail is on (the model's defaults).
                "mail_new_proposal": preference.new_proposal if preference else True,
                "mail_new_action": preference.new_action if preference else True,
                "mail_consent_expiring": preference.consent_expiring if preference else True,
            }
        )
    return rows


def _invitation_rows(candidate: Candidate) -> list[Row]:
    return [
        {
            "sent_at": timezone.localtime(invitation.created_at),
            "email": invitation.email,
            "organisation_name": invitation.organisation.name,
            "expires_at": timezone.localtime(invitation.expires_at),
            "used_at": timezone.localtime(invitation.used_at) if invitation.used_at else None,
        }
        for invitation in Invitation.objects.filter(candidate=candidate)
        .select_related("organisation")
        .order_by("created_at")
    ]


PORTAL_EXPORT_SECTIONS = (
    ExportSection(
        key="portal_account",
        title=_("Your account for the portal"),
        rows=_account_rows,
        columns=(
            ("email", _("e-mail address")),
            ("origin_label", _("made through")),
            ("created_at", _("made on")),
            ("last_login", _("last signed in")),
            ("mail_new_proposal", _("a new proposal for me")),
            ("mail_new_action", _("a new action or step in my plan")),
            ("mail_consent_expiring", _("a consent of mine that is about to end")),
        ),
    ),
    ExportSection(
        key="portal_invitations",
        title=_("Invitations to the portal"),
        rows=_invitation_rows,
        columns=(
            ("sent_at", _("sent on")),
            ("email", _("e-mail address")),
            ("organisation_name", _("for organisation")),
            ("expires_at", _("valid until")),
            ("used_at", _("used at")),
        ),
    ),
)

for _section in PORTAL_EXPORT_SECTIONS:
    register_export_section(_section)
