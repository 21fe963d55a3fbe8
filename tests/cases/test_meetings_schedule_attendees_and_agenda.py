"""Meetings: planned every three weeks by default (editable), everyone with a mandate invited,
an agenda of cases in order with a time box. Only the chair or the programme lead plans."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.candidates.factories import CandidateFactory, ConsentFactory
from tests.cases.conftest import Team
from tests.cases.factories import CaseFactory
from werkpad.accounts.models import User
from werkpad.cases.models import AgendaItem, Meeting
from werkpad.organisations.models import Membership
from werkpad.organisations.roles import Role

pytestmark = pytest.mark.django_db


def plan(team: Team, user: User, **overrides: str):
    first = timezone.localdate() + dt.timedelta(days=7)
    data = {
        "first_on": first.isoformat(),
        "interval_weeks": "3",
        "count": "4",
        "starts_at": "09:30",
        "location": "Stadskantoor, zaal 2",
        "chair": str(team.chair.pk),
        **overrides,
    }
    return team.client_for(user).post(reverse("cases:meeting-plan"), data)


def test_meetings_are_planned_every_three_weeks_by_default(team: Team) -> None:
    form = team.client_for(team.chair).get(reverse("cases:meeting-plan")).content.decode()
    response = plan(team, team.chair)

    assert 'name="interval_weeks" value="3"' in form
    assert response.status_code == 302
    planned = list(Meeting.objects.exclude(pk=team.meeting.pk).order_by("held_on"))
    gaps = {(b.held_on - a.held_on).days for a, b in zip(planned, planned[1:], strict=False)}
    assert len(planned) == 4
    assert gaps == {21}


def test_the_interval_can_be_changed(team: Team) -> None:
    plan(team, team.chair, interval_weeks="2", count="2")

    first, second = Meeting.objects.exclude(pk=team.meeting.pk).order_by("held_on")
    assert (second.held_on - first.held_on).days == 14


def test_every_member_with_a_mandate_is_invited_once(team: Team) -> None:
    Membership.objects.create(
        user=team.chair, organisation=team.member_org, role=Role.ZEG_JA_MEMBER
    )

    plan(team, team.chair, count="1")

    meeting = Meeting.objects.exclude(pk=team.meeting.pk).get()
    seats = {(a.user_id, a.organisation_id, a.role) for a in meeting.attendances.all()}
    assert seats == {
        (team.chair.pk, team.chair_org.pk, "chair"),
        (team.member.pk, team.member_org.pk, "zeg_ja_member"),
        (team.outsider.pk, team.outsider.memberships.get().organisation_id, "zeg_ja_member"),
    }


def test_only_the_chair_or_programme_lead_plans(team: Team) -> None:
    assert plan(team, team.member).status_code == 403
    assert plan(team, team.programme_lead).status_code == 302


def test_a_meeting_can_be_moved_and_a_stale_edit_is_refused(team: Team) -> None:
    url = reverse("cases:meeting-edit", kwargs={"meeting_id": team.meeting.pk})
    later = (team.meeting.held_on + dt.timedelta(days=1)).isoformat()
    client = team.client_for(team.chair)
    data = {"held_on": later, "starts_at": "10:00", "location": "Raadzaal", "chair": ""}

    moved = client.post(url, {**data, "version": team.meeting.version})
    stale = client.post(url, {**data, "version": team.meeting.version})

    assert moved.status_code == 302
    team.meeting.refresh_from_db()
    assert team.meeting.location == "Raadzaal"
    assert stale.status_code == 400
    assert "Someone else changed this record" in stale.content.decode()


def test_the_chair_plans_a_waiting_case_without_seeing_the_candidate(team: Team) -> None:
    waiting = CaseFactory(submitting_organisation=team.submitting, candidate=CandidateFactory())
    ConsentFactory(candidate=waiting.candidate, organisation=team.submitting, purpose="zeg_ja_team")
    client = team.client_for(team.chair)

    page = client.get(reverse("cases:meeting", kwargs={"meeting_id": team.meeting.pk}))
    response = client.post(
        reverse("cases:agenda-add", kwargs={"meeting_id": team.meeting.pk}),
        {"case": str(waiting.pk), "time_box_minutes": "20"},
    )

    assert waiting.reference in page.content.decode()
    assert waiting.candidate.last_name not in page.content.decode()
    assert response.status_code == 302
    item = AgendaItem.objects.get(case=waiting)
    assert (item.position, item.time_box_minutes) == (2, 20)
    waiting.refresh_from_db()
    assert waiting.status == "scheduled"


def test_the_agenda_order_and_time_box_can_be_changed(team: Team) -> None:
    second = CaseFactory(submitting_organisation=team.submitting, status="scheduled")
    AgendaItem.objects.create(meeting=team.meeting, case=second, position=2)
    first_item = team.case.agenda_items.get()
    client = team.client_for(team.chair)

    client.post(
        reverse(
            "cases:agenda-item", kwargs={"meeting_id": team.meeting.pk, "item_id": first_item.pk}
        ),
        {"move": "1", "time_box_minutes": "30"},
    )

    order = list(
        team.meeting.agenda_items.order_by("position").values_list("case_id", "time_box_minutes")
    )
    assert order == [(second.pk, 15), (team.case.pk, 30)]


def test_a_time_box_outside_5_to_120_minutes_is_refused(team: Team) -> None:
    item = team.case.agenda_items.get()
    client = team.client_for(team.chair)

    response = client.post(
        reverse("cases:agenda-item", kwargs={"meeting_id": team.meeting.pk, "item_id": item.pk}),
        {"time_box_minutes": "500"},
        follow=True,
    )

    assert "Give a time box of 5 to 120 minutes." in response.content.decode()
    item.refresh_from_db()
    assert item.time_box_minutes == 15


def test_taking_a_case_off_the_agenda_makes_it_wait_again(team: Team) -> None:
    item = team.case.agenda_items.get()

    team.client_for(team.submitter).post(
        reverse("cases:case-agenda", kwargs={"case_id": team.case.pk}), {"remove": str(item.pk)}
    )

    team.case.refresh_from_db()
    assert team.case.status == "submitted"
    assert not team.case.agenda_items.exists()


def test_only_members_with_a_mandate_can_be_invited(
    team: Team, user_with_role: Callable[..., User]
) -> None:
    professional = user_with_role(Role.PROFESSIONAL, team.member_org)
    membership = professional.memberships.get()

    response = team.client_for(team.chair).post(
        reverse("cases:attendance-add", kwargs={"meeting_id": team.meeting.pk}),
        {"membership": str(membership.pk)},
        follow=True,
    )

    assert "Choose a member with a mandate from the list." in response.content.decode()
    assert not team.meeting.attendances.filter(user=professional).exists()


def test_an_attendee_can_be_removed_and_invited_again(team: Team) -> None:
    attendance = team.meeting.attendances.get(user=team.member)
    client = team.client_for(team.chair)

    client.post(
        reverse(
            "cases:attendance-remove",
            kwargs={"meeting_id": team.meeting.pk, "attendance_id": attendance.pk},
        )
    )
    removed = not team.meeting.attendances.filter(user=team.member).exists()
    client.post(
        reverse("cases:attendance-add", kwargs={"meeting_id": team.meeting.pk}),
        {"membership": str(team.member.memberships.get().pk)},
    )

    assert removed
    assert team.meeting.attendances.filter(user=team.member).exists()
