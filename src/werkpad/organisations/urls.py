from django.urls import path

from werkpad.organisations import views

app_name = "organisations"
urlpatterns = [
    path("", views.organisation_list_view, name="list"),
]
