from django.urls import URLPattern, URLResolver, path

from werkpad.candidates import importing_views

app_name = "candidates"
urlpatterns: list[URLPattern | URLResolver] = []
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
