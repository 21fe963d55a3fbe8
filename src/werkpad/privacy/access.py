"""The access policy: the only door to candidate data.

A professional sees a candidate only while one of their organisations has an active consent for
that candidate, or a legal basis (the municipality's teams for their own clients, i.e. when the
team is the candidate's lead organisation). Roles that do not work with people's files (board,
admin) see no candidate at all. Everything else answers 404, so existence does not leak.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from uuid import UUID

from django.db.models import Exists, OuterRef, Q, QuerySet

from werkpad.organisations.models import Membership, Organisation
from werkpad.organisations.roles import Role
from werkpad.privacy.codes import LEGAL_BASIS_PURPOSE, Purpose
from werkpad.privacy.models import Consent

if TYPE_CHECKING:
    from werkpad.candidates.models import Candidate

CASEWORK_ROLES = frozenset(
    {Role.PROFESSIONAL, Role.ZEG_JA_MEMBER, Role.CHAIR, Role.EMPLOYER_ADVISER, Role.PROGRAMME_LEAD}
)


def _casework_organisation_ids(user: Any) -> QuerySet[Membership, Any]:
    return Membership.objects.filter(user_id=user.pk, role__in=CASEWORK_ROLES).values(
        "organisation_id"
    )


def casework_organisation_ids(user: Any) -> list[UUID]:
    """The organisations through which `user` does casework, in a fixed order: with the date,
    all that decides `visible_candidates(user)` (colleagues see the same candidates)."""
    return sorted(_casework_organisation_ids(user).values_list("organisation_id", flat=True))


def visible_candidates(user: Any, *, purpose: Purpose | None = None) -> QuerySet[Candidate]:
    """Every candidate `user` may see now (optionally: for one consent purpose)."""
    from werkpad.candidates.models import Candidate

    if not getattr(user, "is_authenticated", False):
        return Candidate.objects.none()
    organisation_ids = _casework_organisation_ids(user)
    consents = Consent.objects.active().filter(
        candidate=OuterRef("pk"), organisation_id__in=organisation_ids
    )
    if purpose is not None:
        consents = consents.filter(purpose=purpose)
    legal_basis = Q(
        lead_organisation_id__in=Organisation.objects.filter(
            has_legal_basis=True, id__in=organisation_ids
        ).values("id")
    )
    return Candidate.objects.filter(erased_at__isnull=True).filter(legal_basis | Exists(consents))


@dataclass(frozen=True)
class Access:
    """Why `user` may see this candidate: through which organisation, for which purpose."""

    organisation: Organisation
    purpose: str
    special_category: bool


def access_map(user: Any, candidates: Sequence[Candidate]) -> dict[UUID, Access]:
    """The basis on which `user` sees each of `candidates`; absent ones may not be seen.

    Two queries, whatever the number of candidates, so lists can log every row they show.
    Special-category data (health barriers, free-text notes) needs consent for purpose `care`
    or the legal basis.
    """
    if not getattr(user, "is_authenticated", False) or not candidates:
        return {}
    organisations = list(
        Organisation.objects.filter(id__in=_casework_organisation_ids(user)).order_by("name")
    )
    legal = {
        organisation.pk: organisation
        for organisation in organisations
        if organisation.has_legal_basis
    }
    consents_by_candidate: dict[UUID, list[Consent]] = defaultdict(list)
    for consent in (
        Consent.objects.active()
        .filter(candidate_id__in=[c.pk for c in candidates], organisation__in=organisations)
        .select_related("organisation")
        .order_by("organisation__name", "purpose")
    ):
        consents_by_candidate[consent.candidate_id].append(consent)
    result: dict[UUID, Access] = {}
    for candidate in candidates:
        if candidate.erased_at is not None:
            continue
        if candidate.lead_organisation_id in legal:
            result[candidate.pk] = Access(
                legal[candidate.lead_organisation_id], LEGAL_BASIS_PURPOSE, special_category=True
            )
            continue
        consents = consents_by_candidate.get(candidate.pk)
        if consents:
            care = next((c for c in consents if c.purpose == Purpose.CARE), None)
            chosen = care or consents[0]
            result[candidate.pk] = Access(
                chosen.organisation, chosen.purpose, special_category=care is not None
            )
    return result


def access_for(user: Any, candidate: Candidate) -> Access | None:
    """The basis on which `user` sees `candidate`, or None when they may not."""
    return access_map(user, [candidate]).get(candidate.pk)
