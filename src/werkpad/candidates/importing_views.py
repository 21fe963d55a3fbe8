"""Pages of the import: upload the benefit administration's export and follow its progress."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from werkpad.candidates.importing import (
    COLUMNS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    ImportProblem,
    import_job_create,
    import_job_enqueue,
    import_job_get,
    import_job_list,
    import_job_problems,
    import_organisations,
    import_template_csv,
)
from werkpad.candidates.models import ImportJob
from werkpad.core.forms import StyledFormMixin
from werkpad.organisations.models import Organisation

ACCEPTED_EXTENSIONS = (".csv", ".txt", ".xlsx")


class ImportForm(StyledFormMixin, forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Import for"),
        queryset=Organisation.objects.none(),
        empty_label=None,
        help_text=_("New candidates get this team as their lead organisation."),
    )
    file = forms.FileField(
        label=_("Export of the benefit administration"),
        help_text=_("A CSV file (UTF-8) or an Excel file (.xlsx), at most %(max)s MB.")
        % {"max": MAX_FILE_BYTES // 1024 // 1024},
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ACCEPTED_EXTENSIONS)}),
    )

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        name = upload.name or ""
        problem = None
        if not name.casefold().endswith(ACCEPTED_EXTENSIONS):
            problem = ImportProblem("file_type", params={"value": name})
        elif upload.size is not None and upload.size > MAX_FILE_BYTES:
            problem = ImportProblem(
                "file_too_big", params={"value": name, "max": MAX_FILE_BYTES // 1024 // 1024}
            )
        if problem is not None:
            raise forms.ValidationError(problem.message())
        return upload


def _organisations_or_403(request: HttpRequest) -> QuerySet[Organisation]:
    organisations = import_organisations(user=request.user)
    if not organisations.exists():
        raise PermissionDenied
    return organisations


@login_required
@require_http_methods(["GET", "POST"])
def import_view(request: HttpRequest) -> HttpResponse:
    organisations = _organisations_or_403(request)
    form = ImportForm(request.POST or None, request.FILES or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        job = import_job_create(
            acting_user=request.user,
            organisation=form.cleaned_data["organisation"],
            file_name=upload.name or "",
            data=upload.read(),
        )
        import_job_enqueue(job=job)
        return redirect("candidates:import-job", job_id=job.pk)
    return render(
        request,
        "candidates/import.html",
        {
            "form": form,
            "columns": COLUMNS,
            "max_rows": MAX_ROWS,
            "jobs": import_job_list(user=request.user),
        },
    )


def _job_context(job: ImportJob) -> dict[str, Any]:
    problems = import_job_problems(job)
    return {
        "job": job,
        "file_problems": [problem for problem in problems if problem.row is None],
        "row_problems": [problem for problem in problems if problem.row is not None],
        "more_errors": job.error_count - len(problems),
    }


@login_required
@require_GET
def import_job_view(request: HttpRequest, job_id: UUID) -> HttpResponse:
    _organisations_or_403(request)
    job = import_job_get(user=request.user, job_id=job_id)
    return render(request, "candidates/import_job.html", _job_context(job))


@login_required
@require_GET
def import_job_status_view(request: HttpRequest, job_id: UUID) -> HttpResponse:
    """The status block alone, for htmx to poll while the import runs."""
    _organisations_or_403(request)
    job = import_job_get(user=request.user, job_id=job_id)
    return render(request, "candidates/_import_job_status.html", _job_context(job))


@login_required
@require_GET
def import_template_view(request: HttpRequest) -> HttpResponse:
    _organisations_or_403(request)
    response = HttpResponse(import_template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="werkpad-import.csv"'
    return response
