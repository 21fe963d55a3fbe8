"""A signed-in session ends after 30 minutes without activity; activity keeps it alive."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db

#: A page only a signed-in professional sees (the home page welcomes visitors).
HOME = reverse("organisations:list")


class Clock:
    def __init__(self) -> None:
        self.now = timezone.now()

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: int) -> None:
        self.now += timedelta(minutes=minutes)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[Clock]:
    clock = Clock()
    monkeypatch.setattr(timezone, "now", clock)
    yield clock


def test_the_settings_end_idle_sessions_and_keep_the_cookie_from_scripts() -> None:
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST, "each request restarts the idle timer"
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert settings.SESSION_COOKIE_HTTPONLY


def test_thirty_one_idle_minutes_end_the_session(signed_in_client: Client, clock: Clock) -> None:
    assert signed_in_client.get(HOME).status_code == 200

    clock.advance(31)
    response = signed_in_client.get(HOME)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_each_request_restarts_the_idle_time(signed_in_client: Client, clock: Clock) -> None:
    for _ in range(4):
        clock.advance(25)
        assert signed_in_client.get(HOME).status_code == 200, "100 minutes, never 30 idle"


def test_the_session_cookie_ends_with_the_browser(signed_in_client: Client) -> None:
    response = signed_in_client.get(HOME)

    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert not cookie["expires"]
    assert not cookie["max-age"]
    assert cookie["httponly"]
