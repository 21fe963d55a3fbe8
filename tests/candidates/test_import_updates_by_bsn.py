"""A person already in Werkpad is found by BSN and updated; their benefit periods are matched by
start date. Every candidate added or changed gets one processing-log entry, as a bulk import."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.candidates.factories import BenefitPeriodFactory, CandidateFactory
from tests.candidates.import_files import export_csv, export_rows, run_import, team_inkomen
from tests.factories import OrganisationFactory
from werkpad.candidates.models import BenefitPeriod, Candidate, Correction, ImportJob
from werkpad.privacy.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db


def test_new_candidates_are_led_by_the_importing_team_and_logged_as_created() -> None:
    sociaal_team = OrganisationFactory(slug="sociaal-team", has_legal_basis=True)
    rows = export_rows(3)

    job = run_import(export_csv(rows), organisation=sociaal_team)

    assert (job.status, job.created_count) == (ImportJob.Status.DONE, 3)
    candidate = Candidate.objects.get(first_name=rows[0]["voornaam"], house_number="1")
    assert candidate.bsn == rows[0]["bsn"]
    assert candidate.lead_organisation == sociaal_team
    assert candidate.search_name == f"{rows[0]['voornaam']} {rows[0]['achternaam']}".casefold()
    entries = ProcessingLogEntry.objects.filter(candidate=candidate)
    assert [(e.action, e.activity, e.organisation, e.purpose) for e in entries] == [
        ("create", "candidate_import", "sociaal-team", "legal_basis")
    ]


def test_a_known_bsn_updates_the_candidate_and_keeps_the_change_as_a_correction() -> None:
    existing = CandidateFactory(postcode="2611 AB", house_number="3", hours_available=8)
    period = BenefitPeriodFactory(candidate=existing, start=dt.date(2018, 3, 1))
    [row] = export_rows(1)
    row.update(
        bsn=existing.bsn,
        voornaam=existing.first_name,
        achternaam=existing.last_name,
        geboortedatum=existing.birth_date.isoformat(),
        postcode="2624ab",
        huisnummer="3",
        huishouden="alleenstaand",
        kinderen_onder_12="0",
        uren_beschikbaar="",  # empty: leave what Werkpad knows
        uitkering_start="01-03-2018",
        uitkering_einde="31-08-2024",
        reden_einde="werk met ondersteuning",
    )

    job = run_import(export_csv([row]))

    assert (job.created_count, job.updated_count, job.unchanged_count) == (0, 1, 0)
    existing.refresh_from_db()
    assert (existing.postcode, existing.hours_available, existing.version) == ("2624 AB", 8, 2)
    period.refresh_from_db()
    assert (period.end, period.end_reason) == (dt.date(2024, 8, 31), "work_with_support")
    assert BenefitPeriod.objects.count() == 1
    assert sorted(Correction.objects.values_list("field", "old_value", "new_value")) == [
        ("end", "", "2024-08-31"),
        ("end_reason", "", "work_with_support"),
        ("postcode", "2611 AB", "2624 AB"),
    ]
    assert ProcessingLogEntry.objects.filter(candidate=existing, action="update").count() == 1


def test_a_new_start_date_adds_a_benefit_period_and_the_lead_stays() -> None:
    werkse = OrganisationFactory(slug="werkse")
    existing = CandidateFactory(lead_organisation=team_inkomen())
    BenefitPeriodFactory(candidate=existing, start=dt.date(2017, 1, 1), end=dt.date(2019, 1, 1))
    [row] = export_rows(1)
    row.update(bsn=existing.bsn, uitkering_start="2023-02-01", uitkering_einde="", reden_einde="")
    sociaal_team = OrganisationFactory(slug="sociaal-team", has_legal_basis=True)

    run_import(export_csv([row]), organisation=sociaal_team)

    existing.refresh_from_db()
    assert existing.lead_organisation.slug == "team-inkomen"
    assert sorted(existing.benefit_periods.values_list("start", flat=True)) == [
        dt.date(2017, 1, 1),
        dt.date(2023, 2, 1),
    ]
    assert werkse.lead_candidates.count() == 0


def test_an_unchanged_candidate_is_not_logged_again() -> None:
    data = export_csv(export_rows(4))
    run_import(data)

    job = run_import(data)

    assert (job.created_count, job.updated_count, job.unchanged_count) == (0, 0, 4)
    assert ProcessingLogEntry.objects.count() == 4
    assert set(Candidate.objects.values_list("version", flat=True)) == {1}
