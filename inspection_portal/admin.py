"""Buddhist-era dates in Django admin: date boxes that take "31/01/2570", and columns that show it.

Django formats dates with the Gregorian year whatever the language; these replace the
admin's date widget and its date and time columns and read-only fields.
"""

from django.contrib import admin
from django.db import models

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
