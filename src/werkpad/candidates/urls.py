from django.urls import URLPattern, URLResolver, path

from werkpad.candidates import importing_views, views

app_name = "candidates"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.candidate_list_view, name="list"),
    path("nieuw/", views.candidate_create_view, name="create"),
    path("<uuid:candidate_id>/", views.candidate_detail_view, name="detail"),
    path("<uuid:candidate_id>/gegevens/", views.candidate_edit_view, name="edit"),
    path("<uuid:candidate_id>/belemmeringen/", views.barrier_tab_view, name="barriers"),
    path(
        "<uuid:candidate_id>/belemmeringen/nieuw/",
        views.barrier_create_view,
        name="barrier-create",
    ),
    path(
        "<uuid:candidate_id>/belemmeringen/<uuid:barrier_id>/",
        views.barrier_edit_view,
        name="barrier-edit",
    ),
    path("<uuid:candidate_id>/participatieladder/", views.ladder_tab_view, name="ladder"),
    path(
        "<uuid:candidate_id>/participatieladder/nieuw/",
        views.ladder_score_create_view,
        name="ladder-create",
    ),
    path("<uuid:candidate_id>/plan/", views.plan_tab_view, name="plan"),
    path("<uuid:candidate_id>/plan/doel/", views.plan_goal_create_view, name="goal-create"),
    path(
        "<uuid:candidate_id>/plan/doel/<uuid:goal_id>/stap/",
        views.plan_step_create_view,
        name="step-create",
    ),
    path(
        "<uuid:candidate_id>/plan/stap/<uuid:step_id>/klaar/",
        views.plan_step_done_view,
        name="step-done",
    ),
    path("<uuid:candidate_id>/toestemming/", views.consent_tab_view, name="consents"),
    path(
        "<uuid:candidate_id>/toestemming/nieuw/",
        views.consent_create_view,
        name="consent-create",
    ),
    path(
        "<uuid:candidate_id>/toestemming/<uuid:consent_id>/intrekken/",
        views.consent_revoke_view,
        name="consent-revoke",
    ),
    path("<uuid:candidate_id>/uitkering/", views.benefit_tab_view, name="benefits"),
    path(
        "<uuid:candidate_id>/uitkering/nieuw/",
        views.benefit_period_create_view,
        name="benefit-create",
    ),
    path("<uuid:candidate_id>/correcties/", views.correction_tab_view, name="corrections"),
]
urlpatterns += [
    path("importeren/", importing_views.import_view, name="import"),
    path("importeren/sjabloon.csv", importing_views.import_template_view, name="import-template"),
    path("importeren/<uuid:job_id>/", importing_views.import_job_view, name="import-job"),
    path(
        "importeren/<uuid:job_id>/status/",
        importing_views.import_job_status_view,
        name="import-job-status",
    ),
]
