"""`werkpad notify-candidates`: e-mail candidates about new proposals, new actions and consents
about to end, once a day.

Schedule it with cron (`0 8 * * * werkpad notify-candidates`); in demo mode the e-mails are
printed on the console.
"""

from __future__ import annotations

import os
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from werkpad.panel.notifications import candidate_notifications_send, summary


class Command(BaseCommand):
    help = "E-mail candidates about new proposals, new actions and consents about to end."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--base-url",
            default=os.environ.get("WERKPAD_BASE_URL", "http://127.0.0.1:8000"),
            help="where Werkpad is served, for the link in the e-mail",
        )
        parser.add_argument("--date", type=date.fromisoformat, help="act as on this day")
        parser.add_argument("--dry-run", action="store_true", help="say who would get e-mail")

    def handle(self, *args: Any, **options: Any) -> None:
        news = candidate_notifications_send(
            today=options["date"] or timezone.localdate(),
            base_url=options["base_url"].rstrip("/"),
            dry_run=options["dry_run"],
        )
        if options["dry_run"]:
            for item in news:
                self.stdout.write(f"{item.account.user.email}: {len(item.events)}")
        self.stdout.write(summary(news, dry_run=options["dry_run"]))
