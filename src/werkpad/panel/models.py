"""The candidate portal (accounts, invitations, notification settings, correction requests) and
the candidate panel (members, sessions, ideas with their public answer).

A candidate account is a User linked to exactly one Candidate. It never has a Membership, so
the access policy (`visible_candidates`) gives it nothing; the portal reads only through
`CandidateAccount.candidate`.

Anonymous ideas keep no link to their author at all: no law asks Werkpad to know who sent an
idea (it is feedback to the programme, not a decision about a person), so the only way to keep
the promise "nobody sees your name" is to not store it. See `werkpad.panel.services.idea_submit`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkpad.cases.models import KnelpuntKind
from werkpad.core.models import BaseModel
from werkpad.panel.codes import AccountOrigin, CorrectionSubject, IdeaSource, NotificationKind
from werkpad.panel.workflow import CorrectionStatus, IdeaStatus
from werkpad.privacy.encryption import EncryptedTextField


class CandidateAccount(BaseModel):
    """A login for one candidate: their own file, never anyone else's."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="candidate_account",
        verbose_name=_("user"),
    )
    candidate = models.OneToOneField(
        "candidates.Candidate",
        on_delete=models.CASCADE,
        related_name="portal_account",
        verbose_name=_("candidate"),
    )
    origin = models.CharField(_("made through"), max_length=20, choices=AccountOrigin.choices)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("candidate account")
        verbose_name_plural = _("candidate accounts")

    def __str__(self) -> str:
        return str(self.user)


class Invitation(BaseModel):
    """An e-mailed link to make a candidate account: valid for 7 days, used once.

    Only the SHA-256 hash of the token is stored, so a copy of the database opens no account.
    """

    candidate = models.ForeignKey(
        "candidates.Candidate", on_delete=models.CASCADE, related_name="portal_invitations"
    )
    email = models.EmailField(_("e-mail address"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField(_("valid until"))
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("for organisation"),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def is_open(self) -> bool:
        return (
            self.used_at is None and self.cancelled_at is None and self.expires_at > timezone.now()
        )


class NotificationPreference(BaseModel):
    """Which e-mails the candidate wants; each one can be switched off."""

    account = models.OneToOneField(
        CandidateAccount, on_delete=models.CASCADE, related_name="notification_preference"
    )
    new_proposal = models.BooleanField(_("a new proposal for me"), default=True)
    new_action = models.BooleanField(_("a new action or step in my plan"), default=True)
    consent_expiring = models.BooleanField(
        _("a consent of mine that is about to end"), default=True
    )

    class Meta:
        verbose_name = _("notification settings")
        verbose_name_plural = _("notification settings")


class NotificationSent(models.Model):
    """What the candidate has been told about already: each event is mailed once."""

    account = models.ForeignKey(
        CandidateAccount, on_delete=models.CASCADE, related_name="notifications_sent"
    )
    kind = models.CharField(max_length=20, choices=NotificationKind.choices)
    object_id = models.CharField(max_length=64)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["account", "kind", "object_id"], name="notification_sent_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"


class CorrectionRequest(BaseModel):
    """The candidate asks to correct their data: a task for their lead organisation."""

    candidate = models.ForeignKey(
        "candidates.Candidate", on_delete=models.CASCADE, related_name="correction_requests"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="correction_requests",
        verbose_name=_("lead organisation"),
    )
    subject = models.CharField(_("about"), max_length=20, choices=CorrectionSubject.choices)
    # Free text about one's own file may mention health: encrypted like the dossier's notes.
    description = EncryptedTextField(_("what is wrong, and what it should be"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=CorrectionStatus.choices,
        default=CorrectionStatus.OPEN,
        db_index=True,
    )
    answer = EncryptedTextField(_("answer to the candidate"), blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handled by"),
    )
    handled_on = models.DateField(_("handled on"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("correction request")
        verbose_name_plural = _("correction requests")
        indexes = [models.Index(fields=["organisation", "status"])]


class PanelMember(BaseModel):
    """A candidate who chose to take part in the candidate panel (opt-in; leaving is free)."""

    candidate = models.OneToOneField(
        "candidates.Candidate", on_delete=models.CASCADE, related_name="panel_membership"
    )
    joined_on = models.DateField(_("member since"))
    left_on = models.DateField(_("left on"), null=True, blank=True)

    class Meta:
        ordering = ["joined_on"]
        verbose_name = _("panel member")
        verbose_name_plural = _("panel members")

    @property
    def is_active(self) -> bool:
        return self.left_on is None


class PanelSession(BaseModel):
    """A meeting of the candidate panel."""

    held_on = models.DateField(_("date"), db_index=True)
    topic = models.CharField(_("topic"), max_length=200)
    location = models.CharField(_("location"), max_length=200, blank=True)
    invitees = models.ManyToManyField(
        PanelMember, blank=True, related_name="sessions", verbose_name=_("invited members")
    )
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-held_on"]
        verbose_name = _("panel session")
        verbose_name_plural = _("panel sessions")

    def __str__(self) -> str:
        return f"{self.held_on:%d-%m-%Y} {self.topic}"


class Idea(BaseModel):
    """An idea or feedback of candidates, with its status and the public answer
    "wat we ermee deden"; linkable to a pilot, a Zeg JA signal or an offer."""

    text = models.TextField(_("idea"), max_length=2000)
    source = models.CharField(_("came in through"), max_length=10, choices=IdeaSource.choices)
    session = models.ForeignKey(
        PanelSession,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ideas",
        verbose_name=_("panel session"),
    )
    # Empty for an anonymous idea: the author is not stored at all (see the module docstring).
    author = models.ForeignKey(
        "candidates.Candidate",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="panel_ideas",
    )
    anonymous = models.BooleanField(_("anonymous"), default=False)
    received_on = models.DateField(_("received on"), db_index=True)
    status = models.CharField(
        _("status"), max_length=20, choices=IdeaStatus.choices, default=IdeaStatus.RECEIVED
    )
    public_answer = models.TextField(_("what we did with it"), max_length=3000, blank=True)
    answered_on = models.DateField(_("first answered on"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Until the monitor has its Pilot register, a pilot is named here (and linked by URL).
    pilot_name = models.CharField(_("pilot"), max_length=200, blank=True)
    pilot_url = models.URLField(_("link to the pilot"), blank=True)
    zeg_ja_signal = models.CharField(
        _("Zeg JA signal"), max_length=20, choices=KnelpuntKind.choices, blank=True
    )
    offer = models.ForeignKey(
        "offers.Offer",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="panel_ideas",
        verbose_name=_("offer"),
    )

    class Meta:
        ordering = ["-received_on", "-created_at"]
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        constraints = [
            models.CheckConstraint(
                condition=Q(anonymous=False) | Q(author__isnull=True),
                name="idea_anonymous_has_no_author",
            ),
            models.CheckConstraint(
                condition=Q(answered_on__isnull=True) | Q(answered_on__gte=models.F("received_on")),
                name="idea_answered_after_received",
            ),
        ]

    @property
    def days_to_answer(self) -> int | None:
        return (self.answered_on - self.received_on).days if self.answered_on else None
