"""The candidate list's filters must not reveal who receives care, and a PC4 finds a whole area."""

from __future__ import annotations

import pytest

from tests.candidates.factories import BarrierFactory, CandidateFactory, ConsentFactory
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from werkpad.candidates.selectors import CandidateFilters, candidate_list

pytestmark = pytest.mark.django_db


def test_filtering_on_a_care_provider_does_not_find_candidates_through_care_consent() -> None:
    werkse = OrganisationFactory(slug="werkse")
    ggz = OrganisationFactory(slug="ggz-delfland")
    jobcoach = UserFactory()
    MembershipFactory(user=jobcoach, organisation=werkse)
    in_care = CandidateFactory()
    ConsentFactory(candidate=in_care, organisation=werkse, purpose="work_guidance")
    ConsentFactory(candidate=in_care, organisation=ggz, purpose="care")
    BarrierFactory(candidate=in_care, kind="psychological", owner_organisation=ggz)

    found = candidate_list(user=jobcoach, filters=CandidateFilters(organisation="ggz-delfland"))

    assert list(found) == []
    assert list(candidate_list(user=jobcoach, filters=CandidateFilters())) == [in_care]


def test_filtering_on_a_partner_finds_candidates_it_guides() -> None:
    werkse = OrganisationFactory(slug="werkse")
    stunt = OrganisationFactory(slug="stichting-stunt")
    jobcoach = UserFactory()
    MembershipFactory(user=jobcoach, organisation=werkse)
    with_debts = CandidateFactory()
    ConsentFactory(candidate=with_debts, organisation=werkse)
    ConsentFactory(candidate=with_debts, organisation=stunt, purpose="debt_help")
    other = CandidateFactory()
    ConsentFactory(candidate=other, organisation=werkse)

    found = candidate_list(user=jobcoach, filters=CandidateFilters(organisation="stichting-stunt"))

    assert list(found) == [with_debts]


def test_a_four_digit_postcode_finds_everyone_in_that_area() -> None:
    werkse = OrganisationFactory(slug="werkse")
    jobcoach = UserFactory()
    MembershipFactory(user=jobcoach, organisation=werkse)
    in_area = [CandidateFactory(postcode="2611 AB"), CandidateFactory(postcode="2611 XZ")]
    elsewhere = CandidateFactory(postcode="2612 AB")
    for candidate in [*in_area, elsewhere]:
        ConsentFactory(candidate=candidate, organisation=werkse)

    found = candidate_list(user=jobcoach, filters=CandidateFilters(search="2611"))

    assert set(found) == set(in_area)
