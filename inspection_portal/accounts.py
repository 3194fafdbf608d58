"""People arriving by e-mail: invitations, "forgot password", and the link both send.

Both go through the notifications outbox (Thai, HTML and text, retried). The link is
Django's password-reset link (signed, valid PASSWORD_RESET_DAYS days, spent once the
password is set), which works for accounts that never had a password.
"""

from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from notifications.outbox import notify


def password_link(user) -> str:
    """The path of the page where this user sets a password."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return reverse("password_reset_confirm", kwargs={"uidb64": uid, "token": default_token_generator.make_token(user)})


def invite(user) -> None:
    """E-mail a new account its Thai invitation to set a password."""
    context = {"username": user.get_username(), "days": settings.PASSWORD_RESET_DAYS}
    notify([user], "invitation", context, password_link(user))


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's form, except that it also serves invited accounts that never set a password.

    Django skips accounts without a usable password (they may log in elsewhere, through
    LDAP say); here every account logs in with a password, and an invited officer who lost
    the invitation must be able to ask again.
    """

    def get_users(self, email):
        users = get_user_model()._default_manager.filter(email__iexact=email, is_active=True)
        return [user for user in users if user.email.casefold() == email.casefold()]

    def save(self, *args, **kwargs) -> None:
        for user in self.get_users(self.cleaned_data["email"]):
            context = {"username": user.get_username(), "days": settings.PASSWORD_RESET_DAYS}
            notify([user], "password_reset", context, password_link(user))
