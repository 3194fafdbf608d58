"""The library's filters, the findings search, and sharing attachments with a best practice."""

from django import forms
from django.utils.translation import gettext_lazy as _

from library.thai_text import QUERY_MAX_CHARS, Query
from provinces.models import InspectionZone, Province
from reports.models import Finding, Project, ReportingPeriod


class LibraryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=QUERY_MAX_CHARS * 2, strip=True)
    project = forms.ModelChoiceField(label=_("Project"), queryset=Project.objects.all(), required=False)
    zone = forms.ModelChoiceField(label=_("Inspection zone"), queryset=InspectionZone.objects.all(), required=False)
    province = forms.ModelChoiceField(label=_("Province"), queryset=Province.objects.all(), required=False)
    fiscal_year = forms.TypedChoiceField(label=_("Fiscal year"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        years = ReportingPeriod.objects.order_by("-fiscal_year").values_list("fiscal_year", flat=True).distinct()
        self.fields["fiscal_year"].choices = [("", _("All years")), *((year, year) for year in years)]
        for name in ("project", "zone", "province"):
            self.fields[name].empty_label = _("All")
        for field in self.fields.values():
            if isinstance(field, forms.ChoiceField):
                field.widget.attrs["class"] = "form-select"
        self.fields["q"].widget.attrs.update(
            {"type": "search", "placeholder": _("A Thai word, e.g. ผ้าไทย"), "autocomplete": "off"}
        )

    def clean_q(self) -> str:
        raw = self.cleaned_data.get("q") or ""
        if raw.strip() and not Query.parse(raw):
            raise forms.ValidationError(_("Type a word or a number to search for: symbols alone find nothing."))
        return raw

    @property
    def query(self) -> Query:
        return Query.parse(self.cleaned_data.get("q") or "") if self.is_valid() else Query.parse("")

    def filter(self, findings):
        """The findings narrowed by the chosen filters (the search itself is library.search's)."""
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("project"):
            findings = findings.filter(project=data["project"])
        if data.get("zone"):
            findings = findings.filter(report__zone=data["zone"])
        if data.get("province"):
            findings = findings.filter(report__province=data["province"])
        if data.get("fiscal_year"):
            findings = findings.filter(report__period__fiscal_year=data["fiscal_year"])
        return findings


class FindingSearchForm(LibraryFilterForm):
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Shortfalls and best practices")), *Finding.Kind.choices]
    )

    field_order = ["q", "kind", "project", "zone", "province", "fiscal_year"]

    def filter(self, findings):
        findings = super().filter(findings)
        kind = self.cleaned_data.get("kind") if self.is_valid() else ""
        return findings.filter(kind=kind) if kind else findings


class ShareForm(forms.Form):
    """Which of the report's attachments the best practice shares."""

    attachments = forms.ModelMultipleChoiceField(
        label=_("Shared files"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, finding: Finding, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["attachments"].queryset = finding.report.attachments.all()
