"""Login in two steps: e-mail and password, then a code from the authenticator app.

The user is only logged in (Django `login`) after the second step, so no page is reachable
with a password alone. In demo mode the second step is asked only of users who set it up.
"""

from __future__ import annotations

import base64
import math
import time
from typing import Any

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from werkpad.accounts import services
from werkpad.accounts.forms import LoginForm, TokenForm
from werkpad.accounts.models import User

PENDING_USER = "werkpad_pending_user"
PENDING_SINCE = "werkpad_pending_since"
PENDING_NEXT = "werkpad_pending_next"
PENDING_SECONDS = 300
SETUP_DEVICE = "werkpad_setup_device"


def _safe_next(request: HttpRequest, candidate: str | None) -> str:
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse(settings.LOGIN_REDIRECT_URL)


def _pending_user(request: HttpRequest) -> User | None:
    """The user who passed the password step in the last five minutes, if any."""
    user_id = request.session.get(PENDING_USER)
    since = request.session.get(PENDING_SINCE, 0)
    if not user_id or time.time() - since > PENDING_SECONDS:
        return None
    return User.objects.filter(pk=user_id, is_active=True).first()


def _complete_login(request: HttpRequest, user: User, device: TOTPDevice | None) -> HttpResponse:
    next_url = request.session.get(PENDING_NEXT)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    if device is not None:
        otp_login(request, device)
    for key in (PENDING_USER, PENDING_SINCE, PENDING_NEXT, SETUP_DEVICE):
        request.session.pop(key, None)
    return redirect(_safe_next(request, next_url))


@sensitive_post_parameters("password")
@never_cache
def login_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect(_safe_next(request, request.GET.get("next")))
    form = LoginForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user = authenticate(
            request,
            username=form.cleaned_data["username"].lower(),
            password=form.cleaned_data["password"],
        )
        if isinstance(user, User):
            has_device = services.user_has_confirmed_device(user=user)
            if not has_device and not settings.TWO_FACTOR_REQUIRED:
                request.session[PENDING_NEXT] = request.GET.get("next")
                return _complete_login(request, user, device=None)
            request.session.cycle_key()
            request.session[PENDING_USER] = str(user.pk)
            request.session[PENDING_SINCE] = time.time()
            request.session[PENDING_NEXT] = request.GET.get("next")
            return redirect("accounts:otp-verify" if has_device else "accounts:otp-setup")
        form.add_error(None, _("The e-mail address or the password is not right. Try again."))
    return render(request, "accounts/login.html", {"form": form})


@never_cache
def otp_verify_view(request: HttpRequest) -> HttpResponse:
    user = _pending_user(request)
    if user is None:
        messages.info(request, _("Your login took too long. Please log in again."))
        return redirect("accounts:login")
    form = TokenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        for device in TOTPDevice.objects.filter(user=user, confirmed=True):
            if device.verify_token(form.cleaned_data["token"]):
                return _complete_login(request, user, device)
        form.add_error("token", _("This code is not right or has expired. Try the new code."))
    return render(request, "accounts/otp_verify.html", {"form": form})


def _setup_device(request: HttpRequest, user: User) -> TOTPDevice:
    device_id = request.session.get(SETUP_DEVICE)
    device = TOTPDevice.objects.filter(pk=device_id, user=user, confirmed=False).first()
    if device is None:
        device = services.totp_device_for_setup(user=user)
        request.session[SETUP_DEVICE] = device.pk
    return device


@never_cache
def otp_setup_view(request: HttpRequest) -> HttpResponse:
    """Set up (or replace) the authenticator app, during login or from the home page."""
    user: Any = request.user if request.user.is_authenticated else _pending_user(request)
    if user is None:
        return redirect("accounts:login")
    device = _setup_device(request, user)
    form = TokenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if services.totp_device_confirm(user=user, device=device, token=form.cleaned_data["token"]):
            if request.user.is_authenticated:
                otp_login(request, device)
                request.session.pop(SETUP_DEVICE, None)
                messages.success(request, _("Two-step verification is set up."))
                return redirect("core:home")
            return _complete_login(request, user, device)
        form.add_error(
            "token", _("This code is not right. Check the time on your phone and try the new code.")
        )
    qr_svg = segno.make(device.config_url, error="m").svg_inline(scale=5, title=_("QR code"))
    return render(
        request,
        "accounts/otp_setup.html",
        {"form": form, "qr_svg": qr_svg, "secret": _base32_secret(device)},
    )


def locked_out_view(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """The page django-axes shows after too many wrong passwords (AXES_LOCKOUT_CALLABLE).

    It says how long the block lasts, taken from the setting rather than written in the text.
    """
    minutes = max(1, math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes}
    return render(request, "accounts/locked_out.html", context, status=429)


def _base32_secret(device: TOTPDevice) -> str:
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@never_cache
@login_required
def api_token_view(request: HttpRequest) -> HttpResponse:
    """Explain the API token; a POST makes a new one (the old one stops working) and shows it."""
    token = None
    if request.method == "POST":
        token = services.api_token_renew(user=request.user)  # type: ignore[arg-type]
    return render(request, "accounts/api_token.html", {"token": token})
