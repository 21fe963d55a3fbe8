"""Forms of the offer and employer pages. They parse input; the rules live in the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkpad.candidates.codes import OfferKind
from werkpad.core.forms import DEFAULT_WIDGET_CLASS, StyledFormMixin
from werkpad.offers.codes import LeadStatus, OfferStatus, Sector, Skill
from werkpad.offers.models import Deal, Employer, EmployerLead, EmployerMeeting, Offer
from werkpad.offers.selectors import adviser_users, promise_kinds
from werkpad.offers.services import EMPLOYER_FIELDS, OFFER_FIELDS
from werkpad.organisations.models import Organisation

CHECKBOX_LIST_CLASS = "utrecht-checkbox utrecht-checkbox--html-input"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class VersionField(forms.IntegerField):
    """The version the user started from, so a save over someone else's change is refused."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(min_value=1, required=False, **kwargs)


class ServiceErrorsMixin(StyledFormMixin):
    """Show a service's ValidationError on the fields it names, the rest above the form."""

    def add_service_errors(self, error: ValidationError) -> None:
        form: Any = self
        if hasattr(error, "error_dict"):
            for name, messages in error.message_dict.items():
                form.add_error(name if name in self.fields else None, messages)
        else:
            form.add_error(None, error.messages)


def _with_empty(choices: Any, label: Any) -> list[tuple[str, Any]]:
    return [("", label), *choices]


