"""Forms of the matching pages: the flow of a match, placements, and the plan run."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkpad.candidates.codes import EndReason, LadderStep, OfferKind
from werkpad.core.forms import StyledFormMixin
from werkpad.offers.codes import MatchStatus, PlacementOutcome
from werkpad.offers.forms import DateInput, ServiceErrorsMixin, VersionField


class OfferSearchForm(StyledFormMixin, forms.Form):
    q = forms.CharField(
        label=_("Find an offer"),
        required=False,
        max_length=100,
        help_text=_("Part of the title or the provider."),
    )


class TransitionForm(ServiceErrorsMixin, forms.Form):
    target = forms.ChoiceField(choices=MatchStatus.choices, widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed when the candidate or provider declines, or when you withdraw."),
    )
    version = VersionField()


class PlacementStartForm(ServiceErrorsMixin, forms.Form):
    start = forms.DateField(label=_("Start"), widget=DateInput())
    hours = forms.IntegerField(label=_("Hours per week"), min_value=1, max_value=60)
    kind = forms.ChoiceField(label=_("Kind"), choices=OfferKind.choices)
    job_coach = forms.BooleanField(label=_("With a job coach"), required=False)
    adjusted_hours = forms.BooleanField(label=_("With adjusted hours"), required=False)
    end_benefit = forms.BooleanField(
        label=_("The candidate leaves bijstand for this job: end the open benefit period"),
        required=False,
        help_text=_(
            "Only for a paid job, and only the municipality's teams can do this. The benefit "
            "ends on the start date with the reason work (or work with support)."
        ),
    )
    version = VersionField()

    def __init__(
        self, *args: Any, offer: Any = None, version: int | None = None, **kwargs: Any
    ) -> None:
        if offer is not None:
            kwargs["initial"] = {
                "start": timezone.localdate(),
                "hours": offer.hours_max,
                "kind": offer.kind,
                "job_coach": offer.job_coach,
                "adjusted_hours": offer.adjusted_hours,
                "version": version,
            }
        super().__init__(*args, **kwargs)


class PlacementEndForm(ServiceErrorsMixin, forms.Form):
    end = forms.DateField(label=_("End"), widget=DateInput())
    outcome = forms.ChoiceField(label=_("Outcome"), choices=PlacementOutcome.choices)
    version = VersionField()


class LadderForm(ServiceErrorsMixin, forms.Form):
    step = forms.TypedChoiceField(label=_("Step now"), choices=LadderStep.choices, coerce=int)
    potential_step = forms.TypedChoiceField(
        label=_("Step the candidate could reach"), choices=LadderStep.choices, coerce=int
    )
    assessed_on = forms.DateField(label=_("Assessed on"), widget=DateInput())


WORK_REASONS = [(r.value, r.label) for r in (EndReason.WORK, EndReason.WORK_WITH_SUPPORT)]


class BenefitEndForm(ServiceErrorsMixin, forms.Form):
    end = forms.DateField(label=_("Last day of the benefit"), widget=DateInput())
    reason = forms.ChoiceField(label=_("Reason"), choices=WORK_REASONS)
    confirm = forms.BooleanField(
        label=_("Yes, the candidate leaves bijstand because of this work"),
        error_messages={"required": _("Tick the box to confirm that the benefit ends.")},
    )


class PlanSendForm(ServiceErrorsMixin, forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, send these proposals to the candidates' professionals and the providers"),
        error_messages={"required": _("Tick the box to confirm that the proposals go out.")},
    )
    version = VersionField()
