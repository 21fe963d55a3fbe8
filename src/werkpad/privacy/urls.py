from django.urls import URLPattern, URLResolver, path

from werkpad.privacy import views

app_name = "privacy"
urlpatterns: list[URLPattern | URLResolver] = [
    path(
        "kandidaten/<uuid:candidate_id>/export/",
        views.candidate_export_view,
        name="candidate-export",
    ),
    path(
        "kandidaten/<uuid:candidate_id>/export/json/",
        views.candidate_export_json_view,
        name="candidate-export-json",
    ),
    path(
        "kandidaten/<uuid:candidate_id>/wissen/",
        views.candidate_erase_view,
        name="candidate-erase",
    ),
    path("verwerkingenlog/", views.log_search_view, name="log-search"),
    path("verwerkingenlog/csv/", views.log_search_csv_view, name="log-search-csv"),
]
