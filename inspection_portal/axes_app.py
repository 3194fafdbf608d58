"""django-axes's app, under a Thai name in the admin (its own is "Axes")."""

from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _


class LoginThrottlingConfig(AxesAppConfig):
    """django-axes under a Thai name in the admin (its own is "Axes")."""

    verbose_name = _("Login throttling")
