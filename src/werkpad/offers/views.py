"""Pages of the offers: the list with filters and search, one offer, and the offer form.

Offers hold no personal data; the matches on an offer do, and are read through
`werkpad.matching.selectors` (only candidates the user may see under `matching`, logged).
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from werkpad.matching.selectors import offer_matches
from werkpad.offers.employer_views import form_save, version_of
from werkpad.offers.forms import OfferFilterForm, OfferForm
from werkpad.offers.selectors import (
    OfferFilters,
    may_create_offers,
    may_edit_offer,
    may_read_offers,
    may_work_with_employers,
    offer_get,
    offer_list,
    offer_provider_organisations,
    provider_choices,
    user_roles,
)
from werkpad.offers.services import offer_create, offer_update
from werkpad.privacy.access import CASEWORK_ROLES

PAGE_SIZE = 25
RESULTS_ID = "offer-results"


def _roles_reading_offers(request: HttpRequest) -> set[Any]:
    roles = user_roles(request.user)
    if not may_read_offers(roles):
        raise PermissionDenied
    return roles


@login_required
@require_GET
def offer_list_view(request: HttpRequest) -> HttpResponse:
    roles = _roles_reading_offers(request)
    partial = (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-Target") == RESULTS_ID
        and request.headers.get("HX-History-Restore-Request") != "true"
    )
    form = OfferFilterForm(request.GET, providers=provider_choices())
    filters = OfferFilters(
        search=form.value("q"),
        kind=form.value("kind"),
        status=form.value("status"),
        provider=form.value("provider"),
    )
    page = Paginator(offer_list(filters=filters), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "searching": any((filters.search, filters.kind, filters.status, filters.provider)),
        "results_id": RESULTS_ID,
        "partial": partial,
        "may_create": may_create_offers(roles),
        "section_employers": may_work_with_employers(roles),
    }
    template = "offers/_offer_results.html" if partial else "offers/offer_list.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request", "HX-Target"])
    return response


@login_required
@require_GET
def offer_detail_view(request: HttpRequest, offer_id: UUID) -> HttpResponse:
    roles = _roles_reading_offers(request)
    offer = offer_get(offer_id=offer_id)
    casework = bool(roles & CASEWORK_ROLES)
    return render(
        request,
        "offers/offer_detail.html",
        {
            "offer": offer,
            "may_edit": may_edit_offer(user=request.user, roles=roles, offer=offer),
            "section_employers": may_work_with_employers(roles),
            "casework": casework,
            "matches": offer_matches(user=request.user, offer=offer) if casework else [],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def offer_form_view(request: HttpRequest, offer_id: UUID | None = None) -> HttpResponse:
    """Publish a new offer, or change one (employer advisers, the programme lead, or a partner
    for its own offers)."""
    roles = _roles_reading_offers(request)
    offer = offer_get(offer_id=offer_id) if offer_id else None
    allowed = (
        may_edit_offer(user=request.user, roles=roles, offer=offer)
        if offer
        else may_create_offers(roles)
    )
    if not allowed:
        raise PermissionDenied
    employers_allowed = may_work_with_employers(roles)
    form = OfferForm(
        request.POST or None,
        instance=offer,
        initial={"version": offer.version} if offer else {},
        organisations=None
        if employers_allowed
        else offer_provider_organisations(user=request.user),
        employers_allowed=employers_allowed,
    )
    if request.method == "POST" and form.is_valid():
        fields = form.offer_fields()

        def save() -> Any:
            if offer is None:
                return offer_create(acting_user=request.user, **fields)
            return offer_update(
                acting_user=request.user,
                offer=offer,
                expected_version=version_of(form, offer),
                **fields,
            )

        saved = form_save(form, save)
        if saved is not None:
            messages.success(request, _("The offer is saved."))
            return redirect("offers:detail", offer_id=saved.pk)
    return render(
        request,
        "offers/offer_form.html",
        {"form": form, "offer": offer, "section_employers": employers_allowed},
    )
