"""Login takes two steps: e-mail and password, then a code from the authenticator app."""

from __future__ import annotations

import base64
import re
import time

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import PASSWORD, TOTPDeviceFactory, UserFactory, totp_code
from werkpad.accounts.models import User

LOGIN = reverse("accounts:login")
HOME = reverse("core:home")
#: A page only a signed-in professional sees (the home page welcomes visitors).
SIGNED_IN_PAGE = reverse("organisations:list")

pytestmark = pytest.mark.django_db


def submit_password(client: Client, user: User, password: str = PASSWORD, **query: str):
    url = LOGIN + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")
    return client.post(url, {"username": user.email, "password": password})


def is_signed_in(client: Client) -> bool:
    return client.get(SIGNED_IN_PAGE).status_code == 200


def test_the_right_password_alone_does_not_sign_in(client: Client) -> None:
    device = TOTPDeviceFactory()

    response = submit_password(client, device.user)

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:otp-verify")
    assert not is_signed_in(client)


def test_the_code_from_the_app_completes_the_login(client: Client) -> None:
    device = TOTPDeviceFactory()
    submit_password(client, device.user)

    response = client.post(reverse("accounts:otp-verify"), {"token": totp_code(device)})

    assert response.status_code == 302
    assert response["Location"] == HOME
    assert is_signed_in(client)


def test_a_wrong_code_is_refused_with_a_message(client: Client) -> None:
    device = TOTPDeviceFactory()
    submit_password(client, device.user)
    wrong = f"{(int(totp_code(device)) + 1) % 1_000_000:06d}"

    response = client.post(
        reverse("accounts:otp-verify"), {"token": wrong}, HTTP_ACCEPT_LANGUAGE="en"
    )

    assert response.status_code == 200
    assert "This code is not right or has expired" in response.content.decode()
    assert not is_signed_in(client)


def test_a_code_cannot_be_used_twice(client: Client) -> None:
    device = TOTPDeviceFactory()
    code = totp_code(device)
    submit_password(client, device.user)
    client.post(reverse("accounts:otp-verify"), {"token": code})
    client.post(reverse("accounts:logout"))

    submit_password(client, device.user)
    response = client.post(reverse("accounts:otp-verify"), {"token": code})

    assert response.status_code == 200
    assert not is_signed_in(client)


def test_a_wrong_password_does_not_reach_the_code_step(client: Client) -> None:
    device = TOTPDeviceFactory()

    response = submit_password(client, device.user, password="not-the-password")

    assert response.status_code == 200
    assert "is not right" in response.content.decode() or "klopt niet" in response.content.decode()
    response = client.get(reverse("accounts:otp-verify"))
    assert response["Location"] == LOGIN


def test_the_code_step_expires_after_five_minutes(client: Client, monkeypatch) -> None:
    device = TOTPDeviceFactory()
    submit_password(client, device.user)
    started = time.time()
    monkeypatch.setattr(time, "time", lambda: started + 301)

    response = client.post(reverse("accounts:otp-verify"), {"token": totp_code(device)})

    assert response["Location"] == LOGIN
    assert not is_signed_in(client)


def test_login_returns_to_the_page_asked_for_but_never_to_another_site(client: Client) -> None:
    device = TOTPDeviceFactory()
    submit_password(client, device.user, next="/organisaties/")
    response = client.post(reverse("accounts:otp-verify"), {"token": totp_code(device)})
    assert response["Location"] == "/organisaties/"

    client.post(reverse("accounts:logout"))
    device.refresh_from_db()
    device.last_t = -1
    device.save()
    submit_password(client, device.user, next="https://evil.example/")
    response = client.post(reverse("accounts:otp-verify"), {"token": totp_code(device)})
    assert response["Location"] == HOME


def secret_on_page(html: str) -> bytes:
    match = re.search(r'data-testid="totp-secret">([A-Z2-7 ]+)<', html)
    assert match, "the setup page shows the key to type into the app"
    secret = match.group(1).replace(" ", "")
    return base64.b32decode(secret + "=" * (-len(secret) % 8))


def test_a_user_without_an_app_sets_one_up_during_login(client: Client) -> None:
    user = UserFactory()

    response = submit_password(client, user)
    assert response["Location"] == reverse("accounts:otp-setup")
    assert not is_signed_in(client)

    page = client.get(reverse("accounts:otp-setup")).content.decode()
    assert "<svg" in page, "the setup page shows a QR code"
    code = f"{totp(secret_on_page(page)):06d}"
    response = client.post(reverse("accounts:otp-setup"), {"token": code})

    assert response["Location"] == HOME
    assert is_signed_in(client)
    assert TOTPDevice.objects.filter(user=user, confirmed=True).count() == 1


def test_the_setup_page_is_closed_to_someone_who_did_not_give_a_password(client: Client) -> None:
    response = client.get(reverse("accounts:otp-setup"))

    assert response["Location"] == LOGIN
    assert not TOTPDevice.objects.exists()


def test_a_signed_in_user_replaces_the_app_and_the_old_one_stops_working(
    signed_in_client: Client, professional: User
) -> None:
    old = TOTPDeviceFactory(user=professional)

    page = signed_in_client.get(reverse("accounts:otp-setup")).content.decode()
    code = f"{totp(secret_on_page(page)):06d}"
    response = signed_in_client.post(reverse("accounts:otp-setup"), {"token": code})

    assert response["Location"] == HOME
    devices = TOTPDevice.objects.filter(user=professional, confirmed=True)
    assert devices.count() == 1
    assert devices.get().pk != old.pk


def test_in_demo_mode_a_user_without_an_app_signs_in_with_the_password(
    client: Client, settings
) -> None:
    settings.TWO_FACTOR_REQUIRED = False
    user = UserFactory()

    response = submit_password(client, user)

    assert response["Location"] == HOME
    assert is_signed_in(client)


def test_in_demo_mode_a_user_with_an_app_still_gives_the_code(client: Client, settings) -> None:
    settings.TWO_FACTOR_REQUIRED = False
    device = TOTPDeviceFactory()

    response = submit_password(client, device.user)

    assert response["Location"] == reverse("accounts:otp-verify")
    assert not is_signed_in(client)
