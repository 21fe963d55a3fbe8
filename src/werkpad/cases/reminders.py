"""The daily digest of overdue actions: one e-mail per person, whatever the number of actions.

An action with an owner person goes to that person; one owned by an organisation only goes to
its members with a mandate (role zeg_ja_member), or, when it has none, to its other
professionals. The e-mail names case numbers, never candidates: mail leaves Werkpad's access
control. Each action mentioned is recorded in the processing log.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext

from werkpad.accounts.models import User
from werkpad.cases.models import Action, ActionStatus
from werkpad.cases.selectors import submitting_basis_active
from werkpad.organisations.models import Membership
from werkpad.organisations.roles import Role
from werkpad.privacy.access import CASEWORK_ROLES
from werkpad.privacy.codes import LogAction, Purpose
from werkpad.privacy.services import processing_log_write

REMINDER_ACTIVITY = "zeg_ja_reminder"


@dataclass(frozen=True)
class Digest:
    recipient: User
    actions: list[Action]


def overdue_actions(*, today: date) -> list[Action]:
    """Open actions past their due date, of cases whose candidate still consents."""
    return list(
        Action.objects.exclude(status=ActionStatus.DONE)
        .filter(due_on__lt=today, case__candidate__erased_at__isnull=True)
        .filter(submitting_basis_active("case__"))
        .select_related("case", "case__candidate", "owner_organisation", "owner_person")
        .order_by("due_on", "case__number")
    )


def digests(*, today: date) -> list[Digest]:
    actions = overdue_actions(today=today)
    organisation_ids = {a.owner_organisation_id for a in actions if a.owner_person is None}
    members: dict[Any, dict[str, set[User]]] = defaultdict(lambda: defaultdict(set))
    for membership in Membership.objects.filter(
        organisation_id__in=organisation_ids, role__in=CASEWORK_ROLES, user__is_active=True
    ).select_related("user"):
        members[membership.organisation_id][membership.role].add(membership.user)
    by_recipient: dict[User, list[Action]] = defaultdict(list)
    for action in actions:
        if action.owner_person is not None and action.owner_person.is_active:
            by_recipient[action.owner_person].append(action)
            continue
        roles = members.get(action.owner_organisation_id, {})
        mandated = roles.get(Role.ZEG_JA_MEMBER) or set().union(*roles.values())
        for user in mandated:
            by_recipient[user].append(action)
    return [
        Digest(recipient=user, actions=items)
        for user, items in sorted(by_recipient.items(), key=lambda pair: pair[0].email)
    ]


def _message(digest: Digest, *, today: date, base_url: str) -> EmailMessage:
    count = len(digest.actions)
    body = render_to_string(
        "cases/email/overdue_digest.txt",
        {
            "recipient": digest.recipient,
            "rows": [(a, (today - a.due_on).days) for a in digest.actions],
            "url": f"{base_url}{reverse('cases:my-actions')}?overdue=1",
        },
    )
    subject = ngettext(
        "Werkpad: %(count)s action is overdue", "Werkpad: %(count)s actions are overdue", count
    ) % {"count": count}
    return EmailMessage(subject=subject, body=body, to=[digest.recipient.email])


def reminders_send(*, today: date, base_url: str = "", dry_run: bool = False) -> list[Digest]:
    """Send each person their digest of overdue actions; log every action mentioned."""
    with translation.override(settings.LANGUAGE_CODE):
        to_send = digests(today=today)
        if dry_run:
            return to_send
        messages = [_message(d, today=today, base_url=base_url) for d in to_send]
        with transaction.atomic():
            for digest in to_send:
                for action in digest.actions:
                    processing_log_write(
                        user=None,
                        organisation=action.owner_organisation,
                        purpose=Purpose.ZEG_JA_TEAM,
                        action=LogAction.LIST,
                        activity=REMINDER_ACTIVITY,
                        object_type="action",
                        object_id=action.pk,
                        candidate=action.case.candidate,
                    )
        get_connection().send_messages(messages)
    return to_send


def summary(sent: list[Digest], *, dry_run: bool) -> str:
    """One line for the operator (the command's output is English, like Django's own)."""
    actions = len({a.pk for d in sent for a in d.actions})
    verb = "Would send" if dry_run else "Sent"
    return f"{verb} {len(sent)} reminders about {actions} overdue actions."
