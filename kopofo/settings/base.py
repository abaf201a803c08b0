"""Settings shared by every environment; each value that differs comes from the environment."""

import base64
import hashlib
import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def required_env(name):
    value = os.environ.get(name)
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} must be set for this settings module."
        )
    return value


INSTALLED_APPS = [
    "kopofo.pages",
    "kopofo.images",
    "kopofo.topics",
    "kopofo.contact",
    "kopofo.consent",
    "kopofo.mail",
    "kopofo.scheduling",
    "kopofo.ratelimit",
    "kopofo.caching",
    "kopofo.accounts",
    "kopofo.admin_ui",
    "events",
    "publications",
    "motions_db",
    "newsletter",
    "membership",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    # Wagtail's user admin with our rule on who may manage whom (kopofo/accounts/rights.py).
    "kopofo.accounts.apps.UsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks_db",
    "anymail",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Wagtail's database search backend uses PostgreSQL's search vectors and GIN indexes there;
    # Django refuses to start on PostgreSQL without this app (postgres.E005). SQLite ignores it.
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # First: the health check answers any host, over plain HTTP (see the middleware).
    "kopofo.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "kopofo.middleware.CanonicalHostMiddleware",
    "kopofo.middleware.ContentSecurityPolicyMiddleware",
    "kopofo.middleware.PermissionsPolicyMiddleware",
    # Before anything that queries with the path or the query string.
    "kopofo.middleware.RefuseNulCharactersMiddleware",
    # Readers' pages from the cache, before the session and everything that needs the database.
    "kopofo.caching.middleware.PageCacheMiddleware",
    # Which Wagtail site answers, once per generation (a query on every request otherwise).
    "kopofo.pages.middleware.SiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Django's CSRF token for the admin; the public forms' same-site rule (kopofo.public_forms).
    "kopofo.public_forms.PublicFormMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "kopofo.accounts.middleware.IdleTimeoutMiddleware",
    "kopofo.accounts.middleware.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Turns a refused login into the lockout page (kopofo.accounts.views.locked_out).
    "axes.middleware.AxesMiddleware",
]

# kopofo.public_forms.PublicFormMiddleware is a CsrfViewMiddleware (the token for the admin, the
# same-site rule for public forms); Django's check only knows the original by its name.
SILENCED_SYSTEM_CHECKS = ["security.W003"]

ROOT_URLCONF = "kopofo.urls"
WSGI_APPLICATION = "kopofo.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "kopofo.site_url.site_url",
            ],
        },
    },
]

# SQLite keeps the quick start free of services; production names PostgreSQL in DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(env("CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The worker and the web process share the file: wait for a lock instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that does not answer must give the visitor the error page in seconds, not hold
    # the worker until gunicorn kills it after 30 s (psycopg would wait 130 s). A connect_timeout
    # in DATABASE_URL's query string wins.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", int(env("DATABASE_CONNECT_TIMEOUT", "5"))
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Staff accounts (kopofo/accounts/): who may manage whom, lockout, password resets.
AUTHENTICATION_BACKENDS = [
    # Refuses every login, even with the right password, while the account or address is locked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "kopofo.accounts.lockout.AccountAndAddressHandler"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = 5  # failed logins per account within AXES_COOLOFF_TIME, then locked
LOGIN_FAILURE_LIMIT_PER_ADDRESS = 20  # failed logins per address (IPv6: per /64), then locked
AXES_COOLOFF_TIME = timedelta(minutes=30)
# Our own logins must not undo a lockout of someone else's account from the same address.
AXES_RESET_ON_SUCCESS = False
AXES_CLIENT_IP_CALLABLE = "kopofo.ratelimit.services.client_key"
AXES_LOCKOUT_CALLABLE = "kopofo.accounts.views.locked_out"
# Failures are kept for the cool-off time; successful logins are not logged with their address.
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "kopofo.accounts.forms.ThrottledPasswordResetForm"
PASSWORD_RESET_LIMIT_PER_ACCOUNT = 3  # reset mails per e-mail address and hour
PASSWORD_RESET_LIMIT_PER_ADDRESS = 10  # reset requests per client address and hour

# Staff who leave the admin open are logged out after this long without a request.
ADMIN_IDLE_TIMEOUT = timedelta(minutes=int(env("ADMIN_IDLE_TIMEOUT_MINUTES", "30")))

# Two-factor login (kopofo/accounts/two_factor.py): the name authenticator apps show.
OTP_TOTP_ISSUER = "kopofo nrw"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("Deutsch"))]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# One cache for the page cache, the rate limit's counts and Wagtail's renditions, shared by every
# process: files on this machine by default (no server needed), Redis when REDIS_URL is set
# (what several web machines share). The README's "Page cache" section says how it behaves.
REDIS_URL = env("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "kopofo.caching.backends.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "kopofo"),
            # Seconds to connect and for one command: a stuck Redis must not hang every worker.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "kopofo.caching.backends.FileBasedCache",
            "LOCATION": env("CACHE_DIR", str(BASE_DIR / "var" / "cache")),
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }
PAGE_CACHE_ALIAS = "default"
#: Off: every page is rendered for every reader (for the benchmark's "uncached" figures).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
#: A backstop only: any change to content starts a new generation of the cache at once.
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "3600"))
#: How long a proxy or CDN in front may keep a public page before it asks again (s-maxage).
PAGE_CACHE_PROXY_SECONDS = int(env("PAGE_CACHE_PROXY_SECONDS", "60"))
PAGE_CACHE_MAX_BYTES = 1024 * 1024
PAGE_CACHE_MAX_ADDRESS_LENGTH = 500
#: Never from the cache, besides the admin (and its previews): documents (their collections may
#: be private), media files (served as files).
PAGE_CACHE_EXCLUDED_PATHS = ["/dokumente/", "/media/"]
#: Cookies a reader's page differs by; the consent layer adds its own.
PAGE_CACHE_VARY_ON_COOKIES = []

