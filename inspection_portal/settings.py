"""Settings for the quarterly inspection reporting portal.

Everything that differs between machines comes from the environment, through the
small typed helpers below, which fail loudly on a value they cannot read.
Production is the default: DEBUG is off unless asked for.
"""

import datetime
import os
import tempfile
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from inspection_portal.env import envbool, envint, envlist, envstr

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

DEBUG = envbool("DEBUG", False)
SECRET_KEY = envstr("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-local-development-key-only-for-debug"
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "import_export",
    "simple_history",
    "inspection_portal.axes_app.LoginThrottlingConfig",  # django-axes
    "provinces",
    "reports",
    "meetings",
    "trends",
    "notifications",
    "library",
    "inspection_portal",
    # Last, as it asks: deletes a FileField's file when its row is deleted or the file replaced.
    "django_cleanup.apps.CleanupConfig",
]

MIDDLEWARE = [
    # First: the load balancer's /healthz answers before any redirect, session or login.
    "inspection_portal.middleware.HealthCheckMiddleware",
    "inspection_portal.middleware.SlowRequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before everything that writes the body: compresses the finished page (README "Performance").
    "inspection_portal.middleware.CompressedPagesMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "inspection_portal.middleware.SessionActivityMiddleware",
    "inspection_portal.middleware.MethodNotAllowedPageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "inspection_portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "notifications.context_processors.unread_notices",
            ],
        },
    },
]

WSGI_APPLICATION = "inspection_portal.wsgi.application"

# SQLite under the git-ignored var/ folder unless DATABASE_URL says otherwise.
DATABASE_URL = envstr("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}")
try:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=envint("DB_CONN_MAX_AGE", 60))}
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL is not a database URL: {exc}") from exc
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# A persistent connection is checked before a request reuses it, so a database restart
# costs a reconnect, not an error page.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache (README "Performance"): rendered summaries keyed on their version (meetings/rendered.py). It must be
# shared by every worker process and every machine, or one worker would keep what another has replaced: the
# database cache is, with nothing more to run (`migrate` creates its table, inspection_portal/apps.py), and one
# indexed query per read is small beside the rendering it saves. CACHE_BACKEND=locmem: each process its own.
CACHE_BACKEND = envstr("CACHE_BACKEND", "database")
if CACHE_BACKEND not in ("database", "locmem"):
    raise ImproperlyConfigured(f"CACHE_BACKEND must be database or locmem; got {CACHE_BACKEND!r}.")
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache",
            "OPTIONS": {"MAX_ENTRIES": envint("CACHE_MAX_ENTRIES", 3000)},
        }
        if CACHE_BACKEND == "database"
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "inspection_portal.passwords.GuessablePasswordValidator"},
]

