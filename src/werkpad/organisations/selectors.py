from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, QuerySet

from werkpad.organisations.models import Membership, Organisation
from werkpad.organisations.roles import Role


def membership_list(*, user: AbstractBaseUser | AnonymousUser) -> list[Membership]:
    if not user.is_authenticated:
        return []
    return list(Membership.objects.filter(user_id=user.pk).select_related("organisation"))


def user_has_role(*, user: AbstractBaseUser | AnonymousUser, roles: set[Role]) -> bool:
    if not user.is_authenticated:
        return False
    return Membership.objects.filter(user_id=user.pk, role__in=roles).exists()


def user_is_admin(*, user: AbstractBaseUser | AnonymousUser) -> bool:
    return bool(getattr(user, "is_superuser", False)) or user_has_role(
        user=user, roles={Role.ADMIN}
    )


def organisation_list(*, search: str = "") -> QuerySet[Organisation]:
    organisations = Organisation.objects.annotate(
        member_count=Count("memberships__user", distinct=True)
    )
    if search:
        organisations = organisations.filter(name__icontains=search)
    return organisations.order_by("name")