# Background work: every app declares its tasks with kopofo.scheduling.background_task, on the
# database-backed "background" backend. One `manage.py run_worker` works off the "mail" queue,
# another every other queue. "default" stays immediate because Wagtail enqueues its search
# and reference index updates there, and the database worker refuses to run those.
BACKGROUND_TASKS = "background"
TASKS = {
    "default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"},
    # The queue names are kopofo.scheduling's DEFAULT_QUEUE and MAIL_QUEUE.
    BACKGROUND_TASKS: {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "mail"]},
}
# A finished task's record (ids and errors, never personal data) is deleted after this; no longer
# than the shortest purge of the data tasks concern (MAIL_RETENTION_DAYS).
TASK_RESULT_RETENTION_DAYS = int(env("TASK_RESULT_RETENTION_DAYS", "7"))
# Each worker says every 10 s that it lives; one silent for 60 s is dead and its RUNNING task
# goes back to the queue.
TASK_WORKER_HEARTBEAT_SECONDS = float(env("TASK_WORKER_HEARTBEAT_SECONDS", "10"))
TASK_WORKER_DEAD_AFTER_SECONDS = float(env("TASK_WORKER_DEAD_AFTER_SECONDS", "60"))

# Mail: every message is queued ("default") and the worker hands it to "outbound", chosen by
# environment: an ESP through anymail (EMAIL_BACKEND=anymail.backends.brevo.EmailBackend plus
# ANYMAIL_BREVO_API_KEY=...) or SMTP (EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend
# plus EMAIL_HOST, ...). See kopofo/mail/.
# Seconds any one exchange with the mail server or ESP may take: a server that accepts and never
# answers fails the attempt (retried later) instead of holding the mail worker for ever.
MAIL_TIMEOUT = float(env("EMAIL_TIMEOUT", "15"))


def outbound_mailer(backend):
    """The "outbound" mailer for `backend`, with the options that kind of backend takes."""
    options = {}
    if backend == "django.core.mail.backends.smtp.EmailBackend":
        options = {
            key: value
            for key, value in {
                "host": env("EMAIL_HOST", "localhost"),
                "port": int(env("EMAIL_PORT", "0")) or None,
                "username": env("EMAIL_HOST_USER"),
                "password": env("EMAIL_HOST_PASSWORD"),
                "use_tls": env_bool("EMAIL_USE_TLS") or None,
                "timeout": MAIL_TIMEOUT,
            }.items()
            if value is not None
        }
    return {"BACKEND": backend, "OPTIONS": options}


