from django.urls import URLPattern, URLResolver, include, path

from werkpad.panel import views
from werkpad.panel.oidc import oidc_enabled

app_name = "panel"


def page(route: str, name: str) -> URLPattern:
    """A page of the portal that shows part of the candidate's own file."""
    return path(route, views.portal_page_view, {"page": name}, name=name)


urlpatterns: list[URLPattern | URLResolver] = [
    # The candidate's own portal: everything is scoped to the signed-in candidate.
    page("", "home"),
    path("inloggen/", views.login_view, name="login"),
    path("uitnodiging/<str:token>/", views.invitation_accept_view, name="invitation-accept"),
    page("plan/", "plan"),
    page("belemmeringen/", "barriers"),
    page("trede/", "ladder"),
    page("voorstellen/", "proposals"),
    path("voorstellen/<uuid:match_id>/", views.proposal_view, name="proposal"),
    page("toestemming/", "consents"),
    path("toestemming/geven/", views.consent_grant_view, name="consent-grant"),
    path(
        "toestemming/<uuid:consent_id>/intrekken/",
        views.consent_revoke_view,
        name="consent-revoke",
    ),
    path("wie-keek/", views.log_view, name="log"),
    path("mijn-gegevens/", views.data_view, name="data"),
    path("mijn-gegevens/download/", views.data_download_view, name="data-download"),
    path("correctie/", views.corrections_view, name="corrections"),
    path("meldingen/", views.notifications_view, name="notifications"),
    path("kandidatenpanel/", views.my_panel_view, name="my-panel"),
    path("kandidatenpanel/aanmelden/", views.panel_join_view, name="panel-join"),
    path("kandidatenpanel/afmelden/", views.panel_leave_view, name="panel-leave"),
    path("kandidatenpanel/idee/", views.idea_submit_view, name="idea-submit"),
    # For professionals.
    path("uitnodigen/<uuid:candidate_id>/", views.invite_view, name="invite"),
    path("correctieverzoeken/", views.correction_request_list_view, name="correction-requests"),
    path(
        "correctieverzoeken/<uuid:request_id>/",
        views.correction_request_view,
        name="correction-request",
    ),
    path("ideeen/", views.ideas_view, name="ideas"),
    path("ideeen/<uuid:idea_id>/", views.idea_view, name="idea"),
    path("sessies/", views.sessions_view, name="sessions"),
    path("sessies/nieuw/", views.session_form_view, name="session-create"),
    path("sessies/<uuid:session_id>/", views.session_form_view, name="session"),
    path("sessies/<uuid:session_id>/idee/", views.session_idea_view, name="session-idea"),
]

if oidc_enabled():  # DigiD through the municipality's OIDC broker (see werkpad.panel.oidc)
    urlpatterns.append(path("digid/", include("mozilla_django_oidc.urls")))
