from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "werkpad.cases"
    verbose_name = _("Zeg JA Team")

    def ready(self) -> None:
        from werkpad.cases import avg  # noqa: F401 - registers the export and erasure parts