MAILERS = {
    "default": {"BACKEND": "kopofo.mail.backends.QueuedEmailBackend"},
    "outbound": outbound_mailer(
        env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
    ),
}
ANYMAIL = {
    key.removeprefix("ANYMAIL_"): value
    for key, value in os.environ.items()
    if key.startswith("ANYMAIL_")
}
# anymail's HTTP calls to the ESP (its default is 30 s).
ANYMAIL["REQUESTS_TIMEOUT"] = float(ANYMAIL.get("REQUESTS_TIMEOUT", MAIL_TIMEOUT))
# The outbox keeps a delivered mail's ledger entry (its Message-ID, no content) and a failed
# mail's content this long.
MAIL_RETENTION_DAYS = int(env("MAIL_RETENTION_DAYS", "7"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "kopofo nrw <buero@kopofo-nrw.de>")
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# Who hears of server errors and of tasks that failed for good (kopofo/mail/alerts.py).
ADMINS = env_list("ADMINS")

# The office reads contact messages for a while; after that they are personal data we don't need.
CONTACT_SUBMISSION_RETENTION_DAYS = int(env("CONTACT_SUBMISSION_RETENTION_DAYS", "180"))
CONTACT_RATE_LIMIT = (5, 3600)  # at most 5 messages per IP address (IPv6: /64) and hour
# A public form's POST body: plenty for any text a reader types, far too small for an abuse.
PUBLIC_FORM_MAX_BODY_BYTES = int(env("PUBLIC_FORM_MAX_BODY_BYTES", str(64 * 1024)))
# How many reverse proxies stand before the app; their X-Forwarded-For entries name the client.
NUM_PROXIES = int(env("NUM_PROXIES", "0"))

# Wagtail
WAGTAIL_SITE_NAME = "kommunalpolitisches forum nrw e.V."
WAGTAILADMIN_USER_LOGIN_FORM = "kopofo.admin_ui.forms.LoginForm"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")


def origin(value, name="SITE_URL"):
    """`value` as a bare origin ("https://kopofo-nrw.de"), or a clear message why it is not one."""
    parts = urlsplit(value.strip())
    if parts.scheme not in {"http", "https"} or not parts.hostname or parts.path.strip("/"):
        raise ImproperlyConfigured(
            f"{name} must be an origin such as https://kopofo-nrw.de (scheme and host, no path), "
            f"not {value!r}."
        )
    return f"{parts.scheme}://{parts.netloc}"


# Every absolute address the site prints starts with this (kopofo/site_url.py); without it, the
# admin's base is the best guess.
SITE_URL = origin(env("SITE_URL", "") or WAGTAILADMIN_BASE_URL)
WAGTAILIMAGES_IMAGE_MODEL = "images.CustomImage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "kopofo.images.forms.ImageForm"
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# A decoded image takes 3 to 4 bytes per pixel in every process that makes a rendition: an
# 11000 x 11000 PNG of 345 KB took the worker to 930 MB. 40 megapixels still fits every camera's
# photo (those of 24 and 36 MP included) and stays near 160 MB. Animated images count each frame.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents only through Wagtail's view, which checks the collection's privacy on every download;
# the web server must not serve MEDIA_ROOT/documents/ (nor original_images/) directly.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# The admin contacts no one either: no release check, no Gravatar (it would send a hash of each
# staff member's address to a third party).
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Addresses stay ASCII, so they survive every mail client and chat; the admin's slugify then
# writes out umlauts and ß for the page's language ("Straße" -> "strasse"), the server likewise
# (kopofo/pages/slugs.py).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch"), ("en", "English")]
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        # PostgreSQL stems German words ("Abschiebungen" finds "Abschiebung"); SQLite ignores it.
        "SEARCH_CONFIG": "german",
    }
}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Nothing on the public site comes from another host: no script, font, frame or pixel. The consent
# layer will allow a provider's frame only once the visitor agreed.
WAGTAILADMIN_PATH = "/admin/"


def _inline_style_hash(template):
    """The CSP source of the one inline <style> the site has: the static 500 page's.

    That page must render without the database or the static files, so it carries its style
    inline; hashing it here keeps the hash right whenever someone edits the style.
    """
    html = (BASE_DIR / "templates" / template).read_text(encoding="utf-8")
    style = html.split("<style>", 1)[1].split("</style>", 1)[0]
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    return f"'sha256-{digest}'"


SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    # No 'unsafe-inline': the templates use no style attributes (tests/security checks them).
    "style-src": [CSP.SELF, _inline_style_hash("500.html")],
    "img-src": [CSP.SELF, "data:"],
    "frame-src": [CSP.NONE],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    # No page of ours in anyone's frame, ours included, except Wagtail's previews: their views
    # send X-Frame-Options SAMEORIGIN, and kopofo.middleware makes frame-ancestors agree.
    "frame-ancestors": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
# Wagtail's admin runs inline scripts and styles and previews pages in frames of its own; it
# still loads nothing from another host (tests/browser/test_admin_under_csp.py).
WAGTAILADMIN_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "font-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "frame-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# Browser features no page of the site uses, switched off for every page (Permissions-Policy).
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "interest-cohort",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    ]
}

# A refused cross-site POST gets a German page in the site's frame, not Django's English one.
CSRF_FAILURE_VIEW = "kopofo.views.csrf_failure"

# A second hostname of the site (e.g. www.) answers with a permanent redirect to this one.
CANONICAL_HOST = env("CANONICAL_HOST", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        # Server errors reach ADMINS, at most one mail per kind of failure an hour.
        "mail_admins": {
            "level": "ERROR",
            "filters": ["require_debug_false"],
            "class": "kopofo.mail.handlers.ThrottledAdminEmailHandler",
        },
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        # Replaces Django's own pair (a DEBUG-only console and the unthrottled mail_admins).
        "django": {"handlers": ["mail_admins"], "level": "INFO"},
        # A request with a foreign Host header is noise, not an incident.
        "django.security.DisallowedHost": {"handlers": [], "propagate": False},
        # Every immediate task and every publish would log a line at INFO. A failed attempt is
        # retried; only a task that failed for good is mailed (kopofo/scheduling/retries.py).
        "django.tasks": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "wagtail": {"level": "WARNING"},
        # Failed logins and lockouts are warnings; every successful login is not worth a line.
        "axes": {"level": "WARNING"},
    },
}

# An error tracker (Sentry or GlitchTip) when its DSN is set; it gets no personal data.
SENTRY_DSN = env("SENTRY_DSN", "")
if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=env("SENTRY_ENVIRONMENT", "production"),
        send_default_pii=False,
        traces_sample_rate=0,
    )