class SkillsField(forms.MultipleChoiceField):
    """Skills from the shared vocabulary, as checkboxes."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=Skill.choices, required=False, **kwargs)


# --- employers --------------------------------------------------------------------------------


class EmployerFilterForm(StyledFormMixin, forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        help_text=_("Name, place, contact person or KvK number."),
    )
    sector = forms.ChoiceField(
        label=_("Sector"), required=False, choices=_with_empty(Sector.choices, _("All sectors"))
    )


class EmployerForm(ServiceErrorsMixin, forms.ModelForm):
    version = VersionField()

    class Meta:
        model = Employer
        fields = EMPLOYER_FIELDS
        help_texts = {"kvk_number": _("8 digits, from the Chamber of Commerce register.")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["account_manager"].queryset = adviser_users()  # type: ignore[attr-defined]
        self.fields["kvk_number"].widget.attrs.update(inputmode="numeric", autocomplete="off")


# --- deals ------------------------------------------------------------------------------------


class DealForm(ServiceErrorsMixin, forms.Form):
    signed_on = forms.DateField(label=_("Signed on"), widget=DateInput())
    starts_on = forms.DateField(label=_("Starts on"), widget=DateInput())
    ends_on = forms.DateField(label=_("Ends on"), widget=DateInput())
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    version = VersionField()

    def __init__(self, *args: Any, deal: Deal | None = None, **kwargs: Any) -> None:
        if deal is not None and "initial" not in kwargs:
            promised = promise_kinds(deal)
            kwargs["initial"] = {
                "signed_on": deal.signed_on,
                "starts_on": deal.starts_on,
                "ends_on": deal.ends_on,
                "note": deal.note,
                "version": deal.version,
                **{f"places_{k}": p.places for k, p in promised.items()},
            }
        super().__init__(*args, **kwargs)
        # Added after the mixin styled the declared fields, so styled here.
        for kind, label in OfferKind.choices:
            self.fields[f"places_{kind}"] = forms.IntegerField(
                label=label,
                min_value=0,
                max_value=10_000,
                required=False,
                initial=0,
                widget=forms.NumberInput(attrs={"class": DEFAULT_WIDGET_CLASS}),
            )

    @property
    def promise_field_names(self) -> list[str]:
        return [f"places_{kind}" for kind in OfferKind.values]

    def promise_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.promise_field_names]

    def promises(self) -> dict[str, int]:
        return {kind: self.cleaned_data.get(f"places_{kind}") or 0 for kind in OfferKind.values}


# --- round tables -----------------------------------------------------------------------------


class MeetingForm(ServiceErrorsMixin, forms.ModelForm):
    version = VersionField()

    class Meta:
        model = EmployerMeeting
        fields = ("held_on", "title", "location", "employers", "notes")
        widgets = {
            "held_on": DateInput(),
            "employers": forms.CheckboxSelectMultiple(),
            "notes": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["employers"].queryset = Employer.objects.order_by("name")  # type: ignore[attr-defined]
        self.fields["employers"].widget.attrs["class"] = CHECKBOX_LIST_CLASS


class FollowUpForm(ServiceErrorsMixin, forms.Form):
    description = forms.CharField(label=_("Follow-up"), max_length=300)
    owner = forms.ModelChoiceField(label=_("Who does it"), queryset=adviser_users())
    due_on = forms.DateField(label=_("Due on"), widget=DateInput())
    employer = forms.ModelChoiceField(
        label=_("With employer"), queryset=Employer.objects.none(), required=False
    )

    def __init__(self, *args: Any, meeting: EmployerMeeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["employer"].queryset = meeting.employers.order_by("name")  # type: ignore[attr-defined]
        self.fields["owner"].queryset = adviser_users()  # type: ignore[attr-defined]


# --- leads ------------------------------------------------------------------------------------

HONEYPOT_FIELD = "website"


class InterestForm(ServiceErrorsMixin, forms.ModelForm):
    """The public form "Belangstelling als werkgever".

    `website` is a honeypot: hidden from people (and from screen readers), but bots fill it.
    """

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = EmployerLead
        fields = (
            "company_name",
            "contact_name",
            "email",
            "phone",
            "kvk_number",
            "sector",
            "message",
        )
        widgets = {"message": forms.Textarea(attrs={"rows": 5})}
        labels = {"message": _("What would you like to tell us?")}
        help_texts = {"kvk_number": _("8 digits, if you know it.")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["contact_name"].widget.attrs["autocomplete"] = "name"
        self.fields["company_name"].widget.attrs["autocomplete"] = "organization"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())

    def lead_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class LeadStatusForm(StyledFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=LeadStatus.choices)
    version = VersionField()


class LeadFilterForm(StyledFormMixin, forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=_with_empty(LeadStatus.choices, _("All")),
    )


# --- offers -----------------------------------------------------------------------------------


class OfferFilterForm(StyledFormMixin, forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        help_text=_("Title, description, provider, or the four digits of a postcode."),
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=_with_empty(OfferKind.choices, _("All kinds"))
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=_with_empty(OfferStatus.choices, _("All statuses")),
    )
    provider = forms.ChoiceField(label=_("Provider"), required=False)

    def __init__(self, *args: Any, providers: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["provider"].choices = _with_empty(providers, _("All providers"))  # type: ignore[attr-defined]

    def value(self, name: str) -> str:
        return str(self.cleaned_data.get(name) or "") if self.is_valid() else ""


class OfferForm(ServiceErrorsMixin, forms.ModelForm):
    skills_required = SkillsField(label=_("Skills required"))
    skills_desired = SkillsField(label=_("Skills that help"))
    version = VersionField()

    class Meta:
        model = Offer
        fields = OFFER_FIELDS
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "open_from": DateInput(),
            "open_until": DateInput(),
        }
        help_texts = {
            "postcode": _(
                "The full postcode or its four digits: travel distance is measured "
                "from the middle of that area."
            ),
            "capacity": _("How many people can take part or work here at the same time."),
            "group_min": _("Only for a group offer: it starts when this many people join."),
        }

    def __init__(
        self, *args: Any, organisations: Any = None, employers_allowed: bool = True, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if organisations is not None:
            self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        else:
            self.fields["organisation"].queryset = Organisation.objects.order_by("name")  # type: ignore[attr-defined]
        for name in ("skills_required", "skills_desired"):
            self.fields[name].widget.attrs["class"] = CHECKBOX_LIST_CLASS
        if employers_allowed:
            self.fields["employer"].queryset = Employer.objects.order_by("name")  # type: ignore[attr-defined]
        else:
            del self.fields["employer"]
        if not self.instance.pk:
            self.initial.setdefault("open_from", timezone.localdate())

    FIELDSETS = (
        (
            _("The offer"),
            (
                "title",
                "kind",
                "employer",
                "organisation",
                "description",
                "sector",
                "status",
                "pilot",
            ),
        ),
        (
            _("Where and when"),
            ("postcode", "hours_min", "hours_max", "schedule", "open_from", "open_until"),
        ),
        (_("Places"), ("capacity", "is_group", "group_min")),
        (
            _("What it asks"),
            (
                "skills_required",
                "skills_desired",
                "min_dutch_level",
                "physical_demand",
                "certificates",
                "ladder_min",
                "ladder_max",
            ),
        ),
        (_("Support given"), ("job_coach", "adjusted_hours", "childcare_friendly")),
    )

    def _post_clean(self) -> None:
        """Each field is checked by its form field; the rules across fields (one provider,
        ranges, group minimum) are the service's, which names them in words. The model's
        constraints would only say which one was violated."""

    def fieldsets(self) -> list[tuple[Any, list[forms.BoundField]]]:
        return [
            (legend, [self[name] for name in names if name in self.fields])
            for legend, names in self.FIELDSETS
        ]

    def offer_fields(self) -> dict[str, Any]:
        data = {name: self.cleaned_data.get(name) for name in OFFER_FIELDS if name in self.fields}
        data.setdefault("employer", None)
        return data
