"""A forgotten password is replaced through a link sent by e-mail."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.factories import TOTPDeviceFactory, UserFactory
from werkpad.accounts.models import User

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "een-nieuw-lang-wachtwoord"


def ask_for_reset(client: Client, email: str):
    return client.post(reverse("accounts:password-reset"), {"email": email})


def link_in_mail() -> str:
    assert len(mail.outbox) == 1
    match = re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[0].body)
    assert match, mail.outbox[0].body
    return match.group(1)


def choose_new_password(client: Client, link: str):
    form_page = client.get(link, follow=True)
    return client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link,
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )


def test_the_user_gets_a_dutch_email_with_a_link_and_sets_a_new_password(client: Client) -> None:
    user = TOTPDeviceFactory().user

    response = ask_for_reset(client, user.email.upper())
    assert response["Location"] == reverse("accounts:password-reset-done")

    message = mail.outbox[0]
    assert message.to == [user.email]
    assert "wachtwoord" in message.subject.lower()
    response = choose_new_password(client, link_in_mail())
    assert response["Location"] == reverse("accounts:password-reset-complete")

    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    response = client.post(
        reverse("accounts:login"), {"username": user.email, "password": NEW_PASSWORD}
    )
    assert response["Location"] == reverse("accounts:otp-verify"), "still asks for the code"


def test_an_unknown_address_gets_the_same_answer_and_no_email(client: Client) -> None:
    response = ask_for_reset(client, "nobody@example.nl")

    assert response["Location"] == reverse("accounts:password-reset-done")
    assert mail.outbox == []


def test_the_link_works_only_once(client: Client) -> None:
    user = UserFactory()
    ask_for_reset(client, user.email)
    link = link_in_mail()
    choose_new_password(client, link)

    page = client.get(link, follow=True).content.decode()

    assert "Deze link werkt niet meer" in page
    assert 'name="new_password1"' not in page


def test_a_user_added_without_a_password_sets_one_with_the_link(client: Client) -> None:
    user = User.objects.create_user("nieuw@example.nl", password=None)
    assert not user.has_usable_password()

    ask_for_reset(client, "nieuw@example.nl")
    choose_new_password(client, link_in_mail())

    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_a_deactivated_user_gets_no_email(client: Client) -> None:
    UserFactory(email="weg@example.nl", is_active=False)

    ask_for_reset(client, "weg@example.nl")

    assert mail.outbox == []


def test_a_weak_new_password_is_refused_with_a_message(client: Client) -> None:
    user = UserFactory()
    ask_for_reset(client, user.email)
    form_page = client.get(link_in_mail(), follow=True)

    response = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": "123", "new_password2": "123"}
    )

    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    user.refresh_from_db()
    assert not user.check_password("123")
