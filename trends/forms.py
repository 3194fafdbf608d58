"""The trend pages' filters (GET forms): how many fiscal years, up to which, and the national view's quarter."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from reports import fiscal
from reports.models import ReportingPeriod

YEARS_CHOICES = [(n, n) for n in range(1, 11)]
DEFAULT_YEARS = 3


class TrendForm(forms.Form):
    years = forms.TypedChoiceField(
        label=_("Fiscal years shown"),
        choices=YEARS_CHOICES,
        coerce=int,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    until = forms.TypedChoiceField(
        label=_("Up to fiscal year"), coerce=int, widget=forms.Select(attrs={"class": "form-select"})
    )

    def __init__(self, data, fiscal_years: list[int], **kwargs):
        super().__init__(data, **kwargs)
        self.fields["until"].choices = [(year, year) for year in fiscal_years]


class NationalForm(TrendForm):
    period = forms.ModelChoiceField(
        ReportingPeriod.objects.all(),
        label=_("Quarter"),
        empty_label=None,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    field_order = ["period", "years"]

    def __init__(self, data, fiscal_years: list[int], **kwargs):
        super().__init__(data, fiscal_years, **kwargs)
        del self.fields["until"]  # the quarter's fiscal year ends the trend


def fiscal_years_with_periods(today: datetime.date) -> list[int]:
    """The fiscal years that have a quarter which has begun, latest first (the current one if none has)."""
    years = ReportingPeriod.objects.filter(start_date__lte=today).values_list("fiscal_year", flat=True)
    return sorted(set(years), reverse=True) or [fiscal.fiscal_year_of(today)]


def read_filters(form: forms.Form, defaults: dict) -> tuple[dict, bool]:
    """The form's values, each one it could not read replaced by its default; and whether any was replaced."""
    form.is_valid()
    cleaned = getattr(form, "cleaned_data", {})
    values = {name: cleaned.get(name, default) for name, default in defaults.items()}
    refused = any(name in form.errors for name in defaults)
    return values, refused
