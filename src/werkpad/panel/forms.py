"""Forms of the candidate portal (plain Dutch, B1) and of the panel pages for professionals."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkpad.cases.models import KnelpuntKind
from werkpad.core.forms import StyledFormMixin
from werkpad.offers.models import Offer
from werkpad.organisations.models import Organisation
from werkpad.panel.codes import CorrectionSubject
from werkpad.panel.models import Idea, PanelMember, PanelSession
from werkpad.panel.workflow import CORRECTION_WORKFLOW, IDEA_WORKFLOW, CorrectionStatus, IdeaStatus
from werkpad.privacy.codes import Purpose

CHOICE_GROUP_TEMPLATE = "panel/forms/choice_group.html"
CHOICE_CLASSES = {
    forms.RadioSelect: "utrecht-radio-button utrecht-radio-button--html-input",
    forms.CheckboxSelectMultiple: "utrecht-checkbox utrecht-checkbox--html-input",
}


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class PanelFormMixin(StyledFormMixin):
    """Styled fields; radio and checkbox groups in a fieldset with a legend; service errors
    shown on the field they name."""

    use_required_attribute = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            for widget_type, css_class in CHOICE_CLASSES.items():
                if isinstance(field.widget, widget_type):
                    field.widget.attrs["class"] = css_class
                    field.template_name = CHOICE_GROUP_TEMPLATE  # type: ignore[attr-defined]

    # A service's field name, where this form calls the field differently.
    service_field_names: dict[str, str] = {}

    def add_service_errors(self, error: ValidationError) -> None:
        """Show a service's ValidationError on the field it names, the rest above the form."""
        form: Any = self
        if not hasattr(error, "error_dict"):
            form.add_error(None, error.messages)
            return
        for name, messages in error.message_dict.items():
            field = self.service_field_names.get(name, name)
            form.add_error(field if field in self.fields else None, messages)


