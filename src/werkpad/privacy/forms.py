"""Forms of the privacy pages: the processing-log search and the erasure confirmation."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from werkpad.candidates.services import validate_bsn
from werkpad.core.forms import StyledFormMixin
from werkpad.privacy.codes import ErasureReason, LogAction
from werkpad.privacy.selectors import LogFilters, log_activity_choices, organisation_choices


class LogSearchForm(StyledFormMixin, forms.Form):
    bsn = forms.CharField(
        label=_("BSN of the candidate"),
        required=False,
        max_length=11,
        help_text=_("The exact BSN, 9 digits."),
    )
    candidate = forms.UUIDField(
        label=_("Candidate number"),
        required=False,
        help_text=_("The number at the end of the dossier's web address."),
    )
    organisation = forms.ChoiceField(label=_("Organisation"), required=False)
    user_email = forms.EmailField(label=_("E-mail address of the user"), required=False)
    action = forms.ChoiceField(
        label=_("Action"), required=False, choices=[("", _("All actions")), *LogAction.choices]
    )
    activity = forms.ChoiceField(label=_("Processing activity"), required=False)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Up to and including"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [  # type: ignore[attr-defined]
            ("", _("All organisations")),
            *organisation_choices(),
        ]
        self.fields["activity"].choices = [  # type: ignore[attr-defined]
            ("", _("All activities")),
            *log_activity_choices(),
        ]

    def clean_bsn(self) -> str:
        value: str = self.cleaned_data["bsn"].replace(" ", "").replace(".", "")
        if not value:
            return ""
        try:
            return validate_bsn(value)
        except ValidationError as error:
            raise ValidationError(_("This is not a valid BSN. Check the 9 digits.")) from error

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_to < date_from:
            self.add_error("date_to", _("The end date cannot be before the start date."))
        return cleaned

    def filters(self) -> LogFilters:
        data = self.cleaned_data
        return LogFilters(
            bsn=data["bsn"],
            candidate_id=data["candidate"],
            organisation=data["organisation"],
            user_email=data["user_email"],
            action=data["action"],
            activity=data["activity"],
            date_from=data["date_from"],
            date_to=data["date_to"],
        )


class ErasureForm(StyledFormMixin, forms.Form):
    reason = forms.ChoiceField(
        label=_("Legal ground for the erasure"),
        widget=forms.RadioSelect,
        choices=(),
        error_messages={"required": _("Choose the legal ground for the erasure.")},
    )
    confirm = forms.BooleanField(
        label=_("I understand that the personal data are erased for good and cannot come back."),
        error_messages={"required": _("Tick the box to confirm that you want to erase.")},
    )

    def __init__(self, *args: Any, retention_due: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"].choices = [  # type: ignore[attr-defined]
            (reason.value, reason.label)
            for reason in ErasureReason
            if retention_due or reason != ErasureReason.RETENTION
        ]
