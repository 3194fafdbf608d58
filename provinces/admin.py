from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources
from import_export.admin import ImportExportModelAdmin
from import_export.widgets import ForeignKeyWidget
from simple_history.admin import SimpleHistoryAdmin

from inspection_portal.admin import LeanChangelistMixin, be_column
from inspection_portal.lib.spreadsheets import PortalImportExportMixin
from provinces import people_import
from provinces.models import InspectionZone, InspectorAssignment, Person, Position, Province, ProvincialOfficer
from provinces.roles import ADMINISTER


class ProvinceResource(resources.ModelResource):
    zone = fields.Field(attribute="zone", column_name="zone", widget=ForeignKeyWidget(InspectionZone, field="number"))

    class Meta:
        model = Province
        import_id_fields = ["iso_code"]
        fields = ["iso_code", "name_th", "name_en", "zone"]
        export_order = fields
        skip_unchanged = True
        report_skipped = False


class ProvinceInline(admin.TabularInline):
    """The zone's provinces, where an administrator sets the zone's official order."""

    model = Province
    fields = ["zone_position", "iso_code", "name_th", "name_en"]
    ordering = ["zone_position", "name_th"]
    extra = 0
    show_change_link = True


@admin.register(InspectionZone)
class InspectionZoneAdmin(SimpleHistoryAdmin):
    list_display = ["number", "name_th", "region_th", "province_count"]
    search_fields = ["name_th", "region_th", "provinces__name_th"]
    inlines = [ProvinceInline]

    def get_queryset(self, request):
        from django.db.models import Count

        return super().get_queryset(request).annotate(_province_count=Count("provinces"))

    @admin.display(description=_("provinces"), ordering="_province_count")
    def province_count(self, zone):
        return zone._province_count


@admin.register(Province)
class ProvinceAdmin(PortalImportExportMixin, ImportExportModelAdmin, SimpleHistoryAdmin):
    resource_classes = [ProvinceResource]
    list_display = ["iso_code", "name_th", "name_en", "zone", "zone_position", "chief"]
    list_filter = ["zone"]
    list_select_related = ["zone", "chief"]
    search_fields = ["iso_code", "name_th", "name_en"]
    autocomplete_fields = ["chief"]
    list_per_page = 100


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin):
    list_display = ["name_th", "name_en", "of_province"]
    list_filter = ["of_province"]
    search_fields = ["name_th", "name_en"]


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["full_name", "position", "province", "user"]
    list_filter = ["position", "province__zone"]
    list_select_related = ["position", "province", "user"]
    search_fields = ["first_name", "last_name", "position__name_th", "province__name_th", "user__username"]
    autocomplete_fields = ["position", "province", "user"]

    @admin.display(description=_("name"), ordering="first_name")
    def full_name(self, person):
        return person.full_name


@admin.register(ProvincialOfficer)
class ProvincialOfficerAdmin(admin.ModelAdmin):
    list_display = ["user", "province"]
    list_filter = ["province__zone"]
    list_select_related = ["user", "province"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "province__name_th"]
    autocomplete_fields = ["user", "province"]


@admin.register(InspectorAssignment)
class InspectorAssignmentAdmin(SimpleHistoryAdmin):
    list_display = ["user", "zone", "fiscal_year"]
    list_filter = ["fiscal_year", "zone"]
    list_select_related = ["user", "zone"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    autocomplete_fields = ["user"]


class ProvincialOfficerInline(admin.StackedInline):
    model = ProvincialOfficer
    can_delete = True
    extra = 0
    max_num = 1
    autocomplete_fields = ["province"]


class InspectorAssignmentInline(admin.TabularInline):
    model = InspectorAssignment
    extra = 0


User = get_user_model()
admin.site.unregister(User)


class PeopleImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or XLSX file"),
        help_text=_(
            "Columns: คำนำหน้า, ชื่อ, นามสกุล, ตำแหน่ง, อีเมล, and จังหวัด for an officer or เขตตรวจราชการ "
            "with ปีงบประมาณ for an inspector (several separated by spaces or commas)."
        ),
    )


@admin.register(User)
class PortalUserAdmin(LeanChangelistMixin, UserAdmin):
    """Users with their province (officers) and zones per fiscal year (inspectors) on one page."""

    change_list_template = "admin/auth/user/change_list_import.html"
    inlines = [ProvincialOfficerInline, InspectorAssignmentInline]
    last_login_be = be_column(User, "last_login")
    date_joined_be = be_column(User, "date_joined")
    readonly_fields = ["last_login_be", "date_joined_be"]

    def get_fieldsets(self, request, obj=None):
        # Django's "Important dates" show the moments read-only, with Buddhist-era years.
        return [
            (name, {**options, "fields": [self._dates.get(field, field) for field in options["fields"]]})
            for name, options in super().get_fieldsets(request, obj)
        ]

    _dates = {"last_login": "last_login_be", "date_joined": "date_joined_be"}
    list_display = ["username", "first_name", "last_name", "is_staff", "officer_province"]
    list_select_related = ["officer__province"]

    @admin.display(description=_("province"), ordering="officer__province__name_th")
    def officer_province(self, user):
        officer = getattr(user, "officer", None)
        return officer.province if officer else ""

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_people)
        return [path("import-people/", view, name="auth_user_import_people"), *super().get_urls()]

    def may_import(self, request) -> bool:
        return request.user.has_perm(ADMINISTER) and request.user.has_perm("auth.add_user")

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(request, {**(extra_context or {}), "may_import": self.may_import(request)})

    def import_people(self, request):
        """Create or update accounts from a file, all rows or none, and invite the new ones."""
        if not self.may_import(request):
            raise PermissionDenied
        form = PeopleImportForm(request.POST or None, request.FILES or None)
        errors: list[str] = []
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                result = people_import.import_file(upload.read(), upload.name)
            except people_import.ImportRefused as refused:
                errors = refused.errors
                form.add_error("file", _("Nothing was imported: correct the rows below and choose the file again."))
            else:
                message = _("%(created)s accounts created and invited by e-mail, %(updated)s updated.")
                self.message_user(request, message % {"created": len(result.created), "updated": len(result.updated)})
                return redirect("admin:auth_user_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "form": form,
            "errors": errors,
            "title": _("Import people"),
        }
        return TemplateResponse(request, "admin/auth/user/import_people.html", context, status=400 if errors else 200)
