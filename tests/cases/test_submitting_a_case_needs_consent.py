"""Submitting a case needs the candidate's consent for the Zeg JA Team for the submitting
organisation (or the municipality's legal basis). Without it the form says so and links to
recording the consent in the dossier."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.candidates.factories import BarrierFactory, CandidateFactory, ConsentFactory
from tests.cases.conftest import Team
from tests.factories import OrganisationFactory
from werkpad.cases.models import Case
from werkpad.privacy.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db

SUBMIT = reverse("cases:submit")


@pytest.fixture
def guided(team: Team):
    """A candidate Werkse! guides (consent for work guidance) but may not bring to the team."""
    candidate = CandidateFactory(first_name="Fatima", last_name="Yilmaz")
    ConsentFactory(candidate=candidate, organisation=team.submitting, purpose="work_guidance")
    return candidate


def form_data(**overrides: object) -> dict[str, object]:
    return {
        "organisation": "",
        "knelpunt_kinds": ["debts", "childcare"],
        "barrier_description": "Schulden en geen opvang voor haar zoon van drie.",
        "tried": "Budgetcoaching en een aanvraag kinderopvangtoeslag.",
        "question": "Wie regelt opvang terwijl de schuldhulp loopt?",
        "urgency": "high",
        "meeting": "",
        **overrides,
    }


def test_without_consent_the_form_says_so_and_links_to_the_dossier(team: Team, guided) -> None:
    response = team.client_for(team.submitter).get(f"{SUBMIT}?kandidaat={guided.pk}")

    page = response.content.decode()
    assert "has not given your organisation consent to discuss their situation" in page
    consent_link = f"/kandidaten/{guided.pk}/"
    assert consent_link in page
    assert 'name="question"' not in page


def test_without_consent_a_forged_post_stores_nothing(team: Team, guided) -> None:
    before = Case.objects.count()

    response = team.client_for(team.submitter).post(
        f"{SUBMIT}?kandidaat={guided.pk}", form_data(organisation=str(team.submitting.pk))
    )

    assert response.status_code == 200  # the page with the consent message, no form
    assert "has not given your organisation consent" in response.content.decode()
    assert Case.objects.count() == before


def test_the_api_refuses_a_case_without_consent(team: Team, guided) -> None:
    response = team.api_for(team.submitter).post(
        "/api/v1/cases/",
        {
            "candidate": str(guided.pk),
            "submitting_organisation": "werkse",
            "tried": "Alles.",
            "question": "Wat nu?",
            "knelpunt_kinds": ["debts"],
        },
        format="json",
    )

    assert response.status_code == 400
    assert "Record the consent first" in response.json()["errors"]["non_field_errors"][0]


def test_a_candidate_the_professional_may_not_see_answers_404(team: Team) -> None:
    stranger = CandidateFactory()

    page = team.client_for(team.submitter).get(f"{SUBMIT}?kandidaat={stranger.pk}")
    api = team.api_for(team.submitter).post(
        "/api/v1/cases/",
        {
            "candidate": str(stranger.pk),
            "submitting_organisation": "werkse",
            "tried": "x",
            "question": "y",
        },
        format="json",
    )

    assert page.status_code == 404
    assert api.status_code == 404


def test_with_consent_the_case_is_submitted_and_put_on_the_agenda(team: Team, guided) -> None:
    ConsentFactory(candidate=guided, organisation=team.submitting, purpose="zeg_ja_team")
    BarrierFactory(candidate=guided, kind="psychological", owner_organisation=team.member_org)
    debts = BarrierFactory(candidate=guided, kind="debts", owner_organisation=team.member_org)
    client = team.client_for(team.submitter)

    page = client.get(f"{SUBMIT}?kandidaat={guided.pk}").content.decode()
    response = client.post(
        f"{SUBMIT}?kandidaat={guided.pk}",
        form_data(
            organisation=str(team.submitting.pk),
            barriers=[str(debts.pk)],
            meeting=str(team.meeting.pk),
        ),
    )

    assert "Psychological complaints" not in page  # health needs consent for care
    assert "Debts" in page
    assert response.status_code == 302
    case = Case.objects.get(candidate=guided)
    assert response["Location"] == reverse("cases:detail", kwargs={"case_id": case.pk})
    assert case.status == "scheduled"
    assert case.number == team.case.number + 1
    assert case.reference == f"ZJA-{case.number:03d}"
    assert sorted(case.knelpunt_kinds) == ["childcare", "debts"]
    assert list(case.barriers.all()) == [debts]
    assert case.agenda_items.get().meeting == team.meeting
    entry = ProcessingLogEntry.objects.get(action="create", object_id=str(case.pk))
    assert (entry.activity, entry.purpose, entry.organisation) == (
        "zeg_ja_case",
        "zeg_ja_team",
        "werkse",
    )


def test_missing_fields_are_named(team: Team) -> None:
    response = team.client_for(team.submitter).post(
        f"{SUBMIT}?kandidaat={team.candidate.pk}",
        form_data(
            organisation=str(team.submitting.pk),
            knelpunt_kinds=[],
            barrier_description="",
            tried="",
            question="",
        ),
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert "Name at least one barrier" in page
    assert 'aria-invalid="true"' in page


def test_the_candidate_search_shows_only_visible_candidates(team: Team) -> None:
    CandidateFactory(first_name="Mohammed", last_name="Onzichtbaar")

    page = team.client_for(team.submitter).get(f"{SUBMIT}?q=mohammed").content.decode()

    assert "Mohammed El Amrani" in page
    assert "Onzichtbaar" not in page


def test_submitting_for_an_organisation_one_does_not_work_for_is_refused(team: Team) -> None:
    other = OrganisationFactory(slug="philadelphia", name="Philadelphia")
    ConsentFactory(candidate=team.candidate, organisation=other, purpose="zeg_ja_team")

    response = team.api_for(team.submitter).post(
        "/api/v1/cases/",
        {
            "candidate": str(team.candidate.pk),
            "submitting_organisation": "philadelphia",
            "tried": "x",
            "question": "y",
            "knelpunt_kinds": ["housing"],
        },
        format="json",
    )

    assert response.status_code == 400
    assert "organisation" in response.json()["errors"]
