"""Forms of the Zeg JA Team pages. They parse input; the rules live in the services."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkpad.accounts.models import User
from werkpad.candidates.models import Barrier
from werkpad.cases.models import ActionStatus, Case, KnelpuntKind, Meeting, Outcome, Urgency
from werkpad.cases.selectors import principle_list, table_members
from werkpad.cases.services import (
    DEFAULT_INTERVAL_WEEKS,
    DEFAULT_START,
    NAME_A_BARRIER,
    ActionInput,
)
from werkpad.core.forms import StyledFormMixin
from werkpad.organisations.models import Membership, Organisation
from werkpad.organisations.roles import Role
from werkpad.privacy.access import CASEWORK_ROLES

CHECKBOX_CLASS = "utrecht-checkbox utrecht-checkbox--html-input"
RADIO_CLASS = "utrecht-radio-button utrecht-radio-button--html-input"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%H:%M", **kwargs)


class CasesFormMixin(StyledFormMixin):
    """The shared styling, with the right classes on checkbox and radio groups."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field.widget, forms.CheckboxSelectMultiple):
                field.widget.attrs["class"] = CHECKBOX_CLASS
            elif isinstance(field.widget, forms.RadioSelect):
                field.widget.attrs["class"] = RADIO_CLASS

    def add_service_errors(self, error: ValidationError, skip: Collection[str] = ()) -> None:
        """Show a service's ValidationError on the fields it names, the rest above the form.

        Names in `skip` are shown elsewhere by the page (e.g. the action rows of a decision).
        """
        form: Any = self
        if hasattr(error, "error_dict"):
            for name, messages in error.message_dict.items():
                if name not in skip:
                    form.add_error(name if name in self.fields else None, messages)
        else:
            form.add_error(None, error.messages)


class VersionField(forms.IntegerField):
    widget = forms.HiddenInput

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(min_value=1, **kwargs)


# --- cases -----------------------------------------------------------------------------------


