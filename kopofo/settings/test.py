import os
from urllib.parse import urlsplit

from .base import *  # noqa: F403
from .base import BASE_DIR, CACHES, REDIS_URL

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

# Each pytest-xdist worker gets a cache of its own (tests clear it between tests): a directory,
# or with REDIS_URL (CI runs the cache tests on Redis too) a Redis database per worker.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
_worker_number = int(_worker.removeprefix("gw") or 0)
if REDIS_URL:
    _database = f"/{1 + _worker_number}"
    CACHES["default"]["LOCATION"] = urlsplit(REDIS_URL)._replace(path=_database).geturl()
else:
    CACHES["default"]["LOCATION"] = str(BASE_DIR / "var" / "test-cache" / _worker)
