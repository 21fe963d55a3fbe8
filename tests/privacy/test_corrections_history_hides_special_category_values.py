"""The corrections history on the dossier (who changed what, when): notes only with access.

`werkpad.candidates.selectors.correction_list` serves the dossier tab; the export reads the
same history in full, for the person themself.
"""

from __future__ import annotations

import pytest

from tests.candidates.factories import ConsentFactory
from tests.factories import OrganisationFactory
from tests.privacy.avg_helpers import HEALTH_NOTE, full_dossier, member_of
from werkpad.candidates.models import Candidate
from werkpad.candidates.selectors import CorrectionRow, candidate_get_unlogged, correction_list
from werkpad.candidates.services import barrier_update
from werkpad.privacy.avg import candidate_export

pytestmark = pytest.mark.django_db


def shown(rows: list[CorrectionRow]) -> dict[tuple[str, str], tuple[str, str] | None]:
    """(record, field) -> (old, new), or None where the values are hidden."""
    return {
        (row.correction.object_type, row.correction.field): (
            (row.correction.old_value, row.correction.new_value) if row.values_visible else None
        )
        for row in rows
    }


def test_with_the_legal_basis_every_change_and_value_shows_newest_first() -> None:
    dossier = full_dossier()
    view = candidate_get_unlogged(user=dossier.professional, candidate_id=dossier.candidate.pk)

    rows = correction_list(view=view)

    assert [row.correction.field for row in rows] == ["hours_available", "note"]
    assert shown(rows) == {
        ("candidate", "hours_available"): ("24", "16"),
        ("barrier", "note"): ("Eerste melding", HEALTH_NOTE),
    }
    assert rows[0].correction.changed_by == dossier.professional
    assert rows[0].field_label == str(Candidate._meta.get_field("hours_available").verbose_name)


def test_without_consent_for_care_health_barriers_and_note_values_stay_hidden() -> None:
    dossier = full_dossier()
    view = candidate_get_unlogged(user=dossier.professional, candidate_id=dossier.candidate.pk)
    barrier_update(
        acting_user=dossier.professional,
        view=view,
        barrier=dossier.debts_barrier,
        expected_version=dossier.debts_barrier.version,
        fields={"note": "Afspraak bij de schuldhulp", "severity": 3},
    )
    werkse = OrganisationFactory(slug="werkse")  # consent for work guidance only
    partner_view = candidate_get_unlogged(user=member_of(werkse), candidate_id=dossier.candidate.pk)

    assert shown(correction_list(view=partner_view)) == {
        ("candidate", "hours_available"): ("24", "16"),
        ("barrier", "note"): None,
        ("barrier", "severity"): ("2", "3"),
    }


def test_consent_for_care_shows_the_notes() -> None:
    dossier = full_dossier()
    ggz = OrganisationFactory(slug="ggz-delfland")
    ConsentFactory(candidate=dossier.candidate, organisation=ggz, purpose="care")
    view = candidate_get_unlogged(user=member_of(ggz), candidate_id=dossier.candidate.pk)

    assert shown(correction_list(view=view))[("barrier", "note")] == ("Eerste melding", HEALTH_NOTE)


def test_the_export_holds_the_whole_history_oldest_first() -> None:
    dossier = full_dossier()

    corrections = candidate_export(
        acting_user=dossier.professional, candidate_id=dossier.candidate.pk
    )["sections"]["corrections"]

    assert [(c["field"], c["new_value"]) for c in corrections] == [
        ("note", HEALTH_NOTE),
        ("hours_available", "16"),
    ]
    assert {c["organisation_name"] for c in corrections} == {"Team Inkomen"}
