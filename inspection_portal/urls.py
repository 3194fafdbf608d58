from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from inspection_portal import views
from inspection_portal.accounts import PasswordResetForm

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("accounts/password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("accounts/profile/", views.profile, name="profile"),
    path(
        "accounts/password/forgot/",
        auth_views.PasswordResetView.as_view(form_class=PasswordResetForm),
        name="password_reset",
    ),
    path("accounts/password/forgot/sent/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "accounts/password/set/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("accounts/password/set/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("notices/", include("notifications.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("reports/", include("reports.urls")),
    path("meetings/", include("meetings.urls")),
    path("trends/", include("trends.urls")),
    path("library/", include("library.urls")),
    path("admin/", admin.site.urls),
]

handler500 = "inspection_portal.views.server_error"
