"""Loading the demo: the partners, one user per role per organisation, and the population."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from werkpad.accounts.models import User
from werkpad.accounts.services import administrators_group
from werkpad.candidates.models import Candidate
from werkpad.demo.loading import LoadCounts, demo_case_managers_assign, population_load
from werkpad.demo.partners import DEMO_PASSWORD, PARTNERS, demo_email
from werkpad.demo.population import REFERENCE_CANDIDATES, generate_population
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
    administrators = administrators_group()
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
            if role == Role.ADMIN:
                user.groups.add(administrators)
            created += was_created
    return created


def demo_is_loaded() -> bool:
    return Organisation.objects.exists()


def demo_population_is_loaded() -> bool:
    return Candidate.objects.exists()


def demo_population_load(
    *, candidates: int = REFERENCE_CANDIDATES, seed: int = 1, today: date | None = None
) -> LoadCounts:
    """The synthetic Delft population, the same for the same seed and day; then each demo
    professional becomes the case manager of some of their organisation's candidates."""
    population = generate_population(
        candidates=candidates, seed=seed, today=today or timezone.localdate()
    )
    counts = population_load(population=population)
    demo_case_managers_assign()
    return counts
