from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django import forms
from django.contrib.auth.forms import PasswordChangeForm, PasswordResetForm, SetPasswordForm
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from werkpad.accounts.models import User
from werkpad.core.forms import StyledFormMixin


class LoginForm(StyledFormMixin, forms.Form):
    # Named "username" because django-axes reads the login name from this field.
    username = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "username", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Password"),
        max_length=4096,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class TokenForm(StyledFormMixin, forms.Form):
    token = forms.CharField(
        label=_("Code from your app"),
        help_text=_("The 6 digits your authenticator app shows now."),
        min_length=6,
        max_length=6,
        validators=[RegexValidator(r"^\d{6}$", _("Enter the 6 digits from your app."))],
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


class StyledPasswordResetForm(StyledFormMixin, PasswordResetForm):
    def get_users(self, email: str) -> Iterator[Any]:
        """Every active user with this address, also one who has no password yet.

        Django skips users without a usable password; `werkpad adduser` without `--password`
        makes exactly such users, and they choose their first password through this e-mail.
        """
        return (
            user
            for user in User.objects.filter(email__iexact=email.strip(), is_active=True)
            if user.email.lower() == email.strip().lower()
        )


class StyledSetPasswordForm(StyledFormMixin, SetPasswordForm):
    pass


class StyledPasswordChangeForm(StyledFormMixin, PasswordChangeForm):
    pass
