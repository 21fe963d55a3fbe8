"""Fixtures every test can use: organisations, users in a role, signed-in clients."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from rest_framework.test import APIClient

from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from werkpad.accounts.models import User
from werkpad.organisations.models import Organisation
from werkpad.organisations.roles import Role


@pytest.fixture
def organisation(db: None) -> Organisation:
    return OrganisationFactory(slug="werkse", name="Werkse!")


@pytest.fixture
def user_with_role(db: None) -> Callable[..., User]:
    """Make a user holding `role` in `organisation` (a new partner when not given)."""

    def make(role: Role = Role.PROFESSIONAL, organisation: Organisation | None = None) -> User:
        user = UserFactory()
        MembershipFactory(user=user, organisation=organisation or OrganisationFactory(), role=role)
        return user

    return make


@pytest.fixture
def professional(user_with_role: Callable[..., User], organisation: Organisation) -> User:
    return user_with_role(Role.PROFESSIONAL, organisation)


@pytest.fixture
def administrator(user_with_role: Callable[..., User], organisation: Organisation) -> User:
    return user_with_role(Role.ADMIN, organisation)


@pytest.fixture
def signed_in_client(client: Client, professional: User) -> Client:
    """A browser session of a professional who completed both login steps."""
    client.force_login(professional)
    return client


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


@dataclass
class DataVersion:
    """The data version the monitor sees; a test raises it where PostgreSQL would."""

    number: int = 1


@pytest.fixture
def kept_in_background(settings: Any, monkeypatch: pytest.MonkeyPatch) -> DataVersion:
    """Figures kept and computed anew in the background, as in production, under a data
    version the test sets (as on PostgreSQL, where it follows every committed write)."""
    settings.MONITOR_CACHE_SECONDS = 60
    settings.MONITOR_REFRESH_IN_BACKGROUND = True
    cache.clear()
    version = DataVersion()
    monkeypatch.setattr("werkpad.monitor.selectors.data_version", lambda: version.number)
    return version
