"""Fields for what people type: bounded text cleaned of bidirectional controls, and Buddhist-era dates.

Every free-text field of the portal uses these, in models (BoundedTextField,
PlainCharField) and plain forms (PlainTextField), so the admin's forms and the portal's
get the same rules. The length is checked on input only: rows saved before a limit
existed stay readable, and must be shortened only when next changed.
"""

import datetime

from django import forms
from django.core import validators
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from inspection_portal.lib.numbers import format_number
from inspection_portal.lib.text import clean_typed
from inspection_portal.lib.thai import DateTypoError, format_be_date, parse_thai_date

TOO_LONG = _("This text has %(show_value)s characters; at most %(limit_value)s are accepted. Shorten it.")


@deconstructible
class MaxLength(validators.MaxLengthValidator):
    """The length limit, saying its numbers with thousands separators ("4,100 … 4,000") as the live counter
    (static/js/char_counter.js) does."""

    message = TOO_LONG

    def __call__(self, value) -> None:
        cleaned = self.clean(value)
        if self.compare(cleaned, self.limit_value):
            params = {"limit_value": format_number(self.limit_value), "show_value": format_number(cleaned)}
            raise ValidationError(self.message, code=self.code, params=params)


class PlainTextField(forms.CharField):
    """A form field for typed text, with a live character counter instead of the browser's silent cut."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.validators = [
            MaxLength(validator.limit_value)
            if isinstance(validator, validators.MaxLengthValidator) and not isinstance(validator, MaxLength)
            else validator
            for validator in self.validators
        ]

    def to_python(self, value):
        return clean_typed(super().to_python(value))

    def widget_attrs(self, widget) -> dict:
        attrs = super().widget_attrs(widget)
        if self.max_length is not None and not widget.is_hidden:
            # maxlength would silently cut a pasted text: static/js/char_counter.js counts instead.
            attrs.pop("maxlength", None)
            attrs["data-max-length"] = str(self.max_length)
        return attrs


class BoundedTextField(models.TextField):
    """A TextField whose length is limited on input (forms and full_clean), not in the database."""

    def __init__(self, *args, max_length: int | None = None, **kwargs) -> None:
        super().__init__(*args, max_length=max_length, **kwargs)
        if max_length is not None:
            self.validators.append(MaxLength(max_length))

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PlainTextField, **kwargs})


class PlainCharField(models.CharField):
    """A CharField whose form field cleans typed text like PlainTextField."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PlainTextField, **kwargs})


class BuddhistDateInput(forms.DateInput):
    """A text box showing and taking dates as "31/01/2570" (the browser's own picker would be Gregorian)."""

    input_type = "text"

    def __init__(self, attrs=None) -> None:
        base = {"placeholder": _("dd/mm/yyyy (B.E.)"), "inputmode": "numeric", "autocomplete": "off", "size": 12}
        super().__init__({**base, **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, datetime.date):
            return format_be_date(value)
        return value


class AdminBuddhistDateInput(BuddhistDateInput):
    """The admin's date box, with its calendar: a day picked there arrives as a Gregorian date, read as such."""

    class Media:
        js = ["admin/js/calendar.js", "admin/js/admin/DateTimeShortcuts.js"]

    def __init__(self, attrs=None) -> None:
        super().__init__({"class": "vDateField", "size": 10, **(attrs or {})})


class BuddhistDateField(forms.DateField):
    """A date typed with a Buddhist-era year; a Gregorian one typed by habit is understood, never 543 years off."""

    widget = BuddhistDateInput
    default_error_messages = {
        "invalid": _("Type the date as day/month/Buddhist-era year, for example 31/01/2570."),
        "day": _("There is no such day: check the day and the month."),
        "year": _("Type the year as a Buddhist-era year, for example 2570."),
    }

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.date):
            return value
        try:
            return parse_thai_date(str(value))
        except DateTypoError as error:
            code = "invalid" if str(error) == "format" else str(error)
            raise ValidationError(self.error_messages[code], code=code) from None
