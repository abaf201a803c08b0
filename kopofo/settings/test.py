from .base import *  # noqa: F403
from .base import BASE_DIR

DEBUG = False
SECRET_KEY = "test-only-secret-key-with-enough-length-and-entropy-0123456789"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1", "www.kopofo-nrw.test", "kopofo-nrw.test"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Django's test environment swaps every mailer for locmem; tests/conftest.py puts anymail's test
# backend back, so tests see what the ESP would be sent.
MAILERS = {"default": {"BACKEND": "anymail.backends.test.EmailBackend"}}
WHITENOISE_AUTOREFRESH = True
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
