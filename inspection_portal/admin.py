"""Buddhist-era dates in Django admin: date boxes that take "31/01/2570", and columns that show it.

Django formats dates with the Gregorian year whatever the language; these replace the
admin's date widget and its date and time columns and read-only fields.
"""

from django.contrib import admin
from django.contrib.admin import helpers
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext

from inspection_portal.fields import AdminBuddhistDateInput, BuddhistDateField
from reports.templatetags.thai import thai_date, thai_datetime

# For a ModelAdmin's formfield_overrides: every date box of its form takes and shows BE dates.
BUDDHIST_DATES = {models.DateField: {"form_class": BuddhistDateField, "widget": AdminBuddhistDateInput}}


def be_column(model, name: str):
    """An admin column (or read-only field) showing a date or moment with its Buddhist-era year."""
    field = model._meta.get_field(name)
    with_time = isinstance(field, models.DateTimeField)

    @admin.display(description=field.verbose_name, ordering=name)
    def column(model_admin, obj):
        value = getattr(obj, name)
        return (thai_datetime(value) if with_time else thai_date(value)) or "–"

    column.__name__ = f"{name}_be"
    return column


class LabelledChangelistMixin:
    """The boxes of a changelist's editable columns get an accessible name: the column and the row."""

    def get_changelist_form(self, request, **kwargs):
        form_class = super().get_changelist_form(request, **kwargs)

        class LabelledForm(form_class):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                for field in self.fields.values():
                    field.widget.attrs["aria-label"] = f"{field.label}: {self.instance}"

        return LabelledForm


# Django admin's own message (translated in Django's catalogue), held in a name so makemessages leaves it there.
ACTION_LABEL = "Select this object for an action - {}"


class LeanChangelistMixin:
    """A changelist of a big table (thousands of reports and findings) at a few times a plain page's cost.

    - no second COUNT over the whole table for "(n total)": the filtered count is enough;
    - the rows' long texts and summary trees (of the model and of the rows it is shown with,
      list_select_related) are not read: the columns show none of them;
    - each row's action checkbox is written as Django's CheckboxInput writes it, without a
      template per row (the same HTML, tests/test_admin_changelists.py).
    """

    show_full_result_count = False

    def changelist_deferred(self) -> list[str]:
        """The text and JSON fields of the model and its list_select_related rows that no column shows."""
        shown = {name for name in self.list_display if isinstance(name, str)}
        paths = {""}
        for path in self.list_select_related or ():
            steps = path.split("__")
            paths.update("__".join(steps[:count]) + "__" for count in range(1, len(steps) + 1))
        deferred = []
        for prefix in sorted(paths):
            model = self.model
            for step in filter(None, prefix.split("__")):
                model = model._meta.get_field(step).related_model
            for field in model._meta.concrete_fields:
                if isinstance(field, (models.TextField, models.JSONField)) and f"{prefix}{field.name}" not in shown:
                    deferred.append(f"{prefix}{field.name}")
        return deferred

    def get_changelist(self, request, **kwargs):
        changelist_class = super().get_changelist(request, **kwargs)
        deferred = self.changelist_deferred()

        class LeanChangeList(changelist_class):
            def get_queryset(self, request, exclude_parameters=None):
                return super().get_queryset(request, exclude_parameters).defer(*deferred)

        return LeanChangeList

    def action_checkbox(self, obj):
        label = format_html(gettext(ACTION_LABEL), str(obj))
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            helpers.ACTION_CHECKBOX_NAME,
            str(obj.pk),
            label,
        )
