"""Forms of the inspector's pages: the period chooser and the review of a report."""

from django import forms
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reports import tracking
from reports.models import ReportingPeriod


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
    pk = request.GET.get("period")
    if pk:
        if not pk.isdigit():
            raise Http404
        return get_object_or_404(ReportingPeriod, pk=pk)
    return tracking.default_period(timezone.localdate())


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What should the province change?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write a comment saying what the province should change.")},
    )


class AcceptForm(forms.Form):
    comment = forms.CharField(label=_("Comment (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
