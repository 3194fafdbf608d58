from django import forms
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from notifications.kinds import Kind
from notifications.models import EmailPreference


def email_taken(email: str, user=None) -> bool:
    """Another account already uses this address (addresses are compared without case)."""
    others = get_user_model().objects.filter(email__iexact=email)
    if user is not None:
        others = others.exclude(pk=user.pk)
    return others.exists()


class ProfileForm(forms.Form):
    """The user's e-mail address and, for each kind of notice they may get, whether to e-mail it."""

    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        help_text=_("Notices, invitations and password links are sent here. Leave it empty to receive no e-mail."),
    )

    def __init__(self, user, kinds: list[Kind], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.kinds = kinds
        chosen = dict(EmailPreference.objects.filter(user=user).values_list("kind", "email"))
        self.fields["email"].initial = user.email
        for kind in kinds:
            self.fields[f"kind_{kind.code}"] = forms.BooleanField(
                label=kind.label, required=False, initial=chosen.get(kind.code, kind.email_default)
            )

    def kind_fields(self):
        return [self[f"kind_{kind.code}"] for kind in self.kinds]

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip()
        if email and email_taken(email, self.user):
            raise forms.ValidationError(_("Another account already uses this address."))
        return email

    @transaction.atomic
    def save(self) -> None:
        self.user.email = self.cleaned_data["email"]
        self.user.save(update_fields=["email"])
        for kind in self.kinds:
            EmailPreference.objects.update_or_create(
                user=self.user, kind=kind.code, defaults={"email": self.cleaned_data[f"kind_{kind.code}"]}
            )
