"""Accounts: creating users with their role, and the two-factor device."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from werkpad.accounts.models import User
from werkpad.organisations.models import Membership, Organisation
from werkpad.organisations.roles import Role

ADMINISTRATORS_GROUP = "Werkpad administrators"
# What the admin role manages on the management pages; never candidate data, which is seen
# only through the access policy.
ADMINISTERED_MODELS = (
    ("accounts", "user"),
    ("organisations", "organisation"),
    ("organisations", "membership"),
)


def administrators_group() -> Group:
    """The group giving the admin role its management pages: users, organisations, roles."""
    group, _created = Group.objects.get_or_create(name=ADMINISTRATORS_GROUP)
    models = Q()
    for app_label, model in ADMINISTERED_MODELS:
        models |= Q(content_type__app_label=app_label, content_type__model=model)
    group.permissions.set(Permission.objects.filter(models))
    return group


@transaction.atomic
def user_add_with_role(
    *, email: str, organisation_slug: str, role: str, password: str | None = None
) -> User:
    """Create (or find) the user and give them `role` in the organisation.

    Everything is checked before anything is written: an unknown organisation or role, an
    invalid e-mail address or a weak password raises ValidationError and creates nothing.
    """
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError as error:
        raise ValidationError(
            _("“%(email)s” is not a valid e-mail address.") % {"email": email}
        ) from error
    organisation = Organisation.objects.filter(slug=organisation_slug).first()
    if organisation is None:
        known = ", ".join(Organisation.objects.order_by("slug").values_list("slug", flat=True))
        raise ValidationError(
            _("Unknown organisation “%(slug)s”. Known organisations: %(known)s.")
            % {"slug": organisation_slug, "known": known or _("none yet")}
        )
    if role not in Role.values:
        raise ValidationError(
            _("Unknown role “%(role)s”. Roles: %(roles)s.")
            % {"role": role, "roles": ", ".join(Role.values)}
        )
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User(email=email)
    if password is not None:
        validate_password(password, user)
        user.set_password(password)
    elif user._state.adding:
        user.set_unusable_password()
    user.is_staff = user.is_staff or role == Role.ADMIN
    user.save()
    Membership.objects.get_or_create(user=user, organisation=organisation, role=role)
    if role == Role.ADMIN:
        user.groups.add(administrators_group())
    return user


@transaction.atomic
def api_token_renew(*, user: User) -> str:
    """Replace the user's API token with a fresh one and return it."""
    Token.objects.filter(user=user).delete()
    return str(Token.objects.create(user=user).key)


def totp_device_for_setup(*, user: User) -> TOTPDevice:
    """The unconfirmed device a user is setting up; a new secret each time setup starts."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)


@transaction.atomic
def totp_device_confirm(*, user: User, device: TOTPDevice, token: str) -> bool:
    """Confirm the device when the code from the app is right; retire older devices."""
    if not device.verify_token(token):
        return False
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return True


def user_has_confirmed_device(*, user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()
