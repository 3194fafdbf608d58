from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources
from import_export.admin import ImportExportModelAdmin
from import_export.widgets import ForeignKeyWidget
from simple_history.admin import SimpleHistoryAdmin

from inspection_portal.admin import be_column
from inspection_portal.lib.spreadsheets import PortalImportExportMixin
from provinces.models import InspectionZone, InspectorAssignment, Person, Position, Province, ProvincialOfficer


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
    model = Province
    fields = ["iso_code", "name_th", "name_en"]
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
    list_display = ["iso_code", "name_th", "name_en", "zone", "chief"]
    list_filter = ["zone"]
    list_select_related = ["zone", "chief"]
    search_fields = ["iso_code", "name_th", "name_en"]
    autocomplete_fields = ["chief"]
    list_per_page = 100


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin):
    list_display = ["name_th", "name_en"]
    search_fields = ["name_th", "name_en"]


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["full_name", "position", "user"]
    list_filter = ["position"]
    list_select_related = ["position", "user"]
    search_fields = ["first_name", "last_name", "position__name_th", "user__username"]
    autocomplete_fields = ["position", "user"]

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


@admin.register(User)
class PortalUserAdmin(UserAdmin):
    """Users with their province (officers) and zones per fiscal year (inspectors) on one page."""

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
