from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from werkpad.core.navigation import Task, menu_for_roles
from werkpad.organisations.models import Membership
from werkpad.organisations.roles import Role


def werkpad(request: HttpRequest) -> dict[str, Any]:
    def main_menu() -> list[Task]:
        # Called by the template only when it renders the menu: one query, signed-in pages only.
        if not request.user.is_authenticated:
            return []
        roles = set(
            Membership.objects.filter(user_id=request.user.pk).values_list("role", flat=True)
        )
        return menu_for_roles({Role(role) for role in roles}, user=request.user)

    return {"demo_mode": settings.DEMO_MODE, "main_menu": main_menu}
