from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from werkpad.organisations.selectors import organisation_list


@login_required
def organisation_list_view(request: HttpRequest) -> HttpResponse:
    search = request.GET.get("q", "").strip()[:100]
    page = Paginator(organisation_list(search=search), 25).get_page(request.GET.get("page"))
    template = (
        "organisations/_organisation_table.html"
        if request.headers.get("HX-Request")
        else "organisations/organisation_list.html"
    )
    return render(request, template, {"page": page, "search": search})
