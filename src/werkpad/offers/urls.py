"""Pages of offers and employer relations under /aanbod/ (the interest page needs no login)."""

from django.urls import URLPattern, URLResolver, path

from werkpad.offers import employer_views, views

app_name = "offers"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.offer_list_view, name="list"),
    path("nieuw/", views.offer_form_view, name="create"),
    path("<uuid:offer_id>/", views.offer_detail_view, name="detail"),
    path("<uuid:offer_id>/wijzigen/", views.offer_form_view, name="edit"),
    path("werkgevers/", employer_views.employer_list_view, name="employer-list"),
    path("werkgevers/nieuw/", employer_views.employer_form_view, name="employer-create"),
    path(
        "werkgevers/<uuid:employer_id>/",
        employer_views.employer_detail_view,
        name="employer-detail",
    ),
    path(
        "werkgevers/<uuid:employer_id>/wijzigen/",
        employer_views.employer_form_view,
        name="employer-edit",
    ),
    path(
        "werkgevers/<uuid:employer_id>/deals/nieuw/",
        employer_views.deal_form_view,
        name="deal-create",
    ),
    path("deals/", employer_views.deal_list_view, name="deal-list"),
    path("deals/<uuid:deal_id>/wijzigen/", employer_views.deal_form_view, name="deal-edit"),
    path("ondernemerstafels/", employer_views.meeting_list_view, name="meeting-list"),
    path("ondernemerstafels/nieuw/", employer_views.meeting_form_view, name="meeting-create"),
    path(
        "ondernemerstafels/<uuid:meeting_id>/",
        employer_views.meeting_detail_view,
        name="meeting-detail",
    ),
    path(
        "ondernemerstafels/<uuid:meeting_id>/wijzigen/",
        employer_views.meeting_form_view,
        name="meeting-edit",
    ),
    path(
        "vervolgacties/<uuid:follow_up_id>/klaar/",
        employer_views.follow_up_done_view,
        name="follow-up-done",
    ),
    path("aanmeldingen/", employer_views.lead_list_view, name="lead-list"),
    path("aanmeldingen/<uuid:lead_id>/", employer_views.lead_detail_view, name="lead-detail"),
    path("belangstelling/", employer_views.interest_view, name="interest"),
    path("belangstelling/bedankt/", employer_views.interest_thanks_view, name="interest-thanks"),
]
