"""`werkpad remind`: e-mail everyone their overdue Zeg JA Team actions, once a day.

Schedule it with cron (`0 7 * * * werkpad remind`) or Celery beat; in demo mode the e-mails
are printed on the console.
"""

from __future__ import annotations

import os
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from werkpad.cases.reminders import reminders_send, summary


class Command(BaseCommand):
    help = "E-mail a daily digest of overdue Zeg JA Team actions to each owner."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--base-url",
            default=os.environ.get("WERKPAD_BASE_URL", "http://127.0.0.1:8000"),
            help="where Werkpad is served, for the link in the e-mail",
        )
        parser.add_argument("--date", type=date.fromisoformat, help="count overdue as on this day")
        parser.add_argument("--dry-run", action="store_true", help="say who would get what")

    def handle(self, *args: Any, **options: Any) -> None:
        today = options["date"] or timezone.localdate()
        sent = reminders_send(
            today=today, base_url=options["base_url"].rstrip("/"), dry_run=options["dry_run"]
        )
        if options["dry_run"]:
            for digest in sent:
                self.stdout.write(f"{digest.recipient.email}: {len(digest.actions)}")
        self.stdout.write(summary(sent, dry_run=options["dry_run"]))
