from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PanelConfig(AppConfig):
    name = "werkpad.panel"
    verbose_name = _("Candidate portal and panel")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from werkpad.panel import avg, oidc, registry  # noqa: F401 - avg, oidc register

        registry.register()
        user_logged_in.connect(mark_candidate_session, dispatch_uid="panel-candidate-session")


def mark_candidate_session(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    """Remember in the session that this user is a candidate (read by the boundary middleware)."""
    from werkpad.panel.middleware import CANDIDATE_SESSION_KEY
    from werkpad.panel.selectors import is_candidate_account

    if request is not None and hasattr(request, "session"):
        request.session[CANDIDATE_SESSION_KEY] = is_candidate_account(user)
