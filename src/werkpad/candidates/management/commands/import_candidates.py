"""`werkpad import-candidates FILE`: import the benefit administration's export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from werkpad.accounts.models import User
from werkpad.candidates.importing import (
    MAX_FILE_BYTES,
    import_job_create,
    import_job_problems,
    import_job_run,
)
from werkpad.candidates.models import ImportJob
from werkpad.organisations.models import Organisation


class Command(BaseCommand):
    help = (
        "Import candidates and their benefit periods from the benefit administration's export "
        "(CSV or XLSX). Nothing is imported when any row has an error."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="the CSV or XLSX file")
        parser.add_argument(
            "--org",
            default="team-inkomen",
            help="slug of the importing organisation, the lead for new candidates "
            "(default: team-inkomen)",
        )
        parser.add_argument(
            "--user", default="", help="e-mail of the user in whose name the import is logged"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(_("There is no file %(path)s.") % {"path": path})
        if path.stat().st_size > MAX_FILE_BYTES:
            raise CommandError(
                _("%(path)s is larger than %(max)s MB. Split it into smaller files.")
                % {"path": path, "max": MAX_FILE_BYTES // 1024 // 1024}
            )
        organisation = Organisation.objects.filter(slug=options["org"]).first()
        if organisation is None:
            raise CommandError(_("There is no organisation %(slug)s.") % {"slug": options["org"]})
        user = None
        if options["user"]:
            user = User.objects.filter(email__iexact=options["user"]).first()
            if user is None:
                raise CommandError(_("There is no user %(email)s.") % {"email": options["user"]})
        try:
            job = import_job_create(
                acting_user=user,
                organisation=organisation,
                file_name=path.name,
                data=path.read_bytes(),
            )
        except PermissionDenied as error:
            raise CommandError(str(error)) from error
        job = import_job_run(job_id=job.pk)
        if job.status != ImportJob.Status.DONE:
            for problem in import_job_problems(job):
                self.stderr.write(problem.message())
            if job.error_count > len(job.errors):
                self.stderr.write(
                    _("… and %(count)s more errors.") % {"count": job.error_count - len(job.errors)}
                )
            raise CommandError(_("Nothing was imported."))
        self.stdout.write(
            _(
                "Imported %(rows)s rows: %(created)s candidates added, %(updated)s changed, "
                "%(unchanged)s unchanged."
            )
            % {
                "rows": job.total_rows,
                "created": job.created_count,
                "updated": job.updated_count,
                "unchanged": job.unchanged_count,
            }
        )
