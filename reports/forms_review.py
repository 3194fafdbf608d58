"""Forms of the inspector's pages: the period chooser and the review of a report."""

from django import forms
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inspection_portal.fields import PlainTextField
from provinces.models import InspectionZone
from reports import tracking
from reports.models import COMMENT_MAX, Project, ReportingPeriod


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


class LongestRunningFilter(forms.Form):
    """The filters of the longest-running problems (a GET form): a zone the reader follows, a project."""

    zone = forms.ModelChoiceField(
        InspectionZone.objects.none(),
        label=_("Inspection zone"),
        required=False,
        empty_label=_("All my zones"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    project = forms.ModelChoiceField(
        Project.objects.all(),
        label=_("Project"),
        required=False,
        empty_label=_("All projects"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args, user, reads_all: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        zones = InspectionZone.objects.all()
        if not reads_all:
            zones = zones.filter(assignments__user=user).distinct()
        self.fields["zone"].queryset = zones
