"""A case is visible to the attendees of a meeting that has it on the agenda and to
organisations with the candidate's consent for the Zeg JA Team (or the legal basis); everyone
else gets 404. Every read is logged with the basis of access."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.candidates.factories import ConsentFactory
from tests.cases.conftest import Team
from tests.cases.factories import AttendanceFactory, MeetingFactory
from tests.factories import OrganisationFactory
from werkpad.accounts.models import User
from werkpad.organisations.models import Organisation
from werkpad.organisations.roles import Role
from werkpad.privacy.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db


def detail(team: Team) -> str:
    return reverse("cases:detail", kwargs={"case_id": team.case.pk})


def opens(team: Team, user: User) -> int:
    return team.client_for(user).get(detail(team)).status_code


def test_a_professional_outside_the_meeting_and_without_consent_gets_404(team: Team) -> None:
    assert opens(team, team.outsider) == 404
    assert team.api_for(team.outsider).get(f"/api/v1/cases/{team.case.pk}/").status_code == 404
    assert (
        team.api_for(team.outsider).get(f"/api/v1/cases/{team.case.pk}/decision/").status_code
        == 404
    )
    listed = team.client_for(team.outsider).get(reverse("cases:list")).content.decode()
    assert team.case.reference not in listed
    assert not ProcessingLogEntry.objects.filter(user_id=team.outsider.pk).exists()


def test_the_board_and_the_programme_lead_outside_the_meeting_get_404(team: Team) -> None:
    assert opens(team, team.board) == 404
    assert opens(team, team.programme_lead) == 404


def test_an_attendee_reads_on_the_submitting_organisations_consent(team: Team) -> None:
    assert opens(team, team.member) == 200

    entry = ProcessingLogEntry.objects.get(user_id=team.member.pk)
    assert (entry.action, entry.activity, entry.purpose) == ("view", "zeg_ja_case", "zeg_ja_team")
    assert entry.organisation == team.member_org.slug
    assert entry.candidate_id == team.candidate.pk
    assert entry.object_type == "case"


def test_the_submitting_professional_reads_on_their_own_consent(team: Team) -> None:
    assert opens(team, team.submitter) == 200

    entry = ProcessingLogEntry.objects.filter(user_id=team.submitter.pk, action="view").get()
    assert (entry.organisation, entry.purpose) == ("werkse", "zeg_ja_team")


def test_the_municipality_reads_its_own_client_on_the_legal_basis(
    team: Team, user_with_role: Callable[..., User]
) -> None:
    inkomen = Organisation.objects.get(slug="team-inkomen")
    professional = user_with_role(Role.PROFESSIONAL, inkomen)

    assert opens(team, professional) == 200
    entry = ProcessingLogEntry.objects.get(user_id=professional.pk)
    assert (entry.organisation, entry.purpose) == ("team-inkomen", "legal_basis")


def test_consent_for_another_purpose_does_not_open_the_case(
    team: Team, user_with_role: Callable[..., User]
) -> None:
    stunt = OrganisationFactory(slug="stichting-stunt", name="Stichting Stunt")
    ConsentFactory(candidate=team.candidate, organisation=stunt, purpose="debt_help")

    assert opens(team, user_with_role(Role.PROFESSIONAL, stunt)) == 404


def test_consent_for_the_zeg_ja_team_opens_the_case_for_that_organisation(
    team: Team, user_with_role: Callable[..., User]
) -> None:
    stunt = OrganisationFactory(slug="stichting-stunt", name="Stichting Stunt")
    ConsentFactory(candidate=team.candidate, organisation=stunt, purpose="zeg_ja_team")

    assert opens(team, user_with_role(Role.PROFESSIONAL, stunt)) == 200


def test_an_attendee_of_another_meeting_gets_404(team: Team) -> None:
    other = MeetingFactory(held_on=timezone.localdate())
    AttendanceFactory(
        meeting=other, user=team.outsider, organisation=Organisation.objects.get(slug="impegno")
    )

    assert opens(team, team.outsider) == 404


def test_when_the_consent_is_revoked_attendees_lose_the_case(team: Team) -> None:
    team.candidate.consents.filter(purpose="zeg_ja_team").update(revoked_on=timezone.localdate())

    assert opens(team, team.member) == 404
    assert opens(team, team.chair) == 404


def test_the_list_logs_each_case_shown(team: Team) -> None:
    response = team.client_for(team.member).get(reverse("cases:list"))

    assert team.case.reference in response.content.decode()
    entry = ProcessingLogEntry.objects.get(user_id=team.member.pk)
    assert (entry.action, entry.activity, entry.purpose) == ("list", "zeg_ja_case", "zeg_ja_team")


def test_minutes_name_a_case_only_for_who_may_open_it(team: Team) -> None:
    url = reverse("cases:minutes", kwargs={"meeting_id": team.meeting.pk})

    for_member = team.client_for(team.member).get(url).content.decode()
    for_outsider = team.client_for(team.outsider).get(url).content.decode()

    assert "Mohammed El Amrani" in for_member
    assert "Mohammed El Amrani" not in for_outsider
    assert f"{team.case.reference} (M.E.)" in for_outsider
