from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export import fields, resources, widgets
from import_export.admin import ImportExportModelAdmin
from simple_history.admin import SimpleHistoryAdmin

from inspection_portal.admin import BUDDHIST_DATES, LabelledChangelistMixin, LeanChangelistMixin, be_column
from inspection_portal.lib.spreadsheets import PortalImportExportMixin
from inspection_portal.lib.thai import thai_date
from reports.forms import ReopenForm
from reports.models import (
    Attachment,
    ConcurrentEditError,
    Finding,
    FindingFigure,
    PeriodOpening,
    ProblemCategory,
    Project,
    ProvinceReport,
    ReportingPeriod,
    ReviewEvent,
    ShortfallResolution,
)


class FiscalYearWidget(widgets.IntegerWidget):
    """A Buddhist-era year; anything else fails its row with a message naming the value (not a Decimal error)."""

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except (ArithmeticError, ValueError):
            message = _("“%(value)s” is not a fiscal year: write a Buddhist-era year such as 2564.")
            raise ValueError(message % {"value": value}) from None


class ProjectResource(resources.ModelResource):
    first_fiscal_year = fields.Field("first_fiscal_year", "first_fiscal_year", widget=FiscalYearWidget())
    last_fiscal_year = fields.Field("last_fiscal_year", "last_fiscal_year", widget=FiscalYearWidget())

    class Meta:
        model = Project
        import_id_fields = ["name_th"]
        fields = ["name_th", "short_name", "name_en", "first_fiscal_year", "last_fiscal_year"]
        export_order = fields
        skip_unchanged = True
        report_skipped = False


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(LabelledChangelistMixin, SimpleHistoryAdmin):
    formfield_overrides = BUDDHIST_DATES
    start_date_be = be_column(ReportingPeriod, "start_date")
    end_date_be = be_column(ReportingPeriod, "end_date")
    list_display = ["__str__", "fiscal_year", "quarter", "start_date_be", "end_date_be", "deadline", "is_open"]
    list_filter = ["fiscal_year", "quarter", "is_open"]
    list_editable = ["deadline", "is_open"]
    readonly_fields = ["start_date_be", "end_date_be"]
    search_fields = ["fiscal_year"]


@admin.register(Project)
class ProjectAdmin(PortalImportExportMixin, ImportExportModelAdmin, SimpleHistoryAdmin):
    resource_classes = [ProjectResource]
    list_display = ["name_th", "short_name", "first_fiscal_year", "last_fiscal_year"]
    list_filter = ["first_fiscal_year", "last_fiscal_year"]
    search_fields = ["name_th", "short_name", "name_en"]


class PeriodOpeningForm(forms.ModelForm):
    class Meta:
        model = PeriodOpening
        fields = ["period", "zone", "province", "until", "reason"]
        widgets = {"until": forms.DateInput(attrs={"type": "date"}), "reason": forms.Textarea(attrs={"rows": 3})}


