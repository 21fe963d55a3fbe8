"""Five wrong passwords block the login for a while, with a clear Dutch message."""

from __future__ import annotations

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import PASSWORD, TOTPDeviceFactory
from werkpad.accounts.models import User

LOGIN = reverse("accounts:login")

pytestmark = pytest.mark.django_db


@pytest.fixture
def user() -> User:
    return TOTPDeviceFactory().user


def try_password(client: Client, user: User, password: str):
    return client.post(LOGIN, {"username": user.email, "password": password})


def fail(client: Client, user: User, times: int) -> None:
    for _ in range(times):
        response = try_password(client, user, "wrong-password")
    return response


def test_four_wrong_passwords_still_let_the_right_one_in(client: Client, user: User) -> None:
    fail(client, user, 4)

    response = try_password(client, user, PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:otp-verify")


def test_the_fifth_wrong_password_blocks_the_login_with_a_dutch_message(
    client: Client, user: User
) -> None:
    response = fail(client, user, 5)

    assert response.status_code == 429
    page = response.content.decode()
    assert "Inloggen tijdelijk geblokkeerd" in page
    assert "5 keer een verkeerd wachtwoord" in page
    assert "30 minuten niet inloggen" in page
    assert reverse("accounts:password-reset") in page


def test_the_message_is_in_english_for_english_readers(client: Client, user: User) -> None:
    client.post(reverse("set_language"), {"language": "en", "next": "/"})

    page = fail(client, user, 5).content.decode()

    assert "You entered a wrong password 5 times" in page
    assert "cannot log in for 30 minutes" in page


def test_once_blocked_even_the_right_password_does_not_get_in(client: Client, user: User) -> None:
    fail(client, user, 5)

    response = try_password(client, user, PASSWORD)

    assert response.status_code == 429
    assert client.get(reverse("accounts:otp-verify"))["Location"] == LOGIN


def test_the_block_lifts_after_the_cool_off_time(client: Client, user: User, settings) -> None:
    fail(client, user, 5)
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(seconds=1)
    )

    response = try_password(client, user, PASSWORD)

    assert response.status_code == 302


def test_the_block_is_for_that_account_only(client: Client, user: User) -> None:
    colleague = TOTPDeviceFactory().user
    fail(client, user, 5)

    response = try_password(client, colleague, PASSWORD)

    assert response.status_code == 302


def test_the_message_gives_the_configured_cool_off_time(
    client: Client, user: User, settings
) -> None:
    settings.AXES_COOLOFF_TIME = timedelta(minutes=1)

    page = fail(client, user, 5).content.decode()

    assert "1 minuut niet inloggen" in page
