"""Fixtures of the offer pages: employer advisers and a fresh cache for the rate limit."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from django.core.cache import cache

from tests.factories import OrganisationFactory
from werkpad.accounts.models import User
from werkpad.organisations.models import Organisation
from werkpad.organisations.roles import OrganisationKind, Role


@pytest.fixture(autouse=True)
def fresh_cache() -> Iterator[None]:
    """The interest form's rate limit lives in the cache: every test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def wsp(db: None) -> Organisation:
    return OrganisationFactory(
        slug="wsp-delft", name="Werkgeversservicepunt Delft", kind=OrganisationKind.EMPLOYER_SERVICE
    )


@pytest.fixture
def employer_adviser(user_with_role: Callable[..., User], wsp: Organisation) -> User:
    return user_with_role(Role.EMPLOYER_ADVISER, wsp)


@pytest.fixture
def programme_lead(user_with_role: Callable[..., User], wsp: Organisation) -> User:
    return user_with_role(Role.PROGRAMME_LEAD, wsp)
