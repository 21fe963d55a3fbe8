"""Where a signed-in user can go, by role: the main menu and the tasks on the home page.

Entries name URL patterns; an entry whose page does not exist (yet) is left out, so the
interface never links to a missing page. Each domain app adds its entries here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from werkpad.organisations.roles import Role

ALL_ROLES = frozenset(Role)
CASEWORK = frozenset(
    {Role.PROFESSIONAL, Role.ZEG_JA_MEMBER, Role.CHAIR, Role.EMPLOYER_ADVISER, Role.PROGRAMME_LEAD}
)
ZEG_JA = frozenset({Role.ZEG_JA_MEMBER, Role.CHAIR, Role.PROGRAMME_LEAD})
STEERING = frozenset({Role.PROGRAMME_LEAD, Role.BOARD})


@dataclass(frozen=True)
class Task:
    title: str | Promise
    description: str | Promise
    url_name: str
    roles: frozenset[Role]
    in_menu: bool = False
    # A further check for pages that need more than a role; the entry shows only if it passes.
    allowed: Callable[[Any], bool] | None = None


def _may_use_management(user: Any) -> bool:
    return bool(getattr(user, "is_staff", False))


def _may_import_candidates(user: Any) -> bool:
    from werkpad.candidates.importing import import_organisations

    return import_organisations(user=user).exists()


TASKS: tuple[Task, ...] = (
    Task(
        title=_("Candidates"),
        description=_("Find a candidate and open their dossier."),
        url_name="candidates:list",
        roles=CASEWORK,
        in_menu=True,
    ),
    Task(
        title=_("Zeg JA Team"),
        description=_("Cases, meetings and decisions of the Zeg JA Team."),
        url_name="cases:list",
        roles=CASEWORK,
        in_menu=True,
    ),
    Task(
        title=_("My actions"),
        description=_("The actions you or your organisation must carry out."),
        url_name="cases:my-actions",
        roles=CASEWORK,
    ),
    Task(
        title=_("Learning from cases"),
        description=_(
            "How fast the Zeg JA Team solves cases, and which barriers keep coming back."
        ),
        url_name="cases:learning",
        roles=STEERING,
    ),
    Task(
        title=_("Offers and employers"),
        description=_("Jobs, volunteer places, day activities and the employers behind them."),
        url_name="offers:list",
        roles=CASEWORK | STEERING,
        in_menu=True,
    ),
    Task(
        title=_("City-wide matching plan"),
        description=_("Plan fitting offers for all candidates at once and review the proposals."),
        url_name="matching:plan",
        roles=frozenset({Role.PROGRAMME_LEAD}),
    ),
    Task(
        title=_("BHAG monitor"),
        description=_("Progress towards the programme's goals, with figures and exports."),
        url_name="monitor:dashboard",
        roles=STEERING,
        in_menu=True,
    ),
    Task(
        title=_("Candidate panel"),
        description=_("Ideas from candidates and what we did with them."),
        url_name="panel:ideas",
        roles=STEERING | CASEWORK,
    ),
    Task(
        title=_("Processing log"),
        description=_("Search who looked at or changed whose personal data."),
        url_name="privacy:log-search",
        roles=frozenset({Role.PROGRAMME_LEAD, Role.ADMIN}),
    ),
    Task(
        title=_("Import candidates"),
        description=_("Load the export of the benefit administration."),
        url_name="candidates:import",
        roles=frozenset({Role.PROFESSIONAL, Role.ADMIN}),
        allowed=_may_import_candidates,
    ),
    Task(
        title=_("Organisations"),
        description=_("See the partners in the programme and who works for them."),
        url_name="organisations:list",
        roles=ALL_ROLES,
        in_menu=True,
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
        title=_("API token"),
        description=_("Make the token your own system uses to sign in to the API."),
        url_name="accounts:api-token",
        roles=frozenset({Role.ADMIN, Role.PROGRAMME_LEAD}),
    ),
    Task(
        title=_("Management"),
        description=_("Manage organisations, users and their roles."),
        url_name="admin:index",
        roles=frozenset({Role.ADMIN}),
        allowed=_may_use_management,
    ),
)


def _exists(url_name: str) -> bool:
    try:
        reverse(url_name)
    except NoReverseMatch:
        return False
    return True


def _offered(task: Task, roles: set[Role], user: Any) -> bool:
    """For these roles, the page exists and, where the entry asks, lets `user` in."""
    return bool(
        task.roles & roles
        and _exists(task.url_name)
        and (task.allowed is None or (user is not None and task.allowed(user)))
    )


def tasks_for_roles(roles: set[Role], *, user: Any = None) -> list[Task]:
    return [task for task in TASKS if _offered(task, roles, user)]


def menu_for_roles(roles: set[Role], *, user: Any = None) -> list[Task]:
    return [task for task in TASKS if task.in_menu and _offered(task, roles, user)]
