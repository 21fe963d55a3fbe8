"""The upload page: Team Inkomen and the Sociaal Team (and administrators) upload the export and
follow the import on a page that updates itself until it is done."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.candidates.import_files import export_csv, export_rows, team_inkomen
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from werkpad.accounts.models import User
from werkpad.candidates.importing import import_job_create, import_job_run
from werkpad.candidates.models import Candidate, ImportJob
from werkpad.organisations.models import Organisation
from werkpad.organisations.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def eager(settings: Any) -> None:
    settings.WERKPAD_TASKS_EAGER = True


def member(slug: str, role: Role = Role.PROFESSIONAL, *, legal_basis: bool = False) -> User:
    user = UserFactory()
    organisation = (
        team_inkomen()
        if slug == "team-inkomen"
        else OrganisationFactory(slug=slug, has_legal_basis=legal_basis)
    )
    MembershipFactory(user=user, organisation=organisation, role=role)
    return user


def signed_in(client: Client, user: User) -> Client:
    client.force_login(user)
    return client


def upload(client: Client, data: bytes, name: str = "uitkeringen.csv") -> Any:
    team = Organisation.objects.get(slug="team-inkomen")
    return client.post(
        reverse("candidates:import"),
        {"organisation": str(team.pk), "file": SimpleUploadedFile(name, data)},
    )


def test_the_page_explains_every_column(
    client: Client, django_assert_max_num_queries: Callable[..., Any]
) -> None:
    signed_in(client, member("team-inkomen"))

    with django_assert_max_num_queries(11):
        response = client.get(reverse("candidates:import"))

    page = response.content.decode()
    assert response.status_code == 200
    for column in ("bsn", "geboortedatum", "uitkering_start", "reden_einde", "kinderen_onder_12"):
        assert f"<code>{column}</code>" in page


@pytest.mark.usefixtures("eager")
def test_an_upload_runs_and_the_job_page_shows_the_result(
    client: Client,
    django_capture_on_commit_callbacks: Callable[..., Any],
    django_assert_max_num_queries: Callable[..., Any],
) -> None:
    signed_in(client, member("team-inkomen"))

    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, export_csv(export_rows(30)))

    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("candidates:import-job", args=[job.pk])
    with django_assert_max_num_queries(9):
        page = client.get(response["Location"]).content.decode()
    assert "30 kandidaten toegevoegd" in page
    assert "hx-trigger" not in page
    assert Candidate.objects.count() == 30
    assert job.upload == ""


@pytest.mark.usefixtures("eager")
def test_rows_with_errors_are_listed_by_row_and_column(
    client: Client, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    signed_in(client, member("team-inkomen"))
    rows = export_rows(5)
    rows[3]["postcode"] = "9999 XX9"

    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, export_csv(rows))

    page = client.get(response["Location"]).content.decode()
    assert '<td class="utrecht-table__cell utrecht-table__cell--numeric-data">5</td>' in page
    assert "<code>postcode</code>" in page
    assert "9999 XX9" in page
    assert Candidate.objects.count() == 0


def test_the_status_polls_while_the_import_waits_and_stops_when_it_is_done(
    client: Client, django_assert_max_num_queries: Callable[..., Any]
) -> None:
    user = member("team-inkomen")
    signed_in(client, user)
    job = import_job_create(
        acting_user=user,
        organisation=team_inkomen(),
        file_name="uitkeringen.csv",
        data=export_csv(export_rows(3)),
    )
    status_url = reverse("candidates:import-job-status", args=[job.pk])

    with django_assert_max_num_queries(6 + 2):  # + the session: read and saved
        waiting = client.get(status_url, HTTP_HX_REQUEST="true").content.decode()
    import_job_run(job_id=job.pk)
    done = client.get(status_url, HTTP_HX_REQUEST="true").content.decode()

    assert f'hx-get="{status_url}"' in waiting
    assert 'hx-trigger="every 1s"' in waiting
    assert "<progress" in waiting
    assert "hx-get" not in done
    assert "<progress" not in done


def test_a_file_of_the_wrong_type_is_refused_on_the_form(client: Client) -> None:
    signed_in(client, member("team-inkomen"))

    response = upload(client, b"%PDF-1.7", name="uitkeringen.pdf")

    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert ImportJob.objects.count() == 0


def test_a_partner_without_legal_basis_may_not_import(client: Client) -> None:
    signed_in(client, member("werkse"))

    assert client.get(reverse("candidates:import")).status_code == 403


def test_an_administrator_imports_for_a_team_with_legal_basis(client: Client) -> None:
    team_inkomen()
    OrganisationFactory(slug="sociaal-team", name="Sociaal Team", has_legal_basis=True)
    signed_in(client, member("werkse", Role.ADMIN))

    page = client.get(reverse("candidates:import")).content.decode()

    assert "Team Inkomen" in page
    assert "Sociaal Team" in page
    assert "Werkse" not in page.split('name="organisation"')[1].split("</select>")[0]


def test_someone_elses_import_answers_404(client: Client) -> None:
    owner = member("team-inkomen")
    job = import_job_create(
        acting_user=owner, organisation=team_inkomen(), file_name="a.csv", data=b"bsn"
    )
    signed_in(client, member("team-inkomen"))

    assert client.get(reverse("candidates:import-job", args=[job.pk])).status_code == 404
    assert client.get(reverse("candidates:import-job-status", args=[job.pk])).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_the_import_runs_in_a_background_thread(client: Client) -> None:
    signed_in(client, member("team-inkomen"))

    response = upload(client, export_csv(export_rows(50)))

    job = ImportJob.objects.get()
    deadline = time.monotonic() + 60
    while not job.is_finished and time.monotonic() < deadline:
        time.sleep(0.1)
        job.refresh_from_db()
    assert response.status_code == 302
    assert (job.status, job.created_count) == (ImportJob.Status.DONE, 50)
