from django.urls import URLPattern, URLResolver, path

from werkpad.candidates import importing_views, views

app_name = "candidates"


def tab(route: str, name: str, tab_name: str) -> URLPattern:
    return path(route, views.dossier_tab_view, {"tab": tab_name}, name=name)


def form(route: str, name: str) -> URLPattern:
    return path(route, views.dossier_form_view, {"form_page": name}, name=name)


urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.candidate_list_view, name="list"),
    path("nieuw/", views.candidate_create_view, name="create"),
    tab("<uuid:candidate_id>/", "detail", "overview"),
    form("<uuid:candidate_id>/gegevens/", "edit"),
    tab("<uuid:candidate_id>/belemmeringen/", "barriers", "barriers"),
    form("<uuid:candidate_id>/belemmeringen/nieuw/", "barrier-create"),
    form("<uuid:candidate_id>/belemmeringen/<uuid:barrier_id>/", "barrier-edit"),
    tab("<uuid:candidate_id>/participatieladder/", "ladder", "ladder"),
    form("<uuid:candidate_id>/participatieladder/nieuw/", "ladder-create"),
    tab("<uuid:candidate_id>/plan/", "plan", "plan"),
    form("<uuid:candidate_id>/plan/doel/", "goal-create"),
    form("<uuid:candidate_id>/plan/doel/<uuid:goal_id>/stap/", "step-create"),
    path(
        "<uuid:candidate_id>/plan/stap/<uuid:step_id>/klaar/",
        views.plan_step_done_view,
        name="step-done",
    ),
    tab("<uuid:candidate_id>/toestemming/", "consents", "consents"),
    form("<uuid:candidate_id>/toestemming/nieuw/", "consent-create"),
    path(
        "<uuid:candidate_id>/toestemming/<uuid:consent_id>/intrekken/",
        views.consent_revoke_view,
        name="consent-revoke",
    ),
    tab("<uuid:candidate_id>/uitkering/", "benefits", "benefits"),
    form("<uuid:candidate_id>/uitkering/nieuw/", "benefit-create"),
    tab("<uuid:candidate_id>/correcties/", "corrections", "corrections"),
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
