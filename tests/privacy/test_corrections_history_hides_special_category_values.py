"""The corrections history on the dossier: who changed what, when — notes only with access."""

from __future__ import annotations

import pytest

from tests.candidates.factories import ConsentFactory
from tests.factories import OrganisationFactory
from tests.privacy.avg_helpers import HEALTH_NOTE, full_dossier, member_of
from werkpad.candidates.models import Candidate
from werkpad.candidates.selectors import candidate_get_unlogged
from werkpad.candidates.services import barrier_update
from werkpad.privacy.selectors import correction_list

pytestmark = pytest.mark.django_db


def test_with_the_legal_basis_every_change_and_value_shows_newest_first() -> None:
    dossier = full_dossier()
    view = candidate_get_unlogged(user=dossier.professional, candidate_id=dossier.candidate.pk)

    corrections = correction_list(view=view)

    assert [(c.field, c.visible_old_value, c.visible_new_value) for c in corrections] == [
        ("hours_available", "24", "16"),
        ("note", "Eerste melding", HEALTH_NOTE),
    ]
    assert corrections[0].changed_by == dossier.professional
    assert corrections[0].organisation.slug == "team-inkomen"
    assert (corrections[0].object_label, corrections[0].field_label) == (
        str(Candidate._meta.verbose_name),
        str(Candidate._meta.get_field("hours_available").verbose_name),
    )


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

    shown = {
        (c.object_type, c.field): (c.visible_old_value, c.visible_new_value)
        for c in correction_list(view=partner_view)
    }

    assert shown == {
        ("candidate", "hours_available"): ("24", "16"),
        ("barrier", "note"): (None, None),
        ("barrier", "severity"): ("2", "3"),
    }


def test_consent_for_care_shows_the_notes() -> None:
    dossier = full_dossier()
    ggz = OrganisationFactory(slug="ggz-delfland")
    ConsentFactory(candidate=dossier.candidate, organisation=ggz, purpose="care")
    view = candidate_get_unlogged(user=member_of(ggz), candidate_id=dossier.candidate.pk)

    notes = [c.visible_new_value for c in correction_list(view=view) if c.field == "note"]

    assert notes == [HEALTH_NOTE]
