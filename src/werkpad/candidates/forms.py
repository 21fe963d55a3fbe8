"""The forms of the candidate pages. Each dossier form saves through one service."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkpad.accounts.models import User
from werkpad.candidates import services
from werkpad.candidates.codes import (
    HEALTH_BARRIER_KINDS,
    BarrierKind,
    BarrierStatus,
    EndReason,
    LadderStep,
    OfferKind,
    Severity,
)
from werkpad.candidates.models import (
    Barrier,
    BenefitPeriod,
    Candidate,
    LadderScore,
    PlanGoal,
    PlanStep,
)
from werkpad.candidates.selectors import (
    HEALTH_FILTER,
    SORTS,
    CandidateFilters,
    CandidateView,
)
from werkpad.core.forms import WIDGET_CLASSES, StyledFormMixin
from werkpad.organisations.models import Organisation
from werkpad.privacy.access import CASEWORK_ROLES
from werkpad.privacy.codes import Purpose
from werkpad.privacy.models import Consent
from werkpad.privacy.services import consent_grant

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

SORT_LABELS = {
    "name": _("Name (A to Z)"),
    "-name": _("Name (Z to A)"),
    "postcode": _("Postcode"),
    "birth_date": _("Date of birth (oldest first)"),
    "-birth_date": _("Date of birth (youngest first)"),
    "-updated": _("Last changed"),
}


def organisation_field(label: Any, *, required: bool = True) -> forms.ModelChoiceField[Any]:
    return forms.ModelChoiceField(
        queryset=Organisation.objects.order_by("name"), label=label, required=required
    )


class CandidateFilterForm(StyledFormMixin, forms.Form):
    """Search, filters and sorting of the candidate list (a GET form)."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        help_text=_("A name, a complete BSN or a postcode."),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    barrier_kind = forms.ChoiceField(label=_("Barrier"), required=False)
    ladder_step = forms.TypedChoiceField(
        label=_("Current step on the ladder"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Every step")), *LadderStep.choices],
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        required=False,
        queryset=Organisation.objects.order_by("name"),
        to_field_name="slug",
        empty_label=_("Every organisation"),
    )
    long_term = forms.BooleanField(label=_("5 years or more on benefit"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=list(SORT_LABELS.items()))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Health kinds are one value: their exact kind is encrypted (see candidate_list_page).
        cast(forms.ChoiceField, self.fields["barrier_kind"]).choices = [
            ("", _("Every barrier")),
            *[(kind.value, kind.label) for kind in BarrierKind if kind not in HEALTH_BARRIER_KINDS],
            (HEALTH_FILTER, _("Health (only candidates whose health data you may see)")),
        ]

    def filters(self) -> CandidateFilters:
        """The valid part of the query; an invalid value counts as not given."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        organisation = data.get("organisation")
        sort = data.get("sort") or "name"
        return CandidateFilters(
            search=data.get("q") or "",
            barrier_kind=data.get("barrier_kind") or "",
            ladder_step=data.get("ladder_step"),
            organisation=organisation.slug if organisation else "",
            long_term=bool(data.get("long_term")),
            sort=sort if sort in SORTS else "name",
        )


class CommaSeparatedField(forms.CharField):
    """A list of short texts typed as one line, separated by commas."""

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            return ", ".join(value)
        return value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        text = super().to_python(value) or ""
        return [part.strip() for part in text.split(",") if part.strip()]


def _field_rule(rule: Callable[[str], str], value: str, name: str) -> str:
    """Apply a service's rule for one field; its message goes with the field."""
    try:
        return rule(value)
    except ValidationError as error:
        raise ValidationError(error.message_dict[name]) from error


class CaseManagerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return obj.get_full_name()


class DossierFormMixin(StyledFormMixin):
    """A form on a candidate's dossier: knows the dossier and saves through a service."""

    use_required_attribute = False
    subject = ""  # what the form is about, shown after its title (a barrier, a goal)

    def __init__(self, *args: Any, view: CandidateView, **kwargs: Any) -> None:
        self.view = view
        super().__init__(*args, **kwargs)


class CandidateDetailsForm(StyledFormMixin, forms.ModelForm):
    """The candidate's details. The model validates; the services save."""

    use_required_attribute = False

    languages = CommaSeparatedField(
        label=_("Languages"),
        required=False,
        help_text=_("Separate languages with a comma, for example: Dutch, Arabic, English."),
    )
    skills = CommaSeparatedField(
        label=_("Skills"),
        required=False,
        help_text=_("Separate skills with a comma, for example: cooking, driving licence B."),
    )
    preferred_offer_kinds = forms.MultipleChoiceField(
        label=_("Preferred kinds of offer"),
        required=False,
        choices=OfferKind.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    case_manager = CaseManagerChoiceField(
        label=_("Case manager"),
        required=False,
        empty_label=_("Nobody yet"),
        queryset=User.objects.filter(memberships__role__in=CASEWORK_ROLES)
        .distinct()
        .order_by("full_name", "email"),
    )

    class Meta:
        model = Candidate
        fields = services.CANDIDATE_FIELDS
        widgets = {
            "birth_date": DATE_WIDGET,
            "work_experience": forms.Textarea(attrs={"rows": 4}),
            "postcode": forms.TextInput(attrs={"autocomplete": "off"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["preferred_offer_kinds"].widget.attrs["class"] = WIDGET_CLASSES["checkbox"]

    def clean_postcode(self) -> str:
        return _field_rule(services.normalise_postcode, self.cleaned_data["postcode"], "postcode")

    def changed_fields(self) -> dict[str, Any]:
        return {
            name: self.cleaned_data[name]
            for name in services.CANDIDATE_FIELDS
            if name in self.fields
        }


LEAD_FIELDS = ("lead_organisation", "case_manager")


class CandidateEditForm(CandidateDetailsForm):
    """Change a candidate's details from the version the professional started from."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(
        self, *args: Any, view: CandidateView, may_change_lead: bool, **kwargs: Any
    ) -> None:
        self.view = view
        # A detached copy: the form must not change the candidate that the service compares
        # the new values with (for the corrections history).
        copy = Candidate(
            **{f.attname: getattr(view.candidate, f.attname) for f in Candidate._meta.fields}
        )
        kwargs.setdefault("initial", {"version": view.candidate.version})
        super().__init__(*args, instance=copy, **kwargs)
        if not may_change_lead:
            # Only the lead organisation hands over the lead or names the case manager: a
            # partner that made itself lead could then record consent for itself.
            for name in LEAD_FIELDS:
                del self.fields[name]

    def submit(self, *, acting_user: Any) -> Candidate:
        return services.candidate_update(
            acting_user=acting_user,
            view=self.view,
            expected_version=self.cleaned_data["version"],
            fields=self.changed_fields(),
        )


class CandidateCreateForm(CandidateDetailsForm):
    """Register a new candidate: BSN checked with the 11-test, one candidate per BSN."""

    bsn = forms.CharField(
        label=_("BSN"),
        max_length=11,
        help_text=_("The 9 digits of the citizen service number."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    field_order = ["bsn"]

    def __init__(self, *args: Any, organisations: list[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        lead = self.fields["lead_organisation"]
        lead.queryset = Organisation.objects.filter(pk__in=[o.pk for o in organisations])  # type: ignore[attr-defined]
        if len(organisations) == 1:
            self.initial.setdefault("lead_organisation", organisations[0].pk)

    def clean_bsn(self) -> str:
        return _field_rule(services.validate_bsn, self.cleaned_data["bsn"], "bsn")

    def submit(self, *, acting_user: Any) -> Candidate:
        fields = self.changed_fields()
        return services.candidate_register(
            acting_user=acting_user,
            bsn=self.cleaned_data["bsn"],
            lead_organisation=fields.pop("lead_organisation"),
            **fields,
        )


def _barrier_kind_choices(view: CandidateView) -> list[tuple[str, Any]]:
    """Health kinds only for who may see them: you record only what you may read back."""
    return [
        (kind.value, kind.label)
        for kind in BarrierKind
        if view.may_see_special_category or kind not in HEALTH_BARRIER_KINDS
    ]


def note_field() -> forms.CharField:
    """A free-text note: special-category data, so only shown with special access."""
    return forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Only organisations with consent for care, and the municipality, can read notes."
        ),
    )


class BarrierFieldsForm(DossierFormMixin, forms.Form):
    severity = forms.TypedChoiceField(
        label=_("Severity"), coerce=int, choices=Severity.choices, initial=Severity.MEDIUM
    )
    blocks_work = forms.BooleanField(label=_("Blocks work for now"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=BarrierStatus.choices, initial=BarrierStatus.OPEN
    )
    owner_organisation = organisation_field(_("Organisation working on it"))
    opened_on = forms.DateField(label=_("Noted on"), widget=DATE_WIDGET)
    resolved_on = forms.DateField(
        label=_("Resolved on"),
        required=False,
        widget=DATE_WIDGET,
        help_text=_("Required when the status is resolved."),
    )
    note = note_field()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.view.may_see_special_category:
            del self.fields["note"]

    def barrier_fields(self) -> dict[str, Any]:
        names = [name for name in self.fields if name not in ("kind", "version")]
        return {name: self.cleaned_data[name] for name in names}


class BarrierCreateForm(BarrierFieldsForm):
    kind = forms.ChoiceField(label=_("Kind of barrier"))

    field_order = ["kind"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["kind"]).choices = _barrier_kind_choices(self.view)
        self.initial.setdefault("owner_organisation", self.view.access.organisation.pk)
        self.initial.setdefault("opened_on", timezone.localdate())

    def submit(self, *, acting_user: Any) -> Barrier:
        return services.barrier_create(
            acting_user=acting_user,
            view=self.view,
            kind=self.cleaned_data["kind"],
            **self.barrier_fields(),
        )


class BarrierEditForm(BarrierFieldsForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, barrier: Barrier, **kwargs: Any) -> None:
        self.barrier = barrier
        self.subject = barrier.get_kind_display()
        initial = {
            "severity": barrier.severity,
            "blocks_work": barrier.blocks_work,
            "status": barrier.status,
            "owner_organisation": barrier.owner_organisation_id,
            "opened_on": barrier.opened_on,
            "resolved_on": barrier.resolved_on,
            "note": barrier.note,
            "version": barrier.version,
        }
        super().__init__(*args, initial=initial, **kwargs)

    def submit(self, *, acting_user: Any) -> Barrier:
        return services.barrier_update(
            acting_user=acting_user,
            view=self.view,
            barrier=self.barrier,
            expected_version=self.cleaned_data["version"],
            fields=self.barrier_fields(),
        )


class LadderScoreForm(DossierFormMixin, forms.Form):
    step = forms.TypedChoiceField(label=_("Step now"), coerce=int, choices=LadderStep.choices)
    potential_step = forms.TypedChoiceField(
        label=_("Potential step"),
        coerce=int,
        choices=LadderStep.choices,
        help_text=_("The highest step the candidate could reach. Not lower than the step now."),
    )
    assessed_on = forms.DateField(label=_("Assessed on"), widget=DATE_WIDGET)
    note = note_field()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initial.setdefault("assessed_on", timezone.localdate())
        if not self.view.may_see_special_category:
            del self.fields["note"]

    def submit(self, *, acting_user: Any) -> LadderScore:
        return services.ladder_score_create(
            acting_user=acting_user,
            view=self.view,
            step=self.cleaned_data["step"],
            potential_step=self.cleaned_data["potential_step"],
            assessed_on=self.cleaned_data["assessed_on"],
            note=self.cleaned_data.get("note", ""),
        )


class PlanGoalForm(DossierFormMixin, forms.Form):
    title = forms.CharField(
        label=_("Goal"),
        max_length=200,
        help_text=_("What the candidate wants to reach, for example: two days of volunteer work."),
    )

    def submit(self, *, acting_user: Any) -> PlanGoal:
        return services.plan_goal_create(
            acting_user=acting_user, view=self.view, title=self.cleaned_data["title"]
        )


class PlanStepForm(DossierFormMixin, forms.Form):
    description = forms.CharField(label=_("Agreed step"), max_length=300)
    owner_organisation = organisation_field(_("Organisation responsible"))
    due_on = forms.DateField(label=_("Due on"), widget=DATE_WIDGET)

    def __init__(self, *args: Any, goal: PlanGoal, **kwargs: Any) -> None:
        self.goal = goal
        self.subject = goal.title
        super().__init__(*args, **kwargs)
        self.initial.setdefault("owner_organisation", self.view.access.organisation.pk)

    def submit(self, *, acting_user: Any) -> PlanStep:
        return services.plan_step_create(
            acting_user=acting_user, view=self.view, goal=self.goal, **self.cleaned_data
        )


class BenefitPeriodForm(DossierFormMixin, forms.Form):
    start = forms.DateField(label=_("Start"), widget=DATE_WIDGET)
    end = forms.DateField(
        label=_("End"),
        required=False,
        widget=DATE_WIDGET,
        help_text=_("Leave empty while the benefit continues."),
    )
    end_reason = forms.ChoiceField(
        label=_("Reason for ending"),
        required=False,
        choices=[("", _("Not ended")), *EndReason.choices],
    )

    def submit(self, *, acting_user: Any) -> BenefitPeriod:
        return services.benefit_period_create(
            acting_user=acting_user, view=self.view, **self.cleaned_data
        )


class ConsentForm(DossierFormMixin, forms.Form):
    """Record the candidate's consent for one organisation and one purpose."""

    organisation = organisation_field(_("Organisation"))
    purpose = forms.ChoiceField(label=_("Purpose"), choices=Purpose.choices)
    granted_on = forms.DateField(label=_("Given on"), widget=DATE_WIDGET)
    expires_on = forms.DateField(
        label=_("Valid until"),
        required=False,
        widget=DATE_WIDGET,
        help_text=_("Leave empty when the consent holds until it is revoked."),
    )
    evidence_note = forms.CharField(
        label=_("How the consent was given"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: signed form, filed in the case file on 3 March."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initial.setdefault("granted_on", timezone.localdate())
        if not self.view.may_see_special_category:
            del self.fields["evidence_note"]

    def submit(self, *, acting_user: Any) -> Consent:
        return consent_grant(
            acting_user=acting_user,
            access=self.view.access,
            candidate=self.view.candidate,
            organisation=self.cleaned_data["organisation"],
            purpose=Purpose(self.cleaned_data["purpose"]),
            granted_on=self.cleaned_data["granted_on"],
            expires_on=self.cleaned_data["expires_on"],
            evidence_note=self.cleaned_data.get("evidence_note", ""),
        )
