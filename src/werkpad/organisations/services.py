from __future__ import annotations

from django.db import transaction

from werkpad.organisations.models import Organisation
from werkpad.organisations.roles import OrganisationKind


@transaction.atomic
def organisation_create_or_update(
    *, slug: str, name: str, kind: OrganisationKind, has_legal_basis: bool = False
) -> Organisation:
    """Create the organisation, or bring an existing one with this slug up to date."""
    organisation, _created = Organisation.objects.update_or_create(
        slug=slug, defaults={"name": name, "kind": kind, "has_legal_basis": has_legal_basis}
    )
    return organisation
