from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from werkpad.core.views import healthz

API_APPS = (
    "organisations",
    "candidates",
    "privacy",
    "cases",
    "offers",
    "matching",
    "panel",
    "monitor",
)
api_v1 = [path("", include(f"werkpad.{app}.api_urls")) for app in API_APPS]

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    # The admin signs in through Werkpad's own login, which enforces the second factor.
    path("admin/login/", RedirectView.as_view(pattern_name="accounts:login", query_string=True)),
    path("admin/", admin.site.urls),
    path("api/v1/", include(api_v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("accounts/", include("werkpad.accounts.urls")),
    path("organisaties/", include("werkpad.organisations.urls")),
    path("kandidaten/", include("werkpad.candidates.urls")),
    path("privacy/", include("werkpad.privacy.urls")),
    path("zeg-ja/", include("werkpad.cases.urls")),
    path("aanbod/", include("werkpad.offers.urls")),
    path("matching/", include("werkpad.matching.urls")),
    path("portaal/", include("werkpad.panel.urls")),
    path("monitor/", include("werkpad.monitor.urls")),
    path("", include("werkpad.core.urls")),
]

handler400 = "werkpad.core.views.bad_request"
handler404 = "werkpad.core.views.not_found"
