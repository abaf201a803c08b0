"""Production: every secret and host comes from the environment; nothing has a default."""

from .base import *  # noqa: F403
from .base import (
    MAILERS,
    SILENCED_SYSTEM_CHECKS,
    env,
    env_bool,
    env_list,
    origin,
    outbound_mailer,
    required_env,
)

DEBUG = False
# A web server in front (nginx, Caddy) should serve /media/; compose lets the app do it.
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
SECRET_KEY = required_env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS") or required_env("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
WAGTAILADMIN_BASE_URL = required_env("WAGTAILADMIN_BASE_URL")
SITE_URL = origin(env("SITE_URL", "") or WAGTAILADMIN_BASE_URL)
# base.py falls back to the console for development; unconfigured production mail goes to the
# local SMTP relay (Django's own default) instead of vanishing into the log.
MAILERS = {
    **MAILERS,
    "outbound": outbound_mailer(
        env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
    ),
}

# TLS ends at the reverse proxy, which tells us the original scheme.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# The preload list is a commitment that takes months to undo: the operator opts in once every
# subdomain serves HTTPS. Until then Django's deployment check would warn about it.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
