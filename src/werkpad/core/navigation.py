"""What a signed-in user can do next, by role: the tasks the home page offers.

Each domain app adds its tasks here, so the home page never links to a page that does not exist.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from werkpad.organisations.roles import Role


@dataclass(frozen=True)
class Task:
    title: str | Promise
    description: str | Promise
    url_name: str
    roles: frozenset[Role]


ALL_ROLES = frozenset(Role)

TASKS: tuple[Task, ...] = (
    Task(
        title=_("My organisations"),
        description=_("See the partners in the programme and who works for them."),
        url_name="organisations:list",
        roles=ALL_ROLES,
    ),
    Task(
        title=_("Two-step verification"),
        description=_("Set up or replace the app that gives your login codes."),
        url_name="accounts:otp-setup",
        roles=ALL_ROLES,
    ),
    Task(
        title=_("API documentation"),
        description=_("Connect your own system to Werkpad."),
        url_name="api-docs",
        roles=frozenset({Role.ADMIN, Role.PROGRAMME_LEAD}),
    ),
    Task(
        title=_("Management"),
        description=_("Manage organisations, users and their roles."),
        url_name="admin:index",
        roles=frozenset({Role.ADMIN}),
    ),
)


def tasks_for_roles(roles: set[Role]) -> list[Task]:
    return [task for task in TASKS if task.roles & roles]