@admin.register(PeriodOpening)
class PeriodOpeningAdmin(admin.ModelAdmin):
    """A past quarter opened for the provinces of one zone, or one province, to enter late reports."""

    form = PeriodOpeningForm
    list_display = ["period", "zone", "province", "until", "created_by", "created_at"]
    list_filter = ["period", "zone"]
    list_select_related = ["period", "zone", "province", "created_by"]
    autocomplete_fields = ["province"]
    readonly_fields = ["created_by", "created_at"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        reopened = obj.apply(by=request.user)
        if reopened:
            message = ngettext(
                "%(count)s unfinished report of these provinces may be changed again until the same day.",
                "%(count)s unfinished reports of these provinces may be changed again until the same day.",
                reopened,
            )
            self.message_user(request, message % {"count": reopened})


@admin.register(ProblemCategory)
class ProblemCategoryAdmin(LabelledChangelistMixin, admin.ModelAdmin):
    list_display = ["name", "position"]
    list_editable = ["position"]
    search_fields = ["name"]


class CharCounterMedia:
    js = ["js/char_counter.js"]


class FindingFigureInline(admin.TabularInline):
    model = FindingFigure
    extra = 0


class FindingInline(admin.StackedInline):
    model = Finding
    extra = 0
    autocomplete_fields = ["project"]
    filter_horizontal = ["categories"]


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    fields = ["original_name", "content_type", "size", "uploaded_by", "uploaded_at"]
    readonly_fields = fields
    can_delete = False


class ShortfallResolutionInline(admin.TabularInline):
    """Last quarter's shortfalls the report closes as resolved (made on the officer's page)."""

    model = ShortfallResolution
    fk_name = "report"
    extra = 0
    fields = ["finding", "how_resolved", "by", "at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ShortfallResolution)
class ShortfallResolutionAdmin(admin.ModelAdmin):
    """The history of resolutions, read-only: the officers record them with the new quarter's report."""

    list_display = ["finding", "report", "by", "at"]
    list_select_related = ["finding__project", "finding__report__province", "report__province", "report__period"]
    list_filter = ["report__period"]
    search_fields = ["how_resolved", "report__province__name_th"]
    fields = ["report", "finding", "how_resolved", "by", "at"]
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class ReviewEventInline(admin.TabularInline):
    model = ReviewEvent
    extra = 0
    fields = ["at", "action", "by", "comment"]
    readonly_fields = fields
    can_delete = False


REVERT_REFUSED = _(
    "A report cannot be reverted to a past version: its history keeps the report's own fields but not its "
    "findings, so a revert would restore only half of it. Change the report itself instead."
)
CONFLICT = _("Someone saved this report after you opened it. Reload the page and make your change again.")


class ProvinceReportAdminForm(forms.ModelForm):
    """The change form takes part in the report's optimistic concurrency, like the officer's page."""

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    refuse_as_conflict = False  # set by ConcurrencySafeAdmin after a save lost the race

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["loaded_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        # Locked until the admin's save commits, so an officer's save waits instead of racing it.
        if self.refuse_as_conflict:
            raise ValidationError(CONFLICT)
        if self.instance.pk is not None and cleaned.get("loaded_version") != self.instance.locked_version():
            raise ValidationError(CONFLICT)
        return cleaned


class FindingAdminForm(forms.ModelForm):
    """A finding changed here moves its report's version on, so an officer's older page cannot overwrite it."""

    loaded_report_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    refuse_as_conflict = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.report_id is not None:
            self.fields["loaded_report_version"].initial = self.instance.report.version

    def clean(self):
        cleaned = super().clean()
        if self.refuse_as_conflict:
            raise ValidationError(CONFLICT)
        if self.instance.pk is not None:
            if cleaned.get("loaded_report_version") != self.instance.report.locked_version():
                raise ValidationError(CONFLICT)
        return cleaned


class ConcurrencySafeAdmin(SimpleHistoryAdmin):
    """A save that loses the race to an officer's shows the form's conflict message, never a server error.

    The admin's change view runs in a transaction, which the error rolls back; the view is
    then shown again with the form refusing the save, beside what the administrator typed.
    """

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ConcurrentEditError:
            request.lost_version_race = True
            return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if getattr(request, "lost_version_race", False):
            return type(form.__name__, (form,), {"refuse_as_conflict": True})
        return form


@admin.register(ProvinceReport)
class ProvinceReportAdmin(LeanChangelistMixin, ConcurrencySafeAdmin):
    Media = CharCounterMedia
    form = ProvinceReportAdminForm
    formfield_overrides = BUDDHIST_DATES
    submitted_at_be = be_column(ProvinceReport, "submitted_at")
    reopened_until_be = be_column(ProvinceReport, "reopened_until")
    created_at_be = be_column(ProvinceReport, "created_at")
    updated_at_be = be_column(ProvinceReport, "updated_at")
    reviewed_at_be = be_column(ProvinceReport, "reviewed_at")
    list_display = ["province", "period", "zone", "status", "is_late", "submitted_at_be", "reopened_until_be"]
    list_filter = ["status", "is_late", "period", "zone"]
    list_select_related = ["province", "period", "zone"]
    search_fields = ["province__name_th", "province__name_en"]
    # The moments below are the workflow's (shown with Buddhist-era years), not typed here.
    exclude = ["submitted_at", "reviewed_at"]
    readonly_fields = [
        "version",
        "created_at_be",
        "updated_at_be",
        "updated_by",
        "submitted_at_be",
        "submitted_by",
        "reviewed_at_be",
        "reviewed_by",
    ]
    inlines = [FindingInline, AttachmentInline, ShortfallResolutionInline, ReviewEventInline]
    actions = ["reopen_report"]

    @admin.action(description=_("Reopen the selected report for the province…"))
    def reopen_report(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, _("Choose exactly one report to reopen."), messages.ERROR)
            return None
        return redirect("admin:reports_provincereport_reopen", pk=queryset.get().pk)

    def save_model(self, request, obj, form, change):
        if change:
            # Moves the version on, so an officer's page opened before this save is refused.
            obj.claim_version(form.cleaned_data["loaded_version"])
        super().save_model(request, obj, form, change)

    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """A past version can be read, not restored: the history holds the report's own fields, not its findings."""
        if request.method == "POST":
            self.message_user(request, REVERT_REFUSED, messages.ERROR)
            return redirect("admin:reports_provincereport_history", object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_urls(self):
        reopen = path(
            "<int:pk>/reopen/", self.admin_site.admin_view(self.reopen_view), name="reports_provincereport_reopen"
        )
        return [reopen, *super().get_urls()]

    def reopen_view(self, request, pk: int):
        """Let one province edit and submit its report again until a date, with a reason."""
        report = get_object_or_404(ProvinceReport.objects.select_related("province", "period"), pk=pk)
        if not self.has_change_permission(request, report):
            raise PermissionDenied
        form = ReopenForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            report.reopen(form.cleaned_data["reason"], until=form.cleaned_data["until"], by=request.user)
            self.message_user(
                request,
                _("%(report)s is open again until %(date)s.")
                % {"report": report, "date": thai_date(report.reopened_until)},
            )
            return redirect("admin:reports_provincereport_change", report.pk)
        context = {**self.admin_site.each_context(request), "report": report, "form": form, "opts": self.opts}
        return TemplateResponse(request, "reports/report_reopen_admin.html", context)


@admin.register(Finding)
class FindingAdmin(LeanChangelistMixin, ConcurrencySafeAdmin):
    Media = CharCounterMedia
    form = FindingAdminForm
    list_display = ["report", "kind", "project"]
    list_filter = ["kind", "report__period"]
    list_select_related = ["report__province", "report__period", "project"]
    search_fields = ["project__name_th", "title", "problems", "report__province__name_th"]
    autocomplete_fields = ["project"]
    inlines = [FindingFigureInline]

    def save_model(self, request, obj, form, change):
        if change:
            obj.report.claim_version(form.cleaned_data["loaded_report_version"])
        else:
            obj.report.bump_version()
        super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        obj.report.bump_version()
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for report in ProvinceReport.objects.filter(pk__in=queryset.values("report")):
            report.bump_version()
        super().delete_queryset(request, queryset)


# The portal's own name, as on its pages.
admin.site.site_header = _("Inspection reporting portal")
admin.site.site_title = _("Inspection reporting portal")
admin.site.index_title = _("Administration")