LANGUAGE_CODE = "th"
LANGUAGES = [("th", _("Thai")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = envstr("TIME_ZONE", "Asia/Bangkok")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(envstr("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
MEDIA_ROOT = Path(envstr("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if envbool("STATIC_MANIFEST", not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = envbool("WHITENOISE_USE_FINDERS", DEBUG)
# Largest attachment an officer may upload, in bytes.
ATTACHMENT_MAX_BYTES = envint("ATTACHMENT_MAX_BYTES", 20 * 1024 * 1024)
# How many attachments, and how many bytes in all, one report may have.
ATTACHMENTS_PER_REPORT = envint("ATTACHMENTS_PER_REPORT", 30)
ATTACHMENTS_TOTAL_BYTES = envint("ATTACHMENTS_TOTAL_BYTES", 200 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10000

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "inspection_portal.auth_backend.PortalBackend",
]

# Login throttling (django-axes, README "Login throttling"): an account is locked for
# AXES_COOLOFF_TIME after AXES_FAILURE_LIMIT failures; an address, shared by a whole office
# behind NAT, after LOGIN_FAILURES_PER_ADDRESS. Failures older than the cool-off are forgotten.
AXES_HANDLER = "inspection_portal.login_throttle.PortalAxesHandler"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = envint("LOGIN_FAILURES_PER_ACCOUNT", 10)
LOGIN_FAILURES_PER_ADDRESS = envint("LOGIN_FAILURES_PER_ADDRESS", 50)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=envint("LOGIN_LOCKOUT_MINUTES", 15))
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "inspection_portal.login_throttle.lockout_response"
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_SENSITIVE_PARAMETERS: list[str] = []
AXES_VERBOSE = False
# The client's address: REMOTE_ADDR, or, behind TRUSTED_PROXY_COUNT reverse proxies that each
# append to X-Forwarded-For, the address the outermost of them saw (what clients add is ignored).
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", 0)
AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT or None
AXES_IPWARE_PROXY_ORDER = "right-most"
AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if TRUSTED_PROXY_COUNT else ["REMOTE_ADDR"]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# The summary's documents (README "Documents"): the PDF renderer ("auto": Chromium when it is
# installed, else WeasyPrint, announced; "chromium"; "weasyprint"), at most RENDER_SLOTS renders
# at once on the machine (one per core), each waiting at most RENDER_WAIT_SECONDS for its turn,
# and no render of a summary longer than SUMMARY_MAX_CHARACTERS.
PDF_RENDERER = envstr("PDF_RENDERER", "auto")
if PDF_RENDERER not in ("auto", "chromium", "weasyprint"):
    raise ImproperlyConfigured(f"PDF_RENDERER must be auto, chromium or weasyprint; got {PDF_RENDERER!r}.")
CHROMIUM_PATH = envstr("CHROMIUM_PATH", "/usr/bin/chromium")
PDF_RENDER_TIMEOUT_SECONDS = envint("PDF_RENDER_TIMEOUT_SECONDS", 30)
RENDER_SLOTS = envint("RENDER_SLOTS", os.cpu_count() or 1)
RENDER_WAIT_SECONDS = envint("RENDER_WAIT_SECONDS", 20)
RENDER_LOCK_DIR = envstr("RENDER_LOCK_DIR", f"{tempfile.gettempdir()}/inspection-portal-renders-{os.getuid()}")
SUMMARY_MAX_CHARACTERS = envint("SUMMARY_MAX_CHARACTERS", 600_000)

# Days after a quarter ends before its submissions close, unless an admin sets otherwise.
DEFAULT_DEADLINE_DAYS = envint("DEFAULT_DEADLINE_DAYS", 15)

EMAIL_BACKEND = envstr(
    "EMAIL_BACKEND",
    "notifications.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = envstr("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = envstr("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = envstr("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = envbool("EMAIL_USE_SSL", False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("EMAIL_USE_TLS and EMAIL_USE_SSL cannot both be on.")
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 30)
# The sender: the department's name with the address (a full "Name <address>" is kept as given).
EMAIL_FROM_NAME = envstr("EMAIL_FROM_NAME", "กรมการพัฒนาชุมชน")
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "noreply@localhost")
if "<" not in DEFAULT_FROM_EMAIL and EMAIL_FROM_NAME:
    DEFAULT_FROM_EMAIL = f'"{EMAIL_FROM_NAME}" <{DEFAULT_FROM_EMAIL}>'
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Links in e-mails are absolute: the address users open the portal at.
_FIRST_HOST = ALLOWED_HOSTS[0] if ALLOWED_HOSTS else "localhost"
PORTAL_BASE_URL = envstr("PORTAL_BASE_URL", "http://127.0.0.1:8000" if DEBUG else f"https://{_FIRST_HOST}").rstrip("/")
# Send a notice's e-mail right after its event commits (make run), not only from send_reminders.
NOTIFICATIONS_DELIVER_AT_ONCE = envbool("NOTIFICATIONS_DELIVER_AT_ONCE", DEBUG)
# The functions send_reminders calls to create the reminders that are due (see notifications).
NOTIFICATION_REMINDERS = ["reports.reminders.create_due", "meetings.reminders.create_due"]
# Invitation and password-reset links are valid this many days.
PASSWORD_RESET_DAYS = envint("PASSWORD_RESET_DAYS", 3)
PASSWORD_RESET_TIMEOUT = PASSWORD_RESET_DAYS * 24 * 60 * 60

# Behind a TLS-terminating reverse proxy in production; off for a local trial.
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if envbool("BEHIND_PROXY", not DEBUG) else None
# Preloading HSTS is a one-way decision for the owner of the domain, so it stays
# opt-in and its reminder (security.W021) is not printed while it is off.
# Sessions end after SESSION_COOKIE_AGE without activity (8 hours: an office day); the
# activity middleware saves a session at most every SESSION_ACTIVITY_WRITE_SECONDS, which
# moves its expiry on, instead of writing it on every request. README "Sessions".
SESSION_COOKIE_AGE = envint("SESSION_IDLE_HOURS", 8) * 3600
SESSION_ACTIVITY_WRITE_SECONDS = envint("SESSION_ACTIVITY_WRITE_SECONDS", 300)
SESSION_COOKIE_HTTPONLY = True

# Content-Security-Policy (django-csp): scripts, styles, fonts and images only from the portal
# itself; no inline script or style, no plug-ins, no framing. README "Content-Security-Policy".
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# Features the portal never uses are switched off for it and anything it embeds.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "usb",
        "xr-spatial-tracking",
    )
}

SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

# Requests slower than this many milliseconds are logged with their user, path, status and duration.
SLOW_REQUEST_MS = envint("SLOW_REQUEST_MS", 1000)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "INFO")},
}
