from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OffersConfig(AppConfig):
    name = "werkpad.offers"
    verbose_name = _("Offers and employers")

    def ready(self) -> None:
        from werkpad.offers import avg  # noqa: F401 - registers the export and erasure parts
