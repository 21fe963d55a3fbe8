"""Loading the demo: the partners and one user per role per organisation."""

from __future__ import annotations

from django.contrib.auth.hashers import make_password
from django.db import transaction

from werkpad.accounts.models import User
from werkpad.demo.partners import DEMO_PASSWORD, PARTNERS, demo_email
from werkpad.organisations.models import Membership, Organisation
from werkpad.organisations.roles import Role
from werkpad.organisations.services import organisation_create_or_update


@transaction.atomic
def demo_partners_load() -> list[Organisation]:
    return [
        organisation_create_or_update(slug=slug, name=name, kind=kind, has_legal_basis=legal)
        for slug, name, kind, legal in PARTNERS
    ]


@transaction.atomic
def demo_users_load(*, organisations: list[Organisation]) -> int:
    """One user per role per organisation, all with the README's demo password.

    The password is hashed once: hashing it 126 times with Argon2 would make the demo start slowly.
    """
    password_hash = make_password(DEMO_PASSWORD)
    created = 0
    for organisation in organisations:
        for role in Role:
            email = demo_email(role=role.value, organisation_slug=organisation.slug)
            user, was_created = User.objects.get_or_create(
                email=email,
                defaults={
                    "password": password_hash,
                    "full_name": f"{role.label} {organisation.name}",
                    "is_staff": role == Role.ADMIN,
                },
            )
            Membership.objects.get_or_create(user=user, organisation=organisation, role=role)
            created += was_created
    return created


def demo_is_loaded() -> bool:
    return Organisation.objects.exists()
