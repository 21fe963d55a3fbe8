from __future__ import annotations

from django import forms
from django.contrib.auth.forms import PasswordChangeForm, PasswordResetForm, SetPasswordForm
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

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
    pass


class StyledSetPasswordForm(StyledFormMixin, SetPasswordForm):  # type: ignore[type-arg]
    pass


class StyledPasswordChangeForm(StyledFormMixin, PasswordChangeForm):  # type: ignore[type-arg]
    pass
