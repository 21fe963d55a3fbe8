"""Forms of the monitor: the dashboard's filters, a goal, a pilot."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from werkpad.cases.models import Case
from werkpad.core.forms import StyledFormMixin
from werkpad.monitor.models import Goal, Pilot
from werkpad.monitor.periods import Granularity
from werkpad.monitor.selectors import MonitorFilters, organisation_choices
from werkpad.offers.models import Offer
from werkpad.organisations.models import Organisation

MONTH = re.compile(r"^(\d{4})-(\d{2})$")
EARLIEST_YEAR = 2000
CASE_NUMBER = re.compile(r"^(?:zja-)?0*(\d{1,9})$", re.IGNORECASE)


class MonthField(forms.CharField):
    """A month as the browser's month input sends it: YYYY-MM."""

    widget = forms.TextInput(attrs={"type": "month", "placeholder": "2019-01"})

    def to_python(self, value: Any) -> date | None:  # type: ignore[override]
        text = super().to_python(value)
        if not text:
            return None
        match = MONTH.match(text)
        if match is None or not 1 <= int(match.group(2)) <= 12:
            raise ValidationError(_("Give a month as year-month, for example 2019-01."))
        year = int(match.group(1))
        if not EARLIEST_YEAR <= year <= date.today().year + 10:  # noqa: DTZ011 - a bound only
            raise ValidationError(_("Give a month between 2000 and ten years from now."))
        return date(year, int(match.group(2)), 1)


class MonitorFilterForm(StyledFormMixin, forms.Form):
    start = MonthField(label=_("From (month)"), required=False)
    end = MonthField(label=_("Up to and including (month)"), required=False)
    granularity = forms.ChoiceField(
        label=_("Per"),
        choices=[(Granularity.QUARTER.value, _("quarter")), (Granularity.MONTH.value, _("month"))],
        required=False,
    )
    organisation = forms.ModelChoiceField(
        label=_("Candidates of organisation"),
        queryset=Organisation.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("All organisations"),
    )

    def __init__(self, *args: Any, defaults: MonitorFilters, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.defaults = defaults
        self.fields["organisation"].queryset = organisation_choices()  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("The last month lies before the first."))
        return data

    def filters(self) -> MonitorFilters:
        """The chosen filters, the defaults where nothing (valid) was chosen."""
        data = self.cleaned_data if self.is_valid() else {}
        return MonitorFilters(
            first=data.get("start") or self.defaults.first,
            last=data.get("end") or self.defaults.last,
            granularity=Granularity(data.get("granularity") or self.defaults.granularity),
            organisation=data.get("organisation"),
        )


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


class GoalForm(StyledFormMixin, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Goal
        fields = (
            "title",
            "metric",
            "baseline_value",
            "baseline_date",
            "target_value",
            "target_date",
            "usual_outflow_per_year",
            "usual_share_to_work",
            "position",
        )
        widgets = {"baseline_date": DateInput(), "target_date": DateInput()}


class PilotForm(StyledFormMixin, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    case_numbers = forms.CharField(
        label=_("Cases (numbers)"),
        required=False,
        help_text=_("Case numbers separated by commas, for example ZJA-001, ZJA-017."),
    )

    class Meta:
        model = Pilot
        fields = (
            "name",
            "aim",
            "status",
            "starts_on",
            "ends_on",
            "partners",
            "offers",
            "every_zeg_ja_case",
            "lessons",
        )
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "partners": forms.CheckboxSelectMultiple,
            "aim": forms.Textarea(attrs={"rows": 3}),
            "lessons": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["offers"].queryset = Offer.objects.order_by("title")  # type: ignore[attr-defined]
        self.fields["offers"].help_text = _(
            "Placements on these offers count for the pilot. Offers whose “pilot” field "
            "names this pilot count too."
        )
        if self.instance.pk and not self.is_bound:
            numbers = self.instance.cases.order_by("number").values_list("number", flat=True)
            self.initial["case_numbers"] = ", ".join(f"ZJA-{n:03d}" for n in numbers)

    def clean_case_numbers(self) -> list[Case]:
        text = self.cleaned_data.get("case_numbers") or ""
        numbers, wrong = set(), []
        for part in filter(None, (p.strip() for p in re.split(r"[,;\s]+", text))):
            match = CASE_NUMBER.match(part)
            if match is None:
                wrong.append(part)
            else:
                numbers.add(int(match.group(1)))
        cases = list(Case.objects.filter(number__in=numbers).order_by("number"))
        wrong += sorted(f"ZJA-{n:03d}" for n in numbers - {case.number for case in cases})
        if wrong:
            raise ValidationError(
                _("These case numbers do not exist: %(numbers)s."),
                params={"numbers": ", ".join(wrong)},
            )
        return cases