class VersionedForm(PanelFormMixin, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


# --- Accounts ---------------------------------------------------------------------------------


class InvitationForm(PanelFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("E-mail address of the candidate"),
        help_text=_("The invitation link is sent here. It works for 7 days and only once."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )


class AcceptInvitationForm(PanelFormMixin, forms.Form):
    password = forms.CharField(
        label=_("Choose a password"),
        help_text=_("At least 12 characters. Not a word that is easy to guess."),
        strip=False,
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_again = forms.CharField(
        label=_("Type the password again"),
        strip=False,
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password") and data.get("password") != data.get("password_again"):
            self.add_error("password_again", _("The two passwords are not the same."))
        return data


# --- Portal -----------------------------------------------------------------------------------


class ProposalAnswerForm(VersionedForm):
    YES = "yes"
    NO = "no"
    answer = forms.ChoiceField(
        label=_("Your answer"),
        choices=[(YES, _("Yes, please")), (NO, _("Rather not"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose “Yes, please” or “Rather not”.")},
    )
    reason = forms.CharField(
        label=_("Why not?"),
        help_text=_("Only if you chose “Rather not”. It helps us find something that fits better."),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("answer") == self.NO and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Tell us why not. It helps us find a better fit."))
        return data


class ConsentGrantForm(PanelFormMixin, forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Which organisation?"),
        queryset=Organisation.objects.order_by("name"),
        empty_label=_("Choose an organisation"),
        error_messages={"required": _("Choose an organisation.")},
    )
    purpose = forms.ChoiceField(
        label=_("What may they use your data for?"),
        choices=Purpose.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what the consent is for.")},
    )
    expires_on = forms.DateField(
        label=_("Until when?"),
        help_text=_("Leave empty if there is no end date. You can always withdraw it."),
        required=False,
        widget=DateInput(),
    )

    def clean_expires_on(self) -> Any:
        day = self.cleaned_data.get("expires_on")
        if day is not None and day < timezone.localdate():
            raise ValidationError(_("Choose a date from today onwards."))
        return day


class CorrectionRequestForm(PanelFormMixin, forms.Form):
    subject = forms.ChoiceField(
        label=_("What is it about?"),
        choices=CorrectionSubject.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what it is about.")},
    )
    description = forms.CharField(
        label=_("What is wrong, and what should it be?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Write what is wrong.")},
    )


class NotificationPreferenceForm(VersionedForm):
    new_proposal = forms.BooleanField(label=_("A new proposal for me"), required=False)
    new_action = forms.BooleanField(label=_("A new action or step in my plan"), required=False)
    consent_expiring = forms.BooleanField(
        label=_("A consent of mine that is about to end"), required=False
    )


class IdeaSubmitForm(PanelFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Your idea or tip"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Write your idea.")},
    )
    anonymous = forms.BooleanField(
        label=_("Send without my name"),
        help_text=_(
            "Then nobody sees who sent it, and Werkpad does not keep it either. "
            "Do not write your name in the idea itself."
        ),
        required=False,
    )


class LogFilterForm(PanelFormMixin, forms.Form):
    hide_own = forms.BooleanField(label=_("Hide what I did myself"), required=False)


# --- Professionals ------------------------------------------------------------------------


class CorrectionFilterForm(PanelFormMixin, forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("All"))] + list(CorrectionStatus.choices),
        required=False,
    )


class CorrectionTransitionForm(VersionedForm):
    status = forms.ChoiceField(label=_("New status"), widget=forms.RadioSelect)
    answer = forms.CharField(
        label=_("Answer to the candidate"),
        help_text=_("The candidate reads this in the portal. Write it in plain language."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, current: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(CorrectionStatus.choices)
        status: Any = self.fields["status"]
        status.choices = [
            (status, labels[status]) for status in CORRECTION_WORKFLOW.targets_from(current)
        ]


class IdeaFilterForm(PanelFormMixin, forms.Form):
    q = forms.CharField(label=_("Search in ideas and answers"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All"))] + list(IdeaStatus.choices), required=False
    )


class IdeaRecordForm(PanelFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Idea from this session"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write the idea.")},
    )


class IdeaUpdateForm(VersionedForm):
    service_field_names = {"answer": "public_answer"}

    status = forms.ChoiceField(label=_("Status"))
    public_answer = forms.CharField(
        label=_("What we did with it (public answer)"),
        help_text=_("Panel members read this. Write it in plain language."),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    pilot_name = forms.CharField(label=_("Pilot"), required=False, max_length=200)
    pilot_url = forms.URLField(label=_("Link to the pilot"), required=False, assume_scheme="https")
    zeg_ja_signal = forms.ChoiceField(
        label=_("Zeg JA signal (a barrier that keeps coming back)"),
        choices=[("", _("None"))] + list(KnelpuntKind.choices),
        required=False,
    )
    offer = forms.ModelChoiceField(
        label=_("Offer"),
        queryset=Offer.objects.order_by("title"),
        required=False,
        empty_label=_("None"),
    )

    def __init__(self, *args: Any, idea: Idea, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {
                "version": idea.version,
                "status": idea.status,
                "public_answer": idea.public_answer,
                "pilot_name": idea.pilot_name,
                "pilot_url": idea.pilot_url,
                "zeg_ja_signal": idea.zeg_ja_signal,
                "offer": idea.offer_id,
            },
        )
        super().__init__(*args, **kwargs)
        labels = dict(IdeaStatus.choices)
        status: Any = self.fields["status"]
        status.choices = [
            (status, labels[status])
            for status in [idea.status, *IDEA_WORKFLOW.targets_from(idea.status)]
        ]


class PanelSessionForm(PanelFormMixin, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    held_on = forms.DateField(label=_("Date"), widget=DateInput())
    topic = forms.CharField(label=_("Topic"), max_length=200)
    location = forms.CharField(label=_("Location"), max_length=200, required=False)
    invitees = forms.ModelMultipleChoiceField(
        label=_("Invite panel members"),
        queryset=PanelMember.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    notes = forms.CharField(
        label=_("Notes"),
        help_text=_("For the programme team; panel members do not see these notes."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(
        self, *args: Any, members: Any, session: PanelSession | None = None, **kwargs: Any
    ) -> None:
        if session is not None:
            kwargs.setdefault(
                "initial",
                {
                    "version": session.version,
                    "held_on": session.held_on,
                    "topic": session.topic,
                    "location": session.location,
                    "notes": session.notes,
                    "invitees": list(session.invitees.all()),
                },
            )
        super().__init__(*args, **kwargs)
        invitees: Any = self.fields["invitees"]
        invitees.queryset = members
        invitees.label_from_instance = lambda member: member.candidate.full_name
