"""The candidate's export (AVG art. 15/20) holds the whole dossier and who used it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from tests.candidates.factories import ConsentFactory
from tests.factories import OrganisationFactory
from tests.privacy.avg_helpers import (
    EVIDENCE_NOTE,
    HEALTH_NOTE,
    LADDER_NOTE,
    full_dossier,
    member_of,
)
from werkpad.candidates.selectors import candidate_get
from werkpad.privacy import avg
from werkpad.privacy.avg import (
    ExportSection,
    candidate_export,
    candidate_export_for_self,
    export_presentation,
    register_export_section,
)
from werkpad.privacy.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db


def test_opening_the_dossier_is_in_the_export_with_organisation_purpose_and_activity() -> None:
    dossier = full_dossier()
    candidate_get(user=dossier.professional, candidate_id=dossier.candidate.pk)

    export = candidate_export(acting_user=dossier.professional, candidate_id=dossier.candidate.pk)

    views = [e for e in export["sections"]["processing_log"] if e["action"] == "view"]
    assert len(views) == 1
    assert views[0]["organisation"] == "team-inkomen"
    assert views[0]["organisation_name"] == "Team Inkomen"
    assert views[0]["purpose"] == "legal_basis"
    assert views[0]["activity"] == "candidate_dossier"
    assert views[0]["timestamp"].tzinfo is not None


def test_the_candidates_log_entries_leave_out_internal_fields() -> None:
    dossier = full_dossier()
    candidate_get(user=dossier.professional, candidate_id=dossier.candidate.pk)

    export = candidate_export(acting_user=dossier.professional, candidate_id=dossier.candidate.pk)

    for entry in export["sections"]["processing_log"]:
        assert set(entry) == {
            "timestamp",
            "organisation",
            "organisation_name",
            "action",
            "action_label",
            "activity",
            "activity_label",
            "purpose",
            "purpose_label",
        }
    assert dossier.professional.email not in str(export["sections"]["processing_log"])


def test_the_export_writes_one_export_entry_that_it_does_not_contain_itself() -> None:
    dossier = full_dossier()
    before = ProcessingLogEntry.objects.filter(candidate=dossier.candidate).count()

    export = candidate_export(acting_user=dossier.professional, candidate_id=dossier.candidate.pk)

    assert len(export["sections"]["processing_log"]) == before
    exports = ProcessingLogEntry.objects.filter(candidate=dossier.candidate, action="export")
    assert exports.count() == 1
    entry = exports.get()
    assert (entry.user_id, entry.organisation, entry.activity, entry.confidentiality) == (
        dossier.professional.pk,
        "team-inkomen",
        "avg_access",
        "special",
    )
    assert all(e["action"] != "export" for e in export["sections"]["processing_log"])


def test_the_export_holds_the_whole_dossier_health_and_notes_included() -> None:
    dossier = full_dossier()

    sections = candidate_export(
        acting_user=dossier.professional, candidate_id=dossier.candidate.pk
    )["sections"]

    person = sections["person"]
    assert (person["first_name"], person["bsn"], person["birth_date"]) == (
        "Zoë",
        dossier.candidate.bsn,
        dt.date(1984, 7, 23),
    )
    assert person["hours_available"] == 16
    assert [p["start"] for p in sections["benefit_periods"]] == [dt.date(2012, 2, 1)]
    assert {b["kind"] for b in sections["barriers"]} == {"physical", "debts"}
    assert HEALTH_NOTE in [b["note"] for b in sections["barriers"]]
    assert sections["ladder_scores"][0]["note"] == LADDER_NOTE
    assert [g["title"] for g in sections["plan_goals"]] == ["Werken in de zorg"]
    assert sections["plan_steps"][0]["description"] == "Proefplaatsing bij Fonteynenburg"
    assert sections["consents"][0]["evidence_note"] == EVIDENCE_NOTE
    changes = {(c["field"], c["old_value"], c["new_value"]) for c in sections["corrections"]}
    assert ("hours_available", "24", "16") in changes
    assert ("note", "Eerste melding", HEALTH_NOTE) in changes


def test_a_professional_of_an_organisation_without_consent_gets_404() -> None:
    dossier = full_dossier()
    stranger = member_of(OrganisationFactory(slug="impegno", name="Impegno"))

    with pytest.raises(Http404):
        candidate_export(acting_user=stranger, candidate_id=dossier.candidate.pk)
    assert not ProcessingLogEntry.objects.filter(action="export").exists()


def test_a_partner_that_is_not_the_lead_organisation_may_not_export() -> None:
    dossier = full_dossier()
    ggz = OrganisationFactory(slug="ggz-delfland", name="GGZ Delfland")
    ConsentFactory(candidate=dossier.candidate, organisation=ggz, purpose="care")

    with pytest.raises(PermissionDenied):
        candidate_export(acting_user=member_of(ggz), candidate_id=dossier.candidate.pk)


def test_a_lead_partner_needs_consent_for_care_to_export() -> None:
    dossier = full_dossier()
    werkse = OrganisationFactory(slug="werkse")
    dossier.candidate.lead_organisation = werkse
    dossier.candidate.save()
    professional = member_of(werkse)

    with pytest.raises(PermissionDenied):
        candidate_export(acting_user=professional, candidate_id=dossier.candidate.pk)
    ConsentFactory(candidate=dossier.candidate, organisation=werkse, purpose="care")
    export = candidate_export(acting_user=professional, candidate_id=dossier.candidate.pk)

    assert export["sections"]["person"]["lead_organisation"] == "werkse"
    assert ProcessingLogEntry.objects.get(action="export").purpose == "care"


def test_the_candidate_can_get_their_own_export_and_it_is_logged_as_their_request() -> None:
    dossier = full_dossier()

    export = candidate_export_for_self(candidate=dossier.candidate)

    assert export["candidate_id"] == str(dossier.candidate.pk)
    entry = ProcessingLogEntry.objects.get(action="export")
    assert (entry.user_id, entry.organisation, entry.purpose) == (None, "", "candidate_self")


def test_another_app_can_add_its_data_to_the_export(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(avg, "EXPORT_SECTIONS", dict(avg.EXPORT_SECTIONS))
    register_export_section(
        ExportSection(
            key="zeg_ja_cases",
            title="Zeg JA Team",
            columns=(("question", "Vraag"),),
            rows=lambda candidate: [{"question": f"Werk voor {candidate.first_name}"}],
        )
    )
    dossier = full_dossier()

    export = candidate_export(acting_user=dossier.professional, candidate_id=dossier.candidate.pk)

    assert export["sections"]["zeg_ja_cases"] == [{"question": "Werk voor Zoë"}]
    last = export_presentation(export)[-1]
    assert (last.title, last.headers, last.rows) == ("Zeg JA Team", ["Vraag"], [["Werk voor Zoë"]])
    with pytest.raises(ValueError, match="twice"):
        register_export_section(avg.EXPORT_SECTIONS["zeg_ja_cases"])
