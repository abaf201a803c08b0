from .base import *  # noqa: F403
from .base import BASE_DIR

DEBUG = False
SECRET_KEY = "test-only-secret-key-with-enough-length-and-entropy-0123456789"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1", "www.kopofo-nrw.test", "kopofo-nrw.test"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Django's test environment swaps every mailer for locmem; tests/conftest.py puts these back, so
# mail is queued as in production and the worker hands it to anymail's test backend.
MAILERS = {
    "default": {"BACKEND": "kopofo.mail.backends.QueuedEmailBackend"},
    "outbound": {"BACKEND": "anymail.backends.test.EmailBackend"},
}
WHITENOISE_AUTOREFRESH = True
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
SITE_URL = "http://testserver"
