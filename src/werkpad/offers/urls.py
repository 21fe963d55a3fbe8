from django.urls import URLPattern, URLResolver

app_name = "offers"
urlpatterns: list[URLPattern | URLResolver] = []
