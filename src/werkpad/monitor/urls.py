from django.urls import URLPattern, URLResolver, path

from werkpad.monitor import views

app_name = "monitor"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.dashboard_view, name="dashboard"),
    path("export/monitor.xlsx", views.export_xlsx_view, name="export-xlsx"),
    path("export/<slug:code>.csv", views.export_csv_view, name="export-csv"),
    path("open-data.csv", views.open_data_view, name="open-data"),
    path("rapportage.pdf", views.report_view, name="report"),
    path("doelen/", views.goal_list_view, name="goals"),
    path("doelen/nieuw/", views.goal_edit_view, name="goal-create"),
    path("doelen/<uuid:goal_id>/bewerken/", views.goal_edit_view, name="goal-edit"),
    path("pilots/", views.pilot_list_view, name="pilots"),
    path("pilots/nieuw/", views.pilot_edit_view, name="pilot-create"),
    path("pilots/<uuid:pilot_id>/bewerken/", views.pilot_edit_view, name="pilot-edit"),
]
