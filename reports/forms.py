"""The officer's report form, its findings formset, attachments and the admin's reopening form."""

import datetime
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.forms.models import BaseInlineFormSet, inlineformset_factory
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from inspection_portal.fields import BuddhistDateField, PlainTextField
from inspection_portal.lib.numbers import format_number, parse_number
from reports.attachments import ALLOWED_TYPES, validate_room, validate_upload
from reports.models import (
    COMMENT_MAX,
    FINDING_TEXT_MAX,
    Attachment,
    Finding,
    FindingFigure,
    ProblemCategory,
    Project,
    ProvinceReport,
)

SHORTFALL_FIELDS = ("problems", "causes", "measures", "categories")
BEST_PRACTICE_FIELDS = ("title", "what_done", "achieved")


def _textarea(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


def _mark_required_for_submission(form: forms.Form, names) -> None:
    """An asterisk after the label of each field a submission needs (a draft may leave them empty)."""
    for name in names:
        field = form.fields[name]
        field.plain_label = field.label
        field.label = format_html(
            '{} <span class="required-mark" aria-hidden="true">*</span><span class="visually-hidden">{}</span>',
            field.label,
            _("(required to submit)"),
        )


class ReportForm(forms.ModelForm):
    """The report's own text; the findings come in FindingFormSet."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = ProvinceReport
        fields = ["overall_results", "achievements", "next_steps", "no_shortfalls", "no_best_practices"]
        widgets = {"overall_results": _textarea(5), "achievements": _textarea(4), "next_steps": _textarea(4)}
        help_texts = {
            "overall_results": _("How the department's projects went in the province this quarter, in a few lines."),
            "achievements": _("What the province achieved this quarter."),
            "next_steps": _("What the province plans for the next quarter."),
            "no_shortfalls": _("Tick when every project reached its target, so the inspector knows it is not missing."),
            "no_best_practices": _("Tick when the province has no best practice to present this quarter."),
        }

    def __init__(self, *args, posted_kinds: set[str] | None = None, **kwargs) -> None:
        # The kinds of the findings posted with a submission; None when only saving a draft.
        self.posted_kinds = posted_kinds
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version
        _mark_required_for_submission(self, ["overall_results"])

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.posted_kinds is not None:
            # Shown together with the findings' own errors, not in a second round after they are fixed.
            probe = ProvinceReport(
                overall_results=cleaned.get("overall_results") or "",
                no_shortfalls=bool(cleaned.get("no_shortfalls")),
                no_best_practices=bool(cleaned.get("no_best_practices")),
            )
            self.add_completeness_errors(probe.declaration_errors(self.posted_kinds))
        return cleaned

    def add_completeness_errors(self, errors: dict[str, list[str]]) -> None:
        """Show the model's reasons a report cannot be submitted beside the fields they concern."""
        for name, messages in errors.items():
            self.add_error(name if name in self.fields else None, messages)


class FigureNumberField(forms.DecimalField):
    """A figure typed with or without thousands separators ("1,250.5"), shown without needless decimals."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}))
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            value = parse_number(value)
        except InvalidOperation:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        return super().to_python(value)

    def prepare_value(self, value):
        return format_number(value) if isinstance(value, Decimal | int) else value


class FigureForm(forms.ModelForm):
    """One figure row of a finding: activity or phase, target, result, unit."""

    class Meta:
        model = FindingFigure
        fields = ["activity", "target", "result", "unit"]
        field_classes = {"target": FigureNumberField, "result": FigureNumberField}
        help_texts = {"activity": "", "unit": ""}

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("target") is None and cleaned.get("result") is None and not self.has_error("target"):
            if not self.has_error("result"):
                self.add_error("target", _("Give the target, the result, or both."))
        return cleaned


class BaseFigureFormSet(BaseInlineFormSet):
    def get_queryset(self):
        # The figures prefetched with the findings: no query per finding.
        if self.instance.pk is None:
            return FindingFigure.objects.none()
        return self.instance.figures.all()


FigureFormSet = inlineformset_factory(
    Finding, FindingFigure, form=FigureForm, formset=BaseFigureFormSet, extra=1, can_delete=True
)


class FindingForm(forms.ModelForm):
    class Meta:
        model = Finding
        fields = [
            "kind",
            "project",
            "problems",
            "causes",
            "measures",
            "categories",
            "title",
            "what_done",
            "achieved",
        ]
        widgets = {
            "kind": forms.Select(attrs={"data-finding-kind": ""}),
            "categories": forms.CheckboxSelectMultiple,
            "problems": _textarea(),
            "causes": _textarea(),
            "measures": _textarea(),
            "what_done": _textarea(),
            "achieved": _textarea(),
        }
        help_texts = {
            "project": _("The work, project or activity of this fiscal year's action plan."),
            "problems": _("What went wrong. Number them when there are several."),
            "causes": _("The constraints that caused the problems."),
            "measures": _("What the province did or plans to do about them."),
            "categories": _("Tick every kind of problem that applies."),
            "title": _("The title the province presents it under, for example “ร้อยใจ รักษ์ ผ้าไทย”."),
            "what_done": _("What the province did."),
            "achieved": _("What it achieved that other provinces can learn from."),
        }

    def __init__(self, *args, submitting: bool = False, project_choices=None, category_choices=None, **kwargs) -> None:
        self.submitting = submitting
        super().__init__(*args, **kwargs)
        # The choices are read once per formset, not once per finding.
        if project_choices is not None:
            self.fields["project"].choices = project_choices
        if category_choices is not None:
            self.fields["categories"].choices = category_choices
        self.fields["kind"].choices = [("", _("Choose the kind…")), *Finding.Kind.choices]
        if self.instance.carried_from_id is not None:
            # A problem carried forward stays a shortfall of its project: that is its identity across quarters.
            self.fields["kind"].disabled = self.fields["project"].disabled = True
            self.fields["project"].help_text = _("Carried over from last quarter: the project stays the same.")
        _mark_required_for_submission(self, ["problems", "causes", "measures", "title", "what_done", "achieved"])
        # The finding's figure rows, a formset of its own inside this form. A post without them (no
        # management form) leaves the figures as they are.
        prefix = self.add_prefix("figures")
        posted = self.is_bound and f"{prefix}-TOTAL_FORMS" in self.data
        self.figures = FigureFormSet(self.data if posted else None, instance=self.instance, prefix=prefix)

    def is_valid(self) -> bool:
        return all([super().is_valid(), not self.figures.is_bound or self.figures.is_valid()])

    def has_changed(self) -> bool:
        return super().has_changed() or (self.figures.is_bound and self.figures.has_changed())

    def save_figures(self) -> None:
        """Save the figure rows once the finding itself has been saved."""
        if not self.figures.is_bound:
            return
        self.figures.instance = self.instance
        for position, figure_form in enumerate(self.figures.forms):
            figure_form.instance.position = position
        self.figures.save()

    def clean(self) -> dict:
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if self.submitting and kind:
            probe = Finding(kind=kind, **{name: cleaned.get(name) for name in Finding(kind=kind).required_fields()})
            for name in probe.missing_fields():
                self.add_error(name, _("Fill this in before submitting."))
        return cleaned


class BaseFindingFormSet(BaseInlineFormSet):
    def __init__(self, *args, fiscal_year: int, submitting: bool = False, **kwargs) -> None:
        self.submitting = submitting
        projects = Project.objects.active_in(fiscal_year)
        self.project_choices = [("", _("Choose the project…")), *((project.pk, str(project)) for project in projects)]
        self.project_queryset = projects
        self.category_choices = [(category.pk, str(category)) for category in ProblemCategory.objects.all()]
        # The order the officer typed them in, not the model's grouping by kind.
        kwargs.setdefault(
            "queryset", Finding.objects.prefetch_related("categories", "figures").order_by("position", "pk")
        )
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {
            **super().get_form_kwargs(index),
            "submitting": self.submitting,
            "project_choices": self.project_choices,
            "category_choices": self.category_choices,
        }

    def add_fields(self, form, index) -> None:
        super().add_fields(form, index)
        form.fields["project"].queryset = self.project_queryset

    def save_figures(self) -> None:
        """After save(): the figure rows of every finding kept (a deleted finding takes its figures with it)."""
        for form in self.forms:
            kept = not (self.can_delete and self._should_delete_form(form))
            if kept and form.instance.pk is not None and form.has_changed():
                form.save_figures()


FindingFormSet = inlineformset_factory(
    ProvinceReport, Finding, form=FindingForm, formset=BaseFindingFormSet, extra=0, can_delete=True
)


def report_forms(report: ProvinceReport, data=None, submitting: bool = False) -> tuple[ReportForm, BaseFindingFormSet]:
    """The report form and its findings formset, bound to `data` when given.

    A report with no finding yet starts with one empty card; after that, a card is added
    only when the officer asks ("Add a finding").
    """
    formset = FindingFormSet(
        data, instance=report, prefix="findings", fiscal_year=report.period.fiscal_year, submitting=submitting
    )
    if data is None and not formset.initial_form_count():
        formset.extra = 1
    form = ReportForm(data, instance=report, posted_kinds=_posted_kinds(formset) if submitting else None)
    return form, formset


def _posted_kinds(formset: BaseFindingFormSet) -> set[str]:
    """The kinds of the findings a submission keeps (untouched extra forms and deleted ones do not count)."""
    kinds = set()
    for form in formset.forms:
        kind = form.data.get(form.add_prefix("kind"))
        if kind and not form.data.get(form.add_prefix("DELETE")):
            kinds.add(kind)
    return kinds


@transaction.atomic
def save_report(form: ReportForm, formset: BaseFindingFormSet, by, submit: bool = False) -> ProvinceReport:
    """Save the report and its findings, and submit it if asked: all of it or nothing.

    Raises ConcurrentEditError (someone saved since the form was loaded), WorkflowError
    (the report may not be changed now) or ValidationError (not complete enough to submit).
    """
    report = form.instance
    report.lock_for_edit(form.cleaned_data["version"])
    report.updated_by = by
    form.save()
    for position, finding_form in enumerate(formset.forms):
        finding_form.instance.position = position
    formset.save()
    formset.save_figures()
    if submit:
        report.submit(by=by, expected_version=report.version)
    return report


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, DOCX, PPTX, XLSX, JPEG or PNG, at most 20 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(sorted(ALLOWED_TYPES))}),
    )

    def __init__(self, *args, report: ProvinceReport | None = None, **kwargs) -> None:
        self.report = report
        super().__init__(*args, **kwargs)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.content_type = validate_upload(upload)
        if self.report is not None:
            validate_room(self.report, upload)
        return upload

    def save(self, report: ProvinceReport, by) -> Attachment:
        upload = self.cleaned_data["file"]
        return Attachment.objects.create(
            report=report,
            file=upload,
            original_name=upload.name[:255],
            content_type=self.content_type,
            size=upload.size,
            uploaded_by=by,
        )


class ResolutionForm(forms.Form):
    """How last quarter's shortfall was resolved: the officer closes it in the new quarter's report."""

    how_resolved = PlainTextField(
        label=_("What resolved it"),
        max_length=FINDING_TEXT_MAX,
        widget=_textarea(2),
        error_messages={"required": _("Say what resolved the problem.")},
        help_text=_("For example: the permit arrived in July and the digging was finished."),
    )

    def __init__(self, *args, finding_pk: int, **kwargs) -> None:
        kwargs.setdefault("prefix", f"resolve-{finding_pk}")
        super().__init__(*args, **kwargs)


class ReopenForm(forms.Form):
    """An administrator's reopening of one report."""

    reason = PlainTextField(label=_("Reason for reopening"), max_length=COMMENT_MAX, widget=_textarea(3))
    until = BuddhistDateField(
        label=_("Open until"),
        help_text=_("The province may edit and submit until the end of this day. For example 31/01/2570."),
    )

    def clean_until(self) -> datetime.date:
        until = self.cleaned_data["until"]
        if until < timezone.localdate():
            raise ValidationError(_("The reopening must last until today or later."))
        return until


@dataclass(frozen=True)
class ErrorLink:
    """One line of the error summary: the message, and the field it links to."""

    anchor: str
    label: str
    message: str


def error_summary(form: ReportForm, formset: BaseFindingFormSet) -> list[ErrorLink]:
    """Every error of the report form and its findings, in page order, each linking to its field."""
    links = [_link(form, name, message) for name, errors in form.errors.items() for message in errors]
    links += [ErrorLink("findings", str(_("Findings")), str(message)) for message in formset.non_form_errors()]
    for number, finding_form in enumerate(formset.forms, start=1):
        for name, errors in finding_form.errors.items():
            for message in errors:
                link = _link(finding_form, name, message)
                label = _("Finding %(number)s: %(field)s") % {"number": number, "field": link.label}
                links.append(ErrorLink(link.anchor, str(label), link.message))
    return links


def _link(form: forms.Form, name: str, message: str) -> ErrorLink:
    if name == NON_FIELD_ERRORS or name not in form.fields:
        return ErrorLink("report-form", str(_("The report")), str(message))
    bound = form[name]
    field = form.fields[name]
    return ErrorLink(bound.id_for_label or bound.auto_id, str(getattr(field, "plain_label", field.label)), str(message))
