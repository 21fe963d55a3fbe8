from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PanelConfig(AppConfig):
    name = "werkpad.panel"
    verbose_name = _("Candidate portal and panel")
