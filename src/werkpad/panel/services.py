"""Writes of the candidate portal and the candidate panel.

Every write that touches a candidate's personal data logs itself in the processing log in the
same transaction. A candidate acts for themself: their entries carry no organisation and the
purpose `candidate_self`. Professionals act through the access policy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from uuid import UUID

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from werkpad.accounts.models import User
from werkpad.candidates.models import Candidate
from werkpad.candidates.selectors import CandidateView
from werkpad.core.concurrency import save_with_version
from werkpad.offers.codes import MatchStatus
from werkpad.offers.models import Match, MatchTransition, Offer
from werkpad.offers.workflow import Actor, check_transition
from werkpad.organisations.models import Membership, Organisation
from werkpad.panel.codes import (
    CORRECTION_ACTIVITY,
    PANEL_ACTIVITY,
    PORTAL_ACCOUNT_ACTIVITY,
    AccountOrigin,
    CorrectionSubject,
    IdeaSource,
)
from werkpad.panel.models import (
    CandidateAccount,
    CorrectionRequest,
    Idea,
    Invitation,
    NotificationPreference,
    PanelMember,
    PanelSession,
)
from werkpad.panel.selectors import (
    PANEL_MANAGER_ROLES,
    consent_get,
    correction_request_get,
    invitation_for_token,
    panel_list_log,
    proposal_get,
    staff_organisation,
    user_roles,
)
from werkpad.panel.tokens import new_token, token_hash
from werkpad.panel.workflow import CORRECTION_WORKFLOW, IDEA_WORKFLOW, CorrectionStatus
from werkpad.privacy.codes import CANDIDATE_SELF_PURPOSE, Confidentiality, LogAction, Purpose
from werkpad.privacy.models import Consent
from werkpad.privacy.services import (
    consent_grant,
    consent_revoke,
    processing_log_write,
    processing_log_write_for_access,
)

INVITATION_DAYS = 7
MATCHING_ACTIVITY = "matching"
# In the transition table the steps `candidate_agreed` and `candidate_declined` are the
# caseworker's (who records the candidate's answer); in the portal the candidate gives that same
# answer themself, so the table is consulted with the caseworker's part. The portal only ever
# asks for one of those two targets, so no other step (a provider's, a withdrawal) is reachable.
CANDIDATE_ANSWER_ACTORS = frozenset({Actor.CASEWORKER})


def _self_log(
    *,
    account: CandidateAccount,
    action: LogAction,
    activity: str,
    obj: Any,
    confidentiality: Confidentiality = Confidentiality.NORMAL,
) -> None:
    """The processing-log entry of something the candidate did themself in the portal."""
    processing_log_write(
        user=account.user,
        organisation=None,
        purpose=CANDIDATE_SELF_PURPOSE,
        action=action,
        activity=activity,
        object_type=obj._meta.model_name,
        object_id=obj.pk,
        candidate=account.candidate,
        confidentiality=confidentiality,
    )


# --- Candidate accounts -----------------------------------------------------------------------


@dataclass(frozen=True)
class SentInvitation:
    invitation: Invitation
    link: str


def _check_can_get_account(candidate: Candidate, email: str) -> None:
    if CandidateAccount.objects.filter(candidate=candidate).exists():
        raise ValidationError(_("This candidate already has an account for the portal."))
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError(
            {"email": _("This e-mail address already belongs to an account. Use another one.")}
        )


@transaction.atomic
def invitation_send(
    *, acting_user: Any, view: CandidateView, email: str, base_url: str
) -> SentInvitation:
    """Invite a candidate the professional sees to make their portal account.

    Rules: the candidate has no account yet; the e-mail address belongs to no account; the link
    is valid for 7 days and can be used once; a new invitation cancels the open ones. Only the
    hash of the token is stored; the e-mail (sent after the commit) holds the link.
    """
    email = email.strip().lower()
    _check_can_get_account(view.candidate, email)
    now = timezone.now()
    Invitation.objects.filter(
        candidate=view.candidate, used_at__isnull=True, cancelled_at__isnull=True
    ).update(cancelled_at=now, updated_at=now)
    token = new_token()
    invitation = Invitation.objects.create(
        candidate=view.candidate,
        email=email,
        token_hash=token_hash(token),
        expires_at=now + timedelta(days=INVITATION_DAYS),
        invited_by=acting_user,
        organisation=view.access.organisation,
    )
    processing_log_write_for_access(
        user=acting_user,
        access=view.access,
        action=LogAction.CREATE,
        activity=PORTAL_ACCOUNT_ACTIVITY,
        candidate=view.candidate,
        object_type="invitation",
        object_id=invitation.pk,
    )
    link = f"{base_url.rstrip('/')}{reverse('panel:invitation-accept', kwargs={'token': token})}"
    message = _invitation_message(invitation, link)
    transaction.on_commit(lambda: message.send())
    return SentInvitation(invitation=invitation, link=link)


def _invitation_message(invitation: Invitation, link: str) -> EmailMessage:
    with translation.override("nl"):
        body = render_to_string(
            "panel/email/invitation.txt",
            {
                "first_name": invitation.candidate.first_name,
                "organisation": invitation.organisation.name,
                "link": link,
                "valid_until": timezone.localtime(invitation.expires_at),
            },
        )
        subject = _("Your own page in Werkpad")
    return EmailMessage(subject=subject, body=body, to=[invitation.email])


@transaction.atomic
def invitation_accept(*, token: str, password: str) -> User:
    """Make the candidate's account from an open invitation, with the password they chose.

    Rules: the invitation is open (not used, not cancelled, not older than 7 days); it is used
    once; the password passes Django's validators. The account has no Membership. The second
    factor is set up right after (the accounts app's setup page).
    """
    found = invitation_for_token(token)
    if found is None:
        raise ValidationError(_("This link is no longer valid. Ask your contact for a new one."))
    invitation = Invitation.objects.select_for_update().get(pk=found.pk)
    if not invitation.is_open():
        raise ValidationError(_("This link is no longer valid. Ask your contact for a new one."))
    candidate = found.candidate
    _check_can_get_account(candidate, invitation.email)
    user = User(email=invitation.email, full_name=candidate.full_name)
    validate_password(password, user)
    user.set_password(password)
    user.save()
    account = candidate_account_create(
        user=user, candidate=candidate, origin=AccountOrigin.INVITATION
    )
    invitation.used_at = timezone.now()
    invitation.save(update_fields=["used_at", "updated_at"])
    _self_log(
        account=account, action=LogAction.CREATE, activity=PORTAL_ACCOUNT_ACTIVITY, obj=account
    )
    return user


def candidate_account_create(*, user: User, candidate: Candidate, origin: str) -> CandidateAccount:
    """Link a user to one candidate. A user who works for an organisation cannot be one."""
    if Membership.objects.filter(user_id=user.pk).exists():
        raise ValidationError(_("An account of a professional cannot be a candidate's account."))
    account = CandidateAccount.objects.create(user=user, candidate=candidate, origin=origin)
    NotificationPreference.objects.create(account=account)
    return account


@transaction.atomic
def digid_account_create(*, candidate: Candidate) -> User:
    """The candidate's first login with DigiD (`werkpad.panel.oidc`) makes their account.

    DigiD gives no e-mail address; a placeholder keeps the e-mail field unique, and the account
    has no password (the broker's DigiD login is the only way in). Logged like an account made
    from an invitation.
    """
    user = User(
        email=f"digid-{candidate.pk}@candidates.werkpad.invalid", full_name=candidate.full_name
    )
    user.set_unusable_password()
    user.save()
    account = candidate_account_create(user=user, candidate=candidate, origin=AccountOrigin.OIDC)
    _self_log(
        account=account, action=LogAction.CREATE, activity=PORTAL_ACCOUNT_ACTIVITY, obj=account
    )
    return user


# --- Proposals ----------------------------------------------------------------------------------


@transaction.atomic
def proposal_answer(
    *,
    account: CandidateAccount,
    match_id: UUID | str,
    agree: bool,
    reason: str,
    expected_version: int,
) -> Match:
    """The candidate answers a proposal: "ja, graag" or "liever niet" (with a reason).

    The step goes through the match flow's transition table (`werkpad.offers.workflow`): only a
    proposal with status `proposed` can be answered, and only once. The step is recorded like
    every step of the flow (who, when) and in the processing log.
    """
    match = proposal_get(account=account, match_id=match_id, log=False)
    target = MatchStatus.CANDIDATE_AGREED if agree else MatchStatus.CANDIDATE_DECLINED
    transition = check_transition(
        source=match.status, target=target, actors=CANDIDATE_ANSWER_ACTORS
    )
    fields: dict[str, Any] = {"status": target}
    if transition.needs_reason:
        if not reason.strip():
            raise ValidationError({"reason": _("Tell us why not. It helps us find a better fit.")})
        fields["decline_reason"] = reason.strip()
    source = match.status
    match = save_with_version(match, expected_version=expected_version, fields=fields)
    MatchTransition.objects.create(
        match=match, source=source, target=target, acting_user=account.user, organisation=None
    )
    _self_log(account=account, action=LogAction.UPDATE, activity=MATCHING_ACTIVITY, obj=match)
    return match


# --- Consents -----------------------------------------------------------------------------------


@transaction.atomic
def portal_consent_grant(
    *,
    account: CandidateAccount,
    organisation: Organisation,
    purpose: Purpose,
    expires_on: date | None,
) -> Consent:
    """The candidate gives an organisation consent for one purpose, from today.

    Refused when that consent is already in force (no double rows).
    """
    if (
        Consent.objects.active()
        .filter(candidate=account.candidate, organisation=organisation, purpose=purpose)
        .exists()
    ):
        raise ValidationError(
            _("%(organisation)s already has your consent for this.")
            % {"organisation": organisation.name}
        )
    return consent_grant(
        acting_user=account.user,
        access=None,
        candidate=account.candidate,
        organisation=organisation,
        purpose=purpose,
        granted_on=timezone.localdate(),
        expires_on=expires_on,
        evidence_note=_("Given by the candidate in the portal."),
    )


@transaction.atomic
def portal_consent_revoke(*, account: CandidateAccount, consent_id: UUID | str) -> Consent:
    """The candidate withdraws a consent of their own. It takes effect at once."""
    consent = consent_get(account=account, consent_id=consent_id)
    return consent_revoke(acting_user=account.user, access=None, consent=consent)


# --- Correction requests ----------------------------------------------------------------------


@transaction.atomic
def correction_request_create(
    *, account: CandidateAccount, subject: CorrectionSubject, description: str
) -> CorrectionRequest:
    """The candidate asks for a correction: a task for their lead organisation."""
    if not description.strip():
        raise ValidationError({"description": _("Write what is wrong.")})
    request = CorrectionRequest.objects.create(
        candidate=account.candidate,
        organisation=account.candidate.lead_organisation,
        subject=subject,
        description=description.strip(),
    )
    _self_log(
        account=account,
        action=LogAction.CREATE,
        activity=CORRECTION_ACTIVITY,
        obj=request,
        confidentiality=Confidentiality.SPECIAL,
    )
    return request


@transaction.atomic
def correction_request_transition(
    *,
    acting_user: Any,
    request_id: UUID | str,
    target: str,
    answer: str,
    expected_version: int,
) -> CorrectionRequest:
    """A professional of the lead organisation moves a correction request along its table;
    done and rejected need an answer the candidate reads in the portal."""
    view = correction_request_get(user=acting_user, request_id=request_id, log=False)
    request = view.request
    CORRECTION_WORKFLOW.check(source=request.status, target=target, answer=answer)
    fields: dict[str, Any] = {"status": target, "answer": answer.strip()}
    if target in (CorrectionStatus.DONE, CorrectionStatus.REJECTED):
        fields.update(handled_by=acting_user, handled_on=timezone.localdate())
    request = save_with_version(request, expected_version=expected_version, fields=fields)
    processing_log_write_for_access(
        user=acting_user,
        access=view.access,
        action=LogAction.UPDATE,
        activity=CORRECTION_ACTIVITY,
        candidate=request.candidate,
        object_type="correctionrequest",
        object_id=request.pk,
    )
    return request


# --- Notification settings ----------------------------------------------------------------------


@transaction.atomic
def notification_preference_update(
    *,
    account: CandidateAccount,
    expected_version: int,
    new_proposal: bool,
    new_action: bool,
    consent_expiring: bool,
) -> NotificationPreference:
    preference, _created = NotificationPreference.objects.get_or_create(account=account)
    return save_with_version(
        preference,
        expected_version=expected_version,
        fields={
            "new_proposal": new_proposal,
            "new_action": new_action,
            "consent_expiring": consent_expiring,
        },
    )


# --- The candidate panel ----------------------------------------------------------------------


@transaction.atomic
def panel_join(*, account: CandidateAccount) -> PanelMember:
    """The candidate chooses to take part in the candidate panel (again)."""
    member, created = PanelMember.objects.get_or_create(
        candidate=account.candidate, defaults={"joined_on": timezone.localdate()}
    )
    if not created and member.left_on is not None:
        member = save_with_version(
            member,
            expected_version=member.version,
            fields={"joined_on": timezone.localdate(), "left_on": None},
        )
    _self_log(
        account=account,
        action=LogAction.CREATE if created else LogAction.UPDATE,
        activity=PANEL_ACTIVITY,
        obj=member,
    )
    return member


@transaction.atomic
def panel_leave(*, account: CandidateAccount) -> PanelMember:
    """The candidate stops taking part; they are no longer invited to sessions."""
    member = PanelMember.objects.filter(candidate=account.candidate, left_on__isnull=True).first()
    if member is None:
        raise ValidationError(_("You are not a member of the candidate panel."))
    member = save_with_version(
        member, expected_version=member.version, fields={"left_on": timezone.localdate()}
    )
    for session in member.sessions.filter(held_on__gte=timezone.localdate()):
        session.invitees.remove(member)
    _self_log(account=account, action=LogAction.UPDATE, activity=PANEL_ACTIVITY, obj=member)
    return member


def _anonymous_moment(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(12)))


@transaction.atomic
def idea_submit(*, account: CandidateAccount, text: str, anonymous: bool) -> Idea:
    """A candidate sends an idea through the portal, with their name or anonymously.

    An anonymous idea keeps no trace of its author: no author link, no processing-log entry
    (which would name the candidate), and its timestamps are blurred to the day, so it cannot
    be matched to the portal's other log entries by the minute. No law requires knowing who
    sent an idea: it is feedback on the programme, not a decision about a person.
    """
    if not text.strip():
        raise ValidationError({"text": _("Write your idea.")})
    today = timezone.localdate()
    idea = Idea.objects.create(
        text=text.strip(),
        source=IdeaSource.PORTAL,
        author=None if anonymous else account.candidate,
        anonymous=anonymous,
        received_on=today,
    )
    if anonymous:
        moment = _anonymous_moment(today)
        Idea.objects.filter(pk=idea.pk).update(created_at=moment, updated_at=moment)
    else:
        _self_log(account=account, action=LogAction.CREATE, activity=PANEL_ACTIVITY, obj=idea)
    return idea


def panel_manager_check(*, user: Any) -> None:
    """Only the programme lead manages sessions and answers ideas."""
    if not user_roles(user) & PANEL_MANAGER_ROLES:
        raise PermissionDenied(_("Only the programme lead can do this."))


@transaction.atomic
def idea_record(
    *, acting_user: Any, session: PanelSession, text: str, received_on: date | None = None
) -> Idea:
    """The programme lead writes down an idea from a panel session (without a name)."""
    panel_manager_check(user=acting_user)
    if not text.strip():
        raise ValidationError({"text": _("Write the idea.")})
    return Idea.objects.create(
        text=text.strip(),
        source=IdeaSource.SESSION,
        session=session,
        received_on=received_on or session.held_on,
    )


@dataclass(frozen=True)
class IdeaLinks:
    pilot_name: str = ""
    pilot_url: str = ""
    zeg_ja_signal: str = ""
    offer: Offer | None = None


@transaction.atomic
def idea_update(
    *,
    acting_user: Any,
    idea: Idea,
    expected_version: int,
    status: str,
    public_answer: str,
    links: IdeaLinks,
) -> Idea:
    """The programme lead sets an idea's status, its public answer and its links.

    A status change follows the transition table; a decided status needs a public answer,
    which cannot be removed once given. The first answer dates `answered_on` (for "how fast").
    """
    panel_manager_check(user=acting_user)
    answer = public_answer.strip()
    if status != idea.status:
        IDEA_WORKFLOW.check(source=idea.status, target=status, answer=answer)
    elif idea.public_answer and not answer:
        raise ValidationError({"answer": _("An answer that was given cannot be removed.")})
    fields: dict[str, Any] = {
        "status": status,
        "public_answer": answer,
        "pilot_name": links.pilot_name.strip(),
        "pilot_url": links.pilot_url.strip(),
        "zeg_ja_signal": links.zeg_ja_signal,
        "offer": links.offer,
    }
    if answer and idea.answered_on is None:
        fields.update(
            answered_on=max(timezone.localdate(), idea.received_on), answered_by=acting_user
        )
    return save_with_version(idea, expected_version=expected_version, fields=fields)


@transaction.atomic
def panel_session_save(
    *,
    acting_user: Any,
    session: PanelSession | None,
    expected_version: int | None,
    held_on: date,
    topic: str,
    location: str,
    notes: str,
    invitees: Sequence[PanelMember],
) -> PanelSession:
    """Plan a panel session or change one; invitees are active panel members only."""
    panel_manager_check(user=acting_user)
    if any(not member.is_active for member in invitees):
        raise ValidationError({"invitees": _("Only current panel members can be invited.")})
    fields = {
        "held_on": held_on,
        "topic": topic.strip(),
        "location": location.strip(),
        "notes": notes,
    }
    if session is None:
        session = PanelSession.objects.create(created_by=acting_user, **fields)
    else:
        session = save_with_version(session, expected_version=expected_version or 0, fields=fields)
    session.invitees.set(invitees)
    # Inviting members processes their names: one entry each.
    panel_list_log(
        user=acting_user,
        organisation=staff_organisation(user=acting_user),
        rows=[(member.candidate, session) for member in invitees],
        action=LogAction.UPDATE,
    )
    return session
