from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitorConfig(AppConfig):
    name = "werkpad.monitor"
    verbose_name = _("BHAG monitor")

    def ready(self) -> None:
        from werkpad.monitor import checks  # noqa: F401 - registers the deployment check
