from django.urls import URLPattern, URLResolver, path

from werkpad.monitor import api

urlpatterns: list[URLPattern | URLResolver] = [
    path("monitor/goals/", api.GoalProgressListView.as_view(), name="monitor-goals"),
    path("monitor/indicators/", api.IndicatorListView.as_view(), name="monitor-indicators"),
    path(
        "monitor/indicators/<slug:code>/",
        api.IndicatorDetailView.as_view(),
        name="monitor-indicator",
    ),
]