class CaseSubmitForm(CasesFormMixin, forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Submitted for"), queryset=Organisation.objects.none(), empty_label=None
    )
    barriers = forms.ModelMultipleChoiceField(
        label=_("Barriers from the dossier"),
        queryset=Barrier.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    knelpunt_kinds = forms.MultipleChoiceField(
        label=_("Other kinds of barrier"),
        choices=KnelpuntKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick the kinds that are not in the dossier yet."),
    )
    barrier_description = forms.CharField(
        label=_("The barriers in your own words"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    tried = forms.CharField(
        label=_("What has been tried"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )
    question = forms.CharField(
        label=_("Your question to the team"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What do you need from the partners at the table?"),
    )
    urgency = forms.ChoiceField(label=_("Urgency"), choices=Urgency.choices, initial=Urgency.NORMAL)
    meeting = forms.ModelChoiceField(
        label=_("Meeting"),
        queryset=Meeting.objects.none(),
        required=False,
        empty_label=_("Not yet: the chair plans it"),
    )

    def __init__(
        self,
        *args: Any,
        organisations: Any,
        barriers: list[Barrier],
        meetings: Any,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["organisation"].queryset = organisations
        fields["barriers"].queryset = Barrier.objects.filter(pk__in=[b.pk for b in barriers])
        # Labels come from the already-read barriers, with health shown as "health" when needed.
        shown = {b.pk: b for b in barriers}
        fields["barriers"].label_from_instance = lambda obj: _barrier_label(shown[obj.pk])
        fields["meeting"].queryset = meetings
        fields["meeting"].label_from_instance = _meeting_label
        if not barriers:
            del fields["barriers"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (
            data.get("barriers") or data.get("knelpunt_kinds") or data.get("barrier_description")
        ):
            self.add_error("barrier_description", str(NAME_A_BARRIER))
        return data


def _barrier_label(barrier: Barrier) -> str:
    shown_kind = barrier.shown_kind  # type: ignore[attr-defined]
    return f"{shown_kind} — {barrier.get_status_display()} — {barrier.owner_organisation}"


def _meeting_label(meeting: Meeting) -> str:
    return f"{meeting.held_on:%d-%m-%Y} {meeting.starts_at:%H:%M} {meeting.location}".strip()


class CaseTransitionForm(CasesFormMixin, forms.Form):
    target = forms.CharField(widget=forms.HiddenInput)
    version = VersionField()
    confirmed = forms.BooleanField(
        label=_("I confirm that the situation is solved: every action is done and it worked."),
        required=False,
    )
    note = forms.CharField(
        label=_("Note"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )


class AgendaAddForm(CasesFormMixin, forms.Form):
    meeting = forms.ModelChoiceField(label=_("Meeting"), queryset=Meeting.objects.none())
    time_box_minutes = forms.IntegerField(
        label=_("Time box (minutes)"), min_value=5, max_value=120, initial=15
    )

    def __init__(self, *args: Any, meetings: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["meeting"]
        field.queryset = meetings
        field.label_from_instance = _meeting_label


class WaitingCaseField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.reference} — {obj.submitting_organisation} — {obj.get_urgency_display()}"


class MeetingAgendaAddForm(CasesFormMixin, forms.Form):
    case = WaitingCaseField(label=_("Case"), queryset=Case.objects.none())
    time_box_minutes = forms.IntegerField(
        label=_("Time box (minutes)"), min_value=5, max_value=120, initial=15
    )

    def __init__(self, *args: Any, cases: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["case"]
        field.queryset = cases


class AgendaItemForm(CasesFormMixin, forms.Form):
    time_box_minutes = forms.IntegerField(
        label=_("Time box (minutes)"), min_value=5, max_value=120, required=False
    )
    move = forms.IntegerField(min_value=-1, max_value=1, required=False)


# --- decisions -------------------------------------------------------------------------------


class PersonField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.get_full_name()


class ActionForm(CasesFormMixin, forms.Form):
    description = forms.CharField(label=_("What"), max_length=500)
    owner_organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.order_by("name")
    )
    owner_person = PersonField(
        label=_("Person"),
        queryset=User.objects.filter(
            is_active=True, memberships__role__in=CASEWORK_ROLES
        ).distinct(),
        required=False,
    )
    due_on = forms.DateField(label=_("Due on"), widget=DateInput())

    def as_input(self) -> ActionInput:
        data = self.cleaned_data
        return ActionInput(
            description=data["description"],
            owner_organisation=data["owner_organisation"],
            owner_person=data.get("owner_person"),
            due_on=data["due_on"],
        )


ActionFormSet = forms.formset_factory(ActionForm, extra=3, max_num=10, absolute_max=10)


class DecisionForm(CasesFormMixin, forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": _(
                "Choose JA, JA MITS or Escalated. “No” is not an answer in the Zeg JA Team: "
                "when the team cannot say yes, it escalates."
            ),
            "required": _("Choose JA, JA MITS or Escalated."),
        },
    )
    solution = forms.CharField(
        label=_("The solution (for JA and JA MITS)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    condition = forms.CharField(
        label=_("The condition (for JA MITS)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    escalated_to = forms.CharField(
        label=_("Escalated to (for Escalated)"), required=False, max_length=200
    )
    escalation_reason = forms.CharField(
        label=_("Why the team escalates"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    rationale = forms.CharField(
        label=_("Rationale"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )
    principles = forms.ModelMultipleChoiceField(
        label=_("Principles of good customisation"),
        queryset=principle_list(active_only=True),
        to_field_name="code",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Cite at least one principle of good customisation.")},
    )
    deviation_rule = forms.CharField(
        label=_("Outside the existing rules: which rule"),
        required=False,
        max_length=300,
        help_text=_("Only when the decision goes outside a rule (buiten de bestaande kaders)."),
    )
    deviation_reason = forms.CharField(
        label=_("Why the team goes outside this rule"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    committed_organisations = forms.ModelMultipleChoiceField(
        label=_("Organisations whose mandate holders committed"),
        queryset=Organisation.objects.none(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, meeting: Meeting | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["committed_organisations"]
        field.queryset = (
            Organisation.objects.filter(pk__in=meeting.attendances.values("organisation_id"))
            if meeting is not None
            else Organisation.objects.all()
        ).order_by("name")
        principles: Any = self.fields["principles"]
        principles.label_from_instance = lambda p: f"{p.code} — {p.title}"


# --- meetings --------------------------------------------------------------------------------


class ChairField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.get_full_name()


def _chairs() -> Any:
    return User.objects.filter(is_active=True, memberships__role=Role.CHAIR).distinct()


class MeetingPlanForm(CasesFormMixin, forms.Form):
    first_on = forms.DateField(label=_("First meeting on"), widget=DateInput())
    interval_weeks = forms.IntegerField(
        label=_("Every how many weeks"),
        min_value=1,
        max_value=12,
        initial=DEFAULT_INTERVAL_WEEKS,
        help_text=_("The Zeg JA Team meets every three weeks."),
    )
    count = forms.IntegerField(label=_("Number of meetings"), min_value=1, max_value=26, initial=4)
    starts_at = forms.TimeField(label=_("Start time"), initial=DEFAULT_START, widget=TimeInput())
    location = forms.CharField(label=_("Location"), required=False, max_length=200)
    chair = ChairField(label=_("Chair"), queryset=_chairs(), required=False)

    def __init__(self, *args: Any, last_meeting_on: date | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        start = (
            last_meeting_on + timedelta(weeks=DEFAULT_INTERVAL_WEEKS)
            if last_meeting_on
            else timezone.localdate() + timedelta(days=7)
        )
        self.fields["first_on"].initial = start


class MeetingForm(CasesFormMixin, forms.Form):
    held_on = forms.DateField(label=_("Date"), widget=DateInput())
    starts_at = forms.TimeField(label=_("Start time"), widget=TimeInput())
    location = forms.CharField(label=_("Location"), required=False, max_length=200)
    chair = ChairField(label=_("Chair"), queryset=_chairs(), required=False)
    version = VersionField()


class MembershipField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.user.get_full_name()} — {obj.organisation.name} ({obj.get_role_display()})"


class AttendanceAddForm(CasesFormMixin, forms.Form):
    membership = MembershipField(
        label=_("Member with a mandate"), queryset=Membership.objects.none()
    )

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["membership"]
        field.queryset = table_members().exclude(user_id__in=meeting.attendances.values("user_id"))


# --- actions and principles ------------------------------------------------------------------


class ActionStatusForm(CasesFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
    version = VersionField()


class PrincipleForm(CasesFormMixin, forms.Form):
    code = forms.RegexField(
        label=_("Code"),
        regex=r"^[A-Za-z][A-Za-z0-9]{0,9}$",
        max_length=10,
        error_messages={"invalid": _("Use a letter and then letters or digits, e.g. P4.")},
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    explanation = forms.CharField(
        label=_("What it asks"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )


class PrincipleEditForm(CasesFormMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    explanation = forms.CharField(
        label=_("What it asks"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )
    version = VersionField()


class PrincipleActiveForm(forms.Form):
    active = forms.BooleanField(required=False)
    version = VersionField()
