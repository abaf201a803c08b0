"""Production settings as the load benchmark serves them (bench/load.py).

Everything comes from kopofo.settings.production; bench/load.py supplies the environment that
production requires (a throwaway SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, MEDIA_ROOT). Only what
a local run over plain HTTP needs differs.
"""

import os
from pathlib import Path

from bench import BARE_PATH
from kopofo.settings.production import *  # noqa: F403
from kopofo.settings.production import PAGE_CACHE_EXCLUDED_PATHS

# wrk talks plain HTTP to 127.0.0.1; a redirect to HTTPS would measure nothing but the redirect.
SECURE_SSL_REDIRECT = False
# The bare view (the framework's ceiling) sits beside the site's own addresses.
ROOT_URLCONF = "bench.urls"
# collectstatic writes into the run's temporary folder, never into the project's var/static.
STATIC_ROOT = Path(os.environ["BENCH_STATIC_ROOT"])
# The ceiling is Django's own cost: the bare view never comes from the page cache.
PAGE_CACHE_EXCLUDED_PATHS = [*PAGE_CACHE_EXCLUDED_PATHS, BARE_PATH]
