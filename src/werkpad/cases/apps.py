from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "werkpad.cases"
    verbose_name = _("Zeg JA Team")
