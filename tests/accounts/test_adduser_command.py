"""`werkpad adduser EMAIL --org SLUG --role ROLE [--password P] [--print-token]`."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connections
from django.test import Client
from rest_framework.test import APIClient

from werkpad.accounts.models import User
from werkpad.cli import main
from werkpad.organisations.models import Membership, Organisation
from werkpad.organisations.roles import Role

pytestmark = pytest.mark.django_db

STRONG_PASSWORD = "a-strong-password-for-test"


def adduser(*args: str) -> str:
    out = StringIO()
    call_command("adduser", *args, stdout=out)
    return out.getvalue()


def test_adds_a_user_with_a_role_in_the_organisation(organisation: Organisation) -> None:
    adduser(
        "Anna@Example.nl",
        "--org",
        "werkse",
        "--role",
        "professional",
        "--password",
        STRONG_PASSWORD,
    )

    user = User.objects.get(email="anna@example.nl")
    assert user.check_password(STRONG_PASSWORD)
    assert list(user.memberships.values_list("organisation__slug", "role")) == [
        ("werkse", "professional")
    ]


def test_running_it_again_with_another_role_adds_the_role(organisation: Organisation) -> None:
    adduser("anna@example.nl", "--org", "werkse", "--role", "professional")
    adduser("anna@example.nl", "--org", "werkse", "--role", "chair")
    adduser("anna@example.nl", "--org", "werkse", "--role", "chair")

    assert User.objects.count() == 1
    assert set(Membership.objects.values_list("role", flat=True)) == {"professional", "chair"}


def test_without_a_password_the_user_cannot_log_in_until_a_reset(
    organisation: Organisation,
) -> None:
    adduser("anna@example.nl", "--org", "werkse", "--role", "professional")

    assert not User.objects.get().has_usable_password()


def test_an_admin_role_manages_users_and_organisations_but_nothing_else(
    organisation: Organisation, client: Client
) -> None:
    adduser("beheer@example.nl", "--org", "werkse", "--role", "admin")
    client.force_login(User.objects.get())

    for page in ("/admin/", "/admin/accounts/user/", "/admin/organisations/organisation/"):
        assert client.get(page).status_code == 200, page
    assert client.get("/admin/organisations/membership/add/").status_code == 200
    assert client.get("/admin/auth/group/").status_code == 403


def test_other_roles_get_no_management_pages(organisation: Organisation, client: Client) -> None:
    adduser("prof@example.nl", "--org", "werkse", "--role", "professional")
    client.force_login(User.objects.get())

    assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_print_token_prints_a_working_api_token_as_the_last_line(
    organisation: Organisation,
) -> None:
    output = adduser(
        "anna@example.nl", "--org", "werkse", "--role", "professional", "--print-token"
    )

    token = output.strip().splitlines()[-1]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    response = client.get("/api/v1/organisations/")
    assert response.status_code == 200
    assert response.json()["results"][0]["slug"] == "werkse"


def test_a_second_print_token_replaces_the_first(organisation: Organisation) -> None:
    first = adduser("a@example.nl", "--org", "werkse", "--role", "board", "--print-token")
    second = adduser("a@example.nl", "--org", "werkse", "--role", "board", "--print-token")

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {first.strip().splitlines()[-1]}")
    assert client.get("/api/v1/organisations/").status_code == 401
    client.credentials(HTTP_AUTHORIZATION=f"Token {second.strip().splitlines()[-1]}")
    assert client.get("/api/v1/organisations/").status_code == 200


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--org", "no-such-partner", "--role", "professional"], "no-such-partner"),
        (["--org", "werkse", "--role", "king"], "king"),
        (["--org", "werkse", "--role", "professional", "--password", "123"], "password"),
    ],
    ids=["unknown organisation", "unknown role", "weak password"],
)
def test_bad_input_gives_a_clear_error_and_creates_nothing(
    organisation: Organisation, args: list[str], message: str
) -> None:
    with pytest.raises(CommandError) as error:
        adduser("anna@example.nl", *args)

    assert message in str(error.value).lower()
    assert not User.objects.exists()
    assert not Membership.objects.exists()


def test_an_unknown_organisation_error_lists_the_known_ones(organisation: Organisation) -> None:
    with pytest.raises(CommandError, match="werkse"):
        adduser("anna@example.nl", "--org", "werkze", "--role", "professional")


def test_an_invalid_email_address_is_refused(organisation: Organisation) -> None:
    with pytest.raises(CommandError, match="not-an-address"):
        adduser("not-an-address", "--org", "werkse", "--role", "professional")

    assert not User.objects.exists()


def test_the_werkpad_command_exits_non_zero_on_an_unknown_role(
    organisation: Organisation, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The command closes the database connections when it ends; the test still needs its own.
    monkeypatch.setattr(connections, "close_all", lambda: None)

    # --skip-checks: pytest-django's strict template setting trips a system check of its own.
    argv = ["werkpad", "adduser", "anna@example.nl", "--org", "werkse", "--role", "king"]
    with pytest.raises(SystemExit) as exit_info:
        main([*argv, "--skip-checks"])

    assert exit_info.value.code != 0
    assert "king" in capsys.readouterr().err
    assert not User.objects.exists()


def test_every_role_of_the_design_can_be_given(organisation: Organisation) -> None:
    for role in Role:
        adduser("all@example.nl", "--org", "werkse", "--role", role.value)

    assert Membership.objects.count() == len(Role) == 7
