from django.urls import URLPattern, URLResolver

app_name = "privacy"
urlpatterns: list[URLPattern | URLResolver] = []
