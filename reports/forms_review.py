"""Forms of the inspector's pages: the period chooser and the review of a report."""

from django import forms
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inspection_portal.fields import PlainTextField
from reports import tracking
from reports.models import COMMENT_MAX, ReportingPeriod


class PeriodForm(forms.Form):
    """The period chooser of the tracker and of the new meeting page (a GET form)."""

    period = forms.ModelChoiceField(
        ReportingPeriod.objects.all(),
        label=_("Quarter"),
        empty_label=None,
        widget=forms.Select(attrs={"class": "form-select"}),
    )


def chosen_period(request: HttpRequest) -> ReportingPeriod | None:
    """The period named by ?period=, else the latest one that has begun; 404 for an unknown one."""
    if not request.GET.get("period"):
        return tracking.default_period(timezone.localdate())
    form = PeriodForm(request.GET)
    if not form.is_valid():
        raise Http404
    return form.cleaned_data["period"]


class ReturnForm(forms.Form):
    comment = PlainTextField(
        label=_("What should the province change?"),
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write a comment saying what the province should change.")},
    )


class AcceptForm(forms.Form):
    comment = PlainTextField(
        label=_("Comment (optional)"), max_length=COMMENT_MAX, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
