"""`werkpad erase-due [--dry-run]`: the scheduled retention run.

Erases (anonymises) every candidate whose retention period has ended, one transaction per
candidate, so one failure does not undo the rest. Prints candidate numbers only, never names:
the output ends up in cron mail and log files. Schedule it daily, for example:

    15 2 * * *  cd /srv/werkpad && .venv/bin/werkpad erase-due
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from werkpad.privacy.avg import candidate_erase, erasure_due
from werkpad.privacy.codes import ErasureReason


class Command(BaseCommand):
    help = (
        "Erase the personal data of candidates whose retention period after their last "
        "benefit period has ended (RETENTION_YEARS_AFTER_BENEFIT)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Only show what would be erased."
        )

    def handle(self, *args: Any, dry_run: bool = False, **options: Any) -> None:
        today = timezone.localdate()
        due = list(erasure_due(on=today))
        for candidate in due:
            if not dry_run:
                candidate_erase(
                    acting_user=None, candidate=candidate, reason=ErasureReason.RETENTION
                )
            message = (
                _("Would erase candidate %(id)s (last benefit period ended on %(end)s).")
                if dry_run
                else _("Erased candidate %(id)s (last benefit period ended on %(end)s).")
            )
            self.stdout.write(
                message % {"id": candidate.pk, "end": candidate.last_benefit_end.isoformat()}  # type: ignore[attr-defined]
            )
        summary = (
            _("%(count)d candidate(s) due for erasure; nothing was changed (dry run).")
            if dry_run
            else _("%(count)d candidate(s) erased.")
        )
        self.stdout.write(self.style.SUCCESS(summary % {"count": len(due)}))
