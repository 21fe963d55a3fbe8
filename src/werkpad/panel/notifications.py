"""E-mail to candidates: a new proposal, a new action, a consent about to end.

`werkpad notify-candidates` runs this once a day. Each candidate gets at most one e-mail per
run, about events they were not told about before (each event is mailed once) and only of the
kinds they left switched on. The e-mail says what kind of news there is and links to the
portal; it names no organisation, offer or other detail, because e-mail leaves Werkpad's
access control. Each e-mail is recorded in the candidate's processing log.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from werkpad.candidates.models import PlanStep
from werkpad.cases.models import Action, ActionStatus
from werkpad.offers.codes import MatchStatus
from werkpad.offers.models import Match
from werkpad.panel.codes import NOTIFICATION_ACTIVITY, NotificationKind
from werkpad.panel.models import CandidateAccount, NotificationPreference, NotificationSent
from werkpad.privacy.codes import CANDIDATE_SELF_PURPOSE, LogAction
from werkpad.privacy.models import Consent
from werkpad.privacy.services import processing_log_write

CONSENT_WARNING_DAYS = 14


@dataclass
class CandidateNews:
    """What one candidate has not been told yet, by kind: (kind, object key) pairs."""

    account: CandidateAccount
    events: list[tuple[NotificationKind, str]] = field(default_factory=list)

    def count(self, kind: NotificationKind) -> int:
        return sum(1 for event_kind, _key in self.events if event_kind == kind)


def _accounts() -> list[CandidateAccount]:
    accounts = list(
        CandidateAccount.objects.filter(
            candidate__erased_at__isnull=True, user__is_active=True
        ).select_related("user", "candidate")
    )
    preferences = {
        p.account_id: p for p in NotificationPreference.objects.filter(account__in=accounts)
    }
    for account in accounts:
        account.preference = preferences.get(account.pk) or NotificationPreference(account=account)  # type: ignore[attr-defined]
    return accounts


def _events(
    accounts: list[CandidateAccount], *, today: date
) -> dict[Any, list[tuple[NotificationKind, str, Any]]]:
    """Every event that may be news, by candidate id: (kind, key, when it happened)."""
    candidate_ids = [a.candidate_id for a in accounts]
    events: dict[Any, list[tuple[NotificationKind, str, Any]]] = defaultdict(list)
    for match in Match.objects.filter(candidate_id__in=candidate_ids, status=MatchStatus.PROPOSED):
        events[match.candidate_id].append(
            (NotificationKind.PROPOSAL, f"match:{match.pk}", match.created_at)
        )
    for step in PlanStep.objects.filter(
        goal__candidate_id__in=candidate_ids, done_on__isnull=True
    ).select_related("goal"):
        events[step.goal.candidate_id].append(
            (NotificationKind.ACTION, f"planstep:{step.pk}", step.created_at)
        )
    for action in (
        Action.objects.filter(case__candidate_id__in=candidate_ids)
        .exclude(status=ActionStatus.DONE)
        .select_related("case")
    ):
        events[action.case.candidate_id].append(
            (NotificationKind.ACTION, f"action:{action.pk}", action.created_at)
        )
    expiring = Consent.objects.active(today).filter(
        candidate_id__in=candidate_ids,
        expires_on__lte=today + timedelta(days=CONSENT_WARNING_DAYS),
    )
    for consent in expiring:
        events[consent.candidate_id].append(
            (NotificationKind.CONSENT_EXPIRING, f"consent:{consent.pk}", None)
        )
    return events


def _wanted(preference: NotificationPreference, kind: NotificationKind) -> bool:
    return {
        NotificationKind.PROPOSAL: preference.new_proposal,
        NotificationKind.ACTION: preference.new_action,
        NotificationKind.CONSENT_EXPIRING: preference.consent_expiring,
    }[kind]


def candidate_news(*, today: date) -> list[CandidateNews]:
    """Per candidate account, the events to mail now.

    An event counts once; proposals and actions only when they came after the account was
    made (what was there before, the candidate sees on first login); switched-off kinds never.
    """
    accounts = _accounts()
    events = _events(accounts, today=today)
    already = set(
        NotificationSent.objects.filter(account__in=accounts).values_list(
            "account_id", "kind", "object_id"
        )
    )
    news = []
    for account in accounts:
        item = CandidateNews(account=account)
        for kind, key, happened in events.get(account.candidate_id, []):
            if (account.pk, kind, key) in already or not _wanted(account.preference, kind):  # type: ignore[attr-defined]
                continue
            if happened is not None and happened < account.created_at:
                continue
            item.events.append((kind, key))
        if item.events:
            news.append(item)
    return news


def _message(news: CandidateNews, *, base_url: str) -> EmailMessage:
    body = render_to_string(
        "panel/email/news.txt",
        {
            "first_name": news.account.candidate.first_name,
            "proposals": news.count(NotificationKind.PROPOSAL),
            "actions": news.count(NotificationKind.ACTION),
            "consents": news.count(NotificationKind.CONSENT_EXPIRING),
            "portal_url": f"{base_url}{reverse('panel:home')}",
            "settings_url": f"{base_url}{reverse('panel:notifications')}",
        },
    )
    return EmailMessage(
        subject=_("There is news for you in Werkpad"), body=body, to=[news.account.user.email]
    )


def candidate_notifications_send(
    *, today: date, base_url: str = "", dry_run: bool = False
) -> list[CandidateNews]:
    """Mail each candidate their news, remember what was told, log every e-mail."""
    with translation.override(settings.LANGUAGE_CODE):
        news = candidate_news(today=today)
        if dry_run:
            return news
        messages = [_message(item, base_url=base_url) for item in news]
        with transaction.atomic():
            NotificationSent.objects.bulk_create(
                [
                    NotificationSent(account=item.account, kind=kind, object_id=key)
                    for item in news
                    for kind, key in item.events
                ],
                ignore_conflicts=True,
            )
            for item in news:
                processing_log_write(
                    user=None,
                    organisation=None,
                    purpose=CANDIDATE_SELF_PURPOSE,
                    action=LogAction.LIST,
                    activity=NOTIFICATION_ACTIVITY,
                    object_type="candidateaccount",
                    object_id=item.account.pk,
                    candidate=item.account.candidate,
                )
        get_connection().send_messages(messages)
    return news


def summary(news: list[CandidateNews], *, dry_run: bool) -> str:
    """One line for the operator (in English, like Django's own command output)."""
    events = sum(len(item.events) for item in news)
    verb = "Would send" if dry_run else "Sent"
    return f"{verb} {len(news)} e-mails to candidates about {events} new things."
