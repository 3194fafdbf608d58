"""A password validator against what people in a provincial office guess first.

Django's validators pass "khonkaen2564": a province's name and a Buddhist-era year. This
one refuses passwords that are little more than a province name (Thai or English) or a
Buddhist-era year, and the demo accounts' passwords, which are published in the README.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from provinces.models import Province
from reports import demo

# Buddhist-era years people type: 2400–2699 (CE 1857–2156).
BE_YEAR = re.compile(r"2[456]\d\d")
# What is left of a password once names, years, digits and punctuation are taken out must be
# at least this long for the password to be more than a name and a year.
MIN_REST = 4
# Words that add nothing to a province's name.
FILLERS = ("จังหวัด", "province", "changwat")
DEMO_PASSWORDS = frozenset({demo.OFFICER_PASSWORD, demo.INSPECTOR_PASSWORD, demo.ADMIN_PASSWORD})


def _letters(text: str) -> str:
    """The text lowercased, without digits, spaces and punctuation."""
    return "".join(char for char in text.lower() if char.isalpha() or "\u0e00" <= char <= "\u0e7f")


def _province_names() -> list[str]:
    names = Province.objects.values_list("name_th", "name_en")
    return sorted({_letters(name) for pair in names for name in pair if _letters(name)}, key=len, reverse=True)


class GuessablePasswordValidator:
    """Refuse a demo password, or a province's name or a Buddhist-era year with little else."""

    refuses_demo_passwords = True  # load_demo leaves this validator out when it sets them

    def validate(self, password: str, user=None) -> None:
        if password in DEMO_PASSWORDS:
            raise ValidationError(
                _("This is a demo account's password, published in the portal's guide. Choose another."),
                code="password_demo",
            )
        rest = _letters(BE_YEAR.sub("", password))
        names = [name for name in _province_names() if name in rest]
        for word in (*names, *FILLERS):
            rest = rest.replace(word, "")
        if len(rest) >= MIN_REST:
            return
        if names:
            raise ValidationError(
                _("The password is little more than a province's name. Add words nobody would guess."),
                code="password_province",
            )
        if BE_YEAR.search(password):
            raise ValidationError(
                _("The password is little more than a Buddhist-era year. Add words nobody would guess."),
                code="password_year",
            )

    def get_help_text(self) -> str:
        return _("Your password cannot be a province's name or a year with little else.")
