"""`werkpad remind` e-mails each owner one daily digest of their overdue actions: the person
named on the action, or else the organisation's members with a mandate. Case numbers only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tests.cases.conftest import Team
from tests.cases.factories import ActionFactory
from werkpad.accounts.models import User
from werkpad.organisations.roles import Role
from werkpad.privacy.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(settings) -> None:
    """The digest is written in the site's language; English here, to name the msgids."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def overdue(team: Team, user_with_role: Callable[..., User]) -> dict[str, object]:
    today = timezone.localdate()
    late = today - dt.timedelta(days=2)
    colleague = user_with_role(Role.PROFESSIONAL, team.member_org)
    ActionFactory(
        case=team.case,
        description="Container bestellen",
        owner_organisation=team.member_org,
        due_on=late,
    )
    ActionFactory(
        case=team.case,
        description="Vrijwilligers vragen",
        owner_organisation=team.member_org,
        due_on=late,
    )
    ActionFactory(
        case=team.case,
        description="Verhuurder bellen",
        owner_organisation=team.chair_org,
        owner_person=team.chair,
        due_on=late,
    )
    ActionFactory(
        case=team.case, description="Nog niet te laat", owner_organisation=team.member_org
    )
    ActionFactory(
        case=team.case,
        description="Al gedaan",
        owner_organisation=team.member_org,
        due_on=late,
        status="done",
        done_on=today,
    )
    return {"colleague": colleague}


def run(*args: str) -> str:
    out = StringIO()
    call_command("remind", *args, stdout=out)
    return out.getvalue()


def test_each_owner_gets_one_digest_of_their_overdue_actions(team: Team, overdue) -> None:
    output = run("--base-url", "https://werkpad.delft.example")

    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {team.member.email, team.chair.email}
    member_mail = by_recipient[team.member.email]
    assert "Container bestellen" in member_mail.body and "Vrijwilligers vragen" in member_mail.body
    assert "Nog niet te laat" not in member_mail.body and "Al gedaan" not in member_mail.body
    assert "2 days overdue" in member_mail.body
    assert "https://werkpad.delft.example/zeg-ja/acties/?overdue=1" in member_mail.body
    assert "Verhuurder bellen" in by_recipient[team.chair.email].body
    assert "Sent 2 reminders about 3 overdue actions." in output


def test_the_digest_names_case_numbers_never_the_candidate(team: Team, overdue) -> None:
    run()

    for message in mail.outbox:
        assert team.case.reference in message.body
        assert team.candidate.last_name not in message.body + message.subject
        assert team.candidate.bsn not in message.body


def test_an_organisation_without_mandate_holders_reaches_its_professionals(
    team: Team, overdue
) -> None:
    team.member.memberships.all().delete()

    run()

    assert overdue["colleague"].email in {m.to[0] for m in mail.outbox}


def test_every_action_mentioned_is_logged(team: Team, overdue) -> None:
    run()

    entries = ProcessingLogEntry.objects.filter(activity="zeg_ja_reminder")
    assert entries.count() == 3
    assert set(entries.values_list("purpose", flat=True)) == {"zeg_ja_team"}


def test_a_dry_run_sends_nothing(team: Team, overdue) -> None:
    output = run("--dry-run")

    assert not mail.outbox
    assert f"{team.member.email}: 2" in output
    assert "Would send 2 reminders about 3 overdue actions." in output


def test_nothing_overdue_sends_nothing(team: Team) -> None:
    assert "Sent 0 reminders about 0 overdue actions." in run()
    assert not mail.outbox
