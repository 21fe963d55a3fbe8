"""Pages of matching under /matching/."""

from django.urls import URLPattern, URLResolver, path

from werkpad.matching import views

app_name = "matching"
urlpatterns: list[URLPattern | URLResolver] = [
    path(
        "kandidaten/<uuid:candidate_id>/",
        views.candidate_suggestions_view,
        name="candidate-suggestions",
    ),
    path(
        "aanbod/<uuid:offer_id>/kandidaten/", views.offer_suggestions_view, name="offer-suggestions"
    ),
    path("voorstellen/", views.propose_view, name="propose"),
    path("matches/<uuid:match_id>/", views.match_detail_view, name="match-detail"),
    path("matches/<uuid:match_id>/stap/", views.match_transition_view, name="match-transition"),
    path("matches/<uuid:match_id>/plaatsen/", views.placement_start_view, name="placement-start"),
    path("plaatsingen/<uuid:placement_id>/", views.placement_detail_view, name="placement-detail"),
    path("plaatsingen/<uuid:placement_id>/einde/", views.placement_end_view, name="placement-end"),
    path(
        "plaatsingen/<uuid:placement_id>/trede/",
        views.placement_ladder_view,
        name="placement-ladder",
    ),
    path(
        "plaatsingen/<uuid:placement_id>/uitkering/",
        views.placement_benefit_view,
        name="placement-benefit",
    ),
    path("plan/", views.plan_view, name="plan"),
    path("plan/<uuid:run_id>/", views.plan_run_view, name="plan-run"),
    path("plan/<uuid:run_id>/voortgang/", views.plan_progress_view, name="plan-progress"),
    path("plan/<uuid:run_id>/versturen/", views.plan_send_view, name="plan-send"),
]
