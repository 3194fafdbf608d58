"""Text fields for what people type: bounded in length, cleaned of bidirectional controls.

Every free-text field of the portal uses these, in models (BoundedTextField,
PlainCharField) and plain forms (PlainTextField), so the admin's forms and the portal's
get the same rules. The length is checked on input only: rows saved before a limit
existed stay readable, and must be shortened only when next changed.
"""

from django import forms
from django.core import validators
from django.db import models
from django.utils.translation import gettext_lazy as _

from inspection_portal.lib.text import clean_typed

TOO_LONG = _("This text has %(show_value)d characters; at most %(limit_value)d are accepted. Shorten it.")


class PlainTextField(forms.CharField):
    """A form field for typed text, with a live character counter instead of the browser's silent cut."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for validator in self.validators:
            if isinstance(validator, validators.MaxLengthValidator):
                validator.message = TOO_LONG

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
            self.validators.append(validators.MaxLengthValidator(max_length, message=TOO_LONG))

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PlainTextField, **kwargs})


class PlainCharField(models.CharField):
    """A CharField whose form field cleans typed text like PlainTextField."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PlainTextField, **kwargs})
