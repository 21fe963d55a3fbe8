"""Factories for the foundation: users, organisations, memberships and two-factor devices.

Other apps build on these (`from tests.factories import UserFactory`); they keep their own
factories in `tests/<app>/factories.py`.
"""

from __future__ import annotations

import factory
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from factory.django import DjangoModelFactory, Password

from werkpad.accounts.models import User
from werkpad.organisations.models import Membership, Organisation
from werkpad.organisations.roles import OrganisationKind, Role

PASSWORD = "a-long-test-password"


class OrganisationFactory(DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"partner-{n}")
    name = factory.Sequence(lambda n: f"Partner {n}")
    kind = OrganisationKind.WORK_TRAINING


class UserFactory(DjangoModelFactory[User]):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"professional{n}@example.nl")
    full_name = factory.Sequence(lambda n: f"Sam de Vries {n}")
    password = Password(PASSWORD)


class MembershipFactory(DjangoModelFactory[Membership]):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.PROFESSIONAL


class TOTPDeviceFactory(DjangoModelFactory[TOTPDevice]):
    """A confirmed authenticator app; `totp_code(device)` gives its current code."""

    class Meta:
        model = TOTPDevice

    user = factory.SubFactory(UserFactory)
    name = "Authenticator app"
    confirmed = True


def totp_code(device: TOTPDevice) -> str:
    """The six digits the user's app shows now for this device."""
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"
